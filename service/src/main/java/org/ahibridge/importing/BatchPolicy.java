package org.ahibridge.importing;

import java.time.Duration;

/**
 * How large and how old a staging batch (one AHI import job) may get. AHI allows at most 5,000 files
 * (adjustable quota L-685AAB3A) and 10 GB in total per DICOM import job, and 10 GB per file (the older
 * guide says 4 GB) (docs/aws-healthimaging.md §8.1). "10 GB" is taken as 10,000,000,000 bytes, the smaller reading,
 * so a
 * batch never exceeds the quota whichever unit AHI means.
 *
 * <p>{@code safetyMarginPercent} shrinks both batch limits, e.g. 10 keeps batches at 4,500 files and
 * 9 GB. A batch is sealed when it is full or when it was opened more than {@code maxAge} ago.
 */
public record BatchPolicy(int maxFiles, long maxBytes, long maxFileBytes, Duration maxAge, int safetyMarginPercent) {

    /** AHI's import-job limit on total size: 10 GB, as 10^10 bytes. */
    public static final long AHI_MAX_JOB_BYTES = 10_000_000_000L;
    public static final int AHI_DEFAULT_MAX_FILES = 5_000;

    public static final BatchPolicy AHI_DEFAULTS = new BatchPolicy(AHI_DEFAULT_MAX_FILES, AHI_MAX_JOB_BYTES,
            AHI_MAX_JOB_BYTES, Duration.ofMinutes(5), 0);

    public BatchPolicy {
        if (maxFiles < 1) {
            throw new IllegalArgumentException("ahibridge.import.batch.max-files must be at least 1, not " + maxFiles);
        }
        if (maxBytes < 1 || maxBytes > AHI_MAX_JOB_BYTES) {
            throw new IllegalArgumentException("ahibridge.import.batch.max-bytes must be 1 to " + AHI_MAX_JOB_BYTES
                    + " bytes (AHI's 10 GB per import job), not " + maxBytes);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("ahibridge.import.batch.max-file-bytes must be positive, not "
                    + maxFileBytes);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("ahibridge.import.batch.max-age must be a positive duration, not "
                    + maxAge);
        }
        if (safetyMarginPercent < 0 || safetyMarginPercent > 90) {
            throw new IllegalArgumentException("ahibridge.import.batch.safety-margin-percent must be 0 to 90, not "
                    + safetyMarginPercent);
        }
    }

    /** Files per batch after the safety margin (at least 1). */
    public int effectiveMaxFiles() {
        return Math.max(1, (int) ((long) maxFiles * (100 - safetyMarginPercent) / 100));
    }

    /** Bytes per batch after the safety margin (at least 1). */
    public long effectiveMaxBytes() {
        return Math.max(1, maxBytes / 100 * (100 - safetyMarginPercent) + maxBytes % 100 * (100 - safetyMarginPercent) / 100);
    }

    /** The largest file a batch can take: the per-file limit, and never more than a whole batch. */
    public long effectiveMaxFileBytes() {
        return Math.min(maxFileBytes, effectiveMaxBytes());
    }
}
