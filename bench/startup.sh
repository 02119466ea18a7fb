#!/usr/bin/env bash
# (4a) Startup: launch -> actuator health UP, and launch -> first answered patient-view (full prefetch), 3 runs
# each, for:
#   production        exactly what the Dockerfile does: the jar extracted with Boot's jarmode tools, the
#                     Dockerfile's training run (Spring AOT, one call to each hook, -XX:ArchiveClassesAtExit)
#                     and its ENTRYPOINT with its JAVA_TOOL_OPTIONS. Both commands are read from the Dockerfile
#                     (/app -> $OUT/extracted, /tmp/hooks -> hooks/), so the figure is the image's;
#   appcds-refresh    the previous image: AppCDS from a start that exits after the context refresh, no AOT;
#   extracted, fat-jar  plain starts, for comparison (-Xmx1g, like the other scripts).
# Before each run the script waits (at most QUIET_WAIT s) until no other java process runs, the CPUs were
# >= 90 % idle for 2 s and the 1-minute load is below QUIET_LOAD; every line carries the load average.
# Every start adds the bench's loopback port and --cds.security.mode=demo (the request carries no JWT).
source "$(dirname "$0")/lib.sh"
RESULT="$OUT/startup.txt"
QUIET_LOAD=${QUIET_LOAD:-1.0}
QUIET_WAIT=${QUIET_WAIT:-300}
RUNS=${RUNS:-3}
need curl curl
build_jar
requests "$OUT/req"
machine | tee "$RESULT"
EXTRACTED="$OUT/extracted"
rm -rf "$EXTRACTED"
# as the Dockerfile: copied to app.jar, extracted (so the paths map one to one: /app/app.jar, /app/lib/...)
cp "$JAR" "$OUT/app.jar"
java -Djarmode=tools -jar "$OUT/app.jar" extract --destination "$EXTRACTED" >/dev/null
APP_JAR="$EXTRACTED/app.jar"
cd "$EXTRACTED" # the image's WORKDIR

# dockerfile WHAT: prints, one argument a line, the Dockerfile's training java command (WHAT=training) or
# its ENTRYPOINT (WHAT=entrypoint) with the image's paths mapped to this machine's; or its JAVA_TOOL_OPTIONS
dockerfile() {
  python3 - "$ROOT/Dockerfile" "$1" "$EXTRACTED" "$ROOT/hooks" <<'EOF'
import json, re, shlex, sys
text, what, app, hooks = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4]
lines = re.sub(r"\\\n", " ", text).splitlines()
def mapped(args):
    return [a.replace("/app/", app + "/").replace("/tmp/hooks/", hooks + "/") for a in args]
if what == "entrypoint":
    args = json.loads(next(l for l in lines if l.startswith("ENTRYPOINT")).split(None, 1)[1])
elif what == "training":
    words = shlex.split(next(l for l in lines if l.startswith("RUN") and "ArchiveClassesAtExit" in l))
    start = words.index("java")
    end = next(i for i in range(start, len(words)) if words[i][0] in "><&|;")
    args = words[start:end]
else:
    env = next(l for l in lines if l.startswith("ENV JAVA_TOOL_OPTIONS="))
    args = [shlex.split(env.split(None, 1)[1])[0].split("=", 1)[1]]
print("\n".join(mapped(args)))
EOF
}
mapfile -t TRAINING < <(dockerfile training)
mapfile -t ENTRYPOINT < <(dockerfile entrypoint)
IMAGE_TOOL_OPTIONS=$(dockerfile tool-options)
echo "production training: ${TRAINING[*]}" | tee -a "$RESULT"
echo "production launch:   JAVA_TOOL_OPTIONS=\"$IMAGE_TOOL_OPTIONS\" ${ENTRYPOINT[*]}" | tee -a "$RESULT"

# training runs (the same quiet wait: a busy machine only slows them, the archives do not depend on it)
t0=$(now_ms)
"${TRAINING[@]}" >"$OUT/cds-training.log" 2>&1 \
    || { tail -30 "$OUT/cds-training.log"; echo "training run failed"; exit 1; }
echo "production training run: $(( $(now_ms) - t0 )) ms, archive $(du -m "$EXTRACTED/app.jsa" | cut -f1) MB" | tee -a "$RESULT"
java -XX:ArchiveClassesAtExit="$EXTRACTED/refresh.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --cds.security.mode=demo --server.port=0 --server.address=127.0.0.1 >"$OUT/cds-training-refresh.log" 2>&1 || true

cpu_idle_pct() { # over 2 s, from /proc/stat
  local a b
  a=($(head -1 /proc/stat)); sleep 2; b=($(head -1 /proc/stat))
  local idle=$(( b[4] + b[5] - a[4] - a[5] )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * idle / total : 0 ))
}
wait_quiet() {
  local until=$(( $(date +%s) + QUIET_WAIT ))
  while [ "$(date +%s)" -lt "$until" ]; do
    if ! pgrep -x java >/dev/null && [ "$(cpu_idle_pct)" -ge 90 ] \
        && awk -v q="$QUIET_LOAD" '{exit !($1 < q)}' /proc/loadavg; then
      return 0
    fi
    sleep 3
  done
  echo "(machine not quiet after ${QUIET_WAIT} s: measuring anyway)"
}

measure() { # measure LABEL [ENV=VALUE ...] -- java-args...
  local label=$1; shift
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done; shift
  for run in $(seq 1 "$RUNS"); do
    wait_quiet | tee -a "$RESULT"
    PORT=$(free_port)
    BASE="http://127.0.0.1:$PORT"
    local t0 health=-1 first=-1 status=000 load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    t0=$(now_ms)
    env "${envs[@]}" "$@" --server.port="$PORT" --server.address=127.0.0.1 --cds.security.mode=demo \
        --logging.level.root=WARN >"$OUT/startup-$label-$run.log" 2>&1 &
    SERVICE_PID=$!
    for _ in $(seq 1 1500); do
      if [ "$health" = -1 ] && curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then health=$(( $(now_ms) - t0 )); fi
      if [ "$health" != -1 ]; then
        status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
            --data-binary @"$OUT/req/patient-view-full.json" "$BASE/cds-services/hypomagnesemia-patient-view" || true)
        [ "$status" = 200 ] && { first=$(( $(now_ms) - t0 )); break; }
      fi
      sleep 0.02
    done
    echo "startup $label run $run: health UP after $health ms, first 200 patient-view after $first ms (load before: $load)" \
        | tee -a "$RESULT"
    stop_service
  done
}
measure production "JAVA_TOOL_OPTIONS=$IMAGE_TOOL_OPTIONS" -- "${ENTRYPOINT[@]}"
measure appcds-refresh -- java -Xmx1g -XX:SharedArchiveFile="$EXTRACTED/refresh.jsa" -Xshare:auto -jar "$APP_JAR"
measure extracted -- java -Xmx1g -jar "$APP_JAR"
measure fat-jar -- java -Xmx1g -jar "$JAR"
