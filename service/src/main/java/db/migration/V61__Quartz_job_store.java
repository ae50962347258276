package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the tables of Quartz's JDBC job store on PostgreSQL, where several instances run the
 * import-poll cron as one Quartz cluster (docs/multi-instance.md). The DDL is the one the Quartz jar on
 * the class path ships for PostgreSQL, so the tables always match the Quartz version in use; its DROP
 * statements and its trailing COMMIT are left out (the tables are new, and Flyway owns the transaction).
 * On H2 nothing is created: a single instance schedules in memory.
 */
public class V61__Quartz_job_store extends BaseJavaMigration {

    static final String POSTGRES_DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(read(POSTGRES_DDL))) {
                statement.execute(sql);
            }
        }
    }

    /** The script's CREATE statements, comments removed, split at semicolons. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : code.toString().split(";")) {
            String sql = part.strip();
            String verb = sql.isEmpty() ? "" : sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (verb.equals("CREATE") || verb.equals("ALTER")) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V61__Quartz_job_store.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: is the Quartz jar missing?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
