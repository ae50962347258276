package org.ahibridge.exporting;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.ahibridge.ahi.ImageFrame;
import org.ahibridge.dicom.json.AhiMetadataFrame;

/**
 * Fetches the frames of one instance in parallel but hands them out in frame order. Each fetch holds a
 * permit of the process's {@link FrameBudget} from before it starts until the writer takes the frame, so the
 * frames in memory are bounded by the budget, never by the instance (a 1,000-frame instance holds at most a
 * window's worth). A fetch may also turn the stored frame into the written one ({@link FrameOutput}), so
 * decoding runs beside the fetches of other frames.
 */
final class FrameWindow {

    private final AhiReader ahi;
    private final String imageSetId;
    private final List<AhiMetadataFrame> frames;
    private final FrameOutput output;
    private final Fetching fetching;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private int nextToStart;

    /** What the fetches of every instance share: the threads, the budget and the per-instance cap. */
    record Fetching(Executor executor, FrameBudget budget, int window) {
    }

    private record Pending(CompletableFuture<byte[]> frame, long size) {
    }

    FrameWindow(Fetching fetching, AhiReader ahi, String imageSetId, List<AhiMetadataFrame> frames,
            FrameOutput output) {
        this.fetching = fetching;
        this.ahi = ahi;
        this.imageSetId = imageSetId;
        this.frames = frames;
        this.output = output;
    }

    /** The next frame in order, as it is to be written, waiting for it; starts fetches to keep the window full. */
    byte[] next() {
        try {
            fill();
            Pending head = pending.poll();
            if (head == null) {
                throw new IllegalStateException("no more frames");
            }
            byte[] frame;
            try {
                frame = head.frame().get();
            } finally {
                fetching.budget().release(head.size());
            }
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

    /** Stops fetching what has not started and gives the permits back (after a failure). */
    void cancel() {
        for (Pending p : pending) {
            p.frame().cancel(false);
            fetching.budget().release(p.size());
        }
        pending.clear();
        nextToStart = frames.size();
    }

    private void fill() throws InterruptedException {
        while (pending.size() < fetching.window() && nextToStart < frames.size()) {
            AhiMetadataFrame frame = frames.get(nextToStart);
            long size = output.bufferedSize(frame);
            // Wait for a permit only while this instance holds none, so instances cannot wait on each other.
            if (pending.isEmpty()) {
                fetching.budget().acquire(size);
            } else if (!fetching.budget().tryAcquire(size)) {
                return;
            }
            nextToStart++;
            pending.add(new Pending(CompletableFuture.supplyAsync(() -> {
                ImageFrame stored = ahi.frame(imageSetId, frame.id());
                return output.written(frame, stored.bytes());
            }, fetching.executor()), size));
        }
    }
}
