package org.ahibridge.camel;

import java.net.URI;
import java.time.Clock;

import org.springframework.core.env.Environment;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.BatchIds;
import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.IncrementalLister;
import org.ahibridge.importing.OneShotImports;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.metrics.AwsRequestCounter;
import org.springframework.beans.factory.ObjectProvider;

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

    /** Use in YAML as {@code bean: { ref: pollingImport, method: poll }} and {@code method: advance}. */
    @Bean("pollingImport")
    public PollingImport pollingImport(ImportRouteProperties properties, Registrations registrations,
            OneShotImports oneShotImports, IncrementalLister incrementalLister, ImportRunner importRunner,
            BatchAssembler batchAssembler, Batches batches, ImportRuns runs, Clock clock, SourceObjects objects,
            ObjectProvider<ObjectMapper> json, RunReportWriter runReportWriter) {
        return new PollingImport(properties, registrations, oneShotImports, incrementalLister, importRunner,
                batchAssembler, batches, runs, new BatchIds(clock), objects, json.getIfAvailable(ObjectMapper::new),
                runReportWriter);
    }
}
