package org.ahibridge.emulator.dicomweb.http;

import java.io.IOException;

/** A multipart body that breaks RFC 2046's framing; the message says where, for a 400 reply. */
public final class MalformedMultipartException extends IOException {

    public MalformedMultipartException(String message) {
        super(message);
    }
}
