#!/usr/bin/env python3
"""Writes multi-frame grayscale instances for the export benchmark (bench/export-latency.sh): Multi-frame
Grayscale Word Secondary Capture, explicit VR little endian, native 16-bit pixels of a smooth pattern with
some noise (so HTJ2K has work to do), distinct UIDs, SERIES instances per series, one study.
Usage: multiframe.py OUT INSTANCES FRAMES [SIZE=128] [PER_SERIES=50] [SEED=1]"""
import os, random, struct, sys

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
out, instances, frames = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
size = int(sys.argv[4]) if len(sys.argv) > 4 else 128
per_series = int(sys.argv[5]) if len(sys.argv) > 5 else 50
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 1
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
root = "2.25.%d" % (77000000 + seed)
sop_class = "1.2.840.10008.5.1.4.1.1.7.3"
noise = [rng.randrange(16) for _ in range(size * size)]
for i in range(instances):
    series, sop = "%s.2.%d" % (root, i // per_series), "%s.3.%d" % (root, i)
    meta = (el(2, 1, "OB", b"\0\1") + el(2, 2, "UI", sop_class) + el(2, 3, "UI", sop)
            + el(2, 0x10, "UI", "1.2.840.10008.1.2.1") + el(2, 0x12, "UI", root + ".9"))
    data = (el(8, 0x16, "UI", sop_class) + el(8, 0x18, "UI", sop) + el(8, 0x20, "DA", "20261207")
            + el(8, 0x60, "CS", "OT") + el(8, 0x64, "CS", "WSD") + el(0x10, 0x10, "PN", "BENCH^EXPORT")
            + el(0x10, 0x20, "LO", "BENCH%d" % seed) + el(0x20, 0x0D, "UI", root + ".1")
            + el(0x20, 0x0E, "UI", series) + el(0x20, 0x11, "IS", str(i // per_series + 1))
            + el(0x20, 0x13, "IS", str(i + 1)) + el(0x28, 2, "US", us(1)) + el(0x28, 4, "CS", "MONOCHROME2")
            + el(0x28, 8, "IS", str(frames)) + el(0x28, 0x10, "US", us(size)) + el(0x28, 0x11, "US", us(size))
            + el(0x28, 0x100, "US", us(16)) + el(0x28, 0x101, "US", us(12)) + el(0x28, 0x102, "US", us(11))
            + el(0x28, 0x103, "US", us(0)))
    pixels = bytearray()
    for f in range(frames):
        base = (i * 7 + f * 13) % 1024
        pixels += struct.pack("<%dH" % (size * size),
                              *[(base + (p % size) + (p // size) * 2 + noise[p]) & 0x0FFF for p in range(size * size)])
    with open(os.path.join(out, "mf-%05d.dcm" % i), "wb") as f:
        f.write(b"\0" * 128 + b"DICM" + el(2, 0, "UL", struct.pack("<I", len(meta))) + meta + data)
        f.write(struct.pack("<HH2s", 0x7FE0, 0x10, b"OW") + b"\0\0" + struct.pack("<I", len(pixels)))
        f.write(pixels)
