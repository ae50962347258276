package org.ahibridge.ahi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/**
 * {@link AhiTemplate} with the real SDK client over real HTTP against a scripted rest-json server
 * (docs/aws-healthimaging.md §1.3, §2.2 wire format), so the error translation is tested on what the SDK really throws.
 */
class AhiTemplateIT {

    static final String DS = "0123456789abcdef0123456789abcdef";
    static final String ROLE = "arn:aws:iam::123456789012:role/ImportJobDataAccessRole";

    HttpServer server;
    MedicalImagingClient client;
    AhiTemplate ahi;
    final AtomicReference<String[]> reply = new AtomicReference<>();
    final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = MedicalImagingClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                .build();
        ahi = new AhiTemplate(client, AhiPaces.withStarts(new TokenBucket(1000, 10)), AhiRetry.once());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (requests) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
        }
        String[] scripted = reply.get();
        byte[] bytes = scripted[2].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!scripted[1].isEmpty()) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", scripted[1]);
        }
        exchange.sendResponseHeaders(Integer.parseInt(scripted[0]), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void script(int status, String errorType, String body) {
        reply.set(new String[] {String.valueOf(status), errorType, body});
    }

    static ImportJobRequest request() {
        return new ImportJobRequest(DS, "ahi-bridge-B1", "B1", ROLE, "s3://staging-bucket/ahi-staging/B1/",
                "s3://output-bucket/out/");
    }

    @Test
    void shouldStartAnImportJobWithTheBatchIdAsClientToken() {
        script(200, "", "{\"datastoreId\":\"" + DS + "\",\"jobId\":\"abc123\",\"jobStatus\":\"SUBMITTED\","
                + "\"submittedAt\":1700000000.5}");

        ImportJob job = ahi.startImportJob(request());

        assertThat(job.jobId()).isEqualTo("abc123");
        assertThat(job.status()).isEqualTo(ImportJobStatus.SUBMITTED);
        assertThat(requests).singleElement().asString()
                .startsWith("POST /startDICOMImportJob/datastore/" + DS)
                .contains("\"clientToken\":\"B1\"")
                .contains("\"inputS3Uri\":\"s3://staging-bucket/ahi-staging/B1/\"");
    }

    @Test
    void shouldReadAnImportJobsOutputLocationAndFailureMessage() {
        script(200, "", "{\"jobProperties\":{\"jobId\":\"abc123\",\"jobName\":\"n\",\"jobStatus\":\"FAILED\","
                + "\"datastoreId\":\"" + DS + "\",\"dataAccessRoleArn\":\"" + ROLE + "\","
                + "\"inputS3Uri\":\"s3://staging-bucket/ahi-staging/B1/\",\"outputS3Uri\":\"s3://output-bucket/out/"
                + DS + "-DicomImport-abc123/\",\"message\":\"Access denied\",\"endedAt\":1700000100}}");

        ImportJob job = ahi.getImportJob(DS, "abc123");

        assertThat(job.status()).isEqualTo(ImportJobStatus.FAILED);
        assertThat(job.outputS3Uri()).endsWith("-DicomImport-abc123/");
        assertThat(job.message()).isEqualTo("Access denied");
        assertThat(job.endedAt()).isNotNull();
        assertThat(requests).singleElement().asString().startsWith("GET /getDICOMImportJob/datastore/" + DS + "/job/abc123");
    }

    @ParameterizedTest
    @CsvSource({
        "429, ThrottlingException, Rate exceeded",
        "402, ServiceQuotaExceededException, Too many concurrent import jobs",
        "500, InternalServerException, Internal failure",
        "503, ServiceUnavailable, Slow down",
        "409, ConflictException, The metadata is not consistent yet"})
    void shouldTranslateTransientFailuresIntoThrottled(int status, String code, String message) {
        script(status, code, "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");

        assertThatThrownBy(() -> ahi.startImportJob(request()))
                .isInstanceOf(AhiThrottledException.class)
                .hasMessageContaining(code)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AhiException) e).statusCode()).isEqualTo(status));
    }

    @ParameterizedTest
    @CsvSource({
        "400, ValidationException, inputS3Uri must be an S3 URI",
        "403, AccessDeniedException, not authorized to perform iam:PassRole",
        "404, ResourceNotFoundException, Datastore not found",
        "409, ConflictException, Datastore is being deleted"})
    void shouldTranslateRefusalsIntoRejected(int status, String code, String message) {
        script(status, code, "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");

        assertThatThrownBy(() -> ahi.startImportJob(request()))
                .isInstanceOf(AhiRejectedException.class)
                .hasMessageContaining(code)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AhiException) e).errorCode()).isEqualTo(code));
    }

    @Test
    void shouldTreatAnUnreachableEndpointAsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (MedicalImagingClient unreachable = AhiClients.create("eu-west-1",
                URI.create("http://127.0.0.1:" + closedPort),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))) {
            AhiTemplate template = new AhiTemplate(unreachable, AhiPaces.withStarts(new TokenBucket(1000, 10)),
                    AhiRetry.once());

            assertThatThrownBy(() -> template.getImportJob(DS, "abc123")).isInstanceOf(AhiThrottledException.class)
                    .hasMessageContaining("no answer from AHI");
        }
    }
}
