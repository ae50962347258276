package org.ahibridge.emulator.dicomweb;

import static org.ahibridge.emulator.dicomweb.DicomWebStoreIT.assertError;
import static org.ahibridge.emulator.dicomweb.DicomWebStoreIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.emulator.LosslessCodecs;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.dicomweb.http.MediaType;
import org.ahibridge.emulator.dicomweb.http.MultipartReader;

/**
 * WADO-RS beyond the acceptance test: how the Accept header is negotiated (and refused with what can be had
 * instead), frame lists, the JPEG 2000 data store, bulk data, packed 1-bit frames, instances without pixels and
 * injected faults. Over {@link DicomWebHarness}; the codecs store frames as AWS does.
 */
@Requires(LosslessCodecs.class)
class DicomWebRetrieveIT {

    private static final String STUDY = "2.25.32000";
    private static final String SERIES = "2.25.32000.1";
    private static final String HTJ2K = TransferSyntax.HTJ2K_LOSSLESS_RPCL;
    private static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    @TempDir
    static Path spool;
    static DicomWebHarness harness;
    static String datastore;
    static Attributes twoFrames;

    @BeforeAll
    static void storeAnImage() throws Exception {
        harness = DicomWebHarness.start(spool);
        datastore = harness.datastore(null);
        twoFrames = TestInstances.image(STUDY, SERIES, "2.25.32000.1.1", "P1", 2, 11);
        store(datastore, twoFrames);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void shouldServeTheFirstMediaRangeItCanAndSayWhatElseItCouldGive() throws Exception {
        String instance = instance(datastore, "2.25.32000.1.1");

        assertThat(contentType(harness.get(instance, "*/*")))
                .isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT);
        assertThat(contentType(harness.get(instance, "application/dicom; transfer-syntax=" + HTJ2K)))
                .isEqualTo("application/dicom; transfer-syntax=" + HTJ2K);
        HttpResponse<byte[]> fallback = harness.get(instance, "application/dicom; transfer-syntax="
                + TransferSyntax.JPEG_BASELINE + ", application/dicom; transfer-syntax=*; q=0.5");
        assertThat(contentType(fallback)).isEqualTo("application/dicom; transfer-syntax=" + HTJ2K);
        assertThat(read(fallback.body()).transferSyntaxUid()).isEqualTo(HTJ2K);

        String implicit = "application/dicom; transfer-syntax=" + TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        assertError(harness.get(instance, implicit), 406, "NotAcceptableException", "Ask for transfer-syntax=* (the stored syntax) or 1.2.840.10008.1.2.1");
        assertError(harness.get(instance, "text/html"), 406, "NotAcceptableException",
                "GetDICOMInstance answers application/dicom or multipart/related");
        assertError(harness.get(instance, "application/dicom; transfer-syntax=\"1.2"), 400, "ValidationException",
                "The Accept header is malformed");
    }

    @Test
    void shouldWrapTheInstanceInMultipartWhenAskedAsPs318Does() throws Exception {
        HttpResponse<byte[]> response = harness.get(instance(datastore, "2.25.32000.1.1"),
                "multipart/related; type=\"application/dicom\"");

        MediaType type = MediaType.parse(contentType(response));
        assertThat(type.essence()).isEqualTo("multipart/related");
        assertThat(type.parameter("type")).isEqualTo("application/dicom");
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(response.body()),
                type.parameter("boundary"));
        MultipartReader.Part part = reader.next();
        assertThat(part.header("Content-Type")).isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT);
        DicomFile file = read(part.body().readAllBytes());
        assertThat(file.dataset().getBytes(Tags.PIXEL_DATA)).isEqualTo(twoFrames.getBytes(Tags.PIXEL_DATA));
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldServeFramesInTheirImageTypeOrRefuseATypeTheyAreNotStoredIn() throws Exception {
        String frames = instance(datastore, "2.25.32000.1.1") + "/frames/";

        HttpResponse<byte[]> jph = harness.get(frames + "2", "multipart/related; type=\"image/jph\"");
        assertThat(MediaType.parse(contentType(jph)).parameter("type")).isEqualTo("image/jph");
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(jph.body()),
                MediaType.parse(contentType(jph)).parameter("boundary"));
        assertThat(reader.next().header("Content-Type")).isEqualTo("image/jph; transfer-syntax=" + HTJ2K);

        assertError(harness.get(frames + "1", "multipart/related; type=\"image/jpeg\""), 406, "NotAcceptableException",
                "parts of type image/jpeg: the frames are stored as image/jph");
        assertError(harness.get(frames + "1", "application/octet-stream"), 406, "NotAcceptableException",
                "GetDICOMInstanceFrames answers multipart/related");
        assertError(harness.get(frames + "1,2,1", null), 400, "ValidationException", "Frame 1 is listed twice");
        assertError(harness.get(frames + "0", null), 400, "ValidationException", "Frame numbers start at 1");
        assertError(harness.get(frames + "1,x", null), 400, "ValidationException", "frame numbers from 1");
        assertError(harness.get(frames + "3", null), 404, "ResourceNotFoundException", "has 2 frame(s); frame 3 does "
                + "not exist");
    }

    @Test
    void shouldServeAJpeg2000DataStoresFramesInItsOwnSyntaxOnly() throws Exception {
        String j2k = harness.datastore("JPEG_2000_LOSSLESS");
        store(j2k, TestInstances.image(STUDY, SERIES, "2.25.32000.1.2", "P1", 1, 12));
        String instance = instance(j2k, "2.25.32000.1.2");

        assertThat(contentType(harness.get(instance, "application/dicom; transfer-syntax=*")))
                .isEqualTo("application/dicom; transfer-syntax=" + TransferSyntax.JPEG_2000_LOSSLESS);
        assertThat(json(harness.get(instance + "/metadata", null)).at("/0/00020010/Value/0").asText())
                .isEqualTo(TransferSyntax.JPEG_2000_LOSSLESS);
        assertError(harness.get(instance, "application/dicom; transfer-syntax=" + HTJ2K), 406, "NotAcceptableException",
                "stored as JPEG 2000 Lossless");
        assertThat(read(harness.get(instance, null).body()).transferSyntaxUid()).isEqualTo(EXPLICIT);
    }

    @Test
    void shouldMoveBinaryValuesOverOneMebibyteToBulkData() throws Exception {
        Attributes dataset = TestInstances.image(STUDY, SERIES, "2.25.32000.1.3", "P1", 1, 13);
        byte[] large = new byte[(1 << 20) + 2];
        new Random(14).nextBytes(large);
        dataset.setString(0x00090010, VR.LO, "AHI-BRIDGE TEST");
        dataset.setBytes(0x00091011, VR.OB, new byte[] {1, 2, 3, 4});
        dataset.setBytes(0x00091012, VR.OB, large);
        store(datastore, dataset);
        String instance = instance(datastore, "2.25.32000.1.3");

        JsonNode metadata = json(harness.get(instance + "/metadata", "application/dicom+json")).get(0);
        assertThat(metadata.at("/00091011/InlineBinary").asText()).isEqualTo("AQIDBA==");
        String uri = metadata.at("/00091012/BulkDataURI").asText();
        assertThat(uri).startsWith(harness.endpoint() + instance + "/bulkdata/");
        assertThat(metadata.get("00091012").has("InlineBinary")).isFalse();

        String path = uri.substring(harness.endpoint().toString().length());
        HttpResponse<byte[]> raw = harness.get(path, "application/octet-stream");
        assertThat(contentType(raw)).isEqualTo("application/octet-stream");
        assertThat(raw.body()).isEqualTo(large);
        HttpResponse<byte[]> multipart = harness.get(path, null);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(multipart.body()),
                MediaType.parse(contentType(multipart)).parameter("boundary"));
        assertThat(reader.next().body().readAllBytes()).isEqualTo(large);
        assertError(harness.get(instance + "/bulkdata/0123456789abcdef0123456789abcdef", null), 404,
                "ResourceNotFoundException", "has no bulk data");
    }

    @Test
    void shouldPackOneBitFramesBackAcrossByteBoundaries() throws Exception {
        // 3 x 5 pixels of 1 bit: 15 bits a frame, so frame 2 starts inside the first byte's successor, bit 7.
        Attributes dataset = TestInstances.packedBits(STUDY, "2.25.32000.2", "2.25.32000.2.1", 3, 5, 3, 15);
        store(datastore, dataset);
        String instance = "/datastore/" + datastore + "/studies/" + STUDY + "/series/2.25.32000.2/instances/"
                + "2.25.32000.2.1";

        HttpResponse<byte[]> response = harness.get(instance, null);
        assertThat(contentType(response)).isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT);
        byte[] served = read(response.body()).dataset().getBytes(Tags.PIXEL_DATA);

        byte[] source = dataset.getBytes(Tags.PIXEL_DATA);
        int bits = 3 * 5 * 3;
        assertThat(served).hasSize(6); // 45 bits in 6 bytes, already even
        for (int bit = 0; bit < bits; bit++) {
            assertThat(served[bit / 8] >> (bit % 8) & 1).as("bit %d", bit).isEqualTo(source[bit / 8] >> (bit % 8) & 1);
        }
        assertThat(served[5] & 0xFF).as("the bits after the last frame are zero").isLessThan(1 << (bits % 8));
    }

    @Test
    void shouldServeAnInstanceWithoutPixelsButNoFrames() throws Exception {
        Attributes dataset = TestInstances.image(STUDY, "2.25.32000.3", "2.25.32000.3.1", "P1", 1, 16);
        dataset.remove(Tags.PIXEL_DATA);
        dataset.setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        store(datastore, dataset);
        String instance = "/datastore/" + datastore + "/studies/" + STUDY + "/series/2.25.32000.3/instances/"
                + "2.25.32000.3.1";

        DicomFile file = read(harness.get(instance, null).body());
        assertThat(file.dataset().getString(Tags.SOP_INSTANCE_UID)).isEqualTo("2.25.32000.3.1");
        assertThat(file.dataset().contains(Tags.PIXEL_DATA)).isFalse();
        assertError(harness.get(instance + "/frames/1", null), 404, "ResourceNotFoundException", "has 0 frame(s)");
    }

    @Test
    void shouldAnswerInjectedFaultsOnItsOperations() throws Exception {
        harness.context.faults().next("GetDICOMInstance", FaultInjector.Kind.THROTTLE, 1);
        String instance = instance(datastore, "2.25.32000.1.1");

        assertError(harness.get(instance, null), 429, "ThrottlingException", "injected");
        assertThat(harness.get(instance, null).statusCode()).isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static void store(String datastore, Attributes dataset) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = harness.post("/datastore/" + datastore + "/studies", "application/dicom",
                TestInstances.file(dataset));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    }

    private static String instance(String datastore, String sop) {
        return "/datastore/" + datastore + "/studies/" + STUDY + "/series/" + SERIES + "/instances/" + sop;
    }

    private static String contentType(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.headers().firstValue("Content-Type").orElseThrow();
    }

    private static DicomFile read(byte[] file) throws IOException {
        return DicomReader.read(new ByteArrayInputStream(file), ReadOptions.full().withKnownSize(file.length));
    }
}
