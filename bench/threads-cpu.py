#!/usr/bin/env python3
"""CPU time of a JVM's threads, grouped by thread name (digits removed), between two snapshots.

usage: threads-cpu.py snap PID FILE        writes a snapshot of every thread's user+system ticks
       threads-cpu.py diff PID FILE [N]    prints the CPU (ms) per thread group since the snapshot, per request
                                           when N (the requests answered in between) is given
Thread names come from /proc/PID/task/*/comm (15 characters: "http-nio-3549-e", "G1 Conc#0", "C2 CompilerThre").
"""
import json
import os
import re
import sys

HZ = os.sysconf("SC_CLK_TCK")


def snapshot(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[tid] = [name, int(fields[11]) + int(fields[12])]
        except OSError:
            pass  # the thread ended meanwhile
    return out


def group(name):
    return re.sub(r"[0-9]+", "#", name)


def main():
    cmd, pid, path = sys.argv[1], sys.argv[2], sys.argv[3]
    if cmd == "snap":
        with open(path, "w") as f:
            json.dump(snapshot(pid), f)
        return
    with open(path) as f:
        before = json.load(f)
    after = snapshot(pid)
    groups = {}
    for tid, (name, ticks) in after.items():
        delta = ticks - before.get(tid, [name, 0])[1]
        groups[group(name)] = groups.get(group(name), 0) + delta
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    total = sum(groups.values())
    for g, t in sorted(groups.items(), key=lambda kv: -kv[1]):
        if t == 0:
            continue
        ms = t * 1000 / HZ
        per = f" {ms / n:8.3f} ms/request" if n else ""
        print(f"  {g:<18} {ms:10.0f} ms {100 * t / total:5.1f} %{per}")
    ms = total * 1000 / HZ
    print(f"  {'all threads':<18} {ms:10.0f} ms" + (f" {ms / n:8.3f} ms/request" if n else ""))


if __name__ == "__main__":
    main()
