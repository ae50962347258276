package org.ahibridge.emulator.dicomweb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.ahibridge.emulator.ahi.AhiError;

/**
 * The parts of a STOW-RS body, each in a file of its own, so the body is read off the connection at the speed
 * the client sends it, within the request timeout, and stored afterwards however long storing takes (transcoding
 * a gigabyte of frames takes minutes). A part of another type than application/dicom is not kept, only noted.
 * The files are deleted once read ({@link #delete}), and whatever is left when this closes.
 */
final class SpooledParts implements Iterable<SpooledParts.Part>, AutoCloseable {

    /** One part: its number (from 1), and its file, or why it is not kept. */
    record Part(int number, Path file, String refusal) {
    }

    private final Path directory;
    private final List<Part> parts = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];

    /** @param directory where the files go; null for the system's temporary folder */
    SpooledParts(Path directory) {
        this.directory = directory;
    }

    /**
     * Reads one part to its end into a file. An IOException is the client's (the body broke off, or is
     * malformed); failing to write the file is the emulator's, answered 500.
     */
    void add(int number, String refusal, InputStream body) throws IOException {
        if (refusal != null) {
            body.transferTo(OutputStream.nullOutputStream());
            parts.add(new Part(number, null, refusal));
            return;
        }
        Path file = newFile();
        parts.add(new Part(number, file, null));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), buffer.length)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                write(out, n);
            }
            write(out, -1);
        } catch (SpoolFailure e) {
            throw AhiError.internal("The emulator cannot spool the request body: " + e.getCause().getMessage());
        }
    }

    int size() {
        return parts.size();
    }

    @Override
    public Iterator<Part> iterator() {
        return List.copyOf(parts).iterator();
    }

    /** Deletes a part's file once it has been read. */
    void delete(Part part) throws IOException {
        if (part.file() != null) {
            Files.deleteIfExists(part.file());
        }
    }

    @Override
    public void close() {
        for (Part part : parts) {
            try {
                delete(part);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** Writes {@code n} bytes of the buffer, or flushes for -1. */
    private void write(OutputStream out, int n) throws SpoolFailure {
        try {
            if (n < 0) {
                out.flush();
            } else {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new SpoolFailure(e);
        }
    }

    private Path newFile() {
        try {
            return directory == null ? Files.createTempFile("ahi-stow", ".dcm")
                    : Files.createTempFile(directory, "ahi-stow", ".dcm");
        } catch (IOException e) {
            throw AhiError.internal("The emulator cannot create a spool file: " + e.getMessage());
        }
    }

    /** Writing the spool file failed: the emulator's fault, unlike a failure to read the body. */
    private static final class SpoolFailure extends IOException {
        SpoolFailure(IOException cause) {
            super(cause);
        }
    }
}
