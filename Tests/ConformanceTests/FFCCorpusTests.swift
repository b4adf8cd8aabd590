import Foundation
import LibCrypto
import Testing

@testable import Conformance
@testable import Vectors

/// The `ffc-records` cases run on LibCrypto: records of the cryptography-vectors cache pass as
/// they are and fail with a value planted wrong (skipped when the cache is not set up).
@Suite("DSA and DH corpus cases")
struct FFCCorpusTests {
    static var root: String {
        let env = ProcessInfo.processInfo.environment["CONFRUN_CACHE"] ?? ""
        let cache = env.isEmpty ? NSHomeDirectory() + "/.cache/swift-libcrypto" : env
        return cache + "/cryptography-vectors/cryptography_vectors/asymmetric/"
    }

    final class Sink: VectorSink {
        var vectors: [Vector] = []
        var diagnostics: [Diagnostic] = []
        func vector(_ v: Vector) { vectors.append(v) }
        func diagnostic(_ d: Diagnostic) { diagnostics.append(d) }
    }

    func vectors(_ file: String, _ op: String, _ algorithm: String) -> [Vector]? {
        let path = Self.root + file
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let sink = Sink()
        FFCRecordParser(operation: op, algorithm: algorithm, corpus: "t")?.parse(
            path: path, displayPath: file, into: sink)
        return sink.diagnostics.isEmpty ? sink.vectors : []
    }

    func outcome(_ v: Vector) -> CaseResult {
        let engine = KATEngine(implementation: LibCryptoImplementation(), results: RunResults())
        engine.enumerateVariants = false
        return engine.evaluate(v)
    }

    /// The vector with one number of its check changed.
    func planted(_ v: Vector, _ change: (inout FFCCheck) -> Void) -> Vector {
        var w = v
        guard case .ffc(var c) = v.operation else { return v }
        change(&c)
        w.operation = .ffc(c)
        return w
    }

    static func flip(_ b: [UInt8]?) -> [UInt8]? { b.map { $0.isEmpty ? [1] : [$0[0] ^ 1] + $0.dropFirst() } }

    #if DH
    @Test("KAS (RFC5114.txt): passes as given; a changed Z or YstatIUT fails")
    func kas() throws {
        guard let all = vectors("DH/RFC5114.txt", "kas", "DH") else {
            return print("skipped: no cache at \(Self.root)")
        }
        let v = try #require(all.first)
        #expect(outcome(v).outcome == .passed, "\(outcome(v).reason ?? "")")
        let z = outcome(planted(v) { $0.secret = Self.flip($0.secret) })
        #expect(z.outcome == .failed && (z.reason ?? "").contains("Z differs"), "\(z.reason ?? "")")
        #expect(outcome(planted(v) { $0.y = Self.flip($0.y) }).outcome == .failed)
    }
    #endif

    #if DSA
    @Test("DSA SigVer and SigGen.txt: a changed R fails a P record; F records pass by failing")
    func dsa() throws {
        guard let all = vectors("DSA/FIPS_186-3/SigVer.rsp", "sigver", "DSA") else {
            return print("skipped: no cache at \(Self.root)")
        }
        let pass = try #require(all.first { $0.expected == .output([]) })
        let fail = try #require(all.first { if case .failure = $0.expected { return true } else { return false } })
        #expect(outcome(pass).outcome == .passed)
        #expect(outcome(fail).outcome == .passed)
        #expect(outcome(planted(pass) { $0.r = Self.flip($0.r) }).outcome == .failed)
        let gen = try #require(vectors("DSA/FIPS_186-3/SigGen.txt", "siggen", "DSA")?.first)
        #expect(outcome(gen).outcome == .passed)
        // A wrong X: Y is no longer G^X.
        #expect(outcome(planted(gen) { $0.x = Self.flip($0.x) }).outcome == .failed)
    }
    #endif

    #if DH
    @Test("pyca DH files: a changed K fails; a changed RFC 3526 prime fails")
    func dh() throws {
        guard let vec = vectors("DH/vec.txt", "derive", "DH decimal") else {
            return print("skipped: no cache at \(Self.root)")
        }
        let v = try #require(vec.first { $0.expected == .output([]) })
        #expect(outcome(v).outcome == .passed)
        #expect(outcome(planted(v) { $0.secret = Self.flip($0.secret) }).outcome == .failed)
        let g = try #require(vectors("DH/rfc3526.txt", "group", "DH")?.first)
        #expect(outcome(g).outcome == .passed)
        #expect(outcome(planted(g) { $0.p = Array($0.p.dropLast()) + [($0.p.last ?? 0) ^ 2] }).outcome == .failed)
    }
    #endif

    /// In a build without the family (no-dsa, no-dh) its records are counted skips that say so,
    /// the reason the build matrix accepts; with it, none of them is such a skip.
    @Test("a DSA or DH record is 'disabled in this build' exactly where its trait is off")
    func disabledFamilies() throws {
        for (file, op, algorithm, trait) in [
            ("DSA/FIPS_186-3/SigVer.rsp", "sigver", "DSA", "DSA"), ("DH/rfc3526.txt", "group", "DH", "DH"),
        ] {
            guard let all = vectors(file, op, algorithm) else { return print("skipped: no cache at \(Self.root)") }
            let v = try #require(all.first)
            let r = outcome(v)
            if Catalog.isEnabled(trait: trait) {
                #expect(r.outcome == .passed, "\(file): \(r.reason ?? "")")
            } else {
                #expect(r.outcome == .skipped && r.expectedSkip == true, "\(file)")
                #expect(r.reason == "disabled in this build: needs \(trait)" || r.reason == "disabled in this build")
            }
        }
    }
}
