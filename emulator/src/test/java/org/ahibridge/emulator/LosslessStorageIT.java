package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.GetImageFrameResponse;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.LosslessStorageFormat;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder.Tool;
import org.ahibridge.emulator.ahi.imports.ImportSpool;
import org.ahibridge.emulator.ahi.imports.SyntheticInstance;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.PydicomTestFiles;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.dicom.testing.OpenJpegLibrary;
import org.ahibridge.dicom.testing.OpenJpegTools;
import org.ahibridge.dicom.testing.OpenJphTools;

/**
 * Issue 14, acceptance 1 and 2, through the AWS SDK: the same files imported into an HTJ2K data store
 * and into one created with {@code losslessStorageFormat: JPEG_2000_LOSSLESS}. Native CTs come back as
 * codestreams of the store's format that {@code opj_decompress} (and {@code ojph_expand}) decode to the
 * source pixels, with AWS's content types; 4:2:2 and packed 1-bit frames come back, frame by frame, as
 * pydicom reads them from the source. Objects over 8 KiB go through the spooled reader, the others are
 * read in memory, so both paths are covered.
 */
@Requires({PydicomTestFiles.class, Dcmtk.class, OpenJphTools.class, OpenJpegTools.class, OpenJpegLibrary.class})
class LosslessStorageIT {

    static final int SPOOL_THRESHOLD = 8 * 1024;
    static Emulator emulator;
    static MedicalImagingClient ahi;
    static S3Client s3;
    static final Map<LosslessFormat, String> datastores = new LinkedHashMap<>();
    static final Map<LosslessFormat, Map<String, JsonNode>> instances = new LinkedHashMap<>();
    static final Map<String, Path> files = new LinkedHashMap<>();
    @TempDir
    static Path temp;

    @BeforeAll
    static void importIntoBothStorageFormats() throws Exception {
        files.put("ct-native.dcm", DcmtkCorpus.ctSlice());
        files.put("ct-small-signed.dcm", PydicomFrames.TEST_FILES.resolve("CT_small.dcm"));
        files.put("ybr422-pydicom.dcm", PydicomFrames.TEST_FILES.resolve("SC_ybr_full_422_uncompressed.dcm"));
        files.put("ybr422-2frames.dcm", write("ybr422-2frames.dcm",
                SyntheticInstance.ybrFull422("2.25.1414.1", 6, 10, 2, "1.2.840.10008.1.2.1", 1).file()));
        files.put("seg-1frame.dcm", PydicomFrames.TEST_FILES.resolve("liver_1frame.dcm"));
        files.put("seg-1frame-big-endian.dcm", PydicomFrames.TEST_FILES.resolve("liver_expb_1frame.dcm"));
        files.put("bits-3x5x2.dcm", write("bits-3x5x2.dcm", SyntheticInstance.packedBits("2.25.1414.2", 3, 5, 2,
                VR.OB, "1.2.840.10008.1.2.1", 2).file()));
        files.put("bits-3x3x8.dcm", write("bits-3x3x8.dcm", SyntheticInstance.packedBits("2.25.1414.3", 3, 3, 8,
                VR.OB, "1.2.840.10008.1.2.1", 3).file()));
        files.put("bits-63x65x16-ow-big-endian.dcm", write("bits-63x65x16.dcm", SyntheticInstance.packedBits(
                "2.25.1414.4", 63, 65, 16, VR.OW, "1.2.840.10008.1.2.2", 4).file()));

        emulator = Emulator.start(EmulatorConfig.ephemeral().withoutSqs()
                .withImportSpool(new ImportSpool(SPOOL_THRESHOLD, temp)));
        ahi = EmulatorClients.medicalImaging(emulator.endpoints());
        s3 = EmulatorClients.s3(emulator.endpoints());
        s3.createBucket(b -> b.bucket("lossless-input"));
        for (Map.Entry<String, Path> file : files.entrySet()) {
            s3.putObject(b -> b.bucket("lossless-input").key("in/" + file.getKey()), RequestBody.fromFile(file.getValue()));
        }
        datastores.put(LosslessFormat.HTJ2K, ahi.createDatastore(b -> b.datastoreName("htj2k")).datastoreId());
        datastores.put(LosslessFormat.JPEG_2000, ahi.createDatastore(b -> b.datastoreName("j2k")
                .losslessStorageFormat(LosslessStorageFormat.JPEG_2000_LOSSLESS)).datastoreId());
        datastores.values().forEach(id -> EmulatorClients.awaitActive(ahi, id, Duration.ofSeconds(30)));
        for (Map.Entry<LosslessFormat, String> datastore : datastores.entrySet()) {
            instances.put(datastore.getKey(), importInto(datastore.getValue()));
        }
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            ahi.close();
            s3.close();
            emulator.close();
        }
    }

    @ParameterizedTest
    @EnumSource(LosslessFormat.class)
    void shouldServeNativeCtFramesInTheStoresFormatThatDecodeToTheSourcePixels(LosslessFormat format) throws Exception {
        Assumptions.assumeTrue(FrameCodecs.encoder(format).isPresent(), FrameCodecs.encoderRequirement(format)
                + " is not installed");
        Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
        for (String name : List.of("ct-native.dcm", "ct-small-signed.dcm")) {
            DicomFile source = read(files.get(name));
            FrameLayout layout = FrameLayout.of(source.dataset());
            JsonNode instance = instances.get(format).get(name);
            assertThat(instance.get("StoredTransferSyntaxUID").asText()).as(name).isEqualTo(format.transferSyntaxUid());
            assertThat(instance.get("ChecksumType").asText()).isEqualTo("DECOMPRESSED");
            ResponseBytes<GetImageFrameResponse> frame = frame(format, instance, 0);
            assertThat(frame.response().contentType()).as("content type for %s", format)
                    .isEqualTo(format == LosslessFormat.HTJ2K ? "image/jph" : "image/j2c");

            int[][] expected = PydicomFrames.samples(files.get(name), layout, 1).get(0);
            assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, frame.asByteArray())).as(name)
                    .isDeepEqualTo(expected);
            if (format == LosslessFormat.HTJ2K && !layout.signed() && Tool.OJPH_EXPAND.installed()) {
                assertThat(IndependentJ2kDecoder.decode(Tool.OJPH_EXPAND, frame.asByteArray())).as(name)
                        .isDeepEqualTo(expected);
            }
            assertThat(checksum(instance.get("ImageFrames").get(0)))
                    .isEqualTo(crc32(source.dataset().getBytes(Tags.PIXEL_DATA)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ybr422-pydicom.dcm", "ybr422-2frames.dcm", "seg-1frame.dcm", "seg-1frame-big-endian.dcm",
            "bits-3x5x2.dcm", "bits-3x3x8.dcm", "bits-63x65x16-ow-big-endian.dcm"})
    void shouldServe422AndPackedOneBitFramesFrameByFrameAsPydicomReadsThem(String name) throws Exception {
        DicomFile source = read(files.get(name));
        int frames = Math.max(1, source.dataset().getInt(Tags.NUMBER_OF_FRAMES, 1));
        List<byte[]> expected = PydicomFrames.packed(littleEndianOw(files.get(name), source), frames);
        for (LosslessFormat format : LosslessFormat.values()) {
            JsonNode instance = instances.get(format).get(name);
            assertThat(instance.get("StoredTransferSyntaxUID").asText()).as("%s in %s", name, format)
                    .isEqualTo("1.2.840.10008.1.2.1");
            assertThat(instance.get("ImageFrames")).hasSize(frames);
            for (int i = 0; i < frames; i++) {
                ResponseBytes<GetImageFrameResponse> frame = frame(format, instance, i);
                assertThat(frame.asByteArray()).as("%s frame %d in %s", name, i + 1, format).isEqualTo(expected.get(i));
                assertThat(frame.response().contentType()).isEqualTo("application/octet-stream");
                assertThat(checksum(instance.get("ImageFrames").get(i))).isEqualTo(crc32(expected.get(i)));
            }
        }
        assertThat(Files.size(files.get(name)) > SPOOL_THRESHOLD).as("read through the spool")
                .isEqualTo(!name.startsWith("bits-3") && !name.equals("ybr422-2frames.dcm"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Imports every file into the data store; the instances of its metadata by input file name. */
    private static Map<String, JsonNode> importInto(String datastoreId) throws IOException {
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("lossless")
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://lossless-input/in/").outputS3Uri("s3://lossless-input/out/")).jobId();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> ahi.getDICOMImportJob(
                b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
        String folder = "out/" + datastoreId + "-DicomImport-" + jobId + "/";
        assertThat(s3.getObjectAsBytes(b -> b.bucket("lossless-input").key(folder + "FAILURE/failure.ndjson"))
                .asUtf8String()).as("failures").isBlank();
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        for (String line : s3.getObjectAsBytes(b -> b.bucket("lossless-input").key(folder + "SUCCESS/success.ndjson"))
                .asUtf8String().lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode success = EmulatorClients.json(line);
            String name = success.get("inputFile").asText().substring("in/".length());
            String imageSetId = success.at("/importResponse/imageSetId").asText();
            String sopUid = read(files.get(name)).dataset().getString(Tags.SOP_INSTANCE_UID);
            JsonNode metadata = EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(
                    b -> b.datastoreId(datastoreId).imageSetId(imageSetId)).asByteArray());
            JsonNode instance = metadata.at("/Study/Series").elements().next().get("Instances").get(sopUid);
            ((com.fasterxml.jackson.databind.node.ObjectNode) instance).put("_imageSetId", imageSetId)
                    .put("_datastoreId", datastoreId);
            byFile.put(name, instance);
        }
        assertThat(byFile).hasSameSizeAs(files);
        return byFile;
    }

    private static ResponseBytes<GetImageFrameResponse> frame(LosslessFormat format, JsonNode instance, int index) {
        String frameId = instance.get("ImageFrames").get(index).get("ID").asText();
        return ahi.getImageFrameAsBytes(b -> b.datastoreId(instance.get("_datastoreId").asText())
                .imageSetId(instance.get("_imageSetId").asText()).imageFrameInformation(f -> f.imageFrameId(frameId)));
    }

    /**
     * The file itself, or for 1-bit OW in big endian a little endian copy made by dcmtk's {@code dcmconv}.
     * Bits are packed into 16-bit words there (PS3.5 §8.1.1), so the big endian bytes of each word are
     * swapped; dcmconv does so, pydicom 2.3 does not (it unpacks the bytes as they lie).
     */
    private static Path littleEndianOw(Path file, DicomFile source) throws IOException {
        if (!"1.2.840.10008.1.2.2".equals(source.transferSyntaxUid())
                || source.dataset().get(Tags.PIXEL_DATA).vr() != VR.OW) {
            return file;
        }
        Path copy = temp.resolve("le-" + file.getFileName());
        ExternalTool.Result result = ExternalTool.run("dcmconv", "+te", file.toString(), copy.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return copy;
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private static DicomFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.full().withKnownSize(bytes.length));
    }

    private static long checksum(JsonNode frame) {
        JsonNode levels = frame.get("PixelDataChecksumFromBaseToFullResolution");
        return levels.get(levels.size() - 1).get("Checksum").asLong();
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
