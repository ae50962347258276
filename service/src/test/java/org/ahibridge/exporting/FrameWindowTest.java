package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.ImageFrame;
import org.ahibridge.ahi.ImageSetPage;
import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.ahi.SearchTerm;
import org.ahibridge.dicom.json.AhiMetadataFrame;

class FrameWindowTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Frames whose bytes name them, fetched with random delays; counts fetches running at once. */
    static final class Frames implements AhiReader {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        @Override
        public ImageFrame frame(String imageSetId, String imageFrameId) {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.onSpinWait();
                long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(200_000);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                if (imageFrameId.equals("bad")) {
                    throw new AhiRejectedException("GetImageFrame", "ResourceNotFoundException", 404, "gone", null);
                }
                return new ImageFrame(imageFrameId.getBytes(), "application/octet-stream");
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public ImageSetPage search(List<SearchTerm> filters, String nextToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ImageSetSummary imageSet(String imageSetId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonNode metadata(String imageSetId, int version) {
            throw new UnsupportedOperationException();
        }
    }

    private static List<AhiMetadataFrame> frames(int n) {
        List<AhiMetadataFrame> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new AhiMetadataFrame("f" + i, -1, -1, 0, 0, null, null));
        }
        return list;
    }

    /** A budget of {@code frames} frames whatever the latency, and a per-instance window. */
    private FrameWindow.Fetching fetching(int frames, int window) {
        ExportSettings settings = new ExportSettings(1, 1, frames, frames, 1L << 30, 1.0, window, null);
        return new FrameWindow.Fetching(pool, new FrameBudget(900, () -> 1_000_000L, settings), window);
    }

    @Test
    void shouldHandOutFramesInOrderWithAtMostTheWindowInFlight() {
        Frames ahi = new Frames();
        FrameWindow window = new FrameWindow(fetching(64, 4), ahi, "set", frames(200), FrameOutput.STORED);

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            order.add(new String(window.next()));
        }

        assertThat(order).containsExactlyElementsOf(frames(200).stream().map(AhiMetadataFrame::id).toList());
        assertThat(ahi.peak.get()).isBetween(1, 4);
    }

    @Test
    void shouldKeepTheFramesOfSeveralInstancesWithinTheSharedBudgetAndGiveEveryPermitBack() throws Exception {
        Frames ahi = new Frames();
        FrameWindow.Fetching shared = fetching(6, 4);
        List<java.util.concurrent.Future<List<String>>> instances = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(5);
        try {
            for (int n = 0; n < 5; n++) {
                instances.add(writers.submit(() -> {
                    FrameWindow window = new FrameWindow(shared, ahi, "set", frames(50), FrameOutput.STORED);
                    List<String> order = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        order.add(new String(window.next()));
                    }
                    return order;
                }));
            }
            for (var instance : instances) {
                assertThat(instance.get()).containsExactlyElementsOf(frames(50).stream().map(AhiMetadataFrame::id)
                        .toList());
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(ahi.peak.get()).as("fetches at once across instances").isBetween(1, 6);
        assertThat(shared.budget().inFlight()).isZero();
    }

    @Test
    void shouldPassOnTheFailureOfAFrameAndGiveItsPermitsBack() {
        List<AhiMetadataFrame> list = new ArrayList<>(frames(3));
        list.add(1, new AhiMetadataFrame("bad", -1, -1, 0, 0, null, null));
        FrameWindow.Fetching fetching = fetching(8, 2);
        FrameWindow window = new FrameWindow(fetching, new Frames(), "set", list, FrameOutput.STORED);

        window.next();

        assertThatThrownBy(window::next).isInstanceOf(AhiRejectedException.class).hasMessageContaining("gone");
        assertThat(fetching.budget().inFlight()).isZero();
    }

    @Test
    void shouldSizeTheBudgetFromRateTimesLatencyWithinItsBounds() {
        ExportSettings settings = ExportSettings.DEFAULT;
        long[] latency = {20_000_000L};
        FrameBudget budget = new FrameBudget(900, () -> latency[0], settings);

        int at20ms = budget.limit();
        latency[0] = 100_000L;
        int atLoopback = budget.limit();
        latency[0] = 2_000_000_000L;
        int atTwoSeconds = budget.limit();

        assertThat(at20ms).as("900/s x 20 ms x headroom 2").isEqualTo(36);
        assertThat(atLoopback).isEqualTo(settings.minFramesInFlight());
        assertThat(atTwoSeconds).isEqualTo(settings.maxFramesInFlight());
    }
}
