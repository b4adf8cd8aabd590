import Foundation
import Results

/// Builds `confrun` once per configuration (release, its own scratch folder, reused between
/// runs) and runs each cell's binary as a child process for `all --matrix none` (KATs on the
/// installed corpora, then interop against the cell's reference). Then proves every disabled
/// feature absent and checks every outcome against the configuration.
public final class MatrixRunner: @unchecked Sendable {
    public struct Options: Sendable {
        /// The package to build (holds Package.swift).
        public var packagePath: String
        /// Where per-configuration scratch folders and cell results go.
        public var scratchRoot: String
        /// Cells in flight at once.
        public var jobs: Int
        /// Seconds allowed for a cell's build, and again for its run.
        public var timeout: Double
        /// Extra arguments for each child's `confrun all` (e.g. `--interop-cases 50`, `--filter sha`).
        public var childArguments: [String]
        /// The set-up cache (from-source references live in it).
        public var cache: String
        public var swift: String = "swift"
        /// Seconds between progress lines while a cell builds or runs (0: none).
        public var heartbeat: Double = 30
        /// The thread stress a `sanitize=thread` cell runs after its `confrun all`: `confrun stress
        /// --threads stressThreads --seconds stressSeconds` (0 seconds: none).
        public var stressThreads: Int = 8
        public var stressSeconds: Double = 30

        public init(
            packagePath: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, timeout: Double = 1800,
            childArguments: [String] = [], cache: String
        ) {
            self.packagePath = packagePath
            self.scratchRoot = packagePath + "/.build-matrix"
            self.jobs = max(1, jobs)
            self.timeout = timeout
            self.childArguments = childArguments
            self.cache = cache
        }
    }

    public let options: Options
    /// Progress lines: one when a cell starts building, one when it ends, and a heartbeat every
    /// `options.heartbeat` seconds while it builds (with SwiftPM's `[n/m]`) or runs.
    public var onProgress: (@Sendable (String) -> Void)?

    private let lock = NSLock()
    private var buildLocks: [String: NSLock] = [:]
    private var builds: [String: (ok: Bool, seconds: Double, tail: String)] = [:]

    public init(options: Options) {
        self.options = options
    }

    public func scratchPath(_ cell: Cell) -> String { options.scratchRoot + "/" + cell.buildKey }
    public func binaryPath(_ cell: Cell) -> String { scratchPath(cell) + "/release/confrun" }
    var resultsDirectory: String { options.scratchRoot + "/results" }

    /// Runs the cells (`positions` gives each one's place in its matrix) and returns the report.
    public func run(_ cells: [(position: Int, cell: Cell)], matrix: String) -> MatrixReport {
        let started = Date()
        try? FileManager.default.createDirectory(atPath: resultsDirectory, withIntermediateDirectories: true)
        final class Shared: @unchecked Sendable {
            var next = 0
            var results: [CellResult?]
            let lock = NSLock()
            init(_ n: Int) { results = Array(repeating: nil, count: n) }
        }
        let shared = Shared(cells.count)
        let workers = min(options.jobs, max(1, cells.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                while true {
                    shared.lock.lock()
                    let i = shared.next
                    shared.next += 1
                    shared.lock.unlock()
                    guard i < cells.count else { return }
                    let r = runCell(cells[i].cell, position: cells[i].position)
                    shared.lock.lock()
                    shared.results[i] = r
                    shared.lock.unlock()
                }
            }
        }
        group.wait()
        let results = shared.results
        let done = results.enumerated().map { i, r in
            r ?? CellResult(cell: cells[i].cell, position: cells[i].position, status: .interrupted)
        }
        return MatrixReport(
            matrix: matrix, startedAt: started, durationSeconds: Date().timeIntervalSince(started), cells: done)
    }

    func say(_ s: String) { onProgress?(s) }

    /// The cell's limit for its build, and again for its run: `--timeout` times the sanitizer's
    /// slow-down (`Sanitizer.timeoutFactor`).
    func timeout(_ cell: Cell) -> Double { options.timeout * (cell.sanitizer?.timeoutFactor ?? 1) }

    /// Builds the cell's configuration unless this run already did; one build per scratch folder at a time.
    func build(_ cell: Cell) -> (ok: Bool, seconds: Double, tail: String, interrupted: Bool) {
        let key = cell.buildKey
        lock.lock()
        let keyLock = buildLocks[key] ?? NSLock()
        buildLocks[key] = keyLock
        lock.unlock()
        keyLock.lock()
        defer { keyLock.unlock() }
        lock.lock()
        let earlier = builds[key]
        lock.unlock()
        if let b = earlier { return (b.ok, b.seconds, b.tail, false) }
        let scratch = scratchPath(cell)
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let log = scratch + "/matrix-build.log"
        try? FileManager.default.removeItem(atPath: log)
        let args =
            [
                options.swift, "build", "-c", "release", "--product", "confrun", "--package-path", options.packagePath,
                "--scratch-path", scratch,
            ] + cell.traitArguments + cell.sanitizerArguments
        try? (args.joined(separator: " ") + "\n").write(toFile: log, atomically: false, encoding: .utf8)
        let fresh = !FileManager.default.fileExists(atPath: binaryPath(cell))
        let timeout = self.timeout(cell)
        let start = Date()
        let beat = heartbeat("building \(cell.name)", since: start, log: log)
        defer { beat?.cancel() }
        var t = ChildProcess(
            arguments: args, environment: Self.buildEnvironment(), logPath: log, timeout: timeout
        ).run()
        // SwiftPM (6.3) recompiles a fresh scratch folder once more on its second build
        // (measured here: 90 s, then 59 s, then 0.4 s with no change in between). Doing that
        // second build now keeps the next matrix run a no-op for this configuration.
        if fresh, t == .exited(0) {
            if let h = FileHandle(forWritingAtPath: log) {
                h.seekToEndOfFile()
                h.write(Data("== second build of a fresh scratch folder (SwiftPM recompiles it once)\n".utf8))
                try? h.close()
            }
            t = ChildProcess(
                arguments: args, environment: Self.buildEnvironment(), logPath: log, timeout: timeout
            ).run()
        }
        let seconds = Date().timeIntervalSince(start)
        var ok = false
        var note = ""
        switch t {
        case .exited(0):
            ok = FileManager.default.isExecutableFile(atPath: binaryPath(cell))
            if !ok { note = "build finished but \(binaryPath(cell)) is missing" }
        case .exited(let s): note = "swift build exited with status \(s)"
        case .signaled(let s): note = "swift build died on signal \(s)"
        case .timedOut: note = "swift build ran past its timeout, \(Int(timeout)) s"
        case .interrupted: return (false, seconds, "interrupted", true)
        case .couldNotStart(let why): note = why
        }
        let logTail = ok ? "" : (note + "\n" + tail(of: log))
        lock.lock()
        builds[key] = (ok, seconds, logTail)
        lock.unlock()
        return (ok, seconds, logTail, false)
    }

    /// Every `options.heartbeat` seconds until cancelled: "building no-idea: 95 s [312/540]"
    /// (SwiftPM's last `[n/m]` in the log, when there is one). Nil when nobody listens.
    func heartbeat(_ what: String, since start: Date, log: String) -> DispatchSourceTimer? {
        guard let progress = onProgress, options.heartbeat > 0 else { return nil }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + options.heartbeat, repeating: options.heartbeat)
        timer.setEventHandler {
            let step = Self.lastBuildStep(inLog: log).map { " [\($0)]" } ?? ""
            progress(String(format: "%@: %.0f s", what, Date().timeIntervalSince(start)) + step)
        }
        timer.resume()
        return timer
    }

    /// The last `[n/m]` SwiftPM wrote to a build log (read from its last 16 KB).
    static func lastBuildStep(inLog path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let size = h.seekToEndOfFile()
        h.seek(toFileOffset: size > 16_384 ? size - 16_384 : 0)
        let text = String(decoding: h.readDataToEndOfFile(), as: UTF8.self)
        guard let re = try? NSRegularExpression(pattern: #"\[(\d+/\d+)\]"#) else { return nil }
        let ns = text as NSString
        guard let m = re.matches(in: text, range: NSRange(location: 0, length: ns.length)).last else { return nil }
        return ns.substring(with: m.range(at: 1))
    }

    /// The environment of every `swift build` of a cell: PATH, HOME and TMPDIR only. SwiftPM
    /// keys its build records on the environment, so a build started from another parent (a
    /// shell sets `_` and `SHLVL`) would otherwise recompile everything; with this fixed set a
    /// matrix run, `swift test` and scripts/confrun-all.sh (which builds the same way) share one
    /// up-to-date build per configuration.
    public static func buildEnvironment() -> [String: String] {
        let env = ProcessInfo.processInfo.environment
        var out: [String: String] = [:]
        for k in ["PATH", "HOME", "TMPDIR"] { if let v = env[k] { out[k] = v } }
        return out
    }

    func referenceArguments(_ cell: Cell) -> (args: [String], notRun: String?) {
        switch cell.reference {
        case .system: return ([], nil)
        case .systemMasked(let cap): return (["--reference-cpucap", cap], nil)
        case .source(let opts):
            if let path = ReferenceBuild(cache: options.cache, configureOptions: opts).existingBuild() {
                return (["--reference", path], nil)
            }
            return ([], "reference not built (run: confrun reference build --configure \(opts.joined(separator: " ")))")
        }
    }

    func runCell(_ cell: Cell, position: Int) -> CellResult {
        var r = CellResult(cell: cell, position: position, status: .passed)
        if Interrupt.requested {
            r.status = .interrupted
            return r
        }
        let ref = referenceArguments(cell)
        if let why = ref.notRun {
            r.status = .notRun
            r.detail = why
            say("not run \(cell.name): \(why)")
            return r
        }
        let traits = cell.traitArguments.isEmpty ? ["default traits"] : cell.traitArguments
        say("build  \(cell.name) (\((traits + cell.sanitizerArguments).joined(separator: " ")))")
        let b = build(cell)
        r.buildSeconds = (b.seconds * 10).rounded() / 10
        r.scratchBytes = diskUsage(scratchPath(cell))
        if b.interrupted {
            r.status = .interrupted
            return r
        }
        guard b.ok else {
            r.status = .buildFailed
            r.logTail = b.tail
            r.detail = b.tail.split(separator: "\n").first.map(String.init)
            say("FAIL   \(cell.name): build failed")
            return r
        }
        let bin = binaryPath(cell)
        let out = resultsDirectory + "/\(cell.name).json"
        let log = resultsDirectory + "/\(cell.name).log"
        try? FileManager.default.removeItem(atPath: out)
        try? FileManager.default.removeItem(atPath: log)
        var env = ProcessInfo.processInfo.environment
        env["CONFRUN_ROOT"] = options.packagePath
        env = SanitizerRuns.environment(cell.sanitizer, packagePath: options.packagePath, base: env)
        let timeout = self.timeout(cell)
        // The child's JSON holds summaries, not cases (that is its default).
        let args = [bin, "all", "--matrix", "none", "--quiet", "--json", out] + options.childArguments + ref.args
        try? (args.joined(separator: " ") + "\n").write(toFile: log, atomically: false, encoding: .utf8)
        let start = Date()
        let beat = heartbeat("running \(cell.name)", since: start, log: "")
        defer { beat?.cancel() }
        let t = ChildProcess(
            arguments: args, environment: env, logPath: log,
            timeout: timeout
        ).run()
        beat?.cancel()
        r.runSeconds = (Date().timeIntervalSince(start) * 10).rounded() / 10
        // A sanitizer report fails the cell whatever the exit status, with its first lines as the problem.
        if cell.sanitizer != nil, let report = SanitizerRuns.firstReport(inFile: log) {
            r.status = .failed
            r.detail = "sanitizer report in confrun all: " + Self.reportHeadline(report)
            r.problems.append("sanitizer report in confrun all:\n" + report)
            r.logTail = tail(of: log)
            say("FAIL   \(cell.name): \(r.detail!)")
            return r
        }
        switch t {
        case .exited(0), .exited(1): break
        case .exited(let s):
            r.status = .failed
            r.detail =
                "confrun all exited with status \(s)"
                + (SanitizerRuns.meaning(ofExitStatus: s, cell.sanitizer).map { ": " + $0 } ?? "")
            r.logTail = tail(of: log)
        case .signaled(let s):
            r.status = .crashed
            r.detail = "confrun all died on signal \(s)"
            r.logTail = tail(of: log)
        case .timedOut:
            r.status = .timedOut
            r.detail = "confrun all ran past its timeout, \(Int(timeout)) s"
            r.logTail = tail(of: log)
        case .interrupted:
            r.status = .interrupted
            r.detail = "stopped by Ctrl-C"
            return r
        case .couldNotStart(let why):
            r.status = .crashed
            r.detail = why
        }
        if r.status != .passed {
            say("FAIL   \(cell.name): \(r.detail ?? "")")
            return r
        }
        guard let data = FileManager.default.contents(atPath: out),
            let child = try? JSONDecoder().decode(JSONReport.self, from: data)
        else {
            r.status = .crashed
            r.detail = "confrun all left no readable results in \(out)"
            r.logTail = tail(of: log)
            say("FAIL   \(cell.name): \(r.detail!)")
            return r
        }
        r.summary = child.summary
        r.corpora = child.corpora
        let filtered = options.childArguments.contains("--filter")
        let disabled = Set(cell.disabledTraits)
        r.algorithms = CellJudge.algorithms(child.algorithms ?? [], disabled: disabled)
        r.proofs =
            AbsenceProofs.run(binary: bin, cell: cell, swift: options.swift, environment: env)
            + CellJudge.vectorProofs(r.algorithms, disabled: disabled, filtered: filtered)
        if !child.ok {
            r.problems.append(
                "confrun all reported \(child.summary.failed) failed, \(child.summary.errored) errored, "
                    + "\(child.summary.unexpectedSkips) unexpected skips")
        }
        r.problems += r.algorithms.compactMap { a in a.problem.map { "\(a.name): \($0)" } }
        r.problems += r.proofs.filter { !$0.ok }.map {
            "\($0.option) \($0.expectAbsent ? "absent" : "present") by \($0.check.rawValue): \($0.detail)"
        }
        var stressNote = ""
        if cell.sanitizer == .thread, options.stressSeconds > 0 {
            let (problem, figures) = runStress(cell, binary: bin, environment: env)
            if let p = problem {
                r.problems.append(p)
                r.logTail = tail(of: resultsDirectory + "/\(cell.name).stress.log")
            }
            if let f = figures {
                r.detail = f
                stressNote = ", " + f
            }
        }
        if !r.problems.isEmpty {
            r.status = .failed
            if r.logTail == nil { r.logTail = tail(of: log) }
        }
        let t2 = child.summary
        say(
            "\(r.status == .passed ? "ok    " : "FAIL  ") \(cell.name): \(t2.passed) passed, \(t2.failed) failed, \(t2.skipped) skipped "
                + "(\(r.disabledAsExpected) disabled as expected), proofs \(r.proofsPassed)/\(r.proofs.count), "
                + String(format: "build %.1f s, run %.1f s", r.buildSeconds ?? 0, r.runSeconds ?? 0) + stressNote)
        return r
    }

    /// The first line of a sanitizer report without its `==PID==` prefix.
    static func reportHeadline(_ report: String) -> String {
        let first = report.split(separator: "\n").first.map(String.init) ?? report
        guard first.hasPrefix("=="), let end = first.dropFirst(2).range(of: "==") else { return first }
        return String(first[end.upperBound...])
    }

    /// A `sanitize=thread` cell's stress step: `confrun stress --threads N --seconds S` under
    /// TSan. Returns the problem (a report, a mismatch, a crash) or the figures of a clean run.
    func runStress(_ cell: Cell, binary: String, environment: [String: String]) -> (
        problem: String?, figures: String?
    ) {
        let log = resultsDirectory + "/\(cell.name).stress.log"
        try? FileManager.default.removeItem(atPath: log)
        let args = [
            binary, "stress", "--threads", String(options.stressThreads), "--seconds",
            String(format: "%g", options.stressSeconds),
        ]
        try? (args.joined(separator: " ") + "\n").write(toFile: log, atomically: false, encoding: .utf8)
        say("stress \(cell.name): \(options.stressThreads) threads for \(Int(options.stressSeconds)) s")
        let start = Date()
        let beat = heartbeat("stress \(cell.name)", since: start, log: "")
        let t = ChildProcess(
            arguments: args, environment: environment, logPath: log,
            timeout: options.stressSeconds * 2 + 60 * (cell.sanitizer?.timeoutFactor ?? 1)
        ).run()
        beat?.cancel()
        let seconds = Date().timeIntervalSince(start)
        if let report = SanitizerRuns.firstReport(inFile: log) {
            return ("sanitizer report in confrun stress:\n" + report, nil)
        }
        let summary =
            (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n")
            .last(where: { $0.hasPrefix("stress:") }).map(String.init)
        switch t {
        case .exited(0):
            guard let s = summary else { return ("confrun stress printed no summary line", nil) }
            return (nil, s + String(format: " (%.0f s under TSan)", seconds))
        case .exited(let s):
            let why = SanitizerRuns.meaning(ofExitStatus: s, cell.sanitizer) ?? summary ?? ""
            return ("confrun stress exited with status \(s): \(why)\n" + tail(of: log, lines: 15), nil)
        case .signaled(let s): return ("confrun stress died on signal \(s)\n" + tail(of: log, lines: 15), nil)
        case .timedOut: return ("confrun stress ran past its timeout", nil)
        case .interrupted: return ("confrun stress stopped by Ctrl-C", nil)
        case .couldNotStart(let why): return ("confrun stress could not start: \(why)", nil)
        }
    }

    func diskUsage(_ path: String) -> Int64? {
        let (status, out) = ChildProcess.capture(["du", "-sb", path])
        guard status == 0 else { return nil }
        return out.split(whereSeparator: { $0 == "\t" || $0 == " " }).first.flatMap { Int64($0) }
    }

    /// Removes every scratch folder and result of matrix runs.
    public func clean() throws -> Int64 {
        let bytes = diskUsage(options.scratchRoot) ?? 0
        if FileManager.default.fileExists(atPath: options.scratchRoot) {
            try FileManager.default.removeItem(atPath: options.scratchRoot)
        }
        return bytes
    }
}

/// Checks (a)–(c) of the absence proof on a cell's binary, with the same checks as presence
/// controls for the features that are on.
enum AbsenceProofs {
    static func run(
        binary: String, cell: Cell, swift: String = "swift",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [Proof] {
        let off = Set(cell.disabledTraits)
        var proofs: [Proof] = []
        // (a) confrun list: no row gated by the trait, and the trait is not in the "traits on" line.
        let (listStatus, listing) = ChildProcess.capture([binary, "list"], environment: environment)
        var rowsByTrait: [String: Int] = [:]
        var traitsOn: Set<String> = []
        for line in listing.split(separator: "\n") {
            let cols = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.contains("algorithms; traits on:") {
                traitsOn = Set(line.components(separatedBy: "traits on:").last!.split(separator: " ").map(String.init))
            } else if cols.count >= 4, cols[0] != "NAME" {
                // `CHACHA+POLY1305`: a row needing several traits counts for each of them.
                for t in cols[2].split(separator: "+") { rowsByTrait[String(t), default: 0] += 1 }
            }
        }
        for f in Feature.all {
            let absent = off.contains(f.trait)
            let rows = rowsByTrait[f.trait] ?? 0
            let inLine = traitsOn.contains(f.trait)
            let ok: Bool
            let detail: String
            if listStatus != 0 {
                ok = false
                detail = "confrun list exited with status \(listStatus)"
            } else if f.probeName == nil {
                ok = absent ? !inLine : inLine
                detail = "trait \(inLine ? "in" : "not in") the 'traits on' line"
            } else {
                ok = absent ? (rows == 0 && !inLine) : (rows > 0 && inLine)
                detail =
                    "\(rows) algorithms listed with trait \(f.trait); trait \(inLine ? "in" : "not in") the 'traits on' line"
            }
            proofs.append(
                Proof(trait: f.trait, option: f.option, check: .listed, expectAbsent: absent, ok: ok, detail: detail))
        }
        // (b) asking for it by name.
        for f in Feature.all {
            guard let probe = f.probeName else { continue }
            let absent = off.contains(f.trait)
            let (status, out) = ChildProcess.capture([binary, "list", probe], environment: environment)
            let refused = out.contains("unknown algorithm '\(probe)'")
            let ok = absent ? (status == 1 && refused) : (status == 0 && !refused)
            let first = out.split(separator: "\n").first.map(String.init) ?? ""
            proofs.append(
                Proof(
                    trait: f.trait, option: f.option, check: .lookup, expectAbsent: absent, ok: ok,
                    detail: "confrun list \(probe): exit \(status), \(first)"))
        }
        // (c) symbols in the binary.
        let (nmStatus, nmOut) = ChildProcess.capture([
            "bash", "-c", "set -o pipefail; nm --defined-only \"$1\" | awk '{print $NF}' | \"$2\" demangle", "nm",
            binary, swift,
        ])
        let names = nmOut.split(separator: "\n").map(String.init)
        for f in Feature.all {
            let absent = off.contains(f.trait)
            guard nmStatus == 0, let re = try? NSRegularExpression(pattern: f.symbolPattern) else {
                proofs.append(
                    Proof(
                        trait: f.trait, option: f.option, check: .symbols, expectAbsent: absent, ok: false,
                        detail: nmStatus != 0 ? "nm failed: \(nmOut.prefix(200))" : "bad pattern \(f.symbolPattern)"))
                continue
            }
            var count = 0
            var example = ""
            for n in names {
                let ns = n as NSString
                if re.firstMatch(in: n, range: NSRange(location: 0, length: ns.length)) != nil {
                    count += 1
                    if example.isEmpty { example = n }
                }
            }
            let ok = absent ? count == 0 : count > 0
            proofs.append(
                Proof(
                    trait: f.trait, option: f.option, check: .symbols, expectAbsent: absent, ok: ok,
                    detail: "\(count) of \(names.count) symbols match /\(f.symbolPattern)/"
                        + (example.isEmpty ? "" : " (e.g. \(example.prefix(80)))")))
        }
        return proofs
    }
}
