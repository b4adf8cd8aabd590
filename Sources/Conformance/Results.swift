// The outcome model and the reporters live in the Results module; Conformance re-exports it so
// its users (and its own files) see `CaseResult`, `RunResults` and the reports as before.
@_exported import Results
import Foundation
import LibCrypto

extension RunResults {
    /// Per-algorithm tallies, sorted by name, each with the trait that gates it (from the
    /// catalog, which knows every name in any build).
    public func algorithmSummaries() -> [AlgorithmSummary] {
        algorithmSummaries(
            trait: Catalog.trait(forResult:), canonicalName: Catalog.groupingKey)
    }
}

extension JSONReport {
    /// The results file of this build: its traits and the catalog's trait of each algorithm.
    public init(
        results: RunResults, command: String, startedAt: Date, duration: Double, implementation: String,
        includeCases: Bool = true, matrix: MatrixReport? = nil
    ) {
        self.init(
            results: results, command: command, startedAt: startedAt, duration: duration,
            implementation: implementation, buildTraits: Catalog.enabledTraits,
            algorithmTrait: Catalog.trait(forResult:),
            canonicalName: Catalog.groupingKey, includeCases: includeCases,
            matrix: matrix)
    }
}

extension String {
    /// Right-aligned in `n` columns (for the text tables of `speed`).
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
