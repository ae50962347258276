package org.ahibridge.dicom.codec;

/** A frame that could not be encoded or decoded, with the reason in words a log line or failure line can carry. */
public class CodecException extends Exception {

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
