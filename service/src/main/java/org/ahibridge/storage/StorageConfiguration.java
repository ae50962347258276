package org.ahibridge.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registrations validated at startup (an invalid configuration stops the service with every problem
 * listed), and the factory of guarded blob stores.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    Registrations registrations(RegistrationProperties properties) {
        return Registrations.from(properties);
    }

    @Bean(destroyMethod = "close")
    BlobStores blobStores(Registrations registrations, RegistrationProperties properties) {
        return new BlobStores().withS3MaxConnections(properties.s3().effectiveMaxConnections())
                .withAccessRules(registrations.accessRules());
    }
}
