package org.ahibridge.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The {@code s3} provider, for AWS and any S3-compatible endpoint: a bucket and a root prefix.
 *
 * <ul>
 * <li>Listing uses ListObjectsV2 with continuation tokens ({@link S3Lister}).
 * <li>Ranged reads use GetObject with a {@code Range} header; nothing is buffered.
 * <li>Writes use PutObject up to {@link S3Tuning#multipartThreshold()}, multipart upload above it (one
 * part in memory at a time).
 * <li>Copies inside one endpoint are server-side: CopyObject up to 5 GiB, UploadPartCopy above. A copy of a
 * known version sends {@code x-amz-copy-source-if-match} with the listed ETag instead of a HEAD first.
 * <li>Batches of deletes use DeleteObjects, {@value #DELETE_BATCH} keys per request, in quiet mode.
 * <li>Tags use GetObjectTagging and PutObjectTagging (the object's other tags are kept); a server without
 * tagging (s3proxy answers 501 NotImplemented, whatever its backend) gives {@link TaggingResult#UNSUPPORTED}
 * and the ledger stays the only record of the verdict.
 * </ul>
 */
public final class S3BlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);
    static final int MAX_TAGS = 10;
    /** S3 DeleteObjects takes at most 1,000 keys per request. */
    static final int DELETE_BATCH = 1000;

    private final S3Client client;
    private final S3Connection connection;
    private final String bucket;
    private final String root;
    private final S3Multipart multipart;
    private final S3Lister lister;
    private volatile boolean taggingUnsupported;

    public S3BlobStore(S3Client client, S3Connection connection, String bucket, String root, S3Tuning tuning) {
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.root = root == null ? "" : root;
        this.multipart = new S3Multipart(client, bucket, tuning);
        this.lister = new S3Lister(client, bucket, this.root, describe());
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
        return lister.list(prefix == null ? "" : prefix, token, maxKeys);
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key(objectKey(key)));
            // The ETag, as in listings (ListObjectsV2 has no version ids), so both name a version alike.
            String version = unquote(head.eTag());
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
        put(key, content, size);
        return stat(key).orElseThrow(() -> new StorageException("uploaded " + describe() + key
                + " but cannot find it"));
    }

    /**
     * A PutObject whose body is the source opened anew for each attempt: the SDK retries a failed upload (a reset
     * connection, a 5xx), and a stream it already sent cannot be sent again. Multipart uploads buffer each part,
     * so they retry parts by themselves.
     */
    @Override
    public void putFrom(BlobStore source, String sourceKey, String key, long size) {
        if (size < 0 || size > multipart.tuning().multipartThreshold()) {
            BlobStore.super.putFrom(source, sourceKey, key, size);
            return;
        }
        String objectKey = objectKey(key);
        List<InputStream> opened = new ArrayList<>();
        try {
            client.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromContentProvider(() -> {
                closeAll(opened);
                InputStream in = source.open(sourceKey);
                opened.add(in);
                return in;
            }, size, "application/octet-stream"));
        } catch (SdkException e) {
            throw S3Errors.translate("upload", describe() + key, e);
        } finally {
            closeAll(opened);
        }
    }

    private static void closeAll(List<InputStream> streams) {
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                // a source stream that fails to close has been read or abandoned already
            }
        }
        streams.clear();
    }

    @Override
    public void put(String key, InputStream content, long size) {
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

    /**
     * One CopyObject (or UploadPartCopy for more than 5 GiB, sized by the expected version) with
     * {@code x-amz-copy-source-if-match}: S3 refuses with 412 when the source is another version now, and
     * with 404 NoSuchKey when it is gone, so no HEAD is needed before or after.
     */
    @Override
    public CopyOutcome copyServerSideIfUnchanged(BlobStore source, BlobInfo expected, String targetKey) {
        if (!(GuardedBlobStore.unwrap(source) instanceof S3BlobStore other) || !other.connection.equals(connection)) {
            return CopyOutcome.NOT_SERVER_SIDE;
        }
        try {
            multipart.copy(other.bucket, other.objectKey(expected.key()), expected.size(),
                    "\"" + expected.version() + "\"", objectKey(targetKey));
            return CopyOutcome.COPIED_SERVER_SIDE;
        } catch (SdkException e) {
            if (e instanceof AwsServiceException service && service.statusCode() == 412) {
                return CopyOutcome.SOURCE_CHANGED;
            }
            if (S3Errors.isNotFound(e) && "NoSuchKey".equals(S3Errors.errorCode(e))) {
                return CopyOutcome.SOURCE_MISSING;
            }
            throw S3Errors.translate("copy", other.describe() + expected.key() + " to " + describe() + targetKey, e);
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

    /** DeleteObjects in quiet mode, {@value #DELETE_BATCH} keys per request; S3 reports only the keys it failed. */
    @Override
    public int deleteAll(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> chunk = all.subList(from, Math.min(all.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(objectKey(k)).build()).toList();
            DeleteObjectsResponse response;
            try {
                response = client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(chunk).quiet(true)));
            } catch (SdkException e) {
                throw S3Errors.translate("DeleteObjects", describe() + " (" + chunk.size() + " keys)", e);
            }
            List<S3Error> errors = response.errors().stream().filter(err -> !"NoSuchKey".equals(err.code())).toList();
            if (!errors.isEmpty()) {
                S3Error first = errors.get(0);
                throw new StorageException("S3 DeleteObjects in " + describe() + " failed for " + errors.size() + " of "
                        + chunk.size() + " keys, first " + first.code() + ": " + first.message(), true, null);
            }
        }
        return all.size();
    }

    /**
     * Adds {@code tags} to the object's tag set: GetObjectTagging, then PutObjectTagging with the object's
     * other tags kept (PutObjectTagging replaces the whole set, and S3 allows at most
     * {@value #MAX_TAGS} tags per object). Our keys overwrite earlier values of the same keys.
     */
    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        if (taggingUnsupported) {
            return TaggingResult.UNSUPPORTED;
        }
        String objectKey = objectKey(key);
        try {
            Map<String, String> merged = new LinkedHashMap<>();
            client.getObjectTagging(b -> b.bucket(bucket).key(objectKey)).tagSet()
                    .forEach(t -> merged.put(t.key(), t.value()));
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw new StorageException("object '" + BlobKeys.printable(key) + "' in " + describe() + " has "
                        + (merged.size() - tags.size()) + " other tags; with ours it would exceed S3's " + MAX_TAGS
                        + " tags per object, so it was not tagged", false, null);
            }
            List<Tag> tagSet = merged.entrySet().stream()
                    .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
            client.putObjectTagging(b -> b.bucket(bucket).key(objectKey).tagging(t -> t.tagSet(tagSet)));
            return TaggingResult.APPLIED;
        } catch (SdkException e) {
            if (S3Errors.isNotImplemented(e)) {
                taggingUnsupported = true;
                LOG.info("{} does not support object tagging; verdicts are kept in the ledger only", describe());
                return TaggingResult.UNSUPPORTED;
            }
            throw S3Errors.translate("object tagging", describe() + key, e);
        }
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }


}
