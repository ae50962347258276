package org.ahibridge.emulator.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One thread that carries many proxied connections: a selector for their readiness, and a queue of the
 * instants at which their waiting bytes fall due. Everything a connection does runs on this thread, so
 * connections need no locks.
 */
final class DelayLoop {

    /** One read takes at most this much from a socket; the bytes are copied out before the next read. */
    private static final int READ_BYTES = 64 * 1024;

    private final Selector selector;
    private final Duration oneWay;
    private final int bufferBytes;
    private final LongAdder bufferedBytes;
    private final AtomicInteger openConnections;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BYTES);
    private final Queue<ProxiedConnection> arriving = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Wakeup> wakeups = new PriorityQueue<>();
    private final Set<ProxiedConnection> connections = new HashSet<>();
    private volatile boolean running = true;
    private Thread thread;
    private SelectorAlarm alarm;

    private record Wakeup(long dueNanos, DelayedPipe pipe) implements Comparable<Wakeup> {
        @Override
        public int compareTo(Wakeup other) {
            return Long.compare(dueNanos, other.dueNanos);
        }
    }

    DelayLoop(Duration oneWay, int bufferBytes, LongAdder bufferedBytes, AtomicInteger openConnections)
            throws IOException {
        this.selector = Selector.open();
        this.oneWay = oneWay;
        this.bufferBytes = bufferBytes;
        this.bufferedBytes = bufferedBytes;
        this.openConnections = openConnections;
    }

    void start(String name) {
        alarm = new SelectorAlarm(selector, name + "-alarm");
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a connected pair to this loop (from the accepting thread). */
    void adopt(SocketChannel client, SocketChannel upstream, long acceptedAtNanos) {
        openConnections.incrementAndGet();
        arriving.add(new ProxiedConnection(this, client, upstream, acceptedAtNanos));
        selector.wakeup();
        if (!running) {
            // stop() may have drained the queue already: close what it missed.
            closeArriving();
        }
    }

    void stop() {
        running = false;
        selector.wakeup();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (running) {
                registerArrivals();
                select();
                handleReadyKeys();
                wakeDuePipes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the delaying proxy's selector failed", e);
        } finally {
            alarm.stop();
            for (ProxiedConnection connection : new ArrayList<>(connections)) {
                connection.close();
            }
            closeArriving();
            try {
                selector.close();
            } catch (IOException e) {
                // the loop ends either way
            }
        }
    }

    private void registerArrivals() {
        ProxiedConnection connection;
        while ((connection = arriving.poll()) != null) {
            try {
                connection.register(selector);
                connections.add(connection);
            } catch (IOException e) {
                connection.close();
            }
        }
    }

    private void closeArriving() {
        ProxiedConnection connection;
        while ((connection = arriving.poll()) != null) {
            connection.close();
        }
    }

    /**
     * Waits for readiness or the next due instant. The alarm wakes the selector at that instant; the selector's
     * own timeout, a millisecond later, is only the fallback should the alarm's thread not get a core in time.
     */
    private void select() throws IOException {
        Wakeup next = wakeups.peek();
        if (next == null) {
            alarm.clear();
            selector.select();
            return;
        }
        long waitNanos = next.dueNanos() - System.nanoTime();
        if (waitNanos <= 0) {
            selector.selectNow();
        } else {
            alarm.set(next.dueNanos());
            selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1);
        }
    }

    private void handleReadyKeys() {
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            ((ProxiedConnection.Side) key.attachment()).ready(key);
        }
    }

    private void wakeDuePipes() {
        long now = System.nanoTime();
        List<DelayedPipe> due = new ArrayList<>();
        while (!wakeups.isEmpty() && wakeups.peek().dueNanos() <= now) {
            due.add(wakeups.poll().pipe());
        }
        for (DelayedPipe pipe : due) {
            pipe.wake();
        }
    }

    void wakeAt(long dueNanos, DelayedPipe pipe) {
        wakeups.add(new Wakeup(dueNanos, pipe));
    }

    /** Called once per connection, on this loop's thread, or by whichever thread closes one never registered. */
    void closed(ProxiedConnection connection, boolean registered) {
        if (registered) {
            connections.remove(connection);
        }
        openConnections.decrementAndGet();
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    long oneWayNanos() {
        return oneWay.toNanos();
    }

    int bufferBytes() {
        return bufferBytes;
    }

    LongAdder bufferedBytes() {
        return bufferedBytes;
    }
}
