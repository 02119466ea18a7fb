#!/usr/bin/env python3
"""Replays N patient-view calls with feedback against a running demo-mode service, then prints the day's
analytics (issue 15), so the page at /analytics has figures to show.

    ./mvnw spring-boot:run -Dspring-boot.run.arguments="--cds.security.mode=demo --cds.clock.fixed=2026-11-23T12:00:00Z"
    bench/analytics-replay.py 60 [http://127.0.0.1:8080]

Card i of each call: every third alert accepted (first suggestion), every third overridden with the card's
first override reason, the rest left without feedback; drug-cause cards overridden every second call.
Prints the expected counts next to /analytics/cards.json's, and exits 1 if they differ.
"""
import datetime
import json
import sys
import urllib.request
import uuid

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
BASE = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8080"
SERVICE = "hypomagnesemia-patient-view"
if not 1 <= N <= 10000:
    sys.exit("N must be 1..10000")


def post(path, body):
    req = urllib.request.Request(BASE + path, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def feedback(card, outcome):
    item = {"card": card["uuid"], "outcome": outcome, "outcomeTimestamp": "2026-11-23T12:01:00Z"}
    if outcome == "accepted":
        item["acceptedSuggestions"] = [{"id": card["suggestions"][0]["uuid"]}]
    else:
        item["overrideReason"] = {"reason": card["overrideReasons"][0]}
    post("/cds-services/%s/feedback" % SERVICE, {"feedback": [item]})


with open("hooks/patient-view-severe-ckd-prefetch.json") as f:
    request = json.load(f)
expected = {}
for i in range(N):
    request["hookInstance"] = str(uuid.uuid4())
    for card in post("/cds-services/" + SERVICE, request)["cards"]:
        code = card["source"]["topic"]["code"]
        e = expected.setdefault(code, {"issued": 0, "accepted": 0, "overridden": 0})
        e["issued"] += 1
        if code == "hypomag-alert" and i % 3 == 0:
            feedback(card, "accepted"); e["accepted"] += 1
        elif code == "hypomag-alert" and i % 3 == 1 or code == "hypomag-drug-cause" and i % 2 == 0:
            feedback(card, "overridden"); e["overridden"] += 1

today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
with urllib.request.urlopen("%s/analytics/cards.json?from=%s&to=%s" % (BASE, today, today), timeout=30) as r:
    report = json.load(r)
ok = True
for t in report["cardTypes"]:
    e = expected.get(t["code"], {})
    got = {k: t[k] for k in ("issued", "accepted", "overridden")}
    print("%-22s expected %s  analytics %s" % (t["code"], e, got))
    ok &= all(got[k] >= e.get(k, 0) for k in got)  # >=: the database may hold earlier runs of the same day
print("page: %s/analytics?from=%s&to=%s" % (BASE, today, today))
sys.exit(0 if ok else 1)
