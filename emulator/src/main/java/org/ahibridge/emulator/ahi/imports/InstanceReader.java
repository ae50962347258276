package org.ahibridge.emulator.ahi.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomParseException;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.json.AhiMetadataFrame;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.ahi.store.AhiStore;

/**
 * Reads one input object held in memory as an import job does: a full parse with the project's
 * reader, the checks AHI applies (Part 10, transfer syntax present and supported, the UIDs that place
 * the instance, element length limits of docs/aws-healthimaging.md §9), frames cut and stored as the
 * {@link StoragePolicy} says (transcoded to the data store's lossless format where AWS does and the codecs
 * can). A frame that cannot be transcoded does not fail the file: the instance is stored as it came, with a
 * WARN line. Objects over the spool threshold go through {@link SpooledInstanceReader}, which shares the
 * checks and the frame storage here.
 */
final class InstanceReader {

    /** A file the import rejects, with the AHI-like message of its failure line. */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    private static final Map<Integer, Integer> MAX_LENGTHS = Map.ofEntries(Map.entry(Tags.PATIENT_NAME, 256),
            Map.entry(Tags.PATIENT_ID, 256), Map.entry(Tags.PATIENT_BIRTH_DATE, 18), Map.entry(Tags.PATIENT_SEX, 16),
            Map.entry(Tags.STUDY_INSTANCE_UID, 256), Map.entry(Tags.STUDY_ID, 16),
            Map.entry(Tags.STUDY_DESCRIPTION, 64), Map.entry(Tags.ACCESSION_NUMBER, 256),
            Map.entry(Tags.STUDY_DATE, 18), Map.entry(Tags.STUDY_TIME, 28), Map.entry(Tags.SOP_INSTANCE_UID, 256),
            Map.entry(Tags.SERIES_INSTANCE_UID, 256));
    private static final Map<Integer, String> REQUIRED = Map.of(Tags.SOP_CLASS_UID, "SOPClassUID",
            Tags.SOP_INSTANCE_UID, "SOPInstanceUID", Tags.STUDY_INSTANCE_UID, "StudyInstanceUID",
            Tags.SERIES_INSTANCE_UID, "SeriesInstanceUID");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InstanceReader.class);

    private InstanceReader() {
    }

    static PendingInstance read(String key, byte[] bytes, AhiStore store, StoragePolicy policy) throws Rejected {
        DicomFile file;
        try {
            file = DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.full().withKnownSize(bytes.length));
        } catch (DicomParseException e) {
            throw rejection(e);
        } catch (IOException | RuntimeException e) {
            throw new Rejected("Invalid DICOM file: " + e.getMessage());
        }
        check(file);
        Attributes dataset = file.dataset();
        PendingInstance.ImportWarning warning = FrameSplitter.invalidOffsetTable(dataset)
                ? PendingInstance.ImportWarning.INVALID_OFFSET_TABLE : null;
        List<byte[]> frames;
        try {
            frames = FrameSplitter.split(dataset);
        } catch (FrameSplitter.FrameException e) {
            throw new Rejected("Invalid pixel data: " + e.getMessage());
        }
        StoredFrames stored = new StoredFrames(store, dataset,
                policy.forInstance(file.transferSyntaxUid(), dataset, !frames.isEmpty()));
        try {
            stored.addAll(frames);
        } catch (InstanceStorage.TranscodeFailure e) {
            stored = stored.keptInstead(key, e);
            try {
                stored.addAll(frames);
            } catch (InstanceStorage.TranscodeFailure impossible) {
                throw new IllegalStateException("kept frames are not transcoded", impossible);
            }
        }
        emptyPixelData(dataset);
        return stored.pending(key, file, warning);
    }

    /** The verdict on a parse failure, in AHI's words where docs/aws-healthimaging.md records them. */
    static Rejected rejection(DicomParseException e) {
        if (e.tag() == Tags.TRANSFER_SYNTAX_UID) {
            return new Rejected("DICOM attribute TransferSyntaxUID does not exist");
        }
        return new Rejected(switch (e.kind()) {
            case EMPTY, NO_P10_HEADER -> "Invalid DICOM file: not a DICOM Part 10 file (" + e.getMessage() + ")";
            case TRUNCATED -> "Invalid DICOM file: the file is truncated (" + e.getMessage() + ")";
            default -> "Invalid DICOM file: " + e.getMessage();
        });
    }

    /** The checks made before any frame is stored: syntax, required UIDs, length limits. */
    static void check(DicomFile file) throws Rejected {
        String syntax = file.transferSyntaxUid();
        if (syntax == null) {
            throw new Rejected("DICOM attribute TransferSyntaxUID does not exist");
        }
        if (!TransferSyntax.AHI_SUPPORTED.contains(syntax)) {
            throw new Rejected("Unsupported transfer syntax " + syntax);
        }
        Attributes dataset = file.dataset();
        for (Map.Entry<Integer, String> required : REQUIRED.entrySet()) {
            if (dataset.getString(required.getKey()) == null) {
                throw new Rejected("DICOM attribute " + required.getValue() + " does not exist");
            }
        }
        for (Map.Entry<Integer, Integer> limit : MAX_LENGTHS.entrySet()) {
            String value = dataset.getString(limit.getKey());
            if (value != null && value.length() > limit.getValue()) {
                throw new Rejected("DICOM attribute " + org.ahibridge.dicom.DicomDictionary.standard()
                        .keywordOf(limit.getKey()) + " exceeds the maximum length of " + limit.getValue());
            }
        }
    }

    /**
     * Stores an instance's frames as they come, in the way its {@link InstanceStorage} says, and
     * describes each; {@link #discard} removes them again when the instance is rejected after some were
     * stored (a streamed object cut short) or is stored another way after all ({@link #keptInstead}).
     */
    static final class StoredFrames {
        private final AhiStore store;
        private final Attributes dataset;
        private final InstanceStorage storage;
        private final List<AhiMetadataFrame> metadata = new ArrayList<>();

        StoredFrames(AhiStore store, Attributes dataset, InstanceStorage storage) {
            this.store = store;
            this.dataset = dataset;
            this.storage = storage;
        }

        void add(byte[] frame) throws InstanceStorage.TranscodeFailure {
            InstanceStorage.StoredFrame converted = storage.convert(frame, metadata.size() + 1);
            String id = Ids.newId();
            store.putFrame(id, converted.stored());
            metadata.add(describe(id, converted, dataset));
        }

        void addAll(List<byte[]> frames) throws InstanceStorage.TranscodeFailure {
            for (byte[] frame : frames) {
                add(frame);
            }
        }

        void discard() {
            metadata.forEach(frame -> store.deleteFrame(frame.id()));
            metadata.clear();
        }

        /**
         * Discards what was stored and starts again keeping the frames as they came: the emulator's codec
         * failing is no reason to fail the file, and the metadata will say what was stored.
         */
        StoredFrames keptInstead(String key, InstanceStorage.TranscodeFailure failure) {
            discard();
            InstanceStorage kept = InstanceStorage.kept(storage.sourceSyntax());
            LOG.warn("{}: stored as {} instead: {}", key, kept.storedSyntax(), failure.getMessage());
            return new StoredFrames(store, dataset, kept);
        }

        PendingInstance pending(String key, DicomFile file, PendingInstance.ImportWarning warning) {
            return new PendingInstance(key, file.fileMeta(), dataset, storage.storedSyntax(), storage.checksumType(),
                    List.copyOf(metadata), warning);
        }
    }

    /**
     * The frame's ImageFrames entry: the CRC32 of its decoded pixels where they are known (native and
     * transcoded frames), else of the bytes as stored; minimum and maximum of single-sample 8/16-bit pixels.
     */
    private static AhiMetadataFrame describe(String id, InstanceStorage.StoredFrame frame, Attributes dataset) {
        byte[] pixels = frame.pixels();
        CRC32 crc = new CRC32();
        crc.update(pixels != null ? pixels : frame.stored());
        int bits = dataset.getInt(Tags.BITS_ALLOCATED, 0);
        Long min = null;
        Long max = null;
        if (pixels != null && dataset.getInt(Tags.SAMPLES_PER_PIXEL, 1) == 1 && (bits == 8 || bits == 16)) {
            boolean signed = dataset.getInt(Tags.PIXEL_REPRESENTATION, 0) == 1;
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = 0; i + bits / 8 <= pixels.length; i += bits / 8) {
                long v = bits == 8 ? (signed ? pixels[i] : pixels[i] & 0xFF)
                        : (signed ? (short) ((pixels[i] & 0xFF) | (pixels[i + 1] << 8))
                                : (pixels[i] & 0xFF) | ((pixels[i + 1] & 0xFF) << 8));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo <= hi) {
                min = lo;
                max = hi;
            }
        }
        return new AhiMetadataFrame(id, frame.stored().length, crc.getValue(), dataset.getInt(Tags.COLUMNS, 0),
                dataset.getInt(Tags.ROWS, 0), min, max);
    }

    static void emptyPixelData(Attributes dataset) {
        for (int tag : new int[] {Tags.PIXEL_DATA, Tags.FLOAT_PIXEL_DATA, Tags.DOUBLE_FLOAT_PIXEL_DATA}) {
            Element element = dataset.get(tag);
            if (element != null) {
                dataset.setBytes(tag, element.isEncapsulated() ? VR.OB : element.vr(), new byte[0]);
            }
        }
    }
}
