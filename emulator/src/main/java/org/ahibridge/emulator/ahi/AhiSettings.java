package org.ahibridge.emulator.ahi;

/**
 * The emulated account and the service quotas (docs/aws-healthimaging.md §8; defaults are AWS's defaults).
 *
 * @param maxFilesPerJob        "Max files in a DICOM import job" (5,000)
 * @param maxBytesPerJob        "Max total size of all files in a DICOM import job" (10 GB)
 * @param maxBytesPerFile       "Max size of each DICOM P10 file in an import job" (10 GB; the older copy
 *                              of the guide says 4 GB). Not adjustable at AWS; tests lower it
 * @param maxConcurrentJobs     "Max concurrent import jobs per data store" (100)
 * @param startJobRate          StartDICOMImportJob requests per second (1)
 * @param startJobBurst         StartDICOMImportJob burst (2)
 * @param maxUpdatePayloadBytes "Max UpdateImageSetMetadata payload" (10 KB)
 * @param datastoreCreationMillis how long a new data store stays CREATING before it is ACTIVE (AWS takes
 *                              minutes; the emulator a moment, but callers must still wait for ACTIVE)
 */
public record AhiSettings(String region, String accountId, int maxFilesPerJob, long maxBytesPerJob,
        long maxBytesPerFile, int maxConcurrentJobs, double startJobRate, int startJobBurst,
        int maxUpdatePayloadBytes, long datastoreCreationMillis) {

    public static AhiSettings defaults() {
        long tenGb = 10L * 1024 * 1024 * 1024;
        return new AhiSettings("us-east-1", "123456789012", 5_000, tenGb, tenGb, 100, 1.0, 2, 10 * 1024, 250);
    }

    public AhiSettings withStartJobRate(double rate, int burst) {
        return new AhiSettings(region, accountId, maxFilesPerJob, maxBytesPerJob, maxBytesPerFile, maxConcurrentJobs,
                rate, burst, maxUpdatePayloadBytes, datastoreCreationMillis);
    }

    public AhiSettings withJobLimits(int files, long bytes, int concurrent) {
        return new AhiSettings(region, accountId, files, bytes, maxBytesPerFile, concurrent, startJobRate,
                startJobBurst, maxUpdatePayloadBytes, datastoreCreationMillis);
    }

    public AhiSettings withMaxBytesPerFile(long bytes) {
        return new AhiSettings(region, accountId, maxFilesPerJob, maxBytesPerJob, bytes, maxConcurrentJobs,
                startJobRate, startJobBurst, maxUpdatePayloadBytes, datastoreCreationMillis);
    }

    public AhiSettings withMaxUpdatePayloadBytes(int bytes) {
        return new AhiSettings(region, accountId, maxFilesPerJob, maxBytesPerJob, maxBytesPerFile, maxConcurrentJobs,
                startJobRate, startJobBurst, bytes, datastoreCreationMillis);
    }

    public AhiSettings withDatastoreCreationMillis(long millis) {
        return new AhiSettings(region, accountId, maxFilesPerJob, maxBytesPerJob, maxBytesPerFile, maxConcurrentJobs,
                startJobRate, startJobBurst, maxUpdatePayloadBytes, millis);
    }

    public String datastoreArn(String datastoreId) {
        return "arn:aws:medical-imaging:" + region + ":" + accountId + ":datastore/" + datastoreId;
    }

    public String imageSetArn(String datastoreId, String imageSetId) {
        return datastoreArn(datastoreId) + "/imageset/" + imageSetId;
    }
}
