package org.ahibridge.cli;

import java.util.ArrayList;
import java.util.List;

import org.ahibridge.AhiBridgeApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring context of a one-shot command: the same configuration, ledger, registrations and embedded
 * default as the service, with the routes of the object flow and of outcomes only (no trigger) and no Camel
 * run controller, so nothing polls and the command starts in a few seconds. A command may name other routes
 * ({@code export} does its flow's). Extra {@code key=value} properties override the defaults here and the files.
 */
final class CommandContext {

    /** The routes a one-shot run takes objects and outcomes through: the service's, with no trigger. */
    static final List<String> ONE_SHOT_ROUTES = List.of("error-handling", "import-dead-letter", "import-objects",
            "import-batching", "import-object", "import-rules", "import-skip", "import-outcome", "import-failed",
            "import-advance", "import-batch", "import-job");

    private CommandContext() {
    }

    /**
     * Only the routes of the object flow, of the batch steps and of outcomes, so a one-shot run classifies,
     * applies the rules, batches, stages, starts and follows jobs and records outcomes through the routes the
     * service uses, and nothing polls. Each from routes/ of the working folder when there, else from the jar
     * ({@link RouteFiles}): a run never takes another path than the routes.
     */
    static String oneShotRoutes() {
        return RouteFiles.includePattern(ONE_SHOT_ROUTES);
    }

    static ConfigurableApplicationContext start(List<String> extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                // The service's check that routes/ holds route files: a command takes the jar's copies of those missing.
                "ahibridge.routes.check-files=false",
                "camel.main.run-controller=false",
                "camel.main.jmx-enabled=false",
                // The embedded emulator starts when a command first needs it, not with the context.
                "ahibridge.embedded.start-in-background=false",
                // Only the beans a command uses are made (the SQS clients of routes that do not run, say).
                "spring.main.lazy-initialization=true",
                "spring.main.banner-mode=off",
                "logging.level.root=WARN",
                "logging.level.org.ahibridge=INFO",
                "logging.level.org.apache.camel=WARN",
                "logging.level.org.apache.camel.spring.boot.SpringBootCamelContext=ERROR",
                // Its WARN repeats a failed start's whole cause chain; OneShotRun reports the failure itself.
                "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR"));
        // Routes given on the command line replace the one-shot set (repeated keys would be joined, not replaced).
        if (extraProperties.stream().noneMatch(p -> p.startsWith("camel.main.routes-"))) {
            properties.add(oneShotRoutes());
        }
        // A key given twice as an argument would be read as both values joined: an extra replaces the default.
        for (String extra : extraProperties) {
            String key = extra.substring(0, Math.max(0, extra.indexOf('=')));
            properties.removeIf(p -> p.startsWith(key + "="));
        }
        properties.addAll(extraProperties);
        // As command-line arguments they take precedence over application.yaml.
        return new SpringApplicationBuilder(AhiBridgeApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
