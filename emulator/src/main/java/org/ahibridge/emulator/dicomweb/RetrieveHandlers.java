package org.ahibridge.emulator.dicomweb;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.dicomweb.http.MediaType;
import org.ahibridge.emulator.dicomweb.http.MultipartWriter;

/**
 * The WADO-RS operations of AWS's DICOMweb (docs/aws-healthimaging.md §10): GetDICOMInstance (a Part 10 file),
 * GetDICOMInstanceFrames (multipart/related, one part per frame, in the order asked), GetDICOMInstanceMetadata
 * and GetDICOMSeriesMetadata (DICOM JSON arrays, {@code application/dicom+json}) and GetDICOMBulkdata. Each
 * reads primary image sets unless {@code ?imageSetId=} names one ({@link InstanceLocator}); instances and frames
 * come in the stored syntax or explicit VR little endian, as the Accept header asks ({@link RetrieveNegotiation}).
 */
final class RetrieveHandlers {

    private final AhiStore store;
    private final InstanceLocator locator;

    RetrieveHandlers(AhiStore store, InstanceLocator locator) {
        this.store = store;
        this.locator = locator;
    }

    DicomWebReply instance(DicomWebRequest request) {
        LocatedInstance instance = locate(request);
        RetrieveNegotiation.Choice choice = RetrieveNegotiation.instance(request.header("Accept"), instance);
        ServedFrames frames = ServedFrames.of(store, instance, choice.syntax());
        if (!choice.multipart()) {
            return DicomWebReply.streamed(200, choice.partContentType(), out -> InstanceFile.write(out, instance,
                    frames));
        }
        String boundary = MultipartWriter.newBoundary();
        return DicomWebReply.streamed(200, MultipartWriter.contentType(choice.partType(), boundary,
                "transfer-syntax=" + choice.syntax()), out -> {
                    MultipartWriter multipart = new MultipartWriter(out, boundary);
                    try (OutputStream part = multipart.startPart(Map.of("Content-Type", choice.partContentType()))) {
                        InstanceFile.write(part, instance, frames);
                    }
                    multipart.finish();
                });
    }

    DicomWebReply frames(DicomWebRequest request) {
        LocatedInstance instance = locate(request);
        List<Integer> numbers = frameNumbers(request.path("frameList"), instance);
        RetrieveNegotiation.Choice choice = RetrieveNegotiation.frames(request.header("Accept"), instance);
        ServedFrames frames = ServedFrames.of(store, instance, choice.syntax());
        String boundary = MultipartWriter.newBoundary();
        return DicomWebReply.streamed(200, MultipartWriter.contentType(choice.partType(), boundary,
                "transfer-syntax=" + choice.syntax()), out -> {
                    MultipartWriter multipart = new MultipartWriter(out, boundary);
                    for (int number : numbers) {
                        byte[] frame = frames.frame(number - 1);
                        Map<String, String> headers = new LinkedHashMap<>();
                        headers.put("Content-Type", choice.partContentType());
                        headers.put("Content-Length", Integer.toString(frame.length));
                        headers.put("Content-Location", request.url(instance.path() + "/frames/" + number));
                        multipart.startPart(headers).write(frame);
                    }
                    multipart.finish();
                });
    }

    DicomWebReply instanceMetadata(DicomWebRequest request) {
        requireDicomJson(request, "GetDICOMInstanceMetadata");
        LocatedInstance instance = locate(request);
        ArrayNode array = Json.MAPPER.createArrayNode();
        array.add(InstanceMetadata.json(instance, request.url(instance.path())));
        return DicomWebReply.dicomJson(200, array);
    }

    DicomWebReply seriesMetadata(DicomWebRequest request) {
        requireDicomJson(request, "GetDICOMSeriesMetadata");
        List<LocatedInstance> series = locator.series(request.path("datastoreId"), request.path("studyUid"),
                request.path("seriesUid"), request.query("imageSetId"));
        ArrayNode array = Json.MAPPER.createArrayNode();
        series.forEach(instance -> array.add(InstanceMetadata.json(instance, request.url(instance.path()))));
        return DicomWebReply.dicomJson(200, array);
    }

    /**
     * A value that the metadata replaced by a BulkDataURI: one part of {@code application/octet-stream} in a
     * multipart/related body (PS3.18 §8.7.3.4), or the bare bytes when the Accept header asks for
     * {@code application/octet-stream} itself.
     */
    DicomWebReply bulkdata(DicomWebRequest request) {
        LocatedInstance instance = locate(request);
        byte[] value = InstanceMetadata.bulkData(instance, request.path("bulkdataUriHash"));
        if (value == null) {
            throw AhiError.notFound("Instance " + instance.sopUid() + " has no bulk data "
                    + request.path("bulkdataUriHash") + " (the metadata's BulkDataURIs name what it has)");
        }
        boolean bare = false;
        boolean acceptable = false;
        for (MediaType range : accepted(request, "multipart/related; type=\"application/octet-stream\"")) {
            if (range.essence().equals("application/octet-stream")) {
                bare = true;
                acceptable = true;
                break;
            }
            if (range.includes("multipart/related")) {
                acceptable = true;
                break;
            }
        }
        if (!acceptable) {
            throw AhiError.notAcceptable("GetDICOMBulkdata answers multipart/related; type=\"application/octet-stream\""
                    + " or application/octet-stream; the Accept header allows neither");
        }
        if (bare) {
            return DicomWebReply.bytes(200, "application/octet-stream", value);
        }
        String boundary = MultipartWriter.newBoundary();
        return DicomWebReply.streamed(200, MultipartWriter.contentType("application/octet-stream", boundary, null),
                out -> {
                    MultipartWriter multipart = new MultipartWriter(out, boundary);
                    multipart.startPart(Map.of("Content-Type", "application/octet-stream")).write(value);
                    multipart.finish();
                });
    }

    private LocatedInstance locate(DicomWebRequest request) {
        return locator.instance(request.path("datastoreId"), request.path("studyUid"), request.path("seriesUid"),
                request.path("sopUid"), request.query("imageSetId"));
    }

    /**
     * The frame numbers of a frame list: 1-based, comma-separated, each at most once, in the order given
     * (docs/aws-healthimaging.md §10); 400 for a malformed list, 404 for a frame the instance does not have.
     */
    static List<Integer> frameNumbers(String frameList, LocatedInstance instance) {
        List<Integer> numbers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String item : frameList.split(",", -1)) {
            int number;
            try {
                number = Integer.parseInt(item.strip());
            } catch (NumberFormatException e) {
                throw AhiError.validation("The frame list must be frame numbers from 1, separated by commas");
            }
            if (number < 1) {
                throw AhiError.validation("Frame numbers start at 1");
            }
            if (!seen.add(number)) {
                throw AhiError.validation("Frame " + number + " is listed twice");
            }
            if (number > instance.frameCount()) {
                throw AhiError.notFound("Instance " + instance.sopUid() + " has " + instance.frameCount()
                        + " frame(s); frame " + number + " does not exist");
            }
            numbers.add(number);
        }
        return numbers;
    }

    /** 406 unless the Accept header allows DICOM JSON (or is absent). */
    static void requireDicomJson(DicomWebRequest request, String operation) {
        for (MediaType range : accepted(request, DicomWebReply.DICOM_JSON)) {
            if (range.includes(DicomWebReply.DICOM_JSON) || range.includes("application/json")) {
                return;
            }
        }
        throw AhiError.notAcceptable(operation + " answers application/dicom+json; the Accept header does not allow"
                + " it");
    }

    static List<MediaType> accepted(DicomWebRequest request, String whenAbsent) {
        String accept = request.header("Accept");
        try {
            return MediaType.parseList(accept == null || accept.isBlank() ? whenAbsent : accept).stream()
                    .filter(range -> range.quality() > 0).toList();
        } catch (IllegalArgumentException e) {
            throw AhiError.validation("The Accept header is malformed: " + e.getMessage());
        }
    }
}
