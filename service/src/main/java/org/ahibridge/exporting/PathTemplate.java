package org.ahibridge.exporting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.json.AhiMetadataValues;
import org.ahibridge.storage.BlobKeys;
import org.ahibridge.storage.StorageException;

/**
 * Where an exported instance goes under the destination: a template such as the default
 * {@code {StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm} whose placeholders are DICOM
 * keywords (PS3.6) of the instance's attributes, or {@code ImageSetID} and {@code DatastoreID}.
 *
 * <p>Every value is sanitised, because attribute values are data, not paths: only letters, digits,
 * '.', '-' and '_' are kept (anything else, including '/', '\', control characters and spaces,
 * becomes '_'), a value starting with '.' gets a leading '_' (so no "." or ".." segment can appear),
 * an empty value becomes {@code _}, and a value is cut to {@value #MAX_VALUE} characters. The literal
 * parts of the template are checked once, and the resulting key must be a safe relative key
 * ({@link BlobKeys}) that stays under the destination root; a key that would not is refused.
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
                throw new IllegalArgumentException("path template '" + template + "': {" + name
                        + "} is not a DICOM keyword, ImageSetID or DatastoreID");
            }
            result.parts.add(new Placeholder(name));
            last = m.end();
        }
        result.literal(template.substring(last));
        String probe = result.render(Map.of(), name -> "x");
        if (problem(probe) != null) {
            throw new IllegalArgumentException("path template '" + template + "' makes unsafe keys: "
                    + problem(probe));
        }
        return result;
    }

    public static PathTemplate defaultTemplate() {
        return parse(DEFAULT);
    }

    /** The key of an instance: placeholders filled from {@code dataset} and the ids, values sanitised. */
    public String keyFor(Attributes dataset, String imageSetId, String datastoreId) {
        String key = render(Map.of("ImageSetID", String.valueOf(imageSetId), "DatastoreID", String.valueOf(datastoreId)),
                name -> {
                    int tag = AhiMetadataValues.tagOf(name);
                    List<String> values = dataset.getStrings(tag);
                    return values.isEmpty() ? "" : String.join("_", values);
                });
        String problem = problem(key);
        if (problem != null || key.length() > MAX_KEY || !ROOT.resolve(key).normalize().startsWith(ROOT)) {
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
        try {
            BlobKeys.requireSafe(key);
            return null;
        } catch (StorageException e) {
            return e.getMessage();
        }
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
