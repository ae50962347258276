import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.ledger.ImportRuns;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The run report of one import run of N files (bench/run-report.sh): fills a ledger made by the service's
 * migrations with one COMPLETED run whose N files were all IMPORTED, then times RunReportWriter.write, the
 * step that ends every one-shot run and every polling run. Args: JDBC_URL FILES AUDIT_FOLDER REPEATS.
 */
public final class RunReportBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int files = Integer.parseInt(args[1]);
        Path audit = Path.of(args[2]);
        int repeats = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("insert into import_run (run_id, source_storage, source_prefix, datastore, run_state, started_at,"
                    + " ended_at) values ('bench', 's3://source', '', 'local', 'COMPLETED', now(), now())");
            long filled = System.nanoTime();
            // Keys, versions and UIDs of realistic length: the report writes each of them.
            s.execute("insert into source_object (identity_sha256, storage, object_key, object_version, size_bytes,"
                    + " discovered_at, run_id, datastore, work_state, compliant, sop_instance_uid, study_instance_uid,"
                    + " series_instance_uid, transfer_syntax_uid, batch_id, job_id, image_set_id, image_set_version,"
                    + " is_primary, outcome, updated_at)"
                    + " select lpad(cast(\"X\" as varchar), 64, '0'), 's3://source', 'studies/' || (\"X\" / 100) || '/series/'"
                    + " || (\"X\" / 25) || '/instance-' || \"X\" || '.dcm', '\"0123456789abcdef0123456789abcdef\"', 4096 + \"X\","
                    + " now(), 'bench', 'local', 'DONE', true, '1.2.826.0.1.3680043.8.498.' || \"X\","
                    + " '1.2.826.0.1.3680043.8.498.1.' || (\"X\" / 100), '1.2.826.0.1.3680043.8.498.2.' || (\"X\" / 25),"
                    + " '1.2.840.10008.1.2.1', 'batch-' || (\"X\" / 5000), 'job-' || (\"X\" / 5000),"
                    + " 'imageset' || (\"X\" / 100), 1, true, 'IMPORTED', now() from system_range(1, " + files + ")");
            s.execute("insert into run_outcome (run_id, object_id, outcome, reason, recorded_at)"
                    + " select 'bench', object_id, 'IMPORTED', null, now() from source_object where run_id = 'bench'");
            System.out.printf("filled %d files in %.1f s%n", files, (System.nanoTime() - filled) / 1e9);
        }
        JdbcDataSource data = new JdbcDataSource();
        data.setURL(url);
        data.setUser("sa");
        ImportRuns runs = new ImportRuns(JdbcClient.create(data), Clock.systemUTC());
        RunReportWriter writer = new RunReportWriter(audit, Clock.systemUTC());
        for (int i = 1; i <= repeats; i++) {
            long started = System.nanoTime();
            Path report = writer.write(runs, "bench");
            System.out.printf("report %d: %.2f s, %d bytes (%s)%n", i, (System.nanoTime() - started) / 1e9,
                    Files.size(report), report.getFileName());
        }
    }
}
