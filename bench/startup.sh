#!/usr/bin/env bash
# Start-up benchmark (BENCHMARKS.md, "Start-up"): wall time, idle machine, of
#   service  - `java -jar target/ahi-bridge.jar` from a fresh deployment folder until "Started AhiBridge";
#   import   - `import --source file:<empty folder> --once`, the whole process;
#   p10      - `p10 check --json` over COUNT CT slices (bench/ct-slices.py, 525 KB each), the whole process,
#              against dcmtk's `dcmdump -q` over the same files in one process, each pinned to one core.
# Each is run RUNS times as `java -jar` and through the launcher target/ahi-bridge (class-data sharing; its
# first run, which writes the archive, is not counted), and with BEFORE_JAR (a jar of an earlier build, e.g.
# the single-module fat jar) when given. Prints every run, then median and range per variant.
# Usage: bench/startup.sh [RUNS] [COUNT] [BEFORE_JAR]      (defaults 5, 20000, none)
# Needs dcmtk (dcmdump) and pydicom (python3-pydicom) for the p10 part; ~10.5 GB of disk for 20,000 slices.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
count="${2:-20000}"
before="${3:-}"
top=$PWD
[ -f target/ahi-bridge.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
source bench/lib.sh
bench_machine
echo "dcmtk: $(dcmdump --version 2>&1 | head -1)"
echo

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

summary() { # label, times in ms...
  local label=$1; shift
  local sorted=($(printf '%s\n' "$@" | sort -n)) n=$#
  printf '%-36s median %6d ms   min %6d   max %6d   (%d runs)\n' "$label" "${sorted[$(( n / 2 ))]}" \
    "${sorted[0]}" "${sorted[$(( n - 1 ))]}" "$n"
}

# The routes and application.yaml a variant runs with: its own tree's (BEFORE_JAR's routes may need beans that a
# newer jar renamed, and the other way round): the folder above BEFORE_JAR's target/ when it holds routes/.
tree_of() { # variant
  local up; up="$(dirname "$(dirname "$before")")"
  if [ "$1" = before ] && [ -d "$up/routes" ]; then echo "$up"; else echo "$top"; fi
}

service_ready() { # tree, command... ; prints ms until the service logs "Started AhiBridge", then stops it
  local tree=$1; shift
  local dir="$work/svc-$RANDOM" log
  mkdir -p "$dir" && cp -r "$tree/application.yaml" "$tree/routes" "$dir/"
  log="$dir/out.log"
  local start; start=$(now_ms)
  # A free HTTP port: port 8080 may be taken by another run on this machine.
  (cd "$dir" && exec "$@" --server.port=0 > "$log" 2>&1) &
  local pid=$!
  until grep -q 'Started AhiBridge' "$log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the service exited:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.02
  done
  local end; end=$(now_ms)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( end - start ))
}

whole_run() { # dir, command... ; prints the command's wall time in ms
  local dir=$1; shift
  local start; start=$(now_ms)
  (cd "$dir" && "$@" > /dev/null 2>&1)
  echo $(( $(now_ms) - start ))
}

declare -A variants=([java-jar]="java -jar $top/target/ahi-bridge.jar" [launcher]="$top/target/ahi-bridge")
[ -n "$before" ] && variants[before]="java -jar $before"

echo "== service ready (embedded default, fresh deployment folder each run)"
for v in "${!variants[@]}"; do
  read -r -a cmd <<< "${variants[$v]}"
  [ "$v" = launcher ] && service_ready "$(tree_of "$v")" "${cmd[@]}" > /dev/null   # writes the archive
  t=(); for i in $(seq 1 "$runs"); do t+=("$(service_ready "$(tree_of "$v")" "${cmd[@]}")"); echo "  $v run $i: ${t[-1]} ms"; done
  summary "service ready, $v" "${t[@]}"
done

echo "== import --once of an empty folder (after one warm-up run in the same folder)"
for v in "${!variants[@]}"; do
  read -r -a cmd <<< "${variants[$v]}"
  dir="$work/imp-$v"; mkdir -p "$dir/empty"; cp -r "$(tree_of "$v")/application.yaml" "$(tree_of "$v")/routes" "$dir/"
  whole_run "$dir" "${cmd[@]}" import --source file:empty --once > /dev/null
  t=(); for i in $(seq 1 "$runs"); do t+=("$(whole_run "$dir" "${cmd[@]}" import --source file:empty --once)"); echo "  $v run $i: ${t[-1]} ms"; done
  summary "import --once empty, $v" "${t[@]}"
done

echo "== p10 check --json over $count CT slices vs dcmdump, one core each (files in the page cache)"
slices=target/p10-slices-$count
if [ "$(ls "$slices" 2>/dev/null | wc -l)" -ne "$count" ]; then
  rm -rf "$slices"
  python=/usr/bin/python3; [ -x "$python" ] || python=python3
  "$python" bench/ct-slices.py "$slices" "$count"
fi
cat "$slices"/*.dcm > /dev/null
t=(); for i in $(seq 1 "$runs"); do
  t+=("$(whole_run . taskset -c 0 sh -c "ls $slices/*.dcm | xargs dcmdump -q")"); echo "  dcmdump run $i: ${t[-1]} ms"; done
summary "dcmdump -q, $count files" "${t[@]}"
for v in "${!variants[@]}"; do
  read -r -a cmd <<< "${variants[$v]}"
  [ "$v" = launcher ] && whole_run . "${cmd[@]}" p10 check --json "$slices" > /dev/null
  t=(); for i in $(seq 1 "$runs"); do t+=("$(whole_run . taskset -c 0 "${cmd[@]}" p10 check --json "$slices")"); echo "  $v run $i: ${t[-1]} ms"; done
  summary "p10 check --json, $v" "${t[@]}"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
