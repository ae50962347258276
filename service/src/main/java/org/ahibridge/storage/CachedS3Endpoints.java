package org.ahibridge.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointParams;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;

/**
 * S3's endpoint rules, resolved once per bucket and client setting instead of once per request. The SDK runs its
 * rules engine (a few hundred rule checks, string and ARN parsing) twice per request, for the endpoint and for the
 * auth scheme; for the import's small objects that was about a tenth of the SDK's CPU (BENCHMARKS.md, "Import CPU
 * per object"). The answer depends only on the bucket and the client's settings, never on the object key, the
 * listing prefix or the copy source, which the rules do not read (S3EndpointProviderCacheTest checks this
 * for the SDK in use), so those are left out of the cache key. The cache holds at most {@value #MAX_ENTRIES}
 * answers; past that, it resolves without caching (a process reads few buckets).
 */
final class CachedS3Endpoints implements S3EndpointProvider {

    static final int MAX_ENTRIES = 256;

    private final S3EndpointProvider rules;
    private final Map<List<Object>, Endpoint> resolved = new ConcurrentHashMap<>();

    CachedS3Endpoints(S3EndpointProvider rules) {
        this.rules = rules;
    }

    static CachedS3Endpoints defaultRules() {
        return new CachedS3Endpoints(S3EndpointProvider.defaultProvider());
    }

    @Override
    public CompletableFuture<Endpoint> resolveEndpoint(S3EndpointParams params) {
        List<Object> key = key(params);
        Endpoint known = resolved.get(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return rules.resolveEndpoint(params).thenApply(endpoint -> {
            if (resolved.size() < MAX_ENTRIES) {
                resolved.putIfAbsent(key, endpoint);
            }
            return endpoint;
        });
    }

    /** Every parameter the rules read; not key, prefix, copySource or deleteObjectKeys. */
    static List<Object> key(S3EndpointParams p) {
        return Arrays.asList(p.bucket(), p.region(), p.useFips(), p.useDualStack(), p.endpoint(), p.forcePathStyle(),
                p.accelerate(), p.useGlobalEndpoint(), p.useObjectLambdaEndpoint(), p.disableAccessPoints(),
                p.disableMultiRegionAccessPoints(), p.useArnRegion(), p.useS3ExpressControlEndpoint(),
                p.disableS3ExpressSessionAuth());
    }

    int size() {
        return resolved.size();
    }
}
