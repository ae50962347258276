package org.ahibridge.emulator.dicomweb;

import java.io.IOException;

import org.ahibridge.emulator.http.RouteTable;

/**
 * The route table of the DICOMweb endpoint (docs/aws-healthimaging.md §10): method and path template per
 * operation, matched on the raw path ({@link RouteTable}), whatever the Host header; a trailing slash is ignored.
 */
final class DicomWebRoutes {

    /** Handles one operation; a STOW-RS handler reads the request body itself, as a stream. */
    @FunctionalInterface
    interface Handler {
        DicomWebReply handle(DicomWebRequest request) throws IOException;
    }

    private final RouteTable<Handler> table = new RouteTable<>();

    DicomWebRoutes get(String template, String operation, Handler handler) {
        table.add("GET", template, operation, handler);
        return this;
    }

    DicomWebRoutes post(String template, String operation, Handler handler) {
        table.add("POST", template, operation, handler);
        return this;
    }

    /** See {@link RouteTable#match}; {@code /studies/} matches as {@code /studies}. */
    RouteTable.Match<Handler> match(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        return table.match(method, path);
    }
}
