package org.ahibridge.camel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

import org.ahibridge.importing.ObjectRecorder;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.BlobStore;
import org.apache.camel.Exchange;
import org.apache.camel.support.ObjectHelper;

/**
 * The {@code importPage} bean of routes/import-objects.camel.yaml: the ledger writes of a page of objects,
 * together rather than one object at a time. {@link #pages} cuts the objects to work on into pages (a listing
 * page's worth: {@code ahibridge.import.discovery.page-size}, default 1,000); {@link #claim} takes the leases of a page's DISCOVERED objects in one statement; each object then
 * goes through import-object alone (headers, verdict, the rules, its own outcome), and the compliant ones it lets
 * through are kept on the {@link ImportPage}; {@link #recorded} writes their verdicts in one statement, gives the
 * leases back in one, and hands the files on, per datastore, to the batching aggregate.
 */
public final class PageStep {

    private final WorkLeases leases;
    private final ObjectRecorder recorder;
    private final Function<String, BlobStore> stores;
    private final int pageSize;

    /** @param pageSize objects per page: the listing's page size ({@code ahibridge.import.discovery.page-size}) */
    public PageStep(WorkLeases leases, ObjectRecorder recorder, Function<String, BlobStore> stores, int pageSize) {
        this.leases = leases;
        this.recorder = recorder;
        this.stores = stores;
        this.pageSize = pageSize;
    }

    /** The body's objects (an iterator, lazily listed, or a collection) in pages, read as the split asks. */
    public Iterator<List<Object>> pages(Object body) {
        Iterator<?> objects = ObjectHelper.createIterator(body);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public List<Object> next() {
                if (!objects.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Object> page = new ArrayList<>();
                while (page.size() < pageSize && objects.hasNext()) {
                    page.add(objects.next());
                }
                return page;
            }
        };
    }

    /** Takes the leases of the page's DISCOVERED objects (the body) together; sets property {@link ImportPage#PROPERTY}. */
    public void claim(Exchange exchange) {
        List<Long> discovered = new ArrayList<>();
        for (Object object : exchange.getMessage().getBody(List.class)) {
            if (object instanceof SourceObject row && row.state() == WorkState.DISCOVERED) {
                discovered.add(row.id());
            }
        }
        // Another instance classifying some of them now (or a crashed one, until its lease expires) keeps those.
        Set<Long> held = discovered.isEmpty() ? Set.of() : leases.claimObjects(discovered);
        exchange.setProperty(ImportPage.PROPERTY, new ImportPage(held));
    }

    /**
     * Records the verdicts of the compliant objects of the page together and gives its leases back (a recorded
     * object is CLASSIFIED: no lease keeps it any more); returns its files ready for a batch, one
     * {@link StagingFiles} per datastore. Runs after a failed object too, so the others' work is kept.
     */
    public List<StagingFiles> recorded(Exchange exchange) {
        ImportPage page = exchange.getProperty(ImportPage.PROPERTY, ImportPage.class);
        if (page == null) {
            return List.of();
        }
        exchange.removeProperty(ImportPage.PROPERTY);
        try {
            Map<String, List<SourceObject>> byDatastore = new LinkedHashMap<>();
            for (SourceObject file : recorder.recordCompliant(page.compliant(), stores)) {
                byDatastore.computeIfAbsent(file.datastore(), d -> new ArrayList<>()).add(file);
            }
            List<StagingFiles> files = new ArrayList<>();
            byDatastore.forEach((datastore, group) -> files.add(new StagingFiles(datastore, group)));
            return files;
        } finally {
            if (!page.held().isEmpty()) {
                leases.releaseObjects(page.held());
            }
        }
    }
}
