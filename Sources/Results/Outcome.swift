/// How one case ended. A crash of the process that runs the cases is not a case outcome: the
/// run (or the build-matrix cell) that stopped early is reported as such, and its missing cases
/// are never counted.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case passed, failed, skipped, errored
}

/// The result of one vector on one implementation (or one problem with the input itself).
public struct CaseResult: Sendable, Codable, Equatable {
    public var corpus: String
    public var file: String
    public var line: Int
    public var id: String
    public var algorithm: String
    public var implementation: String
    public var outcome: Outcome
    /// Skip reason, failure summary or error message.
    public var reason: String?
    /// For a skip: false means the skip was not predicted by the build, which fails the run.
    public var expectedSkip: Bool?
    public var expected: String?
    public var actual: String?

    public init(
        corpus: String, file: String, line: Int, id: String, algorithm: String, implementation: String,
        outcome: Outcome, reason: String? = nil, expectedSkip: Bool? = nil,
        expected: String? = nil, actual: String? = nil
    ) {
        self.corpus = corpus
        self.file = file
        self.line = line
        self.id = id
        self.algorithm = algorithm
        self.implementation = implementation
        self.outcome = outcome
        self.reason = reason
        self.expectedSkip = expectedSkip
        self.expected = expected
        self.actual = actual
    }

    /// True when the case fails the run: a failure, an error, or a skip the build did not predict.
    public var isProblem: Bool {
        switch outcome {
        case .passed: return false
        case .skipped: return expectedSkip == false
        case .failed, .errored: return true
        }
    }
}

/// Counts for one corpus, file, algorithm or the whole run. Every count is of results actually
/// recorded.
public struct Tally: Sendable, Codable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    /// Skips the build did not predict; included in `skipped`.
    public var unexpectedSkips = 0
    public var errored = 0
    public var total: Int { passed + failed + skipped + errored }
    public var ok: Bool { failed == 0 && errored == 0 && unexpectedSkips == 0 }

    public init() {}

    public mutating func add(_ r: CaseResult) {
        switch r.outcome {
        case .passed: passed += 1
        case .failed: failed += 1
        case .skipped:
            skipped += 1
            if r.expectedSkip == false { unexpectedSkips += 1 }
        case .errored: errored += 1
        }
    }

    public mutating func add(_ t: Tally) {
        passed += t.passed
        failed += t.failed
        skipped += t.skipped
        unexpectedSkips += t.unexpectedSkips
        errored += t.errored
    }

    enum CodingKeys: String, CodingKey { case passed, failed, skipped, unexpectedSkips, errored, total }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed)
        try c.encode(failed, forKey: .failed)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(unexpectedSkips, forKey: .unexpectedSkips)
        try c.encode(errored, forKey: .errored)
        try c.encode(total, forKey: .total)
    }

    /// Reads schema 1 files too (their `crashed` count, always 0, is ignored).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        passed = try c.decode(Int.self, forKey: .passed)
        failed = try c.decode(Int.self, forKey: .failed)
        skipped = try c.decode(Int.self, forKey: .skipped)
        unexpectedSkips = try c.decode(Int.self, forKey: .unexpectedSkips)
        errored = try c.decode(Int.self, forKey: .errored)
    }
}

/// One algorithm's results in a run, keyed by its name upper-cased (canonical when the writer
/// knew the canonical name), with the trait that gates it, so a build-matrix cell can check
/// every outcome against its configuration.
public struct AlgorithmSummary: Sendable, Codable, Equatable {
    public var name: String
    public var trait: String?
    public var tally: Tally
    public var skipReasons: [String: Int]

    public init(name: String, trait: String?, tally: Tally = Tally(), skipReasons: [String: Int] = [:]) {
        self.name = name
        self.trait = trait
        self.tally = tally
        self.skipReasons = skipReasons
    }

    /// Joins the summaries of names that are one algorithm (`SHA256` and `SHA2-256`) under
    /// `canonicalName(name)`, adding their tallies and skip reasons; sorted by name.
    public static func merged(
        _ summaries: [AlgorithmSummary],
        canonicalName: (String) -> String
    ) -> [AlgorithmSummary] {
        var d: [String: AlgorithmSummary] = [:]
        for s in summaries {
            let key = canonicalName(s.name)
            var m = d[key] ?? AlgorithmSummary(name: key, trait: s.trait)
            if m.trait == nil { m.trait = s.trait }
            m.tally.add(s.tally)
            for (r, n) in s.skipReasons { m.skipReasons[r, default: 0] += n }
            d[key] = m
        }
        return d.values.sorted { $0.name < $1.name }
    }
}

/// One file's results (for interop: one algorithm target's), in the order files were read.
public struct FileSummary: Sendable, Codable, Equatable {
    public var corpus: String
    public var file: String
    public var tally: Tally

    public init(corpus: String, file: String, tally: Tally = Tally()) {
        self.corpus = corpus
        self.file = file
        self.tally = tally
    }
}

/// A file a manifest says to leave alone, with the manifest's reason.
public struct IgnoredFile: Sendable, Codable, Equatable {
    public var corpus: String
    public var file: String
    public var reason: String
}

/// A file a folder walk found that the chosen manifest does not map (not run, not a case).
public struct UnmappedFile: Sendable, Codable, Equatable {
    public var corpus: String
    public var file: String
}
