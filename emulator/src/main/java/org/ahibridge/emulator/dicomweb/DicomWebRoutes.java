package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table of the DICOMweb endpoint (docs/aws-healthimaging.md §10): method and path template per
 * operation, matched on the raw path, whatever the Host header.
 */
final class DicomWebRoutes {

    /** Handles one operation. */
    @FunctionalInterface
    interface Handler {
        DicomWebReply handle(DicomWebRequest request) throws IOException;
    }

    /** A matched route; {@code operation} is null when the path is known but not with this method. */
    record Match(String operation, Handler handler, boolean readsBody, Map<String, String> path) {
    }

    private record Route(String method, Pattern pattern, List<String> names, String operation, Handler handler,
            boolean readsBody) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private final List<Route> routes = new ArrayList<>();

    /** A route whose handler reads no request body. */
    DicomWebRoutes get(String template, String operation, Handler handler) {
        return add("GET", template, operation, handler, false);
    }

    /** A route whose handler reads the request body itself, as a stream. */
    DicomWebRoutes post(String template, String operation, Handler handler) {
        return add("POST", template, operation, handler, true);
    }

    private DicomWebRoutes add(String method, String template, String operation, Handler handler, boolean readsBody) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, operation, handler, readsBody));
        return this;
    }

    /** The route of a method and raw path, or null when no route has the path; throws for bad %-escapes. */
    Match match(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                parameters.put(route.names().get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            }
            return new Match(route.operation(), route.handler(), route.readsBody(), parameters);
        }
        return pathKnown ? new Match(null, null, false, Map.of()) : null;
    }
}
