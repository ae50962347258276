package org.ahibridge.testing;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The route files tests load, as {@code camel.main.routes-include-pattern} values. */
public final class ImportRouteFiles {

    /**
     * The object flow, the batch steps (import-pass and import-tick send to import-advance, which splits into
     * import-batch and import-job) and the outcome routes with their error configuration: what every import
     * path takes.
     */
    public static final String FLOW = files("error-handling", "import-dead-letter", "import-pass", "import-objects",
            "import-batching", "import-object", "import-rules", "import-skip", "import-outcome", "import-failed", "import-advance",
            "import-batch", "import-job");

    private ImportRouteFiles() {
    }

    /** {@code file:routes/<name>.camel.yaml} for each name, comma-separated. */
    public static String files(String... names) {
        return Stream.of(names).map(name -> "file:routes/" + name + ".camel.yaml").collect(Collectors.joining(","));
    }
}
