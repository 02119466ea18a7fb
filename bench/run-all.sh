#!/usr/bin/env bash
# Runs every benchmark once, one after the other (about 20 minutes), building the jar once.
# Results: target/bench/*.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
export SKIP_BUILD=1
bash bench/startup-soak.sh
bash bench/load-prefetch.sh
bash bench/no-prefetch.sh
bash bench/hanging-server.sh
bash bench/jmh.sh
