#!/usr/bin/env bash
# Run report benchmark (BENCHMARKS.md, "Run report of a large run"): the time RunReportWriter takes to write the
# report of one import run of FILES files, all IMPORTED, from an H2 file ledger made by the service's own
# migrations and filled with SQL (bench/RunReportBench.java). Every one-shot run ends with this step, and so does
# every polling run; a 100,000-file run's report once took over 12 minutes (the page query, fixed in fc23cc2).
# Usage: [JAR=other/ahi-bridge.jar] bench/run-report.sh [FILES=100000] [REPEATS=3]
#   (build first: mvn -o -q -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
top="$(pwd)"
files="${1:-100000}"
repeats="${2:-3}"
jar="${JAR:-$top/target/ahi-bridge.jar}"   # JAR: another build to compare (its lib/ beside it)
[ -f "$jar" ] || { echo "build first: mvn -o -q -B package -DskipTests" >&2; exit 2; }
source bench/lib.sh
bench_machine
work="$top/target/run-report"
echo "jar: $jar"
rm -rf "$work" && mkdir -p "$work/empty"
url="jdbc:h2:file:$work/ledger/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
# The service's migrations make the ledger: a one-shot import of an empty folder, with no AHI call.
(cd "$work" && java -jar "$jar" import --source "$work/empty" --once -Dahibridge.ledger.url="$url" \
  -Dahibridge.audit.directory="$work/audit" >"$work/setup.log" 2>&1) || { cat "$work/setup.log" >&2; exit 1; }
java -Xmx256m -cp "$jar:$(dirname "$jar")/lib/*" bench/RunReportBench.java "$url" "$files" "$work/audit" "$repeats"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
