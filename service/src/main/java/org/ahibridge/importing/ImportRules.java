package org.ahibridge.importing;

import java.util.List;
import java.util.Optional;

/**
 * The filter rules integration teams configure (docs/design.md §1 step 3) that need no DICOM header: key
 * globs ({@link KeyGlob}) to include and exclude, and a size range. A file that fails one ends
 * SKIPPED_BY_RULE with the rule in the reason. Rules on header values (modality, SOP class) need the
 * classifier and come with it.
 *
 * @param include globs a key must match one of (empty: every key)
 * @param exclude globs no key may match
 * @param minSize smallest size in bytes taken
 * @param maxSize largest size in bytes taken, or -1 for no limit
 */
public record ImportRules(List<String> include, List<String> exclude, long minSize, long maxSize) {

    public static final ImportRules NONE = new ImportRules(List.of(), List.of(), 0, -1);

    public ImportRules {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** Why the object is excluded, or empty when every rule lets it through. */
    public Optional<String> exclusion(String key, long size) {
        if (!include.isEmpty() && include.stream().map(KeyGlob::new).noneMatch(g -> g.matches(key))) {
            return Optional.of("key matches none of ahibridge.import.rules.include " + include);
        }
        for (String glob : exclude) {
            if (new KeyGlob(glob).matches(key)) {
                return Optional.of("key matches ahibridge.import.rules.exclude '" + glob + "'");
            }
        }
        if (size < minSize) {
            return Optional.of("size " + size + " bytes is below ahibridge.import.rules.min-size " + minSize);
        }
        if (maxSize >= 0 && size > maxSize) {
            return Optional.of("size " + size + " bytes is above ahibridge.import.rules.max-size " + maxSize);
        }
        return Optional.empty();
    }
}
