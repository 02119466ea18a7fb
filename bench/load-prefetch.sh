#!/usr/bin/env bash
# (1) Full prefetch, patient-view and order-select, at a constant 200 requests/s for 60 s each (wrk with
# bench/constant-rate.lua), then the same mix stepped up in rate until p99 exceeds 50 ms, to find the
# highest rate held with p99 <= 50 ms. Everything on loopback; about 4 minutes in all.
# env: RATE (200), SECONDS_EACH (60), STEP_SECONDS (20), STEP_RATES ("200 400 800 1200 1600 2400 3200")
source "$(dirname "$0")/lib.sh"
RATE=${RATE:-200}
SECONDS_EACH=${SECONDS_EACH:-60}
STEP_SECONDS=${STEP_SECONDS:-20}
STEP_RATES=${STEP_RATES:-"200 300 400 500 600 800 1000 1200 1600"}
RESULT="$OUT/load-prefetch.txt"
need wrk wrk
need curl curl
build_jar
requests "$OUT/req"
PV="/cds-services/hypomagnesemia-patient-view=$OUT/req/patient-view-full.json"
OS="/cds-services/hypomagnesemia-order-select=$OUT/req/order-select-full.json"
start_service
machine | tee "$RESULT"
for f in patient-view-full order-select-full; do
  echo "sample answer $f: $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -H 'Content-Type: application/json' \
      --data-binary @"$OUT/req/$f.json" "$BASE/cds-services/hypomagnesemia-${f%-full}")" | tee -a "$RESULT"
done
run() { # run LABEL RATE SECONDS CONNECTIONS BODIES
  echo "== $1 rate=$2/s for $3 s, $4 connections" | tee -a "$RESULT"
  RATE=$2 BODIES=$5 wrk -t1 -c"$4" -d"$3"s --timeout 5s -s "$ROOT/bench/constant-rate.lua" "$BASE" \
      | tee -a "$RESULT" | grep RESULT
}
# warm-up: the JIT compiles the hot path in the first minute (C2 competes with the requests for the two
# cores), so the rate is raised in steps before anything is measured
for r in 50 100 200; do run warmup-mixed "$r" 30 16 "$PV,$OS" >/dev/null; done
run patient-view "$RATE" "$SECONDS_EACH" 16 "$PV"
run order-select "$RATE" "$SECONDS_EACH" 16 "$OS"
for r in $STEP_RATES; do
  line=$(run "step-mixed" "$r" "$STEP_SECONDS" 64 "$PV,$OS" | tail -1)
  echo "$line"
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
  got=$(sed -E 's/.*achieved_rate=([0-9.]+).*/\1/' <<<"$line")
  if awk -v p="$p99" -v g="$got" -v r="$r" 'BEGIN {exit !(p > 50 || g < 0.95 * r)}'; then
    echo "stop: at $r/s p99=${p99} ms achieved=${got}/s" | tee -a "$RESULT"
    break
  fi
done
echo "rss_kb=$(ps -o rss= -p "$SERVICE_PID")" | tee -a "$RESULT"
