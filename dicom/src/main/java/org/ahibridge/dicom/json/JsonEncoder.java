package org.ahibridge.dicom.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a data set as a DICOM JSON object (PS3.18 §F.2) with a streaming generator: keys in tag
 * order, group lengths left out, values converted per VR as {@link DicomJson} documents.
 */
final class JsonEncoder {

    private final JsonGenerator json;

    JsonEncoder(JsonGenerator json) {
        this.json = json;
    }

    void writeObject(Attributes meta, Attributes dataset) throws IOException {
        json.writeStartObject();
        if (meta != null) {
            writeElements(meta, true);
        }
        writeElements(dataset, false);
        json.writeEndObject();
    }

    private void writeElements(Attributes attributes, boolean meta) throws IOException {
        for (Element element : attributes.elements()) {
            boolean metaTag = Tags.group(element.tag()) == 0x0002;
            if (!Tags.isGroupLength(element.tag()) && metaTag == meta) {
                json.writeFieldName(Tags.toHex(element.tag()));
                writeElement(element, attributes);
            }
        }
    }

    private void writeElement(Element element, Attributes owner) throws IOException {
        json.writeStartObject();
        json.writeStringField("vr", element.vr().name());
        if (element.isSequence()) {
            if (!element.items().isEmpty()) {
                json.writeArrayFieldStart("Value");
                for (Attributes item : element.items()) {
                    writeObject(null, item);
                }
                json.writeEndArray();
            }
        } else if (element.isEncapsulated()) {
            json.writeFieldName("InlineBinary");
            json.writeBinary(EncapsulatedValue.encode(element.fragments()));
        } else if (element.bytes().length > 0) {
            writeValue(element.vr(), element.bytes(), owner);
        }
        json.writeEndObject();
    }

    private void writeValue(VR vr, byte[] bytes, Attributes owner) throws IOException {
        if (vr.kind() == VR.Kind.BYTES) {
            json.writeFieldName("InlineBinary");
            // An odd value is padded as the writer would write it (PS3.5 §7.1.1), like dcm2json does.
            json.writeBinary((bytes.length & 1) == 0 ? bytes : java.util.Arrays.copyOf(bytes, bytes.length + 1));
            return;
        }
        if (vr.kind() == VR.Kind.BINARY) {
            json.writeArrayFieldStart("Value");
            writeBinaryNumbers(vr, bytes);
            json.writeEndArray();
            return;
        }
        List<String> values = JsonText.values(vr, bytes, new TextCodec(owner));
        if (vr == VR.PN) {
            values = values.stream().map(JsonEncoder::withoutEmptyTrailingComponents).toList();
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            return; // only padding: an empty value, written without "Value" (PS3.18 §F.2.5)
        }
        json.writeArrayFieldStart("Value");
        for (String value : values) {
            if (value.isEmpty()) {
                json.writeNull();
            } else if (vr == VR.PN) {
                writePersonName(value);
            } else if (vr == VR.IS || vr == VR.DS) {
                writeDecimalString(value);
            } else {
                json.writeString(value);
            }
        }
        json.writeEndArray();
    }

    /** PS3.18 §F.2.2: a person name becomes its component groups, empty groups left out. */
    private void writePersonName(String value) throws IOException {
        String[] groups = value.split("=", -1);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        json.writeStartObject();
        for (int i = 0; i < groups.length && i < names.length; i++) {
            if (!groups[i].isEmpty()) {
                json.writeStringField(names[i], groups[i]);
            }
        }
        json.writeEndObject();
    }

    /**
     * PS3.5 §6.2.1.1: trailing empty components and their '^' delimiters are insignificant, in each
     * component group; so "^^^^" is an empty name, as dcm2json also writes it.
     */
    private static String withoutEmptyTrailingComponents(String name) {
        String[] groups = name.split("=", -1);
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceAll("\\^+$", "");
        }
        int last = groups.length;
        while (last > 0 && groups[last - 1].isEmpty()) {
            last--;
        }
        return String.join("=", java.util.Arrays.copyOf(groups, last));
    }

    /** IS and DS as JSON numbers, like dcm2json; text that is not a number stays a string. */
    private void writeDecimalString(String value) throws IOException {
        BigDecimal number = Numbers.parseDecimal(value);
        if (number == null) {
            json.writeString(value);
        } else {
            json.writeNumber(number);
        }
    }

    private void writeBinaryNumbers(VR vr, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int size = vr == VR.AT ? 4 : vr.unitSize();
        for (int offset = 0; offset + size <= bytes.length; offset += size) {
            switch (vr) {
                case US -> json.writeNumber(buffer.getShort(offset) & 0xFFFF);
                case SS -> json.writeNumber(buffer.getShort(offset));
                case UL -> json.writeNumber(buffer.getInt(offset) & 0xFFFFFFFFL);
                case SL -> json.writeNumber(buffer.getInt(offset));
                case SV -> json.writeNumber(buffer.getLong(offset));
                case UV -> json.writeNumber(new BigInteger(Long.toUnsignedString(buffer.getLong(offset))));
                case FL -> Numbers.writeFloat(json, buffer.getFloat(offset));
                case FD -> Numbers.writeDouble(json, buffer.getDouble(offset));
                case AT -> json.writeString(String.format("%04X%04X", buffer.getShort(offset) & 0xFFFF,
                        buffer.getShort(offset + 2) & 0xFFFF));
                default -> throw new IllegalStateException("not a binary number VR: " + vr);
            }
        }
    }
}
