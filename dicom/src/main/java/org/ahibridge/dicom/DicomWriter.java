package org.ahibridge.dicom;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.ahibridge.dicom.TransferSyntax.Encoding;

/**
 * Writes DICOM Part 10 files (PS3.10 §7) from the attribute model, streaming: 128-byte zero preamble,
 * "DICM", the File Meta Information in explicit VR little endian with a computed (0002,0000), then the
 * data set in the transfer syntax given at construction: implicit or explicit VR little endian,
 * explicit VR big endian, deflated explicit VR little endian (raw deflate, PS3.5 §A.5), or any
 * encapsulated syntax (explicit VR little endian with encapsulated Pixel Data, PS3.5 §A.4).
 *
 * <p>Encoding choices: sequences and items are written with undefined length and delimiters
 * (PS3.5 §7.5.2); odd values are padded to even length with the VR's padding byte (PS3.5 §6.2);
 * group lengths are not written in the data set (retired, PS3.5 §7.2); a value too long for the
 * 16-bit length of its VR in an explicit little endian syntax is written as UN (PS3.5 §6.2.2), and
 * rejected in big endian, where UN could not say how to swap it.
 *
 * <p>Call order: {@link #writeHeader}, then any mix of {@link #writeDataset}, {@link #writePixelData}
 * and {@link #startEncapsulatedPixelData} in ascending tag order, then {@link #finish}. The writer
 * never buffers a value: pixel data can come from a stream or frame by frame with flat memory. It does
 * not close the output stream; the caller, who opened it, does.
 */
public final class DicomWriter {

    private final OutputStream target;
    private final DicomOutput output;
    private final ElementEncoder elements;
    private final String transferSyntaxUid;
    private final Encoding encoding;
    private final boolean nativeSyntax;
    private DeflaterOutputStream deflater;
    private Deflater deflaterEngine;
    private int lastTag = -1;
    private boolean headerWritten;
    private boolean finished;
    private FragmentSink openFragments;

    public DicomWriter(OutputStream out, String transferSyntaxUid) {
        this.target = Objects.requireNonNull(out, "out");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        this.output = new DicomOutput(out);
        this.elements = new ElementEncoder(output);
        this.transferSyntaxUid = transferSyntaxUid;
        this.encoding = TransferSyntax.encodingOf(transferSyntaxUid);
        this.nativeSyntax = TransferSyntax.isNative(transferSyntaxUid);
    }

    /** Writes a whole data set as a Part 10 file, with meta built from its SOP Class and Instance UIDs. */
    public static void write(OutputStream out, Attributes dataset, String transferSyntaxUid) throws IOException {
        write(out, FileMetaInformation.of(dataset, transferSyntaxUid), dataset, transferSyntaxUid);
    }

    /**
     * Writes a whole data set as a Part 10 file with the given meta (completed as {@link #writeHeader}
     * says); Media Storage SOP Class and Instance UIDs missing from it are taken from the data set.
     */
    public static void write(OutputStream out, Attributes fileMeta, Attributes dataset, String transferSyntaxUid)
            throws IOException {
        DicomWriter writer = new DicomWriter(out, transferSyntaxUid);
        writer.writeHeader(FileMetaInformation.withDatasetUids(fileMeta, dataset));
        writer.writeDataset(dataset);
        writer.finish();
    }

    /** Writes a whole data set to a new file (replacing an existing one). */
    public static void write(Path file, Attributes fileMeta, Attributes dataset, String transferSyntaxUid)
            throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            write(out, fileMeta, dataset, transferSyntaxUid);
        }
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /**
     * Writes the preamble, "DICM" and the File Meta Information. The meta must hold Media Storage SOP
     * Class and Instance UIDs ({@link FileMetaInformation#of}); the writer sets (0002,0001) to 00 01,
     * the Transfer Syntax UID to this writer's, this project's Implementation Class UID and Version
     * Name ({@link Implementation}), and computes the group length. Other meta elements are kept.
     */
    public void writeHeader(Attributes fileMeta) throws IOException {
        requireState(!headerWritten, "the header was already written");
        Attributes meta = FileMetaInformation.completed(fileMeta, transferSyntaxUid);
        output.writeRaw(new byte[DicomReader.PREAMBLE_LENGTH], 0, DicomReader.PREAMBLE_LENGTH);
        output.writeRaw(new byte[] {'D', 'I', 'C', 'M'}, 0, 4);
        output.encoding(Encoding.EXPLICIT_LE);
        long groupLength = 0;
        for (Element element : meta.elements()) {
            groupLength += output.headerLength(element.vr()) + padded(element.bytes().length);
        }
        output.writeHeader(Tags.FILE_META_INFORMATION_GROUP_LENGTH, VR.UL, 4);
        output.writeValue(VR.UL, new byte[] {(byte) groupLength, (byte) (groupLength >>> 8),
                (byte) (groupLength >>> 16), (byte) (groupLength >>> 24)});
        for (Element element : meta.elements()) {
            elements.write(element);
        }
        if (encoding.deflated()) {
            deflaterEngine = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater = new DeflaterOutputStream(target, deflaterEngine, 8192);
            output.switchTo(deflater);
        }
        output.encoding(encoding);
        headerWritten = true;
    }

    /**
     * Writes the elements of {@code attributes} (a whole data set, or the part of one that comes
     * before or after streamed pixel data). Tags must continue the ascending order of what was written.
     * Group lengths are skipped; File Meta Information elements are refused.
     */
    public void writeDataset(Attributes attributes) throws IOException {
        requireWritable();
        for (Element element : attributes.elements()) {
            int tag = element.tag();
            if (Tags.group(tag) == 0x0002) {
                throw new IllegalArgumentException("the data set holds " + Tags.toString(tag)
                        + "; File Meta Information elements belong in writeHeader's meta");
            }
            if (Tags.isGroupLength(tag)) {
                continue;
            }
            advanceTo(tag);
            if (tag == Tags.PIXEL_DATA) {
                checkPixelDataShape(element.isEncapsulated());
            }
            elements.write(element);
        }
    }

    /**
     * Writes native Pixel Data (7FE0,0010) by copying exactly {@code length} bytes from {@code in}
     * (little endian, as in the model; swapped for big endian), then a padding byte when odd.
     */
    public void writePixelData(VR vr, long length, InputStream in) throws IOException {
        requireWritable();
        if (vr != VR.OB && vr != VR.OW) {
            throw new IllegalArgumentException("native Pixel Data is OB or OW, not " + vr);
        }
        if (padded(length) > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("Pixel Data of " + length + " bytes exceeds the 32-bit length limit");
        }
        advanceTo(Tags.PIXEL_DATA);
        checkPixelDataShape(false);
        output.writeHeader(Tags.PIXEL_DATA, vr, padded(length));
        output.copyValue(vr, in, length);
    }

    /**
     * Starts encapsulated Pixel Data (PS3.5 §A.4): the element header with undefined length and the
     * Basic Offset Table item. Pass no offsets for an empty table, which PS3.5 permits and which a
     * streaming writer needs when frame sizes are not known ahead; or pass one 32-bit offset per frame
     * ({@link FragmentSink#offsetTable}). Fragments follow through the returned sink, whose
     * {@link FragmentSink#finish()} writes the sequence delimiter.
     */
    public FragmentSink startEncapsulatedPixelData(long... basicOffsetTable) throws IOException {
        requireWritable();
        advanceTo(Tags.PIXEL_DATA);
        checkPixelDataShape(true);
        output.writeHeader(Tags.PIXEL_DATA, VR.OB, DicomOutput.UNDEFINED_LENGTH);
        openFragments = new FragmentSink(output, this::fragmentsFinished);
        openFragments.writeOffsetTable(basicOffsetTable);
        return openFragments;
    }

    /** Ends the data set (completes the deflate stream) and flushes; does not close the stream. */
    public void finish() throws IOException {
        requireWritable();
        if (deflater != null) {
            deflater.finish();
            deflaterEngine.end();
        }
        target.flush();
        finished = true;
    }

    private void checkPixelDataShape(boolean encapsulated) {
        if (encapsulated && nativeSyntax) {
            throw new IllegalArgumentException("Pixel Data is encapsulated (compressed) but "
                    + TransferSyntax.nameOf(transferSyntaxUid) + " needs native pixel data; decompress it first");
        }
        if (!encapsulated && !nativeSyntax) {
            throw new IllegalArgumentException("Pixel Data is native but " + TransferSyntax.nameOf(transferSyntaxUid)
                    + " needs encapsulated fragments (PS3.5 §A.4)");
        }
    }

    private void advanceTo(int tag) {
        if (lastTag != -1 && Integer.compareUnsigned(tag, lastTag) <= 0) {
            throw new IllegalStateException("elements must be written in ascending tag order: "
                    + Tags.toString(tag) + " after " + Tags.toString(lastTag));
        }
        lastTag = tag;
    }

    private void requireWritable() {
        requireState(headerWritten, "writeHeader must come first");
        requireState(!finished, "the writer is finished");
        requireState(openFragments == null, "encapsulated Pixel Data is open; finish its FragmentSink first");
    }

    private void fragmentsFinished() {
        openFragments = null;
    }

    private static void requireState(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static long padded(long length) {
        return length + (length & 1);
    }
}
