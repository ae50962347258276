package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ExportWatermarksTest {

    @Test
    void shouldMigrateAndKeepOneWatermarkPerDatastoreAndDestination() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        ExportWatermarks watermarks = new ExportWatermarks(JdbcClient.create(dataSource), Clock.systemUTC());
        Instant first = Instant.parse("2026-01-01T10:00:00.123Z");
        Instant later = Instant.parse("2026-02-01T10:00:00Z");

        assertThat(watermarks.get("main", "s3://b/p/")).isEmpty();
        watermarks.save("main", "s3://b/p/", first);
        watermarks.save("main", "file:/out", later);
        assertThat(watermarks.get("main", "s3://b/p/")).contains(first);
        watermarks.save("main", "s3://b/p/", later);

        assertThat(watermarks.get("main", "s3://b/p/")).contains(later);
        assertThat(watermarks.get("other", "s3://b/p/")).isEmpty();
    }
}
