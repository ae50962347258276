package org.ahibridge.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs blocking storage calls (one request each, tens of milliseconds against a real endpoint) with at most
 * {@code limit} in flight, for one pass of a step: the caller submits items in order, picks up finished ones
 * as it goes, and waits for the rest at the end. The first failure stops further submissions and is thrown
 * by {@link #rethrowFirstFailure()} once the calls in flight are done, so their results are not lost.
 */
final class ParallelCalls<T, R> implements AutoCloseable {

    /** One finished call. */
    record Done<T, R>(T item, R result) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int limit;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Queue<Done<T, R>> done = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ParallelCalls(String name, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one call in flight, not " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit);
        String prefix = name + "-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(limit, factory);
    }

    /**
     * Starts {@code call} for {@code item} once a slot is free; false (nothing started) after a call failed.
     */
    boolean submit(T item, Supplier<R> call) {
        if (failure.get() != null) {
            return false;
        }
        acquire(1);
        pool.execute(() -> {
            try {
                done.add(new Done<>(item, call.get()));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(null, new IllegalStateException(e));
                throw e;
            } finally {
                slots.release();
            }
        });
        return true;
    }

    /** How many finished calls wait to be taken. */
    int finished() {
        return done.size(); // at most a few hundred: the caller takes them as it goes
    }

    /** Takes the finished calls so far, in the order they finished. */
    List<Done<T, R>> take() {
        List<Done<T, R>> taken = new ArrayList<>();
        for (Done<T, R> next = done.poll(); next != null; next = done.poll()) {
            taken.add(next);
        }
        return taken;
    }

    /** Waits until no call is in flight. */
    void awaitAll() {
        acquire(limit);
        slots.release(limit);
    }

    /** Throws the first call's failure, if any. */
    void rethrowFirstFailure() {
        RuntimeException first = failure.get();
        if (first != null) {
            throw first;
        }
    }

    private void acquire(int permits) {
        try {
            slots.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for storage calls", e);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
