package org.ahibridge.dicom.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private temporary folder for one tool run, deleted with everything in it when closed. */
final class ScratchDirectory implements AutoCloseable {

    private final Path path;

    ScratchDirectory(String prefix) throws CodecException {
        try {
            this.path = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new CodecException("cannot create a temporary folder for the codec: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    byte[] read(String name) throws CodecException {
        try {
            return Files.readAllBytes(path.resolve(name));
        } catch (IOException e) {
            throw new CodecException("the codec wrote no " + name + ": " + e.getMessage(), e);
        }
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(java.io.OutputStream out) throws IOException, CodecException;
    }

    /** Writes a file through a buffer, so that its content need not exist in memory first. */
    void write(String name, Content content) throws CodecException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path.resolve(name)),
                1 << 16)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new CodecException("cannot write the codec's input: " + e.getMessage(), e);
        }
    }

    void write(String name, byte[] bytes) throws CodecException {
        try {
            Files.write(path.resolve(name), bytes);
        } catch (IOException e) {
            throw new CodecException("cannot write the codec's input: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file is not worth failing a frame for; the system's temp cleaner takes it.
        }
    }
}
