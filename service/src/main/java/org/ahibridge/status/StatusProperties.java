package org.ahibridge.status;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ahibridge.status.*}: the status page on the service's HTTP port (docs/status-page.md). Read-only unless
 * {@code redrive-enabled} is set, which adds the re-drive action (POST).
 *
 * @param enabled         false: no page and no API
 * @param redriveEnabled  true: the page and the API may start a re-drive of the FAILED files
 * @param runsPerPage     runs per page of the run list, 1 to 200
 * @param failuresShown   latest failures on the overview and per page of a run's failures, 1 to 500
 * @param refreshSeconds  how often the HTML page reloads itself (0: never)
 */
@ConfigurationProperties("ahibridge.status")
public record StatusProperties(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean redriveEnabled,
        @DefaultValue("20") int runsPerPage, @DefaultValue("50") int failuresShown,
        @DefaultValue("5") int refreshSeconds) {

    public StatusProperties {
        if (runsPerPage < 1 || runsPerPage > 200) {
            throw new IllegalArgumentException("ahibridge.status.runs-per-page must be from 1 to 200");
        }
        if (failuresShown < 1 || failuresShown > 500) {
            throw new IllegalArgumentException("ahibridge.status.failures-shown must be from 1 to 500");
        }
        if (refreshSeconds < 0 || refreshSeconds > 3600) {
            throw new IllegalArgumentException("ahibridge.status.refresh-seconds must be from 0 to 3600");
        }
    }
}
