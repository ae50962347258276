package org.ahibridge.dicom.json;

import java.io.IOException;

/**
 * A DICOM JSON document (PS3.18 Annex F) that cannot become a data set: says what is wrong and where,
 * as a path of tags such as {@code 00081140[0].00081150}.
 */
public final class DicomJsonException extends IOException {

    private final String path;

    public DicomJsonException(String path, String message) {
        super((path.isEmpty() ? "" : path + ": ") + message);
        this.path = path;
    }

    /** Where in the document: tags as 8 hex digits, item indexes in brackets; empty for the root. */
    public String path() {
        return path;
    }
}
