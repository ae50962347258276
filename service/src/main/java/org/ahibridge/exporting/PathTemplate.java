package org.ahibridge.exporting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.json.AhiMetadataValues;
import org.ahibridge.storage.BlobKeys;

/**
 * Where an exported instance goes under the destination: a template such as the default
 * {@code {StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm} whose placeholders are DICOM
 * keywords (PS3.6) of the instance's attributes, or {@code ImageSetID} and {@code DatastoreID}.
 *
 * <p>Every value is sanitised, because attribute values are data, not paths: only letters, digits,
 * '.', '-' and '_' are kept (anything else, including '/', '\', control characters and spaces,
 * becomes '_'), a value starting with '.' gets a leading '_' (so no "." or ".." segment can appear),
 * an empty value becomes {@code _}, and a value is cut to {@value #MAX_VALUE} characters. Then every
 * segment of the key follows {@link SafeSegment}: no trailing dots or spaces, no Windows device names
 * ({@code CON}, {@code nul.txt}, ...), nothing hidden, at most 255 bytes, so the key is a valid name
 * on Windows, macOS and Linux and in S3, Azure Blob and GCS.
 *
 * <p>The literal parts of the template are checked once, when it is parsed: no character that Windows
 * or the object stores refuse in names ({@code < > : " | ? *}, control and format characters), no
 * literal segment that {@link SafeSegment} would have to change, and no segment that could grow past
 * 255 bytes with its placeholders filled. The resulting key must be a safe relative key
 * ({@link BlobKeys}) of at most {@value #MAX_KEY} bytes that stays under the destination root; a key
 * that would not is refused. Messages never quote the template or a value.
 */
public final class PathTemplate {

    public static final String DEFAULT = "{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm";
    static final int MAX_VALUE = 64;
    static final int MAX_KEY = 1024;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static final Path ROOT = Path.of("/root");

    private final String template;
    private final List<Object> parts = new ArrayList<>();

    private PathTemplate(String template) {
        this.template = template;
    }

    /** Parses a template, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static PathTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the path template is empty");
        }
        PathTemplate result = new PathTemplate(template);
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            result.literal(template.substring(last, m.start()));
            String name = m.group(1);
            if (!name.equals("ImageSetID") && !name.equals("DatastoreID") && AhiMetadataValues.tagOf(name) == -1) {
                throw new IllegalArgumentException("the path template's {" + name
                        + "} is not a DICOM keyword, ImageSetID or DatastoreID");
            }
            result.parts.add(new Placeholder(name));
            last = m.end();
        }
        result.literal(template.substring(last));
        requireBalancedBraces(template);
        requireNamableLiterals(template);
        String probe = result.render(Map.of(), name -> "x");
        if (problem(probe) != null) {
            throw new IllegalArgumentException("the path template makes unsafe keys: " + problem(probe));
        }
        requireSafeSegments(template);
        return result;
    }

    // A brace left over is a placeholder mistyped ({PatientID without its '}', {Patient ID}): taken as text, it
    // would put the same literal key on every instance. The message names the segment, never its text.
    private static void requireBalancedBraces(String template) {
        String[] segments = template.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String literal = PLACEHOLDER.matcher(segments[i]).replaceAll("");
            if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
                throw new IllegalArgumentException("the path template's segment " + (i + 1) + " has a '{' or '}'"
                        + " that is not part of a {Keyword} placeholder");
            }
        }
    }

    // Characters Windows refuses in names (and the object stores' guides advise against), line breaks
    // and invisible format characters such as bidirectional overrides.
    private static void requireNamableLiterals(String template) {
        String literals = PLACEHOLDER.matcher(template).replaceAll("");
        boolean refused = literals.codePoints().anyMatch(c -> "<>:\"|?*".indexOf(c) >= 0 || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029);
        if (refused) {
            throw new IllegalArgumentException("the path template's literal text has a character that file systems"
                    + " or object stores do not accept in names: < > : \" | ? * or a control or format character");
        }
    }

    // A literal segment is the operator's choice and is refused rather than silently changed; a segment
    // with placeholders must stay within the name length however long its values are.
    private static void requireSafeSegments(String template) {
        String[] segments = template.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            long count = PLACEHOLDER.matcher(segments[i]).results().count();
            if (count == 0) {
                String problem = SafeSegment.problem(segments[i]);
                if (problem != null) {
                    throw new IllegalArgumentException("the path template's segment " + (i + 1) + " " + problem);
                }
                continue;
            }
            String literal = PLACEHOLDER.matcher(segments[i]).replaceAll("");
            long longest = SafeSegment.utf8Length(literal) + count * MAX_VALUE + 1;
            if (longest > SafeSegment.MAX_BYTES) {
                throw new IllegalArgumentException("the path template's segment " + (i + 1) + " can grow to "
                        + longest + " bytes with its values, more than the " + SafeSegment.MAX_BYTES
                        + " a file or folder name may have; split it with '/' or use fewer placeholders");
            }
        }
    }

    public static PathTemplate defaultTemplate() {
        return parse(DEFAULT);
    }

    /** The key of an instance: placeholders filled from {@code dataset} and the ids, values sanitised. */
    public String keyFor(Attributes dataset, String imageSetId, String datastoreId) {
        String rendered = render(Map.of("ImageSetID", String.valueOf(imageSetId), "DatastoreID",
                String.valueOf(datastoreId)), name -> {
                    int tag = AhiMetadataValues.tagOf(name);
                    List<String> values = dataset.getStrings(tag);
                    return values.isEmpty() ? "" : String.join("_", values);
                });
        String key = Arrays.stream(rendered.split("/", -1)).map(SafeSegment::of).collect(Collectors.joining("/"));
        String problem = problem(key);
        if (problem != null || SafeSegment.utf8Length(key) > MAX_KEY
                || !ROOT.resolve(key).normalize().startsWith(ROOT)) {
            throw new IllegalArgumentException("the path template gives an unsafe key for this instance"
                    + (problem == null ? "" : ": " + problem));
        }
        return key;
    }

    /** A value made safe as (part of) one path segment. */
    static String sanitise(String value) {
        if (value == null) {
            return "_";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE));
        value.trim().codePoints().forEach(c -> {
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '-' || c == '_';
            out.append(safe ? (char) c : '_');
        });
        String result = out.toString();
        if (result.isEmpty()) {
            result = "_";
        }
        if (result.startsWith(".")) {
            result = "_" + result;
        }
        return result.length() > MAX_VALUE ? result.substring(0, MAX_VALUE) : result;
    }

    private static String problem(String key) {
        if (key.codePoints().anyMatch(Character::isISOControl)) {
            return "control characters";
        }
        if (Arrays.stream(key.split("/", -1)).anyMatch(s -> SafeSegment.utf8Length(s) > SafeSegment.MAX_BYTES)) {
            return "a path segment is longer than " + SafeSegment.MAX_BYTES + " bytes";
        }
        return BlobKeys.problem(key);
    }

    @Override
    public String toString() {
        return template;
    }

    private void literal(String text) {
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    private String render(Map<String, String> ids, java.util.function.Function<String, String> attribute) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                String value = ids.containsKey(p.name()) ? ids.get(p.name()) : attribute.apply(p.name());
                key.append(sanitise(value));
            } else {
                key.append((String) part);
            }
        }
        return key.toString();
    }

    private record Placeholder(String name) {
    }
}
