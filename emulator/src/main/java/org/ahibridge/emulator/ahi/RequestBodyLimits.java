package org.ahibridge.emulator.ahi;

import java.util.Map;

/**
 * The largest request body each operation accepts, a little above the largest valid request of the
 * service model (docs/aws-healthimaging.md §1.3, §1.5), so no valid call is refused and no body larger than a few MiB
 * is
 * ever held in memory. A larger body is answered 413 (see {@link AhiHttpServer}).
 */
final class RequestBodyLimits {

    /** Every other operation, the admin endpoints and unknown paths: small JSON documents or no body. */
    static final int DEFAULT_BYTES = 64 * 1024;

    private static final Map<String, Integer> BY_OPERATION = Map.of(
            // importConfiguration: up to 1,000 mappings of two 512-character UIDs and a 1,024-character path
            "StartDICOMImportJob", 4 << 20,
            // copiableAttributes: up to 260,000 characters, JSON-escaped in the body
            "CopyImageSet", 2 << 20,
            // two DICOMAttribute blobs of up to 30,000 bytes each, base64 in the body
            "UpdateImageSetMetadata", 128 * 1024);

    /** PutEvents takes up to 10 entries of up to 256 KB each; the other EventBridge calls are small. */
    static final int EVENT_BRIDGE_BYTES = 4 << 20;

    private RequestBodyLimits() {
    }

    static int of(String operation) {
        return BY_OPERATION.getOrDefault(operation, DEFAULT_BYTES);
    }
}
