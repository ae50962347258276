package org.ahibridge.camel;

import java.util.List;

import org.ahibridge.ledger.SourceObject;

/**
 * The body of a message on {@code direct:import-batching}: CLASSIFIED, compliant files of one datastore (a page's),
 * to be added to the datastore's open batch.
 */
public record StagingFiles(String datastore, List<SourceObject> files) {

    public StagingFiles {
        files = List.copyOf(files);
    }
}
