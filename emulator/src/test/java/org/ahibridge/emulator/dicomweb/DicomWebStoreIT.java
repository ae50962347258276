package org.ahibridge.emulator.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.junit.EmulatorClients;

/**
 * STOW-RS beyond the happy path: parts that fail one by one (not DICOM, not application/dicom, another study),
 * whole requests refused with a 4xx that says why (malformed multipart, media types, size), and the import's
 * primary/non-primary placement. Over {@link DicomWebHarness}; nothing here depends on the codecs being installed
 * (with them the native frames are stored as HTJ2K, without them as they came).
 */
class DicomWebStoreIT {

    private static final String BOUNDARY = "stow-test-boundary";
    private static final String STUDY = "2.25.31000";
    private static final String SERIES = "2.25.31000.1";

    @TempDir
    static Path spool;
    static DicomWebHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = DicomWebHarness.start(spool);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void shouldStoreWhatItCanAndListEachFailedPartWithItsReason() throws Exception {
        String datastore = harness.datastore(null);
        byte[] good = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.1", "P1", 1, 1));
        byte[] otherStudy = TestInstances.file(TestInstances.image("2.25.31999", "2.25.31999.1", "2.25.31999.1.1", "P1",
                1, 2));
        byte[] body = TestInstances.multipart(BOUNDARY, TestInstances.parts("application/dicom", good,
                "application/dicom", "not DICOM at all".getBytes(StandardCharsets.US_ASCII),
                "text/plain", "hello".getBytes(StandardCharsets.US_ASCII), "application/dicom", otherStudy));

        HttpResponse<byte[]> response = harness.post("/datastore/" + datastore + "/studies/" + STUDY,
                TestInstances.multipartType(BOUNDARY), body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom+json");
        JsonNode json = json(response);
        assertThat(values(json, "00081199", "00081155")).containsExactly("2.25.31000.1.1");
        assertThat(values(json, "00081198", "00081197")).containsExactly("49152", "49152", "43264");
        assertThat(values(json, "00081198", "00081155")).as("the UIDs of what could be read")
                .containsExactly("", "", "2.25.31999.1.1");
        assertThat(json.at("/00081190/Value/0").asText()).isEqualTo(harness.endpoint() + "/datastore/" + datastore
                + "/studies/" + STUDY);
        assertThat(response.headers().firstValue("Warning")).get().asString()
                .contains("part 2: Invalid DICOM file: not a DICOM Part 10 file")
                .contains("part 3: the part is of type 'text/plain'")
                .contains("part 4 (2.25.31999.1.1): its Study Instance UID 2.25.31999 is not the study of the request");
        assertThat(harness.get("/datastore/" + datastore + "/studies/2.25.31999/series/2.25.31999.1/instances/"
                + "2.25.31999.1.1", null).statusCode()).isEqualTo(404);
        assertThat(harness.get(instance(datastore, "2.25.31000.1.1"), null).statusCode()).isEqualTo(200);
        assertThat(harness.events).extracting(e -> e.detailType() + " " + e.detail().get("isPrimary"))
                .contains("Image Set Created true");
    }

    @Test
    void shouldListTheStoredInstancesInTheOrderOfTheParts() throws Exception {
        String datastore = harness.datastore(null);
        byte[] first = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.40", "P1", 1, 40));
        byte[] otherSeries = TestInstances.file(TestInstances.image(STUDY, "2.25.31000.2", "2.25.31000.2.41", "P1", 1,
                41));
        byte[] third = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.42", "P1", 1, 42));
        byte[] body = TestInstances.multipart(BOUNDARY, TestInstances.parts("application/dicom", first,
                "application/dicom", otherSeries, "application/dicom", third));

        HttpResponse<byte[]> response = harness.post("/datastore/" + datastore + "/studies",
                TestInstances.multipartType(BOUNDARY), body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(values(json(response), "00081199", "00081155")).containsExactly("2.25.31000.1.40", "2.25.31000.2.41",
                "2.25.31000.1.42");
        assertThat(harness.context.store().imageSets(datastore)).as("one image set per series").hasSize(2);
    }

    @Test
    void shouldAnswer409WhenNoPartCouldBeStored() throws Exception {
        String datastore = harness.datastore(null);

        HttpResponse<byte[]> response = harness.post("/datastore/" + datastore + "/studies", "application/dicom",
                new byte[200]);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(values(json(response), "00081198", "00081197")).containsExactly("49152");
        assertThat(json(response).has("00081199")).isFalse();
    }

    @Test
    void shouldStoreASingleApplicationDicomBodyAsAwsExampleSendsIt() throws Exception {
        String datastore = harness.datastore(null);
        byte[] file = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.2", "P1", 2, 3));

        HttpResponse<byte[]> response = harness.send(HttpRequest.newBuilder(URI.create(harness.endpoint()
                + "/datastore/" + datastore + "/studies")).header("Content-Type", "application/dicom")
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
                .header("x-amz-decoded-content-length", Integer.toString(file.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(values(json(response), "00081199", "00081155")).containsExactly("2.25.31000.1.2");
    }

    @Test
    void shouldStoreNothingFromAMalformedBody() throws Exception {
        String datastore = harness.datastore(null);
        byte[] good = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.3", "P1", 1, 4));
        byte[] cut = new String(TestInstances.multipart(BOUNDARY, TestInstances.parts("application/dicom", good,
                "application/dicom", good)), StandardCharsets.ISO_8859_1).replace("--" + BOUNDARY + "--\r\n", "")
                .getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<byte[]> response = harness.post("/datastore/" + datastore + "/studies",
                TestInstances.multipartType(BOUNDARY), cut);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("The multipart body is malformed: the body ends "
                + "inside part 2, before its closing boundary");
        assertThat(harness.get(instance(datastore, "2.25.31000.1.3"), null).statusCode()).isEqualTo(404);
        assertThat(harness.context.store().imageSets(datastore)).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotAStowRsBodyWithTheReason() throws Exception {
        String datastore = harness.datastore(null);
        String studies = "/datastore/" + datastore + "/studies";
        byte[] body = TestInstances.multipart(BOUNDARY, TestInstances.parts("application/dicom", new byte[10]));

        assertError(harness.post(studies, "application/json", body), 415, "UnsupportedMediaTypeException",
                "StoreDICOM takes multipart/related; type=\"application/dicom\"");
        assertError(harness.post(studies, "multipart/related; type=\"application/dicom+json\"; boundary=" + BOUNDARY,
                body), 415, "UnsupportedMediaTypeException", "DICOM JSON with bulk data is not supported");
        assertError(harness.post(studies, "multipart/related; type=\"application/dicom\"", body), 400,
                "ValidationException", "needs a boundary parameter");
        assertError(harness.send(HttpRequest.newBuilder(URI.create(harness.endpoint() + studies))
                .header("Content-Type", TestInstances.multipartType(BOUNDARY)).header("Content-Encoding", "aws-chunked")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))), 415, "UnsupportedMediaTypeException",
                "does not decode a Content-Encoding");
        assertError(harness.send(HttpRequest.newBuilder(URI.create(harness.endpoint() + studies))
                .header("Content-Type", TestInstances.multipartType(BOUNDARY)).header("Accept", "application/dicom+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))), 406, "NotAcceptableException",
                "answers application/dicom+json");
        assertError(harness.post("/datastore/" + Ids.newId() + "/studies", TestInstances.multipartType(BOUNDARY), body),
                404, "ResourceNotFoundException", "does not exist");
        assertError(harness.post("/datastore/not-an-id/studies", TestInstances.multipartType(BOUNDARY), body), 400,
                "ValidationException", "datastoreId");
        assertError(harness.post(studies, TestInstances.multipartType(BOUNDARY),
                ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)), 400, "ValidationException",
                "holds no part");
        assertThat(harness.get(studies, null).statusCode()).as("a GET of the same path searches").isEqualTo(200);
        assertError(harness.send(HttpRequest.newBuilder(URI.create(harness.endpoint() + studies + "/" + STUDY))
                .DELETE()), 405, "UnknownOperationException", "not allowed");
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413WhetherItsLengthIsDeclaredOrNot(@TempDir Path small) throws Exception {
        try (DicomWebHarness limited = DicomWebHarness.withStoreLimit(64 * 1024, small)) {
            String datastore = limited.datastore(null);
            String studies = "/datastore/" + datastore + "/studies";
            byte[] large = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.9", "P1", 300, 5));

            HttpResponse<byte[]> chunked = limited.send(HttpRequest.newBuilder(URI.create(limited.endpoint() + studies))
                    .header("Content-Type", "application/dicom").POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(large))));
            assertError(chunked, 413, "RequestEntityTooLargeException", "larger than the 65536 bytes");
            assertThat(limited.context.store().imageSets(datastore)).isEmpty();

            // Declared too large: answered before the body is sent, so a client that waits for the answer gets it.
            try (Socket socket = new Socket("127.0.0.1", limited.endpoint().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + studies + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/dicom\r\n"
                        + "Content-Length: 2000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoTimeout(20_000);
                String reply = readReply(socket.getInputStream());
                assertThat(reply).startsWith("HTTP/1.1 413").contains("of 2000000000 bytes is larger than the 65536");
            }
        }
    }

    @Test
    void shouldPutAnInstanceThatConflictsWithThePrimaryImageSetIntoANonPrimaryOne() throws Exception {
        String datastore = harness.datastore(null);
        byte[] first = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.20", "P1", 1, 6));
        byte[] conflicting = TestInstances.file(TestInstances.image(STUDY, SERIES, "2.25.31000.1.21", "P2-OTHER",
                1, 7));
        String studies = "/datastore/" + datastore + "/studies";
        assertThat(harness.post(studies, "application/dicom", first).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> response = harness.post(studies, "application/dicom", conflicting);

        assertThat(response.statusCode()).isEqualTo(200);
        String retrieveUrl = values(json(response), "00081199", "00081190").get(0);
        assertThat(retrieveUrl).contains("?imageSetId=");
        String imageSetId = retrieveUrl.substring(retrieveUrl.indexOf("=") + 1);
        assertThat(harness.context.store().imageSet(datastore, imageSetId).primary()).isFalse();
        // Primary data only, unless the image set is named (docs/aws-healthimaging.md §10).
        HttpResponse<byte[]> unnamed = harness.get(instance(datastore, "2.25.31000.1.21") + "/metadata", null);
        assertError(unnamed, 404, "ResourceNotFoundException", "name a non-primary one with ?imageSetId=");
        HttpResponse<byte[]> named = harness.get(instance(datastore, "2.25.31000.1.21") + "/metadata?imageSetId="
                + imageSetId, null);
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(json(named).at("/0/00100020/Value/0").asText()).isEqualTo("P2-OTHER");
        JsonNode instances = json(harness.get(studies + "/" + STUDY + "/series/" + SERIES + "/instances", null));
        assertThat(instances).extracting(i -> i.at("/00080018/Value/0").asText()).contains("2.25.31000.1.20")
                .doesNotContain("2.25.31000.1.21");
        assertThat(harness.events).anySatisfy(e -> {
            assertThat(e.detailType()).isEqualTo("Image Set Created");
            assertThat(e.detail().get("imageSetId").asText()).isEqualTo(imageSetId);
            assertThat(e.detail().get("isPrimary").asBoolean()).isFalse();
        });
    }

    @Test
    void shouldAddAReStoredInstanceToThePrimaryImageSetAsANewVersion() throws Exception {
        String datastore = harness.datastore(null);
        var dataset = TestInstances.image(STUDY, SERIES, "2.25.31000.1.30", "P1", 1, 8);
        String studies = "/datastore/" + datastore + "/studies";
        harness.post(studies, "application/dicom", TestInstances.file(dataset));
        dataset.setString(Tags.SERIES_DESCRIPTION, VR.LO, "stored again");

        assertThat(harness.post(studies, "application/dicom", TestInstances.file(dataset)).statusCode()).isEqualTo(200);

        var imageSets = harness.context.store().imageSets(datastore);
        assertThat(imageSets).singleElement().satisfies(i -> {
            assertThat(i.primary()).isTrue();
            assertThat(i.latest().versionId()).isEqualTo(2);
        });
        JsonNode metadata = json(harness.get(instance(datastore, "2.25.31000.1.30") + "/metadata", null));
        assertThat(metadata.at("/0/0008103E/Value/0").asText()).isEqualTo("stored again");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String instance(String datastore, String sop) {
        return "/datastore/" + datastore + "/studies/" + STUDY + "/series/" + SERIES + "/instances/" + sop;
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        return EmulatorClients.json(new String(response.body(), StandardCharsets.UTF_8));
    }

    /** The values of {@code tag} in every item of sequence {@code sequence}, as text. */
    static List<String> values(JsonNode json, String sequence, String tag) {
        List<String> values = new ArrayList<>();
        json.path(sequence).path("Value").forEach(item -> values.add(item.at("/" + tag + "/Value/0").asText()));
        return values;
    }

    /** One HTTP reply read off a socket: the head, then as many body bytes as its Content-Length says. */
    private static String readReply(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }

    static void assertError(HttpResponse<byte[]> response, int status, String type, String message) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        JsonNode json = json(response);
        assertThat(json.get("__type").asText()).isEqualTo(type);
        assertThat(json.get("message").asText()).contains(message);
    }
}
