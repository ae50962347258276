package org.ahibridge.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases on ledger rows, so that of several instances sharing one ledger exactly one does each step
 * that takes time outside the database: classifying a discovered object, staging a sealed batch,
 * starting a staged batch's job, following a submitted job and accounting its manifests.
 *
 * <p>A lease is taken by one conditional UPDATE: the row must be in the expected state and its lease
 * free, expired or already this owner's. The database serialises the updates on the row, so of two
 * concurrent claims exactly one changes a row. Leases rather than {@code SELECT ... FOR UPDATE}: the
 * steps copy files and call AHI for seconds to minutes, and must not hold a transaction open that long;
 * a lease of a crashed instance simply expires after {@code ttl} and another instance takes the work over.
 * The state changes themselves stay conditional (they name the state they expect), so even a step
 * repeated after a lease expired mid-way records nothing twice.
 */
public class WorkLeases {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String owner;
    private final Duration ttl;

    public WorkLeases(JdbcClient jdbc, Clock clock, String owner, Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = Objects.requireNonNull(owner, "owner");
        if (owner.isBlank() || owner.length() > 128) {
            throw new IllegalArgumentException("a lease owner is 1 to 128 characters: '" + owner + "'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time, not " + ttl);
        }
        this.ttl = ttl;
    }

    /** This instance's name in {@code lease_owner}. */
    public String owner() {
        return owner;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Takes (or renews) the lease of a batch that is in {@code state}; false when another instance holds it. */
    public boolean claimBatch(String batchId, BatchState state) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                update import_batch set lease_owner = ?, lease_expires_at = ?, lease_count = lease_count + 1
                where batch_id = ? and batch_state = ?
                  and (lease_expires_at is null or lease_expires_at <= ? or lease_owner = ?)""")
                .params(owner, Timestamps.db(clock.instant().plus(ttl)), batchId, state.name(), now, owner)
                .update() == 1;
    }

    /** Gives a batch's lease back at once (the owner's name stays as the last worker). */
    public void releaseBatch(String batchId) {
        jdbc.sql("update import_batch set lease_expires_at = null where batch_id = ? and lease_owner = ?")
                .params(batchId, owner).update();
    }

    /** Takes the lease of a DISCOVERED object to classify it; false when another instance holds it. */
    public boolean claimObject(long objectId) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                update source_object set lease_owner = ?, lease_expires_at = ?
                where object_id = ? and work_state = 'DISCOVERED'
                  and (lease_expires_at is null or lease_expires_at <= ? or lease_owner = ?)""")
                .params(owner, Timestamps.db(clock.instant().plus(ttl)), objectId, now, owner)
                .update() == 1;
    }

    /**
     * Takes the leases of many DISCOVERED objects at once (a listing page): one conditional UPDATE, then one
     * read of which rows carry this claim. Returns the ids this instance holds now.
     */
    public Set<Long> claimObjects(Collection<Long> objectIds) {
        Set<Long> held = new HashSet<>();
        List<Long> ids = List.copyOf(objectIds);
        for (int from = 0; from < ids.size(); from += SourceObjects.ROWS_PER_INSERT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SourceObjects.ROWS_PER_INSERT));
            OffsetDateTime now = now();
            // Read back by equality: whole milliseconds survive every database's timestamp precision unchanged.
            OffsetDateTime expires = Timestamps.db(clock.instant().plus(ttl).truncatedTo(ChronoUnit.MILLIS));
            String in = SourceObjects.placeholders(chunk.size(), "?");
            List<Object> params = new ArrayList<>(List.of(owner, expires));
            params.addAll(chunk);
            params.addAll(List.of(now, owner));
            jdbc.sql("update source_object set lease_owner = ?, lease_expires_at = ? where object_id in (" + in + ")"
                    + " and work_state = 'DISCOVERED'"
                    + " and (lease_expires_at is null or lease_expires_at <= ? or lease_owner = ?)")
                    .params(params).update();
            List<Object> check = new ArrayList<>(chunk);
            check.addAll(List.of(owner, expires));
            held.addAll(jdbc.sql("select object_id from source_object where object_id in (" + in + ")"
                    + " and work_state = 'DISCOVERED' and lease_owner = ? and lease_expires_at = ?")
                    .params(check).query(Long.class).list());
        }
        return held;
    }

    /**
     * True while an object of {@code datastore} is being classified (DISCOVERED under a live lease, by any instance):
     * a page of the routes holds its objects' leases until its files are placed, so its batch does not grow
     * meanwhile, and that is not a quiet source.
     */
    public boolean classifying(String datastore) {
        // The first such row answers it: import-tick asks at every tick, and a migration's early hours hold
        // millions of DISCOVERED rows that a count would walk.
        return jdbc.sql("select 1 from source_object where work_state = 'DISCOVERED' and datastore = ?"
                + " and lease_expires_at > ? fetch first 1 rows only").params(datastore, now()).query(Integer.class)
                .optional().isPresent();
    }

    /** Gives many objects' leases back in one statement. */
    public void releaseObjects(Collection<Long> objectIds) {
        List<Long> ids = List.copyOf(objectIds);
        for (int from = 0; from < ids.size(); from += SourceObjects.ROWS_PER_INSERT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SourceObjects.ROWS_PER_INSERT));
            List<Object> params = new ArrayList<>(chunk);
            params.add(owner);
            jdbc.sql("update source_object set lease_expires_at = null where object_id in ("
                    + SourceObjects.placeholders(chunk.size(), "?") + ") and lease_owner = ?").params(params).update();
        }
    }

    /** Gives an object's lease back (the owner's name stays: who classified it). */
    public void releaseObject(long objectId) {
        jdbc.sql("update source_object set lease_expires_at = null where object_id = ? and lease_owner = ?")
                .params(objectId, owner).update();
    }

    private OffsetDateTime now() {
        return Timestamps.db(clock.instant());
    }
}
