package org.ahibridge.ahi;

/** The bytes of one frame as GetImageFrame returns them (stored syntax, docs/aws-healthimaging.md §5.1). */
public record ImageFrame(byte[] bytes, String contentType) {
}
