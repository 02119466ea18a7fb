#!/usr/bin/env python3
"""Warm sequential latency of our service (JWT mode, and demo mode) side by side with the HAPI CDS Hooks peer
(issue 16 goal 4; bench/hapi-peer, no security).

Every call to our JWT-mode service carries a fresh ES384 token (new jti, 60 s lifetime, aud = public base URL +
path) signed with metrics-overhead.py's bench key at the start of its round, before any call of the round: only
the services' work is timed (verification included for ours). One keep-alive connection per service, one call at a time; each round calls
every service once, in a random order per round, so all see the same machine. Loopback only; WARM + CALLS
rounds.

usage: peer-compare.py check OUT_DIR BODY AUD_BASE PATH NAME=PORT[:jwt]...   discovery and one answer of each
       peer-compare.py run OUT_DIR BODY AUD_BASE PATH WARM CALLS NAME=PORT[:jwt]...
NAME=PORT:jwt sends a token with each call; NAME=PORT[:jwt]@PID also reports the process's CPU time (user +
system, all threads) per measured call, read from /proc before and after the measured rounds: the figure that
other load on the machine disturbs least. The LAST target is the reference of the ratios (the peer).
"""
import http.client
import importlib.util
import json
import os
import random
import sys
import time

from cryptography.hazmat.primitives import serialization

_spec = importlib.util.spec_from_file_location(
    "metrics_overhead", os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics-overhead.py"))
metrics_overhead = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(metrics_overhead)

SERVICE_ID = "hypomagnesemia-patient-view"


def targets(specs):
    """NAME=PORT[:jwt][@PID] -> [(name, port, jwt, pid or None)]"""
    out = []
    for s in specs:
        name, rest = s.split("=", 1)
        rest, _, pid = rest.partition("@")
        port, _, mode = rest.partition(":")
        out.append((name, int(port), mode == "jwt", int(pid) if pid else None))
    return out


def cpu_seconds(pid):
    """User + system CPU time of a process so far (all its threads: request, GC and JIT alike)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def post(conn, path, body, bearer):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if bearer is not None:
        headers["Authorization"] = "Bearer " + bearer
    start = time.perf_counter()
    conn.request("POST", path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise SystemExit(f"status {response.status} from port {conn.port}: {data[:300]!r}")
    return elapsed, data


def load_key(out):
    with open(f"{out}/bench-ec.pem", "rb") as f:
        return serialization.load_pem_private_key(f.read(), None)


def check(out, body_file, aud_base, path, specs):
    """Both publish the same prefetch templates for the service, and each answers the bench request with a card."""
    key = load_key(out)
    with open(body_file, "rb") as f:
        body = f.read()
    prefetch = {}
    for name, port, jwt, _ in targets(specs):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Accept": "application/json"}
        if jwt:  # our JWT mode guards discovery too (aud = the URL called)
            headers["Authorization"] = "Bearer " + metrics_overhead.token(key, aud_base + "/cds-services")
        conn.request("GET", "/cds-services", headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"{name}: discovery answered {response.status}: {data[:300]!r}")
        services = json.loads(data)["services"]
        prefetch[name] = next(s for s in services if s["id"] == SERVICE_ID)["prefetch"]
        _, data = post(conn, path, body, metrics_overhead.token(key, aud_base + path) if jwt else None)
        cards = json.loads(data)["cards"]
        if not cards:
            raise SystemExit(f"{name}: no card for the bench request")
        first = cards[0]
        print(f"check {name}: {len(cards)} cards, {len(data)} bytes; first: [{first.get('indicator')}] "
              f"{first.get('summary')}")
    reference = next(iter(prefetch.values()))
    for name, templates in prefetch.items():
        if templates != reference:
            raise SystemExit(f"prefetch templates differ: {name} publishes {templates}, not {reference}")
    print(f"check: all publish the same {len(reference)} prefetch templates for {SERVICE_ID}")


def pct(xs, p):
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def stats(xs):
    xs = sorted(xs)
    return {"n": len(xs), "p50": pct(xs, 0.50), "p90": pct(xs, 0.90), "p99": pct(xs, 0.99), "max": xs[-1]}


def run(out, body_file, aud_base, path, warm, calls, specs):
    key = load_key(out)
    with open(body_file, "rb") as f:
        body = f.read()
    aud = aud_base + path
    ts = targets(specs)
    conns = {name: (http.client.HTTPConnection("127.0.0.1", port, timeout=30), key if jwt else None)
             for name, port, jwt, _ in ts}
    pids = {t[0]: t[3] for t in ts if t[3]}
    names = [t[0] for t in ts]
    rnd = random.Random(16)

    def one_round():
        # the round's tokens are signed before its first call, so the client's signing work is not right
        # before the JWT call more often than before any other (the round's order is random)
        bearers = {name: metrics_overhead.token(k, aud) if k is not None else None for name, (_, k) in conns.items()}
        return {name: post(conns[name][0], path, body, bearers[name])[0] for name in rnd.sample(names, len(names))}

    for _ in range(warm):
        one_round()
    times = {name: [] for name in names}
    cpu_start = {name: cpu_seconds(pid) for name, pid in pids.items()}
    for _ in range(calls):
        for name, elapsed in one_round().items():
            times[name].append(elapsed)
    cpu = {name: (cpu_seconds(pid) - cpu_start[name]) / calls for name, pid in pids.items()}
    s = {name: stats(times[name]) for name in names}
    print(f"body: {len(body)} bytes; WARM={warm} CALLS={calls} rounds, one call to each service per round, "
          f"random order per round")
    width = max(len(n) for n in names)
    for name in names:
        r = s[name]
        print(f"{name:<{width}}  n={r['n']} p50_ms={1000 * r['p50']:.3f} p90_ms={1000 * r['p90']:.3f} "
              f"p99_ms={1000 * r['p99']:.3f} max_ms={1000 * r['max']:.3f}"
              + (f" cpu_ms_per_call={1000 * cpu[name]:.3f}" if name in cpu else ""))
    peer = s[names[-1]]
    for name in names[:-1]:
        r = s[name]
        print(f"ratio {name}/{names[-1]}: p50 {r['p50'] / peer['p50']:.2f} p90 {r['p90'] / peer['p90']:.2f} "
              f"p99 {r['p99'] / peer['p99']:.2f}"
              + (f" cpu {cpu[name] / cpu[names[-1]]:.2f}" if name in cpu and names[-1] in cpu else ""))


if __name__ == "__main__":
    a = sys.argv[2:]
    if sys.argv[1] == "check":
        check(a[0], a[1], a[2], a[3], a[4:])
    else:
        run(a[0], a[1], a[2], a[3], int(a[4]), int(a[5]), a[6:])
