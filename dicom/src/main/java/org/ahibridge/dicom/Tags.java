package org.ahibridge.dicom;

/**
 * Tags the codec and the pipelines refer to by name, as {@code (group << 16) | element}. Each constant
 * is named after the attribute's PS3.6 keyword; {@link DicomDictionary} knows every other one.
 */
public final class Tags {
    private Tags() {
    }

    public static final int FILE_META_INFORMATION_GROUP_LENGTH = 0x00020000;
    public static final int FILE_META_INFORMATION_VERSION = 0x00020001;
    public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int IMPLEMENTATION_CLASS_UID = 0x00020012;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    public static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;

    public static final int FILE_SET_ID = 0x00041130;
    public static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;

    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    public static final int IMAGE_TYPE = 0x00080008;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int SOP_INSTANCE_UID = 0x00080018;
    public static final int STUDY_DATE = 0x00080020;
    public static final int SERIES_DATE = 0x00080021;
    public static final int STUDY_TIME = 0x00080030;
    public static final int ACCESSION_NUMBER = 0x00080050;
    public static final int MODALITY = 0x00080060;
    public static final int STUDY_DESCRIPTION = 0x00081030;
    public static final int SERIES_DESCRIPTION = 0x0008103E;

    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int PATIENT_BIRTH_DATE = 0x00100030;
    public static final int PATIENT_SEX = 0x00100040;

    public static final int BODY_PART_EXAMINED = 0x00180015;

    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int STUDY_ID = 0x00200010;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int NUMBER_OF_STUDY_RELATED_SERIES = 0x00201206;
    public static final int NUMBER_OF_STUDY_RELATED_INSTANCES = 0x00201208;

    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int PLANAR_CONFIGURATION = 0x00280006;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;

    public static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    public static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
    public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    public static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
    public static final int PIXEL_DATA = 0x7FE00010;

    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION_ITEM = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION_ITEM = 0xFFFEE0DD;

    /** The tag as {@code (gggg,eeee)}, the form used in every message about a tag. */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** The tag as 8 uppercase hex digits, the key form of DICOM JSON (PS3.18 §F.2.2). */
    public static String toHex(int tag) {
        return String.format("%08X", tag);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Private data elements live in odd groups above 0x0008 (PS3.5 §7.8). */
    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1 && group(tag) > 0x0008 && group(tag) != 0xFFFF;
    }

    /** A private creator element, (gggg,0010) to (gggg,00FF) in an odd group (PS3.5 §7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        return isPrivate(tag) && element(tag) >= 0x0010 && element(tag) <= 0x00FF;
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0x0000;
    }
}
