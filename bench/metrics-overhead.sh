#!/usr/bin/env bash
# (9) Metrics overhead (issue 15): warm sequential latency of patient-view with the full prefetch, metrics on vs
# metrics off, two services side by side in the same run, JWT mode with a fresh ES384 token per call. "Off" is
# cds.metrics.enabled=false (no per-call observer) + management.metrics.enable.all=false (every meter a no-op);
# "on" is the default configuration. Calls alternate between the two (random order per pair), so both see the
# same machine load. Loopback only; WARM + CALLS calls per service, about 2 minutes.
# env: WARM (1000), CALLS (2000); OFF_ARGS (the "off" service's extra properties; OFF_ARGS=" " runs the same
# configuration twice, an A/A run that shows the noise floor of the machine)
source "$(dirname "$0")/lib.sh"
WARM=${WARM:-1000}
CALLS=${CALLS:-2000}
RESULT="$OUT/metrics-overhead.txt"
PATH_PV=/cds-services/hypomagnesemia-patient-view
AUD_BASE=http://cds.bench.local
need curl curl
python3 -c 'import cryptography' 2>/dev/null || need python3-cryptography python3-cryptography
build_jar
requests "$OUT/req"
python3 "$ROOT/bench/metrics-overhead.py" keys "$OUT"
PIDS=()
stop_both() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done; }
trap stop_both EXIT
start_jwt() { # start_jwt NAME [--property=value ...]: sets PORT_OF[NAME], MPORT_OF[NAME]
  local name=$1; shift
  local port mport
  port=$(free_port); mport=$(free_port)
  PORT_OF[$name]=$port; MPORT_OF[$name]=$mport
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 \
      --management.server.port="$mport" --management.server.address=127.0.0.1 --logging.level.root=WARN \
      --cds.security.public-base-url="$AUD_BASE" --cds.security.issuers[0].iss=https://ehr.bench.local \
      --cds.security.issuers[0].jwks-file="file:$OUT/bench-jwks.json" --cds.store.data-dir="$OUT/data-$name-$port" \
      "$@" >"$OUT/service-$name-$port.log" 2>&1 &
  PIDS+=($!)
}
declare -A PORT_OF MPORT_OF
OFF_ARGS=${OFF_ARGS:---cds.metrics.enabled=false --management.metrics.enable.all=false}
# OFF_FIRST=1 starts the "off" service first (the start order is the one asymmetry left between the two)
# shellcheck disable=SC2086
if [ -n "${OFF_FIRST:-}" ]; then start_jwt off $OFF_ARGS; start_jwt on; else start_jwt on; start_jwt off $OFF_ARGS; fi
ON_PORT=${PORT_OF[on]}; ON_MPORT=${MPORT_OF[on]}; OFF_PORT=${PORT_OF[off]}; OFF_MPORT=${MPORT_OF[off]}
for mp in "$ON_MPORT" "$OFF_MPORT"; do
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$mp/actuator/health" >/dev/null 2>&1 && break
    sleep 0.05
  done
  curl -fs "http://127.0.0.1:$mp/actuator/health" >/dev/null || { echo "a service did not start"; exit 1; }
done
{ machine; echo "uptime: $(uptime)"; echo "WARM=$WARM CALLS=$CALLS (per service), JWT mode, ES384 token per call";
  echo "off service: $OFF_ARGS; started first: $([ -n "${OFF_FIRST:-}" ] && echo off || echo on)"; } \
    | tee "$RESULT"
python3 "$ROOT/bench/metrics-overhead.py" run "$OUT" "$OUT/req/patient-view-full.json" "$AUD_BASE" "$PATH_PV" \
    "$ON_PORT" "$OFF_PORT" "$WARM" "$CALLS" | tee -a "$RESULT"
# the "on" service counted every call; the "off" one exported no cds_ meter
on_calls=$(curl -s "http://127.0.0.1:$ON_MPORT/actuator/prometheus" \
    | awk '/^cds_hook_calls_total\{.*service="hypomagnesemia-patient-view".*status="200"/ {print $2}')
off_series=$(curl -s "http://127.0.0.1:$OFF_MPORT/actuator/prometheus" | grep -c '^cds_' || true)
echo "check: on counted cds_hook_calls_total=$on_calls (expected $((WARM + CALLS))); off exported $off_series cds_ series" \
    | tee -a "$RESULT"
echo "uptime after: $(uptime)" | tee -a "$RESULT"
