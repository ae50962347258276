package org.ahibridge.storage;

import java.util.List;

/**
 * One page of a listing, in key order, with an opaque continuation token to persist and pass back
 * to {@link BlobStore#list}; the token is {@code null} once the listing is complete.
 */
public record ListPage(List<BlobInfo> objects, String nextToken) {

    public ListPage {
        objects = List.copyOf(objects);
    }

    public boolean isLast() {
        return nextToken == null;
    }
}
