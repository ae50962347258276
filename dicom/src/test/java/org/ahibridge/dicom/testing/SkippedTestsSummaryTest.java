package org.ahibridge.dicom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The summary counts what JUnit reported skipped, grouped by reason, and says when whole classes hid tests. */
class SkippedTestsSummaryTest {

    static final String TOOL = "sample tool is not installed (install it)";

    @Test
    void shouldCountSkippedTestsByReasonWithTheMostFrequentFirst() {
        String summary = summaryOf(MixedOutcomes.class);

        assertThat(summary.lines()).containsExactly(
                "[skipped tests] 4 of 6 tests skipped, by reason:",
                "[skipped tests]     2 skipped: " + TOOL,
                "[skipped tests]     1 skipped: dataset absent here",
                "[skipped tests]     1 skipped: not this week");
    }

    @Test
    void shouldSayNoneWhenEveryTestRan() {
        assertThat(summaryOf(AllRun.class)).isEqualTo("[skipped tests] none of 2 tests skipped\n");
    }

    @Test
    void shouldReportAClassSkippedAsAWholeApartSinceItsTestsWereNotCounted() {
        String summary = summaryOf(AbortedInBeforeAll.class, AllRun.class);

        assertThat(summary.lines()).containsExactly(
                "[skipped tests] none of 2 tests skipped, by reason:",
                "[skipped tests]     1 whole class skipped, tests not counted: server absent");
    }

    @Test
    void shouldPrintOneBlockForEveryTestPlanOfALauncherSession() {
        // A Surefire fork with forkCount above 1 runs one test plan per class in one session.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SkippedTestsSummary summary = new SkippedTestsSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true);
        LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false).addLauncherSessionListeners(summary).build();
        try (LauncherSession session = LauncherFactory.openSession(config)) {
            for (Class<?> sample : new Class<?>[] {MixedOutcomes.class, AllRun.class}) {
                session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample))
                        .build());
                assertThat(bytes.toString(StandardCharsets.UTF_8)).as("printed before the session ends").isEmpty();
            }
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[skipped tests] 4 of 8 tests skipped, by reason:",
                "[skipped tests]     2 skipped: " + TOOL,
                "[skipped tests]     1 skipped: dataset absent here",
                "[skipped tests]     1 skipped: not this week");
    }

    private static String summaryOf(Class<?>... samples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // Only the listener under test: the one registered for the whole build would print here too.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).enableLauncherSessionListenerAutoRegistration(false)
                .build());
        var request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> sample : samples) {
            request.selectors(selectClass(sample));
        }
        launcher.execute(request.build(), new SkippedTestsSummary(out));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public static final class MissingTool implements Prerequisite {
        @Override
        public Optional<String> missing() {
            return Optional.of(TOOL);
        }
    }

    static class MixedOutcomes {
        @Test
        void runs() {
        }

        @Test
        void alsoRuns() {
        }

        @Test
        @Requires(MissingTool.class)
        void needsTheTool() {
        }

        @Test
        @Requires(MissingTool.class)
        void alsoNeedsTheTool() {
        }

        @Test
        void abortsInside() {
            Assumptions.abort("dataset absent here");
        }

        @Test
        @Disabled("not this week")
        void disabled() {
        }
    }

    static class AllRun {
        @Test
        void one() {
        }

        @Test
        void two() {
        }
    }

    static class AbortedInBeforeAll {
        @BeforeAll
        static void needsAServer() {
            Assumptions.abort("server absent");
        }

        @Test
        void hidden() {
        }
    }
}
