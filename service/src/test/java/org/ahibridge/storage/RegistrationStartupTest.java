package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** An invalid registration stops startup with every problem and its key. */
class RegistrationStartupTest {

    @Configuration
    @EnableConfigurationProperties(RegistrationProperties.class)
    static class Properties {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StorageConfiguration.class);

    @Test
    void shouldRefuseToStartWithAnInvalidAccessModeNamingTheKey() {
        context.withPropertyValues("ahibridge.storages.inbox.location=file:in", "ahibridge.storages.inbox.access=rw",
                "ahibridge.storages.archive.location=s3://x/")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidRegistrationException.class)
                        .hasMessageContaining("ahibridge.storages.inbox.access: 'rw' is not an access mode")
                        .hasMessageContaining("ahibridge.storages.archive.location")
                        .hasMessageContaining("ahibridge.storages.archive.access: missing"));
    }

    @Test
    void shouldStartWithValidRegistrations() {
        context.withPropertyValues("ahibridge.storages.inbox.location=file:in", "ahibridge.storages.inbox.access=read")
                .run(started -> assertThat(started).hasNotFailed().getBean(Registrations.class)
                        .satisfies(r -> assertThat(r.storage("inbox")).isPresent()));
    }
}
