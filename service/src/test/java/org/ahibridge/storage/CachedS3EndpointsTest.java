package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointParams;
import software.amazon.awssdk.services.s3.endpoints.S3EndpointProvider;

class CachedS3EndpointsTest {

    private static S3EndpointParams.Builder params(String bucket) {
        return S3EndpointParams.builder().bucket(bucket).region(Region.EU_WEST_1).useFips(false).useDualStack(false)
                .forcePathStyle(false).accelerate(false).useGlobalEndpoint(false);
    }

    @Test
    void resolvesOncePerBucketWhateverTheKey() {
        AtomicInteger calls = new AtomicInteger();
        S3EndpointProvider counting = p -> {
            calls.incrementAndGet();
            return S3EndpointProvider.defaultProvider().resolveEndpoint(p);
        };
        CachedS3Endpoints cached = new CachedS3Endpoints(counting);

        Endpoint first = cached.resolveEndpoint(params("source").key("a/1.dcm").build()).join();
        Endpoint again = cached.resolveEndpoint(params("source").key("b/2.dcm").copySource("other/x").build()).join();
        Endpoint other = cached.resolveEndpoint(params("staging").key("a/1.dcm").build()).join();

        assertThat(calls).hasValue(2);
        assertThat(again.url()).isEqualTo(first.url());
        assertThat(first.url().getHost()).startsWith("source.");
        assertThat(other.url().getHost()).startsWith("staging.");
    }

    @Test
    void differentClientSettingsAreNotShared() {
        CachedS3Endpoints cached = CachedS3Endpoints.defaultRules();

        URI virtual = cached.resolveEndpoint(params("source").build()).join().url();
        URI pathStyle = cached.resolveEndpoint(params("source").forcePathStyle(true).build()).join().url();
        URI custom = cached.resolveEndpoint(params("source").forcePathStyle(true).endpoint("http://127.0.0.1:9000")
                .build()).join().url();

        assertThat(virtual.getHost()).startsWith("source.");
        assertThat(pathStyle.getPath()).isEqualTo("/source");
        assertThat(custom).isEqualTo(URI.create("http://127.0.0.1:9000/source"));
        assertThat(cached.size()).isEqualTo(3);
    }

    /**
     * The premise of the cache: the SDK's S3 rules give the same endpoint whatever the key, prefix, copy source and
     * keys to delete. Fails (and the cache must then take those into its key) if an SDK upgrade changes that.
     */
    @Test
    void theSdkRulesDoNotReadTheObjectParameters() {
        S3EndpointProvider rules = S3EndpointProvider.defaultProvider();
        for (S3EndpointParams.Builder base : List.of(params("source"), params("source").forcePathStyle(true),
                params("source").endpoint("http://127.0.0.1:9000"), params("my.dotted.bucket"),
                params("source").useFips(true).useDualStack(true))) {
            Endpoint bare = rules.resolveEndpoint(base.build()).join();
            Endpoint withObject = rules.resolveEndpoint(base.build().toBuilder().key("--x--s3/a b.dcm").prefix("p/")
                    .copySource("src/k?versionId=1").deleteObjectKeys(List.of("k1", "k2")).build()).join();
            assertThat(withObject.url()).isEqualTo(bare.url());
            assertThat(withObject.headers()).isEqualTo(bare.headers());
        }
    }

    @Test
    void stopsCachingWhenFull() {
        AtomicInteger calls = new AtomicInteger();
        CachedS3Endpoints cached = new CachedS3Endpoints(p -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(Endpoint.builder().url(URI.create("http://h/" + p.bucket()))
                    .build());
        });
        for (int i = 0; i <= CachedS3Endpoints.MAX_ENTRIES; i++) {
            cached.resolveEndpoint(params("b" + i).build()).join();
        }
        URI last = cached.resolveEndpoint(params("b" + CachedS3Endpoints.MAX_ENTRIES).build()).join().url();

        assertThat(cached.size()).isEqualTo(CachedS3Endpoints.MAX_ENTRIES);
        assertThat(calls).hasValue(CachedS3Endpoints.MAX_ENTRIES + 2);
        assertThat(last).isEqualTo(URI.create("http://h/b" + CachedS3Endpoints.MAX_ENTRIES));
    }
}
