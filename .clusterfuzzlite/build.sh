#!/bin/bash -eu
# Builds the libFuzzer binary of every FuzzTargets target for ClusterFuzzLite / OSS-Fuzz, and
# installs one copy per target as $OUT/fuzz-<target> (the driver picks its target from its own
# name), with <target>.dict and <target>_seed_corpus.zip. See docs/fuzzing.md.
#
# In the container: run by the service with $SRC, $OUT, $SANITIZER set by base-builder-swift.
# Locally: OUT=/tmp/cflite-out SRC=$PWD bash .clusterfuzzlite/build.sh

: "${OUT:?set OUT to the folder the fuzzers go to}"
SRC="${SRC:-$PWD}"
SANITIZER="${SANITIZER:-address}"
cd "$(dirname "$0")/.."
mkdir -p "$OUT"

case "$SANITIZER" in
  address|thread) ;;
  *) echo "build.sh: Swift fuzzing supports the address and thread sanitizers, not '$SANITIZER'" >&2; exit 1 ;;
esac

# In the service image precompile_swift sets SWIFTFLAGS (static Swift runtime, since the runner
# image has none); a local build links the toolchain's runtime dynamically.
SWIFTFLAGS="${SWIFTFLAGS:-}"
if command -v precompile_swift >/dev/null 2>&1; then
  . precompile_swift
  SWIFTFLAGS="$SWIFTFLAGS --static-swift-stdlib"
fi

SCRATCH="${FUZZ_SCRATCH:-.build-fuzz}"
# shellcheck disable=SC2086
swift build -c release --sanitize=fuzzer --sanitize="$SANITIZER" -Xswiftc -sanitize=fuzzer,"$SANITIZER" -Xswiftc -DFUZZING \
  --product confrun-fuzz --scratch-path "$SCRATCH" $SWIFTFLAGS
BIN="$SCRATCH/release/confrun-fuzz"

# The target names, from a run of the binary that exports nothing but fails with the list.
TARGETS=$(CONFRUN_FUZZ_TARGET=--none-- SWIFT_BACKTRACE=enable=no "$BIN" 2>&1 \
  | sed -n 's/^confrun-fuzz: set CONFRUN_FUZZ_TARGET to one of: //p' | tr -d ',')
[ -n "$TARGETS" ] || { echo "build.sh: no targets listed by $BIN" >&2; exit 1; }

EXPORT=$(mktemp -d)
trap 'rm -rf "$EXPORT"' EXIT
for t in $TARGETS; do
  cp "$BIN" "$OUT/fuzz-$t"
  CONFRUN_FUZZ_TARGET="$t" CONFRUN_FUZZ_EXPORT="$EXPORT" SWIFT_BACKTRACE=enable=no "$BIN" 2>/dev/null
  cp "$EXPORT/$t.dict" "$OUT/fuzz-$t.dict"
  rm -f "$OUT/fuzz-${t}_seed_corpus.zip"
  if [ -n "$(ls -A "$EXPORT/${t}_seeds")" ]; then
    (cd "$EXPORT/${t}_seeds" && zip -q -j "$OUT/fuzz-${t}_seed_corpus.zip" ./*)
  fi
  # -max_len per target, as `confrun fuzz` uses it.
  MAXLEN=$(CONFRUN_FUZZ_TARGET="$t" CONFRUN_FUZZ_MAXLEN=1 SWIFT_BACKTRACE=enable=no "$BIN" 2>/dev/null || true)
  printf '[libfuzzer]\ndict = fuzz-%s.dict\n%s' "$t" "${MAXLEN:+max_len = $MAXLEN
}" > "$OUT/fuzz-$t.options"
  echo "fuzz-$t: $(ls "$EXPORT/${t}_seeds" | wc -l) seeds"
done
ls -la "$OUT"
