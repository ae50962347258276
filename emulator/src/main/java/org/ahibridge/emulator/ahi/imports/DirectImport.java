package org.ahibridge.emulator.ahi.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.json.AhiMetadataFrame;
import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.store.Datastore;

/**
 * Instances stored at once rather than by a job, as STOW-RS stores them: "the same logic as asynchronous
 * import jobs" (docs/aws-healthimaging.md §10). Each Part 10 file is read and checked as an import job reads
 * an object ({@link InstanceReader}, or {@link SpooledInstanceReader} above the spool threshold, one frame in
 * memory at a time), its frames stored as the data store's {@link StoragePolicy} says; {@link #place()} then
 * puts all of them into image sets with the {@link ImageSetAssembler}'s primary and non-primary rules and sends
 * the same image set events. One {@code DirectImport} per request; not thread-safe.
 */
public final class DirectImport {

    /** A file that was read and whose frames are stored, waiting for {@link #place()}. */
    public record Accepted(String key, String sopClassUid, String sopInstanceUid, String studyUid, String seriesUid,
            String warning) {
    }

    /** Where an accepted instance went. */
    public record Placed(String imageSetId, boolean primary) {
    }

    /** A file the import refuses, with the reason an import job's failure line would give. */
    public static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    private final AhiContext context;
    private final String datastoreId;
    private final long spoolThresholdBytes;
    private final StoragePolicy policy;
    private final Map<String, PendingInstance> pending = new LinkedHashMap<>();

    /**
     * @param spoolThresholdBytes files larger than this are read one frame at a time
     *                            ({@link ImportSpool#thresholdBytes()}), smaller ones whole
     */
    public DirectImport(AhiContext context, String datastoreId, long spoolThresholdBytes) {
        this.context = context;
        this.datastoreId = datastoreId;
        this.spoolThresholdBytes = spoolThresholdBytes;
        Datastore datastore = context.store().datastore(datastoreId);
        this.policy = StoragePolicy.forDatastore(datastore.losslessStorageFormat());
    }

    /** Reads a Part 10 file and stores its frames; {@code key} names it in log lines. */
    public Accepted read(String key, Path file) throws Rejected, IOException {
        long size = Files.size(file);
        long maxBytes = context.settings().maxBytesPerFile();
        if (size > maxBytes) {
            throw new Rejected("The file is " + size + " bytes, more than the " + maxBytes
                    + " bytes allowed for one DICOM P10 file");
        }
        PendingInstance instance;
        try {
            instance = size > spoolThresholdBytes ? SpooledInstanceReader.read(key, file, context.store(), policy)
                    : InstanceReader.read(key, Files.readAllBytes(file), context.store(), policy);
        } catch (InstanceReader.Rejected e) {
            throw new Rejected(e.getMessage());
        }
        PendingInstance replaced = pending.put(key, instance);
        if (replaced != null) {
            deleteFrames(replaced);
        }
        return new Accepted(key, instance.dataset().getString(Tags.SOP_CLASS_UID),
                instance.dataset().getString(Tags.SOP_INSTANCE_UID), instance.studyUid(), instance.seriesUid(),
                instance.warning() == null ? null : instance.warning().message());
    }

    /** Drops an accepted instance and its stored frames: it will not be placed. */
    public void discard(String key) {
        PendingInstance instance = pending.remove(key);
        if (instance != null) {
            deleteFrames(instance);
        }
    }

    /** Drops every accepted instance: the request failed as a whole. */
    public void discardAll() {
        new ArrayList<>(pending.keySet()).forEach(this::discard);
    }

    /** Places every accepted instance into image sets, as an import job does, and sends the events. */
    public Map<String, Placed> place() {
        List<PendingInstance> instances = new ArrayList<>(pending.values());
        pending.clear();
        Map<String, Placed> placed = new LinkedHashMap<>();
        if (instances.isEmpty()) {
            return placed;
        }
        ImageSetAssembler.Result result = ImageSetAssembler.assemble(context.store(), datastoreId, instances,
                context.now());
        ImageSetAssembler.announce(context, datastoreId, result);
        result.byKey().forEach((key, p) -> placed.put(key, new Placed(p.imageSetId(), p.primary())));
        return placed;
    }

    private void deleteFrames(PendingInstance instance) {
        for (AhiMetadataFrame frame : instance.frames()) {
            context.store().deleteFrame(frame.id());
        }
    }
}
