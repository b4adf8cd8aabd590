import Conformance
import Foundation

/// Console summary of a matrix run: one row per cell, then each failing cell's problems.
public enum MatrixConsoleReport {
    public static func summary(_ r: MatrixReport, maxProblems: Int = 12) -> String {
        let header = ["cell", "configuration", "reference", "status", "build s", "run s", "passed", "failed", "skipped", "disabled", "proofs"]
        var rows: [[String]] = []
        for c in r.cells {
            let t = c.summary
            rows.append([
                c.cell.name,
                c.cell.options.isEmpty && c.cell.extraTraits.isEmpty ? "default" : (c.cell.options + c.cell.extraTraits.map { "+" + $0 }).joined(separator: " "),
                c.cell.reference.spelling,
                c.status.rawValue,
                c.buildSeconds.map { String(format: "%.1f", $0) } ?? "-",
                c.runSeconds.map { String(format: "%.1f", $0) } ?? "-",
                t.map { String($0.passed) } ?? "-",
                t.map { String($0.failed + $0.errored + $0.crashed) } ?? "-",
                t.map { String($0.skipped) } ?? "-",
                t == nil ? "-" : String(c.disabledAsExpected),
                c.proofs.isEmpty ? "-" : "\(c.proofsPassed)/\(c.proofs.count)",
            ])
        }
        var widths = header.map(\.count)
        for row in rows { for (i, v) in row.enumerated() { widths[i] = max(widths[i], v.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, v in i < 4 ? v.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                                                   : String(repeating: " ", count: widths[i] - v.count) + v }.joined(separator: "  ")
        }
        var out = line(header) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        for c in r.cells where c.status != .passed {
            out += "\n\(c.cell.name): \(c.status.rawValue)" + (c.detail.map { " — \($0)" } ?? "") + "\n"
            for p in c.problems.prefix(maxProblems) { out += "  \(p)\n" }
            if c.problems.count > maxProblems { out += "  … and \(c.problems.count - maxProblems) more\n" }
            if let t = c.logTail, !t.isEmpty, c.status.isFailure {
                out += "  log tail:\n" + t.split(separator: "\n", omittingEmptySubsequences: false).suffix(12).map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        let failed = r.cells.filter { $0.status.isFailure }.count
        let notRun = r.cells.filter { $0.status == .notRun }.count
        out += "\nmatrix \(r.matrix): \(r.cells.count) cells, \(r.cells.count - failed - notRun) passed, \(failed) failed, \(notRun) not run\n"
        return out
    }
}

/// JUnit XML: one `testsuite` per cell; test cases for the build, the run, every proof and
/// every algorithm.
public enum MatrixJUnitReport {
    public static func xml(_ r: MatrixReport, name: String = "confrun matrix") -> String {
        let s = suites(r)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"\(esc(name))\" tests=\"\(s.tests)\" failures=\"\(s.failures)\" skipped=\"\(s.skipped)\">\n" + s.xml + "</testsuites>\n"
    }

    /// The `testsuite` elements alone (for appending to another report), with their counts.
    public static func suites(_ r: MatrixReport) -> (xml: String, tests: Int, failures: Int, skipped: Int) {
        var out = "", tests = 0, failures = 0, skipped = 0
        for c in r.cells {
            var body = "", t = 0, f = 0, s = 0
            func testcase(_ name: String, failure: String? = nil, skip: String? = nil, output: String? = nil) {
                t += 1
                body += "    <testcase classname=\"matrix.\(esc(c.cell.name))\" name=\"\(esc(name))\""
                if let m = failure {
                    f += 1
                    body += ">\n      <failure message=\"\(esc(m))\">\(esc(output ?? m))</failure>\n    </testcase>\n"
                } else if let m = skip {
                    s += 1
                    body += ">\n      <skipped message=\"\(esc(m))\"/>\n    </testcase>\n"
                } else {
                    body += "/>\n"
                }
            }
            switch c.status {
            case .notRun: testcase("build", skip: c.detail ?? "not run")
            case .buildFailed: testcase("build", failure: c.detail ?? "build failed", output: c.logTail)
            case .interrupted where c.buildSeconds == nil: testcase("build", failure: "interrupted")
            default: testcase("build")
            }
            if c.status != .notRun && c.status != .buildFailed {
                let runFailed = [.crashed, .timedOut, .interrupted].contains(c.status) || (c.status == .failed && c.summary == nil)
                testcase("confrun all", failure: runFailed ? (c.detail ?? c.status.rawValue) : nil, output: c.logTail)
                for p in c.proofs {
                    testcase("\(p.option) \(p.expectAbsent ? "absent" : "present"): \(p.check.rawValue)", failure: p.ok ? nil : p.detail)
                }
                for a in c.algorithms {
                    let tally = "\(a.tally.passed) passed, \(a.tally.failed) failed, \(a.tally.skipped) skipped"
                    switch a.outcome {
                    case .fail: testcase(a.name, failure: a.problem ?? tally)
                    case .disabled: testcase(a.name, skip: "disabled in this build (\(a.tally.skipped) cases)")
                    case .referenceLacks, .skipped: testcase(a.name, skip: "\(a.outcome.rawValue): \(tally)")
                    case .pass: testcase(a.name)
                    }
                }
            }
            out += "  <testsuite name=\"matrix: \(esc(c.cell.name))\" tests=\"\(t)\" failures=\"\(f)\" skipped=\"\(s)\" time=\"\((c.buildSeconds ?? 0) + (c.runSeconds ?? 0))\">\n" + body + "  </testsuite>\n"
            tests += t; failures += f; skipped += s
        }
        return (out, tests, failures, skipped)
    }
}

/// A self-contained HTML page (no scripts or files from elsewhere) whose main view is the grid
/// algorithms × cells, coloured by outcome, then each cell's build time, proofs and log tail.
public enum MatrixHTMLReport {
    static let colours: [String: String] = [
        "pass": "#2e9d4f", "fail": "#d03b3b", "disabled-as-expected": "#8a8f98", "reference-lacks": "#e0a526",
        "skipped": "#c9ccd1", "build-failed": "#7a1f1f", "absent": "#ffffff", "not-run": "#eeeeee",
    ]

    public static func html(_ r: MatrixReport, title: String = "swift-libcrypto build matrix") -> String {
        var names: [String] = []
        var traitOf: [String: String] = [:]
        var seen: Set<String> = []
        for c in r.cells { for a in c.algorithms where !seen.contains(a.name) { seen.insert(a.name); names.append(a.name); if let t = a.trait { traitOf[a.name] = t } } }
        names.sort()
        var lookup: [String: [String: AlgorithmCell]] = [:]
        for c in r.cells { lookup[c.cell.name] = Dictionary(c.algorithms.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }) }

        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(esc(title))</title>\n<style>\n"
        h += "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}"
        h += "th,td{border:1px solid #ddd;padding:2px 6px}th{background:#f4f4f6;position:sticky;top:0}"
        h += "td.o{width:5.5em;text-align:center;font-size:12px}td.alg{font-family:monospace;white-space:nowrap}"
        h += "pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:20em}.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #ccc}"
        for (k, v) in colours.sorted(by: { $0.key < $1.key }) {
            let fg = ["pass", "fail", "build-failed", "disabled-as-expected"].contains(k) ? "#fff" : "#222"
            h += ".\(k){background:\(v);color:\(fg)}"
        }
        h += "\n</style></head><body>\n<h1>\(esc(title))</h1>\n"
        let failed = r.cells.filter { $0.status.isFailure }.count
        h += "<p id=\"summary\" data-ok=\"\(r.ok)\">matrix <b>\(esc(r.matrix))</b>, started \(esc(r.startedAt)), \(String(format: "%.1f", r.durationSeconds)) s: \(r.cells.count) cells, \(failed) failed.</p>\n"
        if let stages = r.stages, !stages.isEmpty {
            h += "<table id=\"stages\"><tr><th>stage</th><th>passed</th><th>failed</th><th>skipped</th><th>status</th></tr>\n"
            for s in stages {
                h += "<tr><td>\(esc(s.name))</td><td>\(s.tally.passed)</td><td>\(s.tally.failed + s.tally.errored + s.tally.crashed)</td><td>\(s.tally.skipped)</td><td class=\"\(s.ok ? "pass" : "fail")\">\(s.ok ? "ok" : "FAILED")</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "<p class=\"legend\">" + ["pass", "fail", "disabled-as-expected", "reference-lacks", "skipped", "build-failed", "not-run"]
            .map { "<span class=\"\($0)\">\($0)</span>" }.joined() + "</p>\n"
        h += "<table id=\"grid\">\n<thead><tr><th>algorithm</th><th>trait</th>"
        for c in r.cells {
            let time = c.buildSeconds.map { String(format: "build %.0f s", $0) } ?? ""
            h += "<th class=\"cell \(c.status == .passed ? "pass" : c.status == .notRun ? "not-run" : "fail")\" data-cell=\"\(esc(c.cell.name))\" title=\"\(esc(c.status.rawValue + " " + time))\">\(esc(c.cell.name))<br><small>\(esc(c.status.rawValue))</small></th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for n in names {
            h += "<tr data-algorithm=\"\(esc(n))\"><td class=\"alg\">\(esc(n))</td><td>\(esc(traitOf[n] ?? ""))</td>"
            for c in r.cells {
                let outcome: String
                var tip = ""
                if c.status == .buildFailed { outcome = "build-failed" }
                else if c.status == .notRun { outcome = "not-run" }
                else if let a = lookup[c.cell.name]?[n] {
                    outcome = a.outcome.rawValue
                    tip = "\(a.tally.passed) passed, \(a.tally.failed) failed, \(a.tally.skipped) skipped" + (a.problem.map { " — " + $0 } ?? "")
                } else { outcome = "absent" }
                let label: String
                switch outcome {
                case "pass": label = String(lookup[c.cell.name]?[n]?.tally.passed ?? 0)
                case "disabled-as-expected": label = "off \(lookup[c.cell.name]?[n]?.tally.skipped ?? 0)"
                case "fail": label = "FAIL"
                case "reference-lacks": label = "ref lacks"
                case "build-failed": label = "build"
                case "absent", "not-run": label = ""
                default: label = "skip"
                }
                h += "<td class=\"o \(outcome)\" data-outcome=\"\(outcome)\" title=\"\(esc(tip))\">\(esc(label))</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody></table>\n<h2>Cells</h2>\n"
        for c in r.cells {
            h += "<section class=\"celldetail\" id=\"cell-\(esc(c.cell.name))\"><h3>\(esc(c.cell.name)) — <span class=\"\(c.status == .passed ? "pass" : c.status == .notRun ? "not-run" : "fail")\">\(esc(c.status.rawValue))</span></h3>\n"
            h += "<p>options: <code>\(esc(c.cell.options.isEmpty ? "(defaults)" : c.cell.options.joined(separator: " ")))</code>"
            h += (c.cell.extraTraits.isEmpty ? "" : " +" + esc(c.cell.extraTraits.joined(separator: " +")))
            h += "; traits: <code>\(esc(c.cell.enabledTraits.joined(separator: ",")))</code>; reference: \(esc(c.cell.reference.description))"
            if let b = c.buildSeconds { h += String(format: "; build %.1f s", b) }
            if let s = c.runSeconds { h += String(format: ", run %.1f s", s) }
            if let d = c.scratchBytes { h += String(format: ", scratch folder %.0f MB", Double(d) / 1e6) }
            h += "</p>\n"
            if let d = c.detail { h += "<p>\(esc(d))</p>\n" }
            if let t = c.summary {
                h += "<p>\(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped (\(c.disabledAsExpected) disabled as expected), \(t.errored + t.crashed) errored</p>\n"
            }
            if !c.proofs.isEmpty {
                h += "<table class=\"proofs\"><tr><th>feature</th><th>expect</th><th>check</th><th>result</th><th>detail</th></tr>\n"
                for p in c.proofs {
                    h += "<tr><td>\(esc(p.option))</td><td>\(p.expectAbsent ? "absent" : "present")</td><td>\(esc(p.check.rawValue))</td><td class=\"\(p.ok ? "pass" : "fail")\">\(p.ok ? "ok" : "FAIL")</td><td>\(esc(p.detail))</td></tr>\n"
                }
                h += "</table>\n"
            }
            if !c.problems.isEmpty { h += "<ul>" + c.problems.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
            if let t = c.logTail, !t.isEmpty { h += "<pre class=\"log\">\(esc(t))</pre>\n" }
            h += "</section>\n"
        }
        h += "</body></html>\n"
        return h
    }
}

func esc(_ s: String) -> String { s.markupEscaped(keepNewlines: true) }
