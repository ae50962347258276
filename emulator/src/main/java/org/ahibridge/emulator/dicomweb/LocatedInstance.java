package org.ahibridge.emulator.dicomweb;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.json.AhiMetadataInstance;
import org.ahibridge.emulator.ahi.store.ImageSet;

/**
 * An instance as the DICOMweb operations find it: the image set (latest version) that holds it, and what its
 * metadata says of it (data set with every level merged, File Meta Information, stored syntax, frames). The
 * attributes are shared between requests: read them, copy them before any change.
 */
record LocatedInstance(ImageSet imageSet, AhiMetadataInstance metadata) {

    String studyUid() {
        return metadata.studyInstanceUid();
    }

    String seriesUid() {
        return metadata.seriesInstanceUid();
    }

    String sopUid() {
        return metadata.sopInstanceUid();
    }

    Attributes dataset() {
        return metadata.dataset();
    }

    String storedSyntax() {
        return metadata.storedTransferSyntaxUid();
    }

    int frameCount() {
        return metadata.frames().size();
    }

    /** Instance Number, for ordering; instances without one come last. */
    long instanceNumber() {
        return dataset().getLong(Tags.INSTANCE_NUMBER, Long.MAX_VALUE);
    }

    /** The path of the instance on the DICOMweb endpoint, without the query. */
    String path() {
        return "/datastore/" + imageSet.datastoreId() + "/studies/" + studyUid() + "/series/" + seriesUid()
                + "/instances/" + sopUid();
    }
}
