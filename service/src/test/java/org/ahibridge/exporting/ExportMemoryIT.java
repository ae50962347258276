package org.ahibridge.exporting;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.dicom.testing.ExternalTool;

/**
 * Memory stays flat (issue 5, benchmark point): a 1,000-frame instance (65.5 MB of pixel data) is
 * exported by the {@code export} command in a child JVM whose heap ({@value #HEAP}) is smaller than
 * the instance, so it can only succeed by streaming frames through the bounded window.
 */
class ExportMemoryIT {

    static final String HEAP = "-Xmx64m";
    static final int FRAMES = 1000;
    static final int ROWS = 256;
    static final int COLUMNS = 128;

    @TempDir
    Path temp;
    @RegisterExtension
    final EmulatedAhi ahi = new EmulatedAhi();

    @Test
    @Requires(Dcmtk.class)
    void shouldExportAThousandFrameInstanceWithAHeapSmallerThanTheInstance() throws Exception {
        byte[] source = thousandFrames();
        assertThat((long) source.length).isGreaterThan(64_000_000L);
        {
            ahi.importFiles(Map.of("big.dcm", source));
            Path config = ahi.config(temp, "read");
            Path out = temp.resolve("out");

            Process child = new ProcessBuilder(javaCommand(config, out)).redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).as(output).isZero();
            List<String> lines = output.lines().toList();
            JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            assertThat(summary.at("/outcomes/EXPORTED").asInt()).as(output).isEqualTo(1);
            assertThat(summary.get("frames").asInt()).isEqualTo(FRAMES);
            Path file = ExportRoundTripIT.exported(out).get(0);
            assertThat(ExternalTool.run("dcmftest", file.toString()).stdout()).startsWith("yes:");
            DicomFile exported = CorpusFiles.read(file);
            // Stored (and so exported) as HTJ2K: frames 1, 334, 667 and 1000 decoded by opj_decompress, the rest
            // by the project's decoder.
            ExportedPixels.assertSamePixels(exported, temp.resolve("big-source.dcm"), 333);
        }
    }

    private static List<String> javaCommand(Path config, Path out) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.ahibridge.AhiBridge",
                "export", "--datastore", "test", "--destination", "file:" + out, "--once", "--config", config.toString(),
                "--concurrency", "2", "--frame-window", "8"));
        return command;
    }

    /** The corpus MR as 1,000 frames of 256 x 128 x 16 bits with a pattern that differs per frame. */
    private byte[] thousandFrames() throws IOException {
        DicomFile mr = CorpusFiles.read(DcmtkCorpus.multiFrame());
        Attributes data = mr.dataset().copy();
        data.remove(0x52009230); // per-frame functional groups describe 24 frames, not 1,000
        data.setInts(Tags.ROWS, VR.US, ROWS);
        data.setInts(Tags.COLUMNS, VR.US, COLUMNS);
        data.setString(0x00280008, VR.IS, Integer.toString(FRAMES));
        data.setString(Tags.SOP_INSTANCE_UID, VR.UI, "2.25.777000.1");
        byte[] pixels = new byte[FRAMES * ROWS * COLUMNS * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int frame = i / (ROWS * COLUMNS * 2);
            pixels[i] = (byte) (i / 2 + frame);
            pixels[i + 1] = (byte) (frame & 0x0F);
        }
        data.setBytes(Tags.PIXEL_DATA, VR.OW, pixels);
        Attributes meta = mr.fileMeta().copy();
        meta.remove(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length + 65536);
        DicomWriter.write(out, meta, data, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.write(temp.resolve("big-source.dcm"), out.toByteArray());
        return out.toByteArray();
    }
}
