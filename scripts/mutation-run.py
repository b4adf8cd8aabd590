#!/usr/bin/env python3
"""Mutation run (issue #12 acceptance): hostile vector files through `confrun kat`, one process each.

Takes seed files of every format confrun reads (CAVP .rsp/.req/.txt via the cryptography-vectors
manifest, pyca/NTT .txt, OpenSSL evp_test stanza files, Wycheproof JSON, our own TestVectors files,
corpus manifests and matrix files), writes N mutants with the mutators below, and runs each in its
own `confrun` process with the default limits (no --max-cost), measuring:

  signals   a child killed by a signal (a trap, abort or segfault) or exit status > 2
  slow      a run longer than --slow seconds (default 20; the child is killed at --timeout)
  memory    the child's peak resident set (wait4 ru_maxrss), against --max-rss MiB (default 1536);
            an upper bound: Linux counts the forked copy of this script (about 30 MiB) in it too

Mutators (one to three per mutant, seeded, so a run is reproducible with --seed):
  bytes      flip 1-8 random bits; insert, delete or duplicate a random span
  lines      delete, duplicate (up to 10,000 times), swap lines; truncate anywhere; CRLF; no newline
  numbers    replace a number after '=', ':' or a JSON key with 2^63-1, 2^63, 2^64, 99999999999,
             3000000000, 2^31, -1, 0, 1e308 or a 400-digit number (the black-box classes: Plen,
             Ncopy, Count, OFFSET, iterations, dkLen, N, maxmem, Monte lengths)
  hex        odd-length hex, non-hex characters, a 1 MiB hex value
  structure  unknown keywords, a stanza/record header repeated, JSON brackets removed or nested
             10,000 deep, NUL bytes, invalid UTF-8, an empty file
Mutants are capped at 4 MiB. Usage:
  python3 scripts/mutation-run.py --confrun .build-matrix/default/release/confrun --count 5000 --jobs 2
Exit status 0 when there are 0 signals, 0 slow runs and no run above the memory limit.
"""
import argparse
import glob
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CACHE = os.environ.get("CONFRUN_CACHE", os.path.expanduser("~/.cache/swift-libcrypto"))
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HUGE = ["9223372036854775807", "9223372036854775808", "18446744073709551616", "99999999999",
        "3000000000", "2147483648", "-1", "0", "1e308", "9" * 400]
MAX_MUTANT = 4 << 20


def seeds():
    """(kind, path, relative-to-corpus-root or None) for every seed, by format."""
    cv = os.path.join(CACHE, "cryptography-vectors", "cryptography_vectors")
    out = []
    def small(p, limit=256 << 10):
        try:
            return os.path.getsize(p) <= limit
        except OSError:
            return False
    for ext in ("rsp", "txt", "req", "json"):
        for p in glob.glob(os.path.join(cv, "**", "*." + ext), recursive=True):
            if small(p) and "/asymmetric/" not in p and "/x509/" not in p:
                out.append(("cv", p, os.path.relpath(p, cv)))
    evp = sorted(glob.glob(os.path.join(CACHE, "openssl", "openssl-3.*", "test", "recipes", "30-test_evp_data", "*.txt")))
    out += [("evp", p, None) for p in evp if small(p, 1 << 20)]
    out += [("own", p, None) for p in glob.glob(os.path.join(REPO, "TestVectors", "**", "*.*"), recursive=True)
            if p.endswith((".txt", ".json")) and small(p, 1 << 20)]
    out += [("manifest", p, None) for p in glob.glob(os.path.join(REPO, "TestVectors", "manifests", "*.manifest"))]
    out += [("matrix", p, None) for p in glob.glob(os.path.join(REPO, "matrices", "*.matrix"))]
    return out


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    names = []
    for _ in range(rng.randint(1, 3)):
        m = rng.choice(["bits", "span", "lines", "dup", "trunc", "numbers", "numbers", "hex", "structure"])
        names.append(m)
        if m == "bits" and data:
            b = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
            data = bytes(b)
        elif m == "span" and data:
            i = rng.randrange(len(data))
            j = min(len(data), i + rng.randint(1, 256))
            op = rng.randrange(3)
            if op == 0:
                data = data[:i] + data[j:]
            elif op == 1:
                data = data[:i] + data[i:j] * rng.randint(2, 50) + data[j:]
                data = data[:MAX_MUTANT]
            else:
                data = data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + data[i:]
        elif m in ("lines", "dup"):
            lines = data.split(b"\n")
            if not lines:
                continue
            i = rng.randrange(len(lines))
            if m == "dup":
                # Never build more than the cap: this process's size is inherited by the child
                # it forks, and its peak RSS would count against the child's.
                n = min(rng.choice([2, 10, 1000, 10000]), max(2, MAX_MUTANT // (len(lines[i]) + 1)))
                lines[i:i + 1] = [lines[i]] * n
            else:
                op = rng.randrange(4)
                if op == 0:
                    del lines[i]
                elif op == 1:
                    j = rng.randrange(len(lines))
                    lines[i], lines[j] = lines[j], lines[i]
                elif op == 2:
                    return b"\r\n".join(lines), "+".join(names + ["crlf"])
                else:
                    return b" ".join(lines)[:1 << 20], "+".join(names + ["no-newline"])
            data = b"\n".join(lines)
        elif m == "trunc" and data:
            data = data[:rng.randrange(len(data))]
        elif m == "numbers":
            spots = [mm for mm in re.finditer(rb"(=\s*|:\s*)(-?\d+)", data)]
            if spots:
                for s in rng.sample(spots, min(len(spots), rng.randint(1, 3))):
                    pass
                s = rng.choice(spots)
                data = data[:s.start(2)] + rng.choice(HUGE).encode() + data[s.end(2):]
        elif m == "hex":
            spots = [mm for mm in re.finditer(rb"[0-9a-fA-F]{8,}", data)]
            if spots:
                s = rng.choice(spots)
                repl = rng.choice([s.group(0)[:-1], s.group(0)[:3] + b"zz" + s.group(0)[5:], b"ab" * (1 << 19)])
                data = data[:s.start()] + repl + data[s.end():]
        elif m == "structure":
            op = rng.randrange(7)
            if op == 0:
                data = b""
            elif op == 1:
                i = rng.randrange(len(data) + 1)
                data = data[:i] + b"\x00" * rng.randint(1, 16) + data[i:]
            elif op == 2:
                i = rng.randrange(len(data) + 1)
                data = data[:i] + b"\xff\xfe\xc3(" + data[i:]
            elif op == 3:
                data = data.replace(b"[", b"", 1).replace(b"{", b"", 1)
            elif op == 4:
                data = b"[" * 10000 + data + b"]" * 10000
            elif op == 5:
                data = b"Unknown = 1\nBogusKeyword = zz\n" + data
            else:
                lines = data.split(b"\n")
                heads = [l for l in lines if l.startswith((b"[", b"Cipher", b"MAC", b"Digest", b"KDF", b"COUNT"))]
                if heads:
                    head = rng.choice(heads)
                    n = min(rng.randint(2, 5000), max(2, MAX_MUTANT // (len(head) + 1)))
                    data = data + b"\n" + b"\n".join([head] * n)
    return data[:MAX_MUTANT], "+".join(names)


def command(kind, confrun, mutant_path, workdir, rel):
    if kind == "cv":
        # The mutant keeps its corpus-relative path under a private root, mapped by a copy of the
        # cryptography-vectors manifest whose root is that folder.
        manifest = os.path.join(workdir, "cv.manifest")
        return [confrun, "kat", "--quiet", "--manifest", manifest, mutant_path]
    if kind == "manifest":
        target = os.path.join(REPO, "TestVectors", "desx-openssl.txt")
        return [confrun, "kat", "--quiet", "--manifest", mutant_path, target]
    if kind == "matrix":
        return [confrun, "matrix", "--matrix-file", mutant_path, "--list"]
    return [confrun, "kat", "--quiet", mutant_path]


def run_one(cmd, timeout):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    killed = False
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            os.killpg(p.pid, signal.SIGKILL)
            killed = True
            pid, status, usage = os.wait4(p.pid, 0)
            break
        time.sleep(0.01)
    elapsed = time.monotonic() - start
    err = p.stderr.read().decode("utf-8", "replace")[-400:] if p.stderr else ""
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    return elapsed, usage.ru_maxrss / 1024.0, sig, code, killed, err


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--confrun", default=os.path.join(REPO, ".build-matrix/default/release/confrun"))
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--slow", type=float, default=20.0)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--max-rss", type=float, default=1536.0, help="MiB")
    ap.add_argument("--keep", help="folder to keep the mutants that misbehaved in")
    ap.add_argument("--json", help="write the per-run records here")
    a = ap.parse_args()

    pool = seeds()
    kinds = sorted({k for k, _, _ in pool})
    by_kind = {k: [s for s in pool if s[0] == k] for k in kinds}
    print(f"mutation-run: {len(pool)} seed files: " + ", ".join(f"{k} {len(v)}" for k, v in by_kind.items()))
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="mutation-run-")
    manifest_src = os.path.join(REPO, "TestVectors", "manifests", "cryptography-vectors.manifest")
    records, running = [], []
    from concurrent.futures import ThreadPoolExecutor

    def job(i):
        r = random.Random(a.seed * 1_000_003 + i)
        kind = kinds[i % len(kinds)] if i < len(kinds) * 50 else r.choice([k for k, _, _ in pool])
        _, path, rel = r.choice(by_kind[kind])
        data = open(path, "rb").read()
        mutant, how = mutate(data, r)
        d = os.path.join(work, f"m{i:05d}")
        os.makedirs(d)
        if kind == "cv":
            out = os.path.join(d, "root", rel)
            os.makedirs(os.path.dirname(out), exist_ok=True)
            text = open(manifest_src).read()
            text = re.sub(r"(?m)^root\s+\S+", "root " + os.path.join(d, "root"), text)
            open(os.path.join(d, "cv.manifest"), "w").write(text)
        else:
            out = os.path.join(d, os.path.basename(path))
        open(out, "wb").write(mutant)
        elapsed, rss, sig, code, killed, err = run_one(command(kind, a.confrun, out, d, rel), a.timeout)
        bad = sig != 0 or killed or elapsed > a.slow or rss > a.max_rss or (code is not None and code > 2)
        rec = {"i": i, "kind": kind, "seed": os.path.relpath(path, CACHE) if path.startswith(CACHE) else path,
               "mutators": how, "bytes": len(mutant), "seconds": round(elapsed, 3), "rssMiB": round(rss, 1),
               "signal": sig, "exit": code, "killed": killed}
        if bad:
            rec["stderrTail"] = err
            if a.keep:
                os.makedirs(a.keep, exist_ok=True)
                shutil.copy(out, os.path.join(a.keep, f"m{i:05d}-{os.path.basename(out)}"))
        else:
            shutil.rmtree(d, ignore_errors=True)
        return rec

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for n, rec in enumerate(ex.map(job, range(a.count)), 1):
            records.append(rec)
            if n % 500 == 0:
                print(f"  {n}/{a.count} runs, {time.monotonic() - t0:.0f} s", flush=True)
    shutil.rmtree(work, ignore_errors=True)

    signals = [r for r in records if r["signal"] or (r["exit"] is not None and r["exit"] > 2)]
    slow = [r for r in records if r["killed"] or r["seconds"] > a.slow]
    heavy = [r for r in records if r["rssMiB"] > a.max_rss]
    exits = {}
    for r in records:
        exits[r["exit"]] = exits.get(r["exit"], 0) + 1
    print(f"mutation-run: {len(records)} runs in {time.monotonic() - t0:.0f} s (seed {a.seed}, {a.jobs} jobs)")
    for k in kinds:
        rs = [r for r in records if r["kind"] == k]
        print(f"  {k:9} {len(rs):5} runs, max {max((r['seconds'] for r in rs), default=0):6.2f} s, "
              f"max {max((r['rssMiB'] for r in rs), default=0):7.1f} MiB")
    print(f"  exit statuses: {dict(sorted(exits.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))}")
    print(f"  signals: {len(signals)}, runs over {a.slow:g} s: {len(slow)}, "
          f"peak RSS max {max(r['rssMiB'] for r in records):.1f} MiB (limit {a.max_rss:g}): {len(heavy)} over")
    for r in (signals + slow + heavy)[:20]:
        print("  BAD", json.dumps(r)[:600])
    if a.json:
        json.dump({"seed": a.seed, "count": a.count, "records": records}, open(a.json, "w"))
    return 0 if not (signals or slow or heavy) else 1


if __name__ == "__main__":
    sys.exit(main())
