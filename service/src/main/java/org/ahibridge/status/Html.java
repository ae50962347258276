package org.ahibridge.status;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * Escaping for the server-rendered page. Every value that reaches the HTML goes through {@link #text} (element
 * text and quoted attribute values alike); a value inside a link's path goes through {@link #path} first. Keys,
 * reasons and ids come from source listings and AWS answers, so any of them may hold markup.
 */
final class Html {

    private Html() {
    }

    /** The value as HTML text: {@code & < > " '} escaped; null as an empty string. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The value as one segment of a URL path (then still to be escaped as text). */
    static String path(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }
}
