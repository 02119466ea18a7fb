#!/usr/bin/env python3
"""Inclusive share of the service's stages in JFR execution samples (`jfr print --json --events
jdk.ExecutionSample` on stdin): a sample counts for a stage when any frame of its stack is one of the stage's
methods. Samples of request threads only (http-nio); the rest (timers, the store's flusher) is one line."""
import json
import sys

STAGES = [  # (label, frame prefixes "class.method" or "package.")
    ("JWT check (JwtVerifier.verify)", ["org.hypomag.cds.security.JwtVerifier.verify"]),
    ("  signature (Nimbus ECDSAVerifier, BouncyCastle)", ["com.nimbusds.jose.crypto.ECDSAVerifier.verify"]),
    ("  replay (ReplayCache + store)", ["org.hypomag.cds.security.ReplayCache", "org.hypomag.cds.security.StoreReplay"]),
    ("the store (org.hypomag.cds.store)", ["org.hypomag.cds.store."]),
    ("the controller (CdsHooksController)", ["org.hypomag.cds.cdshooks.CdsHooksController."]),
    ("reading the request body (Spring + Jackson)", ["org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver.readWithMessageConverters"]),
    ("validating the request (HookRequestValidator)", ["org.hypomag.cds.cdshooks.HookRequestValidator"]),
    ("FHIR JSON -> snapshot (org.hypomag.cds.fhir)", ["org.hypomag.cds.fhir."]),
    ("the rules (Assessor.assess)", ["org.hypomag.cds.clinical.Assessor.assess"]),
    ("  drug matching (DrugMatcher.match)", ["org.hypomag.cds.clinical.DrugMatcher.match"]),
    ("cards (org.hypomag.cds.cards)", ["org.hypomag.cds.cards."]),
    ("  suggested orders' HAPI encode", ["org.hypomag.cds.cards.SuggestedOrders.encode"]),
    ("ledger (CardLedger)", ["org.hypomag.cds.cdshooks.CardLedger"]),
    ("writing the answer (Spring + Jackson)", ["org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters"]),
    ("metrics (Micrometer)", ["io.micrometer."]),
    ("logging", ["ch.qos.logback.", "org.slf4j."]),
]


def frames(event):
    for f in event["values"]["stackTrace"]["frames"]:
        m = f["method"]
        yield (m["type"]["name"] + "." + m["name"]).replace("/", ".")


def main():
    data = json.load(sys.stdin)
    events = data["recording"]["events"]
    total = len(events)
    request = [e for e in events if "http-nio" in (e["values"].get("sampledThread") or {}).get("javaName", "")]
    counts = {label: 0 for label, _ in STAGES}
    for e in request:
        fs = list(frames(e))
        for label, prefixes in STAGES:
            if any(f.startswith(p) for f in fs for p in prefixes):
                counts[label] += 1
    print(f"JFR execution samples: {total}, of request threads {len(request)}; inclusive share of all samples:")
    for label, _ in STAGES:
        print(f"  {label:<48} {100 * counts[label] / max(total, 1):5.1f} %")
    print(f"  {'not request threads':<48} {100 * (total - len(request)) / max(total, 1):5.1f} %")


if __name__ == "__main__":
    main()
