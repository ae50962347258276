package org.ahibridge.dicom.codec;

import java.util.List;

/** A decoded codestream: its components with their geometry, precision, signedness and samples. */
public record DecodedImage(List<Component> components) {

    /**
     * One component.
     *
     * @param dx      horizontal sub-sampling (XRsiz); 1 at full resolution
     * @param dy      vertical sub-sampling (YRsiz)
     * @param samples {@code width x height} values in raster order
     */
    public record Component(int width, int height, int dx, int dy, int precision, boolean signed, int[] samples) {
    }

    /** The components' samples checked against a layout: count, size, full resolution and precision. */
    int[][] planesFor(FrameLayout layout) throws CodecException {
        if (components.size() != layout.samplesPerPixel()) {
            throw new CodecException("the codestream has " + components.size() + " components, the data set "
                    + layout.samplesPerPixel() + " samples per pixel");
        }
        int[][] planes = new int[components.size()][];
        for (int c = 0; c < planes.length; c++) {
            Component component = components.get(c);
            if (component.width() != layout.columns() || component.height() != layout.rows() || component.dx() != 1
                    || component.dy() != 1) {
                throw new CodecException("component " + c + " is " + component.width() + "x" + component.height()
                        + " (sub-sampling " + component.dx() + "x" + component.dy() + "), the data set says "
                        + layout.columns() + "x" + layout.rows());
            }
            if (component.precision() > layout.bitsAllocated()) {
                throw new CodecException("component " + c + " has " + component.precision()
                        + "-bit samples, more than the " + layout.bitsAllocated() + " bits allocated");
            }
            planes[c] = component.samples();
        }
        return planes;
    }
}
