package org.ahibridge.emulator.dicomweb;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ahibridge.emulator.ahi.AhiError;

/**
 * One DICOMweb request: the operation its route names, path parameters (URL-decoded), query parameters (a
 * list per name, URL-decoded), headers (lower-case names; repeated headers joined with commas), the body as
 * a stream (read by STOW-RS only, never held whole) and the base URL the client used, for the URLs a reply
 * hands out ({@code RetrieveURL}, {@code BulkDataURI}).
 *
 * @param declaredLength the Content-Length, or -1 for a chunked body
 */
public record DicomWebRequest(String operation, Map<String, String> path, Map<String, List<String>> query,
        Map<String, String> headers, InputStream body, long declaredLength, String baseUrl) {

    public String path(String name) {
        return path.get(name);
    }

    /** The only value of a query parameter, or null; a parameter given twice is a 400. */
    public String query(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw AhiError.validation("The query parameter " + name + " is given " + values.size()
                    + " times; give it once");
        }
        return values.get(0);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The URL of a path of this server, as the client reached it: {@code http://host:port/path}. */
    public String url(String path) {
        return baseUrl + path;
    }
}
