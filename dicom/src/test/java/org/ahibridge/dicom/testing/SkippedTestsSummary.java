package org.ahibridge.dicom.testing;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test JVM has run its tests, how many were skipped and why, grouped by reason: one block per
 * Surefire or Failsafe run of each module (per forked JVM, when a module's tests run in several). It counts only
 * what JUnit reported (a disabled test, or an aborted one whose assumption failed), so the numbers match the
 * runner's "Skipped". Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}
 * of the dicom module's test-jar, which every module's tests have on their class path: the block is printed when
 * the launcher session closes, because a Surefire fork that takes its classes one at a time (forkCount above 1)
 * runs one test plan per class in one session, and a block per class would bury the counts.
 *
 * <p>A class skipped as a whole is reported as one container: JUnit does not report its tests, so they are
 * listed apart, to show that the real number is larger. {@link RequiresCondition} avoids that.
 */
public final class SkippedTestsSummary implements TestExecutionListener, LauncherSessionListener {

    private static final String PREFIX = "[skipped tests] ";
    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";
    private static final int LONGEST_REASON = 400;

    private final PrintStream out;
    private final Map<String, Integer> testsByReason = new LinkedHashMap<>();
    private final Map<String, Integer> classesByReason = new LinkedHashMap<>();
    /** Counts over a launcher session's test plans, printed at its end; otherwise one block per test plan. */
    private final boolean perSession;
    private int testsReported;

    /** As the service loader makes it: one block per launcher session. */
    public SkippedTestsSummary() {
        this(System.out, true);
    }

    /** A listener handed to one launcher run: one block per test plan. */
    SkippedTestsSummary(PrintStream out) {
        this(out, false);
    }

    SkippedTestsSummary(PrintStream out, boolean perSession) {
        this.out = out;
        this.perSession = perSession;
    }

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        if (perSession) {
            reset();
            session.getLauncher().registerTestExecutionListeners(this);
        }
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (perSession) {
            print();
        }
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        if (!perSession) {
            reset();
        }
    }

    private void reset() {
        testsByReason.clear();
        classesByReason.clear();
        testsReported = 0;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        count(identifier, reason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(identifier, result.getThrowable().map(Throwable::getMessage).orElse(null));
        } else if (identifier.isTest()) {
            testsReported++;
        }
    }

    private void count(TestIdentifier identifier, String reason) {
        String cleaned = clean(reason);
        if (identifier.isTest() || !identifier.getSource().map(ClassSource.class::isInstance).orElse(true)) {
            // A test, or a parameterized test or test factory skipped before it made its tests: one entry each,
            // as Surefire counts them.
            testsReported++;
            testsByReason.merge(cleaned, 1, Integer::sum);
        } else if (identifier.getSource().isPresent()) {
            classesByReason.merge(cleaned, 1, Integer::sum);
        }
    }

    private static String clean(String reason) {
        if (reason == null || reason.isBlank()) {
            return "(no reason given)";
        }
        String text = reason.strip();
        if (text.startsWith(ASSUMPTION_PREFIX)) {
            text = text.substring(ASSUMPTION_PREFIX.length());
        }
        text = text.lines().findFirst().orElse(text).strip();
        return text.length() <= LONGEST_REASON ? text : text.substring(0, LONGEST_REASON) + "...";
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (!perSession) {
            print();
        }
    }

    private void print() {
        int skipped = testsByReason.values().stream().mapToInt(Integer::intValue).sum();
        if (testsReported == 0 && classesByReason.isEmpty()) {
            return;
        }
        StringBuilder block = new StringBuilder();
        block.append(PREFIX).append(skipped == 0 ? "none" : skipped).append(" of ").append(testsReported)
                .append(testsReported == 1 ? " test" : " tests").append(" skipped")
                .append(skipped == 0 && classesByReason.isEmpty() ? "" : ", by reason:").append('\n');
        byCount(testsByReason).forEach(e -> block.append(PREFIX).append(String.format("%5d skipped: ", e.getValue()))
                .append(e.getKey()).append('\n'));
        byCount(classesByReason).forEach(e -> block.append(PREFIX).append(String.format("%5d whole ", e.getValue()))
                .append(e.getValue() == 1 ? "class" : "classes").append(" skipped, tests not counted: ")
                .append(e.getKey()).append('\n'));
        out.print(block);
        out.flush();
    }

    private static java.util.List<Map.Entry<String, Integer>> byCount(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
