package org.ahibridge.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Large-object moves for {@link S3BlobStore}: multipart upload from a stream (one part buffered at a
 * time) and server-side copy, single CopyObject up to the threshold, UploadPartCopy ranges above it.
 * A failed multipart upload is aborted so no parts linger (S3 API: AbortMultipartUpload).
 */
final class S3Multipart {

    private final S3Client client;
    private final String bucket;
    private final S3Tuning tuning;

    S3Multipart(S3Client client, String bucket, S3Tuning tuning) {
        this.client = client;
        this.bucket = bucket;
        this.tuning = tuning;
    }

    S3Tuning tuning() {
        return tuning;
    }

    void upload(String key, InputStream content) throws IOException {
        byte[] part = content.readNBytes(tuning.partSize());
        if (part.length < tuning.partSize()) {
            byte[] whole = part;
            client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(whole));
            return;
        }
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] bytes = part;
                String eTag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(bytes)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
                part = content.readNBytes(tuning.partSize());
            }
            complete(key, uploadId, parts);
        } catch (IOException | SdkException e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    void copy(String sourceBucket, String sourceKey, long size, String targetKey) {
        copy(sourceBucket, sourceKey, size, null, targetKey);
    }

    /**
     * Copies server-side; with {@code ifMatch} (an ETag) every request carries {@code x-amz-copy-source-if-match},
     * so S3 answers 412 PreconditionFailed instead of copying another version of the source.
     */
    void copy(String sourceBucket, String sourceKey, long size, String ifMatch, String targetKey) {
        if (size <= tuning.copyMultipartThreshold()) {
            client.copyObject(b -> b.sourceBucket(sourceBucket).sourceKey(sourceKey).copySourceIfMatch(ifMatch)
                    .destinationBucket(bucket).destinationKey(targetKey));
            return;
        }
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(targetKey)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long from = 0; from < size; from += tuning.copyPartSize()) {
                int number = parts.size() + 1;
                String range = "bytes=" + from + "-" + (Math.min(size, from + tuning.copyPartSize()) - 1);
                String eTag = client.uploadPartCopy(b -> b.sourceBucket(sourceBucket).sourceKey(sourceKey)
                        .copySourceIfMatch(ifMatch).destinationBucket(bucket).destinationKey(targetKey)
                        .uploadId(uploadId).partNumber(number).copySourceRange(range)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            complete(targetKey, uploadId, parts);
        } catch (SdkException e) {
            abort(targetKey, uploadId, e);
            throw e;
        }
    }

    private void complete(String key, String uploadId, List<CompletedPart> parts) {
        client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    private void abort(String key, String uploadId, Exception cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }
}
