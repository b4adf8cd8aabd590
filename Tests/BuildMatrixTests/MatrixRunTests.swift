import Results
import Foundation
import Testing
@testable import BuildMatrix

/// Real builds: a sane cell and one made not to compile (trait MATRIX_SELFTEST_BROKEN), run
/// together, then one by one and merged; then the HTML report rendered in headless Chromium.
/// The sane cell shares `.build-matrix/default` with `confrun matrix`, so it is built once.
@Suite("Matrix runs (real builds)", .serialized)
struct MatrixRunTests {
    static let matrixText = """
        matrix selftest
        cell sane
        cell broken +MATRIX_SELFTEST_BROKEN
        """

    func runner() -> MatrixRunner {
        let cache =
            ProcessInfo.processInfo.environment["CONFRUN_CACHE"]
            ?? ((ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.cache/swift-libcrypto")
        return MatrixRunner(
            options: .init(
                packagePath: repositoryRoot, jobs: 2, timeout: 1800,
                childArguments: ["--filter", "sha2-256", "--interop-cases", "20"], cache: cache))
    }

    @Test(
        "a broken cell is a build failure with its log; the other cell passes; per-cell reports merge into the full one; the HTML grid renders"
    )
    func brokenCellMergeAndHTML() throws {
        let cells = try #require(MatrixFile.parse(Self.matrixText).matrix(named: "selftest"))
        let full = runner().run(cells.enumerated().map { ($0.offset, $0.element) }, matrix: "selftest")
        let sane = try #require(full.cells.first { $0.cell.name == "sane" })
        let broken = try #require(full.cells.first { $0.cell.name == "broken" })

        #expect(broken.status == .buildFailed)
        #expect(broken.logTail?.contains("meant not to compile") == true, "log tail: \(broken.logTail ?? "-")")
        #expect(sane.status == .passed, "problems: \(sane.problems) \(sane.detail ?? "") \(sane.logTail ?? "")")
        #expect(sane.proofs.count >= 3 * Feature.all.count - 1)
        #expect(sane.proofs.filter { !$0.ok }.isEmpty, "\(sane.proofs.filter { !$0.ok })")
        #expect(sane.algorithms.contains { $0.name == "SHA2-256" && $0.outcome == .pass })
        #expect(!full.ok)

        // One run per cell (as CI jobs would), then merged: the same report.
        var parts: [(file: String, report: MatrixReport)] = []
        for (i, c) in cells.enumerated() {
            parts.append(("\(c.name).json", runner().run([(i, c)], matrix: "selftest")))
        }
        let merged = try MatrixReport.merge(parts)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        #expect(try enc.encode(merged.cells.map(\.withoutTimings)) == enc.encode(full.cells.map(\.withoutTimings)))
        #expect(merged.ok == full.ok)

        // The HTML report, rendered by headless Chromium: the grid has a column per cell.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-html-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("report.html")
        try MatrixHTMLReport.html(full).write(to: page, atomically: true, encoding: .utf8)
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        let browser = try #require(
            chromium, "headless Chromium is needed (scripts/setup.sh installs the chromium package)")
        let (status, dom) = ChildProcess.capture([
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile",
            "--dump-dom", page.absoluteString,
        ])
        #expect(status == 0)
        #expect(dom.contains("<table id=\"grid\">"))
        let rows = dom.components(separatedBy: "<tr data-algorithm=").count - 1
        let gridCells = dom.components(separatedBy: "data-outcome=").count - 1  // the legend has none
        #expect(rows > 0)
        #expect(gridCells == rows * 2)
        #expect(dom.contains("data-cell=\"sane\""))
        #expect(dom.contains("data-cell=\"broken\""))
        #expect(dom.contains("data-outcome=\"build-failed\""))
        #expect(dom.contains("data-outcome=\"pass\""))
        // One row per algorithm: every row's name is canonical (no SHA256 beside SHA2-256).
        let rowNames = matches(#"<tr data-algorithm="([^"]*)""#, in: dom).map { $0[0] }
        #expect(Set(rowNames).count == rowNames.count)
        #expect(rowNames.filter { AlgorithmNames.canonical($0) != $0 }.isEmpty, "alias rows: \(rowNames)")
        #expect(rowNames.contains("SHA2-256") && !rowNames.contains("SHA256"))
        // No unexplained cell: each has a tooltip, and its state a row in the legend.
        let cellsSeen = matches(#"<td class="o [^"]*" data-outcome="([^"]*)" title="([^"]*)""#, in: dom)
        #expect(cellsSeen.count == gridCells)
        #expect(cellsSeen.filter { $0[1].isEmpty }.isEmpty)
        let legend = Set(matches(#"<tr data-legend="([^"]*)""#, in: dom).map { $0[0] })
        #expect(Set(cellsSeen.map { $0[0] }).subtracting(legend).isEmpty, "states without a legend: \(legend)")
        #expect(legend.isSuperset(of: ["pass", "fail", "disabled-as-expected", "absent", "not-run", "build-failed"]))
        // The header counts every cell, not-run ones included.
        #expect(dom.contains("data-cells=\"2\" data-passed=\"1\" data-failed=\"1\" data-not-run=\"0\""))
        // The "problems only" view, opened by its link: rows without a failing cell are hidden.
        let (_, filteredDOM) = ChildProcess.capture([
            browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=\(dir.path)/profile", "--dump-dom",
            page.absoluteString + "#problems-only",
        ])
        #expect(filteredDOM.contains("<body class=\"problems-only\">"))
        #expect(!dom.contains("<body class=\"problems-only\">"))

        let shot = dir.appendingPathComponent("grid.png")
        let (shotStatus, _) = ChildProcess.capture([
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile",
            "--window-size=1200,900", "--screenshot=\(shot.path)", page.absoluteString,
        ])
        #expect(shotStatus == 0)
        let png = try Data(contentsOf: shot)
        #expect(png.count > 1000 && png.prefix(4) == Data([0x89, 0x50, 0x4e, 0x47]))
    }
}

/// The capture groups of every match of `pattern` in `text`.
func matches(_ pattern: String, in text: String) -> [[String]] {
    guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
        (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
    }
}
