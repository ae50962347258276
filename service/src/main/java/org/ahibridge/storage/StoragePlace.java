package org.ahibridge.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A place in a storage (a registration's location, or an object or folder below it) in the form the
 * access checks compare. Each place is a root ({@code s3://bucket}, {@code file:/}, ...) and path
 * segments; a folder place holds everything below it.
 *
 * <p>Spellings that reach the same data must compare equal, and where a provider could read a name two
 * ways both readings are kept ({@link #of} returns every variant), so a check errs on the side of
 * refusing:
 * <ul>
 * <li>object stores ({@code s3}, {@code azure-blob}, {@code gcs}) compare keys byte for byte, as the
 * services do (case matters), and also with empty, {@code .} and {@code ..} segments resolved, as an
 * HTTP layer or a file-backed S3 server may resolve them; for {@code azure-blob} trailing dots of a
 * segment are ignored in that second reading as well;</li>
 * <li>{@code file} places are compared after resolving symbolic links (the real path of the deepest
 * folder that exists) and also as written, each segment without regard to case, Unicode normal form,
 * or trailing dots and spaces, because Windows and macOS folders ignore those. On a case-sensitive
 * Linux file system this may treat {@code data/RO} as inside {@code data/ro}: refusing there is safe.</li>
 * </ul>
 * Endpoints are not compared: the same bucket name on two endpoints is taken as one bucket.
 */
final class StoragePlace {

    private final String root;
    private final List<String> segments;
    private final boolean folder;

    private StoragePlace(String root, List<String> segments, boolean folder) {
        this.root = root;
        this.segments = List.copyOf(segments);
        this.folder = folder;
    }

    /**
     * The variants of the place {@code relative} names below {@code location}: an object key, or a
     * folder (a prefix, empty for the location itself) when {@code folder} is true. A folder prefix that
     * does not end with '/' selects part of its parent folder, so the parent is taken.
     */
    static List<StoragePlace> of(StorageLocation location, String relative, boolean folder) {
        String below = relative == null ? "" : relative;
        if (folder && !below.isEmpty() && !below.endsWith("/")) {
            below = below.substring(0, below.lastIndexOf('/') + 1);
        }
        if (location.provider() == StorageProvider.FILE) {
            return filePlaces(location.folder(), below, folder);
        }
        String root = location.provider().label() + "://" + location.container();
        List<String> raw = new ArrayList<>(Arrays.asList((location.path() + below).split("/", -1)));
        if (raw.get(raw.size() - 1).isEmpty()) {
            raw.remove(raw.size() - 1);
        }
        List<String> resolved = resolve(raw, location.provider() == StorageProvider.AZURE_BLOB);
        StoragePlace exact = new StoragePlace(root, raw, folder);
        return resolved.equals(raw) ? List.of(exact) : List.of(exact, new StoragePlace(root, resolved, folder));
    }

    /** True when {@code other} is this folder, or lies inside it. */
    boolean contains(StoragePlace other) {
        if (!folder || !root.equals(other.root) || other.segments.size() < segments.size()) {
            return false;
        }
        if (!other.segments.subList(0, segments.size()).equals(segments)) {
            return false;
        }
        return other.segments.size() > segments.size() || other.folder;
    }

    @Override
    public String toString() {
        return root + "/" + String.join("/", segments) + (folder ? "/" : "");
    }

    // Removes empty and "." segments and applies "..", as a path-normalising layer would.
    private static List<String> resolve(List<String> segments, boolean stripTrailingDots) {
        Deque<String> out = new ArrayDeque<>();
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                out.pollLast();
                continue;
            }
            String name = stripTrailingDots ? segment.replaceAll("\\.+$", "") : segment;
            if (!name.isEmpty()) {
                out.addLast(name);
            }
        }
        return new ArrayList<>(out);
    }

    private static List<StoragePlace> filePlaces(Path base, String relative, boolean folder) {
        Path written = (relative.isEmpty() ? base : base.resolve(relative)).toAbsolutePath().normalize();
        StoragePlace asWritten = filePlace(written, folder);
        StoragePlace real = filePlace(realPath(written), folder);
        return real.equals(asWritten) ? List.of(asWritten) : List.of(asWritten, real);
    }

    private static StoragePlace filePlace(Path path, boolean folder) {
        List<String> segments = new ArrayList<>();
        for (Path name : path) {
            segments.add(comparableName(name.toString()));
        }
        String root = "file:" + (path.getRoot() == null ? "" : path.getRoot().toString().toLowerCase(Locale.ROOT));
        return new StoragePlace(root, segments, folder);
    }

    // Windows ignores case and trailing dots and spaces; macOS ignores case and Unicode normal form.
    private static String comparableName(String name) {
        String trimmed = name.replaceAll("[. ]+$", "");
        String kept = trimmed.isEmpty() ? name : trimmed;
        return Normalizer.normalize(kept, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    // The real path of the deepest part that exists, with the rest appended: symbolic links resolved.
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            // A dangling link or a folder we may not read: compare it as written.
            return path;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoragePlace p && p.root.equals(root) && p.segments.equals(segments) && p.folder == folder;
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + segments.hashCode();
    }
}
