package org.ahibridge.emulator.latency;

import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes a selector at an instant. A selector's own timeout counts whole milliseconds, so waiting on it alone would
 * send each chunk up to a millisecond late, a tenth of a 10 ms delay; a parked thread wakes within microseconds
 * of its deadline (on a machine with a core free), and then wakes the selector.
 */
final class SelectorAlarm {

    private static final long UNSET = Long.MIN_VALUE;

    private final Selector selector;
    private final AtomicLong dueNanos = new AtomicLong(UNSET);
    private final Thread thread;
    private volatile boolean running = true;

    SelectorAlarm(Selector selector, String name) {
        this.selector = selector;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the selector at {@code nanos} (a {@link System#nanoTime()} instant), instead of any earlier setting. */
    void set(long nanos) {
        long previous = dueNanos.getAndSet(nanos);
        if (previous != nanos) {
            LockSupport.unpark(thread);
        }
    }

    void clear() {
        dueNanos.set(UNSET);
    }

    /** Ends the alarm's thread and waits for it to end. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            long due = dueNanos.get();
            if (due == UNSET) {
                LockSupport.park(this);
                continue;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            } else if (dueNanos.compareAndSet(due, UNSET)) {
                selector.wakeup();
            }
        }
    }
}
