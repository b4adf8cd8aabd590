import Dispatch
import LibCrypto
import Vectors

// The scheduler: targets run on worker threads, results recorded in target order.

extension DifferentialEngine {
    struct TargetRun {
        var cases: [CaseResult] = []
        var reproducers: [(algorithm: String, cause: String, stanza: String)] = []
        var mismatches = 0
        var ran = 0
    }

    /// Runs every target; mismatches are recorded, shrunk and kept as reproducers. Results are
    /// recorded in target order whatever the number of workers, so a seed replays exactly.
    public func run() {
        let plan = targets().map { t -> (Target, String?) in
            if t.kind == .base64 && !reference.supportsBase64 { return (t, "reference lacks Base64 (EVP_Encode*)") }
            for (name, family) in t.needs {
                if case .absent(let why) = reference.availability(of: name, family: family) {
                    return (t, Availability.referenceLacks(name, why: why))
                }
            }
            return (t, nil)
        }
        var extra: [any Implementation] = []
        if workers > 1, let make = makeReference {
            for _ in 1..<min(workers, max(1, plan.count)) { if let r = try? make() { extra.append(r) } }
        }
        let refs = [reference] + extra
        final class Shared: @unchecked Sendable {
            let lock = DispatchSemaphore(value: 1)
            var next = 0
            var runs: [TargetRun?]
            init(_ n: Int) { runs = Array(repeating: nil, count: n) }
        }
        let shared = Shared(plan.count)
        nonisolated(unsafe) let work: (Int) -> Void = { [self] w in
            while true {
                shared.lock.wait()
                let i = shared.next
                shared.next += 1
                shared.lock.signal()
                guard i < plan.count else { return }
                let (t, missing) = plan[i]
                var tr = TargetRun()
                if let why = missing {
                    tr.cases.append(
                        CaseResult(
                            corpus: corpus, file: t.name, line: 0, id: "\(casesPerAlgorithm) cases",
                            algorithm: t.name, implementation: "\(subject.name) vs \(reference.name)",
                            outcome: .skipped, reason: why, expectedSkip: true))
                } else {
                    tr = runTarget(t, refs[w])
                }
                shared.lock.wait()
                shared.runs[i] = tr
                onAlgorithm?(t.name, tr.ran, tr.mismatches)
                shared.lock.signal()
            }
        }
        if refs.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: refs.count) { w in work(w) }
        }
        for tr in shared.runs {
            guard let tr else { continue }
            for r in tr.cases { results.record(r) }
            reproducers += tr.reproducers
        }
    }

    func runTarget(_ t: Target, _ ref: any Implementation) -> TargetRun {
        var out = TargetRun()
        var rng = SeededRandom(seed: seed ^ SeededRandom.stableHash(t.name))
        var causes: Set<String> = []
        let names = [t.name] + t.needs.map(\.0)
        let variants =
            cycleSubjectVariants && subject is LibCryptoImplementation ? ["hardware"] + Variants.extra(for: names) : []
        for i in 0..<casesPerAlgorithm {
            guard let c = makeCase(t, &rng) else { continue }
            let variant = variants.isEmpty ? nil : variants[i % variants.count]
            var r = CaseResult(
                corpus: corpus, file: t.name, line: 0,
                id: "case \(i) (seed \(seed))" + (variant.map { " [\($0)]" } ?? ""),
                algorithm: t.name, implementation: "\(subject.name) vs \(reference.name)", outcome: .passed)
            let found: Difference? =
                (try? variant.map { v in try HardwareSupport.withVariant(v) { compare(t, c, ref) } })
                ?? compare(t, c, ref)
            if let diff = found {
                out.mismatches += 1
                r.outcome = .failed
                r.reason = diff.cause
                r.expected = "\(diff.reference)"
                r.actual = "\(diff.subject)"
                // One minimized reproducer per algorithm and cause; the rest are counted.
                if !causes.contains(diff.cause) {
                    causes.insert(diff.cause)
                    let small =
                        (try? variant.map { v in try HardwareSupport.withVariant(v) { shrink(t, c, ref) } })
                        ?? shrink(t, c, ref)
                    out.reproducers.append((t.name, diff.cause, stanza(for: small, ref)))
                    r.reason = diff.cause + " (minimized: \(describe(small)))"
                }
            }
            out.cases.append(r)
            out.ran += 1
        }
        return out
    }
}
