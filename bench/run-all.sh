#!/usr/bin/env bash
# Runs every benchmark once, one after the other (about 20 minutes), building the jar once.
# Results: target/bench/*.txt. usage: bash bench/run-all.sh [jwt|demo] (jwt, the default: see README.md)
set -euo pipefail
MODE=${1:-${MODE:-jwt}}
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
export SKIP_BUILD=1
bash bench/startup-soak.sh "$MODE"
bash bench/load-prefetch.sh "$MODE"
bash bench/no-prefetch.sh "$MODE"
bash bench/hanging-server.sh "$MODE"
bash bench/jmh.sh
