package org.ahibridge.emulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.emulator.ahi.fault.FaultInjector;

/**
 * Starts the local AHI + EventBridge with its S3 and SQS servers for a test, on free loopback ports, and
 * stops it afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension EMULATOR = EmulatorExtension.create();          // one emulator per class
 *
 * @Test
 * void imports() {
 *     String id = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), "t");   // CREATING, then ACTIVE
 *     EMULATOR.s3().createBucket(b -> b.bucket("staging"));
 * }
 * }</pre>
 *
 * Registered in a static field it serves the whole class; in an instance field, each test gets its own. With
 * {@code @ExtendWith(EmulatorExtension.class)} it runs with the defaults and injects {@link Emulator},
 * {@link EmulatorEndpoints} or {@link FaultInjector} parameters. Settings go through {@link #configure}:
 * {@code EmulatorExtension.create().configure(c -> c.withDataDir(dir).withoutSqs())}. Clients from
 * {@link #ahi()}, {@link #s3()}, {@link #sqs()} and {@link #eventBridge()} are made on first use, configured as
 * docs/emulator.md tells users (endpoint override, any credentials, no AHI host prefix, no SDK retries), and
 * closed with the emulator. The S3 server needs {@code s3proxy.jar} (see {@code S3Server}).
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final UnaryOperator<EmulatorConfig> settings;
    private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();
    private Emulator emulator;
    private boolean perClass;

    /** The defaults: ephemeral ports, state in memory, AWS's default quotas. */
    public EmulatorExtension() {
        this(UnaryOperator.identity());
    }

    private EmulatorExtension(UnaryOperator<EmulatorConfig> settings) {
        this.settings = settings;
    }

    public static EmulatorExtension create() {
        return new EmulatorExtension();
    }

    /** A copy that starts the emulator with {@code change} applied to {@link EmulatorConfig#ephemeral()}. */
    public EmulatorExtension configure(UnaryOperator<EmulatorConfig> change) {
        UnaryOperator<EmulatorConfig> before = settings;
        return new EmulatorExtension(config -> change.apply(before.apply(config)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private synchronized void start() {
        if (emulator == null) {
            try {
                emulator = Emulator.start(settings.apply(EmulatorConfig.ephemeral()));
            } catch (IOException e) {
                throw new UncheckedIOException("the emulator did not start: " + e.getMessage(), e);
            }
        }
    }

    private synchronized void stop() {
        for (AutoCloseable client : clients.values()) {
            try {
                client.close();
            } catch (Exception e) {
                // closing the others and the emulator matters more
            }
        }
        clients.clear();
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** The running emulator; only between the extension's start and stop. */
    public synchronized Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test of its class runs");
        }
        return emulator;
    }

    public EmulatorEndpoints endpoints() {
        return emulator().endpoints();
    }

    /** Throttling, server errors and failing or slow jobs, on demand. */
    public FaultInjector faults() {
        return emulator().faults();
    }

    public MedicalImagingClient ahi() {
        return client("ahi", EmulatorClients::medicalImaging);
    }

    public S3Client s3() {
        return client("s3", EmulatorClients::s3);
    }

    public SqsClient sqs() {
        return client("sqs", EmulatorClients::sqs);
    }

    public EventBridgeClient eventBridge() {
        return client("eventBridge", EmulatorClients::eventBridge);
    }

    @SuppressWarnings("unchecked")
    private synchronized <C extends AutoCloseable> C client(String name, Function<EmulatorEndpoints, C> factory) {
        EmulatorEndpoints endpoints = endpoints();
        return (C) clients.computeIfAbsent(name, n -> factory.apply(endpoints));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class || type == EmulatorEndpoints.class || type == FaultInjector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class ? emulator() : type == EmulatorEndpoints.class ? endpoints() : faults();
    }
}
