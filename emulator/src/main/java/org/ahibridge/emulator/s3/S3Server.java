package org.ahibridge.emulator.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.emulator.PortInUseException;

/**
 * An S3-compatible server: s3proxy 4.1.0 (jar-with-dependencies) run as a child process, because it
 * bundles unshaded copies of libraries this application also uses. In-memory
 * ({@code transient}) or on disk ({@code filesystem}) under a data directory; no authorization.
 * Bucket names must be DNS-valid (s3proxy rejects names like {@code b1}).
 *
 * <p>The jar is found through the system property {@code ahibridge.s3proxy.jar}, then
 * {@code s3proxy.jar} or {@code emulators/s3proxy.jar} beside the running jar, then
 * {@code target/emulators/s3proxy.jar}.
 */
public final class S3Server implements AutoCloseable {

    public static final String JAR_PROPERTY = "ahibridge.s3proxy.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final Path tempDir;
    private final Path log;
    private final Thread shutdownHook;

    private S3Server(Process process, URI endpoint, Path tempDir, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.tempDir = tempDir;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "s3proxy-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM began to exit while s3proxy was starting: no hook would stop it, so stop it now
            // rather than leave an orphan process behind.
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Starts s3proxy and waits until it answers.
     *
     * @param port    the port, or 0 for a free one
     * @param dataDir where objects are kept (filesystem backend), or null for in-memory
     */
    public static S3Server start(String host, int port, Path dataDir) throws IOException {
        S3Server server = launch(host, port, dataDir);
        server.awaitReady();
        return server;
    }

    /**
     * Starts the s3proxy process without waiting for it, so callers can start other servers
     * meanwhile; {@link #awaitReady()} waits (bounded) until it answers, and closes it on failure.
     */
    public static S3Server launch(String host, int port, Path dataDir) throws IOException {
        Path jar = locateJar();
        if (port != 0) {
            // Another server on the port would answer the readiness check in s3proxy's place.
            requireFree(host, port);
        }
        int actualPort = port == 0 ? freePort(host) : port;
        URI endpoint = URI.create("http://" + host + ":" + actualPort);
        Path work = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("s3proxy");
        List<String> properties = new ArrayList<>(List.of("s3proxy.authorization=none",
                "s3proxy.endpoint=" + endpoint));
        if (dataDir != null) {
            Path base = Files.createDirectories(dataDir.resolve("s3"));
            properties.add("jclouds.provider=filesystem");
            properties.add("jclouds.filesystem.basedir=" + base.toAbsolutePath());
        } else {
            properties.add("jclouds.provider=transient");
        }
        Path config = work.resolve("s3proxy.properties");
        Files.write(config, properties);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and serial GC: s3proxy is a small local server, and this halves its startup time.
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--properties",
                config.toString()).redirectErrorStream(true).redirectOutput(work.resolve("s3proxy.log").toFile())
                .start();
        return new S3Server(process, endpoint, dataDir == null ? work : null, work.resolve("s3proxy.log"));
    }

    /** Throws a message that names the port and what to do when something already listens on it. */
    public static void requireFree(String host, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(host), port));
        } catch (java.net.BindException e) {
            throw new PortInUseException(host, port);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Waits until s3proxy answers HTTP; closes it and throws when it exits or times out. */
    public void awaitReady() throws IOException {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void poll() throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the S3 server (s3proxy) exited with status " + process.exitValue()
                        + " during startup; its log: " + log + lastLine());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(1000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for s3proxy", e);
                }
            }
        }
        throw new IOException("s3proxy did not answer on " + endpoint + " within " + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    /** The last non-blank line of s3proxy's log, as a hint after "; ", or nothing. */
    private String lastLine() {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).map(l -> "; last line: " + l.strip())
                    .orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    static Path locateJar() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        // `java -jar x.jar` puts the jar alone on the class path; ship s3proxy in emulators/ beside it.
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path parent = entry.isEmpty() ? null : Path.of(entry).toAbsolutePath().getParent();
            if (parent != null) {
                candidates.add(parent.resolve("s3proxy.jar"));
                candidates.add(parent.resolve("emulators").resolve("s3proxy.jar"));
            }
        }
        candidates.add(Path.of("target", "emulators", "s3proxy.jar"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("s3proxy.jar not found (looked at " + candidates + "); build with `mvn package`, "
                + "or set -D" + JAR_PROPERTY + "=PATH");
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (tempDir != null) {
            try (var files = Files.walk(tempDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

}
