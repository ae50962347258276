package org.ahibridge.storage.gcs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.ahibridge.storage.StorageException;

/**
 * The listing position {@link GcsBlobStore} hands out: {@code base64url(last key) + "." + GCS page
 * token}. The last key lets a listing resume with {@code startOffset} when GCS no longer accepts a
 * stored page token, and keeps keys at or before it from being handed out twice.
 */
record GcsListToken(String lastKey, String pageToken) {

    static GcsListToken parse(String token) {
        if (token == null) {
            return new GcsListToken(null, null);
        }
        int dot = token.indexOf('.');
        try {
            if (dot < 0) {
                throw new IllegalArgumentException("no '.'");
            }
            String lastKey = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            String page = token.substring(dot + 1);
            return new GcsListToken(lastKey, page.isEmpty() ? null : page);
        } catch (IllegalArgumentException e) {
            throw new StorageException("'" + token + "' is not a listing token of a gcs storage; reset the listing"
                    + " position to list from the start");
        }
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8)) + "."
                + (pageToken == null ? "" : pageToken);
    }

    /** True when {@code key} comes after the last key handed out (GCS lists names in UTF-8 byte order). */
    boolean isAfterLastKey(String key) {
        return lastKey == null || Arrays.compareUnsigned(key.getBytes(StandardCharsets.UTF_8),
                lastKey.getBytes(StandardCharsets.UTF_8)) > 0;
    }
}
