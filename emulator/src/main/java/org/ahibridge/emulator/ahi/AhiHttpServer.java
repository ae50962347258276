package org.ahibridge.emulator.ahi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.emulator.http.BoundedBody;
import org.ahibridge.emulator.http.Exchanges;
import org.ahibridge.emulator.http.HttpReply;
import org.ahibridge.emulator.http.JdkHttpServerDefaults;
import org.ahibridge.emulator.http.RequestParts;
import org.ahibridge.emulator.http.RouteTable;
import org.ahibridge.emulator.http.ServerThreads;

/**
 * The HTTP front of the emulator on the JDK's {@code com.sun.net.httpserver}: AHI REST routes,
 * the emulated EventBridge (any POST with {@code X-Amz-Target: AWSEvents.*}), and the admin endpoints
 * under {@code /_emulator/}. Errors become rest-json error responses (docs/aws-healthimaging.md §2.2): the status, the
 * header {@code x-amzn-ErrorType} and the body {@code {"__type":...,"message":...}}.
 *
 * <p>No client can exhaust it or leave it stuck: bodies are read with the bound of their operation
 * ({@link RequestBodyLimits}; a larger body is read to its end and dropped, then answered 413), the
 * request timeout of {@link JdkHttpServerDefaults} drops clients that stop sending, the thread pool
 * ({@link ServerThreads}) grows past any handful of stalled clients, and anything a handler throws,
 * Errors included, is answered 500 and the connection closed ({@link Exchanges}).
 */
public final class AhiHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AhiHttpServer.class);
    private static final String INTERNAL_ERROR_BODY = "{\"__type\":\"InternalServerException\","
            + "\"message\":\"The emulator failed to handle the request\"}";

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
        JdkHttpServerDefaults.apply();
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (java.net.BindException e) {
            throw new org.ahibridge.emulator.PortInUseException(host, port);
        }
        this.executor = ServerThreads.pool("ahi-emulator-http");
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

    private void exchange(HttpExchange exchange) {
        Exchanges.serve(exchange, this::reply, INTERNAL_ERROR_BODY);
    }

    /**
     * Routes on the method, path and {@code X-Amz-Target} before reading the body, so the body is read
     * with the bound of the operation it is for; a larger one is refused with 413.
     */
    private HttpReply reply(HttpExchange exchange) throws IOException {
        Route route = route(exchange);
        BoundedBody body = BoundedBody.read(exchange.getRequestBody(), RequestParts.declaredLength(exchange),
                route.maxBodyBytes());
        try {
            if (route.failure() != null) {
                throw route.failure();
            }
            if (body.tooLarge()) {
                throw new AhiError(413, "RequestEntityTooLargeException", "The request body of " + body.length()
                        + " bytes is larger than the " + route.maxBodyBytes() + " bytes "
                        + (route.operation() == null ? "this endpoint" : route.operation()) + " accepts");
            }
            return route.handler().apply(body.bytes());
        } catch (AhiError e) {
            return error(e);
        } catch (RuntimeException e) {
            LOG.warn("emulator error in {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            return error(AhiError.internal("Internal error: " + e.getClass().getSimpleName()));
        }
    }

    /** What a request is for: a handler of its body and the body's bound, or the error to answer. */
    private record Route(String operation, int maxBodyBytes, Function<byte[], HttpReply> handler,
            AhiError failure) {

        static Route failing(AhiError failure) {
            return new Route(null, RequestBodyLimits.DEFAULT_BYTES, null, failure);
        }
    }

    private Route route(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith("AWSEvents.") && method.equals("POST")) {
            if (eventBridge == null) {
                return Route.failing(new AhiError(400, "UnknownOperationException",
                        "EventBridge is not served by this emulator"));
            }
            return new Route(target, RequestBodyLimits.EVENT_BRIDGE_BYTES, body -> eventBridge.apply(target, body),
                    null);
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        boolean isAdmin = rawPath.startsWith("/_emulator/");
        RouteTable.Match<AhiRoutes.Handler> match;
        Map<String, List<String>> query;
        try {
            match = (isAdmin ? admin : routes).match(method, rawPath);
            query = RequestParts.query(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            return Route.failing(AhiError.validation("The path or query string is not correctly URL-encoded"));
        }
        if (match == null) {
            return Route.failing(new AhiError(404, "UnknownOperationException", "No operation at " + method + " "
                    + rawPath));
        }
        if (match.operation() == null) {
            return Route.failing(new AhiError(405, "UnknownOperationException", "Method " + method
                    + " is not allowed on " + rawPath));
        }
        Map<String, String> headers = RequestParts.headers(exchange);
        return new Route(match.operation(), isAdmin ? RequestBodyLimits.DEFAULT_BYTES
                : RequestBodyLimits.of(match.operation()), body -> {
                    if (!isAdmin) {
                        beforeOperation.accept(match.operation());
                    }
                    return match.handler().handle(new AhiRequest(match.operation(), match.path(), query,
                            headers, body));
                }, null);
    }

    static HttpReply error(AhiError e) {
        String body = Json.object().put("__type", e.type()).put("message", e.getMessage()).toString();
        return new HttpReply(e.status(), Map.of("Content-Type", "application/json", "x-amzn-ErrorType", e.type()),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
