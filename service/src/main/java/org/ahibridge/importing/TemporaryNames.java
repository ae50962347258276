package org.ahibridge.importing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises names of files that are still being written ({@code *.tmp}, {@code *.part}, {@code .~*},
 * ...). Patterns are globs on the last path segment of a key, matched without regard to case:
 * {@code *} is any run of characters, {@code ?} one character.
 */
public final class TemporaryNames {

    private final List<Pattern> patterns;

    public TemporaryNames(List<String> globs) {
        this.patterns = globs.stream().map(TemporaryNames::compile).toList();
    }

    public boolean isTemporary(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
