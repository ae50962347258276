package org.ahibridge.ledger;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code listing_position} table: persisted cursors of incremental listings, one per storage prefix. */
public class ListingPositions {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ListingPositions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ListingPosition get(String storage, String prefix) {
        return jdbc.sql("select * from listing_position where position_sha256 = ?").param(Digests.sha256(storage, prefix))
                .query((row, n) -> new ListingPosition(storage, prefix, row.getString("continuation_token"),
                        row.getString("last_key"), row.getLong("pass_number")))
                .optional().orElse(ListingPosition.start(storage, prefix));
    }

    /** Stores the cursor after a page was processed. */
    public void save(ListingPosition position) {
        var now = Timestamps.db(clock.instant());
        String id = Digests.sha256(position.storage(), position.prefix());
        int updated = jdbc.sql("update listing_position set continuation_token = ?, last_key = ?, pass_number = ?,"
                + " updated_at = ? where position_sha256 = ?")
                .params(position.continuationToken(), position.lastKey(), position.passNumber(), now, id).update();
        if (updated == 0) {
            jdbc.sql("insert into listing_position (position_sha256, storage, prefix, continuation_token, last_key,"
                    + " pass_number, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, position.storage(), position.prefix(), position.continuationToken(),
                            position.lastKey(), position.passNumber(), now)
                    .update();
        }
    }
}
