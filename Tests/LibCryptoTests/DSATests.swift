import Foundation
import Testing

@testable import LibCrypto

#if DSA
/// DSA: parameters, keys, signatures.
///
/// Expected values come from:
/// - NIST CAVS DSA files (FIPS 186-2 and FIPS 186-3: SigVer, SigGen with K, KeyPair, PQGGen,
///   PQGVer), read at test time from the cryptography-vectors cache (asymmetric/DSA/).
/// - The `openssl` 3.0 CLI: `openssl genpkey` DSA keys read from `openssl pkey -text -noout`;
///   `openssl dgst -sign` / `-prverify` on our messages and signatures (randomized signatures are
///   checked by verifying them, never by comparing them); our generated keys handed to OpenSSL
///   as DER written by `openssl asn1parse -genconf` and checked by `openssl pkey -check`.
@Suite("DSA")
struct DSATests {
    typealias S = FFCTestSupport

    static func skipNoCache() { print("skipped: cryptography-vectors cache not found at \(S.vectorRoot)") }

    static func parameters(_ r: [String: String]) throws -> DSAParameters {
        try DSAParameters(p: BigNum(hex: r["P"]!), q: BigNum(hex: r["Q"]!), g: BigNum(hex: r["G"]!))
    }

    // MARK: NIST vectors

    @Test("NIST SigVer (FIPS 186-2 and 186-3): verification agrees with every Result")
    func sigVer() throws {
        for (file, expected) in [("FIPS_186-2/SigVer.rsp", 15), ("FIPS_186-3/SigVer.rsp", 300)] {
            guard let text = S.vectorFile("DSA/" + file) else { return Self.skipNoCache() }
            var passed = 0
            var failed = 0
            for r in S.records(text, terminator: "Result") {
                let want = r["Result"]!.hasPrefix("P")
                var ok = false
                do {
                    let key = try DSAPublicKey(parameters: Self.parameters(r), y: BigNum(hex: r["Y"]!))
                    let md = try Registry.digest(named: S.digestName(mod: r["mod"]))
                    let sig = DSASignature(r: try BigNum(hex: r["R"]!), s: try BigNum(hex: r["S"]!))
                    try key.verify(signature: sig, digest: md.hash(TestHex.decode(r["Msg"]!)))
                    // The DER form verifies the same way.
                    try key.verify(signature: sig.derEncoded(), digest: md.hash(TestHex.decode(r["Msg"]!)))
                    ok = true
                } catch {}
                #expect(ok == want, "\(file) \(r["mod"] ?? "") R=\(r["R"]!.prefix(12)) \(r["Result"]!)")
                if want { passed += 1 } else { failed += 1 }
            }
            #expect(passed + failed == expected, "\(file)")
            #expect(passed > 0 && failed > 0)
        }
    }

    @Test("NIST SigGen.txt: signing with the given K gives R and S; the .rsp signatures verify")
    func sigGen() throws {
        for (file, expected) in [("FIPS_186-2/SigGen.txt", 15), ("FIPS_186-3/SigGen.txt", 300)] {
            guard let text = S.vectorFile("DSA/" + file) else { return Self.skipNoCache() }
            var count = 0
            for r in S.records(text, terminator: "S") {
                let params = try Self.parameters(r)
                let key = try DSAPrivateKey(parameters: params, x: BigNum(hex: r["X"]!))
                #expect(key.publicKey.y == (try BigNum(hex: r["Y"]!)))
                let md = try Registry.digest(named: S.digestName(mod: r["mod"]))
                let digest = try md.hash(TestHex.decode(r["Msg"]!))
                let sig = try key.signature(
                    forDigest: digest, using: { try Random.bytes(count: $0) }, fixedK: BigNum(hex: r["K"]!))
                #expect(sig.r == (try BigNum(hex: r["R"]!)), "\(file) \(r["mod"]!)")
                #expect(sig.s == (try BigNum(hex: r["S"]!)), "\(file) \(r["mod"]!)")
                // A fresh random signature verifies (it is never compared with a fixed one).
                try key.publicKey.verify(signature: key.sign(digest: digest), digest: digest)
                count += 1
            }
            #expect(count == expected, "\(file)")
        }
        for (file, expected) in [("FIPS_186-2/SigGen.rsp", 12), ("FIPS_186-3/SigGen.rsp", 300)] {
            guard let text = S.vectorFile("DSA/" + file) else { return Self.skipNoCache() }
            var count = 0
            for r in S.records(text, terminator: "S") {
                let key = try DSAPublicKey(parameters: Self.parameters(r), y: BigNum(hex: r["Y"]!))
                let md = try Registry.digest(named: S.digestName(mod: r["mod"]))
                try key.verify(
                    signature: DSASignature(r: BigNum(hex: r["R"]!), s: BigNum(hex: r["S"]!)),
                    digest: md.hash(TestHex.decode(r["Msg"]!)))
                count += 1
            }
            #expect(count == expected, "\(file)")
        }
    }

    @Test("NIST KeyPair: y = g^x mod p")
    func keyPair() throws {
        for (file, expected) in [("FIPS_186-2/KeyPair.rsp", 10), ("FIPS_186-3/KeyPair.rsp", 40)] {
            guard let text = S.vectorFile("DSA/" + file) else { return Self.skipNoCache() }
            var count = 0
            for r in S.records(text, terminator: "Y") {
                let key = try DSAPrivateKey(parameters: Self.parameters(r), x: BigNum(hex: r["X"]!))
                #expect(key.publicKey.y == (try BigNum(hex: r["Y"]!)), "\(file) \(r["mod"]!)")
                count += 1
            }
            #expect(count == expected)
        }
    }

    /// (L, N, digest) of a FIPS 186-3 `[mod = L=1024, N=160, SHA-1]` header.
    static func sizes(_ mod: String?) -> (l: Int, n: Int, digest: String)? {
        guard let mod else { return nil }
        let fields = mod.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "=" })
        guard let li = fields.firstIndex(of: "L"), let ni = fields.firstIndex(of: "N"),
            let l = Int(fields[li + 1]), let n = Int(fields[ni + 1])
        else { return nil }
        return (l, n, S.digestName(mod: mod))
    }

    /// The largest L the PQG tests regenerate in a debug build: a 2,048- or 3,072-bit p search
    /// runs hundreds of Miller–Rabin tests per record, minutes per file unoptimised.
    static let maxPQGBits = 1024

    @Test("NIST PQGGen (FIPS 186-3, L = 1024, one per digest): p, q and counter regenerate from the seed; g by A.2.3")
    func pqgGen() throws {
        guard let text = S.vectorFile("DSA/FIPS_186-3/PQGGen.rsp") else { return Self.skipNoCache() }
        var primes = 0
        var seenHeaders = Set<String>()
        for r in S.records(text, terminator: "counter") where r["section"]!.hasPrefix("A.1.1.2") {
            guard let (l, n, name) = Self.sizes(r["mod"]), l <= Self.maxPQGBits else { continue }
            // One record per [mod] header (each digest): a debug build takes ~10 s per record.
            guard seenHeaders.insert(r["mod"]!).inserted else { continue }
            let md = try Registry.digest(named: name)
            let found = try DSAParameters.probablePrimes(
                primeBits: l, subprimeBits: n, seed: TestHex.decode(r["domain_parameter_seed"]!), digest: md)
            #expect(found?.p == (try BigNum(hex: r["P"]!)), "\(r["mod"]!)")
            #expect(found?.q == (try BigNum(hex: r["Q"]!)))
            #expect(found?.counter == Int(r["counter"]!))
            primes += 1
        }
        #expect(primes == 5)
        var generators = 0
        let seedKeys = ["domain_parameter_seed", "firstseed", "pseed", "qseed"]
        for r in S.records(text, terminator: "G", reset: seedKeys) where r["section"]!.hasPrefix("A.2.3") {
            guard let (_, _, name) = Self.sizes(r["mod"]) else { continue }
            let md = try Registry.digest(named: name)
            let index = UInt8(r["index"]!, radix: 16)!
            // Shawe-Taylor primes: the seed is firstseed ‖ pseed ‖ qseed (FIPS 186-4 A.2.3 note).
            let seed =
                r["domain_parameter_seed"].map(TestHex.decode)
                ?? TestHex.decode(r["firstseed"]! + r["pseed"]! + r["qseed"]!)
            let g = try DSAParameters.canonicalGenerator(
                p: BigNum(hex: r["P"]!), q: BigNum(hex: r["Q"]!), seed: seed, index: index, digest: md)
            #expect(g == (try BigNum(hex: r["G"]!)), "\(r["mod"]!)")
            generators += 1
        }
        #expect(generators > 0)
        var unverifiable = 0
        for r in S.records(text, terminator: "G") where r["section"]!.hasPrefix("A.2.1") {
            try Self.parameters(r).checkGenerator()
            unverifiable += 1
        }
        #expect(unverifiable > 0)
        print("PQGGen: \(primes) A.1.1.2 (L=1024, one per digest), \(generators) A.2.3, \(unverifiable) A.2.1 records")
    }

    @Test("NIST PQGVer (FIPS 186-3): A.1.1.3 (L = 1024), A.2.2 and A.2.4 agree with every Result")
    func pqgVer() throws {
        guard let text = S.vectorFile("DSA/FIPS_186-3/PQGVer.rsp") else { return Self.skipNoCache() }
        var counts = [String: Int]()
        for r in S.records(text, terminator: "Result") {
            let section = r["section"]!
            guard let (l, _, name) = Self.sizes(r["mod"]) else { continue }
            let want = r["Result"]!.hasPrefix("P")
            var ok = false
            if section.hasPrefix("A.1.1.3") {
                guard l <= Self.maxPQGBits else { continue }
                do {
                    let params = try DSAParameters(p: BigNum(hex: r["P"]!), q: BigNum(hex: r["Q"]!), g: BigNum(2))
                    try params.validatePrimes(
                        seed: TestHex.decode(r["Seed"]!), counter: Int(r["c"]!)!, digestName: name)
                    ok = true
                } catch {}
            } else if section.hasPrefix("A.2.2") {
                ok = (try? Self.parameters(r).checkGenerator()) != nil
            } else if section.hasPrefix("A.2.4") {
                do {
                    try Self.parameters(r).validateCanonicalGenerator(
                        seed: TestHex.decode(r["domain_parameter_seed"]!), index: UInt8(r["index"]!, radix: 16)!,
                        digestName: name)
                    ok = true
                } catch {}
            } else {
                continue  // A.1.2.2 Shawe-Taylor: not implemented (OpenSSL 3.0 generates no Shawe-Taylor primes).
            }
            #expect(ok == want, "\(section.prefix(7)) \(r["mod"]!) \(r["Result"]!)")
            counts[String(section.prefix(7)) + (want ? " P" : " F"), default: 0] += 1
        }
        print("PQGVer:", counts.sorted { $0.key < $1.key })
        for key in ["A.1.1.3 P", "A.1.1.3 F", "A.2.2   P", "A.2.2   F", "A.2.4   P", "A.2.4   F"] {
            #expect(counts[key, default: 0] > 0, "no \(key) records checked")
        }
    }

    // MARK: Generation

    @Test("generated parameters and keys: valid by FIPS 186-4 A.1.1.3 / A.2.4, sign and verify")
    func generated() throws {
        let params = try DSAParameters.generate(primeBits: 1024, subprimeBits: 160, generatorIndex: 1)
        #expect(params.p.bitWidth == 1024 && params.q.bitWidth == 160)
        try params.check()
        let record = try #require(params.generation)
        try params.validatePrimes(seed: record.seed, counter: record.counter, digestName: record.digestName)
        try params.validateCanonicalGenerator(seed: record.seed, index: 1, digestName: record.digestName)
        let key = try DSAPrivateKey.generate(parameters: params)
        let sig = try key.sign(message: Array("generated".utf8), digestName: "SHA256")
        try key.publicKey.verify(signature: sig, message: Array("generated".utf8), digestName: "SHA256")
        #expect(throws: CryptoError.self) {
            try key.publicKey.verify(signature: sig, message: Array("generatee".utf8), digestName: "SHA256")
        }
        // Unverifiable g (OpenSSL's default).
        let plain = try DSAParameters.generate(primeBits: 1024, subprimeBits: 160)
        try plain.check()
        #expect(plain.generation?.generatorIndex == nil)
    }

    // MARK: Interop with the openssl CLI

    /// A key made by `openssl genpkey`, with its components from `openssl pkey -text -noout`.
    static func opensslKey(bits: Int, qBits: Int, directory: String) throws -> (DSAPrivateKey, String) {
        let paramPath = directory + "p\(bits).pem"
        let keyPath = directory + "k\(bits).pem"
        let (s1, _) = try S.openssl(
            [
                "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:\(bits)", "-pkeyopt",
                "dsa_paramgen_q_bits:\(qBits)", "-out", paramPath,
            ])
        #expect(s1 == 0)
        let (s2, _) = try S.openssl(["genpkey", "-paramfile", paramPath, "-out", keyPath])
        #expect(s2 == 0)
        let (_, text) = try S.openssl(["pkey", "-in", keyPath, "-text", "-noout"])
        let f = try S.textFields(text).numbers
        let params = try DSAParameters(p: f["P"]!, q: f["Q"]!, g: f["G"]!)
        let key = try DSAPrivateKey(parameters: params, x: f["priv"]!)
        #expect(key.publicKey.y == f["pub"]!)
        return (key, keyPath)
    }

    /// A traditional `DSAPrivateKey` DER (SEQUENCE { 0, p, q, g, y, x }) by `openssl asn1parse -genconf`.
    static func der(_ key: DSAPrivateKey, directory: String) throws -> String {
        let p = key.parameters
        var conf = "asn1=SEQUENCE:k\n[k]\nv=INTEGER:0\n"
        conf += "p=\(S.asn1Integer(p.p))\nq=\(S.asn1Integer(p.q))\ng=\(S.asn1Integer(p.g))\n"
        conf += "y=\(S.asn1Integer(key.publicKey.y))\nx=\(S.asn1Integer(key.x))\n"
        try conf.write(toFile: directory + "k.conf", atomically: true, encoding: .utf8)
        let (status, _) = try S.openssl(
            ["asn1parse", "-genconf", directory + "k.conf", "-out", directory + "k.der", "-noout"])
        #expect(status == 0)
        return directory + "k.der"
    }

    @Test("openssl keys: sign here/verify there and the reverse; our keys pass openssl pkey -check")
    func opensslInterop() throws {
        guard S.opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try S.tempDirectory("dsa")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var cases = 0
        for (bits, qBits) in [(1024, 160), (2048, 224), (2048, 256)] {
            let (key, path) = try Self.opensslKey(bits: bits, qBits: qBits, directory: dir)
            for (digestName, flag) in [("SHA1", "-sha1"), ("SHA256", "-sha256"), ("SHA512", "-sha512")] {
                let message = Array("DSA \(bits)/\(qBits) \(digestName)".utf8)
                try S.write(message, dir + "m")
                try S.write(key.sign(message: message, digestName: digestName), dir + "s")
                let (s1, _) = try S.openssl(["dgst", flag, "-prverify", path, "-signature", dir + "s", dir + "m"])
                #expect(s1 == 0, "openssl rejected our \(bits)/\(qBits) \(digestName) signature")
                let (s2, _) = try S.openssl(["dgst", flag, "-sign", path, "-out", dir + "s2", dir + "m"])
                #expect(s2 == 0)
                try key.publicKey.verify(signature: S.read(dir + "s2"), message: message, digestName: digestName)
                cases += 2
            }
        }
        // A key generated here, checked and used by OpenSSL.
        let params = try DSAParameters.generate(primeBits: 1024, subprimeBits: 160)
        let key = try DSAPrivateKey.generate(parameters: params)
        let path = try Self.der(key, directory: dir)
        let (c, out) = try S.openssl(["pkey", "-inform", "DER", "-in", path, "-check", "-noout"])
        #expect(c == 0 && String(decoding: out, as: UTF8.self).contains("valid"), "openssl pkey -check")
        let message = Array("ours".utf8)
        try S.write(message, dir + "m")
        try S.write(key.sign(message: message, digestName: "SHA256"), dir + "s")
        let (s1, _) = try S.openssl(
            ["dgst", "-sha256", "-keyform", "DER", "-prverify", path, "-signature", dir + "s", dir + "m"])
        #expect(s1 == 0)
        let (s2, _) = try S.openssl([
            "dgst", "-sha256", "-keyform", "DER", "-sign", path, "-out", dir + "s2", dir + "m",
        ])
        #expect(s2 == 0)
        try key.publicKey.verify(signature: S.read(dir + "s2"), message: message, digestName: "SHA256")
        print("DSA interop: \(cases + 2) signatures across OpenSSL and LibCrypto")
    }

    // MARK: Bad input

    @Test("bad signatures, parameters and keys are thrown errors")
    func badInput() throws {
        guard let text = S.vectorFile("DSA/FIPS_186-3/SigGen.txt") else { return Self.skipNoCache() }
        let r0 = try #require(S.records(text, terminator: "S").first)
        let params = try Self.parameters(r0)
        let key = try DSAPrivateKey(parameters: params, x: BigNum(hex: r0["X"]!))
        let pub = key.publicKey
        let digest = try Registry.digest(named: "SHA1").hash(TestHex.decode(r0["Msg"]!))
        let good = DSASignature(r: try BigNum(hex: r0["R"]!), s: try BigNum(hex: r0["S"]!))
        try pub.verify(signature: good, digest: digest)
        let q = params.q
        for bad in [
            DSASignature(r: .zero, s: good.s), DSASignature(r: good.r, s: .zero), DSASignature(r: q, s: good.s),
            DSASignature(r: good.r, s: q), DSASignature(r: good.r + q, s: good.s), DSASignature(r: -good.r, s: good.s),
        ] {
            #expect(throws: CryptoError.self) { try pub.verify(signature: bad, digest: digest) }
        }
        // Malformed DER: every case a thrown DECODE_ERROR.
        let der = try good.derEncoded()
        #expect(try DSASignature(derEncoded: der) == good)
        let rBytes = good.r.bytes()
        let negative: [UInt8] = [0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01]
        let nonMinimalInt: [UInt8] = [0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]
        let nonMinimalLength: [UInt8] = [0x30, 0x81, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]
        let indefinite: [UInt8] = [0x30, 0x80, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00]
        let threeInts: [UInt8] = [0x30, 0x09, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]
        let oneInt: [UInt8] = [0x30, 0x03, 0x02, 0x01, 0x01]
        let emptyInt: [UInt8] = [0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01]
        let wrongTag: [UInt8] = [0x31] + der.dropFirst()
        let innerTag: [UInt8] = [0x30, 0x06, 0x04, 0x01, 0x01, 0x02, 0x01, 0x01]
        let hugeLength: [UInt8] = [0x30, 0x84, 0x7F, 0xFF, 0xFF, 0xFF]
        let cases: [(String, [UInt8])] = [
            ("empty", []), ("truncated", Array(der.dropLast())), ("trailing byte", der + [0]),
            ("wrong tag", wrongTag), ("OCTET STRING inside", innerTag), ("negative INTEGER", negative),
            ("non-minimal INTEGER", nonMinimalInt), ("non-minimal length", nonMinimalLength),
            ("indefinite length", indefinite), ("three INTEGERs", threeInts), ("one INTEGER", oneInt),
            ("empty INTEGER", emptyInt), ("4-byte length", hugeLength), ("header only", [0x30]),
            ("r only bytes", rBytes),
        ]
        for (name, bytes) in cases {
            #expect(S.reason { _ = try DSASignature(derEncoded: bytes) } == "DECODE_ERROR", "\(name)")
            #expect(throws: CryptoError.self, "\(name)") { try pub.verify(signature: bytes, digest: digest) }
        }
        // Parameters and keys.
        let p = params.p
        #expect(S.reason { _ = try DSAParameters(p: p + .one, q: q, g: params.g) } == "INVALID_PARAMETERS")
        #expect(S.reason { _ = try DSAParameters(p: p, q: q + BigNum(2), g: params.g) } == "BAD_Q_VALUE")
        #expect(S.reason { _ = try DSAParameters(p: p, q: q, g: .one) } == "INVALID_PARAMETERS")
        #expect(S.reason { _ = try DSAParameters(p: p, q: q, g: p) } == "INVALID_PARAMETERS")
        let big = try BigNum.one.shiftedLeft(by: 10_001) + .one
        #expect(S.reason { _ = try DSAParameters(p: big, q: q, g: params.g) } == "MODULUS_TOO_LARGE")
        #expect(S.reason { _ = try DSAPrivateKey(parameters: params, x: .zero) } == "INVALID_PARAMETERS")
        #expect(S.reason { _ = try DSAPrivateKey(parameters: params, x: q) } == "INVALID_PARAMETERS")
        #expect(S.reason { _ = try DSAPublicKey(parameters: params, y: .one) } == "INVALID_PARAMETERS")
        #expect(S.reason { _ = try DSAPublicKey(parameters: params, y: p) } == "INVALID_PARAMETERS")
        // A toy group: q of 4 bits is refused for verification (BAD_Q_VALUE) and for signing.
        let toy = try DSAParameters(p: BigNum(23), q: BigNum(11), g: BigNum(4))
        let toyKey = try DSAPrivateKey(parameters: toy, x: BigNum(3))
        #expect(
            S.reason { try toyKey.publicKey.verify(signature: DSASignature(r: .one, s: .one), digest: [1]) }
                == "BAD_Q_VALUE")
        #expect(throws: CryptoError.self) { _ = try toyKey.sign(digest: [1]) }
        #expect(throws: CryptoError.self) { _ = try DSAParameters.generate(primeBits: 1024, subprimeBits: 256) }
        #expect(throws: CryptoError.self) {
            _ = try DSAParameters.generate(primeBits: 2048, subprimeBits: 256, digestName: "SHA1")
        }
    }
}
#endif
