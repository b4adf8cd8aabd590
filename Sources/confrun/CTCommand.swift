import ArgumentParser
import CTTargets
import Conformance
import Foundation
import LibCrypto

/// dudect targets that run the reference (OpenSSL, dlopen'd) instead of LibCrypto, with the same
/// keys and classes as LibCrypto's targets: what a target's design measures that is not
/// LibCrypto's code shows in the reference too. On request only (`confrun ct --target NAME`).
enum ReferenceCTTargets {
    static let names = ["openssl-rsa-1024-sign-pkcs1", "openssl-rsa-1024-sign-pss", "openssl-rsa-2048-sign-pkcs1"]

    /// The target `name` (one of `names`); throws when OpenSSL cannot be loaded.
    static func make(_ name: String) throws -> CTTarget {
        // The signer below runs for every timed call's new key (untimed), on this one thread.
        nonisolated(unsafe) let ref = try OpenSSLImplementation()
        let pss = name.hasSuffix("pss")
        let bits = name.contains("2048") ? 2048 : 1024
        let controls: [(String, String)] =
            [("digest", "SHA256")]
            + (pss ? [("rsa_padding_mode", "pss"), ("rsa_pss_saltlen", "digest")] : [("rsa_padding_mode", "pkcs1")])
        let options = OpenSSLPKey.Options(controls)
        return try CTTargets.rsaSignReference(
            name: name,
            summary: "OpenSSL's RSA-\(bits) sign, \(pss ? "PSS" : "PKCS#1 v1.5"), SHA-256: the reference for "
                + (bits == 2048 ? "rsa-2048-sign-pkcs1-ifma" : "rsa-1024-sign-\(pss ? "pss" : "pkcs1")")
                + " (same keys, classes and digests)",
            bits: bits,
            signer: { key in
                let der = try PKeyDER.rsaPrivate(key)
                let k = try OpenSSLPKey.privateKey(der: der, in: ref)
                // Each key object signs once before it is timed, and LibCrypto checks the
                // signature: a target timing a failing call would mean nothing.
                let probe = [UInt8](repeating: 0x5A, count: 32)
                let sha256 = try Registry.digest(named: "SHA256")
                try key.publicKey.verify(
                    signature: try k.sign(probe, options), digest: probe, algorithm: sha256,
                    padding: pss ? .pss(saltLength: .digest) : .pkcs1)
                return { digest in (try? k.sign(digest, options)) ?? [] }
            })
    }
}

/// `confrun ct`: dudect timing of the constant-time targets (docs/constant-time.md).
struct CTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ct",
        abstract: "dudect constant-time check: fixed vs random secret inputs, Welch's t-test with cropping.",
        discussion: """
            For each target, calls with a fixed secret input (class 0) and random ones (class 1) are interleaved at \
            random and timed one by one (CLOCK_MONOTONIC_RAW, ns). After a calibration batch that sets 100 cropping \
            thresholds, Welch's t is computed on all samples, on the samples under each threshold and on the squared \
            distance to the class mean (second order), as dudect does; the largest |t| of the tests with more than \
            10,000 class-0 samples decides. A constant-time target passes at |t| < 4.5; a known target (legacy cipher \
            with secret-indexed tables by design) is shown, never failed; a planted target (a deliberate leak) must \
            reach |t| > 10. Exit 1 when a constant-time target fails or a planted leak is not found. Use a release \
            build: timings from a debug build are not meaningful.
            """
    )

    @Option(name: .long, help: "Only this target (repeatable; default: all). See --list.")
    var target: [String] = []

    @Option(
        name: .long,
        help: """
            Timed calls per target, after the calibration batch (default 1,000,000); a public-key target \
            times this many divided by its divisor (at least 24,000), see docs/constant-time.md.
            """)
    var measurements = 1_000_000

    @Option(name: .long, help: "Seed for the input generator (default: random).")
    var seed: UInt64?

    @Flag(name: .long, help: "List the targets and exit.")
    var list = false

    func validate() throws {
        if measurements < 20_000 { throw ValidationError("--measurements must be at least 20000") }
        for n in target where CTTargets.named(n) == nil && !ReferenceCTTargets.names.contains(n) {
            throw ValidationError("unknown target \(n) (see confrun ct --list)")
        }
    }

    func run() throws {
        if list {
            // Names are padded to a column, never cut (some are longer than 26 characters).
            func column(_ name: String) -> String {
                name.padding(toLength: max(26, name.count), withPad: " ", startingAt: 0)
            }
            for t in CTTargets.dudectDefault {
                print("\(column(t.name)) \(t.kindName)  \(t.summary)")
            }
            for t in CTTargets.all where CTTargets.dudectOnRequest.contains(t.name) {
                let name = column(t.name)
                print("\(name) \(t.kindName)  \(t.summary) [dudect on request only; Valgrind runs it]")
            }
            for t in CTTargets.onRequest {
                let name = column(t.name)
                print("\(name) \(t.kindName)  \(t.summary) [on request only]")
            }
            for n in ReferenceCTTargets.names {
                print(
                    "\(column(n)) ct       OpenSSL's signing, the reference [on request only]"
                )
            }
            for m in CTTargets.notInThisBuild { print("\(m.name): \(m.reason)") }
            return
        }
        #if DEBUG
        FileHandle.standardError.write(
            Data("confrun ct: this is a debug build; timings are not meaningful (use -c release)\n".utf8))
        #endif
        let targets =
            target.isEmpty
            ? CTTargets.dudectDefault
            : try target.map { n in try CTTargets.named(n) ?? ReferenceCTTargets.make(n) }
        let width = max(6, targets.map(\.name.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
        func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        print(
            "dudect, \(measurements) timed calls per target (+\(DudectRunner.batchSize) calibration; public-key "
                + "targets fewer: column n), pass |t| < \(Dudect.threshold), planted must exceed 10")
        print(
            pad("target", width) + "  kind     " + lpad("max |t|", 8) + "  " + pad("test", 12) + lpad("n", 9)
                + lpad("ns fixed", 10) + lpad("ns random", 10) + lpad("sec", 7) + "  verdict")
        var failed = false
        var total = 0.0
        for t in targets {
            let r = DudectRunner.run(t, measurements: measurements, seed: seed)
            total += r.seconds
            let verdict: String
            switch t.kind {
            case .constantTime:
                verdict = r.maxT < Dudect.threshold ? "PASS" : "FAIL"
                failed = failed || r.maxT >= Dudect.threshold
            case .known(let reason):
                verdict = "KNOWN (" + (r.maxT < Dudect.threshold ? "no leak seen" : "leak, expected") + "): \(reason)"
            case .planted:
                verdict = r.maxT > 10 ? "PLANTED: caught (expected)" : "PLANTED: MISSED"
                failed = failed || r.maxT <= 10
            }
            print(
                pad(t.name, width) + "  " + pad(t.kindName, 7) + "  " + lpad(String(format: "%.2f", r.maxT), 8) + "  "
                    + pad(Dudect.describe(test: r.test), 12) + lpad(String(r.measurements), 9)
                    + lpad(String(format: "%.0f", r.meanNanoseconds.0), 10)
                    + lpad(String(format: "%.0f", r.meanNanoseconds.1), 10) + lpad(String(format: "%.1f", r.seconds), 7)
                    + "  " + verdict)
        }
        print(String(format: "total %.1f s; ", total) + (failed ? "FAIL" : "PASS"))
        if failed { throw ExitCode(1) }
    }
}
