#!/usr/bin/env bash
# (10) Warm sequential latency vs the HAPI CDS Hooks module (issue 16 goal 4): our service in JWT mode (a fresh
# ES384 token per call) and in demo mode, side by side with a benchmark-only peer, HAPI FHIR's own CDS Hooks
# module (hapi-fhir-server-cds-hooks 8.8.0, bench/hapi-peer) hosting a thin patient-view service with the same
# prefetch contract and no security at all. All on the same ~85 KB full-prefetch patient-view request
# (make-requests.py: patient-view-full.json), one call at a time from one client (a keep-alive connection per
# service), each round calling every service once in a random order, so all see the same machine; also each
# process's CPU time per measured call (/proc, all threads), which other load disturbs least. Loopback only;
# WARM + CALLS rounds, a few minutes.
# env: WARM (2000), CALLS (2000) rounds; DEMO (1: also our service in demo mode; 0: JWT mode and the peer only);
# SKIP_BUILD=1 reuses target/*.jar and bench/hapi-peer/target; JAVA_OPTS (-Xmx1g, for every service)
source "$(dirname "$0")/lib.sh"
WARM=${WARM:-2000}
CALLS=${CALLS:-2000}
DEMO=${DEMO:-1}
RESULT="$OUT/peer-compare.txt"
PATH_PV=/cds-services/hypomagnesemia-patient-view
AUD_BASE=http://cds.bench.local
PEER="$ROOT/bench/hapi-peer"
need curl curl
python3 -c 'import cryptography' 2>/dev/null || need python3-cryptography python3-cryptography
build_jar
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$PEER/target/classpath.txt" ]; then
  (cd "$ROOT" && ./mvnw -q -B -f bench/hapi-peer/pom.xml -DskipTests package dependency:build-classpath)
fi
requests "$OUT/req"
python3 "$ROOT/bench/metrics-overhead.py" keys "$OUT"
PIDS=()
stop_started() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done; }
trap stop_started EXIT
declare -A PORT_OF PID_OF
start_ours() { # start_ours NAME jwt|demo
  local port
  port=$(free_port)
  PORT_OF[$1]=$port
  local security=(--cds.security.mode=demo)
  [ "$2" = jwt ] && security=(--cds.security.mode=jwt --cds.security.public-base-url="$AUD_BASE"
      --cds.security.issuers[0].iss=https://ehr.bench.local --cds.security.issuers[0].jwks-file="file:$OUT/bench-jwks.json")
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 --logging.level.root=WARN \
      "${security[@]}" --cds.store.data-dir="$OUT/data-$1-$port" >"$OUT/service-$1-$port.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$1]=$!
}
start_peer() {
  local port
  port=$(free_port)
  PORT_OF[peer]=$port
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx1g} -cp "$PEER/target/classes:$(cat "$PEER/target/classpath.txt")" \
      org.hypomag.bench.peer.PeerApplication --server.port="$port" --server.address=127.0.0.1 \
      --logging.level.root=WARN >"$OUT/hapi-peer-$port.log" 2>&1 &
  PIDS+=($!)
  PID_OF[peer]=$!
}
wait_up() { # wait_up NAME URL
  for _ in $(seq 1 1200); do
    curl -fs "$2" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "$1 did not start within 60 s (logs in $OUT)"; exit 1
}
start_ours ours-jwt jwt
[ "$DEMO" = 1 ] && start_ours ours-demo demo
start_peer
wait_up ours-jwt "http://127.0.0.1:${PORT_OF[ours-jwt]}/actuator/health"
[ "$DEMO" = 1 ] && wait_up ours-demo "http://127.0.0.1:${PORT_OF[ours-demo]}/actuator/health"
wait_up peer "http://127.0.0.1:${PORT_OF[peer]}/cds-services"
TARGETS=("ours-jwt=${PORT_OF[ours-jwt]}:jwt@${PID_OF[ours-jwt]}")
[ "$DEMO" = 1 ] && TARGETS+=("ours-demo=${PORT_OF[ours-demo]}@${PID_OF[ours-demo]}")
TARGETS+=("peer=${PORT_OF[peer]}@${PID_OF[peer]}")
{ machine; echo "uptime: $(uptime)"
  echo "ours-jwt: JWT mode, ES384 token per call; ours-demo: demo mode; peer: HAPI hapi-fhir-server-cds-hooks 8.8.0" \
       "on Spring Boot 3.5.7 (bench/hapi-peer), no security; JAVA_OPTS=${JAVA_OPTS:--Xmx1g}"; } | tee "$RESULT"
python3 "$ROOT/bench/peer-compare.py" check "$OUT" "$OUT/req/patient-view-full.json" "$AUD_BASE" "$PATH_PV" \
    "${TARGETS[@]}" | tee -a "$RESULT"
python3 "$ROOT/bench/peer-compare.py" run "$OUT" "$OUT/req/patient-view-full.json" "$AUD_BASE" "$PATH_PV" \
    "$WARM" "$CALLS" "${TARGETS[@]}" | tee -a "$RESULT"
echo "uptime after: $(uptime)" | tee -a "$RESULT"
