package org.ahibridge.dicom.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares two DICOM JSON documents after normalising what PS3.18 leaves open: number formatting
 * (1.0 and 1 and "1" are one value; FL values within float precision), base64 line layout, and the
 * Specific Character Set, which dcm2json rewrites to ISO_IR 192 because it transcodes to UTF-8.
 */
final class JsonDiff {

    private JsonDiff() {
    }

    /** The differences; with {@code standardOnly}, group lengths and private elements are not compared. */
    static List<String> differences(JsonNode expected, JsonNode actual, boolean standardOnly) {
        List<String> out = new ArrayList<>();
        compareObjects("", expected, actual, standardOnly, out);
        return out;
    }

    private static void compareObjects(String path, JsonNode expected, JsonNode actual, boolean standardOnly,
            List<String> out) {
        TreeSet<String> keys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        actual.fieldNames().forEachRemaining(keys::add);
        keys.remove("00080005");
        if (standardOnly) {
            keys.removeIf(key -> key.endsWith("0000") || (Integer.parseInt(key.substring(0, 4), 16) & 1) == 1);
        }
        for (String key : keys) {
            JsonNode want = expected.get(key);
            JsonNode got = actual.get(key);
            if (want == null || got == null) {
                out.add(path + key + (want == null ? " unexpected" : " missing"));
            } else {
                compareElement(path + key, want, got, standardOnly, out);
            }
        }
    }

    private static void compareElement(String path, JsonNode want, JsonNode got, boolean standardOnly,
            List<String> out) {
        String vr = want.path("vr").asText();
        if (!vr.equals(got.path("vr").asText()) && !readerChoice(path, vr, got.path("vr").asText())) {
            out.add(path + " vr " + vr + " vs " + got.path("vr").asText());
            return;
        }
        if (want.has("InlineBinary") || got.has("InlineBinary")) {
            byte[] a = Base64.getMimeDecoder().decode(want.path("InlineBinary").asText());
            byte[] b = Base64.getMimeDecoder().decode(got.path("InlineBinary").asText());
            if (!java.util.Arrays.equals(a, b)) {
                out.add(path + " InlineBinary differs (" + a.length + " vs " + b.length + " bytes)");
            }
            return;
        }
        List<JsonNode> a = values(vr, want.path("Value"));
        List<JsonNode> b = values(vr, got.path("Value"));
        if (a.size() != b.size()) {
            out.add(path + " Value " + a + " vs " + b);
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            JsonNode x = a.get(i);
            JsonNode y = b.get(i);
            if (x.isNull() && y.isNull()) {
                continue;
            }
            if (vr.equals("SQ")) {
                compareObjects(path + "[" + i + "].", x, y, standardOnly, out);
            } else if (!sameValue(vr, x, y)) {
                out.add(path + " Value[" + i + "] " + x + " vs " + y);
            }
        }
    }

    /**
     * The values, with person names normalised as PS3.5 §6.2.1.1 allows (trailing empty components
     * and groups dropped, so "^^^^" is empty) and a lone empty value treated as no value.
     */
    private static List<JsonNode> values(String vr, JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(value -> values.add(vr.equals("PN") ? personName(value) : value));
        if (values.size() == 1 && values.get(0).isNull()) {
            values.clear();
        }
        return values;
    }

    private static JsonNode personName(JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        com.fasterxml.jackson.databind.node.ObjectNode normalised =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        value.fields().forEachRemaining(group -> {
            String text = group.getValue().asText().replaceAll("\\^+$", "");
            if (!text.isEmpty()) {
                normalised.put(group.getKey(), text);
            }
        });
        return normalised.isEmpty() ? com.fasterxml.jackson.databind.node.NullNode.instance : normalised;
    }

    /**
     * In implicit VR the reader takes the dictionary's first VR for "US or SS" and OB for 8-bit Pixel
     * Data where dcmtk picks by Pixel Representation and OW; the values must still be equal.
     */
    private static boolean readerChoice(String path, String a, String b) {
        java.util.Set<String> pair = java.util.Set.of(a, b);
        return pair.equals(java.util.Set.of("US", "SS")) || pair.equals(java.util.Set.of("OB", "OW"))
                && path.endsWith("7FE00010");
    }

    private static boolean sameValue(String vr, JsonNode x, JsonNode y) {
        if (x.isNumber() || y.isNumber()) {
            BigDecimal p = decimal(x);
            BigDecimal q = decimal(y);
            if (p == null || q == null) {
                return false;
            }
            if (vr.equals("FL")) {
                return p.floatValue() == q.floatValue();
            }
            if (vr.equals("FD")) {
                return p.doubleValue() == q.doubleValue();
            }
            return p.compareTo(q) == 0;
        }
        if (x.isObject() && y.isObject()) {
            Map<String, String> p = new java.util.TreeMap<>();
            Map<String, String> q = new java.util.TreeMap<>();
            x.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
            y.fields().forEachRemaining(e -> q.put(e.getKey(), e.getValue().asText()));
            return p.equals(q);
        }
        return x.equals(y);
    }

    private static BigDecimal decimal(JsonNode node) {
        try {
            return node.isNumber() ? new BigDecimal(node.asText()) : new BigDecimal(node.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
