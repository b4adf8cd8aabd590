import Foundation

/// Console summary of a matrix run: one row per cell, then each failing cell's problems.
public enum MatrixConsoleReport {
    public static func summary(_ r: MatrixReport, maxProblems: Int = 12) -> String {
        let header = [
            "cell", "configuration", "reference", "status", "build s", "run s", "passed", "failed", "skipped",
            "disabled", "proofs",
        ]
        var rows: [[String]] = []
        for c in r.cells {
            let t = c.summary
            rows.append([
                c.cell.name,
                c.cell.configuration,
                c.cell.reference,
                c.status.rawValue,
                c.buildSeconds.map { String(format: "%.1f", $0) } ?? "-",
                c.runSeconds.map { String(format: "%.1f", $0) } ?? "-",
                t.map { String($0.passed) } ?? "-",
                t.map { String($0.failed + $0.errored) } ?? "-",
                t.map { String($0.skipped) } ?? "-",
                t == nil ? "-" : String(c.disabledAsExpected),
                c.proofs.isEmpty ? "-" : "\(c.proofsPassed)/\(c.proofs.count)",
            ])
        }
        var out = ConsoleReport.table(header: header, rows: rows, leftColumns: 4)
        for c in r.cells where c.status != .passed {
            out += "\n\(c.cell.name): \(c.status.rawValue)" + (c.detail.map { " — \($0)" } ?? "") + "\n"
            for p in c.problems.prefix(maxProblems) { out += "  \(p)\n" }
            if c.problems.count > maxProblems { out += "  … and \(c.problems.count - maxProblems) more\n" }
            if let t = c.logTail, !t.isEmpty, c.status.isFailure {
                out +=
                    "  log tail:\n"
                    + t.split(separator: "\n", omittingEmptySubsequences: false).suffix(12)
                    .map { "    " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        let failed = r.cells.filter { $0.status.isFailure }.count
        let notRun = r.cells.filter { $0.status == .notRun }.count
        out +=
            "\nmatrix \(r.matrix): \(r.cells.count) cells, \(r.cells.count - failed - notRun) passed, "
            + "\(failed) failed, "
            + "\(notRun) not run\n"
        return out
    }
}

/// JUnit XML: one `testsuite` per cell; test cases for the build, the run, every proof and
/// every algorithm.
public enum MatrixJUnitReport {
    public static func xml(_ r: MatrixReport, name: String = "confrun matrix") -> String {
        let s = suites(r)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"\(esc(name))\" tests=\"\(s.tests)\" "
            + "failures=\"\(s.failures)\" skipped=\"\(s.skipped)\">\n" + s.xml + "</testsuites>\n"
    }

    /// The `testsuite` elements alone (for appending to another report), with their counts.
    public static func suites(_ r: MatrixReport) -> (xml: String, tests: Int, failures: Int, skipped: Int) {
        var out = ""
        var tests = 0
        var failures = 0
        var skipped = 0
        for c in r.cells {
            var body = ""
            var t = 0
            var f = 0
            var s = 0
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
                let runFailed =
                    [.crashed, .timedOut, .interrupted].contains(c.status)
                    || (c.status == .failed && c.summary == nil)
                testcase("confrun all", failure: runFailed ? (c.detail ?? c.status.rawValue) : nil, output: c.logTail)
                for p in c.proofs {
                    testcase(
                        "\(p.option) \(p.expectAbsent ? "absent" : "present"): \(p.check.rawValue)",
                        failure: p.ok ? nil : p.detail)
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
            let time = (c.buildSeconds ?? 0) + (c.runSeconds ?? 0)
            out +=
                "  <testsuite name=\"matrix: \(esc(c.cell.name))\" tests=\"\(t)\" failures=\"\(f)\" "
                + "skipped=\"\(s)\" "
                + "time=\"\(time)\">\n" + body + "  </testsuite>\n"
            tests += t
            failures += f
            skipped += s
        }
        return (out, tests, failures, skipped)
    }

    static func esc(_ s: String) -> String { s.markupEscaped(keepNewlines: false) }
}
