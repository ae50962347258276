package org.ahibridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * Every file in {@code routes/} parses as Camel YAML DSL, starts with a contract comment, and follows the
 * conventions of routes/README.md: a route file holds one route whose id is the file name, which names a
 * routeConfigurationId, and whose {@code direct:} endpoint (when it has one) has the same name; a template file
 * holds one route template named as the file, which names a routeConfigurationId.
 */
class AllRoutesLoadTest {

    static final Path ROUTES = Path.of("routes");

    @Test
    void shouldLoadEveryRouteFileWithItsIdEqualToTheFileNameAndAnErrorConfiguration() throws Exception {
        List<Path> files = files();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".camel.yaml", "");
            assertThat(Files.readString(file)).as(file.toString()).startsWith("# Route");
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                PluginHelper.getRoutesLoader(context).loadRoutes(
                        ResourceHelper.resolveMandatoryResource(context, "file:" + file.toAbsolutePath()));
                ModelCamelContext model = context;
                List<RouteDefinition> routes = model.getRouteDefinitions();
                List<RouteConfigurationDefinition> configurations = model.getRouteConfigurationDefinitions();
                List<RouteTemplateDefinition> templates = model.getRouteTemplateDefinitions();
                if (!templates.isEmpty()) {
                    // A template file (import-source): one template named as the file, with the error configuration.
                    assertThat(routes).as(file.toString()).isEmpty();
                    assertThat(templates).as(file.toString()).singleElement().satisfies(template -> {
                        assertThat(template.getId()).isEqualTo(name);
                        assertThat(template.getRoute().getRouteConfigurationId()).as(name).isNotBlank();
                    });
                    continue;
                }
                if (routes.isEmpty()) {
                    assertThat(configurations).as(file.toString()).singleElement()
                            .satisfies(c -> assertThat(c.getId()).isEqualTo("default-errors"));
                    continue;
                }
                assertThat(routes).as(file.toString()).singleElement().satisfies(route -> {
                    assertThat(route.getRouteId()).isEqualTo(name);
                    assertThat(route.getRouteConfigurationId()).as(name).isNotBlank();
                    String from = route.getInput().getEndpointUri();
                    if (from.startsWith("direct:")) {
                        assertThat(from).isEqualTo("direct:" + name);
                    }
                });
            }
        }
    }

    @Test
    void shouldDefineTheDefaultErrorsConfigurationExactlyOnce() throws Exception {
        long count = 0;
        for (Path file : files()) {
            count += Files.readString(file).lines().filter(l -> l.trim().equals("id: default-errors")).count();
        }
        assertThat(count).isEqualTo(1);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(ROUTES)) {
            return all.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }
}
