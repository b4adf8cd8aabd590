import Results
import Foundation
import Testing
@testable import BuildMatrix

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

@Suite("Matrix files and cells")
struct MatrixDefinitionTests {
    @Test("the checked-in matrices: default cells, and extended has one cell per no-X")
    func checkedIn() throws {
        let mf = try MatrixFile.load(repositoryRoot + "/matrices/confrun.matrix")
        let def = try #require(mf.matrix(named: "default"))
        #expect(def.map(\.name).prefix(6) == ["default", "no-asm", "no-idea", "no-rc5", "no-idea-no-rc5", "minimal"])
        #expect(def.first { $0.name == "no-asm" }?.reference == .systemMasked("0"))
        let ext = try #require(mf.matrix(named: "extended"))
        for f in Feature.all {
            #expect(ext.contains { $0.options == [f.option] }, "extended lacks a cell for \(f.option)")
        }
        #expect(Set(ext.map(\.name)).isSuperset(of: def.map(\.name)))
        // The sanitizer cells: in `sanitizers` (on demand and in extended, not in default: too
        // slow for every change), also over no-asm.
        #expect(def.allSatisfy { $0.sanitizer == nil })
        let san = try #require(mf.matrix(named: "sanitizers"))
        #expect(san.first { $0.name == "asan" }?.sanitizer == .address)
        #expect(san.first { $0.name == "tsan" }?.sanitizer == .thread)
        #expect(san.first { $0.name == "no-asm.asan" }?.buildKey == "no-asm_asan")
        #expect(Set(ext.map(\.name)).isSuperset(of: san.map(\.name)))
    }

    @Test("sanitize=address|thread: own scratch folder, --sanitize, same traits; UBSan refused with the reason")
    func sanitizerCells() throws {
        let mf = try MatrixFile.parse(
            """
            matrix m
            cell a sanitize=address
            cell b no-asm sanitize=thread reference=cpucap:0
            cell c no-idea no-rc5 sanitize=address sanitize=address
            """)
        let cells = try #require(mf.matrix(named: "m"))
        #expect(cells[0].sanitizer == .address)
        #expect(cells[0].buildKey == "default_asan")
        #expect(cells[0].traitArguments == [])
        #expect(cells[0].sanitizerArguments == ["--sanitize=address"])
        #expect(cells[0].disabledTraits == [])
        #expect(cells[0].options == ["sanitize=address"])
        #expect(cells[1].sanitizer == .thread)
        #expect(cells[1].buildKey == "no-asm_tsan")
        #expect(cells[1].disabledTraits == ["ASM"])
        #expect(cells[1].traitArguments == Cell(name: "x", options: ["no-asm"]).traitArguments)
        #expect(cells[1].reference == .systemMasked("0"))
        #expect(cells[2].options == ["no-idea", "no-rc5", "sanitize=address"])
        #expect(cells[2].buildKey == "no-idea_no-rc5_asan")
        // Reports show the option as written.
        #expect(cells[1].reportCell.options == ["no-asm", "sanitize=thread"])
        #expect(Sanitizer.thread.timeoutFactor > Sanitizer.address.timeoutFactor)

        func message(_ text: String) -> String {
            do {
                _ = try MatrixFile.parse(text, path: "m.matrix")
                return "parsed"
            } catch { return "\(error)" }
        }
        #expect(message("matrix m\ncell a sanitize=undefined").contains("Swift on Linux has no UBSan"))
        #expect(message("matrix m\ncell a sanitize=memory").contains("unknown sanitizer 'memory'"))
        #expect(
            message("matrix m\ncell a sanitize=address sanitize=thread")
                == "m.matrix:2: one sanitizer per cell (address and thread cannot be combined)")
    }

    @Test("sanitizer runs: options that make a report fail the child; reports found in a log")
    func sanitizerRuns() {
        let asan = SanitizerRuns.environment(.address, packagePath: repositoryRoot, base: [:])
        #expect(asan["ASAN_OPTIONS"]?.contains("halt_on_error=1:exitcode=86") == true)
        #expect(asan["LSAN_OPTIONS"]?.contains("exitcode=23") == true)
        #expect(asan["SWIFT_BACKTRACE"] == "enable=no")
        let tsan = SanitizerRuns.environment(.thread, packagePath: repositoryRoot, base: [:])
        #expect(tsan["TSAN_OPTIONS"]?.contains("halt_on_error=1:exitcode=66") == true)
        #expect(tsan["TSAN_OPTIONS"]?.contains("suppressions=\(repositoryRoot)/matrices/sanitizers/tsan.supp") == true)
        #expect(SanitizerRuns.environment(nil, packagePath: "/p", base: ["A": "b"]) == ["A": "b"])

        let log = """
            == KAT
            ok
            ==================
            WARNING: ThreadSanitizer: data race (pid=4242)
              Write of size 8 at 0x7b0400000010 by thread T2:
                #0 counter.increment
            """
        let report = SanitizerRuns.firstReport(in: log, lines: 2)
        #expect(
            report
                == "WARNING: ThreadSanitizer: data race (pid=4242)\n  Write of size 8 at 0x7b0400000010 by thread T2:")
        let asanLog = "x\n==123==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020\nREAD of size 1"
        let first = SanitizerRuns.firstReport(in: asanLog)
        #expect(first?.hasPrefix("==123==ERROR: AddressSanitizer: heap-buffer-overflow") == true)
        #expect(
            MatrixRunner.reportHeadline(first!) == "ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6020")
        #expect(SanitizerRuns.firstReport(in: "all passed\nno sanitizer here") == nil)
        #expect(SanitizerRuns.meaning(ofExitStatus: 66, .thread) != nil)
        #expect(SanitizerRuns.meaning(ofExitStatus: 1, .thread) == nil)
        #expect(SanitizerRuns.meaning(ofExitStatus: 66, nil) == nil)
    }

    @Test("the feature list is the package's trait list")
    func featuresMatchPackage() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/Package.swift", encoding: .utf8)
        let re = try NSRegularExpression(pattern: #"\.trait\(name: "([A-Z0-9_]+)""#)
        let ns = text as NSString
        let traits = re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1))
        }
        #expect(Set(traits.filter { $0 != "MATRIX_SELFTEST_BROKEN" }) == Set(Feature.all.map(\.trait)))
    }

    @Test("trait arguments: defaults, a no-X, implications, minimal, extra traits")
    func traitArguments() {
        #expect(Cell(name: "d").traitArguments == [])
        #expect(Cell(name: "d").buildKey == "default")
        let noIdea = Cell(name: "x", options: ["no-idea"])
        #expect(noIdea.disabledTraits == ["IDEA"])
        #expect(
            noIdea.traitArguments == [
                "--disable-default-traits", "--traits",
                "ASM,RC5,RC2,RC4,DES,BF,CAST,MD2,MD4,MDC2,RMD160,SEED,CAMELLIA,ARIA,SM4,WHIRLPOOL,SIPHASH,"
                    + "CMAC,SIV,OCB,CHACHA,POLY1305,SCRYPT,BLAKE2,SM3,DSA,DH,EC,SM2,EC2M",
            ])
        #expect(Cell(name: "x", options: ["no-des"]).disabledTraits == ["DES", "MDC2"])
        // OpenSSL's Configure: `"cmac" => [ "siv" ]`.
        #expect(Cell(name: "x", options: ["no-cmac"]).disabledTraits == ["CMAC", "SIV"])
        #expect(Cell(name: "x", options: ["no-siv"]).disabledTraits == ["SIV"])
        // ChaCha20-Poly1305 needs both, but neither trait needs the other.
        #expect(Cell(name: "x", options: ["no-poly1305"]).disabledTraits == ["POLY1305"])
        // no-dsa and no-dh are independent (Configure has no cascade for either).
        #expect(Cell(name: "x", options: ["no-dsa"]).disabledTraits == ["DSA"])
        #expect(Cell(name: "x", options: ["no-dh"]).disabledTraits == ["DH"])
        #expect(Cell(name: "x", options: ["minimal"]).traitArguments == ["--disable-default-traits"])
        let broken = Cell(name: "b", extraTraits: ["MATRIX_SELFTEST_BROKEN"])
        #expect(broken.traitArguments.last?.hasSuffix(",SM3,DSA,DH,EC,SM2,EC2M,MATRIX_SELFTEST_BROKEN") == true)
        #expect(Cell(name: "x", options: ["no-idea", "no-rc5"]).buildKey == "no-idea_no-rc5")
    }

    @Test("malformed matrix files report file:line and what is wrong")
    func errors() {
        func message(_ text: String) -> String {
            do {
                _ = try MatrixFile.parse(text, path: "m.matrix")
                return "parsed"
            } catch { return "\(error)" }
        }
        #expect(message("cell a") == "m.matrix:1: `cell` before any `matrix`")
        #expect(message("matrix m\ncell a no-foo").hasPrefix("m.matrix:2: unknown option 'no-foo'"))
        #expect(message("matrix m\ncell a\ncell a") == "m.matrix:3: cell 'a' declared twice in this matrix")
        #expect(message("matrix m\ncell a/b") == "m.matrix:2: cell name 'a/b' may hold only letters, digits and .-_+")
        #expect(message("matrix m\ncell a reference=elsewhere").hasPrefix("m.matrix:2: bad reference 'elsewhere'"))
        #expect(message("matrix m\ninclude n") == "m.matrix:2: no matrix 'n' declared above")
        #expect(message("# only a comment\n\nmatrix m  # trailing\ncell a no-asm reference=cpucap:0") == "parsed")
    }

    @Test("shards are disjoint, cover every cell, and do not depend on file order")
    func shards() throws {
        let cells = (0..<11).map { Cell(name: "c\($0)") }
        var union: [String] = []
        for k in 1...4 { union += shard(cells, k, of: 4).map(\.name) }
        #expect(union.sorted() == cells.map(\.name).sorted())
        #expect(Set(union).count == union.count)
        #expect(shard(cells.reversed(), 2, of: 4).map(\.name) == shard(cells, 2, of: 4).map(\.name))
    }
}

@Suite("Judging cells")
struct CellJudgeTests {
    func summary(_ name: String, trait: String?, passed: Int = 0, failed: Int = 0, skipped: [String: Int] = [:])
        -> AlgorithmSummary
    {
        var t = Tally()
        t.passed = passed
        t.failed = failed
        t.skipped = skipped.values.reduce(0, +)
        return AlgorithmSummary(name: name, trait: trait, tally: t, skipReasons: skipped)
    }

    @Test("a disabled feature must be all skipped as disabled; an enabled one never")
    func outcomes() {
        let off: Set<String> = ["IDEA"]
        let cells = CellJudge.algorithms(
            [
                summary("IDEA-CBC", trait: "IDEA", skipped: ["disabled in this build": 40]),
                summary("IDEA-ECB", trait: "IDEA", passed: 1, skipped: ["disabled in this build": 3]),
                summary("RC5-CBC", trait: "RC5", skipped: ["disabled in this build": 2]),
                summary("AES-128-CBC", trait: nil, passed: 10),
                summary("AES-128-XTS", trait: nil, skipped: ["XTS data unit of 130 bits": 2]),
                summary("MD2", trait: "MD2", skipped: ["reference lacks MD2: unsupported": 1]),
                summary("PBKDF1", trait: nil, passed: 3, skipped: ["disabled in this build: needs IDEA": 2]),
                summary("PBKDF2", trait: nil, passed: 3, skipped: ["disabled in this build: needs RC5": 2]),
            ], disabled: off)
        let by = Dictionary(uniqueKeysWithValues: cells.map { ($0.name, $0) })
        #expect(by["IDEA-CBC"]?.outcome == .disabled)
        #expect(by["IDEA-ECB"]?.outcome == .fail)
        #expect(by["RC5-CBC"]?.outcome == .fail)
        #expect(by["AES-128-CBC"]?.outcome == .pass)
        #expect(by["AES-128-XTS"]?.outcome == .skipped)
        #expect(by["MD2"]?.outcome == .referenceLacks)
        #expect(by["PBKDF1"]?.outcome == .pass)  // needs a feature that is off here: fine
        #expect(by["PBKDF2"]?.outcome == .fail)  // says it needs RC5, which is on
        let proofs = CellJudge.vectorProofs(cells, disabled: off, filtered: false)
        #expect(proofs.first { $0.trait == "IDEA" }?.ok == false)  // IDEA-ECB ran a case
        #expect(proofs.first { $0.trait == "RC5" }?.ok == false)  // RC5 is on but skipped as disabled
        #expect(proofs.first { $0.trait == "CAMELLIA" }?.ok == false)  // on, and nothing passed
        let clean = CellJudge.algorithms(
            [summary("IDEA-CBC", trait: "IDEA", skipped: ["disabled in this build": 40])], disabled: off)
        #expect(CellJudge.vectorProofs(clean, disabled: off, filtered: false).first { $0.trait == "IDEA" }?.ok == true)
    }

    @Test("aliases are one algorithm: SHA256 and SHA2-256, RIPEMD160 and RIPEMD-160, HMAC-SHA256 and HMAC-SHA2-256")
    func aliasesJoined() {
        #expect(AlgorithmNames.canonical("sha256") == "SHA2-256")
        #expect(AlgorithmNames.canonical("RIPEMD160") == "RIPEMD-160")
        #expect(AlgorithmNames.canonical("HMAC-SHA256") == "HMAC-SHA2-256")
        #expect(AlgorithmNames.canonical("NOT-AN-ALGORITHM") == "NOT-AN-ALGORITHM")
        let cells = CellJudge.algorithms(
            [
                summary("SHA256", trait: nil, passed: 3),
                summary("SHA2-256", trait: nil, passed: 4),
                summary("RIPEMD160", trait: "RMD160", skipped: ["disabled in this build": 2]),
                summary("RIPEMD-160", trait: "RMD160", skipped: ["disabled in this build": 5]),
            ], disabled: ["RMD160"])
        #expect(cells.map(\.name) == ["RIPEMD-160", "SHA2-256"])
        #expect(cells.map(\.tally.total) == [7, 7])
        #expect(cells.map(\.outcome) == [.disabled, .pass])
    }

    @Test("merging per-cell reports keeps matrix order and rejects a cell given twice")
    func merge() throws {
        var a = CellResult(cell: Cell(name: "b-cell", options: ["no-rc5"]), position: 1, status: .passed)
        a.buildSeconds = 3
        let b = CellResult(cell: Cell(name: "a-cell"), position: 0, status: .buildFailed)
        let full = MatrixReport(matrix: "m", startedAt: Date(), durationSeconds: 1, cells: [a, b])
        let one = MatrixReport(matrix: "m", startedAt: Date(), durationSeconds: 1, cells: [a])
        let two = MatrixReport(matrix: "m", startedAt: Date(), durationSeconds: 1, cells: [b])
        let merged = try MatrixReport.merge([("2.json", two), ("1.json", one)])
        #expect(merged.cells.map(\.cell.name) == full.cells.map(\.cell.name))
        #expect(merged.cells.map(\.cell.name) == ["a-cell", "b-cell"])
        #expect(!merged.ok)
        #expect(throws: MatrixReport.MergeError.self) {
            try MatrixReport.merge([("1.json", one), ("again.json", one)])
        }
        // A round trip through JSON keeps everything.
        let back = try MatrixReport.decode(try merged.encoded())
        #expect(try back.encoded() == merged.encoded())
    }
}

@Suite("Build progress")
struct HeartbeatTests {
    @Test("while a cell builds, a heartbeat gives the elapsed time and SwiftPM's last [n/m]")
    func heartbeat() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("heartbeat-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        try "Building for production...\n[1/9] Compiling A.swift\n[3/9] Compiling B.swift\n".write(
            toFile: log, atomically: true, encoding: .utf8)
        #expect(MatrixRunner.lastBuildStep(inLog: log) == "3/9")
        #expect(MatrixRunner.lastBuildStep(inLog: log + ".missing") == nil)

        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
            func add(_ s: String) {
                lock.lock()
                all.append(s)
                lock.unlock()
            }
        }
        let lines = Lines()
        var options = MatrixRunner.Options(packagePath: repositoryRoot, cache: "/nonexistent")
        options.heartbeat = 0.1
        let runner = MatrixRunner(options: options)
        runner.onProgress = { lines.add($0) }
        let timer = runner.heartbeat("building no-idea", since: Date(), log: log)
        // Poll rather than sleep a fixed time: on a loaded machine the timer fires late.
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(20)
        while seen.count < 2 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            lines.lock.lock()
            seen = lines.all
            lines.lock.unlock()
        }
        timer?.cancel()
        #expect(seen.count >= 2)
        #expect(seen.allSatisfy { $0.hasPrefix("building no-idea: ") && $0.hasSuffix(" s [3/9]") }, "\(seen)")
    }
}
