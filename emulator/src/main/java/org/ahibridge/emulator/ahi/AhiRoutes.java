package org.ahibridge.emulator.ahi;

import org.ahibridge.emulator.http.HttpReply;
import org.ahibridge.emulator.http.RouteTable;

/**
 * The route table of the AHI REST API (service model {@code http} bindings, docs/aws-healthimaging.md §1.3): method and
 * path template per operation, matched on the raw path ({@link RouteTable}), so the SDK's {@code runtime-} host
 * prefix makes no difference.
 */
public final class AhiRoutes {

    /** Handles one operation. */
    @FunctionalInterface
    public interface Handler {
        HttpReply handle(AhiRequest request);
    }

    private final RouteTable<Handler> table = new RouteTable<>();

    /** Adds a route; {@code template} is a path like {@code /datastore/{datastoreId}}. */
    public AhiRoutes add(String method, String template, String operation, Handler handler) {
        table.add(method, template, operation, handler);
        return this;
    }

    /** See {@link RouteTable#match}. */
    public RouteTable.Match<Handler> match(String method, String rawPath) {
        return table.match(method, rawPath);
    }
}
