package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.emulator.ahi.Json;

/**
 * A DICOMweb reply: status, headers and a body that writes itself to the response stream, so an instance or
 * a run of frames streams out without being assembled in memory first.
 *
 * @param length the body's length when it is known, else -1 (sent chunked)
 */
public record DicomWebReply(int status, Map<String, String> headers, long length, Body body) {

    /** Writes a reply body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static final String DICOM_JSON = "application/dicom+json";

    public static DicomWebReply bytes(int status, String contentType, byte[] bytes) {
        return new DicomWebReply(status, headers(contentType), bytes.length, out -> out.write(bytes));
    }

    /** A DICOM JSON document (PS3.18 Annex F), {@code application/dicom+json}. */
    public static DicomWebReply dicomJson(int status, JsonNode document) {
        return bytes(status, DICOM_JSON, Json.bytes(document));
    }

    /** A body of unknown length, streamed (chunked). */
    public static DicomWebReply streamed(int status, String contentType, Body body) {
        return new DicomWebReply(status, headers(contentType), -1, body);
    }

    /** This reply with one more header. */
    public DicomWebReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new DicomWebReply(status, more, length, body);
    }

    static DicomWebReply error(int status, String type, String message) {
        String json = Json.object().put("__type", type).put("message", message).toString();
        return bytes(status, "application/json", json.getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amzn-ErrorType", type);
    }

    private static Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return headers;
    }
}
