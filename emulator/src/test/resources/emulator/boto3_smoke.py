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
print("BOTO3-OK")
