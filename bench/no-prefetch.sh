#!/usr/bin/env bash
# (2) No prefetch: WireMock (standalone jar) plays the EHR's FHIR server and answers each of the ten
# queries after a fixed delay of 50-150 ms (bench/make-requests.py DELAYS_MS). Reports the median total
# latency of the service divided by the median time of the slowest single query (target <= 1.3).
# For comparison, the same calls against the service started with cds.fhir.sequential=true (one query
# after the other; deadline and query timeout raised so the sequential fetch is not cut short), and the
# sum of the ten single-query medians measured directly against WireMock (what a one-at-a-time fetch
# cannot beat).
# usage: bash bench/no-prefetch.sh [jwt|demo]   (jwt, the default: each call carries its own ES384 token)
# env: CALLS (50)
source "$(dirname "$0")/lib.sh"
CALLS=${CALLS:-50}
RESULT="$OUT/no-prefetch.txt"
need curl curl
build_jar
requests "$OUT/req-fetch"
start_wiremock "$OUT/req-fetch/wiremock"
machine | tee "$RESULT"
declare -A QUERY=(
  [patient]="Patient/bench-1"
  [magnesium]="Observation?patient=bench-1&code=http://loinc.org|19123-9&_sort=-date&_count=20"
  [potassium]="Observation?patient=bench-1&code=http://loinc.org|2823-3&_sort=-date&_count=20"
  [calcium]="Observation?patient=bench-1&code=http://loinc.org|17861-6&_sort=-date&_count=20"
  [renal]="Observation?patient=bench-1&code=http://loinc.org|2160-0&_sort=-date&_count=20"
  [weight]="Observation?patient=bench-1&code=http://loinc.org|29463-7&_sort=-date&_count=20"
  [medicationStatements]="MedicationStatement?patient=bench-1&_count=100"
  [medicationRequests]="MedicationRequest?patient=bench-1&_count=100"
  [medicationAdministrations]="MedicationAdministration?patient=bench-1&_count=50"
  [conditions]="Condition?patient=bench-1&_count=100")
slowest=0
sum=0
for key in "${!QUERY[@]}"; do
  url="$WM_BASE/fhir/${QUERY[$key]}"
  for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
  s=$(for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | stats)
  m=$(sed -E 's/.*median=([0-9.]+).*/\1/' <<<"$s")
  echo "single query $key, seconds: $s" | tee -a "$RESULT"
  slowest=$(awk -v a="$slowest" -v b="$m" 'BEGIN {print (b > a) ? b : a}')
  sum=$(awk -v a="$sum" -v b="$m" 'BEGIN {print a + b}')
done
echo "slowest single query median: $slowest s; sum of the ten medians (sequential floor): $sum s" | tee -a "$RESULT"
measure() { # measure LABEL [service properties...]
  LABEL=$1; shift
  start_service "$@"
  patient_view_tokens $((CALLS + 12))
  sed "s#FHIR_BASE#$WM_BASE/fhir#" "$OUT/req-fetch/patient-view-fetch.json" >"$OUT/req-fetch/call.json"
  take_token
  post_time "$OUT/req-fetch/call.json" "$TOKEN" "$OUT/no-prefetch-sample-answer-$LABEL.json" >/dev/null
  summaries() { python3 -c 'import json,sys; print(" / ".join(c["indicator"] + ": " + c["summary"] for c in json.load(sys.stdin)["cards"]))'; }
  echo "$LABEL, first call after start: $(summaries <"$OUT/no-prefetch-sample-answer-$LABEL.json")" | tee -a "$RESULT"
  for _ in $(seq 1 10); do take_token; post_time "$OUT/req-fetch/call.json" "$TOKEN" >/dev/null; done
  take_token
  post_time "$OUT/req-fetch/call.json" "$TOKEN" "$OUT/no-prefetch-sample-answer-$LABEL-warm.json" >/dev/null
  echo "$LABEL, after warm-up: $(summaries <"$OUT/no-prefetch-sample-answer-$LABEL-warm.json")" | tee -a "$RESULT"
  times=$(for _ in $(seq 1 "$CALLS"); do take_token; post_time "$OUT/req-fetch/call.json" "$TOKEN"; done)
  echo "statuses: $(awk '{print $1}' <<<"$times" | sort | uniq -c | xargs)" | tee -a "$RESULT"
  s=$(awk '{print $2}' <<<"$times" | stats)
  median=$(sed -E 's/.*median=([0-9.]+).*/\1/' <<<"$s")
  echo "$LABEL (the service), total latency, seconds: $s" | tee -a "$RESULT"
  awk -v m="$median" -v s="$slowest" -v l="$LABEL" 'BEGIN {
    printf "ratio %s = median total / slowest single query = %.2f\n", l, m / s }' | tee -a "$RESULT"
  stop_service
}
measure parallel
measure sequential --cds.fhir.sequential=true --cds.fhir.deadline=5s --cds.fhir.query-timeout=2s
awk -v q="$sum" -v s="$slowest" 'BEGIN {
  printf "ratio sequential floor = sum of single queries / slowest single query = %.2f\n", q / s }' | tee -a "$RESULT"
