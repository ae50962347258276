package org.ahibridge.emulator.ahi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.emulator.http.HttpReply;

/**
 * The HTTP front of the emulator on the JDK's {@code com.sun.net.httpserver}: AHI REST routes,
 * the emulated EventBridge (any POST with {@code X-Amz-Target: AWSEvents.*}), and the admin endpoints
 * under {@code /_emulator/}. Errors become rest-json error responses (AHI.md §2.2): the status, the
 * header {@code x-amzn-ErrorType} and the body {@code {"__type":...,"message":...}}.
 */
public final class AhiHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AhiHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AhiRoutes routes;
    private final AhiRoutes admin;
    private final BiFunction<String, byte[], HttpReply> eventBridge;
    private final java.util.function.Consumer<String> beforeOperation;

    /**
     * @param eventBridge     handler for {@code AWSEvents.*} targets, or null when EventBridge is not served
     * @param beforeOperation called with the operation name before each AHI call (fault injection); may throw AhiError
     */
    public AhiHttpServer(String host, int port, AhiRoutes routes, AhiRoutes admin,
            BiFunction<String, byte[], HttpReply> eventBridge, java.util.function.Consumer<String> beforeOperation)
            throws IOException {
        this.routes = routes;
        this.admin = admin;
        this.eventBridge = eventBridge;
        this.beforeOperation = beforeOperation;
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (java.net.BindException e) {
            throw new org.ahibridge.emulator.PortInUseException(host, port);
        }
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "ahi-emulator-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        HttpReply reply;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            reply = dispatch(exchange, body);
        } catch (AhiError e) {
            reply = error(e);
        } catch (RuntimeException e) {
            LOG.warn("emulator error in {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            reply = error(AhiError.internal("Internal error: " + e.getClass().getSimpleName()));
        }
        send(exchange, reply);
    }

    private HttpReply dispatch(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith("AWSEvents.") && method.equals("POST")) {
            if (eventBridge == null) {
                throw new AhiError(400, "UnknownOperationException", "EventBridge is not served by this emulator");
            }
            return eventBridge.apply(target, body);
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        boolean isAdmin = rawPath.startsWith("/_emulator/");
        AhiRoutes.Match match = (isAdmin ? admin : routes).match(method, rawPath);
        if (match == null) {
            throw new AhiError(404, "UnknownOperationException", "No operation at " + method + " " + rawPath);
        }
        if (match.operation() == null) {
            throw new AhiError(405, "UnknownOperationException", "Method " + method + " is not allowed on " + rawPath);
        }
        AhiRequest request = new AhiRequest(match.operation(), match.path(),
                query(exchange.getRequestURI().getRawQuery()), headers(exchange), body);
        if (!isAdmin) {
            beforeOperation.accept(match.operation());
        }
        return match.handler().handle(request);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
    }

    static HttpReply error(AhiError e) {
        String body = Json.object().put("__type", e.type()).put("message", e.getMessage()).toString();
        return new HttpReply(e.status(), Map.of("Content-Type", "application/json", "x-amzn-ErrorType", e.type()),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        byte[] body = reply.body() == null ? new byte[0] : reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
