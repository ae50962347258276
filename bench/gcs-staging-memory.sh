#!/usr/bin/env bash
# GCS -> S3 staging memory (BENCHMARKS.md, "GCS to S3 staging memory").
# Streams one large object from the in-memory GCS fake into S3 staging (the emulator's s3proxy, run as a
# SEPARATE process so its memory is not counted) with the bridge's BlobTransfer, ROUNDS times, and the same
# copy from a file source as the baseline. See GcsStagingMemoryBench for what is measured.
# Usage: bench/gcs-staging-memory.sh [SIZE_MIB=512] [ROUNDS=3]   env: HEAP (default 1536m)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-512}; rounds=${2:-3}; heap=${HEAP:-1536m}
work=target/gcs-staging-memory
mkdir -p "$work"
[ -f target/ahi-bridge.jar ] || mvn -o -q -B package -DskipTests
source bench/lib.sh
classpath="$(bench_classpath service)"
export AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator AWS_REGION=us-east-1

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1), bench heap -Xmx$heap"
rm -rf "$work/emulator" "$work/emulator.log"  # a stale log would name the last run's ports
java -Xmx2g -jar target/ahi-bridge.jar emulator --port 0 --s3-port 0 --sqs-port 0 --dicomweb-port 0 --data-dir "$work/emulator" \
  > "$work/emulator.log" 2>&1 &
emu=$!
trap 'kill $emu 2>/dev/null || true' EXIT
for _ in $(seq 240); do grep -q EMULATOR_READY "$work/emulator.log" && break; sleep 0.5; done
s3=$(grep -m1 -o 'EMULATOR_READY .*' "$work/emulator.log" | cut -d' ' -f2- \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["s3"])')
java -Xmx"$heap" -cp "$classpath" \
  org.ahibridge.storage.gcs.GcsStagingMemoryBench "$s3" "$size" "$rounds" 2>&1 | grep -v "Application name\|AbstractGoogleClient"
