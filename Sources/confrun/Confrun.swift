import ArgumentParser
import BuildMatrix
import Conformance
import Foundation
import LibCrypto
import Results
import Vectors
#if canImport(Glibc)
import Glibc
#endif

@main
struct Confrun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confrun",
        abstract: "Conformance harness for swift-libcrypto: known-answer vectors and more.",
        discussion:
            "Exit status: 0 all passed; 1 a failure, an error in the input or an unexpected skip; 2 usage or environment error.",
        subcommands: [
            List.self, Kat.self, Interop.self, VectorsCommand.self, Reference.self, MatrixCommand.self,
            ReportCommand.self, All.self, Speed.self, CTCommand.self, FuzzCommand.self, Stress.self,
        ]
    )

    /// Maps ArgumentParser's usage errors to exit status 2, as the design asks.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Write JUnit XML here (one testcase per vector).")
    var junit: String?

    @Option(name: .long, help: "Write the JSON results here (schema: docs/results-schema.md).")
    var json: String?

    @Flag(
        inversion: .prefixedNo,
        help: """
            Also put every case in the JSON file (--json). Without it the file holds the summary, per-corpus, \
            per-algorithm and per-file tallies, the files left out and every problem case: enough to act on, and \
            small (about 230 KB for `all`). With it, one object per vector is added: about 290 bytes each, some \
            89 MB for `all`. JUnit (--junit) always has one testcase per case.
            """)
    var jsonCases = false

    @Flag(name: .long, help: "Print only the summary table.")
    var quiet = false

    @Option(name: .long, help: "Run only algorithms whose name contains this (case-insensitive) or that it names.")
    var filter: String?
}

/// The per-case cost limit of `kat` and `all`.
struct CostOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Skip (an expected skip, "cost above limit (…)") any case whose estimated cost is above \
            WORK[,MEMORY[,FILEWORK]]: block-function calls and bytes of its largest allocation, and the block calls \
            of one file's cases together (each hardware variant's run counts), with k/M/G or Ki/Mi/Gi suffixes, \
            or `none`. Default: 100M,1Gi,1G (every vector of the installed corpora runs); `confrun all` gives its \
            build-matrix cells 100M,1Gi,200M unless this is set.
            """)
    var maxCost: String?

    func limit() throws -> CostLimit {
        guard let text = maxCost else { return .default }
        guard let l = CostLimit(parsing: text) else {
            throw ValidationError("--max-cost: expected WORK[,MEMORY] (e.g. 1G,1Gi or none), found '\(text)'")
        }
        return l
    }
}

/// Shared run-and-report logic of `kat` and `all`.
struct RunSession {
    let options: ReportOptions
    let command: String
    let started = Date()
    let results = RunResults()
    let implementation: any Implementation
    let engine: KATEngine
    let runner: KATRunner
    let tty = isatty(STDERR_FILENO) != 0

    init(options: ReportOptions, command: String, implementation: any Implementation = LibCryptoImplementation()) {
        self.options = options
        self.command = command
        self.implementation = implementation
        engine = KATEngine(implementation: implementation, results: results, filter: options.filter)
        runner = KATRunner(locations: Locations.discover(), engine: engine)
        let quiet = options.quiet
        let tty = self.tty
        runner.onFileStart = { i, n, corpus, file in
            guard tty, !quiet else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K[\(i)/\(n)] \(corpus): \(file)".utf8))
        }
        let filtered = options.filter != nil
        runner.onFileEnd = { corpus, file, t in
            // With --filter, a file the filter excludes entirely is not worth a line.
            guard !quiet, !(filtered && t.total == 0) else { return }
            let mark = t.ok ? "ok  " : "FAIL"
            let line =
                "\(mark) \(corpus): \(file)  \(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped, \(t.errored) errored"
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            print(line)
        }
    }

    func stage(_ text: String) {
        if !options.quiet { print("== \(text)") }
    }

    /// Prints the summary and writes the report files. `matrix` joins a build-matrix run's
    /// report to this run's: JUnit suites, and the `matrix` member of the one JSON value.
    func finish(matrix: MatrixReport? = nil) throws {
        if tty && !options.quiet { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        print("")
        print(ConsoleReport.summary(results), terminator: "")
        let duration = Date().timeIntervalSince(started)
        // Both reports are renamed into place together: never one from this run beside one from the last.
        var files: [(path: String, data: Data)] = []
        if let path = options.junit {
            files.append((path, Data(JUnitReport.xml(results, name: command, matrix: matrix).utf8)))
        }
        if let path = options.json {
            let report = JSONReport(
                results: results, command: command, startedAt: started, duration: duration,
                implementation: implementation.name, includeCases: options.jsonCases,
                matrix: matrix)
            files.append((path, try report.encoded()))
        }
        try writeAll(files)
        print(String(format: "time: %.2f s, %d cases", duration, results.total.total))
        if !results.ok || matrix?.ok == false { throw ExitCode(1) }
    }

    func write(_ text: String, to path: String) throws {
        try writeAll([(path, Data(text.utf8))])
    }

    func writeAll(_ files: [(path: String, data: Data)]) throws {
        do {
            try ReportFiles.write(files)
        } catch {
            FileHandle.standardError.write(Data("confrun: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Refuses, before the run, a report path that cannot be written (exit 2).
    func checkReportPaths(_ extra: [String?] = []) throws {
        for path in ([options.junit, options.json] + extra).compactMap({ $0 }) {
            if let problem = ReportFiles.problem(writing: path) {
                FileHandle.standardError.write(Data("confrun: cannot write \(path): \(problem)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}

struct Kat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run known-answer vector files or folders.",
        discussion: """
            Files that do not name their algorithm are mapped by a corpus manifest (TestVectors/manifests/, or your \
            own with --manifest FILE; the format is in the README). evp_test stanza files and Wycheproof JSON are \
            recognised by their content.
            """
    )

    @Option(name: .long, help: "The corpus manifest that maps these files (e.g. cryptography-vectors).")
    var corpus: String?

    @Option(
        name: .long, help: "Your own manifest file mapping these files (a folder of .rsp files, say); see the README.")
    var manifest: String?

    @OptionGroup var report: ReportOptions

    @OptionGroup var cost: CostOptions

    @Argument(help: "Vector files or folders.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
    }

    func run() throws {
        let session = RunSession(options: report, command: "kat")
        session.engine.costLimit = try cost.limit()
        try session.checkReportPaths()
        if corpus != nil && manifest != nil { throw ValidationError("give --corpus or --manifest, not both") }
        session.runner.run(paths: paths, corpus: corpus, manifestFile: manifest)
        try session.finish()
    }
}

struct All: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Run everything: KATs on every installed corpus, interop, then the default build matrix; one merged report.",
        discussion: """
            Corpora are fetched by scripts/setup.sh into $CONFRUN_CACHE (default ~/.cache/swift-libcrypto); a missing \
            corpus is an error. Stage 3 builds confrun in each cell of the matrix (release, .build-matrix/) and runs \
            `all --matrix none` in each; its results join this run's report (--junit, --json, --html).
            """
    )

    @OptionGroup var report: ReportOptions

    @OptionGroup var cost: CostOptions

    @Option(name: .long, help: "Interop cases per algorithm (0 leaves the interop stage out).")
    var interopCases: Int = 100

    @Option(name: .long, help: "Interop seed.")
    var seed: UInt64 = 1

    @OptionGroup var bignum: BigNumOptions

    @Option(name: .long, help: "Which matrix of --matrix-file runs as stage 3 (default, extended, …), or none.")
    var matrix: String = "default"

    @Option(name: .long, help: "Matrix file (default: matrices/confrun.matrix in the checkout).")
    var matrixFile: String?

    @Option(name: .long, help: "Cells built and run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Write the self-contained HTML report (the matrix grid) here.")
    var html: String?

    @OptionGroup var reference: ReferenceOptions

    func validate() throws { try bignum.check() }

    func run() throws {
        // A reference that cannot be loaded fails here (exit 2), before any stage runs.
        let ref = interopCases > 0 ? try reference.load() : nil
        let session = RunSession(options: report, command: "all")
        session.engine.costLimit = try cost.limit()
        try session.checkReportPaths([html])
        let stages = matrix == "none" ? 2 : 3
        var cells: [(Int, Cell)] = []
        var file = ""
        if matrix != "none" {
            (file, cells) = try MatrixCommand.load(file: matrixFile, name: matrix, only: [])
        }
        session.stage("stage 1/\(stages): known-answer vectors (every installed corpus)")
        session.runner.runAll()
        FuzzRegressions.stage(session)
        if interopCases > 0 {
            session.stage(
                "stage 2/\(stages): interop against the \(reference.reference == "system" ? "system" : "from-source") OpenSSL"
            )
            try Interop.run(
                session: session, seed: seed, cases: interopCases, saveTo: nil, reference: ref,
                bignumCases: bignum.bignumCases, bcExpressions: bignum.bcExpressions, pkeyCases: bignum.pkeyCases)
        }
        var matrixReport: MatrixReport? = nil
        let stageSummaries = session.results.corpusOrder.map {
            let t = session.results.byCorpus[$0]!
            return MatrixReport.StageSummary(name: $0, tally: t, ok: t.ok)
        }
        if matrix != "none" {
            let t = session.results.total
            print(
                "== stage 3/\(stages): build matrix '\(matrix)' from \(file), \(cells.count) cells, \(jobs) at a time "
                    + "(stages 1-2 so far: \(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped)")
            var m = try MatrixCommand.execute(
                cells: cells, name: matrix, jobs: jobs, timeout: 1800,
                childArguments: ["--interop-cases", String(interopCases), "--seed", String(seed)] + bignum.arguments
                    + (report.filter.map { ["--filter", $0] } ?? [])
                    // The cells keep a per-file budget of 2e8 (the PQG files' costliest cases
                    // ran whole in stage 1; six cells repeating them cost minutes of CI).
                    + ["--max-cost", cost.maxCost ?? CostLimit.matrixCellArgument],
                quiet: report.quiet)
            m.stages = stageSummaries
            print("")
            print(MatrixConsoleReport.summary(m), terminator: "")
            matrixReport = m
            print(
                "== merged report: \(session.results.total.total) cases in stages 1-2, \(m.cells.count) matrix cells"
                    + [report.junit, report.json, html].compactMap { $0 }.map { ", " + $0 }.joined())
        }
        if let path = html {
            // Without a matrix stage the page still has the stages' table (and an empty grid).
            let page =
                matrixReport
                ?? MatrixReport(
                    matrix: "none", startedAt: session.started,
                    durationSeconds: Date().timeIntervalSince(session.started),
                    cells: [], stages: stageSummaries)
            try session.write(
                MatrixHTMLReport.html(
                    page, title: "swift-libcrypto: confrun all",
                    canonicalName: AlgorithmNames.canonical), to: path)
        }
        try session.finish(matrix: matrixReport)
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the algorithms of this build, or the whole catalog, or look names up.",
        discussion: """
            With names, each is looked up as OpenSSL would (case-insensitive, aliases); an unknown or disabled name \
            prints "unknown algorithm 'NAME'" with the reason (disabled in this build and by which option, not \
            implemented, or the nearest names) and the exit status is 1. With --catalog, every algorithm OpenSSL \
            names that the catalog knows is listed, with its state in this build.
            """
    )

    @Flag(
        name: .long,
        help:
            "List the whole catalog: every algorithm in any build, with its state here (on, off and by which no-X option, not implemented, not in OpenSSL, added after OpenSSL 3.0)."
    )
    var catalog = false

    @Option(name: .long, help: "Only this family (digest, xof, mac, cipher, kdf, rand, pkey).")
    var family: String?

    @Argument(help: "Names to look up.")
    var names: [String] = []

    func run() throws {
        if !names.isEmpty {
            var missing = false
            for n in names {
                do {
                    // A signature name that is also a digest alias (RSA-SHA256) shows both, as
                    // OpenSSL's EVP_get_digestbyname and its object table each answer it.
                    let asSignature = Catalog.signatureName(n)
                    var found = false
                    if let a = try? Registry.algorithm(named: n) {
                        let traits = a.traits.isEmpty ? "-" : a.traits.joined(separator: "+")
                        print("\(n) => \(a.name) (\(a.family.rawValue), trait \(traits), \(a.lifecycle.rawValue))")
                        found = true
                    }
                    if asSignature != nil || !found {
                        let s = try Registry.signature(named: n)
                        let traits = s.info.requiredTraits.isEmpty ? "-" : s.info.requiredTraits.joined(separator: "+")
                        print(
                            "\(n) => \(s.info.name): \(s.keyType.info.name) with \(s.digest.info.name) (signature, trait \(traits))"
                        )
                    }
                } catch {
                    FileHandle.standardError.write(Data("confrun: \(error)\n".utf8))
                    missing = true
                }
            }
            if missing { throw ExitCode(1) }
            return
        }
        if let f = family, AlgorithmFamily(rawValue: f) == nil {
            throw ValidationError(
                "unknown family '\(f)' (one of \(AlgorithmFamily.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if catalog {
            let rows = Catalog.descriptors.filter { family == nil || $0.family.rawValue == family }
            let w = max(4, rows.map(\.name.count).max() ?? 4)
            print(
                "NAME".padding(toLength: w, withPad: " ", startingAt: 0) + "  FAMILY  MODE      HARDWARE         STATE")
            for d in rows {
                var state: String
                switch d.status {
                case .notImplemented: state = "not implemented"
                case .notInOpenSSL: state = "not in OpenSSL"
                case .implemented:
                    let off = d.requiredTraits.filter { !Catalog.isEnabled(trait: $0) }
                    state =
                        off.isEmpty
                        ? "on"
                        : "off ("
                            + off.compactMap { Catalog.feature(trait: $0)?.option }
                            .joined(separator: " ") + ")"
                }
                if let v = d.addedInOpenSSL { state += " (added in OpenSSL \(v), not in 3.0)" }
                print(
                    d.name.padding(toLength: w, withPad: " ", startingAt: 0) + "  "
                        + d.family.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0) + "  "
                        + (d.mode?.rawValue ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                        + (d.hardware.isEmpty ? "-" : d.hardware.names.joined(separator: ","))
                        .padding(toLength: 15, withPad: " ", startingAt: 0) + "  " + state)
            }
            let on = rows.filter(\.isCompiledIn).count
            print(
                "\(rows.count) catalog entries, \(on) in this build; traits on: \(Catalog.enabledTraits.joined(separator: " "))"
            )
            return
        }
        let rows = Registry.all.filter { family == nil || $0.family.rawValue == family }
        let w = max(4, rows.map(\.name.count).max() ?? 4)
        // The trait column is as wide as the longest entry (CHACHA+POLY1305: every trait an
        // algorithm needs, its own first): the matrix's proofs read it, so a name is never cut.
        func traitColumn(_ a: AlgorithmDescriptor) -> String {
            a.traits.isEmpty ? "-" : a.traits.joined(separator: "+")
        }
        let tw = max(8, Catalog.features.map(\.trait.count).max() ?? 8, rows.map { traitColumn($0).count }.max() ?? 8)
        print(
            "NAME".padding(toLength: w, withPad: " ", startingAt: 0) + "  FAMILY  "
                + "TRAIT".padding(toLength: tw, withPad: " ", startingAt: 0) + "  STATUS   ALIASES")
        for a in rows {
            var aliases = a.aliases.joined(separator: ", ")
            if let v = a.addedInOpenSSL {
                aliases += (aliases.isEmpty ? "" : "  ") + "[added in OpenSSL \(v), not in 3.0]"
            }
            print(
                a.name.padding(toLength: w, withPad: " ", startingAt: 0) + "  "
                    + a.family.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0) + "  "
                    + traitColumn(a).padding(toLength: tw, withPad: " ", startingAt: 0) + "  "
                    + a.lifecycle.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                    + aliases)
        }
        print("\(rows.count) algorithms; traits on: \(Catalog.enabledTraits.joined(separator: " "))")
    }
}
