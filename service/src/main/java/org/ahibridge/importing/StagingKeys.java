package org.ahibridge.importing;

import java.nio.charset.StandardCharsets;

/**
 * Keys of staged copies (docs/design.md §1 step 5): {@code <batch-id>/<object-id>-<escaped source key>}
 * under the staging location, so that each batch's prefix holds only its own files, in one flat folder
 * (AHI allows at most 10,000 folders per job, docs/aws-healthimaging.md §8.1).
 *
 * <p>The ledger's object id makes every staging key unique, even for equal keys from two storages, so
 * the {@code inputFile} of the job's output maps back to exactly one source object through the ledger.
 * The source key stays readable: ASCII letters, digits, '.', '_' and '-' are kept, every other byte of
 * its UTF-8 form (including '/', spaces and non-ASCII characters) becomes {@code !XX}, and a leading
 * '.' is escaped so no staged file is hidden. Keys longer than S3's 1,024 bytes keep their end.
 */
public final class StagingKeys {

    /** S3's maximum key length in bytes. */
    static final int MAX_KEY_BYTES = 1024;

    private StagingKeys() {
    }

    /** The batch's folder under the staging root prefix (which is empty or ends with '/'). */
    public static String batchPrefix(String stagingRoot, String batchId) {
        return stagingRoot + batchId + "/";
    }

    /** The staging key, relative to the staging storage's root, for one object of a batch. */
    public static String stagingKey(String stagingRoot, String batchId, long objectId, String sourceKey) {
        String head = objectId + "-";
        String escaped = escape(sourceKey);
        int room = MAX_KEY_BYTES - stagingRoot.getBytes(StandardCharsets.UTF_8).length - batchId.length() - 1
                - head.length();
        if (escaped.length() > room) {
            escaped = escaped.substring(escaped.length() - Math.max(0, room));
        }
        return batchId + "/" + head + escaped;
    }

    static String escape(String key) {
        StringBuilder out = new StringBuilder(key.length() + 16);
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '_' || b == '-' || (b == '.' && i > 0);
            if (plain) {
                out.append((char) b);
            } else {
                out.append('!').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
