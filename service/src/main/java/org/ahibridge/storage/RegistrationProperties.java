package org.ahibridge.storage;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Storages and datastores as configured (docs/design.md §2), before validation. {@link Registrations#from}
 * checks them all at startup and reports every problem with its configuration key.
 *
 * <pre>
 * ahibridge:
 *   s3:                       # defaults for every s3 storage and ad-hoc s3:// URI
 *     region: eu-west-1
 *     endpoint: http://127.0.0.1:4566
 *     path-style: true
 *     max-connections: 128    # per S3 client: requests in flight at once (default 128)
 *   storages:
 *     inbox:   { location: "file:data/inbox", access: read }
 *     landing: { location: "s3://landing-bucket/dicom/", access: read }
 *     archive: { location: "gs://archive-bucket/dicom/", access: write, project: my-project }
 *   datastores:
 *     main:
 *       datastore-id: 0123456789abcdef0123456789abcdef
 *       region: eu-west-1
 *       data-access-role-arn: arn:aws:iam::123456789012:role/ImportJobDataAccessRole
 *       staging: s3://staging-bucket/ahi-staging/
 *       output: s3://output-bucket/ahi-output/
 *       access: read-write
 * </pre>
 */
@ConfigurationProperties("ahibridge")
public record RegistrationProperties(Map<String, Storage> storages, Map<String, Datastore> datastores,
        S3Defaults s3) {

    public RegistrationProperties {
        storages = storages == null ? Map.of() : storages;
        datastores = datastores == null ? Map.of() : datastores;
        s3 = s3 == null ? new S3Defaults(null, null, null, null) : s3;
    }

    /**
     * One storage: {@code location} is a storage URI or folder; {@code provider} may be omitted when the
     * location's scheme names it. {@code region}, {@code endpoint} and {@code path-style} override the
     * {@code ahibridge.s3} defaults for an s3 storage. For a gcs storage, {@code project} and
     * {@code endpoint} (an emulator) are optional; credentials come from Application Default Credentials.
     */
    public record Storage(String provider, String location, String access, String region, URI endpoint,
            Boolean pathStyle, String project) {

        @ConstructorBinding
        public Storage {
        }

        public Storage(String provider, String location, String access, String region, URI endpoint,
                Boolean pathStyle) {
            this(provider, location, access, region, endpoint, pathStyle, null);
        }
    }

    /**
     * One AHI datastore. {@code staging} and {@code output} are {@code s3://} URIs or names of registered
     * s3 storages; both are required when the access mode allows writing (ahi-bridge's import).
     */
    public record Datastore(String datastoreId, String region, URI endpoint, String dataAccessRoleArn,
            String staging, String output, String access) {
    }

    /**
     * Defaults for S3 connections; credentials always come from the AWS default credentials chain.
     * {@code maxConnections} sizes each S3 client's connection pool (null: {@link S3Clients#DEFAULT_MAX_CONNECTIONS}).
     */
    public record S3Defaults(String region, URI endpoint, Boolean pathStyle, Integer maxConnections) {

        @ConstructorBinding
        public S3Defaults {
        }

        public S3Defaults(String region, URI endpoint, Boolean pathStyle) {
            this(region, endpoint, pathStyle, null);
        }

        public int effectiveMaxConnections() {
            return maxConnections == null ? S3Clients.DEFAULT_MAX_CONNECTIONS : maxConnections;
        }

        public S3Connection connection() {
            return new S3Connection(region, endpoint, pathStyle != null && pathStyle);
        }
    }
}
