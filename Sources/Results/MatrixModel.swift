import Foundation

/// How a build-matrix cell ended.
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

    public init(trait: String, option: String, check: Check, expectAbsent: Bool, ok: Bool, detail: String) {
        self.trait = trait
        self.option = option
        self.check = check
        self.expectAbsent = expectAbsent
        self.ok = ok
        self.detail = detail
    }
}

/// One algorithm in one cell.
public struct AlgorithmCell: Sendable, Codable, Equatable {
    public var name: String
    public var trait: String?
    public var outcome: GridOutcome
    public var tally: Tally
    /// Why the outcome is a failure, when it is.
    public var problem: String?

    public init(name: String, trait: String?, outcome: GridOutcome, tally: Tally, problem: String? = nil) {
        self.name = name
        self.trait = trait
        self.outcome = outcome
        self.tally = tally
        self.problem = problem
    }
}

/// A cell's configuration as reports show it (the build-matrix module fills it from its `Cell`).
public struct MatrixCell: Sendable, Codable, Hashable {
    public var name: String
    /// `no-X` options as written (plus `minimal`), in file order.
    public var options: [String]
    /// Traits added on top of the defaults (`+TRAIT`).
    public var extraTraits: [String]
    /// The reference as matrix files spell it: `system`, `cpucap:0`, `source:enable-idea,…`.
    public var reference: String
    /// The package traits the cell builds with, and those it turns off (absent in schema 1 files).
    public var enabledTraits: [String]?
    public var disabledTraits: [String]?

    public init(
        name: String, options: [String] = [], extraTraits: [String] = [], reference: String = "system",
        enabledTraits: [String]? = nil, disabledTraits: [String]? = nil
    ) {
        self.name = name
        self.options = options
        self.extraTraits = extraTraits
        self.reference = reference
        self.enabledTraits = enabledTraits
        self.disabledTraits = disabledTraits
    }

    /// `default`, or the options and extra traits (`no-idea no-rc5 +X`).
    public var configuration: String {
        options.isEmpty && extraTraits.isEmpty
            ? "default" : (options + extraTraits.map { "+" + $0 }).joined(separator: " ")
    }
}

/// Everything one cell produced.
public struct CellResult: Sendable, Codable {
    public var cell: MatrixCell
    /// Position in its matrix (merged reports keep matrix order).
    public var position: Int
    public var status: CellStatus
    public var detail: String?
    public var buildSeconds: Double?
    public var runSeconds: Double?
    public var scratchBytes: Int64?
    public var logTail: String?
    public var summary: Tally?
    public var corpora: [CorpusSummary]?
    public var algorithms: [AlgorithmCell]
    public var proofs: [Proof]
    public var problems: [String]

    public init(cell: MatrixCell, position: Int, status: CellStatus) {
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

/// A matrix run (or several merged). Schema: docs/build-matrix.md.
public struct MatrixReport: Sendable, Codable {
    public static let schemaName = "swift-libcrypto/confrun-matrix"
    /// 2: `Tally` lost `crashed`; algorithm names are canonical (one entry per algorithm);
    /// cells carry their enabled and disabled traits.
    public static let currentSchemaVersion = 2
    public var schema = MatrixReport.schemaName
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

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, matrix, startedAt, durationSeconds, cells, ok, stages
    }

    public init(
        matrix: String, startedAt: Date, durationSeconds: Double, cells: [CellResult],
        stages: [StageSummary]? = nil
    ) {
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

    public func encoded() throws -> Data { try reportEncoder().encode(self) }

    public static func decode(_ data: Data) throws -> MatrixReport {
        try JSONDecoder().decode(MatrixReport.self, from: data)
    }

    public enum MergeError: Error, CustomStringConvertible {
        case duplicateCell(String, String)
        case notAMatrixReport(String)
        public var description: String {
            switch self {
            case .duplicateCell(let name, let file): return "cell '\(name)' appears twice (again in \(file))"
            case .notAMatrixReport(let file):
                return "\(file): not a confrun matrix report (schema \(MatrixReport.schemaName))"
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
            guard r.schema == schemaName else { throw MergeError.notAMatrixReport(file) }
            for c in r.cells {
                if seen[c.cell.name] != nil { throw MergeError.duplicateCell(c.cell.name, file) }
                seen[c.cell.name] = file
                cells.append(c)
            }
            stages += r.stages ?? []
        }
        let names = Set(reports.map(\.report.matrix))
        let started = reports.map(\.report.startedAt).min() ?? ISO8601DateFormatter().string(from: Date())
        var m = MatrixReport(
            matrix: names.count == 1 ? names.first! : names.sorted().joined(separator: "+"),
            startedAt: Date(), durationSeconds: reports.map(\.report.durationSeconds).max() ?? 0,
            cells: cells, stages: stages.isEmpty ? nil : stages)
        m.startedAt = started
        return m
    }
}

/// Pretty, sorted keys, slashes as they are: every report file is written this way.
func reportEncoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return e
}
