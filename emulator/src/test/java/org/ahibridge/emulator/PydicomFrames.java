package org.ahibridge.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.testing.ExternalTool;

/**
 * The frames of a file as pydicom decodes them (Debian's {@code /usr/bin/python3} with
 * {@code python3-pydicom}): a reference independent of the project's reader and frame cutting. The
 * script {@code pydicom-frames.py} (a test resource) says what it writes.
 */
final class PydicomFrames {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private PydicomFrames() {
    }

    /** True when pydicom and its test files are installed. */
    static boolean available() {
        return Files.isExecutable(PYTHON) && Files.isDirectory(TEST_FILES);
    }

    static String missing() {
        return "pydicom is not installed (Debian package python3-pydicom)";
    }

    /** Packed frames (Bits Allocated 1, YBR_FULL_422): each frame's bytes as a native frame holds them. */
    static List<byte[]> packed(Path file, int frames) throws IOException {
        byte[] all = run(file);
        int size = all.length / frames;
        List<byte[]> result = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            result.add(java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size));
        }
        return result;
    }

    /** Every frame's samples, component by component, as pydicom's pixel array has them. */
    static List<int[][]> samples(Path file, FrameLayout layout, int frames) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(run(file)).order(ByteOrder.LITTLE_ENDIAN);
        int pixels = layout.rows() * layout.columns();
        List<int[][]> result = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            int[][] planes = new int[layout.samplesPerPixel()][pixels];
            for (int[] plane : planes) {
                for (int i = 0; i < pixels; i++) {
                    plane[i] = buffer.getInt();
                }
            }
            result.add(planes);
        }
        return result;
    }

    private static byte[] run(Path file) throws IOException {
        Path dir = Files.createTempDirectory("pydicom-frames");
        try {
            Path script = dir.resolve("pydicom-frames.py");
            try (InputStream in = PydicomFrames.class.getResourceAsStream("/pydicom-frames.py")) {
                Files.copy(in, script);
            }
            Path out = dir.resolve("frames.raw");
            ExternalTool.Result result = ExternalTool.run(PYTHON.toString(), script.toString(), file.toString(),
                    out.toString());
            if (result.exitCode() != 0) {
                throw new IOException("pydicom could not decode " + file + ": " + result.stderr());
            }
            return Files.readAllBytes(out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
