package org.ahibridge.exporting;

import java.nio.file.Path;

/**
 * Everything one {@code export --once} run is asked to do: the datastore registration name, the
 * destination (a registered storage name or a storage URI), the selection, the layout, the overwrite
 * policy, whether to resume from the persisted watermark, tuning, and the configuration file.
 */
public record ExportRequest(String datastore, String destination, ExportSelection selection, PathTemplate template,
        OverwritePolicy policy, boolean incremental, ExportSettings settings, Path configFile) {
}
