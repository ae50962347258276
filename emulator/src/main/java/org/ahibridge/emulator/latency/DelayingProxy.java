package org.ahibridge.emulator.latency;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.ahibridge.emulator.PortInUseException;

/**
 * A TCP proxy that adds a one-way delay to each direction, as a network path to a cloud service would: a
 * chunk read from one side at time t is written to the other side at t + delay. It never waits for a reply
 * before reading more, so many requests are in flight at once on many connections: a client that keeps
 * rate x round trip requests in flight gets its full rate through it. A new connection also pays one round
 * trip before its first bytes go through, as TCP's handshake does (TLS is not modelled).
 *
 * <p>The delay is the only cost it adds on purpose. The bytes each direction of a connection holds are
 * bounded ({@link #DEFAULT_BUFFER_BYTES}): when a side stops reading, the proxy stops reading the other,
 * and TCP's own flow control takes over. That bounds one connection's throughput to buffer / delay
 * (4 MiB / 10 ms = 400 MiB/s), far above what a client on loopback asks.
 *
 * <p>{@link #open} binds the port first and {@link #forwardTo} starts forwarding, so that a server that
 * puts its own address into replies (ElasticMQ's queue URLs) can be told the proxy's address before it
 * starts. Connections that arrive in between wait in the listen backlog.
 */
public final class DelayingProxy implements AutoCloseable {

    /** What each direction of one connection may hold while its bytes wait for their time. */
    public static final int DEFAULT_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final Duration oneWay;
    private final int bufferBytes;
    private final LongAdder bufferedBytes = new LongAdder();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final List<DelayLoop> loops = new ArrayList<>();
    private Thread acceptor;
    private volatile boolean closed;

    private DelayingProxy(ServerSocketChannel server, Duration oneWay, int bufferBytes) throws IOException {
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.oneWay = oneWay;
        this.bufferBytes = bufferBytes;
    }

    /** Binds {@code host:port} (0 = a free port) for a delay of {@code oneWay} each way; see {@link #forwardTo}. */
    public static DelayingProxy open(String host, int port, Duration oneWay) throws IOException {
        return open(host, port, oneWay, DEFAULT_BUFFER_BYTES);
    }

    /** As {@link #open(String, int, Duration)}, holding at most {@code bufferBytes} per direction of a connection. */
    public static DelayingProxy open(String host, int port, Duration oneWay, int bufferBytes) throws IOException {
        if (oneWay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative");
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("the buffer must hold at least one byte");
        }
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(host, port), 1024);
        } catch (BindException e) {
            server.close();
            throw new PortInUseException(host, port);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new DelayingProxy(server, oneWay, bufferBytes);
    }

    /** Binds {@code host:port} and forwards to {@code target} at once. */
    public static DelayingProxy start(String host, int port, InetSocketAddress target, Duration oneWay)
            throws IOException {
        return open(host, port, oneWay).forwardTo(target);
    }

    /**
     * Starts accepting connections and forwarding each to a new connection to {@code target}. Two event loops
     * (one on a single-core machine) carry all connections, each with its own selector.
     */
    public synchronized DelayingProxy forwardTo(InetSocketAddress target) throws IOException {
        if (acceptor != null) {
            throw new IllegalStateException("the proxy forwards already");
        }
        int loopCount = Math.min(2, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < loopCount; i++) {
            DelayLoop loop = new DelayLoop(oneWay, bufferBytes, bufferedBytes, openConnections);
            loops.add(loop);
            loop.start("delaying-proxy-" + address.getPort() + "-loop-" + i);
        }
        acceptor = new Thread(() -> acceptUntilClosed(target), "delaying-proxy-" + address.getPort() + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void acceptUntilClosed(InetSocketAddress target) {
        int next = 0;
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                continue; // one failed accept (a client gone before it was taken) must not end the proxy
            }
            long acceptedAt = System.nanoTime();
            SocketChannel upstream = connect(client, target);
            if (upstream != null) {
                loops.get(next++ % loops.size()).adopt(client, upstream, acceptedAt);
            }
        }
    }

    /** The connection to the target, or null (and the client closed, as a refused connection would be). */
    private static SocketChannel connect(SocketChannel client, InetSocketAddress target) {
        SocketChannel upstream = null;
        try {
            upstream = SocketChannel.open();
            upstream.socket().connect(target, CONNECT_TIMEOUT_MILLIS);
            for (SocketChannel channel : new SocketChannel[] {client, upstream}) {
                // The delay is the proxy's only cost: Nagle's algorithm would hold small writes back for more.
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
            }
            return upstream;
        } catch (IOException e) {
            closeQuietly(upstream);
            closeQuietly(client);
            return null;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing is all that was asked
            }
        }
    }

    public int port() {
        return address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    public Duration oneWay() {
        return oneWay;
    }

    /** Bytes read from one side and not yet written to the other, over all connections. */
    public long bufferedBytes() {
        return bufferedBytes.sum();
    }

    /** Client connections accepted and not yet closed. */
    public int openConnections() {
        return openConnections.get();
    }

    /** Stops accepting, closes every connection (bytes still waiting are dropped) and ends the proxy's threads. */
    @Override
    public void close() {
        Thread accepting;
        synchronized (this) {
            closed = true;
            accepting = acceptor;
        }
        try {
            server.close();
        } catch (IOException e) {
            // the channel is closed either way
        }
        join(accepting);
        for (DelayLoop loop : loops) {
            loop.stop();
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
