package org.ahibridge.emulator.ahi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahibridge.emulator.http.HttpReply;

/**
 * The route table of the AHI REST API (service model {@code http} bindings, docs/aws-healthimaging.md §1.3): method and
 * path template per operation. Matching uses the raw path only, whatever the Host header, so the SDK's
 * {@code runtime-} host prefix makes no difference.
 */
public final class AhiRoutes {

    /** Handles one operation. */
    @FunctionalInterface
    public interface Handler {
        HttpReply handle(AhiRequest request);
    }

    /** A matched route: the operation, its handler and its decoded path parameters. */
    public record Match(String operation, Handler handler, Map<String, String> path) {
    }

    private record Route(String method, Pattern pattern, List<String> names, String operation, Handler handler) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code template} is a path like {@code /datastore/{datastoreId}}. */
    public AhiRoutes add(String method, String template, String operation, Handler handler) {
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
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, operation, handler));
        return this;
    }

    /** The route for a method and raw path; null when no route has the path, a 405 marker when the method differs. */
    public Match match(String method, String rawPath) {
        boolean pathKnown = false;
        for (Route route : routes) {
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
                path.put(route.names().get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            }
            return new Match(route.operation(), route.handler(), path);
        }
        return pathKnown ? new Match(null, null, Map.of()) : null;
    }
}
