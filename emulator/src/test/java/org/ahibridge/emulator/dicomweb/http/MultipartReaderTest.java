package org.ahibridge.emulator.dicomweb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {

    private static final String BOUNDARY = "b0undary";

    @Test
    void shouldReadEachPartsHeadersAndBodyIncludingAnEmptyOne() throws IOException {
        String body = "--b0undary\r\nContent-Type: application/dicom\r\nX-Extra:  spaced value \r\n\r\nfirst body"
                + "\r\n--b0undary\r\ncontent-type: application/octet-stream\r\n\r\n"
                + "\r\n--b0undary\r\n\r\nthird\r\n--b0undary--\r\n";

        List<ReadPart> parts = readAll(bytes(body), BOUNDARY);

        assertThat(parts).extracting(ReadPart::body).containsExactly("first body", "", "third");
        assertThat(parts.get(0).headers()).containsEntry("content-type", "application/dicom")
                .containsEntry("x-extra", "spaced value");
        assertThat(parts.get(1).headers()).containsExactly(Map.entry("content-type", "application/octet-stream"));
        assertThat(parts.get(2).headers()).isEmpty();
    }

    @Test
    void shouldIgnoreThePreambleAndTheEpilogue() throws IOException {
        String body = "This is a preamble with --b0undary inside a line\r\nand more\r\n--b0undary\r\n\r\ndata"
                + "\r\n--b0undary--\r\nepilogue --b0undary\r\n\r\nnot a part";

        assertThat(readAll(bytes(body), BOUNDARY)).extracting(ReadPart::body).containsExactly("data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--b0undary at the start of a line of data", "x\r\n--b0undaryX not this boundary",
        "x\r\n--b0undar", "x\r\n--b0undary-single dash", "x\r\n--b0undary \r not a line end", "\r\n\r\n--\r\n--b"})
    void shouldKeepTextThatOnlyResemblesADelimiterAsData(String data) throws IOException {
        String body = "--b0undary\r\n\r\n" + data + "\r\n--b0undary--";

        assertThat(readAll(bytes(body), BOUNDARY)).extracting(ReadPart::body).containsExactly(data);
    }

    @Test
    void shouldAcceptTransportPaddingAfterABoundaryAndBareLineFeeds() throws IOException {
        String body = "--b0undary \t \nContent-Type: application/dicom\n\nA\r\n--b0undary\t\r\n\r\nB\r\n--b0undary--";

        List<ReadPart> parts = readAll(bytes(body), BOUNDARY);

        assertThat(parts).extracting(ReadPart::body).containsExactly("A", "B");
        assertThat(parts.get(0).headers()).containsEntry("content-type", "application/dicom");
    }

    @Test
    void shouldJoinAFoldedHeaderLine() throws IOException {
        String body = "--b0undary\r\nContent-Type: multipart/related;\r\n\ttype=application/dicom\r\n\r\nx"
                + "\r\n--b0undary--";

        assertThat(readAll(bytes(body), BOUNDARY).get(0).headers())
                .containsEntry("content-type", "multipart/related; type=application/dicom");
    }

    @Test
    void shouldSkipWhatIsLeftOfAPartWhenTheNextOneIsAskedFor() throws IOException {
        byte[] large = new byte[300_000];
        new Random(1).nextBytes(large);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(body, BOUNDARY);
        writer.startPart(Map.of()).write(large);
        writer.startPart(Map.of("Content-Type", "text/plain")).write("second".getBytes(StandardCharsets.US_ASCII));
        writer.finish();
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body.toByteArray()), BOUNDARY);

        MultipartReader.Part first = reader.next();
        assertThat(first.body().read(new byte[10])).isEqualTo(10);
        MultipartReader.Part second = reader.next();

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.header("Content-Type")).isEqualTo("text/plain");
        assertThat(new String(second.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
        assertThat(first.body().read()).as("a skipped part reads no more").isEqualTo(-1);
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldFindNoPartInABodyThatIsOnlyTheCloseDelimiter() throws IOException {
        assertThat(readAll(bytes("--b0undary--\r\n"), BOUNDARY)).isEmpty();
    }

    @Test
    void shouldTakeAStreamThatEndsRightAfterADelimiterAsClosed() throws IOException {
        assertThat(readAll(bytes("--b0undary\r\n\r\nonly\r\n--b0undary"), BOUNDARY)).extracting(ReadPart::body)
                .containsExactly("only");
    }

    /**
     * Random bodies full of near-delimiters, written by {@link MultipartWriter} and read back with reads of
     * every size from one byte up, so delimiters, CRLFs and header lines fall across buffer refills.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 4096, 70_000})
    void shouldReadWhatTheWriterWroteWhateverTheReadSizes(int maxChunk) throws IOException {
        Random random = new Random(maxChunk);
        String boundary = MultipartWriter.newBoundary();
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bodies.add(trickyBody(random, boundary, i == 3 ? 0 : random.nextInt(200_000)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MultipartWriter writer = new MultipartWriter(out, boundary);
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/dicom");
            headers.put("Content-ID", "<part" + i + ">");
            try (OutputStream part = writer.startPart(headers)) {
                part.write(bodies.get(i));
            }
        }
        writer.finish();

        List<ReadPart> parts = readAll(new ChunkedStream(out.toByteArray(), maxChunk, random), boundary);

        assertThat(parts).hasSameSizeAs(bodies);
        for (int i = 0; i < bodies.size(); i++) {
            assertThat(parts.get(i).bytes()).as("part %d", i + 1).isEqualTo(bodies.get(i));
            assertThat(parts.get(i).headers()).containsEntry("content-id", "<part" + i + ">");
        }
    }

    @Test
    void shouldRefuseAStreamThatEndsInsideAPart() {
        assertThatThrownBy(() -> readAll(bytes("--b0undary\r\n\r\ncut short"), BOUNDARY))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("the body ends inside part 1, before its closing boundary");
    }

    @Test
    void shouldRefuseABodyWithoutItsBoundary() {
        assertThatThrownBy(() -> readAll(bytes("--other\r\n\r\nx\r\n--other--"), BOUNDARY))
                .isInstanceOf(MalformedMultipartException.class)
                .hasMessage("the body holds no boundary line '--b0undary'");
    }

    @Test
    void shouldRefuseBrokenOrOverlongPartHeaders() {
        assertThatThrownBy(() -> readAll(bytes("--b0undary\r\nno colon here\r\n\r\nx\r\n--b0undary--"), BOUNDARY))
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("part 1 has a header line");
        String huge = "--b0undary\r\nX-Big: " + "y".repeat(MultipartReader.MAX_HEADER_BYTES) + "\r\n\r\nx";
        assertThatThrownBy(() -> readAll(bytes(huge), BOUNDARY)).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("longer than 16384 bytes");
        assertThatThrownBy(() -> readAll(bytes("--b0undary\r\nContent-Type: x"), BOUNDARY))
                .isInstanceOf(MalformedMultipartException.class).hasMessageContaining("inside the headers of part 1");
    }

    @Test
    void shouldRefuseABoundaryRfc2046DoesNotAllow() {
        InputStream empty = new ByteArrayInputStream(new byte[0]);
        assertThatThrownBy(() -> new MultipartReader(empty, "")).hasMessageContaining("1 to 70 characters");
        assertThatThrownBy(() -> new MultipartReader(empty, "x".repeat(71))).hasMessageContaining("1 to 70");
        assertThatThrownBy(() -> new MultipartReader(empty, "a\r\nb")).hasMessageContaining("printable ASCII");
    }

    /**
     * A 512 MiB part passes through the fixed buffer: the bytes come out unchanged, and reading them allocates
     * next to nothing (a reader that collected the part would allocate at least its size).
     */
    @Test
    void shouldStreamAHugePartWithoutHoldingIt() throws Exception {
        long size = 512L << 20;
        String boundary = MultipartWriter.newBoundary();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        drain(new PatternStream(size, boundary), expected);
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        InputStream body = new SequenceOfStreams(bytes("preamble\r\n--" + boundary
                + "\r\nContent-Type: application/dicom\r\n\r\n"), new PatternStream(size, boundary),
                bytes("\r\n--" + boundary + "--\r\n"));

        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        MultipartReader reader = new MultipartReader(body, boundary);
        MultipartReader.Part part = reader.next();
        long read = drain(part.body(), actual);
        MultipartReader.Part after = reader.next();
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;

        assertThat(read).isEqualTo(size);
        assertThat(actual.digest()).isEqualTo(expected.digest());
        assertThat(after).isNull();
        assertThat(allocated).as("bytes allocated while reading a %d-byte part", size).isLessThan(4L << 20);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    record ReadPart(Map<String, String> headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static List<ReadPart> readAll(InputStream in, String boundary) throws IOException {
        MultipartReader reader = new MultipartReader(in, boundary);
        List<ReadPart> parts = new ArrayList<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            parts.add(new ReadPart(part.headers(), part.body().readAllBytes()));
        }
        return parts;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static long drain(InputStream in, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /**
     * Random bytes sprinkled with CRLFs, dashes and near-copies of the delimiter. Each trap is followed by an
     * 'X', so that no two of them (or a trap and the noise before it) make a real delimiter, which a body
     * must not contain.
     */
    private static byte[] trickyBody(Random random, String boundary, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] noise = new byte[64];
        String[] traps = {"\r\n", "\r\n--", "--" + boundary, "\r\n--" + boundary.substring(0, boundary.length() - 1),
            "\r\n--" + boundary + "X", "\r\n--" + boundary + "-", "\r", "\n--" + boundary + "\r",
            "\r\n--" + boundary + " \t "};
        while (out.size() < size) {
            random.nextBytes(noise);
            out.write(noise, 0, random.nextInt(noise.length));
            byte[] trap = (traps[random.nextInt(traps.length)] + "X").getBytes(StandardCharsets.US_ASCII);
            out.write(trap, 0, trap.length);
        }
        return out.toByteArray();
    }

    /** Hands out a byte array in reads of random sizes from 1 to {@code maxChunk}. */
    private static final class ChunkedStream extends InputStream {
        private final byte[] data;
        private final int maxChunk;
        private final Random random;
        private int position;

        ChunkedStream(byte[] data, int maxChunk, Random random) {
            this.data = data;
            this.maxChunk = maxChunk;
            this.random = random;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(maxChunk)), data.length - position);
            System.arraycopy(data, position, target, offset, n);
            position += n;
            return n;
        }
    }

    /**
     * {@code size} bytes of a repeating 8 KiB block that holds near-delimiters of {@code boundary}, made up on
     * the fly into the caller's buffer.
     */
    private static final class PatternStream extends InputStream {
        private final byte[] block;
        private long remaining;
        private int position;

        PatternStream(long size, String boundary) {
            this.remaining = size;
            this.block = trickyBody(new Random(7), boundary, 8192);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, remaining), block.length - position);
            System.arraycopy(block, position, target, offset, n);
            position = (position + n) % block.length;
            remaining -= n;
            return n;
        }
    }

    /** Streams one after the other, without the Vector and Enumeration of SequenceInputStream. */
    private static final class SequenceOfStreams extends InputStream {
        private final InputStream[] streams;
        private int index;

        SequenceOfStreams(InputStream... streams) {
            this.streams = streams;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            while (index < streams.length) {
                int n = streams[index].read(target, offset, length);
                if (n >= 0) {
                    return n;
                }
                index++;
            }
            return -1;
        }
    }
}
