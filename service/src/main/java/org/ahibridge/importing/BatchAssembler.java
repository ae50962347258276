package org.ahibridge.importing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkState;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Aggregates compliant files into durable staging batches on the ledger (docs/design.md §1 step 4). Adding a
 * file reserves room in the datastore's open batch and moves the file to BATCHED in one transaction, so
 * a restart never loses or duplicates a file, and the reservation checks the limits in the database, so
 * no batch ever exceeds {@link BatchPolicy} even with several workers or instances. A file that does
 * not fit seals the batch and goes into a new one; a full batch is sealed at once; {@link #sealExpired}
 * seals batches older than the policy's maximum age.
 */
public final class BatchAssembler {

    private static final int MAX_TRIES = 16;

    private final Batches batches;
    private final ObjectTransitions transitions;
    private final TransactionOperations transactions;
    private final BatchPolicy policy;
    private final Function<String, BatchPolicy> policies;
    private final Supplier<String> batchIds;
    private final Clock clock;
    /**
     * The batch each datastore last added a file to while it stayed open: the next file tries it first instead of
     * looking the open batch up (one statement less per file). Only a hint: the reservation checks in the database
     * that the batch is still open and has room, and a failed try falls back to the lookup.
     */
    private final Map<String, String> openBatches = new ConcurrentHashMap<>();

    public BatchAssembler(Batches batches, ObjectTransitions transitions, TransactionOperations transactions,
            BatchPolicy policy, Supplier<String> batchIds, Clock clock) {
        this(batches, transitions, transactions, policy, datastore -> policy, batchIds, clock);
    }

    /**
     * @param policy   the default policy; its {@code maxAge} applies to every datastore
     * @param policies the limits of each datastore's batches (e.g. a datastore with a raised file quota)
     */
    public BatchAssembler(Batches batches, ObjectTransitions transitions, TransactionOperations transactions,
            BatchPolicy policy, Function<String, BatchPolicy> policies, Supplier<String> batchIds, Clock clock) {
        this.policies = policies;
        this.batches = batches;
        this.transitions = transitions;
        this.transactions = transactions;
        this.policy = policy;
        this.batchIds = batchIds;
        this.clock = clock;
    }

    /** Adds a CLASSIFIED, compliant file to the open batch of its datastore. */
    public Placement add(SourceObject file) {
        Objects.requireNonNull(file.datastore(), "the file has no datastore");
        if (file.state() != WorkState.CLASSIFIED || file.verdict() == null || !file.verdict().compliant()) {
            throw new IllegalArgumentException("object " + file.id() + " is not a classified compliant file");
        }
        BatchPolicy limits = policies.apply(file.datastore());
        if (file.size() > limits.effectiveMaxFileBytes()) {
            String reason = "file is " + file.size() + " bytes; an AHI import job takes files of at most "
                    + limits.effectiveMaxFileBytes()
                    + " bytes (ahibridge.import.batch.max-file-bytes, docs/aws-healthimaging.md §8.1)";
            return transitions.finish(file.id(), Outcome.FAILED, reason) ? Placement.tooLarge(reason)
                    : Placement.takenElsewhere();
        }
        boolean hintTried = false;
        for (int i = 0; i < MAX_TRIES; ) {
            String hinted = hintTried ? null : openBatches.get(file.datastore());
            String batchId = hinted != null ? hinted : openBatch(file.datastore()).id();
            Placement placement = transactions.execute(status -> {
                if (!batches.reserve(batchId, file.size(), limits.effectiveMaxFiles(), limits.effectiveMaxBytes())) {
                    return null;
                }
                if (!transitions.assignBatch(file.id(), batchId)) {
                    status.setRollbackOnly();
                    return Placement.takenElsewhere();
                }
                // Sealed with the file that filled it, while this transaction holds the batch's row anyway: no
                // read back, no second wait for the row, and no full batch left open by a crash in between.
                return Placement.added(batchId, batches.sealIfFull(batchId, limits.effectiveMaxFiles(),
                        limits.effectiveMaxBytes()));
            });
            if (placement != null) {
                remember(file.datastore(), placement);
                return placement;
            }
            if (hinted != null) {
                // Sealed or full since: look the open batch up, once per file, and seal it there if it is full.
                openBatches.remove(file.datastore(), hinted);
                hintTried = true;
                continue;
            }
            batches.seal(batchId);
            i++;
        }
        throw new IllegalStateException("could not place object " + file.id() + " in a batch of datastore '"
                + file.datastore() + "' after " + MAX_TRIES + " tries");
    }

    /**
     * Adds many CLASSIFIED, compliant files (a listing page's) like {@link #add} one by one, but those of a datastore
     * that fit its open batch together go in with one transaction of four statements (reserve room for all, assign
     * all, seal if full), not one transaction of three statements each. Files that went to another worker meanwhile
     * give their room back in the same transaction. When the group does not fit, or for a file too large for any
     * job, the files take the one-by-one path, which seals and opens batches as needed. Returns where the files went:
     * one placement for a group added together, one per file otherwise (a placement that sealed its batch says so).
     */
    public List<Placement> addAll(List<SourceObject> files) {
        List<Placement> placements = new ArrayList<>();
        Map<String, List<SourceObject>> byDatastore = new LinkedHashMap<>();
        for (SourceObject file : files) {
            Objects.requireNonNull(file.datastore(), "the file has no datastore");
            BatchPolicy limits = policies.apply(file.datastore());
            if (files.size() > 1 && file.state() == WorkState.CLASSIFIED && file.size() <= limits.effectiveMaxFileBytes()) {
                byDatastore.computeIfAbsent(file.datastore(), d -> new ArrayList<>()).add(file);
            } else {
                placements.add(add(file));
            }
        }
        byDatastore.forEach((datastore, group) -> {
            Placement together = addTogether(datastore, group);
            if (together != null) {
                placements.add(together);
            } else {
                group.forEach(file -> placements.add(add(file)));
            }
        });
        return placements;
    }

    /** The limits of {@code datastore}'s batches (the global policy with the datastore's own limits). */
    public BatchPolicy policy(String datastore) {
        return policies.apply(datastore);
    }

    /** Null when the group does not fit the open batch together. */
    private Placement addTogether(String datastore, List<SourceObject> group) {
        for (SourceObject file : group) {
            if (file.verdict() == null || !file.verdict().compliant()) {
                throw new IllegalArgumentException("object " + file.id() + " is not a classified compliant file");
            }
        }
        BatchPolicy limits = policies.apply(datastore);
        String hinted = openBatches.get(datastore);
        String batchId = hinted != null ? hinted : openBatch(datastore).id();
        List<Long> ids = group.stream().map(SourceObject::id).toList();
        long bytes = group.stream().mapToLong(SourceObject::size).sum();
        Placement placement = transactions.execute(status -> {
            if (!batches.reserve(batchId, group.size(), bytes, limits.effectiveMaxFiles(), limits.effectiveMaxBytes())) {
                return null;
            }
            int assigned = transitions.assignBatchAll(ids, batchId);
            if (assigned < group.size()) {
                Set<Long> mine = transitions.inBatch(batchId, ids);
                List<SourceObject> elsewhere = group.stream().filter(f -> !mine.contains(f.id())).toList();
                batches.unreserve(batchId, elsewhere.size(), elsewhere.stream().mapToLong(SourceObject::size).sum());
            }
            return Placement.added(batchId, batches.sealIfFull(batchId, limits.effectiveMaxFiles(),
                    limits.effectiveMaxBytes()));
        });
        if (placement == null) {
            openBatches.remove(datastore, batchId);
            return null;
        }
        remember(datastore, placement);
        return placement;
    }

    /** Seals every non-empty open batch older than the policy's maximum age; returns how many. */
    public int sealExpired() {
        return batches.sealOpenedBefore(clock.instant().minus(policy.maxAge()));
    }

    private Batch openBatch(String datastore) {
        return batches.findOpen(datastore).orElseGet(() -> {
            batches.open(batchIds.get(), datastore);
            return batches.findOpen(datastore).orElseThrow(() -> new IllegalStateException(
                    "no open batch for datastore '" + datastore + "' right after opening one"));
        });
    }

    /** The next file of the datastore tries the batch this one went into, unless that one is sealed now. */
    private void remember(String datastore, Placement placement) {
        if (placement.kind() != Placement.Kind.ADDED) {
            return;
        }
        if (placement.sealedBatch()) {
            openBatches.remove(datastore, placement.batchId());
        } else {
            openBatches.put(datastore, placement.batchId());
        }
    }
}
