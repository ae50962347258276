"""Drives the emulator with boto3 (another AWS SDK): control-plane and runtime operations, an error."""
import sys
import time

import boto3
from botocore.config import Config

client = boto3.client("medical-imaging", endpoint_url=sys.argv[1], region_name="us-east-1",
                      aws_access_key_id="emulator", aws_secret_access_key="emulator",
                      config=Config(inject_host_prefix=False, retries={"max_attempts": 1}))
created = client.create_datastore(datastoreName="boto3")
assert created["datastoreStatus"] == "CREATING", created
datastore = created["datastoreId"]
# CREATING, then ACTIVE a moment later: the model has no waiter, so poll (30 s at most).
for _ in range(300):
    status = client.get_datastore(datastoreId=datastore)["datastoreProperties"]["datastoreStatus"]
    if status != "CREATING":
        break
    time.sleep(0.1)
assert status == "ACTIVE", status
found = client.search_image_sets(datastoreId=datastore, searchCriteria={
    "filters": [{"values": [{"DICOMPatientId": "nobody"}], "operator": "EQUAL"}]})
assert found["imageSetsMetadataSummaries"] == []
try:
    client.get_image_set(datastoreId=datastore, imageSetId="0" * 32)
    raise SystemExit("expected ResourceNotFoundException")
except client.exceptions.ResourceNotFoundException:
    pass
# importConfiguration (model of 2026-05) where this boto3 knows it: sent and echoed in boto3's own shapes.
start_shape = client.meta.service_model.operation_model("StartDICOMImportJob").input_shape
if "importConfiguration" in start_shape.members:
    configuration = {"dicomJsonMetadataImportConfiguration": {"dicomMetadataMappings": [
        {"studyInstanceUID": "1.2.3", "seriesInstanceUID": "1.2.3.4", "metadataFilePath": "meta/study 1.json"}]}}
    job = client.start_dicom_import_job(datastoreId=datastore, dataAccessRoleArn="arn:aws:iam::123456789012:role/R",
                                        inputS3Uri="s3://boto3-input/in/", outputS3Uri="s3://boto3-input/out/",
                                        importConfiguration=configuration)
    echoed = client.get_dicom_import_job(datastoreId=datastore, jobId=job["jobId"])["jobProperties"]
    assert echoed["importConfiguration"] == configuration, echoed
    try:
        client.start_dicom_import_job(datastoreId=datastore, dataAccessRoleArn="arn:aws:iam::123456789012:role/R",
                                      inputS3Uri="s3://boto3-input/in/", outputS3Uri="s3://boto3-input/out/",
                                      importConfiguration={"dicomJsonMetadataImportConfiguration": {
                                          "dicomMetadataMappings": [{"studyInstanceUID": "1.2.x",
                                                                     "metadataFilePath": "m.json"}]}})
        raise SystemExit("expected ValidationException")
    except client.exceptions.ValidationException:
        pass
    print("BOTO3-IMPORT-CONFIGURATION-OK")
print("BOTO3-OK")
