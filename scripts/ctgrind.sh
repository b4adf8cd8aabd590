#!/usr/bin/env bash
# Constant-time validation under Valgrind memcheck (ctgrind / BoringSSL style); docs/constant-time.md.
#
#   scripts/ctgrind.sh [--no-build] [TARGET...]     (no TARGET: every target of `confrun-ctgrind --list`)
#
# Builds confrun-ctgrind in release with DWARF 4 for Swift and C (Valgrind 3.19 cannot read DWARF 5), runs each
# target under memcheck with its secret input marked undefined, and sorts every report by where
# it happened: a frame in LibCrypto (its Swift files or the lc_* C hardware paths), in the
# harness (CTTargets, confrun-ctgrind: where the planted leaks live) or elsewhere (Swift runtime,
# libc). Exit 1 when a constant-time target has a report in LibCrypto, or when a planted target
# is not reported; a known (legacy table) target is shown, never failed.
# Environment: CTGRIND_SCRATCH (default .build-ctgrind), CTGRIND_LOGS (default $CTGRIND_SCRATCH/ctgrind-logs).
set -uo pipefail
cd "$(dirname "$0")/.."
scratch=${CTGRIND_SCRATCH:-.build-ctgrind}
logs=${CTGRIND_LOGS:-$scratch/ctgrind-logs}
build=1
if [[ ${1:-} == --no-build ]]; then build=0; shift; fi
command -v valgrind >/dev/null || { echo "ctgrind: valgrind not installed (apt-get install valgrind)" >&2; exit 2; }
flags=(-c release -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 --product confrun-ctgrind --scratch-path "$scratch")
if ((build)); then
    swift build "${flags[@]}" >&2 || { echo "ctgrind: build failed" >&2; exit 2; }
fi
bin="$(swift build "${flags[@]}" --show-bin-path)/confrun-ctgrind"
[[ -x $bin ]] || { echo "ctgrind: $bin missing (drop --no-build)" >&2; exit 2; }
mkdir -p "$logs"
"$bin" --list > "$logs/targets.tsv" || exit 2
if (($# == 0)); then
    mapfile -t names < <(awk -F'\t' '$2 != "absent" { print $1 }' "$logs/targets.tsv")
else
    names=("$@")
fi
start=$(date +%s)
for name in "${names[@]}"; do
    t0=$(date +%s.%N)
    valgrind --tool=memcheck --track-origins=yes --error-exitcode=99 --num-callers=40 \
        --suppressions=scripts/ctgrind.supp --log-file="$logs/$name.log" \
        "$bin" --target "$name" > "$logs/$name.out" 2>&1
    echo "$? $(echo "$(date +%s.%N) - $t0" | bc)" > "$logs/$name.status"
done
echo "valgrind wall time: $(( $(date +%s) - start )) s for ${#names[@]} targets" > "$logs/summary.txt"
python3 - "$logs" "${names[@]}" <<'PY'
import os, re, sys, glob
logs, names = sys.argv[1], sys.argv[2:]
kinds = {}
for line in open(os.path.join(logs, "targets.tsv")):
    name, kind, reason = (line.rstrip("\n").split("\t") + ["", ""])[:3]
    kinds[name] = (kind, reason)
lib_files = {os.path.basename(p) for p in glob.glob("Sources/LibCrypto/**/*.swift", recursive=True)}
lib_files |= {os.path.basename(p) for p in glob.glob("Sources/LibCryptoASM/**/*.c", recursive=True)}
harness_files = {os.path.basename(p) for p in glob.glob("Sources/CTTargets/*.swift") + glob.glob("Sources/confrun-ctgrind/*.swift")}
kinds_of_error = ("Conditional jump or move depends on uninitialised value", "Use of uninitialised value",
                  "uninitialised byte(s)")
frame_re = re.compile(r"^==\d+==\s+(?:at|by) 0x[0-9A-F]+: (.*?)(?: \((?:in )?([^():]+)(?::(\d+))?\))?$")

def where(frames):
    """'libcrypto', 'harness' or 'elsewhere': the innermost frame of ours decides (a libc memcpy
    called by LibCrypto is LibCrypto's; a planted branch under HardwareSupport.withVariant is the harness's)."""
    for fn, file, line in frames:
        loc = f"{file}:{line}" if line else fn
        if (file in lib_files) or "9LibCrypto" in fn or fn.startswith("lc_"):
            return "libcrypto", loc
        if file in harness_files or "9CTTargets" in fn or "14confrun_ctgrind" in fn:
            return "harness", loc
    fn, file, line = frames[0] if frames else ("?", "", "")
    return "elsewhere", f"{file}:{line}" if line else fn

rows, failed = [], False
for name in names:
    kind, reason = kinds.get(name, ("?", ""))
    log = open(os.path.join(logs, name + ".log")).read().splitlines()
    rc, secs = open(os.path.join(logs, name + ".status")).read().split()
    out = open(os.path.join(logs, name + ".out")).read()
    counts = {"libcrypto": 0, "harness": 0, "elsewhere": 0}
    first = {}
    i = 0
    while i < len(log):
        body = log[i].split("==", 2)[-1].strip()
        if any(k in body for k in kinds_of_error):
            frames, j = [], i + 1
            while j < len(log) and frame_re.match(log[j]):
                m = frame_re.match(log[j]); frames.append((m.group(1), m.group(2) or "", m.group(3) or "")); j += 1
            cat, loc = where(frames)
            counts[cat] += 1
            first.setdefault(cat, f"{body.split(' depends')[0].split(' of size')[0]} at {loc}")
            i = j
        else:
            i += 1
    ran = "ctgrind-end" in out
    if not ran:
        verdict = f"FAIL (did not finish, exit {rc})"; failed = True
    elif kind == "ct":
        verdict = "PASS" if counts["libcrypto"] == 0 else "FAIL"
        failed |= counts["libcrypto"] != 0
    elif kind == "known":
        verdict = "KNOWN (shown, not failed)"
    elif kind == "planted":
        caught = counts["harness"] + counts["libcrypto"] > 0
        verdict = "PLANTED: caught (expected)" if caught else "PLANTED: MISSED"
        failed |= not caught
    else:
        verdict = "?"
    note = first.get("libcrypto") or first.get("harness") or first.get("elsewhere") or ""
    rows.append((name, kind, counts["libcrypto"], counts["harness"], counts["elsewhere"], float(secs), verdict, note))
w = max(len(r[0]) for r in rows)
print(f"{'target':<{w}}  {'kind':<7} {'LibCrypto':>9} {'harness':>7} {'elsewhere':>9} {'sec':>6}  verdict / first report")
for r in rows:
    print(f"{r[0]:<{w}}  {r[1]:<7} {r[2]:>9} {r[3]:>7} {r[4]:>9} {r[5]:>6.1f}  {r[6]}" + (f"  [{r[7]}]" if r[7] else ""))
print(open(os.path.join(logs, "summary.txt")).read().strip() + f"; logs in {logs}")
absent = [(n, k[1]) for n, k in kinds.items() if k[0] == "absent"]
for n, why in absent:
    print(f"{n}: {why}")
print("ctgrind:", "FAIL" if failed else "PASS")
sys.exit(1 if failed else 0)
PY
