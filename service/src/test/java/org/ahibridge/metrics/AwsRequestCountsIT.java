package org.ahibridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.ahi.AhiClients;
import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.storage.S3Clients;
import org.ahibridge.storage.S3Connection;

/**
 * The service's own S3 and AHI clients, as S3Clients and AhiClients build them, count what they send against
 * the emulator into the process's {@link AwsRequestCounts}: each attempt, retries included, and each throttled
 * answer. Other tests of the JVM count into the same registry, so each test reads what it added.
 */
class AwsRequestCountsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create();

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"));

    @AfterEach
    void clearFaults(FaultInjector faults) {
        faults.clear();
    }

    @Test
    void s3RequestsAreCountedByOperation(EmulatorEndpoints endpoints) {
        AwsRequestCounts.Snapshot before = AwsRequestCounts.process().snapshot();
        try (S3Client s3 = S3Clients.create(new S3Connection(endpoints.region(), endpoints.s3(), true), CREDENTIALS)) {
            s3.createBucket(b -> b.bucket("counted"));
            s3.putObject(b -> b.bucket("counted").key("a"), RequestBody.fromString("a"));
            for (int i = 0; i < 3; i++) {
                s3.getObjectAsBytes(b -> b.bucket("counted").key("a"));
            }
            s3.headObject(b -> b.bucket("counted").key("a"));
        }

        AwsRequestCounts.Snapshot sent = AwsRequestCounts.process().snapshot().since(before);

        assertThat(sent.attempts()).containsOnly(entry("S3.CreateBucket", 1L), entry("S3.PutObject", 1L),
                entry("S3.GetObject", 3L), entry("S3.HeadObject", 1L));
        assertThat(sent.throttled()).isEmpty();
    }

    @Test
    void ahiThrottledAttemptsCountAsAttemptsAndAsThrottled(EmulatorEndpoints endpoints, FaultInjector faults) {
        String datastoreId = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), "counted");
        faults.next("ListDatastores", FaultInjector.Kind.THROTTLE, 2);
        AwsRequestCounts.Snapshot before = AwsRequestCounts.process().snapshot();

        try (MedicalImagingClient ahi = AhiClients.create(endpoints.region(), endpoints.ahi(), CREDENTIALS)) {
            // The SDK does not retry (AhiRetry does, above the client): each attempt made here is one request.
            int throttled = 0;
            while (true) {
                try {
                    assertThat(ahi.listDatastores(b -> { }).datastoreSummaries()).isNotEmpty();
                    break;
                } catch (ThrottlingException e) {
                    assertThat(++throttled).isLessThanOrEqualTo(2);
                }
            }
            // A runtime operation: it reaches the emulator only if the counter left the host prefix setting alone.
            ahi.searchImageSets(b -> b.datastoreId(datastoreId));
        }

        AwsRequestCounts.Snapshot sent = AwsRequestCounts.process().snapshot().since(before);
        assertThat(sent.attempts()).containsOnly(entry("MedicalImaging.ListDatastores", 3L),
                entry("MedicalImaging.SearchImageSets", 1L));
        assertThat(sent.throttled()).containsOnly(entry("MedicalImaging.ListDatastores", 2L));
    }
}
