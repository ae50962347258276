package org.ahibridge;

import java.io.PrintStream;
import java.util.Optional;

import org.ahibridge.cli.Commands;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.startup.StartupProblems;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The long-running service: Spring Boot with Camel, routes loaded from {@code routes/}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AhiBridgeApplication {

    /**
     * Starts the service.
     *
     * @return {@link Commands#OK} once it runs; else the exit status of a failed start, after one line on
     *         {@code err} for a known problem (Spring Boot has logged any other failure with its cause)
     */
    public static int run(String[] args, PrintStream err) {
        try {
            SpringApplication.run(AhiBridgeApplication.class, args);
            return Commands.OK;
        } catch (RuntimeException e) {
            Optional<StartupProblem> problem = StartupProblems.find(e);
            problem.ifPresent(p -> err.println("ahi-bridge: " + p.getMessage()));
            return problem.map(p -> p.isConfiguration() ? Commands.USAGE : Commands.FAILED).orElse(Commands.FAILED);
        }
    }
}
