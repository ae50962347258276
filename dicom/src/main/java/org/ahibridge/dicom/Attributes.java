package org.ahibridge.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * A DICOM data set (or sequence item, or the File Meta Information group): elements in ascending tag
 * order. Values are kept as encoded bytes so that reading and writing is lossless; the getters here
 * decode them on demand with the data set's Specific Character Set.
 *
 * <p>Not thread-safe; build it in one thread, then share it read-only.
 */
public final class Attributes {

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);
    private Attributes parent;

    public Attributes() {
    }

    /** Item of a sequence: inherits its parent's character set when it has none of its own. */
    public Attributes(Attributes parent) {
        this.parent = parent;
    }

    public Attributes parent() {
        return parent;
    }

    void parent(Attributes parent) {
        this.parent = parent;
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Element get(int tag) {
        return elements.get(tag);
    }

    /** All elements in ascending tag order (unsigned). */
    public Collection<Element> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    /** Adds or replaces an element; items of a sequence take this data set as their parent. */
    public Attributes put(Element element) {
        if (element.items() != null) {
            element.items().forEach(item -> item.parent(this));
        }
        elements.put(element.tag(), element);
        return this;
    }

    public Element remove(int tag) {
        return elements.remove(tag);
    }

    /** The elements with tags from {@code fromTag} up to and excluding {@code toTag}, as a new data set. */
    public Attributes subset(int fromTag, int toTag) {
        Attributes result = new Attributes(parent);
        elements.subMap(fromTag, true, toTag, false).values().forEach(result::put);
        return result;
    }

    // ---- typed setters -------------------------------------------------------------------------

    /** Sets a character value; several values are joined with backslashes (PS3.5 §6.4). */
    public Attributes setString(int tag, VR vr, String... values) {
        String joined = values == null ? "" : String.join("\\", values);
        return put(Element.ofBytes(tag, vr, pad(joined.getBytes(charset()), vr)));
    }

    public Attributes setBytes(int tag, VR vr, byte[] value) {
        return put(Element.ofBytes(tag, vr, value));
    }

    public Attributes setInts(int tag, VR vr, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * vr.unitSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            switch (vr) {
                case US, SS -> buffer.putShort((short) value);
                case UL, SL -> buffer.putInt(value);
                default -> throw new IllegalArgumentException("setInts does not apply to VR " + vr);
            }
        }
        return put(Element.ofBytes(tag, vr, buffer.array()));
    }

    public Attributes setSequence(int tag, List<Attributes> items) {
        return put(Element.ofItems(tag, items));
    }

    // ---- typed getters -------------------------------------------------------------------------

    /** The first value of a character element, padding removed; null when absent or empty. */
    public String getString(int tag) {
        List<String> values = getStrings(tag);
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    /**
     * The values of an element as strings, padding removed: character values split on backslashes
     * (except LT, ST, UT, UR), binary numbers in decimal, AT as 8 hex digits. Empty when absent.
     */
    public List<String> getStrings(int tag) {
        Element element = elements.get(tag);
        if (element == null || element.bytes() == null || element.bytes().length == 0) {
            return List.of();
        }
        return Values.decode(element.vr(), element.bytes(), charset());
    }

    /** The first value of a numeric element (US, SS, UL, SL, IS, DS as integer), or {@code orElse}. */
    public long getLong(int tag, long orElse) {
        Element element = elements.get(tag);
        if (element == null || element.bytes() == null || element.bytes().length == 0) {
            return orElse;
        }
        Long value = Values.firstLong(element.vr(), element.bytes(), charset());
        return value == null ? orElse : value;
    }

    public int getInt(int tag, int orElse) {
        return (int) getLong(tag, orElse);
    }

    public byte[] getBytes(int tag) {
        Element element = elements.get(tag);
        return element == null ? null : element.bytes();
    }

    public List<Attributes> getSequence(int tag) {
        Element element = elements.get(tag);
        return element == null || element.items() == null ? List.of() : element.items();
    }

    /** The character set of this data set's text values, from (0008,0005) here or in a parent. */
    public Charset charset() {
        for (Attributes at = this; at != null; at = at.parent) {
            Element element = at.elements.get(Tags.SPECIFIC_CHARACTER_SET);
            if (element != null && element.bytes() != null) {
                return SpecificCharacterSet.charsetOf(
                        Values.decode(VR.CS, element.bytes(), StandardCharsets.US_ASCII));
            }
        }
        return SpecificCharacterSet.DEFAULT;
    }

    /** Every element, recursively, counted once; useful for sizing and tests. */
    public int deepSize() {
        int count = 0;
        for (Element element : elements.values()) {
            count++;
            if (element.items() != null) {
                for (Attributes item : element.items()) {
                    count += item.deepSize();
                }
            }
        }
        return count;
    }

    /** A copy whose element list can be changed without touching this one (values are shared). */
    public Attributes copy() {
        Attributes copy = new Attributes(parent);
        for (Element element : elements.values()) {
            if (element.items() != null) {
                List<Attributes> items = new ArrayList<>(element.items().size());
                element.items().forEach(item -> items.add(item.copy()));
                copy.put(Element.ofItems(element.tag(), items));
            } else {
                copy.put(element);
            }
        }
        return copy;
    }

    static byte[] pad(byte[] value, VR vr) {
        if ((value.length & 1) == 0) {
            return value;
        }
        byte[] padded = java.util.Arrays.copyOf(value, value.length + 1);
        padded[value.length] = vr.padding();
        return padded;
    }

    @Override
    public String toString() {
        // Never prints values: data sets carry patient data, and toString ends up in logs.
        return "Attributes[" + elements.size() + " elements]";
    }
}
