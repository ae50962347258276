package org.ahibridge.exporting;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.ahibridge.dicom.json.AhiMetadataFrame;

/**
 * Fetches the frames of one instance in parallel but hands them out in frame order, with at most
 * {@code window} frames fetched or in flight at a time: memory is bounded by the window, not by the
 * number of frames (a 1,000-frame instance holds {@code window} frames at most).
 */
final class FrameWindow {

    private final AhiReader ahi;
    private final String imageSetId;
    private final List<AhiMetadataFrame> frames;
    private final Executor executor;
    private final int window;
    private final Deque<CompletableFuture<AhiReader.Frame>> pending = new ArrayDeque<>();
    private int nextToStart;

    FrameWindow(AhiReader ahi, String imageSetId, List<AhiMetadataFrame> frames, Executor executor, int window) {
        this.ahi = ahi;
        this.imageSetId = imageSetId;
        this.frames = frames;
        this.executor = executor;
        this.window = Math.max(1, window);
    }

    /** The next frame in order, waiting for it; starts fetches to keep the window full. */
    AhiReader.Frame next() {
        fill();
        CompletableFuture<AhiReader.Frame> head = pending.poll();
        if (head == null) {
            throw new IllegalStateException("no more frames");
        }
        try {
            AhiReader.Frame frame = head.get();
            fill();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new IllegalStateException("interrupted while fetching frames", e);
        } catch (ExecutionException e) {
            cancel();
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    /** Stops fetching what has not started (after a failure). */
    void cancel() {
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        nextToStart = frames.size();
    }

    private void fill() {
        while (pending.size() < window && nextToStart < frames.size()) {
            String id = frames.get(nextToStart++).id();
            pending.add(CompletableFuture.supplyAsync(() -> ahi.frame(imageSetId, id), executor));
        }
    }
}
