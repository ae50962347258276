#!/usr/bin/env python3
"""Aggregates a JFR recording's CPU samples (bench/import-latency.sh with JAVA_OPTS=-XX:StartFlightRecording...).

Usage: bench/jfr-import-window.py RECORDING.jfr [STDOUT_LOG] [TOP=25]. With the run's stdout.log, only samples
between the first ranged GET of a source object and the last staging CopyObject count (start-up and the job's
wait left out).
Prints: samples by library, each sample going to the first frame from the top that is not the JDK's (so the SDK's
signing counts as the SDK, not as java.security); the top leaf frames; and the org.ahibridge methods with the
share of samples they are on the stack of (inclusive).
"""
import collections
import re
import subprocess
import sys

LIBRARIES = [("org.ahibridge.", "ahi-bridge"), ("software.amazon.", "AWS SDK"), ("org.apache.http.", "AWS SDK"),
             ("org.h2.", "H2"), ("com.zaxxer.hikari.", "H2"), ("org.springframework.jdbc", "Spring JDBC/tx"),
             ("org.springframework.transaction", "Spring JDBC/tx"), ("org.apache.camel.", "Camel"),
             ("org.dcm4che", "DICOM"), ("com.fasterxml.jackson", "JSON"), ("ch.qos.logback", "logging"),
             ("org.slf4j", "logging"), ("org.springframework.", "Spring")]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def library(frame):
    for prefix, name in LIBRARIES:
        if frame.startswith(prefix):
            return name
    return None


def window(log):
    first = last = None
    for line in open(log, encoding="utf-8", errors="replace"):
        if "Sending Request" not in line:
            continue
        stamp = line[:12]
        if "httpMethod=GET" in line and "encodedPath=/source/" in line and "Range" in line and first is None:
            first = stamp
        if "httpMethod=PUT" in line and "encodedPath=/staging/" in line and "x-amz-copy-source" in line:
            last = stamp
    return first, last


def main():
    recording = sys.argv[1]
    first, last = window(sys.argv[2]) if len(sys.argv) > 2 else (None, None)
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
                          capture_output=True, text=True, check=True).stdout
    libs, leaves, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for event in text.split("jdk.ExecutionSample {")[1:]:
        stamp = re.search(r"startTime = (\S+)", event).group(1)[:12]
        if first and not (first <= stamp <= last):
            continue
        frames = [f.strip().split(" line:")[0] for f in event.split("stackTrace = [", 1)[1].split("\n")
                  if f.strip() and not f.strip().startswith("]") and f.strip() != "}" and f.strip() != "..."]
        if not frames:
            continue
        total += 1
        leaves[frames[0]] += 1
        owner = next((library(f) or "other" for f in frames if not f.startswith(JDK)), "JDK only")
        libs[owner] += 1
        for f in set(f.split("(")[0] for f in frames if f.startswith("org.ahibridge.")):
            inclusive[f] += 1
    print("window %s .. %s: %d samples" % (first, last, total))
    print("\n-- by library (first non-JDK frame from the top)")
    for name, n in libs.most_common():
        print("%6.1f %%  %s" % (100.0 * n / total, name))
    print("\n-- top leaf frames")
    for name, n in leaves.most_common(top):
        print("%6.1f %%  %s" % (100.0 * n / total, name))
    print("\n-- org.ahibridge methods on the stack (inclusive)")
    for name, n in inclusive.most_common(top):
        print("%6.1f %%  %s" % (100.0 * n / total, name))


if __name__ == "__main__":
    main()
