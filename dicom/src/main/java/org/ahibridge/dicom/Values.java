package org.ahibridge.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** Decoding of encoded values (always little endian for binary VRs, see {@link Element}). */
final class Values {

    private Values() {
    }

    static List<String> decode(VR vr, byte[] bytes, Charset charset) {
        return switch (vr.kind()) {
            case STRING -> splitAndTrim(new String(bytes, vr == VR.UI || vr == VR.AE || vr == VR.CS
                    || vr == VR.DA || vr == VR.TM || vr == VR.DT || vr == VR.DS || vr == VR.IS || vr == VR.AS
                    ? java.nio.charset.StandardCharsets.ISO_8859_1 : charset), vr);
            case TEXT -> List.of(trimTrailing(new String(bytes, vr == VR.UR
                    ? java.nio.charset.StandardCharsets.ISO_8859_1 : charset)));
            case BINARY -> decodeBinary(vr, bytes);
            default -> List.of();
        };
    }

    static Long firstLong(VR vr, byte[] bytes, Charset charset) {
        if (vr.kind() == VR.Kind.BINARY) {
            if (vr == VR.FL || vr == VR.FD || vr == VR.AT || bytes.length < vr.unitSize()) {
                return null;
            }
            return binaryValue(vr, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0);
        }
        if (vr == VR.IS || vr == VR.DS) {
            List<String> values = decode(vr, bytes, charset);
            if (values.isEmpty() || values.get(0).isEmpty()) {
                return null;
            }
            try {
                return vr == VR.IS ? Long.parseLong(values.get(0).replace("+", ""))
                        : (long) Double.parseDouble(values.get(0));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> splitAndTrim(String text, VR vr) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                String value = text.substring(start, i);
                // PN and text keep leading spaces; other string VRs ignore leading and trailing spaces.
                values.add(vr == VR.PN || vr == VR.LO || vr == VR.SH || vr == VR.UC ? trimTrailing(value)
                        : trimBoth(value));
                start = i + 1;
            }
        }
        return values;
    }

    static String trimTrailing(String value) {
        int end = value.length();
        while (end > 0 && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\0')) {
            end--;
        }
        return value.substring(0, end);
    }

    private static String trimBoth(String value) {
        String trailing = trimTrailing(value);
        int start = 0;
        while (start < trailing.length() && trailing.charAt(start) == ' ') {
            start++;
        }
        return trailing.substring(start);
    }

    private static List<String> decodeBinary(VR vr, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // An AT value is two 16-bit words (unitSize counts one word, for byte swapping); a trailing
        // partial value is ignored rather than read past the end.
        int valueSize = vr == VR.AT ? 4 : vr.unitSize();
        int count = bytes.length / valueSize;
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int offset = i * valueSize;
            values.add(switch (vr) {
                case FL -> Float.toString(buffer.getFloat(offset));
                case FD -> Double.toString(buffer.getDouble(offset));
                case AT -> String.format("%04X%04X", buffer.getShort(offset) & 0xFFFF,
                        buffer.getShort(offset + 2) & 0xFFFF);
                case UV -> Long.toUnsignedString(buffer.getLong(offset));
                default -> Long.toString(binaryValue(vr, buffer, offset));
            });
        }
        return values;
    }

    private static long binaryValue(VR vr, ByteBuffer buffer, int offset) {
        return switch (vr) {
            case US -> buffer.getShort(offset) & 0xFFFF;
            case SS -> buffer.getShort(offset);
            case UL -> buffer.getInt(offset) & 0xFFFFFFFFL;
            case SL -> buffer.getInt(offset);
            case SV, UV -> buffer.getLong(offset);
            default -> throw new IllegalArgumentException("not an integer VR: " + vr);
        };
    }
}
