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
        public Frame frame(String imageSetId, String imageFrameId) {
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
                return new Frame(imageFrameId.getBytes(), "application/octet-stream");
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public SearchPage search(List<SearchTerm> filters, String nextToken) {
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

    @Test
    void shouldHandOutFramesInOrderWithAtMostTheWindowInFlight() {
        Frames ahi = new Frames();
        FrameWindow window = new FrameWindow(ahi, "set", frames(200), pool, 4);

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            order.add(new String(window.next().bytes()));
        }

        assertThat(order).containsExactlyElementsOf(frames(200).stream().map(AhiMetadataFrame::id).toList());
        assertThat(ahi.peak.get()).isBetween(1, 4);
    }

    @Test
    void shouldPassOnTheFailureOfAFrame() {
        List<AhiMetadataFrame> list = new ArrayList<>(frames(3));
        list.add(1, new AhiMetadataFrame("bad", -1, -1, 0, 0, null, null));
        FrameWindow window = new FrameWindow(new Frames(), "set", list, pool, 2);

        window.next();

        assertThatThrownBy(window::next).isInstanceOf(AhiRejectedException.class).hasMessageContaining("gone");
    }
}
