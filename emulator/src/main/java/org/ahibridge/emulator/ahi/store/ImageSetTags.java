package org.ahibridge.emulator.ahi.store;

import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DICOM summary of an image set that SearchImageSets filters on and returns as {@code DICOMTags}
 * (docs/aws-healthimaging.md §3), taken from its latest metadata document. Values are trimmed of DICOM padding.
 */
public record ImageSetTags(String patientId, String patientName, String patientBirthDate, String patientSex,
        String studyInstanceUid, String studyId, String studyDescription, String accessionNumber,
        String studyDate, String studyTime, String seriesInstanceUid, String modality, String bodyPart,
        Integer seriesNumber, int numberOfSeries, int numberOfInstances) {

    public static ImageSetTags of(JsonNode document) {
        JsonNode patient = document.path("Patient").path("DICOM");
        JsonNode study = document.path("Study").path("DICOM");
        JsonNode seriesMap = document.path("Study").path("Series");
        JsonNode series = null;
        String seriesUid = null;
        int instances = 0;
        for (Iterator<String> it = seriesMap.fieldNames(); it.hasNext();) {
            String uid = it.next();
            if (series == null) {
                series = seriesMap.get(uid).path("DICOM");
                seriesUid = uid;
            }
            instances += seriesMap.get(uid).path("Instances").size();
        }
        JsonNode s = series == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : series;
        String seriesNumber = text(s, "SeriesNumber");
        Integer number = null;
        try {
            number = seriesNumber == null ? null : Integer.valueOf(seriesNumber);
        } catch (NumberFormatException e) {
            number = null;
        }
        return new ImageSetTags(text(patient, "PatientID"), text(patient, "PatientName"),
                text(patient, "PatientBirthDate"), text(patient, "PatientSex"), text(study, "StudyInstanceUID"),
                text(study, "StudyID"), text(study, "StudyDescription"), text(study, "AccessionNumber"),
                text(study, "StudyDate"), text(study, "StudyTime"),
                seriesUid != null ? seriesUid : text(s, "SeriesInstanceUID"), text(s, "Modality"),
                text(s, "BodyPartExamined"), number, seriesMap.size(), instances);
    }

    static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isArray() ? (value.size() == 0 ? "" : value.get(0).asText()) : value.asText();
        text = text.strip();
        return text.isEmpty() ? null : text;
    }
}
