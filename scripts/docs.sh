#!/usr/bin/env bash
# Builds the DocC documentation of LibCrypto (Sources/LibCrypto/LibCrypto.docc plus the symbol
# graph of the LibCrypto module) with the toolchain's own `docc`, no package plugin needed, and
# fails on any warning.
#
#   bash scripts/docs.sh                 # archive in out/docs/LibCrypto.doccarchive
#   DOCS_OUTPUT=dir bash scripts/docs.sh
#
# Exit status: 0 built without warnings; 1 docc warned (the warnings are printed); 2 a build or
# tool error.
set -uo pipefail
cd "$(dirname "$0")/.."

scratch=${DOCS_SCRATCH:-.build-docs}
output=${DOCS_OUTPUT:-out/docs/LibCrypto.doccarchive}
graphs="$scratch/symbol-graphs"
docc=$(command -v docc || true)
if [ -z "$docc" ]; then
    # Swift toolchains ship docc next to swift.
    docc="$(dirname "$(readlink -f "$(command -v swift)")")/docc"
fi
[ -x "$docc" ] || { echo "docs.sh: docc not found (it comes with the Swift toolchain)" >&2; exit 2; }

# The symbol graph is written while the module is compiled, so a build that has nothing to
# recompile writes none: start that module afresh when its graph is missing.
if [ ! -f "$graphs/LibCrypto.symbols.json" ]; then
    rm -rf "$scratch"/*/debug/LibCrypto.build "$scratch"/debug/LibCrypto.build 2>/dev/null
fi
mkdir -p "$graphs"
echo "== building LibCrypto with its symbol graph ($scratch)"
if ! swift build --scratch-path "$scratch" --target LibCrypto \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" \
    -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public; then
    echo "docs.sh: swift build failed" >&2
    exit 2
fi
[ -f "$graphs/LibCrypto.symbols.json" ] || { echo "docs.sh: no symbol graph in $graphs" >&2; exit 2; }

# Only LibCrypto's own graphs (LibCrypto.symbols.json and its extension graphs LibCrypto@X).
only="$scratch/symbol-graphs-LibCrypto"
rm -rf "$only" && mkdir -p "$only"
cp "$graphs"/LibCrypto.symbols.json "$only"/
cp "$graphs"/LibCrypto@*.symbols.json "$only"/ 2>/dev/null || true

echo "== docc convert"
mkdir -p "$(dirname "$output")"
log="$scratch/docc.log"
"$docc" convert Sources/LibCrypto/LibCrypto.docc \
    --additional-symbol-graph-dir "$only" \
    --fallback-display-name LibCrypto --fallback-bundle-identifier org.swift-libcrypto.LibCrypto \
    --output-path "$output" --warnings-as-errors >"$log" 2>&1
status=$?
cat "$log"
if grep -q "warning:" "$log"; then
    echo "docs.sh: docc reported $(grep -c "warning:" "$log") warning(s)" >&2
    exit 1
fi
if [ $status -ne 0 ]; then
    echo "docs.sh: docc convert failed (exit $status)" >&2
    exit $(( status == 1 ? 1 : 2 ))
fi
echo "== documentation in $output (no warnings)"
