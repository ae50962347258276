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
 * the instance, element length limits of docs/aws-healthimaging.md §9), frames cut and stored. Native frames are kept
 * as
 * explicit VR little endian; AWS would transcode them to HTJ2K (a documented deviation). Objects over
 * the spool threshold go through {@link SpooledInstanceReader}, which shares the checks and the frame
 * storage here.
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

    private InstanceReader() {
    }

    static PendingInstance read(String key, byte[] bytes, AhiStore store) throws Rejected {
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
        StoredFrames stored = new StoredFrames(store, dataset, TransferSyntax.isNative(file.transferSyntaxUid()));
        frames.forEach(stored::add);
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
     * Stores an instance's frames as they come and describes each; {@link #discard} removes them again
     * when the instance is rejected after some were stored (a streamed object cut short).
     */
    static final class StoredFrames {
        private final AhiStore store;
        private final Attributes dataset;
        private final boolean nativeSyntax;
        private final List<AhiMetadataFrame> metadata = new ArrayList<>();

        StoredFrames(AhiStore store, Attributes dataset, boolean nativeSyntax) {
            this.store = store;
            this.dataset = dataset;
            this.nativeSyntax = nativeSyntax;
        }

        void add(byte[] frame) {
            String id = Ids.newId();
            store.putFrame(id, frame);
            metadata.add(describe(id, frame, dataset, nativeSyntax));
        }

        void discard() {
            metadata.forEach(frame -> store.deleteFrame(frame.id()));
            metadata.clear();
        }

        PendingInstance pending(String key, DicomFile file, PendingInstance.ImportWarning warning) {
            String stored = nativeSyntax ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : file.transferSyntaxUid();
            return new PendingInstance(key, file.fileMeta(), dataset, stored, List.copyOf(metadata), warning);
        }
    }

    /** The frame's ImageFrames entry: CRC32 of the bytes as stored (the emulator does not decode). */
    private static AhiMetadataFrame describe(String id, byte[] frame, Attributes dataset, boolean nativeSyntax) {
        CRC32 crc = new CRC32();
        crc.update(frame);
        int bits = dataset.getInt(Tags.BITS_ALLOCATED, 0);
        Long min = null;
        Long max = null;
        if (nativeSyntax && dataset.getInt(Tags.SAMPLES_PER_PIXEL, 1) == 1 && (bits == 8 || bits == 16)) {
            boolean signed = dataset.getInt(Tags.PIXEL_REPRESENTATION, 0) == 1;
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = 0; i + bits / 8 <= frame.length; i += bits / 8) {
                long v = bits == 8 ? (signed ? frame[i] : frame[i] & 0xFF)
                        : (signed ? (short) ((frame[i] & 0xFF) | (frame[i + 1] << 8))
                                : (frame[i] & 0xFF) | ((frame[i + 1] & 0xFF) << 8));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (lo <= hi) {
                min = lo;
                max = hi;
            }
        }
        return new AhiMetadataFrame(id, frame.length, crc.getValue(), dataset.getInt(Tags.COLUMNS, 0),
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
