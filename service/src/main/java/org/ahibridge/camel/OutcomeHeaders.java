package org.ahibridge.camel;

/**
 * Headers of the outcome messages on {@code direct:import-outcome} (routes/import-outcome.camel.yaml): one
 * message per terminal outcome of a source object, the {@code AuditRecord} as body. Ids, keys and reasons
 * only: an outcome message never carries patient data.
 */
public final class OutcomeHeaders {

    /** {@code String}: IMPORTED, IMPORTED_WITH_WARNINGS, SKIPPED_NOT_P10, SKIPPED_BY_RULE, ALREADY_IMPORTED, FAILED. */
    public static final String OUTCOME = "AhiBridgeOutcome";
    /** {@code String}: why (the classifier's reason, the rule's reason, AHI's message), or absent. */
    public static final String REASON = "AhiBridgeOutcomeReason";
    /** {@code String}: the import run that reported the outcome. */
    public static final String RUN_ID = "AhiBridgeRunId";
    /** {@code String}: the registered storage the object is in. */
    public static final String STORAGE = "AhiBridgeStorage";
    /** {@code String}: the object's key in its storage. */
    public static final String KEY = "AhiBridgeKey";
    /** {@code String}: the object's version (ETag, generation, or version id). */
    public static final String VERSION = "AhiBridgeVersion";
    /** {@code String}: the datastore it was imported (or meant to be imported) into. */
    public static final String DATASTORE = "AhiBridgeDatastore";
    /** {@code String}: the staging batch (one AHI import job), when it got that far. */
    public static final String BATCH_ID = "AhiBridgeBatchId";
    /** {@code String}: the AHI import job id, when it got that far. */
    public static final String JOB_ID = "AhiBridgeJobId";
    /** {@code String}: the image set AHI put the instance in (imported outcomes). */
    public static final String IMAGE_SET_ID = "AhiBridgeImageSetId";
    /** {@code Boolean}: whether that image set is primary (imported outcomes). */
    public static final String IS_PRIMARY = "AhiBridgeIsPrimary";
    /** {@code String}: the SOP Instance UID, when the object was classified compliant. */
    public static final String SOP_INSTANCE_UID = "AhiBridgeSopInstanceUid";

    private OutcomeHeaders() {
    }
}
