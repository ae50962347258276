package org.ahibridge.storage;

import java.util.List;

/**
 * Rules for object keys handed to a {@link BlobStore}: relative, '/' separated, no empty, "." or ".."
 * segments, no backslash and no NUL. These keys can never name anything outside the store's root,
 * whatever the provider.
 */
public final class BlobKeys {

    private BlobKeys() {
    }

    /** Returns the key when it is safe, else throws {@link StorageException} saying why. */
    public static String requireSafe(String key) {
        String problem = problem(key);
        if (problem != null) {
            throw new StorageException("unsafe object key '" + printable(key) + "': " + problem);
        }
        return key;
    }

    /** Why the key is unsafe, or null when it is safe; the reason does not quote the key. */
    public static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return "the key is empty";
        }
        if (key.indexOf('\0') >= 0) {
            return "the key contains a NUL character";
        }
        if (key.indexOf('\\') >= 0) {
            return "the key contains a backslash; use '/' as the separator";
        }
        if (key.startsWith("/")) {
            return "the key is absolute; keys are relative to the storage root";
        }
        for (String segment : List.of(key.split("/", -1))) {
            if (segment.isEmpty()) {
                return "the key has an empty path segment";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "the key has a '" + segment + "' path segment";
            }
        }
        return null;
    }

    /** The key with control characters replaced, safe to print in a message. */
    public static String printable(String key) {
        if (key == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return out.toString();
    }
}
