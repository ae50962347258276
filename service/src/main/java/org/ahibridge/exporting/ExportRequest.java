package org.ahibridge.exporting;

/**
 * Everything one export run is asked to do, whether {@code export --once} or a route started it: the
 * datastore registration name, the destination (a registered storage name or a storage URI), the selection,
 * the layout, the overwrite policy, whether to resume from the persisted watermark, and the transfer syntax
 * of the written files.
 */
public record ExportRequest(String datastore, String destination, ExportSelection selection, PathTemplate template,
        OverwritePolicy policy, boolean incremental, OutputSyntax transferSyntax) {

    public ExportRequest {
        transferSyntax = transferSyntax == null ? OutputSyntax.STORED : transferSyntax;
    }
}
