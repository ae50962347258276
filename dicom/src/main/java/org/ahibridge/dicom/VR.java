package org.ahibridge.dicom;

/**
 * DICOM value representations (PS3.5 §6.2), with what the codec needs to read and write each one.
 *
 * <p>{@code longLength}: in explicit VR syntaxes these VRs have two reserved bytes and a 4-byte length
 * (PS3.5 §7.1.2); the others have a 2-byte length. {@code unitSize}: the byte size of one value for
 * binary VRs whose bytes swap with the byte order (0 for strings, 1 for bytes).
 */
public enum VR {
    AE(Kind.STRING, false, ' ', 0), AS(Kind.STRING, false, ' ', 0), AT(Kind.BINARY, false, 0, 2),
    CS(Kind.STRING, false, ' ', 0), DA(Kind.STRING, false, ' ', 0), DS(Kind.STRING, false, ' ', 0),
    DT(Kind.STRING, false, ' ', 0), FD(Kind.BINARY, false, 0, 8), FL(Kind.BINARY, false, 0, 4),
    IS(Kind.STRING, false, ' ', 0), LO(Kind.STRING, false, ' ', 0), LT(Kind.TEXT, false, ' ', 0),
    OB(Kind.BYTES, true, 0, 1), OD(Kind.BYTES, true, 0, 8), OF(Kind.BYTES, true, 0, 4),
    OL(Kind.BYTES, true, 0, 4), OV(Kind.BYTES, true, 0, 8), OW(Kind.BYTES, true, 0, 2),
    PN(Kind.STRING, false, ' ', 0), SH(Kind.STRING, false, ' ', 0), SL(Kind.BINARY, false, 0, 4),
    SQ(Kind.SEQUENCE, true, 0, 0), SS(Kind.BINARY, false, 0, 2), ST(Kind.TEXT, false, ' ', 0),
    SV(Kind.BINARY, true, 0, 8), TM(Kind.STRING, false, ' ', 0), UC(Kind.STRING, true, ' ', 0),
    UI(Kind.STRING, false, 0, 0), UL(Kind.BINARY, false, 0, 4), UN(Kind.BYTES, true, 0, 1),
    UR(Kind.TEXT, true, ' ', 0), US(Kind.BINARY, false, 0, 2), UT(Kind.TEXT, true, ' ', 0),
    UV(Kind.BINARY, true, 0, 8);

    /** How a VR's value is held and interpreted. */
    public enum Kind {
        /** Character string, possibly multi-valued with backslash separators. */
        STRING,
        /** Character text: a single value in which a backslash is an ordinary character. */
        TEXT,
        /** Fixed-size binary numbers (or attribute tags), in the data set's byte order. */
        BINARY,
        /** An opaque byte stream (OB, UN) or a stream of fixed-size words (OW, OF, OD, OL, OV). */
        BYTES,
        /** A sequence of items. */
        SEQUENCE
    }

    private final Kind kind;
    private final boolean longLength;
    private final byte padding;
    private final int unitSize;

    VR(Kind kind, boolean longLength, int padding, int unitSize) {
        this.kind = kind;
        this.longLength = longLength;
        this.padding = (byte) padding;
        this.unitSize = unitSize;
    }

    public Kind kind() {
        return kind;
    }

    /** True when explicit VR encoding uses 2 reserved bytes and a 32-bit length for this VR. */
    public boolean longLength() {
        return longLength;
    }

    /** The byte that pads an odd-length value to even length: NUL for UI and binary, space for text. */
    public byte padding() {
        return padding;
    }

    /** The size in bytes of one binary unit that swaps with the byte order; 1 for bytes, 0 for text. */
    public int unitSize() {
        return unitSize;
    }

    public boolean isCharacterData() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** The two ASCII characters of the VR as a 16-bit number, first character in the high byte. */
    public int code() {
        return (name().charAt(0) << 8) | name().charAt(1);
    }

    /** The VR whose two ASCII characters are {@code code} (first in the high byte), or null. */
    public static VR ofCode(int code) {
        int first = (code >>> 8) & 0xFF;
        int second = code & 0xFF;
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_CODE[(first - 'A') * 26 + (second - 'A')];
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[(vr.name().charAt(0) - 'A') * 26 + (vr.name().charAt(1) - 'A')] = vr;
        }
    }
}
