package org.ahibridge.ledger.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * zonky's PostgreSQL binaries for a JVM that runs as root, which {@code initdb} and {@code postgres} refuse,
 * where zonky's own way around that, a user namespace ({@code unshare -U}), is not allowed (as in a Docker
 * container with the default seccomp profile).
 * The real binaries are unpacked into the working directory; zonky is handed an archive of two scripts in
 * their place, {@code initdb} and {@code pg_ctl}, that run the real ones as user {@code nobody} (uid 65534)
 * through util-linux's {@code setpriv}. {@code pg_ctl} starts {@code postgres} from its own folder, so the
 * server runs as {@code nobody} too, in a data directory that user owns.
 */
final class RootlessPostgresBinaries implements PgBinaryResolver {

    private static final int NOBODY = 65534;
    private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private final Path workingDirectory;

    RootlessPostgresBinaries(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Root, and no user namespace for zonky to run PostgreSQL in. */
    static boolean needed() {
        return runningAsRoot() && !io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable();
    }

    private static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // not Linux: zonky runs the binaries as they are
        }
    }

    /** A fresh, empty data directory owned by {@code nobody}; zonky deletes it when the server stops. */
    Path dataDirectory() throws IOException {
        Path data = Files.createTempDirectory(workingDirectory, "data-");
        Files.setAttribute(data, "unix:uid", NOBODY);
        Files.setAttribute(data, "unix:gid", NOBODY);
        return data;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IOException("PostgreSQL does not run as root, and setpriv"
                        + " (util-linux) is missing to run it as nobody"));
        Path real;
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            if (archive == null) {
                throw new IOException("no PostgreSQL binaries for " + system + " " + machineHardware);
            }
            real = unpacked(archive.readAllBytes(), system + "-" + machineHardware);
        }
        return new ByteArrayInputStream(wrappers(setpriv, real.resolve("bin")));
    }

    /** The real binaries, unpacked once per machine: a second JVM finds them, or loses the race harmlessly. */
    private Path unpacked(byte[] archive, String platform) throws IOException {
        Path target = workingDirectory.resolve("rootless-" + platform + "-" + Integer.toHexString(
                java.util.Arrays.hashCode(archive)));
        if (Files.isDirectory(target)) {
            return target;
        }
        Path partial = Files.createTempDirectory(workingDirectory, "unpacking-");
        // A temporary folder is private to root; nobody must reach the binaries inside.
        Files.setPosixFilePermissions(partial, EXECUTABLE);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path file = partial.resolve(entry.getName()).normalize();
                if (!file.startsWith(partial)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file);
                    if ((entry.getMode() & 0111) != 0) {
                        Files.setPosixFilePermissions(file, EXECUTABLE);
                    }
                }
            }
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            delete(partial);
        }
        return target;
    }

    /** A tar.xz with {@code bin/initdb} and {@code bin/pg_ctl}: scripts that run the real ones as nobody. */
    private static byte[] wrappers(Path setpriv, Path realBin) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options()))) {
            for (String tool : new String[] {"initdb", "pg_ctl"}) {
                byte[] script = ("#!/bin/sh\n"
                        + "# PostgreSQL refuses to run as root: run it as nobody (ahi-bridge tests).\n"
                        + "exec " + setpriv + " --reuid=" + NOBODY + " --regid=" + NOBODY + " --clear-groups -- '"
                        + realBin.resolve(tool) + "' \"$@\"\n").getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("bin/" + tool);
                entry.setSize(script.length);
                entry.setMode(0755);
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                tar.write(script);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL binaries run as nobody from " + workingDirectory + File.separator;
    }
}
