#!/usr/bin/env bash
# The main job: set up, build confrun in release, run `confrun all` on the default configuration.
# Reports land in out/ (JUnit XML and JSON). Extra arguments go to `confrun all`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --scratch-path .build-release --product confrun
mkdir -p out
exec .build-release/release/confrun all --junit out/confrun-all.junit.xml --json out/confrun-all.json "$@"
