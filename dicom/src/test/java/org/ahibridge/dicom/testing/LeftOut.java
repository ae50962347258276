package org.ahibridge.dicom.testing;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * For a test factory whose tests run with part of their inputs or checks missing: one dynamic test that
 * stands for the part left out and is reported skipped with the reason, so that a partial run shows in the
 * counts instead of passing as if it were whole.
 */
public final class LeftOut {

    private LeftOut() {
    }

    /**
     * Empty when {@code prerequisite} is present; else one test named {@code what}, skipped with the reason, or
     * failed where the run must not skip it.
     */
    public static Stream<DynamicTest> unless(Prerequisite prerequisite, String what) {
        Optional<String> missing = prerequisite.missing();
        return missing.stream().map(reason -> DynamicTest.dynamicTest(what, () -> {
            if (prerequisite.mustNotSkip()) {
                throw new IllegalStateException(reason + " (required here: this run must not skip it)");
            }
            Assumptions.abort(reason);
        }));
    }
}
