package org.ahibridge.storage.azure;

/**
 * Sizes and retries that decide how {@link AzureBlobStore} moves objects. Memory per transfer is bounded
 * by these: one upload holds one block, one download stream one read block.
 *
 * @param singleUploadLimit objects of known size up to this are uploaded with one Put Blob; larger ones
 *                          and streams of unknown size as blocks (Put Block + Put Block List)
 * @param blockSize         the size of each staged block (Azure allows up to 4000 MiB and 50,000 blocks
 *                          per blob, so 8 MiB blocks reach 390 GiB)
 * @param readBlockSize     how much one download stream fetches per request
 * @param smallReadLimit    ranged reads up to this many bytes are fetched with one GET into memory
 *                          (the classifier's header and trailer reads)
 * @param maxTries          attempts per request by the SDK's retry policy before the error reaches the
 *                          caller, whose own retry rules then apply
 */
public record AzureTuning(long singleUploadLimit, int blockSize, int readBlockSize, int smallReadLimit,
        int maxTries) {

    static final int MIB = 1024 * 1024;

    /** Single Put Blob up to 32 MiB, 8 MiB blocks above; 4 MiB read blocks; 3 tries per request. */
    public static final AzureTuning DEFAULT = new AzureTuning(32L * MIB, 8 * MIB, 4 * MIB, 1 * MIB, 3);

    public AzureTuning {
        if (blockSize < 1 || readBlockSize < 1 || smallReadLimit < 0 || maxTries < 1) {
            throw new IllegalArgumentException("block sizes and tries must be positive");
        }
        if (singleUploadLimit > 5000L * MIB) {
            throw new IllegalArgumentException("a single Put Blob is limited to 5000 MiB");
        }
    }
}
