package org.ahibridge.dicom.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The DICOM JSON Model (PS3.18 Annex F, §F.2) to and from {@link Attributes}.
 *
 * <p>Writing: one JSON object whose keys are the tags as 8 uppercase hex digits in ascending order,
 * each {@code {"vr": .., "Value": [..]}}; group lengths never; the File Meta Information only when
 * it is passed. Strings are decoded with the data set's Specific Character Set (inherited by items),
 * padding removed; an element with no value has no "Value"; an empty value among several is
 * {@code null}. PN values are objects of Alphabetic, Ideographic and Phonetic groups; AT values are 8
 * hex digits; IS and DS are JSON numbers like dcm2json writes them, except text that is not a number,
 * which stays a string; FL and FD NaN and infinities are the strings "NaN", "Infinity", "-Infinity";
 * SV and UV are exact JSON numbers. OB, OD, OF, OL, OV, OW and UN are "InlineBinary" (base64 of the
 * little endian bytes), encapsulated Pixel Data as its encoded item sequence ({@link EncapsulatedValue}).
 *
 * <p>Reading accepts that and the forms PS3.18 also allows: numbers as strings, keys in any order and
 * case, a top-level array of one object. A {@code BulkDataURI} goes to a {@link BulkDataResolver},
 * {@link BulkDataResolver#REJECT} by default. Bad input raises {@link DicomJsonException} with the path.
 */
public final class DicomJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Numbers keep their written scale (1.50 stays 1.50): a DS or FD value round-trips as written.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private DicomJson() {
    }

    /** The data set as DICOM JSON, without File Meta Information. */
    public static String toJson(Attributes dataset) {
        return toJson(null, dataset);
    }

    /** The data set as DICOM JSON, preceded by the elements of {@code fileMeta} when it is not null. */
    public static String toJson(Attributes fileMeta, Attributes dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(fileMeta, dataset, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Streams the JSON (UTF-8) to {@code out}, which stays open. */
    public static void write(Attributes fileMeta, Attributes dataset, OutputStream out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            new JsonEncoder(json).writeObject(fileMeta, dataset);
        }
    }

    /** Reads a data set (and any group 0002 elements in it), rejecting BulkDataURIs. */
    public static Attributes fromJson(String json) throws DicomJsonException {
        try {
            return fromTree(MAPPER.readTree(json), BulkDataResolver.REJECT);
        } catch (DicomJsonException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new DicomJsonException("", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DicomJsonException("", e.getMessage());
        }
    }

    public static Attributes fromJson(InputStream in, BulkDataResolver resolver) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DicomJsonException("", "not valid JSON: " + e.getOriginalMessage());
        }
        return fromTree(tree, resolver);
    }

    /** Parses DICOM JSON text as this reader does (numbers keep their written scale), without decoding it. */
    public static JsonNode readTree(InputStream in) throws IOException {
        try {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new DicomJsonException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a parsed document: one object, or an array holding exactly one object. */
    public static Attributes fromTree(JsonNode tree, BulkDataResolver resolver) throws IOException {
        return fromTree(tree, resolver, null);
    }

    /**
     * Reads a parsed document as attributes that will join {@code characterSetOf}: text is encoded in that
     * data set's Specific Character Set unless the document declares its own (null: the default repertoire,
     * or the document's own), and a character that set cannot encode is a {@link DicomJsonException}.
     */
    public static Attributes fromTree(JsonNode tree, BulkDataResolver resolver, Attributes characterSetOf)
            throws IOException {
        JsonNode object = tree;
        if (tree != null && tree.isArray()) {
            if (tree.size() != 1) {
                throw new DicomJsonException("", "expected one data set, found an array of " + tree.size());
            }
            object = tree.get(0);
        }
        return new JsonDecoder(resolver).readObject(object, characterSetOf, "");
    }

    /** Splits what {@link #fromJson} read into File Meta Information (group 0002) and data set. */
    public static DicomFile toDicomFile(Attributes attributes) {
        Attributes meta = new Attributes();
        Attributes dataset = new Attributes();
        for (Element element : attributes.elements()) {
            (Tags.group(element.tag()) == 0x0002 ? meta : dataset).put(element);
        }
        return new DicomFile(meta, dataset, null);
    }
}
