package org.ahibridge.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Incremental listing for {@link S3BlobStore} with ListObjectsV2 (S3 API reference, ListObjectsV2),
 * never the Camel aws2-s3 consumer, which keeps no durable position (docs/platform.md §0 point 8).
 *
 * <p>The token handed out is {@code base64url(last key) + "." + continuation token}: when S3 rejects a
 * stored continuation token (expired, or from another endpoint) the listing resumes with
 * {@code StartAfter} the last key, and keys at or before the last key are never handed out twice.
 */
final class S3Lister {

    private static final Logger LOG = LoggerFactory.getLogger(S3Lister.class);

    private final S3Client client;
    private final String bucket;
    private final String root;
    private final String description;

    S3Lister(S3Client client, String bucket, String root, String description) {
        this.client = client;
        this.bucket = bucket;
        this.root = root;
        this.description = description;
    }

    ListPage list(String prefix, String token, int maxKeys) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(root + prefix)
                .maxKeys(maxKeys);
        String[] position = decodeToken(token);
        ListObjectsV2Response response;
        try {
            response = client.listObjectsV2(position[1] != null
                    ? request.continuationToken(position[1]).build()
                    : request.startAfter(position[0] == null ? null : root + position[0]).build());
        } catch (SdkException e) {
            if (position[1] == null || e instanceof SdkClientException) {
                throw S3Errors.translate("listing", description + prefix, e);
            }
            LOG.info("S3 rejected a stored continuation token for {}; resuming after the last listed key", description);
            response = listAfter(request, position[0], prefix);
        }
        List<BlobInfo> objects = new ArrayList<>(response.contents().size());
        for (S3Object object : response.contents()) {
            // A token a server does not honour must not replay keys already handed out.
            if (position[0] == null || compareUtf8(object.key(), root + position[0]) > 0) {
                objects.add(new BlobInfo(object.key().substring(root.length()), object.size(),
                        S3BlobStore.unquote(object.eTag()), object.lastModified()));
            }
        }
        String lastKey = response.contents().isEmpty() ? position[0]
                : response.contents().get(response.contents().size() - 1).key().substring(root.length());
        String next = Boolean.TRUE.equals(response.isTruncated()) && lastKey != null
                ? encodeToken(lastKey, response.nextContinuationToken())
                : null;
        return new ListPage(objects, next);
    }

    private ListObjectsV2Response listAfter(ListObjectsV2Request.Builder request, String lastKey, String prefix) {
        try {
            return client.listObjectsV2(request.continuationToken(null).startAfter(root + lastKey).build());
        } catch (SdkException e) {
            throw S3Errors.translate("listing", description + prefix, e);
        }
    }

    // S3 lists keys in UTF-8 binary order.
    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String encodeToken(String lastKey, String continuation) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + (continuation == null ? "" : continuation);
    }

    private static String[] decodeToken(String token) {
        if (token == null) {
            return new String[] {null, null};
        }
        int dot = token.indexOf('.');
        try {
            if (dot < 0) {
                throw new IllegalArgumentException("no '.'");
            }
            String lastKey = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            String continuation = token.substring(dot + 1);
            return new String[] {lastKey, continuation.isEmpty() ? null : continuation};
        } catch (IllegalArgumentException e) {
            throw new StorageException("'" + token + "' is not a listing token of an s3 storage; reset the listing"
                    + " position to list from the start");
        }
    }
}
