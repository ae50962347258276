package org.ahibridge.exporting;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;

/**
 * Puts rebuilt files into the destination under the {@link OverwritePolicy}. A file is first spooled
 * to a local temporary file (flat memory whatever its size; its length and MD5 are then known), then
 * compared with an existing object when the policy asks, then streamed to the store with its size.
 */
final class DestinationWriter {

    /** Writes the file content to the stream it is given. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What happened: written (with the store's info) or kept because an equal or any object existed. */
    record Result(boolean written, long size, String version) {
    }

    private final BlobStore store;
    private final OverwritePolicy policy;
    private final Path spool;

    DestinationWriter(BlobStore store, OverwritePolicy policy, Path spool) {
        this.store = store;
        this.policy = policy;
        this.spool = spool;
    }

    /** The existing object when policy {@code never} will keep it; checked before any frame is fetched. */
    Optional<BlobInfo> keptWithoutLooking(String key) {
        return policy == OverwritePolicy.NEVER ? store.stat(key) : Optional.empty();
    }

    Result put(String key, Content content) throws IOException {
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "export-", ".dcm");
        try {
            MessageDigest md5 = md5();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    64 * 1024), md5)) {
                content.writeTo(out);
            }
            long size = Files.size(file);
            String hash = HexFormat.of().formatHex(md5.digest());
            Optional<BlobInfo> existing = policy == OverwritePolicy.ALWAYS ? Optional.empty() : store.stat(key);
            if (existing.isPresent() && (policy == OverwritePolicy.NEVER || same(existing.get(), size, hash))) {
                return new Result(false, existing.get().size(), existing.get().version());
            }
            try (InputStream in = Files.newInputStream(file)) {
                BlobInfo info = store.write(key, in, size);
                return new Result(true, size, info.version());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private boolean same(BlobInfo existing, long size, String md5Hex) throws IOException {
        if (existing.size() != size) {
            return false;
        }
        if (existing.version().matches("[0-9a-fA-F]{32}")) {
            return existing.version().equalsIgnoreCase(md5Hex);
        }
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(store.open(existing.key()), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest()).equals(md5Hex);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}
