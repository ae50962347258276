package org.ahibridge.dicom.json;

import java.io.IOException;
import java.util.List;

/**
 * Turns a {@code BulkDataURI} (PS3.18 §F.2.6) into value bytes. Resolving is the caller's job: only
 * the caller knows the base URI, the credentials and whether fetching is wanted at all.
 */
@FunctionalInterface
public interface BulkDataResolver {

    /**
     * The value bytes (binary VRs little endian, as in the model) for a reference, or null to keep the
     * element with an empty value.
     */
    byte[] resolve(BulkDataReference reference) throws IOException;

    /** Refuses every reference with a message naming the element and the URI (the default). */
    BulkDataResolver REJECT = reference -> {
        throw new DicomJsonException(reference.path(), "value is a BulkDataURI (" + reference.uri()
                + "); resolve bulk data before reading, or pass a BulkDataResolver");
    };

    /** Keeps each referenced element with an empty value and records the reference in {@code sink}. */
    static BulkDataResolver collectInto(List<BulkDataReference> sink) {
        return reference -> {
            sink.add(reference);
            return null;
        };
    }
}
