import Conformance
import Foundation

/// How a cell ended.
public enum CellStatus: String, Sendable, Codable {
    /// Built, ran, every outcome as its configuration predicts, every absence proof holds.
    case passed
    /// Ran, but a vector, an interop case or a proof went wrong.
    case failed
    case buildFailed = "build-failed"
    /// The child confrun died on a signal or left no results.
    case crashed
    case timedOut = "timed-out"
    case interrupted
    /// Not run for a stated reason that is not a failure (a from-source reference not built).
    case notRun = "not-run"

    public var isFailure: Bool { self != .passed && self != .notRun }
}

/// The colour of one algorithm in one cell of the grid.
public enum GridOutcome: String, Sendable, Codable, CaseIterable {
    case pass
    case fail
    /// Off in this configuration, and every one of its vectors was skipped as disabled.
    case disabled = "disabled-as-expected"
    /// The reference of this cell does not have it (interop only).
    case referenceLacks = "reference-lacks"
    /// Only skipped, for reasons the run expected (e.g. an OpenSSL-only mode).
    case skipped
}

/// One check that a feature is absent (when off) or present (when on, the control that shows the
/// check can see it).
public struct Proof: Sendable, Codable, Equatable {
    public enum Check: String, Sendable, Codable {
        case listed = "confrun list"
        case lookup = "lookup by name"
        case symbols = "nm symbols"
        case vectors = "vector outcomes"
    }
    public var trait: String
    public var option: String
    public var check: Check
    /// True: the feature is off here and must be absent; false: on, and must be present.
    public var expectAbsent: Bool
    public var ok: Bool
    public var detail: String
}

public struct AlgorithmCell: Sendable, Codable, Equatable {
    public var name: String
    public var trait: String?
    public var outcome: GridOutcome
    public var tally: Tally
    /// Why the outcome is a failure, when it is.
    public var problem: String?
}

/// Everything one cell produced.
public struct CellResult: Sendable, Codable {
    public var cell: Cell
    /// Position in its matrix (merged reports keep matrix order).
    public var position: Int
    public var status: CellStatus
    public var detail: String?
    public var buildSeconds: Double?
    public var runSeconds: Double?
    public var scratchBytes: Int64?
    public var logTail: String?
    public var summary: Tally?
    public var corpora: [JSONReport.CorpusSummary]?
    public var algorithms: [AlgorithmCell]
    public var proofs: [Proof]
    public var problems: [String]

    public init(cell: Cell, position: Int, status: CellStatus) {
        self.cell = cell
        self.position = position
        self.status = status
        algorithms = []
        proofs = []
        problems = []
    }

    /// Cases that are off in this configuration and were skipped as such.
    public var disabledAsExpected: Int {
        algorithms.filter { $0.outcome == .disabled }.reduce(0) { $0 + $1.tally.skipped }
    }

    public var proofsPassed: Int { proofs.filter(\.ok).count }

    /// The same result without the run-dependent figures (times, sizes, log tails), for comparing runs.
    public var withoutTimings: CellResult {
        var c = self
        c.buildSeconds = nil
        c.runSeconds = nil
        c.scratchBytes = nil
        c.logTail = nil
        return c
    }
}

/// A matrix run (or several merged). Schema: docs/matrix-schema.md.
public struct MatrixReport: Sendable, Codable {
    public static let currentSchemaVersion = 1
    public var schema = "swift-libcrypto/confrun-matrix"
    public var schemaVersion = MatrixReport.currentSchemaVersion
    public var matrix: String
    public var startedAt: String
    public var durationSeconds: Double
    public var cells: [CellResult]
    public var ok: Bool { !cells.contains { $0.status.isFailure } }
    /// Stages run before the matrix in the same `confrun all` (KATs, interop), if any.
    public var stages: [StageSummary]?

    public struct StageSummary: Sendable, Codable, Equatable {
        public var name: String
        public var tally: Tally
        public var ok: Bool
        public init(name: String, tally: Tally, ok: Bool) {
            self.name = name
            self.tally = tally
            self.ok = ok
        }
    }

    enum CodingKeys: String, CodingKey { case schema, schemaVersion, matrix, startedAt, durationSeconds, cells, ok, stages }

    public init(matrix: String, startedAt: Date, durationSeconds: Double, cells: [CellResult], stages: [StageSummary]? = nil) {
        self.matrix = matrix
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.durationSeconds = (durationSeconds * 10).rounded() / 10
        self.cells = cells.sorted { ($0.position, $0.cell.name) < ($1.position, $1.cell.name) }
        self.stages = stages
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        matrix = try c.decode(String.self, forKey: .matrix)
        startedAt = try c.decode(String.self, forKey: .startedAt)
        durationSeconds = try c.decode(Double.self, forKey: .durationSeconds)
        cells = try c.decode([CellResult].self, forKey: .cells)
        stages = try c.decodeIfPresent([StageSummary].self, forKey: .stages)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(matrix, forKey: .matrix)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(cells, forKey: .cells)
        try c.encode(ok, forKey: .ok)
        try c.encodeIfPresent(stages, forKey: .stages)
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self)
    }

    public static func decode(_ data: Data) throws -> MatrixReport {
        try JSONDecoder().decode(MatrixReport.self, from: data)
    }

    public enum MergeError: Error, CustomStringConvertible {
        case duplicateCell(String, String)
        case notAMatrixReport(String)
        public var description: String {
            switch self {
            case .duplicateCell(let name, let file): return "cell '\(name)' appears twice (again in \(file))"
            case .notAMatrixReport(let file): return "\(file): not a confrun matrix report (schema swift-libcrypto/confrun-matrix)"
            }
        }
    }

    /// Joins per-cell (or per-shard) reports into one, in matrix order. A cell in two inputs
    /// is an error: one CI job per cell means one result per cell.
    public static func merge(_ reports: [(file: String, report: MatrixReport)]) throws -> MatrixReport {
        var cells: [CellResult] = []
        var seen: [String: String] = [:]
        var stages: [StageSummary] = []
        for (file, r) in reports {
            guard r.schema == "swift-libcrypto/confrun-matrix" else { throw MergeError.notAMatrixReport(file) }
            for c in r.cells {
                if seen[c.cell.name] != nil { throw MergeError.duplicateCell(c.cell.name, file) }
                seen[c.cell.name] = file
                cells.append(c)
            }
            stages += r.stages ?? []
        }
        let names = Set(reports.map(\.report.matrix))
        let started = reports.map(\.report.startedAt).min() ?? ISO8601DateFormatter().string(from: Date())
        var m = MatrixReport(matrix: names.count == 1 ? names.first! : names.sorted().joined(separator: "+"),
                             startedAt: Date(), durationSeconds: reports.map(\.report.durationSeconds).max() ?? 0,
                             cells: cells, stages: stages.isEmpty ? nil : stages)
        m.startedAt = started
        return m
    }
}

// MARK: Judging a cell's results against its configuration

enum CellJudge {
    static let disabledReason = "disabled in this build"
    static let dependencyPrefix = "disabled in this build: needs "

    /// The grid entries of a cell and the problems found, from the child's per-algorithm tallies.
    static func algorithms(_ summaries: [AlgorithmSummary], disabled: Set<String>) -> [AlgorithmCell] {
        summaries.map { s in
            let off = s.trait.map { disabled.contains($0) } ?? false
            let t = s.tally
            let ownSkips = s.skipReasons[disabledReason] ?? 0
            // Skips because a vector needs another disabled algorithm (`…: needs MD2`).
            var dependencySkips = 0, wrongDependencySkips: [String] = []
            for (reason, n) in s.skipReasons where reason.hasPrefix(dependencyPrefix) {
                let needed = String(reason.dropFirst(dependencyPrefix.count))
                if disabled.contains(needed) { dependencySkips += n } else { wrongDependencySkips.append("\(n) skipped as needing \(needed), which is on") }
            }
            let disabledSkips = ownSkips + dependencySkips
            var problem: String? = nil
            var outcome: GridOutcome
            if !wrongDependencySkips.isEmpty {
                outcome = .fail
                problem = wrongDependencySkips.joined(separator: "; ")
            } else if off {
                if t.total == disabledSkips && t.total > 0 {
                    outcome = .disabled
                } else {
                    outcome = .fail
                    problem = "\(s.trait!) is off in this cell, but \(t.total - disabledSkips) of its \(t.total) cases were not skipped as disabled"
                }
            } else if ownSkips > 0 {
                outcome = .fail
                problem = "\(ownSkips) cases skipped as disabled, but \(s.trait ?? "the algorithm") is on in this cell"
            } else if !t.ok {
                outcome = .fail
                problem = "\(t.failed) failed, \(t.errored + t.crashed) errored, \(t.unexpectedSkips) unexpected skips"
            } else if t.passed > 0 {
                outcome = .pass
            } else if dependencySkips > 0 && dependencySkips == t.skipped {
                outcome = .disabled
            } else if s.skipReasons.keys.contains(where: { $0.hasPrefix("reference lacks") }) {
                outcome = .referenceLacks
            } else {
                outcome = .skipped
            }
            return AlgorithmCell(name: s.name, trait: s.trait, outcome: outcome, tally: t, problem: problem)
        }
    }

    /// Proof (d): every feature that is off has vectors and all of them were skipped as disabled;
    /// every feature that is on has no such skip.
    static func vectorProofs(_ cells: [AlgorithmCell], disabled: Set<String>, filtered: Bool) -> [Proof] {
        Feature.all.filter { $0.probeName != nil }.map { f in
            let mine = cells.filter { $0.trait == f.trait }
            let cases = mine.reduce(0) { $0 + $1.tally.total }
            if disabled.contains(f.trait) {
                let skipped = mine.filter { $0.outcome == .disabled }.reduce(0) { $0 + $1.tally.skipped }
                let ok = (cases > 0 || filtered) && skipped == cases
                return Proof(trait: f.trait, option: f.option, check: .vectors, expectAbsent: true, ok: ok,
                             detail: cases == 0 ? (filtered ? "no vector of it selected by the filter" : "no vector of it was seen (nothing proves the skip)")
                                                : "\(skipped) of \(cases) cases skipped as '\(disabledReason)'")
            }
            let passed = mine.reduce(0) { $0 + $1.tally.passed }
            let wrong = mine.filter { $0.problem != nil }.count
            return Proof(trait: f.trait, option: f.option, check: .vectors, expectAbsent: false, ok: (passed > 0 || filtered) && wrong == 0,
                         detail: "\(passed) of \(cases) cases passed" + (wrong > 0 ? ", \(wrong) algorithms wrong" : ""))
        }
    }
}
