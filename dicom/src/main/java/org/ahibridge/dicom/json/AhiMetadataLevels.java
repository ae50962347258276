package org.ahibridge.dicom.json;

import java.util.Set;

import org.ahibridge.dicom.DicomDictionary;

/**
 * Which level of the AWS HealthImaging image-set metadata document a top-level attribute belongs to
 * ("Metadata normalization", AHI developer guide, metadata-normalization.html; docs/aws-healthimaging.md §4.2).
 *
 * <p>The lists follow the DICOM modules of PS3.3: patient level = Patient module (C.7.1.1), study level
 * = General Study (C.7.2.1) and Patient Study (C.7.2.2), series level = General Series (C.7.3.1).
 * Every other attribute, including the File Meta Information, is instance level. Only top-level
 * attributes are split; sequence items keep their content.
 */
public final class AhiMetadataLevels {

    /** A level of the document. */
    public enum Level { PATIENT, STUDY, SERIES, INSTANCE }

    static final Set<String> PATIENT = Set.of("PatientName", "PatientID", "IssuerOfPatientID",
            "IssuerOfPatientIDQualifiersSequence", "TypeOfPatientID", "PatientBirthDate", "PatientBirthTime",
            "PatientSex", "QualityControlSubject", "ReferencedPatientSequence", "OtherPatientIDsSequence",
            "OtherPatientNames", "EthnicGroup", "PatientComments", "PatientSpeciesDescription",
            "PatientSpeciesCodeSequence", "PatientBreedDescription", "PatientBreedCodeSequence",
            "BreedRegistrationSequence", "ResponsiblePerson", "ResponsiblePersonRole",
            "ResponsibleOrganization", "PatientIdentityRemoved", "DeidentificationMethod",
            "DeidentificationMethodCodeSequence", "PatientBirthDateInAlternativeCalendar",
            "PatientDeathDateInAlternativeCalendar", "PatientAlternativeCalendar");

    static final Set<String> STUDY = Set.of("StudyInstanceUID", "StudyDate", "StudyTime",
            "ReferringPhysicianName", "ReferringPhysicianIdentificationSequence", "ConsultingPhysicianName",
            "ConsultingPhysicianIdentificationSequence", "StudyID", "AccessionNumber",
            "IssuerOfAccessionNumberSequence", "StudyDescription", "PhysiciansOfRecord",
            "PhysiciansOfRecordIdentificationSequence", "NameOfPhysiciansReadingStudy",
            "PhysiciansReadingStudyIdentificationSequence", "RequestingServiceCodeSequence",
            "ReferencedStudySequence", "ProcedureCodeSequence", "ReasonForPerformedProcedureCodeSequence",
            "AdmittingDiagnosesDescription", "AdmittingDiagnosesCodeSequence", "PatientAge", "PatientSize",
            "PatientWeight", "PatientSizeCodeSequence", "Occupation", "AdditionalPatientHistory",
            "AdmissionID", "IssuerOfAdmissionIDSequence", "ServiceEpisodeID", "ServiceEpisodeDescription",
            "PatientSexNeutered", "SmokingStatus", "MedicalAlerts", "Allergies", "PregnancyStatus",
            "LastMenstrualDate", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances");

    static final Set<String> SERIES = Set.of("Modality", "SeriesInstanceUID", "SeriesNumber", "Laterality",
            "SeriesDate", "SeriesTime", "PerformingPhysicianName", "PerformingPhysicianIdentificationSequence",
            "ProtocolName", "SeriesDescription", "SeriesDescriptionCodeSequence", "OperatorsName",
            "OperatorIdentificationSequence", "ReferencedPerformedProcedureStepSequence",
            "RelatedSeriesSequence", "BodyPartExamined", "PatientPosition", "SmallestPixelValueInSeries",
            "LargestPixelValueInSeries", "RequestAttributesSequence", "PerformedProcedureStepID",
            "PerformedProcedureStepStartDate", "PerformedProcedureStepStartTime",
            "PerformedProcedureStepEndDate", "PerformedProcedureStepEndTime",
            "PerformedProcedureStepDescription", "PerformedProtocolCodeSequence",
            "CommentsOnThePerformedProcedureStep", "AnatomicalOrientationType", "TreatmentSessionUID");

    private AhiMetadataLevels() {
    }

    /** The level of a top-level attribute; private and unknown tags are instance level. */
    public static Level levelOf(int tag) {
        String keyword = DicomDictionary.standard().keywordOf(tag);
        if (keyword == null || (tag >>> 16) == 0x0002) {
            return Level.INSTANCE;
        }
        if (PATIENT.contains(keyword)) {
            return Level.PATIENT;
        }
        if (STUDY.contains(keyword)) {
            return Level.STUDY;
        }
        return SERIES.contains(keyword) ? Level.SERIES : Level.INSTANCE;
    }
}
