package org.ahibridge.cli.progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a one-shot run's progress on stderr while it goes on, from a thread of its own: on a terminal one line
 * rewritten in place (carriage return, no escape sequences, so even a dumb terminal shows it right), elsewhere a
 * plain timestamped line every interval. The summary on stdout is untouched. Each refresh asks its
 * {@link ProgressSource} once; a source that took long (a ledger query over millions of rows) is asked less
 * often, at most every twenty times its last cost, so the display never becomes the run's load.
 */
public final class ProgressDisplay implements AutoCloseable {

    /** How often the live line is redrawn. */
    public static final Duration LIVE_REFRESH = Duration.ofMillis(500);
    private static final int COST_FACTOR = 20;

    private final ProgressMode mode;
    private final Duration interval;
    private final String command;
    private final ProgressSource source;
    private final PrintStream err;
    private final Clock clock;
    private final Instant started;
    private final RateEstimate rate = new RateEstimate();
    private final ScheduledExecutorService timer;
    private final int width;
    private int shownLength;
    private boolean closed;

    private ProgressDisplay(ProgressMode mode, Duration interval, String command, ProgressSource source,
            PrintStream err, Clock clock, Instant started) {
        this.mode = mode;
        this.interval = interval;
        this.command = command;
        this.source = source;
        this.err = err;
        this.clock = clock;
        this.started = started;
        this.width = mode == ProgressMode.LIVE_LINE ? Terminal.width() : Integer.MAX_VALUE;
        this.timer = mode == ProgressMode.OFF ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The mode for a command's stderr: {@link ProgressMode#OFF} with {@code --quiet}, a live line when
     * {@code err} is the process's stderr and that is a terminal, log lines otherwise.
     */
    public static ProgressMode modeFor(boolean quiet, PrintStream err) {
        if (quiet) {
            return ProgressMode.OFF;
        }
        return err == System.err && Terminal.stderrIsTerminal() ? ProgressMode.LIVE_LINE : ProgressMode.LOG_LINES;
    }

    /**
     * Starts showing progress.
     *
     * @param interval between log lines (the live line is redrawn every {@link #LIVE_REFRESH})
     * @param command  the command's name, the prefix of each log line
     * @param started  when the command started: elapsed time counts from here
     */
    public static ProgressDisplay start(ProgressMode mode, Duration interval, String command, ProgressSource source,
            PrintStream err, Clock clock, Instant started) {
        ProgressDisplay display = new ProgressDisplay(mode, interval, command, source, err, clock, started);
        if (display.timer != null) {
            display.timer.schedule(display::refresh, display.period().toMillis(), TimeUnit.MILLISECONDS);
        }
        return display;
    }

    private Duration period() {
        return mode == ProgressMode.LIVE_LINE ? LIVE_REFRESH : interval;
    }

    private void refresh() {
        long before = System.nanoTime();
        Optional<ProgressSample> sample;
        try {
            sample = source.sample();
        } catch (RuntimeException e) {
            sample = Optional.empty(); // the run is ending (its context closing): the summary follows
        }
        Duration cost = Duration.ofNanos(System.nanoTime() - before);
        sample.ifPresent(this::show);
        Duration next = period();
        if (cost.multipliedBy(COST_FACTOR).compareTo(next) > 0) {
            next = cost.multipliedBy(COST_FACTOR);
        }
        synchronized (this) {
            if (!closed) {
                timer.schedule(this::refresh, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void show(ProgressSample sample) {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        rate.observe(now, sample.done());
        String text = ProgressText.line(sample, Duration.between(started, now), rate.perSecond(),
                rate.timeLeft(Math.max(0, sample.known() - sample.done())));
        if (mode == ProgressMode.LIVE_LINE) {
            // One column short of the width: a line that fills it would wrap on some terminals, and a carriage
            // return then only goes back to the start of the wrapped part.
            String fitted = text.length() > width - 1 ? text.substring(0, Math.max(0, width - 4)) + "..." : text;
            err.print("\r" + fitted + " ".repeat(Math.max(0, shownLength - fitted.length())));
            shownLength = fitted.length();
        } else {
            err.println(now.truncatedTo(ChronoUnit.SECONDS) + " " + command + ": " + text);
        }
        err.flush();
    }

    /** Stops the display; the live line is erased, so the summary that follows stands alone. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            if (mode == ProgressMode.LIVE_LINE && shownLength > 0) {
                err.print("\r" + " ".repeat(shownLength) + "\r");
                err.flush();
            }
        }
        timer.shutdownNow();
    }
}
