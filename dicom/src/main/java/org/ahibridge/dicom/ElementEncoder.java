package org.ahibridge.dicom;

import java.io.IOException;

import org.ahibridge.dicom.TransferSyntax.Encoding;

/**
 * Encodes one element of the model through {@link DicomOutput}: plain values with their padding,
 * sequences and items with undefined length and delimiters (PS3.5 §7.5.2), encapsulated fragments
 * (PS3.5 §A.4), and values too long for a 16-bit length as UN in explicit little endian (PS3.5 §6.2.2).
 */
final class ElementEncoder {

    private static final int MAX_SHORT_LENGTH = 0xFFFE;

    private final DicomOutput output;

    ElementEncoder(DicomOutput output) {
        this.output = output;
    }

    void write(Element element) throws IOException {
        if (element.isSequence()) {
            writeSequence(element);
        } else if (element.isEncapsulated()) {
            output.writeHeader(element.tag(), VR.OB, DicomOutput.UNDEFINED_LENGTH);
            FragmentSink sink = new FragmentSink(output, () -> { });
            for (byte[] fragment : element.fragments()) {
                sink.writeFragment(fragment);
            }
            sink.finish();
        } else {
            byte[] value = element.bytes();
            VR headerVr = element.vr();
            long length = DicomWriter.padded(value.length);
            Encoding current = output.encoding();
            if (current.explicitVr() && !headerVr.longLength() && length > MAX_SHORT_LENGTH) {
                if (current.bigEndian()) {
                    throw new IllegalArgumentException(Tags.toString(element.tag()) + " " + headerVr + " has "
                            + length + " bytes, too long for its 16-bit length in explicit VR big endian");
                }
                headerVr = VR.UN;
            }
            output.writeHeader(element.tag(), headerVr, length);
            output.writeValue(element.vr(), value);
        }
    }

    private void writeSequence(Element sequence) throws IOException {
        output.writeHeader(sequence.tag(), VR.SQ, DicomOutput.UNDEFINED_LENGTH);
        for (Attributes item : sequence.items()) {
            output.writeItemHeader(Tags.ITEM, DicomOutput.UNDEFINED_LENGTH);
            for (Element element : item.elements()) {
                if (!Tags.isGroupLength(element.tag())) {
                    write(element);
                }
            }
            output.writeItemHeader(Tags.ITEM_DELIMITATION_ITEM, 0);
        }
        output.writeItemHeader(Tags.SEQUENCE_DELIMITATION_ITEM, 0);
    }
}
