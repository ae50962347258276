package org.ahibridge.emulator.eventbridge;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code wildcard} filter: {@code *} stands for any run of characters, {@code \*} for a literal star. */
record Wildcard(Pattern regex) implements ValueMatcher {

    static Wildcard of(String pattern) {
        if (pattern.contains("**")) {
            throw new InvalidEventPatternException("Consecutive wildcard characters at pos " + pattern.indexOf("**"));
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return new Wildcard(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    @Override
    public boolean matches(JsonNode value) {
        return value.isTextual() && regex.matcher(value.asText()).matches();
    }
}
