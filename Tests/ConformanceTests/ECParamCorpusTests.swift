import Foundation
import LibCrypto
import Testing

@testable import Conformance
@testable import Vectors

/// The `openssl-ecparam` corpus (OpenSSL's test/recipes/15-test_ecparam_data): the manifest's
/// mapping, the recipe's verdicts on LibCrypto, a flipped verdict failing, binary curves as the
/// EC2M skip, and re-encoding as the file itself for a valid explicit file (15-test_ecparam.t
/// checks `openssl ecparam` writes valid/ files back unchanged). Cases that read the OpenSSL
/// source tree are skipped (printed) when the cache is not set up.
#if EC
@Suite("OpenSSL's 15-test_ecparam files")
struct ECParamCorpusTests {
    static var data: String? {
        let env = ProcessInfo.processInfo.environment["CONFRUN_CACHE"] ?? ""
        let cache = env.isEmpty ? NSHomeDirectory() + "/.cache/swift-libcrypto" : env
        let base = cache + "/openssl"
        guard
            let tree = (try? FileManager.default.contentsOfDirectory(atPath: base))?.first(where: {
                $0.hasPrefix("openssl-3.0.")
            })
        else { return nil }
        let path = "\(base)/\(tree)/test/recipes/15-test_ecparam_data/"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    final class Sink: VectorSink {
        var vectors: [Vector] = []
        func vector(_ v: Vector) { vectors.append(v) }
        func diagnostic(_ d: Diagnostic) {}
    }

    func vector(_ file: String, valid: Bool) throws -> Vector? {
        guard let data = Self.data else { return nil }
        let sink = Sink()
        var parser = KeyFileParser(algorithm: "EC", corpus: "openssl-ecparam")
        parser.ecparamValid = valid
        parser.parse(path: data + file, displayPath: file, into: sink)
        return try #require(sink.vectors.first)
    }

    func outcome(_ v: Vector) -> CaseResult {
        let engine = KATEngine(implementation: LibCryptoImplementation(), results: RunResults())
        engine.enumerateVariants = false
        return engine.evaluate(v)
    }

    @Test("the manifest maps valid/ and noncanon/ to ecparam-valid, invalid/ to ecparam-invalid")
    func manifest() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let m = try Manifest.load(path: root.path + "/TestVectors/manifests/openssl-ecparam.manifest")
        #expect(m.corpus == "openssl-ecparam")
        #expect(m.entry(forRelativePath: "valid/prime256v1-explicit.pem")?.operation == "ecparam-valid")
        #expect(m.entry(forRelativePath: "noncanon/secp256k1-explicit.pem")?.operation == "ecparam-valid")
        #expect(m.entry(forRelativePath: "invalid/nistp256-offcurve.pem")?.operation == "ecparam-invalid")
        #expect(m.entry(forRelativePath: "invalid/nistp256-offcurve.pem")?.format == "key-file")
    }

    @Test("the recipe's verdicts hold on LibCrypto; a flipped verdict fails; binary curves per EC2M")
    func verdicts() throws {
        guard Self.data != nil else { return print("skipped: no OpenSSL source tree in the cache") }
        for (file, valid) in [
            ("invalid/nistp256-offcurve.pem", false), ("invalid/nistp256-nonprime.pem", false),
            ("invalid/nistp256-wrongorder.pem", false), ("valid/secp384r1-explicit.pem", true),
            ("valid/prime256v1-named.pem", true), ("noncanon/secp256k1-explicit.pem", true),
        ] {
            let v = try #require(try vector(file, valid: valid))
            let r = outcome(v)
            #expect(r.outcome == .passed, "\(file): \(r.reason ?? "")")
            let flipped = outcome(try #require(try vector(file, valid: !valid)))
            #expect(flipped.outcome == .failed, "\(file) with the verdict flipped: \(flipped.reason ?? "")")
        }
        let wrong = outcome(try #require(try vector("invalid/nistp256-wrongorder.pem", valid: false)))
        #expect((wrong.reason ?? "").contains("n·G is not the point at infinity"), "\(wrong.reason ?? "")")
        let binary = outcome(try #require(try vector("valid/sect163k1-named.pem", valid: true)))
        #if EC2M
        #expect(binary.outcome == .passed, "\(binary.reason ?? "")")
        let flippedBinary = outcome(try #require(try vector("valid/sect163k1-named.pem", valid: false)))
        #expect(flippedBinary.outcome == .failed, "sect163k1 with the verdict flipped")
        // Explicit binary parameters that match no named curve are built and checked (no
        // "unsupported" skip): the reducible pentanomial fails where OpenSSL fails, decoding G.
        let reducible = outcome(try #require(try vector("invalid/c2pnb208w1-reducible.pem", valid: false)))
        #expect(reducible.outcome == .passed, "\(reducible.reason ?? "")")
        #expect(
            (reducible.reason ?? "").contains("no inverse modulo the field polynomial"), "\(reducible.reason ?? "")")
        let accepted = outcome(try #require(try vector("invalid/c2pnb208w1-reducible.pem", valid: true)))
        #expect(accepted.outcome == .failed, "\(accepted.reason ?? "")")
        #else
        #expect(binary.outcome == .skipped && (binary.reason ?? "").contains("EC2M"), "\(binary.reason ?? "")")
        #endif
    }

    @Test("a valid explicit file re-encodes as itself (ecparam writes valid/ files back unchanged)")
    func reencodesAsTheFile() throws {
        guard let data = Self.data else { return print("skipped: no OpenSSL source tree in the cache") }
        for file in ["valid/secp384r1-explicit.pem", "valid/prime192v2-explicit.pem", "valid/secp112r1-named.pem"] {
            let text = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data + file)))
            let der = try #require(try PEM.parseAll(text).first).data
            let (curve, written) = try KeyFileSteps.ecGroup(try ECDomainParameters.parse(der: der, rules: .openSSL))
            try curve.check()
            #expect(written.derEncoded() == der, "\(file)")
        }
    }
}
#endif
