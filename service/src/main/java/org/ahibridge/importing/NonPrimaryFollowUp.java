package org.ahibridge.importing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.ahibridge.ahi.AhiTagging;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.NonPrimaryImageSet;
import org.ahibridge.ledger.NonPrimaryImageSet.TagState;
import org.ahibridge.ledger.NonPrimaryImageSets;
import org.ahibridge.importing.FileResolution.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the {@link NonPrimaryPolicy} once a job's files have their outcomes (docs/design.md §1 step 7):
 * under {@code report} and {@code tag} each non-primary image set goes on the reconciliation list (the
 * ledger's {@code non_primary_image_set}, shown in run reports); under {@code tag} it is also tagged in
 * AHI, once per image set. Nothing here changes a file's outcome: the instances are in AHI either way,
 * so a tag that cannot be written is logged and reported, never a failed file.
 */
public final class NonPrimaryFollowUp {

    static final String TAG_NON_PRIMARY = "ahi-bridge:non-primary";
    static final String TAG_PRIMARY = "ahi-bridge:primary-image-set";
    static final String TAG_RUN = "ahi-bridge:run";

    private static final Logger LOG = LoggerFactory.getLogger(NonPrimaryFollowUp.class);

    /** Waits between tagging attempts; tests pass one that does not sleep. */
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final NonPrimaryPolicy policy;
    private final NonPrimaryImageSets sets;
    private final Function<String, AhiTagging> tagging;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Pause pause;

    /**
     * @param tagging     the tagging operations of a datastore, by registration name
     * @param maxAttempts TagResource calls per image set while AHI throttles (then the tag is FAILED)
     */
    public NonPrimaryFollowUp(NonPrimaryPolicy policy, NonPrimaryImageSets sets, Function<String, AhiTagging> tagging,
            int maxAttempts, Duration firstBackoff, Pause pause) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sets = sets;
        this.tagging = tagging;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.pause = pause;
    }

    public NonPrimaryPolicy policy() {
        return policy;
    }

    /**
     * Follows up the non-primary files among a job's resolutions. Safe to repeat for the same job (the
     * accounting of a job can be repeated after a crash): an image set is recorded once, and tagged until
     * a tag was written.
     */
    public void accounted(Batch batch, ImportJob job, List<FileResolution> files) {
        if (policy == NonPrimaryPolicy.LEAVE) {
            return;
        }
        Map<String, List<FileResolution>> byImageSet = new LinkedHashMap<>();
        for (FileResolution file : files) {
            boolean imported = file.result() == Result.IMPORTED || file.result() == Result.IMPORTED_WITH_WARNINGS;
            if (imported && file.isNonPrimary() && file.imageSetId() != null) {
                byImageSet.computeIfAbsent(file.imageSetId(), id -> new java.util.ArrayList<>()).add(file);
            }
        }
        byImageSet.forEach((imageSetId, members) -> followUp(batch, job, imageSetId, members));
    }

    private void followUp(Batch batch, ImportJob job, String imageSetId, List<FileResolution> members) {
        String datastore = batch.datastore();
        FileResolution first = members.get(0);
        String series = first.file().verdict() == null ? null : first.file().verdict().seriesInstanceUid();
        String primary = sets.primaryOf(datastore, series).orElse(null);
        boolean recorded = sets.record(new NonPrimaryImageSet(datastore, imageSetId, primary, series,
                first.file().runId(), batch.id(), job.jobId(), members.size(),
                policy == NonPrimaryPolicy.TAG ? TagState.PENDING : TagState.NOT_REQUESTED, null, null));
        if (recorded) {
            LOG.warn("Import job {} put {} file(s) into non-primary image set {} of datastore '{}' (primary image set"
                    + " of the series: {}); it is on the reconciliation list", job.jobId(), members.size(), imageSetId,
                    datastore, primary == null ? "unknown" : primary);
        }
        if (policy != NonPrimaryPolicy.TAG) {
            return;
        }
        NonPrimaryImageSet known = sets.find(datastore, imageSetId).orElseThrow();
        if (known.tagState() == TagState.TAGGED) {
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_NON_PRIMARY, "true");
        String primaryId = known.primaryImageSetId() != null ? known.primaryImageSetId() : primary;
        if (primaryId != null) {
            tags.put(TAG_PRIMARY, primaryId);
        }
        if (known.runId() != null) {
            tags.put(TAG_RUN, known.runId());
        }
        String failure = tag(datastore, job.datastoreId(), imageSetId, tags);
        sets.tagged(datastore, imageSetId, failure == null ? TagState.TAGGED : TagState.FAILED, failure);
    }

    /** Tags the image set, retrying throttling with backoff; returns null on success, else the reason. */
    private String tag(String datastore, String datastoreId, String imageSetId, Map<String, String> tags) {
        Duration wait = firstBackoff;
        for (int attempt = 1;; attempt++) {
            try {
                AhiTagging ahi = tagging.apply(datastore);
                ahi.tagResource(ahi.imageSetArn(datastoreId, imageSetId), tags);
                return null;
            } catch (AhiThrottledException e) {
                if (attempt >= maxAttempts) {
                    return logged(imageSetId, datastore, "throttled " + attempt + " times: " + e.getMessage());
                }
                try {
                    pause.pause(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return logged(imageSetId, datastore, "interrupted while waiting to retry: " + e.getMessage());
                }
                wait = wait.multipliedBy(2);
            } catch (RuntimeException e) {
                return logged(imageSetId, datastore, e.getMessage());
            }
        }
    }

    private static String logged(String imageSetId, String datastore, String reason) {
        LOG.warn("Could not tag non-primary image set {} of datastore '{}': {}. The files stay IMPORTED; the"
                + " run report lists the image set with tagging FAILED", imageSetId, datastore, reason);
        return reason;
    }
}
