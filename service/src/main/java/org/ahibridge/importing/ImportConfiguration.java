package org.ahibridge.importing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.ahi.TokenBucket;
import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.camel.P10Properties;
import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.eventbridge.JobEventsProperties;
import org.ahibridge.ledger.AuditBacklog;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.Registrations;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.SeenObjects;
import org.ahibridge.ledger.SourceObjects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.ahibridge.ledger.WorkLeases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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
            BatchPolicy batchPolicy, DatastoreBatchProperties datastoreBatches, Clock clock) {
        // Checked at startup: a datastore limit outside AHI's stops the service with the key to fix.
        Map<String, BatchPolicy> policies = new HashMap<>();
        datastoreBatches.datastoreBatch().keySet()
                .forEach(name -> policies.put(name, datastoreBatches.policy(name, batchPolicy)));
        return new BatchAssembler(batches, transitions, ledgerTransactions, batchPolicy,
                name -> policies.getOrDefault(name, batchPolicy), new BatchIds(clock), clock);
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
    AuditedOutcomes auditedOutcomes(SourceObjects objects, ObjectTransitions transitions,
            @Qualifier("importOutcomeSink") AuditSink importOutcomeSink, Clock clock, ObjectLabels objectLabels,
            AuditBacklog auditBacklog) {
        // Every outcome becomes one message on direct:import-outcome, whose route writes the audit line, the
        // dead letter of FAILED files and the EventBridge event (routes/import-outcome.camel.yaml). A record the
        // audit file refused (a full disk) waits in the ledger's backlog for the next process.
        return new AuditedOutcomes(objects, transitions, importOutcomeSink, clock, objectLabels::of, auditBacklog);
    }

    @Bean
    ObjectLabels objectLabels(JdbcClient jdbc, ObjectProvider<ObjectMapper> json) {
        return new ObjectLabels(jdbc, json.getIfAvailable(ObjectMapper::new));
    }

    /** Job follow-up on AHI's job events, with GetDICOMImportJob every fallback-interval as the safety net. */
    @Bean
    @ConditionalOnProperty(name = "ahibridge.import.job-events.enabled", havingValue = "true")
    JobSignals jobSignals(JobEventsProperties jobEvents, Clock clock) {
        return new JobSignals(clock, jobEvents.fallbackInterval());
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
            ManifestReader manifestReader, ManifestJoin manifestJoin, AuditedOutcomes auditedOutcomes,
            NonPrimaryFollowUp nonPrimaryFollowUp) {
        return new JobAccounting(objects, transitions, batches, manifestReader, manifestJoin, auditedOutcomes,
                nonPrimaryFollowUp);
    }

    @Bean
    BlobClassifier blobClassifier(P10Properties p10) {
        return new BlobClassifier(new P10Classifier(p10.maxHeaderBytes().toBytes(), p10.maxDepth()));
    }

    @Bean
    ImportRunner importRunner(ListingPositions positions, SeenObjects seen, SourceObjects objects,
            AuditedOutcomes auditedOutcomes, Clock clock, ImportProperties properties, VerdictRecorder verdictRecorder,
            BlobClassifier blobClassifier, BatchAssembler batchAssembler, ImportRuns runs,
            SourceObjectTagger sourceObjectTagger, WorkLeases workLeases, ObjectProvider<ObjectFlow> objectFlow) {
        // A one-shot run takes everything there now: no stability wait, temporary names still skipped.
        IncrementalLister everything = new IncrementalLister(positions, seen, objects, new StabilityRule(
                java.time.Duration.ZERO, new TemporaryNames(properties.discovery().temporaryNames())),
                auditedOutcomes, clock, properties.discovery().pageSize());
        return new ImportRunner(everything, verdictRecorder, blobClassifier, batchAssembler, objects, runs,
                positions, auditedOutcomes, sourceObjectTagger, workLeases, objectFlow::getIfAvailable);
    }

    @Bean
    OneShotImports oneShotImports(Registrations registrations, BlobStores blobStores, ImportRunner importRunner,
            Redrive redrive, ImportRuns runs, Batches batches, SourceObjects objects, BatchStager batchStager,
            ImportJobStarter importJobStarter, JobAccounting jobAccounting, StagingCleaner stagingCleaner,
            AuditedOutcomes auditedOutcomes, AhiTemplates ahiTemplates, RunReportWriter runReportWriter,
            ImportProperties properties, Clock clock, ObjectProvider<JobSignals> jobSignals, WorkLeases workLeases) {
        // Without job events (ahibridge.import.job-events.enabled) the routes poll GetDICOMImportJob as before.
        JobSignals signals = jobSignals.getIfAvailable();
        JobChecks routeChecks = signals == null ? JobChecks.everyStep() : signals;
        return new OneShotImports(registrations, blobStores, importRunner, redrive, runs, batches, objects, batchStager,
                importJobStarter, jobAccounting, stagingCleaner, auditedOutcomes, ahiTemplates, runReportWriter,
                properties, new BatchIds(clock), routeChecks, workLeases);
    }

    @Bean(destroyMethod = "close")
    AhiTemplates ahiTemplates(ImportProperties properties) {
        return new AhiTemplates(new TokenBucket(properties.jobs().startsPerSecond(), properties.jobs().startBurst()));
    }
}
