#!/usr/bin/env bash
# Shared by the bench scripts: install what they need, build and start the service and WireMock on free
# loopback ports, stop exactly the processes they started. Source it; do not run it.
# MODE (the first argument of every script, or the MODE variable): jwt (default, the production security mode:
# the service trusts a bench issuer's JWKS and every request carries its own pre-signed ES384 token) or demo
# (no JWT, as the figures before issue 16 were measured).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/target/bench}
MODE=${1:-${MODE:-jwt}}
case "$MODE" in jwt|demo) ;; *) echo "MODE must be jwt or demo, not '$MODE'"; exit 2 ;; esac
BENCH_ISS=https://bench-ehr.example.org
BENCH_KEY="$OUT/bench-issuer-key.json" # a throwaway private key for this machine's runs (target/, never committed)
BENCH_JWKS="$OUT/bench-issuer-jwks.json"
# exp of each token = its slot in the schedule + TOKEN_MARGIN_S (300 s, a common EHR token lifetime): the margin
# also covers the time signing takes on a busy machine (a whole run's tokens are signed before it starts).
# The replay memory holds each jti until its token expires: about rate x (margin + 60 s skew) live entries,
# so the service's bound is raised for the bench (500,000: room for about 1,400 requests/s)
REPLAY_CACHE_SIZE=${REPLAY_CACHE_SIZE:-500000}
TOKEN_MARGIN_S=${TOKEN_MARGIN_S:-300}
WIREMOCK_VERSION=3.13.2
mkdir -p "$OUT"
# the JVM that runs the service: SERVICE_JAVA (default: the java on PATH, Java 17 here). The production image runs
# Temurin 25 (Dockerfile): SERVICE_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java measures that runtime
SERVICE_JAVA=${SERVICE_JAVA:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

# image_env NAME: the value of the Dockerfile's `ENV NAME=value` (the run stage's JVM options, malloc settings)
image_env() {
  python3 - "$ROOT/Dockerfile" "$1" <<'PY'
import shlex, sys
for line in open(sys.argv[1]):
    if line.startswith("ENV " + sys.argv[2] + "="):
        print(shlex.split(line.split(None, 1)[1])[0].split("=", 1)[1])
PY
}
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

# bench_classes: compiles the bench profile once (src/jmh/java: LoadTokens) and sets BENCH_CP
bench_classes() {
  local cp_file="$OUT/jmh-classpath.txt"
  if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$cp_file" ] \
      || [ ! -f "$ROOT/target/bench-build/test-classes/org/hypomag/cds/security/LoadTokens.class" ]; then
    (cd "$ROOT" && ./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file")
  fi
  BENCH_CP="$ROOT/target/bench-build/test-classes:$ROOT/target/bench-build/classes:$(cat "$cp_file")"
}

# issuer_key: the bench issuer's key and JWKS (made once; jwt mode only)
issuer_key() {
  [ "$MODE" = jwt ] || return 0
  bench_classes
  [ -f "$BENCH_KEY" ] || java -cp "$BENCH_CP" org.hypomag.cds.security.LoadTokens "$BENCH_KEY" "$BENCH_JWKS" "$BENCH_ISS" 1 1 0
}

# make_tokens RATE COUNT PATH=FILE...: COUNT tokens per service path, aud = $BASE + path (jwt mode; after
# start_service), exp = now + TOKEN_MARGIN_S + when the RATE schedule (all paths together) sends each one
make_tokens() {
  [ "$MODE" = jwt ] || return 0
  local rate=$1 count=$2 pairs=() p
  shift 2
  for p in "$@"; do pairs+=("$BASE$p"); done
  local t0=$SECONDS
  java -cp "$BENCH_CP" org.hypomag.cds.security.LoadTokens "$BENCH_KEY" "$BENCH_JWKS" "$BENCH_ISS" \
      "$rate" "$TOKEN_MARGIN_S" "$count" "${pairs[@]}"
  if [ $((SECONDS - t0)) -gt $((TOKEN_MARGIN_S / 2)) ]; then
    echo "warning: signing the tokens took $((SECONDS - t0)) s, more than half of TOKEN_MARGIN_S: expect 401s" >&2
  fi
}

# security_args: the service's cds.security.* for MODE (jwt: trust the bench issuer; aud = $BASE + path; a
# FHIR server at $WM_BASE/fhir allowed when WireMock runs)
security_args() {
  if [ "$MODE" = demo ]; then
    echo "--cds.security.mode=demo"
    return
  fi
  echo "--cds.security.mode=jwt --cds.security.public-base-url=$BASE --cds.security.replay-cache-size=$REPLAY_CACHE_SIZE"
  echo "--cds.security.issuers[0].iss=$BENCH_ISS --cds.security.issuers[0].jwks-file=file:$BENCH_JWKS"
  echo "--cds.security.issuers[0].algorithms=ES384"
  if [ -n "${WM_BASE:-}" ]; then
    echo "--cds.security.issuers[0].fhir-servers[0].url=$WM_BASE/fhir --cds.security.issuers[0].fhir-servers[0].allow-http=true"
  fi
}

# bodies NAME... (patient-view-full, order-select-full): the wrk BODIES list, with each path's token file in
# jwt mode ($OUT/tokens-<name>.txt, written by make_tokens via token_pairs)
bodies() {
  local list=() n
  for n in "$@"; do
    local entry="/cds-services/hypomagnesemia-${n%-full}=$OUT/req/$n.json"
    [ "$MODE" = jwt ] && entry="$entry=$OUT/tokens-$n.txt"
    list+=("$entry")
  done
  (IFS=,; echo "${list[*]}")
}

# token_pairs NAME...: the PATH=FILE arguments of make_tokens for these requests
token_pairs() {
  local n
  for n in "$@"; do echo "/cds-services/hypomagnesemia-${n%-full}=$OUT/tokens-$n.txt"; done
}

# patient_view_tokens COUNT: signs COUNT patient-view tokens (jwt mode, after start_service) for take_token
patient_view_tokens() {
  TOKENS=()
  TOKEN_AT=0
  [ "$MODE" = jwt ] || return 0
  make_tokens 1 "$1" "/cds-services/hypomagnesemia-patient-view=$OUT/tokens-patient-view-$PORT.txt"
  mapfile -t TOKENS <"$OUT/tokens-patient-view-$PORT.txt"
}

# take_token: sets TOKEN to the next unused token ("" in demo mode)
take_token() {
  TOKEN=
  [ "$MODE" = jwt ] || return 0
  [ "$TOKEN_AT" -lt "${#TOKENS[@]}" ] || { echo "out of tokens"; exit 1; }
  TOKEN=${TOKENS[$TOKEN_AT]}
  TOKEN_AT=$((TOKEN_AT + 1))
}

# start_service [extra --property=value ...]: sets PORT, SERVICE_PID, BASE, STARTED_MS. Each start has its own
# store data dir ($OUT/data-<port>: the default ./data would make every run share one H2 file)
start_service() {
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  issuer_key
  STARTED_MS=$(now_ms)
  # shellcheck disable=SC2086,SC2046
  "$SERVICE_JAVA" ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
      $(security_args) --logging.level.root=WARN --cds.store.data-dir="$OUT/data-$PORT" "$@" \
      >"$OUT/service-$PORT.log" 2>&1 &
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

# post_time FILE [TOKEN [OUTPUT]]: prints "status seconds" for one POST to the patient-view service (the
# answer goes to OUTPUT, default nowhere)
post_time() {
  local auth=()
  [ -n "${2:-}" ] && [ "$2" != none ] && auth=(-H "Authorization: Bearer $2")
  curl -s -o "${3:-/dev/null}" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' "${auth[@]}" \
      --data-binary @"$1" "$BASE/cds-services/hypomagnesemia-patient-view"
}

machine() {
  echo "machine: nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\"" \
       "mem=$(free -g | awk '/Mem:/{print $2}')GiB java=\"$("$SERVICE_JAVA" -version 2>&1 | head -1)\" java_opts=\"${JAVA_OPTS:--Xmx1g}\"" \
       "load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" date=$(date -u +%FT%TZ) mode=$MODE"
}

# cpu_ms PID: the process's CPU time so far (user + system), in ms: on a shared machine, CPU per request is
# the figure other builds disturb least (latency includes the time spent waiting for a core)
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"
}

# stats: reads numbers (one a line) on stdin, prints n/median/p90/p99/max
stats() {
  sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "n=0"; exit}
    printf "n=%d min=%.4f median=%.4f p90=%.4f p99=%.4f max=%.4f\n", NR, a[1], a[int((NR+1)/2)],
      a[int(NR*0.9+0.999)], a[int(NR*0.99+0.999)], a[NR]}'
}
