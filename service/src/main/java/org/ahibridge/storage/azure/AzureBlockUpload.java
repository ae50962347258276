package org.ahibridge.storage.azure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.ahibridge.storage.BlobInfo;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;

/**
 * One upload to a block blob with bounded memory (Azure Blob REST reference, Put Blob, Put Block and
 * Put Block List). The content is read one block at a time into a single reused buffer: content that
 * fits in the first block goes in one Put Blob, anything longer as blocks, each staged before the next is
 * read, and the list committed at the end.
 *
 * <p>A failed upload leaves only uncommitted blocks, which Azure discards after a week; the blob keeps its
 * previous content until the commit.
 */
final class AzureBlockUpload {

    private static final int MAX_BLOCKS = 50_000;

    private final BlockBlobClient client;
    private final AzureTuning tuning;

    AzureBlockUpload(BlockBlobClient client, AzureTuning tuning) {
        this.client = client;
        this.tuning = tuning;
    }

    BlobInfo upload(String key, InputStream content, long size) throws IOException {
        // The SDK needs a replayable body to retry a request, and the caller's stream is not one: every
        // request is sent from this one buffer, so memory stays at one block whatever the object size.
        boolean fitsOneBlock = size >= 0 && size <= tuning.blockSize();
        byte[] block = new byte[fitsOneBlock ? (int) size : tuning.blockSize()];
        int filled = content.readNBytes(block, 0, block.length);
        if (fitsOneBlock || filled < block.length) {
            requireAnnounced(size, filled);
            BlockBlobItem item = client.uploadWithResponse(new BlockBlobSimpleUploadOptions(
                    BinaryData.fromByteBuffer(ByteBuffer.wrap(block, 0, filled))), null, Context.NONE).getValue();
            return info(key, filled, item);
        }
        // Ids are unique per upload, so two writers of one blob never commit each other's blocks.
        String uploadId = UUID.randomUUID().toString();
        List<String> blockIds = new ArrayList<>();
        long total = 0;
        while (filled > 0) {
            if (blockIds.size() == MAX_BLOCKS) {
                throw new IOException("the content exceeds " + MAX_BLOCKS + " blocks of " + block.length + " bytes");
            }
            String blockId = Base64.getEncoder().encodeToString(String.format("%s-%06d", uploadId, blockIds.size())
                    .getBytes(StandardCharsets.US_ASCII));
            client.stageBlock(blockId, BinaryData.fromByteBuffer(ByteBuffer.wrap(block, 0, filled)));
            blockIds.add(blockId);
            total += filled;
            filled = content.readNBytes(block, 0, block.length);
        }
        requireAnnounced(size, total);
        BlockBlobItem item = client.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(blockIds), null,
                Context.NONE).getValue();
        return info(key, total, item);
    }

    private static void requireAnnounced(long size, long actual) throws IOException {
        if (size >= 0 && actual != size) {
            throw new IOException("the content held " + actual + " bytes, not the " + size + " announced");
        }
    }

    private static BlobInfo info(String key, long size, BlockBlobItem item) {
        return new BlobInfo(key, size, AzureBlobStore.unquote(item.getETag()),
                item.getLastModified() == null ? null : item.getLastModified().toInstant());
    }
}
