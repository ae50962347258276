package org.ahibridge.exporting;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code exportService} bean the export routes call (routes/export-*.camel.yaml). */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    @Bean("exportService")
    @ConditionalOnMissingBean(name = "exportService")
    ExportService exportService(ExportProperties properties) {
        return new ExportService(properties, Path.of("application.yaml"));
    }
}
