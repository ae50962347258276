package org.ahibridge.camel;

import java.net.URI;
import java.time.Clock;

import org.springframework.core.env.Environment;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.importing.AuditedOutcomes;
import org.ahibridge.importing.BlobClassifier;
import org.ahibridge.importing.ImportProperties;
import org.ahibridge.importing.ObjectLabels;
import org.ahibridge.importing.ObjectReader;
import org.ahibridge.importing.ObjectRecorder;
import org.ahibridge.importing.PollingRuns;
import org.ahibridge.importing.QuietSources;
import org.ahibridge.importing.RuleSkips;
import org.ahibridge.importing.SourceObjectTagger;
import org.ahibridge.importing.VerdictRecorder;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.WorkLeases;
import org.springframework.transaction.support.TransactionTemplate;
import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.BatchIds;
import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.IncrementalLister;
import org.ahibridge.importing.DatastoreStores;
import org.ahibridge.importing.BatchClaims;
import org.ahibridge.importing.JobChecks;
import org.ahibridge.importing.JobCompletion;
import org.ahibridge.importing.JobFollowStep;
import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.importing.JobStartStep;
import org.ahibridge.importing.StagingStep;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.metrics.AwsRequestCounter;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ahibridge.storage.Registrations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;

/** Route-facing beans of the import routes (routes/import-*.camel.yaml); see docs/import-pipeline.md §9. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportRouteProperties.class)
public class ImportRouteConfiguration {

    /**
     * The SQS client of routes/import-sqs-events.camel.yaml ({@code amazonSQSClient=#importSqsClient}):
     * AWS default credentials chain; {@code ahibridge.routes.import.queue-region} (else the default region
     * chain, else us-east-1) and an optional {@code queue-endpoint} override.
     */
    @Bean(name = "importSqsClient", destroyMethod = "close")
    @Lazy // made when a route names it: the default import-sqs-events route reads direct:, and the region chain
          // may ask the EC2 metadata service, which costs seconds off EC2

    public SqsClient importSqsClient(Environment environment) {
        SqsClientBuilder builder = SqsClient.builder().credentialsProvider(DefaultCredentialsProvider.builder().build());
        String region = environment.getProperty("ahibridge.routes.import.queue-region");
        if (region == null || region.isBlank()) {
            try {
                region = new DefaultAwsRegionProviderChain().getRegion().id();
            } catch (RuntimeException e) {
                region = "us-east-1";
            }
        }
        builder.region(Region.of(region));
        String endpoint = environment.getProperty("ahibridge.routes.import.queue-endpoint");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return AwsRequestCounter.countRequests(builder).build();
    }

    /**
     * One-shot commands make beans lazily (CommandContext); a CamelContext made lazily, after the refresh, is
     * never started, and its routes with it. Made at the refresh, it starts with the routes one-shot runs
     * take their objects and outcomes through.
     */
    @Bean
    static LazyInitializationExcludeFilter camelContextIsEager() {
        return LazyInitializationExcludeFilter.forBeanTypes(CamelContext.class);
    }

    /** The routes' flow of objects (import-objects), which one-shot runs take too. */
    @Bean
    RoutedObjectFlow objectFlow(ObjectProvider<CamelContext> camel) {
        return new RoutedObjectFlow(camel::getIfAvailable);
    }

    /** The routes' step of a datastore's batches (import-advance), which one-shot runs take too. */
    @Bean
    RoutedBatchFlow batchFlow(ObjectProvider<CamelContext> camel) {
        return new RoutedBatchFlow(camel::getIfAvailable);
    }

    /** Use in YAML as {@code method: { ref: pollingImport, method: ingest }} (import-sqs-events). */
    @Bean("pollingImport")
    public PollingImport pollingImport(ImportRouteProperties properties, Registrations registrations,
            DatastoreStores datastoreStores, ImportRunner importRunner, PollingRuns pollingRuns, SourceObjects objects,
            ObjectProvider<ObjectMapper> json) {
        return new PollingImport(properties, registrations, datastoreStores, importRunner, pollingRuns, objects,
                json.getIfAvailable(ObjectMapper::new));
    }

    /** {@code importAdvance} (import-advance): the datastore, its batches and jobs to split, re-batching, runs. */
    @Bean("importAdvance")
    AdvanceStep importAdvance(ImportRouteProperties properties, Registrations registrations, Batches batches,
            ImportRunner importRunner, PollingRuns pollingRuns) {
        return new AdvanceStep(properties, registrations, batches, importRunner::batchLeftovers, pollingRuns);
    }

    /** {@code importTick} (import-tick): seals quiet batches, names the datastores to advance. */
    @Bean("importTick")
    TickStep importTick(AdvanceStep importAdvance, Batches batches, BatchAssembler batchAssembler,
            WorkLeases workLeases) {
        return new TickStep(importAdvance, batches, batchAssembler, workLeases);
    }

    /** {@code importBatch} (import-batch, import-job): stage, start and follow one batch. */
    @Bean("importBatch")
    BatchStep importBatch(Registrations registrations, StagingStep stagingStep, JobStartStep jobStartStep,
            JobFollowStep jobFollowStep, BatchClaims batchClaims, AhiTemplates ahiTemplates,
            JobCompletion jobCompletion) {
        return new BatchStep(registrations, stagingStep, jobStartStep, jobFollowStep,
                new JobFollowStep(batchClaims, JobChecks.everyStep(), ahiTemplates::forDatastore, jobCompletion));
    }

    /**
     * {@code executorService: importBatchWorkers} of the splits in import-advance: at most
     * {@code ahibridge.routes.import.batch-workers} batches staged, started or followed at once (default 4). A
     * full queue runs the batch in the splitting thread.
     */
    @Bean(name = "importBatchWorkers", destroyMethod = "shutdown")
    ExecutorService importBatchWorkers(ImportRouteProperties properties) {
        return boundedPool("import-batch-", properties.batchWorkers());
    }

    /** The runs of the polling routes, one per source until it is quiet and finished (PollingRuns). */
    @Bean
    PollingRuns pollingRuns(ImportRuns runs, RunReportWriter runReportWriter, Clock clock) {
        return new PollingRuns(runs, runReportWriter, "poll-" + new BatchIds(clock).get());
    }

    /** {@code bean: { ref: importDiscovery, method: pass }} and {@code method: passed} (import-pass). */
    @Bean("importDiscovery")
    DiscoveryStep importDiscovery(ImportRouteProperties properties, Registrations registrations,
            ImportRunner importRunner, IncrementalLister incrementalLister, PollingRuns pollingRuns,
            DatastoreStores datastoreStores, BatchAssembler batchAssembler) {
        return new DiscoveryStep(properties, registrations, importRunner, incrementalLister, pollingRuns,
                datastoreStores::source, new QuietSources(pollingRuns, batchAssembler));
    }

    @Bean
    ObjectReader objectReader(WorkLeases workLeases, ImportProperties importProperties, BlobClassifier blobClassifier) {
        return new ObjectReader(workLeases, importProperties.importRules(), blobClassifier);
    }

    /** {@code process: { ref: importClassify }} (import-object). */
    @Bean("importClassify")
    ClassifyStep importClassify(ObjectReader objectReader, DatastoreStores datastoreStores) {
        return new ClassifyStep(objectReader, datastoreStores::source);
    }

    /** What became of each object the routes classified, recorded in the ledger (importRecord, importPage). */
    @Bean
    ObjectRecorder objectRecorder(VerdictRecorder verdictRecorder, SourceObjectTagger sourceObjectTagger,
            ObjectTransitions transitions, TransactionTemplate ledgerTransactions, AuditedOutcomes auditedOutcomes,
            ImportRunner importRunner) {
        RuleSkips skips = new RuleSkips(transitions, ledgerTransactions, auditedOutcomes);
        return new ObjectRecorder(verdictRecorder, sourceObjectTagger, skips, auditedOutcomes, importRunner);
    }

    /** {@code bean: { ref: importRecord, method: batch }}, {@code notP10}, {@code skip}, {@code fail}. */
    @Bean("importRecord")
    RecordStep importRecord(ObjectReader objectReader, ClassifyStep importClassify, ObjectRecorder objectRecorder,
            ObjectLabels objectLabels) {
        return new RecordStep(objectRecorder, objectReader, importClassify, objectLabels);
    }

    /** {@code importPage} (import-objects): a page's leases, verdicts and files written together. */
    @Bean("importPage")
    PageStep importPage(WorkLeases workLeases, ObjectRecorder objectRecorder, ClassifyStep importClassify,
            ImportProperties importProperties) {
        return new PageStep(workLeases, objectRecorder, importClassify::store,
                importProperties.discovery().pageSize());
    }

    /** {@code aggregationRepository: "#importOpenBatches"} (import-batching): the ledger's open batches. */
    @Bean("importOpenBatches")
    OpenBatchRepository importOpenBatches(Batches batches, BatchAssembler batchAssembler, Clock clock) {
        return new OpenBatchRepository(batches, batchAssembler, clock);
    }

    /** {@code aggregationStrategy: "#importBatchFiles"} (import-batching): files added to the open batch. */
    @Bean("importBatchFiles")
    BatchFilesStrategy importBatchFiles(BatchAssembler batchAssembler, Batches batches,
            OpenBatchRepository importOpenBatches, ImportRunner importRunner) {
        return new BatchFilesStrategy(batchAssembler, batches, importOpenBatches, importRunner::batch);
    }

    /**
     * {@code executorService: importWorkers} of the split in import-pass: {@code ahibridge.routes.import.workers}
     * objects classified and batched at once (default 8). Its queue is short and a full queue runs the task in
     * the listing thread, so listing never runs far ahead of classifying (memory stays flat).
     */
    @Bean(name = "importWorkers", destroyMethod = "shutdown")
    ExecutorService importWorkers(ImportRouteProperties properties) {
        return boundedPool("import-worker-", properties.workers());
    }

    private static ExecutorService boundedPool(String prefix, int workers) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers),
                r -> {
                    Thread t = new Thread(r, prefix + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
