package org.ahibridge.emulator.dicomweb;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.ahibridge.dicom.VR;

/**
 * One QIDO-RS matching key, {@code {attributeID}={value}}, matched as C-FIND matches (PS3.4 C.2.2.2, which
 * PS3.18 §8.3.4 refers to):
 * <ul>
 * <li>an empty value matches everything (universal matching); the attribute is then only returned;</li>
 * <li>UI: a list of UIDs separated by commas or backslashes, any of which matches (UID list matching);</li>
 * <li>DA, TM, DT: {@code from-to}, {@code from-} or {@code -to} (range matching, bounds included), else the
 * value itself; times compare as HHMMSS.FFFFFF, whatever precision either side gives;</li>
 * <li>other text VRs: {@code *} and {@code ?} are wildcards (wildcard matching), else the value exactly;
 * PN ignores case, and matches either the whole name or one of its component groups.</li>
 * </ul>
 * An attribute with several values matches when one of them does.
 */
record AttributeMatch(int tag, VR vr, String value) {

    boolean matches(List<String> values) {
        if (value.isEmpty()) {
            return true;
        }
        return values.stream().anyMatch(this::matchesOne);
    }

    private boolean matchesOne(String actual) {
        String candidate = actual.strip();
        return switch (vr) {
            case UI -> Arrays.stream(value.split("[,\\\\]")).map(String::strip).anyMatch(candidate::equals);
            case DA, DT -> inRange(candidate, false);
            case TM -> inRange(candidate, true);
            case PN -> personName(candidate);
            default -> wildcard(value, false).matcher(candidate).matches();
        };
    }

    private boolean inRange(String actual, boolean time) {
        int dash = value.indexOf('-');
        String candidate = normal(actual, time, '0');
        if (dash < 0) {
            return candidate.equals(normal(value, time, '0'));
        }
        String from = value.substring(0, dash).strip();
        String to = value.substring(dash + 1).strip();
        // A bound given to a coarser precision covers the whole of its last unit: "-1030" reaches 10:30:59.
        return (from.isEmpty() || candidate.compareTo(normal(from, time, '0')) >= 0)
                && (to.isEmpty() || candidate.compareTo(normal(to, time, '9')) <= 0);
    }

    private boolean personName(String actual) {
        Pattern pattern = wildcard(value, true);
        if (pattern.matcher(actual).matches()) {
            return true;
        }
        return Arrays.stream(actual.split("=")).anyMatch(group -> pattern.matcher(group).matches());
    }

    private static Pattern wildcard(String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : value.strip().toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                | Pattern.DOTALL : Pattern.DOTALL);
    }

    /**
     * A date or date-time as its digits (the old {@code 2024.01.31} form included), or a time as
     * HHMMSS.FFFFFF (the old {@code 10:30} form included); what is not given is {@code pad}.
     */
    private static String normal(String value, boolean time, char pad) {
        String padding = String.valueOf(pad).repeat(20);
        if (!time) {
            String digits = value.replaceAll("[^0-9]", "");
            return pad == '0' ? digits : (digits + padding).substring(0, Math.max(digits.length(), 20));
        }
        String text = value.replace(":", "").strip();
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        return (whole + padding).substring(0, 6) + "." + (fraction + padding).substring(0, 6);
    }
}
