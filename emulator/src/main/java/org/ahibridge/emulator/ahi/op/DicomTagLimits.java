package org.ahibridge.emulator.ahi.op;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.store.ImageSetTags;

/**
 * The length limits of the search summary's {@code DICOMTags} in the model of 2026-05 (docs/aws-healthimaging.md §3),
 * twice
 * the import limits of DG "DICOM element constraints" for most members. Import keeps to the stricter import
 * limits; an update is what can make a summary value longer, so UpdateImageSetMetadata refuses one that
 * would leave a value no SearchImageSets answer could carry.
 */
final class DicomTagLimits {

    private record Limit(int maxLength, Function<ImageSetTags, String> value) {
    }

    private static final Map<String, Limit> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("DICOMPatientId", new Limit(512, ImageSetTags::patientId));
        LIMITS.put("DICOMPatientName", new Limit(512, ImageSetTags::patientName));
        LIMITS.put("DICOMPatientBirthDate", new Limit(36, ImageSetTags::patientBirthDate));
        LIMITS.put("DICOMPatientSex", new Limit(16, ImageSetTags::patientSex));
        LIMITS.put("DICOMStudyInstanceUID", new Limit(512, ImageSetTags::studyInstanceUid));
        LIMITS.put("DICOMStudyId", new Limit(512, ImageSetTags::studyId));
        LIMITS.put("DICOMStudyDescription", new Limit(512, ImageSetTags::studyDescription));
        LIMITS.put("DICOMAccessionNumber", new Limit(512, ImageSetTags::accessionNumber));
        LIMITS.put("DICOMSeriesInstanceUID", new Limit(512, ImageSetTags::seriesInstanceUid));
        LIMITS.put("DICOMSeriesModality", new Limit(32, ImageSetTags::modality));
        LIMITS.put("DICOMSeriesBodyPart", new Limit(128, ImageSetTags::bodyPart));
        LIMITS.put("DICOMStudyDate", new Limit(36, ImageSetTags::studyDate));
        LIMITS.put("DICOMStudyTime", new Limit(56, ImageSetTags::studyTime));
    }

    private DicomTagLimits() {
    }

    /** ValidationException naming the first summary value of {@code tags} that is too long. */
    static void check(ImageSetTags tags) {
        for (Map.Entry<String, Limit> entry : LIMITS.entrySet()) {
            String value = entry.getValue().value().apply(tags);
            if (value != null && value.length() > entry.getValue().maxLength()) {
                throw AhiError.validation("The update would make " + entry.getKey() + " " + value.length()
                        + " characters long; DICOMTags allows at most " + entry.getValue().maxLength());
            }
        }
    }
}
