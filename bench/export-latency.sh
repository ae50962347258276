#!/usr/bin/env bash
# Export throughput with AHI far away (BENCHMARKS.md, "Export pipeline: latency hidden", issue 13): INSTANCES
# instances of FRAMES frames (128x128, 16 bits) imported once into the standalone emulator (stored as HTJ2K where
# OpenJPH is installed), then exported by `export --once` to a folder RUNS times each, interleaved, by this
# checkout's jar and by BASELINE's (default: main), with the emulator's AHI at 0 ms and at 10 ms each way
# (--latency, bench/latency-emulator.sh). Each line: the jar, the latency, the frames and the run's own
# "seconds" (search to last write, from its summary), frames/s and the load average before it. Then the memory
# check: a 250-frame and a 1,000-frame instance exported by this jar with -Xmx MEMORY_HEAP and a GC log.
# Each run also gives the exporter's CPU per frame (the command's user + system CPU less that of a run selecting
# nothing) and the emulator's (its JVM's CPU time from /proc during the run: AHI and the latency proxy), which
# compare versions whatever else the machine runs. The emulator is warmed by one untimed export per latency.
# Usage: bench/export-latency.sh [INSTANCES=300] [RUNS=3] [BASELINE=main] [FRAMES=10]. Builds both jars first
# (SKIP_BUILD=1: use the ones built by a previous run). REUSE_DATA=1 keeps the emulator state imported by the
# previous run (same INSTANCES and FRAMES). LATENCIES (default "0 10ms") and JARS (default "baseline current";
# "launcher" adds this checkout through target/ahi-bridge) choose the rows; EXPORT_JAVA_OPTS go to this checkout's export JVMs (a JFR recording, say); NO_MEMORY=1 skips
# the memory check.
set -euo pipefail
cd "$(dirname "$0")/.."
top="$(pwd)"
instances="${1:-300}"
runs="${2:-3}"
baseline_ref="${3:-main}"
frames="${4:-10}"
heap="${MEMORY_HEAP:-96m}"
work="$top/target/export-latency"
if [ -z "${REUSE_DATA:-}" ]; then
  rm -rf "$work"
else
  rm -rf "$work"/out-* "$work"/idle "$work"/memory-out-* "$work"/ledger "$work"/audit
fi
mkdir -p "$work"
source bench/lib.sh
source bench/latency-emulator.sh

baseline_dir="$top/target/export-latency-baseline"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building this checkout and $baseline_ref ($(git rev-parse --short "$baseline_ref"))" >&2
  mvn -o -q -B package -DskipTests >/dev/null
  rm -rf "$baseline_dir"
  mkdir -p "$baseline_dir"
  git archive "$baseline_ref" | tar -x -C "$baseline_dir"
  (cd "$baseline_dir" && mvn -o -q -B package -DskipTests >/dev/null)
fi
declare -A jars=([current]="$top/target/ahi-bridge.jar" [baseline]="$baseline_dir/target/ahi-bridge.jar")

bench_machine
export EMULATOR_OPTS="--dicomweb-port 0 --data-dir $work/emulator"
if [ -z "${REUSE_DATA:-}" ]; then
python3 bench/multiframe.py "$work/source" "$instances" "$frames" 128 50 1
python3 bench/multiframe.py "$work/memory/1000" 1 1000 128 1 2
python3 bench/multiframe.py "$work/memory/250" 1 250 128 1 3

# One emulator state for every latency: imported once with no delay, then served again behind each latency.
latency_emulator_start 0
datastore=$(curl -sf -XPOST "$EMULATOR_AHI/datastore" -H 'Content-Type: application/json' \
  -d '{"datastoreName":"export-latency","clientToken":"export-latency"}' \
  | sed -n 's/.*"datastoreId":"\([^"]*\)".*/\1/p')
for bucket in source staging output; do
  curl -sf -o /dev/null -XPUT "$EMULATOR_S3/$bucket"
done
(cd "$work/source" && ls | xargs -P 8 -I{} curl -sf -o /dev/null -XPUT \
  -H 'Content-Type: application/octet-stream' --data-binary @{} "$EMULATOR_S3/source/data/{}")
for frames_of in 250 1000; do
  curl -sf -o /dev/null -XPUT -H 'Content-Type: application/octet-stream' \
    --data-binary "@$work/memory/$frames_of/mf-00000.dcm" "$EMULATOR_S3/source/memory/$frames_of.dcm"
done

echo "$datastore" >"$work/datastore-id"
else
  datastore="$(cat "$work/datastore-id")"
fi

config() {
  cat <<YAML
ahibridge:
  embedded: { enabled: false }
  s3: { endpoint: "$EMULATOR_S3", path-style: true, region: "$EMULATOR_REGION" }
  ledger: { url: "jdbc:h2:file:$work/ledger/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" }
  audit: { directory: "$work/audit" }
  import: { jobs: { poll-interval: PT0.5S } }
  datastores:
    local:
      datastore-id: "$datastore"
      access: read-write
      region: "$EMULATOR_REGION"
      endpoint: "$EMULATOR_AHI"
      data-access-role-arn: "arn:aws:iam::123456789012:role/ImportRole"
      staging: "s3://staging/stage/"
      output: "s3://output/out/"
YAML
}
if [ -z "${REUSE_DATA:-}" ]; then
config >"$work/export.yaml"
started=$(date +%s)
java -jar "${jars[current]}" import --source s3://source/ --once \
  "-Dspring.config.location=optional:classpath:/application.yaml,file:$work/export.yaml" | tail -1 >&2
echo "imported in $(( $(date +%s) - started )) s" >&2
latency_emulator_stop
fi

echo
# CPU seconds of the whole command (user + system), and of a run that selects nothing (start-up and shutdown
# only), so that CPU per frame compares the jars whatever the machine's load.
cpu_of() {
  awk '{printf "%.2f", $1 + $2}' "$1"
}
# CPU seconds (user + system) the emulator's JVM has used so far.
emulator_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$EMULATOR_PID/stat"
}
declare -A jar_opts=([current]="${EXPORT_JAVA_OPTS:-}" [baseline]="")
# The command line of one export by JAR into the array cmd: "launcher" is this checkout's jar through its launcher
# (target/ahi-bridge: the JVM settings and class-data archive it gives the export command), the others java -jar.
command_of() {
  if [ "$1" = launcher ]; then
    cmd=(env "JAVA_OPTS=${EXPORT_JAVA_OPTS:-}" "$top/target/ahi-bridge")
  else
    # shellcheck disable=SC2206 # the options are a list on purpose
    cmd=(java ${jar_opts[$1]} -jar "${jars[$1]}")
  fi
}
echo "| jar | one-way latency | run | instances | frames | seconds | frames/s | CPU s (command) | export CPU ms/frame | emulator CPU ms/frame | load average before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for latency in ${LATENCIES:-0 10ms}; do
  latency_emulator_start "$latency"
  config >"$work/export.yaml"
  # AHI is a warm service that costs this machine nothing: one untimed export first, so that the emulator's own
  # JIT warm-up (about half its CPU per frame in a first run) is not in the first row's rates and CPU.
  # Through the launcher, which also writes its class-data archive for the export command then, not in a timed run.
  "$top/target/ahi-bridge" export --destination "file:$work/warm-up" --once --config "$work/export.yaml" \
    --overwrite always --study-uid "2.25.77000001.1" >/dev/null 2>&1 || true
  rm -rf "$work/warm-up"
  for jar in ${JARS:-baseline current}; do
    command_of "$jar"
    /usr/bin/time -o "$work/cpu-idle-$jar-$latency" -f "%U %S" "${cmd[@]}" export \
      --destination "file:$work/idle" --once --config "$work/export.yaml" --study-uid 9.9.9 >/dev/null 2>&1 || true
    echo "| $jar | $latency | nothing selected | 0 | 0 | | | $(cpu_of "$work/cpu-idle-$jar-$latency") | | | |"
  done
  for run in $(seq 1 "$runs"); do
    for jar in ${JARS:-baseline current}; do
      load="$(cut -d' ' -f1-3 /proc/loadavg)"
      out="$work/out-$jar-$latency-$run"
      emulator_before="$(emulator_cpu)"
      command_of "$jar"
      all=$(/usr/bin/time -o "$work/cpu-$jar-$latency-$run" -f "%U %S" "${cmd[@]}" export \
        --destination "file:$out" --once --config "$work/export.yaml" --overwrite always \
        --study-uid "2.25.77000001.1" 2>"$work/err-$jar-$latency-$run" | tail -1 || true)
      emulator_used="$(awk -v a="$emulator_before" -v b="$(emulator_cpu)" 'BEGIN {printf "%.2f", b - a}')"
      python3 - "$jar" "$latency" "$run" "$all" "$load" "$(cpu_of "$work/cpu-$jar-$latency-$run")" \
        "$(cpu_of "$work/cpu-idle-$jar-$latency")" "$emulator_used" <<'PY'
import json, sys
jar, latency, run, line, load, cpu, idle, emulator = sys.argv[1:9]
try:
    s = json.loads(line)
    o = s["outcomes"]
    f = s["frames"]
    print("| %s | %s | %s | %d | %d | %.2f | %.0f | %s | %.2f | %.2f | %s |" % (jar, latency, run,
          o.get("EXPORTED", 0), f, s["seconds"], f / s["seconds"], cpu, (float(cpu) - float(idle)) * 1000 / f,
          float(emulator) * 1000 / f, load))
except Exception as e:
    print("| %s | %s | %s | failed: %s | | | | | | | %s |" % (jar, latency, run, line[:200], load))
PY
    done
  done
  latency_emulator_stop
done

[ -z "${NO_MEMORY:-}" ] || exit 0
echo
echo "memory (this jar, -Xmx$heap -XX:+UseSerialGC):"
latency_emulator_start 10ms
config >"$work/export.yaml"
# The 250-frame instance, then the 1,000-frame one: four times the frames, the same heap if memory is flat.
for series in 2.25.77000003.2.0 2.25.77000002.2.0; do
  gc="$work/gc-$series.log"
  line=$(java "-Xmx$heap" -XX:+UseSerialGC "-Xlog:gc:file=$gc" -jar "${jars[current]}" export \
    --destination "file:$work/memory-out-$series" --once --config "$work/export.yaml" --series-uid "$series" \
    2>/dev/null | tail -1)
  python3 - "$gc" "$line" <<'PY'
import json, re, sys
peak = live = 0
for m in re.finditer(r"(\d+)M->(\d+)M\(", open(sys.argv[1]).read()):
    peak, live = max(peak, int(m.group(1))), max(live, int(m.group(2)))
s = json.loads(sys.argv[2])
print("  %d frames, %.1f MB written: %s, peak heap %d MB, largest heap after GC %d MB, %.2f s" % (
    s["frames"], s["bytes"] / 1e6, s["outcomes"], peak, live, s["seconds"]))
PY
done
latency_emulator_stop
