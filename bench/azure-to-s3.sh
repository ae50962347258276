#!/usr/bin/env bash
# A 1 GiB object streamed from Azure Blob (Azurite) to S3 staging (s3proxy) under a fixed heap
# (BENCHMARKS.md, "Azure Blob source: a 1 GiB object to S3 staging"). Azurite and s3proxy (filesystem
# backend, so neither holds the object in memory) run as separate processes; the benchmark JVM does what
# the import's staging step does (BlobTransfer.copy: no server-side copy between providers) and, as the
# baseline in the same run, the same copy from a local file. Live heap = heap in use after a forced full
# GC, sampled every 2 s.
# Usage: bench/azure-to-s3.sh [MIB=1024] [RUNS=3]   env: HEAP (128m)
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${1:-1024}; runs=${2:-3}; heap=${HEAP:-128m}
work=target/azure-to-s3
azurite=.ci/azurite/node_modules/.bin/azurite-blob
[ -x "$azurite" ] || npm install --prefix .ci/azurite --no-audit --no-fund --silent azurite@3.35.0
[ -f target/emulators/s3proxy.jar ] || mvn -o -q -B -pl emulator generate-resources
source bench/lib.sh
classpath="$(bench_classpath service)"
rm -rf "$work"; mkdir -p "$work/azurite" "$work/s3" "$work/file"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
blob_port=$(free_port); s3_port=$(free_port)

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1), benchmark heap -Xmx$heap; node $(node --version), azurite 3.35.0"

"$azurite" --location "$work/azurite" --blobHost 127.0.0.1 --blobPort "$blob_port" --skipApiVersionCheck \
  --disableTelemetry > "$work/azurite.log" 2>&1 &
azurite_pid=$!
cat > "$work/s3proxy.conf" <<CONF
s3proxy.authorization=none
s3proxy.endpoint=http://127.0.0.1:$s3_port
jclouds.provider=filesystem
jclouds.filesystem.basedir=$PWD/$work/s3
jclouds.identity=local
jclouds.credential=local
CONF
java -Xmx256m -jar target/emulators/s3proxy.jar --properties "$work/s3proxy.conf" > "$work/s3proxy.log" 2>&1 &
s3proxy_pid=$!
trap 'kill $azurite_pid $s3proxy_pid 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -s -o /dev/null "http://127.0.0.1:$blob_port/" && curl -s -o /dev/null "http://127.0.0.1:$s3_port/" && break
  sleep 0.5
done

java -Xmx"$heap" -cp "$classpath" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.ahibridge.storage.azure.AzureToS3Benchmark "http://127.0.0.1:$blob_port/devstoreaccount1" \
  "http://127.0.0.1:$s3_port" "$work/file" "$mib" "$runs" 2>&1 | grep -v ' INFO \| DEBUG '
