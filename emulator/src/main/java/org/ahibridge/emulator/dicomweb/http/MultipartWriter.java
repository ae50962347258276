package org.ahibridge.emulator.dicomweb.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a {@code multipart/related} body (RFC 2046 §5.1, RFC 2387; PS3.18 §8.7.3.1) part after part to a
 * stream: each part is the delimiter line, its header lines, an empty line and its body as the caller writes
 * it; {@link #finish()} writes the close delimiter. Nothing is buffered here, so parts of any size stream
 * straight through. The boundary is random ({@link #newBoundary()}), so it cannot occur in DICOM data by
 * accident.
 */
public final class MultipartWriter {

    private final OutputStream out;
    private final byte[] boundary;
    private boolean first = true;
    private boolean finished;

    public MultipartWriter(OutputStream out, String boundary) {
        if (boundary.isEmpty() || boundary.length() > MultipartReader.MAX_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("a boundary has 1 to 70 characters");
        }
        this.out = out;
        this.boundary = boundary.getBytes(StandardCharsets.US_ASCII);
    }

    /** A boundary of 43 characters no part will contain by chance (a random UUID). */
    public static String newBoundary() {
        return "ahi-emulator-" + UUID.randomUUID();
    }

    /**
     * The Content-Type of a multipart/related body whose root parts are of type {@code type}, with any extra
     * parameters (such as {@code transfer-syntax}) after it.
     */
    public static String contentType(String type, String boundary, String extraParameters) {
        return "multipart/related; type=\"" + type + "\"; boundary=" + boundary
                + (extraParameters == null || extraParameters.isEmpty() ? "" : "; " + extraParameters);
    }

    /**
     * Starts a part with these headers (in their order); its body is what is written to the returned stream,
     * which does not close the underlying one.
     */
    public OutputStream startPart(Map<String, String> headers) throws IOException {
        if (finished) {
            throw new IllegalStateException("the multipart body is finished");
        }
        if (!first) {
            out.write(new byte[] {'\r', '\n'});
        }
        first = false;
        writeDelimiterLine();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            out.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(new byte[] {'\r', '\n'});
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Writes the close delimiter (after at least one part); does not close the stream. */
    public void finish() throws IOException {
        if (first) {
            throw new IllegalStateException("a multipart body needs at least one part (RFC 2046 §5.1.1)");
        }
        if (!finished) {
            out.write(new byte[] {'\r', '\n', '-', '-'});
            out.write(boundary);
            out.write(new byte[] {'-', '-', '\r', '\n'});
            out.flush();
            finished = true;
        }
    }

    private void writeDelimiterLine() throws IOException {
        out.write(new byte[] {'-', '-'});
        out.write(boundary);
        out.write(new byte[] {'\r', '\n'});
    }
}
