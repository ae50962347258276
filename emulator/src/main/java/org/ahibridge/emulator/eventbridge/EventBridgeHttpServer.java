package org.ahibridge.emulator.eventbridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ahibridge.emulator.http.BoundedBody;
import org.ahibridge.emulator.http.Exchanges;
import org.ahibridge.emulator.http.HttpReply;
import org.ahibridge.emulator.http.JdkHttpServerDefaults;
import org.ahibridge.emulator.http.ServerThreads;

/**
 * A small HTTP front for an {@link EventBridgeEmulator} on 127.0.0.1: {@code POST /} with
 * {@code X-Amz-Target: AWSEvents.*} goes to {@link EventBridgeEmulator#handle}. For tests and for
 * running EventBridge on its own port; the emulator command can mount the handler on its own server
 * instead.
 */
public final class EventBridgeHttpServer implements AutoCloseable {

    /** PutEvents takes up to 10 entries of up to 256 KB each; every other call is small. */
    static final int MAX_BODY_BYTES = 4 << 20;

    private final HttpServer server;
    private final ExecutorService executor;

    private EventBridgeHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code emulator} on 127.0.0.1 and {@code port} (0 picks a free port). */
    public static EventBridgeHttpServer start(EventBridgeEmulator emulator, int port) throws IOException {
        JdkHttpServerDefaults.apply();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = ServerThreads.pool("eventbridge-http");
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(emulator, exchange));
        server.start();
        return new EventBridgeHttpServer(server, executor);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Bodies are read with the bound of the emulator's AHI port ({@link #MAX_BODY_BYTES}); a larger one is
     * answered 413. Failures, Errors included, are answered 500 and the connection closed (see
     * {@link Exchanges}).
     */
    private static void serve(EventBridgeEmulator emulator, HttpExchange exchange) {
        Exchanges.serve(exchange, e -> {
            String length = e.getRequestHeaders().getFirst("Content-Length");
            BoundedBody body = BoundedBody.read(e.getRequestBody(), length == null ? -1 : parseLength(length),
                    MAX_BODY_BYTES);
            if (body.tooLarge()) {
                return HttpReply.json(413, "{\"__type\":\"RequestEntityTooLargeException\",\"message\":"
                        + "\"The request body of " + body.length() + " bytes is larger than the " + MAX_BODY_BYTES
                        + " bytes EventBridge accepts\"}");
            }
            String target = e.getRequestHeaders().getFirst("X-Amz-Target");
            return "POST".equals(e.getRequestMethod()) ? emulator.handle(target, body.bytes())
                    : emulator.handle(null, body.bytes());
        }, "{\"__type\":\"InternalException\",\"message\":\"The emulator failed to handle the request\"}");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
