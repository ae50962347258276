package org.ahibridge.dicom.json;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ahibridge.dicom.VR;

/**
 * Character values between encoded bytes and JSON strings: which VRs use the Specific Character Set
 * (PS3.5 §6.1.2.3), where multiple values split (PS3.5 §6.4), and which padding is insignificant
 * (PS3.5 Table 6.2-1).
 */
final class JsonText {

    /** VRs whose values may use the Specific Character Set; all others are the default repertoire. */
    static final Set<VR> CHARSET_VRS = EnumSet.of(VR.SH, VR.LO, VR.UC, VR.ST, VR.LT, VR.UT, VR.PN);

    private JsonText() {
    }

    /**
     * The values of a character element with insignificant padding removed: trailing spaces and NULs
     * always, leading spaces except for PN and the text VRs (LT, ST, UT, UR), whose leading spaces count.
     * Text VRs are one value each, backslashes included.
     */
    static List<String> values(VR vr, byte[] bytes, TextCodec codec) {
        String text = codec.decode(vr, bytes);
        if (vr.kind() == VR.Kind.TEXT) {
            return List.of(trimTrailing(text));
        }
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\\') {
                String value = trimTrailing(text.substring(start, i));
                values.add(vr == VR.PN ? value : value.stripLeading());
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
}
