package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.LosslessStorageFormat;

import org.ahibridge.emulator.ahi.imports.SyntheticInstance;
import org.ahibridge.emulator.junit.EmulatorClients;

/**
 * A metadata document without {@code StoredTransferSyntaxUID} means the data store's storage format
 * (docs/aws-healthimaging.md §4.2). The emulator always writes the member, so the test removes it from
 * the persisted metadata of a JPEG_2000_LOSSLESS data store between two runs: GetImageFrame then answers
 * with the type of JPEG 2000, not HTJ2K's {@code image/jph}.
 */
class MissingStoredSyntaxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dataDir;

    @Test
    void shouldServeAFrameWithoutStoredSyntaxAsTheDatastoresFormat() throws Exception {
        EmulatorConfig config = EmulatorConfig.ephemeral().withoutSqs().withDataDir(dataDir);
        String datastoreId;
        String imageSetId;
        String frameId;
        try (Emulator emulator = Emulator.start(config);
                var ahi = EmulatorClients.medicalImaging(emulator.endpoints());
                var s3 = EmulatorClients.s3(emulator.endpoints())) {
            s3.createBucket(b -> b.bucket("syntax-bucket"));
            s3.putObject(b -> b.bucket("syntax-bucket").key("in/ct.dcm"), RequestBody.fromBytes(
                    SyntheticInstance.nativePixels("2.25.1515.1", 1, "1.2.840.10008.1.2.1", 5).file()));
            String store = ahi.createDatastore(b -> b.datastoreName("j2k")
                    .losslessStorageFormat(LosslessStorageFormat.JPEG_2000_LOSSLESS)).datastoreId();
            EmulatorClients.awaitActive(ahi, store, Duration.ofSeconds(30));
            String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(store).dataAccessRoleArn(
                    "arn:aws:iam::123456789012:role/R").inputS3Uri("s3://syntax-bucket/in/")
                    .outputS3Uri("s3://syntax-bucket/out/")).jobId();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ahi.getDICOMImportJob(b -> b
                    .datastoreId(store).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
            datastoreId = store;
            imageSetId = ahi.searchImageSets(b -> b.datastoreId(store)).imageSetsMetadataSummaries().get(0).imageSetId();
        }
        Path metadata = dataDir.resolve("ahi/blobs/metadata/" + imageSetId + "/1.json.gz");
        ObjectNode document = (ObjectNode) read(metadata);
        ObjectNode instance = (ObjectNode) document.at("/Study/Series").elements().next().get("Instances").elements()
                .next();
        instance.remove("StoredTransferSyntaxUID");
        frameId = instance.at("/ImageFrames/0/ID").asText();
        write(metadata, document);

        try (Emulator emulator = Emulator.start(config);
                var ahi = EmulatorClients.medicalImaging(emulator.endpoints())) {
            String store = datastoreId;
            String set = imageSetId;
            String id = frameId;
            assertThat(EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(b -> b.datastoreId(store)
                    .imageSetId(set)).asByteArray()).findValue("StoredTransferSyntaxUID")).isNull();
            assertThat(ahi.getImageFrameAsBytes(b -> b.datastoreId(store).imageSetId(set)
                    .imageFrameInformation(f -> f.imageFrameId(id))).response().contentType()).isEqualTo("image/j2c");
        }
    }

    private static JsonNode read(Path gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            return JSON.readTree(in);
        }
    }

    private static void write(Path gzip, JsonNode document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, document);
        }
        Files.write(gzip, bytes.toByteArray());
    }
}
