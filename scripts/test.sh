#!/usr/bin/env bash
# The tests: set up, then `swift test` (Swift Testing suites of every module).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec swift test --scratch-path .build "$@"
