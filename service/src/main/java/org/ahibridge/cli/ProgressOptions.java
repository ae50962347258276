package org.ahibridge.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.cli.progress.ProgressDisplay;
import org.ahibridge.cli.progress.ProgressMode;
import org.ahibridge.cli.progress.ProgressSource;

/**
 * The progress options of the one-shot commands ({@code import}, {@code redrive}, {@code export}) and the
 * display they choose: a live line on a terminal, a log line every {@code --progress-interval} seconds
 * otherwise, nothing with {@code --quiet}.
 */
record ProgressOptions(ProgressMode mode, Duration interval, Instant started) {

    static final int DEFAULT_INTERVAL_SECONDS = 10;
    static final List<Option> OPTIONS = List.of(
            Option.flag("--quiet", "no progress on stderr (the JSON summary is printed as always)"),
            Option.value("--progress-interval", "SECONDS", """
                    seconds between progress lines when stderr is not a terminal, 1 to 3600
                    (default: 10); on a terminal one line is redrawn in place instead"""));

    /** The options read, the mode chosen for {@code err}; the command's clock starts now. */
    static ProgressOptions of(ParsedArgs args, PrintStream err) {
        int seconds = args.wholeNumber("--progress-interval", DEFAULT_INTERVAL_SECONDS, 1, 3600);
        return new ProgressOptions(ProgressDisplay.modeFor(args.has("--quiet"), err), Duration.ofSeconds(seconds),
                Clock.systemUTC().instant());
    }

    /** A command's options followed by the progress options. */
    static List<Option> with(List<Option> options) {
        List<Option> all = new ArrayList<>(options);
        all.addAll(OPTIONS);
        return List.copyOf(all);
    }

    ProgressDisplay show(String command, ProgressSource source, PrintStream err) {
        return ProgressDisplay.start(mode, interval, command, source, err, Clock.systemUTC(), started);
    }
}
