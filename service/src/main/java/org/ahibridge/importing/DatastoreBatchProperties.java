package org.ahibridge.importing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Batch limits of single datastores ({@code ahibridge.import.datastore-batch.<datastore>.*}), for example a
 * datastore whose AHI file quota was raised, or one kept to small jobs. A limit not given is the global
 * {@code ahibridge.import.batch.*} one; {@code max-age} and {@code safety-margin-percent} are always global.
 */
@ConfigurationProperties("ahibridge.import")
public record DatastoreBatchProperties(Map<String, Limits> datastoreBatch) {

    /** The limits a datastore changes; null keeps the global value. */
    public record Limits(Integer maxFiles, Long maxBytes, Long maxFileBytes) {
    }

    public DatastoreBatchProperties {
        datastoreBatch = datastoreBatch == null ? Map.of() : Map.copyOf(datastoreBatch);
    }

    /** The policy of {@code datastore}'s batches: {@code global} with the datastore's own limits. */
    public BatchPolicy policy(String datastore, BatchPolicy global) {
        Limits limits = datastoreBatch.get(datastore);
        if (limits == null) {
            return global;
        }
        return new BatchPolicy(limits.maxFiles() == null ? global.maxFiles() : limits.maxFiles(),
                limits.maxBytes() == null ? global.maxBytes() : limits.maxBytes(),
                limits.maxFileBytes() == null ? global.maxFileBytes() : limits.maxFileBytes(), global.maxAge(),
                global.safetyMarginPercent());
    }
}
