package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.io.OutputStream;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.FileMetaInformation;
import org.ahibridge.dicom.FragmentSink;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;

/**
 * Writes an instance as a DICOM Part 10 file, as GetDICOMInstance returns it: its File Meta Information and
 * data set from the image set's metadata, its frames as Pixel Data in the served syntax, streamed one frame
 * at a time. Encapsulated frames become one fragment each, after a Basic Offset Table built from their sizes;
 * native ones are written one after the other ({@link NativePixelData}).
 */
final class InstanceFile {

    private InstanceFile() {
    }

    static void write(OutputStream out, LocatedInstance instance, ServedFrames frames) throws IOException {
        Attributes dataset = instance.dataset().copy();
        dataset.remove(Tags.PIXEL_DATA);
        if (frames.decoded()) {
            decodedColour(dataset);
        }
        DicomWriter writer = new DicomWriter(out, frames.syntax());
        writer.writeHeader(FileMetaInformation.withDatasetUids(instance.metadata().fileMeta().copy(), dataset));
        if (frames.count() == 0) {
            writer.writeDataset(dataset);
            writer.finish();
            return;
        }
        writer.writeDataset(dataset.subset(0, Tags.PIXEL_DATA));
        if (TransferSyntax.isNative(frames.syntax())) {
            NativePixelData pixels = new NativePixelData(frames, instance);
            writer.writePixelData(nativeVr(instance, frames), pixels.length(), pixels.stream());
        } else {
            writeFragments(writer, frames);
        }
        writer.writeDataset(dataset.subset(Tags.PIXEL_DATA + 1, 0xFFFFFFFF));
        writer.finish();
    }

    private static void writeFragments(DicomWriter writer, ServedFrames frames) throws IOException {
        long[] sizes = new long[frames.count()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = frames.size(i);
            total += sizes[i] + 8;
        }
        // The table holds 32-bit offsets; past 4 GiB it stays empty, as PS3.5 §A.4 allows.
        FragmentSink sink = total < 0xFFFFFFFFL ? writer.startEncapsulatedPixelData(FragmentSink.offsetTable(sizes))
                : writer.startEncapsulatedPixelData();
        for (int i = 0; i < sizes.length; i++) {
            byte[] frame = frames.frame(i);
            if (frame.length != sizes[i]) {
                throw new IOException("frame " + (i + 1) + " has " + frame.length + " bytes, the metadata says "
                        + sizes[i]);
            }
            sink.writeFragment(frame);
        }
        sink.finish();
    }

    /** The VR the source gave native Pixel Data; OW for decoded samples wider than a byte, else OB. */
    private static VR nativeVr(LocatedInstance instance, ServedFrames frames) {
        VR source = instance.metadata().pixelDataVr();
        if (!frames.decoded() && (source == VR.OB || source == VR.OW)) {
            return source;
        }
        return frames.layout().bitsAllocated() > 8 ? VR.OW : VR.OB;
    }

    /**
     * Decoding a JPEG 2000 codestream undoes its colour transform, so YBR_RCT and YBR_ICT frames come out as
     * RGB (PS3.5 §8.2.4), and the data set must say so.
     */
    private static void decodedColour(Attributes dataset) {
        String photometric = dataset.getString(Tags.PHOTOMETRIC_INTERPRETATION);
        if (photometric != null && (photometric.strip().equals("YBR_RCT") || photometric.strip().equals("YBR_ICT"))) {
            dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "RGB");
        }
    }
}
