package org.ahibridge.dicom.p10;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes DICOM Part 10 bytes by hand (little endian, PS3.5 §7.1) so tests can build exactly the defect
 * they need: preamble, File Meta Information, explicit or implicit VR elements, raw headers with any
 * length.
 */
public final class P10Bytes {

    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public P10Bytes preamble() {
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A File Meta Information group with group length; a null value leaves that element out. */
    public P10Bytes meta(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
        P10Bytes group = new P10Bytes().element(0x00020001, "OB", new byte[] {0, 1});
        if (sopClassUid != null) {
            group.string(0x00020002, "UI", sopClassUid);
        }
        if (sopInstanceUid != null) {
            group.string(0x00020003, "UI", sopInstanceUid);
        }
        if (transferSyntaxUid != null) {
            group.string(0x00020010, "UI", transferSyntaxUid);
        }
        group.string(0x00020012, "UI", "1.2.3.4");
        byte[] body = group.bytes();
        return element(0x00020000, "UL", le32(body.length)).raw(body);
    }

    public P10Bytes string(int tag, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        if ((bytes.length & 1) == 1) {
            bytes = Arrays.copyOf(bytes, bytes.length + 1);
            bytes[bytes.length - 1] = (byte) ("UI".equals(vr) ? 0 : ' ');
        }
        return element(tag, vr, bytes);
    }

    public P10Bytes us(int tag, int value) {
        return element(tag, "US", new byte[] {(byte) value, (byte) (value >>> 8)});
    }

    /** An explicit VR little endian element with its value. */
    public P10Bytes element(int tag, String vr, byte[] value) {
        return header(tag, vr, value.length).raw(value);
    }

    /** An explicit VR little endian element header declaring any length (0xFFFFFFFF = undefined). */
    public P10Bytes header(int tag, String vr, long length) {
        tag(tag);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (Arrays.asList("OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UN", "UC", "UR", "UT", "SV", "UV").contains(vr)) {
            out.writeBytes(new byte[2]);
            out.writeBytes(le32(length));
        } else {
            out.write((int) length);
            out.write((int) (length >>> 8));
        }
        return this;
    }

    /** An implicit VR little endian element header (tag and 32-bit length). */
    P10Bytes implicitHeader(int tag, long length) {
        return tag(tag).raw(le32(length));
    }

    /** An item, item delimiter or sequence delimiter header: tag and 32-bit length. */
    public P10Bytes item(int tag, long length) {
        return implicitHeader(tag, length);
    }

    P10Bytes tag(int tag) {
        out.write(tag >>> 16);
        out.write(tag >>> 24);
        out.write(tag);
        out.write(tag >>> 8);
        return this;
    }

    public P10Bytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] le32(long value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    /** A small, compliant CT-like object in explicit VR little endian, up to (not including) Pixel Data. */
    public static P10Bytes validHeader() {
        return validHeader(Map.of());
    }

    /**
     * {@link #validHeader()} with some string elements changed, added (VR from a small table) or, with
     * a null value, removed; elements stay in ascending tag order.
     */
    public static P10Bytes validHeader(Map<Integer, String> changes) {
        TreeMap<Integer, String> values = new TreeMap<>(Integer::compareUnsigned);
        values.putAll(Map.of(0x00080016, CT, 0x00080018, "1.2.3.4.5.6", 0x00080020, "20240105",
                0x00080050, "ACC-77", 0x00080060, "CT", 0x00100020, "SECRET-PID-4711", 0x0020000D, "1.2.3.4.5",
                0x0020000E, "1.2.3.4.5.1", 0x00200011, "7"));
        changes.forEach((tag, value) -> {
            if (value == null) {
                values.remove(tag);
            } else {
                values.put(tag, value);
            }
        });
        P10Bytes bytes = new P10Bytes().preamble().meta(CT, "1.2.3.4.5.6", EXPLICIT_LE);
        values.forEach((tag, value) -> bytes.string(tag, VRS.get(tag), value));
        return bytes.us(0x00280010, 4).us(0x00280011, 4).us(0x00280100, 16);
    }

    private static final Map<Integer, String> VRS = Map.ofEntries(Map.entry(0x00080016, "UI"),
            Map.entry(0x00080018, "UI"), Map.entry(0x00080020, "DA"), Map.entry(0x00080050, "SH"),
            Map.entry(0x00080060, "CS"), Map.entry(0x00081030, "LO"), Map.entry(0x00100010, "PN"),
            Map.entry(0x00100020, "LO"), Map.entry(0x0020000D, "UI"), Map.entry(0x0020000E, "UI"),
            Map.entry(0x00200010, "SH"), Map.entry(0x00200011, "IS"), Map.entry(0x00201208, "IS"),
            Map.entry(0x00280008, "IS"));

    /** {@link #validHeader()} with native Pixel Data of 4x4 16-bit pixels (32 bytes). */
    public static byte[] valid() {
        return validHeader().element(0x7FE00010, "OW", new byte[32]).bytes();
    }
}
