package org.ahibridge.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route table of a REST endpoint: method and path template ({@code /datastore/{datastoreId}}) per operation,
 * matched on the raw path only, whatever the Host header (so the SDK's host prefixes make no difference). The
 * AHI port and the DICOMweb port each keep one, with their own handler type.
 *
 * @param <H> what handles an operation
 */
public final class RouteTable<H> {

    /** A matched route: the operation (null when the path is known but not with this method), its handler and its
     * decoded path parameters. */
    public record Match<H>(String operation, H handler, Map<String, String> path) {
    }

    private record Route<H>(String method, Pattern pattern, List<String> names, String operation, H handler) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private final List<Route<H>> routes = new ArrayList<>();

    /** Adds a route; each {@code {name}} in {@code template} matches one path segment. */
    public RouteTable<H> add(String method, String template, String operation, H handler) {
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
        routes.add(new Route<>(method, Pattern.compile(regex.toString()), names, operation, handler));
        return this;
    }

    /**
     * The route for a method and raw path: null when no route has the path, a match with a null operation (a 405)
     * when only the method differs.
     *
     * @throws IllegalArgumentException when a path parameter is not correctly %-encoded
     */
    public Match<H> match(String method, String rawPath) {
        boolean pathKnown = false;
        for (Route<H> route : routes) {
            Matcher m = route.pattern().matcher(rawPath);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> path = new LinkedHashMap<>();
            for (int i = 0; i < route.names().size(); i++) {
                // A '+' in a path is a plus sign, not a space (only query strings use '+' for spaces).
                path.put(route.names().get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            }
            return new Match<>(route.operation(), route.handler(), path);
        }
        return pathKnown ? new Match<>(null, null, Map.of()) : null;
    }
}
