package org.ahibridge.storage;

import java.net.URI;

/**
 * How to reach an S3 endpoint: the region (null: the SDK's default region chain), an endpoint override
 * for S3-compatible servers (null: AWS), and whether to use path-style addressing (needed by most
 * S3-compatible servers). Credentials are never configured here: they come from the AWS default
 * credentials chain.
 */
public record S3Connection(String region, URI endpoint, boolean pathStyle) {

    public static final S3Connection AWS_DEFAULT = new S3Connection(null, null, false);

    /** This connection with unset values taken from {@code defaults}. */
    public S3Connection orElse(S3Connection defaults) {
        return new S3Connection(region != null ? region : defaults.region,
                endpoint != null ? endpoint : defaults.endpoint, pathStyle || defaults.pathStyle);
    }
}
