#!/usr/bin/env bash
# The sanity figures of BENCHMARKS.md, "Latency emulation": first the proxy alone (100-byte round trips to a
# loopback echo server at 0 and 10 ms each way, on 1 and 32 connections), then S3 GetObject of a 1 KiB object in a
# loop, from 1 and from 32 threads, against the standalone emulator with no proxy, with the proxies at 0 ms and at
# LATENCY each way. Usage: bench/latency-sanity.sh [LATENCY=10ms] [SECONDS=10]. Build first with
# `mvn -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
latency="${1:-10ms}"
seconds="${2:-10}"
source bench/lib.sh
source bench/latency-emulator.sh
classpath="$(bench_classpath emulator)"
bench_machine
trap latency_emulator_stop EXIT
echo "| one-way latency | connections | round trips | round trips/s | median ms | p99 ms |"
echo "|---|---|---|---|---|---|"
for millis in 0 10; do
  java -cp "$classpath" org.ahibridge.emulator.latency.ProxyEchoBenchmark "$millis" "$seconds"
done
echo
echo "| one-way latency | threads | requests | seconds | requests/s | ms per request | in flight |"
echo "|---|---|---|---|---|---|---|"
for setting in none 0 "$latency"; do
  latency_emulator_start "$setting"
  label="$setting"
  [ "$setting" != none ] || label="no proxy"
  [ "$setting" != 0 ] || label="0 (proxy)"
  java -cp "$classpath" org.ahibridge.emulator.latency.S3GetLatencyBenchmark "$EMULATOR_S3" "$label" "$seconds"
  latency_emulator_stop
done
