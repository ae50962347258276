package org.ahibridge.dicom.p10;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;

/**
 * The P10 classifier benchmark (a command, not a test; run by {@code bench/p10-benchmark.sh}).
 * Over the same files in the same run it times: the classifier; a full parse with {@link DicomReader}
 * (pixel data included) as baseline; and dcmtk's {@code dcmdump}, one process per batch of files.
 * Reports files/s and bytesRead/size for each, median and range over the runs, as a Markdown table.
 *
 * <p>Arguments: {@code DIR [COPIES] [RUNS] [FRAMES]} (defaults: 2000 CT slices, 5 runs, 200 frames).
 */
public final class P10ClassifierBenchmark {

    private static final int DCMDUMP_BATCH = 200;
    private static final int MULTIFRAME_REPEATS = 20;

    private P10ClassifierBenchmark() {
    }

    /** One timed pass: files per second and the fraction of the bytes read (-1 when not measured). */
    record Pass(double filesPerSecond, double readFraction) {
    }

    interface Method {
        Pass run(List<Path> files) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/p10-bench"));
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int frames = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        List<Path> slices = P10BenchmarkData.ctSlices(dir, copies);
        Path multiFrame = P10BenchmarkData.multiFrame(dir, frames);
        List<Path> multi = Collections.nCopies(MULTIFRAME_REPEATS, multiFrame);
        P10Classifier classifier = new P10Classifier();
        check(classifier, slices.get(0), multiFrame);

        List<String> names = List.of("classifier", "full parse (DicomReader)", "dcmtk dcmdump");
        List<Method> methods = List.of(files -> classify(classifier, files), P10ClassifierBenchmark::fullParse,
                P10ClassifierBenchmark::dcmdump);
        System.out.printf(Locale.ROOT, "%d CT slices of %d bytes; multi-frame %d frames, %d bytes (x%d per pass);"
                + " %d runs%n%n", copies, Files.size(slices.get(0)), frames, Files.size(multiFrame), MULTIFRAME_REPEATS,
                runs);
        System.out.println("| files | method | files/s median | files/s min-max | bytesRead/size median |");
        System.out.println("|---|---|---|---|---|");
        for (List<Path> set : List.of(slices, multi)) {
            String label = set == slices ? "CT 512x512x16" : "multi-frame " + frames + "x512x512x16";
            for (Method method : methods) {
                method.run(set.subList(0, Math.min(set.size(), 100))); // warm-up (JIT, page cache)
            }
            List<List<Pass>> results = new ArrayList<>();
            methods.forEach(m -> results.add(new ArrayList<>()));
            for (int run = 0; run < runs; run++) {
                for (int m = 0; m < methods.size(); m++) {
                    int index = (m + run) % methods.size(); // rotate the order between runs
                    results.get(index).add(methods.get(index).run(set));
                }
            }
            for (int m = 0; m < methods.size(); m++) {
                System.out.println(row(label, names.get(m), results.get(m)));
            }
        }
    }

    private static void check(P10Classifier classifier, Path slice, Path multiFrame) throws IOException {
        for (Path file : List.of(slice, multiFrame)) {
            P10Verdict verdict = classifier.classify(file);
            if (!verdict.compliant()) {
                throw new IllegalStateException(file + " is not compliant: " + verdict.message());
            }
        }
    }

    static Pass classify(P10Classifier classifier, List<Path> files) throws IOException {
        long read = 0;
        long size = 0;
        long start = System.nanoTime();
        for (Path file : files) {
            P10Verdict verdict = classifier.classify(file);
            read += verdict.bytesRead();
            size += verdict.size();
        }
        return new Pass(files.size() / seconds(start), (double) read / size);
    }

    static Pass fullParse(List<Path> files) throws IOException {
        long read = 0;
        long size = 0;
        long start = System.nanoTime();
        for (Path file : files) {
            long length = Files.size(file);
            try (InputStream raw = Files.newInputStream(file)) {
                CountingInputStream counting = new CountingInputStream(raw);
                DicomReader.read(new BufferedInputStream(counting, 65536), ReadOptions.full().withKnownSize(length));
                read += counting.count();
                size += length;
            }
        }
        return new Pass(files.size() / seconds(start), (double) read / size);
    }

    static Pass dcmdump(List<Path> files) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int from = 0; from < files.size(); from += DCMDUMP_BATCH) {
            List<String> command = new ArrayList<>(List.of("dcmdump", "-q"));
            files.subList(from, Math.min(files.size(), from + DCMDUMP_BATCH)).forEach(f -> command.add(f.toString()));
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("dcmdump failed");
            }
        }
        return new Pass(files.size() / seconds(start), -1);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String row(String label, String name, List<Pass> passes) {
        List<Double> rates = passes.stream().map(Pass::filesPerSecond).sorted().toList();
        List<Double> fractions = passes.stream().map(Pass::readFraction).sorted().toList();
        double fraction = fractions.get(fractions.size() / 2);
        return String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f-%.0f | %s |", label, name,
                rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1),
                fraction < 0 ? "n/a (own process)" : String.format(Locale.ROOT, "%.4f%%", 100 * fraction));
    }
}
