package org.ahibridge.exporting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.metrics.AwsRequestCounter;
import org.ahibridge.storage.AccessGuard;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.S3Clients;
import org.ahibridge.storage.S3Tuning;
import org.ahibridge.storage.StorageSelection;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/**
 * Wires one export run by hand (no Spring context, so the command starts in about a second):
 * configuration ({@link ExportConfig}), registrations, the access check (the datastore must allow
 * {@code read}, the destination {@code write}; refused before any data moves), the SDK clients, the
 * audit sink, the watermark store (only for incremental runs, which open the ledger), then
 * {@link Exporter}. The datastore is a registration ({@code ahibridge.datastores.<name>}); the embedded
 * default's {@code local} is one too (an endpoint on the local emulator).
 */
public final class ExportJob {

    /** Keys for emulated endpoints, which check no signature; used only when the default chain has none. */
    private static final AwsBasicCredentials PLACEHOLDER = AwsBasicCredentials.create("ahi-bridge-local",
            "ahi-bridge-local");

    private ExportJob() {
    }

    public static ExportReport run(ExportRequest request) throws IOException {
        return run(request, UnaryOperator.identity());
    }

    /**
     * Runs the export with registrations the caller adds to the configured ones (the embedded default's
     * {@code local} datastore, which only the composition root may start).
     */
    public static ExportReport run(ExportRequest request, UnaryOperator<Registrations> extraRegistrations)
            throws IOException {
        ExportConfig config = ExportConfig.load(request.configFile());
        Registrations registrations = extraRegistrations.apply(Registrations.from(config.registrations()));
        StorageSelection destination = registrations.resolveStorage(request.destination());
        DatastoreRegistration datastore = registrations.datastore(request.datastore());
        AccessGuard.requireExport(datastore, destination);
        AwsCredentialsProvider credentials = credentials(datastore.endpoint() != null
                || registrations.storages().stream().anyMatch(s -> s.s3() != null && s.s3().endpoint() != null)
                || (destination.registration().s3() != null && destination.registration().s3().endpoint() != null));
        String runId = "export-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(Instant.now().atZone(java.time.ZoneOffset.UTC)) + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
        Path auditDir = Path.of(config.string("ahibridge.audit.directory", "audit"));
        try (MedicalImagingClient client = client(datastore, credentials);
                BlobStores stores = new BlobStores(c -> S3Clients.create(c, credentials), S3Tuning.DEFAULT)
                        .withAccessRules(registrations.accessRules());
                JsonLinesAuditSink audit = new JsonLinesAuditSink(auditDir)) {
            ExportTarget target = new ExportTarget(stores.open(destination.registration()),
                    destination.registration().name(), destination.prefix(), request.template(), request.policy(),
                    datastore.name(), datastore.datastoreId());
            ExportWatermarks watermarks = request.incremental() ? watermarks(config) : null;
            String destinationId = destination.registration().location().uri() + destination.prefix();
            ExportSelection selection = request.selection();
            if (watermarks != null) {
                Optional<Instant> mark = watermarks.get(datastore.name(), destinationId);
                if (mark.isPresent()) {
                    selection = selection.updatedSince(mark.get());
                }
            }
            AhiReader ahi = new SdkAhiReader(client, datastore.datastoreId(), request.settings().pacing());
            ExportReport report = new Exporter(ahi, target, request.settings(), audit, Clock.systemUTC())
                    .run(selection, runId);
            if (watermarks != null && report.watermark() != null) {
                watermarks.save(datastore.name(), destinationId, report.watermark());
            }
            ExportReportWriter.write(auditDir, report, datastore.name(), destinationId);
            return report;
        }
    }

    /** The default chain; for emulated endpoints, placeholder keys when the chain has none. */
    private static AwsCredentialsProvider credentials(boolean localEndpoints) {
        if (!localEndpoints) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true)
                .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(PLACEHOLDER)).build();
    }

    private static MedicalImagingClient client(DatastoreRegistration datastore, AwsCredentialsProvider credentials) {
        URI endpoint = datastore.endpoint();
        var builder = MedicalImagingClient.builder().credentialsProvider(credentials)
                .region(software.amazon.awssdk.regions.Region.of(datastore.region() == null ? "us-east-1"
                        : datastore.region()))
                .overrideConfiguration(c -> {
                    c.retryStrategy(DefaultRetryStrategy.doNotRetry());
                    if (endpoint != null) {
                        c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
                    }
                })
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder().maxConnections(64));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return AwsRequestCounter.countRequests(builder).build();
    }

    private static ExportWatermarks watermarks(ExportConfig config) {
        DataSource dataSource = new DriverManagerDataSource(
                config.string("ahibridge.ledger.url", "jdbc:h2:file:./data/ledger/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"),
                config.string("ahibridge.ledger.username", "sa"), config.string("ahibridge.ledger.password", ""));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new ExportWatermarks(JdbcClient.create(dataSource), Clock.systemUTC());
    }
}
