#!/usr/bin/env python3
"""Where a JVM's CPU went, from a JFR recording (BENCHMARKS.md, "Export CPU per frame"): the execution samples
by thread (numbers folded, so pools count as one), by top frame and by frame anywhere on the stack, and the
threads' CPU load (jdk.ThreadCPULoad, which also covers the JIT compiler threads).
Usage: bench/jfr-top.py RECORDING.jfr [TOP=40] [THREAD_REGEX]   (e.g. 'export-' for the export's pools)"""
import collections, json, re, subprocess, sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
only = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None


def events(kind):
    out = subprocess.run(["jfr", "print", "--json", "--events", kind, recording], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def thread_name(thread):
    thread = thread or {}
    return re.sub(r"\d+", "N", thread.get("javaName") or thread.get("osName") or "?")


def frame_name(frame):
    return frame["method"]["type"]["name"] + "." + frame["method"]["name"]


threads, tops, anywhere = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in events("jdk.ExecutionSample"):
    stack = (event["values"].get("stackTrace") or {}).get("frames") or []
    name = thread_name(event["values"].get("sampledThread"))
    if not stack or (only and not only.search(name)):
        continue
    samples += 1
    threads[name] += 1
    tops[frame_name(stack[0])] += 1
    for frame in {frame_name(f) for f in stack}:
        anywhere[frame] += 1

print("%d execution samples" % samples)
for title, counter in (("by thread", threads), ("top frame", tops), ("anywhere on the stack", anywhere)):
    print("== " + title)
    for key, count in counter.most_common(top):
        print("%6d %5.1f%%  %s" % (count, 100.0 * count / max(1, samples), key))

load = collections.Counter()
for event in events("jdk.ThreadCPULoad"):
    values = event["values"]
    load[thread_name(values.get("eventThread"))] += values["user"] + values["system"]
total = sum(load.values()) or 1
print("== CPU load by thread (share of the summed jdk.ThreadCPULoad samples)")
for key, value in load.most_common(top):
    print("%5.1f%%  %s" % (100.0 * value / total, key))
