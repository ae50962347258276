package org.ahibridge.storage.gcs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobKeys;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.GuardedBlobStore;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.TaggingResult;

import com.google.api.gax.paging.Page;
import com.google.cloud.BaseServiceException;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.Storage.CopyRequest;

/**
 * The {@code gcs} provider: a Google Cloud Storage bucket and a root prefix, over the JSON API client.
 *
 * <ul>
 * <li>Listing uses page tokens, wrapped in a {@link GcsListToken} that can be persisted; when GCS no
 * longer accepts a stored page token the listing resumes with {@code startOffset} after the last key.
 * <li>The version of an object is its MD5 in hex, as for single-part S3 uploads: it changes whenever the
 * content changes and stays when identical bytes are uploaded again, which is what "already imported"
 * means, and an export's {@code if-different} can compare it without reading the object back (a
 * write-only destination could not be read). Composite objects have no MD5; their version is the
 * generation.
 * <li>Reads first look the object up and then read exactly that generation, so a read never mixes
 * two versions and a missing object fails at open, as with the other providers.
 * <li>Writes of at most one chunk are a single upload request; larger or unsized content goes
 * through a resumable upload that holds one chunk in memory. A failed upload is never finalised, so
 * no partial object appears.
 * <li>Copies between stores on the same client are server-side rewrites.
 * <li>GCS has no object tags: {@link #tag} sets them as custom metadata (other keys are kept), which
 * needs {@code storage.objects.update}. Patching metadata keeps the generation, so it does not make
 * the object look changed.
 * </ul>
 */
public final class GcsBlobStore implements BlobStore {

    /** Resumable upload chunk; GCS requires multiples of 256 KiB. */
    public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;
    private static final int CHUNK_UNIT = 256 * 1024;
    /** Read buffer per open stream (the client's default); header reads of a few KiB buffer only that. */
    private static final int READ_CHUNK = 2 * 1024 * 1024;

    private final Storage storage;
    private final String bucket;
    private final String root;
    private final int chunkSize;

    public GcsBlobStore(Storage storage, String bucket, String root) {
        this(storage, bucket, root, DEFAULT_CHUNK_SIZE);
    }

    public GcsBlobStore(Storage storage, String bucket, String root, int chunkSize) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.root = root == null ? "" : root;
        if (chunkSize < CHUNK_UNIT || chunkSize % CHUNK_UNIT != 0) {
            throw new IllegalArgumentException("the GCS upload chunk size must be a positive multiple of 256 KiB: "
                    + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /** The full object name in the bucket for a key of this store. */
    public String objectName(String key) {
        return root + BlobKeys.requireSafe(key);
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public String describe() {
        return "gs://" + bucket + "/" + root;
    }

    @Override
    public ListPage list(String listPrefix, String token, int maxKeys) {
        String prefix = listPrefix == null ? "" : listPrefix;
        String fullPrefix = root + prefix;
        GcsListToken position = GcsListToken.parse(token);
        Page<Blob> page;
        try {
            page = position.pageToken() != null
                    ? storage.list(bucket, BlobListOption.prefix(fullPrefix), BlobListOption.pageSize(maxKeys),
                            BlobListOption.pageToken(position.pageToken()))
                    : storage.list(bucket, BlobListOption.prefix(fullPrefix), BlobListOption.pageSize(maxKeys));
        } catch (BaseServiceException e) {
            if (position.pageToken() == null || GcsErrors.isTransient(e)) {
                throw GcsErrors.translate("listing", describe() + prefix, e);
            }
            page = listAfter(fullPrefix, position, maxKeys, prefix);
        }
        List<BlobInfo> objects = new ArrayList<>();
        String lastKey = position.lastKey();
        for (Blob blob : page.getValues()) {
            String key = blob.getName().substring(root.length());
            // Folder placeholders ("a/b/", made by the console) hold no file.
            if (position.isAfterLastKey(key) && !key.endsWith("/")) {
                objects.add(info(key, blob));
            }
            lastKey = key;
        }
        String next = page.getNextPageToken();
        return new ListPage(objects, next == null || next.isEmpty() || lastKey == null ? null
                : new GcsListToken(lastKey, next).encode());
    }

    // A stored page token GCS no longer honours (expired, another bucket): list again from the last key.
    private Page<Blob> listAfter(String fullPrefix, GcsListToken position, int maxKeys, String prefix) {
        try {
            return storage.list(bucket, BlobListOption.prefix(fullPrefix), BlobListOption.pageSize(maxKeys),
                    BlobListOption.startOffset(root + position.lastKey()));
        } catch (BaseServiceException e) {
            throw GcsErrors.translate("listing", describe() + prefix, e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        return blob(key).map(blob -> info(key, blob));
    }

    @Override
    public InputStream openRange(String key, long from, long to) {
        long start = Math.max(0, from);
        if (to <= start) {
            return InputStream.nullInputStream();
        }
        Blob blob = existing(key);
        if (start >= blob.getSize()) {
            return InputStream.nullInputStream();
        }
        return read(key, blob, start, Math.min(to, blob.getSize()));
    }

    @Override
    public InputStream open(String key) {
        Blob blob = existing(key);
        return read(key, blob, 0, blob.getSize());
    }

    private InputStream read(String key, Blob blob, long from, long to) {
        if (to <= from) {
            return InputStream.nullInputStream();
        }
        ReadChannel channel = null;
        try {
            channel = storage.reader(BlobId.of(bucket, blob.getName(), blob.getGeneration()));
            channel.setChunkSize((int) Math.min(READ_CHUNK, to - from));
            channel.seek(from);
            channel.limit(to);
            return new GcsInputStream(Channels.newInputStream(channel), describe() + key);
        } catch (BaseServiceException e) {
            closeQuietly(channel);
            throw GcsErrors.translate("read", describe() + key, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("GCS read of " + describe() + key + " failed: " + e.getMessage(), true, e);
        }
    }

    private static void closeQuietly(ReadChannel channel) {
        if (channel != null) {
            channel.close();
        }
    }

    @Override
    public BlobInfo write(String key, InputStream content, long size) {
        com.google.cloud.storage.BlobInfo target = com.google.cloud.storage.BlobInfo.newBuilder(bucket, objectName(key))
                .build();
        try {
            if (size >= 0 && size <= chunkSize) {
                byte[] bytes = content.readNBytes((int) size);
                if (bytes.length != size) {
                    throw new StorageException("the content for " + describe() + key + " ended after " + bytes.length
                            + " of " + size + " bytes; nothing was written", true, null);
                }
                Blob written = storage.create(target, bytes, BlobTargetOption.disableGzipContent());
                // GCS answers with the new object's resource; an incomplete answer (the in-memory
                // test fake's) is completed by a lookup below.
                if (written != null && written.getGeneration() != null && written.getMd5() != null) {
                    return info(key, written);
                }
            } else {
                upload(target, content);
            }
        } catch (BaseServiceException e) {
            throw GcsErrors.translate("upload", describe() + key, e);
        } catch (IOException e) {
            throw new StorageException("reading the content for " + describe() + key + " failed: " + e, true, e);
        }
        return stat(key).orElseThrow(() -> new StorageException("uploaded " + describe() + key + " but cannot find it"));
    }

    // One chunk in memory. The channel is closed (which finalises the object) only after the whole
    // content was read: on any failure the resumable session is abandoned and GCS expires it.
    private void upload(com.google.cloud.storage.BlobInfo target, InputStream content) throws IOException {
        WriteChannel channel = storage.writer(target, BlobWriteOption.disableGzipContent());
        channel.setChunkSize(chunkSize);
        byte[] buffer = new byte[CHUNK_UNIT];
        int n;
        while ((n = content.read(buffer)) >= 0) {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        channel.close();
    }

    @Override
    public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
        if (!(GuardedBlobStore.unwrap(source) instanceof GcsBlobStore other) || other.storage != storage) {
            return false;
        }
        Blob blob = other.blob(sourceKey).orElseThrow(() -> new StorageException("cannot copy " + other.describe()
                + sourceKey + ": the object does not exist"));
        try {
            // The generation read by stat, so a concurrent overwrite of the source cannot slip in.
            storage.copy(CopyRequest.newBuilder()
                    .setSource(BlobId.of(other.bucket, blob.getName(), blob.getGeneration()))
                    .setTarget(BlobId.of(bucket, objectName(targetKey)))
                    .build()).getResult();
            return true;
        } catch (BaseServiceException e) {
            throw GcsErrors.translate("copy", other.describe() + sourceKey + " to " + describe() + targetKey, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            storage.delete(BlobId.of(bucket, objectName(key)));
        } catch (BaseServiceException e) {
            if (!GcsErrors.isNotFound(e)) {
                throw GcsErrors.translate("delete", describe() + key, e);
            }
        }
    }

    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        try {
            storage.update(com.google.cloud.storage.BlobInfo.newBuilder(bucket, objectName(key)).setMetadata(tags)
                    .build());
            return TaggingResult.APPLIED;
        } catch (BaseServiceException e) {
            throw GcsErrors.translate("metadata update", describe() + key, e);
        }
    }

    private Optional<Blob> blob(String key) {
        try {
            return Optional.ofNullable(storage.get(BlobId.of(bucket, objectName(key))));
        } catch (BaseServiceException e) {
            if (GcsErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw GcsErrors.translate("lookup", describe() + key, e);
        }
    }

    private Blob existing(String key) {
        return blob(key).orElseThrow(() -> new StorageException("GCS object " + describe() + BlobKeys.requireSafe(key)
                + " does not exist", false, null));
    }

    private static BlobInfo info(String key, Blob blob) {
        return new BlobInfo(key, blob.getSize() == null ? 0 : blob.getSize(), version(blob), updated(blob));
    }

    private static String version(Blob blob) {
        if (blob.getMd5() != null) {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(blob.getMd5()));
        }
        return blob.getGeneration() != null ? String.valueOf(blob.getGeneration())
                : Objects.toString(blob.getCrc32c(), "");
    }

    private static Instant updated(Blob blob) {
        if (blob.getUpdateTimeOffsetDateTime() != null) {
            return blob.getUpdateTimeOffsetDateTime().toInstant();
        }
        return blob.getCreateTimeOffsetDateTime() == null ? null : blob.getCreateTimeOffsetDateTime().toInstant();
    }
}
