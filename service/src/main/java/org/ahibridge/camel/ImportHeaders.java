package org.ahibridge.camel;

/**
 * Headers of the per-object import flow (routes/import-pass, import-object, import-rules, import-skip): what
 * a route author filters on, with the {@link P10Headers} the classify step sets. Ids, keys and sizes only.
 */
public final class ImportHeaders {

    /** {@code String}: the registered storage (or several, comma-separated) a pass lists; absent: every source
     * of {@code ahibridge.routes.import.sources}. */
    public static final String SOURCE = "AhiBridgeSource";
    /** {@code String}: the datastore the source imports into (default {@code ahibridge.routes.import.datastore}). */
    public static final String DATASTORE = OutcomeHeaders.DATASTORE;
    /** {@code String}: the endpoint holding the source's rules (default {@code direct:import-rules}). */
    public static final String RULES = "AhiBridgeRules";
    /** Set by import-pass after a pass: true when every source of the pass was quiet (nothing new, nothing waiting). */
    public static final String SOURCE_QUIET = "AhiBridgeSourceQuiet";
    /** {@code Long}: the ledger id of the object version. */
    public static final String OBJECT_ID = "AhiBridgeObjectId";
    /** {@code String}: the object's storage. */
    public static final String STORAGE = OutcomeHeaders.STORAGE;
    /** {@code String}: the object's key in its storage. */
    public static final String KEY = OutcomeHeaders.KEY;
    /** {@code String}: the object's version. */
    public static final String VERSION = OutcomeHeaders.VERSION;
    /** {@code Long}: the object's size in bytes. */
    public static final String SIZE = "AhiBridgeSize";
    /** {@code String}: the run the object belongs to. */
    public static final String RUN_ID = OutcomeHeaders.RUN_ID;
    /**
     * {@code String}: where the object stands after the classify step: {@code COMPLIANT}, {@code NOT_P10},
     * {@code CLASSIFIED} (classified before: straight to a batch), {@code SKIPPED} (a configured rule, see
     * {@link #SKIP_REASON}), {@code UNREADABLE} (see {@link #FAIL_REASON}) or {@code BUSY} (another worker has it).
     */
    public static final String VERDICT = "AhiBridgeVerdict";
    /** {@code String}: set it (in import-rules) to skip the object: it ends SKIPPED_BY_RULE with this reason. */
    public static final String SKIP_REASON = "AhiBridgeSkipReason";
    /** {@code String}: why the object could not be read; it ends FAILED with it. */
    public static final String FAIL_REASON = "AhiBridgeFailReason";

    /**
     * Prefix of labels: a header {@code AhiBridgeLabel.site} set before classification (in the route that starts
     * the pass) becomes {@code "labels": {"site": ...}} in every audit line of the object. Never patient data.
     */
    public static final String LABEL_PREFIX = "AhiBridgeLabel.";

    /** Exchange property (not a header) holding the object's ledger row, for the record steps. */
    public static final String OBJECT_PROPERTY = "AhiBridgeSourceObject";

    private ImportHeaders() {
    }
}
