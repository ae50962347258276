package org.ahibridge.camel;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the import routes work on ({@code ahibridge.routes.import.*}): the registered storages polled
 * as sources, the datastore they import into, and the Quartz cron of the polling route (in the URI
 * form, {@code +} for spaces), and how many objects the split of routes/import-pass.camel.yaml classifies
 * and batches at once ({@code workers}), and how many batches the splits of routes/import-advance.camel.yaml
 * stage, start or follow at once ({@code batchWorkers}; each staging batch has up to 64 copies in flight).
 */
@ConfigurationProperties("ahibridge.routes.import")
public record ImportRouteProperties(@DefaultValue("inbox") List<String> sources, @DefaultValue("local") String datastore,
        @DefaultValue("0/10+*+*+*+*+?") String cron, @DefaultValue("8") int workers,
        @DefaultValue("4") int batchWorkers) {

    public ImportRouteProperties {
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("ahibridge.routes.import.workers must be 1 to 256, not " + workers);
        }
        if (batchWorkers < 1 || batchWorkers > 64) {
            throw new IllegalArgumentException("ahibridge.routes.import.batch-workers must be 1 to 64, not "
                    + batchWorkers);
        }
    }
}
