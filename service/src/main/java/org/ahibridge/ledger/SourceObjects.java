package org.ahibridge.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code source_object} and {@code run_outcome} tables (docs/design.md §3): one row per source object
 * version, recorded once however often it is listed or notified, and the outcome each run reports.
 * State changes are in {@link ObjectTransitions}.
 */
public class SourceObjects {

    static final String COLUMNS = "select * from source_object";
    /** Rows per multi-row statement: 10 parameters each, well within every driver's limit. */
    static final int ROWS_PER_INSERT = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public SourceObjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that {@code runId} saw an object version. A new version gets a row in state DISCOVERED; a
     * known one keeps its row: if it is terminal the run reports its outcome (ALREADY_IMPORTED when it was
     * imported), otherwise the run adopts the unfinished work (a restart after a crash).
     */
    public Discovery discover(String runId, ObjectVersion object, String datastore) {
        String identity = object.identity();
        Optional<SourceObject> existing = findByIdentity(identity);
        if (existing.isEmpty()) {
            try {
                insert(runId, object, datastore, identity);
                return new Discovery(findByIdentity(identity).orElseThrow(), true, null, null);
            } catch (DuplicateKeyException raced) {
                existing = findByIdentity(identity);
            }
        }
        return known(runId, existing.orElseThrow(), true);
    }

    /**
     * Records the sightings of one listing page like {@link #discover} does one by one, in a few statements:
     * one lookup of the page's identities, one multi-row insert of the new versions and one read back, so a
     * page of 1,000 new objects costs 3 round trips instead of 3,000. Known versions take {@link #discover}'s
     * path (adopted, or reported when terminal). When another instance inserted one of the versions first,
     * the insert fails as a whole and the page falls back to {@link #discover} per object.
     *
     * @param reportTerminal false: a version that already ended is returned as it is, without a run outcome
     *                       (scheduled polling passes over it silently)
     * @return one discovery per version, in the order given
     */
    public List<Discovery> discoverAll(String runId, List<ObjectVersion> versions, String datastore,
            boolean reportTerminal) {
        Map<String, SourceObject> rows = byIdentity(versions.stream().map(ObjectVersion::identity).toList());
        Map<String, ObjectVersion> fresh = new LinkedHashMap<>();
        versions.stream().filter(v -> !rows.containsKey(v.identity())).forEach(v -> fresh.putIfAbsent(v.identity(), v));
        if (!fresh.isEmpty()) {
            try {
                insertAll(runId, List.copyOf(fresh.values()), datastore);
            } catch (DuplicateKeyException raced) {
                return versions.stream().map(v -> reportTerminal || !rows.containsKey(v.identity())
                        ? discover(runId, v, datastore) : new Discovery(rows.get(v.identity()), false, null, null))
                        .toList();
            }
            rows.putAll(byIdentity(List.copyOf(fresh.keySet())));
        }
        List<Discovery> discoveries = new ArrayList<>(versions.size());
        for (ObjectVersion version : versions) {
            SourceObject row = rows.get(version.identity());
            if (fresh.containsKey(version.identity())) {
                discoveries.add(new Discovery(row, true, null, null));
            } else if (!reportTerminal && row.isTerminal()) {
                discoveries.add(new Discovery(row, false, null, null));
            } else {
                discoveries.add(known(runId, row, reportTerminal));
            }
        }
        return discoveries;
    }

    /** A known version seen again by {@code runId}: adopted when unfinished, reported when terminal. */
    private Discovery known(String runId, SourceObject found, boolean reportTerminal) {
        SourceObject row = found;
        if (!row.isTerminal() && !runId.equals(row.runId())) {
            jdbc.sql("update source_object set run_id = ?, updated_at = ? where object_id = ? and work_state <> 'DONE'")
                    .params(runId, Timestamps.db(clock.instant()), row.id()).update();
            // Re-read: the object may have been finished by its earlier run in the meantime.
            row = find(row.id()).orElseThrow();
        }
        if (row.isTerminal() && !reportTerminal) {
            return new Discovery(row, false, null, null);
        }
        if (row.isTerminal()) {
            Outcome reported = row.outcome().isImported() ? Outcome.ALREADY_IMPORTED : row.outcome();
            String reason = row.outcome().isImported() ? "imported before by run " + row.runId() : row.outcomeReason();
            if (runId.equals(row.runId())) {
                reported = row.outcome();
                reason = row.outcomeReason();
            }
            try {
                recordRunOutcome(runId, row.id(), reported, reason);
            } catch (DuplicateKeyException raced) {
                // the same run reported it concurrently: one report is enough
            }
            return new Discovery(row, false, reported, reason);
        }
        return new Discovery(row, false, null, null);
    }

    private void insert(String runId, ObjectVersion object, String datastore, String identity) {
        var now = Timestamps.db(clock.instant());
        jdbc.sql("""
                insert into source_object (identity_sha256, storage, object_key, object_version, size_bytes,
                    last_modified, discovered_at, run_id, datastore, work_state, attempts, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISCOVERED', 0, ?)""")
                .params(identity, object.storage(), object.key(), object.version(), object.size(),
                        Timestamps.db(object.lastModified()), now, runId, datastore, now)
                .update();
    }

    /** Inserts new versions as DISCOVERED, {@value #ROWS_PER_INSERT} rows per statement. */
    private void insertAll(String runId, List<ObjectVersion> versions, String datastore) {
        var now = Timestamps.db(clock.instant());
        for (int from = 0; from < versions.size(); from += ROWS_PER_INSERT) {
            List<ObjectVersion> chunk = versions.subList(from, Math.min(versions.size(), from + ROWS_PER_INSERT));
            List<Object> params = new ArrayList<>(chunk.size() * 10);
            for (ObjectVersion object : chunk) {
                params.addAll(Arrays.asList(object.identity(), object.storage(), object.key(), object.version(),
                        object.size(), Timestamps.db(object.lastModified()), now, runId, datastore, now));
            }
            jdbc.sql("""
                    insert into source_object (identity_sha256, storage, object_key, object_version, size_bytes,
                        last_modified, discovered_at, run_id, datastore, work_state, attempts, updated_at)
                    values\s""" + placeholders(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISCOVERED', 0, ?)"))
                    .params(params).update();
        }
    }

    /** The rows of these identities, {@value #ROWS_PER_INSERT} per lookup. */
    private Map<String, SourceObject> byIdentity(List<String> identities) {
        Map<String, SourceObject> rows = new HashMap<>();
        for (int from = 0; from < identities.size(); from += ROWS_PER_INSERT) {
            List<String> chunk = identities.subList(from, Math.min(identities.size(), from + ROWS_PER_INSERT));
            jdbc.sql(COLUMNS + " where identity_sha256 in (" + placeholders(chunk.size(), "?") + ")")
                    .params(List.copyOf(chunk)).query(SourceObject::map).list()
                    .forEach(row -> rows.put(Digests.sha256(row.storage(), row.key(), row.version()), row));
        }
        return rows;
    }

    /** {@code count} copies of {@code one}, comma separated: the parameter markers of a multi-row statement. */
    static String placeholders(int count, String one) {
        return String.join(", ", Collections.nCopies(count, one));
    }

    /** Adds the outcome a run reports for an object; a second report in the same run is ignored. */
    void recordRunOutcome(String runId, long objectId, Outcome outcome, String reason) {
        if (runId == null) {
            return;
        }
        // Insert-if-absent in one portable statement: a failed insert would abort a PostgreSQL transaction.
        jdbc.sql("""
                insert into run_outcome (run_id, object_id, outcome, reason, recorded_at)
                select ?, ?, ?, ?, ? from (values (0)) as one (x)
                where not exists (select 1 from run_outcome where run_id = ? and object_id = ?)""")
                .params(runId, objectId, outcome.name(), reason, Timestamps.db(clock.instant()), runId, objectId)
                .update();
    }

    public Optional<SourceObject> find(long id) {
        return jdbc.sql(COLUMNS + " where object_id = ?").param(id).query(SourceObject::map).optional();
    }

    public Optional<SourceObject> find(String storage, String key, String version) {
        return findByIdentity(Digests.sha256(storage, key, version));
    }

    private Optional<SourceObject> findByIdentity(String identity) {
        return jdbc.sql(COLUMNS + " where identity_sha256 = ?").param(identity).query(SourceObject::map).optional();
    }

    /** The objects of a batch, in key order. */
    public List<SourceObject> inBatch(String batchId) {
        return jdbc.sql(COLUMNS + " where batch_id = ? order by object_key").param(batchId).query(SourceObject::map).list();
    }

    /** Up to {@code limit} objects in a state, oldest first: the work queue of a pipeline step. */
    public List<SourceObject> inState(WorkState state, int limit) {
        return jdbc.sql(COLUMNS + " where work_state = ? order by object_id fetch first ? rows only")
                .params(state.name(), limit).query(SourceObject::map).list();
    }

    /** Up to {@code limit} FAILED objects, of one storage or (null) of all: what a re-drive picks up. */
    public List<SourceObject> failed(String storage, int limit) {
        // Two statements: PostgreSQL cannot type a null parameter in "? is null".
        if (storage == null) {
            return jdbc.sql(COLUMNS + " where work_state = 'DONE' and outcome = 'FAILED' order by object_id"
                    + " fetch first ? rows only").param(limit).query(SourceObject::map).list();
        }
        return jdbc.sql(COLUMNS + " where work_state = 'DONE' and outcome = 'FAILED' and storage = ? order by object_id"
                + " fetch first ? rows only").params(storage, limit).query(SourceObject::map).list();
    }
}
