package org.ahibridge.exporting;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.ahibridge.ahi.AhiPaces;
import org.ahibridge.ahi.AhiTemplates;
import org.ahibridge.audit.AuditProperties;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.Registrations;

/**
 * The export flow's beans, built by Spring from the service's own registrations, blob stores, AHI templates
 * (shared with the import), ledger and audit settings, for the routes and the {@code export} command alike:
 * {@code exportFlow} (the steps), {@code exportService} (requests from route triggers) and the thread pools
 * the splits of routes/export-run.camel.yaml and routes/export-image-set.camel.yaml name.
 */
@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    @Bean
    ExportService exportService(ExportProperties properties) {
        return new ExportService(properties);
    }

    @Bean
    ExportWatermarks exportWatermarks(JdbcClient jdbc, Clock clock) {
        return new ExportWatermarks(jdbc, clock);
    }

    @Bean
    ExportFlow exportFlow(Registrations registrations, BlobStores blobStores, AhiTemplates ahiTemplates,
            ExportWatermarks watermarks, AuditProperties audit, ExportProperties properties, Clock clock,
            ExecutorService exportFramePool) {
        ExportSettings settings = properties.tuning();
        AhiPaces paces = ahiTemplates.paces();
        FrameBudget budget = new FrameBudget(paces.framesPerSecond(), () -> paces.frameLatency().nanos(), settings);
        // The fetching's reader is the run's: each fetch goes through the run's datastore.
        FrameWindow.Fetching fetching = new FrameWindow.Fetching(exportFramePool, budget, settings.frameWindow());
        return new ExportFlow(new ExportStarter(registrations, blobStores, ahiTemplates, watermarks, clock), fetching,
                new ExportFinisher(watermarks, audit.directory(), settings.spool(), clock), clock);
    }

    /** Image sets in flight: each holds its metadata and its instances' split. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService exportImageSetPool(ExportProperties properties) {
        return Executors.newFixedThreadPool(properties.tuning().imageSetsInFlight(), named("export-image-set"));
    }

    /** Instances rebuilt at once; they mostly wait for frames, which the frame budget bounds. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService exportInstancePool(ExportProperties properties) {
        return Executors.newFixedThreadPool(properties.tuning().instancesInFlight(), named("export-instance"));
    }

    /** GetImageFrame calls and decoding: as many threads as the frame budget may ever allow in flight. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService exportFramePool(ExportProperties properties) {
        return Executors.newFixedThreadPool(properties.tuning().maxFramesInFlight(), named("export-frame"));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
