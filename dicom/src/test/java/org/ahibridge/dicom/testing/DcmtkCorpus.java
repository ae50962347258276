package org.ahibridge.dicom.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A corpus of real DICOM files written by dcmtk, generated once per build into
 * {@code target/test-corpus}: three base objects (a 512x512 16-bit CT slice with a sequence and private
 * elements, a 24-frame 16-bit MR, an 8-bit RGB secondary capture) built with {@code dump2dcm}, each
 * converted with {@code dcmconv}, {@code dcmcrle}, {@code dcmcjpeg} and {@code dcmcjpls} into every
 * transfer syntax dcmtk 3.6 writes that fits it; a JPEG wrapped by {@code img2dcm}; and a DICOMDIR by
 * {@code dcmmkdir}. No third-party files are committed; tests skip when dcmtk is missing
 * ({@link #available()}).
 */
public final class DcmtkCorpus {

    /** One generated file and the syntax dcmtk wrote it in. */
    public record Item(Path file, String transferSyntaxUid, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final Path ROOT = Path.of("target", "test-corpus");
    private static List<Item> items;

    private DcmtkCorpus() {
    }

    /** True when the dcmtk tools the corpus needs are installed. */
    public static boolean available() {
        for (String tool : List.of("dump2dcm", "dcmconv", "dcmcrle", "dcmcjpeg", "dcmcjpls", "img2dcm",
                "dcmj2pnm", "dcmmkdir")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                return false;
            }
        }
        return true;
    }

    /** Every image file of the corpus (the DICOMDIR is separate: {@link #dicomdir()}). */
    public static synchronized List<Item> items() {
        if (items == null) {
            items = generate();
        }
        return items;
    }

    /** The 512x512 16-bit CT slice in explicit VR little endian (about 513 KiB). */
    public static Path ctSlice() {
        return items().get(0).file();
    }

    /** The 24-frame 256x256 16-bit MR in explicit VR little endian (about 3 MiB). */
    public static Path multiFrame() {
        return items().stream().filter(i -> i.description().equals("mr-multiframe explicit-le")).findFirst()
                .orElseThrow().file();
    }

    /** A DICOMDIR (Media Storage Directory) made by dcmmkdir over one CT file. */
    public static Path dicomdir() {
        items();
        return ROOT.resolve("dicomdir").resolve("DICOMDIR");
    }

    private static List<Item> generate() {
        try {
            Path dir = Files.createDirectories(ROOT);
            // The module's tests run in two JVMs at once (forkCount in the parent POM): the one that comes second
            // waits for the first to finish the files, then finds them made.
            try (FileChannel lock = FileChannel.open(ROOT.resolveSibling("test-corpus.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                return generate(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Item> generate(Path dir) {
        try {
            List<Item> result = new ArrayList<>();
            Path ct = base(dir, "ct", BaseObject.CT);
            Path mr = base(dir, "mr-multiframe", BaseObject.MR_MULTIFRAME);
            Path sc = base(dir, "sc-rgb", BaseObject.SC_RGB);
            result.add(new Item(ct, "1.2.840.10008.1.2.1", "ct explicit-le"));
            result.add(new Item(mr, "1.2.840.10008.1.2.1", "mr-multiframe explicit-le"));
            result.add(new Item(sc, "1.2.840.10008.1.2.1", "sc-rgb explicit-le"));
            for (Path source : List.of(ct, mr, sc)) {
                String name = source.getFileName().toString().replace(".dcm", "");
                result.add(convert(dir, source, name, "implicit-le", "1.2.840.10008.1.2", "dcmconv", "+ti"));
                result.add(convert(dir, source, name, "explicit-be", "1.2.840.10008.1.2.2", "dcmconv", "+tb"));
                result.add(convert(dir, source, name, "deflated", "1.2.840.10008.1.2.1.99", "dcmconv", "+td"));
                result.add(convert(dir, source, name, "rle", "1.2.840.10008.1.2.5", "dcmcrle"));
                result.add(convert(dir, source, name, "jpeg-lossless", "1.2.840.10008.1.2.4.57", "dcmcjpeg", "+el"));
                result.add(convert(dir, source, name, "jpeg-lossless-sv1", "1.2.840.10008.1.2.4.70", "dcmcjpeg", "+e1"));
                result.add(convert(dir, source, name, "jpeg-ls-lossless", "1.2.840.10008.1.2.4.80", "dcmcjpls", "+el"));
                result.add(convert(dir, source, name, "jpeg-ls-near", "1.2.840.10008.1.2.4.81", "dcmcjpls", "+en"));
            }
            result.add(convert(dir, ct, "ct", "jpeg-extended", "1.2.840.10008.1.2.4.51", "dcmcjpeg", "+ee"));
            result.add(convert(dir, sc, "sc-rgb", "jpeg-baseline", "1.2.840.10008.1.2.4.50", "dcmcjpeg", "+eb"));
            result.add(wrappedJpeg(dir, sc));
            makeDicomdir(dir, ct);
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path base(Path dir, String name, BaseObject object) throws IOException {
        Path target = dir.resolve(name + ".dcm");
        if (Files.exists(target)) {
            return target;
        }
        Path raw = dir.resolve(name + ".raw");
        try (OutputStream out = Files.newOutputStream(raw)) {
            object.writePixels(out);
        }
        Path dump = dir.resolve(name + ".dump");
        Files.writeString(dump, object.dump(raw.getFileName().toString()));
        run(dir, "dump2dcm", dump.getFileName().toString(), target.getFileName().toString());
        return target;
    }

    private static Item convert(Path dir, Path source, String name, String label, String syntax, String tool,
            String... options) throws IOException {
        Path target = dir.resolve(name + "-" + label + ".dcm");
        if (!Files.exists(target)) {
            List<String> command = new ArrayList<>(List.of(tool));
            command.addAll(List.of(options));
            command.add(source.getFileName().toString());
            command.add(target.getFileName().toString());
            run(dir, command.toArray(String[]::new));
        }
        return new Item(target, syntax, name + " " + label);
    }

    /** img2dcm wraps a JPEG without recompressing it: JPEG baseline from a non-dcmtk-written source path. */
    private static Item wrappedJpeg(Path dir, Path sc) throws IOException {
        Path target = dir.resolve("sc-img2dcm-jpeg.dcm");
        if (!Files.exists(target)) {
            run(dir, "dcmj2pnm", "+oj", sc.getFileName().toString(), "sc.jpg");
            run(dir, "img2dcm", "-i", "JPEG", "sc.jpg", target.getFileName().toString());
        }
        return new Item(target, "1.2.840.10008.1.2.4.50", "img2dcm jpeg-baseline");
    }

    private static void makeDicomdir(Path dir, Path ct) throws IOException {
        Path media = Files.createDirectories(dir.resolve("dicomdir"));
        if (Files.exists(media.resolve("DICOMDIR"))) {
            return;
        }
        Files.copy(ct, media.resolve("IMG00001"));
        run(media, "dcmmkdir", "+D", "DICOMDIR", "IMG00001");
    }

    private static void run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
