package org.ahibridge.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JSON-lines file that only ever holds whole lines, also when a write fails half-way (a full disk) or the
 * process dies in the middle of one, and also with several processes appending to it:
 *
 * <ul>
 * <li>Every line is appended under an exclusive lock on the file, at its end, in one write call where the
 * OS allows (looped until complete), so two appenders never interleave.
 * <li>A write that fails cuts the file back to where the line began (truncate), so no part of it stays.
 * <li>A line cut by a crash (the file does not end in a newline) is removed by the next append, under the lock,
 * before it writes: the next record is never glued to a fragment. The fragment's record is lost from the file;
 * the ledger still holds its outcome, and {@link AuditCompletion} writes the line again.
 * </ul>
 */
final class JsonLinesFile implements AutoCloseable {

    /**
     * File locks are held per process, and a second lock on one file from the same JVM throws
     * (OverlappingFileLockException): appenders in this JVM take turns on a monitor per file first.
     */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path path;
    private final FileChannel channel;
    /** Where this process's last line ended: when the file still ends there, it ends in a newline. */
    private long endOfOurLast = -1;
    /** Torn fragments this file had when an append found them (crash of an earlier writer). */
    private int fragmentsRemoved;

    JsonLinesFile(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    Path path() {
        return path;
    }

    int fragmentsRemoved() {
        return fragmentsRemoved;
    }

    /** Appends one complete line ({@code line} ends with '\n'), or leaves the file as it was and throws. */
    void append(byte[] line) throws IOException {
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new IllegalArgumentException("a JSON line ends with a newline");
        }
        synchronized (IN_PROCESS.computeIfAbsent(path.toAbsolutePath().normalize(), p -> new Object())) {
            appendLocked(line);
        }
    }

    private void appendLocked(byte[] line) throws IOException {
        try (FileLock lock = channel.lock()) {
            long start = channel.size();
            if (start != endOfOurLast) {
                start = cutTornEnd(start);
            }
            ByteBuffer bytes = ByteBuffer.wrap(line);
            try {
                long at = start;
                while (bytes.hasRemaining()) {
                    at += channel.write(bytes, at);
                }
            } catch (IOException e) {
                undo(start, e);
                throw e;
            }
            endOfOurLast = start + line.length;
        }
    }

    /** Removes a last line without its newline; returns the file's new end. */
    private long cutTornEnd(long size) throws IOException {
        if (size == 0 || lastByte(size) == '\n') {
            return size;
        }
        long end = size;
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        while (end > 0) {
            long from = Math.max(0, end - chunk.capacity());
            chunk.clear().limit((int) (end - from));
            channel.read(chunk, from);
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return truncate(from + i + 1);
                }
            }
            end = from;
        }
        return truncate(0);
    }

    private long truncate(long to) throws IOException {
        channel.truncate(to);
        fragmentsRemoved++;
        return to;
    }

    private byte lastByte(long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    private void undo(long start, IOException cause) {
        try {
            channel.truncate(start);
        } catch (IOException undoFailed) {
            // The next append cuts the fragment off (cutTornEnd), before it writes anything.
            cause.addSuppressed(undoFailed);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
