import Foundation
import Testing

@testable import Conformance
import Results
@testable import Vectors

#if canImport(Glibc)
import Glibc
#endif

// The runner's side of hostile inputs (issue 12): cost-limited cases are expected skips with a
// reason, folders with FIFOs or unreadable sub-folders are reported, not hung on or passed over.

@Suite("Hostile runs")
struct HostileRunTests {
    @Test("A case above the cost limit is an expected skip 'cost above limit (…)', never computed")
    func costSkip() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        // evp_test Count of 2^62 on a 64-byte input: hours of SHA-256 if computed.
        let path = try fx.file(
            "huge.txt",
            "Digest = SHA256\nInput = " + String(repeating: "61", count: 64) + "\nCount = 4611686018427387904\n"
                + "Output = 00\n")
        let start = Date()
        fx.runner.run(paths: [path], corpus: nil)
        #expect(Date().timeIntervalSince(start) < 5)
        let r = try #require(fx.results.cases.first)
        #expect(fx.results.cases.count == 1)
        #expect(r.outcome == .skipped)
        #expect(r.expectedSkip == true)
        #expect(r.reason?.hasPrefix("cost above limit (work ") == true)
        #expect(fx.results.ok)
        // The same file under a raised limit is no longer skipped for cost.
        let small = try fx.file("small.txt", "Digest = SHA256\nInput = 616263\nCount = 1000\nOutput = 00\n")
        let fx2 = try RunFixture()
        defer { fx2.remove() }
        fx2.engine.costLimit = CostLimit(work: 10, memory: 10)
        fx2.runner.run(paths: [small], corpus: nil)
        #expect(fx2.results.cases.first?.reason?.hasPrefix("cost above limit (work 1001 > 10 block calls") == true)
        // An empty Input repeated 10^11 times is no bytes but 10^11 update calls (found by the
        // evp fuzz target: the run hung in the update loop).
        let empty = try fx.file("empty.txt", "Digest = SHA256\nInput = \nCount = 99999999999\nOutput = 00\n")
        let fx3 = try RunFixture()
        defer { fx3.remove() }
        fx3.runner.run(paths: [empty], corpus: nil)
        #expect(fx3.results.cases.first?.reason?.hasPrefix("cost above limit (work 1.0e11") == true)
    }

    @Test("A file of many cases each under the limit stops at the per-file budget, an expected skip")
    func fileBudget() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        // Each stanza costs 1,001 block calls (1,000 update calls); with 1,500 per case and 2,100
        // per file, two run and the third (and any after) is skipped for the file's total.
        let stanza = "Digest = SHA256\nInput = 616263\nCount = 1000\nOutput = 00\n\n"
        let path = try fx.file("repeated.txt", String(repeating: stanza, count: 5))
        fx.engine.costLimit = CostLimit(work: 1500, memory: 1 << 20, fileWork: 2100)
        fx.engine.enumerateVariants = false
        fx.runner.run(paths: [path], corpus: nil)
        let cases = fx.results.cases
        #expect(cases.count == 5)
        #expect(cases.prefix(2).allSatisfy { $0.reason?.hasPrefix("cost above limit") != true })
        for c in cases.dropFirst(2) {
            #expect(c.outcome == .skipped && c.expectedSkip == true)
            #expect(
                c.reason?.hasPrefix("cost above limit (this file's cases so far 2002 + 1001 > 2100 block calls") == true
            )
        }
        // A second file starts a fresh budget.
        let other = try fx.file("other.txt", stanza)
        fx.runner.run(paths: [other], corpus: nil)
        #expect(fx.results.cases.last?.reason?.hasPrefix("cost above limit") != true)
        #expect(
            CostLimit(parsing: "1G,1Gi,5G") == CostLimit(work: 1_000_000_000, memory: 1 << 30, fileWork: 5_000_000_000))
        #expect(CostLimit.default.fileWork == 1_000_000_000)
        #expect(CostLimit(parsing: CostLimit.matrixCellArgument) == CostLimit.matrixCell)
    }

    @Test("A folder with a FIFO and an unreadable sub-folder: both reported as errors, no hang")
    func folderWalk() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        try fx.file("a/ok.txt", "Digest = SHA256\nInput = 616263\nOutput = \(sha256abc)\n")
        try fx.file("b/hidden.txt", "Digest = SHA256\nInput = 616263\nOutput = 00\n")
        let folder = fx.dir.path + "/vectors"
        #expect(mkfifo(folder + "/a/pipe.txt", 0o600) == 0)
        #expect(chmod(folder + "/b", 0) == 0)
        defer { chmod(folder + "/b", 0o755) }
        let start = Date()
        fx.runner.run(paths: [folder], corpus: nil)
        #expect(Date().timeIntervalSince(start) < 10)
        let errors = fx.results.cases.filter { $0.outcome == .errored }
        #expect(
            errors.contains {
                $0.file.hasSuffix("a/pipe.txt") && ($0.reason ?? "").hasSuffix("not a regular file (a FIFO)")
            })
        let running = geteuid() == 0
        // root reads any folder: the unreadable-folder half only holds for other users.
        if !running {
            #expect(errors.contains { $0.file.hasSuffix("/b") && ($0.reason ?? "").contains("cannot list folder") })
            #expect(!fx.results.ok)
        }
        #expect(fx.results.cases.contains { $0.outcome == .passed })
    }

    @Test("An empty vector file is an error, 'no vectors in file'")
    func emptyFile() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        try fx.manifest("t.manifest", "corpus t\n*.rsp digest nist SHA256\n")
        let path = try fx.file("empty.rsp", "")
        fx.runner.run(paths: [path], corpus: "t")
        #expect(fx.results.cases.map(\.reason) == ["empty.rsp: no vectors in file"])
        #expect(!fx.results.ok)
    }

    @Test("Reports: an unwritable path is found before the run; files are replaced together or not at all")
    func reportFiles() throws {
        let dir = try ConformanceTempDir()
        defer { dir.remove() }
        #expect(ReportFiles.problem(writing: dir.path + "/no-such-folder/r.json")?.hasPrefix("cannot create") == true)
        #expect(ReportFiles.problem(writing: dir.path) == "is a directory")
        let a = dir.path + "/r.json"
        let b = dir.path + "/r.xml"
        #expect(ReportFiles.problem(writing: a) == nil)
        try ReportFiles.write([(a, Data("run 1".utf8)), (b, Data("run 1".utf8))])
        // The second file cannot be written: the first keeps the last run's content, no temporary stays.
        #expect(throws: ReportFiles.FileError.self) {
            try ReportFiles.write([(a, Data("run 2".utf8)), (dir.path + "/missing/r.xml", Data())])
        }
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "run 1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["r.json", "r.xml"])
    }
}

private let sha256abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  // FIPS 180-2, B.1
