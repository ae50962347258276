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
    VerdictRecorder verdictRecorder(ObjectTransitions transitions, AuditedOutcomes auditedOutcomes) {
        return new VerdictRecorder(transitions, auditedOutcomes);
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
            AuditedOutcomes auditedOutcomes, Clock clock, ImportProperties properties, BatchAssembler batchAssembler,
            ImportRuns runs, SourceObjectTagger sourceObjectTagger, ObjectProvider<ObjectFlow> objectFlow) {
        // A one-shot run takes everything there now: no stability wait, temporary names still skipped.
        IncrementalLister everything = new IncrementalLister(positions, seen, objects, new StabilityRule(
                java.time.Duration.ZERO, new TemporaryNames(properties.discovery().temporaryNames())),
                auditedOutcomes, clock, properties.discovery().pageSize());
        return new ImportRunner(everything, batchAssembler, objects, runs, positions, auditedOutcomes,
                sourceObjectTagger, objectFlow::getIfAvailable);
    }

    @Bean
    DatastoreStores datastoreStores(Registrations registrations, BlobStores blobStores) {
        return new DatastoreStores(registrations, blobStores);
    }

    /** Transient storage faults of one batch retried at later steps before the step gives up. */
    @Bean
    StorageFaults storageFaults(ImportProperties properties) {
        return new StorageFaults(properties.jobs().maxStartAttempts());
    }

    @Bean
    BatchClaims batchClaims(WorkLeases workLeases) {
        return new BatchClaims(workLeases);
    }

    @Bean
    JobCleanup jobCleanup(Batches batches, StagingCleaner stagingCleaner, DatastoreStores datastoreStores,
            StorageFaults storageFaults) {
        return new JobCleanup(batches, stagingCleaner, datastoreStores, storageFaults);
    }

    @Bean
    StagingStep stagingStep(BatchClaims batchClaims, BatchStager batchStager, DatastoreStores datastoreStores,
            StorageFaults storageFaults, Batches batches) {
        return new StagingStep(batchClaims, batchStager, datastoreStores, storageFaults, batches);
    }

    @Bean
    JobStartStep jobStartStep(BatchClaims batchClaims, ImportJobStarter importJobStarter, SourceObjects objects,
            AuditedOutcomes auditedOutcomes, Batches batches, JobCleanup jobCleanup, ImportProperties properties) {
        return new JobStartStep(batchClaims, importJobStarter,
                new BatchFailure(objects, auditedOutcomes, batches, jobCleanup), batches,
                properties.jobs().maxStartAttempts());
    }

    @Bean
    JobCompletion jobCompletion(JobAccounting jobAccounting, DatastoreStores datastoreStores,
            StorageFaults storageFaults, JobCleanup jobCleanup, Batches batches) {
        return new JobCompletion(jobAccounting, datastoreStores, storageFaults, jobCleanup, batches);
    }

    /**
     * The routes' follow step. Without job events (ahibridge.import.job-events.enabled) it asks
     * GetDICOMImportJob at every step; with them, when an event arrived or the fallback interval passed.
     */
    @Bean
    JobFollowStep jobFollowStep(BatchClaims batchClaims, ObjectProvider<JobSignals> jobSignals,
            AhiTemplates ahiTemplates, JobCompletion jobCompletion) {
        JobSignals signals = jobSignals.getIfAvailable();
        return new JobFollowStep(batchClaims, signals == null ? JobChecks.everyStep() : signals,
                ahiTemplates::forDatastore, jobCompletion);
    }

    @Bean
    OneShotImports oneShotImports(Registrations registrations, DatastoreStores datastoreStores,
            ImportRunner importRunner, Redrive redrive, ImportRuns runs, SourceObjects objects,
            RunReportWriter runReportWriter, Clock clock, Batches batches, ImportProperties properties,
            ObjectProvider<BatchFlow> batchFlow) {
        // Through the routes' import-advance, as in the service; it polls GetDICOMImportJob (nothing consumes the
        // job-event queue for a one-shot run).
        BatchAdvance advance = new RoutedAdvance(batchFlow::getIfAvailable);
        return new OneShotImports(registrations, datastoreStores, importRunner, redrive, runs, objects,
                runReportWriter, new BatchIds(clock),
                () -> new JobDriver(batches, advance, properties.jobs().pollInterval()));
    }

    @Bean(destroyMethod = "close")
    AhiTemplates ahiTemplates(ImportProperties properties) {
        return new AhiTemplates(new TokenBucket(properties.jobs().startsPerSecond(), properties.jobs().startBurst()));
    }
}
