package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/** The built jar carries every route file a command loads (RouteFilesTest checks the classpath of the build). */
class PackagedRoutesIT {

    @Test
    void shouldCarryEveryRouteACommandLoads() throws IOException {
        BuiltJar.assumeBuilt();
        try (JarFile jar = new JarFile(BuiltJar.JAR.toFile())) {
            assertThat(RouteFilesTest.commandRoutes())
                    .allSatisfy(name -> assertThat(jar.getEntry(RouteFiles.path(name))).as(name).isNotNull());
        }
    }
}
