package org.ahibridge.exporting;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AHI read operations an export uses, in our words; no AWS SDK type crosses this interface.
 * Implementations retry throttling and 5xx answers with backoff and pace calls below AHI's limits
 * (docs/aws-healthimaging.md §8.2); what still fails is an {@link org.ahibridge.ahi.AhiException}.
 */
public interface AhiReader {

    /** One page of SearchImageSets (docs/aws-healthimaging.md §3) with up to two filters; {@code nextToken} null for
     * the first. */
    SearchPage search(List<SearchTerm> filters, String nextToken);

    /** GetImageSet: the latest version and primary flag of one image set. */
    ImageSetSummary imageSet(String imageSetId);

    /** GetImageSetMetadata, gunzipped and parsed (docs/aws-healthimaging.md §4.1). */
    JsonNode metadata(String imageSetId, int version);

    /** GetImageFrame: the frame as stored (docs/aws-healthimaging.md §5.1). */
    Frame frame(String imageSetId, String imageFrameId);

    /** One page of search results. */
    record SearchPage(List<ImageSetSummary> imageSets, String nextToken) {
    }

    /** The bytes of one frame and the Content-Type AHI sent with it. */
    record Frame(byte[] bytes, String contentType) {
    }
}
