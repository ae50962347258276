package org.ahibridge.exporting;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.ahibridge.dicom.Uids;

/**
 * The keys the instances of one run resolve to, claimed before anything is written: a second instance whose
 * template gives a key already claimed by another instance is FAILED with the reason instead of overwriting
 * (or, with {@code never}, being "skipped" for) the first one's file. Keys are compared as the store sees
 * them; the claim is the SOP Instance UID and image set of the first instance.
 */
final class KeyClaims {

    private final ConcurrentMap<String, String> claims = new ConcurrentHashMap<>();

    /**
     * Claims {@code key} for an instance; null when it is this instance's, else the reason it is not (naming
     * the instance that has it by UIDs and ids only, never by the key, which may hold patient data).
     */
    String claim(String key, String imageSetId, String sopInstanceUid) {
        String claimant = imageSetId + "/" + sopInstanceUid;
        String holder = claims.putIfAbsent(key, claimant);
        if (holder == null || holder.equals(claimant)) {
            return null;
        }
        String other = Uids.shown(holder.substring(holder.indexOf('/') + 1));
        String otherSet = holder.substring(0, holder.indexOf('/'));
        return "key collision: the path template gives this instance the key of instance "
                + (other == null ? "(without a valid UID)" : other) + " of image set " + otherSet
                + " in this run; add {SOPInstanceUID} (or {ImageSetID}) to the template";
    }
}
