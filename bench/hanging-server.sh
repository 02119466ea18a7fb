#!/usr/bin/env bash
# (3) A FHIR server that never answers (WireMock delays every query by 10 minutes): 1,000 patient-view
# calls without prefetch, 20 at a time. Every answer must come within the service's deadline + 50 ms, and
# live threads and used memory (actuator metrics, after a GC) must come back to their baseline.
# Idle pools give their threads back on their own schedule (the FHIR client's after 30 s, Tomcat's extra
# workers after 60 s), so the script polls the live threads every 5 s for up to IDLE_MAX_S.
# usage: bash bench/hanging-server.sh [jwt|demo]   (jwt, the default: each call carries its own ES384 token)
# env: CALLS (1000), CONCURRENCY (20), DEADLINE_MS (the deadline the service is started with),
#      DEADLINE_ARGS (the property that sets it), IDLE_MAX_S (120)
source "$(dirname "$0")/lib.sh"
CALLS=${CALLS:-1000}
CONCURRENCY=${CONCURRENCY:-20}
DEADLINE_MS=${DEADLINE_MS:-1200}
DEADLINE_ARGS=${DEADLINE_ARGS:---cds.fhir.deadline=${DEADLINE_MS}ms}
RESULT="$OUT/hanging-server.txt"
need curl curl
need jcmd openjdk-17-jdk-headless
build_jar
requests "$OUT/req-hang" hang
start_wiremock "$OUT/req-hang/wiremock"
# shellcheck disable=SC2086
start_service --management.endpoints.web.exposure.include=health,metrics $DEADLINE_ARGS
machine | tee "$RESULT"
sed "s#FHIR_BASE#$WM_BASE/fhir#" "$OUT/req-hang/patient-view-fetch.json" >"$OUT/req-hang/call.json"
metric() { curl -s "$BASE/actuator/metrics/$1" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'; }
snapshot() {
  jcmd "$SERVICE_PID" GC.run >/dev/null
  sleep 1
  echo "threads=$(metric jvm.threads.live) heap_used_mb=$(( $(metric "jvm.memory.used?tag=area:heap") / 1048576 )) rss_kb=$(ps -o rss= -p "$SERVICE_PID" | xargs)"
}
patient_view_tokens $((CALLS + CONCURRENCY * 2))
for _ in $(seq 1 $((CONCURRENCY * 2))); do take_token; post_time "$OUT/req-hang/call.json" "$TOKEN" >/dev/null; done
sleep 2
baseline=$(snapshot)
echo "baseline after warm-up: $baseline" | tee -a "$RESULT"
baseline_threads=$(sed -E 's/threads=([0-9]+).*/\1/' <<<"$baseline")
export -f post_time
export BASE
start=$(now_ms)
# one unused token per call (demo mode: "none" per call)
if [ "$MODE" = jwt ]; then printf '%s\n' "${TOKENS[@]:$TOKEN_AT:$CALLS}"; else seq "$CALLS" | sed "s/.*/none/"; fi \
  | xargs -d '\n' -P "$CONCURRENCY" -I{} bash -c 'post_time "$0" "$1"' "$OUT/req-hang/call.json" {} >"$OUT/hang-times.txt"
echo "$CALLS calls, $CONCURRENCY at a time, took $(( $(now_ms) - start )) ms" | tee -a "$RESULT"
echo "during (right after the last call): threads=$(metric jvm.threads.live)" | tee -a "$RESULT"
echo "statuses: $(awk '{print $1}' "$OUT/hang-times.txt" | sort | uniq -c | xargs)" | tee -a "$RESULT"
echo "answer time, seconds: $(awk '{print $2}' "$OUT/hang-times.txt" | stats)" | tee -a "$RESULT"
limit=$(awk -v d="$DEADLINE_MS" 'BEGIN {print (d + 50) / 1000}')
over=$(awk -v l="$limit" '$2 > l' "$OUT/hang-times.txt" | wc -l)
echo "answers over deadline+50 ms ($limit s): $over of $CALLS" | tee -a "$RESULT"
waited=0
while [ "$waited" -lt "${IDLE_MAX_S:-120}" ]; do
  sleep 5
  waited=$((waited + 5))
  [ "$(metric jvm.threads.live)" -le "$baseline_threads" ] && break
done
echo "after $waited s idle: $(snapshot)" | tee -a "$RESULT"
