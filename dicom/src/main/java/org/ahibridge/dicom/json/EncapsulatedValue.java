package org.ahibridge.dicom.json;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated Pixel Data in DICOM JSON. PS3.18 gives no inline form for it, so this project writes
 * the encoded value field of the element (PS3.5 §A.4) as InlineBinary: the Basic Offset Table item,
 * one item per fragment, and the sequence delimiter, little endian. Reading recognises that form only
 * when the bytes parse exactly as such a sequence of items, so native pixel data is never mistaken.
 */
final class EncapsulatedValue {

    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;

    private EncapsulatedValue() {
    }

    static byte[] encode(List<byte[]> fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] fragment : fragments) {
            int padded = fragment.length + (fragment.length & 1);
            out.writeBytes(header(ITEM, padded));
            out.writeBytes(fragment);
            if (padded != fragment.length) {
                out.write(0);
            }
        }
        out.writeBytes(header(SEQUENCE_DELIMITER, 0));
        return out.toByteArray();
    }

    /** The fragments (offset table first) when {@code value} is exactly an item sequence, else null. */
    static List<byte[]> decode(byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> fragments = new ArrayList<>();
        while (buffer.remaining() >= 8) {
            int tag = (buffer.getShort() & 0xFFFF) << 16 | (buffer.getShort() & 0xFFFF);
            long length = buffer.getInt() & 0xFFFFFFFFL;
            if (tag == SEQUENCE_DELIMITER) {
                return length == 0 && !buffer.hasRemaining() && !fragments.isEmpty() ? fragments : null;
            }
            if (tag != ITEM || length > buffer.remaining()) {
                return null;
            }
            byte[] fragment = new byte[(int) length];
            buffer.get(fragment);
            fragments.add(fragment);
        }
        return null;
    }

    private static byte[] header(int tag, int length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16))
                .putShort((short) tag).putInt(length).array();
    }
}
