package org.ahibridge.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The entries of many keys of one storage in one lookup per {@value SourceObjects#ROWS_PER_INSERT}, by key. */
    public Map<String, SeenObject> findAll(String storage, Collection<String> keys) {
        Map<String, SeenObject> found = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += SourceObjects.ROWS_PER_INSERT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SourceObjects.ROWS_PER_INSERT));
            jdbc.sql("select * from listing_seen where seen_sha256 in ("
                    + SourceObjects.placeholders(chunk.size(), "?") + ")")
                    .params(chunk.stream().map(key -> (Object) Digests.sha256(storage, key)).toList())
                    .query((row, n) -> new SeenObject(storage, row.getString("object_key"),
                            row.getString("object_version"), row.getLong("size_bytes"), row.getLong("pass_number"),
                            Timestamps.read(row, "first_seen_at")))
                    .list().forEach(seen -> found.put(seen.key(), seen));
        }
        return found;
    }

    /**
     * Records first sightings of objects the seen set does not hold yet, in one multi-row insert; when another
     * instance recorded one of them first, falls back to {@link #record} one by one.
     */
    public void recordNew(String storage, List<SeenObject> sightings) {
        if (sightings.size() > SourceObjects.ROWS_PER_INSERT) {
            for (int from = 0; from < sightings.size(); from += SourceObjects.ROWS_PER_INSERT) {
                int to = Math.min(sightings.size(), from + SourceObjects.ROWS_PER_INSERT);
                recordNew(storage, sightings.subList(from, to));
            }
            return;
        }
        if (sightings.isEmpty()) {
            return;
        }
        var now = Timestamps.db(clock.instant());
        List<Object> params = new ArrayList<>();
        for (SeenObject seen : sightings) {
            params.addAll(Arrays.asList(Digests.sha256(storage, seen.key()), storage, seen.key(), seen.version(),
                    seen.size(), seen.passNumber(), now, now));
        }
        try {
            jdbc.sql("insert into listing_seen (seen_sha256, storage, object_key, object_version, size_bytes,"
                    + " pass_number, first_seen_at, last_seen_at) values "
                    + SourceObjects.placeholders(sightings.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))
                    .params(params).update();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            sightings.forEach(seen -> record(storage, seen.key(), seen.version(), seen.size(), seen.passNumber()));
        }
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

    /** Removes the entries of many keys in one statement per {@value SourceObjects#ROWS_PER_INSERT}. */
    public void forgetAll(String storage, Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += SourceObjects.ROWS_PER_INSERT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SourceObjects.ROWS_PER_INSERT));
            jdbc.sql("delete from listing_seen where seen_sha256 in (" + SourceObjects.placeholders(chunk.size(), "?")
                    + ")").params(chunk.stream().map(key -> (Object) Digests.sha256(storage, key)).toList()).update();
        }
    }

    public void forget(String storage, String key) {
        jdbc.sql("delete from listing_seen where seen_sha256 = ?").param(Digests.sha256(storage, key)).update();
    }
}
