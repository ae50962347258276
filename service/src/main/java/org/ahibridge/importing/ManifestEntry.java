package org.ahibridge.importing;

import java.util.List;

/**
 * One line of {@code SUCCESS/success.ndjson}, {@code WARNING/warning.ndjson} or
 * {@code FAILURE/failure.ndjson} (docs/aws-healthimaging.md §6). {@code inputFile} is the object key in the staging
 * bucket.
 */
public record ManifestEntry(Kind kind, String inputFile, String imageSetId, Integer imageSetVersion,
        Boolean isPrimary, String exceptionType, String message, List<String> warnings) {

    public enum Kind {
        SUCCESS,
        WARNING,
        FAILURE
    }
}
