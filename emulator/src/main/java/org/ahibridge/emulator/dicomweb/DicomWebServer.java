package org.ahibridge.emulator.dicomweb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.emulator.PortInUseException;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.http.Exchanges;
import org.ahibridge.emulator.http.JdkHttpServerDefaults;
import org.ahibridge.emulator.http.RequestParts;
import org.ahibridge.emulator.http.RouteTable;
import org.ahibridge.emulator.http.ServerThreads;

/**
 * The DICOMweb endpoint of the emulated AHI, on a port of its own as AWS serves it on a host of its own
 * ({@code dicom-medical-imaging.<region>.amazonaws.com}, docs/aws-healthimaging.md §10), on the JDK's
 * {@code com.sun.net.httpserver} like the AHI port: the same growing thread pool, request and response
 * timeouts ({@link JdkHttpServerDefaults}), and any failure answered 500 with the connection closed
 * ({@link Exchanges}). Unlike the AHI port, replies stream (an instance of gigabytes is never held) and
 * STOW-RS reads its body as a stream.
 *
 * <p>Signatures are not checked: a SigV4 {@code Authorization} header, or none, is accepted, as on the AHI
 * port. Errors are answered as the AHI port answers them: status, {@code x-amzn-ErrorType} and
 * {@code {"__type":...,"message":...}} (AWS documents no error body for DICOMweb).
 */
public final class DicomWebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DicomWebServer.class);
    private static final String INTERNAL_ERROR_BODY = "{\"__type\":\"InternalServerException\","
            + "\"message\":\"The emulator failed to handle the request\"}";
    /** A Host header that is safe to put into the URLs a reply hands out. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    private final HttpServer server;
    private final ExecutorService executor;
    private final DicomWebRoutes routes;
    private final Consumer<String> beforeOperation;

    /**
     * @param beforeOperation called with the operation name before each call (fault injection); may throw
     *                        {@link AhiError}
     */
    DicomWebServer(String host, int port, DicomWebRoutes routes, Consumer<String> beforeOperation)
            throws IOException {
        this.routes = routes;
        this.beforeOperation = beforeOperation;
        JdkHttpServerDefaults.apply();
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (java.net.BindException e) {
            throw new PortInUseException(host, port);
        }
        this.executor = ServerThreads.pool("ahi-emulator-dicomweb");
        server.setExecutor(executor);
        server.createContext("/", exchange -> Exchanges.serveStreamed(exchange, this::respond, INTERNAL_ERROR_BODY));
        server.start();
    }

    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    private void respond(HttpExchange exchange) throws IOException {
        DicomWebReply reply;
        try {
            reply = reply(exchange);
        } catch (AhiError e) {
            reply = DicomWebReply.error(e.status(), e.type(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("DICOMweb error in {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            reply = DicomWebReply.error(500, "InternalServerException", "Internal error: "
                    + e.getClass().getSimpleName());
        }
        send(exchange, reply);
    }

    private DicomWebReply reply(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        RouteTable.Match<DicomWebRoutes.Handler> match;
        Map<String, List<String>> query;
        try {
            match = routes.match(method, rawPath);
            query = RequestParts.query(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            throw AhiError.validation("The path or query string is not correctly URL-encoded");
        }
        if (match == null) {
            throw new AhiError(404, "UnknownOperationException", "No DICOMweb operation at " + method + " " + rawPath
                    + " (docs/emulator.md lists them)");
        }
        if (match.operation() == null) {
            throw new AhiError(405, "UnknownOperationException", "Method " + method + " is not allowed on " + rawPath);
        }
        beforeOperation.accept(match.operation());
        return match.handler().handle(new DicomWebRequest(match.operation(), match.path(),
                query, RequestParts.headers(exchange), exchange.getRequestBody(),
                RequestParts.declaredLength(exchange), baseUrl(exchange)));
    }

    private static void send(HttpExchange exchange, DicomWebReply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        // The JDK server's length argument: -1 for no body, 0 for a chunked one.
        long length = reply.length() == 0 ? -1 : reply.length() < 0 ? 0 : reply.length();
        exchange.sendResponseHeaders(reply.status(), length);
        if (length == -1) {
            return;
        }
        try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
            reply.body().writeTo(out);
        }
    }

    /** The scheme, host and port the client used (its Host header), for URLs in replies; else this server's. */
    private String baseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host != null && HOST.matcher(host).matches() ? "http://" + host : endpoint().toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
