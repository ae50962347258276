package org.ahibridge.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending replies on the JDK server so that no client is left waiting. The JDK server logs and drops
 * whatever a handler throws without answering or closing the connection: the client then waits for its
 * own timeout (three minutes for the AWS SDK). So every exchange goes through {@link #serve}, which
 * answers a failure with a 500 and {@code Connection: close}, and always closes the exchange; when not
 * even that can be written (an OutOfMemoryError may strike again), closing the exchange before a reply
 * was sent closes the connection, and the client sees the end of the stream at once.
 */
public final class Exchanges {

    private static final Logger LOG = LoggerFactory.getLogger(Exchanges.class);

    /** Produces the reply for an exchange; may read the request body, may throw anything. */
    @FunctionalInterface
    public interface Responder {
        HttpReply reply(HttpExchange exchange) throws IOException;
    }

    private Exchanges() {
    }

    /**
     * Answers one exchange with {@code responder}'s reply. An IOException means the client is gone (or its
     * connection was closed for taking too long): nothing can be answered. Anything else is answered 500.
     */
    public static void serve(HttpExchange exchange, Responder responder, String errorBody) {
        try {
            send(exchange, responder.reply(exchange));
        } catch (IOException e) {
            LOG.debug("connection lost during {} {}: {}", exchange.getRequestMethod(), path(exchange), e.toString());
        } catch (Throwable t) {
            failed(exchange, t, errorBody);
        } finally {
            exchange.close();
        }
    }

    /** Writes its reply itself, streaming the body; may read the request body, may throw anything. */
    @FunctionalInterface
    public interface StreamingResponder {
        void respond(HttpExchange exchange) throws IOException;
    }

    /**
     * As {@link #serve}, for replies whose bodies are streamed (too large to hold, such as a DICOM instance):
     * a failure before the reply started is answered 500; one after it cuts the reply short when the
     * exchange is closed, which the client notices.
     */
    public static void serveStreamed(HttpExchange exchange, StreamingResponder responder, String errorBody) {
        try {
            responder.respond(exchange);
        } catch (IOException e) {
            LOG.debug("connection lost during {} {}: {}", exchange.getRequestMethod(), path(exchange), e.toString());
        } catch (Throwable t) {
            failed(exchange, t, errorBody);
        } finally {
            exchange.close();
        }
    }

    public static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        byte[] body = reply.body() == null ? new byte[0] : reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A 500 with {@code Connection: close}, if the response has not started; the caller closes the exchange. */
    private static void failed(HttpExchange exchange, Throwable cause, String errorBody) {
        try {
            LOG.error("emulator failure in {} {}", exchange.getRequestMethod(), path(exchange), cause);
        } catch (Throwable ignored) {
            // logging needs memory too; the reply matters more
        }
        if (exchange.getResponseCode() != -1) {
            return; // the response had started: closing the exchange cuts it short, which the client notices
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalServerException");
            exchange.getResponseHeaders().set("Connection", "close");
            byte[] body = errorBody.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Throwable ignored) {
            // nothing more can be said; closing the exchange ends the connection
        }
    }

    private static String path(HttpExchange exchange) {
        return exchange.getRequestURI().getRawPath();
    }
}
