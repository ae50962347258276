package org.ahibridge.ledger;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code listing_seen} table: the seen set of the stability rule. An entry lives from the first
 * sighting of an object until the object is taken (then {@link #forget} removes it), so the table holds
 * only objects still being written or waiting for their second sighting.
 */
public class SeenObjects {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SeenObjects(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<SeenObject> find(String storage, String key) {
        return jdbc.sql("select * from listing_seen where seen_sha256 = ?").param(Digests.sha256(storage, key))
                .query((row, n) -> new SeenObject(storage, key, row.getString("object_version"),
                        row.getLong("size_bytes"), row.getLong("pass_number"), Timestamps.read(row, "first_seen_at")))
                .optional();
    }

    /** Records a sighting; a changed object starts over with this pass and version. */
    public void record(String storage, String key, String version, long size, long passNumber) {
        var now = Timestamps.db(clock.instant());
        String id = Digests.sha256(storage, key);
        int updated = jdbc.sql("update listing_seen set object_version = ?, size_bytes = ?, pass_number = ?,"
                + " first_seen_at = case when object_version = ? and size_bytes = ? then first_seen_at else ? end,"
                + " last_seen_at = ? where seen_sha256 = ?")
                .params(version, size, passNumber, version, size, now, now, id).update();
        if (updated == 0) {
            jdbc.sql("insert into listing_seen (seen_sha256, storage, object_key, object_version, size_bytes,"
                    + " pass_number, first_seen_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, storage, key, version, size, passNumber, now, now).update();
        }
    }

    public void forget(String storage, String key) {
        jdbc.sql("delete from listing_seen where seen_sha256 = ?").param(Digests.sha256(storage, key)).update();
    }
}
