package org.ahibridge.dicom.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a DICOM JSON object (PS3.18 §F.2) into a data set. Specific Character Set (0008,0005) is read
 * before every other key of its object, so strings are encoded with it whatever the key order.
 */
final class JsonDecoder {

    private static final java.util.regex.Pattern HEX_TAG = java.util.regex.Pattern.compile("[0-9A-Fa-f]{8}");

    private final BulkDataResolver resolver;

    JsonDecoder(BulkDataResolver resolver) {
        this.resolver = resolver;
    }

    Attributes readObject(JsonNode node, Attributes parent, String path) throws IOException {
        if (node == null || !node.isObject()) {
            throw new DicomJsonException(path, "expected a JSON object of attributes");
        }
        Attributes target = parent == null ? new Attributes() : new Attributes(parent);
        Map<Integer, JsonNode> byTag = new TreeMap<>(Integer::compareUnsigned);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            byTag.put(parseTag(field.getKey(), path), field.getValue());
        }
        JsonNode charset = byTag.remove(Tags.SPECIFIC_CHARACTER_SET);
        if (charset != null) {
            target.put(readElement(Tags.SPECIFIC_CHARACTER_SET, charset, target, join(path, Tags.SPECIFIC_CHARACTER_SET)));
        }
        for (Map.Entry<Integer, JsonNode> entry : byTag.entrySet()) {
            if (!Tags.isGroupLength(entry.getKey())) {
                target.put(readElement(entry.getKey(), entry.getValue(), target, join(path, entry.getKey())));
            }
        }
        return target;
    }

    private Element readElement(int tag, JsonNode node, Attributes owner, String path) throws IOException {
        if (!node.isObject() || !node.path("vr").isTextual()) {
            throw new DicomJsonException(path, "expected an object with a \"vr\" string");
        }
        VR vr = parseVr(node.get("vr").asText(), path);
        JsonNode value = node.get("Value");
        JsonNode inline = node.get("InlineBinary");
        JsonNode bulk = node.get("BulkDataURI");
        if ((value != null ? 1 : 0) + (inline != null ? 1 : 0) + (bulk != null ? 1 : 0) > 1) {
            throw new DicomJsonException(path, "only one of Value, InlineBinary and BulkDataURI may be present");
        }
        if (vr == VR.SQ) {
            return Element.ofItems(tag, readItems(value, owner, path));
        }
        if (inline != null) {
            return readInlineBinary(tag, vr, inline, path);
        }
        if (bulk != null) {
            if (!bulk.isTextual()) {
                throw new DicomJsonException(path, "BulkDataURI must be a string");
            }
            byte[] bytes = resolver.resolve(new BulkDataReference(path, tag, vr, bulk.asText()));
            return Element.ofBytes(tag, vr, bytes);
        }
        if (value == null || value.isNull()) {
            return Element.ofBytes(tag, vr, new byte[0]);
        }
        if (!value.isArray()) {
            throw new DicomJsonException(path, "\"Value\" must be an array");
        }
        return Element.ofBytes(tag, vr, switch (vr.kind()) {
            case STRING, TEXT -> encodeStrings(vr, value, new TextCodec(owner), path);
            case BINARY -> encodeNumbers(vr, value, path);
            default -> throw new DicomJsonException(path, vr + " values must be InlineBinary or BulkDataURI, not Value");
        });
    }

    private List<Attributes> readItems(JsonNode value, Attributes owner, String path) throws IOException {
        List<Attributes> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            throw new DicomJsonException(path, "a sequence's \"Value\" must be an array of objects");
        }
        for (int i = 0; i < value.size(); i++) {
            items.add(readObject(value.get(i), owner, path + "[" + i + "]"));
        }
        return items;
    }

    private static Element readInlineBinary(int tag, VR vr, JsonNode inline, String path) throws IOException {
        if (vr.kind() != VR.Kind.BYTES) {
            throw new DicomJsonException(path, "InlineBinary is for OB, OD, OF, OL, OV, OW and UN, not " + vr);
        }
        byte[] bytes;
        try {
            bytes = inline.isTextual() ? inline.binaryValue() : null;
        } catch (IOException | IllegalArgumentException e) {
            throw new DicomJsonException(path, "InlineBinary is not valid base64: " + e.getMessage());
        }
        if (bytes == null) {
            throw new DicomJsonException(path, "InlineBinary must be a base64 string");
        }
        if (tag == Tags.PIXEL_DATA && (vr == VR.OB || vr == VR.OW)) {
            List<byte[]> fragments = EncapsulatedValue.decode(bytes);
            if (fragments != null) {
                return Element.ofFragments(tag, VR.OB, fragments);
            }
        }
        return Element.ofBytes(tag, vr, bytes);
    }

    private static byte[] encodeStrings(VR vr, JsonNode values, TextCodec codec, String path) throws IOException {
        if (vr.kind() == VR.Kind.TEXT && values.size() > 1) {
            throw new DicomJsonException(path, vr + " holds a single value, not " + values.size());
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String text = JsonValues.stringOf(vr, values.get(i), path + ".Value[" + i + "]");
            if (vr.kind() == VR.Kind.STRING && text.indexOf('\\') >= 0) {
                throw new DicomJsonException(path, "a " + vr + " value may not contain a backslash");
            }
            joined.append(i == 0 ? "" : "\\").append(text);
        }
        byte[] bytes = codec.encode(vr, joined.toString());
        if (bytes == null) {
            throw new DicomJsonException(path, "value has characters that " + (JsonText.CHARSET_VRS.contains(vr)
                    ? codec.describe() + " cannot encode" : vr + " does not allow (default repertoire only)"));
        }
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        padded[bytes.length] = vr.padding();
        return padded;
    }

    private static byte[] encodeNumbers(VR vr, JsonNode values, String path) throws IOException {
        int size = vr == VR.AT ? 4 : vr.unitSize();
        ByteBuffer buffer = ByteBuffer.allocate(values.size() * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.size(); i++) {
            JsonValues.putBinary(vr, values.get(i), buffer, path + ".Value[" + i + "]");
        }
        return buffer.array();
    }

    private static int parseTag(String key, String path) throws DicomJsonException {
        if (!HEX_TAG.matcher(key).matches()) {
            throw new DicomJsonException(path, "key '" + key + "' is not a tag of 8 hex digits");
        }
        return Integer.parseUnsignedInt(key, 16);
    }

    private static VR parseVr(String text, String path) throws DicomJsonException {
        try {
            return VR.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new DicomJsonException(path, "unknown VR '" + text + "'");
        }
    }

    private static String join(String path, int tag) {
        return path.isEmpty() ? Tags.toHex(tag) : path + "." + Tags.toHex(tag);
    }

}
