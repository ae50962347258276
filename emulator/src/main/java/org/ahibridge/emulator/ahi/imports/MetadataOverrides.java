package org.ahibridge.emulator.ahi.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.json.BulkDataResolver;
import org.ahibridge.dicom.json.DicomJson;
import org.ahibridge.emulator.ahi.op.ImportConfigurations;

/**
 * The DICOM JSON metadata of an import job's {@code importConfiguration} (docs/aws-healthimaging.md §2.1): each
 * mapping names
 * a study, optionally a series, and a metadata file under {@code inputS3Uri}, a DICOM JSON data set
 * (PS3.18 Annex F) whose attributes replace or add to those of every imported instance of that study or
 * series, before the instances are grouped and their metadata written. Study mappings apply first, then
 * series mappings, each in the order given, so the most specific wins.
 *
 * <p>The emulator's reading of what AWS leaves unsaid: the metadata files are not DICOM input (they are
 * left out of the import and of its counts); a file that is missing, unreadable or not a DICOM JSON data
 * set fails the whole job; a file cannot move an instance (its Study, Series and SOP Instance UIDs are not
 * applied) nor change its File Meta Information, Pixel Data or character set: text is encoded in the
 * instance's Specific Character Set, and an instance whose set cannot encode it gets a failure line.
 */
final class MetadataOverrides {

    /** The job cannot run: its message is the job's. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** An instance the metadata could not be applied to, with the reason for its failure line. */
    record Rejected(String key, String message) {
    }

    private record Mapping(String studyUid, String seriesUid, String metadataFilePath, JsonNode dataSet) {
    }

    /** Large enough for any study's metadata; bounded, because the file is read into memory. */
    static final long MAX_METADATA_FILE_BYTES = 16L << 20;
    private static final Set<Integer> NOT_APPLIED = Set.of(Tags.SPECIFIC_CHARACTER_SET, Tags.PIXEL_DATA,
            Tags.STUDY_INSTANCE_UID, Tags.SERIES_INSTANCE_UID, Tags.SOP_INSTANCE_UID);

    private final List<Mapping> mappings;
    private final Set<String> metadataKeys;

    private MetadataOverrides(List<Mapping> mappings, Set<String> metadataKeys) {
        this.mappings = mappings;
        this.metadataKeys = metadataKeys;
    }

    /** Reads every metadata file the configuration names; none when it has none. */
    static MetadataOverrides load(S3Client s3, S3Location input, JsonNode importConfiguration) throws Invalid {
        Map<String, JsonNode> files = new HashMap<>();
        List<Mapping> mappings = new ArrayList<>();
        for (JsonNode mapping : ImportConfigurations.mappings(importConfiguration)) {
            String path = mapping.get("metadataFilePath").asText();
            String key = join(input.prefix(), path);
            JsonNode dataSet = files.get(key);
            if (dataSet == null) {
                dataSet = read(s3, input, key);
                files.put(key, dataSet);
            }
            mappings.add(new Mapping(mapping.get("studyInstanceUID").asText(),
                    mapping.hasNonNull("seriesInstanceUID") ? mapping.get("seriesInstanceUID").asText() : null,
                    path, dataSet));
        }
        // Study-level mappings first, series-level after them: the more specific one has the last word.
        mappings.sort(Comparator.comparing(m -> m.seriesUid() != null));
        return new MetadataOverrides(List.copyOf(mappings), Set.copyOf(files.keySet()));
    }

    /** Whether an input object is one of the metadata files, not a DICOM file to import. */
    boolean isMetadataFile(String key) {
        return metadataKeys.contains(key);
    }

    /** Applies the metadata to each instance it maps to; removes and returns the instances it could not. */
    List<Rejected> applyTo(List<PendingInstance> instances) {
        List<Rejected> rejected = new ArrayList<>();
        if (mappings.isEmpty()) {
            return rejected;
        }
        for (Iterator<PendingInstance> it = instances.iterator(); it.hasNext();) {
            PendingInstance instance = it.next();
            for (Mapping mapping : mappings) {
                if (!mapping.studyUid().equals(instance.studyUid())
                        || mapping.seriesUid() != null && !mapping.seriesUid().equals(instance.seriesUid())) {
                    continue;
                }
                try {
                    apply(mapping.dataSet(), instance.dataset());
                } catch (IOException e) {
                    rejected.add(new Rejected(instance.key(), "The metadata file " + mapping.metadataFilePath()
                            + " cannot be applied to this file: " + e.getMessage()));
                    it.remove();
                    break;
                }
            }
        }
        return rejected;
    }

    private static void apply(JsonNode dataSet, Attributes target) throws IOException {
        Attributes metadata = DicomJson.fromTree(dataSet, BulkDataResolver.REJECT, target);
        for (Element element : metadata.elements()) {
            if (Tags.group(element.tag()) != 0x0002 && !NOT_APPLIED.contains(element.tag())) {
                target.put(element);
            }
        }
    }

    private static JsonNode read(S3Client s3, S3Location input, String key) throws Invalid {
        String uri = input.uri(key);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(input.bucket()).key(key))) {
            Long length = in.response().contentLength();
            if (length != null && length > MAX_METADATA_FILE_BYTES) {
                throw new Invalid("The metadata file " + uri + " is " + length + " bytes, more than the "
                        + MAX_METADATA_FILE_BYTES + " bytes the emulator reads");
            }
            JsonNode tree = withoutCharacterSet(DicomJson.readTree(in));
            DicomJson.fromTree(tree, BulkDataResolver.REJECT); // any error shows now, not once per instance
            return tree;
        } catch (NoSuchKeyException e) {
            throw new Invalid("The metadata file " + uri + " does not exist");
        } catch (SdkException e) {
            throw new Invalid("Cannot read the metadata file " + uri + ": " + e.getMessage());
        } catch (IOException e) {
            throw new Invalid("The metadata file " + uri + " is not a DICOM JSON data set: " + e.getMessage());
        }
    }

    /**
     * The data set without its Specific Character Set: its text is encoded in the instance's own set, which
     * must keep describing the instance's other text.
     */
    private static JsonNode withoutCharacterSet(JsonNode tree) {
        JsonNode object = tree != null && tree.isArray() && tree.size() == 1 ? tree.get(0) : tree;
        if (object == null || !object.isObject()) {
            return tree;
        }
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        List<String> names = new ArrayList<>();
        copy.fieldNames().forEachRemaining(names::add);
        names.stream().filter(name -> name.equalsIgnoreCase("00080005")).forEach(copy::remove);
        return copy;
    }

    /** {@code metadataFilePath} is relative to {@code inputS3Uri}: joined to its prefix as a folder. */
    private static String join(String prefix, String path) {
        return prefix.isEmpty() || prefix.endsWith("/") ? prefix + path : prefix + "/" + path;
    }
}
