package org.ahibridge.importing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceTags;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.AccessRules;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.StorageSelection;
import org.ahibridge.storage.TaggingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the P10 verdict of a classified object as tags on the source object
 * ({@code ahibridge.import.tag-source-objects}; the tags are {@link VerdictRecorder#tags}: verdict and
 * reason code, never patient data) and records the result per file in the ledger. The tags are a copy:
 * the ledger is the record of the verdict, so tagging never changes a file's outcome. A storage that
 * cannot tag (folders; s3proxy answers 501 to every tagging request) is warned about once and not asked
 * again; each of its files is recorded UNSUPPORTED.
 */
public final class SourceObjectTagger {

    static final String APPLIED = TaggingResult.APPLIED.name();
    static final String UNSUPPORTED = TaggingResult.UNSUPPORTED.name();
    static final String FAILED = "FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(SourceObjectTagger.class);

    private final boolean enabled;
    private final SourceTags results;
    private final Set<String> unsupported = ConcurrentHashMap.newKeySet();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public SourceObjectTagger(boolean enabled, SourceTags results) {
        this.enabled = enabled;
        this.results = results;
    }

    public static SourceObjectTagger disabled() {
        return new SourceObjectTagger(false, null);
    }

    /** Refuses, before any data moves, a source whose access mode does not allow writing its tags. */
    public void requireAllowed(StorageSelection source) {
        if (enabled) {
            source.rules().requireWritable(source.registration(), source.prefix(), AccessRules.Reach.TREE,
                    "to tag its objects with their P10 verdict (ahibridge.import.tag-source-objects is true)");
        }
    }

    /** Tags the object with its verdict when asked to; never throws for a tag that cannot be written. */
    public void tag(BlobStore store, SourceObject object, Verdict verdict) {
        if (!enabled) {
            return;
        }
        String storage = object.storage();
        if (unsupported.contains(storage)) {
            results.record(object.id(), UNSUPPORTED);
            return;
        }
        TaggingResult result;
        try {
            result = store.tag(object.key(), VerdictRecorder.tags(verdict));
        } catch (StorageException | AccessModeException e) {
            if (failing.add(storage)) {
                // The message names the object key; keys can carry patient names, so only the cause is logged.
                LOG.warn("Could not write P10 verdict tags on objects of storage '{}' (first: object {}): {}."
                        + " Imports go on; the run report counts FAILED under sourceTags", storage, object.id(),
                        cause(e.getMessage()));
            }
            results.record(object.id(), FAILED);
            return;
        }
        if (result == TaggingResult.UNSUPPORTED && unsupported.add(storage)) {
            LOG.warn("Storage '{}' ({}) cannot store object tags: P10 verdicts stay in the ledger only, recorded as"
                    + " UNSUPPORTED per file. Set ahibridge.import.tag-source-objects to false to stop this warning",
                    storage, store.describe());
        }
        results.record(object.id(), result.name());
    }

    private static String cause(String message) {
        if (message == null) {
            return "no message";
        }
        int failed = message.indexOf(" failed: ");
        return failed < 0 ? "see the ledger" : message.substring(failed + " failed: ".length());
    }
}
