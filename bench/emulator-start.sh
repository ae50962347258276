#!/usr/bin/env bash
# Measures how long `java -jar target/ahi-bridge.jar emulator` takes to be ready: wall time from the
# process start to the EMULATOR_READY line, over RUNS starts (default 5). Prints each run, then the
# median and the range. Build first with `mvn -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
jar=target/ahi-bridge.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
times=()
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  start=$(date +%s%N)
  java -jar "$jar" emulator --port 0 --s3-port 0 --sqs-port 0 --dicomweb-port 0 > "$log" 2>&1 &
  pid=$!
  until grep -q '^EMULATOR_READY ' "$log"; do
    kill -0 "$pid" 2>/dev/null || { echo "emulator exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ready after ${ms} ms"
  rm -f "$log"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median ${sorted[$(( runs / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[$(( runs - 1 ))]} ms over $runs runs"
