package org.ahibridge.ahi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/**
 * Issue 13 acceptance 1: import and export share one error translation and one retry policy. Each operation of
 * either direction, on the client {@link AhiClients} builds (SDK retries off), first gets a transient answer
 * (throttling, a quota, AHI's "not consistent yet" conflict) and then the real one from a scripted rest-json
 * server: the call succeeds on its second request. A refusal is not retried.
 */
class AhiRetryIT {

    static final String DS = "0123456789abcdef0123456789abcdef";
    static final String IMAGE_SET = "fedcba9876543210fedcba9876543210";
    static final String FRAME = "00112233445566778899aabbccddeeff";
    static final AhiRetry FAST = new AhiRetry(3, Duration.ofMillis(1), Duration.ofMillis(5));

    HttpServer server;
    MedicalImagingClient client;
    AhiOperations ahi;
    final Deque<Reply> replies = new ArrayDeque<>();
    final List<String> requests = new ArrayList<>();

    record Reply(int status, String errorType, String contentType, byte[] body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = AhiClients.create("eu-west-1", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        ahi = new AhiTemplate(client, AhiPaces.withStarts(new TokenBucket(1000, 10)), FAST);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        Reply reply = replies.poll();
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        if (!reply.errorType().isEmpty()) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", reply.errorType());
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    /** The operations of both directions, each with the answer that makes it succeed. */
    enum Operation {
        START_IMPORT_JOB(ahi -> ahi.startImportJob(new ImportJobRequest(DS, "job", "B1",
                "arn:aws:iam::123456789012:role/R", "s3://staging/B1/", "s3://output/out/")).jobId(),
                json("{\"datastoreId\":\"" + DS + "\",\"jobId\":\"job1\",\"jobStatus\":\"SUBMITTED\"}"), "job1"),
        GET_IMPORT_JOB(ahi -> ahi.getImportJob(DS, "job1").status().name(),
                json("{\"jobProperties\":{\"jobId\":\"job1\",\"jobName\":\"n\",\"jobStatus\":\"COMPLETED\","
                        + "\"datastoreId\":\"" + DS + "\",\"dataAccessRoleArn\":"
                        + "\"arn:aws:iam::123456789012:role/R\"}}"),
                "COMPLETED"),
        SEARCH_IMAGE_SETS(ahi -> String.valueOf(ahi.searchImageSets(DS, List.of(), null).imageSets().size()),
                json("{\"imageSetsMetadataSummaries\":[{\"imageSetId\":\"" + IMAGE_SET + "\",\"version\":1}]}"), "1"),
        GET_IMAGE_SET_METADATA(ahi -> ahi.getImageSetMetadata(DS, IMAGE_SET, 1).path("ImageSetID").asText(),
                gzipJson("{\"SchemaVersion\":\"1.1\",\"ImageSetID\":\"" + IMAGE_SET + "\"}"), IMAGE_SET),
        GET_IMAGE_FRAME(ahi -> new String(ahi.getImageFrame(DS, IMAGE_SET, FRAME).bytes(), StandardCharsets.US_ASCII),
                new Reply(200, "", "application/octet-stream", "frame-bytes".getBytes(StandardCharsets.US_ASCII)),
                "frame-bytes");

        final Function<AhiOperations, String> call;
        final Reply success;
        final String expected;

        Operation(Function<AhiOperations, String> call, Reply success, String expected) {
            this.call = call;
            this.success = success;
            this.expected = expected;
        }
    }

    @ParameterizedTest(name = "{0} after {2}")
    @CsvSource({
        "START_IMPORT_JOB, 429, ThrottlingException, Rate exceeded",
        "START_IMPORT_JOB, 402, ServiceQuotaExceededException, Too many concurrent import jobs",
        "START_IMPORT_JOB, 409, ConflictException, The metadata is not consistent yet",
        "GET_IMPORT_JOB, 429, ThrottlingException, Rate exceeded",
        "GET_IMPORT_JOB, 402, ServiceQuotaExceededException, Quota exceeded",
        "GET_IMPORT_JOB, 409, ConflictException, The metadata is not consistent yet",
        "SEARCH_IMAGE_SETS, 429, ThrottlingException, Rate exceeded",
        "SEARCH_IMAGE_SETS, 402, ServiceQuotaExceededException, Quota exceeded",
        "SEARCH_IMAGE_SETS, 409, ConflictException, The image set is not consistent yet",
        "GET_IMAGE_SET_METADATA, 429, ThrottlingException, Rate exceeded",
        "GET_IMAGE_SET_METADATA, 402, ServiceQuotaExceededException, Quota exceeded",
        "GET_IMAGE_SET_METADATA, 409, ConflictException, The metadata is not consistent yet",
        "GET_IMAGE_FRAME, 429, ThrottlingException, Rate exceeded",
        "GET_IMAGE_FRAME, 402, ServiceQuotaExceededException, Quota exceeded",
        "GET_IMAGE_FRAME, 409, ConflictException, The image set is not consistent yet"})
    void shouldRetryATransientAnswerInEitherDirection(Operation operation, int status, String code, String message) {
        replies.add(error(status, code, message));
        replies.add(operation.success);

        String result = operation.call.apply(ahi);

        assertThat(result).isEqualTo(operation.expected);
        assertThat(requests).as("one failed and one successful request").hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"START_IMPORT_JOB", "GET_IMPORT_JOB", "SEARCH_IMAGE_SETS", "GET_IMAGE_SET_METADATA",
        "GET_IMAGE_FRAME"})
    void shouldNotRetryARefusal(Operation operation) {
        replies.add(error(409, "ConflictException", "Datastore is being deleted"));
        replies.add(operation.success);

        assertThatThrownBy(() -> operation.call.apply(ahi)).isInstanceOf(AhiRejectedException.class)
                .hasMessageContaining("ConflictException");
        assertThat(requests).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"START_IMPORT_JOB", "GET_IMAGE_FRAME"})
    void shouldGiveUpAfterTheLastAttempt(Operation operation) {
        for (int i = 0; i < FAST.maxAttempts(); i++) {
            replies.add(error(429, "ThrottlingException", "Rate exceeded"));
        }

        assertThatThrownBy(() -> operation.call.apply(ahi)).isInstanceOf(AhiThrottledException.class);
        assertThat(requests).hasSize(FAST.maxAttempts());
    }

    private static Reply error(int status, String code, String message) {
        return new Reply(status, code, "application/json", ("{\"__type\":\"" + code + "\",\"message\":\"" + message
                + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static Reply json(String body) {
        return new Reply(200, "", "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply gzipJson(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Reply(200, "", "application/octet-stream", bytes.toByteArray());
    }
}
