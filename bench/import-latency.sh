#!/usr/bin/env bash
# Import latency benchmark (issue 12 acceptance 4; BENCHMARKS.md, "Import from S3 behind 10 ms"): `import --once`
# from an S3 source of small objects, against the standalone emulator with S3 and AHI behind LATENCY each way
# (bench/latency-emulator.sh), for a BEFORE jar and this checkout's jar, alternating, in one run. Per run it reports
#   - objects/s classified and staged: objects / (first ranged GET of a source object .. last CopyObject into
#     staging), from the SDK's request log (logger software.amazon.awssdk.request at DEBUG, the same for both jars);
#   - S3 and AHI requests per object, from the run's JSON summary ("requests", AwsRequestCounter);
#   - ledger SQL statements per object, from a separate counting run per jar with H2's trace (TRACE_LEVEL_FILE=2
#     writes one /*SQL ...*/ line per statement executed), so the trace costs no time in the timed runs. H2 also
#     traces COMMIT: twice per explicit transaction (Spring's commit, then auto-commit switched back on); those
#     lines are counted apart, as transactions = COMMIT lines / 2. Start-up (Flyway) statements are included.
#   - the import JVM's and the emulator's (s3proxy included) user+sys CPU per object over the same window, sampled
#     from /proc/<pid>/stat every 100 ms (bench/cpu-sampler.py), so runs on a shared machine compare by CPU too.
# Usage: bench/import-latency.sh [OBJECTS=2000] [RUNS=3] [LATENCIES="10ms 0"]
#   Both jars take the checkout's routes/ (linked into each run folder): `import --once` always runs through the
#   routes, and a BEFORE jar older than that (its Java fallback, BENCHMARKS.md) gets the same YAML flow this way.
#   env: ONLY=after (or before) runs one jar; TRACE=0 skips the SQL-counting runs; JAVA_OPTS goes to the import
#   JVM (a JFR recording: -XX:StartFlightRecording=filename=rec.jfr,settings=profile, then
#   bench/jfr-import-window.py on it).
#   env: BEFORE_JAR (default: target/import-latency/before-src/target/ahi-bridge.jar, built from BEFORE_REF=main
#   by `git archive` + `mvn -o -q package -DskipTests` there; the jar needs its lib/ folder beside it), AFTER_JAR
#   (target/ahi-bridge.jar), HEAP (import JVM, 512m).
set -euo pipefail
cd "$(dirname "$0")/.."
top="$(pwd)"
objects="${1:-2000}"
runs="${2:-3}"
latencies="${3:-10ms 0}"
work="$top/target/import-latency"
heap="${HEAP:-512m}"
mkdir -p "$work"
source bench/lib.sh
source bench/latency-emulator.sh

before_jar="${BEFORE_JAR:-$work/before-src/target/ahi-bridge.jar}"
after_jar="${AFTER_JAR:-$top/target/ahi-bridge.jar}"
if [ ! -f "$before_jar" ]; then
  ref="${BEFORE_REF:-main}"
  echo "building the BEFORE jar from $ref ($(git rev-parse --short "$ref"))"
  rm -rf "$work/before-src" && mkdir -p "$work/before-src"
  git archive "$ref" | tar -x -C "$work/before-src"
  (cd "$work/before-src" && mvn -o -q -B package -DskipTests >/dev/null)
  git rev-parse "$ref" >"$work/before-src/commit.txt"
fi
[ -f "$after_jar" ] || { echo "build first: mvn -o -q -B package -DskipTests" >&2; exit 2; }
echo "before: $before_jar ($(cat "$work/before-src/commit.txt" 2>/dev/null || echo unknown commit))"
echo "after:  $after_jar ($(git rev-parse --short HEAD)$(git diff --quiet || echo ', uncommitted changes'))"
bench_machine

# Small P10 files: STUDIES x 4 series x 25 instances, three transfer syntaxes.
studies=$(( (objects + 99) / 100 ))
corpus="$work/corpus-$studies"
[ -d "$corpus" ] || java -jar "$after_jar" samples --out "$corpus" --studies "$studies" --series 4 --instances 25 \
  --seed 12 >/dev/null
count=$(find "$corpus" -type f | wc -l)
echo "objects: $count (samples --studies $studies --series 4 --instances 25)"

results="$work/results.tsv"
: >"$results"
# run LABEL JAR LATENCY N [TRACE]: one import --once into a fresh ledger; appends a line to results.tsv.
run_import() {
  local label="$1" jar="$2" latency="$3" n="$4" trace="${5:-}"
  local out="$work/runs/$latency-$label-$n$trace"
  rm -rf "$out" && mkdir -p "$out"
  # The run folder holds routes/, which import --once loads before the jar's own copies
  # (CommandContext.oneShotRoutes). Each jar takes the routes of its own source: the BEFORE jar's beans need not
  # match this checkout's routes.
  local routes="$top/routes"
  [ "$label" = after ] || [ ! -d "$work/before-src/routes" ] || routes="$work/before-src/routes"
  ln -s "$routes" "$out/routes"
  local url="jdbc:h2:file:$out/ledger/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
  [ -z "$trace" ] || url="$url;TRACE_LEVEL_FILE=2;TRACE_MAX_FILE_SIZE=4000"
  local started load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  started=$(date +%s.%N)
  # exec: the subshell becomes the import JVM, whose CPU the sampler reads (with the emulator's, s3proxy included).
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options on purpose
  (cd "$out" && exec java -Xmx"$heap" ${JAVA_OPTS:-} -jar "$jar" import --source s3://source/ --once \
    -Dahibridge.embedded.enabled=false \
    -Dahibridge.s3.endpoint="$EMULATOR_S3" -Dahibridge.s3.path-style=true -Dahibridge.s3.region="$EMULATOR_REGION" \
    -Dahibridge.datastores.local.datastore-id="$datastore" -Dahibridge.datastores.local.access=read-write \
    -Dahibridge.datastores.local.region="$EMULATOR_REGION" -Dahibridge.datastores.local.endpoint="$EMULATOR_AHI" \
    -Dahibridge.datastores.local.data-access-role-arn=arn:aws:iam::123456789012:role/ImportRole \
    -Dahibridge.datastores.local.staging="s3://staging/$label-$n$trace/" \
    -Dahibridge.datastores.local.output="s3://output/$label-$n$trace/" \
    -Dahibridge.ledger.url="$url" -Dahibridge.audit.directory="$out/audit" \
    -Dahibridge.import.jobs.poll-interval=PT0.5S \
    -Dlogging.level.software.amazon.awssdk.request=DEBUG \
    -Dlogging.pattern.console='%d{HH:mm:ss.SSS} %logger{0} %msg%n' >"$out/stdout.log" 2>"$out/stderr.log") &
  local pid=$!
  python3 bench/cpu-sampler.py 0.1 "$pid" "$EMULATOR_PID" >"$out/cpu.tsv" &
  local sampler=$!
  wait "$pid" || {
    wait "$sampler" || true
    echo "import failed ($label, $latency, run $n): $out/stderr.log" >&2
    tail -5 "$out/stderr.log" >&2
    return 1
  }
  local ended
  ended=$(date +%s.%N)
  wait "$sampler" || true
  python3 - "$out" "$label" "$latency" "$n" "$count" "$started" "$ended" "$load" "${trace:+trace}" >>"$results" <<'PY'
import datetime, glob, json, re, sys
out, label, latency, n, count, started, ended, load, trace = sys.argv[1:]
count = int(count)
day = datetime.datetime.fromtimestamp(float(started)).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
samples = [[float(x) for x in l.split()] for l in open(out + "/cpu.tsv") if l.strip()]
def cpu_at(epoch, column):
    # CPU seconds of the sampled process (column 1: import JVM, 2: emulator and s3proxy) at EPOCH, interpolated.
    before = [s for s in samples if s[0] <= epoch] or samples[:1]
    after = [s for s in samples if s[0] >= epoch] or samples[-1:]
    a, b = before[-1], after[0]
    if b[0] == a[0]:
        return a[column]
    return a[column] + (b[column] - a[column]) * (epoch - a[0]) / (b[0] - a[0])
lines = open(out + "/stdout.log", encoding="utf-8", errors="replace").read().splitlines()
summary = json.loads([l for l in lines if l.startswith("{")][-1])
def ms(stamp):
    h, m, s = stamp.split(":")
    return (int(h) * 3600 + int(m) * 60 + float(s)) * 1000
first_read = last_copy = None
sending = re.compile(r"^(\d\d:\d\d:\d\d\.\d\d\d) \S+ Sending Request: DefaultSdkHttpFullRequest\(httpMethod=(\w+),"
                     r".*?encodedPath=([^,]*),.*?headers=\[([^\]]*)\]")
for line in lines:
    m = sending.match(line)
    if not m:
        continue
    stamp, method, path, headers = m.groups()
    if method == "GET" and path.startswith("/source/") and "Range" in headers:
        first_read = first_read if first_read is not None else ms(stamp)
    if method == "PUT" and path.startswith("/staging/") and "x-amz-copy-source" in headers:
        last_copy = ms(stamp)
requests = summary["requests"]
s3 = sum(v for k, v in requests.items() if k.startswith("S3."))
ahi = sum(v for k, v in requests.items() if k.startswith("MedicalImaging."))
by_op = ",".join("%s=%.3f" % (k, v / count) for k, v in sorted(requests.items()))
sql = commits = 0
if trace:
    for f in glob.glob(out + "/ledger/*.trace.db*"):
        text = open(f, encoding="utf-8", errors="replace").read()
        commits += text.count("/*SQL */COMMIT")
        sql += text.count("/*SQL") - text.count("/*SQL */COMMIT")
span = (last_copy - first_read) / 1000 if first_read is not None and last_copy is not None else float("nan")
# CPU milliseconds per object over the same window, importer and emulator apart (the log's clock is local time).
window = (day + first_read / 1000, day + last_copy / 1000) if span == span else None
cpu_import = (cpu_at(window[1], 1) - cpu_at(window[0], 1)) * 1000 / count if window else float("nan")
cpu_emulator = (cpu_at(window[1], 2) - cpu_at(window[0], 2)) * 1000 / count if window else float("nan")
cpu_total = samples[-1][1] if samples else float("nan")
load_end = open("/proc/loadavg").read().split()[0]
outcomes = json.dumps(summary.get("outcomes", {}), separators=(",", ":"))
print("\t".join(str(x) for x in (label, latency, n, trace or "-", count, "%.3f" % span, "%.0f" % (count / span),
      "%.3f" % (s3 / count), "%.3f" % (ahi / count), "%.2f" % (float(ended) - float(started)), load,
      "%.2f (tx %.2f)" % (sql / count, commits / 2 / count) if trace else "-", outcomes, by_op,
      "%.2f" % cpu_import, "%.2f" % cpu_emulator, "%.1f" % cpu_total, load_end)))
PY
  tail -1 "$results" | cut -f1-12,15-18
}

for latency in $latencies; do
  latency_emulator_start "$latency"
  datastore=$(curl -sf -XPOST "$EMULATOR_AHI/datastore" -H 'Content-Type: application/json' \
    -d '{"datastoreName":"import-latency","clientToken":"import-latency"}' \
    | sed -n 's/.*"datastoreId":"\([^"]*\)".*/\1/p')
  for bucket in source staging output; do
    curl -sf -o /dev/null -XPUT "$EMULATOR_S3/$bucket"
  done
  # s3proxy reads a form-encoded body as form fields: the objects go up as octet streams.
  (cd "$corpus" && find . -type f | sed 's|^\./||' | xargs -P 32 -I{} curl -sf -o /dev/null -XPUT \
    -H 'Content-Type: application/octet-stream' --data-binary @{} "$EMULATOR_S3/source/{}")
  echo "== $latency each way: emulator up, $count objects in s3://source/"
  echo "label latency run trace objects span_s objects_per_s s3_req_per_object ahi_req_per_object wall_s load" \
    "sql_per_object importer_cpu_ms_per_object emulator_cpu_ms_per_object importer_cpu_s_total load_at_end"
  for n in $(seq "$runs"); do
    # Alternate the order, so neither jar always runs first after the upload.
    if [ $((n % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
    for label in $order; do
      case " ${ONLY:-before after} " in *" $label "*) ;; *) continue ;; esac
      jar="$before_jar"; [ "$label" = after ] && jar="$after_jar"
      run_import "$label" "$jar" "$latency" "$n"
    done
  done
  if [ "${TRACE:-1}" = 1 ] && [ "$latency" = "$(echo "$latencies" | awk '{print $NF}')" ]; then
    for label in before after; do
      jar="$before_jar"; [ "$label" = after ] && jar="$after_jar"
      run_import "$label" "$jar" "$latency" 1 -trace
    done
  fi
  latency_emulator_stop
done

echo
echo "== summary (median and min-max over $runs runs; SQL from the traced runs)"
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sql = {r[0]: r[11] for r in rows if r[3] != "-"}
print("| version | one-way latency | runs | objects | classified+staged objects/s, median (min-max) | span s, median |"
      " importer CPU ms/object, median (min-max) | emulator CPU ms/object, median (min-max) |"
      " S3 requests/object | AHI requests/object | SQL statements/object (explicit transactions) | load average (1 min)"
      " at start |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
def spread(values):
    values = sorted(values)
    return "%.2f (%.2f-%.2f)" % (statistics.median(values), values[0], values[-1])
for latency in dict.fromkeys(r[1] for r in rows):
    for label in ("before", "after"):
        sel = [r for r in rows if r[0] == label and r[1] == latency and r[3] == "-"]
        if not sel:
            continue
        rate = sorted(float(r[6]) for r in sel)
        span = sorted(float(r[5]) for r in sel)
        loads = [r[10] for r in sel]
        print("| %s | %s | %d | %s | %.0f (%.0f-%.0f) | %.2f | %s | %s | %s | %s | %s | %s |" % (
            label, latency, len(sel), sel[0][4], statistics.median(rate), rate[0], rate[-1],
            statistics.median(span), spread(float(r[14]) for r in sel), spread(float(r[15]) for r in sel),
            sel[0][7], sel[0][8], sql.get(label, "-"), ", ".join(loads)))
print()
for r in rows:
    print("%s %s run %s%s: outcomes %s; requests per object %s" % (r[0], r[1], r[2], " (traced)" if r[3] != "-" else "",
                                                                r[12], r[13]))
PY
