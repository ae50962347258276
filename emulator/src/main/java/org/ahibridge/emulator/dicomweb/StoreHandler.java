package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.imports.DirectImport;
import org.ahibridge.emulator.ahi.imports.ImportSpool;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.dicomweb.http.MalformedMultipartException;
import org.ahibridge.emulator.dicomweb.http.MediaType;
import org.ahibridge.emulator.dicomweb.http.MultipartReader;

/**
 * StoreDICOM and StoreDICOMStudy (STOW-RS, PS3.18 §10.5; docs/aws-healthimaging.md §10). The body is
 * {@code multipart/related; type="application/dicom"} with one Part 10 file per part, or, as AWS's own example
 * sends it, a single {@code application/dicom} file; at most {@link #MAX_BODY_BYTES} (AWS: "up to 1GB of DICOM
 * data per request"). The body is read first, its parts streaming through the {@link MultipartReader} into a
 * spool file each ({@link SpooledParts}), so the client is done within the request timeout; then each file is
 * read and stored as an import job reads an object ({@link DirectImport}) and deleted. So the heap holds a
 * buffer and at most one frame, whatever the body's size; the disk, the body once more until it is stored. The
 * instances are then placed into image sets with the import's primary/non-primary rules, and the reply lists
 * what was stored and what was not ({@link StoreResponse}).
 */
final class StoreHandler {

    /** AWS's limit, "1GB" per request, read as 1 GiB so no request AWS takes is refused here. */
    static final long MAX_BODY_BYTES = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(StoreHandler.class);
    private static final String DICOM = "application/dicom";

    private final AhiContext context;
    private final InstanceLocator locator;
    private final ImportSpool spool;
    private final long maxBodyBytes;

    StoreHandler(AhiContext context, InstanceLocator locator, ImportSpool spool, long maxBodyBytes) {
        this.context = context;
        this.locator = locator;
        this.spool = spool;
        this.maxBodyBytes = maxBodyBytes;
    }

    DicomWebReply store(DicomWebRequest request) throws IOException {
        String datastoreId = request.path("datastoreId");
        Datastore datastore = locator.datastore(datastoreId);
        if (!datastore.status().equals(Datastore.ACTIVE)) {
            throw AhiError.conflict("Data store " + datastoreId + " is " + datastore.status()
                    + "; instances can be stored in an ACTIVE data store only");
        }
        RetrieveHandlers.requireDicomJson(request, request.operation());
        String boundary = boundaryOf(request);
        if (request.declaredLength() > maxBodyBytes) {
            // Not read at all: the JDK server closes the connection after the reply, which clients see in time.
            throw tooLarge(request.declaredLength());
        }
        String encoding = request.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            throw new AhiError(415, "UnsupportedMediaTypeException", "The emulator does not decode a Content-Encoding"
                    + " of '" + encoding.strip() + "' (aws-chunked included); send the body as it is");
        }
        DirectImport batch = new DirectImport(context, datastoreId, spool.thresholdBytes());
        StoreResponse response = new StoreResponse();
        Map<String, DirectImport.Accepted> accepted = new LinkedHashMap<>();
        try (SpooledParts parts = receive(request, boundary)) {
            for (SpooledParts.Part part : parts) {
                store(request, batch, response, accepted, part);
                parts.delete(part);
            }
        } catch (IOException | RuntimeException e) {
            batch.discardAll();
            throw e;
        }
        Map<String, DirectImport.Placed> placed = batch.place();
        // In the order of the parts (the image sets are made series by series).
        for (DirectImport.Accepted part : accepted.values()) {
            DirectImport.Placed where = placed.get(part.key());
            String studyPath = "/datastore/" + datastoreId + "/studies/" + part.studyUid();
            String instancePath = studyPath + "/series/" + part.seriesUid() + "/instances/" + part.sopInstanceUid();
            // A non-primary instance is found only with its image set named (docs/aws-healthimaging.md §10).
            String query = where.primary() ? "" : "?imageSetId=" + where.imageSetId();
            response.stored(part.sopClassUid(), part.sopInstanceUid(), request.url(instancePath + query),
                    request.url(studyPath));
        }
        DicomWebReply reply = DicomWebReply.dicomJson(response.status(), response.json());
        if (!response.warnings().isEmpty()) {
            reply = reply.withHeader("Warning", String.join(", ", response.warnings()));
        }
        return reply;
    }

    /**
     * Reads the whole body off the connection, each part into a spool file: the body arrives within the request
     * timeout however long storing it takes. 413 past the size limit, 400 for a malformed body, and nothing kept.
     */
    private SpooledParts receive(DicomWebRequest request, String boundary) throws IOException {
        BoundedRequestBody body = new BoundedRequestBody(request.body(), maxBodyBytes);
        SpooledParts parts = new SpooledParts(spool.directory());
        try {
            if (boundary == null) {
                parts.add(1, null, body);
                return parts;
            }
            MultipartReader reader = new MultipartReader(body, boundary);
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                String type = part.header("Content-Type");
                String refusal = type == null || isDicom(type) ? null : "the part is of type '" + type + "'; "
                        + request.operation() + " takes application/dicom parts (Part 10 files) only";
                parts.add(part.number(), refusal, part.body());
            }
            if (parts.size() == 0) {
                throw AhiError.validation("The multipart body holds no part");
            }
            return parts;
        } catch (BoundedRequestBody.TooLarge e) {
            parts.close();
            body.drainUnderlying();
            throw tooLarge(-1);
        } catch (MalformedMultipartException e) {
            parts.close();
            throw AhiError.validation("The multipart body is malformed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /**
     * Reads one spooled part as an import reads an object. A part that is not a Part 10 file, not of type
     * application/dicom, or (for StoreDICOMStudy) of another study, is a failure of that part only.
     */
    private void store(DicomWebRequest request, DirectImport batch, StoreResponse response,
            Map<String, DirectImport.Accepted> accepted, SpooledParts.Part part) throws IOException {
        int number = part.number();
        if (part.refusal() != null) {
            response.failed(number, null, null, StoreResponse.CANNOT_UNDERSTAND, part.refusal());
            return;
        }
        try {
            DirectImport.Accepted read = batch.read("part " + number, part.file());
            String expectedStudy = request.path("studyUid");
            if (expectedStudy != null && !expectedStudy.equals(read.studyUid())) {
                batch.discard(read.key());
                response.failed(number, read.sopClassUid(), read.sopInstanceUid(), StoreResponse.DOES_NOT_MATCH,
                        "its Study Instance UID " + read.studyUid() + " is not the study of the request, "
                                + expectedStudy);
                return;
            }
            if (read.warning() != null) {
                response.warned(number, read.sopInstanceUid(), read.warning());
            }
            accepted.put(read.key(), read);
        } catch (DirectImport.Rejected e) {
            response.failed(number, null, null, StoreResponse.CANNOT_UNDERSTAND, e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.warn("STOW-RS part {} could not be stored", number, e);
            response.failed(number, null, null, StoreResponse.PROCESSING_FAILURE, "the emulator could not store it: "
                    + e.getMessage());
        }
    }

    /**
     * The multipart boundary of the request, or null for a single {@code application/dicom} body; 415 for any
     * other Content-Type.
     */
    private static String boundaryOf(DicomWebRequest request) {
        String header = request.header("Content-Type");
        MediaType type;
        try {
            type = header == null ? null : MediaType.parse(header);
        } catch (IllegalArgumentException e) {
            throw unsupported("The Content-Type header is malformed: " + e.getMessage());
        }
        if (type != null && type.essence().equals(DICOM)) {
            return null;
        }
        if (type == null || !type.essence().equals("multipart/related")) {
            throw unsupported(request.operation() + " takes multipart/related; type=\"application/dicom\" (or a single"
                    + " application/dicom body)");
        }
        String parts = type.parameter("type");
        if (parts != null && !isDicom(parts)) {
            throw unsupported(request.operation() + " takes parts of type application/dicom only, not " + parts
                    + " (DICOM JSON with bulk data is not supported)");
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MultipartReader.MAX_BOUNDARY_LENGTH) {
            throw AhiError.validation("The multipart/related Content-Type needs a boundary parameter of 1 to "
                    + MultipartReader.MAX_BOUNDARY_LENGTH + " characters");
        }
        return boundary;
    }

    private static boolean isDicom(String contentType) {
        try {
            return MediaType.parse(contentType).essence().equals(DICOM);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private AhiError tooLarge(long declared) {
        return new AhiError(413, "RequestEntityTooLargeException", "The request body" + (declared < 0 ? ""
                : " of " + declared + " bytes") + " is larger than the " + maxBodyBytes + " bytes "
                + "StoreDICOM accepts (AWS: up to 1 GB of DICOM data per request)");
    }

    private static AhiError unsupported(String message) {
        return new AhiError(415, "UnsupportedMediaTypeException", message);
    }
}
