package org.ahibridge.importing;

import java.time.Clock;

import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.ahi.TokenBucket;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.SeenObjects;
import org.ahibridge.ledger.SourceObjects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Beans of the import pipeline built from {@link ImportProperties}; routes use them by name. */
@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

    @Bean
    BatchPolicy batchPolicy(ImportProperties properties) {
        return properties.batchPolicy();
    }

    @Bean
    BatchAssembler batchAssembler(Batches batches, ObjectTransitions transitions, TransactionTemplate ledgerTransactions,
            BatchPolicy batchPolicy, Clock clock) {
        return new BatchAssembler(batches, transitions, ledgerTransactions, batchPolicy, new BatchIds(clock), clock);
    }

    @Bean
    StabilityRule stabilityRule(ImportProperties properties) {
        return new StabilityRule(properties.discovery().stableAfter(),
                new TemporaryNames(properties.discovery().temporaryNames()));
    }

    @Bean
    IncrementalLister incrementalLister(ListingPositions positions, SeenObjects seen, SourceObjects objects,
            StabilityRule stabilityRule, Clock clock, ImportProperties properties) {
        return new IncrementalLister(positions, seen, objects, stabilityRule, clock, properties.discovery().pageSize());
    }

    @Bean
    ManifestReader manifestReader(ObjectProvider<ObjectMapper> json) {
        return new ManifestReader(json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    ManifestJoin manifestJoin(ImportProperties properties) {
        return new ManifestJoin(properties.maxAttempts());
    }

    @Bean(destroyMethod = "close")
    AhiTemplates ahiTemplates(ImportProperties properties) {
        return new AhiTemplates(new TokenBucket(properties.jobs().startsPerSecond(), properties.jobs().startBurst()));
    }
}
