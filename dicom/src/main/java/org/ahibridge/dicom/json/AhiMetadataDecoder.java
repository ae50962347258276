package org.ahibridge.dicom.json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomDictionary;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * The reverse of {@link AhiMetadataValues}: JSON members of an AHI metadata {@code DICOM} object back
 * into elements, with the VR from {@code DICOMVRs} or else the dictionary (docs/aws-healthimaging.md §4.2).
 */
public final class AhiMetadataDecoder {

    private static final DicomDictionary DICTIONARY = DicomDictionary.standard();

    private AhiMetadataDecoder() {
    }


    /** Decodes every member of a DICOM object into {@code target}, using {@code vrs} for VRs. */
    public static void decodeAll(JsonNode object, Map<String, String> vrs, Attributes target) {
        // The character set goes first: every text value after it is encoded with it.
        JsonNode charset = object.get("SpecificCharacterSet");
        if (charset != null) {
            decode("SpecificCharacterSet", charset, vrs, target);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!member.getKey().equals("SpecificCharacterSet")) {
                decode(member.getKey(), member.getValue(), vrs, target);
            }
        }
    }

    /** Decodes one member; unknown keywords are ignored (there is no tag to put them under). */
    public static void decode(String key, JsonNode value, Map<String, String> vrs, Attributes target) {
        int tag = AhiMetadataValues.tagOf(key);
        if (tag == -1 || AhiMetadataValues.isPixelData(tag)) {
            return;
        }
        String recorded = vrs.get(Tags.toHex(tag));
        VR vr = recorded != null ? VR.valueOf(recorded) : DICTIONARY.vrOf(tag);
        if (vr == VR.SQ || (value != null && value.isArray() && value.size() > 0 && value.get(0).isObject())) {
            List<Attributes> items = new ArrayList<>();
            if (value != null && value.isArray()) {
                for (JsonNode item : value) {
                    Attributes attributes = new Attributes(target);
                    decodeAll(item, vrs, attributes);
                    items.add(attributes);
                }
            }
            target.setSequence(tag, items);
            return;
        }
        if (value == null || value.isNull()) {
            target.setBytes(tag, vr, new byte[0]);
            return;
        }
        switch (vr.kind()) {
            case STRING, TEXT -> target.setString(tag, vr, joined(value));
            case BINARY -> target.setBytes(tag, vr, binary(vr, value));
            default -> target.setBytes(tag, vr, Base64.getDecoder().decode(value.asText()));
        }
    }

    private static String joined(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        value.forEach(v -> parts.add(v.isNull() ? "" : v.asText()));
        return String.join("\\", parts);
    }

    private static byte[] binary(VR vr, JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        int size = vr == VR.AT ? 4 : vr.unitSize();
        ByteBuffer buffer = ByteBuffer.allocate(values.size() * size).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode v : values) {
            switch (vr) {
                case US, SS -> buffer.putShort((short) v.asLong());
                case UL, SL -> buffer.putInt((int) v.asLong());
                case SV -> buffer.putLong(v.asLong());
                case UV -> buffer.putLong(new java.math.BigInteger(v.asText()).longValue());
                case FL -> buffer.putFloat(Float.parseFloat(v.asText()));
                case FD -> buffer.putDouble(Double.parseDouble(v.asText()));
                case AT -> {
                    int tag = Integer.parseUnsignedInt(v.asText(), 16);
                    buffer.putShort((short) (tag >>> 16)).putShort((short) tag);
                }
                default -> throw new IllegalArgumentException("not a binary number VR: " + vr);
            }
        }
        return buffer.array();
    }
}
