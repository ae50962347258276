package org.ahibridge.importing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import pipeline settings ({@code ahibridge.import.*}), bound at startup; {@link #batchPolicy()} and
 * the record constructors reject values outside AHI's limits with the key to fix.
 *
 * @param batch         batch limits (docs/aws-healthimaging.md §8.1)
 * @param jobs          pacing of StartDICOMImportJob and the cap on concurrent jobs (docs/aws-healthimaging.md §8.2)
 * @param discovery     polling: listing page size, the stability rule and temporary names
 * @param rules         filter rules on keys and sizes ({@link ImportRules})
 * @param nonPrimary    the {@link NonPrimaryPolicy}
 * @param maxAttempts   how many times a file may go through an import job that reports a server error
 */
@ConfigurationProperties("ahibridge.import")
public record ImportProperties(@DefaultValue Batch batch, @DefaultValue Jobs jobs, @DefaultValue Discovery discovery,
        @DefaultValue Rules rules, @DefaultValue("report") NonPrimaryPolicy nonPrimary,
        @DefaultValue("3") int maxAttempts) {

    public ImportProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ahibridge.import.max-attempts must be at least 1, not " + maxAttempts);
        }
    }

    public BatchPolicy batchPolicy() {
        return new BatchPolicy(batch.maxFiles(), batch.maxBytes(), batch.maxFileBytes(), batch.maxAge(),
                batch.safetyMarginPercent());
    }

    public ImportRules importRules() {
        return new ImportRules(rules.include(), rules.exclude(), rules.minSize(), rules.maxSize());
    }

    /** Key globs to include and exclude, and a size range in bytes (max-size -1: no limit). */
    public record Rules(List<String> include, List<String> exclude, @DefaultValue("0") long minSize,
            @DefaultValue("-1") long maxSize) {
    }

    /** Sizes are in bytes; the defaults are AHI's 5,000 files and 10 GB (10^10 bytes). */
    public record Batch(@DefaultValue("5000") int maxFiles, @DefaultValue("10000000000") long maxBytes,
            @DefaultValue("10000000000") long maxFileBytes, @DefaultValue("PT5M") Duration maxAge,
            @DefaultValue("0") int safetyMarginPercent) {
    }

    /**
     * StartDICOMImportJob is throttled at 1 request/s with a burst of 2 and AHI runs at most 100 jobs per
     * datastore at once (20 in ap-southeast-2); the defaults stay below both. A batch whose start is still
     * throttled after {@code maxStartAttempts} steps (each already retried by the AHI client) ends FAILED, as do
     * its files; so does a batch with more transient storage faults than that.
     */
    public record Jobs(@DefaultValue("0.5") double startsPerSecond, @DefaultValue("2") int startBurst,
            @DefaultValue("50") int maxConcurrentPerDatastore, @DefaultValue("PT30S") Duration pollInterval,
            @DefaultValue("20") int maxStartAttempts) {

        public Jobs {
            if (startsPerSecond <= 0 || startsPerSecond > 1) {
                throw new IllegalArgumentException("ahibridge.import.jobs.starts-per-second must be above 0 and at"
                        + " most 1 (AHI's StartDICOMImportJob rate), not " + startsPerSecond);
            }
            if (startBurst < 1 || startBurst > 2) {
                throw new IllegalArgumentException("ahibridge.import.jobs.start-burst must be 1 or 2, not " + startBurst);
            }
            if (maxConcurrentPerDatastore < 1 || maxConcurrentPerDatastore >= 100) {
                throw new IllegalArgumentException("ahibridge.import.jobs.max-concurrent-per-datastore must be 1 to 99"
                        + " (AHI's quota is 100), not " + maxConcurrentPerDatastore);
            }
            if (maxStartAttempts < 1) {
                throw new IllegalArgumentException("ahibridge.import.jobs.max-start-attempts must be at least 1, not "
                        + maxStartAttempts);
            }
        }
    }

    /** An object is taken when it was seen unchanged in two listings, or is older than {@code stableAfter}. */
    public record Discovery(@DefaultValue("1000") int pageSize, @DefaultValue("PT2M") Duration stableAfter,
            @DefaultValue({"*.tmp", "*.temp", "*.part", "*.partial", "*.filepart", "*.crdownload", ".~*", "~$*"})
            List<String> temporaryNames) {
    }
}
