package org.ahibridge.dicom.testing;

import java.util.Optional;

/**
 * Something a test needs that a machine with only a JDK and Maven lacks: an external tool, a server, a file
 * the build makes. Tests name it with {@link Requires}; where it is missing each of them is reported skipped,
 * one by one, with {@link #missing()} as the reason.
 *
 * <p>Implementations need a public no-argument constructor; one instance serves the whole test JVM, so an
 * expensive check should remember its answer.
 */
public interface Prerequisite {

    /**
     * Empty when present; otherwise what is missing and how to get it, in words a developer can act on, for
     * example {@code "dcmtk is not installed (sudo apt-get install dcmtk)"}. Equal reasons are counted together
     * in the skip summary, so the text should not vary from test to test.
     */
    Optional<String> missing();

    /**
     * True where a missing prerequisite must fail its tests instead of skipping them: on CI, which installs it,
     * a broken install must not pass unnoticed.
     */
    default boolean mustNotSkip() {
        return false;
    }

    /** True when the environment variable is {@code true}: how CI says that it installed a prerequisite. */
    static boolean requiredBy(String environmentVariable) {
        return Boolean.parseBoolean(System.getenv(environmentVariable));
    }

    /** Set by CI, which installs dcmtk, dicom3tools and pydicom: their tests fail there instead of skipping. */
    String REQUIRE_TOOLS = "AHIBRIDGE_REQUIRE_TOOLS";
}
