package org.ahibridge.exporting;

import org.ahibridge.ahi.ImageSetSummary;

/**
 * One message of the image-set split: an image set the run selected, or one named by id that GetImageSet could
 * not read ({@code failure} says why), which becomes one FAILED outcome.
 */
public record ImageSetWork(ImageSetSummary summary, String failure) {

    /** Ids only: the summary's DICOM tags hold patient data. */
    @Override
    public String toString() {
        return "ImageSetWork[" + summary.imageSetId() + (failure == null ? "" : " failed") + "]";
    }
}
