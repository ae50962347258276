package org.ahibridge.importing;

import java.io.IOException;
import java.util.Optional;

import org.ahibridge.dicom.p10.P10Verdict;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.storage.BlobStore;

/**
 * The classify step of one discovered object (docs/design.md §1 step 2): takes the object's work lease,
 * applies the configured rules that need no header ({@code ahibridge.import.rules.*}), and reads the
 * object's header with ranged reads. It writes nothing to the ledger: the verdict is recorded by
 * {@link ObjectRecorder} once the routes' rules have decided, so a crash in between leaves the object
 * DISCOVERED and the next pass classifies it again, through the same rules.
 */
public final class ObjectReader {


    private final WorkLeases leases;
    private final ImportRules rules;
    private final BlobClassifier classifier;

    public ObjectReader(WorkLeases leases, ImportRules rules, BlobClassifier classifier) {
        this.leases = leases;
        this.rules = rules;
        this.classifier = classifier;
    }

    /** Takes the object's lease; false when another worker (thread or instance) classifies it now. */
    public boolean claim(SourceObject object) {
        return leases.claimObject(object.id());
    }

    /** Gives the lease back (after the verdict or outcome was recorded, or on a failure). */
    public void release(SourceObject object) {
        leases.releaseObject(object.id());
    }

    /** Why a configured key or size rule excludes the object, before any read. */
    public Optional<String> exclusion(SourceObject object) {
        return rules.exclusion(object.key(), object.size());
    }

    /**
     * The object's P10 verdict. A transient store fault (5xx, SlowDown after the SDK's retries) is read
     * again up to {@value TransientReads#ATTEMPTS} times, 200 ms doubling; others are thrown.
     */
    public P10Verdict read(BlobStore store, SourceObject object) throws IOException {
        return TransientReads.retrying(() -> classifier.read(store, object.key(), object.size()));
    }
}
