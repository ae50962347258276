package org.ahibridge.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a folder listing. Files are visited depth first with the entries of each directory in
 * name order, so a key's position depends only on its path segments; the continuation token is the
 * last key returned and resuming skips every path that sorts before it. Memory holds one directory's
 * names per level, never the whole tree. Symbolic links are not listed.
 */
final class FolderLister {

    private final Path root;
    private final String prefix;
    private final String[] after;
    private final int maxKeys;
    private final List<BlobInfo> found = new ArrayList<>();

    FolderLister(Path root, String prefix, String token, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1: " + maxKeys);
        }
        this.root = root;
        this.prefix = prefix;
        this.after = token == null ? null : token.split("/", -1);
        this.maxKeys = maxKeys;
    }

    ListPage page() {
        try {
            walk(root, "", 0, after != null);
        } catch (IOException e) {
            throw new StorageException("cannot list " + root + ": " + e, true, e);
        }
        if (found.size() > maxKeys) {
            List<BlobInfo> page = found.subList(0, maxKeys);
            return new ListPage(page, page.get(maxKeys - 1).key());
        }
        return new ListPage(found, null);
    }

    static BlobInfo info(String key, BasicFileAttributes attributes) {
        long modified = attributes.lastModifiedTime().toMillis();
        String version = Long.toHexString(modified) + "-" + Long.toHexString(attributes.size());
        return new BlobInfo(key, attributes.size(), version, attributes.lastModifiedTime().toInstant());
    }

    // constrained: every entry at this depth must sort at or after after[depth].
    private boolean walk(Path directory, String keyPrefix, int depth, boolean constrained) throws IOException {
        for (String name : sortedNames(directory)) {
            int order = constrained ? name.compareTo(after[depth]) : 1;
            if (order < 0) {
                continue;
            }
            String key = keyPrefix + name;
            Path path = directory.resolve(name);
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isDirectory()) {
                // Equal to the token's segment: resume inside; the token's own key as a folder: all of it follows.
                boolean resume = order == 0 && depth + 1 < after.length;
                if (couldMatch(key + "/") && walk(path, key + "/", depth + 1, resume)) {
                    return true;
                }
            } else if (attributes.isRegularFile() && order > 0 && key.startsWith(prefix)) {
                found.add(info(key, attributes));
                if (found.size() > maxKeys) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean couldMatch(String directoryKey) {
        return directoryKey.startsWith(prefix) || prefix.startsWith(directoryKey);
    }

    private static List<String> sortedNames(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
