#!/usr/bin/env bash
# Compiles and runs the misaligned-temporary reproducer (see temporary-allocation.swift): the
# faulty pattern must trap in a debug build ("load from misaligned raw pointer"), and the fixed
# pattern must run in debug and release builds. Exit 0 when both hold.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
swiftc -Onone "$here/temporary-allocation.swift" -o "$tmp/debug" || exit 2
swiftc -O "$here/temporary-allocation.swift" -o "$tmp/release" || exit 2
status=0
out="$(SWIFT_BACKTRACE=enable=no "$tmp/debug" 2>&1)"
if grep -q "load from misaligned raw pointer" <<<"$out"; then
  echo "repro: faulty pattern, debug build: traps (load from misaligned raw pointer), as expected"
else
  echo "repro: FAILED: the faulty pattern did not trap in a debug build: $out"
  status=1
fi
for build in debug release; do
  if out="$("$tmp/$build" --fixed 2>&1)"; then
    echo "repro: fixed pattern, $build build: $(tr '\n' ' ' <<<"$out")"
  else
    echo "repro: FAILED: fixed pattern, $build build: $out"
    status=1
  fi
done
out="$(SWIFT_BACKTRACE=enable=no "$tmp/release" 2>&1)"
echo "repro: faulty pattern, release build: exit $? ($(tr '\n' ' ' <<<"$out"); no check there: undefined behaviour)"
exit $status
