package org.ahibridge.startup;

/**
 * A known reason why the service or a command cannot start or run, with one line for the user that says
 * what is wrong and what to do. It is printed as it is, without a stack trace ({@link StartupProblems}).
 */
public class StartupProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean configuration;

    /**
     * @param configuration true when the configuration or the arguments are wrong (exit status 2), false
     *                      when the run could not complete for another reason (exit status 1)
     */
    public StartupProblem(String message, boolean configuration) {
        super(message);
        this.configuration = configuration;
    }

    public boolean isConfiguration() {
        return configuration;
    }
}
