import Foundation
import LibCrypto
import Testing
import Vectors

@testable import Conformance

/// The public-key differential (corpus `interop-pkey`) on a small key pool, so that a debug
/// build runs it in seconds: two 1024-bit RSA keys (one from each library), DSA on RFC 5114's
/// 1024/160 group, DH on ffdhe2048 and dh_1024_160, EC on three curves (EC operations not scaled).
@Suite("Public-key differential against OpenSSL's EVP_PKEY")
struct PKeyDifferentialTests {
    static func engine(cases: Int, filter: String? = nil, results: RunResults) throws -> PKeyDifferential {
        let engine = PKeyDifferential(
            reference: try OpenSSLImplementation(), seed: 5, cases: cases, filter: filter, results: results)
        engine.rsaKeys = [(1024, 2), (1024, 2)]
        engine.dsaGroups = ["dh_1024_160"]
        engine.dhGroups = ["dh_1024_160", "ffdhe2048"]
        engine.ecScale = 1
        engine.ecCurveNames = ["prime256v1", "secp384r1", "brainpoolP256r1"]
        return engine
    }

    @Test("a small run agrees on every operation, keys crossing as DER both ways")
    func agrees() throws {
        let results = RunResults()
        let built = PKeyOperation.allCases.filter(\.isCompiledIn)
        let n = built.count * 4
        let engine = try Self.engine(cases: n, results: results)
        engine.run()
        #expect(results.total.total == n)
        #expect(results.ok, "\(results.problems.prefix(2).map { $0.reason ?? "" })")
        #expect(Set(results.cases.map(\.file)) == Set(built.map(\.rawValue)))
        #expect(results.cases.allSatisfy { $0.corpus == "interop-pkey" && $0.outcome == .passed })
        #expect(engine.reproducers.isEmpty)
    }

    #if EC && EC2M
    @Test("Oakley-EC2N-3/4 (no OID, even order): keys cross as explicit DER, ECDH agrees, ECDSA refused on both sides")
    func oakleyCurves() throws {
        for (filter, skipped) in [("ECDH", false), ("ECDSA", true)] {
            let results = RunResults()
            let engine = try Self.engine(cases: 8, filter: filter, results: results)
            engine.ecCurveNames = ["Oakley-EC2N-3", "Oakley-EC2N-4"]
            engine.run()
            #expect(results.total.total == 8)
            #expect(engine.reproducers.isEmpty)
            for c in results.cases {
                if skipped {
                    #expect(c.outcome == .skipped, "\(c.reason ?? "")")
                    #expect((c.reason ?? "").contains("group order is even"), "\(c.reason ?? "")")
                } else {
                    #expect(c.outcome == .passed, "\(c.reason ?? "")")
                }
            }
        }
    }
    #endif

    @Test("the operations are those of this build: DSA with trait DSA, DH with trait DH (no-dsa, no-dh)")
    func operationsOfThisBuild() throws {
        let engine = try Self.engine(cases: 1, results: RunResults())
        #expect(engine.operations.contains(.dsa) == Catalog.isEnabled(trait: "DSA"))
        #expect(engine.operations.contains(.dh) == Catalog.isEnabled(trait: "DH"))
        #expect(engine.operations.contains(.rsaOAEP) && engine.operations.contains(.keyDER))
        #if DSA
        #expect(engine.operations.contains(.dsa))
        #else
        #expect(!engine.operations.contains(.dsa))
        #endif
        #if DH
        #expect(engine.operations.contains(.dh))
        #else
        #expect(!engine.operations.contains(.dh))
        #endif
    }

    @Test("a planted wrong result (a flipped byte in what LibCrypto hands over) is a mismatch with seed, case and key")
    func plantedMismatch() throws {
        let results = RunResults()
        let engine = try Self.engine(cases: 24, filter: "sign/verify", results: results)
        engine.tamper = { bytes in
            if !bytes.isEmpty { bytes[bytes.count / 2] ^= 0x40 }
        }
        engine.run()
        let failed = results.cases.filter { $0.outcome == .failed }
        // Half the cases sign here (seeded coin): those signatures reach OpenSSL corrupted.
        #expect(failed.count >= 4)
        #expect(failed.count < results.total.total)
        for f in failed {
            let reason = f.reason ?? ""
            #expect(reason.contains("rejects LibCrypto's signature"), "\(reason.prefix(200))")
            #expect(reason.contains("seed 5, case "))
            #expect(reason.contains("private key DER 30"))
        }
        #expect(!engine.reproducers.isEmpty)
    }

    @Test("a planted wrong DH secret and a corrupted ciphertext are mismatches")
    func plantedDeriveAndDecrypt() throws {
        var filters = ["OAEP"]
        #if DH
        filters.insert("DH derive", at: 0)
        #endif
        for filter in filters {
            let results = RunResults()
            let engine = try Self.engine(cases: 8, filter: filter, results: results)
            engine.tamper = { bytes in
                if !bytes.isEmpty { bytes[0] ^= 0x01 }
            }
            engine.run()
            #expect(results.total.failed >= 1, "\(filter)")
        }
    }

    @Test("encrypted private keys cross both ways; a corrupted one from LibCrypto is a mismatch")
    func encryptedKeys() throws {
        let results = RunResults()
        let engine = try Self.engine(cases: 16, filter: "encrypted", results: results)
        engine.run()
        #expect(results.total.total == 16)
        #expect(results.ok, "\(results.problems.prefix(2).map { $0.reason ?? "" })")
        #expect(results.cases.allSatisfy { $0.outcome == .passed })
        let planted = RunResults()
        let tampered = try Self.engine(cases: 16, filter: "encrypted", results: planted)
        // The PEM text's 40th byte (in the Base64 body or the DEK-Info header) changed.
        tampered.tamper = { bytes in
            if bytes.count > 40 { bytes[40] = bytes[40] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A") }
        }
        tampered.run()
        #expect(planted.total.failed >= 1)
    }

    @Test("OpenSSL's key DER reads here and re-encodes to the same bytes; ours reads there")
    func derExchange() throws {
        let engine = try Self.engine(cases: 1, results: RunResults())
        for side in [true, false] {
            #if DSA
            let dsa = try engine.dsaPair(group: "dh_1024_160", openSSLGenerates: side)
            #expect(try dsa.theirs.privateDER() == dsa.privateDER)
            #expect(try PKeyDifferential.privateDER(dsa.ours) == dsa.privateDER)
            #endif
            #if DH
            let dh = try engine.dhPair(group: "dh_1024_160", openSSLGenerates: side)
            // X9.42 keys: PKCS#8 with dhpublicnumber (1.2.840.10046.2.1).
            #expect(Hex.encode(dh.privateDER).contains("06072a8648ce3e0201"))
            #expect(try dh.theirs.publicDER() == PKeyDifferential.publicDER(dh.ours))
            #endif
            _ = side
        }
        #if DSA && DH
        // A no-dh build takes RFC 5114's groups from OpenSSL for its DSA keys: the same numbers.
        for group in engine.dsaGroups + ["dh_2048_224", "dh_2048_256"] {
            #expect(
                try PKeyDER.rfc5114DSAParametersFromOpenSSL(group, reference: engine.reference)
                    == PKeyDER.rfc5114DSAParameters(group, reference: engine.reference), "\(group)")
        }
        #endif
        // OpenSSL refuses what is not a key.
        #expect(throws: (any Error).self) {
            try OpenSSLPKey.privateKey(der: [0x30, 0x03, 0x02, 0x01, 0x00], in: engine.reference)
        }
    }
}
