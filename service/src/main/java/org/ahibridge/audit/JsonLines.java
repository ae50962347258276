package org.ahibridge.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON output policy of the project's line-oriented writers (audit lines, {@code p10 check
 * --json}, command summaries, run reports). Standard JSON escapes only U+0000..U+001F, but many line
 * splitters also break at U+0085 (NEL), U+2028 and U+2029 (Python's {@code splitlines}, Java's
 * {@code \R}, JavaScript before ES2019 even refuses them in strings), so a key or message carrying one
 * would split one record into two. These generators also write every C1 control (U+0080..U+009F) and
 * U+2028/U+2029 as {@code \}{@code uXXXX}; the text still parses back to the same string, and other
 * non-ASCII characters stay readable as they are.
 */
public final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new LineBreakEscapes())
            .build();

    private JsonLines() {
    }

    /** A factory whose generators follow the policy (thread-safe, shared). */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** An ObjectMapper whose output follows the policy (thread-safe, shared; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Made on first use: the streaming writers ({@code p10 check}) need only the factory, not data binding. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper(FACTORY);
    }

    /** True for the characters this policy escapes beyond standard JSON. */
    static boolean breaksLines(int c) {
        return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    }

    private static final class LineBreakEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return breaksLines(c) ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }
}
