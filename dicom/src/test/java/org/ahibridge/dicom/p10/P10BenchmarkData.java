package org.ahibridge.dicom.p10;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ahibridge.dicom.testing.DcmtkCorpus;

/**
 * Realistic benchmark files: N copies of the corpus's 512x512 16-bit CT slice (dcmtk {@code dump2dcm})
 * with distinct SOP Instance UIDs patched in place, and one 200-frame 512x512 16-bit multi-frame object
 * (100 MiB of pixel data) written by {@code dump2dcm}. Files are kept between runs.
 */
final class P10BenchmarkData {

    private P10BenchmarkData() {
    }

    static List<Path> ctSlices(Path dir, int copies) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ct"));
        byte[] base = Files.readAllBytes(DcmtkCorpus.ctSlice());
        String uid = "2.25.743300000000000000000001.3";
        List<Integer> at = occurrences(base, uid.getBytes(StandardCharsets.US_ASCII));
        List<Path> files = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            Path file = folder.resolve(String.format("ct-%05d.dcm", i));
            if (!Files.exists(file) || Files.size(file) != base.length) {
                // Same length as the original, so no length field changes: "2.25.1" then digits.
                String distinct = "2.25.1" + String.format("%0" + (uid.length() - 6) + "d", i);
                byte[] copy = base.clone();
                for (int offset : at) {
                    System.arraycopy(distinct.getBytes(StandardCharsets.US_ASCII), 0, copy, offset, uid.length());
                }
                Files.write(file, copy);
            }
            files.add(file);
        }
        return files;
    }

    static Path multiFrame(Path dir, int frames) throws IOException, InterruptedException {
        Path target = dir.resolve("mf-" + frames + ".dcm");
        if (Files.exists(target)) {
            return target;
        }
        Path raw = dir.resolve("mf.raw");
        byte[] frame = new byte[512 * 512 * 2];
        try (OutputStream out = Files.newOutputStream(raw)) {
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < frame.length; i += 2) {
                    frame[i] = (byte) (i + f);
                    frame[i + 1] = (byte) ((i >>> 9) & 0x0F);
                }
                out.write(frame);
            }
        }
        Path dump = dir.resolve("mf.dump");
        Files.writeString(dump, """
                (0002,0010) UI =LittleEndianExplicit
                (0008,0016) UI [1.2.840.10008.5.1.4.1.1.2.1]
                (0008,0018) UI [2.25.99000000000000000000000001]
                (0008,0020) DA [20240105]
                (0008,0060) CS [CT]
                (0010,0020) LO [BENCH-PID]
                (0020,000d) UI [2.25.99000000000000000000000002]
                (0020,000e) UI [2.25.99000000000000000000000003]
                (0020,0011) IS [1]
                (0028,0002) US 1
                (0028,0004) CS [MONOCHROME2]
                (0028,0008) IS [%d]
                (0028,0010) US 512
                (0028,0011) US 512
                (0028,0100) US 16
                (0028,0101) US 12
                (0028,0102) US 11
                (0028,0103) US 0
                (7fe0,0010) OW =mf.raw
                """.formatted(frames));
        Process process = new ProcessBuilder("dump2dcm", "mf.dump", target.getFileName().toString())
                .directory(dir.toFile()).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("dump2dcm failed for the multi-frame object");
        }
        Files.delete(raw);
        return target;
    }

    private static List<Integer> occurrences(byte[] haystack, byte[] needle) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + needle.length <= Math.min(haystack.length, 8192); i++) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                found.add(i);
            }
        }
        return found;
    }
}
