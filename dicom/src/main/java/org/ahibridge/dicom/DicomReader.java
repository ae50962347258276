package org.ahibridge.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ahibridge.dicom.DicomParseException.Kind;
import org.ahibridge.dicom.TransferSyntax.Encoding;

/**
 * Streaming reader of DICOM Part 10 objects (PS3.10 §7): 128-byte preamble and "DICM", the File Meta
 * Information (group 0002, explicit VR little endian, with or without group length), then the data set
 * in the syntax the meta names: implicit or explicit VR little endian, explicit VR big endian, or
 * deflated (PS3.5 §A.5). Sequences and items of defined and undefined length, undefined-length UN
 * (read as implicit VR little endian, PS3.5 §6.2.2), encapsulated pixel data (PS3.5 §A.4) and private
 * elements are read into {@link Attributes}.
 *
 * <p>Hostile input: every declared length is checked against the object's remaining size (when
 * known), the enclosing item and the configured limits before a byte is read; a buffer is sized from
 * a length only when that length was verified against the known size or is at most 1 MiB, otherwise
 * it grows as the bytes arrive. Nesting depth is bounded (deeper is MALFORMED). With
 * {@link #retainOnly} the values and items a caller does not need are checked and skipped, not held.
 *
 * <p>Header mode ({@link ReadOptions#stopBeforePixelData()}) stops at the first top-level element
 * at or after (7FE0,0008) and reports its header in {@link DicomFile#pixelData()}.
 */
public final class DicomReader {

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final byte[] DICM = {'D', 'I', 'C', 'M'};
    static final int PREAMBLE_LENGTH = 128;

    private final ByteSource source;
    private final ReadOptions options;
    private final DicomDictionary dictionary = DicomDictionary.standard();
    private final Map<Integer, Long> offsets = new HashMap<>();
    private boolean sizeKnown;
    private DicomFile.PixelDataHeader pixelData;
    private Set<Integer> retainedTopLevel;
    private Attributes dataset;

    public DicomReader(InputStream in, ReadOptions options) {
        this.source = new ByteSource(in);
        this.options = options;
        this.sizeKnown = options.knownSize() >= 0;
    }

    /** Reads a whole Part 10 object as the options say (all of it, or up to Pixel Data). */
    public static DicomFile read(InputStream in, ReadOptions options) throws IOException {
        DicomReader reader = new DicomReader(in, options);
        reader.readPreamble();
        Attributes meta = reader.readFileMeta();
        String syntax = meta.getString(Tags.TRANSFER_SYNTAX_UID);
        if (syntax == null) {
            throw new DicomParseException(Kind.MALFORMED, Tags.TRANSFER_SYNTAX_UID, reader.position(),
                    "the File Meta Information has no Transfer Syntax UID (0002,0010)");
        }
        Attributes dataset = reader.readDataset(syntax);
        return new DicomFile(meta, dataset, reader.pixelData());
    }

    /** Bytes consumed so far (in the inflated stream once a deflated data set has started). */
    public long position() {
        return source.position();
    }

    /**
     * Keeps only these top-level data set elements (and the File Meta Information): the others are
     * still parsed and checked, but their values are skipped and their items dropped, so memory stays
     * bounded by the retained elements whatever the header holds. For callers that need a few
     * attributes, such as a compliance check.
     */
    public DicomReader retainOnly(Set<Integer> topLevelTags) {
        this.retainedTopLevel = Set.copyOf(topLevelTags);
        return this;
    }

    /** Byte offset of a File Meta or retained top-level element's tag, or -1 when it was not read. */
    public long offsetOf(int tag) {
        return offsets.getOrDefault(tag, -1L);
    }

    /** The data set read so far: complete after {@link #readDataset}, partial when it threw. */
    public Attributes dataset() {
        return dataset;
    }

    /** Tag, offset and declared length of an item header (PS3.5 §7.5), as read by {@link #readItemHeader}. */
    public record ItemHeader(int tag, long offset, long length) {
        /** Byte offset just past the item's declared value. */
        public long end() {
            return offset + 8 + length;
        }
    }

    /**
     * Header mode, after stopping at encapsulated Pixel Data: reads the next item header (the Basic
     * Offset Table, a fragment, or the sequence delimiter), so a caller can check a bounded margin of
     * the pixel data without reading it.
     */
    public ItemHeader readItemHeader() throws IOException {
        long start = source.position();
        int tag = source.readTag();
        return new ItemHeader(tag, start, source.readUInt32(tag));
    }

    /** Reads and discards {@code length} bytes of the value of {@code tag}; TRUNCATED if the object ends. */
    public void skip(long length, int tag) throws IOException {
        source.skip(length, tag);
    }

    /**
     * Header mode, after stopping at Pixel Data: reads the next {@code length} bytes of its value (part
     * of a native frame, or of a fragment after {@link #readItemHeader}) into {@code target}, so a caller
     * can take pixel data in pieces of its choosing instead of one array. In a big endian syntax, values
     * of {@code unitSize} 2, 4 or 8 (OW, OF, OD) are swapped to little endian, as a full read does;
     * {@code offset} and {@code length} must then be multiples of it. TRUNCATED if the object ends.
     */
    public void readValue(byte[] target, int offset, int length, int tag, int unitSize) throws IOException {
        source.readFully(target, offset, length, tag);
        if (source.bigEndian() && unitSize > 1) {
            for (int i = offset; i + unitSize <= offset + length; i += unitSize) {
                for (int a = i, b = i + unitSize - 1; a < b; a++, b--) {
                    byte t = target[a];
                    target[a] = target[b];
                    target[b] = t;
                }
            }
        }
    }

    /** The Pixel Data header when header mode stopped at it, else null. */
    public DicomFile.PixelDataHeader pixelData() {
        return pixelData;
    }

    /** Reads and checks the 128-byte preamble and the "DICM" prefix (PS3.10 §7.1). */
    public void readPreamble() throws IOException {
        byte[] header = new byte[PREAMBLE_LENGTH + DICM.length];
        int n = source.readAvailable(header, 0, header.length);
        if (n == 0) {
            throw new DicomParseException(Kind.EMPTY, -1, 0, "the object is empty (0 bytes)");
        }
        if (n < header.length) {
            throw new DicomParseException(Kind.NO_P10_HEADER, -1, n, "the object has only " + n
                    + " bytes, fewer than the 128-byte preamble and 'DICM' prefix of a DICOM Part 10 file");
        }
        for (int i = 0; i < DICM.length; i++) {
            if (header[PREAMBLE_LENGTH + i] != DICM[i]) {
                throw new DicomParseException(Kind.NO_P10_HEADER, -1, PREAMBLE_LENGTH,
                        "missing 'DICM' prefix at offset 128; not a DICOM Part 10 file");
            }
        }
    }

    /**
     * Reads group 0002 in explicit VR little endian: every element while the next tag is in group
     * 0002, so a wrong (0002,0000) group length does not derail the reader.
     */
    public Attributes readFileMeta() throws IOException {
        source.bigEndian(false);
        Attributes meta = new Attributes();
        while (true) {
            int group = source.peekUInt16();
            if (group != 0x0002) {
                if (group < 0) {
                    checkFileMetaComplete(meta);
                }
                break;
            }
            long start = source.position();
            int tag = source.readTag();
            offsets.put(tag, start);
            Element element = readElement(tag, start, Encoding.EXPLICIT_LE, -1, 0, meta, true);
            meta.put(element);
        }
        if (meta.isEmpty()) {
            throw new DicomParseException(Kind.MALFORMED, -1, source.position(),
                    "no File Meta Information (group 0002) after the 'DICM' prefix");
        }
        return meta;
    }

    /**
     * The stream ended where a meta element could start. That is a truncation when nothing was read,
     * or when (0002,0000) says the group goes on; otherwise {@link #readDataset} reports the missing
     * data set.
     */
    private void checkFileMetaComplete(Attributes meta) throws DicomParseException {
        long end = source.position();
        if (meta.isEmpty()) {
            throw new DicomParseException(Kind.TRUNCATED, -1, end, "the object ends at byte " + end
                    + ", right after the 'DICM' prefix, without File Meta Information");
        }
        long declaredLength = meta.getLong(Tags.FILE_META_INFORMATION_GROUP_LENGTH, -1);
        long groupLengthOffset = offsetOf(Tags.FILE_META_INFORMATION_GROUP_LENGTH);
        if (declaredLength >= 0 && groupLengthOffset >= 0 && groupLengthOffset + 12 + declaredLength > end) {
            throw new DicomParseException(Kind.TRUNCATED, -1, end, "the object ends at byte " + end
                    + " inside the File Meta Information, which (0002,0000) says ends at byte "
                    + (groupLengthOffset + 12 + declaredLength));
        }
    }

    /** Reads the data set that follows the File Meta Information, in the given transfer syntax. */
    public Attributes readDataset(String transferSyntaxUid) throws IOException {
        Encoding encoding = TransferSyntax.encodingOf(transferSyntaxUid);
        if (encoding.deflated()) {
            // Offsets from here on count inflated bytes, and the object's size no longer bounds them.
            source.inflateFromHere();
            sizeKnown = false;
        }
        source.bigEndian(encoding.bigEndian());
        dataset = new Attributes();
        if (source.atEnd()) {
            throw new DicomParseException(Kind.TRUNCATED, -1, source.position(), "the object ends at byte "
                    + source.position() + ", right after the File Meta Information: it has no data set");
        }
        readItemBody(dataset, encoding, -1, 0, true, true);
        return dataset;
    }

    /**
     * Reads elements into {@code target} until {@code end} (a byte offset), or with {@code end == -1}
     * until an item delimiter (in an item) or the end of the stream (top level). Elements are put into
     * {@code target} only when {@code keep} (see {@link #retainOnly}).
     */
    private void readItemBody(Attributes target, Encoding encoding, long end, int depth, boolean topLevel,
            boolean keep) throws IOException {
        while (true) {
            long start = source.position();
            if (end >= 0 && start >= end) {
                return;
            }
            if (end < 0 && topLevel && source.atEnd()) {
                return;
            }
            int tag = source.readTag();
            if (tag == Tags.ITEM_DELIMITATION_ITEM && !topLevel) {
                source.readUInt32(tag);
                if (end >= 0) {
                    throw malformed(tag, start, "item delimiter inside an item of defined length");
                }
                return;
            }
            if (tag == Tags.ITEM || tag == Tags.ITEM_DELIMITATION_ITEM || tag == Tags.SEQUENCE_DELIMITATION_ITEM) {
                throw malformed(tag, start, "unexpected " + Tags.toString(tag) + " outside a sequence");
            }
            if (topLevel && options.stopBeforePixelData() && Integer.compareUnsigned(tag, Tags.FLOAT_PIXEL_DATA) >= 0) {
                recordPixelDataHeader(tag, start, encoding, target);
                return;
            }
            if (options.stopBeforePixelData() && start > options.maxHeaderBytes()) {
                throw new DicomParseException(Kind.LIMIT_EXCEEDED, tag, start, "the header runs past "
                        + options.maxHeaderBytes() + " bytes without reaching Pixel Data (limit maxHeaderBytes)");
            }
            boolean keepElement = keep && (!topLevel || retainedTopLevel == null || retainedTopLevel.contains(tag));
            if (topLevel && keepElement) {
                offsets.put(tag, start);
            }
            Element element = readElement(tag, start, encoding, end, depth, target, keepElement);
            if (keepElement) {
                target.put(element);
            }
        }
    }

    /** VR and value length of an element header, read after its tag. */
    private record Header(VR vr, long length) {
    }

    private Header readHeader(int tag, long start, Encoding encoding) throws IOException {
        if (!encoding.explicitVr()) {
            return new Header(dictionary.vrOf(tag), source.readUInt32(tag));
        }
        int code = source.readAsciiPair(tag);
        VR vr = VR.ofCode(code);
        if (vr == null) {
            throw malformed(tag, start, "invalid VR '" + printable(code) + "'");
        }
        if (vr.longLength()) {
            source.readUInt16(tag); // reserved
            return new Header(vr, source.readUInt32(tag));
        }
        return new Header(vr, source.readUInt16(tag));
    }

    /** Reads one element after its tag; when not {@code keep}, checks it but returns null. */
    private Element readElement(int tag, long start, Encoding encoding, long end, int depth, Attributes parent,
            boolean keep) throws IOException {
        Header header = readHeader(tag, start, encoding);
        VR vr = encoding.explicitVr() ? header.vr() : implicitPixelVr(tag, header.vr(), parent);
        long length = header.length();
        if (length == UNDEFINED) {
            return readUndefinedLength(tag, vr, start, encoding, depth, parent, keep);
        }
        checkLength(tag, start, length, end);
        if (vr == VR.SQ) {
            return Element.ofItems(tag, readItems(tag, source.position() + length, encoding, depth, parent, keep));
        }
        if (!keep) {
            source.skip(length, tag);
            return null;
        }
        byte[] value = source.readValue(length, tag, sizeKnown);
        if (source.bigEndian() && vr.unitSize() > 1) {
            swap(value, vr.unitSize());
        }
        return Element.ofBytes(tag, vr, value);
    }

    private Element readUndefinedLength(int tag, VR vr, long start, Encoding encoding, int depth, Attributes parent,
            boolean keep) throws IOException {
        if (tag == Tags.PIXEL_DATA) {
            return Element.ofFragments(tag, vr == VR.OW ? VR.OW : VR.OB, readFragments(tag, keep));
        }
        if (vr == VR.SQ) {
            return Element.ofItems(tag, readItems(tag, -1, encoding, depth, parent, keep));
        }
        if (vr == VR.UN) {
            // PS3.5 §6.2.2: an undefined-length UN is a sequence encoded in implicit VR little endian.
            boolean wasBigEndian = source.bigEndian();
            source.bigEndian(false);
            List<Attributes> items = readItems(tag, -1, Encoding.IMPLICIT_LE, depth, parent, keep);
            source.bigEndian(wasBigEndian);
            return Element.ofItems(tag, items);
        }
        throw malformed(tag, start, "undefined length is only allowed for SQ, UN and Pixel Data, not " + vr);
    }

    /** Items of a sequence; when not {@code keep}, they are checked but not collected. */
    private List<Attributes> readItems(int sequenceTag, long end, Encoding encoding, int depth, Attributes parent,
            boolean keep) throws IOException {
        if (depth + 1 > options.maxDepth()) {
            // Real objects nest a handful of levels; hundreds are hostile, so this is a malformed stream.
            throw malformed(sequenceTag, source.position(), "sequence " + Tags.toString(sequenceTag)
                    + " nests deeper than " + options.maxDepth() + " levels (limit maxDepth)");
        }
        List<Attributes> items = new ArrayList<>();
        while (end < 0 || source.position() < end) {
            long start = source.position();
            if (options.stopBeforePixelData() && start > options.maxHeaderBytes()) {
                throw new DicomParseException(Kind.LIMIT_EXCEEDED, sequenceTag, start, "sequence "
                        + Tags.toString(sequenceTag) + " runs past " + options.maxHeaderBytes()
                        + " bytes without reaching Pixel Data (limit maxHeaderBytes)");
            }
            int tag = source.readTag();
            long length = source.readUInt32(tag);
            if (tag == Tags.SEQUENCE_DELIMITATION_ITEM) {
                if (end >= 0) {
                    throw malformed(tag, start, "sequence delimiter inside sequence "
                            + Tags.toString(sequenceTag) + " of defined length");
                }
                return items;
            }
            if (tag != Tags.ITEM) {
                throw malformed(tag, start, "expected an item (FFFE,E000) in sequence " + Tags.toString(sequenceTag)
                        + " but found " + Tags.toString(tag));
            }
            // A dropped item is never filled, so it needs no data set of its own (no allocation per item).
            Attributes item = keep ? new Attributes(parent) : parent;
            if (length == UNDEFINED) {
                readItemBody(item, encoding, -1, depth + 1, false, keep);
            } else {
                checkLength(tag, start, length, end);
                readItemBody(item, encoding, source.position() + length, depth + 1, false, keep);
            }
            if (keep) {
                items.add(item);
            }
        }
        if (source.position() != end) {
            throw malformed(sequenceTag, source.position(), "items overrun the length of sequence "
                    + Tags.toString(sequenceTag));
        }
        return items;
    }

    /** Encapsulated pixel data: the Basic Offset Table item, then fragment items, then a delimiter. */
    private List<byte[]> readFragments(int pixelTag, boolean keep) throws IOException {
        List<byte[]> fragments = new ArrayList<>();
        boolean offsetTableSeen = false;
        while (true) {
            long start = source.position();
            int tag = source.readTag();
            long length = source.readUInt32(tag);
            if (tag == Tags.SEQUENCE_DELIMITATION_ITEM) {
                if (!offsetTableSeen) {
                    throw malformed(pixelTag, start, "encapsulated Pixel Data has no Basic Offset Table item");
                }
                return fragments;
            }
            if (tag != Tags.ITEM || length == UNDEFINED) {
                throw malformed(tag, start, "expected a fragment item of defined length in encapsulated Pixel Data"
                        + " but found " + Tags.toString(tag));
            }
            checkLength(tag, start, length, -1);
            offsetTableSeen = true;
            if (keep) {
                fragments.add(source.readValue(length, tag, sizeKnown));
            } else {
                source.skip(length, tag);
            }
        }
    }

    private void recordPixelDataHeader(int tag, long start, Encoding encoding, Attributes dataset)
            throws IOException {
        Header header = readHeader(tag, start, encoding);
        VR vr = encoding.explicitVr() ? header.vr() : implicitPixelVr(tag, header.vr(), dataset);
        long length = header.length();
        pixelData = new DicomFile.PixelDataHeader(tag, vr, start, source.position(),
                length == UNDEFINED ? -1 : length);
    }

    /**
     * In implicit VR, native Pixel Data is OW when Bits Allocated is over 8, else OB (PS3.5 §A.1):
     * the choice matters when the value is later written big endian.
     */
    private static VR implicitPixelVr(int tag, VR dictionaryVr, Attributes dataset) {
        if (tag != Tags.PIXEL_DATA) {
            return dictionaryVr;
        }
        return dataset.getInt(Tags.BITS_ALLOCATED, 8) > 8 ? VR.OW : VR.OB;
    }

    private void checkLength(int tag, long start, long length, long end) throws DicomParseException {
        long valueStart = source.position();
        if (sizeKnown && valueStart + length > options.knownSize()) {
            throw new DicomParseException(Kind.TRUNCATED, tag, start, "element " + Tags.toString(tag)
                    + " at offset " + start + " declares " + length + " bytes but the object ends at byte "
                    + options.knownSize());
        }
        if (end >= 0 && valueStart + length > end) {
            throw malformed(tag, start, "element " + Tags.toString(tag) + " declares " + length
                    + " bytes, more than the enclosing item or sequence holds");
        }
        if (options.stopBeforePixelData() && valueStart + length > options.maxHeaderBytes()) {
            throw new DicomParseException(Kind.LIMIT_EXCEEDED, tag, start, "element " + Tags.toString(tag)
                    + " at offset " + start + " ends past " + options.maxHeaderBytes()
                    + " bytes before Pixel Data (limit maxHeaderBytes)");
        }
        if (length > options.maxValueLength()) {
            throw new DicomParseException(Kind.LIMIT_EXCEEDED, tag, start, "element " + Tags.toString(tag)
                    + " declares " + length + " bytes, over the limit of " + options.maxValueLength()
                    + " (maxValueLength)");
        }
    }

    private static DicomParseException malformed(int tag, long offset, String message) {
        return new DicomParseException(Kind.MALFORMED, tag, offset,
                message + (message.contains("offset") ? "" : " at offset " + offset));
    }

    private static void swap(byte[] value, int unit) {
        for (int i = 0; i + unit <= value.length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = value[a];
                value[a] = value[b];
                value[b] = t;
            }
        }
    }

    private static String printable(int code) {
        byte[] chars = {(byte) (code >>> 8), (byte) code};
        StringBuilder text = new StringBuilder();
        for (byte c : chars) {
            text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c & 0xFF));
        }
        return new String(text.toString().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
