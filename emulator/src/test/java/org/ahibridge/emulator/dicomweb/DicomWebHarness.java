package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiEvents;
import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.ahi.fault.TokenBucket;
import org.ahibridge.emulator.ahi.imports.ImportSpool;
import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.eventbridge.AwsEvent;

/**
 * The DICOMweb endpoint over an in-memory AHI state, without the S3 and SQS servers a whole emulator starts:
 * what the behaviour tests need, in a fraction of the time. Events the operations send are kept in
 * {@link #events}. A small body limit lets a test reach STOW-RS's 413 without a gigabyte.
 */
final class DicomWebHarness implements AutoCloseable {

    final AhiContext context;
    final List<AwsEvent> events = new CopyOnWriteArrayList<>();
    private final DicomWebServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private DicomWebHarness(long maxStoreBytes, Path spool) throws IOException {
        AhiSettings settings = AhiSettings.defaults();
        context = new AhiContext(settings, AhiStore.inMemory(), new AhiEvents(events::add, settings),
                new FaultInjector(42), System::currentTimeMillis, new TokenBucket(1, 2));
        server = new DicomWebServer("127.0.0.1", 0, DicomWebApi.routes(context, new ImportSpool(8 * 1024, spool),
                maxStoreBytes), operation -> context.faults().before(operation));
    }

    static DicomWebHarness start(Path spool) throws IOException {
        return new DicomWebHarness(StoreHandler.MAX_BODY_BYTES, spool);
    }

    static DicomWebHarness withStoreLimit(long maxStoreBytes, Path spool) throws IOException {
        return new DicomWebHarness(maxStoreBytes, spool);
    }

    /** A new ACTIVE data store; {@code losslessStorageFormat} null for AWS's default, HTJ2K. */
    String datastore(String losslessStorageFormat) {
        String id = Ids.newId();
        long now = System.currentTimeMillis();
        context.store().put(new Datastore(id, "dicomweb-test", Datastore.ACTIVE, null, null, losslessStorageFormat,
                now, now, null, Map.of()));
        return id;
    }

    URI endpoint() {
        return server.endpoint();
    }

    HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(endpoint() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
        context.store().close();
    }
}
