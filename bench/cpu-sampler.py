#!/usr/bin/env python3
"""Samples the user+sys CPU of processes from /proc/<pid>/stat until the first one exits (bench/import-latency.sh).

Usage: cpu-sampler.py INTERVAL_S PID [PID...]. Prints one line per sample: epoch seconds, then for each PID the CPU
seconds (utime + stime, children not included) of that process and of every process below it, found at start (the
emulator starts s3proxy as a child before the benchmark runs). The caller interpolates at the timestamps it wants.
"""
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # after the command: state(0) ppid(1) ... utime(11) stime(12)
    return int(fields[1]), int(fields[11]) + int(fields[12])


def tree(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                children.setdefault(stat(int(entry))[0], []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def main():
    interval = float(sys.argv[1])
    roots = [int(p) for p in sys.argv[2:]]
    trees = [tree(root) for root in roots]
    while True:
        now = time.time()
        values = []
        for pids in trees:
            total = 0
            for pid in pids:
                try:
                    total += stat(pid)[1]
                except OSError:
                    if pid == roots[0]:
                        return
            values.append(total / TICK)
        print("%.3f\t%s" % (now, "\t".join("%.2f" % v for v in values)), flush=True)
        time.sleep(interval)


if __name__ == "__main__":
    main()
