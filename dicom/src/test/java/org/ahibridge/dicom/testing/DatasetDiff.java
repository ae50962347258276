package org.ahibridge.dicom.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomDictionary;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * Deep comparison of two data sets as the writer should round-trip them: same tags (group lengths
 * aside, since the writer drops them), same VR, same value bytes (odd values compared after their
 * padding byte), same items, same fragments. For output in implicit VR the expected VR is what a
 * reader can know: the dictionary's (UN for private elements), SQ for sequences, OB/OW for Pixel Data.
 */
public final class DatasetDiff {

    private static final DicomDictionary DICTIONARY = DicomDictionary.standard();

    private DatasetDiff() {
    }

    /** Every difference, as one readable line each; empty when the data sets match. */
    public static List<String> differences(Attributes expected, Attributes actual, boolean implicitVr) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, implicitVr, differences);
        return differences;
    }

    private static void compare(String path, Attributes expected, Attributes actual, boolean implicitVr,
            List<String> out) {
        List<Element> wanted = expected.elements().stream().filter(e -> !Tags.isGroupLength(e.tag())).toList();
        List<Element> got = new ArrayList<>(actual.elements());
        if (!wanted.stream().map(Element::tag).toList().equals(got.stream().map(Element::tag).toList())) {
            out.add(path + " tags differ: expected " + wanted.stream().map(e -> Tags.toString(e.tag())).toList()
                    + " got " + got.stream().map(e -> Tags.toString(e.tag())).toList());
            return;
        }
        Iterator<Element> actualElements = got.iterator();
        for (Element want : wanted) {
            compareElement(path + Tags.toString(want.tag()), want, actualElements.next(), expected, implicitVr, out);
        }
    }

    private static void compareElement(String path, Element want, Element got, Attributes dataset,
            boolean implicitVr, List<String> out) {
        VR expectedVr = expectedVr(want, dataset, implicitVr);
        if (expectedVr != got.vr()) {
            out.add(path + " VR: expected " + expectedVr + " got " + got.vr());
        }
        if (want.isSequence()) {
            if (!got.isSequence() || got.items().size() != want.items().size()) {
                out.add(path + " items: expected " + want.items().size() + " got "
                        + (got.isSequence() ? got.items().size() : "a non-sequence"));
                return;
            }
            for (int i = 0; i < want.items().size(); i++) {
                compare(path + "[" + i + "]", want.items().get(i), got.items().get(i), implicitVr, out);
            }
        } else if (want.isEncapsulated()) {
            if (!got.isEncapsulated() || got.fragments().size() != want.fragments().size()) {
                out.add(path + " fragments: expected " + want.fragments().size() + " got "
                        + (got.isEncapsulated() ? got.fragments().size() : "native"));
                return;
            }
            for (int i = 0; i < want.fragments().size(); i++) {
                if (!Arrays.equals(padded(want.fragments().get(i), (byte) 0), got.fragments().get(i))) {
                    out.add(path + " fragment " + i + " differs");
                }
            }
        } else if (got.bytes() == null || !Arrays.equals(padded(want.bytes(), want.vr().padding()), got.bytes())) {
            out.add(path + " value differs (" + want.bytes().length + " vs "
                    + (got.bytes() == null ? "no" : got.bytes().length) + " bytes)");
        }
    }

    private static VR expectedVr(Element want, Attributes dataset, boolean implicitVr) {
        if (want.isSequence()) {
            return VR.SQ;
        }
        if (want.isEncapsulated()) {
            return VR.OB;
        }
        if (implicitVr) {
            if (want.tag() == Tags.PIXEL_DATA) {
                return dataset.getInt(Tags.BITS_ALLOCATED, 8) > 8 ? VR.OW : VR.OB;
            }
            return DICTIONARY.vrOf(want.tag());
        }
        if (!want.vr().longLength() && padded(want.bytes(), (byte) 0).length > 0xFFFE) {
            return VR.UN;
        }
        return want.vr();
    }

    private static byte[] padded(byte[] value, byte padding) {
        if ((value.length & 1) == 0) {
            return value;
        }
        byte[] result = Arrays.copyOf(value, value.length + 1);
        result[value.length] = padding;
        return result;
    }
}
