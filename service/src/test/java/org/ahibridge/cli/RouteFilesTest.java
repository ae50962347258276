package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every route file a command loads is packaged (service/pom.xml copies routes/*.camel.yaml into the jar), so a
 * command run from a folder without routes/ finds each one; a file routes/ of the working folder holds wins.
 * Tests run from the project folder, whose routes/ holds them all. PackagedRoutesIT checks the built jar.
 */
class RouteFilesTest {

    static List<String> commandRoutes() {
        return Stream.concat(CommandContext.ONE_SHOT_ROUTES.stream(), ExportCommand.ROUTE_FILES.stream()).distinct()
                .toList();
    }

    @Test
    void shouldFindEveryRouteACommandLoadsOnTheClasspath() {
        assertThat(commandRoutes()).allSatisfy(name -> assertThat(RouteFilesTest.class.getClassLoader()
                .getResource(RouteFiles.path(name))).as(RouteFiles.path(name)).isNotNull());
    }

    @Test
    void shouldTakeTheWorkingFoldersFileWhenThereAndTheJarsCopyOtherwise() {
        assertThat(RouteFiles.location("import-objects")).isEqualTo("file:routes/import-objects.camel.yaml");
        assertThat(RouteFiles.location("no-such-route")).isEqualTo("classpath:routes/no-such-route.camel.yaml");
        assertThat(RouteFiles.includePattern(List.of("import-objects", "no-such-route")))
                .isEqualTo("camel.main.routes-include-pattern=file:routes/import-objects.camel.yaml,"
                        + "classpath:routes/no-such-route.camel.yaml");
    }
}
