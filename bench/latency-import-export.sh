#!/usr/bin/env bash
# Today's `import --once` from an S3 source and `export --once` to a folder, against the standalone emulator behind
# LATENCY each way (bench/latency-emulator.sh), with the requests each sent per object from their summaries'
# "requests" (BENCHMARKS.md, "Latency emulation"). A template for the import and export benchmarks: it shows the
# settings that point the service at the emulator's printed endpoints.
# Usage: bench/latency-import-export.sh [LATENCY=10ms] [STUDIES=2] (4 series of 25 small instances per study).
# Build first with `mvn -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
top="$(pwd)"
latency="${1:-10ms}"
studies="${2:-2}"
work="$top/target/latency-import-export/$latency"
rm -rf "$work"
mkdir -p "$work"
source bench/lib.sh
source bench/latency-emulator.sh
bench_machine
latency_emulator_start "$latency"
trap latency_emulator_stop EXIT

# The datastore and the buckets, over plain HTTP: the emulator checks no signatures.
datastore=$(curl -sf -XPOST "$EMULATOR_AHI/datastore" -H 'Content-Type: application/json' \
  -d '{"datastoreName":"latency-bench","clientToken":"latency-bench"}' | sed -n 's/.*"datastoreId":"\([^"]*\)".*/\1/p')
for bucket in source staging output; do
  curl -sf -o /dev/null -XPUT "$EMULATOR_S3/$bucket"
done
java -jar target/ahi-bridge.jar samples --out "$work/source" --studies "$studies" --series 4 --instances 25 \
  --seed 5 >/dev/null
# s3proxy reads a form-encoded body as form fields: the objects go up as octet streams.
(cd "$work/source" && find . -type f | sed 's|^\./||' | xargs -P 16 -I{} curl -sf -o /dev/null -XPUT \
  -H 'Content-Type: application/octet-stream' --data-binary @{} "$EMULATOR_S3/source/{}")
objects=$(find "$work/source" -type f | wc -l)

settings=(
  "ahibridge.embedded.enabled=false"
  "ahibridge.s3.endpoint=$EMULATOR_S3" "ahibridge.s3.path-style=true" "ahibridge.s3.region=$EMULATOR_REGION"
  "ahibridge.datastores.local.datastore-id=$datastore" "ahibridge.datastores.local.access=read-write"
  "ahibridge.datastores.local.region=$EMULATOR_REGION" "ahibridge.datastores.local.endpoint=$EMULATOR_AHI"
  "ahibridge.datastores.local.data-access-role-arn=arn:aws:iam::123456789012:role/ImportRole"
  "ahibridge.datastores.local.staging=s3://staging/stage/" "ahibridge.datastores.local.output=s3://output/out/"
  "ahibridge.ledger.url=jdbc:h2:file:$work/ledger/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
  "ahibridge.audit.directory=$work/audit" "ahibridge.import.jobs.poll-interval=PT0.5S")
options=()
for setting in "${settings[@]}"; do
  options+=("-D$setting")
  echo "${setting%%=*}: \"${setting#*=}\""
done >"$work/export.yaml"

cd "$work"
imported=$(java -jar "$top/target/ahi-bridge.jar" import --source s3://source/ --once "${options[@]}" | tail -1)
exported=$(java -jar "$top/target/ahi-bridge.jar" export --destination "file:$work/out" --once \
  --config "$work/export.yaml" | tail -1)
echo "import: $imported"
echo "export: $exported"
echo "| command | one-way latency | objects | requests | requests per object | throttled |"
echo "|---|---|---|---|---|---|"
python3 - "$latency" "$objects" "$imported" "$exported" <<'PY'
import json, sys
latency, objects = sys.argv[1], int(sys.argv[2])
for name, line in (("import", sys.argv[3]), ("export", sys.argv[4])):
    summary = json.loads(line)
    requests = summary["requests"]
    by_service = {}
    for key, count in requests.items():
        service = key.split(".")[0]
        by_service[service] = by_service.get(service, 0) + count
    per_object = ", ".join("%s %.2f" % (s, c / objects) for s, c in sorted(by_service.items()))
    print("| %s | %s | %d | %d | %s | %d |" % (name, latency, objects, sum(requests.values()), per_object,
                                              sum(summary["throttled"].values())))
PY
