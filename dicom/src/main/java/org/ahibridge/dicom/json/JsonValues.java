package org.ahibridge.dicom.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

import org.ahibridge.dicom.VR;

import com.fasterxml.jackson.databind.JsonNode;

/** Single JSON values to DICOM value text or little endian bytes (PS3.18 §F.2.3, §F.2.4). */
final class JsonValues {

    private static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    private JsonValues() {
    }

    /** One value of a character VR as DICOM text; null stands for an empty value. */
    static String stringOf(VR vr, JsonNode node, String path) throws DicomJsonException {
        if (node == null || node.isNull()) {
            return "";
        }
        if (vr == VR.PN && node.isObject()) {
            return personName(node, path);
        }
        if ((vr == VR.IS || vr == VR.DS) && node.isNumber()) {
            BigDecimal number = decimal(node);
            if (vr == VR.DS) {
                return Numbers.toDecimalString(number);
            }
            try {
                return number.toBigIntegerExact().toString();
            } catch (ArithmeticException e) {
                throw new DicomJsonException(path, "IS value " + number + " is not an integer");
            }
        }
        if (!node.isTextual()) {
            throw new DicomJsonException(path, "expected a string" + (vr == VR.PN ? " or a person name object" : "")
                    + " for " + vr + ", found " + node.getNodeType());
        }
        return node.asText();
    }

    /** PS3.18 §F.2.2: component groups joined with '=', trailing empty groups left out. */
    private static String personName(JsonNode node, String path) throws DicomJsonException {
        String[] groups = new String[PN_GROUPS.length];
        int last = -1;
        for (int i = 0; i < PN_GROUPS.length; i++) {
            JsonNode group = node.get(PN_GROUPS[i]);
            if (group != null && !group.isTextual() && !group.isNull()) {
                throw new DicomJsonException(path, PN_GROUPS[i] + " must be a string");
            }
            groups[i] = group == null || group.isNull() ? "" : group.asText();
            if (groups[i].indexOf('=') >= 0) {
                throw new DicomJsonException(path, PN_GROUPS[i] + " may not contain '='");
            }
            if (!groups[i].isEmpty()) {
                last = i;
            }
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!java.util.List.of(PN_GROUPS).contains(name)) {
                throw new DicomJsonException(path, "unknown person name group '" + name + "'");
            }
        }
        return String.join("=", java.util.Arrays.copyOf(groups, last + 1));
    }

    /** Appends one binary value, little endian, checking its range. */
    static void putBinary(VR vr, JsonNode node, ByteBuffer out, String path) throws DicomJsonException {
        if (node == null || node.isNull()) {
            throw new DicomJsonException(path, vr + " values cannot be empty (null)");
        }
        switch (vr) {
            case AT -> out.putInt(attributeTag(node, path));
            case FL -> out.putFloat((float) floating(node, path));
            case FD -> out.putDouble(floating(node, path));
            case US -> out.putShort((short) integer(node, 0, 0xFFFF, vr, path).intValue());
            case SS -> out.putShort((short) integer(node, Short.MIN_VALUE, Short.MAX_VALUE, vr, path).intValue());
            case UL -> out.putInt((int) integer(node, 0, 0xFFFFFFFFL, vr, path).longValue());
            case SL -> out.putInt(integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE, vr, path).intValue());
            case SV -> out.putLong(integer(node, Long.MIN_VALUE, Long.MAX_VALUE, vr, path).longValue());
            case UV -> out.putLong(unsigned64(node, path).longValue());
            default -> throw new DicomJsonException(path, "not a binary number VR: " + vr);
        }
    }

    private static int attributeTag(JsonNode node, String path) throws DicomJsonException {
        String text = node.isTextual() ? node.asText() : "";
        if (!text.matches("[0-9A-Fa-f]{8}")) {
            throw new DicomJsonException(path, "AT values are tags of 8 hex digits, found " + node);
        }
        int tag = Integer.parseUnsignedInt(text, 16);
        return (tag >>> 16) | (tag << 16); // group word first, then element word, each little endian
    }

    private static double floating(JsonNode node, String path) throws DicomJsonException {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new DicomJsonException(path, "expected a number, found " + node);
    }

    private static BigInteger integer(JsonNode node, long min, long max, VR vr, String path)
            throws DicomJsonException {
        BigInteger value = exactInteger(node, path);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new DicomJsonException(path, vr + " value " + value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    private static BigInteger unsigned64(JsonNode node, String path) throws DicomJsonException {
        BigInteger value = exactInteger(node, path);
        if (value.signum() < 0 || value.bitLength() > 64) {
            throw new DicomJsonException(path, "UV value " + value + " is out of range 0..2^64-1");
        }
        return value;
    }

    /** Integers may come as JSON numbers or, for SV and UV beyond 2^53, as strings. */
    private static BigInteger exactInteger(JsonNode node, String path) throws DicomJsonException {
        try {
            if (node.isNumber()) {
                return decimal(node).toBigIntegerExact();
            }
            if (node.isTextual()) {
                return new BigInteger(node.asText().strip());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // fall through to the message below
        }
        throw new DicomJsonException(path, "expected an integer, found " + node);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isDouble() || node.isFloat() ? BigDecimal.valueOf(node.doubleValue()) : node.decimalValue();
    }
}
