package org.ahibridge.emulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

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
 * <p><b>Lifecycle.</b> Registered in a static field it serves the whole class, its {@code @Nested} classes
 * included, and stops after the class that started it; in an instance field, each test gets its own. With
 * {@code @ExtendWith(EmulatorExtension.class)} it runs per class with the defaults. A static extension starts
 * before Spring builds a test's context, so {@code @DynamicPropertySource} methods can read
 * {@link #endpoints()}; it also stops before Spring closes that context, so stop the context's consumers of the
 * emulator first, in an {@code @AfterAll} method.
 *
 * <p><b>Settings</b> go through {@link #configure}: {@code EmulatorExtension.create().configure(c ->
 * c.withoutSqs())}, or {@code c.withLatency(Duration.ofMillis(10))} for a cloud service's round trip on every
 * endpoint and client (docs/emulator.md, "Latency"). {@link #withTemporaryDataDir()} keeps the state in a folder that survives
 * {@link #restart()} and is deleted when the emulator stops for good.
 *
 * <p><b>Injection.</b> Test and lifecycle methods may take {@link Emulator}, {@link EmulatorEndpoints},
 * {@link FaultInjector} (throttling, server errors, failing or slow jobs), and the SDK clients
 * {@link MedicalImagingClient}, {@link S3Client}, {@link SqsClient} and {@link EventBridgeClient}. The clients
 * (also from {@link #ahi()}, {@link #s3()}, {@link #sqs()}, {@link #eventBridge()}) are made on first use,
 * configured as docs/emulator.md tells users (endpoint override, any credentials, no AHI host prefix, no SDK
 * retries for AHI), and closed with the emulator. The S3 server needs {@code s3proxy.jar} (see {@code S3Server}).
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final UnaryOperator<EmulatorConfig> settings;
    private final boolean temporaryDataDir;
    private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();
    private Emulator emulator;
    private Path dataDir;
    /** The class or test whose end stops the emulator: the one that started it. */
    private String owner;

    /** The defaults: ephemeral ports, state in memory, AWS's default quotas. */
    public EmulatorExtension() {
        this(UnaryOperator.identity(), false);
    }

    private EmulatorExtension(UnaryOperator<EmulatorConfig> settings, boolean temporaryDataDir) {
        this.settings = settings;
        this.temporaryDataDir = temporaryDataDir;
    }

    public static EmulatorExtension create() {
        return new EmulatorExtension();
    }

    /** A copy that starts the emulator with {@code change} applied to {@link EmulatorConfig#ephemeral()}. */
    public EmulatorExtension configure(UnaryOperator<EmulatorConfig> change) {
        UnaryOperator<EmulatorConfig> before = settings;
        return new EmulatorExtension(config -> change.apply(before.apply(config)), temporaryDataDir);
    }

    /** A copy that keeps the emulator's state in a temporary folder: kept by {@link #restart()}, then deleted. */
    public EmulatorExtension withTemporaryDataDir() {
        return new EmulatorExtension(settings, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    private synchronized void start(ExtensionContext context) {
        if (emulator == null) {
            owner = context.getUniqueId();
            launch();
        }
    }

    private synchronized void stopIfStartedBy(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            owner = null;
            stop();
            deleteDataDir();
        }
    }

    /** Stops the emulator and starts it again on the same data directory (new ports; clients are remade). */
    public synchronized void restart() {
        emulator();
        stop();
        launch();
    }

    private void launch() {
        try {
            EmulatorConfig config = settings.apply(EmulatorConfig.ephemeral());
            if (temporaryDataDir) {
                if (dataDir == null) {
                    dataDir = Files.createTempDirectory("emulator-data");
                }
                config = config.withDataDir(dataDir);
            }
            emulator = Emulator.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator did not start: " + e.getMessage(), e);
        }
    }

    private void stop() {
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

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
        dataDir = null;
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

    /**
     * The DICOMweb endpoint ({@code http://127.0.0.1:PORT}): requests go to {@code /datastore/<id>/studies…}
     * as on AWS's DICOMweb host (docs/emulator.md).
     */
    public java.net.URI dicomWeb() {
        return endpoints().dicomWeb();
    }

    /** Throttling, server errors and failing or slow jobs, on demand. */
    public FaultInjector faults() {
        return emulator().faults();
    }

    /** The data directory of {@link #withTemporaryDataDir()}; null otherwise. */
    public synchronized Path dataDir() {
        return dataDir;
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
        return type == Emulator.class || type == EmulatorEndpoints.class || type == FaultInjector.class
                || type == MedicalImagingClient.class || type == S3Client.class || type == SqsClient.class
                || type == EventBridgeClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Emulator.class) {
            return emulator();
        } else if (type == EmulatorEndpoints.class) {
            return endpoints();
        } else if (type == FaultInjector.class) {
            return faults();
        } else if (type == MedicalImagingClient.class) {
            return ahi();
        } else if (type == S3Client.class) {
            return s3();
        } else if (type == SqsClient.class) {
            return sqs();
        }
        return eventBridge();
    }
}
