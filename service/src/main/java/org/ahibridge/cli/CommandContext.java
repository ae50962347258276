package org.ahibridge.cli;

import java.util.ArrayList;
import java.util.List;

import org.ahibridge.AhiBridgeApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring context of a one-shot command: the same configuration, ledger, registrations and embedded
 * default as the service, but with no YAML routes (unless the command names some, as {@code export} does its
 * flow's) and no Camel run controller, so nothing polls and the command starts in a few seconds. Extra
 * {@code key=value} properties override the defaults here and the files.
 */
final class CommandContext {

    private CommandContext() {
    }

    static ConfigurableApplicationContext start(List<String> extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "camel.main.routes-collector-enabled=false",
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
