#!/usr/bin/env bash
# (1) Full prefetch, patient-view and order-select, at a constant 200 requests/s for 60 s each (wrk with
# bench/constant-rate.lua), then the same mix stepped up in rate until p99 exceeds 50 ms, to find the
# highest rate held with p99 <= STOP_P99_MS (50). Everything on loopback; about 6 minutes in all.
# usage: bash bench/load-prefetch.sh [jwt|demo]   (jwt, the default: every request carries its own ES384 token,
# signed before each wrk run by LoadTokens, see lib.sh)
# env: RATE (200), SECONDS_EACH (60), STEP_SECONDS (20), STEP_RATES ("200 300 ... 1600"), STOP_P99_MS (50),
#      WARMUP_SECONDS (30 for each of the three warm-up steps)
source "$(dirname "$0")/lib.sh"
RATE=${RATE:-200}
SECONDS_EACH=${SECONDS_EACH:-60}
STEP_SECONDS=${STEP_SECONDS:-20}
STEP_RATES=${STEP_RATES:-"200 300 400 500 600 800 1000 1200 1600"}
STOP_P99_MS=${STOP_P99_MS:-50}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
RESULT="$OUT/load-prefetch.txt"
need wrk wrk
need curl curl
build_jar
requests "$OUT/req"
start_service
machine | tee "$RESULT"
make_tokens 1 1 $(token_pairs patient-view-full order-select-full)
for f in patient-view-full order-select-full; do
  auth=()
  [ "$MODE" = jwt ] && auth=(-H "Authorization: Bearer $(head -1 "$OUT/tokens-$f.txt")")
  echo "sample answer $f: $(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -H 'Content-Type: application/json' \
      "${auth[@]}" --data-binary @"$OUT/req/$f.json" "$BASE/cds-services/hypomagnesemia-${f%-full}")" | tee -a "$RESULT"
done
run() { # run LABEL RATE SECONDS CONNECTIONS REQUEST-NAME...
  local label=$1 rate=$2 seconds=$3 connections=$4
  shift 4
  # tokens for this run: its share of rate x seconds per path, plus room for the connections' first requests
  make_tokens "$rate" $(( rate * seconds / $# + connections + 20 )) $(token_pairs "$@")
  echo "== $label rate=$rate/s for $seconds s, $connections connections, mode $MODE" | tee -a "$RESULT"
  local cpu0 out
  cpu0=$(cpu_ms "$SERVICE_PID")
  out=$(RATE=$rate BODIES=$(bodies "$@") wrk -t1 -c"$connections" -d"$seconds"s --timeout 5s \
      -s "$ROOT/bench/constant-rate.lua" "$BASE")
  echo "$out" >>"$RESULT"
  # the service's CPU per answered request (wrk's requests) during the run, and the load average after it
  echo "$(grep RESULT <<<"$out") service_cpu_ms_per_request=$(awk -v c=$(( $(cpu_ms "$SERVICE_PID") - cpu0 )) \
      -v n="$(grep RESULT <<<"$out" | sed -E 's/.*requests=([0-9]+).*/\1/')" 'BEGIN {printf "%.2f", n ? c / n : 0}') load1=$(cut -d' ' -f1 /proc/loadavg)" \
      | tee -a "$RESULT"
}
# warm-up: the JIT compiles the hot path in the first minute (C2 competes with the requests for the two
# cores), so the rate is raised in steps before anything is measured
for r in 50 100 200; do run warmup-mixed "$r" "$WARMUP_SECONDS" 16 patient-view-full order-select-full >/dev/null; done
run patient-view "$RATE" "$SECONDS_EACH" 16 patient-view-full
run order-select "$RATE" "$SECONDS_EACH" 16 order-select-full
for r in $STEP_RATES; do
  line=$(run "step-mixed" "$r" "$STEP_SECONDS" 64 patient-view-full order-select-full | tail -1)
  echo "$line"
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
  got=$(sed -E 's/.*achieved_rate=([0-9.]+).*/\1/' <<<"$line")
  if awk -v p="$p99" -v g="$got" -v r="$r" -v s="$STOP_P99_MS" 'BEGIN {exit !(p > s || g < 0.95 * r)}'; then
    echo "stop: at $r/s p99=${p99} ms achieved=${got}/s" | tee -a "$RESULT"
    break
  fi
done
echo "rss_kb=$(ps -o rss= -p "$SERVICE_PID")" | tee -a "$RESULT"
