package org.ahibridge.ahi;

import java.util.List;

/** One page of SearchImageSets (docs/aws-healthimaging.md §3): the summaries and the token of the next page. */
public record ImageSetPage(List<ImageSetSummary> imageSets, String nextToken) {

    public ImageSetPage {
        imageSets = List.copyOf(imageSets);
    }
}
