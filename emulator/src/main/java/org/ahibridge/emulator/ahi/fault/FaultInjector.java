package org.ahibridge.emulator.ahi.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.emulator.ahi.AhiError;

/**
 * Faults injected on purpose, per operation name (e.g. {@code GetImageFrame}, or {@code *} for every
 * operation): ThrottlingException, InternalServerException or a thrown Error for the next N calls or a
 * percentage of calls, import jobs that FAIL with a message, and import jobs that wait before they complete.
 * Percentages draw from one seeded {@link Random}, so a run with the same seed and the same call
 * order injects the same faults.
 */
public final class FaultInjector {

    /**
     * What to inject into a call: THROTTLE answers ThrottlingException (429), ERROR InternalServerException
     * (500), REJECT ValidationException (400: a request AHI refuses, not worth retrying); FATAL throws a {@link java.lang.Error} in the HTTP thread, as an OutOfMemoryError would, to
     * show that the server still answers (500) and closes the connection.
     */
    public enum Kind { THROTTLE, ERROR, REJECT, FATAL }

    /** The Error a FATAL fault throws. */
    public static final class InjectedFatalError extends Error {
        InjectedFatalError() {
            super("Injected fatal error (fault injection)", null, false, false);
        }
    }

    private record Rule(Kind kind, int remaining, int percent) {
    }

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private Random random;
    private int failJobsRemaining;
    private int failJobsPercent;
    private String failJobMessage = "Injected failure";
    private Duration jobDelay = Duration.ZERO;

    public FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code count} calls of the operation fail with the kind's error. */
    public synchronized FaultInjector next(String operation, Kind kind, int count) {
        rules.put(operation, new Rule(kind, count, 0));
        return this;
    }

    /** {@code percent} % of the calls of the operation fail, drawn from the seeded generator. */
    public synchronized FaultInjector percent(String operation, Kind kind, int percent) {
        rules.put(operation, new Rule(kind, 0, percent));
        return this;
    }

    /** The next {@code count} import jobs (and then {@code percent} % of jobs) end FAILED with {@code message}. */
    public synchronized FaultInjector failJobs(int count, int percent, String message) {
        failJobsRemaining = count;
        failJobsPercent = percent;
        failJobMessage = message == null ? "Injected failure" : message;
        return this;
    }

    /** Import jobs wait this long in IN_PROGRESS before they finish. */
    public synchronized FaultInjector slowJobs(Duration delay) {
        jobDelay = delay;
        return this;
    }

    public synchronized FaultInjector reseed(long seed) {
        random = new Random(seed);
        return this;
    }

    public synchronized void clear() {
        rules.clear();
        failJobsRemaining = 0;
        failJobsPercent = 0;
        jobDelay = Duration.ZERO;
    }

    /** Called before each operation; throws the injected error, if any. */
    public synchronized void before(String operation) {
        String key = rules.containsKey(operation) ? operation : "*";
        Rule rule = rules.get(key);
        if (rule == null) {
            return;
        }
        boolean hit;
        if (rule.remaining() > 0) {
            hit = true;
            rules.put(key, new Rule(rule.kind(), rule.remaining() - 1, rule.percent()));
            if (rule.remaining() == 1 && rule.percent() == 0) {
                rules.remove(key);
            }
        } else {
            hit = rule.percent() > 0 && random.nextInt(100) < rule.percent();
        }
        if (hit) {
            switch (rule.kind()) {
                case THROTTLE -> throw AhiError.throttling("Rate exceeded (injected fault)");
                case ERROR -> throw AhiError.internal("Internal server error (injected fault)");
                case REJECT -> throw AhiError.validation("Request rejected (injected fault)");
                case FATAL -> throw new InjectedFatalError();
            }
        }
    }

    /** The failure message for the job about to finish, or null when it should run normally. */
    public synchronized String jobFailure() {
        if (failJobsRemaining > 0) {
            failJobsRemaining--;
            return failJobMessage;
        }
        return failJobsPercent > 0 && random.nextInt(100) < failJobsPercent ? failJobMessage : null;
    }

    public synchronized Duration jobDelay() {
        return jobDelay;
    }
}
