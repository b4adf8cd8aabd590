/// The console summary: one row per corpus, then the skip reasons, the files left out (each by
/// name) and every problem.
public enum ConsoleReport {
    public static func summary(_ results: RunResults, maxProblems: Int = 50) -> String {
        var out = ""
        let header = ["corpus", "files", "passed", "failed", "skipped", "unexp.skip", "errored", "total"]
        var rows: [[String]] = []
        func row(_ name: String, _ files: Int, _ t: Tally) -> [String] {
            [
                name, String(files), String(t.passed), String(t.failed), String(t.skipped),
                String(t.unexpectedSkips), String(t.errored), String(t.total),
            ]
        }
        for c in results.corpusOrder {
            rows.append(row(c, results.filesRead[c] ?? 0, results.byCorpus[c]!))
        }
        let t = results.total
        rows.append(row("TOTAL", results.filesRead.values.reduce(0, +), t))
        out += table(header: header, rows: rows, leftColumns: 1, ruleBeforeLast: true)
        for c in results.corpusOrder {
            guard let reasons = results.skipReasons[c], !reasons.isEmpty else { continue }
            out += "\nskipped in \(c):\n"
            let sorted = reasons.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            for (reason, n) in sorted {
                out += "  \(String(n).paddedLeft(6))  \(reason)\n"
            }
        }
        if !results.filesIgnored.isEmpty {
            out += "\nfiles left alone by their manifest: \(results.filesIgnored.count)\n"
            for f in results.filesIgnored { out += "  \(f.corpus): \(f.file)  (\(f.reason))\n" }
        }
        if !results.filesUnmapped.isEmpty {
            out +=
                "\nfiles in the folders given that no manifest entry maps (not run): "
                + "\(results.filesUnmapped.count)\n"
            for f in results.filesUnmapped { out += "  \(f.corpus): \(f.file)\n" }
        }
        let problems = results.problems
        if !problems.isEmpty {
            out += "\nproblems (\(problems.count)):\n"
            for p in problems.prefix(maxProblems) {
                let place = p.line > 0 ? "\(p.file):\(p.line)" : p.file
                switch p.outcome {
                case .errored where p.algorithm == "-": out += "  ERROR   \(p.reason ?? "")\n"
                case .errored: out += "  ERROR   \(place) [\(p.id)] \(p.algorithm): \(p.reason ?? "")\n"
                case .skipped: out += "  SKIP!   \(place) [\(p.id)] \(p.algorithm): \(p.reason ?? "")\n"
                case .passed, .failed:
                    let tag = p.outcome.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)
                    out += "  \(tag) \(place) [\(p.id)] \(p.algorithm): \(p.reason ?? "")\n"
                    if let e = p.expected { out += "          expected \(e.prefix(160))\n" }
                    if let a = p.actual { out += "          actual   \(a.prefix(160))\n" }
                }
            }
            if problems.count > maxProblems {
                out += "  ... and \(problems.count - maxProblems) more (see --json or --junit)\n"
            }
        }
        out +=
            "\n\(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped (\(t.unexpectedSkips) unexpected), "
            + "\(t.errored) errored\n"
        return out
    }

    /// A text table: the first `leftColumns` columns left-aligned, the others right-aligned.
    static func table(header: [String], rows: [[String]], leftColumns: Int, ruleBeforeLast: Bool = false) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i < leftColumns ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c.paddedLeft(widths[i])
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(header) + "\n" + rule
        for (i, r) in rows.enumerated() {
            if ruleBeforeLast && i == rows.count - 1 { out += rule }
            out += line(r) + "\n"
        }
        return out
    }
}

extension String {
    func paddedLeft(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }

    /// Escaped for XML and HTML text and attributes: `& < > "`, other control characters but tab
    /// as `?`; newlines kept (HTML `<pre>`) or written as `&#10;` (JUnit attributes).
    public func markupEscaped(keepNewlines: Bool) -> String {
        var o = ""
        o.reserveCapacity(count)
        for ch in unicodeScalars {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "\n" where !keepNewlines: o += "&#10;"
            default:
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { o += "?" } else { o.unicodeScalars.append(ch) }
            }
        }
        return o
    }
}
