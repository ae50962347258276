package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.LosslessFormat;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.GetImageFrameRequest;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetWorkflowStatus;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.MedicalImagingException;
import software.amazon.awssdk.services.medicalimaging.model.MetadataUpdates;
import software.amazon.awssdk.services.medicalimaging.model.SearchByAttributeValue;
import software.amazon.awssdk.services.medicalimaging.model.SearchFilter;
import software.amazon.awssdk.services.medicalimaging.model.UpdateImageSetMetadataRequest;
import software.amazon.awssdk.services.medicalimaging.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;

/**
 * Contract tests of what the medical-imaging model of 2026-05 added, through the AWS SDK for Java 2.40.2
 * where it can say it and raw JSON over HTTP where it predates the member: importConfiguration (validated,
 * applied, echoed), UpdateImageSetMetadata's includeStudyImageSets and UPDATING_FOR_STUDY_CONSISTENCY,
 * GetImageFrame's BadRequestException, the doubled DICOMTags limits, the 30,000-byte DICOMAttribute and the
 * metadata's ChecksumType. Each test imports its own synthetic study (its own seed).
 */
class CurrentModelIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ImportRole";
    private static final String BUCKET = "model-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Emulator emulator;
    static MedicalImagingClient ahi;
    static S3Client s3;
    static HttpClient http;
    static String datastoreId;

    @BeforeAll
    static void start() throws Exception {
        // The UpdateImageSetMetadata payload quota raised to the model's 30,000 bytes, as AWS Support may do.
        emulator = Emulator.start(EmulatorConfig.ephemeral().withAhi(AhiSettings.defaults()
                .withStartJobRate(100, 100).withMaxUpdatePayloadBytes(30_000)));
        ahi = EmulatorClients.medicalImaging(emulator.endpoints());
        s3 = EmulatorClients.s3(emulator.endpoints());
        http = HttpClient.newHttpClient();
        s3.createBucket(b -> b.bucket(BUCKET));
        datastoreId = EmulatorClients.createActiveDatastore(ahi, "current-model");
    }

    @AfterAll
    static void stop() {
        ahi.close();
        s3.close();
        emulator.close();
    }

    // ---- importConfiguration ---------------------------------------------------------------------

    @Test
    void shouldApplyAndEchoTheDicomJsonMetadataOfImportConfiguration() throws Exception {
        List<SampleInstance> study = upload(11, "json-in/dicom/", 2);
        String studyUid = study.get(0).studyUid();
        String secondSeries = study.get(1).seriesUid();
        put("json-in/meta/study.json", "{\"00081030\":{\"vr\":\"LO\",\"Value\":[\"FROM STUDY METADATA\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"STUDY^NAME\"}]}}");
        put("json-in/meta/series 2.json", "[{\"0008103E\":{\"vr\":\"LO\",\"Value\":[\"FROM SERIES METADATA\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"SERIES^NAME\"}]}}]");
        ObjectNode configuration = configuration(mapping(studyUid, null, "meta/study.json"),
                mapping(studyUid, secondSeries, "meta/series 2.json"));

        HttpResponse<String> started = startRaw("json-in/", configuration);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String jobId = JSON.readTree(started.body()).get("jobId").asText();
        awaitJob(jobId, JobStatus.COMPLETED);

        JsonNode properties = JSON.readTree(getRaw("/getDICOMImportJob/datastore/" + datastoreId + "/job/" + jobId)
                .body()).get("jobProperties");
        assertThat(properties.get("importConfiguration")).isEqualTo(configuration);
        JsonNode manifest = EmulatorClients.json(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(
                "out/" + datastoreId + "-DicomImport-" + jobId + "/job-output-manifest.json")).asUtf8String());
        assertThat(manifest.at("/jobSummary/numberOfScannedFiles").asInt()).as("metadata files are not input")
                .isEqualTo(2);
        assertThat(manifest.at("/jobSummary/numberOfImportedFiles").asInt()).isEqualTo(2);

        // Values keep their DICOM padding in the metadata, as AWS's do (docs/aws-healthimaging.md §4.2): compare them
        // stripped.
        JsonNode first = metadata(imageSetOf(study.get(0).seriesUid()));
        assertThat(first.at("/Study/DICOM/StudyDescription").asText().strip()).isEqualTo("FROM STUDY METADATA");
        assertThat(first.at("/Patient/DICOM/PatientName").asText().strip()).isEqualTo("STUDY^NAME");
        JsonNode second = metadata(imageSetOf(secondSeries));
        assertThat(second.at("/Study/DICOM/StudyDescription").asText().strip()).isEqualTo("FROM STUDY METADATA");
        assertThat(second.at("/Patient/DICOM/PatientName").asText().strip()).as("the series mapping wins")
                .isEqualTo("SERIES^NAME");
        assertThat(second.at("/Study/Series/" + secondSeries + "/DICOM/SeriesDescription").asText().strip())
                .isEqualTo("FROM SERIES METADATA");
    }

    @Test
    void shouldRefuseAnImportConfigurationTheModelDoesNotAllow() throws Exception {
        String study = "1.2.3";
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(mapping(study, null, "m" + i + ".json"));
        }
        Map<String, JsonNode> invalid = Map.of(
                "between 1 and 1000", configuration(),
                "between 1 and 1000 (it has 1001)", wrap(tooMany),
                "studyInstanceUID' failed", configuration(mapping("1.2.x", null, "m.json")),
                "seriesInstanceUID' failed", configuration(mapping(study, "", "m.json")),
                "metadataFilePath' failed", configuration(mapping(study, null, " leading-space.json")),
                "studyInstanceUID' failed to satisfy constraint: Member must not be null",
                        configuration(JSON.createObjectNode().put("metadataFilePath", "m.json")),
                "its only member is dicomJsonMetadataImportConfiguration",
                        JSON.createObjectNode().set("somethingElse", JSON.createObjectNode()));
        for (Map.Entry<String, JsonNode> entry : invalid.entrySet()) {
            HttpResponse<String> response = startRaw("none/", entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
            assertThat(response.body()).contains(entry.getKey());
        }
    }

    @Test
    void shouldFailTheJobWhenAMetadataFileIsMissing() throws Exception {
        List<SampleInstance> study = upload(12, "missing-in/", 1);
        HttpResponse<String> started = startRaw("missing-in/",
                configuration(mapping(study.get(0).studyUid(), null, "no/such.json")));
        String jobId = JSON.readTree(started.body()).get("jobId").asText();
        awaitJob(jobId, JobStatus.FAILED);
        assertThat(ahi.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().message())
                .isEqualTo("The metadata file s3://" + BUCKET + "/missing-in/no/such.json does not exist");
    }

    // ---- includeStudyImageSets ---------------------------------------------------------------------

    @Test
    void shouldUpdateEveryPrimaryImageSetOfTheStudyWithIncludeStudyImageSets() throws Exception {
        List<SampleInstance> study = upload(13, "study-in/", 2);
        importAndWait("study-in/");
        String requested = imageSetOf(study.get(0).seriesUid());
        String sibling = imageSetOf(study.get(1).seriesUid());
        // A non-primary image set of the same study: same series, another patient id.
        SampleInstance conflicting = new SampleInstance(study.get(0).studyUid(), study.get(0).seriesUid(),
                SampleStudies.uid(13, 0, 1, 9), "OTHER-PATIENT", 1, 9, "1.2.840.10008.1.2.1");
        s3.putObject(b -> b.bucket(BUCKET).key("study-conflict/x.dcm"), RequestBody.fromBytes(conflicting.toBytes()));
        importAndWait("study-conflict/");
        String nonPrimary = search(SearchByAttributeValue.builder().dicomPatientId("OTHER-PATIENT").build()).get(0);

        try (SqsClient sqs = EmulatorClients.sqs(emulator.endpoints());
                var events = EmulatorClients.eventBridge(emulator.endpoints());
                MedicalImagingClient studyWide = clientWith(new QueryParameter(UpdateImageSetMetadataRequest.class,
                        "includeStudyImageSets", "true"))) {
            String queue = sqs.createQueue(b -> b.queueName("study-updates")).queueUrl();
            events.putRule(b -> b.name("study-updates").eventPattern(
                    "{\"source\":[\"aws.medical-imaging\"],\"detail-type\":[\"Image Set Updating\"]}"));
            events.putTargets(b -> b.rule("study-updates").targets(t -> t.id("q")
                    .arn("arn:aws:sqs:us-east-1:123456789012:study-updates")));

            String update = "{\"SchemaVersion\":1.1,\"Patient\":{\"DICOM\":{\"PatientName\":\"STUDY^WIDE\"}},"
                    + "\"Study\":{\"DICOM\":{\"StudyDescription\":\"WHOLE STUDY\"},\"Series\":{\""
                    + study.get(1).seriesUid() + "\":{\"DICOM\":{\"SeriesDescription\":\"SIBLING ONLY\"}}}}}";
            var reply = studyWide.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(requested)
                    .latestVersionId("1").updateImageSetMetadataUpdates(updates(update)));
            assertThat(reply.imageSetWorkflowStatus()).isEqualTo(ImageSetWorkflowStatus.UPDATING);
            assertThat(reply.latestVersionId()).isEqualTo("2");

            for (String id : List.of(requested, sibling)) {
                assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(id)).versionId()).isEqualTo("2");
                assertThat(metadata(id).at("/Patient/DICOM/PatientName").asText()).isEqualTo("STUDY^WIDE");
                assertThat(metadata(id).at("/Study/DICOM/StudyDescription").asText()).isEqualTo("WHOLE STUDY");
            }
            assertThat(metadata(sibling).at("/Study/Series/" + study.get(1).seriesUid() + "/DICOM/SeriesDescription")
                    .asText()).isEqualTo("SIBLING ONLY");
            assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(nonPrimary)).versionId())
                    .as("non-primary image sets of the study are left alone").isEqualTo("1");

            Map<String, String> statusById = new java.util.HashMap<>();
            Awaitility.await("Image Set Updating events").atMost(Duration.ofSeconds(20)).until(() -> {
                sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                        .forEach(m -> {
                            JsonNode detail = EmulatorClients.json(m.body()).get("detail");
                            statusById.put(detail.get("imageSetId").asText(),
                                    detail.get("imageSetWorkflowStatus").asText());
                        });
                return statusById.size() >= 2;
            });
            assertThat(statusById).containsEntry(requested, "UPDATING")
                    .containsEntry(sibling, "UPDATING_FOR_STUDY_CONSISTENCY");

            assertThatThrownBy(() -> studyWide.updateImageSetMetadata(b -> b.datastoreId(datastoreId)
                    .imageSetId(requested).latestVersionId("2").updateImageSetMetadataUpdates(
                            MetadataUpdates.builder().revertToVersionId("1").build())))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).contains("revertToVersionId"));
        }
        // Without the flag, a series of another image set is not the requested image set's to update.
        assertThatThrownBy(() -> ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(requested)
                .latestVersionId("2").updateImageSetMetadataUpdates(updates("{\"Study\":{\"Series\":{\""
                        + study.get(1).seriesUid() + "\":{\"DICOM\":{\"SeriesDescription\":\"X\"}}}}}"))))
                .isInstanceOf(ValidationException.class);
    }

    // ---- GetImageFrame BadRequestException ---------------------------------------------------------

    @Test
    void shouldAnswerBadRequestExceptionToAMalformedGetImageFrameBody() throws Exception {
        List<SampleInstance> study = upload(14, "frame-in/", 1);
        importAndWait("frame-in/");
        String id = imageSetOf(study.get(0).seriesUid());
        try (MedicalImagingClient malformed = clientWith(new MalformedBody(GetImageFrameRequest.class))) {
            assertThatThrownBy(() -> malformed.getImageFrame(b -> b.datastoreId(datastoreId).imageSetId(id)
                    .imageFrameInformation(f -> f.imageFrameId("0".repeat(32)))))
                    .isInstanceOfSatisfying(MedicalImagingException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadRequestException");
                    });
        }
        assertThatThrownBy(() -> ahi.getImageFrame(b -> b.datastoreId(datastoreId).imageSetId(id)
                .imageFrameInformation(f -> f.imageFrameId("NOT-AN-ID"))))
                .as("a value that breaks a constraint stays a ValidationException").isInstanceOf(ValidationException.class);
    }

    // ---- DICOMTags, DICOMAttribute, ChecksumType ---------------------------------------------------------

    @Test
    void shouldAcceptSummaryValuesUpToTheDoubledDicomTagsLimitsAndNoLonger() throws Exception {
        List<SampleInstance> study = upload(15, "tags-in/", 1);
        importAndWait("tags-in/");
        String id = imageSetOf(study.get(0).seriesUid());
        String name512 = "N".repeat(512);
        ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id).latestVersionId("1")
                .updateImageSetMetadataUpdates(updates("{\"Patient\":{\"DICOM\":{\"PatientName\":\"" + name512
                        + "\"}},\"Study\":{\"DICOM\":{\"StudyDescription\":\"" + "D".repeat(512) + "\"}}}")));
        var summary = ahi.searchImageSets(b -> b.datastoreId(datastoreId).searchCriteria(c -> c.filters(SearchFilter
                .builder().operator("EQUAL").values(SearchByAttributeValue.builder().dicomSeriesInstanceUID(
                        study.get(0).seriesUid()).build()).build()))).imageSetsMetadataSummaries().get(0);
        assertThat(summary.dicomTags().dicomPatientName()).isEqualTo(name512);
        assertThat(summary.dicomTags().dicomStudyDescription()).hasSize(512);

        assertThatThrownBy(() -> ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id)
                .latestVersionId("2").updateImageSetMetadataUpdates(updates(
                        "{\"Patient\":{\"DICOM\":{\"PatientSex\":\"" + "F".repeat(17) + "\"}}}"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The update would make DICOMPatientSex 17 characters long; DICOMTags allows at most 16"));
        assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(id)).versionId()).isEqualTo("2");
    }

    @Test
    void shouldTakeAnUpdateOfExactly30000BytesAndRefuseOneByteMore() throws Exception {
        List<SampleInstance> study = upload(16, "attribute-in/", 1);
        importAndWait("attribute-in/");
        String id = imageSetOf(study.get(0).seriesUid());
        String prefix = "{\"Patient\":{\"DICOM\":{\"PatientComments\":\"";
        String suffix = "\"}}}";
        String exactly = prefix + "c".repeat(30_000 - prefix.length() - suffix.length()) + suffix;
        assertThat(exactly.getBytes(StandardCharsets.UTF_8)).hasSize(30_000);
        ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id).latestVersionId("1")
                .updateImageSetMetadataUpdates(updates(exactly)));
        assertThat(metadata(id).at("/Patient/DICOM/PatientComments").asText())
                .hasSize(30_000 - prefix.length() - suffix.length());

        String oneMore = prefix + "c".repeat(30_001 - prefix.length() - suffix.length()) + suffix;
        assertThatThrownBy(() -> ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id)
                .latestVersionId("2").updateImageSetMetadataUpdates(updates(oneMore))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("Member must have length between 1 and 30000"));
    }

    @Test
    void shouldSayTheChecksumsOfNativeFramesAreOfTheDecodedPixels() throws Exception {
        List<SampleInstance> study = upload(17, "checksum-in/", 1);
        importAndWait("checksum-in/");
        JsonNode instance = metadata(imageSetOf(study.get(0).seriesUid())).at("/Study/Series/"
                + study.get(0).seriesUid() + "/Instances/" + study.get(0).sopUid());
        // Native frames are stored as HTJ2K where the codecs are installed, else as they came; either way the
        // checksum is of the decoded pixels.
        boolean transcodes = FrameCodecs.encoder(LosslessFormat.HTJ2K).isPresent();
        assertThat(instance.get("StoredTransferSyntaxUID").asText())
                .isEqualTo(transcodes ? "1.2.840.10008.1.2.4.202" : "1.2.840.10008.1.2.1");
        assertThat(instance.get("ChecksumType").asText()).isEqualTo("DECOMPRESSED");
        assertThat(instance.at("/ImageFrames/0/PixelDataChecksumFromBaseToFullResolution/0/Checksum").isNumber())
                .isTrue();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** One study of {@code series} series with one instance each, uploaded under {@code prefix}. */
    private static List<SampleInstance> upload(long seed, String prefix, int series) {
        List<SampleInstance> instances = SampleStudies.instances(seed, 1, series, 1);
        for (SampleInstance instance : instances) {
            s3.putObject(b -> b.bucket(BUCKET).key(prefix + instance.sopUid() + ".dcm"),
                    RequestBody.fromBytes(instance.toBytes()));
        }
        return instances;
    }

    private static void put(String key, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private static void importAndWait(String prefix) {
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).dataAccessRoleArn(ROLE)
                .inputS3Uri("s3://" + BUCKET + "/" + prefix).outputS3Uri("s3://" + BUCKET + "/out/")).jobId();
        awaitJob(jobId, JobStatus.COMPLETED);
    }

    private static void awaitJob(String jobId, JobStatus status) {
        Awaitility.await("job " + status).atMost(Duration.ofSeconds(60)).until(() -> ahi.getDICOMImportJob(
                b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus(), s -> s == status);
    }

    /** StartDICOMImportJob as JSON over HTTP: SDK 2.40.2 cannot send importConfiguration. */
    private static HttpResponse<String> startRaw(String prefix, JsonNode importConfiguration) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("dataAccessRoleArn", ROLE)
                .put("clientToken", UUID.randomUUID().toString()).put("inputS3Uri", "s3://" + BUCKET + "/" + prefix)
                .put("outputS3Uri", "s3://" + BUCKET + "/out/");
        body.set("importConfiguration", importConfiguration);
        return http.send(HttpRequest.newBuilder(URI.create(emulator.endpoints().ahi() + "/startDICOMImportJob/datastore/"
                + datastoreId)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> getRaw(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(emulator.endpoints().ahi() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode mapping(String study, String series, String path) {
        ObjectNode mapping = JSON.createObjectNode().put("studyInstanceUID", study);
        if (series != null) {
            mapping.put("seriesInstanceUID", series);
        }
        return mapping.put("metadataFilePath", path);
    }

    private static ObjectNode configuration(ObjectNode... mappings) {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode mapping : mappings) {
            list.add(mapping);
        }
        return wrap(list);
    }

    private static ObjectNode wrap(ArrayNode mappings) {
        ObjectNode configuration = JSON.createObjectNode();
        configuration.putObject("dicomJsonMetadataImportConfiguration").set("dicomMetadataMappings", mappings);
        return configuration;
    }

    private static String imageSetOf(String seriesUid) {
        return search(SearchByAttributeValue.builder().dicomSeriesInstanceUID(seriesUid).build()).get(0);
    }

    private static List<String> search(SearchByAttributeValue value) {
        List<String> ids = new ArrayList<>();
        ahi.searchImageSets(b -> b.datastoreId(datastoreId).searchCriteria(c -> c.filters(SearchFilter.builder()
                .operator("EQUAL").values(value).build()))).imageSetsMetadataSummaries()
                .forEach(s -> ids.add(s.imageSetId()));
        return ids;
    }

    private static JsonNode metadata(String id) {
        return EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(b -> b.datastoreId(datastoreId)
                .imageSetId(id)).asByteArray());
    }

    private static MetadataUpdates updates(String json) {
        return MetadataUpdates.builder().dicomUpdates(u -> u.updatableAttributes(
                SdkBytes.fromString(json, StandardCharsets.UTF_8))).build();
    }

    /** An SDK client configured as {@link EmulatorClients#medicalImaging} plus one interceptor. */
    private static MedicalImagingClient clientWith(ExecutionInterceptor interceptor) {
        return MedicalImagingClient.builder().endpointOverride(emulator.endpoints().ahi())
                .region(Region.of(emulator.endpoints().region()))
                .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION,
                        true).retryStrategy(DefaultRetryStrategy.doNotRetry()).addExecutionInterceptor(interceptor))
                .build();
    }

    /** Adds a query parameter the SDK's model predates (includeStudyImageSets) to one operation's requests. */
    private record QueryParameter(Class<? extends SdkRequest> operation, String name, String value)
            implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return operation.isInstance(context.request())
                    ? context.httpRequest().toBuilder().appendRawQueryParameter(name, value).build()
                    : context.httpRequest();
        }
    }

    /** Replaces one operation's JSON body with text that is not JSON, as a broken client would send. */
    private record MalformedBody(Class<? extends SdkRequest> operation) implements ExecutionInterceptor {
        private static final String BODY = "{\"imageFrameId\": ";

        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return operation.isInstance(context.request()) ? context.httpRequest().toBuilder()
                    .putHeader("Content-Length", Integer.toString(BODY.length())).build() : context.httpRequest();
        }

        @Override
        public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                ExecutionAttributes attributes) {
            return operation.isInstance(context.request()) ? Optional.of(RequestBody.fromString(BODY))
                    : context.requestBody();
        }
    }
}
