package org.ahibridge.storage.azure;

/**
 * Sizes and retries that decide how {@link AzureBlobStore} moves objects. Memory per transfer is bounded
 * by these: one upload holds one block, one download stream one read block.
 *
 * @param blockSize         objects up to this size are uploaded with one Put Blob, larger ones as blocks
 *                          of this size (Put Block + Put Block List; Azure allows 50,000 blocks per
 *                          blob, so 8 MiB blocks reach 390 GiB)
 * @param readBlockSize     how much one download stream fetches per request
 * @param smallReadLimit    ranged reads up to this many bytes are fetched with one GET into memory
 *                          (the classifier's header and trailer reads)
 * @param maxTries          attempts per request by the SDK's retry policy before the error reaches the
 *                          caller, whose own retry rules then apply
 */
public record AzureTuning(int blockSize, int readBlockSize, int smallReadLimit,
        int maxTries) {

    static final int MIB = 1024 * 1024;

    /** 8 MiB blocks (one Put Blob up to that); 4 MiB read blocks; 1 MiB small reads; 3 tries per request. */
    public static final AzureTuning DEFAULT = new AzureTuning(8 * MIB, 4 * MIB, 1 * MIB, 3);

    public AzureTuning {
        if (blockSize < 1 || readBlockSize < 1 || smallReadLimit < 0 || maxTries < 1) {
            throw new IllegalArgumentException("block sizes and tries must be positive");
        }
    }
}
