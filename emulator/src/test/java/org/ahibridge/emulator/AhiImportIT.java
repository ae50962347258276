package org.ahibridge.emulator;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.dicom.testing.Dcmtk;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.emulator.junit.EmulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.GetImageFrameRequest;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetsMetadataSummary;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.MedicalImagingException;
import software.amazon.awssdk.services.medicalimaging.model.SearchByAttributeValue;
import software.amazon.awssdk.services.medicalimaging.model.SearchFilter;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.codec.NativeSamples;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder.Tool;

/**
 * End to end: a mixed corpus uploaded to the emulator's S3 server, imported by two jobs through the
 * real AWS SDK, then the output files, primary flags, versions, search, metadata and frames checked.
 */
@Requires(Dcmtk.class)
class AhiImportIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create();
    static MedicalImagingClient ahi;
    static S3Client s3;
    static String datastoreId;
    static JsonNode manifest1;
    static JsonNode manifest2;
    static String job1Folder;
    static software.amazon.awssdk.services.sqs.SqsClient sqs;
    static String queueUrl;
    @TempDir
    static Path temp;

    @BeforeAll
    static void importTwoJobs() throws Exception {
        ahi = EMULATOR.ahi();
        s3 = EMULATOR.s3();
        s3.createBucket(b -> b.bucket("input-bucket"));
        s3.createBucket(b -> b.bucket("output-bucket"));
        datastoreId = EmulatorClients.createActiveDatastore(ahi, "e2e");
        sqs = EMULATOR.sqs();
        queueUrl = sqs.createQueue(b -> b.queueName("ahi-events")).queueUrl();
        try (var events = EmulatorClients.eventBridge(EMULATOR.endpoints())) {
            events.putRule(b -> b.name("ahi-to-sqs").eventPattern("{\"source\":[\"aws.medical-imaging\"]}"));
            events.putTargets(b -> b.rule("ahi-to-sqs").targets(t -> t.id("queue")
                    .arn("arn:aws:sqs:us-east-1:123456789012:ahi-events")));
        }

        upload("job1/nested/ct-jpeg-ls.dcm", corpus("ct jpeg-ls-lossless"));
        upload("job1/mr-rle.dcm", corpus("mr-multiframe rle"));
        upload("job1/sc-baseline.dcm", corpus("sc-rgb jpeg-baseline"));
        upload("job1/zz/deeper/ct-other-patient.dcm", Files.readAllBytes(otherPatientCt()));
        upload("job1/not-dicom.txt", "hello, not DICOM".getBytes(StandardCharsets.UTF_8));
        upload("job1/truncated.dcm", Arrays.copyOf(corpus("ct explicit-le"), 3000));
        upload("job1/warn/mr-bad-offsets.dcm", badOffsetTableMr());
        manifest1 = runJob("job1/");
        job1Folder = "out/" + datastoreId + "-DicomImport-";

        upload("job2/ct-rle.dcm", corpus("ct rle"));
        manifest2 = runJob("job2/");
    }

    @Test
    void shouldCountScannedImportedAndFailedFilesInTheManifest() {
        JsonNode summary = manifest1.get("jobSummary");
        assertThat(summary.get("numberOfScannedFiles").asInt()).isEqualTo(7);
        assertThat(summary.get("numberOfImportedFiles").asInt()).isEqualTo(5);
        assertThat(summary.get("numberOfFilesWithCustomerError").asInt()).isEqualTo(2);
        assertThat(summary.get("numberOfFilesWithServerError").asInt()).isZero();
        assertThat(summary.get("numberOfGeneratedImageSets").asInt()).isEqualTo(5);
        assertThat(summary.get("outputS3Uri").asText()).endsWith("-DicomImport-" + summary.get("jobId").asText() + "/");
        assertThat(summary.get("successOutputS3Uri").asText()).endsWith("/SUCCESS/");
        assertThat(summary.get("imageSetsSummary")).hasSize(5)
                .allSatisfy(s -> assertThat(s.get("imageSetVersion").asInt()).isEqualTo(1));
        assertThat(summary.get("imageSetsSummary").findValues("isPrimary")).extracting(JsonNode::asBoolean)
                .containsExactlyInAnyOrder(true, true, true, true, false);
    }

    @Test
    void shouldWriteOneNdjsonLinePerFileWithKeysRelativeToTheBucket() {
        String folder = folder(manifest1);
        List<JsonNode> success = ndjson(folder + "SUCCESS/success.ndjson");
        List<JsonNode> failure = ndjson(folder + "FAILURE/failure.ndjson");
        assertThat(ndjson(folder + "WARNING/warning.ndjson")).singleElement().satisfies(l -> {
            assertThat(l.get("inputFile").asText()).isEqualTo("job1/warn/mr-bad-offsets.dcm");
            assertThat(l.at("/importResponse/imageSetVersion").asInt()).isEqualTo(1);
            assertThat(l.at("/importResponse/isPrimary").asBoolean()).isTrue();
            assertThat(l.at("/importResponse/warnings/0/warning_reason_code").asInt()).isEqualTo(45330);
            assertThat(l.at("/importResponse/warnings/0/type").asText()).isEqualTo("InvalidOffsetTable");
        });
        assertThat(success).extracting(l -> l.get("inputFile").asText()).containsExactlyInAnyOrder(
                "job1/nested/ct-jpeg-ls.dcm", "job1/mr-rle.dcm", "job1/sc-baseline.dcm",
                "job1/zz/deeper/ct-other-patient.dcm");
        assertThat(success).filteredOn(l -> l.get("inputFile").asText().contains("other-patient"))
                .singleElement().satisfies(l -> assertThat(l.at("/importResponse/isPrimary").asBoolean()).isFalse());
        assertThat(failure).extracting(l -> l.get("inputFile").asText())
                .containsExactlyInAnyOrder("job1/not-dicom.txt", "job1/truncated.dcm");
        assertThat(failure).allSatisfy(l -> {
            assertThat(l.at("/exception/exceptionType").asText()).isEqualTo("ValidationException");
            assertThat(l.at("/exception/message").asText()).isNotBlank();
        });
    }

    @Test
    void shouldAddAReimportedInstanceToThePrimaryImageSetAsANewVersion() {
        JsonNode summary = manifest2.get("jobSummary");
        assertThat(summary.get("imageSetsSummary")).singleElement().satisfies(s -> {
            assertThat(s.get("imageSetId").asText()).isEqualTo(ctPrimary());
            assertThat(s.get("imageSetVersion").asInt()).isEqualTo(2);
            assertThat(s.get("isPrimary").asBoolean()).isTrue();
        });
        assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(ctPrimary())).versionId()).isEqualTo("2");
        assertThat(ahi.listImageSetVersions(b -> b.datastoreId(datastoreId).imageSetId(ctPrimary()))
                .imageSetPropertiesList()).extracting(p -> p.versionId()).containsExactly("2", "1");
    }

    @Test
    void shouldFindImageSetsByPatientIdAndPrimaryFlag() {
        List<ImageSetsMetadataSummary> byPatient = search(SearchByAttributeValue.builder().dicomPatientId("PID-1").build());
        assertThat(byPatient).singleElement().satisfies(s -> {
            assertThat(s.imageSetId()).isEqualTo(ctPrimary());
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.isPrimary()).isTrue();
            assertThat(s.dicomTags().dicomStudyDate()).isEqualTo("20240105");
            assertThat(s.dicomTags().dicomSeriesNumber()).isEqualTo(1);
        });
        List<ImageSetsMetadataSummary> nonPrimary = search(SearchByAttributeValue.builder().isPrimary(false).build());
        assertThat(nonPrimary).singleElement()
                .satisfies(s -> assertThat(s.dicomTags().dicomPatientId()).isEqualTo("PID-OTHER"));
    }

    @Test
    void shouldServeMetadataOfTheLatestVersionWithTheReimportedSyntax() {
        JsonNode metadata = metadata(ctPrimary());
        assertThat(metadata.get("SchemaVersion").asText()).isEqualTo("1.1");
        assertThat(metadata.at("/Patient/DICOM/PatientID").asText()).isEqualTo("PID-1 ");
        assertThat(metadata.at("/Study/DICOM/StudyDate").asText()).isEqualTo("20240105");
        JsonNode series = metadata.at("/Study/Series").elements().next();
        assertThat(series.at("/DICOM/Modality").asText()).isEqualTo("CT");
        JsonNode instance = series.get("Instances").elements().next();
        assertThat(series.get("Instances")).hasSize(1);
        assertThat(instance.get("StoredTransferSyntaxUID").asText()).as("RLE is transcoded (docs/aws-healthimaging.md §5.2)")
                .isEqualTo(HTJ2K_INSTALLED ? "1.2.840.10008.1.2.4.202" : "1.2.840.10008.1.2.5");
        assertThat(instance.at("/DICOM/TransferSyntaxUID").asText()).as("the original syntax")
                .isEqualTo("1.2.840.10008.1.2.5");
        assertThat(instance.path("ChecksumType").asText()).isEqualTo(HTJ2K_INSTALLED ? "DECOMPRESSED" : "");
        assertThat(instance.at("/DICOM/PixelData").isNull()).isTrue();
        assertThat(instance.at("/DICOM/ImageType")).hasSize(3);
        assertThat(instance.at("/DICOM/Rows").asInt()).isEqualTo(512);
        assertThat(instance.at("/DICOMVRs/00291010").asText()).isEqualTo("OB");
        assertThat(instance.at("/DICOM/00291010").asText()).isEqualTo("AQIDBA==");
        assertThat(instance.get("ImageFrames")).hasSize(1);
    }

    @Test
    void shouldServeFramesItHasNoDecoderForAsTheirSourceFragments() throws IOException {
        DicomFile source = read(corpus("ct jpeg-ls-lossless"));
        byte[] fragment = source.dataset().get(Tags.PIXEL_DATA).fragments().get(1);
        String imageSetId = ctPrimary();
        JsonNode instance = instanceOf(metadata(imageSetId, "1"));
        assertThat(instance.get("StoredTransferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.4.80");
        assertThat(instance.has("ChecksumType")).as("the checksum covers the stored bytes").isFalse();
        var response = ahi.getImageFrameAsBytes(frameRequest(imageSetId, instance.at("/ImageFrames/0/ID").asText(),
                null));
        assertThat(response.asByteArray()).isEqualTo(fragment);
        assertThat(response.response().contentType()).isEqualTo("image/jls");
    }

    @Test
    void shouldServeRleFramesAsHtj2kThatDecodesToTheRlePixels() throws Exception {
        assumeTranscoding();
        List<byte[]> expected = nativeFrames(DcmtkCorpus.items().stream()
                .filter(i -> i.description().equals("mr-multiframe rle")).findFirst().orElseThrow().file());
        String imageSetId = imageSetOf("job1/mr-rle.dcm");
        JsonNode instance = instanceOf(metadata(imageSetId));
        assertThat(instance.get("StoredTransferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.4.202");
        JsonNode frames = instance.get("ImageFrames");
        assertThat(frames).hasSize(24);
        FrameLayout layout = FrameLayout.monochrome(256, 256, 16, 16, false);
        for (int i : new int[] {0, 2, 23}) {
            var response = ahi.getImageFrameAsBytes(frameRequest(imageSetId, frames.get(i).get("ID").asText(), null));
            assertThat(response.response().contentType()).isEqualTo("image/jph");
            assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, response.asByteArray())).as("frame %d", i + 1)
                    .isDeepEqualTo(NativeSamples.planes(expected.get(i), layout));
            assertThat(frames.get(i).get("FrameSizeInBytes").asLong()).isEqualTo(response.asByteArray().length);
            assertThat(checksum(frames.get(i))).isEqualTo(crc32(expected.get(i)));
        }
    }

    @Test
    void shouldServeNativeFramesAsHtj2kThatDecodesToTheSourcePixels() throws Exception {
        assumeTranscoding();
        DicomFile source = read(Files.readAllBytes(otherPatientCt()));
        byte[] pixels = source.dataset().getBytes(Tags.PIXEL_DATA);
        String imageSetId = imageSetOf("job1/zz/deeper/ct-other-patient.dcm");
        JsonNode instance = instanceOf(metadata(imageSetId));
        assertThat(instance.get("StoredTransferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.4.202");
        assertThat(instance.at("/DICOM/TransferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(instance.get("ChecksumType").asText()).isEqualTo("DECOMPRESSED");
        JsonNode frame = instance.get("ImageFrames").get(0);
        var response = ahi.getImageFrameAsBytes(frameRequest(imageSetId, frame.get("ID").asText(), null));
        byte[] codestream = response.asByteArray();

        assertThat(response.response().contentType()).isEqualTo("image/jph");
        assertThat(frame.get("FrameSizeInBytes").asLong()).isEqualTo(codestream.length).isLessThan(pixels.length);
        int[][] expected = NativeSamples.planes(pixels, FrameLayout.of(source.dataset()));
        assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, codestream)).isDeepEqualTo(expected);
        if (Tool.OJPH_EXPAND.installed()) {
            assertThat(IndependentJ2kDecoder.decode(Tool.OJPH_EXPAND, codestream)).isDeepEqualTo(expected);
        }
        assertThat(checksum(frame)).isEqualTo(crc32(pixels));
    }

    @Test
    void shouldAnswerJpegFramesWithTheirContentTypeAnd406ForAnotherAccept() {
        String imageSetId = imageSetOf("job1/sc-baseline.dcm");
        String frameId = instanceOf(metadata(imageSetId)).at("/ImageFrames/0/ID").asText();
        var jpeg = ahi.getImageFrameAsBytes(frameRequest(imageSetId, frameId, "image/jpeg"));
        assertThat(jpeg.response().contentType()).isEqualTo("image/jpeg");
        assertThat(Arrays.copyOf(jpeg.asByteArray(), 2)).containsExactly(0xFF, 0xD8);
        assertThatThrownBy(() -> ahi.getImageFrameAsBytes(frameRequest(imageSetId, frameId, "image/jph")))
                .isInstanceOfSatisfying(MedicalImagingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(406);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotAcceptableException");
                });
    }

    @Test
    void shouldDeliverJobAndImageSetEventsToAnSqsQueueThroughAnEventBridgeRule() {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .forEach(m -> events.add(EmulatorClients.json(m.body())));
            return events.stream().filter(e -> e.get("detail-type").asText().equals("Import Job Completed")).count() == 2
                    && events.stream().anyMatch(e -> e.get("detail-type").asText().equals("Image Set Updated"));
        });
        assertThat(events).allSatisfy(e -> assertThat(e.get("source").asText()).isEqualTo("aws.medical-imaging"));
        assertThat(events).extracting(e -> e.get("detail-type").asText()).contains("Import Job Submitted",
                "Import Job In Progress", "Import Job Completed", "Image Set Created", "Image Set Updated");
        JsonNode completed = events.stream().filter(e -> e.get("detail-type").asText().equals("Import Job Completed"))
                .findFirst().orElseThrow();
        assertThat(completed.at("/detail/jobStatus").asText()).isEqualTo("COMPLETED");
        assertThat(completed.at("/detail/outputS3Uri").asText()).contains("-DicomImport-");
        assertThat(completed.get("resources").get(0).asText()).endsWith(":datastore/" + datastoreId);
        assertThat(events).filteredOn(e -> e.get("detail-type").asText().equals("Image Set Created"))
                .hasSize(5).anySatisfy(e -> {
                    assertThat(e.at("/detail/isPrimary").asBoolean()).isFalse();
                    assertThat(e.at("/detail/imageSetId").asText()).matches("[0-9a-z]{32}");
                    assertThat(e.at("/detail/imageSetVersion").asText()).isEqualTo("1");
                    assertThat(e.at("/detail/imageSetWorkflowStatus").asText()).isEqualTo("CREATED");
                });
        assertThat(events).filteredOn(e -> e.get("detail-type").asText().equals("Image Set Updated"))
                .singleElement().satisfies(e -> {
                    assertThat(e.at("/detail/imageSetId").asText()).isEqualTo(ctPrimary());
                    assertThat(e.at("/detail/imageSetVersion").asText()).isEqualTo("2");
                    assertThat(e.get("resources").get(0).asText()).endsWith("/imageset/" + ctPrimary());
                });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static final boolean HTJ2K_INSTALLED = FrameCodecs.encoder(LosslessFormat.HTJ2K).isPresent();

    /** Skips (counted) a test of transcoded frames on a machine without the HTJ2K encoder or a decoder. */
    static void assumeTranscoding() {
        Assumptions.assumeTrue(HTJ2K_INSTALLED, FrameCodecs.encoderRequirement(LosslessFormat.HTJ2K)
                + " is not installed");
        Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
    }

    /** The native frames of an RLE file, decompressed by dcmtk's dcmdrle (an independent decoder). */
    static List<byte[]> nativeFrames(Path file) throws IOException {
        Path decompressed = temp.resolve("decompressed-" + file.getFileName());
        ExternalTool.Result result = ExternalTool.run("dcmdrle", file.toString(), decompressed.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        DicomFile reference = read(Files.readAllBytes(decompressed));
        byte[] pixels = reference.dataset().getBytes(Tags.PIXEL_DATA);
        int frames = Math.max(1, reference.dataset().getInt(Tags.NUMBER_OF_FRAMES, 1));
        int size = pixels.length / frames;
        List<byte[]> frameList = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            frameList.add(Arrays.copyOfRange(pixels, i * size, (i + 1) * size));
        }
        return frameList;
    }

    static long checksum(JsonNode frame) {
        JsonNode levels = frame.get("PixelDataChecksumFromBaseToFullResolution");
        return levels.get(levels.size() - 1).get("Checksum").asLong();
    }

    static long crc32(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static JsonNode runJob(String prefix) {
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("e2e")
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://input-bucket/" + prefix).outputS3Uri("s3://output-bucket/out/")).jobId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> ahi.getDICOMImportJob(
                b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
        String output = ahi.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().outputS3Uri();
        assertThat(output).isEqualTo("s3://output-bucket/out/" + datastoreId + "-DicomImport-" + jobId + "/");
        return EmulatorClients.json(s3.getObjectAsBytes(b -> b.bucket("output-bucket")
                .key(output.substring("s3://output-bucket/".length()) + "job-output-manifest.json")).asUtf8String());
    }

    private static String folder(JsonNode manifest) {
        return manifest.at("/jobSummary/outputS3Uri").asText().substring("s3://output-bucket/".length());
    }

    private static List<JsonNode> ndjson(String key) {
        String text = s3.getObjectAsBytes(b -> b.bucket("output-bucket").key(key)).asUtf8String();
        List<JsonNode> lines = new ArrayList<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(EmulatorClients.json(l)));
        return lines;
    }

    private static String imageSetOf(String inputFile) {
        return ndjson(folder(manifest1) + "SUCCESS/success.ndjson").stream()
                .filter(l -> l.get("inputFile").asText().equals(inputFile)).findFirst().orElseThrow()
                .at("/importResponse/imageSetId").asText();
    }

    private static String ctPrimary() {
        return imageSetOf("job1/nested/ct-jpeg-ls.dcm");
    }

    private static List<ImageSetsMetadataSummary> search(SearchByAttributeValue value) {
        return ahi.searchImageSets(b -> b.datastoreId(datastoreId).searchCriteria(c -> c.filters(
                SearchFilter.builder().operator("EQUAL").values(value).build()))).imageSetsMetadataSummaries();
    }

    private static JsonNode metadata(String imageSetId, String version) {
        return EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(
                b -> b.datastoreId(datastoreId).imageSetId(imageSetId).versionId(version)).asByteArray());
    }

    private static JsonNode metadata(String imageSetId) {
        return EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(
                b -> b.datastoreId(datastoreId).imageSetId(imageSetId)).asByteArray());
    }

    private static JsonNode instanceOf(JsonNode metadata) {
        return metadata.at("/Study/Series").elements().next().get("Instances").elements().next();
    }

    private static GetImageFrameRequest frameRequest(String imageSetId, String frameId, String accept) {
        GetImageFrameRequest.Builder builder = GetImageFrameRequest.builder().datastoreId(datastoreId)
                .imageSetId(imageSetId).imageFrameInformation(f -> f.imageFrameId(frameId));
        if (accept != null) {
            builder.overrideConfiguration(o -> o.putHeader("Accept", accept));
        }
        return builder.build();
    }

    private static void upload(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket("input-bucket").key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] corpus(String description) throws IOException {
        return Files.readAllBytes(DcmtkCorpus.items().stream().filter(i -> i.description().equals(description))
                .findFirst().orElseThrow().file());
    }

    private static DicomFile read(byte[] bytes) throws IOException {
        return DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.full());
    }

    /** The RLE MR as a new series, with its Basic Offset Table pointing inside a fragment. */
    static byte[] badOffsetTableMr() throws IOException, InterruptedException {
        Path copy = temp.resolve("mr-bad-offsets.dcm");
        Files.write(copy, corpus("mr-multiframe rle"));
        dcmodify(copy, "(0020,000e)=2.25.743300000000000000000002.2.9", "(0008,0018)=2.25.743300000000000000000002.3.9");
        byte[] bytes = Files.readAllBytes(copy);
        // The offset table item: tag (FFFE,E000) with length 96 (24 frames x 4 bytes); offset 2 becomes 1.
        byte[] item = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 0x60, 0x00, 0x00, 0x00};
        for (int i = 0; i + item.length < bytes.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + item.length), item)) {
                bytes[i + 12] = 1;
                bytes[i + 13] = 0;
                bytes[i + 14] = 0;
                bytes[i + 15] = 0;
                return bytes;
            }
        }
        throw new IllegalStateException("no offset table in the RLE MR");
    }

    private static void dcmodify(Path file, String... assignments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dcmodify", "-nb"));
        for (String assignment : assignments) {
            command.add("-m");
            command.add(assignment);
        }
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /** The CT with another SOP Instance UID and Patient ID: same series, conflicting with the primary set. */
    static Path otherPatientCt() throws IOException, InterruptedException {
        Path copy = temp.resolve("ct-other-patient.dcm");
        if (!Files.exists(copy)) {
            Files.copy(DcmtkCorpus.ctSlice(), copy);
            dcmodify(copy, "(0010,0020)=PID-OTHER", "(0008,0018)=2.25.743300000000000000000001.33");
        }
        return copy;
    }

}
