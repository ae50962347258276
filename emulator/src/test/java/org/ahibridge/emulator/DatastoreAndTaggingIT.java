package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.ConflictException;
import software.amazon.awssdk.services.medicalimaging.model.DatastoreStatus;
import software.amazon.awssdk.services.medicalimaging.model.ListDatastoresResponse;
import software.amazon.awssdk.services.medicalimaging.model.ResourceNotFoundException;
import software.amazon.awssdk.services.medicalimaging.model.ThrottlingException;
import software.amazon.awssdk.services.medicalimaging.model.InternalServerException;
import software.amazon.awssdk.services.medicalimaging.model.ValidationException;

import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;

/** Contract tests: data store operations, tagging, error wire format, host independence, call faults. */
class DatastoreAndTaggingIT {

    // A second in CREATING: long enough to see, on a busy machine, what a CREATING data store refuses.
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create()
            .configure(c -> c.withAhi(AhiSettings.defaults().withDatastoreCreationMillis(1000)));
    static MedicalImagingClient ahi;

    @BeforeAll
    static void clients() {
        ahi = EMULATOR.ahi();
    }

    @Test
    void shouldCreateADatastoreThatIsCreatingThenActiveAndDescribeIt() {
        var created = ahi.createDatastore(b -> b.datastoreName("described").tags(Map.of("team", "imaging")));
        assertThat(created.datastoreId()).matches("[0-9a-z]{32}");
        assertThat(created.datastoreStatus()).isEqualTo(DatastoreStatus.CREATING);
        // Until it is ACTIVE it takes no import job and cannot be deleted.
        assertThatThrownBy(() -> ahi.startDICOMImportJob(b -> b.datastoreId(created.datastoreId())
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/R").inputS3Uri("s3://early-bucket/in/")
                .outputS3Uri("s3://early-bucket/out/"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ahi.deleteDatastore(b -> b.datastoreId(created.datastoreId())))
                .isInstanceOf(ConflictException.class);
        Awaitility.await("ACTIVE").atMost(Duration.ofSeconds(10)).until(() -> ahi.getDatastore(
                b -> b.datastoreId(created.datastoreId())).datastoreProperties().datastoreStatus(),
                status -> status == DatastoreStatus.ACTIVE);
        var properties = ahi.getDatastore(b -> b.datastoreId(created.datastoreId())).datastoreProperties();
        assertThat(properties.datastoreName()).isEqualTo("described");
        assertThat(properties.datastoreArn())
                .isEqualTo("arn:aws:medical-imaging:us-east-1:123456789012:datastore/" + created.datastoreId());
        assertThat(properties.createdAt()).isNotNull();
        assertThat(ahi.listTagsForResource(b -> b.resourceArn(properties.datastoreArn())).tags())
                .containsEntry("team", "imaging");
    }

    @Test
    void shouldReturnTheSameDatastoreForARepeatedClientToken() {
        String first = ahi.createDatastore(b -> b.datastoreName("idem").clientToken("token-1")).datastoreId();
        String second = ahi.createDatastore(b -> b.datastoreName("idem").clientToken("token-1")).datastoreId();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldPageThroughDatastores() {
        for (int i = 0; i < 3; i++) {
            ahi.createDatastore(b -> b.datastoreName("paged"));
        }
        ListDatastoresResponse first = ahi.listDatastores(b -> b.maxResults(2));
        assertThat(first.datastoreSummaries()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        ListDatastoresResponse second = ahi.listDatastores(b -> b.maxResults(2).nextToken(first.nextToken()));
        assertThat(second.datastoreSummaries()).isNotEmpty().doesNotContainAnyElementsOf(first.datastoreSummaries());
        long total = ahi.listDatastoresPaginator(b -> b.maxResults(1)).datastoreSummaries().stream().count();
        assertThat(total).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRejectInvalidIdsMaxResultsAndTokens() {
        assertThatThrownBy(() -> ahi.getDatastore(b -> b.datastoreId("NOT-AN-ID"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ahi.listDatastores(b -> b.maxResults(51))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ahi.listDatastores(b -> b.nextToken("bogus"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ahi.getDatastore(b -> b.datastoreId("0".repeat(32))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldDeleteAnEmptyDatastore() {
        String id = EmulatorClients.createActiveDatastore(ahi, "doomed");
        assertThat(ahi.deleteDatastore(b -> b.datastoreId(id)).datastoreStatus()).isEqualTo(DatastoreStatus.DELETING);
        assertThatThrownBy(() -> ahi.getDatastore(b -> b.datastoreId(id))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(ahi.listDatastores(b -> b.datastoreStatus(DatastoreStatus.DELETED)).datastoreSummaries())
                .anySatisfy(s -> assertThat(s.datastoreId()).isEqualTo(id));
    }

    @Test
    void shouldSendDatastoreEventsToTheDefaultBus() {
        try (var sqs = EmulatorClients.sqs(EMULATOR.endpoints());
                var events = EmulatorClients.eventBridge(EMULATOR.endpoints())) {
            String queue = sqs.createQueue(b -> b.queueName("datastore-events")).queueUrl();
            events.putRule(b -> b.name("datastores").eventPattern(
                    "{\"source\":[\"aws.medical-imaging\"],\"detail-type\":[{\"prefix\":\"Data Store\"}]}"));
            events.putTargets(b -> b.rule("datastores").targets(t -> t.id("q")
                    .arn("arn:aws:sqs:us-east-1:123456789012:datastore-events")));
            String id = EmulatorClients.createActiveDatastore(ahi, "evented");
            ahi.deleteDatastore(b -> b.datastoreId(id));
            java.util.List<String> types = new java.util.ArrayList<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
                sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                        .forEach(m -> types.add(EmulatorClients.json(m.body()).get("detail-type").asText()));
                return types.size() >= 4;
            });
            assertThat(types).containsExactlyInAnyOrder("Data Store Creating", "Data Store Created",
                    "Data Store Deleting", "Data Store Deleted");
        }
    }

    @Test
    void shouldTagAndUntagADatastore() {
        String arn = ahi.getDatastore(b -> b.datastoreId(EmulatorClients.createActiveDatastore(ahi, "tagged")))
                .datastoreProperties().datastoreArn();
        ahi.tagResource(b -> b.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));
        ahi.untagResource(b -> b.resourceArn(arn).tagKeys("a"));
        assertThat(ahi.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsExactly(Map.entry("b", "2"));
        assertThatThrownBy(() -> ahi.listTagsForResource(b -> b.resourceArn("arn:aws:s3:::bucket")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldInjectThrottlingAndServerErrorsForTheNextCalls() {
        String id = EmulatorClients.createActiveDatastore(ahi, "faulty");
        EMULATOR.faults().next("GetDatastore", FaultInjector.Kind.THROTTLE, 1);
        assertThatThrownBy(() -> ahi.getDatastore(b -> b.datastoreId(id))).isInstanceOf(ThrottlingException.class);
        assertThat(ahi.getDatastore(b -> b.datastoreId(id)).datastoreProperties().datastoreId()).isEqualTo(id);
        EMULATOR.faults().next("*", FaultInjector.Kind.ERROR, 1);
        assertThatThrownBy(() -> ahi.listDatastores(b -> { })).isInstanceOf(InternalServerException.class);
        assertThat(ahi.listDatastores(b -> { }).datastoreSummaries()).isNotEmpty();
    }

    @Test
    void shouldAnswerErrorsInTheRestJsonFormatWhateverTheHostHeader() throws Exception {
        String response = raw("GET /datastore/" + "0".repeat(32) + " HTTP/1.1\r\n"
                + "Host: runtime-medical-imaging.us-east-1.amazonaws.com\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 404");
        assertThat(response.toLowerCase()).contains("x-amzn-errortype: resourcenotfoundexception");
        assertThat(response).contains("\"__type\":\"ResourceNotFoundException\"").contains("\"message\":");
    }

    @Test
    void shouldInjectFaultsThroughTheAdminEndpoint() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var base = EMULATOR.endpoints().ahi();
        var health = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/_emulator/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("UP");
        var inject = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/_emulator/faults"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"operation\":\"ListDatastores\",\"kind\":\"THROTTLE\",\"next\":1}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(inject.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> ahi.listDatastores(b -> { })).isInstanceOf(ThrottlingException.class);
        assertThat(ahi.listDatastores(b -> { }).datastoreSummaries()).isNotNull();
    }

    @Test
    void shouldMapConflictsToHttp409() {
        String datastoreId = EmulatorClients.createActiveDatastore(ahi, "conflict");
        EMULATOR.faults().clear();
        // A running job blocks DeleteDatastore.
        EMULATOR.faults().slowJobs(java.time.Duration.ofSeconds(3));
        ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).dataAccessRoleArn("arn:aws:iam::123456789012:role/R")
                .inputS3Uri("s3://missing-bucket/in/").outputS3Uri("s3://missing-bucket/out/"));
        assertThatThrownBy(() -> ahi.deleteDatastore(b -> b.datastoreId(datastoreId)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        EMULATOR.faults().clear();
    }

    private static String raw(String request) throws Exception {
        var endpoint = EMULATOR.endpoints().ahi();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                text.append(line).append('\n');
            }
            return text.toString();
        }
    }
}
