package org.ahibridge.emulator.dicomweb.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart body (RFC 2046 §5.1, as STOW-RS sends it: PS3.18 §8.6.1.2) part by part from a stream,
 * through one fixed buffer: a part's body is handed out as a stream that ends at the part's delimiter, so a
 * part of any size passes through without being held in memory.
 *
 * <p>Framing: an optional preamble, then for each part the delimiter line {@code --boundary}, the part's
 * header lines and an empty line, then its body; the body ends right before {@code CRLF--boundary}. After
 * the boundary comes either {@code --} (the close delimiter; the epilogue after it is not read) or optional
 * transport padding (spaces and tabs) and CRLF. {@code CRLF--boundary} followed by anything else is body
 * data, not a delimiter. The first delimiter may start the stream without a CRLF before it. Lenient where
 * clients differ: a bare LF ends a header line and a delimiter line, and a stream that ends right after a
 * delimiter counts as closed. A stream that ends inside a part, or never shows a delimiter, is a
 * {@link MalformedMultipartException}.
 */
public final class MultipartReader {

    /** RFC 2046 §5.1.1: a boundary has 1 to 70 characters. */
    public static final int MAX_BOUNDARY_LENGTH = 70;
    /** Part header lines together, CRLFs included: far above what a DICOM part carries. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Spaces and tabs allowed after a boundary before its CRLF (RFC 2046 transport padding). */
    private static final int MAX_PADDING = 256;

    /** One part: its number (from 1), its headers (lower-case names) and its body, readable once. */
    public record Part(int number, Map<String, String> headers, InputStream body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What follows a boundary. */
    private enum Ending { NEXT_PART, CLOSE, NOT_A_DELIMITER, NEED_MORE }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int end;
    private boolean eof;
    private boolean preambleRead;
    private boolean closed;
    private PartBody current;
    private int parts;

    public MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("the multipart boundary must have 1 to " + MAX_BOUNDARY_LENGTH
                    + " characters");
        }
        for (char c : boundary.toCharArray()) {
            if (c < ' ' || c > '~') {
                throw new IllegalArgumentException("the multipart boundary may hold printable ASCII characters only");
            }
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        // The stream is read as if a CRLF came first, so a delimiter on the very first line is found like any other.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /**
     * The next part, its body ready to read; the rest of the previous part's body is skipped first. Null once
     * the close delimiter is reached.
     */
    public Part next() throws IOException {
        if (closed) {
            return null;
        }
        Ending ending;
        if (current != null) {
            ending = current.skipToEnd();
            current = null;
        } else if (!preambleRead) {
            ending = skipPreamble();
        } else {
            throw new IllegalStateException("the reader is between parts");
        }
        preambleRead = true;
        if (ending == Ending.CLOSE) {
            closed = true;
            return null;
        }
        Map<String, String> headers = readHeaders();
        parts++;
        current = new PartBody(parts);
        return new Part(parts, headers, current);
    }

    private Ending skipPreamble() throws IOException {
        while (true) {
            int data = dataBeforeDelimiter();
            if (data < 0) {
                throw new MalformedMultipartException("the body holds no boundary line '--"
                        + new String(delimiter, 4, delimiter.length - 4, StandardCharsets.US_ASCII) + "'");
            }
            if (data == 0) {
                return consumeDelimiter();
            }
            start += data;
        }
    }

    /**
     * How many bytes from {@code start} are certainly data of the current part (or preamble): more than 0
     * when there are some; 0 when a delimiter begins at {@code start}; -1 when the stream ended without one.
     * Refills the buffer as needed.
     */
    private int dataBeforeDelimiter() throws IOException {
        while (true) {
            int lastFit = end - delimiter.length;
            int undecided = -1;
            for (int p = start; p <= lastFit; p++) {
                if (buffer[p] != '\r' || !delimiterAt(p)) {
                    continue;
                }
                Ending ending = endingAt(p + delimiter.length);
                if (ending == Ending.NOT_A_DELIMITER) {
                    continue;
                }
                if (ending == Ending.NEED_MORE && !eof) {
                    undecided = p;
                    break;
                }
                return p - start;
            }
            // Bytes from here on may begin a delimiter whose end has not arrived yet.
            int safeEnd = undecided >= 0 ? undecided : Math.max(start, lastFit + 1);
            if (eof) {
                // Nothing more will come: a partial delimiter at the end is data after all.
                return end > start ? end - start : -1;
            }
            if (safeEnd > start) {
                return safeEnd - start;
            }
            fill();
        }
    }

    private boolean delimiterAt(int p) {
        for (int i = 0; i < delimiter.length; i++) {
            if (buffer[p + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    /** What the bytes at {@code q}, right after a boundary, make of it. */
    private Ending endingAt(int q) {
        if (q >= end) {
            return Ending.NEED_MORE;
        }
        if (buffer[q] == '-') {
            if (q + 1 >= end) {
                return Ending.NEED_MORE;
            }
            return buffer[q + 1] == '-' ? Ending.CLOSE : Ending.NOT_A_DELIMITER;
        }
        int r = q;
        while (r < end && (buffer[r] == ' ' || buffer[r] == '\t')) {
            if (++r - q > MAX_PADDING) {
                return Ending.NOT_A_DELIMITER;
            }
        }
        if (r >= end) {
            return Ending.NEED_MORE;
        }
        if (buffer[r] == '\n') {
            return Ending.NEXT_PART;
        }
        if (buffer[r] != '\r') {
            return Ending.NOT_A_DELIMITER;
        }
        if (r + 1 >= end) {
            return Ending.NEED_MORE;
        }
        return buffer[r + 1] == '\n' ? Ending.NEXT_PART : Ending.NOT_A_DELIMITER;
    }

    /** Consumes the delimiter at {@code start} and what ends it; at the end of the stream it closes the body. */
    private Ending consumeDelimiter() throws IOException {
        int q = start + delimiter.length;
        Ending ending = endingAt(q);
        while (ending == Ending.NEED_MORE && !eof) {
            fill();
            q = start + delimiter.length;
            ending = endingAt(q);
        }
        if (ending == Ending.NEED_MORE || ending == Ending.CLOSE) {
            start = Math.min(end, q + 2);
            return Ending.CLOSE;
        }
        int r = q;
        while (buffer[r] != '\n') {
            r++;
        }
        start = r + 1;
        return Ending.NEXT_PART;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String last = null;
        int total = 0;
        while (true) {
            String line = readLine(MAX_HEADER_BYTES - total);
            total += line.length() + 2;
            if (line.isEmpty()) {
                return headers;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + line.strip()); // an obsolete folded line
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("part " + (parts + 1) + " has a header line without a name "
                        + "and ':'");
            }
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(last, line.substring(colon + 1).strip());
        }
    }

    /** One header line without its CRLF (or LF), at most {@code allowed} bytes. */
    private String readLine(int allowed) throws IOException {
        int scanned = start;
        while (true) {
            for (; scanned < end; scanned++) {
                if (buffer[scanned] == '\n') {
                    int lineEnd = scanned > start && buffer[scanned - 1] == '\r' ? scanned - 1 : scanned;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                    start = scanned + 1;
                    return line;
                }
                if (scanned - start >= allowed) {
                    throw new MalformedMultipartException("the headers of part " + (parts + 1) + " are longer than "
                            + MAX_HEADER_BYTES + " bytes");
                }
            }
            if (eof) {
                throw new MalformedMultipartException("the body ends inside the headers of part " + (parts + 1));
            }
            int kept = scanned - start;
            fill();
            scanned = start + kept;
        }
    }

    /** Moves the unread bytes to the front of the buffer and reads more after them. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            throw new IllegalStateException("the multipart buffer is full of undecided bytes");
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    /** The body of the current part: data up to the next delimiter, which it then consumes. */
    private final class PartBody extends InputStream {
        private final int number;
        private Ending ending;

        PartBody(int number) {
            this.number = number;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ending != null || current != this) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int data = dataBeforeDelimiter();
            if (data < 0) {
                throw new MalformedMultipartException("the body ends inside part " + number
                        + ", before its closing boundary");
            }
            if (data == 0) {
                ending = consumeDelimiter();
                return -1;
            }
            int n = Math.min(data, length);
            System.arraycopy(buffer, start, target, offset, n);
            start += n;
            return n;
        }

        @Override
        public int available() {
            return ending == null ? Math.max(0, end - start - delimiter.length) : 0;
        }

        Ending skipToEnd() throws IOException {
            byte[] skipped = new byte[8192];
            while (read(skipped, 0, skipped.length) >= 0) {
                // the caller moved on to the next part
            }
            return ending;
        }
    }
}
