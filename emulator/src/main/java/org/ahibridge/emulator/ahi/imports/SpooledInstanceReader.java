package org.ahibridge.emulator.ahi.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomParseException;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.emulator.ahi.store.AhiStore;

/**
 * Reads a large object that the import spooled to a file, holding one frame in memory at a time
 * instead of the whole object: the header is parsed up to Pixel Data (header mode), checked as
 * {@link InstanceReader} checks a small object, then the frames are read one after the other and
 * stored. Encapsulated Pixel Data is walked twice: first its item headers only (fragment lengths and
 * offset tables decide which fragments make a frame, the same rules as {@link FrameSplitter}), then
 * the fragments themselves. Reading the file sequentially, never by offset, also covers deflated
 * objects, whose offsets count inflated bytes.
 *
 * <p>Differences from the in-memory reader, for objects over the spool threshold only: elements
 * after Pixel Data (trailing padding, signatures) are not kept, and the header before Pixel Data may
 * not exceed {@link ReadOptions#DEFAULT_MAX_HEADER_BYTES}.
 */
final class SpooledInstanceReader {

    /**
     * The largest frame the emulator reads, since one frame is held in memory while it is stored (AHI
     * documents no frame size limit; this bounds the emulator's heap, whatever the object's size).
     */
    static final long MAX_FRAME_BYTES = 256L << 20;

    private static final int BUFFER = 256 * 1024;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SpooledInstanceReader.class);

    private SpooledInstanceReader() {
    }

    static PendingInstance read(String key, Path file, AhiStore store, StoragePolicy policy)
            throws InstanceReader.Rejected {
        try {
            return read(key, file, store, header -> policy.forInstance(header.transferSyntaxUid(), header.dataset(),
                    pixelData(header) != null));
        } catch (InstanceStorage.TranscodeFailure e) {
            // A frame the codec could not take: read the file again, keeping its frames as they came.
            LOG.warn("{}: stored as it came instead: {}", key, e.getMessage());
            try {
                return read(key, file, store, header -> InstanceStorage.kept(header.transferSyntaxUid()));
            } catch (InstanceStorage.TranscodeFailure impossible) {
                throw new IllegalStateException("kept frames are not transcoded", impossible);
            }
        }
    }

    /** Reads the file once, storing its frames as {@code storageOf} says for its header. */
    private static PendingInstance read(String key, Path file, AhiStore store,
            java.util.function.Function<DicomFile, InstanceStorage> storageOf)
            throws InstanceReader.Rejected, InstanceStorage.TranscodeFailure {
        try {
            long size = Files.size(file);
            try (InputStream in = open(file)) {
                DicomReader reader = new DicomReader(in, ReadOptions.header().withKnownSize(size));
                DicomFile header = readHeader(reader);
                InstanceReader.check(header);
                Attributes dataset = header.dataset();
                DicomFile.PixelDataHeader pixels = pixelData(header);
                InstanceReader.StoredFrames stored = new InstanceReader.StoredFrames(store, dataset,
                        storageOf.apply(header));
                if (pixels == null) {
                    return stored.pending(key, header, null);
                }
                PendingInstance.ImportWarning warning = null;
                try {
                    if (pixels.encapsulated()) {
                        warning = encapsulated(file, size, reader, dataset, stored);
                    } else {
                        nativeFrames(reader, pixels, dataset, stored);
                    }
                } catch (IOException | FrameSplitter.FrameException | InstanceStorage.TranscodeFailure
                        | RuntimeException e) {
                    stored.discard();
                    throw e;
                }
                dataset.setBytes(pixels.tag(), pixels.encapsulated() ? VR.OB : pixels.vr(), new byte[0]);
                return stored.pending(key, header, warning);
            }
        } catch (DicomParseException e) {
            throw InstanceReader.rejection(e);
        } catch (FrameSplitter.FrameException e) {
            throw new InstanceReader.Rejected("Invalid pixel data: " + e.getMessage());
        } catch (UncheckedIOException e) {
            // The frame store failed (a full disk, say): the emulator's fault, not the file's, as in memory.
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InstanceReader.Rejected("Invalid DICOM file: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), BUFFER);
    }

    private static DicomFile readHeader(DicomReader reader) throws IOException {
        reader.readPreamble();
        Attributes meta = reader.readFileMeta();
        String syntax = meta.getString(Tags.TRANSFER_SYNTAX_UID);
        if (syntax == null) {
            return new DicomFile(meta, new Attributes(), null);
        }
        Attributes dataset = reader.readDataset(syntax);
        return new DicomFile(meta, dataset, reader.pixelData());
    }

    /** The Pixel Data where header mode stopped, or null when it stopped at a later element (no pixels). */
    private static DicomFile.PixelDataHeader pixelData(DicomFile header) {
        DicomFile.PixelDataHeader pixels = header.pixelData();
        if (pixels == null) {
            return null;
        }
        int tag = pixels.tag();
        return tag == Tags.PIXEL_DATA || tag == Tags.FLOAT_PIXEL_DATA || tag == Tags.DOUBLE_FLOAT_PIXEL_DATA ? pixels
                : null;
    }

    /**
     * Reads the native frames one after the other. A frame of packed 1-bit pixels may end inside a byte
     * that the next frame starts in, so the stream is read in whole units of the VR (a big endian OW
     * value is swapped per 16-bit word) and the last unit read is kept for the next frame, since the
     * stream cannot go back.
     */
    private static void nativeFrames(DicomReader reader, DicomFile.PixelDataHeader pixels, Attributes dataset,
            InstanceReader.StoredFrames stored)
            throws IOException, FrameSplitter.FrameException, InstanceStorage.TranscodeFailure {
        int frames = FrameSplitter.frameCount(dataset);
        NativeFrameGeometry geometry = NativeFrameGeometry.of(dataset, frames, pixels.length());
        int unit = Math.max(1, pixels.vr().unitSize());
        requireFrameSize(geometry.frameBytes() + 2L * unit);
        long consumed = 0;
        byte[] carried = new byte[0];
        for (int i = 0; i < frames; i++) {
            long start = geometry.startBit(i);
            long first = start / 8 / unit * unit;
            long end = Math.min(pixels.length(), ((start + geometry.frameBits() + 7) / 8 + unit - 1) / unit * unit);
            byte[] span = new byte[(int) (end - first)];
            int kept = (int) Math.max(0, consumed - first);
            System.arraycopy(carried, carried.length - kept, span, 0, kept);
            reader.readValue(span, kept, span.length - kept, pixels.tag(), unit);
            consumed = end;
            carried = java.util.Arrays.copyOfRange(span, Math.max(0, span.length - unit), span.length);
            stored.add(NativeFrameGeometry.bits(span, start - first * 8, geometry.frameBits()));
        }
    }

    /** Plans the frames from the item headers (first pass), then reads and stores them (second pass). */
    private static PendingInstance.ImportWarning encapsulated(Path file, long size, DicomReader planReader,
            Attributes dataset, InstanceReader.StoredFrames stored)
            throws IOException, FrameSplitter.FrameException, InstanceStorage.TranscodeFailure {
        int frames = FrameSplitter.frameCount(dataset);
        byte[] basicTable = readOffsetTable(planReader);
        List<Long> lengths = new ArrayList<>();
        for (DicomReader.ItemHeader item = nextFragment(planReader); item != null; item = nextFragment(planReader)) {
            lengths.add(item.length());
            planReader.skip(item.length(), Tags.ITEM);
        }
        long[] fragmentLengths = lengths.stream().mapToLong(Long::longValue).toArray();
        int[] starts = FrameSplitter.frameStarts(fragmentLengths, basicTable,
                dataset.getBytes(Tags.EXTENDED_OFFSET_TABLE), frames);
        long[] frameSizes = new long[frames];
        for (int i = 0; i < frames; i++) {
            int end = i + 1 < frames ? starts[i + 1] : fragmentLengths.length;
            for (int f = starts[i]; f < end; f++) {
                frameSizes[i] += fragmentLengths[f];
            }
            requireFrameSize(frameSizes[i]);
        }
        try (InputStream in = open(file)) {
            DicomReader reader = new DicomReader(in, ReadOptions.header().withKnownSize(size));
            readHeader(reader);
            readOffsetTable(reader);
            for (int i = 0; i < frames; i++) {
                int end = i + 1 < frames ? starts[i + 1] : fragmentLengths.length;
                byte[] frame = new byte[(int) frameSizes[i]];
                int filled = 0;
                for (int f = starts[i]; f < end; f++) {
                    DicomReader.ItemHeader item = nextFragment(reader);
                    reader.readValue(frame, filled, (int) item.length(), Tags.ITEM, 1);
                    filled += (int) item.length();
                }
                stored.add(frame);
            }
        }
        return FrameSplitter.invalidOffsetTable(basicTable, fragmentLengths, frames)
                ? PendingInstance.ImportWarning.INVALID_OFFSET_TABLE : null;
    }

    private static byte[] readOffsetTable(DicomReader reader) throws IOException, FrameSplitter.FrameException {
        DicomReader.ItemHeader table = nextFragment(reader);
        if (table == null) {
            throw new FrameSplitter.FrameException("encapsulated Pixel Data has no Basic Offset Table item");
        }
        requireFrameSize(table.length());
        byte[] bytes = new byte[(int) table.length()];
        reader.readValue(bytes, 0, bytes.length, Tags.ITEM, 1);
        return bytes;
    }

    /** The next fragment item's header, or null at the sequence delimiter. */
    private static DicomReader.ItemHeader nextFragment(DicomReader reader) throws IOException,
            FrameSplitter.FrameException {
        DicomReader.ItemHeader item = reader.readItemHeader();
        if (item.tag() == Tags.SEQUENCE_DELIMITATION_ITEM) {
            return null;
        }
        if (item.tag() != Tags.ITEM || item.length() == 0xFFFFFFFFL) {
            throw new FrameSplitter.FrameException("expected a fragment item of defined length at offset "
                    + item.offset() + " but found " + Tags.toString(item.tag()));
        }
        return item;
    }

    private static void requireFrameSize(long size) throws FrameSplitter.FrameException {
        if (size > MAX_FRAME_BYTES) {
            throw new FrameSplitter.FrameException("a frame of " + size + " bytes is larger than the "
                    + MAX_FRAME_BYTES + " bytes the emulator reads at once (see docs/emulator.md)");
        }
    }
}
