import ArgumentParser
import Conformance
import Foundation
import FuzzTargets
import LibCrypto
import Results
import Synchronization
import Vectors

/// `confrun fuzz`: runs the libFuzzer targets of FuzzTargets for a time budget, or replays the
/// checked-in regression inputs (`--replay`).
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract:
            "Coverage-guided fuzzing of the parsers and the API (libFuzzer), or a replay of the regression inputs.",
        discussion: """
            Builds (with --build, or when it is missing) the fuzzing binary in .build-fuzz: swift build -c release \
            --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --product confrun-fuzz --scratch-path .build-fuzz. \
            Each target keeps its corpus, dictionary, seeds, crash files and libFuzzer log under CACHE/<target>/ \
            (default $CONFRUN_CACHE/fuzz, i.e. ~/.cache/swift-libcrypto/fuzz). An input that crashes, hangs or \
            breaks an invariant is copied to TestVectors/fuzz-regressions/<target>/<sha1> (commit it) and the exit \
            status is 1. With --replay, every file of TestVectors/fuzz-regressions/<target>/ is run through its target \
            in this process (an ordinary build); `confrun all` does the same as its "fuzz-regressions" corpus.
            """
    )

    @Option(name: .long, help: "A target to run (repeatable; default: every target). See --list.")
    var target: [String] = []

    @Option(name: .long, help: "Seconds per target (libFuzzer -max_total_time).")
    var seconds: Int = 60

    @Option(name: .long, help: "Stop a target after this many executions (libFuzzer -runs) if that comes first.")
    var runs: Int?

    @Option(
        name: .long,
        help: """
            libFuzzer's random seed (-seed). With a seed and a fresh --cache the mutations are the same on every run, \
            so a CI smoke does not turn red by chance on a change that did not touch what it finds; without one, \
            every run explores afresh.
            """)
    var seed: UInt32?

    @Option(name: .long, help: "Targets fuzzed at once, one process each.")
    var jobs: Int = 1

    @Option(name: .long, help: "Folder of the per-target corpora and logs (default: $CONFRUN_CACHE/fuzz).")
    var cache: String?

    @Option(
        name: .long, help: "The fuzzing binary to run (default: .build-fuzz/release/confrun-fuzz, built if missing).")
    var binary: String?

    @Flag(name: .long, help: "Build the fuzzing binary first even if it exists.")
    var build = false

    @Flag(name: .long, help: "Replay TestVectors/fuzz-regressions/ in-process instead of fuzzing.")
    var replay = false

    @Flag(name: .long, help: "List the targets and exit.")
    var list = false

    func run() throws {
        let locations = Locations.discover()
        if list {
            for t in FuzzTargets.all {
                print(
                    "\(t.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(t.kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(t.summary)"
                )
            }
            return
        }
        let targets = try selectedTargets()
        if replay {
            let results = RunResults()
            let n = FuzzRegressions.replay(
                targets: targets, repository: locations.repository, into: results, verbose: true)
            let t = results.total
            print("fuzz-regressions: \(n) inputs, \(t.passed) ok, \(t.failed) findings, \(t.errored) errored")
            if !t.ok { throw ExitCode(1) }
            return
        }
        let binary = try self.binary ?? fuzzBinary(repository: locations.repository)
        let cacheDir = cache ?? (locations.cache + "/fuzz")
        let runner = FuzzRunner(
            binary: binary, cache: cacheDir, repository: locations.repository, seconds: seconds, runs: runs,
            seed: seed)
        print(
            "fuzzing \(targets.count) target(s), \(seconds) s each\(runs.map { " or \($0) runs" } ?? ""), "
                + "\(jobs) at a time; corpora under \(cacheDir)")
        let reports = runner.run(targets, jobs: max(1, jobs))
        print("")
        print(FuzzRunner.table(reports), terminator: "")
        let bad = reports.filter { !$0.clean }
        for r in bad {
            print("\n\(r.target): \(r.problem ?? "problem")  (log: \(r.log))")
            for c in r.saved { print("  saved \(c) — commit it; `confrun fuzz --replay` and `confrun all` replay it") }
            if !r.logTail.isEmpty {
                print(r.logTail.split(separator: "\n").map { "  | " + $0 }.joined(separator: "\n"))
            }
        }
        if !bad.isEmpty { throw ExitCode(1) }
    }

    func selectedTargets() throws -> [FuzzTarget] {
        if target.isEmpty { return FuzzTargets.all }
        return try target.map { name in
            guard let t = FuzzTargets.named(name) else {
                let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
                throw ValidationError("no fuzz target '\(name)' (one of: \(names))")
            }
            return t
        }
    }

    static let buildArguments = [
        "build", "-c", "release", "--sanitize=fuzzer", "--sanitize=address", "-Xswiftc", "-sanitize=fuzzer,address",
        "-Xswiftc", "-DFUZZING", "--product",
        "confrun-fuzz", "--scratch-path", ".build-fuzz",
    ]

    /// The fuzzing binary, built first when asked or missing.
    func fuzzBinary(repository: String) throws -> String {
        let path = repository + "/.build-fuzz/release/confrun-fuzz"
        if !build, FileManager.default.isExecutableFile(atPath: path) { return path }
        print("building: swift \(Self.buildArguments.joined(separator: " "))")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swift"] + Self.buildArguments
        p.currentDirectoryURL = URL(fileURLWithPath: repository)
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else {
            FileHandle.standardError.write(Data("confrun fuzz: the fuzzing build failed\n".utf8))
            throw ExitCode(2)
        }
        return path
    }
}

/// Replays `TestVectors/fuzz-regressions/<target>/*` through the targets, one case per file.
enum FuzzRegressions {
    static let corpus = "fuzz-regressions"

    /// Records one case per regression file into `results`; returns the number of files.
    @discardableResult
    static func replay(
        targets: [FuzzTarget] = FuzzTargets.all, repository: String, into results: RunResults, verbose: Bool = false
    ) -> Int {
        let root = repository + "/TestVectors/fuzz-regressions"
        let fm = FileManager.default
        let folders = ((try? fm.contentsOfDirectory(atPath: root)) ?? []).sorted().filter { !$0.hasPrefix(".") }
        let wanted = Set(targets.map(\.name))
        var n = 0
        for folder in folders {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root + "/" + folder, isDirectory: &isDir), isDir.boolValue else { continue }
            let target = FuzzTargets.named(folder)
            if let target, !wanted.contains(target.name) { continue }
            let files = ((try? fm.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).sorted().filter {
                !$0.hasPrefix(".")
            }
            for file in files {
                n += 1
                let rel = folder + "/" + file
                func record(_ outcome: Outcome, _ reason: String?) {
                    results.record(
                        CaseResult(
                            corpus: corpus, file: rel, line: 0, id: file, algorithm: "-", implementation: "fuzz-target",
                            outcome: outcome, reason: reason))
                    if verbose {
                        print("\(outcome == .passed ? "ok     " : "FINDING") \(rel)\(reason.map { ": " + $0 } ?? "")")
                    }
                }
                guard let target else {
                    record(.errored, "no fuzz target '\(folder)' for this folder")
                    continue
                }
                guard let data = fm.contents(atPath: root + "/" + rel) else {
                    record(.errored, "cannot read the file")
                    continue
                }
                let verdict = [UInt8](data).withUnsafeBytes { target.run($0) }
                switch verdict {
                case .ok: record(.passed, nil)
                case .finding(let m): record(.failed, "finding: \(m)")
                }
            }
        }
        return n
    }

    /// The `confrun all` hook: replays every regression input as the "fuzz-regressions" corpus.
    static func stage(_ session: RunSession) {
        let n = replay(repository: Locations.discover().repository, into: session.results)
        let t = session.results.byCorpus[corpus] ?? Tally()
        session.stage("fuzz regressions: \(n) inputs replayed, \(t.failed + t.errored) findings")
    }
}

/// Runs libFuzzer children and reads their results.
struct FuzzRunner: Sendable {
    let binary: String
    let cache: String
    let repository: String
    let seconds: Int
    let runs: Int?
    let seed: UInt32?

    struct Report: Sendable {
        var target: String
        var executions = 0
        var execPerSecond = 0
        var covStart = 0
        var covEnd = 0
        var ftStart = 0
        var ftEnd = 0
        var corpus = 0
        var crashes = 0
        var timeoutsOOMs = 0
        var findings = 0
        var peakRSS = 0
        var exitStatus: Int32 = 0
        var problem: String?
        var saved: [String] = []
        var log = ""
        var logTail = ""
        var clean: Bool { problem == nil && crashes == 0 && timeoutsOOMs == 0 && findings == 0 }
    }

    func run(_ targets: [FuzzTarget], jobs: Int) -> [Report] {
        // `jobs` workers take the next target until none is left; one libFuzzer process each.
        let state = Mutex<(next: Int, reports: [Report?])>((0, [Report?](repeating: nil, count: targets.count)))
        DispatchQueue.concurrentPerform(iterations: min(jobs, targets.count)) { _ in
            while true {
                let i = state.withLock { s -> Int in
                    s.next += 1
                    return s.next - 1
                }
                guard i < targets.count else { return }
                let r = fuzz(targets[i])
                state.withLock { s in
                    s.reports[i] = r
                    print(
                        "\(r.clean ? "ok  " : "FAIL") \(r.target): \(r.executions) runs, cov \(r.covStart)→\(r.covEnd), "
                            + "ft \(r.ftStart)→\(r.ftEnd), corpus \(r.corpus)")
                }
            }
        }
        return state.withLock { $0.reports.map { $0! } }
    }

    func fuzz(_ target: FuzzTarget) -> Report {
        var report = Report(target: target.name)
        let fm = FileManager.default
        let dir = cache + "/" + target.name
        let corpusDir = dir + "/corpus"
        let artifacts = dir + "/artifacts/"
        report.log = dir + "/fuzz.log"
        do {
            try fm.createDirectory(atPath: corpusDir, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
            try FuzzTargets.export(target, to: dir)
        } catch {
            report.problem = "cannot prepare \(dir): \(error)"
            return report
        }
        let before = Set((try? fm.contentsOfDirectory(atPath: artifacts)) ?? [])
        var arguments = [
            corpusDir, dir + "/\(target.name)_seeds", "-dict=\(dir)/\(target.name).dict",
            "-max_len=\(FuzzTargets.maxLength(target.name))", "-max_total_time=\(seconds)", "-rss_limit_mb=2048",
            "-timeout=20", "-artifact_prefix=\(artifacts)", "-print_final_stats=1",
        ]
        if let runs { arguments.append("-runs=\(runs)") }
        if let seed { arguments.append("-seed=\(seed)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CONFRUN_FUZZ_TARGET"] = target.name
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        fm.createFile(atPath: report.log, contents: nil)
        guard let log = FileHandle(forWritingAtPath: report.log) else {
            report.problem = "cannot write \(report.log)"
            return report
        }
        p.standardError = log
        p.standardOutput = log
        do { try p.run() } catch {
            report.problem = "cannot start \(binary): \(error)"
            return report
        }
        p.waitUntilExit()
        try? log.close()
        report.exitStatus = p.terminationStatus
        let text = (try? String(contentsOfFile: report.log, encoding: .utf8)) ?? ""
        Self.read(text, into: &report)
        report.corpus = ((try? fm.contentsOfDirectory(atPath: corpusDir)) ?? []).count
        let new = Set((try? fm.contentsOfDirectory(atPath: artifacts)) ?? []).subtracting(before).sorted()
        for name in new {
            if name.hasPrefix("crash-") || name.hasPrefix("leak-") {
                report.crashes += 1
            } else if name.hasPrefix("timeout-") || name.hasPrefix("oom-") || name.hasPrefix("slow-unit-") {
                if name.hasPrefix("slow-unit-") { continue }
                report.timeoutsOOMs += 1
            } else {
                continue
            }
            if let saved = saveRegression(target.name, artifacts + name) { report.saved.append(saved) }
        }
        if report.exitStatus != 0, report.crashes + report.timeoutsOOMs == 0 {
            report.problem = "libFuzzer exited with status \(report.exitStatus)"
        }
        if !report.clean {
            report.logTail = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(30).joined(
                separator: "\n")
        }
        return report
    }

    /// Copies a crash input to `TestVectors/fuzz-regressions/<target>/<sha1>`.
    func saveRegression(_ target: String, _ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let name = Hex.encode(SHA1.hash([UInt8](data)))
        let dir = repository + "/TestVectors/fuzz-regressions/" + target
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let dest = dir + "/" + name
        guard FileManager.default.createFile(atPath: dest, contents: data) else { return nil }
        return "TestVectors/fuzz-regressions/\(target)/\(name)"
    }

    /// Reads libFuzzer's status lines (`#N INITED cov: C ft: F corp: …`) and final stats.
    static func read(_ log: String, into r: inout Report) {
        func value(_ line: Substring, _ key: String) -> Int? {
            guard let range = line.range(of: key) else { return nil }
            return Int(line[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })
        }
        var started = false
        for line in log.split(separator: "\n") {
            if line.hasPrefix("#"), let cov = value(line, " cov: ") {
                let ft = value(line, " ft: ") ?? 0
                if !started, line.contains("INITED") || line.contains("pulse") || line.contains("NEW") {
                    r.covStart = cov
                    r.ftStart = ft
                    started = true
                }
                r.covEnd = cov
                r.ftEnd = ft
                if let n = value(line, "#") { r.executions = max(r.executions, n) }
            }
            if let n = value(line, "stat::number_of_executed_units:") { r.executions = n }
            if let n = value(line, "stat::average_exec_per_sec:") { r.execPerSecond = n }
            if let n = value(line, "stat::peak_rss_mb:") { r.peakRSS = n }
            if line.contains(": finding: ") { r.findings += 1 }
        }
    }

    static func table(_ reports: [Report]) -> String {
        let header = [
            "target", "executions", "exec/s", "cov start→end", "ft start→end", "corpus", "crashes", "timeouts/ooms",
            "findings", "peak MB",
        ]
        let rows = reports.map { r in
            [
                r.target, String(r.executions), String(r.execPerSecond), "\(r.covStart)→\(r.covEnd)",
                "\(r.ftStart)→\(r.ftEnd)", String(r.corpus), String(r.crashes), String(r.timeoutsOOMs),
                String(r.findings), String(r.peakRSS),
            ]
        }
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max()! }
        func format(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == 0
                    ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return ([format(header)] + rows.map(format)).joined(separator: "\n") + "\n"
    }
}
