package org.ahibridge.startup;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging a known startup problem as "Application run failed" with its stack trace:
 * the caller prints the problem's one line instead (AhiBridge for the service, OneShotRun for commands).
 * Unknown failures are left to Spring Boot's own reporting.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupProblemReporter implements SpringBootExceptionReporter {

    public StartupProblemReporter(ConfigurableApplicationContext context) {
        // Spring Boot instantiates reporters with the context; this one needs only the failure.
    }

    @Override
    public boolean reportException(Throwable failure) {
        return StartupProblems.find(failure).isPresent();
    }
}
