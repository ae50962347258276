#!/usr/bin/env bash
# Bytes the import reads from an S3 source per object (BENCHMARKS.md, "Import pipeline memory"): classify by
# ranged read + stage by server-side copy, on the in-process emulator's s3proxy, counted by an SDK interceptor.
# Usage: bench/s3-source-reads.sh [BIG_FRAMES=200] (512 KiB per frame; 4096 = a 2 GiB object)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/import-memory/read-src
rm -rf "$dir"; mkdir -p "$dir"
[ -f target/ahi-bridge.jar ] || mvn -o -q -B package -DskipTests
java -jar target/ahi-bridge.jar samples --out "$dir/tmp" --series 1 --instances 1 --seed 7 >/dev/null
find "$dir/tmp" -type f -exec mv {} "$dir/a-sample-16x16.dcm" \; ; rm -rf "$dir/tmp"
python3 bench/big-dicom.py "$dir/b-ct-1-frame.dcm" 1 >/dev/null
python3 bench/big-dicom.py "$dir/c-ct-${1:-200}-frames.dcm" "${1:-200}" >/dev/null
head -c 300000 /dev/urandom > "$dir/d-not-dicom.bin"
source bench/lib.sh
classpath="$(bench_classpath service)"
java -Xmx256m -cp "$classpath" \
  org.ahibridge.importing.SourceReadBenchmark "$dir" 2>&1 | grep '^|'
