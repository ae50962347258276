#!/usr/bin/env bash
# The standalone emulator behind a network's delay, for benchmarks (docs/emulator.md, "Latency"; BENCHMARKS.md,
# "Latency emulation"). Build first with `mvn -B package -DskipTests`.
#
#   bench/latency-emulator.sh [LATENCY]                 start it (default 10ms each way), print the endpoints and
#                                                       the client settings, run until Ctrl-C
#   bench/latency-emulator.sh [LATENCY] -- COMMAND...   start it, run COMMAND with AWS_ENDPOINT_URL_* and the other
#                                                       client settings exported, stop it, exit with COMMAND's status
#   source bench/latency-emulator.sh                    from another script: latency_emulator_start LATENCY sets
#                                                       EMULATOR_AHI, EMULATOR_S3, EMULATOR_SQS, EMULATOR_REGION and the
#                                                       AWS_* settings; latency_emulator_stop stops it
#
# LATENCY is one way: 10ms costs each request 20 ms. 0 keeps the proxies with no delay (the like-for-like baseline);
# `none` runs the emulator without proxies. The ports are free ones unless EMULATOR_OPTS says otherwise; it also
# takes --data-dir DIR for objects larger than s3proxy's in-memory heap (EMULATOR_OPTS="--data-dir target/x").
# EMULATOR_JAVA_OPTS goes to the emulator's JVM.

latency_emulator_start() {
  local latency="${1:-10ms}"
  local top jar log
  top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  jar="$top/target/emulators/ahi-emulator.jar"
  [ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; return 2; }
  local args=(--port 0 --s3-port 0 --sqs-port 0 --dicomweb-port 0)
  [ "$latency" = none ] || args+=(--latency "$latency")
  # shellcheck disable=SC2206 # EMULATOR_OPTS is a list of options on purpose
  args+=(${EMULATOR_OPTS:-})
  log="$(mktemp -t latency-emulator.XXXXXX)"
  # shellcheck disable=SC2086
  java ${EMULATOR_JAVA_OPTS:-} -jar "$jar" "${args[@]}" >"$log" 2>&1 &
  EMULATOR_PID=$!
  EMULATOR_LOG="$log"
  local waited=0
  until grep -q '^EMULATOR_READY ' "$log"; do
    if ! kill -0 "$EMULATOR_PID" 2>/dev/null || [ "$waited" -ge 1200 ]; then
      echo "the emulator did not start:" >&2
      cat "$log" >&2
      latency_emulator_stop
      return 1
    fi
    sleep 0.05
    waited=$((waited + 1))
  done
  local ready
  ready="$(grep -m1 '^EMULATOR_READY ' "$log")"
  EMULATOR_AHI="$(json_field "$ready" ahi)"
  EMULATOR_S3="$(json_field "$ready" s3)"
  EMULATOR_SQS="$(json_field "$ready" sqs)"
  EMULATOR_REGION="$(json_field "$ready" region)"
  EMULATOR_LATENCY="$latency"
  export EMULATOR_AHI EMULATOR_S3 EMULATOR_SQS EMULATOR_REGION EMULATOR_LATENCY
  export AWS_REGION="$EMULATOR_REGION" AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator
  export AWS_ENDPOINT_URL_MEDICAL_IMAGING="$EMULATOR_AHI" AWS_ENDPOINT_URL_EVENTBRIDGE="$EMULATOR_AHI"
  export AWS_ENDPOINT_URL_S3="$EMULATOR_S3" AWS_ENDPOINT_URL_SQS="$EMULATOR_SQS"
  export AWS_DISABLE_HOST_PREFIX_INJECTION=true
}

# The string value of a top-level field of the one-line JSON object of EMULATOR_READY.
json_field() {
  sed -n "s/.*\"$2\":\"\\([^\"]*\\)\".*/\\1/p" <<<"$1"
}

latency_emulator_stop() {
  if [ -n "${EMULATOR_PID:-}" ]; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
    EMULATOR_PID=
  fi
  [ -z "${EMULATOR_LOG:-}" ] || rm -f "$EMULATOR_LOG"
}

latency_emulator_describe() {
  echo "emulator: ${EMULATOR_LATENCY} each way (pid $EMULATOR_PID)"
  echo "  AWS HealthImaging + EventBridge  $EMULATOR_AHI"
  echo "  S3 (path-style access)           $EMULATOR_S3"
  echo "  SQS                              $EMULATOR_SQS"
  echo "  export AWS_REGION=$EMULATOR_REGION AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator"
  echo "  export AWS_ENDPOINT_URL_MEDICAL_IMAGING=$EMULATOR_AHI AWS_ENDPOINT_URL_EVENTBRIDGE=$EMULATOR_AHI"
  echo "  export AWS_ENDPOINT_URL_S3=$EMULATOR_S3 AWS_ENDPOINT_URL_SQS=$EMULATOR_SQS"
  echo "  export AWS_DISABLE_HOST_PREFIX_INJECTION=true"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  latency="10ms"
  if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    latency="$1"
    shift
  fi
  latency_emulator_start "$latency"
  trap latency_emulator_stop EXIT
  latency_emulator_describe
  if [ $# -gt 0 ] && [ "$1" = "--" ]; then
    shift
    set +e
    "$@"
    status=$?
    exit "$status"
  fi
  echo "Stop with Ctrl-C."
  trap 'exit 0' INT TERM
  wait "$EMULATOR_PID"
fi
