package org.ahibridge.camel;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.ahibridge.importing.ObjectRecorder.Compliant;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;

/**
 * One page of objects in routes/import-objects.camel.yaml, shared by its objects' messages (exchange property
 * {@link #PROPERTY}; the split's messages see the page's properties): the work leases the page took together, and
 * the compliant objects import-object let through, whose verdicts and batch places are then written together. The
 * ledger stays the record: a page lost to a crash leaves its objects DISCOVERED (or CLASSIFIED) for the next pass.
 */
public final class ImportPage {

    static final String PROPERTY = "AhiBridgeImportPage";

    private final Set<Long> held;
    private final Queue<Compliant> compliant = new ConcurrentLinkedQueue<>();

    ImportPage(Set<Long> held) {
        this.held = Set.copyOf(held);
    }

    /** True when this page took the object's lease (else another thread or instance classifies it now). */
    boolean holds(long objectId) {
        return held.contains(objectId);
    }

    Set<Long> held() {
        return held;
    }

    /** Keeps a compliant object for the page's batching; {@code verdict} is null for one CLASSIFIED already. */
    void toBatch(SourceObject object, Verdict verdict) {
        compliant.add(new Compliant(object, verdict));
    }

    List<Compliant> compliant() {
        return List.copyOf(compliant);
    }
}
