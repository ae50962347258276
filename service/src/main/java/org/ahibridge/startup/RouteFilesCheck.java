package org.ahibridge.startup;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Stops the service when {@code camel.main.routes-include-pattern} finds no route file. Camel would start
 * anyway with no routes, and the service would sit idle without a word: the usual cause is starting it
 * from a folder other than the one holding {@code routes/}. One-shot commands skip this check
 * ({@code ahibridge.routes.check-files=false}): they take the jar's copy of each route file missing from
 * {@code routes/} (cli/RouteFiles).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "camel.main.routes-collector-enabled", havingValue = "true", matchIfMissing = true)
public class RouteFilesCheck implements InitializingBean {

    static final String PATTERN_KEY = "camel.main.routes-include-pattern";

    private final Environment environment;

    public RouteFilesCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (!environment.getProperty("ahibridge.routes.check-files", Boolean.class, true)) {
            return; // a one-shot command: the jar holds its routes, whatever the working folder
        }
        String patterns = environment.getProperty(PATTERN_KEY, "");
        if (countRouteFiles(patterns) == 0) {
            throw new StartupProblem("no route files at " + patterns + " (" + PATTERN_KEY + ", working folder "
                    + Path.of("").toAbsolutePath() + "): start the service from the folder that holds routes/"
                    + " (the checkout or the deployment folder), or set " + PATTERN_KEY + " to where your"
                    + " *.camel.yaml routes are", true);
        }
    }

    static int countRouteFiles(String patterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        int found = 0;
        for (String pattern : patterns.split(",")) {
            if (pattern.isBlank()) {
                continue;
            }
            try {
                found += resolver.getResources(pattern.strip()).length;
            } catch (IOException e) {
                // A folder that cannot be listed holds no usable routes; counted as none.
            }
        }
        return found;
    }
}
