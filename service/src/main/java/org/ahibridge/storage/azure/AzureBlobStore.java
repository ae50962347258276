package org.ahibridge.storage.azure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobKeys;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.CopyOutcome;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.TaggingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;

/**
 * The {@code azure-blob} provider: a container of a storage account and a root prefix
 * ({@code azure-blob://account/container/prefix/}).
 *
 * <ul>
 * <li>Listing uses List Blobs (flat); the token is the service's continuation marker prefixed with
 * {@code azure:}. Folder marker blobs of accounts with a hierarchical namespace are skipped.
 * <li>The version of an object is its ETag without quotes, in listings and in {@link #stat} alike. Unlike
 * S3's content-MD5 ETag it changes on every write, so re-uploading identical content is a new version.
 * <li>Small ranged reads are one GET; larger reads stream in {@link AzureTuning#readBlockSize()} requests,
 * pinned to the ETag seen when the stream opened, so a blob replaced mid-read fails instead of mixing.
 * <li>Writes are one Put Blob up to {@link AzureTuning#blockSize()}, else blocks of that size staged one
 * at a time from one buffer ({@link AzureBlockUpload}).
 * <li>No server-side copy: the only copies the bridge makes go to S3 staging.
 * <li>Tags are blob index tags; an account without them gives {@link TaggingResult#UNSUPPORTED}.
 * </ul>
 */
public final class AzureBlobStore implements BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(AzureBlobStore.class);
    private static final String TOKEN_PREFIX = "azure:";

    private final BlobContainerClient container;
    private final String account;
    private final String root;
    private final AzureTuning tuning;
    private volatile boolean taggingUnsupported;

    public AzureBlobStore(BlobContainerClient container, String account, String root, AzureTuning tuning) {
        this.container = Objects.requireNonNull(container, "container");
        this.account = Objects.requireNonNull(account, "account");
        this.root = root == null ? "" : root;
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    /** The full blob name in the container for a key of this store. */
    public String blobName(String key) {
        return root + BlobKeys.requireSafe(key);
    }

    @Override
    public String describe() {
        return "azure-blob://" + account + "/" + container.getBlobContainerName() + "/" + root;
    }

    @Override
    public ListPage list(String prefix, String token, int maxKeys) {
        String fullPrefix = root + (prefix == null ? "" : prefix);
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(fullPrefix).setMaxResultsPerPage(maxKeys)
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        String marker = marker(token);
        try {
            Iterator<PagedResponse<BlobItem>> pages = container.listBlobs(options, marker, null)
                    .iterableByPage(maxKeys).iterator();
            if (!pages.hasNext()) {
                return new ListPage(List.of(), null);
            }
            PagedResponse<BlobItem> page = pages.next();
            List<BlobInfo> objects = new ArrayList<>(page.getValue().size());
            for (BlobItem item : page.getValue()) {
                if (!isFolderMarker(item.getMetadata()) && item.getName().startsWith(root)) {
                    Long size = item.getProperties().getContentLength();
                    objects.add(new BlobInfo(item.getName().substring(root.length()), size == null ? 0 : size,
                            unquote(item.getProperties().getETag()),
                            instant(item.getProperties().getLastModified())));
                }
            }
            String next = page.getContinuationToken();
            return new ListPage(objects, next == null || next.isEmpty() ? null : TOKEN_PREFIX + next);
        } catch (RuntimeException e) {
            StorageException failure = AzureErrors.translate("listing", describe() + prefix, e);
            if (token != null && !failure.isTransient()) {
                throw new StorageException(failure.getMessage() + " (the stored listing token may not belong to"
                        + " this container; reset the listing position to list from the start)", false, e);
            }
            throw failure;
        }
    }

    // The service's marker, tagged so a token of another provider is refused instead of misread.
    private static String marker(String token) {
        if (token == null) {
            return null;
        }
        if (!token.startsWith(TOKEN_PREFIX) || token.length() == TOKEN_PREFIX.length()) {
            throw new StorageException("'" + token + "' is not a listing token of an azure-blob storage; reset the"
                    + " listing position to list from the start");
        }
        return token.substring(TOKEN_PREFIX.length());
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        try {
            BlobProperties properties = blob(key).getProperties();
            if (isFolderMarker(properties.getMetadata())) {
                return Optional.empty();
            }
            return Optional.of(new BlobInfo(key, properties.getBlobSize(), unquote(properties.getETag()),
                    instant(properties.getLastModified())));
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw AzureErrors.translate("Get Blob Properties", describe() + key, e);
        }
    }

    @Override
    public InputStream openRange(String key, long from, long to) {
        long start = Math.max(0, from);
        if (to <= start) {
            return new ByteArrayInputStream(new byte[0]);
        }
        long count = to - start;
        BlobClient blob = blob(key);
        try {
            if (count <= tuning.smallReadLimit()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) count);
                blob.downloadStreamWithResponse(bytes, new BlobRange(start, count), null, null, false, null,
                        Context.NONE);
                return new ByteArrayInputStream(bytes.toByteArray());
            }
            return blob.openInputStream(new BlobInputStreamOptions().setRange(new BlobRange(start, count))
                    .setBlockSize(tuning.readBlockSize()));
        } catch (RuntimeException e) {
            if (AzureErrors.isInvalidRange(e)) {
                return new ByteArrayInputStream(new byte[0]);
            }
            throw AzureErrors.translate("ranged Get Blob", describe() + key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return blob(key).openInputStream(new BlobInputStreamOptions().setBlockSize(tuning.readBlockSize()));
        } catch (RuntimeException e) {
            throw AzureErrors.translate("Get Blob", describe() + key, e);
        }
    }

    @Override
    public BlobInfo write(String key, InputStream content, long size) {
        try {
            return new AzureBlockUpload(blob(key).getBlockBlobClient(), tuning).upload(key, content, size);
        } catch (RuntimeException e) {
            throw AzureErrors.translate("upload", describe() + key, e);
        } catch (IOException e) {
            throw new StorageException("reading the content for " + describe() + key + " failed: " + e, true, e);
        }
    }

    /**
     * Always false. A server-side Copy Blob would need the source authorised by URL (SAS or Entra ID on
     * the source), and the bridge never copies into Azure anyway: imports stage into S3, exports write.
     */
    @Override
    public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
        return false;
    }

    @Override
    public CopyOutcome copyServerSideIfUnchanged(BlobStore source, BlobInfo expected, String targetKey) {
        return CopyOutcome.NOT_SERVER_SIDE;
    }

    @Override
    public void delete(String key) {
        try {
            blob(key).deleteIfExists();
        } catch (RuntimeException e) {
            throw AzureErrors.translate("Delete Blob", describe() + key, e);
        }
    }

    /** Azure allows at most 10 blob index tags per blob. */
    private static final int MAX_BLOB_INDEX_TAGS = 10;

    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        if (taggingUnsupported) {
            return TaggingResult.UNSUPPORTED;
        }
        try {
            // Set Blob Tags replaces the whole set: keep the owner's other tags, as S3BlobStore.tag does.
            Map<String, String> merged = new LinkedHashMap<>(blob(key).getTags());
            merged.putAll(tags);
            if (merged.size() > MAX_BLOB_INDEX_TAGS) {
                throw new StorageException("blob '" + BlobKeys.printable(key) + "' in " + describe() + " has "
                        + (merged.size() - tags.size()) + " other tags; with ours it would exceed Azure's "
                        + MAX_BLOB_INDEX_TAGS + " index tags per blob, so it was not tagged", false, null);
            }
            blob(key).setTags(merged);
            return TaggingResult.APPLIED;
        } catch (RuntimeException e) {
            if (AzureErrors.isTaggingUnsupported(e)) {
                taggingUnsupported = true;
                LOG.info("{} does not support blob index tags; verdicts are kept in the ledger only", describe());
                return TaggingResult.UNSUPPORTED;
            }
            throw AzureErrors.translate("Set Blob Tags", describe() + key, e);
        }
    }

    private BlobClient blob(String key) {
        return container.getBlobClient(blobName(key));
    }

    // Accounts with a hierarchical namespace (Data Lake Gen2) list directories as empty blobs.
    private static boolean isFolderMarker(Map<String, String> metadata) {
        return metadata != null && "true".equalsIgnoreCase(metadata.get("hdi_isfolder"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static String unquote(String eTag) {
        if (eTag == null) {
            return "";
        }
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }
}
