import Foundation
import LibCrypto

/// The console summary: one row per corpus, then the skip reasons and every problem.
public enum ConsoleReport {
    public static func summary(_ results: RunResults, maxProblems: Int = 50) -> String {
        var out = ""
        let header = ["corpus", "files", "passed", "failed", "skipped", "unexp.skip", "errored", "total"]
        var rows: [[String]] = []
        for c in results.corpusOrder {
            let t = results.byCorpus[c]!
            rows.append([c, String(results.filesRead[c] ?? 0), String(t.passed), String(t.failed), String(t.skipped),
                         String(t.unexpectedSkips), String(t.errored + t.crashed), String(t.total)])
        }
        let t = results.total
        rows.append(["TOTAL", String(results.filesRead.values.reduce(0, +)), String(t.passed), String(t.failed), String(t.skipped),
                     String(t.unexpectedSkips), String(t.errored + t.crashed), String(t.total)])
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                                                    : String(repeating: " ", count: widths[i] - c.count) + c }.joined(separator: "  ")
        }
        out += line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (i, r) in rows.enumerated() {
            if i == rows.count - 1 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
            out += line(r) + "\n"
        }
        for c in results.corpusOrder {
            guard let reasons = results.skipReasons[c], !reasons.isEmpty else { continue }
            out += "\nskipped in \(c):\n"
            for (reason, n) in reasons.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                out += "  \(String(n).leftPad(6))  \(reason)\n"
            }
        }
        if !results.filesIgnored.isEmpty {
            out += "\nfiles left alone by their manifest: \(results.filesIgnored.count)\n"
        }
        if !results.filesUnmapped.isEmpty {
            out += "\nfiles in the folders given that no manifest entry maps (not run): \(results.filesUnmapped.count)\n"
            for f in results.filesUnmapped.prefix(5) { out += "  \(f.file)\n" }
            if results.filesUnmapped.count > 5 { out += "  ...\n" }
        }
        let problems = results.cases.filter(\.isProblem)
        if !problems.isEmpty {
            out += "\nproblems (\(problems.count)):\n"
            for p in problems.prefix(maxProblems) {
                let place = p.line > 0 ? "\(p.file):\(p.line)" : p.file
                switch p.outcome {
                case .errored where p.algorithm == "-": out += "  ERROR   \(p.reason ?? "")\n"
                case .errored: out += "  ERROR   \(place) [\(p.id)] \(p.algorithm): \(p.reason ?? "")\n"
                case .skipped: out += "  SKIP!   \(place) [\(p.id)] \(p.algorithm): \(p.reason ?? "")\n"
                default:
                    out += "  \(p.outcome.rawValue.uppercased().padding(toLength: 7, withPad: " ", startingAt: 0)) \(place) [\(p.id)] \(p.algorithm): \(p.reason ?? "")\n"
                    if let e = p.expected { out += "          expected \(e.prefix(160))\n" }
                    if let a = p.actual { out += "          actual   \(a.prefix(160))\n" }
                }
            }
            if problems.count > maxProblems { out += "  ... and \(problems.count - maxProblems) more (see --json or --junit)\n" }
        }
        out += "\n\(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped (\(t.unexpectedSkips) unexpected), \(t.errored + t.crashed) errored\n"
        return out
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

/// JUnit XML: one `testsuite` per corpus, one `testcase` per vector (classname = file).
public enum JUnitReport {
    /// `extra` appends other suites (a build matrix) with their counts.
    public static func xml(_ results: RunResults, name: String = "confrun",
                           extra: (xml: String, tests: Int, failures: Int, skipped: Int)? = nil) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let t = results.total
        let e = extra ?? ("", 0, 0, 0)
        out += "<testsuites name=\"\(esc(name))\" tests=\"\(t.total + e.tests)\" failures=\"\(t.failed + t.unexpectedSkips + e.failures)\" errors=\"\(t.errored + t.crashed)\" skipped=\"\(t.skipped - t.unexpectedSkips + e.skipped)\">\n"
        var grouped: [String: [CaseResult]] = [:]
        for c in results.cases { grouped[c.corpus, default: []].append(c) }
        for corpus in results.corpusOrder {
            let cases = grouped[corpus] ?? []
            let s = results.byCorpus[corpus]!
            out += "  <testsuite name=\"\(esc(corpus))\" tests=\"\(s.total)\" failures=\"\(s.failed + s.unexpectedSkips)\" errors=\"\(s.errored + s.crashed)\" skipped=\"\(s.skipped - s.unexpectedSkips)\">\n"
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
                    out += ">\n      <failure message=\"\(esc(c.reason ?? ""))\">\(esc(body))</failure>\n    </testcase>\n"
                case .errored, .crashed:
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

/// The JSON results file. Its schema is `docs/results-schema.md`; `schemaVersion` changes
/// whenever a field changes meaning or goes away (adding a field does not change it).
public struct JSONReport: Codable {
    public static let currentSchemaVersion = 1

    public struct Build: Codable, Sendable {
        public var traits: [String]
        public var implementation: String
    }
    public struct CorpusSummary: Codable, Sendable {
        public var name: String
        public var files: Int
        public var tally: Tally
        public var skipReasons: [String: Int]
    }

    public var schema = "swift-libcrypto/confrun-results"
    public var schemaVersion = JSONReport.currentSchemaVersion
    public var command: String
    public var startedAt: String
    public var durationSeconds: Double
    public var build: Build
    public var summary: Tally
    public var ok: Bool
    public var corpora: [CorpusSummary]
    /// Per-algorithm tallies (added in schema 1; older files lack it).
    public var algorithms: [AlgorithmSummary]?
    /// One entry per case; empty when the writer was asked to leave cases out (`--no-json-cases`).
    public var cases: [CaseResult]

    public init(results: RunResults, command: String, startedAt: Date, duration: Double, implementation: String, includeCases: Bool = true) {
        self.command = command
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.durationSeconds = (duration * 1000).rounded() / 1000
        self.build = Build(traits: Catalog.enabledTraits, implementation: implementation)
        self.summary = results.total
        self.ok = results.ok
        self.corpora = results.corpusOrder.map {
            CorpusSummary(name: $0, files: results.filesRead[$0] ?? 0, tally: results.byCorpus[$0]!, skipReasons: results.skipReasons[$0] ?? [:])
        }
        self.algorithms = results.algorithmSummaries()
        self.cases = includeCases ? results.cases : []
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }
}

extension String {
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
