package org.ahibridge.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageRegistration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's health components beside Spring Boot's own ({@code db}: the ledger's DataSource,
 * {@code livenessState}, {@code readinessState}, {@code diskSpace}): {@code ahi}, one child per registered
 * datastore, and {@code storages}, one child per registered storage, each result kept for
 * {@code ahibridge.health.cache-ttl}. The readiness group (application.yaml) takes {@code db} and {@code ahi}.
 * Only the service serves them (the one-shot commands open no port), but they exist in every context: the
 * readiness group names {@code ahi}, and Spring Boot refuses to start when a group names a missing component.
 * Making them does no I/O; only a health request checks anything.
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    CompositeHealthContributor ahiHealthContributor(Registrations registrations, AhiTemplates ahiTemplates,
            @Value("${ahibridge.health.cache-ttl:PT10S}") Duration cacheTtl, Clock clock) {
        Map<String, HealthIndicator> datastores = new LinkedHashMap<>();
        for (DatastoreRegistration datastore : registrations.datastores()) {
            // The AHI client is made at the first check, not here: the first SDK client of a JVM costs about
            // a second of class loading and set-up, which the service's start would otherwise wait for.
            datastores.put(datastore.name(), new CachedHealth(new DatastoreHealth(
                    () -> ahiTemplates.forDatastore(datastore), datastore.datastoreId()), cacheTtl, clock));
        }
        return CompositeHealthContributor.fromMap(datastores);
    }

    @Bean
    CompositeHealthContributor storagesHealthContributor(Registrations registrations, BlobStores blobStores,
            @Value("${ahibridge.health.cache-ttl:PT10S}") Duration cacheTtl, Clock clock) {
        Map<String, HealthIndicator> storages = new LinkedHashMap<>();
        for (StorageRegistration storage : registrations.storages()) {
            storages.put(storage.name(), new CachedHealth(new StorageHealth(storage, () -> blobStores.open(storage)),
                    cacheTtl, clock));
        }
        return CompositeHealthContributor.fromMap(storages);
    }
}
