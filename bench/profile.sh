#!/usr/bin/env bash
# (11) Where the CPU goes (issue 16 item 4): the service in MODE (jwt default), after a warm-up of 50, 100 and
# 200 req/s (WARMUP_SECONDS each), the mixed full-prefetch load at RATE for PROFILE_SECONDS with a JFR recording
# (settings=profile) and a per-thread CPU count (bench/threads-cpu.py: request threads vs GC vs JIT vs the rest).
# Prints the CPU per request by thread group, JFR's hot methods (top frames) and the inclusive share of the
# service's own stages (bench/jfr-stages.py). About 3 minutes. Results: $OUT/profile.txt, $OUT/profile.jfr.
# usage: bash bench/profile.sh [jwt|demo]
# env: RATE (200), PROFILE_SECONDS (60), WARMUP_SECONDS (20), JFR_TOOL (a jfr with `view`: JDK 21+; Temurin 25 here)
source "$(dirname "$0")/lib.sh"
RATE=${RATE:-200}
PROFILE_SECONDS=${PROFILE_SECONDS:-60}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
JFR_TOOL=${JFR_TOOL:-$(ls /usr/lib/jvm/temurin-2*/bin/jfr 2>/dev/null | tail -1)}
RESULT="$OUT/profile.txt"
# default: JFR's low-overhead settings (20 ms samples); or profile
JFR_SETTINGS=${JFR_SETTINGS:-default}
need wrk wrk
need curl curl
build_jar
requests "$OUT/req"
# deep stacks: the filter chain and the controller sit more than 64 frames (JFR's default depth) below the top
# The recording runs from the start (a JFR.start on the running service, with either settings, collapsed it from
# 200 to ~75 answers/s at ~23 ms of CPU each on JDK 17.0.15); only the profiled minute is dumped (begin=)
JAVA_OPTS="${JAVA_OPTS:--Xmx1g} -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=name=bench,settings=$JFR_SETTINGS"
start_service
machine | tee "$RESULT"
wrk_run() { # wrk_run RATE SECONDS: the mixed load; prints wrk's RESULT line
  make_tokens "$1" $(( $1 * $2 / 2 + 40 )) $(token_pairs patient-view-full order-select-full)
  RATE=$1 BODIES=$(bodies patient-view-full order-select-full) wrk -t1 -c16 -d"$2"s --timeout 5s \
      -s "$ROOT/bench/constant-rate.lua" "$BASE" | grep RESULT
}
for r in 50 100 200; do
  c0=$(cpu_ms "$SERVICE_PID")
  line=$(wrk_run "$r" "$WARMUP_SECONDS")
  echo "warm-up: $line service_cpu_ms=$(( $(cpu_ms "$SERVICE_PID") - c0 ))" | tee -a "$RESULT"
done
make_tokens "$RATE" $(( RATE * PROFILE_SECONDS / 2 + 40 )) $(token_pairs patient-view-full order-select-full)
begin=$(date -u +%H:%M:%S)
python3 "$ROOT/bench/threads-cpu.py" snap "$SERVICE_PID" "$OUT/threads.json"
line=$(RATE=$RATE BODIES=$(bodies patient-view-full order-select-full) wrk -t1 -c16 -d"$PROFILE_SECONDS"s \
    --timeout 5s -s "$ROOT/bench/constant-rate.lua" "$BASE" | grep RESULT)
n=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
{
  echo "$line load1=$(cut -d' ' -f1 /proc/loadavg)"
  echo "CPU by thread group during the profiled run ($n requests):"
  python3 "$ROOT/bench/threads-cpu.py" diff "$SERVICE_PID" "$OUT/threads.json" "$n"
} | tee -a "$RESULT"
rm -f "$OUT/profile.jfr"
jcmd "$SERVICE_PID" JFR.dump name=bench begin="$begin" filename="$OUT/profile.jfr" >/dev/null
if [ -n "$JFR_TOOL" ]; then
  "$JFR_TOOL" view --width 160 hot-methods "$OUT/profile.jfr" | head -40 | tee -a "$RESULT"
  "$JFR_TOOL" print --json --stack-depth 128 --events jdk.ExecutionSample "$OUT/profile.jfr" \
      | python3 "$ROOT/bench/jfr-stages.py" | tee -a "$RESULT"
fi
