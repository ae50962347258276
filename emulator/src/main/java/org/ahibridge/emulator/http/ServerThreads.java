package org.ahibridge.emulator.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor of an emulator HTTP server. The JDK server runs each exchange, from reading the request
 * line to writing the response, on one executor thread, so a client that stalls while sending its body
 * holds a thread until the request timeout ({@link JdkHttpServerDefaults}) closes its connection. With a
 * small fixed pool a handful of such clients froze every endpoint; this pool grows on demand to
 * {@link #MAX_THREADS} (idle threads end after a minute) and queues beyond that, so it takes more than
 * a few hundred stalled clients at once to delay a cheap call, and even those are dropped by the timeout.
 * Java 17 has no virtual threads; a thread that waits on a socket costs a stack and nothing else.
 */
public final class ServerThreads {

    public static final int MAX_THREADS = 256;

    private ServerThreads() {
    }

    public static ExecutorService pool(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Core threads time out too: the pool holds threads only while clients keep it busy.
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
