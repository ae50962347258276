package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.FileMetaInformation;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.emulator.junit.EmulatorClients;

/**
 * A STOW-RS body of a gigabyte's class does not grow the emulator's heap: the built standalone emulator, in a JVM
 * of its own with a heap far smaller than the body ({@value #HEAP}), takes a {@value #PARTS}-part body of
 * {@value #BODY_MIB} MiB and stores every part, and then serves the last frame back byte for byte. The body is
 * made up on the fly, so the test's heap holds none of it either; the parts are JPEG baseline, which AWS and the
 * emulator store as they come, so the test measures the emulator's streaming, not an encoder. The frames go to
 * {@code --data-dir}, as a user storing gigabytes would have them (an in-memory store keeps 256 MiB of frames in
 * the heap before it spills).
 */
class DicomWebUnderLoadIT {

    private static final String HEAP = "-Xmx96m";
    private static final int PARTS = 6;
    private static final int FRAMES_PER_PART = 24;
    private static final int FRAME_BYTES = 4 << 20;
    private static final int BODY_MIB = PARTS * FRAMES_PER_PART * (FRAME_BYTES >> 20);
    private static final String BOUNDARY = "under-load-boundary";
    private static final String STUDY = "2.25.77000";
    private static final String SERIES = "2.25.77000.1";

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void requireTheStandaloneEmulator() {
        Assumptions.assumeTrue(EmulatorProcess.available(), "the standalone emulator is built by `mvn package`");
    }

    @Test
    void shouldStoreABodyFarLargerThanItsHeapAndServeItBack() throws Exception {
        List<String> jvm = List.of(HEAP, "-Xlog:gc:file=" + dataDir.resolve("gc.log"));
        try (EmulatorProcess emulator = EmulatorProcess.start(jvm, List.of("--data-dir",
                dataDir.resolve("state").toString()));
                MedicalImagingClient ahi = EmulatorClients.medicalImaging(emulator.endpoints())) {
            String datastore = EmulatorClients.createActiveDatastore(ahi, "under-load");
            URI studies = URI.create(emulator.endpoints().dicomWeb() + "/datastore/" + datastore + "/studies");
            StowBody body = new StowBody();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();

            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(studies).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new StowBody()), body.length())).build(), HttpResponse.BodyHandlers.ofString());
            long storedMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode stored = EmulatorClients.json(response.body());
            assertThat(stored.at("/00081199/Value")).hasSize(PARTS);
            assertThat(emulator.isAlive()).isTrue();
            assertThat(emulator.output()).noneMatch(line -> line.contains("OutOfMemoryError"));

            // The last frame of the last part, as stored: the very bytes that were sent.
            HttpResponse<byte[]> frame = http.send(HttpRequest.newBuilder(URI.create(studies + "/" + STUDY + "/series/"
                    + SERIES + "/instances/" + sop(PARTS - 1) + "/frames/" + FRAMES_PER_PART))
                    .header("Accept", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")
                    .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(frame.statusCode()).isEqualTo(200);
            assertThat(sha256(onlyPart(frame))).isEqualTo(sha256(frame(PARTS - 1, FRAMES_PER_PART - 1)));
            long healthMillis = timed(() -> ahi.listDatastores(b -> { }));
            assertThat(healthMillis).isLessThan(1000);
            System.out.printf("STOW-RS of %d MiB in %d parts on %s: stored in %d ms, at most %s live after a "
                    + "collection; health check then %d ms%n", BODY_MIB, PARTS, HEAP, storedMillis,
                    largestLiveHeap(dataDir.resolve("gc.log")), healthMillis);
        }
    }

    // ---- the body ------------------------------------------------------------------------------------

    private static String sop(int part) {
        return SERIES + "." + (part + 1);
    }

    /** Part 10 of one part, up to and including its empty Basic Offset Table item. */
    private static byte[] header(int part) {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tags.SOP_INSTANCE_UID, VR.UI, sop(part));
        dataset.setString(Tags.PATIENT_ID, VR.LO, "UNDER-LOAD");
        dataset.setString(Tags.STUDY_INSTANCE_UID, VR.UI, STUDY);
        dataset.setString(Tags.SERIES_INSTANCE_UID, VR.UI, SERIES);
        dataset.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1);
        dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
        dataset.setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(FRAMES_PER_PART));
        dataset.setInts(Tags.ROWS, VR.US, 2048);
        dataset.setInts(Tags.COLUMNS, VR.US, 2048);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 8);
        dataset.setInts(Tags.BITS_STORED, VR.US, 8);
        dataset.setInts(Tags.HIGH_BIT, VR.US, 7);
        dataset.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter writer = new DicomWriter(out, TransferSyntax.JPEG_BASELINE);
            writer.writeHeader(FileMetaInformation.of(dataset, TransferSyntax.JPEG_BASELINE));
            writer.writeDataset(dataset);
            writer.startEncapsulatedPixelData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Frame {@code index} of part {@code part}: bytes of a seeded generator, the same whenever asked. */
    private static byte[] frame(int part, int index) {
        byte[] frame = new byte[FRAME_BYTES];
        new Random(part * 1000L + index).nextBytes(frame);
        return frame;
    }

    /**
     * The multipart body, made one piece at a time as it is read: per part its delimiter, Part 10 header, each
     * frame as a fragment item, the sequence delimiter; then the close delimiter. At most one frame is held.
     */
    private static final class StowBody extends InputStream {
        private int part;
        private int frame = -1;
        private byte[] piece = new byte[0];
        private int position;
        private boolean done;

        long length() {
            long partBytes = ("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").length()
                    + header(0).length
                    + (long) FRAMES_PER_PART * (8 + FRAME_BYTES) + 8 + 2;
            return PARTS * partBytes + ("--" + BOUNDARY + "--\r\n").length();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            while (position == piece.length) {
                if (done) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, piece.length - position);
            System.arraycopy(piece, position, target, offset, n);
            position += n;
            return n;
        }

        private void next() {
            position = 0;
            if (part == PARTS) {
                piece = ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
                done = true;
            } else if (frame < 0) {
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                head.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                head.writeBytes(header(part));
                piece = head.toByteArray();
                frame = 0;
            } else if (frame < FRAMES_PER_PART) {
                byte[] data = frame(part, frame++);
                piece = new byte[8 + data.length];
                piece[0] = (byte) 0xFE;
                piece[1] = (byte) 0xFF;
                piece[2] = 0x00;
                piece[3] = (byte) 0xE0;
                piece[4] = (byte) data.length;
                piece[5] = (byte) (data.length >>> 8);
                piece[6] = (byte) (data.length >>> 16);
                piece[7] = (byte) (data.length >>> 24);
                System.arraycopy(data, 0, piece, 8, data.length);
            } else {
                // The sequence delimiter of Pixel Data, then the CRLF before the next delimiter.
                piece = new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0, '\r', '\n'};
                part++;
                frame = -1;
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** The body of the only part of a multipart reply (its boundary from the Content-Type). */
    private static byte[] onlyPart(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)").matcher(type);
        assertThat(boundary.find()).isTrue();
        byte[] body = response.body();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n") + 4;
        int end = text.indexOf("\r\n--" + boundary.group(1) + "--");
        return java.util.Arrays.copyOfRange(body, start, end);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * The largest heap occupancy after a young or full collection in a unified GC log ({@code Pause Young ...
     * 120M->40M(160M)}: 40), about what the emulator really held, for the record.
     */
    private static String largestLiveHeap(Path gcLog) throws IOException {
        Matcher matcher = Pattern.compile("Pause (?:Young|Full).*? \\d+M->(\\d+)M\\(\\d+M\\)")
                .matcher(Files.readString(gcLog));
        List<Integer> after = new ArrayList<>();
        while (matcher.find()) {
            after.add(Integer.parseInt(matcher.group(1)));
        }
        return after.isEmpty() ? "unknown" : after.stream().max(Integer::compare).orElseThrow() + " MiB";
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
