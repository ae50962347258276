package org.ahibridge.emulator.ahi.op;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.Json;

/**
 * StartDICOMImportJob's {@code importConfiguration} (model of 2026-05, docs/aws-healthimaging.md §2.1), checked
 * against the
 * model's shapes: the ImportConfiguration union with its one member {@code dicomJsonMetadataImportConfiguration},
 * whose {@code dicomMetadataMappings} are 1 to 1,000 of {@code {studyInstanceUID, seriesInstanceUID?,
 * metadataFilePath}}: UIDs of digits and dots, at most 512 characters; a path of 1 to 1,024 printable ASCII
 * characters that neither starts nor ends with a space. The import job applies the mappings
 * ({@code imports.MetadataOverrides}); GetDICOMImportJob echoes them.
 */
public final class ImportConfigurations {

    static final String MEMBER = "dicomJsonMetadataImportConfiguration";
    private static final String PATH = "importConfiguration." + MEMBER + ".dicomMetadataMappings";
    private static final int MAX_MAPPINGS = 1000;
    private static final Pattern UID = Pattern.compile("[0-9.]{1,512}");
    /**
     * The model's MetadataFilePath pattern, {@code [a-zA-Z0-9!-~]+([a-zA-Z0-9!-~ ]*[a-zA-Z0-9!-~]+)*}, means
     * printable ASCII without a leading or trailing space; this form says the same without nested
     * repetition, which backtracks exponentially on a long path that does not match.
     */
    private static final Pattern METADATA_FILE_PATH = Pattern.compile("[!-~]([ -~]*[!-~])?");
    private static final int MAX_PATH_LENGTH = 1024;

    private ImportConfigurations() {
    }

    /** The validated configuration, or null when the request has none. */
    static JsonNode validated(JsonNode body) {
        JsonNode configuration = body.get("importConfiguration");
        if (configuration == null || configuration.isNull()) {
            return null;
        }
        if (!configuration.isObject()) {
            throw AhiError.validation("importConfiguration must be an object");
        }
        configuration.fieldNames().forEachRemaining(name -> {
            if (!name.equals(MEMBER)) {
                throw AhiError.validation("importConfiguration has no member " + name + "; its only member is "
                        + MEMBER);
            }
        });
        JsonNode json = configuration.get(MEMBER);
        if (json == null || !json.isObject()) {
            throw AhiError.validation("importConfiguration must set " + MEMBER);
        }
        JsonNode mappings = json.get("dicomMetadataMappings");
        if (mappings == null || !mappings.isArray()) {
            throw AhiError.validation("1 validation error detected: Value at '" + PATH
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (mappings.size() < 1 || mappings.size() > MAX_MAPPINGS) {
            throw AhiError.validation("1 validation error detected: Value at '" + PATH + "' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_MAPPINGS + " (it has "
                    + mappings.size() + ")");
        }
        ArrayNode normalized = Json.MAPPER.createArrayNode();
        for (int i = 0; i < mappings.size(); i++) {
            normalized.add(mapping(mappings.get(i), PATH + "." + (i + 1)));
        }
        ObjectNode result = Json.object();
        result.putObject(MEMBER).set("dicomMetadataMappings", normalized);
        return result;
    }

    /** The mappings of a job's configuration (null, or JSON null once persisted, has none). */
    public static ArrayNode mappings(JsonNode configuration) {
        if (configuration == null || configuration.isNull()) {
            return Json.MAPPER.createArrayNode();
        }
        return (ArrayNode) configuration.path(MEMBER).path("dicomMetadataMappings");
    }

    private static ObjectNode mapping(JsonNode mapping, String path) {
        if (!mapping.isObject()) {
            throw AhiError.validation("Each of " + PATH + " must be an object (" + path + " is not)");
        }
        ObjectNode result = Json.object();
        result.put("studyInstanceUID", matching(mapping, "studyInstanceUID", path, UID, true));
        String series = matching(mapping, "seriesInstanceUID", path, UID, false);
        if (series != null) {
            result.put("seriesInstanceUID", series);
        }
        String file = matching(mapping, "metadataFilePath", path, METADATA_FILE_PATH, true);
        if (file.length() > MAX_PATH_LENGTH) {
            throw AhiError.validation("1 validation error detected: Value at '" + path + ".metadataFilePath' failed "
                    + "to satisfy constraint: Member must have length less than or equal to " + MAX_PATH_LENGTH);
        }
        result.put("metadataFilePath", file);
        return result;
    }

    private static String matching(JsonNode mapping, String member, String path, Pattern pattern, boolean required) {
        JsonNode value = mapping.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw AhiError.validation("1 validation error detected: Value at '" + path + "." + member
                        + "' failed to satisfy constraint: Member must not be null");
            }
            return null;
        }
        if (!value.isTextual() || !pattern.matcher(value.asText()).matches()) {
            throw AhiError.validation("1 validation error detected: Value at '" + path + "." + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + (pattern == UID ? "[0-9.]+, at most 512 characters"
                            : "[a-zA-Z0-9!-~]+([a-zA-Z0-9!-~ ]*[a-zA-Z0-9!-~]+)*"));
        }
        return value.asText();
    }
}
