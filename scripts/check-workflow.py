#!/usr/bin/env python3
"""Checks .github/workflows/confrun.yml, which cannot run here, as far as a parser can.

Usage: python3 scripts/check-workflow.py [WORKFLOW] [--confrun BINARY]

Checks:
  1. the file is YAML with `name`, `on` and `jobs`, and every job has `runs-on` and `steps`;
  2. the job graph: every `needs` names a job, there is no cycle;
  3. the fan-out: one job runs `confrun matrix ... --emit github-actions`, writes its output to
     $GITHUB_OUTPUT from a step with an `id`, and declares it under `outputs`; one job needs it
     and takes `strategy.matrix` from `fromJSON(needs.<that job>.outputs.<that output>)`; every
     `matrix.KEY` it uses is a key of the emitted entries; it uploads its report even when the
     cell fails (`if: always()`);
  4. the merge: a job needs the per-cell job, runs even when a cell failed, downloads the
     artifacts, runs `confrun report merge` and uploads the result;
  5. every `confrun` command line in a `run:` script names an existing subcommand and only
     options that subcommand has. The command tree comes from a built confrun
     (`--experimental-dump-help`; --confrun BINARY, $CONFRUN, or the usual build folders), else
     from a scan of Sources/confrun (options then checked against all commands).

Needs PyYAML; if it is missing the script tries `pip install --user pyyaml` once.
Exit status: 0 all checks pass; 1 a check failed (each failure is printed); 2 cannot check.
"""
import json
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def load_yaml_module():
    try:
        import yaml  # noqa: F401
        return sys.modules["yaml"]
    except ImportError:
        pass
    print("check-workflow: PyYAML missing; trying: python3 -m pip install --user pyyaml", file=sys.stderr)
    for extra in ([], ["--break-system-packages"]):
        r = subprocess.run([sys.executable, "-m", "pip", "install", "--user", "--quiet", "pyyaml"] + extra,
                           capture_output=True, text=True)
        if r.returncode == 0:
            break
    try:
        import site
        import importlib
        sys.path.append(site.getusersitepackages())
        importlib.invalidate_caches()
        import yaml  # noqa: F401
        return sys.modules["yaml"]
    except ImportError:
        print("check-workflow: cannot import yaml; install it with `apt-get install python3-yaml` "
              "or `pip install pyyaml`", file=sys.stderr)
        sys.exit(2)


def find_confrun(explicit):
    candidates = [explicit, os.environ.get("CONFRUN"),
                  ".build-matrix/default/release/confrun", ".build-release/release/confrun",
                  ".build/release/confrun", ".build/debug/confrun"]
    for c in candidates:
        if not c:
            continue
        path = c if os.path.isabs(c) else os.path.join(ROOT, c)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def command_tree_from_binary(binary):
    """{('matrix',): {options}, ('report', 'merge'): {...}, ...} from ArgumentParser's dump."""
    out = subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True, check=True).stdout
    tree = {}

    def walk(cmd, path):
        names = set()
        for arg in cmd.get("arguments", []):
            for n in arg.get("names", []):
                if n.get("kind") == "long":
                    names.add("--" + n["name"])
                elif n.get("kind") == "short":
                    names.add("-" + n["name"])
        tree[path] = names
        for sub in cmd.get("subcommands", []):
            walk(sub, path + (sub["commandName"],))

    walk(json.loads(out)["command"], ())
    return tree


def command_tree_from_sources():
    """A coarse tree from Sources/confrun: every command name, and one option set for all."""
    names, options = set(), {"--help", "-h"}
    src = os.path.join(ROOT, "Sources", "confrun")
    for f in sorted(os.listdir(src)):
        if not f.endswith(".swift"):
            continue
        text = open(os.path.join(src, f), encoding="utf-8").read()
        names.update(re.findall(r'commandName:\s*"([\w-]+)"', text))
        for m in re.finditer(r"struct (\w+):\s*ParsableCommand", text):
            names.add(m.group(1).lower())
        for m in re.finditer(r"@(Option|Flag)\(([^\n]*)\)\s*(?:\n\s*)?var (\w+)", text):
            kebab = re.sub(r"(?<!^)([A-Z])", r"-\1", m.group(3)).lower()
            options.add("--" + kebab)
            if "prefixedNo" in m.group(2):
                options.add("--no-" + kebab)
    return {"*names": names, "*options": options}


def emitted_keys(binary):
    """The keys of one `--emit github-actions` entry: from the binary, else from Matrix.swift."""
    if binary:
        r = subprocess.run([binary, "matrix", "--emit", "github-actions"], capture_output=True, text=True,
                           cwd=ROOT)
        if r.returncode == 0:
            data = json.loads(r.stdout)
            if data.get("include"):
                return set(data["include"][0].keys()), "confrun matrix --emit github-actions"
    text = open(os.path.join(ROOT, "Sources", "confrun", "Matrix.swift"), encoding="utf-8").read()
    m = re.search(r"struct Entry: Encodable \{([^}]*)\}", text)
    if not m:
        return None, "Sources/confrun/Matrix.swift (no `struct Entry` found)"
    return set(re.findall(r"var (\w+)\s*:", m.group(1))), "Sources/confrun/Matrix.swift"


def confrun_lines(script):
    """(line, words after the confrun executable) for each confrun command in a shell script."""
    joined = re.sub(r"\\\n\s*", " ", script)
    for line in joined.split("\n"):
        for part in re.split(r"\|\||&&|;|\||\$\(", line):
            try:
                words = shlex.split(part.strip().rstrip(")"), comments=True)
            except ValueError:
                words = part.split()
            # The executable is the first word after VAR=value assignments (and `env -i …`).
            while words and (re.match(r"^\w+=", words[0]) or words[0] == "env"
                             or (words[0].startswith("-") and len(words) > 1)):
                words.pop(0)
            if words and os.path.basename(words[0]) == "confrun":
                yield line.strip(), words[1:]


def check_command(words, tree, coarse):
    """Problems with one confrun command line, as sentences."""
    problems = []
    if coarse:
        subs = [w for w in words if not w.startswith("-") and not w.startswith("$") and "/" not in w
                and "." not in w and w in tree["*names"]]
        for w in words:
            if w.startswith("--"):
                opt = w.split("=")[0]
                if opt not in tree["*options"] and opt != "--generate-completion-script":
                    problems.append(f"option {opt} is no option of confrun (source scan)")
        if not subs:
            problems.append("names no confrun subcommand")
        return problems
    path = ()
    rest = list(words)
    while rest and path + (rest[0],) in tree:
        path += (rest.pop(0),)
    if not path:
        return [f"'{words[0] if words else ''}' is not a confrun subcommand"]
    has_subcommands = any(len(k) == len(path) + 1 and k[:len(path)] == path and k[-1] != "help" for k in tree)
    if has_subcommands and rest and not rest[0].startswith("-"):
        return [f"'confrun {' '.join(path)}' has no subcommand {rest[0]}"]
    options = tree[path]
    for w in rest:
        if w.startswith("-") and w not in ("-", "--"):
            opt = w.split("=")[0]
            if opt not in options:
                problems.append(f"'confrun {' '.join(path)}' has no option {opt}")
    return problems


def main(argv):
    args = argv[1:]
    binary_arg = None
    if "--confrun" in args:
        i = args.index("--confrun")
        binary_arg = args[i + 1] if i + 1 < len(args) else None
        del args[i:i + 2]
    path = args[0] if args else os.path.join(ROOT, ".github", "workflows", "confrun.yml")
    yaml = load_yaml_module()
    try:
        doc = yaml.safe_load(open(path, encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        print(f"check-workflow: {path}: {e}")
        return 1
    failures = []

    def fail(msg):
        failures.append(msg)

    # 1. Shape. PyYAML reads the key `on` as the boolean True (YAML 1.1).
    if not isinstance(doc, dict):
        print(f"check-workflow: {path}: not a mapping")
        return 1
    for key in ("name", "jobs"):
        if key not in doc:
            fail(f"no top-level '{key}'")
    if "on" not in doc and True not in doc:
        fail("no top-level 'on'")
    jobs = doc.get("jobs") or {}
    for name, job in jobs.items():
        if "runs-on" not in job:
            fail(f"job {name}: no runs-on")
        if not job.get("steps"):
            fail(f"job {name}: no steps")

    def needs(job):
        n = job.get("needs", [])
        return [n] if isinstance(n, str) else list(n)

    # 2. Graph.
    for name, job in jobs.items():
        for n in needs(job):
            if n not in jobs:
                fail(f"job {name}: needs unknown job {n}")
    state = {}

    def visit(n, stack):
        if state.get(n) == 1:
            fail(f"cycle in needs: {' -> '.join(stack + [n])}")
            return
        if state.get(n) == 2 or n not in jobs:
            return
        state[n] = 1
        for m in needs(jobs[n]):
            visit(m, stack + [n])
        state[n] = 2

    for n in jobs:
        visit(n, [])

    def runs(job):
        return [s.get("run", "") for s in job.get("steps", []) if isinstance(s, dict)]

    def uses(job, action):
        return [s for s in job.get("steps", []) if isinstance(s, dict) and str(s.get("uses", "")).startswith(action)]

    # 3. Fan-out.
    emit_job = emit_output = None
    for name, job in jobs.items():
        for step in job.get("steps", []):
            run = step.get("run", "") if isinstance(step, dict) else ""
            if re.search(r"confrun\b.*\bmatrix\b.*--emit\s+github-actions", run) and "GITHUB_OUTPUT" in run:
                emit_job = name
                m = re.search(r'echo\s+"(\w+)=', run)
                if not step.get("id"):
                    fail(f"job {name}: the emit step has no id, so its output cannot be read")
                elif not m:
                    fail(f"job {name}: the emit step writes no NAME=value to $GITHUB_OUTPUT")
                else:
                    declared = (job.get("outputs") or {})
                    want = f"steps.{step['id']}.outputs.{m.group(1)}"
                    outs = [k for k, v in declared.items() if want in str(v)]
                    if not outs:
                        fail(f"job {name}: no entry under outputs reads {want}")
                    else:
                        emit_output = outs[0]
    if not emit_job:
        fail("no job runs `confrun matrix --emit github-actions` into $GITHUB_OUTPUT")
    binary = find_confrun(binary_arg)
    keys, keys_from = emitted_keys(binary)
    cell_job = None
    for name, job in jobs.items():
        matrix = (job.get("strategy") or {}).get("matrix")
        if isinstance(matrix, str) and "fromJSON" in matrix:
            cell_job = name
            want = f"fromJSON(needs.{emit_job}.outputs.{emit_output})"
            if want not in matrix.replace(" ", ""):
                fail(f"job {name}: strategy.matrix is {matrix!r}, expected ${{{{ {want} }}}}")
            if emit_job not in needs(job):
                fail(f"job {name}: takes its matrix from {emit_job} but does not need it")
            if (job.get("strategy") or {}).get("fail-fast") is not False:
                fail(f"job {name}: set strategy.fail-fast: false so one failing cell does not cancel the rest")
            used = set(re.findall(r"matrix\.(\w+)", yaml.safe_dump(job)))
            if keys is None:
                fail(f"cannot tell the emitted keys ({keys_from})")
            elif used - keys:
                fail(f"job {name}: uses matrix.{', matrix.'.join(sorted(used - keys))}, "
                     f"not keys of the emitted entries {sorted(keys)} (from {keys_from})")
            ups = uses(job, "actions/upload-artifact")
            if not ups:
                fail(f"job {name}: uploads no artifact")
            elif not any("always()" in str(s.get("if", "")) for s in ups):
                fail(f"job {name}: the upload has no `if: always()`, so a failing cell's report is lost")
            if not any(re.search(r"confrun\b.*\bmatrix\b.*--cell", r) and "--json" in r for r in runs(job)):
                fail(f"job {name}: runs no `confrun matrix --cell … --json …`")
    if not cell_job:
        fail("no job takes strategy.matrix from fromJSON(...)")

    # 4. Merge.
    merge_job = None
    for name, job in jobs.items():
        if any(re.search(r"confrun\b.*\breport\s+merge\b", r) for r in runs(job)):
            merge_job = name
            if cell_job and cell_job not in needs(job):
                fail(f"job {name}: merges reports but does not need {cell_job}")
            if "always()" not in str(job.get("if", "")):
                fail(f"job {name}: has no `if: always()`, so a failing cell leaves no merged report")
            if not uses(job, "actions/download-artifact"):
                fail(f"job {name}: downloads no artifact")
            if not uses(job, "actions/upload-artifact"):
                fail(f"job {name}: uploads no merged report")
    if not merge_job:
        fail("no job runs `confrun report merge`")

    # 5. Commands.
    if binary:
        tree, coarse, tree_from = command_tree_from_binary(binary), False, binary
    else:
        tree, coarse, tree_from = command_tree_from_sources(), True, "a scan of Sources/confrun"
    count = 0
    for name, job in jobs.items():
        for run in runs(job):
            for line, words in confrun_lines(run):
                count += 1
                for p in check_command(words, tree, coarse):
                    fail(f"job {name}: `{line}`: {p}")
    if count == 0:
        fail("no confrun command found in any run: script")

    for f in failures:
        print(f"check-workflow: {os.path.relpath(path, ROOT)}: {f}")
    summary = (f"{len(jobs)} jobs ({' -> '.join(j for j in (emit_job, cell_job, merge_job) if j)}), "
               f"{count} confrun commands checked against {tree_from}, matrix keys from {keys_from}")
    if failures:
        print(f"check-workflow: {len(failures)} problem(s); {summary}")
        return 1
    print(f"check-workflow: ok: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
