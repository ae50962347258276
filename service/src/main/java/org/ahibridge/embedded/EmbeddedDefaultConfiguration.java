package org.ahibridge.embedded;

import java.nio.file.Path;

import org.ahibridge.ahi.AhiClients;
import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.S3Clients;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * The embedded default (docs/design.md §5): when no datastore named {@code local} is configured (and
 * {@code ahibridge.embedded.enabled} is not false), {@code local} is registered and served by the
 * in-process {@link EmbeddedEmulator} (state in {@code ahibridge.embedded.data-dir}, default
 * {@code data/emulator}). The only production package allowed to start the emulator. S3 and AHI
 * clients of the emulator's endpoints get its dummy static credentials; every other client keeps the
 * AWS default credentials chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ahibridge.embedded.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedDefaultConfiguration {

    @Bean(destroyMethod = "close")
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static EmbeddedEmulator embeddedEmulator(Environment environment) {
        return new EmbeddedEmulator(Path.of(environment.getProperty("ahibridge.embedded.data-dir", "data/emulator")),
                environment.getProperty("ahibridge.embedded.start-in-background", Boolean.class, true));
    }

    /** Adds {@code local} to the registrations and routes emulator endpoints to emulator credentials. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanPostProcessor embeddedDefaultRegistrations(EmbeddedEmulator emulator) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof Registrations registrations && !registrations.hasDatastore(EmbeddedEmulator.DATASTORE)) {
                    return registrations.withDatastore(emulator.local());
                }
                if (bean instanceof BlobStores stores) {
                    return stores.withS3ClientFactory((connection, pool) -> emulator.owns(connection.endpoint())
                            ? S3Clients.create(connection, readyCredentials(emulator), pool)
                            : S3Clients.create(connection, pool));
                }
                if (bean instanceof AhiTemplates templates) {
                    return templates.withClientFactory((region, endpoint) -> emulator.owns(endpoint)
                            ? AhiClients.create(region, endpoint, readyCredentials(emulator))
                            : AhiClients.create(region, endpoint));
                }
                return bean;
            }
        };
    }

    /** The emulator's credentials, once it serves: a client of its endpoints is made only when it is needed. */
    private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider readyCredentials(
            EmbeddedEmulator emulator) {
        emulator.awaitReady();
        return EmbeddedEmulator.credentials();
    }
}
