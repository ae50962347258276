#!/usr/bin/env bash
# Runs TwoInstanceImportIT at the acceptance sizes of issue 6, which CI does not run (it takes the test's small
# defaults): two service JVMs on one PostgreSQL ledger and one SQS queue importing OBJECTS objects announced by
# S3 events, then KILLS SIGKILLs during a CRASH_OBJECTS-object run. Prints the outcome, each test's duration,
# the work split per instance and each kill. Sizes from the environment; other arguments go to Maven, e.g.
#   OBJECTS=10000 bench/multi-instance-soak.sh -Dahibridge.test.postgres=jdbc:postgresql://db:5432/
# PostgreSQL: the local server on 127.0.0.1:5432, else an embedded one (see the README's "Run the tests").
set -euo pipefail
cd "$(dirname "$0")/.."
objects="${OBJECTS:-5000}"
crash_objects="${CRASH_OBJECTS:-600}"
kills="${KILLS:-10}"
log="target/multi-instance-soak.log"
mkdir -p target
echo "TwoInstanceImportIT: $objects objects shared, then $kills kills during $crash_objects objects (log: $log)"
start=$(date +%s)
status=0
mvn -B -pl service -am verify -Dtest=NoSuchTest -Dit.test=TwoInstanceImportIT \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dahibridge.it.objects="$objects" -Dahibridge.it.crash-objects="$crash_objects" -Dahibridge.it.kills="$kills" \
    -Dahibridge.it.poll-seconds="${POLL_SECONDS:-60}" \
    "$@" > "$log" 2>&1 || status=$?
end=$(date +%s)
# The test prints its work split and kills; Failsafe's report has each test's time.
grep -E '^(PostgreSQL tests use|[0-9]+ objects|SIGKILL|batch steps)' "$log" || true
report=service/target/failsafe-reports/TEST-org.ahibridge.cli.TwoInstanceImportIT.xml
if [ -f "$report" ]; then
  grep -o '<testcase name="[^"]*" classname="[^"]*" time="[^"]*"' "$report" \
      | sed -E 's/<testcase name="([^"]*)".*time="([^"]*)"/\1: \2 s/'
fi
grep -E 'Tests run:.*TwoInstanceImportIT|\[skipped tests\]' "$log" || true
echo "maven exit status $status after $((end - start)) s"
exit "$status"
