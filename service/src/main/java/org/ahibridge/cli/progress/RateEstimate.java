package org.ahibridge.cli.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * The rate of a run over its last {@link #WINDOW} (not since its start, which a slow start-up or a long listing
 * would skew for the rest of the run), and the time left at that rate for the items known so far.
 */
final class RateEstimate {

    static final Duration WINDOW = Duration.ofSeconds(30);

    private record Point(Instant time, long done) {
    }

    private final Deque<Point> points = new ArrayDeque<>();

    /** Adds a sample and forgets the old ones, keeping the newest that is at least the window old as anchor. */
    void observe(Instant time, long done) {
        points.addLast(new Point(time, done));
        while (points.size() > 2) {
            Point first = points.pollFirst();
            if (Duration.between(points.peekFirst().time(), time).compareTo(WINDOW) < 0) {
                points.addFirst(first);
                break;
            }
        }
    }

    /** Items per second over the window; empty until two samples lie at least a tenth of a second apart. */
    OptionalDouble perSecond() {
        if (points.size() < 2) {
            return OptionalDouble.empty();
        }
        Point first = points.peekFirst();
        Point last = points.peekLast();
        double seconds = Duration.between(first.time(), last.time()).toMillis() / 1000.0;
        return seconds < 0.1 ? OptionalDouble.empty() : OptionalDouble.of(Math.max(0, last.done() - first.done()) / seconds);
    }

    /** The time the {@code remaining} items take at the current rate; empty while the rate is unknown or zero. */
    java.util.Optional<Duration> timeLeft(long remaining) {
        OptionalDouble rate = perSecond();
        if (rate.isEmpty() || rate.getAsDouble() <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofMillis((long) Math.ceil(remaining / rate.getAsDouble() * 1000)));
    }
}
