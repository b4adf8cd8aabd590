import ArgumentParser
import BuildMatrix
import Conformance
import Foundation
import Results

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract:
            "Build and test OpenSSL-style feature configurations (no-asm, no-idea, …) and prove disabled features absent.",
        discussion: """
            Each cell is built in release with its traits in .build-matrix/<options> (reused between runs), then its own \
            confrun runs `all --matrix none` as a child process. Every disabled feature must be absent from `confrun list`, \
            refused by name (unknownAlgorithm, exit 1), have no symbol in the binary (nm), and have all its vectors skipped \
            as disabled; every outcome must be what the configuration predicts. Matrix file format: docs/build-matrix.md.
            Exit status: 0 every cell passed (or was not run for a stated reason), 1 a cell failed, 2 usage error, 130 Ctrl-C.
            """
    )

    @Option(name: .long, help: "Matrix file (default: matrices/confrun.matrix in the checkout).")
    var matrixFile: String?

    @Option(name: .long, help: "Which matrix of the file (default, extended, …).")
    var matrix: String = "default"

    /// The spelling before `--matrix`/`--matrix-file` were the same in `matrix` and `all`.
    @Option(name: .customLong("name"), help: .hidden)
    var deprecatedName: String?

    @Option(name: .long, help: "Run only this cell (repeatable).")
    var cell: [String] = []

    @Flag(name: .long, help: "Print the cells and exit.")
    var list = false

    @Option(name: .long, help: "Cells built and run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Seconds allowed for each cell's build, and again for its run.")
    var timeout: Double = 1800

    @Option(name: .long, help: "Interop cases per algorithm in each cell.")
    var interopCases: Int = 100

    @Option(name: .long, help: "Pass --filter to each cell's run (only algorithms matching it).")
    var filter: String?

    @Option(name: .long, help: "Run shard K of N (K/N): the cells whose place in name order is K-1 modulo N.")
    var shard: String?

    @Option(name: .long, help: "Print a CI job matrix instead of running (github-actions).")
    var emit: String?

    @Flag(name: .long, help: "Remove every cell's scratch folder (.build-matrix) and exit.")
    var clean = false

    @Flag(name: .long, help: "Print only the summary table.")
    var quiet = false

    @Option(name: .long, help: "Write the JSON report here (schema: docs/build-matrix.md).")
    var json: String?

    @Option(name: .long, help: "Write JUnit XML here (one testsuite per cell).")
    var junit: String?

    @Option(name: .long, help: "Write the self-contained HTML report (grid algorithms × cells) here.")
    var html: String?

    /// The matrix file and name asked for, with the old spellings (`--name N`, `--matrix FILE`)
    /// still understood, and a note on stderr when they are used.
    func fileAndName() -> (file: String?, name: String) {
        var file = matrixFile
        var name = matrix
        // Matrix names have no '/' and are not files: this is the old `--matrix FILE`.
        let looksLikeFile =
            matrix.contains("/")
            || (matrix.hasSuffix(".matrix") && FileManager.default.fileExists(atPath: matrix))
        if file == nil, looksLikeFile {
            let note = "confrun: --matrix FILE is deprecated; use --matrix-file \(matrix)\n"
            FileHandle.standardError.write(Data(note.utf8))
            file = matrix
            name = "default"
        }
        if let n = deprecatedName {
            FileHandle.standardError.write(Data("confrun: --name is deprecated; use --matrix \(n)\n".utf8))
            name = n
        }
        return (file, name)
    }

    func validate() throws {
        if jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be in 1...64") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
        if let e = emit, e != "github-actions" { throw ValidationError("--emit knows only github-actions") }
        if let s = shard { _ = try Self.parseShard(s) }
    }

    static func parseShard(_ s: String) throws -> (Int, Int) {
        let parts = s.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
            throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 2/4")
        }
        return (parts[0], parts[1])
    }

    static func defaultMatrixFile() -> String { Locations.discover().repository + "/matrices/confrun.matrix" }

    /// Reads the matrix and picks cells; errors are usage errors (exit 2).
    static func load(file: String?, name: String, only: [String]) throws -> (String, [(Int, Cell)]) {
        let path = file ?? defaultMatrixFile()
        let mf: MatrixFile
        do { mf = try MatrixFile.load(path) } catch {
            FileHandle.standardError.write(Data("confrun: \(error)\n".utf8))
            throw ExitCode(2)
        }
        guard let cells = mf.matrix(named: name) else {
            throw ValidationError(
                "no matrix '\(name)' in \(path) (has: \(mf.matrices.map(\.name).joined(separator: ", ")))")
        }
        var picked = Array(cells.enumerated())
        if !only.isEmpty {
            for n in only where !cells.contains(where: { $0.name == n }) {
                throw ValidationError(
                    "no cell '\(n)' in matrix '\(name)' (cells: \(cells.map(\.name).joined(separator: ", ")))")
            }
            picked = picked.filter { only.contains($0.element.name) }
        }
        return (path, picked.map { ($0.offset, $0.element) })
    }

    /// Runs cells with progress lines (a heartbeat every 30 s while a cell builds or runs); Ctrl-C
    /// stops the children and still returns the report.
    static func execute(
        cells: [(Int, Cell)], name: String, jobs: Int, timeout: Double, childArguments: [String], quiet: Bool
    ) throws -> MatrixReport {
        let loc = Locations.discover()
        var opts = MatrixRunner.Options(
            packagePath: loc.repository, jobs: jobs, timeout: timeout,
            childArguments: childArguments, cache: loc.cache)
        opts.jobs = jobs
        let runner = MatrixRunner(options: opts)
        if !quiet {
            runner.onProgress = { line in
                let stamp = String(format: "%6.1f", Date().timeIntervalSince(MatrixCommand.clockStart))
                print("[\(stamp) s] \(line)")
                fflush(nil)
            }
        }
        Interrupt.install()
        return runner.run(cells.map { (position: $0.0, cell: $0.1) }, matrix: name)
    }

    nonisolated(unsafe) static var clockStart = Date()

    func run() throws {
        let loc = Locations.discover()
        if clean {
            let runner = MatrixRunner(options: .init(packagePath: loc.repository, cache: loc.cache))
            let bytes = try runner.clean()
            print(String(format: "removed %@ (%.0f MB)", runner.options.scratchRoot, Double(bytes) / 1e6))
            return
        }
        let (file, name) = fileAndName()
        var (path, cells) = try Self.load(file: file, name: name, only: cell)
        if let s = shard {
            let (k, n) = try Self.parseShard(s)
            let chosen = Set(BuildMatrix.shard(cells.map(\.1), k, of: n).map(\.name))
            cells = cells.filter { chosen.contains($0.1.name) }
        }
        if let e = emit, e == "github-actions" {
            // One job per cell; each runs `confrun matrix --cell NAME --json …`, then `confrun report merge`.
            struct Entry: Encodable {
                var cell: String
                var options: String
                var reference: String
            }
            struct Jobs: Encodable { var include: [Entry] }
            let jobs = Jobs(
                include: cells.map {
                    Entry(
                        cell: $0.1.name, options: $0.1.options.joined(separator: " "),
                        reference: $0.1.reference.spelling)
                })
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(jobs), as: UTF8.self))
            return
        }
        if list {
            print("matrix '\(name)' in \(path): \(cells.count) cells")
            for (_, c) in cells {
                let opts = (c.options + c.extraTraits.map { "+" + $0 }).joined(separator: " ")
                print(
                    "  \(c.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \((opts.isEmpty ? "(defaults)" : opts).padding(toLength: 26, withPad: " ", startingAt: 0)) reference \(c.reference.spelling)"
                )
            }
            return
        }
        if cells.isEmpty { throw ValidationError("no cells selected") }
        Self.clockStart = Date()
        if !quiet { print("== build matrix '\(name)' from \(path): \(cells.count) cells, \(jobs) at a time") }
        let report = try Self.execute(
            cells: cells, name: name, jobs: jobs, timeout: timeout,
            childArguments: ["--interop-cases", String(interopCases)] + (filter.map { ["--filter", $0] } ?? []),
            quiet: quiet)
        try Self.writeReports(report, json: json, junit: junit, html: html)
        if Interrupt.requested {
            FileHandle.standardError.write(
                Data("confrun matrix: interrupted; the report holds the cells that finished\n".utf8))
            throw ExitCode(130)
        }
        if !report.ok { throw ExitCode(1) }
    }

    static func writeReports(_ report: MatrixReport, json: String?, junit: String?, html: String?) throws {
        print("")
        print(MatrixConsoleReport.summary(report), terminator: "")
        func write(_ text: String, _ path: String) throws {
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                FileHandle.standardError.write(
                    Data("confrun: cannot write \(path): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        }
        if let p = json { try write(String(decoding: try report.encoded(), as: UTF8.self), p) }
        if let p = junit { try write(MatrixJUnitReport.xml(report), p) }
        if let p = html { try write(MatrixHTMLReport.html(report, canonicalName: AlgorithmNames.canonical), p) }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work on report files.",
        subcommands: [Merge.self]
    )

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join per-cell (or per-shard) matrix JSON reports into one report.",
            discussion:
                "Typically after a CI fan-out: each job ran `confrun matrix --cell NAME --json NAME.json`. A cell present in two inputs is an error. Exit 1 if any cell failed."
        )

        @Argument(help: "Matrix JSON reports (confrun matrix --json).")
        var files: [String]

        @Option(name: .long, help: "Write the merged JSON here.") var json: String?
        @Option(name: .long, help: "Write JUnit XML here.") var junit: String?
        @Option(name: .long, help: "Write the HTML report here.") var html: String?

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one report file") }
        }

        func run() throws {
            var inputs: [(file: String, report: MatrixReport)] = []
            for f in files {
                guard let data = FileManager.default.contents(atPath: f) else {
                    FileHandle.standardError.write(Data("confrun: \(f): cannot read\n".utf8))
                    throw ExitCode(2)
                }
                do { inputs.append((f, try MatrixReport.decode(data))) } catch {
                    FileHandle.standardError.write(Data("confrun: \(f): not a matrix report: \(error)\n".utf8))
                    throw ExitCode(2)
                }
            }
            let merged: MatrixReport
            do { merged = try MatrixReport.merge(inputs) } catch {
                FileHandle.standardError.write(Data("confrun: \(error)\n".utf8))
                throw ExitCode(2)
            }
            try MatrixCommand.writeReports(merged, json: json, junit: junit, html: html)
            if !merged.ok { throw ExitCode(1) }
        }
    }
}
