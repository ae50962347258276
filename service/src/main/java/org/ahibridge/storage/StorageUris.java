package org.ahibridge.storage;

import java.util.Locale;

/**
 * Parses storage URIs as the commands and configuration accept them (docs/design.md §6):
 * {@code file:/data/in}, {@code file:///data/in}, {@code file:relative/folder}, a plain folder path,
 * {@code s3://bucket/prefix/}, {@code azure-blob://account/container/prefix} and
 * {@code gs://bucket/prefix}. S3 bucket names follow the S3 naming rules (3-63 characters of
 * lower-case letters, digits, dots and hyphens).
 */
public final class StorageUris {

    private StorageUris() {
    }

    /** True when the text looks like a URI rather than a registration name. */
    public static boolean isUri(String text) {
        return text.contains(":") || text.contains("/");
    }

    /** Parses a URI, or throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static StorageLocation parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("the storage location is empty");
        }
        String text = uri.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://")) {
            String[] parts = bucketAndPrefix(text.substring(5), uri);
            requireBucketName(parts[0], uri);
            return new StorageLocation(StorageProvider.S3, parts[0], parts[1]);
        }
        if (lower.startsWith("gs://")) {
            String[] parts = bucketAndPrefix(text.substring(5), uri);
            requireGcsBucketName(parts[0], uri);
            return new StorageLocation(StorageProvider.GCS, parts[0], parts[1]);
        }
        if (lower.startsWith("azure-blob://")) {
            String[] account = bucketAndPrefix(text.substring(13), uri);
            String[] container = bucketAndPrefix(account[1], uri);
            requireAzureNames(account[0], container[0], uri);
            return new StorageLocation(StorageProvider.AZURE_BLOB, account[0] + "/" + container[0], container[1]);
        }
        if (lower.startsWith("file:")) {
            String path = text.substring(5);
            if (path.startsWith("//")) {
                path = path.substring(2);
                if (!path.startsWith("/")) {
                    throw new IllegalArgumentException("'" + uri + "' names a host; use file:/absolute/folder"
                            + " or file:relative/folder");
                }
            }
            return folder(path, uri);
        }
        if (text.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("'" + uri + "' has an unknown scheme; use s3://, file:,"
                    + " azure-blob:// or gs://");
        }
        return folder(text, uri);
    }

    private static StorageLocation folder(String path, String uri) {
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + uri + "' does not name a folder");
        }
        return new StorageLocation(StorageProvider.FILE, null, path);
    }

    private static String[] bucketAndPrefix(String rest, String uri) {
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("'" + uri + "' has no bucket or container name");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (!prefix.isEmpty() && BlobKeys.problem(prefix.substring(0, prefix.length() - 1)) != null) {
            throw new IllegalArgumentException("'" + uri + "' has an unusable prefix: "
                    + BlobKeys.problem(prefix.substring(0, prefix.length() - 1)));
        }
        return new String[] {bucket, prefix};
    }

    /** The storage account of an {@code azure-blob} location ({@code account/container}). */
    public static String azureAccount(StorageLocation location) {
        return location.container().substring(0, location.container().indexOf('/'));
    }

    // Azure's naming rules: accounts 3-24 lower-case letters and digits; containers 3-63 lower-case
    // letters, digits and single hyphens, starting and ending with a letter or digit.
    private static void requireAzureNames(String account, String container, String uri) {
        if (!account.matches("[a-z0-9]{3,24}")) {
            throw new IllegalArgumentException("'" + uri + "': '" + account + "' is not a valid Azure storage"
                    + " account name (3-24 lower-case letters and digits)");
        }
        if (!container.matches("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("'" + uri + "': '" + container + "' is not a valid Azure container"
                    + " name (3-63 lower-case letters, digits and single hyphens)");
        }
    }

    // GCS naming rules: 3-63 characters, or up to 222 in dot-separated parts of at most 63.
    private static void requireGcsBucketName(String bucket, String uri) {
        boolean valid = bucket.matches("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]")
                && (bucket.length() <= 63 || bucket.contains("."))
                && java.util.Arrays.stream(bucket.split("\\.")).allMatch(part -> part.length() <= 63);
        if (!valid) {
            throw new IllegalArgumentException("'" + uri + "': '" + bucket + "' is not a valid GCS bucket name"
                    + " (3-63 lower-case letters, digits, '-', '_' and '.')");
        }
    }

    private static void requireBucketName(String bucket, String uri) {
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("'" + uri + "': '" + bucket + "' is not a valid S3 bucket name"
                    + " (3-63 lower-case letters, digits, dots and hyphens)");
        }
    }
}
