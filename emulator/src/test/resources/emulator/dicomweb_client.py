"""An independent DICOMweb client for DicomWebIT: Python's http.client, email parser and pydicom, no code of
ahi-bridge. Run with Debian's /usr/bin/python3 (python3-pydicom, python3-numpy).

usage: dicomweb_client.py BASE_URL DATASTORE_ID WORK_DIR CT_SLICE CT_SMALL MR_MULTIFRAME MR_RLE

It makes a study of the four source files (a CT series of two native slices, a native multi-frame MR series and
an RLE MR series; one patient, one study), uploads it with STOW-RS, then searches it with QIDO-RS and reads it
back with WADO-RS: metadata, instances in the stored syntax and in explicit VR little endian, and frames. It
compares what comes back with the sources as pydicom reads them, and prints one JSON report of what it saw; the
Java test holds the expectations. Stored HTJ2K frames are written to WORK_DIR for the test to decode.
"""
import email.parser
import email.policy
import hashlib
import http.client
import json
import os
import sys
import urllib.parse

import numpy as np
import pydicom
from pydicom.dataset import Dataset
from pydicom.encaps import generate_pixel_data_frame
from pydicom.uid import generate_uid

EXPLICIT_LE = "1.2.840.10008.1.2.1"
NATIVE = {"1.2.840.10008.1.2", EXPLICIT_LE, "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2"}

base_url, datastore, work = sys.argv[1], sys.argv[2], sys.argv[3]
ct_slice, ct_small, mr_multiframe, mr_rle = sys.argv[4:8]
endpoint = urllib.parse.urlparse(base_url)
prefix = "/datastore/" + datastore


def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(endpoint.hostname, endpoint.port, timeout=120)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type", ""), data, response


def sha(data):
    return hashlib.sha256(data).hexdigest()


def value(item, tag):
    element = item.get(tag)
    return None if element is None or "Value" not in element else element["Value"]


def first(item, tag):
    values = value(item, tag)
    return None if not values else values[0]


def as_dataset(item):
    """pydicom reads the DICOM JSON: proof that it is PS3.18 Annex F."""
    return Dataset.from_json(item, bulk_data_uri_handler=lambda tag, vr, uri: b"")


def multipart(content_type, body):
    """The parts of a multipart body, as Python's email package splits them: (raw Content-Type, bytes)."""
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(
        b"Content-Type: " + content_type.encode("ascii") + b"\r\n\r\n" + body)
    return [(None, part.get("Content-Type"), part.get_payload(decode=True)) for part in message.get_payload()]


def codestream(fragment):
    """A frame as a fragment holds it, without the NUL that pads an odd codestream (ending in EOC) to even length."""
    return fragment[:-1] if fragment.endswith(b"\xff\xd9\x00") else fragment


# ---- the study --------------------------------------------------------------------------------------------
study_uid = generate_uid()
patient_id = "DICOMWEB-" + study_uid[-8:]
ct_series, mr_series, rle_series = generate_uid(), generate_uid(), generate_uid()
plan = [  # source, series uid, series number, instance number, modality
    (ct_slice, ct_series, 1, 1, "CT"),
    (ct_small, ct_series, 1, 2, "CT"),
    (mr_multiframe, mr_series, 2, 1, "MR"),
    (mr_rle, rle_series, 3, 1, "MR"),
]
uploads = []
for index, (source, series_uid, series_number, instance_number, modality) in enumerate(plan):
    ds = pydicom.dcmread(source)
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = series_uid
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.PatientID = patient_id
    ds.PatientName = "DICOMweb^Test"
    ds.StudyDate = "20240102"
    ds.StudyTime = "101500"
    ds.AccessionNumber = "ACC-DWEB"
    ds.StudyID = "DWEB1"
    ds.SeriesNumber = series_number
    ds.InstanceNumber = instance_number
    ds.Modality = modality
    path = os.path.join(work, "upload-%d.dcm" % index)
    ds.save_as(path, write_like_original=True)
    uploads.append({"path": path, "sop": ds.SOPInstanceUID, "series": series_uid, "sopClass": ds.SOPClassUID,
                    "frames": int(ds.get("NumberOfFrames", 1) or 1),
                    "sourceSyntax": ds.file_meta.TransferSyntaxUID,
                    "native": ds.file_meta.TransferSyntaxUID in NATIVE})
report = {"study": study_uid, "patientId": patient_id, "uploads": uploads,
          "series": {"ct": ct_series, "mr": mr_series, "rle": rle_series}}

# ---- STOW-RS ------------------------------------------------------------------------------------------------
boundary = "dicomweb-client-" + sha(study_uid.encode())[:16]
body = b""
for upload in uploads:
    with open(upload["path"], "rb") as f:
        body += (b"--" + boundary.encode() + b"\r\nContent-Type: application/dicom\r\n\r\n" + f.read() + b"\r\n")
body += b"--" + boundary.encode() + b"--\r\n"
status, content_type, data, _ = request("POST", prefix + "/studies/" + study_uid, body, {
    "Content-Type": 'multipart/related; type="application/dicom"; boundary=' + boundary,
    "Accept": "application/dicom+json",
    # A SigV4 signature, as curl --aws-sigv4 sends it: accepted, not verified.
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/medical-imaging/aws4_request, "
                     "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64,
    "x-amz-date": "20240102T101500Z"})
stow = json.loads(data)
report["stow"] = {"status": status, "contentType": content_type,
                  "referenced": [first(item, "00081155") for item in value(stow, "00081199") or []],
                  "retrieveUrls": [first(item, "00081190") for item in value(stow, "00081199") or []],
                  "failed": len(value(stow, "00081198") or []),
                  "studyUrl": first(stow, "00081190")}

# ---- QIDO-RS ------------------------------------------------------------------------------------------------
def search(path, **query):
    status, content_type, data, response = request("GET", prefix + path + ("?" + urllib.parse.urlencode(query)
                                                                            if query else ""),
                                                   headers={"Accept": "application/dicom+json"})
    results = json.loads(data) if data else []
    for item in results:
        as_dataset(item)
    return {"status": status, "contentType": content_type, "results": results,
            "warning": response.getheader("Warning")}


studies = search("/studies", PatientID=patient_id)
report["qido"] = {
    "studies": {"status": studies["status"], "contentType": studies["contentType"],
                "uids": [first(s, "0020000D") for s in studies["results"]],
                "modalities": [value(s, "00080061") for s in studies["results"]],
                "seriesCounts": [first(s, "00201206") for s in studies["results"]],
                "instanceCounts": [first(s, "00201208") for s in studies["results"]],
                "patientNames": [first(s, "00100010") for s in studies["results"]],
                "retrieveUrls": [first(s, "00081190") for s in studies["results"]]},
    "studiesByWildcardName": [first(s, "0020000D") for s in
                              search("/studies", PatientName="dicomweb^t*", StudyDate="20240101-20240131")["results"]],
    "studiesOfOtherPatient": len(search("/studies", PatientID="nobody-" + patient_id)["results"]),
    "series": [(first(s, "0020000E"), first(s, "00200011"), first(s, "00080060"), first(s, "00201209"))
               for s in search("/studies/" + study_uid + "/series")["results"]],
    "mrSeries": [first(s, "0020000E") for s in search("/studies/" + study_uid + "/series", Modality="MR")["results"]],
    "ctInstances": [(first(i, "00080018"), first(i, "00200013"))
                    for i in search("/studies/" + study_uid + "/series/" + ct_series + "/instances")["results"]],
    "oneInstance": [first(i, "00080018") for i in
                    search("/studies/" + study_uid + "/series/" + ct_series + "/instances",
                           SOPInstanceUID=uploads[1]["sop"])["results"]],
    "secondPage": [first(i, "00080018") for i in
                   search("/studies/" + study_uid + "/series/" + ct_series + "/instances", limit=1, offset=1)["results"]],
    "studyInstances": len(search("/studies/" + study_uid + "/instances")["results"]),
}

# ---- WADO-RS metadata -----------------------------------------------------------------------------------------
def instance_path(upload):
    return prefix + "/studies/" + study_uid + "/series/" + upload["series"] + "/instances/" + upload["sop"]


status, content_type, data, _ = request("GET", instance_path(uploads[2]) + "/metadata",
                                        headers={"Accept": "application/dicom+json"})
metadata = json.loads(data)
mr_metadata = as_dataset(metadata[0])
report["instanceMetadata"] = {"status": status, "contentType": content_type, "count": len(metadata),
                              "sop": mr_metadata.SOPInstanceUID, "patientId": mr_metadata.PatientID,
                              "frames": int(mr_metadata.NumberOfFrames), "rows": mr_metadata.Rows,
                              "transferSyntax": first(metadata[0], "00020010"),
                              "hasPixelData": "7FE00010" in metadata[0]}
status, content_type, data, _ = request("GET", prefix + "/studies/" + study_uid + "/series/" + ct_series
                                        + "/metadata", headers={"Accept": "application/dicom+json"})
series_metadata = json.loads(data)
report["seriesMetadata"] = {"status": status, "contentType": content_type,
                            "sops": [as_dataset(item).SOPInstanceUID for item in series_metadata]}

# ---- WADO-RS instances --------------------------------------------------------------------------------------
report["instances"] = {}
for upload in uploads:
    source = pydicom.dcmread(upload["path"])
    seen = {}
    for name, accept in [("explicit", "application/dicom; transfer-syntax=" + EXPLICIT_LE),
                         ("default", "application/dicom"),
                         ("stored", "application/dicom; transfer-syntax=*")]:
        status, content_type, data, _ = request("GET", instance_path(upload), headers={"Accept": accept})
        path = os.path.join(work, "%s-%s.dcm" % (name, upload["sop"]))
        with open(path, "wb") as f:
            f.write(data)
        result = {"status": status, "contentType": content_type}
        if status == 200:
            ds = pydicom.dcmread(path)
            result["transferSyntax"] = ds.file_meta.TransferSyntaxUID
            result["sop"] = ds.SOPInstanceUID
            # pydicom 2.3 does not know HTJ2K's UIDs, so what is not native counts as encapsulated.
            if ds.file_meta.TransferSyntaxUID not in NATIVE:
                frames = [codestream(f) for f in generate_pixel_data_frame(ds.PixelData, upload["frames"])]
                result["frames"] = len(frames)
                result["framePaths"] = []
                for number, frame in enumerate(frames, 1):
                    frame_path = os.path.join(work, "stored-%s-%d.j2c" % (upload["sop"], number))
                    with open(frame_path, "wb") as f:
                        f.write(frame)
                    result["framePaths"].append(frame_path)
                result["frameHashes"] = [sha(frame) for frame in frames]
            else:
                # Native: the very bytes of a native source; for the RLE source, the pixels pydicom decodes.
                result["pixelsIdentical"] = (ds.PixelData == source.PixelData if upload["native"]
                                             else np.array_equal(ds.pixel_array, source.pixel_array))
                result["photometric"] = ds.PhotometricInterpretation
        seen[name] = result
    report["instances"][upload["sop"]] = seen

status, content_type, data, _ = request("GET", instance_path(uploads[0]), headers={
    "Accept": "application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50"})
report["unproducible"] = {"status": status, "message": json.loads(data).get("message") if data else None}

# ---- WADO-RS frames -----------------------------------------------------------------------------------------
mr = pydicom.dcmread(uploads[2]["path"])
frame_bytes = mr.Rows * mr.Columns * mr.SamplesPerPixel * mr.BitsAllocated // 8
wanted = [1, 3, uploads[2]["frames"]]
status, content_type, data, _ = request("GET", instance_path(uploads[2]) + "/frames/" + ",".join(map(str, wanted)),
                                        headers={"Accept": 'multipart/related; type="application/octet-stream"; '
                                                           'transfer-syntax=' + EXPLICIT_LE})
parts = multipart(content_type, data) if status == 200 else []
report["frames"] = {
    "status": status, "contentType": content_type,
    "partTypes": [part[1] for part in parts],
    "identical": [part[2] == mr.PixelData[(n - 1) * frame_bytes:n * frame_bytes] for part, n in zip(parts, wanted)]}
status, content_type, data, _ = request("GET", instance_path(uploads[2]) + "/frames/2",
                                        headers={"Accept": 'multipart/related; type="application/octet-stream"; '
                                                           'transfer-syntax=*'})
parts = multipart(content_type, data) if status == 200 else []
report["storedFrames"] = {"status": status, "contentType": content_type,
                          "partTypes": [part[1] for part in parts],
                          "hashes": [sha(part[2]) for part in parts]}

print(json.dumps(report))
