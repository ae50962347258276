package org.ahibridge.cli;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.ledger.testing.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Issue 6 acceptance: two service instances (child JVMs) share one PostgreSQL ledger, one SQS queue, one
 * S3 and one AHI (the emulator, in this JVM) and import one source. Every object must end with exactly
 * one terminal outcome, no batch may be staged or imported twice, no SOP instance may reach AHI twice,
 * and both instances must have done work. The crash test kills instances with SIGKILL at random moments
 * and restarts them until the run is done.
 *
 * <p>Sizes: {@code -Dahibridge.it.objects} (sharing test), {@code -Dahibridge.it.crash-objects} and
 * {@code -Dahibridge.it.kills}. The defaults are CI's: about 600 objects (six lost and 15 duplicated
 * notifications, a dozen batches of 50) and three kills during a 300-object run, aimed at listing,
 * classifying and staging, which proves the behaviour in a few minutes. The acceptance sizes (5,000+
 * objects, ten kills reaching every step) run as a soak: {@code bench/multi-instance-soak.sh}
 * (BENCHMARKS.md). PostgreSQL: see {@code LedgerDatabase} (a named, the local or an embedded server; the
 * child JVMs reach the same one); skipped, with the reason, only when there is none.
 */
@Requires(PostgresAvailable.class)
class TwoInstanceImportIT {

    static final int OBJECTS = Integer.getInteger("ahibridge.it.objects", 600);
    static final int CRASH_OBJECTS = Integer.getInteger("ahibridge.it.crash-objects", 300);
    static final int KILLS = Integer.getInteger("ahibridge.it.kills", 3);
    /**
     * How often the sharing test's clustered poll runs (seconds, at most 60). An object without an event needs
     * two sightings, so the run lasts at least one interval: 20 s for CI's size; the soak keeps the once a
     * minute of a production deployment, where the events lead and the poll is the safety net.
     */
    static final int POLL_SECONDS = Integer.getInteger("ahibridge.it.poll-seconds", 20);
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatedAws AWS = new EmulatedAws();

    @TempDir
    Path temp;
    @RegisterExtension
    final ClusterLedger cluster = new ClusterLedger();

    /** At least {@code objects} files: 100 images per study, 3 junk files per study and a DICOMDIR. */
    static ImportSource source(long seed, int objects) {
        int studies = Math.max(1, (objects + 102) / 103);
        ImportSource source = ImportSource.mixed(seed, studies, 4, 25, Math.max(1, studies));
        source.objects.keySet().removeIf(k -> k.startsWith("zz conflict/"));
        source.expected.keySet().removeIf(k -> k.startsWith("zz conflict/"));
        return source;
    }

    /**
     * Both instances consume one queue of S3 event notifications (competing consumers, route
     * import-sqs-events) and so both ingest and classify; the clustered poll stays on as the safety net
     * for notifications that never arrive, as in a production deployment. It fires every
     * {@link #POLL_SECONDS} and, with {@code stable-after} far away, takes a fresh object only on its second
     * sighting: the events are the fast path, and the objects whose event the test leaves out can only come in
     * through the poll.
     */
    @Test
    void shouldImportEveryObjectOnceWithBothInstancesSharingTheQueueAndTheWork() throws Exception {
        ImportSource source = source(61, OBJECTS);
        String bucket = "two-instances";
        AWS.s3().createBucket(b -> b.bucket(bucket));
        String queue = AWS.sqs().createQueue(b -> b.queueName("two-instances-events")).queueUrl();
        String datastore = datastore("two-instances");
        Map<String, String> eventDriven = new LinkedHashMap<>();
        // A named storage: an event's bucket and key are matched against the registered storages, and
        // only objects of a configured source are taken.
        eventDriven.put("ahibridge.storages.source.location", "s3://" + bucket + "/");
        eventDriven.put("ahibridge.storages.source.access", "read");
        eventDriven.put("ahibridge.routes.import.sources", "source");
        eventDriven.put("ahibridge.routes.import.events-from", "aws2-sqs:two-instances-events"
                + "?amazonSQSClient=#importSqsClient&waitTimeSeconds=1&concurrentConsumers=2&greedy=true&delay=100"
                + "&visibilityTimeout=60&extendMessageVisibility=true");
        eventDriven.put("ahibridge.routes.import.queue-endpoint", AWS.endpoints().sqs().toString());
        eventDriven.put("ahibridge.routes.import.queue-region", AWS.endpoints().region());
        eventDriven.put("ahibridge.routes.import.cron", POLL_SECONDS >= 60 ? "0+0/1+*+*+*+?"
                : "0/" + POLL_SECONDS + "+*+*+*+*+?");
        eventDriven.put("ahibridge.import.discovery.stable-after", "PT1H");
        cluster.instances().add(start("instance-a", bucket, datastore, eventDriven));
        cluster.instances().add(start("instance-b", bucket, datastore, eventDriven));
        for (ServiceInstance instance : cluster.instances()) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(instance::isReady);
        }

        // The objects arrive while both instances run, each announced by one event, except every 100th
        // (a lost notification: the poll must find it); every 40th is announced twice (S3 delivers at
        // least once), and the two copies may go to different cluster.instances().
        long started = System.nanoTime();
        ClusterChecks.upload(AWS.s3(), bucket, source.objects);
        List<String> keys = new ArrayList<>(source.objects.keySet());
        List<String> announced = new ArrayList<>();
        List<String> unannounced = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            (i % 100 == 99 ? unannounced : announced).add(keys.get(i));
            if (i % 40 == 39) {
                announced.add(keys.get(i));
            }
        }
        java.util.Collections.shuffle(announced, new Random(61));
        sendEvents(queue, bucket, source, announced);

        awaitEveryObjectDone(source, patience(OBJECTS));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEachObjectOnce(source, datastore);
        assertThat(unannounced).as("objects the poll had to find").isNotEmpty();
        Map<String, Integer> batchesByOwner = batchesByOwner();
        Map<String, Integer> classifiedByOwner = classifiedByOwner();
        System.out.println(source.objects.size() + " objects (" + announced.size() + " events, " + unannounced.size()
                + " objects without one) done in " + took.toSeconds() + " s after the upload began; objects classified"
                + " per instance: " + classifiedByOwner + "; batch steps last taken per instance: " + batchesByOwner
                + "; batch claims per instance: " + batchClaimsByOwner());
        assertThat(classifiedByOwner).as("objects each instance classified").containsOnlyKeys("instance-a",
                "instance-b");
        assertThat(batchesByOwner).as("batches whose last step each instance took").containsOnlyKeys(
                "instance-a", "instance-b");
        // Every message, duplicates included, was processed and deleted: none waits, none is in flight.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                AWS.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes())
                .as("messages left on the queue")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
        // Without crashes every outcome was also audited exactly once, by one of the two cluster.instances().
        assertThat(ClusterChecks.auditedKeys(temp.resolve("audit")))
                .containsExactlyInAnyOrderElementsOf(source.objects.keySet());
    }

    /** One S3 "ObjectCreated:Put" event notification per key, ten messages per SendMessageBatch call. */
    private static void sendEvents(String queue, String bucket, ImportSource source, List<String> keys) {
        for (int from = 0; from < keys.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + 10, keys.size()); i++) {
                String key = keys.get(i);
                ObjectNode object = JSON.createObjectNode().put("key", s3EventKey(key))
                        .put("size", source.objects.get(key).length);
                ObjectNode record = JSON.createObjectNode().put("eventVersion", "2.1").put("eventSource", "aws:s3")
                        .put("eventName", "ObjectCreated:Put");
                record.putObject("s3").set("object", object);
                ((ObjectNode) record.get("s3")).putObject("bucket").put("name", bucket);
                ObjectNode body = JSON.createObjectNode();
                body.putArray("Records").add(record);
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(body.toString()).build());
            }
            var sent = AWS.sqs().sendMessageBatch(b -> b.queueUrl(queue).entries(entries));
            assertThat(sent.failed()).as("messages SQS refused").isEmpty();
        }
    }

    /** S3 URL-encodes keys in event notifications (a space becomes '+'); the slashes stay. */
    private static String s3EventKey(String key) {
        return java.util.Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("/"));
    }

    @Test
    void shouldAccountForEveryObjectOnceWhileInstancesAreKilledAndRestarted() throws Exception {
        ImportSource source = source(62, CRASH_OBJECTS);
        // The source arrives in parts, one before each kill: the run cannot finish before the last kill.
        List<Map<String, byte[]>> parts = parts(source, KILLS + 1);
        String bucket = "killed-instances";
        AWS.s3().createBucket(b -> b.bucket(bucket));
        ClusterChecks.upload(AWS.s3(), bucket, parts.get(0));
        String datastore = datastore("killed-instances");
        Random random = new Random(62);
        Map<String, Integer> generation = new LinkedHashMap<>(Map.of("a", 0, "b", 0));
        cluster.instances().add(start("a-0", bucket, datastore));
        cluster.instances().add(start("b-0", bucket, datastore));

        List<String> killedIn = new ArrayList<>();
        int killedDuringWork = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            ClusterChecks.upload(AWS.s3(), bucket, parts.get(kill + 1));
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
                instance = cluster.instances().get(random.nextInt(2));
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(instance::isReady);
                long after = random.nextInt(3_000);
                await().pollDelay(Duration.ofMillis(after)).atMost(Duration.ofMillis(after + 1_000)).until(() -> true);
                moment = "a random moment";
            }
            if (!finished(source)) {
                killedDuringWork++;
            }
            killedIn.add(instance.name() + " while " + moment + ": " + ClusterChecks.phase(cluster.sql()));
            instance.kill();
            int victim = cluster.instances().indexOf(instance);
            String family = victim == 0 ? "a" : "b";
            int next = generation.merge(family, 1, Integer::sum);
            // A restarted instance has a new id: its predecessor's leases must expire, not be inherited.
            cluster.instances().set(victim, start(family + "-" + next, bucket, datastore));
        }

        awaitEveryObjectDone(source, patience(CRASH_OBJECTS));

        assertEachObjectOnce(source, datastore);
        assertThat(killedDuringWork).as("kills before the run finished: " + killedIn).isEqualTo(KILLS);
        killedIn.forEach(k -> System.out.println("SIGKILL " + k));
        System.out.println(source.objects.size() + " objects; objects classified per instance: " + classifiedByOwner());
        System.out.println("batch steps last taken per instance: " + batchesByOwner());
        // An instance killed between a ledger commit and its audit write leaves that line out: at most once.
        List<String> audited = ClusterChecks.auditedKeys(temp.resolve("audit"));
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
        List<String> holders = cluster.sql().sql(query).query(String.class).list();
        return cluster.instances().stream().filter(i -> holders.contains(i.name())).filter(ServiceInstance::isAlive)
                .findFirst();
    }

    private void awaitEveryObjectDone(ImportSource source, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (ServiceInstance instance : cluster.instances()) {
                assertThat(instance.isAlive()).as(instance.name() + " is running; see " + instance.log()).isTrue();
            }
            return finished(source);
        });
    }

    /** Generous: the CI machine's two CPUs are shared, and a service JVM can take a minute to start there. */
    private static Duration patience(int objects) {
        return Duration.ofSeconds(Math.max(600, objects / 5));
    }

    /** Every object of the source is DONE and no batch with files is left unfinished. */
    private boolean finished(ImportSource source) {
        int done = cluster.sql().sql("select count(*) from source_object where work_state = 'DONE'").query(Integer.class)
                .single();
        int open = cluster.sql()
                .sql("select count(*) from import_batch where batch_state not in ('COMPLETED', 'FAILED')"
                + " and file_count > 0").query(Integer.class).single();
        return done == source.objects.size() && open == 0;
    }

    private void assertEachObjectOnce(ImportSource source, String datastore) throws IOException {
        ClusterChecks.assertOneOutcomePerObject(cluster.sql(), source);
        ClusterChecks.assertNothingImportedTwice(cluster.sql(), AWS.ahi(), datastore,
                (int) source.count(ImportSource.Expect.IMPORTED));
    }

    private Map<String, Integer> batchesByOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        cluster.sql()
                .sql("select lease_owner, count(*) as n from import_batch where lease_owner is not null group by lease_owner")
                .query((row, n) -> owners.put(row.getString("lease_owner"), row.getInt("n"))).list();
        return owners;
    }

    /** Batch leases taken per instance (lease_count counts every claim; the row keeps the last owner). */
    private Map<String, Integer> batchClaimsByOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        cluster.sql().sql("select lease_owner, sum(lease_count) as n from import_batch where lease_owner is not null"
                + " group by lease_owner").query((row, n) -> owners.put(row.getString("lease_owner"), row.getInt("n")))
                .list();
        return owners;
    }

    private Map<String, Integer> classifiedByOwner() {
        Map<String, Integer> owners = new LinkedHashMap<>();
        cluster.sql()
                .sql("select lease_owner, count(*) as n from source_object where lease_owner is not null group by lease_owner")
                .query((row, n) -> owners.put(row.getString("lease_owner"), row.getInt("n"))).list();
        return owners;
    }

    private static String datastore(String name) {
        return EmulatorClients.createActiveDatastore(AWS.ahi(), name);
    }

    private ServiceInstance start(String id, String bucket, String datastore) throws IOException {
        return start(id, bucket, datastore, Map.of());
    }

    /** An instance polling {@code bucket} every 2 s, with {@code overrides} replacing or adding properties. */
    private ServiceInstance start(String id, String bucket, String datastore, Map<String, String> overrides)
            throws IOException {
        Map<String, String> p = cluster.instanceSettings(id, temp.resolve("audit"));
        p.put("ahibridge.cluster.lease-ttl", "PT10S");
        p.put("ahibridge.cluster.quartz-clustered", "true");
        p.put("ahibridge.cluster.quartz-checkin", "PT2S");
        p.putAll(EmulatedDatastoreSettings.localDatastore(AWS.endpoints(), datastore, datastore + "/",
                datastore + "/"));
        // The pace of StartDICOMImportJob is per instance: two instances at 0.5/s stay within AHI's 1/s.
        p.put("ahibridge.import.jobs.starts-per-second", "0.5");
        p.put("ahibridge.import.jobs.poll-interval", "PT0.5S");
        p.put("ahibridge.import.batch.max-files", "50");
        p.put("ahibridge.import.batch.max-age", "PT5S");
        p.put("ahibridge.import.discovery.stable-after", "PT0S");
        p.put("ahibridge.routes.import.sources", "s3://" + bucket + "/");
        p.put("ahibridge.routes.import.cron", "0/2+*+*+*+*+?");
        p.put("ahibridge.routes.import.tick-millis", "500");
        p.putAll(overrides);
        // Logs outlive the temporary directory, for a failed run's post-mortem.
        Path logs = Files.createDirectories(Path.of("target", "cluster-it", bucket));
        return ServiceInstance.start(id, p, logs);
    }
}
