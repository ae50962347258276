package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.InternalServerException;
import software.amazon.awssdk.services.medicalimaging.model.MedicalImagingException;
import software.amazon.awssdk.services.medicalimaging.model.ResourceNotFoundException;
import software.amazon.awssdk.services.medicalimaging.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.medicalimaging.model.ValidationException;

import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.junit.EmulatorClients;

/**
 * Contract tests of the HTTP front's bounds through the AWS SDK and plain HTTP: a body over its operation's
 * limit is answered 413 without being held, a chunked one too, and an Error thrown while handling a call is
 * answered 500 while the server keeps serving.
 */
class RequestBoundsIT {

    static Emulator emulator;
    static MedicalImagingClient ahi;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.ephemeral().withoutSqs());
        ahi = EmulatorClients.medicalImaging(emulator.endpoints());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        ahi.close();
        emulator.close();
    }

    @Test
    void shouldAnswer413WhenAnUpdateIsLargerThanTheModelAllows() {
        // Two blobs of 100,000 bytes: far over the 30,000 bytes a DICOMAttribute may have.
        byte[] large = new byte[100_000];
        assertThatThrownBy(() -> ahi.updateImageSetMetadata(b -> b.datastoreId("0".repeat(32))
                .imageSetId("1".repeat(32)).latestVersionId("1").updateImageSetMetadataUpdates(u -> u.dicomUpdates(
                        d -> d.updatableAttributes(SdkBytes.fromByteArray(large))
                                .removableAttributes(SdkBytes.fromByteArray(large))))))
                .isInstanceOfSatisfying(MedicalImagingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("UpdateImageSetMetadata accepts");
                });
    }

    @Test
    void shouldCheckTheDicomAttributeConstraintThenThePayloadQuotaBeforeLookingForTheImageSet() {
        // The quota (10 KB by default, adjustable) is smaller than what the model allows (30,000 bytes a blob).
        assertThatThrownBy(() -> update(new byte[20_000])).isInstanceOfSatisfying(
                ServiceQuotaExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(402);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("more than the 10240 bytes");
                });
        assertThatThrownBy(() -> update(new byte[30_001])).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).contains("between 1 and 30000"));
        assertThatThrownBy(() -> update("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static void update(byte[] document) {
        ahi.updateImageSetMetadata(b -> b.datastoreId("0".repeat(32)).imageSetId("1".repeat(32)).latestVersionId("1")
                .updateImageSetMetadataUpdates(u -> u.dicomUpdates(d -> d.updatableAttributes(
                        SdkBytes.fromByteArray(document)))));
    }

    @Test
    void shouldAnswer413ToAChunkedBodyOverTheLimitAndKeepTheConnectionUsable() throws Exception {
        // No Content-Length: the server only learns the size while reading, and still answers.
        byte[] chunk = new byte[5 << 20];
        HttpRequest request = HttpRequest.newBuilder(emulator.endpoints().ahi().resolve("/datastore/"
                + "0".repeat(32) + "/searchImageSets")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunk)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestEntityTooLargeException");
        assertThat(response.body()).contains("SearchImageSets accepts");
        assertThat(ahi.listDatastores(b -> { }).datastoreSummaries()).isNotNull();
    }

    @Test
    void shouldAnswer500AndKeepServingWhenAnErrorIsThrownInTheHttpThread() {
        emulator.faults().next("ListDatastores", FaultInjector.Kind.FATAL, 1);
        assertThatThrownBy(() -> ahi.listDatastores(b -> { })).isInstanceOfSatisfying(InternalServerException.class,
                e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(ahi.listDatastores(b -> { }).datastoreSummaries()).isNotNull();
    }

    @Test
    void shouldAnswer413OnTheEventBridgeTargetToo() throws Exception {
        byte[] body = ("{\"Entries\":[{\"Detail\":\"" + Base64.getEncoder().encodeToString(new byte[6 << 20])
                + "\"}]}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(emulator.endpoints().eventBridge())
                .header("X-Amz-Target", "AWSEvents.PutEvents").header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("AWSEvents.PutEvents accepts");
    }
}
