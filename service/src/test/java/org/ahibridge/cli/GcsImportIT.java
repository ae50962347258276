package org.ahibridge.cli;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.importing.OneShotImports;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.gcs.FakeGcs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.storage.BlobInfo;


/**
 * {@code import --once} from a GCS bucket: the import beans and routes of a one-shot command context, the source an
 * ad-hoc {@code gs://} URI served by the in-process GCS fake (its client injected through
 * {@link BlobStores#withGcsClientFactory}), the datastore the emulator's AHI with its s3proxy staging.
 * Files are staged by streaming them from GCS to S3 (no server-side copy between providers).
 */
class GcsImportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BUCKET = "gcs-source";
    @RegisterExtension
    static final EmulatedDatastore aws = new EmulatedDatastore("gcs-it");
    static FakeGcs gcs;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws IOException {
        gcs = new FakeGcs();
    }


    @Test
    void shouldGiveEveryGcsObjectOneOutcomeAndTakeNothingNewOnASecondPass() throws IOException {
        ImportSource source = ImportSource.mixed(21, 6, 3, 12, 15);
        source.objects.forEach((key, bytes) -> gcs.storage().create(BlobInfo.newBuilder(BUCKET, key).build(), bytes));
        assertThat(source.objects.size()).isBetween(200, 400);
        long compliant = source.count(ImportSource.Expect.IMPORTED) + source.count(ImportSource.Expect.NON_PRIMARY);

        OneShotImports.Summary first = importOnce();

        assertThat(first.result().pending()).isZero();
        assertThat(first.outcomes()).containsEntry(Outcome.IMPORTED, (int) compliant)
                .containsEntry(Outcome.SKIPPED_NOT_P10, (int) source.count(ImportSource.Expect.NOT_P10));
        assertThat(first.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(source.objects.size());
        JsonNode report = JSON.readTree(first.report().toFile());
        source.assertReportMatches(report);

        OneShotImports.Summary second = importOnce();

        assertThat(second.outcomes()).containsEntry(Outcome.ALREADY_IMPORTED, (int) compliant)
                .doesNotContainKey(Outcome.IMPORTED);
        assertThat(second.jobs()).isZero();
    }

    private OneShotImports.Summary importOnce() throws IOException {
        List<String> properties = new ArrayList<>(List.of(
                CommandContext.oneShotRoutes(), "camel.main.run-controller=false",
                "camel.main.jmx-enabled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
                "ahibridge.import.jobs.starts-per-second=1", "ahibridge.import.batch.max-files=100"));
        properties.addAll(aws.settings(temp));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AhiBridgeApplication.class,
                FakeGcsClients.class).web(WebApplicationType.NONE).logStartupInfo(false)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            return context.getBean(OneShotImports.class).importOnce("gs://" + BUCKET + "/", "local");
        }
    }

    /** Every GCS client of the context is the fake's. */
    @Configuration(proxyBeanMethods = false)
    static class FakeGcsClients {

        @Bean
        static BeanPostProcessor fakeGcsClient() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof BlobStores stores ? stores.withGcsClientFactory(c -> gcs.storage()) : bean;
                }
            };
        }
    }
}
