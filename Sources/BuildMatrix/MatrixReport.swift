import Foundation
import LibCrypto
import Results

// The report model (`MatrixReport`, `CellResult`, …) and its reporters are in the Results module;
// this file fills them from the matrix's own types and judges a cell's results.

extension Cell {
    /// The cell as reports show it (its options include `sanitize=…`).
    public var reportCell: MatrixCell {
        MatrixCell(
            name: name, options: options, extraTraits: extraTraits, reference: reference.spelling,
            enabledTraits: enabledTraits, disabledTraits: disabledTraits)
    }
}

extension CellResult {
    public init(cell: Cell, position: Int, status: CellStatus) {
        self.init(cell: cell.reportCell, position: position, status: status)
    }
}

/// One name per algorithm for the grid and the judge: the catalog's canonical name, upper-cased
/// (`SHA256` and `sha2-256` are both `SHA2-256`; `HMAC-SHA256` is `HMAC-SHA2-256`). The catalog
/// knows every name in every build; a name it does not know stays as it is, upper-cased.
public enum AlgorithmNames {
    public static func canonical(_ name: String) -> String {
        Catalog.groupingKey(name)
    }
}

// MARK: Judging a cell's results against its configuration

enum CellJudge {
    static let disabledReason = "disabled in this build"
    static let dependencyPrefix = "disabled in this build: needs "

    /// The grid entries of a cell and the problems found, from the child's per-algorithm tallies,
    /// one entry per algorithm (aliases joined under `canonicalName`).
    static func algorithms(
        _ summaries: [AlgorithmSummary], disabled: Set<String>,
        canonicalName: (String) -> String = AlgorithmNames.canonical
    ) -> [AlgorithmCell] {
        AlgorithmSummary.merged(summaries, canonicalName: canonicalName).map { s in
            let off = s.trait.map { disabled.contains($0) } ?? false
            let t = s.tally
            let ownSkips = s.skipReasons[disabledReason] ?? 0
            // Skips because a vector needs another disabled algorithm (`…: needs MD2`).
            var dependencySkips = 0
            var wrongDependencySkips: [String] = []
            for (reason, n) in s.skipReasons where reason.hasPrefix(dependencyPrefix) {
                let needed = String(reason.dropFirst(dependencyPrefix.count))
                if disabled.contains(needed) {
                    dependencySkips += n
                } else {
                    wrongDependencySkips.append("\(n) skipped as needing \(needed), which is on")
                }
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
                    problem =
                        "\(s.trait!) is off in this cell, but \(t.total - disabledSkips) of its \(t.total) cases "
                        + "were not skipped as disabled"
                }
            } else if ownSkips > 0 {
                outcome = .fail
                problem = "\(ownSkips) cases skipped as disabled, but \(s.trait ?? "the algorithm") is on in this cell"
            } else if !t.ok {
                outcome = .fail
                problem = "\(t.failed) failed, \(t.errored) errored, \(t.unexpectedSkips) unexpected skips"
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
                return Proof(
                    trait: f.trait, option: f.option, check: .vectors, expectAbsent: true, ok: ok,
                    detail: cases == 0
                        ? (filtered
                            ? "no vector of it selected by the filter"
                            : "no vector of it was seen (nothing proves the skip)")
                        : "\(skipped) of \(cases) cases skipped as '\(disabledReason)'")
            }
            let passed = mine.reduce(0) { $0 + $1.tally.passed }
            let wrong = mine.filter { $0.problem != nil }.count
            return Proof(
                trait: f.trait, option: f.option, check: .vectors, expectAbsent: false,
                ok: (passed > 0 || filtered) && wrong == 0,
                detail: "\(passed) of \(cases) cases passed" + (wrong > 0 ? ", \(wrong) algorithms wrong" : ""))
        }
    }
}
