package org.ahibridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a command loads each of its route files from: {@code routes/NAME.camel.yaml} of the working folder when
 * it is there, as the service loads it, so an integration team's edits apply to commands too; else the copy the
 * jar carries (service/pom.xml packages every routes/*.camel.yaml), so a command works from any folder. Decided
 * file by file, so a deployment folder of an older release that lacks a newer file still runs.
 */
final class RouteFiles {

    private RouteFiles() {
    }

    /** {@code file:routes/NAME.camel.yaml} when the working folder has it, else {@code classpath:} the same. */
    static String location(String name) {
        String file = path(name);
        return Files.isRegularFile(Path.of(file)) ? "file:" + file : "classpath:" + file;
    }

    /** The {@code camel.main.routes-include-pattern} setting that loads exactly these routes. */
    static String includePattern(List<String> names) {
        return "camel.main.routes-include-pattern="
                + names.stream().map(RouteFiles::location).collect(Collectors.joining(","));
    }

    /** The file's path, relative both to the working folder and to the jar's root. */
    static String path(String name) {
        return "routes/" + name + ".camel.yaml";
    }
}
