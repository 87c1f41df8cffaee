#!/usr/bin/env bash
# Runs the benchmarks (called by `./dev bench` with KLIV_SOURCE_DIR, KLIV_BUILD_DIR and
# KLIV_TEST_PG_URL set). Everything runs on loopback and stops by itself.
set -euo pipefail
: "${KLIV_SOURCE_DIR:?}" "${KLIV_BUILD_DIR:?}"
export KLIV_PLANS_FILE="${KLIV_PLANS_FILE:-$KLIV_SOURCE_DIR/data/plans.json}"
rc=0

echo "== kliv-billingd (server) benchmarks"
"$KLIV_BUILD_DIR/bench/server/kliv-bench-server" "$@" || rc=$?

# The client benchmarks bring their own runner.
if [ -f "$KLIV_SOURCE_DIR/bench/client/run.sh" ]; then
  echo "== client benchmarks"
  bash "$KLIV_SOURCE_DIR/bench/client/run.sh" "$@" || rc=$?
fi
exit $rc
