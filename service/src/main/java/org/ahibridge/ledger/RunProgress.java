package org.ahibridge.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where an import run stands, from one aggregate query ({@link ImportRuns#progress}): the run's objects still
 * at work by state, what it reported per outcome, and the unfinished batches of its datastore by state (a
 * SUBMITTED batch is an import job in flight). The batches are the datastore's, shared with any other run
 * importing into it.
 */
public record RunProgress(String runId, Map<WorkState, Integer> inWork, Map<Outcome, Integer> outcomes,
        Map<BatchState, Integer> batches) {

    public RunProgress {
        inWork = Collections.unmodifiableMap(new EnumMap<>(copy(inWork, WorkState.class)));
        outcomes = Collections.unmodifiableMap(new EnumMap<>(copy(outcomes, Outcome.class)));
        batches = Collections.unmodifiableMap(new EnumMap<>(copy(batches, BatchState.class)));
    }

    private static <E extends Enum<E>> Map<E, Integer> copy(Map<E, Integer> map, Class<E> type) {
        Map<E, Integer> copy = new EnumMap<>(type);
        copy.putAll(map);
        return copy;
    }

    /** Objects with their outcome for this run. */
    public long done() {
        return outcomes.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Objects the run has taken that have no outcome yet. */
    public long pending() {
        return inWork.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Every object the run has seen so far: done and pending (the listing may still be finding more). */
    public long seen() {
        return done() + pending();
    }

    /** Import jobs of the run's datastore that AHI is running. */
    public int jobsInFlight() {
        return batches.getOrDefault(BatchState.SUBMITTED, 0);
    }
}
