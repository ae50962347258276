package org.ahibridge.emulator.dicomweb;

import static org.ahibridge.emulator.dicomweb.DicomWebStoreIT.assertError;
import static org.ahibridge.emulator.dicomweb.DicomWebStoreIT.json;
import static org.assertj.core.api.Assertions.assertThat;

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

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * QIDO-RS: C-FIND matching on the keys AWS lists (wildcards, ranges, UID lists, case-insensitive names),
 * AWS's orders, paging, includefield, the results' DICOM JSON (character sets included), and a 400 that names
 * the supported keys for any other. Over {@link DicomWebHarness}, three studies of two patients.
 */
class DicomWebSearchIT {

    @TempDir
    static Path spool;
    static DicomWebHarness harness;
    static String datastore;

    @BeforeAll
    static void storeThreeStudies() throws Exception {
        harness = DicomWebHarness.start(spool);
        datastore = harness.datastore(null);
        // Stored oldest first: study A, then B, then C, which is updated last of all.
        store(study("2.25.1", "PAT-1", "Müller^Anna", "20240110", "083000", "CT", 2));
        store(study("2.25.2", "PAT-2", "Smith^John", "20240220", "101500", "MR", 1));
        store(study("2.25.3", "PAT-1", "Müller^Anna", "20240305", "230000", "CT", 1));
        Attributes second = series("2.25.3", "2.25.3.9", "2.25.3.9.1", "PAT-1", "Müller^Anna", "20240305", "230000",
                "SR", 7, 1);
        second.remove(Tags.PIXEL_DATA);
        store(second);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void shouldFindStudiesNewestFirstWithTheAttributesPs318Requires() throws Exception {
        JsonNode studies = search("/studies");

        assertThat(uids(studies, "0020000D")).containsExactly("2.25.3", "2.25.2", "2.25.1");
        JsonNode newest = studies.get(0);
        assertThat(newest.at("/00100010/Value/0/Alphabetic").asText()).isEqualTo("Müller^Anna");
        assertThat(newest.at("/00080005/Value/0").asText()).isEqualTo("ISO_IR 100");
        assertThat(texts(newest.at("/00080061/Value"))).containsExactly("CT", "SR");
        assertThat(newest.at("/00201206/Value/0").asInt()).isEqualTo(2);
        assertThat(newest.at("/00201208/Value/0").asInt()).isEqualTo(2);
        assertThat(newest.at("/00080056/Value/0").asText()).isEqualTo("ONLINE");
        assertThat(newest.at("/00081190/Value/0").asText()).isEqualTo(harness.endpoint() + "/datastore/" + datastore
                + "/studies/2.25.3");
        assertThat(newest.has("00081030")).as("StudyDescription").isTrue();
        assertThat(newest.has("00280010")).as("no instance attribute in a study result").isFalse();
    }

    @Test
    void shouldMatchAsCFindMatches() throws Exception {
        assertThat(uids(search("/studies?PatientID=PAT-1"), "0020000D")).containsExactly("2.25.3", "2.25.1");
        assertThat(uids(search("/studies?PatientName=m%C3%BCller*"), "0020000D")).containsExactly("2.25.3", "2.25.1");
        assertThat(uids(search("/studies?PatientName=Sm?th%5EJohn"), "0020000D")).containsExactly("2.25.2");
        assertThat(uids(search("/studies?StudyDate=20240201-20240310"), "0020000D"))
                .containsExactly("2.25.3", "2.25.2");
        assertThat(uids(search("/studies?StudyDate=-20240110"), "0020000D")).containsExactly("2.25.1");
        assertThat(uids(search("/studies?StudyTime=1015-1015"), "0020000D")).as("a bound covers its last unit")
                .containsExactly("2.25.2");
        assertThat(uids(search("/studies?StudyInstanceUID=2.25.1,2.25.2"), "0020000D")).containsExactly("2.25.2",
                "2.25.1");
        assertThat(uids(search("/studies?StudyInstanceUID=2.25.1&StudyInstanceUID=2.25.3"), "0020000D"))
                .containsExactly("2.25.3", "2.25.1");
        assertThat(uids(search("/studies?ModalitiesInStudy=SR"), "0020000D")).containsExactly("2.25.3");
        assertThat(uids(search("/studies?PatientID=PAT-1&StudyDate=20240110"), "0020000D")).containsExactly("2.25.1");
        assertThat(search("/studies?PatientID=nobody")).isEmpty();
        JsonNode universal = search("/studies?AccessionNumber=");
        assertThat(universal).hasSize(3);
        assertThat(universal.get(0).has("00080050")).as("a universal key is returned").isTrue();
    }

    @Test
    void shouldPageAndIncludeFields() throws Exception {
        assertThat(uids(search("/studies?limit=2"), "0020000D")).containsExactly("2.25.3", "2.25.2");
        assertThat(uids(search("/studies?limit=2&offset=2"), "0020000D")).containsExactly("2.25.1");
        assertThat(search("/studies?offset=9")).isEmpty();
        JsonNode included = search("/studies?StudyInstanceUID=2.25.2&includefield=PatientSex,00081030"
                + "&includefield=Rows").get(0);
        assertThat(included.has("00081030")).isTrue();
        assertThat(included.has("00280010")).as("an instance attribute is not a study's").isFalse();
        JsonNode all = search("/studies?StudyInstanceUID=2.25.2&includefield=all").get(0);
        assertThat(all.has("00100010")).isTrue();
        HttpResponse<byte[]> fuzzy = harness.get("/datastore/" + datastore + "/studies?fuzzymatching=true", null);
        assertThat(fuzzy.headers().firstValue("Warning")).get().asString().startsWith("299 ahi-emulator \"The "
                + "fuzzymatching parameter is not supported");
    }

    @Test
    void shouldFindSeriesBySeriesNumberAndInstancesByInstanceNumber() throws Exception {
        JsonNode series = search("/studies/2.25.3/series");
        assertThat(uids(series, "0020000E")).containsExactly("2.25.3.1", "2.25.3.9");
        assertThat(series.get(0).at("/00201209/Value/0").asInt()).isEqualTo(1);
        assertThat(series.get(0).has("0020000D")).as("a series result in a study carries no study attribute").isFalse();
        assertThat(uids(search("/studies/2.25.3/series?Modality=SR"), "0020000E")).containsExactly("2.25.3.9");

        JsonNode allSeries = search("/series?StudyInstanceUID=2.25.1");
        assertThat(uids(allSeries, "0020000E")).containsExactly("2.25.1.1");
        assertThat(allSeries.get(0).at("/0020000D/Value/0").asText()).isEqualTo("2.25.1");

        JsonNode instances = search("/studies/2.25.1/series/2.25.1.1/instances");
        assertThat(uids(instances, "00080018")).containsExactly("2.25.1.1.1", "2.25.1.1.2");
        assertThat(instances.get(0).at("/00280010/Value/0").asInt()).isEqualTo(TestInstances.ROWS);
        assertThat(instances.get(0).at("/00280008/Value/0").asInt()).isEqualTo(1);
        assertThat(uids(search("/studies/2.25.1/series/2.25.1.1/instances?SOPInstanceUID=2.25.1.1.2"), "00080018"))
                .containsExactly("2.25.1.1.2");
        assertThat(uids(search("/studies/2.25.3/instances?SeriesInstanceUID=2.25.3.9"), "00080018"))
                .containsExactly("2.25.3.9.1");
        assertThat(search("/instances")).hasSize(5);
        assertThat(uids(search("/instances?StudyInstanceUID=2.25.2"), "00080018")).containsExactly("2.25.2.1.1");
    }

    @Test
    void shouldRefuseWhatItCannotMatchWithTheKeysItTakes() throws Exception {
        String studies = "/datastore/" + datastore + "/studies";
        assertError(harness.get(studies + "?Modality=CT", null), 400, "ValidationException",
                "SearchDICOMStudies does not match on Modality; it matches on AccessionNumber, ModalitiesInStudy");
        assertError(harness.get(studies + "/2.25.1/series?PatientID=PAT-1", null), 400, "ValidationException",
                "SearchDICOMSeries does not match on PatientID; it matches on Modality, SeriesInstanceUID");
        assertError(harness.get(studies + "?NoSuchKeyword=1", null), 400, "ValidationException",
                "is neither a DICOM keyword nor a tag");
        assertError(harness.get(studies + "?PatientID=a&PatientID=b", null), 400, "ValidationException",
                "only UID attributes take a list");
        assertError(harness.get(studies + "?limit=-1", null), 400, "ValidationException",
                "limit must be a whole number");
        assertError(harness.get(studies + "?offset=x", null), 400, "ValidationException", "offset must be");
        assertError(harness.get(studies + "?fuzzymatching=maybe", null), 400, "ValidationException", "true or false");
        assertError(harness.get(studies, "multipart/related; type=\"application/dicom+xml\""), 406,
                "NotAcceptableException", "answers application/dicom+json");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Attributes[] study(String studyUid, String patientId, String name, String date, String time,
            String modality, int instances) {
        Attributes[] datasets = new Attributes[instances];
        for (int i = 0; i < instances; i++) {
            datasets[i] = series(studyUid, studyUid + ".1", studyUid + ".1." + (i + 1), patientId, name, date, time,
                    modality, 1, i + 1);
        }
        return datasets;
    }

    private static Attributes series(String studyUid, String seriesUid, String sopUid, String patientId, String name,
            String date, String time, String modality, int seriesNumber, int instanceNumber) {
        Attributes dataset = TestInstances.image(studyUid, seriesUid, sopUid, patientId, 1, sopUid.hashCode());
        dataset.setString(Tags.PATIENT_NAME, VR.PN, name);
        dataset.setString(Tags.STUDY_DATE, VR.DA, date);
        dataset.setString(Tags.STUDY_TIME, VR.TM, time);
        dataset.setString(Tags.MODALITY, VR.CS, modality);
        dataset.setString(Tags.SERIES_NUMBER, VR.IS, Integer.toString(seriesNumber));
        dataset.setString(Tags.INSTANCE_NUMBER, VR.IS, Integer.toString(instanceNumber));
        return dataset;
    }

    private static void store(Attributes... datasets) throws Exception {
        for (Attributes dataset : datasets) {
            HttpResponse<byte[]> response = harness.post("/datastore/" + datastore + "/studies", "application/dicom",
                    TestInstances.file(dataset));
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            // Studies are ordered by their last update, which has a millisecond clock: keep the stores apart.
            long stored = System.currentTimeMillis();
            org.awaitility.Awaitility.await().until(() -> System.currentTimeMillis() > stored);
        }
    }

    private static JsonNode search(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = harness.get("/datastore/" + datastore + pathAndQuery, "application/dicom+json");
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom+json");
        return json(response);
    }

    private static List<String> uids(JsonNode results, String tag) {
        List<String> uids = new ArrayList<>();
        results.forEach(result -> uids.add(result.at("/" + tag + "/Value/0").asText()));
        return uids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
