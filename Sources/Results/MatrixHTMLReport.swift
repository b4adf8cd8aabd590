import Foundation

/// A self-contained HTML page (no scripts or files from elsewhere) whose main view is the grid
/// algorithms × cells, one row per algorithm, every cell coloured by its state and explained by
/// a tooltip and the legend; then each cell's build time, proofs and log tail, folded.
public enum MatrixHTMLReport {
    /// Every state a grid cell can show, in legend order, with its colour and meaning.
    public static let states: [(state: String, colour: String, meaning: String)] = [
        ("pass", "#2e9d4f", "every case of the algorithm passed in this cell (the number shown)"),
        (
            "fail", "#d03b3b",
            "a case failed, errored or was skipped unexpectedly, or the outcome contradicts the "
                + "cell's configuration (the tooltip says which)"
        ),
        (
            "disabled-as-expected", "#8a8f98",
            "the algorithm's trait is off in this cell and every one of its vectors "
                + "was skipped as 'disabled in this build' (the number of cases shown)"
        ),
        (
            "reference-lacks", "#e0a526",
            "only interop cases ran, and the cell's OpenSSL reference does not have the "
                + "algorithm"
        ),
        (
            "skipped", "#c9ccd1",
            "only skipped, for reasons the run expected (e.g. a mode only OpenSSL implements); "
                + "the tooltip gives the counts"
        ),
        ("build-failed", "#7a1f1f", "the cell did not compile, so nothing of it ran (its log tail is below)"),
        (
            "no-results", "#b05a5a",
            "the cell compiled, but its run crashed, ran past its time limit or was "
                + "interrupted, and left no per-algorithm results"
        ),
        (
            "not-run", "#eeeeee",
            "the cell was not run, for a stated reason that is not a failure (e.g. its "
                + "from-source reference is not built)"
        ),
        (
            "absent", "#ffffff",
            "the cell ran, but no case of this algorithm did: its trait is off in this cell (so it "
                + "had no interop target) and no vector file names it, or the cell's reference or --filter left it out"
        ),
    ]

    /// `canonicalName` joins rows of aliases (`SHA256`, `SHA2-256`) that a report from another
    /// writer may still hold apart; the caller knows the catalog, this module does not.
    public static func html(
        _ r: MatrixReport, title: String = "swift-libcrypto build matrix",
        canonicalName: (String) -> String = { $0 }
    ) -> String {
        // One entry per (cell, algorithm), aliases joined.
        var lookup: [String: [String: AlgorithmCell]] = [:]
        var traitOf: [String: String] = [:]
        for c in r.cells {
            var d: [String: AlgorithmCell] = [:]
            for a in c.algorithms {
                let n = canonicalName(a.name)
                if let t = a.trait { traitOf[n] = t }
                d[n] =
                    d[n].map { join($0, a) }
                    ?? AlgorithmCell(
                        name: n, trait: a.trait, outcome: a.outcome,
                        tally: a.tally, problem: a.problem)
            }
            lookup[c.cell.name] = d
        }
        let names = Set(lookup.values.flatMap(\.keys)).sorted()

        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        h += "<title>\(esc(title))</title>\n<style>\n"
        h += "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}"
        h += "th,td{border:1px solid #ddd;padding:2px 6px}th{background:#f4f4f6}#grid thead th{position:sticky;top:0}"
        h += "td.o{width:5.5em;text-align:center;font-size:12px}td.alg{font-family:monospace;white-space:nowrap}"
        h += "pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:20em}#legend td.o{width:9em}"
        h += "summary{cursor:pointer}.controls{margin:.8em 0}.note{color:#555}"
        h += "body.problems-only #grid tbody tr.clean,body.problems-only section.celldetail.clean{display:none}"
        h += ".when-filtered{display:none}body.problems-only .when-filtered{display:block}"
        for s in states {
            let dark = ["pass", "fail", "build-failed", "disabled-as-expected", "no-results"]
            let fg = dark.contains(s.state) ? "#fff" : "#222"
            h += ".\(s.state){background:\(s.colour);color:\(fg)}"
        }
        h += "\n</style></head><body>\n<h1>\(esc(title))</h1>\n"

        let failed = r.cells.filter { $0.status.isFailure }.count
        let notRun = r.cells.filter { $0.status == .notRun }.count
        let passed = r.cells.count - failed - notRun
        h += "<p id=\"summary\" data-ok=\"\(r.ok)\" data-cells=\"\(r.cells.count)\" data-passed=\"\(passed)\" "
        h += "data-failed=\"\(failed)\" data-not-run=\"\(notRun)\">matrix <b>\(esc(r.matrix))</b>, started "
        h += "\(esc(r.startedAt)), \(String(format: "%.1f", r.durationSeconds)) s: \(r.cells.count) cells, "
        h += "\(passed) passed, \(failed) failed, \(notRun) not run; \(names.count) algorithms.</p>\n"
        if let stages = r.stages, !stages.isEmpty {
            h += "<table id=\"stages\"><tr><th>stage</th><th>passed</th><th>failed</th><th>skipped</th>"
            h += "<th>status</th></tr>\n"
            for s in stages {
                h += "<tr><td>\(esc(s.name))</td><td>\(s.tally.passed)</td><td>\(s.tally.failed + s.tally.errored)</td>"
                h += "<td>\(s.tally.skipped)</td>"
                h += "<td class=\"\(s.ok ? "pass" : "fail")\">\(s.ok ? "ok" : "FAILED")</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "<details id=\"legend-box\" open><summary>What the colours mean</summary>\n<table id=\"legend\">\n"
        for s in states {
            h += "<tr data-legend=\"\(s.state)\"><td class=\"o \(s.state)\">\(s.state)</td>"
            h += "<td>\(esc(s.meaning))</td></tr>\n"
        }
        h += "</table><p class=\"note\">Hover over a cell of the grid for its counts and the reason of its state.</p>"
        h += "</details>\n"

        var problemRows = 0
        var body = ""
        for n in names {
            var row = ""
            var problem = false
            for c in r.cells {
                let (state, label, tip) = gridCell(n, trait: traitOf[n], in: c, lookup[c.cell.name]?[n])
                if state == "fail" { problem = true }
                row += "<td class=\"o \(state)\" data-outcome=\"\(state)\" title=\"\(esc(tip))\">\(esc(label))</td>"
            }
            if problem { problemRows += 1 }
            body +=
                "<tr data-algorithm=\"\(esc(n))\" class=\"\(problem ? "problem" : "clean")\">"
                + "<td class=\"alg\">\(esc(n))</td><td>\(esc(traitOf[n] ?? ""))</td>" + row + "</tr>\n"
        }
        h += "<p class=\"controls\"><label><input type=\"checkbox\" id=\"problems-only\"> problems only</label> "
        h += "<span class=\"note\">(hides the algorithms with no failing cell, \(names.count - problemRows) of "
        h += "\(names.count), and the cells below that passed)</span></p>\n"
        let none = problemRows == 0 ? "No algorithm failed in any cell." : ""
        h += "<p class=\"note when-filtered\" id=\"no-problems\">\(none)</p>\n"
        h += "<table id=\"grid\">\n<thead><tr><th>algorithm</th><th>trait</th>"
        for c in r.cells {
            var tip = "\(c.status.rawValue): \(c.cell.configuration), reference \(c.cell.reference)"
            if let d = c.detail { tip += " — \(d)" }
            if let b = c.buildSeconds { tip += String(format: "; build %.0f s", b) }
            if let s = c.runSeconds { tip += String(format: ", run %.0f s", s) }
            h += "<th class=\"cell \(headerClass(c.status))\" data-cell=\"\(esc(c.cell.name))\" "
            h += "data-status=\"\(c.status.rawValue)\" "
            h += "title=\"\(esc(tip))\"><a href=\"#cell-\(esc(c.cell.name))\">\(esc(c.cell.name))</a><br>"
            h += "<small>\(esc(c.status.rawValue))</small></th>"
        }
        h += "</tr></thead>\n<tbody>\n" + body + "</tbody></table>\n<h2>Cells</h2>\n"
        for c in r.cells { h += section(c) }
        // The toggle; a link ending in #problems-only opens the page with it on.
        h += "<script>\nvar box = document.getElementById('problems-only');\n"
        h += "function applyFilter() { document.body.classList.toggle('problems-only', box.checked); }\n"
        h += "box.addEventListener('change', applyFilter);\n"
        h += "if (location.hash === '#problems-only') { box.checked = true; applyFilter(); }\n</script>\n"
        h += "</body></html>\n"
        return h
    }

    static func headerClass(_ s: CellStatus) -> String {
        switch s {
        case .passed: return "pass"
        case .notRun: return "not-run"
        case .buildFailed: return "build-failed"
        case .failed: return "fail"
        case .crashed, .timedOut, .interrupted: return "no-results"
        }
    }

    /// Two entries of one algorithm under different names: counts added, the worse state kept.
    static func join(_ a: AlgorithmCell, _ b: AlgorithmCell) -> AlgorithmCell {
        let rank: [GridOutcome: Int] = [.fail: 0, .pass: 1, .disabled: 2, .referenceLacks: 3, .skipped: 4]
        var m = a
        m.tally.add(b.tally)
        if rank[b.outcome]! < rank[a.outcome]! { m.outcome = b.outcome }
        m.problem = [a.problem, b.problem].compactMap { $0 }.joined(separator: "; ").nilIfEmpty
        if m.trait == nil { m.trait = b.trait }
        return m
    }

    /// The state, label and tooltip of one grid cell.
    static func gridCell(
        _ name: String, trait: String?, in c: CellResult,
        _ a: AlgorithmCell?
    ) -> (String, String, String) {
        let place = "\(name) in \(c.cell.name)"
        switch c.status {
        case .buildFailed:
            return ("build-failed", "build", "\(place): the cell did not compile — \(c.detail ?? "see its log")")
        case .notRun:
            return ("not-run", "", "\(place): the cell was not run — \(c.detail ?? "no reason given")")
        case .crashed, .timedOut, .interrupted, .failed:
            if a == nil && c.summary == nil {
                return (
                    "no-results", "",
                    "\(place): the cell's run left no results (\(c.status.rawValue)) — \(c.detail ?? "")"
                )
            }
        case .passed: break
        }
        guard let a else {
            if let t = trait,
                c.cell.disabledTraits?.contains(t) == true
                    || (c.cell.enabledTraits.map { !$0.contains(t) } ?? false)
            {
                return (
                    "absent", "",
                    "\(place): absent — \(t) is off in this cell, so \(name) is not in its build "
                        + "(no interop target) and no vector file of this cell names it; nothing to run, as expected"
                )
            }
            return (
                "absent", "",
                "\(place): absent — no case of \(name) ran in this cell: none of its vectors or "
                    + "interop targets named it (the cell's reference or --filter left it out)"
            )
        }
        let counts =
            "\(a.tally.passed) passed, \(a.tally.failed) failed, \(a.tally.errored) errored, "
            + "\(a.tally.skipped) skipped"
        let state = a.outcome.rawValue
        let meaning = states.first { $0.state == state }?.meaning ?? ""
        let tip = "\(place): \(state) — \(counts)" + (a.problem.map { ". Problem: " + $0 } ?? ". " + meaning)
        switch a.outcome {
        case .pass: return (state, String(a.tally.passed), tip)
        case .disabled: return (state, "off \(a.tally.skipped)", tip)
        case .fail: return (state, "FAIL", tip)
        case .referenceLacks: return (state, "ref lacks", tip)
        case .skipped: return (state, "skip", tip)
        }
    }

    static func section(_ c: CellResult) -> String {
        let clean = c.status == .passed || c.status == .notRun
        var h = "<section class=\"celldetail \(clean ? "clean" : "problem")\" id=\"cell-\(esc(c.cell.name))\">"
        h += "<h3>\(esc(c.cell.name)) — "
        h += "<span class=\"\(headerClass(c.status))\">\(esc(c.status.rawValue))</span></h3>\n"
        let options = c.cell.options.isEmpty ? "(defaults)" : c.cell.options.joined(separator: " ")
        h += "<p>options: <code>\(esc(options))</code>"
        h += (c.cell.extraTraits.isEmpty ? "" : " +" + esc(c.cell.extraTraits.joined(separator: " +")))
        if let traits = c.cell.enabledTraits { h += "; traits: <code>\(esc(traits.joined(separator: ",")))</code>" }
        h += "; reference: \(esc(c.cell.reference))"
        if let b = c.buildSeconds { h += String(format: "; build %.1f s", b) }
        if let s = c.runSeconds { h += String(format: ", run %.1f s", s) }
        if let d = c.scratchBytes { h += String(format: ", scratch folder %.0f MB", Double(d) / 1e6) }
        h += "</p>\n"
        if let d = c.detail { h += "<p>\(esc(d))</p>\n" }
        if let t = c.summary {
            h += "<p>\(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped (\(c.disabledAsExpected) disabled as "
            h += "expected), \(t.errored) errored</p>\n"
        }
        if !c.problems.isEmpty { h += "<ul>" + c.problems.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
        if !c.proofs.isEmpty {
            let allHeld = c.proofsPassed == c.proofs.count
            h += "<details class=\"proofs\"\(allHeld ? "" : " open")><summary>proofs: \(c.proofsPassed) of "
            h += "\(c.proofs.count) held</summary>\n"
            h += "<table class=\"proofs\"><tr><th>feature</th><th>expect</th><th>check</th><th>result</th>"
            h += "<th>detail</th></tr>\n"
            for p in c.proofs {
                h += "<tr><td>\(esc(p.option))</td><td>\(p.expectAbsent ? "absent" : "present")</td>"
                h += "<td>\(esc(p.check.rawValue))</td>"
                h += "<td class=\"\(p.ok ? "pass" : "fail")\">\(p.ok ? "ok" : "FAIL")</td>"
                h += "<td>\(esc(p.detail))</td></tr>\n"
            }
            h += "</table></details>\n"
        }
        if let t = c.logTail, !t.isEmpty {
            h += "<details class=\"log\"\(c.status.isFailure ? " open" : "")><summary>log tail</summary>"
            h += "<pre class=\"log\">\(esc(t))</pre></details>\n"
        }
        return h + "</section>\n"
    }

    static func esc(_ s: String) -> String { s.markupEscaped(keepNewlines: true) }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
