package org.ahibridge.importing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.FileBlobStore;

/** Output fixtures of docs/aws-healthimaging.md §6 and files of a submitted batch. */
final class Fixtures {

    static final String DS = "0123456789abcdef0123456789abcdef";
    static final String JOB = "feedfacefeedfacefeedfacefeedface";
    static final String AWS_DS = "12345678901234567890123456789012";
    static final String AWS_JOB = "09876543210987654321098765432109";

    private Fixtures() {
    }

    /** A folder of test resources as an output storage. */
    static FileBlobStore output(String fixture) {
        try {
            return new FileBlobStore(Path.of(Fixtures.class.getResource("/importing/" + fixture).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SourceObject submitted(long id, String stagingKey, int attempts) {
        return new SourceObject(id, "landing", "src/" + id + ".dcm", "etag" + id, 1000, Instant.EPOCH, Instant.EPOCH,
                "run-1", "main", WorkState.SUBMITTED, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"),
                "B1", stagingKey, JOB, null, null, null, null, null, attempts, Instant.EPOCH);
    }

    static ImportJob job(ImportJobStatus status, String outputS3Uri, String message) {
        return new ImportJob(DS, JOB, status, "s3://staging-bucket/ahi-staging/B1/", outputS3Uri, message,
                Instant.EPOCH, Instant.EPOCH);
    }
}
