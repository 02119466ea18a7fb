#!/usr/bin/env python3
"""Warm sequential latency of two services started side by side, metrics on and metrics off (issue 15).

JWT mode, as in production: every call carries a fresh ES384 token (new jti, 60 s lifetime) signed by a test
EHR whose public key the services trust; the token is signed before the clock starts, so only the service's
work (verification included) is timed. Calls alternate between the two services in a random order per pair,
one keep-alive connection each, so both see the same machine load. Loopback only; bounded by WARM + CALLS.

usage: metrics-overhead.py keys OUT_DIR                 -> OUT_DIR/bench-ec.pem, OUT_DIR/bench-jwks.json
       metrics-overhead.py run OUT_DIR BODY AUD_BASE PATH ON_PORT OFF_PORT WARM CALLS
"""
import base64
import http.client
import json
import random
import statistics
import sys
import time
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ISS = "https://ehr.bench.local"
KID = "bench-ec-1"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def keys(out):
    key = ec.generate_private_key(ec.SECP384R1())
    with open(f"{out}/bench-ec.pem", "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    n = key.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "P-384", "kid": KID, "use": "sig", "alg": "ES384",
           "x": b64(n.x.to_bytes(48, "big")), "y": b64(n.y.to_bytes(48, "big"))}
    with open(f"{out}/bench-jwks.json", "w") as f:
        json.dump({"keys": [jwk]}, f)


def token(key, aud):
    now = int(time.time())
    header = b64(json.dumps({"alg": "ES384", "typ": "JWT", "kid": KID}).encode())
    claims = b64(json.dumps({"iss": ISS, "aud": aud, "iat": now, "exp": now + 60,
                             "jti": str(uuid.uuid4())}).encode())
    r, s = decode_dss_signature(key.sign(f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA384())))
    return f"{header}.{claims}.{b64(r.to_bytes(48, 'big') + s.to_bytes(48, 'big'))}"


def call(conn, key, aud, path, body):
    headers = {"Content-Type": "application/json", "Accept": "application/json",
               "Authorization": "Bearer " + token(key, aud)}
    start = time.perf_counter()
    conn.request("POST", path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise SystemExit(f"status {response.status} from port {conn.port}")
    return elapsed


def summary(label, xs):
    xs = sorted(xs)
    cut = len(xs) // 20
    trimmed = xs[cut:len(xs) - cut]
    pct = lambda p: xs[min(len(xs) - 1, int(p * len(xs)))]
    return (f"{label}: n={len(xs)} median_ms={1000 * statistics.median(xs):.3f} "
            f"trimmed_mean_ms={1000 * statistics.fmean(trimmed):.3f} p90_ms={1000 * pct(0.90):.3f} "
            f"p99_ms={1000 * pct(0.99):.3f}"), statistics.median(xs), statistics.fmean(trimmed)


def run(out, body_file, aud_base, path, on_port, off_port, warm, calls):
    with open(f"{out}/bench-ec.pem", "rb") as f:
        key = serialization.load_pem_private_key(f.read(), None)
    with open(body_file, "rb") as f:
        body = f.read()
    aud = aud_base + path
    conns = {"on": http.client.HTTPConnection("127.0.0.1", on_port, timeout=10),
             "off": http.client.HTTPConnection("127.0.0.1", off_port, timeout=10)}
    rnd = random.Random(15)
    for _ in range(warm):
        for name in rnd.sample(["on", "off"], 2):
            call(conns[name], key, aud, path, body)
    times = {"on": [], "off": []}
    for _ in range(calls):
        for name in rnd.sample(["on", "off"], 2):
            times[name].append(call(conns[name], key, aud, path, body))
    line_on, med_on, tm_on = summary("metrics on ", times["on"])
    line_off, med_off, tm_off = summary("metrics off", times["off"])
    print(line_on)
    print(line_off)
    print(f"overhead: median {100 * (med_on / med_off - 1):+.2f}% trimmed_mean {100 * (tm_on / tm_off - 1):+.2f}% "
          f"(target within 3%)")


if __name__ == "__main__":
    if sys.argv[1] == "keys":
        keys(sys.argv[2])
    else:
        a = sys.argv[2:]
        run(a[0], a[1], a[2], a[3], int(a[4]), int(a[5]), int(a[6]), int(a[7]))
