package org.ahibridge.camel;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the import routes work on ({@code ahibridge.routes.import.*}): the registered storages polled
 * as sources, the datastore they import into, and the Quartz cron of the polling route (in the URI
 * form, {@code +} for spaces).
 */
@ConfigurationProperties("ahibridge.routes.import")
public record ImportRouteProperties(@DefaultValue("inbox") List<String> sources, @DefaultValue("local") String datastore,
        @DefaultValue("0/10+*+*+*+*+?") String cron) {
}
