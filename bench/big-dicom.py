#!/usr/bin/env python3
"""Writes one large multi-frame CT (explicit VR little endian, native 16-bit pixels) without holding it
in memory: the header is written, then the file is extended to its full size (sparse, zero pixels).
The first, second and last frames start with a 16-byte marker, b"FRAME%08d" % index padded with
spaces, so a reader of the imported frames can tell that it got the right frame and not just zeros.
Usage: big-dicom.py OUT FRAMES (512x512x2 bytes per frame; 4096 frames = 2 GiB of pixel data)."""
import struct, sys

def el(group, elem, vr, value):
    if isinstance(value, str):
        value = value.encode("ascii")
        if len(value) % 2:
            value += b"\0" if vr == "UI" else b" "
    head = struct.pack("<HH2s", group, elem, vr.encode())
    if vr in ("OB", "OW", "UN", "SQ", "UT"):
        return head + b"\0\0" + struct.pack("<I", len(value)) + value
    return head + struct.pack("<H", len(value)) + value

us = lambda v: struct.pack("<H", v)
out, frames = sys.argv[1], int(sys.argv[2])
root = "1.2.826.0.1.3680043.10.1234.77"
sop_class, sop = "1.2.840.10008.5.1.4.1.1.2", root + ".3.1"
meta = (el(2, 1, "OB", b"\0\1") + el(2, 2, "UI", sop_class) + el(2, 3, "UI", sop)
        + el(2, 0x10, "UI", "1.2.840.10008.1.2.1") + el(2, 0x12, "UI", root + ".9"))
header = b"\0" * 128 + b"DICM" + el(2, 0, "UL", struct.pack("<I", len(meta))) + meta
header += (el(8, 0x16, "UI", sop_class) + el(8, 0x18, "UI", sop) + el(8, 0x20, "DA", "20261123")
           + el(8, 0x60, "CS", "CT") + el(0x10, 0x10, "PN", "SAMPLE^BIG") + el(0x10, 0x20, "LO", "SAMPLEBIG")
           + el(0x20, 0x0D, "UI", root + ".1") + el(0x20, 0x0E, "UI", root + ".2") + el(0x20, 0x13, "IS", "1")
           + el(0x28, 2, "US", us(1)) + el(0x28, 4, "CS", "MONOCHROME2") + el(0x28, 8, "IS", str(frames))
           + el(0x28, 0x10, "US", us(512)) + el(0x28, 0x11, "US", us(512)) + el(0x28, 0x100, "US", us(16))
           + el(0x28, 0x101, "US", us(16)) + el(0x28, 0x102, "US", us(15)) + el(0x28, 0x103, "US", us(0)))
pixels = 512 * 512 * 2 * frames
header += el(0x7FE0, 0x10, "OW", b"")[:-4] + struct.pack("<I", pixels)
with open(out, "wb") as f:
    f.write(header)
    f.truncate(len(header) + pixels)
    for index in sorted({0, min(1, frames - 1), frames - 1}):
        f.seek(len(header) + index * 512 * 512 * 2)
        f.write(b"FRAME%08d   " % index)
print(len(header) + pixels)
