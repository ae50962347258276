package org.ahibridge.exporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code export_watermark} table (migration V20): for each (datastore, destination), the
 * {@code updatedAt} from which the next incremental export searches (inclusive), so image sets
 * updated since the last run are exported again and nothing older is searched.
 */
public final class ExportWatermarks {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ExportWatermarks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Instant> get(String datastore, String destination) {
        return jdbc.sql("select updated_at_mark from export_watermark where watermark_sha256 = ?")
                .param(id(datastore, destination))
                .query((row, n) -> row.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    public void save(String datastore, String destination, Instant mark) {
        OffsetDateTime value = mark.atOffset(ZoneOffset.UTC);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update export_watermark set updated_at_mark = ?, recorded_at = ? where watermark_sha256 = ?")
                .params(value, now, id(datastore, destination)).update();
        if (updated == 0) {
            jdbc.sql("insert into export_watermark (watermark_sha256, datastore, destination, updated_at_mark,"
                    + " recorded_at) values (?, ?, ?, ?, ?)")
                    .params(id(datastore, destination), datastore, destination, value, now).update();
        }
    }

    private static String id(String datastore, String destination) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((datastore + "\n" + destination).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
