#!/usr/bin/env bash
# (2) No prefetch: WireMock (standalone jar) plays the EHR's FHIR server and answers each of the nine
# queries after a fixed delay of 50-150 ms (bench/make-requests.py DELAYS_MS). Reports the median total
# latency of the service divided by the median time of the slowest single query (target <= 1.3), first
# with the parallel fetch, then with the fetch made sequential (SEQUENTIAL_ARGS) for comparison.
# env: CALLS (50), SEQUENTIAL_ARGS (the property that limits the fetch to one query at a time)
source "$(dirname "$0")/lib.sh"
CALLS=${CALLS:-50}
SEQUENTIAL_ARGS=${SEQUENTIAL_ARGS:---cds.fhir.max-parallel-queries=1}
RESULT="$OUT/no-prefetch.txt"
need curl curl
build_jar
requests "$OUT/req-fetch"
start_wiremock "$OUT/req-fetch/wiremock"
machine | tee "$RESULT"
slowest_url="$WM_BASE/fhir/Observation?patient=bench-1&code=http://loinc.org|19123-9&_sort=-date&_count=20"
for _ in 1 2 3 4 5; do curl -s -o /dev/null "$slowest_url"; done
slowest=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$slowest_url"; done | stats)
echo "slowest single query (magnesium, 150 ms delay), seconds: $slowest" | tee -a "$RESULT"
slow_median=$(sed -E 's/.*median=([0-9.]+).*/\1/' <<<"$slowest")
measure() { # measure LABEL [service args]
  local label=$1; shift
  start_service "$@"
  sed "s#FHIR_BASE#$WM_BASE/fhir#" "$OUT/req-fetch/patient-view-fetch.json" >"$OUT/req-fetch/call.json"
  for _ in $(seq 1 10); do post_time "$OUT/req-fetch/call.json" >/dev/null; done
  local times
  times=$(for _ in $(seq 1 "$CALLS"); do post_time "$OUT/req-fetch/call.json"; done)
  echo "$label statuses: $(awk '{print $1}' <<<"$times" | sort | uniq -c | xargs)" | tee -a "$RESULT"
  local s
  s=$(awk '{print $2}' <<<"$times" | stats)
  local median
  median=$(sed -E 's/.*median=([0-9.]+).*/\1/' <<<"$s")
  echo "$label total latency, seconds: $s; ratio median/slowest = $(awk -v a="$median" -v b="$slow_median" \
      'BEGIN {printf "%.2f", a / b}')" | tee -a "$RESULT"
  stop_service
}
measure parallel
measure sequential $SEQUENTIAL_ARGS
