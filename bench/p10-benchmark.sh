#!/usr/bin/env bash
# P10 classifier benchmark (BENCHMARKS.md): the classifier vs a full parse vs dcmtk dcmdump, same files,
# same run. Usage: bench/p10-benchmark.sh [COPIES] [RUNS] [FRAMES]   (defaults 2000 5 200)
# Needs dcmtk (dump2dcm, dcmdump) and about 1.2 GB of disk under target/p10-bench.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
classpath="$(bench_classpath dicom)"

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "dcmtk: $(dcmdump --version 2>&1 | head -1)"
echo

java -Xmx1g -cp "$classpath" \
  org.ahibridge.dicom.p10.P10ClassifierBenchmark target/p10-bench "${1:-2000}" "${2:-5}" "${3:-200}"
