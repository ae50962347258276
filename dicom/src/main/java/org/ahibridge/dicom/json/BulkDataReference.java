package org.ahibridge.dicom.json;

import org.ahibridge.dicom.VR;

/**
 * A value given in DICOM JSON as a {@code BulkDataURI} (PS3.18 §F.2.6) rather than inline.
 *
 * @param path where in the document ({@link DicomJsonException#path()} form)
 * @param tag  the element's tag
 * @param vr   the element's VR
 * @param uri  the URI as written, unresolved
 */
public record BulkDataReference(String path, int tag, VR vr, String uri) {
}
