#!/usr/bin/env bash
# Shared by the bench scripts: install what they need, build and start the service and WireMock on free
# loopback ports, stop exactly the processes they started. Source it; do not run it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/target/bench}
WIREMOCK_VERSION=3.13.2
mkdir -p "$OUT"
SERVICE_PID=
WM_PID=

need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
}

build_jar() {
  if [ -z "${SKIP_BUILD:-}" ] || ! ls "$ROOT"/target/hypomagnesemia-cds-*.jar >/dev/null 2>&1; then
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  fi
  JAR=$(ls "$ROOT"/target/hypomagnesemia-cds-*.jar | grep -v -e '-plain' -e '\.original' | head -1)
}

wiremock_jar() {
  WM_JAR="$OUT/wiremock-standalone-$WIREMOCK_VERSION.jar"
  [ -f "$WM_JAR" ] || (cd "$ROOT" && ./mvnw -q -B dependency:copy \
      -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory="$OUT")
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

now_ms() { date +%s%3N; }

stop_all() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  [ -n "$WM_PID" ] && kill "$WM_PID" 2>/dev/null && wait "$WM_PID" 2>/dev/null || true
  SERVICE_PID=
  WM_PID=
}
trap stop_all EXIT

# start_service [extra --property=value ...]: sets PORT, SERVICE_PID, BASE, STARTED_MS
start_service() {
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  STARTED_MS=$(now_ms)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
      --cds.security.mode=demo --logging.level.root=WARN "$@" >"$OUT/service-$PORT.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$OUT/service-$PORT.log"; echo "service died"; exit 1; }
    sleep 0.05
  done
  echo "service did not start within 30 s"; exit 1
}

stop_service() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}

# start_wiremock ROOT_DIR: sets WM_PORT, WM_PID, WM_BASE
start_wiremock() {
  wiremock_jar
  WM_PORT=$(free_port)
  WM_BASE="http://127.0.0.1:$WM_PORT"
  java -Xmx512m -jar "$WM_JAR" --port "$WM_PORT" --bind-address 127.0.0.1 --root-dir "$1" \
      --async-response-enabled true --async-response-threads 64 --container-threads 200 \
      --no-request-journal --disable-banner >"$OUT/wiremock-$WM_PORT.log" 2>&1 &
  WM_PID=$!
  for _ in $(seq 1 400); do
    curl -fs "$WM_BASE/__admin/health" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "WireMock did not start"; exit 1
}

# requests DIR [hang]: the generated hook requests and WireMock mappings
requests() {
  python3 "$ROOT/bench/make-requests.py" "$1" ${2:-}
}

# post_time FILE: prints "status seconds" for one POST to the patient-view service
post_time() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
      --data-binary @"$1" "$BASE/cds-services/hypomagnesemia-patient-view"
}

machine() {
  echo "machine: nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\"" \
       "mem=$(free -g | awk '/Mem:/{print $2}')GiB java=\"$(java -version 2>&1 | head -1)\"" \
       "load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" date=$(date -u +%FT%TZ)"
}

# stats: reads numbers (one a line) on stdin, prints n/median/p90/p99/max
stats() {
  sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "n=0"; exit}
    printf "n=%d min=%.4f median=%.4f p90=%.4f p99=%.4f max=%.4f\n", NR, a[1], a[int((NR+1)/2)],
      a[int(NR*0.9+0.999)], a[int(NR*0.99+0.999)], a[NR]}'
}
