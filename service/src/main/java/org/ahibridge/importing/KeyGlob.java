package org.ahibridge.importing;

import java.util.regex.Pattern;

/**
 * A glob over whole object keys: {@code **} matches any run of characters including '/', {@code *} any
 * run within one path segment, {@code ?} one character other than '/'. Example: {@code studies/**&#47;*.dcm}.
 */
final class KeyGlob {

    private final Pattern pattern;
    private final String glob;

    KeyGlob(String glob) {
        this.glob = glob;
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    boolean matches(String key) {
        return pattern.matcher(key).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
