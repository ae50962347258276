package org.ahibridge.importing;

import java.time.Clock;

import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.audit.AuditSink;
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
            StabilityRule stabilityRule, AuditedOutcomes auditedOutcomes, Clock clock, ImportProperties properties) {
        return new IncrementalLister(positions, seen, objects, stabilityRule, auditedOutcomes, clock,
                properties.discovery().pageSize());
    }

    @Bean
    ManifestReader manifestReader(ObjectProvider<ObjectMapper> json) {
        return new ManifestReader(json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    ManifestJoin manifestJoin(ImportProperties properties) {
        return new ManifestJoin(properties.maxAttempts());
    }

    @Bean
    AuditedOutcomes auditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink auditSink,
            Clock clock) {
        return new AuditedOutcomes(objects, transitions, auditSink, clock);
    }

    @Bean
    VerdictRecorder verdictRecorder(ObjectTransitions transitions, AuditedOutcomes auditedOutcomes,
            ImportProperties properties) {
        return new VerdictRecorder(transitions, auditedOutcomes, properties.importRules());
    }

    @Bean
    Redrive redrive(SourceObjects objects, ObjectTransitions transitions) {
        return new Redrive(objects, transitions);
    }

    @Bean
    StagingCleaner stagingCleaner() {
        return new StagingCleaner();
    }

    @Bean
    BatchStager batchStager(SourceObjects objects, ObjectTransitions transitions, Batches batches,
            AuditedOutcomes auditedOutcomes) {
        return new BatchStager(objects, transitions, batches, auditedOutcomes);
    }

    @Bean
    ImportJobStarter importJobStarter(AhiTemplates ahiTemplates, Batches batches, ObjectTransitions transitions,
            TransactionTemplate ledgerTransactions, ImportProperties properties) {
        return new ImportJobStarter(ahiTemplates::forDatastore, batches, transitions, ledgerTransactions,
                properties.jobs().maxConcurrentPerDatastore());
    }

    @Bean
    JobAccounting jobAccounting(SourceObjects objects, ObjectTransitions transitions, Batches batches,
            ManifestReader manifestReader, ManifestJoin manifestJoin, AuditedOutcomes auditedOutcomes) {
        return new JobAccounting(objects, transitions, batches, manifestReader, manifestJoin, auditedOutcomes);
    }

    @Bean(destroyMethod = "close")
    AhiTemplates ahiTemplates(ImportProperties properties) {
        return new AhiTemplates(new TokenBucket(properties.jobs().startsPerSecond(), properties.jobs().startBurst()));
    }
}
