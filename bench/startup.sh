#!/usr/bin/env bash
# (4a) Startup: launch -> actuator health UP, and launch -> first answered patient-view (full prefetch),
# 3 runs each for: the plain fat jar; the jar extracted with Boot's jarmode tools; extracted + an AppCDS
# archive (what the Dockerfile does, -XX:ArchiveClassesAtExit on a start that exits after refresh).
source "$(dirname "$0")/lib.sh"
RESULT="$OUT/startup.txt"
need curl curl
build_jar
requests "$OUT/req"
machine | tee "$RESULT"
EXTRACTED="$OUT/extracted"
rm -rf "$EXTRACTED"
java -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" >/dev/null
APP_JAR=$(ls "$EXTRACTED"/*.jar | head -1)
java -XX:ArchiveClassesAtExit="$EXTRACTED/app.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
    --cds.security.mode=demo --server.port=0 --server.address=127.0.0.1 >"$OUT/cds-training.log" 2>&1 || true
measure() { # measure LABEL java-args...
  local label=$1; shift
  for run in 1 2 3; do
    PORT=$(free_port)
    BASE="http://127.0.0.1:$PORT"
    local t0 health=-1 first=-1 status=000
    t0=$(now_ms)
    java -Xmx1g "$@" --server.port="$PORT" --server.address=127.0.0.1 --cds.security.mode=demo \
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
    echo "startup $label run $run: health UP after $health ms, first 200 patient-view after $first ms" | tee -a "$RESULT"
    stop_service
  done
}
measure fat-jar -jar "$JAR"
measure extracted -jar "$APP_JAR"
measure extracted-appcds -XX:SharedArchiveFile="$EXTRACTED/app.jsa" -Xshare:auto -jar "$APP_JAR"
