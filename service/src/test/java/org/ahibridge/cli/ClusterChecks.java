package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetsMetadataSummary;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the ITs that run service instances against one ledger (TwoInstanceImportIT, ConcurrentStepsCrashIT) put
 * in and read back: the source objects uploaded, the ledger's phase for the log of a kill, the keys the audit
 * files name, the SOP instances AHI holds in an image set; and the checks both make at the end, that each
 * object has one outcome and nothing was imported twice.
 */
final class ClusterChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterChecks() {
    }

    /** Puts every object into {@code bucket}, eight at a time: the calls wait on the emulator, not on the CPUs. */
    static void upload(S3Client s3, String bucket, Map<String, byte[]> objects) {
        ForkJoinPool pool = new ForkJoinPool(8);
        try {
            pool.submit(() -> objects.entrySet().parallelStream().forEach(e -> s3.putObject(
                    b -> b.bucket(bucket).key(e.getKey()), RequestBody.fromBytes(e.getValue())))).join();
        } finally {
            pool.shutdown();
        }
    }

    /** What the pipeline is doing now, read from the ledger: objects by work state, batches by state. */
    static String phase(JdbcClient sql) {
        Map<String, Integer> states = new LinkedHashMap<>();
        sql.sql("select work_state, count(*) as n from source_object group by work_state")
                .query((row, n) -> states.put(row.getString("work_state"), row.getInt("n"))).list();
        Map<String, Integer> batches = new LinkedHashMap<>();
        sql.sql("select batch_state, count(*) as n from import_batch group by batch_state")
                .query((row, n) -> batches.put(row.getString("batch_state"), row.getInt("n"))).list();
        return "objects " + states + " batches " + batches;
    }

    /** The {@code key} of every line of every audit file under {@code auditRoot}, duplicates kept. */
    static List<String> auditedKeys(Path auditRoot) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(auditRoot)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    keys.add(JSON.readTree(line).get("key").asText());
                }
            }
        }
        return keys;
    }

    /** The SOP Instance UIDs of an image set's metadata, duplicates kept. */
    static List<String> sopInstanceUids(MedicalImagingClient ahi, String datastore, String imageSetId)
            throws IOException {
        try (var in = new GZIPInputStream(ahi.getImageSetMetadata(b -> b.datastoreId(datastore)
                .imageSetId(imageSetId)))) {
            List<String> uids = new ArrayList<>();
            for (JsonNode series : JSON.readTree(in).path("Study").path("Series")) {
                series.path("Instances").fieldNames().forEachRemaining(uids::add);
            }
            return uids;
        }
    }

    /** One ledger row per source object, with the outcome its content calls for. */
    static void assertOneOutcomePerObject(JdbcClient sql, ImportSource source) {
        Map<String, String> outcomes = new HashMap<>();
        sql.sql("select object_key, outcome from source_object").query((row, n) -> {
            assertThat(outcomes.put(row.getString("object_key"), row.getString("outcome")))
                    .as("one ledger row for " + row.getString("object_key")).isNull();
            return null;
        }).list();
        assertThat(outcomes).containsOnlyKeys(source.objects.keySet());
        source.expected.forEach((key, expect) -> assertThat(outcomes.get(key)).as(key)
                .isEqualTo(expect == ImportSource.Expect.NOT_P10 ? "SKIPPED_NOT_P10" : "IMPORTED"));
    }

    /**
     * Nothing staged or imported twice: one import job in AHI per batch the ledger gave a job, and one AHI
     * instance per imported file.
     */
    static void assertNothingImportedTwice(JdbcClient sql, MedicalImagingClient ahi, String datastore, int imported)
            throws IOException {
        int batchesWithJobs = sql.sql("select count(*) from import_batch where job_id is not null")
                .query(Integer.class).single();
        long jobs = ahi.listDICOMImportJobsPaginator(b -> b.datastoreId(datastore)).jobSummaries().stream().count();
        assertThat(jobs).as("import jobs in AHI").isEqualTo(batchesWithJobs);
        List<String> sopInstances = new ArrayList<>();
        for (ImageSetsMetadataSummary set : ahi.searchImageSetsPaginator(b -> b.datastoreId(datastore))
                .imageSetsMetadataSummaries()) {
            sopInstances.addAll(sopInstanceUids(ahi, datastore, set.imageSetId()));
        }
        assertThat(sopInstances).doesNotHaveDuplicates().hasSize(imported);
    }
}
