package org.ahibridge.dicom.json;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * Strings of one data set or item to and from bytes, with the Specific Character Set (0008,0005) in
 * force there (its own, or inherited from the enclosing data set, PS3.5 §6.1.2.5): a single term
 * through the Java charset {@link Attributes#charset()} gives, code extensions through {@link Iso2022}.
 */
final class TextCodec {

    private final List<String> terms;
    private final Charset charset;

    TextCodec(Attributes owner) {
        this.terms = termsOf(owner);
        this.charset = owner.charset();
    }

    String decode(VR vr, byte[] bytes) {
        if (!JsonText.CHARSET_VRS.contains(vr)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return Iso2022.applies(terms) ? Iso2022.decode(bytes, terms, vr == VR.PN) : new String(bytes, charset);
    }

    /** The encoded text, or null when a character cannot be encoded in the character set. */
    byte[] encode(VR vr, String text) {
        if (!JsonText.CHARSET_VRS.contains(vr)) {
            return text.chars().allMatch(c -> c < 0x80) ? text.getBytes(StandardCharsets.US_ASCII) : null;
        }
        if (Iso2022.applies(terms)) {
            return Iso2022.encode(text, terms, vr == VR.PN);
        }
        return charset.newEncoder().canEncode(text) ? text.getBytes(charset) : null;
    }

    /** A name for messages. */
    String describe() {
        return terms.isEmpty() ? "the default repertoire" : "Specific Character Set " + String.join("\\", terms);
    }

    private static List<String> termsOf(Attributes owner) {
        for (Attributes at = owner; at != null; at = at.parent()) {
            Element element = at.get(Tags.SPECIFIC_CHARACTER_SET);
            if (element != null && element.bytes() != null) {
                List<String> terms = new ArrayList<>();
                for (String term : new String(element.bytes(), StandardCharsets.ISO_8859_1).split("\\\\", -1)) {
                    terms.add(term.strip());
                }
                return terms;
            }
        }
        return List.of();
    }
}
