package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.ahibridge.ahi.AhiClients;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetsMetadataSummary;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 6 acceptance: two service instances (child JVMs) share one PostgreSQL ledger, one S3 and one AHI
 * (the emulator, in this JVM) and import one source. Every object must end with exactly one terminal
 * outcome, no batch may be staged or imported twice, no SOP instance may reach AHI twice, and both
 * instances must have done work. The crash test kills instances with SIGKILL at random moments and
 * restarts them until the run is done.
 *
 * <p>Sizes: {@code -Dahibridge.it.objects} (default 600; the acceptance size is 5000) and
 * {@code -Dahibridge.it.kills} (default 10). Needs PostgreSQL on 127.0.0.1:5432 (user postgres); skipped
 * otherwise.
 */
class TwoInstanceImportIT {

    static final int OBJECTS = Integer.getInteger("ahibridge.it.objects", 600);
    static final int KILLS = Integer.getInteger("ahibridge.it.kills", 10);
    static final ObjectMapper JSON = new ObjectMapper();

    static Emulator emulator;
    static S3Client s3;
    static MedicalImagingClient ahi;

    @TempDir
    Path temp;
    LedgerDatabase ledger;
    JdbcClient sql;
    final List<ServiceInstance> instances = new ArrayList<>();

    @BeforeAll
    static void startEmulator() throws IOException {
        Assumptions.assumeTrue(LedgerDatabase.postgresAvailable(), "PostgreSQL is not reachable on 127.0.0.1:5432");
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        emulator = Emulator.start(EmulatorConfig.ephemeral());
        s3 = Emulator.s3Client(emulator.endpoints().s3(), emulator.endpoints().region());
        ahi = AhiClients.create(emulator.endpoints().region(), emulator.endpoints().ahi());
        for (String bucket : List.of("staging", "output")) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            ahi.close();
            s3.close();
            emulator.close();
        }
    }

    @BeforeEach
    void createLedger() {
        ledger = LedgerDatabase.postgres();
        sql = ledger.jdbc();
    }

    @AfterEach
    void stopInstances() throws Exception {
        for (ServiceInstance instance : instances) {
            instance.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    /** At least {@code objects} files: 100 images per study, 3 junk files per study and a DICOMDIR. */
    static ImportSource source(long seed, int objects) {
        int studies = Math.max(1, (objects + 102) / 103);
        ImportSource source = ImportSource.mixed(seed, studies, 4, 25, Math.max(1, studies));
        source.objects.keySet().removeIf(k -> k.startsWith("zz conflict/"));
        source.expected.keySet().removeIf(k -> k.startsWith("zz conflict/"));
        return source;
    }

    @Test
    void shouldImportEveryObjectOnceWithBothInstancesSharingTheWork() throws Exception {
        ImportSource source = source(61, OBJECTS);
        String bucket = source.uploadTo(s3, "two-instances");
        String datastore = datastore("two-instances");
        instances.add(start("instance-a", bucket, datastore));
        instances.add(start("instance-b", bucket, datastore));

        awaitEveryObjectDone(source, patience());

        assertEachObjectOnce(source, datastore);
        Map<String, Integer> batchesByOwner = batchesByOwner();
        System.out.println(source.objects.size() + " objects; batch steps last taken per instance: " + batchesByOwner
                + "; objects classified per instance: " + classifiedByOwner());
        assertThat(batchesByOwner).as("batches whose last step each instance took").containsOnlyKeys(
                "instance-a", "instance-b");
        // Without crashes every outcome was also audited exactly once, by one of the two instances.
        assertThat(auditedKeys()).containsExactlyInAnyOrderElementsOf(source.objects.keySet());
    }

    @Test
    void shouldAccountForEveryObjectOnceWhileInstancesAreKilledAndRestarted() throws Exception {
        ImportSource source = source(62, OBJECTS);
        // The source arrives in parts, one before each kill: the run cannot finish before the last kill.
        List<Map<String, byte[]>> parts = parts(source, KILLS + 1);
        String bucket = "killed-instances";
        s3.createBucket(b -> b.bucket(bucket));
        upload(bucket, parts.get(0));
        String datastore = datastore("killed-instances");
        Random random = new Random(62);
        Map<String, Integer> generation = new LinkedHashMap<>(Map.of("a", 0, "b", 0));
        instances.add(start("a-0", bucket, datastore));
        instances.add(start("b-0", bucket, datastore));

        List<String> killedIn = new ArrayList<>();
        int killedDuringWork = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            upload(bucket, parts.get(kill + 1));
            // Each kill aims at an instance caught in one step (round robin over the steps); when no instance
            // is in that step for a while, a random running instance dies at a random moment instead.
            Step step = Step.values()[kill % Step.values().length];
            Optional<ServiceInstance> caught = Optional.empty();
            if (step != Step.ANY) {
                try {
                    caught = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(25))
                            .until(() -> holder(step), Optional::isPresent);
                } catch (org.awaitility.core.ConditionTimeoutException notThere) {
                    caught = Optional.empty();
                }
            }
            ServiceInstance instance;
            String moment;
            if (caught.isPresent()) {
                instance = caught.get();
                moment = step.name();
            } else {
                instance = instances.get(random.nextInt(2));
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(instance::isReady);
                long after = random.nextInt(3_000);
                await().pollDelay(Duration.ofMillis(after)).atMost(Duration.ofMillis(after + 1_000)).until(() -> true);
                moment = "a random moment";
            }
            if (!finished(source)) {
                killedDuringWork++;
            }
            killedIn.add(instance.name() + " while " + moment + ": " + phase());
            instance.kill();
            int victim = instances.indexOf(instance);
            String family = victim == 0 ? "a" : "b";
            int next = generation.merge(family, 1, Integer::sum);
            // A restarted instance has a new id: its predecessor's leases must expire, not be inherited.
            instances.set(victim, start(family + "-" + next, bucket, datastore));
        }

        awaitEveryObjectDone(source, patience());

        assertEachObjectOnce(source, datastore);
        assertThat(killedDuringWork).as("kills before the run finished: " + killedIn).isEqualTo(KILLS);
        killedIn.forEach(k -> System.out.println("SIGKILL " + k));
        System.out.println(source.objects.size() + " objects; objects classified per instance: " + classifiedByOwner());
        System.out.println("batch steps last taken per instance: " + batchesByOwner());
        // An instance killed between a ledger commit and its audit write leaves that line out: at most once.
        List<String> audited = auditedKeys();
        assertThat(audited).doesNotHaveDuplicates();
    }


    /** The source's objects in {@code count} parts of about the same size, in key order. */
    private static List<Map<String, byte[]>> parts(ImportSource source, int count) {
        List<Map<String, byte[]>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new LinkedHashMap<>());
        }
        int i = 0;
        for (Map.Entry<String, byte[]> object : source.objects.entrySet()) {
            parts.get(i++ % count).put(object.getKey(), object.getValue());
        }
        return parts;
    }

    private static void upload(String bucket, Map<String, byte[]> objects) {
        objects.entrySet().parallelStream().forEach(e -> s3.putObject(b -> b.bucket(bucket).key(e.getKey()),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(e.getValue())));
    }

    /** The steps a kill aims at. */
    enum Step { LISTING, CLASSIFYING, STAGING, FOLLOWING_OR_ACCOUNTING_A_JOB, ANY }

    /** A running instance caught in {@code step}: it holds the poll's Quartz firing or a lease of that step. */
    private Optional<ServiceInstance> holder(Step step) {
        String query = switch (step) {
            case LISTING -> "select instance_name from qrtz_fired_triggers where trigger_name = 'import-poll'"
                    + " and state = 'EXECUTING'";
            case CLASSIFYING -> "select lease_owner from source_object where work_state = 'DISCOVERED'"
                    + " and lease_expires_at > current_timestamp";
            case STAGING -> "select lease_owner from import_batch where batch_state = 'SEALED'"
                    + " and lease_expires_at > current_timestamp";
            case FOLLOWING_OR_ACCOUNTING_A_JOB -> "select lease_owner from import_batch where batch_state = 'SUBMITTED'"
                    + " and lease_expires_at > current_timestamp";
            case ANY -> throw new IllegalArgumentException("no query for " + step);
        };
        List<String> holders = sql.sql(query).query(String.class).list();
        return instances.stream().filter(i -> holders.contains(i.name())).filter(ServiceInstance::isAlive).findFirst();
    }

    /** What the pipeline is doing now, read from the ledger (for the log of kills). */
    private String phase() {
        Map<String, Integer> states = new LinkedHashMap<>();
        sql.sql("select work_state, count(*) as n from source_object group by work_state")
                .query((row, n) -> states.put(row.getString("work_state"), row.getInt("n"))).list();
        Map<String, Integer> batches = new LinkedHashMap<>();
        sql.sql("select batch_state, count(*) as n from import_batch group by batch_state")
                .query((row, n) -> batches.put(row.getString("batch_state"), row.getInt("n"))).list();
        return "objects " + states + " batches " + batches;
    }

    private void awaitEveryObjectDone(ImportSource source, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (ServiceInstance instance : instances) {
                assertThat(instance.isAlive()).as(instance.name() + " is running; see " + instance.log()).isTrue();
            }
            return finished(source);
        });
    }

    /** Generous: the CI machine's two CPUs are shared, and a service JVM can take a minute to start there. */
    private static Duration patience() {
        return Duration.ofSeconds(Math.max(600, OBJECTS / 5));
    }

    /** Every object of the source is DONE and no batch with files is left unfinished. */
    private boolean finished(ImportSource source) {
        int done = sql.sql("select count(*) from source_object where work_state = 'DONE'").query(Integer.class).single();
        int open = sql.sql("select count(*) from import_batch where batch_state not in ('COMPLETED', 'FAILED')"
                + " and file_count > 0").query(Integer.class).single();
        return done == source.objects.size() && open == 0;
    }

    private void assertEachObjectOnce(ImportSource source, String datastore) throws IOException {
        Map<String, String> outcomes = new HashMap<>();
        sql.sql("select object_key, outcome from source_object").query((row, n) -> {
            assertThat(outcomes.put(row.getString("object_key"), row.getString("outcome")))
                    .as("one ledger row for " + row.getString("object_key")).isNull();
            return null;
        }).list();
        assertThat(outcomes).containsOnlyKeys(source.objects.keySet());
        source.expected.forEach((key, expect) -> assertThat(outcomes.get(key)).as(key)
                .isEqualTo(expect == ImportSource.Expect.NOT_P10 ? "SKIPPED_NOT_P10" : "IMPORTED"));

        // Nothing staged or imported twice: one import job per batch, one AHI instance per imported file.
        int batchesWithJobs = sql.sql("select count(*) from import_batch where job_id is not null").query(Integer.class)
                .single();
        int jobs = ahi.listDICOMImportJobsPaginator(b -> b.datastoreId(datastore)).jobSummaries().stream()
                .toList().size();
        assertThat(jobs).as("import jobs in AHI").isEqualTo(batchesWithJobs);
        List<String> sopInstances = new ArrayList<>();
        for (ImageSetsMetadataSummary set : ahi.searchImageSetsPaginator(b -> b.datastoreId(datastore))
                .imageSetsMetadataSummaries()) {
            sopInstances.addAll(sopInstanceUids(datastore, set.imageSetId()));
        }
        assertThat(sopInstances).doesNotHaveDuplicates()
                .hasSize((int) source.count(ImportSource.Expect.IMPORTED));
    }

    private Map<String, Integer> batchesByOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        sql.sql("select lease_owner, count(*) as n from import_batch where lease_owner is not null group by lease_owner")
                .query((row, n) -> owners.put(row.getString("lease_owner"), row.getInt("n"))).list();
        return owners;
    }

    private Map<String, Integer> classifiedByOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        sql.sql("select lease_owner, count(*) as n from source_object where lease_owner is not null group by lease_owner")
                .query((row, n) -> owners.put(row.getString("lease_owner"), row.getInt("n"))).list();
        return owners;
    }

    private List<String> auditedKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(temp.resolve("audit"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    keys.add(JSON.readTree(line).get("key").asText());
                }
            }
        }
        return keys;
    }

    private List<String> sopInstanceUids(String datastore, String imageSetId) throws IOException {
        try (var in = new GZIPInputStream(ahi.getImageSetMetadata(b -> b.datastoreId(datastore).imageSetId(imageSetId)))) {
            List<String> uids = new ArrayList<>();
            for (JsonNode series : JSON.readTree(in).path("Study").path("Series")) {
                series.path("Instances").fieldNames().forEachRemaining(uids::add);
            }
            return uids;
        }
    }

    private static String datastore(String name) {
        return ahi.createDatastore(b -> b.datastoreName(name)).datastoreId();
    }

    private ServiceInstance start(String id, String bucket, String datastore) throws IOException {
        var e = emulator.endpoints();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ahibridge.cluster.instance-id", id);
        p.put("ahibridge.cluster.lease-ttl", "PT10S");
        p.put("ahibridge.cluster.quartz-clustered", "true");
        p.put("ahibridge.cluster.quartz-checkin", "PT2S");
        p.put("ahibridge.embedded.enabled", "false");
        p.put("ahibridge.ledger.url", ledger.jdbcUrl());
        p.put("ahibridge.ledger.username", LedgerDatabase.POSTGRES_USER);
        p.put("ahibridge.ledger.password", LedgerDatabase.POSTGRES_PASSWORD);
        p.put("ahibridge.audit.directory", temp.resolve("audit").resolve(id).toString());
        p.put("ahibridge.s3.endpoint", e.s3().toString());
        p.put("ahibridge.s3.path-style", "true");
        p.put("ahibridge.s3.region", e.region());
        p.put("ahibridge.datastores.local.datastore-id", datastore);
        p.put("ahibridge.datastores.local.access", "write");
        p.put("ahibridge.datastores.local.region", e.region());
        p.put("ahibridge.datastores.local.endpoint", e.ahi().toString());
        p.put("ahibridge.datastores.local.data-access-role-arn", "arn:aws:iam::" + e.accountId() + ":role/ImportRole");
        p.put("ahibridge.datastores.local.staging", "s3://staging/" + datastore + "/");
        p.put("ahibridge.datastores.local.output", "s3://output/" + datastore + "/");
        // The pace of StartDICOMImportJob is per instance: two instances at 0.5/s stay within AHI's 1/s.
        p.put("ahibridge.import.jobs.starts-per-second", "0.5");
        p.put("ahibridge.import.jobs.poll-interval", "PT0.5S");
        p.put("ahibridge.import.batch.max-files", "50");
        p.put("ahibridge.import.batch.max-age", "PT5S");
        p.put("ahibridge.import.discovery.stable-after", "PT0S");
        p.put("ahibridge.routes.import.sources", "s3://" + bucket + "/");
        p.put("ahibridge.routes.import.cron", "0/2+*+*+*+*+?");
        p.put("ahibridge.routes.import.tick-millis", "500");
        // Logs outlive the temporary directory, for a failed run's post-mortem.
        Path logs = Files.createDirectories(Path.of("target", "cluster-it", bucket));
        return ServiceInstance.start(id, p, logs);
    }
}
