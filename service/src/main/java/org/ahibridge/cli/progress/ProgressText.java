package org.ahibridge.cli.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The words of a progress line: {@code 0:31 elapsed, 1,234/1,800 objects done, 42/s, ~0:14 left | IMPORTED 1,200
 * FAILED 4 | ...}. The figures a reader looks for first come first, so a line cut to the terminal's width loses
 * only details. Counts and ids only: no key, no name, nothing from a file.
 */
final class ProgressText {

    private ProgressText() {
    }

    static String line(ProgressSample sample, Duration elapsed, OptionalDouble rate, Optional<Duration> left) {
        List<String> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        head.append(clock(elapsed)).append(" elapsed, ").append(count(sample.done())).append('/')
                .append(count(sample.known())).append(' ').append(sample.unit()).append(" done");
        if (rate.isPresent()) {
            head.append(", ").append(rate(rate.getAsDouble())).append("/s");
        }
        left.ifPresent(d -> head.append(", ~").append(clock(d)).append(" left"));
        parts.add(head.toString());
        parts.addAll(sample.details());
        return String.join(" | ", parts);
    }

    /** {@code 1,234}: grouped, so large counts read at a glance. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return perSecond < 10 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%,d", Math.round(perSecond));
    }

    /** {@code 0:07}, {@code 12:34}, {@code 5:03:09}. */
    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
