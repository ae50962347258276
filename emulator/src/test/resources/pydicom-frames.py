"""Writes the frames of a DICOM file as pydicom decodes them, for tests that need a reference decoder
independent of ahi-bridge's (run with Debian's /usr/bin/python3 and python3-pydicom).

usage: pydicom-frames.py FILE OUT

OUT receives, frame after frame:
- Bits Allocated 1: the frame's pixels packed 8 to a byte, first pixel in the least significant bit
  (PS3.5 8.1.1), each frame starting on a byte boundary;
- YBR_FULL_422: the frame as native 4:2:2 bytes (Y0 Y1 Cb Cr per pixel pair), rebuilt from the array
  pydicom expands to full resolution;
- anything else: the samples as little endian int32, component after component (planar).
"""
import sys

import numpy as np
import pydicom

ds = pydicom.dcmread(sys.argv[1])
frames = int(ds.get("NumberOfFrames", 1) or 1)
array = ds.pixel_array
if frames == 1:
    array = array[np.newaxis, ...]
with open(sys.argv[2], "wb") as out:
    for frame in array:
        if ds.BitsAllocated == 1:
            out.write(np.packbits(frame.astype(np.uint8).ravel(), bitorder="little").tobytes())
        elif ds.PhotometricInterpretation == "YBR_FULL_422":
            # pydicom repeats each pair's Cb and Cr; take them once, from the even pixel.
            pairs = frame.reshape(frame.shape[0], frame.shape[1] // 2, 2, 3)
            native = np.stack([pairs[:, :, 0, 0], pairs[:, :, 1, 0], pairs[:, :, 0, 1], pairs[:, :, 0, 2]], axis=-1)
            out.write(native.astype(np.uint8).tobytes())
        else:
            planes = frame[..., np.newaxis] if frame.ndim == 2 else frame
            out.write(np.ascontiguousarray(np.moveaxis(planes, -1, 0)).astype("<i4").tobytes())
