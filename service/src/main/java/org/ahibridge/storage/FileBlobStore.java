package org.ahibridge.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code file} provider: a folder whose files are the objects. Keys are paths relative to the
 * folder with '/' separators; {@link BlobKeys} and a real-path check keep every access inside the
 * folder (symbolic links pointing outside are refused and never listed).
 *
 * <p>Writes go to a temporary {@code .~ahi-*.tmp} file beside the target and are then moved into
 * place, so a reader never sees half a file. Tags are not supported ({@link TaggingResult#UNSUPPORTED}).
 */
public final class FileBlobStore implements BlobStore {

    private final Path root;

    public FileBlobStore(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new StorageException("cannot open folder " + root + ": " + e.getMessage(), false, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "file:" + root;
    }

    @Override
    public ListPage list(String prefix, String token, int maxKeys) {
        return new FolderLister(root, prefix == null ? "" : prefix, token, maxKeys).page();
    }

    @Override
    public Optional<BlobInfo> stat(String key) {
        Path file = resolve(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(FolderLister.info(key, attributes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("stat", key, e);
        }
    }

    @Override
    public InputStream openRange(String key, long from, long to) {
        Path file = existing(key);
        try {
            SeekableByteChannel channel = Files.newByteChannel(file);
            channel.position(Math.max(0, from));
            return new BoundedInputStream(Channels.newInputStream(channel), to - Math.max(0, from));
        } catch (IOException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return Files.newInputStream(existing(key));
        } catch (IOException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public BlobInfo write(String key, InputStream content, long size) {
        Path target = resolve(key);
        try {
            requireInside(deepestExisting(target.getParent()), key);
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(".~ahi-" + UUID.randomUUID() + ".tmp");
            try {
                Files.copy(content, temporary);
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw failure("write", key, e);
        }
        return stat(key).orElseThrow(() -> new StorageException("wrote " + key + " but cannot find it"));
    }

    @Override
    public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
        if (!(GuardedBlobStore.unwrap(source) instanceof FileBlobStore folder)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(folder.existing(sourceKey))) {
            write(targetKey, in, -1);
            return true;
        } catch (IOException e) {
            throw failure("copy", sourceKey, e);
        }
    }

    @Override
    public CopyOutcome copyServerSideIfUnchanged(BlobStore source, BlobInfo expected, String targetKey) {
        if (!(GuardedBlobStore.unwrap(source) instanceof FileBlobStore)) {
            return CopyOutcome.NOT_SERVER_SIDE;
        }
        return BlobStore.super.copyServerSideIfUnchanged(source, expected, targetKey);
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        return TaggingResult.UNSUPPORTED;
    }

    private Path resolve(String key) {
        Path path = root.resolve(BlobKeys.requireSafe(key)).normalize();
        if (!path.startsWith(root)) {
            throw new StorageException("object key '" + BlobKeys.printable(key) + "' leaves " + describe());
        }
        return path;
    }

    private Path existing(String key) {
        Path path = resolve(key);
        requireInside(path, key);
        return path;
    }

    // A symbolic link inside the folder could point anywhere; follow it only when it stays inside.
    private void requireInside(Path path, String key) {
        try {
            if (!path.toRealPath().startsWith(root)) {
                throw new StorageException("object key '" + BlobKeys.printable(key)
                        + "' resolves outside " + describe() + " through a symbolic link");
            }
        } catch (NoSuchFileException e) {
            throw new StorageException("object '" + BlobKeys.printable(key) + "' does not exist in "
                    + describe(), false, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Checked before creating folders, so a linked folder cannot make us create anything outside.
    private static Path deepestExisting(Path path) {
        Path existing = path;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private StorageException failure(String action, String key, IOException e) {
        return new StorageException("cannot " + action + " '" + BlobKeys.printable(key) + "' in " + describe()
                + ": " + e, !(e instanceof NoSuchFileException), e);
    }
}
