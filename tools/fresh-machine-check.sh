#!/usr/bin/env bash
# Checks the README's two commands as a machine with only a JDK and Maven would run them (issue 11):
#  1. a fresh clone of this checkout's HEAD, built with an empty Maven repository (everything downloaded);
#  2. the tests (`mvn -B verify`, offline once downloaded) in a private network and mount namespace where
#     no PostgreSQL answers (only loopback, with nothing on 5432), and dcmtk, dicom3tools, pydicom, boto3, Chromium,
#     OpenJPEG's and OpenJPH's tools and Azurite are hidden; they must pass, counting what they skip;
#  3. the service started from the clone on its embedded default, until it logs "Started AhiBridge".
# Needs root (unshare, mount). Usage: tools/fresh-machine-check.sh [WORK_DIR]   (default /tmp/fresh-machine)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/fresh-machine}
rm -rf "$work" && mkdir -p "$work"
git clone -q "$top" "$work/clone"
repo="$work/m2"
cd "$work/clone"

echo "== 1. build with an empty Maven repository ($repo)"
# Downloads what the tests need too: one quick unit test makes Surefire fetch its JUnit provider (Failsafe
# uses the same one); the test classes of every module are compiled, so their dependencies come too.
mvn -B -q -Dmaven.repo.local="$repo" verify -Dtest=ValuesTest -Dit.test=NoSuchIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
ls -la target/ahi-bridge.jar target/ahi-bridge

echo "== 2. mvn -B verify without PostgreSQL, dcmtk, dicom3tools, pydicom, boto3, codec tools, Chromium, Azurite"
# Every program of the packages a fresh machine lacks (dpkg knows them where they are installed).
hidden_tools=$(for package in dcmtk dicom3tools libopenjp2-tools openjph-tools chromium chromium-driver; do
  dpkg -L "$package" 2>/dev/null | grep '^/usr/bin/' | xargs -r -n1 basename
done | sort -u | tr '\n' ' ')
unshare --net --mount --propagation private bash -euo pipefail -c '
  ip link set lo up
  mkdir -p /tmp/fresh-empty
  for tool in '"$hidden_tools"'; do
    path=$(command -v "$tool" || true)
    [ -n "$path" ] && mount --bind /dev/null "$path"
  done
  for lib in /usr/lib/x86_64-linux-gnu/libopenjp2.so* /usr/lib/x86_64-linux-gnu/libopenjph.so*; do
    [ -f "$lib" ] && mount --bind /dev/null "$lib"
  done
  boto3=$(python3 -c "import boto3, os; print(os.path.dirname(boto3.__file__))" 2>/dev/null || true)
  for dir in /usr/lib/python3/dist-packages/pydicom /usr/lib/python3/dist-packages/boto3 $boto3; do
    [ -d "$dir" ] && mount --bind /tmp/fresh-empty "$dir"
  done
  env -u AHIBRIDGE_REQUIRE_TOOLS -u AHIBRIDGE_REQUIRE_AZURITE -u AHIBRIDGE_REQUIRE_POSTGRES \
    mvn -B -o -Dmaven.repo.local='"$repo"' verify
' 2>&1 | tee "$work/verify.log" | grep -E "Tests run:.*Fail|skipped tests\]|BUILD|ERROR\]" || true
grep -q "BUILD SUCCESS" "$work/verify.log" || { echo "the tests did not pass: $work/verify.log"; exit 1; }

echo "== 3. the service on its embedded default"
mkdir -p "$work/run" && cp -r application.yaml routes "$work/run/"
cd "$work/run"
java -jar "$work/clone/target/ahi-bridge.jar" --server.port=0 > service.log 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "Started AhiBridge" service.log && break
  kill -0 "$pid" 2>/dev/null || { echo "the service stopped:"; tail -20 service.log; exit 1; }
  sleep 0.1
done
grep -o "Started AhiBridge in [0-9.]* seconds" service.log
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "fresh-machine check passed"
