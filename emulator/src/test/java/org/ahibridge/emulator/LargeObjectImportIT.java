package org.ahibridge.emulator;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.emulator.junit.EmulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.codec.NativeSamples;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder.Tool;
import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.ahi.imports.ImportSpool;
import org.ahibridge.emulator.ahi.imports.SyntheticInstance;

/**
 * End to end through the spooled path: with the spool threshold lowered to 1 KiB, every object of the
 * job is downloaded to a temporary file and read one frame at a time. The frames served afterwards
 * must be the source's, byte for byte, and no spool file may be left behind, also for a rejected object.
 */
class LargeObjectImportIT {

    private static final int THRESHOLD = 1024;
    /** The per-file quota, lowered from AHI's 10 GB so that a small object exceeds it. */
    private static final int MAX_FILE = 64 * 1024;
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create()
            .configure(c -> c.withImportSpool(new ImportSpool(THRESHOLD, LargeObjectImportIT.spool))
                    .withAhi(AhiSettings.defaults().withMaxBytesPerFile(MAX_FILE)));
    static MedicalImagingClient ahi;
    static S3Client s3;
    static String datastoreId;
    static JsonNode manifest;
    static final SyntheticInstance single = SyntheticInstance.nativePixels("2.25.4400100.11", 1, "1.2.840.10008.1.2.1", 1);
    static final SyntheticInstance multi = SyntheticInstance.nativePixels("2.25.4400100.12", 6, "1.2.840.10008.1.2.1", 2);
    static final SyntheticInstance fragments = SyntheticInstance.encapsulated("2.25.4400100.13", 4, 3, 3);
    @TempDir
    static Path spool;

    @BeforeAll
    static void importThroughTheSpool() throws Exception {
        ahi = EMULATOR.ahi();
        s3 = EMULATOR.s3();
        s3.createBucket(b -> b.bucket("input-bucket"));
        s3.createBucket(b -> b.bucket("output-bucket"));
        datastoreId = EmulatorClients.createActiveDatastore(ahi, "large");
        upload("in/single.dcm", single.file());
        upload("in/multi.dcm", multi.file());
        upload("in/fragments.dcm", fragments.file());
        byte[] multiFile = multi.file();
        upload("in/cut.dcm", Arrays.copyOf(multiFile, multiFile.length - 500));
        upload("in/too-big.dcm", Arrays.copyOf(multiFile, MAX_FILE + 1));
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("large")
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://input-bucket/in/").outputS3Uri("s3://output-bucket/out/")).jobId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> ahi.getDICOMImportJob(
                b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
        manifest = EmulatorClients.json(s3.getObjectAsBytes(b -> b.bucket("output-bucket")
                .key("out/" + datastoreId + "-DicomImport-" + jobId + "/job-output-manifest.json")).asUtf8String());
    }

    @Test
    void shouldSpoolEveryObjectOfTheTest() {
        assertThat(List.of(single, multi, fragments)).allSatisfy(i -> assertThat(i.file().length).isGreaterThan(THRESHOLD));
    }

    @Test
    void shouldImportTheWholeObjectsAndRejectTheCutOneAndTheOneOverThePerFileQuota() {
        JsonNode summary = manifest.get("jobSummary");
        assertThat(summary.get("numberOfScannedFiles").asInt()).isEqualTo(5);
        assertThat(summary.get("numberOfImportedFiles").asInt()).isEqualTo(3);
        assertThat(summary.get("numberOfFilesWithCustomerError").asInt()).isEqualTo(2);
        String failures = s3.getObjectAsBytes(b -> b.bucket("output-bucket")
                .key(manifest.at("/jobSummary/failureOutputS3Uri").asText().substring("s3://output-bucket/".length())
                        + "failure.ndjson")).asUtf8String();
        assertThat(failures.lines().map(EmulatorClients::json)).satisfiesExactlyInAnyOrder(
                cut -> {
                    assertThat(cut.get("inputFile").asText()).isEqualTo("in/cut.dcm");
                    assertThat(cut.at("/exception/message").asText()).startsWith("Invalid DICOM file: the file is truncated");
                },
                tooBig -> {
                    assertThat(tooBig.get("inputFile").asText()).isEqualTo("in/too-big.dcm");
                    assertThat(tooBig.at("/exception/exceptionType").asText()).isEqualTo("ValidationException");
                    assertThat(tooBig.at("/exception/message").asText()).isEqualTo("The file is " + (MAX_FILE + 1)
                            + " bytes, more than the " + MAX_FILE + " bytes allowed for one DICOM P10 file");
                });
        assertThat(summary.get("imageSetsSummary")).singleElement()
                .satisfies(s -> assertThat(s.get("numberOfMatchedSOPInstances").asInt()).isEqualTo(3));
    }

    /**
     * Native frames come back as HTJ2K that decodes to them (when the encoder is installed; else as they
     * were); the synthetic RLE frames, random bytes no decoder takes, come back as they were.
     */
    @Test
    void shouldServeTheSourceFramesLosslessly() throws Exception {
        String imageSetId = manifest.at("/jobSummary/imageSetsSummary/0/imageSetId").asText();
        JsonNode instances = EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(
                b -> b.datastoreId(datastoreId).imageSetId(imageSetId)).asByteArray())
                .at("/Study/Series").elements().next().get("Instances");
        assertFrames(imageSetId, instances.get("2.25.4400100.11"), single);
        assertFrames(imageSetId, instances.get("2.25.4400100.12"), multi);
        assertFrames(imageSetId, instances.get("2.25.4400100.13"), fragments);
        assertThat(instances.get("2.25.4400100.13").get("StoredTransferSyntaxUID").asText())
                .isEqualTo("1.2.840.10008.1.2.5");
        assertThat(instances.get("2.25.4400100.11").get("StoredTransferSyntaxUID").asText())
                .isEqualTo(FrameCodecs.encoder(LosslessFormat.HTJ2K).isPresent() ? "1.2.840.10008.1.2.4.202"
                        : "1.2.840.10008.1.2.1");
    }

    @Test
    void shouldLeaveNoSpoolFileBehind() throws Exception {
        try (Stream<Path> files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    private static void assertFrames(String imageSetId, JsonNode instance, SyntheticInstance source) throws Exception {
        JsonNode frames = instance.get("ImageFrames");
        assertThat(frames).hasSize(source.frames().size());
        boolean htj2k = instance.get("StoredTransferSyntaxUID").asText().equals("1.2.840.10008.1.2.4.202");
        if (htj2k) {
            Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
        }
        FrameLayout layout = FrameLayout.monochrome(16, 24, 16, 16, false);
        for (int i = 0; i < frames.size(); i++) {
            String frameId = frames.get(i).get("ID").asText();
            byte[] served = ahi.getImageFrameAsBytes(b -> b.datastoreId(datastoreId).imageSetId(imageSetId)
                    .imageFrameInformation(f -> f.imageFrameId(frameId))).asByteArray();
            if (htj2k) {
                assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, served)).as("frame %d", i)
                        .isDeepEqualTo(NativeSamples.planes(source.frames().get(i), layout));
            } else {
                assertThat(served).as("frame %d", i).isEqualTo(source.frames().get(i));
            }
        }
    }

    private static void upload(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket("input-bucket").key(key), RequestBody.fromBytes(bytes));
    }
}
