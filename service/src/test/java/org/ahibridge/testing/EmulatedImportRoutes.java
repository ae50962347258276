package org.ahibridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The set-up of the ITs that run the import routes in a Spring context against the emulator: an emulator for
 * the class, started before Spring builds the context (whose properties name its endpoints); the buckets
 * {@code staging} and {@code output}; one datastore registered as {@code local}; an H2 ledger and the audit in
 * a temporary folder; and the polling settings that let a test see a run through in seconds. Register it in a
 * static field with {@code @RegisterExtension}, add the test's own properties after {@link #register}, and hand
 * it the context ({@link #stopsRoutesOf}) so that the routes stop before the emulator they call does.
 */
public final class EmulatedImportRoutes implements BeforeAllCallback, AfterAllCallback {

    private final String datastoreName;
    private final EmulatorExtension emulator = EmulatorExtension.create();
    private Path temp;
    private String datastoreId;
    private ConfigurableApplicationContext context;

    private EmulatedImportRoutes(String datastoreName) {
        this.datastoreName = datastoreName;
    }

    /** A fixture whose datastore {@code local} is named {@code datastoreName} in the emulator. */
    public static EmulatedImportRoutes create(String datastoreName) {
        return new EmulatedImportRoutes(datastoreName);
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) throws IOException {
        temp = Files.createTempDirectory(datastoreName + "-it");
        // The default credentials chain of the bridge's clients reads these; the emulator accepts any.
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        emulator.beforeAll(extensionContext);
        Stream.of("staging", "output").forEach(b -> emulator.s3().createBucket(r -> r.bucket(b)));
        datastoreId = EmulatorClients.createActiveDatastore(emulator.ahi(), datastoreName);
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        try {
            // The routes stop before the emulator they poll; Spring closes the context later.
            if (context != null && context.isActive()) {
                context.getBean(CamelContext.class).stop();
            }
        } finally {
            context = null;
            emulator.afterAll(extensionContext);
        }
    }

    /**
     * The settings every such IT shares: the routes {@code routes} ({@code camel.main.routes-include-pattern}),
     * no run controller, datastore {@code local} on the emulator (staging {@code stage/}, output {@code out/}),
     * the ledger and audit under {@link #temp()}, one StartDICOMImportJob a second, a one-second poll that takes
     * files at first sight and a 300 ms tick.
     */
    public void register(DynamicPropertyRegistry registry, String routes) {
        registry.add("camel.main.run-controller", () -> "false");
        registry.add("camel.main.routes-include-pattern", () -> routes);
        EmulatedDatastoreSettings.localDatastore(emulator.endpoints(), datastoreId, "stage/", "out/")
                .forEach((k, v) -> registry.add(k, () -> v));
        EmulatedDatastoreSettings.ledgerAndAudit(temp).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("ahibridge.import.jobs.starts-per-second", () -> "1");
        // The tests put files in whole, so they can be taken at first sight.
        registry.add("ahibridge.import.discovery.stable-after", () -> "PT0S");
        registry.add("ahibridge.routes.import.cron", () -> "0/1+*+*+*+*+?");
        registry.add("ahibridge.routes.import.tick-millis", () -> "300");
    }

    /** Remembers the test's context: {@link #afterAll} stops its Camel routes before the emulator. */
    public void stopsRoutesOf(ConfigurableApplicationContext applicationContext) {
        this.context = applicationContext;
    }

    /** The emulator, its clients and faults. */
    public EmulatorExtension emulator() {
        return emulator;
    }

    /** The class's temporary folder: the ledger is in {@code ledger/}, the audit in {@code audit/}. */
    public Path temp() {
        return requireStarted(temp);
    }

    /** The id of the datastore registered as {@code local}. */
    public String datastoreId() {
        return requireStarted(datastoreId);
    }

    private static <T> T requireStarted(T value) {
        if (value == null) {
            throw new IllegalStateException("the fixture is set up only while a test of its class runs");
        }
        return value;
    }

}
