package org.ahibridge.dicom;

import java.nio.charset.StandardCharsets;

/**
 * Builds the File Meta Information (group 0002) of a Part 10 file (PS3.10 §7.1). {@link DicomWriter}
 * completes whatever meta it is given with the version, transfer syntax, implementation identity and
 * group length, so the builders here only supply what comes from the data set.
 */
public final class FileMetaInformation {

    private FileMetaInformation() {
    }

    /**
     * The meta of a data set: Media Storage SOP Class and Instance UID taken from the data set's SOP
     * Class UID (0008,0016) and SOP Instance UID (0008,0018), and the given transfer syntax.
     *
     * @throws IllegalArgumentException when the data set lacks either UID
     */
    public static Attributes of(Attributes dataset, String transferSyntaxUid) {
        String sopClass = dataset.getString(Tags.SOP_CLASS_UID);
        String sopInstance = dataset.getString(Tags.SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("the data set has no " + (sopClass == null
                    ? "SOP Class UID " + Tags.toString(Tags.SOP_CLASS_UID)
                    : "SOP Instance UID " + Tags.toString(Tags.SOP_INSTANCE_UID))
                    + "; a Part 10 file needs both for its File Meta Information");
        }
        return of(sopClass, sopInstance, transferSyntaxUid);
    }

    /** The meta of an object with the given Media Storage SOP Class and Instance UIDs. */
    public static Attributes of(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        Attributes meta = new Attributes();
        meta.setBytes(Tags.FILE_META_INFORMATION_VERSION, VR.OB, new byte[] {0, 1});
        meta.setString(Tags.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, sopClassUid);
        meta.setString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        meta.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, transferSyntaxUid);
        return meta;
    }

    /** {@code meta}, or a copy of it with the Media Storage UIDs it lacks taken from the data set. */
    public static Attributes withDatasetUids(Attributes meta, Attributes dataset) {
        Attributes result = meta;
        int[][] pairs = {{Tags.MEDIA_STORAGE_SOP_CLASS_UID, Tags.SOP_CLASS_UID},
                {Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Tags.SOP_INSTANCE_UID}};
        for (int[] pair : pairs) {
            Element fromDataset = dataset.get(pair[1]);
            if (meta.getString(pair[0]) == null && fromDataset != null && fromDataset.bytes() != null) {
                result = result == meta ? meta.copy() : result;
                result.setBytes(pair[0], VR.UI, fromDataset.bytes());
            }
        }
        return result;
    }

    /**
     * A copy of {@code meta} made ready for writing in {@code transferSyntaxUid}: version 00 01, the
     * transfer syntax, this implementation's class UID and version name, and no group length (the
     * writer computes it). Other elements (Source AE Title, private information) are kept.
     */
    static Attributes completed(Attributes meta, String transferSyntaxUid) {
        Attributes result = new Attributes();
        for (Element element : meta.elements()) {
            if (Tags.group(element.tag()) != 0x0002 || element.bytes() == null) {
                throw new IllegalArgumentException("File Meta Information may hold only plain group 0002 "
                        + "elements, not " + Tags.toString(element.tag()));
            }
            result.put(element);
        }
        for (int required : new int[] {Tags.MEDIA_STORAGE_SOP_CLASS_UID, Tags.MEDIA_STORAGE_SOP_INSTANCE_UID}) {
            if (result.getString(required) == null) {
                throw new IllegalArgumentException("File Meta Information lacks " + Tags.toString(required)
                        + " and the data set gives none");
            }
        }
        result.remove(Tags.FILE_META_INFORMATION_GROUP_LENGTH);
        result.setBytes(Tags.FILE_META_INFORMATION_VERSION, VR.OB, new byte[] {0, 1});
        result.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, transferSyntaxUid);
        result.setBytes(Tags.IMPLEMENTATION_CLASS_UID, VR.UI,
                Attributes.pad(Implementation.CLASS_UID.getBytes(StandardCharsets.US_ASCII), VR.UI));
        result.setBytes(Tags.IMPLEMENTATION_VERSION_NAME, VR.SH,
                Attributes.pad(Implementation.VERSION_NAME.getBytes(StandardCharsets.US_ASCII), VR.SH));
        return result;
    }
}
