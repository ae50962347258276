package org.ahibridge.emulator.ahi.imports;

/** An {@code s3://bucket/key-prefix} URI split into bucket and key prefix (no leading slash). */
public record S3Location(String bucket, String prefix) {

    public static S3Location parse(String uri) {
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The URI of a key in this bucket. */
    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
