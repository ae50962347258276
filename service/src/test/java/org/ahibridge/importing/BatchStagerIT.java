package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.metrics.AwsRequestCounts;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.S3BlobStore;
import org.ahibridge.storage.S3Tuning;
import org.ahibridge.storage.StorageUris;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.storage.testing.S3Proxy;
import org.ahibridge.storage.testing.S3ProxyJar;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;

/** S3-to-S3 staging is server-side: the service copies a batch without reading any object bytes. */
class BatchStagerIT {

    @Test
    @Requires(S3ProxyJar.class)
    void shouldStageAnS3BatchWithServerSideCopiesOnly() throws IOException {
        try (S3Proxy proxy = S3Proxy.start(); S3Client client = proxy.createBucket("landing-bucket")) {
            client.createBucket(b -> b.bucket("staging-bucket"));
            S3BlobStore source = new S3BlobStore(client, proxy.connection(), "landing-bucket", "dicom/", S3Tuning.DEFAULT);
            S3BlobStore staging = new S3BlobStore(client, proxy.connection(), "staging-bucket", "ahi-staging/",
                    S3Tuning.DEFAULT);
            Ledger ledger = new Ledger(LedgerDatabase.h2(true));
            try {
                ledger.runs.start("run-1", "landing", "", "main");
                ledger.batches.open("B1", "main");
                for (int i = 0; i < 5; i++) {
                    byte[] content = ("object " + i).getBytes();
                    BlobInfo info = source.write("s/" + i + " ü.dcm", new ByteArrayInputStream(content), content.length);
                    long id = ledger.objects.discover("run-1", new ObjectVersion("landing", info.key(), info.version(),
                            info.size(), info.lastModified()), "main").object().id();
                    ledger.transitions.classify(id, Verdict.compliant("1", "2", "3", "4"));
                    ledger.batches.reserve("B1", info.size(), 10, 1_000);
                    ledger.transitions.assignBatch(id, "B1");
                }
                ledger.batches.seal("B1");
                BatchStager stager = new BatchStager(ledger.objects, ledger.transitions, ledger.batches,
                        new AuditedOutcomes(ledger.objects, ledger.transitions, r -> { }, ledger.clock));

                AwsRequestCounts.Snapshot before = AwsRequestCounts.process().snapshot();

                BatchStager.Result result = stager.stage(ledger.batches.find("B1").orElseThrow(), staging,
                        StorageUris.parse("s3://staging-bucket/ahi-staging/"), storage -> source);

                assertThat(result).isEqualTo(new BatchStager.Result(5, 5, 0));
                // One conditional CopyObject per file: no HEAD before it (the ledger has the listed ETag).
                assertThat(AwsRequestCounts.process().snapshot().since(before).attempts())
                        .containsOnly(java.util.Map.entry("S3.CopyObject", 5L));
                assertThat(staging.list("B1/", null, 100).objects()).hasSize(5);
                assertThat(ledger.objects.inBatch("B1")).allSatisfy(o -> assertThat(client.headObject(b -> b
                        .bucket("staging-bucket").key(o.stagingKey())).contentLength()).isEqualTo(o.size()));
            } finally {
                ledger.database.close();
            }
        }
    }
}
