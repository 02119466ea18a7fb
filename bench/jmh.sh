#!/usr/bin/env bash
# (5) JMH: AssessorBenchmark (the pure engine, snapshot -> assessment per second, a two-year patient) and
# CardsBenchmark (snapshot -> cards: the assessment and the card rendering), JwtBenchmark (one ES384 signature
# check with the JDK's provider and with the service's BouncyCastle verifier, one RS384 check).
# Compiles with the Maven profile "bench" (JMH 1.37 from Maven Central) and runs JMH's own runner.
# env: JMH_ARGS (default: 1 fork, 5 warm-up and 5 measured iterations of 2 s each), JMH_INCLUDE (a regexp of
# benchmarks, default all: e.g. JMH_INCLUDE=JwtBenchmark)
source "$(dirname "$0")/lib.sh"
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 5 -w 2s -i 5 -r 2s"}
JMH_INCLUDE=${JMH_INCLUDE:-'org.hypomag.cds.*Benchmark.*'}
RESULT="$OUT/jmh.txt"
cd "$ROOT"
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/jmh-classpath.txt"
machine | tee "$RESULT"
# shellcheck disable=SC2086
java -cp "target/bench-build/test-classes:target/bench-build/classes:$(cat "$OUT/jmh-classpath.txt")" org.openjdk.jmh.Main \
    "$JMH_INCLUDE" $JMH_ARGS 2>&1 | tee -a "$RESULT"
