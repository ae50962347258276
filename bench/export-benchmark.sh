#!/usr/bin/env bash
# Export benchmark (BENCHMARKS.md, "Export pipeline"): concurrent vs sequential frame fetches on the
# emulated stack, same run, plus the flat-memory check. Usage: bench/export-benchmark.sh [INSTANCES] [RUNS]
# (defaults 40 3). Needs dcmtk for the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
classpath="$(bench_classpath service)"

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo

java -Xmx2g -Dsun.net.httpserver.nodelay=true -cp "$classpath" \
  org.ahibridge.exporting.ExportBenchmark "${1:-40}" "${2:-3}" 2>&1 | grep -v -E "INFO|Commons Logging"
