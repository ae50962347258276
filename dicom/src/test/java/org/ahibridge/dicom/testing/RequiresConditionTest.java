package org.ahibridge.dicom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link Requires}: a missing prerequisite skips each test with its reason, and leaves the class fixtures out. */
class RequiresConditionTest {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final String REASON = "sample tool is not installed (install it)";

    @BeforeEach
    void forgetCalls() {
        CALLS.clear();
    }

    @Test
    void shouldSkipEveryTestOfAClassWhosePrerequisiteIsMissingWithItsReason() {
        EngineExecutionResults results = run(NeedsMissingTool.class);
        Events tests = results.testEvents();
        Events containers = results.containerEvents();

        assertThat(tests.skipped().count()).isEqualTo(2);
        tests.assertThatEvents().haveExactly(2, event(test(), skippedWithReason(REASON)));
        assertThat(tests.started().count()).isZero();
        // The parameterized test is one skipped entry, its source never asked for arguments.
        containers.assertThatEvents().haveExactly(1, event(skippedWithReason(REASON)));
        assertThat(CALLS).as("fixtures and argument sources that ran").isEmpty();
    }

    @Test
    void shouldRunTheClassAndItsFixturesWhenThePrerequisiteIsPresent() {
        Events tests = run(NeedsPresentTool.class).testEvents();

        assertThat(tests.succeeded().count()).isEqualTo(2);
        assertThat(tests.skipped().count()).isZero();
        assertThat(CALLS).containsExactly("beforeAll", "test", "test", "afterAll");
    }

    @Test
    void shouldSkipOnlyTheMethodThatNeedsWhatIsMissing() {
        Events tests = run(OneMethodNeedsMissingTool.class).testEvents();

        assertThat(tests.succeeded().count()).isEqualTo(1);
        tests.assertThatEvents().haveExactly(1, event(test("needsTheTool"), skippedWithReason(REASON)));
        assertThat(CALLS).containsExactly("beforeAll", "test", "afterAll");
    }

    @Test
    void shouldSkipTheTestsOfANestedClassWhoseOuterClassNeedsWhatIsMissing() {
        Events tests = run(OuterNeedsMissingTool.class).testEvents();

        tests.assertThatEvents().haveExactly(2, event(test(), skippedWithReason(REASON)));
        assertThat(CALLS).isEmpty();
    }

    @Test
    void shouldFailInsteadOfSkippingWhereTheRunMustNotSkip() {
        Events tests = run(NeedsRequiredMissingTool.class).testEvents();

        assertThat(tests.skipped().count()).isZero();
        assertThat(tests.failed().count()).isEqualTo(1);
        assertThat(tests.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow()).map(RequiresConditionTest::messages))
                .singleElement().asString().contains(REASON);
    }

    private static EngineExecutionResults run(Class<?> sample) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    private static String messages(Throwable throwable) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" / ");
        }
        return text.toString();
    }

    public static final class MissingTool implements Prerequisite {
        @Override
        public Optional<String> missing() {
            return Optional.of(REASON);
        }
    }

    public static final class PresentTool implements Prerequisite {
        @Override
        public Optional<String> missing() {
            return Optional.empty();
        }
    }

    public static final class RequiredMissingTool implements Prerequisite {
        @Override
        public Optional<String> missing() {
            return Optional.of(REASON);
        }

        @Override
        public boolean mustNotSkip() {
            return true;
        }
    }

    @Requires(MissingTool.class)
    static class NeedsMissingTool {
        @BeforeAll
        static void beforeAll() {
            CALLS.add("beforeAll");
            throw new IllegalStateException("a fixture that needs the tool");
        }

        @AfterAll
        static void afterAll() {
            CALLS.add("afterAll");
        }

        static Stream<String> arguments() {
            CALLS.add("arguments");
            return Stream.of("a", "b");
        }

        @Test
        void first() {
            CALLS.add("test");
        }

        @Test
        void second() {
            CALLS.add("test");
        }

        @ParameterizedTest
        @MethodSource("arguments")
        void each(String argument) {
            CALLS.add("test");
        }
    }

    @Requires(PresentTool.class)
    static class NeedsPresentTool {
        @BeforeAll
        static void beforeAll() {
            CALLS.add("beforeAll");
        }

        @AfterAll
        static void afterAll() {
            CALLS.add("afterAll");
        }

        @Test
        void first() {
            CALLS.add("test");
        }

        @Test
        void second() {
            CALLS.add("test");
        }
    }

    static class OneMethodNeedsMissingTool {
        @BeforeAll
        static void beforeAll() {
            CALLS.add("beforeAll");
        }

        @AfterAll
        static void afterAll() {
            CALLS.add("afterAll");
        }

        @Test
        void needsNothing() {
            CALLS.add("test");
        }

        @Test
        @Requires(MissingTool.class)
        void needsTheTool() {
            CALLS.add("test");
        }
    }

    @Requires(MissingTool.class)
    static class OuterNeedsMissingTool {
        @Test
        void outer() {
            CALLS.add("test");
        }

        @Nested
        class Inner {
            @BeforeAll
            static void beforeAll() {
                CALLS.add("beforeAll");
            }

            @Test
            void inner() {
                CALLS.add("test");
            }
        }
    }

    @Requires(RequiredMissingTool.class)
    static class NeedsRequiredMissingTool {
        @Test
        void test() {
            CALLS.add("test");
        }
    }
}
