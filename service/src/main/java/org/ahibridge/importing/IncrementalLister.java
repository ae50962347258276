package org.ahibridge.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ahibridge.importing.StabilityRule.Decision;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.ListingPosition;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SeenObject;
import org.ahibridge.ledger.SeenObjects;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.ListPage;

/**
 * Scheduled discovery of a source (docs/design.md §1 step 1), one page per call: it resumes the listing of
 * (storage, prefix) from its persisted position, applies the {@link StabilityRule} with the seen set,
 * records objects it takes in the ledger, and saves the new position. A pass ends when the listing
 * reaches the end; the next call starts pass + 1 from the beginning, which is what "seen unchanged in
 * two listings" counts.
 *
 * <p>With {@code reportKnown} false (scheduled polling), objects whose version the ledger already holds
 * are passed over silently; with true (a one-off run) the run reports their stored outcome, e.g.
 * ALREADY_IMPORTED, and the audit gets a line for it.
 */
public final class IncrementalLister {

    private final ListingPositions positions;
    private final SeenObjects seen;
    private final SourceObjects objects;
    private final StabilityRule rule;
    private final AuditedOutcomes outcomes;
    private final Clock clock;
    private final int pageSize;

    public IncrementalLister(ListingPositions positions, SeenObjects seen, SourceObjects objects, StabilityRule rule,
            AuditedOutcomes outcomes, Clock clock, int pageSize) {
        this.positions = positions;
        this.seen = seen;
        this.objects = objects;
        this.rule = rule;
        this.outcomes = outcomes;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** What one page produced. {@code taken} holds the ledger rows of objects that still need work. */
    public record PageResult(List<Discovery> taken, int reported, int known, int waiting, int temporary,
            boolean passCompleted, long passNumber) {
    }

    public PageResult nextPage(String runId, BlobStore store, String storage, String prefix, String datastore,
            boolean reportKnown) {
        ListingPosition position = positions.get(storage, prefix);
        ListPage page = store.list(prefix, position.continuationToken(), pageSize);
        Instant now = clock.instant();
        // The ledger is read and written once per page, not once per object (docs/import-pipeline.md).
        Map<String, SeenObject> seenBefore = seen.findAll(storage,
                page.objects().stream().map(BlobInfo::key).toList());
        List<ObjectVersion> takes = new ArrayList<>();
        List<String> forget = new ArrayList<>();
        List<SeenObject> firstSightings = new ArrayList<>();
        int waiting = 0;
        int temporary = 0;
        for (BlobInfo object : page.objects()) {
            Optional<SeenObject> previous = Optional.ofNullable(seenBefore.get(object.key()));
            Decision decision = rule.decide(object, previous, position.passNumber(), now);
            if (decision == Decision.SKIP_TEMPORARY) {
                temporary++;
            } else if (decision == Decision.WAIT) {
                if (previous.isEmpty()) {
                    firstSightings.add(new SeenObject(storage, object.key(), object.version(), object.size(),
                            position.passNumber(), now));
                } else {
                    seen.record(storage, object.key(), object.version(), object.size(), position.passNumber());
                }
                waiting++;
            } else {
                previous.ifPresent(p -> forget.add(object.key()));
                takes.add(new ObjectVersion(storage, object.key(), object.version(), object.size(),
                        object.lastModified()));
            }
        }
        seen.recordNew(storage, firstSightings);
        seen.forgetAll(storage, forget);
        List<Discovery> taken = new ArrayList<>();
        int reported = 0;
        int known = 0;
        for (Discovery discovery : objects.discoverAll(runId, takes, datastore, reportKnown)) {
            if (discovery.needsWork()) {
                taken.add(discovery);
            } else if (!reportKnown) {
                // Finished before (or, between the lookup and now, by another instance or thread): it passes
                // silently; its finisher wrote its audit line.
                known++;
            } else {
                outcomes.reported(runId, discovery);
                reported++;
            }
        }
        ListingPosition next = page.isLast()
                ? new ListingPosition(storage, prefix, null, null, position.passNumber() + 1)
                : new ListingPosition(storage, prefix, page.nextToken(),
                        page.objects().isEmpty() ? position.lastKey() : page.objects().get(page.objects().size() - 1).key(),
                        position.passNumber());
        positions.save(next);
        return new PageResult(taken, reported, known, waiting, temporary, page.isLast(), position.passNumber());
    }
}
