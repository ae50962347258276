package org.ahibridge.storage.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.ahibridge.storage.S3Connection;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An s3proxy child process (docs/platform.md §5 (a)) with the in-memory {@code transient} backend and no
 * authorization, on a free loopback port. Started from {@code target/emulators/s3proxy.jar}, which the
 * build copies there; {@link #available()} tells tests to skip when it is missing.
 */
public final class S3Proxy implements AutoCloseable {

    private static final Path JAR = Path.of("target/emulators/s3proxy.jar");

    private final Process process;
    private final URI endpoint;

    private S3Proxy(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static boolean available() {
        return Files.isRegularFile(JAR);
    }

    public static S3Proxy start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("s3proxy");
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.authorization=none",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "jclouds.provider=transient",
                "jclouds.identity=local",
                "jclouds.credential=local", ""));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3Proxy proxy = new S3Proxy(process, endpoint);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || answers(endpoint));
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IOException("s3proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
        }
        return proxy;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Connection connection() {
        return new S3Connection("us-east-1", endpoint, true);
    }

    /** A client with dummy credentials (s3proxy runs without authorization). */
    public S3Client client() {
        return org.ahibridge.storage.S3Clients.create(connection(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    public S3Client createBucket(String bucket) {
        S3Client client = client();
        client.createBucket(b -> b.bucket(bucket));
        return client;
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
