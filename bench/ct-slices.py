#!/usr/bin/env python3
"""Writes N copies of one synthetic 512x512 16-bit CT slice (explicit VR little endian, 525 KB), each with its
own SOP Instance UID patched in place at the same length, for benchmarks. Needs pydicom.
Usage: bench/ct-slices.py OUT_DIR N"""
import os
import sys

import numpy  # noqa: F401  (pydicom needs it for pixel data)
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, CTImageStorage

out, count = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
base_uid = "2.25.1" + "0" * 30  # fixed length: copies differ only in the digits patched below

meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = CTImageStorage
meta.MediaStorageSOPInstanceUID = base_uid
meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds = Dataset()
ds.file_meta = meta
ds.SOPClassUID = CTImageStorage
ds.SOPInstanceUID = base_uid
ds.StudyInstanceUID = "2.25.2" + "7" * 30
ds.SeriesInstanceUID = "2.25.3" + "7" * 30
ds.Modality = "CT"
ds.PatientName = "Benchmark^Synthetic"
ds.PatientID = "BENCH-0001"
ds.StudyDate = "20240101"
ds.SeriesNumber = 1
ds.InstanceNumber = 1
ds.SamplesPerPixel = 1
ds.PhotometricInterpretation = "MONOCHROME2"
ds.Rows = 512
ds.Columns = 512
ds.BitsAllocated = 16
ds.BitsStored = 12
ds.HighBit = 11
ds.PixelRepresentation = 0
ds.PixelData = bytes(range(256)) * (512 * 512 * 2 // 256)
path = os.path.join(out, "base.dcm")
ds.is_little_endian = True
ds.is_implicit_VR = False
ds.save_as(path, write_like_original=False)
data = open(path, "rb").read()
os.remove(path)
needle = base_uid.encode()
assert data.count(needle) == 2, "the UID appears in the file meta and the dataset"
for i in range(count):
    uid = ("2.25.1%030d" % i).encode()
    with open(os.path.join(out, "ct-%06d.dcm" % i), "wb") as f:
        f.write(data.replace(needle, uid))
print("wrote %d files of %d bytes under %s" % (count, len(data), out))
