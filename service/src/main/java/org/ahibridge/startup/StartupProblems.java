package org.ahibridge.startup;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the failures a user can fix in a known way somewhere in an exception chain, and says so in
 * one line instead of the chain: a {@link StartupProblem}, and an H2 ledger file that another process holds.
 */
public final class StartupProblems {

    /** H2's DATABASE_ALREADY_OPEN_1: the file is locked by another process. */
    private static final int H2_ALREADY_OPEN = 90020;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private StartupProblems() {
    }

    public static Optional<StartupProblem> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem problem) {
                return Optional.of(problem);
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return Optional.of(ledgerInUse(sql));
            }
        }
        return Optional.empty();
    }

    private static StartupProblem ledgerInUse(SQLException e) {
        Matcher file = QUOTED.matcher(String.valueOf(e.getMessage()));
        String where = file.find() ? " at " + file.group(1) : "";
        return new StartupProblem("the ledger" + where + " is in use by another ahi-bridge process (the service?):"
                + " stop it, or use PostgreSQL (ahibridge.ledger.url) to run several processes", false);
    }
}
