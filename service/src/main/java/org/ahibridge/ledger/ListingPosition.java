package org.ahibridge.ledger;

/**
 * Where an incremental listing of a storage prefix stands: the continuation token of the next page
 * (null at the start of a pass), the last key handed out, and the pass number (it grows by one each
 * time the listing reaches the end and starts over).
 */
public record ListingPosition(String storage, String prefix, String continuationToken, String lastKey,
        long passNumber) {

    public static ListingPosition start(String storage, String prefix) {
        return new ListingPosition(storage, prefix, null, null, 1);
    }
}
