package org.ahibridge.exporting;

import java.util.Optional;
import java.util.concurrent.Executor;


import org.ahibridge.dicom.json.AhiMetadataInstance;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.GuardedBlobStore;

/**
 * Exports one instance: its key from the path template, the overwrite policy ({@code never} decides
 * before any frame is fetched), the rebuild ({@link InstanceRebuilder}) with frames through a
 * {@link FrameWindow}, and the write. Never throws: every failure becomes a FAILED outcome whose
 * reason names the step (ids and keys only).
 */
final class InstanceExport {

    private final AhiReader ahi;
    private final ExportTarget target;
    private final DestinationWriter writer;
    private final Executor frames;
    private final int window;
    private final ImageSetSummary imageSet;
    private final AhiMetadataInstance instance;

    InstanceExport(AhiReader ahi, ExportTarget target, DestinationWriter writer, Executor frames, int window,
            ImageSetSummary imageSet, AhiMetadataInstance instance) {
        this.ahi = ahi;
        this.target = target;
        this.writer = writer;
        this.frames = frames;
        this.window = window;
        this.imageSet = imageSet;
        this.instance = instance;
    }

    InstanceOutcome call() {
        String key;
        try {
            key = target.prefix() + target.template().keyFor(instance.dataset(), imageSet.imageSetId(),
                    target.datastoreId());
        } catch (RuntimeException e) {
            return outcome(Outcome.FAILED, null, "path: " + e.getMessage(), 0, null);
        }
        FrameWindow window = null;
        try {
            // Every expanded key obeys the access mode of any registration it lands in; checked before any frame moves.
            GuardedBlobStore.requireWritable(target.store(), key);
            Optional<BlobInfo> kept = writer.keptWithoutLooking(key);
            if (kept.isPresent()) {
                return outcome(Outcome.SKIPPED_EXISTS, key, "exists (overwrite: never)", kept.get().size(),
                        kept.get().version());
            }
            FrameWindow fetcher = new FrameWindow(ahi, imageSet.imageSetId(), instance.frames(), frames, this.window);
            window = fetcher;
            DestinationWriter.Result result = writer.put(key,
                    out -> InstanceRebuilder.write(instance, instance.pixelDataVr(), fetcher, out));
            return result.written() ? outcome(Outcome.EXPORTED, key, null, result.size(), result.version())
                    : outcome(Outcome.SKIPPED_EXISTS, key, "exists (overwrite: " + target.policy().label() + ")",
                            result.size(), result.version());
        } catch (Exception e) {
            if (window != null) {
                window.cancel();
            }
            return outcome(Outcome.FAILED, key, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, null);
        }
    }

    private InstanceOutcome outcome(Outcome outcome, String key, String reason, long size, String version) {
        return new InstanceOutcome(outcome, key, reason, imageSet.imageSetId(), imageSet.version(),
                imageSet.isPrimary(), instance.studyInstanceUid(), instance.seriesInstanceUid(),
                instance.sopInstanceUid(), instance.storedTransferSyntaxUid(), size, version, instance.frames().size());
    }
}
