package org.ahibridge.emulator.latency;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The proxy alone, BENCHMARKS.md "Latency emulation": 100-byte round trips through a {@link DelayingProxy} to a
 * loopback echo server, on 1 and on 32 connections at once, for a fixed time. It prints one Markdown row per
 * phase with the round trips per second and the median and 99th percentile of one round trip, which show what
 * the proxy adds to twice the one-way delay (timer rounding, scheduling).
 *
 * <p>Usage: {@code ProxyEchoBenchmark ONE_WAY_MILLIS [SECONDS=10]}.
 */
public final class ProxyEchoBenchmark {

    private ProxyEchoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration oneWay = Duration.ofMillis(Long.parseLong(args[0]));
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        try (LoopbackServer echo = LoopbackServer.echo();
                DelayingProxy proxy = DelayingProxy.start("127.0.0.1", 0, echo.address(), oneWay)) {
            run(proxy, 32, 3_000_000_000L); // warm-up
            for (int connections : new int[] {1, 32}) {
                long start = System.nanoTime();
                long[] times = run(proxy, connections, seconds * 1_000_000_000L);
                double elapsed = (System.nanoTime() - start) / 1e9;
                Arrays.sort(times);
                System.out.println(String.format(Locale.ROOT, "| %d ms | %d | %d | %.0f | %.2f | %.2f |",
                        oneWay.toMillis(), connections, times.length, times.length / elapsed,
                        times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6));
            }
        }
    }

    /** Round trips on {@code connections} connections until {@code nanos} have passed; their times, all together. */
    private static long[] run(DelayingProxy proxy, int connections, long nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long deadline = System.nanoTime() + nanos;
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>();
                    try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = socket.getInputStream();
                        byte[] message = new byte[100];
                        out.write(message);
                        in.readNBytes(message.length); // the first round trip pays the handshake: not counted
                        for (long now = System.nanoTime(); now - deadline < 0; ) {
                            out.write(message);
                            in.readNBytes(message.length);
                            long done = System.nanoTime();
                            times.add(done - now);
                            now = done;
                        }
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            return all.stream().mapToLong(Long::longValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }
}
