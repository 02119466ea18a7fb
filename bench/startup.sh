#!/usr/bin/env bash
# (4a) Startup: launch -> first answered patient-view (full prefetch, called from the launch on), and launch ->
# actuator health UP, 3 runs
# each, for:
#   production        exactly what the Dockerfile does: the jar extracted with Boot's jarmode tools, the
#                     Dockerfile's training run (Spring AOT, one call to each hook, Java 25's -XX:AOTCacheOutput)
#                     and its ENTRYPOINT with its JAVA_TOOL_OPTIONS, on the Java of the image's run stage
#                     (JAVA25, Temurin 25). Both commands are read from the Dockerfile (/app -> $OUT/extracted,
#                     /tmp/hooks -> hooks/), so the figure is the image's;
#   java17-appcds     the image before issue 16: Java 17, an AppCDS archive from the same training run
#                     (-XX:ArchiveClassesAtExit), Spring AOT;
#   fat-jar           plain `java -jar` of the fat jar on the default Java (17), -Xmx1g like the other scripts;
#   fat-jar-25        the same on Java 25.
# Before each run the script waits (at most QUIET_WAIT s) until no other java process runs, the CPUs were
# >= 90 % idle for 2 s and the 1-minute load is below QUIET_LOAD; every line carries the load average.
# usage: bash bench/startup.sh [jwt|demo]. Every start adds the bench's loopback port and the MODE's security
# settings (jwt, the default: the bench issuer's JWKS, and the first call carries an ES384 token signed before
# the launch; demo: no JWT).
# env: RUNS (3), QUIET_LOAD (1.0), QUIET_WAIT (300), JAVA25 (Temurin 25's java), MEASURES (all four, in order)
source "$(dirname "$0")/lib.sh"
MEASURES=${MEASURES:-"production java17-appcds fat-jar fat-jar-25"}
RESULT="$OUT/startup.txt"
QUIET_LOAD=${QUIET_LOAD:-1.0}
QUIET_WAIT=${QUIET_WAIT:-300}
RUNS=${RUNS:-3}
need curl curl
build_jar
requests "$OUT/req"
issuer_key
machine | tee "$RESULT"
EXTRACTED="$OUT/extracted"
rm -rf "$EXTRACTED"
# as the Dockerfile: copied to app.jar, extracted (so the paths map one to one: /app/app.jar, /app/lib/...)
cp "$JAR" "$OUT/app.jar"
java -Djarmode=tools -jar "$OUT/app.jar" extract --destination "$EXTRACTED" >/dev/null
APP_JAR="$EXTRACTED/app.jar"
cd "$EXTRACTED" # the image's WORKDIR

# dockerfile WHAT: prints, one argument a line, the Dockerfile's training java command (WHAT=training) or
# its ENTRYPOINT (WHAT=entrypoint) with the image's paths mapped to this machine's and "java" to the run stage's
# Java ($JAVA25 for a temurin:25 image, else the default java); or its JAVA_TOOL_OPTIONS
dockerfile() {
  python3 - "$ROOT/Dockerfile" "$1" "$EXTRACTED" "$ROOT/hooks" "$JAVA25" <<'EOF'
import json, re, shlex, sys
text, what, app, hooks, java25 = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
lines = re.sub(r"\\\n", " ", text).splitlines()
run_stage = [l for l in lines if l.startswith("FROM ")][-1]
java = java25 if "temurin:25" in run_stage else "java"
def mapped(args):
    args = [a.replace("/app/", app + "/").replace("/tmp/hooks/", hooks + "/") for a in args]
    return [java if a == "java" else a for a in args]
if what == "entrypoint":
    args = json.loads(next(l for l in lines if l.startswith("ENTRYPOINT")).split(None, 1)[1])
elif what in ("training", "training-tokens"):
    # the training RUN holds two java commands: TrainingTokens (the training issuer's JWKS and tokens), then the
    # training start (-XX:AOTCacheOutput)
    words = shlex.split(next(l for l in lines if l.startswith("RUN") and "AOTCacheOutput" in l))
    commands, i = [], 0
    while "java" in words[i:]:
        start = words.index("java", i)
        end = next((j for j in range(start, len(words)) if words[j][0] in "><&|;"), len(words))
        commands.append(words[start:end])
        i = end
    mark = "-XX:AOTCacheOutput" if what == "training" else "org.hypomag.cds.system.TrainingTokens"
    args = next(c for c in commands if any(w.startswith(mark) for w in c))
print("\n".join(mapped(args)))
EOF
}
mapfile -t TRAINING_TOKENS < <(dockerfile training-tokens)
mapfile -t TRAINING < <(dockerfile training)
mapfile -t ENTRYPOINT < <(dockerfile entrypoint)
IMAGE_TOOL_OPTIONS=$(image_env JAVA_TOOL_OPTIONS)
IMAGE_MALLOC_ARENA_MAX=$(image_env MALLOC_ARENA_MAX)
IMAGE17_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" # the Java 17 image's (before issue 16)
echo "production training tokens: ${TRAINING_TOKENS[*]}" | tee -a "$RESULT"
echo "production training: ${TRAINING[*]}" | tee -a "$RESULT"
echo "production launch:   MALLOC_ARENA_MAX=$IMAGE_MALLOC_ARENA_MAX JAVA_TOOL_OPTIONS=\"$IMAGE_TOOL_OPTIONS\" ${ENTRYPOINT[*]}" | tee -a "$RESULT"

# training runs (the same quiet wait: a busy machine only slows them, the archives do not depend on it)
# each training start gets fresh tokens (a jti is used once) and an empty store (as in the image build)
fresh_training() {
  rm -rf /tmp/cds-training /tmp/cds-training-data
  "$@" "${TRAINING_TOKENS[@]}" || { echo "training tokens failed"; exit 1; }
}
t0=$(now_ms)
# the image's ENV (JVM options, malloc) is set before its training RUN, so the training start has it too
IMAGE_ENV=(env "JAVA_TOOL_OPTIONS=$IMAGE_TOOL_OPTIONS" "MALLOC_ARENA_MAX=$IMAGE_MALLOC_ARENA_MAX")
fresh_training "${IMAGE_ENV[@]}"
"${IMAGE_ENV[@]}" "${TRAINING[@]}" >"$OUT/cds-training.log" 2>&1 \
    || { tail -30 "$OUT/cds-training.log"; echo "training run failed"; exit 1; }
echo "production training run: $(( $(now_ms) - t0 )) ms, AOT cache $(du -m "$EXTRACTED/app.aot" | cut -f1) MB" | tee -a "$RESULT"
# the image before issue 16: the same training command on Java 17 writing an AppCDS archive (only when measured)
if [[ " $MEASURES " == *" java17-appcds "* ]]; then
mapfile -t TRAINING17 < <(printf '%s\n' "${TRAINING[@]}" | sed -e "s#^$JAVA25\$#java#" \
    -e "s#^-XX:AOTCacheOutput=.*#-XX:ArchiveClassesAtExit=$EXTRACTED/app17.jsa#")
t0=$(now_ms)
fresh_training
env "JAVA_TOOL_OPTIONS=$IMAGE17_TOOL_OPTIONS" "${TRAINING17[@]}" >"$OUT/cds-training-17.log" 2>&1 || { tail -30 "$OUT/cds-training-17.log"; echo "Java 17 training run failed"; exit 1; }
echo "java 17 training run: $(( $(now_ms) - t0 )) ms, archive $(du -m "$EXTRACTED/app17.jsa" | cut -f1) MB" | tee -a "$RESULT"
fi

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
    patient_view_tokens 20 # signed before the launch; each answered attempt uses up one
    take_token
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    t0=$(now_ms)
    # shellcheck disable=SC2046
    env "${envs[@]}" "$@" --server.port="$PORT" --server.address=127.0.0.1 $(security_args) \
        --logging.level.root=WARN >"$OUT/startup-$label-$run.log" 2>&1 &
    SERVICE_PID=$!
    # the hook is called from the launch on, as an EHR would (not only once health says UP): the port opens
    # when the context is ready to answer, and a refused connection uses up no token; health is polled alongside
    for _ in $(seq 1 3000); do
      if [ "$first" = -1 ]; then
        status=$(post_time "$OUT/req/patient-view-full.json" "$TOKEN" | cut -d' ' -f1 || true)
        [ "$status" = 200 ] && first=$(( $(now_ms) - t0 ))
        [ "$status" != 000 ] && [ "$status" != 200 ] && take_token
      fi
      if [ "$health" = -1 ] && curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then health=$(( $(now_ms) - t0 )); fi
      [ "$first" != -1 ] && [ "$health" != -1 ] && break
      sleep 0.02
    done
    echo "startup $label run $run: health UP after $health ms, first 200 patient-view after $first ms (load before: $load)" \
        | tee -a "$RESULT"
    stop_service
  done
}
for m in $MEASURES; do
  case $m in
    production) measure production "JAVA_TOOL_OPTIONS=$IMAGE_TOOL_OPTIONS" "MALLOC_ARENA_MAX=$IMAGE_MALLOC_ARENA_MAX" -- "${ENTRYPOINT[@]}" ;;
    java17-appcds) measure java17-appcds "JAVA_TOOL_OPTIONS=$IMAGE17_TOOL_OPTIONS" -- java \
        -XX:SharedArchiveFile="$EXTRACTED/app17.jsa" -Xshare:auto -Dspring.aot.enabled=true -jar "$APP_JAR" ;;
    fat-jar) measure fat-jar -- java -Xmx1g -jar "$JAR" ;;
    fat-jar-25) measure fat-jar-25 -- "$JAVA25" -Xmx1g -jar "$JAR" ;;
  esac
done
