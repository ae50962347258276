package org.ahibridge.exporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.FileMetaInformation;
import org.ahibridge.dicom.FragmentSink;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.json.AhiMetadataFrame;
import org.ahibridge.dicom.json.AhiMetadataInstance;

/**
 * Rebuilds one instance of an image set as a Part 10 file (PS3.10 §7) in the syntax of its {@link OutputPlan}:
 * the metadata's File Meta Information (completed by {@link DicomWriter} with this project's Implementation
 * Class UID and the written syntax) and the plan's data set (every level merged, private tags with their
 * {@code DICOMVRs}, sequences), then the frames as Pixel Data: concatenated for native output, one fragment per
 * frame for an encapsulated one (PS3.5 §A.4) with a Basic Offset Table computed from {@code FrameSizeInBytes}
 * (empty when a size is unknown or an offset passes 32 bits). Frames stream through a {@link FrameWindow};
 * each is checked against its expected size, so a short or long frame fails the instance instead of
 * corrupting the file.
 */
final class InstanceRebuilder {

    private InstanceRebuilder() {
    }

    static void write(AhiMetadataInstance instance, OutputPlan plan, FrameWindow frames, OutputStream out)
            throws IOException {
        Attributes dataset = plan.dataset();
        DicomWriter writer = new DicomWriter(out, plan.transferSyntax());
        writer.writeHeader(FileMetaInformation.withDatasetUids(instance.fileMeta(), dataset));
        List<AhiMetadataFrame> list = instance.frames();
        if (list.isEmpty()) {
            writer.writeDataset(dataset);
            writer.finish();
            return;
        }
        writer.writeDataset(dataset.subset(0, Tags.PIXEL_DATA));
        if (plan.nativePixels()) {
            writeNative(writer, plan, pixelVr(instance, plan), list, frames);
        } else {
            writeEncapsulated(writer, list, frames);
        }
        writer.writeDataset(dataset.subset(Tags.PIXEL_DATA + 1, 0xFFFFFFFF));
        writer.finish();
    }

    /** The source's OB or OW for frames written as stored; for decoded samples OW above 8 bits, else OB. */
    private static VR pixelVr(AhiMetadataInstance instance, OutputPlan plan) {
        VR source = instance.pixelDataVr();
        if (!plan.decoded() && (source == VR.OB || source == VR.OW)) {
            return source;
        }
        return plan.dataset().getInt(Tags.BITS_ALLOCATED, 8) > 8 ? VR.OW : VR.OB;
    }

    private static void writeNative(DicomWriter writer, OutputPlan plan, VR vr, List<AhiMetadataFrame> list,
            FrameWindow frames) throws IOException {
        long total = 0;
        for (AhiMetadataFrame frame : list) {
            long size = expectedSize(plan, frame);
            if (size <= 0) {
                throw new IllegalArgumentException("frame " + frame.id() + " has no size and the data set gives none");
            }
            total += size;
        }
        writer.writePixelData(vr, total, new FrameStream(list, frames, frame -> expectedSize(plan, frame)));
    }

    // Decoded frames have the layout's size; FrameSizeInBytes describes the stored ones.
    private static long expectedSize(OutputPlan plan, AhiMetadataFrame frame) {
        if (plan.decoded()) {
            return plan.nativeFrameSize();
        }
        return frame.sizeInBytes() > 0 ? frame.sizeInBytes() : plan.nativeFrameSize();
    }

    private static void writeEncapsulated(DicomWriter writer, List<AhiMetadataFrame> list, FrameWindow frames)
            throws IOException {
        long[] sizes = list.stream().mapToLong(AhiMetadataFrame::sizeInBytes).toArray();
        long[] table = new long[0];
        if (list.size() > 1 && java.util.Arrays.stream(sizes).allMatch(s -> s > 0)) {
            try {
                table = FragmentSink.offsetTable(sizes);
            } catch (IllegalArgumentException e) {
                table = new long[0];
            }
        }
        FragmentSink sink = writer.startEncapsulatedPixelData(table);
        for (AhiMetadataFrame frame : list) {
            byte[] data = frames.next();
            if (frame.sizeInBytes() > 0 && data.length != frame.sizeInBytes()) {
                throw sizeMismatch(frame, data.length, frame.sizeInBytes());
            }
            sink.writeFragment(new ByteArrayInputStream(data), data.length);
        }
        sink.finish();
    }

    static IllegalStateException sizeMismatch(AhiMetadataFrame frame, long actual, long expected) {
        return new IllegalStateException("frame " + frame.id() + " has " + actual + " bytes, the metadata says "
                + expected);
    }

    /** Rows x Columns x Samples per Pixel x Bits Allocated / 8, or -1 when the data set lacks one of them. */
    static long nativeFrameSize(Attributes dataset) {
        long rows = dataset.getLong(Tags.ROWS, -1);
        long columns = dataset.getLong(Tags.COLUMNS, -1);
        long samples = dataset.getLong(Tags.SAMPLES_PER_PIXEL, 1);
        long bits = dataset.getLong(Tags.BITS_ALLOCATED, -1);
        if (rows <= 0 || columns <= 0 || bits <= 0 || bits % 8 != 0) {
            return -1;
        }
        return rows * columns * samples * bits / 8;
    }
}
