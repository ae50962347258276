package org.ahibridge.emulator;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.dicom.testing.Dcmtk;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.emulator.junit.EmulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DICOMStudyDateAndTime;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetState;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetWorkflowStatus;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.MetadataUpdates;
import software.amazon.awssdk.services.medicalimaging.model.ResourceNotFoundException;
import software.amazon.awssdk.services.medicalimaging.model.SearchByAttributeValue;
import software.amazon.awssdk.services.medicalimaging.model.SearchFilter;
import software.amazon.awssdk.services.medicalimaging.model.SearchImageSetsResponse;
import software.amazon.awssdk.services.medicalimaging.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.emulator.ahi.AhiSettings;

/**
 * Contract tests of the image set operations: GetImageSet, GetImageSetMetadata, GetImageFrame,
 * ListImageSetVersions, UpdateImageSetMetadata, CopyImageSet, DeleteImageSet, SearchImageSets and
 * image set tagging, on image sets made by real imports (one per corpus base object).
 */
@Requires(Dcmtk.class)
class ImageSetOperationsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create()
            .configure(c -> c.withAhi(AhiSettings.defaults().withStartJobRate(100, 100)));
    static MedicalImagingClient ahi;
    static S3Client s3;
    static String datastoreId;
    static Instant beforeImport;

    @BeforeAll
    static void importCorpus() throws Exception {
        ahi = EMULATOR.ahi();
        s3 = EMULATOR.s3();
        s3.createBucket(b -> b.bucket("sets-bucket"));
        datastoreId = EmulatorClients.createActiveDatastore(ahi, "sets");
        beforeImport = Instant.now().minusSeconds(1);
        for (String name : List.of("ct explicit-le", "mr-multiframe explicit-le", "sc-rgb explicit-le")) {
            s3.putObject(b -> b.bucket("sets-bucket").key("in/" + name.replace(' ', '-') + ".dcm"),
                    RequestBody.fromBytes(AhiImportIT.corpus(name)));
        }
        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId)
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/R").inputS3Uri("s3://sets-bucket/in/")
                .outputS3Uri("s3://sets-bucket/out/")).jobId();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ahi.getDICOMImportJob(b -> b
                .datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus() == JobStatus.COMPLETED);
    }

    @Test
    void shouldDescribeAnImageSetAndItsVersions() {
        String id = imageSet("PID-1");
        var imageSet = ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(id));
        assertThat(imageSet.versionId()).isEqualTo("1");
        assertThat(imageSet.imageSetState()).isEqualTo(ImageSetState.ACTIVE);
        assertThat(imageSet.imageSetWorkflowStatus()).isEqualTo(ImageSetWorkflowStatus.CREATED);
        assertThat(imageSet.isPrimary()).isTrue();
        assertThat(imageSet.imageSetArn()).endsWith("/imageset/" + id);
        assertThatThrownBy(() -> ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(id).versionId("9")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId("0".repeat(32))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldServeGzippedMetadataWithItsHeaders() {
        String id = imageSet("PID-2");
        var response = ahi.getImageSetMetadataAsBytes(b -> b.datastoreId(datastoreId).imageSetId(id));
        assertThat(response.response().contentEncoding()).isEqualTo("gzip");
        assertThat(response.response().contentType()).isEqualTo("application/json");
        JsonNode metadata = EmulatorClients.gunzipJson(response.asByteArray());
        assertThat(metadata.get("ImageSetID").asText()).isEqualTo(id);
        assertThat(metadata.get("DatastoreID").asText()).isEqualTo(datastoreId);
        JsonNode instance = metadata.at("/Study/Series").elements().next().get("Instances").elements().next();
        assertThat(instance.get("ImageFrames")).hasSize(24);
        assertThat(instance.at("/ImageFrames/0/PixelDataChecksumFromBaseToFullResolution/0/Width").asInt()).isEqualTo(256);
        assertThat(instance.at("/ImageFrames/0/MinPixelValue").isNumber()).isTrue();
    }

    @Test
    void shouldRejectAnUnknownFrame() {
        String id = imageSet("PID-3");
        assertThatThrownBy(() -> ahi.getImageFrame(b -> b.datastoreId(datastoreId).imageSetId(id)
                .imageFrameInformation(f -> f.imageFrameId("0".repeat(32)))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldUpdateRevertAndPageThroughVersions() {
        String id = copyToNew(imageSet("PID-1"), false);
        var updated = ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id).latestVersionId("1")
                .updateImageSetMetadataUpdates(updates("{\"SchemaVersion\":1.1,\"Patient\":{\"DICOM\":{\"PatientName\":\"NEW^NAME\"}}}")));
        assertThat(updated.latestVersionId()).isEqualTo("2");
        assertThat(updated.imageSetWorkflowStatus()).isEqualTo(ImageSetWorkflowStatus.UPDATING);
        assertThat(metadata(id).at("/Patient/DICOM/PatientName").asText()).isEqualTo("NEW^NAME");

        assertThatThrownBy(() -> ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id)
                .latestVersionId("1").updateImageSetMetadataUpdates(updates("{\"Patient\":{\"DICOM\":{\"PatientSex\":\"F\"}}}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("is not the latest"));
        String privateUpdate = "{\"Study\":{\"Series\":{\"" + seriesUid(id) + "\":{\"Instances\":{\"" + sopUid(id)
                + "\":{\"DICOM\":{\"00291011\":\"changed\"}}}}}}}";
        assertThatThrownBy(() -> ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id)
                .latestVersionId("2").updateImageSetMetadataUpdates(updates(privateUpdate))))
                .isInstanceOf(ValidationException.class);
        ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id).latestVersionId("2").force(true)
                .updateImageSetMetadataUpdates(updates(privateUpdate)));

        var reverted = ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id).latestVersionId("3")
                .updateImageSetMetadataUpdates(MetadataUpdates.builder().revertToVersionId("1").build()));
        assertThat(reverted.latestVersionId()).isEqualTo("4");
        assertThat(metadata(id).at("/Patient/DICOM/PatientName").asText()).isEqualTo("Corpus^Patient1 ");

        var page = ahi.listImageSetVersions(b -> b.datastoreId(datastoreId).imageSetId(id).maxResults(3));
        assertThat(page.imageSetPropertiesList()).extracting(p -> p.versionId()).containsExactly("4", "3", "2");
        assertThat(page.imageSetPropertiesList().get(0).imageSetWorkflowStatus()).isEqualTo(ImageSetWorkflowStatus.UPDATED);
        assertThat(ahi.listImageSetVersions(b -> b.datastoreId(datastoreId).imageSetId(id).maxResults(3)
                .nextToken(page.nextToken())).imageSetPropertiesList()).extracting(p -> p.versionId()).containsExactly("1");
    }

    @Test
    void shouldRemoveAnAttributeWithRemovableAttributes() {
        String id = copyToNew(imageSet("PID-3"), false);
        ahi.updateImageSetMetadata(b -> b.datastoreId(datastoreId).imageSetId(id).latestVersionId("1")
                .updateImageSetMetadataUpdates(MetadataUpdates.builder().dicomUpdates(u -> u.removableAttributes(
                        SdkBytes.fromUtf8String("{\"Study\":{\"DICOM\":{\"StudyDescription\":\"\"}}}"))).build()));
        assertThat(metadata(id).at("/Study/DICOM").has("StudyDescription")).isFalse();
    }

    @Test
    void shouldCopyToANewNonPrimaryImageSetAndPromoteOnRequest() {
        String source = imageSet("PID-2");
        String copy = copyToNew(source, false);
        assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(copy)).isPrimary()).isFalse();
        assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(copy)).imageSetWorkflowStatus())
                .isEqualTo(ImageSetWorkflowStatus.COPIED);
        assertThat(metadata(copy).at("/Study/Series").elements().next().get("Instances").elements().next()
                .get("ImageFrames")).hasSize(24);

        String promoted = copyToNew(source, true);
        assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(promoted)).isPrimary()).isTrue();
        assertThat(ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(source)).isPrimary()).isFalse();
    }

    @Test
    void shouldCopyOnlyWhatCopiableAttributesNames() {
        String source = imageSet("PID-1");
        String selection = "{\"SchemaVersion\":1.1,\"Study\":{\"Series\":{\"" + seriesUid(source)
                + "\":{\"Instances\":{\"" + sopUid(source) + "\":{}}}}}}";
        String copy = ahi.copyImageSet(b -> b.datastoreId(datastoreId).sourceImageSetId(source)
                .copyImageSetInformation(c -> c.sourceImageSet(s -> s.latestVersionId("1")
                        .dicomCopies(d -> d.copiableAttributes(selection))))).destinationImageSetProperties().imageSetId();
        assertThat(metadata(copy).at("/Study/Series/" + seriesUid(source) + "/Instances").has(sopUid(source))).isTrue();
        assertThatThrownBy(() -> ahi.copyImageSet(b -> b.datastoreId(datastoreId).sourceImageSetId(source)
                .copyImageSetInformation(c -> c.sourceImageSet(s -> s.latestVersionId("1").dicomCopies(
                        d -> d.copiableAttributes("{\"Study\":{\"Series\":{\"1.2.3\":{}}}}"))))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldCopyIntoAnExistingDestinationAsANewVersion() {
        String source = imageSet("PID-3");
        String destination = copyToNew(source, false);
        var copied = ahi.copyImageSet(b -> b.datastoreId(datastoreId).sourceImageSetId(source).copyImageSetInformation(
                c -> c.sourceImageSet(s -> s.latestVersionId("1"))
                        .destinationImageSet(d -> d.imageSetId(destination).latestVersionId("1"))));
        assertThat(copied.destinationImageSetProperties().latestVersionId()).isEqualTo("2");
        assertThatThrownBy(() -> ahi.copyImageSet(b -> b.datastoreId(datastoreId).sourceImageSetId(source)
                .copyImageSetInformation(c -> c.sourceImageSet(s -> s.latestVersionId("1"))
                        .destinationImageSet(d -> d.imageSetId(destination).latestVersionId("1")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldDeleteAnImageSetIdempotently() {
        String id = copyToNew(imageSet("PID-1"), false);
        var deleted = ahi.deleteImageSet(b -> b.datastoreId(datastoreId).imageSetId(id));
        assertThat(deleted.imageSetState()).isEqualTo(ImageSetState.LOCKED);
        assertThat(deleted.imageSetWorkflowStatus()).isEqualTo(ImageSetWorkflowStatus.DELETING);
        assertThatThrownBy(() -> ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(ahi.deleteImageSet(b -> b.datastoreId(datastoreId).imageSetId(id)).imageSetState())
                .isEqualTo(ImageSetState.DELETED);
    }

    @Test
    void shouldSearchByDateRangesSortAndPage() {
        SearchByAttributeValue from = SearchByAttributeValue.builder().createdAt(beforeImport).build();
        SearchByAttributeValue to = SearchByAttributeValue.builder().createdAt(Instant.now().plusSeconds(60)).build();
        SearchImageSetsResponse first = ahi.searchImageSets(b -> b.datastoreId(datastoreId).maxResults(1)
                .searchCriteria(c -> c.filters(SearchFilter.builder().operator("BETWEEN").values(from, to).build())
                        .sort(s -> s.sortField("createdAt").sortOrder("ASC"))));
        assertThat(first.imageSetsMetadataSummaries()).hasSize(1);
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.sort().sortFieldAsString()).isEqualTo("createdAt");

        var day = SearchByAttributeValue.builder().dicomStudyDateAndTime(DICOMStudyDateAndTime.builder()
                .dicomStudyDate("20240105").build()).build();
        var nextDay = SearchByAttributeValue.builder().dicomStudyDateAndTime(DICOMStudyDateAndTime.builder()
                .dicomStudyDate("20240106").build()).build();
        assertThat(ahi.searchImageSetsPaginator(b -> b.datastoreId(datastoreId).maxResults(1).searchCriteria(c -> c
                .filters(SearchFilter.builder().operator("BETWEEN").values(day, nextDay).build())))
                .imageSetsMetadataSummaries().stream().count()).isGreaterThanOrEqualTo(3);

        assertThatThrownBy(() -> ahi.searchImageSets(b -> b.datastoreId(datastoreId).searchCriteria(c -> c.filters(
                SearchFilter.builder().operator("BETWEEN").values(day).build())))).isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldTagAnImageSet() {
        String id = imageSet("PID-3");
        String arn = ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(id)).imageSetArn();
        ahi.tagResource(b -> b.resourceArn(arn).tags(Map.of("k", "v")));
        assertThat(ahi.listTagsForResource(b -> b.resourceArn(arn)).tags()).containsEntry("k", "v");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The primary image set (the original import) of a corpus patient, found by search. */
    private static String imageSet(String patientId) {
        return ahi.searchImageSets(b -> b.datastoreId(datastoreId).searchCriteria(c -> c.filters(
                SearchFilter.builder().operator("EQUAL").values(SearchByAttributeValue.builder()
                        .dicomPatientId(patientId).build()).build()).sort(s -> s.sortField("createdAt").sortOrder("ASC"))))
                .imageSetsMetadataSummaries().get(0).imageSetId();
    }

    private static String copyToNew(String source, boolean promote) {
        String version = ahi.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(source)).versionId();
        return ahi.copyImageSet(b -> b.datastoreId(datastoreId).sourceImageSetId(source).promoteToPrimary(promote)
                .copyImageSetInformation(c -> c.sourceImageSet(s -> s.latestVersionId(version))))
                .destinationImageSetProperties().imageSetId();
    }

    private static MetadataUpdates updates(String json) {
        return MetadataUpdates.builder().dicomUpdates(u -> u.updatableAttributes(
                SdkBytes.fromString(json, StandardCharsets.UTF_8))).build();
    }

    private static JsonNode metadata(String id) {
        return EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(b -> b.datastoreId(datastoreId)
                .imageSetId(id)).asByteArray());
    }

    private static String seriesUid(String id) {
        return metadata(id).at("/Study/Series").fieldNames().next();
    }

    private static String sopUid(String id) {
        return metadata(id).at("/Study/Series").elements().next().get("Instances").fieldNames().next();
    }
}
