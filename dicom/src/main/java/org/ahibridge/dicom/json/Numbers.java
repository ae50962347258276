package org.ahibridge.dicom.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;

import com.fasterxml.jackson.core.JsonGenerator;

/** Number conversions between DICOM values and JSON (PS3.18 §F.2.3). */
final class Numbers {

    /** DS values hold at most 16 characters (PS3.5 Table 6.2-1). */
    static final int DS_MAX_LENGTH = 16;

    private Numbers() {
    }

    /** An IS or DS string as a number (leading '+', '.5' and '5.' accepted), or null when it is none. */
    static BigDecimal parseDecimal(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || !Character.isDigit(trimmed.charAt(trimmed.length() - 1))
                && trimmed.charAt(trimmed.length() - 1) != '.') {
            return null; // rejects "Infinity"-like words that BigDecimal would refuse anyway, cheaply
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number as DS text of at most 16 characters, rounding significant digits only when needed. */
    static String toDecimalString(BigDecimal number) {
        String text = number.toString();
        for (int digits = number.precision(); text.length() > DS_MAX_LENGTH && digits > 1; digits--) {
            text = number.round(new MathContext(digits)).stripTrailingZeros().toString();
        }
        return text;
    }

    /** NaN and the infinities have no JSON number form; they are written as strings. */
    static void writeFloat(JsonGenerator json, float value) throws IOException {
        if (Float.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Float.toString(value));
        }
    }

    static void writeDouble(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Double.toString(value));
        }
    }
}
