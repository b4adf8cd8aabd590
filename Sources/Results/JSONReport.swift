import Foundation

/// One corpus's results (for interop: one reference comparison).
public struct CorpusSummary: Codable, Sendable, Equatable {
    public var name: String
    public var files: Int
    public var tally: Tally
    public var skipReasons: [String: Int]

    public init(name: String, files: Int, tally: Tally, skipReasons: [String: Int]) {
        self.name = name
        self.files = files
        self.tally = tally
        self.skipReasons = skipReasons
    }
}

/// The JSON results file, and with a build-matrix stage the one merged report of `confrun all`
/// (the `matrix` member): built as one value and encoded once. Its schema is
/// `docs/results-schema.md`; `schemaVersion` changes whenever a field changes meaning or goes
/// away (adding a field does not change it).
public struct JSONReport: Codable, Sendable {
    public static let schemaName = "swift-libcrypto/confrun-results"
    /// 2: `cases` only on request (`--json-cases`); `problems`, `files`, `filesIgnored` and
    /// `filesUnmapped` added; `Tally` lost `crashed`.
    public static let currentSchemaVersion = 2

    public typealias CorpusSummary = Results.CorpusSummary

    public struct Build: Codable, Sendable {
        public var traits: [String]
        public var implementation: String
        public init(traits: [String], implementation: String) {
            self.traits = traits
            self.implementation = implementation
        }
    }

    public var schema = JSONReport.schemaName
    public var schemaVersion = JSONReport.currentSchemaVersion
    public var command: String
    public var startedAt: String
    public var durationSeconds: Double
    public var build: Build
    public var summary: Tally
    public var ok: Bool
    public var corpora: [CorpusSummary]
    /// Per-algorithm tallies.
    public var algorithms: [AlgorithmSummary]?
    /// Per-file tallies (interop: per algorithm target); files with no case are left out.
    public var files: [FileSummary]?
    public var filesIgnored: [IgnoredFile]?
    public var filesUnmapped: [UnmappedFile]?
    /// Every case that fails the run (failed, errored, unexpected skip), in run order.
    public var problems: [CaseResult]?
    /// One entry per case, only when asked for (`--json-cases`): about 300 bytes a case.
    public var cases: [CaseResult]?
    /// The build-matrix stage of `confrun all` (docs/build-matrix.md).
    public var matrix: MatrixReport?

    /// `buildTraits`: the traits this binary was built with. `algorithmTrait` gives the trait
    /// that gates an algorithm as results name it, `canonicalName` its canonical name: the
    /// caller knows the catalog, this module does not.
    public init(
        results: RunResults, command: String, startedAt: Date, duration: Double, implementation: String,
        buildTraits: [String], algorithmTrait: (String) -> String?,
        canonicalName: (String) -> String = { $0.uppercased() },
        includeCases: Bool, matrix: MatrixReport? = nil
    ) {
        self.command = command
        self.startedAt = ISO8601DateFormatter().string(from: startedAt)
        self.durationSeconds = (duration * 1000).rounded() / 1000
        self.build = Build(traits: buildTraits, implementation: implementation)
        self.summary = results.total
        self.ok = results.ok && matrix?.ok != false
        self.corpora = results.corpusOrder.map {
            CorpusSummary(
                name: $0, files: results.filesRead[$0] ?? 0, tally: results.byCorpus[$0]!,
                skipReasons: results.skipReasons[$0] ?? [:])
        }
        self.algorithms = results.algorithmSummaries(trait: algorithmTrait, canonicalName: canonicalName)
        self.files = results.files
        self.filesIgnored = results.filesIgnored.map {
            IgnoredFile(corpus: $0.corpus, file: $0.file, reason: $0.reason)
        }
        self.filesUnmapped = results.filesUnmapped.map { UnmappedFile(corpus: $0.corpus, file: $0.file) }
        self.problems = results.problems
        self.cases = includeCases ? results.cases : nil
        self.matrix = matrix
    }

    public func encoded() throws -> Data { try reportEncoder().encode(self) }
}
