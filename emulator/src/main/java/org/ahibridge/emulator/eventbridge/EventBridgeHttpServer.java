package org.ahibridge.emulator.eventbridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ahibridge.emulator.http.HttpReply;

/**
 * A small HTTP front for an {@link EventBridgeEmulator} on 127.0.0.1: {@code POST /} with
 * {@code X-Amz-Target: AWSEvents.*} goes to {@link EventBridgeEmulator#handle}. For tests and for
 * running EventBridge on its own port; the emulator command can mount the handler on its own server
 * instead.
 */
public final class EventBridgeHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private EventBridgeHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code emulator} on 127.0.0.1 and {@code port} (0 picks a free port). */
    public static EventBridgeHttpServer start(EventBridgeEmulator emulator, int port) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call.
        // The JDK reads this once, when the first HttpServer of the JVM is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "eventbridge-http");
            thread.setDaemon(true);
            return thread;
        });
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

    private static void serve(EventBridgeEmulator emulator, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            HttpReply reply = "POST".equals(exchange.getRequestMethod())
                    ? emulator.handle(target, body)
                    : emulator.handle(null, body);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }
}
