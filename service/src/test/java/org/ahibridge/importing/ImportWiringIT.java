package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.ahibridge.audit.AuditProperties;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.Registrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application wires registrations, the migrated ledger, import and audit beans from configuration.
 * The context is closed after the class: its shipped routes would otherwise go on polling (and failing: the
 * datastore here is not the routes' default) in the fork for as long as it runs.
 */
@DirtiesContext
@SpringBootTest(properties = {
    "camel.main.run-controller=false", "ahibridge.embedded.enabled=false",
    "ahibridge.storages.landing.location=s3://landing-bucket/dicom/",
    "ahibridge.storages.landing.access=Import only",
    "ahibridge.datastores.main.datastore-id=0123456789abcdef0123456789abcdef",
    "ahibridge.datastores.main.data-access-role-arn=arn:aws:iam::123456789012:role/ImportJobDataAccessRole",
    "ahibridge.datastores.main.staging=s3://staging-bucket/ahi-staging/",
    "ahibridge.datastores.main.output=s3://output-bucket/out/",
    "ahibridge.datastores.main.access=read-write",
    "ahibridge.import.batch.safety-margin-percent=10"})
class ImportWiringIT {

    @TempDir
    static Path audit;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("ahibridge.ledger.url", () -> "jdbc:h2:mem:wiring;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add("ahibridge.audit.directory", audit::toString);
    }

    @Autowired
    Registrations registrations;
    @Autowired
    BatchPolicy batchPolicy;
    @Autowired
    ImportProperties importProperties;
    @Autowired
    AuditProperties auditProperties;
    @Autowired
    SourceObjects objects;
    @Autowired
    ImportRuns runs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldBindRegistrationsAndTheShippedInboxFromConfiguration() {
        assertThat(registrations.storage("landing").orElseThrow().access()).isEqualTo(AccessMode.READ);
        assertThat(registrations.storage("inbox").orElseThrow().location().uri()).endsWith("/data/inbox");
        assertThat(registrations.datastore("main").staging().location().uri()).isEqualTo("s3://staging-bucket/ahi-staging/");
    }

    @Test
    void shouldApplyBatchDefaultsAndOverrides() {
        assertThat(batchPolicy.effectiveMaxFiles()).isEqualTo(4_500);
        assertThat(batchPolicy.maxBytes()).isEqualTo(10_000_000_000L);
        assertThat(importProperties.jobs().maxConcurrentPerDatastore()).isEqualTo(50);
        assertThat(importProperties.nonPrimary()).isEqualTo(NonPrimaryPolicy.REPORT);
        assertThat(importProperties.discovery().temporaryNames()).contains("*.part", ".~*");
        assertThat(auditProperties.directory()).isEqualTo(audit);
    }

    @Test
    void shouldMigrateTheLedgerAtStartup() {
        runs.start("wiring-run", "landing", "", "main");
        objects.discover("wiring-run", new ObjectVersion("landing", "a.dcm", "e", 1, null), "main");

        assertThat(jdbc.sql("select count(*) from source_object").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success = true").query(Integer.class)
                .single()).isGreaterThanOrEqualTo(1);
    }
}
