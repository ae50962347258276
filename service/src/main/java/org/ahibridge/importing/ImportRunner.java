package org.ahibridge.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.AccessGuard;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.StorageSelection;

/**
 * One bulk import run of everything under a source (docs/design.md §6, {@code import --once}): lists the
 * whole source with the incremental lister, applies the filter rules, classifies each object with a
 * ranged read, batches compliant files, and hands the batches to the {@link JobDriver} until every
 * object the run saw has exactly one outcome for it. Objects an earlier run finished are reported
 * (ALREADY_IMPORTED or their stored outcome) without any work.
 */
public final class ImportRunner {

    /** Header reads in flight while a listing page is classified (the S3 pool must allow as many). */
    static final int READS_IN_FLIGHT = 64;

    private final IncrementalLister lister;
    private final VerdictRecorder recorder;
    private final BlobClassifier classifier;
    private final BatchAssembler assembler;
    private final SourceObjects objects;
    private final ImportRuns runs;
    private final ListingPositions positions;
    private final AuditedOutcomes outcomes;
    private final SourceObjectTagger tagger;
    private final WorkLeases leases;
    private final Supplier<ObjectFlow> flow;

    /**
     * @param tagger writes verdicts as tags on source objects, when configured to
     * @param leases lets one instance at a time classify an object
     */
    public ImportRunner(IncrementalLister lister, VerdictRecorder recorder, BlobClassifier classifier,
            BatchAssembler assembler, SourceObjects objects, ImportRuns runs, ListingPositions positions,
            AuditedOutcomes outcomes, SourceObjectTagger tagger, WorkLeases leases) {
        this(lister, recorder, classifier, assembler, objects, runs, positions, outcomes, tagger, leases, () -> null);
    }

    /** @param flow the routes that classify and batch, when loaded (else {@link #work} does it in Java) */
    public ImportRunner(IncrementalLister lister, VerdictRecorder recorder, BlobClassifier classifier,
            BatchAssembler assembler, SourceObjects objects, ImportRuns runs, ListingPositions positions,
            AuditedOutcomes outcomes, SourceObjectTagger tagger, WorkLeases leases, Supplier<ObjectFlow> flow) {
        this.flow = flow;
        this.tagger = tagger;
        this.lister = Objects.requireNonNull(lister, "lister");
        this.recorder = recorder;
        this.classifier = classifier;
        this.assembler = assembler;
        this.objects = objects;
        this.runs = runs;
        this.positions = positions;
        this.outcomes = outcomes;
        this.leases = leases;
    }

    /** What a run ended with: its state and a count per outcome. */
    public record RunResult(String runId, ImportRun.RunState state, Map<Outcome, Integer> outcomes, int pending) {
    }

    /**
     * Runs the import; returns when every object seen has an outcome, or throws when the run itself
     * cannot complete (the run is then ABORTED and its unfinished objects are adopted by the next run).
     */
    public RunResult run(String runId, StorageSelection source, BlobStore sourceStore, DatastoreRegistration datastore,
            JobDriver driver) throws IOException {
        AccessGuard.requireImport(source, datastore);
        tagger.requireAllowed(source);
        String storage = source.registration().name();
        runs.start(runId, storage, source.prefix(), datastore.name());
        try {
            discover(runId, storage, source.prefix(), sourceStore, datastore.name());
            driver.drive(runId, datastore, this::batchLeftovers);
            int pending = runs.pendingCount(runId);
            ImportRun.RunState state = pending == 0 ? ImportRun.RunState.COMPLETED : ImportRun.RunState.ABORTED;
            runs.end(runId, state);
            return new RunResult(runId, state, runs.outcomeCounts(runId), pending);
        } catch (IOException | RuntimeException e) {
            runs.end(runId, ImportRun.RunState.ABORTED);
            throw e;
        }
    }

    private void discover(String runId, String storage, String prefix, BlobStore store, String datastore)
            throws IOException {
        // A run that starts mid-pass (an earlier run stopped there) lists one more full pass.
        boolean fromStart = positions.get(storage, prefix).continuationToken() == null;
        ObjectFlow routes = flow.get();
        if (routes != null && routes.available()) {
            // One pass per call, each object through the routes; a run that started mid-pass lists one more.
            SourcePasses.Source source = new SourcePasses.Source(runId, store, storage, prefix, datastore);
            routes.take(new SourcePasses(lister, List.of(source), true));
            if (!fromStart) {
                routes.take(new SourcePasses(lister, List.of(source), true));
            }
            return;
        }
        while (true) {
            // The position is stored only after a page was read, so a failed listing can simply be repeated.
            PageResult page = TransientReads.retrying(() -> lister.nextPage(runId, store, storage, prefix, datastore, true));
            workPage(page.taken(), store);
            if (page.passCompleted()) {
                if (fromStart) {
                    return;
                }
                fromStart = true;
            }
        }
    }

    /**
     * Refuses a source whose objects may not be tagged while {@code tag-source-objects} is on (the polling
     * routes call it before listing, as {@link #run} does).
     */
    public void requireSourceTagging(StorageSelection source) {
        tagger.requireAllowed(source);
    }

    /** Takes unfinished objects as far as batching: through the routes when they are loaded. */
    public void take(List<SourceObject> unfinished, Function<String, BlobStore> stores) throws IOException {
        ObjectFlow routes = flow.get();
        if (routes != null && routes.available()) {
            routes.take(unfinished.iterator());
            return;
        }
        for (SourceObject object : unfinished) {
            work(object, stores.apply(object.storage()));
        }
    }

    /**
     * Takes a listing page's objects as far as batching, like {@link #work} one by one, except that the header
     * reads of its new objects run {@value #READS_IN_FLIGHT} at a time ({@link BlobClassifier#classifyAll}):
     * each read is a round trip to the source, and one after another they would bound the run by latency.
     */
    private void workPage(List<Discovery> taken, BlobStore store) throws IOException {
        List<Long> discovered = new ArrayList<>();
        for (Discovery discovery : taken) {
            if (discovery.object().state() == WorkState.DISCOVERED) {
                discovered.add(discovery.object().id());
            } else {
                work(discovery.object(), store);
            }
        }
        // Another instance classifying some of them now (or a crashed one, until its lease expires) keeps those.
        Set<Long> held = discovered.isEmpty() ? Set.of() : leases.claimObjects(discovered);
        try {
            List<SourceObject> toRead = new ArrayList<>();
            for (Discovery discovery : taken) {
                if (held.contains(discovery.object().id())
                        && recorder.applyRules(discovery.object()) == VerdictRecorder.Next.BATCH) {
                    toRead.add(discovery.object());
                }
            }
            Map<Long, BlobClassifier.Classified> verdicts = classifier.classifyAll(store, toRead, READS_IN_FLIGHT);
            // Compliant reads (nearly all) are recorded and batched together; the rest one by one, as before.
            Map<Long, Verdict> compliant = new LinkedHashMap<>();
            for (SourceObject object : toRead) {
                BlobClassifier.Classified read = verdicts.get(object.id());
                if (read.failure() == null && read.verdict().compliant()) {
                    compliant.put(object.id(), read.verdict());
                } else {
                    record(object, read, store);
                }
            }
            recordAndBatch(toRead, compliant, store);
        } finally {
            if (!held.isEmpty()) {
                leases.releaseObjects(held);
            }
        }
    }

    /**
     * Records claimed objects' compliant verdicts in one go, tags them (when configured to) and adds those recorded
     * here to batches together ({@link BatchAssembler#addAll}): a statement and a transaction per page, not per object.
     */
    private void recordAndBatch(List<SourceObject> read, Map<Long, Verdict> compliant, BlobStore store) {
        Set<Long> recorded = recorder.recordCompliant(compliant);
        List<SourceObject> toBatch = new ArrayList<>(recorded.size());
        for (SourceObject object : read) {
            if (!recorded.contains(object.id())) {
                continue;
            }
            Verdict verdict = compliant.get(object.id());
            try {
                tagger.tag(store, object, verdict);
            } catch (StorageException e) {
                if (e.isTransient()) {
                    throw e;
                }
                outcomes.finish(object.id(), Outcome.FAILED, "could not read the object: " + e.getMessage());
                continue;
            }
            toBatch.add(object.classified(verdict));
        }
        assembler.addAll(toBatch);
    }

    /** Records a claimed object's header read (read again after a transient fault), then batches it. */
    private void record(SourceObject object, BlobClassifier.Classified read, BlobStore store) throws IOException {
        Verdict verdict;
        try {
            verdict = read.failure() == null ? read.verdict() : readAgain(store, object, read.failure());
            VerdictRecorder.Next next = recorder.record(object.id(), verdict);
            if (next != VerdictRecorder.Next.ALREADY_HANDLED) {
                tagger.tag(store, object, verdict);
            }
            if (next != VerdictRecorder.Next.BATCH) {
                return;
            }
        } catch (StorageException e) {
            if (e.isTransient()) {
                throw e;
            }
            outcomes.finish(object.id(), Outcome.FAILED, "could not read the object: " + e.getMessage());
            return;
        }
        assembler.add(object.classified(verdict));
    }

    private Verdict readAgain(BlobStore store, SourceObject object, RuntimeException failure) throws IOException {
        if (failure instanceof StorageException storage && storage.isTransient()) {
            return classify(store, object);
        }
        if (failure instanceof java.io.UncheckedIOException io) {
            throw io.getCause();
        }
        throw failure;
    }

    /** Takes an unfinished object one step further, as far as batching. */
    public void work(SourceObject object, BlobStore store) throws IOException {
        SourceObject current = object;
        if (current.state() == WorkState.DISCOVERED) {
            // Another instance classifying it now (or a crashed one, until its lease expires) keeps it.
            if (!leases.claimObject(current.id())) {
                return;
            }
            try {
                if (recorder.applyRules(current) != VerdictRecorder.Next.BATCH) {
                    return;
                }
                Verdict verdict = classify(store, current);
                VerdictRecorder.Next next = recorder.record(current.id(), verdict);
                if (next != VerdictRecorder.Next.ALREADY_HANDLED) {
                    tagger.tag(store, current, verdict);
                }
                if (next != VerdictRecorder.Next.BATCH) {
                    return;
                }
            } catch (StorageException e) {
                if (e.isTransient()) {
                    throw e;
                }
                outcomes.finish(current.id(), Outcome.FAILED, "could not read the object: " + e.getMessage());
                return;
            } finally {
                leases.releaseObject(current.id());
            }
            current = objects.find(current.id()).orElseThrow();
        }
        if (current.state() == WorkState.CLASSIFIED) {
            batch(current);
        }
    }

    /**
     * Classifies (and lists, below) with up to {@value TransientReads#ATTEMPTS} attempts when the store reports a transient fault (S3
     * 5xx or SlowDown that outlasted the SDK's own retries), waiting 200 ms, doubling, between them.
     */
    private Verdict classify(BlobStore store, SourceObject object) throws IOException {
        return TransientReads.retrying(() -> classifier.classify(store, object.key(), object.size()));
    }

    /** Adds a classified file to a batch; one too large for any import job ended FAILED there: audit it. */
    public Placement batch(SourceObject classified) {
        Placement placement = assembler.add(classified);
        if (placement.kind() == Placement.Kind.TOO_LARGE) {
            outcomes.recorded(classified.id());
        }
        return placement;
    }

    /** Files sent back to CLASSIFIED (server errors in a job) go into new batches; true when any did. */
    public boolean batchLeftovers(String datastore) {
        boolean any = false;
        for (SourceObject object : objects.inState(WorkState.CLASSIFIED, 10_000)) {
            if (datastore.equals(object.datastore())) {
                batch(object);
                any = true;
            }
        }
        return any;
    }
}
