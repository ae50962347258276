package org.ahibridge.importing;

import java.util.Iterator;

import org.ahibridge.ledger.SourceObject;

/**
 * Takes objects that need work through classification, the rules and batching: in the service and in
 * one-shot runs alike, the routes (routes/import-objects.camel.yaml), so both take one path. Returns
 * once every object was handed on (its outcome recorded or the file batched).
 */
public interface ObjectFlow {

    /** False when the routes are not loaded (a context that leaves them out): a run then fails, naming them. */
    boolean available();

    /** Takes every object of {@code objects} through the flow; throws when one failed for good. */
    void take(Iterator<SourceObject> objects);
}
