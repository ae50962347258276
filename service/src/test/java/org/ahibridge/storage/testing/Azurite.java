package org.ahibridge.storage.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ahibridge.storage.AzureConnection;
import org.ahibridge.storage.azure.AzureClients;
import org.ahibridge.storage.azure.AzureStores;
import org.ahibridge.storage.azure.AzureTuning;

import com.azure.storage.blob.BlobServiceClient;

/**
 * An Azurite blob service child process (docs/platform.md §7) on a free loopback port, storing under a
 * temporary folder that {@link #close()} deletes. {@code bash .ci/run} installs {@code azurite@3.35.0}
 * (the last release that runs on Node 20) into {@code .ci/azurite}; {@code AZURITE_BLOB} may name
 * another {@code azurite-blob} executable. Missing, the test is skipped with how to install it, or
 * fails when {@code AHIBRIDGE_REQUIRE_AZURITE=true} (set by {@code .ci/run}).
 */
public final class Azurite implements AutoCloseable {

    /** Azurite's single account and its published development key (not a secret). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Path LOCAL_INSTALL = Path.of(".ci/azurite/node_modules/.bin/azurite-blob");
    static final String MISSING = "Azurite is not installed (npm install --prefix .ci/azurite azurite@3.35.0 in the"
            + " project folder, or bash .ci/run; or set AZURITE_BLOB to an azurite-blob executable)";

    private final Process process;
    private final Path location;
    private final URI endpoint;

    private Azurite(Process process, Path location, URI endpoint) {
        this.process = process;
        this.location = location;
        this.endpoint = endpoint;
    }

    public static Azurite start() throws IOException {
        Path executable = executable();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path location = Files.createTempDirectory("azurite");
        Path log = Files.createTempFile("azurite", ".log");
        Process process = new ProcessBuilder(List.of(executable.toString(), "--location", location.toString(),
                "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port), "--skipApiVersionCheck",
                "--disableTelemetry"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT);
        Azurite azurite = new Azurite(process, location, endpoint);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || answers(endpoint));
        } catch (RuntimeException e) {
            azurite.close();
            throw e;
        }
        if (!process.isAlive()) {
            azurite.close();
            throw new IOException("azurite-blob exited: " + Files.readString(log));
        }
        return azurite;
    }

    private static Path executable() {
        Optional<Path> installed = installed();
        if (installed.isPresent()) {
            return installed.get();
        }
        // A machine with only a JDK and Maven skips the Azure tests, as it skips the dcmtk ones; CI sets
        // AHIBRIDGE_REQUIRE_AZURITE so that a broken install fails there instead of skipping unnoticed.
        if (required()) {
            throw new IllegalStateException(MISSING);
        }
        org.junit.jupiter.api.Assumptions.abort(MISSING);
        throw new AssertionError("unreachable");
    }

    /** The {@code azurite-blob} executable: {@code AZURITE_BLOB}, the project's install, or one on the PATH. */
    static Optional<Path> installed() {
        String configured = System.getenv("AZURITE_BLOB");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Files.isExecutable(LOCAL_INSTALL)) {
            return Optional.of(LOCAL_INSTALL.toAbsolutePath());
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "azurite-blob");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** True where Azurite must be there (CI): its tests fail instead of skipping. */
    static boolean required() {
        return Boolean.parseBoolean(System.getenv("AHIBRIDGE_REQUIRE_AZURITE"));
    }

    /** The blob endpoint, with the account as its first path segment (Azurite's path-style URLs). */
    public URI endpoint() {
        return endpoint;
    }

    public AzureConnection connection() {
        return new AzureConnection(ACCOUNT, endpoint);
    }

    /** The credential settings {@link AzureClients} reads, as the environment would hold them. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
                + endpoint + ";";
    }

    public Map<String, String> settings() {
        return Map.of("AZURE_STORAGE_CONNECTION_STRING", connectionString());
    }

    /** A service client with the development key, retrying each request at most twice. */
    public BlobServiceClient client() {
        return AzureClients.create(connection(), new AzureTuning(AzureTuning.DEFAULT.blockSize(),
                AzureTuning.DEFAULT.readBlockSize(),
                AzureTuning.DEFAULT.smallReadLimit(), 2), settings()::get);
    }

    /** Stores whose every connection goes to this Azurite, whatever account endpoint it names. */
    public AzureStores stores(AzureTuning tuning) {
        BlobServiceClient client = client();
        return new AzureStores(connection -> client, tuning);
    }

    /** Creates a container (the bucket of an {@code azure-blob://devstoreaccount1/<container>/} URI). */
    public void createContainer(String container) {
        client().createBlobContainer(container);
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
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(location)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
