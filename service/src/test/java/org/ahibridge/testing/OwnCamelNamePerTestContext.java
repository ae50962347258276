package org.ahibridge.testing;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring context a test JVM builds a Camel context name of its own ({@code ahi-bridge-test-N}),
 * unless the test names one. camel-quartz shares one Quartz scheduler among all Camel contexts of the same name
 * in a JVM, so contexts the test framework keeps cached (still polling on the shipped routes' triggers) and the
 * context of the class under test would otherwise schedule into each other's triggers: a trigger key the other
 * context holds fails the next one's start ("Trigger key ahi-bridge.import-poll is already in use"), depending
 * only on which classes happened to share a fork. The service itself runs one context per JVM.
 */
public final class OwnCamelNamePerTestContext implements EnvironmentPostProcessor {

    private static final String NAME = "camel.main.name";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String shipped = "ahi-bridge";
        String configured = environment.getProperty(NAME);
        if (configured != null && !configured.equals(shipped)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("test-camel-name",
                Map.of(NAME, shipped + "-test-" + CONTEXTS.incrementAndGet())));
    }
}
