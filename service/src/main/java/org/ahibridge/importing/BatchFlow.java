package org.ahibridge.importing;

/**
 * The routes' step of a datastore's batches (routes/import-advance.camel.yaml): its batches split into one
 * message each, staged, started and followed several at once. One-shot runs take it too, so they stage,
 * start and follow exactly as the service does.
 */
public interface BatchFlow {

    /** False when the routes are not loaded (a context that leaves them out): a run then fails, naming them. */
    boolean available();

    /** One step of the datastore's batches; returns when every batch message of it was handled. */
    void advance(String datastore);
}
