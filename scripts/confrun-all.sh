#!/usr/bin/env bash
# The main job: set up, build confrun in release, run `confrun all` on the default configuration
# (KATs, interop, then the default build matrix). Reports land in out/: JUnit XML, JSON and the
# HTML grid. Extra arguments go to `confrun all` (e.g. --json-cases: every case in the JSON, ≈ 90 MB;
# --matrix none: no build matrix; --matrix-file F --matrix NAME: another matrix).
# The binary is built in .build-matrix/default, the scratch folder of the matrix's default cell,
# so that cell does not build a second time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The same environment as the matrix's own builds (PATH, HOME, TMPDIR): SwiftPM rebuilds
# everything when the environment differs, and this folder is the default cell's.
env -i PATH="$PATH" HOME="$HOME" ${TMPDIR:+TMPDIR="$TMPDIR"} \
  swift build -c release --product confrun --package-path "$PWD" --scratch-path "$PWD/.build-matrix/default"
mkdir -p out
exec .build-matrix/default/release/confrun all --junit out/confrun-all.junit.xml --json out/confrun-all.json \
  --html out/confrun-all.html "$@"
