package org.ahibridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy for tests that answers a seeded share of requests with an S3 server error
 * ({@code 503 SlowDown} or {@code 500 InternalError}, the XML error body of the S3 API reference "Error
 * responses") and forwards every other request unchanged to the target: method, path and query, headers
 * (Content-Length, Range, ETag, ...) and streamed bodies. The target must not check signatures (s3proxy
 * with {@code authorization=none}), since the Host header changes.
 */
public final class FaultyHttpProxy implements AutoCloseable {

    // Headers the JDK client sets itself or refuses; the rest pass through.
    private static final Set<String> HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "date");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Random random;
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private volatile int percent;
    private int burst;

    private FaultyHttpProxy(URI target, long seed) throws IOException {
        this.target = target;
        this.random = new Random(seed);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** Starts a proxy to {@code target} (scheme, host and port only) on an ephemeral loopback port. */
    public static FaultyHttpProxy start(URI target, long seed) throws IOException {
        return new FaultyHttpProxy(target, seed);
    }

    /** Answers this share of the following requests (0-100) with a server error. */
    public FaultyHttpProxy failPercent(int newPercent) {
        this.percent = newPercent;
        return this;
    }

    /** Answers the next {@code count} requests with {@code 500 InternalError}, more than the SDK retries. */
    public synchronized FaultyHttpProxy failNext(int count) {
        this.burst = count;
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int forwarded() {
        return forwarded.get();
    }

    public int faulted() {
        return faulted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int fault = nextFault();
            if (fault != 0) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                faulted.incrementAndGet();
                String code = fault == 503 ? "SlowDown" : "InternalError";
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                        + "</Code><Message>injected by FaultyHttpProxy</Message><RequestId>fault</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(fault, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
                if (!"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseBody().write(body);
                }
                return;
            }
            forward(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized int nextFault() {
        if (burst > 0) {
            burst--;
            return 500;
        }
        int draw = random.nextInt(100);
        if (draw >= percent) {
            return 0;
        }
        return random.nextBoolean() ? 503 : 500;
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        forwarded.incrementAndGet();
        URI incoming = exchange.getRequestURI();
        URI uri = URI.create(target.getScheme() + "://" + target.getRawAuthority() + incoming.getRawPath()
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        InputStream in = exchange.getRequestBody();
        HttpRequest.BodyPublisher body = length == null || Long.parseLong(length) == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> in),
                        Long.parseLong(length));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(exchange.getRequestMethod(), body);
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!HOP.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(v -> request.header(header.getKey(), v));
            }
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.headers().map().forEach((name, values) -> {
            if (!HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-2);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (head) {
            // HEAD keeps the object's Content-Length (HeadObject reads the size from it) and sends no body.
            response.headers().firstValue("Content-Length").ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
            exchange.sendResponseHeaders(response.statusCode(), -1);
            response.body().close();
            return;
        }
        int status = response.statusCode();
        boolean empty = size == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : size == -2 ? 0 : size);
        try (InputStream from = response.body(); OutputStream to = exchange.getResponseBody()) {
            from.transferTo(to);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
