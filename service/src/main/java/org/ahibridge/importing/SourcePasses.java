package org.ahibridge.importing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.metrics.PipelineMeters;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.StorageException;

/**
 * One listing pass over one or more sources, as a lazy stream of the objects that need classifying or
 * batching: a page is listed (incremental lister: stability rule, persisted position, new objects
 * recorded in the ledger) only when the objects of the previous one were handed out, so the route's
 * streaming split classifies and stages the first objects while later pages are still being listed, and
 * memory holds one page whatever the source's size. Objects already on their way (batched, staged,
 * submitted) are not handed out. Once the iterator is exhausted, {@link #quiet} tells per source whether
 * the pass took nothing new and nothing waits for the stability rule.
 */
public final class SourcePasses implements Iterator<SourceObject> {

    /** One source of the pass: where to list, and the run its new objects belong to. */
    public record Source(String runId, BlobStore store, String storage, String prefix, String datastore) {
    }

    private static final int LIST_ATTEMPTS = 5;

    private final IncrementalLister lister;
    private final List<Source> sources;
    private final boolean reportKnown;
    private final Deque<SourceObject> ready = new ArrayDeque<>();
    private final Map<String, Boolean> quiet = new LinkedHashMap<>();
    private int index;
    private boolean passDone;
    private int taken;

    /** @param reportKnown true for a one-shot run: objects finished earlier are reported (ALREADY_IMPORTED) */
    public SourcePasses(IncrementalLister lister, List<Source> sources, boolean reportKnown) {
        this.lister = lister;
        this.sources = List.copyOf(sources);
        this.reportKnown = reportKnown;
        sources.forEach(s -> quiet.put(s.storage(), true));
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && index < sources.size()) {
            if (passDone) {
                index++;
                passDone = false;
                continue;
            }
            Source source = sources.get(index);
            PageResult page = listed(source);
            for (Discovery discovery : page.taken()) {
                WorkState state = discovery.object().state();
                if (state == WorkState.DISCOVERED || state == WorkState.CLASSIFIED) {
                    ready.add(discovery.object());
                }
                if (discovery.isNew()) {
                    taken++;
                    PipelineMeters.process().discovered(source.storage(), source.datastore());
                    quiet.put(source.storage(), false);
                }
            }
            if (page.waiting() > 0) {
                quiet.put(source.storage(), false);
            }
            passDone = page.passCompleted();
        }
        return !ready.isEmpty();
    }

    /**
     * The next page of the source. A transient store fault that outlasted the SDK's retries is listed again
     * up to {@value #LIST_ATTEMPTS} times, 200 ms doubling: the position is saved only after a page was read,
     * so repeating is safe.
     */
    private PageResult listed(Source source) {
        for (int attempt = 1;; attempt++) {
            try {
                return lister.nextPage(source.runId(), source.store(), source.storage(), source.prefix(),
                        source.datastore(), reportKnown);
            } catch (StorageException e) {
                if (!e.isTransient() || attempt >= LIST_ATTEMPTS) {
                    throw e;
                }
                pause(200L << (attempt - 1));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a listing", e);
        }
    }

    @Override
    public SourceObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** The sources of the pass, in order. */
    public List<Source> sources() {
        return sources;
    }

    /** Per storage: true when its whole pass took nothing new and nothing waits (call once exhausted). */
    public Map<String, Boolean> quiet() {
        return Map.copyOf(quiet);
    }

    /** Objects new to the ledger that the pass took. */
    public int taken() {
        return taken;
    }
}
