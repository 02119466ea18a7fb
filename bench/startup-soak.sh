#!/usr/bin/env bash
# (4) Startup of the packaged jar to the first answered patient-view call (3 runs), then RSS of the
# process after SOAK_SECONDS (600) of constant load (200 requests/s, patient-view and order-select with
# full prefetch), and the class histogram of its heap at the end.
# usage: bash bench/startup-soak.sh [jwt|demo]   (jwt, the default: every call carries its own ES384 token)
# env: SOAK_SECONDS (600), RATE (200), WARMUP_SECONDS (30 at each of 50, 100, 200/s), SOAK_JAVA (Temurin 25), SOAK_JAVA_OPTS (-Xmx512m + the image's JAVA_TOOL_OPTIONS), SOAK_MALLOC_ARENA_MAX (the image's), JAVA_OPTS (the starts'),
#      STARTS (3: the startup runs before the soak; 0 skips them), SERVICE_JAVA (the JVM, see lib.sh)
source "$(dirname "$0")/lib.sh"
SOAK_SECONDS=${SOAK_SECONDS:-600}
RATE=${RATE:-200}
# the soak runs the image's runtime: Temurin 25 with the Dockerfile's JAVA_TOOL_OPTIONS and MALLOC_ARENA_MAX,
# and the goal's -Xmx512m (an explicit -Xmx wins over the image's MaxRAMPercentage)
SOAK_JAVA=${SOAK_JAVA:-$JAVA25}
SOAK_JAVA_OPTS=${SOAK_JAVA_OPTS:-"-Xmx512m $(image_env JAVA_TOOL_OPTIONS)"}
SOAK_MALLOC_ARENA_MAX=${SOAK_MALLOC_ARENA_MAX:-$(image_env MALLOC_ARENA_MAX)}
STARTS=${STARTS:-3}
RESULT="$OUT/startup-soak.txt"
need wrk wrk
need curl curl
need jcmd openjdk-17-jdk-headless
build_jar
requests "$OUT/req"
machine | tee "$RESULT"
for run in $(seq 1 "$STARTS"); do
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  issuer_key
  patient_view_tokens 20 # signed before the launch; a token is used up only by an answer, not a refused connection
  take_token
  t0=$(now_ms)
  # shellcheck disable=SC2046
  "$SERVICE_JAVA" ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
      $(security_args) --logging.level.root=WARN >"$OUT/startup-$run.log" 2>&1 &
  SERVICE_PID=$!
  status=000
  for _ in $(seq 1 1500); do
    status=$(post_time "$OUT/req/patient-view-full.json" "$TOKEN" | cut -d' ' -f1 || true)
    [ "$status" = 200 ] && break
    [ "$status" != 000 ] && take_token
    sleep 0.02
  done
  echo "startup run $run: launch to first 200 answer = $(( $(now_ms) - t0 )) ms (status $status)" | tee -a "$RESULT"
  stop_service
done
export MALLOC_ARENA_MAX=$SOAK_MALLOC_ARENA_MAX
SERVICE_JAVA=$SOAK_JAVA JAVA_OPTS="$SOAK_JAVA_OPTS -Xlog:gc:file=$OUT/soak-gc.log" start_service
unset MALLOC_ARENA_MAX
echo "soak service: $("$SOAK_JAVA" -version 2>&1 | head -1), MALLOC_ARENA_MAX=$SOAK_MALLOC_ARENA_MAX $SOAK_JAVA_OPTS, mode $MODE" | tee -a "$RESULT"
echo "rss_kb after start, before load: $(ps -o rss= -p "$SERVICE_PID" | xargs)" | tee -a "$RESULT"
MIX=(patient-view-full order-select-full)
soak_run() { # soak_run RATE SECONDS: the mixed load, with its tokens signed first
  make_tokens "$1" $(( $1 * $2 / 2 + 40 )) $(token_pairs "${MIX[@]}")
  RATE=$1 BODIES=$(bodies "${MIX[@]}") wrk -t1 -c16 -d"$2"s --timeout 5s -s "$ROOT/bench/constant-rate.lua" "$BASE"
}
# the same staged JIT warm-up as load-prefetch.sh (its latency is printed, not part of the soak figures)
for r in 50 100 200; do
  soak_run "$r" "${WARMUP_SECONDS:-30}" | grep RESULT | sed 's/^/warm-up /' | tee -a "$RESULT"
done
cpu0=$(cpu_ms "$SERVICE_PID")
soak=$(soak_run "$RATE" "$SOAK_SECONDS")
echo "$soak" | tee -a "$RESULT" | grep RESULT
echo "service CPU during the soak: $(( $(cpu_ms "$SERVICE_PID") - cpu0 )) ms for $(grep RESULT <<<"$soak" | sed -E 's/.*requests=([0-9]+).*/\1/') requests; load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULT"
echo "rss_kb after ${SOAK_SECONDS} s at ${RATE}/s: $(ps -o rss= -p "$SERVICE_PID" | xargs)" | tee -a "$RESULT"
echo "class histogram at the end (jcmd GC.class_histogram | head -25):" | tee -a "$RESULT"
jcmd "$SERVICE_PID" GC.class_histogram | head -25 | tee -a "$RESULT"
echo "rss_kb after the histogram's full GC: $(ps -o rss= -p "$SERVICE_PID" | xargs)" | tee -a "$RESULT"
# where the rest of the RSS is: with -XX:NativeMemoryTracking=summary in SOAK_JAVA_OPTS, the JVM's own account
if [[ "$SOAK_JAVA_OPTS" == *NativeMemoryTracking* ]]; then
  jcmd "$SERVICE_PID" VM.native_memory summary | grep -E "^(Total|-)|committed=" | grep -E "Total|^-" \
      | sed -E 's/\(reserved=[0-9]+KB, //' | tee -a "$RESULT"
fi
echo "GC pauses since start (from $OUT/soak-gc.log): $(grep -c 'Pause' "$OUT/soak-gc.log"), longest $(grep 'Pause' "$OUT/soak-gc.log" | grep -oE '[0-9.]+ms$' | sort -n | tail -1)" | tee -a "$RESULT"
