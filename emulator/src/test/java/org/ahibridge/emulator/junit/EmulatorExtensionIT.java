package org.ahibridge.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.emulator.ahi.fault.FaultInjector;

/**
 * {@link EmulatorExtension}, run on sample test classes through the JUnit engine: it starts before the tests,
 * injects the emulator, its endpoints, fault injector and clients, serves a class (and its nested classes) or
 * each test, restarts on its data directory, and stops once the class or test that started it is done.
 */
class EmulatorExtensionIT {

    /** The AHI endpoints the sample tests saw, in the order they ran. */
    static final List<URI> SEEN = new CopyOnWriteArrayList<>();
    static final List<String> DATASTORES = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        SEEN.clear();
        DATASTORES.clear();
    }

    @Test
    void shouldServeAWholeClassAndItsNestedClassFromOneEmulatorAndStopAfterIt() {
        Events tests = run(PerClass.class);

        tests.assertStatistics(stats -> stats.succeeded(3).failed(0));
        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        assertStopped(SEEN.get(0));
    }

    @Test
    void shouldGiveEachTestItsOwnEmulatorWhenRegisteredInAnInstanceField() {
        Events tests = run(PerMethod.class);

        tests.assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        SEEN.forEach(EmulatorExtensionIT::assertStopped);
    }

    @Test
    void shouldKeepStateAcrossARestartOnItsTemporaryDataDirectory() {
        Events tests = run(Restarting.class);

        tests.assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        assertThat(DATASTORES).hasSize(2).containsOnly(DATASTORES.get(0));
        SEEN.forEach(EmulatorExtensionIT::assertStopped);
    }

    @Test
    void shouldRunWithTheDefaultsWhenDeclaredWithExtendWith() {
        run(Declared.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertStopped(SEEN.get(0));
    }

    private static Events run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    private static void assertStopped(URI endpoint) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2_000);
            }
        }).as("AHI still answers on " + endpoint).isInstanceOf(IOException.class);
    }

    static class PerClass {
        @RegisterExtension
        static final EmulatorExtension EMULATOR = EmulatorExtension.create();

        @Test
        void injectsTheEmulatorAndItsParts(Emulator emulator, EmulatorEndpoints endpoints, FaultInjector faults,
                MedicalImagingClient ahi, S3Client s3) {
            assertThat(endpoints).isEqualTo(emulator.endpoints()).isEqualTo(EMULATOR.endpoints());
            assertThat(faults).isSameAs(EMULATOR.faults());
            assertThat(ahi).isSameAs(EMULATOR.ahi());
            s3.createBucket(b -> b.bucket("per-class"));
            assertThat(ahi.listDatastores(b -> b.maxResults(5)).datastoreSummaries()).isEmpty();
            SEEN.add(endpoints.ahi());
        }

        @Test
        void seesWhatAnEarlierTestOfTheClassMade(S3Client s3, EmulatorEndpoints endpoints) {
            // Test order is not fixed: whichever runs second finds the bucket or makes it.
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals("per-class"))) {
                s3.createBucket(b -> b.bucket("per-class"));
            }
            SEEN.add(endpoints.ahi());
        }

        @Nested
        class Inner {
            @Test
            void usesTheOuterClassEmulator(EmulatorEndpoints endpoints) {
                assertThat(EMULATOR.s3().listBuckets().buckets()).extracting(b -> b.name()).contains("per-class");
                SEEN.add(endpoints.ahi());
            }
        }
    }

    static class PerMethod {
        @RegisterExtension
        final EmulatorExtension emulator = EmulatorExtension.create();

        @Test
        void first(EmulatorEndpoints endpoints) {
            SEEN.add(endpoints.ahi());
        }

        @Test
        void second() {
            SEEN.add(emulator.endpoints().ahi());
        }
    }

    static class Restarting {
        @RegisterExtension
        static final EmulatorExtension EMULATOR = EmulatorExtension.create().withTemporaryDataDir();

        @Test
        void keepsTheDatastoreAcrossARestart() {
            Path dataDir = EMULATOR.dataDir();
            assertThat(dataDir).isDirectory();
            DATASTORES.add(EMULATOR.ahi().createDatastore(b -> b.datastoreName("kept")).datastoreId());
            SEEN.add(EMULATOR.endpoints().ahi());

            EMULATOR.restart();

            assertThat(EMULATOR.dataDir()).isEqualTo(dataDir);
            DATASTORES.add(EMULATOR.ahi().listDatastores(b -> b.maxResults(5)).datastoreSummaries().get(0)
                    .datastoreId());
            SEEN.add(EMULATOR.endpoints().ahi());
            assertThat(Files.exists(dataDir)).isTrue();
        }
    }

    @ExtendWith(EmulatorExtension.class)
    static class Declared {
        @Test
        void injects(EmulatorEndpoints endpoints, FaultInjector faults) {
            assertThat(faults).isNotNull();
            SEEN.add(endpoints.ahi());
        }
    }
}
