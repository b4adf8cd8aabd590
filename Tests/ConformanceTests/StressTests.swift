import Foundation
import LibCrypto
import Testing

@testable import Conformance

/// `confrun stress`'s engine on a short budget (the sanitize=thread matrix cell runs it for 30 s
/// with 8 threads under TSan).
@Suite("Thread stress")
struct StressTests {
    @Test("4 threads for 2 s: every family runs, no mismatch, no setup disagreement")
    func shortRun() {
        let r = ThreadStress.run(threads: 4, seconds: 2)
        #expect(r.ok, "\(r.summaryLine)\n\(r.setupProblems)\n\(r.mismatches)\n\(r.afterRunMismatches)")
        #expect(r.skipped.isEmpty, "checks left out: \(r.skipped)")
        #expect(r.operationsByThread.count == 4)
        #expect(r.operationsByThread.allSatisfy { $0 >= r.checks }, "every thread does at least one full pass")
        let families: Set<String> = [
            "anchor", "shared-schedule", "shared-state", "digest", "mac", "cipher", "aead", "kdf", "registry",
        ]
        #expect(Set(r.operationsByFamily.keys) == families)
        // Every registered algorithm is among the checks.
        let names = Set(ThreadStress.checks().map(\.name))
        for c in Registry.ciphers { #expect(names.contains(c.info.name)) }
        for a in Registry.aeads { #expect(names.contains(a.info.name)) }
        for d in Registry.digests { #expect(names.contains("\(d.info.name) one-shot")) }
    }

    @Test("the anchors hold the standards' values (FIPS 180-2, FIPS 197 C.1)")
    func anchors() throws {
        for c in ThreadStress.anchorChecks() {
            #expect(try c.body() == ThreadStress.anchors[c.name], "\(c.name)")
        }
    }

    @Test("a check whose output changes between calls is reported as a mismatch")
    func detectsCorruption() {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var n = 0
            func next() -> Int {
                lock.lock()
                defer { lock.unlock() }
                n += 1
                return n
            }
        }
        let counter = Counter()
        let unstable = ThreadStress.Check(family: "planted", name: "planted unstable") {
            // The same value for the setup's calls (once, then once per variant), another after.
            let n = counter.next()
            return [n <= 1 + ThreadStress.variantNames.count ? 0 : 1]
        }
        let stable = ThreadStress.Check(family: "planted", name: "planted stable") { [7] }
        let r = ThreadStress.run(threads: 2, seconds: 0.2, checks: [stable, unstable])
        #expect(!r.ok)
        #expect(r.setupProblems.isEmpty)
        #expect(!r.mismatches.isEmpty)
        #expect(r.mismatches.filter { $0.thread >= 0 }.allSatisfy { $0.check == "planted unstable" })
        #expect(r.afterRunMismatches == ["planted unstable"])
    }
}
