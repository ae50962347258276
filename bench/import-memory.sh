#!/usr/bin/env bash
# Import memory soak (BENCHMARKS.md, "Import pipeline memory (issue 4 acceptance 5)").
# Runs `import --source file:... --once` in its own JVM with a fixed heap (-Xmx256m by default) against the
# emulator running as a SEPARATE process (so the emulator's memory is not counted), on
#   big:   one DICOM object with FRAMES x 512 KiB of native pixel data (4096 frames = 2 GiB), sparse on disk;
#   many:  COUNT small P10 files written by the `samples` command.
# Forces a full GC every SAMPLE seconds (jcmd GC.run) in the import JVM and in the emulator, and reads the
# live heap after each from their GC logs. big then checks the result in the emulator: job COMPLETED, one
# image set with FRAMES frames, and the first, second and last frame served with their marker (big-dicom.py).
# The import runs from the checkout, so it takes routes/ there (`import --once` always runs through the routes:
# each file from routes/ of the working folder, else the jar's copy).
# Usage: bench/import-memory.sh [big|many|both] [COUNT=20000] [FRAMES=4096]
#   env: HEAP (import JVM, 256m), EMULATOR_HEAP (512m: the emulator spools big objects to a file and holds
#   one frame at a time), SAMPLE (5)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-both}; count=${2:-20000}; frames=${3:-4096}; heap=${HEAP:-256m}; sample=${SAMPLE:-5}
work=target/import-memory
[ -f target/ahi-bridge.jar ] || mvn -o -q -B package -DskipTests
mkdir -p "$work"
export AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=
export AWS_DISABLE_HOST_PREFIX_INJECTION=true # data-plane AHI calls (search, metadata, frames) in verify_big

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1), import heap -Xmx$heap"

rm -rf "$work/emulator" "$work/emulator-gc.log"
emulator_heap=${EMULATOR_HEAP:-512m}
echo "emulator heap -Xmx$emulator_heap"
java -Xmx"$emulator_heap" -Xlog:gc:file="$work/emulator-gc.log":uptime -jar target/ahi-bridge.jar emulator --port 0 --s3-port 0 --sqs-port 0 --dicomweb-port 0 --data-dir "$work/emulator" \
  > "$work/emulator.log" 2>&1 &
emu=$!
emu_t0=$(date +%s.%N)
trap 'kill $emu 2>/dev/null || true' EXIT
for _ in $(seq 240); do grep -q EMULATOR_READY "$work/emulator.log" && break; sleep 0.5; done
ready=$(grep -m1 -o 'EMULATOR_READY .*' "$work/emulator.log" | cut -d' ' -f2-)
ahi=$(echo "$ready" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ahi"])')
s3=$(echo "$ready" | python3 -c 'import json,sys; print(json.load(sys.stdin)["s3"])')
ds=$(aws --endpoint-url "$ahi" medical-imaging create-datastore --datastore-name memory-soak \
  --query datastoreId --output text)
# A new data store is CREATING, then ACTIVE a moment later (as on AWS); imports need it ACTIVE.
for _ in $(seq 100); do
  [ "$(aws --endpoint-url "$ahi" medical-imaging get-datastore --datastore-id "$ds" \
    --query datastoreProperties.datastoreStatus --output text)" = ACTIVE ] && break
  sleep 0.2
done
aws --endpoint-url "$s3" s3 mb s3://memory-staging >/dev/null
aws --endpoint-url "$s3" s3 mb s3://memory-output >/dev/null
echo "emulator (pid $emu): ahi $ahi s3 $s3 datastore $ds"

run() { # name source-dir
  local name=$1 src=$2 out=$work/$1
  rm -rf "$out"; mkdir -p "$out"
  local t0; t0=$(date +%s.%N)
  java -Xmx"$heap" -Xlog:gc:file="$out/gc.log":uptime -XX:NativeMemoryTracking=summary \
    -Dahibridge.embedded.enabled=false \
    -Dahibridge.s3.endpoint="$s3" -Dahibridge.s3.path-style=true -Dahibridge.s3.region=us-east-1 \
    -Dahibridge.datastores.local.datastore-id="$ds" -Dahibridge.datastores.local.access=read-write \
    -Dahibridge.datastores.local.endpoint="$ahi" -Dahibridge.datastores.local.region=us-east-1 \
    -Dahibridge.datastores.local.data-access-role-arn=arn:aws:iam::123456789012:role/ahi-bridge-bench \
    -Dahibridge.datastores.local.staging=s3://memory-staging/staging/ \
    -Dahibridge.datastores.local.output=s3://memory-output/output/ \
    -Dahibridge.ledger.url="jdbc:h2:file:$PWD/$out/ledger/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    -Dahibridge.audit.directory="$out/audit" -Dahibridge.import.jobs.poll-interval=PT1S \
    -jar target/ahi-bridge.jar import --source "file:$PWD/$src" --once > "$out/stdout.log" 2>&1 &
  local pid=$!
  while kill -0 $pid 2>/dev/null; do
    sleep "$sample"
    jcmd $pid GC.run >/dev/null 2>&1 || true
    jcmd $emu GC.run >/dev/null 2>&1 || true
    ps -o rss= -p $pid >> "$out/rss.txt" 2>/dev/null || true
    ps -o rss= -p $emu >> "$out/emulator-rss.txt" 2>/dev/null || true
  done
  wait $pid || echo "import exited with $?"
  local t1; t1=$(date +%s.%N)
  echo "== $name: wall $(python3 -c "print(round($t1-$t0,1))") s"
  tail -1 "$out/stdout.log"
  # Live heap after each forced full GC: "Pause Full (System.gc()) 40M->31M(96M)".
  grep 'Pause Full' "$out/gc.log" | sed -E 's/^\[([0-9.]+)s\].*->([0-9]+)M\(([0-9]+)M\).*/\1 \2 \3/' > "$out/live.txt" || true
  # The emulator's log covers its whole life: keep the forced GCs from this run's start on.
  grep 'Pause Full (Diagnostic Command)' "$work/emulator-gc.log" \
    | sed -E 's/^\[([0-9.]+)s\].*->([0-9]+)M\(([0-9]+)M\).*/\1 \2 \3/' > "$out/emulator-live-all.txt" || true
  python3 - "$out" "$emu_t0" "$t0" <<'PY'
import sys
out, emu_t0, t0 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def report(name, live, rss_file, offset=0.0):
    rows = [l.split() for l in open(out + "/" + live) if l.strip()]
    rows = [r for r in rows if float(r[0]) >= offset]
    if rows:
        n = len(rows); pick = [rows[0], rows[n // 2], rows[-1]]
        print(f"{name} live heap after full GC (uptime s: MB used / MB committed): " + ", ".join(
            f"{r[0]}: {r[1]}/{r[2]}" for r in pick) + f"; max {max(int(r[1]) for r in rows)} MB over {n} samples")
    rss = [int(l) for l in open(out + "/" + rss_file) if l.strip()]
    if rss:
        print(f"{name} RSS: first {rss[0]//1024} MB, max {max(rss)//1024} MB, last {rss[-1]//1024} MB")
report("import", "live.txt", "rss.txt")
report("emulator", "emulator-live-all.txt", "emulator-rss.txt", t0 - emu_t0)
PY
}

verify_big() { # frames: the emulator's side of the big import, read back through its AHI API
  local frames=$1 out=$work/big
  aws --endpoint-url "$ahi" medical-imaging list-dicom-import-jobs --datastore-id "$ds" --output json > "$out/jobs.json"
  local set; set=$(aws --endpoint-url "$ahi" medical-imaging search-image-sets --datastore-id "$ds" \
    --search-criteria '{"filters":[{"values":[{"DICOMPatientId":"SAMPLEBIG"}],"operator":"EQUAL"}]}' \
    --query 'imageSetsMetadataSummaries[0].imageSetId' --output text)
  aws --endpoint-url "$ahi" medical-imaging get-image-set-metadata --datastore-id "$ds" --image-set-id "$set" \
    "$out/metadata.json.gz" > /dev/null
  python3 - "$out" "$frames" > "$out/frame-ids.txt" <<'PY'
import gzip, json, sys
out, frames = sys.argv[1], int(sys.argv[2])
jobs = json.load(open(out + "/jobs.json"))["jobSummaries"]
raw = open(out + "/metadata.json.gz", "rb").read()
doc = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
series = next(iter(doc["Study"]["Series"].values()))
instance = next(iter(series["Instances"].values()))
ids = [f["ID"] for f in instance["ImageFrames"]]
def seconds(value):
    from datetime import datetime
    return float(value) if isinstance(value, (int, float)) else datetime.fromisoformat(value).timestamp()
# One token per job, its status and how long the emulator took (submitted to ended).
took = ",".join(f'{j["jobStatus"]}({seconds(j["endedAt"]) - seconds(j["submittedAt"]):.1f}s)' for j in jobs)
print(took, len(ids), f"0:{ids[0]} 1:{ids[1]} {frames - 1}:{ids[-1]}")
PY
  read -r statuses count picks < <(cat "$out/frame-ids.txt")
  echo "emulator: import jobs (status and time from submitted to ended) $statuses; image set $set has $count frames (expected $frames)"
  for pick in $picks; do
    local index=${pick%%:*} id=${pick#*:}
    aws --endpoint-url "$ahi" medical-imaging get-image-frame --datastore-id "$ds" --image-set-id "$set" \
      --image-frame-information imageFrameId="$id" "$out/frame.bin" > /dev/null
    python3 - "$out/frame.bin" "$index" <<'PY'
import sys
data, index = open(sys.argv[1], "rb").read(), int(sys.argv[2])
ok = len(data) == 512 * 512 * 2 and data[:16] == b"FRAME%08d   " % index and not any(data[16:])
print(f"GetImageFrame frame {index}: {len(data)} bytes, marker {data[:13].decode(errors='replace')!r}: {'OK' if ok else 'WRONG'}")
PY
  done
  rm -f "$out/frame.bin"
}

if [ "$what" = big ] || [ "$what" = both ]; then
  rm -rf "$work/big-src"; mkdir -p "$work/big-src"
  size=$(python3 bench/big-dicom.py "$work/big-src/big.dcm" "$frames")
  echo "big object: $size bytes ($frames frames of 512x512x16)"
  run big "$work/big-src"
  verify_big "$frames"
  rm -rf "$work/big-src" # 2 GiB (sparse here, but not in the emulator's S3 copy)
fi
if [ "$what" = many ] || [ "$what" = both ]; then
  studies=$(( (count + 999) / 1000 )) # samples names series folders so that more than about 100 studies collide
  if [ ! -f "$work/many-src.$count" ]; then
    rm -rf "$work/many-src" "$work"/many-src.*
    java -jar target/ahi-bridge.jar samples --out "$work/many-src" --studies "$studies" --series 10 --instances 100 \
      --seed 5 > /dev/null
    touch "$work/many-src.$count"
  fi
  echo "many: $(find "$work/many-src" -type f | wc -l) files, $(du -sh "$work/many-src" | cut -f1)"
  run many "$work/many-src"
fi
