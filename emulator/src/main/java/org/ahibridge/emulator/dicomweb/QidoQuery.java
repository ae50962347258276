package org.ahibridge.emulator.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ahibridge.dicom.DicomDictionary;
import org.ahibridge.dicom.VR;
import org.ahibridge.emulator.ahi.AhiError;

/**
 * The query of a QIDO-RS search (PS3.18 §8.3.4): matching keys, {@code includefield}, {@code fuzzymatching},
 * {@code limit} and {@code offset}. Attributes are named by keyword ({@code PatientID}) or tag
 * ({@code 00100020}). Only the keys the operation matches on are accepted, as AWS lists them for each
 * search (docs/aws-healthimaging.md §10); any other is a 400 that names the ones it takes.
 *
 * @param limit {@code limit}, or {@link #MAX_RESULTS} when absent or larger
 */
record QidoQuery(List<AttributeMatch> matches, Set<Integer> includeFields, boolean includeAll, boolean fuzzy,
        int limit, int offset) {

    /** The most results one search returns (AWS documents no maximum; this is the emulator's). */
    static final int MAX_RESULTS = 1000;

    private static final Set<String> CONTROL = Set.of("includefield", "fuzzymatching", "limit", "offset",
            "imageSetId");

    /**
     * @param matchable the keys this search matches on, by keyword
     */
    static QidoQuery parse(Map<String, List<String>> query, Set<String> matchable, String operation) {
        List<AttributeMatch> matches = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (CONTROL.contains(name)) {
                continue;
            }
            int tag = tagOf(name);
            String keyword = DicomDictionary.standard().keywordOf(tag);
            if (keyword == null || !matchable.contains(keyword)) {
                throw AhiError.validation(operation + " does not match on " + name + "; it matches on "
                        + String.join(", ", matchable.stream().sorted().toList()));
            }
            VR vr = DicomDictionary.standard().vrOf(tag);
            if (parameter.getValue().size() > 1 && vr != VR.UI) {
                throw AhiError.validation(name + " is given " + parameter.getValue().size() + " times; only UID "
                        + "attributes take a list");
            }
            matches.add(new AttributeMatch(tag, vr, String.join(",", parameter.getValue())));
        }
        Set<Integer> includeFields = new LinkedHashSet<>();
        boolean includeAll = false;
        for (String value : query.getOrDefault("includefield", List.of())) {
            for (String field : value.split(",")) {
                if (field.strip().equalsIgnoreCase("all")) {
                    includeAll = true;
                } else if (!field.isBlank()) {
                    includeFields.add(tagOf(field.strip()));
                }
            }
        }
        String fuzzy = single(query, "fuzzymatching");
        if (fuzzy != null && !fuzzy.equals("true") && !fuzzy.equals("false")) {
            throw AhiError.validation("fuzzymatching must be true or false");
        }
        Integer limit = count(single(query, "limit"), "limit");
        Integer offset = count(single(query, "offset"), "offset");
        return new QidoQuery(List.copyOf(matches), includeFields, includeAll, "true".equals(fuzzy),
                limit == null ? MAX_RESULTS : Math.min(limit, MAX_RESULTS), offset == null ? 0 : offset);
    }

    /** True when the client asked for more results than {@link #MAX_RESULTS} (or set no limit). */
    static boolean capped(Map<String, List<String>> query) {
        String limit = single(query, "limit");
        return limit == null || Long.parseLong(limit.strip()) > MAX_RESULTS;
    }

    /** A keyword or 8 hex digits as a tag; 400 for anything else. */
    static int tagOf(String name) {
        if (name.matches("[0-9A-Fa-f]{8}")) {
            return (int) Long.parseLong(name, 16);
        }
        int tag = DicomDictionary.standard().tagOf(name);
        if (tag == -1) {
            throw AhiError.validation(name + " is neither a DICOM keyword nor a tag of 8 hex digits");
        }
        return tag;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw AhiError.validation(name + " is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static Integer count(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= 0) {
                return (int) Math.min(parsed, Integer.MAX_VALUE);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AhiError.validation(name + " must be a whole number from 0");
    }
}
