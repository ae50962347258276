package org.ahibridge.exporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import org.ahibridge.storage.RegistrationProperties;

/**
 * The configuration the {@code export} command needs, bound without starting Spring: system
 * properties, environment variables (AHIBRIDGE_...), then {@code application.yaml} of the working
 * folder (or {@code --config FILE}), then the jar's built-in defaults, with Spring Boot's relaxed binding
 * and placeholders, so the keys mean what they mean to the service.
 */
public final class ExportConfig {

    /** The shipped application.yaml, which the build puts into the jar. */
    private static final String BUILT_IN_DEFAULTS = "application.yaml";

    private final Binder binder;

    private ExportConfig(Binder binder) {
        this.binder = binder;
    }

    public static ExportConfig load(Path file) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().forEach(sources::addLast);
        if (file != null && Files.isRegularFile(file)) {
            List<PropertySource<?>> yaml = new ArrayList<>(new YamlPropertySourceLoader()
                    .load("config", new FileSystemResource(file)));
            yaml.forEach(sources::addLast);
        }
        // Last: the jar's built-in defaults, as the service reads them under ./application.yaml.
        ClassPathResource defaults = new ClassPathResource(BUILT_IN_DEFAULTS);
        if (defaults.exists()) {
            new YamlPropertySourceLoader().load("defaults", defaults).forEach(sources::addLast);
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources));
        return new ExportConfig(binder);
    }

    public RegistrationProperties registrations() {
        return binder.bind("ahibridge", Bindable.of(RegistrationProperties.class))
                .orElse(new RegistrationProperties(null, null, null));
    }

    public String string(String key, String orElse) {
        return binder.bind(key, String.class).orElse(orElse);
    }
}
