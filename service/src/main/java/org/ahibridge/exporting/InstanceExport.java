package org.ahibridge.exporting;

import java.util.Optional;

import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.json.AhiMetadataInstance;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.GuardedBlobStore;

/**
 * Exports one instance under the key it claimed: the access check of the key, the overwrite policy
 * ({@code never} decides before any frame is fetched), the rebuild ({@link InstanceRebuilder}) in the run's
 * transfer syntax with frames through a {@link FrameWindow}, and the write. Never throws: every failure becomes
 * a FAILED outcome whose reason names the step (ids and keys only).
 */
final class InstanceExport {

    private final ExportRun run;
    private final FrameWindow.Fetching fetching;
    private final DestinationWriter writer;

    InstanceExport(ExportRun run, FrameWindow.Fetching fetching, DestinationWriter writer) {
        this.run = run;
        this.fetching = fetching;
        this.writer = writer;
    }

    InstanceOutcome export(ImageSetSummary imageSet, AhiMetadataInstance instance, String key) {
        FrameWindow window = null;
        String syntax = instance.storedTransferSyntaxUid();
        try {
            ExportTarget target = run.target();
            // Every expanded key obeys the access mode of any registration it lands in; checked before any frame.
            GuardedBlobStore.requireWritable(target.store(), key);
            Optional<BlobInfo> kept = writer.keptWithoutLooking(key);
            if (kept.isPresent()) {
                return outcome(imageSet, instance, Outcome.SKIPPED_EXISTS, key, "exists (overwrite: never)",
                        kept.get().size(), kept.get().version(), syntax);
            }
            OutputPlan plan = OutputPlan.of(instance, run.request().transferSyntax(),
                    FrameCodecs.decoder().orElse(null));
            syntax = plan.transferSyntax();
            FrameWindow frames = new FrameWindow(fetching, run.ahi(), imageSet.imageSetId(), instance.frames(),
                    plan.frames());
            window = frames;
            DestinationWriter.Result result = writer.put(key,
                    out -> InstanceRebuilder.write(instance, plan, frames, out));
            return result.written()
                    ? outcome(imageSet, instance, Outcome.EXPORTED, key, null, result.size(), result.version(), syntax)
                    : outcome(imageSet, instance, Outcome.SKIPPED_EXISTS, key, "exists (overwrite: "
                            + target.policy().label() + ")", result.size(), result.version(), syntax);
        } catch (Exception e) {
            if (window != null) {
                window.cancel();
            }
            return outcome(imageSet, instance, Outcome.FAILED, key, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), 0, null, syntax);
        }
    }

    static InstanceOutcome outcome(ImageSetSummary imageSet, AhiMetadataInstance instance, Outcome outcome,
            String key, String reason, long size, String version, String syntax) {
        return new InstanceOutcome(outcome, key, reason, imageSet.imageSetId(), imageSet.version(),
                imageSet.isPrimary(), instance.studyInstanceUid(), instance.seriesInstanceUid(),
                instance.sopInstanceUid(), syntax, size, version, instance.frames().size());
    }
}
