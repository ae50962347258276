package org.ahibridge.cli.progress;

/** How a one-shot command shows its progress on stderr. */
public enum ProgressMode {
    /** stderr is a terminal: one line, rewritten in place. */
    LIVE_LINE,
    /** stderr is a file or a pipe: a plain line every interval, for logs. */
    LOG_LINES,
    /** {@code --quiet}: nothing. */
    OFF
}
