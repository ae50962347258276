package org.ahibridge.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Maps Specific Character Set (0008,0005) defined terms to Java charsets (PS3.3 §C.12.1.1.2).
 *
 * <p>Single-byte and Unicode terms map directly. ISO 2022 code extensions (several values, or
 * {@code ISO 2022 IR ...}) are decoded with the charset of the first term: enough for routing and
 * metadata, and writing keeps the original bytes in any case.
 */
final class SpecificCharacterSet {

    /** The default repertoire is ASCII; Latin-1 decodes every byte, so nothing is ever lost. */
    static final Charset DEFAULT = StandardCharsets.ISO_8859_1;

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 6", "ISO-8859-1"), Map.entry("ISO 2022 IR 6", "ISO-8859-1"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 13", "Shift_JIS"), Map.entry("ISO 2022 IR 13", "Shift_JIS"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO 2022 IR 166", "TIS-620"),
            Map.entry("ISO 2022 IR 87", "ISO-2022-JP"), Map.entry("ISO 2022 IR 159", "ISO-2022-JP"),
            Map.entry("ISO 2022 IR 149", "EUC-KR"), Map.entry("ISO 2022 IR 58", "GB2312"),
            Map.entry("ISO_IR 192", "UTF-8"), Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private SpecificCharacterSet() {
    }

    static Charset charsetOf(List<String> terms) {
        for (String term : terms) {
            String name = JAVA_NAMES.get(term.trim());
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return DEFAULT;
    }
}
