/// Everything a run produced, in the order it happened.
public final class RunResults {
    public private(set) var cases: [CaseResult] = []
    public private(set) var corpusOrder: [String] = []
    public private(set) var byCorpus: [String: Tally] = [:]
    /// Skip reasons with their counts, per corpus.
    public private(set) var skipReasons: [String: [String: Int]] = [:]
    public private(set) var total = Tally()
    /// Per file (interop: per algorithm target), in the order their first case came.
    public private(set) var files: [FileSummary] = []
    private var fileIndex: [String: Int] = [:]
    /// Files read, per corpus, and files a manifest says to leave alone (with the reason).
    public var filesRead: [String: Int] = [:]
    public var filesIgnored: [(corpus: String, file: String, reason: String)] = []
    /// Files a folder walk found that the chosen manifest does not map (not run, not cases).
    public var filesUnmapped: [(corpus: String, file: String)] = []

    public init() {}

    public func record(_ r: CaseResult) {
        if byCorpus[r.corpus] == nil {
            corpusOrder.append(r.corpus)
            byCorpus[r.corpus] = Tally()
        }
        byCorpus[r.corpus]!.add(r)
        total.add(r)
        if r.outcome == .skipped {
            skipReasons[r.corpus, default: [:]][r.reason ?? "?", default: 0] += 1
        }
        let key = r.corpus + "\u{0}" + r.file
        if let i = fileIndex[key] {
            files[i].tally.add(r)
        } else {
            fileIndex[key] = files.count
            var f = FileSummary(corpus: r.corpus, file: r.file)
            f.tally.add(r)
            files.append(f)
        }
        cases.append(r)
    }

    public var ok: Bool { total.ok }

    /// The cases that fail the run, in run order.
    public var problems: [CaseResult] { cases.filter(\.isProblem) }

    /// Per-algorithm tallies, sorted by name. `trait` gives the package trait that gates an
    /// algorithm as results name it (the caller knows the catalog; this module does not);
    /// `canonicalName` joins aliases (`SHA256`, `SHA2-256`) into one entry.
    public func algorithmSummaries(
        trait: (String) -> String?,
        canonicalName: (String) -> String = { $0.uppercased() }
    ) -> [AlgorithmSummary] {
        var d: [String: AlgorithmSummary] = [:]
        for c in cases where c.algorithm != "-" {
            let key = canonicalName(c.algorithm)
            if d[key] == nil { d[key] = AlgorithmSummary(name: key, trait: trait(c.algorithm)) }
            d[key]!.tally.add(c)
            if c.outcome == .skipped { d[key]!.skipReasons[c.reason ?? "?", default: 0] += 1 }
        }
        return d.values.sorted { $0.name < $1.name }
    }
}
