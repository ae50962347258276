package org.ahibridge.dicom.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Character sets with ISO 2022 code extensions (PS3.3 §C.12.1.1.2, PS3.5 §6.1.2.5): the defined
 * terms {@code ISO 2022 IR nnn}, switched inside values by escape sequences. Decoding follows the
 * escapes and returns to the initial designations at value, line and (for PN) component delimiters;
 * encoding chooses, character by character, the first declared term that can encode it and writes the
 * escape sequences for it, returning to the initial designations before those delimiters.
 */
final class Iso2022 {

    private static final byte ESC = 0x1B;

    /** How a designated set encodes characters. */
    private enum Kind { ASCII, SINGLE_BYTE_G1, KATAKANA_G1, DOUBLE_BYTE_G1, DOUBLE_BYTE_G0 }

    /** One designation: the term that declares it, its escape sequence, its kind and Java charset. */
    private record Designation(String term, byte[] escape, Kind kind, Charset charset) {
        boolean g0() {
            return kind == Kind.ASCII || kind == Kind.DOUBLE_BYTE_G0;
        }
    }

    private static final Designation ASCII = designation("ISO 2022 IR 6", "(B", Kind.ASCII, "US-ASCII");
    private static final Designation ROMAJI = designation("ISO 2022 IR 13", "(J", Kind.ASCII, "US-ASCII");
    private static final List<Designation> TABLE = List.of(ASCII, ROMAJI,
            designation("ISO 2022 IR 13", ")I", Kind.KATAKANA_G1, "US-ASCII"),
            designation("ISO 2022 IR 87", "$B", Kind.DOUBLE_BYTE_G0, "ISO-2022-JP"),
            designation("ISO 2022 IR 159", "$(D", Kind.DOUBLE_BYTE_G0, "ISO-2022-JP-2"),
            designation("ISO 2022 IR 149", "$)C", Kind.DOUBLE_BYTE_G1, "EUC-KR"),
            designation("ISO 2022 IR 58", "$)A", Kind.DOUBLE_BYTE_G1, "GB2312"),
            designation("ISO 2022 IR 100", "-A", Kind.SINGLE_BYTE_G1, "ISO-8859-1"),
            designation("ISO 2022 IR 101", "-B", Kind.SINGLE_BYTE_G1, "ISO-8859-2"),
            designation("ISO 2022 IR 109", "-C", Kind.SINGLE_BYTE_G1, "ISO-8859-3"),
            designation("ISO 2022 IR 110", "-D", Kind.SINGLE_BYTE_G1, "ISO-8859-4"),
            designation("ISO 2022 IR 144", "-L", Kind.SINGLE_BYTE_G1, "ISO-8859-5"),
            designation("ISO 2022 IR 127", "-G", Kind.SINGLE_BYTE_G1, "ISO-8859-6"),
            designation("ISO 2022 IR 126", "-F", Kind.SINGLE_BYTE_G1, "ISO-8859-7"),
            designation("ISO 2022 IR 138", "-H", Kind.SINGLE_BYTE_G1, "ISO-8859-8"),
            designation("ISO 2022 IR 148", "-M", Kind.SINGLE_BYTE_G1, "ISO-8859-9"),
            designation("ISO 2022 IR 203", "-b", Kind.SINGLE_BYTE_G1, "ISO-8859-15"),
            designation("ISO 2022 IR 166", "-T", Kind.SINGLE_BYTE_G1, "TIS-620"));
    private static final Map<String, String> SINGLE_BYTE_TERMS = Map.of("ISO_IR 13", "ISO 2022 IR 13",
            "ISO_IR 100", "ISO 2022 IR 100", "ISO_IR 101", "ISO 2022 IR 101", "ISO_IR 144", "ISO 2022 IR 144",
            "ISO_IR 126", "ISO 2022 IR 126", "ISO_IR 148", "ISO 2022 IR 148", "ISO_IR 166", "ISO 2022 IR 166");

    private final List<Designation> declared = new ArrayList<>();
    private final Designation initialG0;
    private final Designation initialG1;

    private Iso2022(List<String> terms) {
        Designation g0 = ASCII;
        Designation g1 = null;
        for (int i = 0; i < terms.size(); i++) {
            String term = SINGLE_BYTE_TERMS.getOrDefault(terms.get(i).strip(), terms.get(i).strip());
            for (Designation d : TABLE) {
                if (d.term().equals(term)) {
                    declared.add(d);
                    if (i == 0 && d.g0()) {
                        g0 = d;
                    } else if (i == 0) {
                        g1 = d;
                    }
                }
            }
        }
        this.initialG0 = g0 == ROMAJI || g0.kind() == Kind.ASCII ? g0 : ASCII;
        this.initialG1 = g1;
    }

    /** True when the Specific Character Set terms use code extensions and need this class. */
    static boolean applies(List<String> terms) {
        return terms.stream().anyMatch(t -> t.strip().startsWith("ISO 2022"));
    }

    static String decode(byte[] bytes, List<String> terms, boolean personName) {
        return new Iso2022(terms).decode(bytes, personName);
    }

    /** The encoded bytes, or null when a character fits none of the declared sets. */
    static byte[] encode(String text, List<String> terms, boolean personName) {
        return new Iso2022(terms).encode(text, personName);
    }

    private String decode(byte[] bytes, boolean personName) {
        StringBuilder out = new StringBuilder(bytes.length);
        Designation g0 = initialG0;
        Designation g1 = initialG1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b == ESC) {
                Designation d = escapeAt(bytes, i);
                if (d != null) {
                    g0 = d.g0() ? d : g0;
                    g1 = d.g0() ? g1 : d;
                    i += 1 + d.escape().length;
                    continue;
                }
            }
            int end = i + 1;
            if (b >= 0x80) {
                while (end < bytes.length && (bytes[end] & 0xFF) >= 0x80) {
                    end++;
                }
                out.append(decodeHigh(bytes, i, end, g1));
            } else if (g0.kind() == Kind.DOUBLE_BYTE_G0 && b > 0x20) {
                while (end < bytes.length && (bytes[end] & 0xFF) > 0x20 && (bytes[end] & 0xFF) < 0x80) {
                    end++;
                }
                out.append(decodeDoubleG0(bytes, i, end, g0));
            } else {
                out.append((char) b);
                if (isResetPoint(b, personName)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
            }
            i = end;
        }
        return out.toString();
    }

    private byte[] encode(String text, boolean personName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        Designation g0 = initialG0;
        Designation g1 = initialG1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                if (g0 != initialG0 && (g0.kind() == Kind.DOUBLE_BYTE_G0 || isResetPoint(c, personName))) {
                    writeEscape(out, initialG0);
                    g0 = initialG0;
                }
                if (isResetPoint(c, personName)) {
                    if (initialG1 != null && g1 != initialG1) {
                        writeEscape(out, initialG1);
                    }
                    g1 = initialG1; // a decoder returns to the initial G1 here, escape or not
                }
                out.write(c);
                continue;
            }
            String character = new String(Character.toChars(c));
            Designation chosen = null;
            byte[] encoded = null;
            for (Designation d : declared) {
                encoded = encodeIn(d, character);
                if (encoded != null) {
                    chosen = d;
                    break;
                }
            }
            if (chosen == null) {
                return null;
            }
            if (chosen.g0() ? g0 != chosen : g1 != chosen) {
                writeEscape(out, chosen);
                g0 = chosen.g0() ? chosen : g0;
                g1 = chosen.g0() ? g1 : chosen;
            }
            out.writeBytes(encoded);
        }
        if (g0 != initialG0) {
            writeEscape(out, initialG0);
        }
        if (initialG1 != null && g1 != initialG1) {
            writeEscape(out, initialG1);
        }
        return out.toByteArray();
    }

    /** The bytes of one character in a designated set (without escapes), or null when it has none. */
    private static byte[] encodeIn(Designation d, String character) {
        switch (d.kind()) {
            case KATAKANA_G1 -> {
                int c = character.codePointAt(0);
                return c >= 0xFF61 && c <= 0xFF9F ? new byte[] {(byte) (c - 0xFF61 + 0xA1)} : null;
            }
            case SINGLE_BYTE_G1, DOUBLE_BYTE_G1 -> {
                if (!d.charset().newEncoder().canEncode(character)) {
                    return null;
                }
                byte[] bytes = character.getBytes(d.charset());
                for (byte b : bytes) {
                    if ((b & 0xFF) < 0x80) {
                        return null;
                    }
                }
                return bytes;
            }
            case DOUBLE_BYTE_G0 -> {
                if (!d.charset().newEncoder().canEncode(character)) {
                    return null;
                }
                byte[] bytes = character.getBytes(d.charset());
                byte[] prefix = withEsc(d.escape());
                if (bytes.length < prefix.length + 2 || !java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0,
                        prefix.length)) {
                    return null; // Java chose another set (JIS X 0201, or JIS X 0208 for IR 159)
                }
                return java.util.Arrays.copyOfRange(bytes, prefix.length, prefix.length + 2);
            }
            default -> {
                return null;
            }
        }
    }

    private String decodeHigh(byte[] bytes, int from, int to, Designation g1) {
        if (g1 == null) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        if (g1.kind() == Kind.KATAKANA_G1) {
            StringBuilder text = new StringBuilder();
            for (int i = from; i < to; i++) {
                int b = bytes[i] & 0xFF;
                text.append(b >= 0xA1 && b <= 0xDF ? (char) (0xFF61 + b - 0xA1) : '\uFFFD');
            }
            return text.toString();
        }
        return new String(bytes, from, to - from, g1.charset());
    }

    private static String decodeDoubleG0(byte[] bytes, int from, int to, Designation g0) {
        ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
        wrapped.writeBytes(withEsc(g0.escape()));
        wrapped.write(bytes, from, to - from);
        wrapped.writeBytes(withEsc(ASCII.escape()));
        return new String(wrapped.toByteArray(), g0.charset());
    }

    private Designation escapeAt(byte[] bytes, int at) {
        for (Designation d : TABLE) {
            byte[] escape = d.escape();
            if (at + escape.length < bytes.length
                    && java.util.Arrays.equals(bytes, at + 1, at + 1 + escape.length, escape, 0, escape.length)) {
                return d;
            }
        }
        return null;
    }

    private static boolean isResetPoint(int c, boolean personName) {
        return c == '\\' || c == '\r' || c == '\n' || c == '\f' || c == '\t' || personName && (c == '^' || c == '=');
    }

    private static void writeEscape(ByteArrayOutputStream out, Designation d) {
        out.writeBytes(withEsc(d.escape()));
    }

    private static byte[] withEsc(byte[] escape) {
        byte[] bytes = new byte[escape.length + 1];
        bytes[0] = ESC;
        System.arraycopy(escape, 0, bytes, 1, escape.length);
        return bytes;
    }

    private static Designation designation(String term, String escape, Kind kind, String charset) {
        Charset javaCharset = Charset.isSupported(charset) ? Charset.forName(charset) : StandardCharsets.US_ASCII;
        return new Designation(term, escape.getBytes(StandardCharsets.US_ASCII), kind, javaCharset);
    }
}
