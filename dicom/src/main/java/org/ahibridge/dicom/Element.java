package org.ahibridge.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One data element: tag, VR and value, in one of three shapes.
 *
 * <ul>
 *   <li>{@code bytes}: the value as encoded, without padding removed, <b>always little endian</b> for
 *       binary VRs (the reader swaps big endian values, the writer swaps them back);</li>
 *   <li>{@code items}: the items of a sequence (VR SQ);</li>
 *   <li>{@code fragments}: encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table first
 *       (possibly empty), then one entry per fragment.</li>
 * </ul>
 * Exactly one of the three is non-null.
 */
public record Element(int tag, VR vr, byte[] bytes, List<Attributes> items, List<byte[]> fragments) {

    private static final byte[] EMPTY = new byte[0];

    public Element {
        Objects.requireNonNull(vr, "vr");
        int shapes = (bytes != null ? 1 : 0) + (items != null ? 1 : 0) + (fragments != null ? 1 : 0);
        if (shapes != 1) {
            throw new IllegalArgumentException(Tags.toString(tag) + ": exactly one of bytes, items, fragments");
        }
    }

    public static Element ofBytes(int tag, VR vr, byte[] bytes) {
        return new Element(tag, vr, bytes == null ? EMPTY : bytes, null, null);
    }

    public static Element ofItems(int tag, List<Attributes> items) {
        return new Element(tag, VR.SQ, null, List.copyOf(items), null);
    }

    public static Element ofFragments(int tag, VR vr, List<byte[]> fragments) {
        return new Element(tag, vr, null, null, List.copyOf(fragments));
    }

    public boolean isSequence() {
        return items != null;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    /** True when the element has no value (zero length, or a sequence without items). */
    public boolean isEmpty() {
        if (items != null) {
            return items.isEmpty();
        }
        if (fragments != null) {
            return false;
        }
        return bytes.length == 0;
    }
}
