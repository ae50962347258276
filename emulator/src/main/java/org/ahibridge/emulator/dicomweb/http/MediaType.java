package org.ahibridge.emulator.dicomweb.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A media type or media range with its parameters, as {@code Content-Type} and {@code Accept} carry them
 * (RFC 9110 §8.3.1, §12.5.1): {@code multipart/related; type="application/dicom"; boundary=x}. Type, subtype
 * and parameter names are case-insensitive and kept in lower case; parameter values keep their case, quotes
 * removed. DICOMweb clients often leave values such as {@code type=application/dicom} unquoted although
 * {@code /} is not a token character, so an unquoted value runs to the next {@code ;} or {@code ,}.
 *
 * @param quality the {@code q} parameter of an Accept entry (1 when absent); not kept in {@code parameters}
 */
public record MediaType(String type, String subtype, Map<String, String> parameters, double quality) {

    /** Parses one media type; throws IllegalArgumentException, with the reason, when it is malformed. */
    public static MediaType parse(String text) {
        List<MediaType> list = parseList(text);
        if (list.size() != 1) {
            throw new IllegalArgumentException("expected one media type, found " + list.size());
        }
        return list.get(0);
    }

    /**
     * Parses an Accept header: media ranges separated by commas outside quoted strings, ordered by their
     * {@code q} value, highest first (equal ones keep their order). Empty entries are skipped.
     */
    public static List<MediaType> parseList(String text) {
        List<MediaType> result = new ArrayList<>();
        Cursor cursor = new Cursor(text == null ? "" : text);
        while (!cursor.atEnd()) {
            cursor.skipSpaces();
            if (cursor.peek() == ',') {
                cursor.next();
                continue;
            }
            if (cursor.atEnd()) {
                break;
            }
            result.add(cursor.mediaType());
        }
        result.sort(Comparator.comparingDouble(MediaType::quality).reversed());
        return result;
    }

    /** {@code type/subtype} in lower case. */
    public String essence() {
        return type + "/" + subtype;
    }

    /** A parameter's value (name in any case), or null. */
    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** True when this media range ({@code *}{@code /*}, {@code type/*} or a type) includes {@code essence}. */
    public boolean includes(String essence) {
        String wanted = essence.toLowerCase(Locale.ROOT);
        return type.equals("*") || (subtype.equals("*") && wanted.startsWith(type + "/")) || essence().equals(wanted);
    }

    /** True for {@code *}{@code /*} (and {@code application/*} style ranges when {@code type} matches). */
    public boolean isWildcard() {
        return type.equals("*") || subtype.equals("*");
    }

    /** Reads media types character by character; quoted strings may hold commas and semicolons. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        char next() {
            return text.charAt(position++);
        }

        void skipSpaces() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                position++;
            }
        }

        MediaType mediaType() {
            String type = token("a media type").toLowerCase(Locale.ROOT);
            if (peek() != '/') {
                throw new IllegalArgumentException("'" + type + "' is not a media type: no '/' after the type");
            }
            next();
            String subtype = token("a media subtype").toLowerCase(Locale.ROOT);
            Map<String, String> parameters = new LinkedHashMap<>();
            double quality = 1;
            skipSpaces();
            while (peek() == ';') {
                next();
                skipSpaces();
                if (atEnd() || peek() == ',' || peek() == ';') {
                    continue; // an empty parameter, as some clients send ("type/sub;")
                }
                String name = token("a parameter name").toLowerCase(Locale.ROOT);
                skipSpaces();
                if (peek() != '=') {
                    throw new IllegalArgumentException("the parameter '" + name + "' has no value");
                }
                next();
                skipSpaces();
                String value = peek() == '"' ? quoted() : unquoted();
                if (name.equals("q")) {
                    quality = quality(value);
                } else {
                    parameters.put(name, value);
                }
                skipSpaces();
            }
            if (!atEnd() && peek() != ',') {
                throw new IllegalArgumentException("unexpected '" + peek() + "' after the media type " + type + "/"
                        + subtype);
            }
            return new MediaType(type, subtype, Map.copyOf(parameters), quality);
        }

        /** RFC 9110 token characters (and '*', for ranges). */
        private String token(String what) {
            int start = position;
            while (!atEnd() && isTokenChar(peek())) {
                position++;
            }
            if (start == position) {
                throw new IllegalArgumentException("expected " + what + (atEnd() ? " at the end" : " at '" + peek()
                        + "'"));
            }
            return text.substring(start, position);
        }

        private String quoted() {
            next();
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new IllegalArgumentException("a quoted parameter value is not closed");
                }
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw new IllegalArgumentException("a quoted parameter value ends with a backslash");
                    }
                    c = next();
                }
                value.append(c);
            }
        }

        private String unquoted() {
            int start = position;
            while (!atEnd() && peek() != ';' && peek() != ',') {
                position++;
            }
            return text.substring(start, position).strip();
        }

        private static double quality(String value) {
            try {
                double q = Double.parseDouble(value);
                if (q >= 0 && q <= 1) {
                    return q;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("q must be a number from 0 to 1");
        }

        private static boolean isTokenChar(char c) {
            return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
