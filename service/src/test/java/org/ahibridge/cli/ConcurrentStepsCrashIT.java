package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.ledger.testing.PostgresAvailable;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL aimed at the concurrent steps (issue 12): one service instance classifies 16 objects at once
 * (import-objects) while import-advance stages several batches at once (import-batch). The test waits until the
 * ledger shows both at the same moment (objects DISCOVERED under a live lease: mid-classification; batches
 * SEALED under a live lease: mid-staging), kills the JVM there, and starts a new instance (a new id, so the
 * dead one's leases must expire). Every object must end with exactly one outcome in the ledger, no audit line
 * may be written twice, no batch may have two jobs, and no SOP instance may reach AHI twice. The harness is
 * {@link TwoInstanceImportIT}'s (PostgreSQL ledger shared with the child JVM; skipped with the reason when
 * there is none).
 */
@Requires(PostgresAvailable.class)
class ConcurrentStepsCrashIT {

    @RegisterExtension
    static final EmulatedAws AWS = new EmulatedAws();

    @TempDir
    Path temp;
    @RegisterExtension
    final ClusterLedger cluster = new ClusterLedger();

    @Test
    void shouldGiveEveryObjectOneOutcomeWhenKilledWhileClassifyingAndStagingAtOnce() throws Exception {
        ImportSource source = TwoInstanceImportIT.source(71, 300);
        String bucket = "concurrent-steps";
        AWS.s3().createBucket(b -> b.bucket(bucket));
        ClusterChecks.upload(AWS.s3(), bucket, source.objects);
        String datastore = EmulatorClients.createActiveDatastore(AWS.ahi(), bucket);
        ServiceInstance first = start("c-0", bucket, datastore);
        cluster.instances().add(first);

        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(20))
                    .until(() -> classifying() >= 2 && staging() >= 1 || !first.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println(first.name() + " log: " + first.log() + "; " + ClusterChecks.phase(cluster.sql()));
            throw e;
        }
        assertThat(first.isAlive()).as("the first instance runs; see " + first.log()).isTrue();
        String moment = ClusterChecks.phase(cluster.sql()) + ", " + classifying() + " objects and " + staging()
                + " batches under lease";
        first.kill();
        System.out.println("SIGKILL " + first.name() + " while classifying and staging: " + moment);
        assertThat(done()).as("objects done at the kill").isLessThan(source.objects.size());

        cluster.instances().add(start("c-1", bucket, datastore));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(cluster.instances().get(1).isAlive()).as("see " + cluster.instances().get(1).log()).isTrue();
            return finished(source);
        });

        ClusterChecks.assertOneOutcomePerObject(cluster.sql(), source);
        // The killed instance may die between a ledger commit and its audit write (that line is missing), but no
        // line may be written twice: the restarted instance must not end an object again.
        assertThat(ClusterChecks.auditedKeys(temp.resolve("audit"))).doesNotHaveDuplicates();
        ClusterChecks.assertNothingImportedTwice(cluster.sql(), AWS.ahi(), datastore,
                (int) source.count(ImportSource.Expect.IMPORTED));
    }

    /** Objects being classified now: DISCOVERED under a live lease. */
    private int classifying() {
        return cluster.sql().sql("select count(*) from source_object where work_state = 'DISCOVERED'"
                + " and lease_expires_at > current_timestamp").query(Integer.class).single();
    }

    /** Batches being staged now: SEALED under a live lease. */
    private int staging() {
        return cluster.sql().sql("select count(*) from import_batch where batch_state = 'SEALED'"
                + " and lease_expires_at > current_timestamp").query(Integer.class).single();
    }

    private int done() {
        return cluster.sql().sql("select count(*) from source_object where work_state = 'DONE'").query(Integer.class)
                .single();
    }

    private boolean finished(ImportSource source) {
        int open = cluster.sql()
                .sql("select count(*) from import_batch where batch_state not in ('COMPLETED', 'FAILED')"
                + " and file_count > 0").query(Integer.class).single();
        return done() == source.objects.size() && open == 0;
    }

    /**
     * An instance polling {@code bucket} every 2 s: 16 objects classified at once, batches of 20 files sealed as
     * they fill and staged 4 at once while classification goes on.
     */
    private ServiceInstance start(String id, String bucket, String datastore) throws IOException {
        Map<String, String> p = cluster.instanceSettings(id, temp.resolve("audit"));
        p.put("ahibridge.cluster.lease-ttl", "PT10S");
        p.putAll(EmulatedDatastoreSettings.localDatastore(AWS.endpoints(), datastore, datastore + "/",
                datastore + "/"));
        p.put("ahibridge.import.jobs.starts-per-second", "1");
        p.put("ahibridge.import.jobs.poll-interval", "PT0.5S");
        p.put("ahibridge.import.batch.max-files", "20");
        p.put("ahibridge.import.batch.max-age", "PT5S");
        p.put("ahibridge.import.discovery.stable-after", "PT0S");
        // Pages of 50 (the routes write the ledger per page): the first pages' batches stage while later ones classify.
        p.put("ahibridge.import.discovery.page-size", "50");
        p.put("ahibridge.routes.import.sources", "s3://" + bucket + "/");
        p.put("ahibridge.routes.import.cron", "0/2+*+*+*+*+?");
        p.put("ahibridge.routes.import.tick-millis", "300");
        p.put("ahibridge.routes.import.workers", "16");
        p.put("ahibridge.routes.import.batch-workers", "4");
        Path logs = Files.createDirectories(Path.of("target", "cluster-it", bucket));
        return ServiceInstance.start(id, p, logs);
    }
}
