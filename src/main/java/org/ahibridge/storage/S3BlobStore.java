package org.ahibridge.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The {@code s3} provider, for AWS and any S3-compatible endpoint: a bucket and a root prefix.
 *
 * <ul>
 * <li>Listing uses ListObjectsV2 with continuation tokens. The token handed out also carries the last
 * key, so an expired or foreign token falls back to {@code StartAfter} and the listing still resumes.
 * <li>Ranged reads use GetObject with a {@code Range} header; nothing is buffered.
 * <li>Writes use PutObject up to {@link S3Tuning#multipartThreshold()}, multipart upload above it (one
 * part in memory at a time).
 * <li>Copies inside one endpoint are server-side: CopyObject up to 5 GiB, UploadPartCopy above.
 * <li>Tags use PutObjectTagging; a server without tagging (s3proxy answers 501 NotImplemented) gives
 * {@link TaggingResult#UNSUPPORTED} and the ledger stays the only record of the verdict.
 * </ul>
 */
public final class S3BlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client client;
    private final S3Connection connection;
    private final String bucket;
    private final String root;
    private final S3Multipart multipart;
    private volatile boolean taggingUnsupported;

    public S3BlobStore(S3Client client, S3Connection connection, String bucket, String root, S3Tuning tuning) {
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.root = root == null ? "" : root;
        this.multipart = new S3Multipart(client, bucket, tuning);
    }

    /** The full object key in the bucket for a key of this store (what AHI reports as inputFile). */
    public String objectKey(String key) {
        return root + BlobKeys.requireSafe(key);
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + root;
    }

    @Override
    public ListPage list(String prefix, String token, int maxKeys) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
                .prefix(root + (prefix == null ? "" : prefix)).maxKeys(maxKeys);
        String[] position = decodeToken(token);
        ListObjectsV2Response response;
        try {
            response = client.listObjectsV2(position[1] != null
                    ? request.continuationToken(position[1]).build()
                    : request.startAfter(position[0] == null ? null : root + position[0]).build());
        } catch (SdkException e) {
            if (position[1] == null || e instanceof software.amazon.awssdk.core.exception.SdkClientException) {
                throw S3Errors.translate("listing", describe() + prefix, e);
            }
            LOG.info("S3 rejected a stored continuation token for {}; resuming after the last listed key",
                    describe());
            response = listAfter(request, position[0], prefix);
        }
        List<BlobInfo> objects = new ArrayList<>(response.contents().size());
        for (S3Object object : response.contents()) {
            // A token a server does not honour must not replay keys already handed out.
            if (position[0] == null || compareUtf8(object.key(), root + position[0]) > 0) {
                objects.add(new BlobInfo(object.key().substring(root.length()), object.size(),
                        unquote(object.eTag()), object.lastModified()));
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
            throw S3Errors.translate("listing", describe() + prefix, e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(objectKey(key)));
            String version = head.versionId() != null && !"null".equals(head.versionId())
                    ? head.versionId() : unquote(head.eTag());
            return Optional.of(new BlobInfo(key, head.contentLength(), version, head.lastModified()));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.translate("HeadObject", describe() + key, e);
        }
    }

    @Override
    public InputStream openRange(String key, long from, long to) {
        long start = Math.max(0, from);
        if (to <= start) {
            return new ByteArrayInputStream(new byte[0]);
        }
        try {
            return client.getObject(b -> b.bucket(bucket).key(objectKey(key)).range("bytes=" + start + "-" + (to - 1)));
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                    && service.statusCode() == 416) {
                return new ByteArrayInputStream(new byte[0]);
            }
            throw S3Errors.translate("ranged GetObject", describe() + key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return client.getObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw S3Errors.translate("GetObject", describe() + key, e);
        }
    }

    @Override
    public BlobInfo write(String key, InputStream content, long size) {
        String objectKey = objectKey(key);
        try {
            if (size >= 0 && size <= multipart.tuning().multipartThreshold()) {
                client.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromInputStream(content, size));
            } else {
                multipart.upload(objectKey, content);
            }
        } catch (SdkException e) {
            throw S3Errors.translate("upload", describe() + key, e);
        } catch (IOException e) {
            throw new StorageException("reading the content for " + describe() + key + " failed: " + e, true, e);
        }
        return stat(key).orElseThrow(() -> new StorageException("uploaded " + describe() + key + " but cannot find it"));
    }

    @Override
    public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
        if (!(GuardedBlobStore.unwrap(source) instanceof S3BlobStore other) || !other.connection.equals(connection)) {
            return false;
        }
        BlobInfo info = other.stat(sourceKey).orElseThrow(() -> new StorageException("cannot copy "
                + other.describe() + sourceKey + ": the object does not exist"));
        try {
            multipart.copy(other.bucket, other.objectKey(sourceKey), info.size(), objectKey(targetKey));
            return true;
        } catch (SdkException e) {
            throw S3Errors.translate("copy", other.describe() + sourceKey + " to " + describe() + targetKey, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw S3Errors.translate("DeleteObject", describe() + key, e);
        }
    }

    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        if (taggingUnsupported) {
            return TaggingResult.UNSUPPORTED;
        }
        List<Tag> tagSet = tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                .toList();
        try {
            client.putObjectTagging(b -> b.bucket(bucket).key(objectKey(key)).tagging(t -> t.tagSet(tagSet)));
            return TaggingResult.APPLIED;
        } catch (SdkException e) {
            if (S3Errors.isNotImplemented(e)) {
                taggingUnsupported = true;
                LOG.info("{} does not support object tagging; verdicts are kept in the ledger only", describe());
                return TaggingResult.UNSUPPORTED;
            }
            throw S3Errors.translate("PutObjectTagging", describe() + key, e);
        }
    }

    // S3 lists keys in UTF-8 binary order.
    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }

    // Token = base64url(last key) + "." + S3 continuation token; base64url never contains '.'.
    private static String encodeToken(String lastKey, String continuation) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + (continuation == null ? "" : continuation);
    }

    private static String[] decodeToken(String token) {
        if (token == null) {
            return new String[] {null, null};
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw new StorageException("'" + token + "' is not a listing token of an s3 storage");
        }
        try {
            String lastKey = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            String continuation = token.substring(dot + 1);
            return new String[] {lastKey, continuation.isEmpty() ? null : continuation};
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("corrupt listing token", e));
        }
    }
}
