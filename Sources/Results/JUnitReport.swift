/// JUnit XML: one `testsuite` per corpus, one `testcase` per vector (classname = file); with a
/// build matrix, one more `testsuite` per cell.
public enum JUnitReport {
    public static func xml(_ results: RunResults, name: String = "confrun", matrix: MatrixReport? = nil) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let t = results.total
        let e: (xml: String, tests: Int, failures: Int, skipped: Int) =
            matrix.map { MatrixJUnitReport.suites($0) }
            ?? ("", 0, 0, 0)
        out +=
            "<testsuites name=\"\(esc(name))\" tests=\"\(t.total + e.tests)\" "
            + "failures=\"\(t.failed + t.unexpectedSkips + e.failures)\" errors=\"\(t.errored)\" "
            + "skipped=\"\(t.skipped - t.unexpectedSkips + e.skipped)\">\n"
        var grouped: [String: [CaseResult]] = [:]
        for c in results.cases { grouped[c.corpus, default: []].append(c) }
        for corpus in results.corpusOrder {
            let cases = grouped[corpus] ?? []
            let s = results.byCorpus[corpus]!
            out +=
                "  <testsuite name=\"\(esc(corpus))\" tests=\"\(s.total)\" "
                + "failures=\"\(s.failed + s.unexpectedSkips)\" "
                + "errors=\"\(s.errored)\" skipped=\"\(s.skipped - s.unexpectedSkips)\">\n"
            for c in cases {
                let caseName = "\(c.algorithm) \(c.id)" + (c.line > 0 ? " (line \(c.line))" : "")
                out += "    <testcase classname=\"\(esc(c.file))\" name=\"\(esc(caseName))\""
                switch c.outcome {
                case .passed:
                    out += "/>\n"
                case .skipped where c.expectedSkip != false:
                    out += ">\n      <skipped message=\"\(esc(c.reason ?? ""))\"/>\n    </testcase>\n"
                case .skipped, .failed:
                    var body = c.reason ?? ""
                    if let e = c.expected { body += "\nexpected: \(e)" }
                    if let a = c.actual { body += "\nactual:   \(a)" }
                    out +=
                        ">\n      <failure message=\"\(esc(c.reason ?? ""))\">\(esc(body))</failure>\n"
                        + "    </testcase>\n"
                case .errored:
                    out += ">\n      <error message=\"\(esc(c.reason ?? ""))\"/>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += e.xml
        out += "</testsuites>\n"
        return out
    }

    static func esc(_ s: String) -> String { s.markupEscaped(keepNewlines: false) }
}
