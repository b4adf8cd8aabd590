import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Results

/// A run with one pass, one fail, one expected skip, one unexpected skip and one input error,
/// spread over two corpora and three files, plus files a manifest left alone or did not map.
func mixedRun() -> RunResults {
    let r = RunResults()
    func c(
        _ corpus: String, _ file: String, _ line: Int, _ alg: String, _ o: Outcome, reason: String? = nil,
        expectedSkip: Bool? = nil
    ) -> CaseResult {
        CaseResult(
            corpus: corpus, file: file, line: line, id: "line \(line)", algorithm: alg,
            implementation: "LibCrypto", outcome: o, reason: reason, expectedSkip: expectedSkip,
            expected: o == .failed ? "00" : nil, actual: o == .failed ? "01" : nil)
    }
    r.record(c("c&d", "dir/t<1>.txt", 3, "SHA256", .passed))
    r.record(c("c&d", "dir/t<1>.txt", 7, "SHA2-256", .failed, reason: "output differs"))
    r.record(c("c&d", "dir/u.txt", 9, "AES-128-XTS", .skipped, reason: "XTS data unit", expectedSkip: true))
    r.record(c("c&d", "dir/u.txt", 11, "IDEA-CBC", .skipped, reason: "disabled in this build", expectedSkip: false))
    r.record(c("files", "other.txt", 4, "-", .errored, reason: "other.txt:4: bad \"value\" & <stuff>\u{01}\nsecond"))
    r.filesRead = ["c&d": 2, "files": 1]
    for i in 1...12 { r.filesIgnored.append(("c&d", "notes/readme\(i).txt", "notes")) }
    for i in 1...7 { r.filesUnmapped.append(("c&d", "stray/x\(i).rsp")) }
    return r
}

func trait(_ name: String) -> String? { name.uppercased().hasPrefix("IDEA") ? "IDEA" : nil }
func canonical(_ name: String) -> String { name.uppercased() == "SHA256" ? "SHA2-256" : name.uppercased() }

@Suite("Tallies and runs")
struct RunResultsTests {
    @Test func talliesPerCorpusFileAndAlgorithm() {
        let r = mixedRun()
        #expect(r.total.total == 5)
        #expect(r.total.passed == 1 && r.total.failed == 1 && r.total.skipped == 2 && r.total.unexpectedSkips == 1)
        #expect(r.total.errored == 1)
        #expect(!r.ok)
        #expect(r.corpusOrder == ["c&d", "files"])
        #expect(r.files.map(\.file) == ["dir/t<1>.txt", "dir/u.txt", "other.txt"])
        #expect(r.files.map(\.tally.total) == [2, 2, 1])
        #expect(r.problems.map(\.line) == [7, 11, 4])
        let algs = r.algorithmSummaries(trait: trait, canonicalName: canonical)
        #expect(algs.map(\.name) == ["AES-128-XTS", "IDEA-CBC", "SHA2-256"])
        #expect(algs.first { $0.name == "SHA2-256" }?.tally.total == 2)
        #expect(algs.first { $0.name == "IDEA-CBC" }?.trait == "IDEA")
    }

    @Test("a schema 1 tally (with its crashed count) still decodes")
    func oldTallyDecodes() throws {
        let old = #"{"passed":1,"failed":2,"skipped":3,"unexpectedSkips":1,"errored":0,"crashed":0,"total":6}"#
        let t = try JSONDecoder().decode(Tally.self, from: Data(old.utf8))
        #expect(t.total == 6 && t.failed == 2 && t.unexpectedSkips == 1)
        let text = String(decoding: try JSONEncoder().encode(t), as: UTF8.self)
        #expect(!text.contains("crashed"))
    }
}

@Suite("Reports")
struct ReportTests {
    @Test("the console names every file left alone and every unmapped file")
    func consoleNamesFiles() {
        let s = ConsoleReport.summary(mixedRun())
        #expect(s.contains("files left alone by their manifest: 12"))
        for i in 1...12 { #expect(s.contains("c&d: notes/readme\(i).txt  (notes)")) }
        #expect(s.contains("no manifest entry maps (not run): 7"))
        for i in 1...7 { #expect(s.contains("c&d: stray/x\(i).rsp")) }
        #expect(!s.contains("  ...\n"))
        #expect(s.contains("1 passed, 1 failed, 2 skipped (1 unexpected), 1 errored"))
        #expect(s.contains("FAILED  dir/t<1>.txt:7"))
        #expect(s.contains("SKIP!   dir/u.txt:11"))
    }

    @Test("JSON: summaries and problems by default, cases on request, the matrix as one member")
    func jsonShapes() throws {
        let r = mixedRun()
        func report(cases: Bool, matrix: MatrixReport? = nil) throws -> [String: Any] {
            let data = try JSONReport(
                results: r, command: "all", startedAt: Date(timeIntervalSince1970: 0),
                duration: 1.5, implementation: "LibCrypto", buildTraits: ["IDEA"],
                algorithmTrait: trait,
                canonicalName: canonical, includeCases: cases, matrix: matrix
            ).encoded()
            _ = try JSONDecoder().decode(JSONReport.self, from: data)
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let small = try report(cases: false)
        #expect(small["schemaVersion"] as? Int == 2)
        #expect(small["cases"] == nil)
        #expect((small["problems"] as? [[String: Any]])?.count == 3)
        #expect((small["files"] as? [[String: Any]])?.count == 3)
        #expect((small["filesIgnored"] as? [[String: Any]])?.count == 12)
        #expect((small["filesUnmapped"] as? [[String: Any]])?.count == 7)
        #expect(
            (small["algorithms"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                == ["AES-128-XTS", "IDEA-CBC", "SHA2-256"])
        #expect(small["matrix"] == nil)
        let summary = try #require(small["summary"] as? [String: Any])
        #expect(summary["total"] as? Int == 5 && summary["crashed"] == nil)

        let full = try report(cases: true, matrix: sampleMatrix())
        #expect((full["cases"] as? [[String: Any]])?.count == 5)
        let m = try #require(full["matrix"] as? [String: Any])
        #expect(m["schema"] as? String == MatrixReport.schemaName)
        #expect((m["cells"] as? [[String: Any]])?.count == 3)
        #expect(full["ok"] as? Bool == false)
    }

    @Test("JUnit with the matrix suites is well-formed")
    func junit() throws {
        let xml = JUnitReport.xml(mixedRun(), name: "all", matrix: sampleMatrix())
        #expect(xml.components(separatedBy: "<testcase ").count - 1 > 5)
        #expect(xml.contains("<testsuite name=\"matrix: no-idea\""))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    @Test("merged matrix reports keep matrix order; a schema 1 report still merges")
    func mergeOld() throws {
        let m = sampleMatrix()
        var text = String(decoding: try m.encoded(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 1")
        let old = try MatrixReport.decode(Data(text.utf8))
        let merged = try MatrixReport.merge([("old.json", old)])
        #expect(merged.cells.map(\.cell.name) == ["default", "no-idea", "source"])
    }
}

/// Three cells: default (passed, with an alias pair held apart by an older writer), no-idea
/// (failed: IDEA-ECB ran), and a cell not run.
func sampleMatrix() -> MatrixReport {
    func t(_ passed: Int, skipped: Int = 0, failed: Int = 0) -> Tally {
        var x = Tally()
        x.passed = passed
        x.skipped = skipped
        x.failed = failed
        return x
    }
    var a = CellResult(
        cell: MatrixCell(name: "default", enabledTraits: ["IDEA"], disabledTraits: []),
        position: 0, status: .passed)
    a.summary = t(10)
    a.algorithms = [
        AlgorithmCell(name: "SHA256", trait: nil, outcome: .pass, tally: t(3)),
        AlgorithmCell(name: "SHA2-256", trait: nil, outcome: .pass, tally: t(4)),
        AlgorithmCell(name: "IDEA-CBC", trait: "IDEA", outcome: .pass, tally: t(3)),
        AlgorithmCell(name: "IDEA-CFB", trait: "IDEA", outcome: .pass, tally: t(1)),
    ]
    a.proofs = [
        Proof(
            trait: "IDEA", option: "no-idea", check: .symbols, expectAbsent: false, ok: true,
            detail: "12 symbols")
    ]
    let noIdea = MatrixCell(name: "no-idea", options: ["no-idea"], enabledTraits: [], disabledTraits: ["IDEA"])
    var b = CellResult(cell: noIdea, position: 1, status: .failed)
    b.summary = t(7, skipped: 4, failed: 1)
    b.algorithms = [
        AlgorithmCell(name: "SHA2-256", trait: nil, outcome: .pass, tally: t(7)),
        AlgorithmCell(
            name: "IDEA-CBC", trait: "IDEA", outcome: .fail, tally: t(0, skipped: 3, failed: 1),
            problem: "IDEA is off in this cell, but 1 of its 4 cases were not skipped"),
    ]
    b.problems = ["IDEA-CBC: IDEA is off in this cell, but 1 of its 4 cases were not skipped"]
    var c = CellResult(cell: MatrixCell(name: "source", reference: "source:enable-idea"), position: 2, status: .notRun)
    c.detail = "reference not built"
    return MatrixReport(matrix: "m", startedAt: Date(timeIntervalSince1970: 0), durationSeconds: 3, cells: [c, b, a])
}

@Suite("HTML grid")
struct HTMLTests {
    @Test("one row per algorithm, every cell explained, not-run cells counted, proofs folded")
    func grid() throws {
        let html = MatrixHTMLReport.html(sampleMatrix(), canonicalName: canonical)
        let rows = matches(#"<tr data-algorithm="([^"]*)""#, in: html).map { $0[0] }
        #expect(rows == ["IDEA-CBC", "IDEA-CFB", "SHA2-256"])
        let cells = matches(#"<td class="o [^"]*" data-outcome="([^"]*)" title="([^"]*)""#, in: html)
        #expect(cells.count == 9)
        #expect(cells.allSatisfy { !$0[1].isEmpty })
        let legend = Set(matches(#"<tr data-legend="([^"]*)""#, in: html).map { $0[0] })
        #expect(Set(cells.map { $0[0] }).isSubset(of: legend))
        #expect(legend == Set(MatrixHTMLReport.states.map(\.state)))
        // SHA256 (3) and SHA2-256 (4) are one row: 7 passed in the default cell.
        #expect(html.contains("title=\"SHA2-256 in default: pass — 7 passed"))
        // IDEA-CFB in no-idea: absent, because IDEA is off there.
        #expect(html.contains("IDEA-CFB in no-idea: absent — IDEA is off in this cell"))
        #expect(html.contains("data-cells=\"3\" data-passed=\"1\" data-failed=\"1\" data-not-run=\"1\""))
        #expect(html.contains("3 cells, 1 passed, 1 failed, 1 not run"))
        #expect(html.contains("<details class=\"proofs\"><summary>proofs: 1 of 1 held</summary>"))
        #expect(html.contains("<tr data-algorithm=\"IDEA-CBC\" class=\"problem\">"))
        #expect(html.contains("<tr data-algorithm=\"SHA2-256\" class=\"clean\">"))
        #expect(html.contains("id=\"problems-only\""))
        #expect(!html.contains("<script src") && !html.contains("<link "))
    }
}

func matches(_ pattern: String, in text: String) -> [[String]] {
    guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
        (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
    }
}
