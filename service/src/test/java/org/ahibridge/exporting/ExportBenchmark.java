package org.ahibridge.exporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.GuardedBlobStore;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageRegistration;

/**
 * Export benchmark (BENCHMARKS.md, "Export pipeline"): on the emulated stack, {@code INSTANCES} copies of
 * the 24-frame corpus MR are imported once, then exported RUNS times with the default settings
 * (concurrent frame fetches) and with the sequential baseline, alternating, to fresh folders. Then the
 * memory check: a 250-frame and a 1,000-frame instance (256x128x16 bits) each exported by the command
 * in a child JVM with a 40 MB heap, whose GC log gives the peak heap and the live heap after GC. Not a test: run {@code bench/export-benchmark.sh}.
 */
public final class ExportBenchmark {

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createTempDirectory("export-bench");
        try (EmulatedAhi ahi = EmulatedAhi.startedNow()) {
            DicomFile mr = CorpusFiles.read(DcmtkCorpus.multiFrame());
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < instances; i++) {
                files.put("mr-" + i + ".dcm", copy(mr, "2.25.555000." + (i + 1), null, 0));
            }
            if (instances > 0) {
                ahi.importFiles(files);
            }
            System.out.printf("%d instances x 24 frames of 256x256x16 bits (%.1f MB of P10) imported%n", instances,
                    files.values().stream().mapToLong(b -> b.length).sum() / 1e6);
            List<double[]> concurrent = new ArrayList<>();
            List<double[]> sequential = new ArrayList<>();
            for (int run = 1; run <= runs && instances > 0; run++) {
                sequential.add(measure(ahi, work.resolve("seq-" + run), ExportSettings.sequential(), "sequential", run));
                concurrent.add(measure(ahi, work.resolve("par-" + run), ExportSettings.DEFAULT, "concurrent", run));
            }
            if (instances > 0) {
                summary("sequential (1 instance, 1 frame at a time)", sequential);
                summary("concurrent (4 instances, 16 frame threads, window 8)", concurrent);
            }
            for (int frames : new int[] {250, 1000}) {
                memory(ahi, work, mr, frames);
            }
        }
    }

    private static double[] measure(EmulatedAhi ahi, Path folder, ExportSettings settings, String label, int run)
            throws IOException {
        StorageRegistration registration = new StorageRegistration("bench", new StorageLocation(StorageProvider.FILE,
                null, folder.toString()), AccessMode.WRITE, null, true);
        ExportTarget target = new ExportTarget(new GuardedBlobStore(new FileBlobStore(folder), registration), "bench",
                "", PathTemplate.defaultTemplate(), OverwritePolicy.ALWAYS, "bench", ahi.datastoreId);
        try (JsonLinesAuditSink audit = new JsonLinesAuditSink(folder.resolveSibling(folder.getFileName() + "-audit"))) {
            long start = System.nanoTime();
            ExportReport report = new Exporter(ahi.reader(settings.pacing()), target, settings, audit, Clock.systemUTC())
                    .run(ExportSelection.all(), "bench-" + label + "-" + run);
            double seconds = (System.nanoTime() - start) / 1e9;
            int exported = report.counts().get(Outcome.EXPORTED);
            if (exported != report.outcomes().size()) {
                throw new IllegalStateException(label + ": " + report.counts());
            }
            double[] result = {exported / seconds, report.frames() / seconds, report.bytes() / seconds / 1e6};
            System.out.printf(Locale.ROOT, "run %d %-10s %4d instances %5d frames in %6.2f s: %6.1f instances/s %7.1f"
                    + " frames/s %6.1f MB/s%n", run, label, exported, report.frames(), seconds, result[0], result[1],
                    result[2]);
            return result;
        }
    }

    private static void summary(String label, List<double[]> runs) {
        System.out.printf(Locale.ROOT, "%s: median %.1f instances/s (%.1f-%.1f), %.1f frames/s (%.1f-%.1f)%n", label,
                median(runs, 0), min(runs, 0), max(runs, 0), median(runs, 1), min(runs, 1), max(runs, 1));
    }

    private static void memory(EmulatedAhi ahi, Path work, DicomFile mr, int frames) throws Exception {
        byte[] big = copy(mr, "2.25.556000." + frames, "2.25.556000." + frames + ".1", frames);
        ahi.importFiles(Map.of("big-" + frames + ".dcm", big));
        Path config = ahi.config(work, "read");
        Path out = work.resolve("memory-" + frames);
        String series = "2.25.556000." + frames + ".1";
        Path gcLog = work.resolve("gc-" + frames + ".log");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ExportMemoryIT.HEAP, "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"),
                "org.ahibridge.AhiBridge", "export", "--datastore", "test", "--destination", "file:" + out, "--once",
                "--config", config.toString(), "--series-uid", series).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        child.waitFor(600, TimeUnit.SECONDS);
        List<String> lines = output.lines().toList();
        if (child.exitValue() != 0) {
            System.out.println(output);
        }
        int peak = 0;
        int live = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\(").matcher(Files.readString(gcLog));
        while (m.find()) {
            peak = Math.max(peak, Integer.parseInt(m.group(1)));
            live = Math.max(live, Integer.parseInt(m.group(2)));
        }
        System.out.printf(Locale.ROOT, "memory: %d-frame instance (%.1f MB) exported by the command with %s in %.1f s,"
                + " exit %d, peak heap %d MB, max live heap after GC %d MB: %s%n", frames, big.length / 1e6,
                ExportMemoryIT.HEAP, (System.nanoTime() - start) / 1e9, child.exitValue(), peak, live,
                lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }

    /** The MR with a new SOP Instance UID (and series), and {@code frames} frames of 256x128 when not 0. */
    private static byte[] copy(DicomFile mr, String sop, String series, int frames) throws IOException {
        Attributes data = mr.dataset().copy();
        data.setString(Tags.SOP_INSTANCE_UID, VR.UI, sop);
        if (series != null) {
            data.setString(Tags.SERIES_INSTANCE_UID, VR.UI, series);
        }
        if (frames > 0) {
            data.remove(0x52009230);
            data.setString(0x00280008, VR.IS, Integer.toString(frames));
            data.setInts(Tags.ROWS, VR.US, 256);
            data.setInts(Tags.COLUMNS, VR.US, 128);
            byte[] pixels = new byte[frames * 256 * 128 * 2];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (i * 31 + i / 65536);
            }
            data.setBytes(Tags.PIXEL_DATA, VR.OW, pixels);
        }
        Attributes meta = mr.fileMeta().copy();
        meta.remove(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, meta, data, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out.toByteArray();
    }

    private static double median(List<double[]> runs, int i) {
        List<Double> values = new ArrayList<>(runs.stream().map(r -> r[i]).sorted().toList());
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static double min(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).min().orElse(0);
    }

    private static double max(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).max().orElse(0);
    }
}
