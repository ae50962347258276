package org.ahibridge.dicom.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;

/**
 * The real files the codec tests run over: the {@link DcmtkCorpus} (when dcmtk is installed) and the
 * test files that ship with pydicom (when the Debian package is installed). Neither is committed.
 */
public final class CorpusFiles {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private CorpusFiles() {
    }

    /** Every corpus file present on this machine; empty when neither source is installed. */
    public static List<Path> all() {
        List<Path> files = new ArrayList<>();
        if (DcmtkCorpus.available()) {
            DcmtkCorpus.items().forEach(item -> files.add(item.file()));
        }
        for (String folder : List.of("test_files", "charset_files")) {
            Path dir = PYDICOM.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> listing = Files.list(dir)) {
                    listing.filter(p -> p.toString().endsWith(".dcm")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** A short label for test names: the dcmtk corpus name, or pydicom/&lt;file&gt;. */
    public static String label(Path file) {
        return file.startsWith(PYDICOM) ? "pydicom/" + file.getFileName() : file.getFileName().toString();
    }

    /** True for files made by dcmtk for this project, which must be flawless. */
    public static boolean fromDcmtkCorpus(Path file) {
        return !file.startsWith(PYDICOM);
    }

    public static DicomFile read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return DicomReader.read(in, ReadOptions.full().withKnownSize(Files.size(file)));
        }
    }
}
