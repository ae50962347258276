package org.ahibridge.ahi;

import java.util.Objects;

/**
 * The token buckets that keep one process below AHI's throttling limits (docs/aws-healthimaging.md §8.2), shared
 * by every datastore and direction, since AHI counts per account and region: StartDICOMImportJob (the import's
 * own setting), GetImageFrame (1,000/s: 900), GetImageSetMetadata (50/s: 45), SearchImageSets and GetImageSet
 * (25/s: 20). Each bucket holds one second's worth, so a burst stays within AHI's own burst allowance.
 */
public final class AhiPaces {

    /** Frames per second by default: 90 % of AHI's GetImageFrame limit. */
    public static final double FRAMES_PER_SECOND = 900;
    public static final double METADATA_PER_SECOND = 45;
    public static final double SEARCHES_PER_SECOND = 20;

    private final TokenBucket starts;
    private final TokenBucket frames;
    private final TokenBucket metadata;
    private final TokenBucket searches;
    private final double framesPerSecond;
    private final double metadataPerSecond;
    // Until a frame is measured, assume a cloud round trip: sizing for 50 ms is cheap if AHI is nearer.
    private final LatencyGauge frameLatency = new LatencyGauge(50_000_000L);

    public AhiPaces(TokenBucket starts, double framesPerSecond, double metadataPerSecond, double searchesPerSecond) {
        this.starts = Objects.requireNonNull(starts, "starts");
        this.framesPerSecond = framesPerSecond;
        this.metadataPerSecond = metadataPerSecond;
        this.frames = perSecond(framesPerSecond);
        this.metadata = perSecond(metadataPerSecond);
        this.searches = perSecond(searchesPerSecond);
    }

    /** The default read rates, with the import's start pace. */
    public static AhiPaces withStarts(TokenBucket starts) {
        return new AhiPaces(starts, FRAMES_PER_SECOND, METADATA_PER_SECOND, SEARCHES_PER_SECOND);
    }

    private static TokenBucket perSecond(double rate) {
        return new TokenBucket(rate, (int) Math.max(1, rate));
    }

    TokenBucket starts() {
        return starts;
    }

    TokenBucket frames() {
        return frames;
    }

    TokenBucket metadata() {
        return metadata;
    }

    TokenBucket searches() {
        return searches;
    }

    /** The GetImageFrame rate, from which callers size how many frame fetches they keep in flight. */
    public double framesPerSecond() {
        return framesPerSecond;
    }

    /** How long a GetImageFrame takes, measured by the templates. */
    public LatencyGauge frameLatency() {
        return frameLatency;
    }

    /** The GetImageSetMetadata rate, from which callers size how many metadata fetches they keep in flight. */
    public double metadataPerSecond() {
        return metadataPerSecond;
    }
}
