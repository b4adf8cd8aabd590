import LibCrypto
import Vectors

/// How one case ended.
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case passed, failed, skipped, errored, crashed
}

/// The result of one vector on one implementation (or one problem with the input itself).
public struct CaseResult: Sendable, Codable {
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

    public var isProblem: Bool {
        switch outcome {
        case .passed: return false
        case .skipped: return expectedSkip == false
        default: return true
        }
    }
}

/// Counts for one corpus (or the whole run). Every count is of results actually recorded.
public struct Tally: Sendable, Codable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    public var unexpectedSkips = 0
    public var errored = 0
    public var crashed = 0
    public var total: Int { passed + failed + skipped + errored + crashed }
    public var ok: Bool { failed == 0 && errored == 0 && crashed == 0 && unexpectedSkips == 0 }

    public init() {}

    public mutating func add(_ r: CaseResult) {
        switch r.outcome {
        case .passed: passed += 1
        case .failed: failed += 1
        case .skipped:
            skipped += 1
            if r.expectedSkip == false { unexpectedSkips += 1 }
        case .errored: errored += 1
        case .crashed: crashed += 1
        }
    }

    enum CodingKeys: String, CodingKey { case passed, failed, skipped, unexpectedSkips, errored, crashed, total }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed)
        try c.encode(failed, forKey: .failed)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(unexpectedSkips, forKey: .unexpectedSkips)
        try c.encode(errored, forKey: .errored)
        try c.encode(crashed, forKey: .crashed)
        try c.encode(total, forKey: .total)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        passed = try c.decode(Int.self, forKey: .passed)
        failed = try c.decode(Int.self, forKey: .failed)
        skipped = try c.decode(Int.self, forKey: .skipped)
        unexpectedSkips = try c.decode(Int.self, forKey: .unexpectedSkips)
        errored = try c.decode(Int.self, forKey: .errored)
        crashed = try c.decode(Int.self, forKey: .crashed)
    }
}

/// Everything a run produced, in the order it happened.
public final class RunResults {
    public private(set) var cases: [CaseResult] = []
    public private(set) var corpusOrder: [String] = []
    public private(set) var byCorpus: [String: Tally] = [:]
    /// Skip reasons with their counts, per corpus.
    public private(set) var skipReasons: [String: [String: Int]] = [:]
    public private(set) var total = Tally()
    /// Files read, per corpus, and files a manifest says to leave alone (with the reason).
    public var filesRead: [String: Int] = [:]
    public var filesIgnored: [(corpus: String, file: String, reason: String)] = []
    /// Files a folder walk found that the chosen manifest does not map (not run, not cases).
    public var filesUnmapped: [(corpus: String, file: String)] = []

    public init() {}

    public func record(_ r: CaseResult) {
        if byCorpus[r.corpus] == nil { corpusOrder.append(r.corpus); byCorpus[r.corpus] = Tally() }
        byCorpus[r.corpus]!.add(r)
        total.add(r)
        if r.outcome == .skipped {
            skipReasons[r.corpus, default: [:]][r.reason ?? "?", default: 0] += 1
        }
        cases.append(r)
    }

    public var ok: Bool { total.ok }
}

/// One algorithm's results in a run, keyed by its name upper-cased (as files spell it), with
/// the trait that gates it, so a build-matrix cell can check every outcome against its
/// configuration.
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
}

extension RunResults {
    /// Per-algorithm tallies, sorted by name.
    public func algorithmSummaries() -> [AlgorithmSummary] {
        var d: [String: AlgorithmSummary] = [:]
        for c in cases where c.algorithm != "-" {
            let key = c.algorithm.uppercased()
            if d[key] == nil { d[key] = AlgorithmSummary(name: key, trait: Catalog.trait(forResult: c.algorithm)) }
            d[key]!.tally.add(c)
            if c.outcome == .skipped { d[key]!.skipReasons[c.reason ?? "?", default: 0] += 1 }
        }
        return d.values.sorted { $0.name < $1.name }
    }
}
