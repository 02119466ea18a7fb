#!/usr/bin/env bash
# (5) JMH: AssessorBenchmark (the pure engine, snapshot -> assessment per second, a two-year patient) and
# CardsBenchmark (snapshot -> cards: the assessment and the card rendering).
# Compiles with the Maven profile "bench" (JMH 1.37 from Maven Central) and runs JMH's own runner.
# env: JMH_ARGS (default: 1 fork, 5 warm-up and 5 measured iterations of 2 s each)
source "$(dirname "$0")/lib.sh"
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 5 -w 2s -i 5 -r 2s"}
RESULT="$OUT/jmh.txt"
cd "$ROOT"
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$OUT/jmh-classpath.txt"
machine | tee "$RESULT"
# shellcheck disable=SC2086
java -cp "target/bench-build/test-classes:target/bench-build/classes:$(cat "$OUT/jmh-classpath.txt")" org.openjdk.jmh.Main \
    'org.hypomag.cds.*Benchmark.*' $JMH_ARGS 2>&1 | tee -a "$RESULT"
