package org.ahibridge.emulator.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.ahibridge.emulator.PortInUseException;

/**
 * The proxy against loopback servers. Elapsed times are asserted from below where the delay must show (a
 * round trip never takes less than twice the one-way delay), and from above only with a wide margin, where
 * the point is that connections do not wait for one another.
 */
class DelayingProxyTest {

    private static final Duration TEN_MS = Duration.ofMillis(10);
    private static final long ROUND_TRIP_NANOS = 2 * TEN_MS.toNanos();

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private DelayingProxy proxyTo(LoopbackServer server, Duration oneWay) throws IOException {
        return closeLater(DelayingProxy.start("127.0.0.1", 0, server.address(), oneWay));
    }

    private Socket connect(DelayingProxy proxy) throws IOException {
        Socket socket = closeLater(new Socket("127.0.0.1", proxy.port()));
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Sends {@code message} and reads its echo; returns the nanoseconds it took. */
    private static long roundTrip(Socket socket, byte[] message) throws IOException {
        long start = System.nanoTime();
        socket.getOutputStream().write(message);
        byte[] echoed = socket.getInputStream().readNBytes(message.length);
        long elapsed = System.nanoTime() - start;
        assertThat(echoed).isEqualTo(message);
        return elapsed;
    }

    @Test
    void eachRoundTripTakesTwiceTheOneWayDelayAndTheFirstPaysTheHandshakeToo() throws IOException {
        DelayingProxy proxy = proxyTo(closeLater(LoopbackServer.echo()), TEN_MS);
        long connectedAt = System.nanoTime();
        Socket socket = connect(proxy);
        socket.getOutputStream().write("first".getBytes());
        socket.getInputStream().readNBytes(5);
        assertThat(System.nanoTime() - connectedAt).as("handshake round trip + request round trip")
                .isGreaterThanOrEqualTo(2 * ROUND_TRIP_NANOS);

        List<Long> roundTrips = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            roundTrips.add(roundTrip(socket, ("request " + i).getBytes()));
        }
        assertThat(roundTrips).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(ROUND_TRIP_NANOS));
        // Far from the 20 ms (plus at most 1 ms per direction of timer rounding) only on a machine under heavy load.
        assertThat(roundTrips.stream().sorted().toList().get(roundTrips.size() / 2))
                .isLessThan(3 * ROUND_TRIP_NANOS);
    }

    @Test
    void withoutADelayBytesPassStraightThrough() throws IOException {
        DelayingProxy proxy = proxyTo(closeLater(LoopbackServer.echo()), Duration.ZERO);
        Socket socket = connect(proxy);
        for (int i = 0; i < 100; i++) {
            roundTrip(socket, ("message " + i).getBytes());
        }
    }

    @Test
    void fiftyConcurrentConnectionsEachSeeTheDelayNotFiftyTimesIt() throws Exception {
        DelayingProxy proxy = proxyTo(closeLater(LoopbackServer.echo()), TEN_MS);
        int connections = 50;
        int roundTripsEach = 5;
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int id = c;
                results.add(clients.submit(() -> {
                    try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        List<Long> times = new ArrayList<>();
                        for (int i = 0; i < roundTripsEach; i++) {
                            times.add(roundTrip(socket, ("connection " + id + " request " + i).getBytes()));
                        }
                        return times;
                    }
                }));
            }
            for (Future<List<Long>> result : results) {
                assertThat(result.get()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(ROUND_TRIP_NANOS));
            }
            long elapsed = System.nanoTime() - start;
            // One after another they would need 50 x (handshake + 5 round trips) = 50 x 120 ms = 6 s.
            long serial = connections * (roundTripsEach + 1) * ROUND_TRIP_NANOS;
            assertThat(elapsed).as("all connections at once").isLessThan(serial / 3);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void largeTransfersArriveIntactInBothDirectionsThroughASmallBuffer() throws Exception {
        DelayingProxy proxy = closeLater(DelayingProxy.open("127.0.0.1", 0, Duration.ofMillis(2), 128 * 1024)
                .forwardTo(closeLater(LoopbackServer.echo()).address()));
        Socket socket = connect(proxy);
        byte[] data = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(data);
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                for (int offset = 0; offset < data.length; offset += 100_000) {
                    out.write(data, offset, Math.min(100_000, data.length - offset));
                }
                socket.shutdownOutput();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] echoed = socket.getInputStream().readAllBytes();
        sent.get();
        assertThat(echoed.length).isEqualTo(data.length);
        assertThat(MessageDigest.getInstance("SHA-256").digest(echoed))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
        assertThat(proxy.bufferedBytes()).isZero();
    }

    @Test
    void aClientThatStopsReadingHoldsTheProxyToItsBufferAndTheSenderIsHeldBack() throws Exception {
        long total = 48L * 1024 * 1024; // well above what the four sockets on the way buffer (about 20 MiB)
        int buffer = 256 * 1024;
        AtomicLong written = new AtomicLong();
        LoopbackServer firehose = closeLater(LoopbackServer.firehose(total, written));
        DelayingProxy proxy = closeLater(DelayingProxy.open("127.0.0.1", 0, TEN_MS, buffer)
                .forwardTo(firehose.address()));
        Socket socket = connect(proxy);
        socket.getOutputStream().write(1); // the firehose starts when it has a connection; this opens it

        long[] last = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            long now = written.get();
            boolean stalled = now > 0 && now == last[0];
            last[0] = now;
            return stalled;
        });
        assertThat(written.get()).as("the sender is held back").isLessThan(total);
        // One read of at most 64 KiB may land on top of a full buffer.
        assertThat(proxy.bufferedBytes()).isLessThanOrEqualTo(buffer + 64 * 1024);

        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[1024 * 1024];
        long received = 0;
        for (int n; (n = in.read(chunk)) >= 0;) {
            received += n;
        }
        assertThat(received).isEqualTo(total);
    }

    @Test
    void aHalfCloseReachesTheTargetAndTheConnectionEndsWhenBothSidesHaveEnded() throws Exception {
        DelayingProxy proxy = proxyTo(closeLater(LoopbackServer.echo()), TEN_MS);
        Socket socket = connect(proxy);
        socket.getOutputStream().write("all of it".getBytes());
        socket.shutdownOutput();
        assertThat(new String(socket.getInputStream().readAllBytes())).isEqualTo("all of it");
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
    }

    @Test
    void aResetReachesTheClientAfterTheBytesSentBeforeIt() throws Exception {
        DelayingProxy proxy = proxyTo(closeLater(LoopbackServer.answerThenReset("last words".getBytes())), TEN_MS);
        Socket socket = connect(proxy);
        socket.getOutputStream().write("a request the server reads one byte of".getBytes());
        assertThat(new String(socket.getInputStream().readNBytes(10))).isEqualTo("last words");
        assertThat(readOrEnd(socket)).isEqualTo(-1);
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
    }

    @Test
    void aTargetThatRefusesClosesTheClient() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket reserved = new ServerSocket(0)) {
            nobody = new InetSocketAddress("127.0.0.1", reserved.getLocalPort());
        }
        DelayingProxy proxy = closeLater(DelayingProxy.start("127.0.0.1", 0, nobody, TEN_MS));
        Socket socket = connect(proxy);
        assertThat(readOrEnd(socket)).isEqualTo(-1);
    }

    @Test
    void closingEndsConnectionsThreadsAndThePort() throws Exception {
        DelayingProxy proxy = DelayingProxy.start("127.0.0.1", 0, closeLater(LoopbackServer.echo()).address(), TEN_MS);
        Socket socket = connect(proxy);
        roundTrip(socket, "before".getBytes());

        proxy.close();

        assertThat(readOrEnd(socket)).isEqualTo(-1);
        assertThatThrownBy(() -> new Socket("127.0.0.1", proxy.port()).close()).isInstanceOf(ConnectException.class);
        String threadPrefix = "delaying-proxy-" + proxy.port() + "-";
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(threadPrefix));
        assertThat(proxy.openConnections()).isZero();
    }

    @Test
    void aTakenPortIsReportedAsSuch() throws Exception {
        DelayingProxy first = closeLater(DelayingProxy.open("127.0.0.1", 0, TEN_MS));
        assertThatThrownBy(() -> DelayingProxy.open("127.0.0.1", first.port(), TEN_MS))
                .isInstanceOf(PortInUseException.class).hasMessageContaining(String.valueOf(first.port()));
    }

    /** -1 for an orderly end, and also for a reset, which is how a closed proxy may end a connection. */
    private static int readOrEnd(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1;
        }
    }
}
