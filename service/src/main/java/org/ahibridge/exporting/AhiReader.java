package org.ahibridge.exporting;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.ImageFrame;
import org.ahibridge.ahi.ImageSetPage;
import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.ahi.SearchTerm;

/**
 * The AHI reads of one export, bound to its datastore: the shared {@link AhiOperations} (paced, retried,
 * translated once for both directions) with the datastore id filled in.
 */
public interface AhiReader {

    ImageSetPage search(List<SearchTerm> filters, String nextToken);

    ImageSetSummary imageSet(String imageSetId);

    JsonNode metadata(String imageSetId, int version);

    ImageFrame frame(String imageSetId, String imageFrameId);

    static AhiReader of(AhiOperations ahi, String datastoreId) {
        return new AhiReader() {
            @Override
            public ImageSetPage search(List<SearchTerm> filters, String nextToken) {
                return ahi.searchImageSets(datastoreId, filters, nextToken);
            }

            @Override
            public ImageSetSummary imageSet(String imageSetId) {
                return ahi.getImageSet(datastoreId, imageSetId);
            }

            @Override
            public JsonNode metadata(String imageSetId, int version) {
                return ahi.getImageSetMetadata(datastoreId, imageSetId, version);
            }

            @Override
            public ImageFrame frame(String imageSetId, String imageFrameId) {
                return ahi.getImageFrame(datastoreId, imageSetId, imageFrameId);
            }
        };
    }
}
