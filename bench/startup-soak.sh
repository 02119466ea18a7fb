#!/usr/bin/env bash
# (4) Startup of the packaged jar to the first answered patient-view call (3 runs), then RSS of the
# process after SOAK_SECONDS (600) of constant load (200 requests/s, patient-view and order-select with
# full prefetch).
source "$(dirname "$0")/lib.sh"
SOAK_SECONDS=${SOAK_SECONDS:-600}
RATE=${RATE:-200}
RESULT="$OUT/startup-soak.txt"
need wrk wrk
need curl curl
build_jar
requests "$OUT/req"
machine | tee "$RESULT"
for run in 1 2 3; do
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  t0=$(now_ms)
  java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
      --cds.security.mode=demo --logging.level.root=WARN >"$OUT/startup-$run.log" 2>&1 &
  SERVICE_PID=$!
  status=000
  for _ in $(seq 1 1500); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary @"$OUT/req/patient-view-full.json" "$BASE/cds-services/hypomagnesemia-patient-view" || true)
    [ "$status" = 200 ] && break
    sleep 0.02
  done
  echo "startup run $run: launch to first 200 answer = $(( $(now_ms) - t0 )) ms (status $status)" | tee -a "$RESULT"
  stop_service
done
JAVA_OPTS="${JAVA_OPTS:--Xmx1g} -Xlog:gc:file=$OUT/soak-gc.log" start_service
echo "rss_kb after start, before load: $(ps -o rss= -p "$SERVICE_PID" | xargs)" | tee -a "$RESULT"
MIX="/cds-services/hypomagnesemia-patient-view=$OUT/req/patient-view-full.json,/cds-services/hypomagnesemia-order-select=$OUT/req/order-select-full.json"
# the same staged JIT warm-up as load-prefetch.sh (its latency is printed, not part of the soak figures)
for r in 50 100 200; do
  RATE=$r BODIES=$MIX wrk -t1 -c16 -d30s --timeout 5s -s "$ROOT/bench/constant-rate.lua" "$BASE" | grep RESULT \
      | sed 's/^/warm-up /' | tee -a "$RESULT"
done
RATE=$RATE BODIES=$MIX \
  wrk -t1 -c16 -d"${SOAK_SECONDS}"s --timeout 5s -s "$ROOT/bench/constant-rate.lua" "$BASE" | tee -a "$RESULT" | grep RESULT
echo "rss_kb after ${SOAK_SECONDS} s at ${RATE}/s: $(ps -o rss= -p "$SERVICE_PID" | xargs)" | tee -a "$RESULT"
echo "GC pauses since start (from $OUT/soak-gc.log): $(grep -c 'Pause' "$OUT/soak-gc.log"), longest $(grep 'Pause' "$OUT/soak-gc.log" | grep -oE '[0-9.]+ms$' | sort -n | tail -1)" | tee -a "$RESULT"
