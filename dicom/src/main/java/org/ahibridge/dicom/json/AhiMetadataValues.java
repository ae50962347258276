package org.ahibridge.dicom.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomDictionary;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * Element values in the AHI metadata JSON (docs/aws-healthimaging.md §4.2, as seen in real GetImageSetMetadata output):
 * empty = null; strings with their padding kept, multi-valued ones as arrays (also when the dictionary
 * VM allows several values and one is present); US/UL/SS/SL/SV/UV/FL/FD as numbers; OB/OD/OF/OL/OV/OW/UN
 * as base64; AT as 8 hex digits; SQ as arrays of objects; Pixel Data null.
 *
 * <p>Keys: the PS3.6 keyword, or 8 hex digits for private and unknown tags. Tags keyed by hex, and
 * standard tags whose VR differs from the dictionary's (US/SS, OB/OW), get an entry in {@code DICOMVRs}.
 */
public final class AhiMetadataValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DicomDictionary DICTIONARY = DicomDictionary.standard();

    private AhiMetadataValues() {
    }

    /** The key of a tag: its keyword, or 8 uppercase hex digits. */
    public static String keyOf(int tag) {
        String keyword = DICTIONARY.keywordOf(tag);
        return keyword == null ? Tags.toHex(tag) : keyword;
    }

    /** The tag of a key, or -1 when it is neither a keyword nor 8 hex digits. */
    public static int tagOf(String key) {
        if (key.length() == 8 && key.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Integer.parseUnsignedInt(key, 16);
        }
        return DICTIONARY.tagOf(key);
    }

    /** Encodes every element of a data set into {@code target}; VRs to record go to {@code vrs}. */
    public static void encodeAll(Attributes attributes, ObjectNode target, ObjectNode vrs) {
        for (Element element : attributes.elements()) {
            put(element, attributes.charset(), target, vrs);
        }
    }

    /** Encodes one element under its key. */
    public static void put(Element element, Charset charset, ObjectNode target, ObjectNode vrs) {
        int tag = element.tag();
        if (DICTIONARY.keywordOf(tag) == null || DICTIONARY.vrOf(tag) != element.vr()) {
            vrs.put(Tags.toHex(tag), element.vr().name());
        }
        target.set(keyOf(tag), encode(element, charset, vrs));
    }

    private static JsonNode encode(Element element, Charset charset, ObjectNode vrs) {
        if (element.isEncapsulated() || isPixelData(element.tag()) || element.isEmpty()) {
            return NODES.nullNode();
        }
        VR vr = element.vr();
        if (element.isSequence()) {
            ArrayNode items = NODES.arrayNode();
            for (Attributes item : element.items()) {
                ObjectNode object = items.addObject();
                encodeAll(item, object, vrs);
            }
            return items;
        }
        byte[] bytes = element.bytes();
        return switch (vr.kind()) {
            case STRING -> strings(element.tag(), text(vr, bytes, charset));
            case TEXT -> NODES.textNode(text(vr, bytes, charset));
            case BINARY -> numbers(element.tag(), vr, bytes);
            default -> NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        };
    }

    static boolean isPixelData(int tag) {
        return tag == Tags.PIXEL_DATA || tag == Tags.FLOAT_PIXEL_DATA || tag == Tags.DOUBLE_FLOAT_PIXEL_DATA;
    }

    private static String text(VR vr, byte[] bytes, Charset charset) {
        Charset cs = vr == VR.UI || vr == VR.UR || vr == VR.AE || vr == VR.CS || vr == VR.DA || vr == VR.TM
                || vr == VR.DT || vr == VR.DS || vr == VR.IS || vr == VR.AS ? StandardCharsets.ISO_8859_1 : charset;
        String text = new String(bytes, cs);
        // UI values are padded with NUL, which JSON consumers must not see; space padding is kept.
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean multiValued(int tag, int count) {
        if (count > 1) {
            return true;
        }
        DicomDictionary.Entry entry = Tags.isPrivate(tag) ? null : DICTIONARY.entry(tag);
        return entry != null && !"1".equals(entry.vm());
    }

    private static JsonNode strings(int tag, String text) {
        String[] values = text.split("\\\\", -1);
        if (!multiValued(tag, values.length)) {
            return NODES.textNode(text);
        }
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static JsonNode numbers(int tag, VR vr, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int size = vr == VR.AT ? 4 : vr.unitSize();
        List<JsonNode> values = new ArrayList<>();
        for (int offset = 0; offset + size <= bytes.length; offset += size) {
            values.add(switch (vr) {
                case US -> NODES.numberNode(buffer.getShort(offset) & 0xFFFF);
                case SS -> NODES.numberNode(buffer.getShort(offset));
                case UL -> NODES.numberNode(buffer.getInt(offset) & 0xFFFFFFFFL);
                case SL -> NODES.numberNode(buffer.getInt(offset));
                case SV -> NODES.numberNode(buffer.getLong(offset));
                case UV -> NODES.numberNode(new java.math.BigInteger(Long.toUnsignedString(buffer.getLong(offset))));
                case FL -> decimal(buffer.getFloat(offset), Float.toString(buffer.getFloat(offset)));
                case FD -> decimal(buffer.getDouble(offset), Double.toString(buffer.getDouble(offset)));
                case AT -> NODES.textNode(String.format("%04X%04X", buffer.getShort(offset) & 0xFFFF,
                        buffer.getShort(offset + 2) & 0xFFFF));
                default -> throw new IllegalArgumentException("not a binary number VR: " + vr);
            });
        }
        if (!multiValued(tag, values.size())) {
            return values.get(0);
        }
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode decimal(double value, String text) {
        // NaN and infinities have no JSON number form; they travel as strings and come back as such.
        return Double.isFinite(value) ? NODES.numberNode(new BigDecimal(text)) : NODES.textNode(text);
    }
}
