package org.ahibridge.exporting;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.ahi.AhiPaces;
import org.ahibridge.ahi.AhiRetry;
import org.ahibridge.ahi.AhiTemplate;
import org.ahibridge.ahi.TokenBucket;
import org.ahibridge.cli.Commands;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test fixture: an in-process emulator with one datastore, files imported into it through the real
 * SDK (StartDICOMImportJob, awaited until COMPLETED), a configuration file that registers the datastore
 * for the {@code export} command, and a way to run that command and read its summary line.
 *
 * <p>In a test it is an extension over {@link EmulatorExtension}: in a static {@code @RegisterExtension} field
 * it serves the class, in an instance field each test. {@link #startedNow()} is for a benchmark's
 * {@code main}, outside JUnit, and is stopped by {@link #close()}.
 */
final class EmulatedAhi implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    private final EmulatorExtension extension;
    private boolean perClass;
    Emulator emulator;
    MedicalImagingClient ahi;
    S3Client s3;
    String datastoreId;
    private int jobs;

    EmulatedAhi() {
        this.extension = EmulatorExtension.create();
    }

    private EmulatedAhi(Emulator emulator) {
        this.extension = null;
        use(emulator, EmulatorClients.medicalImaging(emulator.endpoints()), EmulatorClients.s3(emulator.endpoints()));
    }

    /** Outside JUnit: an emulator started now, stopped by {@link #close()}. */
    static EmulatedAhi startedNow() throws IOException {
        return new EmulatedAhi(Emulator.start(EmulatorConfig.ephemeral()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        extension.beforeAll(context);
        use(extension.emulator(), extension.ahi(), extension.s3());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        extension.afterAll(context);
        emulator = null;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            extension.beforeEach(context);
            use(extension.emulator(), extension.ahi(), extension.s3());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            extension.afterEach(context);
            emulator = null;
        }
    }

    private void use(Emulator started, MedicalImagingClient ahiClient, S3Client s3Client) {
        // The command's S3 clients use the default chain, as the service's do: the emulator takes any key.
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        emulator = started;
        ahi = ahiClient;
        s3 = s3Client;
        jobs = 0;
        s3.createBucket(b -> b.bucket("input-bucket"));
        s3.createBucket(b -> b.bucket("output-bucket"));
        s3.createBucket(b -> b.bucket("export-bucket"));
        datastoreId = EmulatorClients.createActiveDatastore(ahi, "export-tests");
    }

    /** Uploads the files under one prefix and imports them with one job. */
    void importFiles(Map<String, byte[]> files) {
        String prefix = "job" + (++jobs) + "/";
        files.forEach((name, bytes) -> s3.putObject(b -> b.bucket("input-bucket").key(prefix + name),
                RequestBody.fromBytes(bytes)));
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("export-test")
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://input-bucket/" + prefix).outputS3Uri("s3://output-bucket/out/")).jobId();
        // A bound, not a speed check: ExportMemoryIT's 1,000-frame job stores each frame through an external codec
        // process, and on a shared two-core machine running two test JVMs that has taken over two minutes.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> ahi.getDICOMImportJob(
                b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
    }

    /** application.yaml registering the datastore as {@code test} with the given access mode. */
    Path config(Path dir, String access) throws IOException {
        Path file = dir.resolve("application-" + access + ".yaml");
        Files.writeString(file, String.join("\n",
                "ahibridge:",
                "  embedded:",
                "    enabled: false",
                "  s3:",
                "    region: us-east-1",
                "    endpoint: " + emulator.endpoints().s3(),
                "    path-style: true",
                "  audit:",
                "    directory: " + dir.resolve("audit"),
                "  ledger:",
                "    url: jdbc:h2:file:" + dir.resolve("ledger").resolve("ledger") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "  datastores:",
                "    test:",
                "      datastore-id: " + datastoreId,
                "      region: us-east-1",
                "      endpoint: " + emulator.endpoints().ahi(),
                "      access: " + access,
                "      data-access-role-arn: arn:aws:iam::123456789012:role/ImportRole",
                "      staging: s3://output-bucket/staging/",
                "      output: s3://output-bucket/out/",
                ""));
        return file;
    }

    /** The shared AHI template on the emulator with {@code retry}, for tests that drive the flow's steps. */
    AhiReader reader(AhiRetry retry) {
        return AhiReader.of(new AhiTemplate(ahi, AhiPaces.withStarts(new TokenBucket(1, 2)), retry), datastoreId);
    }

    /** Runs {@code export} in-process; returns the exit status, the summary (last stdout line) and stderr. */
    static Run export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run("export", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        JsonNode summary = null;
        if (!lines.isEmpty()) {
            try {
                summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            } catch (IOException e) {
                summary = null;
            }
        }
        return new Run(status, summary, err.toString(StandardCharsets.UTF_8));
    }

    record Run(int status, JsonNode summary, String stderr) {
        int count(String outcome) {
            return summary.path("outcomes").path(outcome).asInt(-1);
        }
    }

    /** Stops what {@link #startedNow()} started; in a test the extension stops the emulator. */
    @Override
    public void close() {
        if (extension == null) {
            ahi.close();
            s3.close();
            emulator.close();
        }
    }
}
