package org.ahibridge.exporting;

import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.dicom.json.AhiMetadataInstance;

/**
 * One message of the instance split: an instance of an image set with the key it claimed, or an outcome
 * already decided before any frame moves (a failed image set, a key collision, an unusable key), which passes
 * through to the audit and dead-letter endpoints like any other.
 */
public record InstanceWork(ImageSetSummary imageSet, AhiMetadataInstance instance, String key,
        InstanceOutcome decided) {

    static InstanceWork of(ImageSetSummary imageSet, AhiMetadataInstance instance, String key) {
        return new InstanceWork(imageSet, instance, key, null);
    }

    static InstanceWork decided(ImageSetSummary imageSet, InstanceOutcome outcome) {
        return new InstanceWork(imageSet, null, outcome.key(), outcome);
    }

    /** Ids only: the instance's data set holds patient data. */
    @Override
    public String toString() {
        return "InstanceWork[" + (imageSet == null ? null : imageSet.imageSetId()) + " "
                + (instance == null ? "decided " + decided.outcome() : instance.sopInstanceUid()) + "]";
    }
}
