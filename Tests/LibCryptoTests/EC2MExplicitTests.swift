import Foundation
import Testing

@testable import LibCrypto

// Binary curves beyond the word-wise named ones (trait EC2M): the general GF(2^m) reduction and
// the irreducibility test, explicit binary parameters read with OpenSSL's checks (the refusals
// compared with `openssl ecparam -check` on the same DER, keys on an accepted curve compared
// with `openssl ecparam -genkey`/`openssl ec -text`), and RFC 2409's Oakley-EC2N-3/4 (even
// order): keys and ECDH against `openssl pkeyutl -derive`, keys generated here read back by
// `openssl ec`, ECDSA refused on both sides. Irreducible polynomials named below are the
// standard ones (GCM's x^128 + x^7 + x^2 + x + 1, CMAC's x^64 + x^4 + x^3 + x + 1, the cyclotomic x^6 + x^3 + 1; x^6 + x^2 + 1 = (x^3 + x + 1)²).

#if EC && EC2M
@Suite("Binary curves from explicit parameters, and the Oakley curves (EC2M)")
struct EC2MExplicitTests {
    /// `z mod f` one bit at a time, from the top (the textbook reduction; an independent path).
    static func naiveReduce(_ z: [UInt64], _ exponents: [Int]) -> [UInt64] {
        var z = z
        let m = exponents[0]
        for bit in stride(from: z.count * 64 - 1, through: m, by: -1) where (z[bit / 64] >> UInt64(bit % 64)) & 1 == 1 {
            for e in [m] + exponents.dropFirst() + [0] {
                let t = bit - m + e
                z[t / 64] ^= UInt64(1) << UInt64(t % 64)
            }
        }
        return Array(z[0..<((m + 63) / 64)])
    }

    @Test("field: the chunked reduction equals bit-by-bit reduction for any basis (m ≤ 64, 64 | m, small gaps)")
    func generalReduction() throws {
        var seed: UInt64 = 0x1234_5678_9ABC_DEF1
        for exps in [
            [4, 1], [64, 4, 3, 1], [128, 7, 2, 1], [100, 99], [163, 7, 6, 3], [208, 61, 2, 1], [661, 660, 2, 1],
            [2, 1], [155, 62], [571, 10, 5, 2],
        ] {
            let f = try #require(EC2MField(exponents: exps), "\(exps)")
            for _ in 0..<4 {
                var z = [UInt64](repeating: 0, count: 2 * f.n)
                for i in 0..<z.count {
                    seed ^= seed << 13
                    seed ^= seed >> 7
                    seed ^= seed << 17
                    z[i] = seed
                }
                // A product's degree is below 2m − 1: clear the bits from 2m − 1 up.
                for bit in (2 * f.m - 1)..<(z.count * 64) { z[bit / 64] &= ~(UInt64(1) << UInt64(bit % 64)) }
                let want = Self.naiveReduce(z, exps)
                var z1 = z
                #expect(f.reduceInChunks(&z1) == want, "\(exps) chunked")
                var z2 = z
                #expect(f.reduce(&z2) == want, "\(exps) reduce (word-wise: \(f.wordwise))")
            }
        }
    }

    @Test("field: Ben-Or's test finds the catalog polynomials irreducible, and x^208 + x^61 + x^2 + x + 1 not")
    func irreducibility() throws {
        for curve in ECCurve.allBinary {
            #expect(try #require(curve.binaryGroup).field.isIrreducible, "\(curve.name)")
        }
        for (exps, irreducible) in [
            ([4, 1], true), ([4, 2], false), ([64, 4, 3, 1], true), ([128, 7, 2, 1], true),
            ([208, 61, 2, 1], false), ([208, 83, 2, 1], true), ([6, 3], true), ([6, 2], false), ([3, 1], true),
        ] {
            #expect(try #require(EC2MField(exponents: exps)).isIrreducible == irreducible, "\(exps)")
        }
        // x^208 + x^61 + x^2 + x + 1 = (x^2 + x + 1)·(…): the factor divides c2pnb208w1-reducible's x.
        let f = try #require(EC2MField(exponents: [208, 61, 2, 1]))
        var x2x1 = f.zero
        x2x1[0] = 7
        #expect(f.checkedDivide(f.one, x2x1) == nil)
    }

    /// `openssl ecparam -inform DER -check` on parameters: whether OpenSSL accepts them.
    static func opensslAccepts(_ der: [UInt8]) throws -> Bool {
        try ECTests.runBytes(["ecparam", "-inform", "DER", "-check", "-noout"], input: der).0 == 0
    }

    static func curve(_ e: ECExplicitParameters) throws -> ECCurve {
        try ECCurve(
            explicitBinary: try e.characteristicTwoExponents(), a: try BigNum(bytes: e.a), b: try BigNum(bytes: e.b),
            generator: e.base, order: e.order, cofactor: e.cofactor)
    }

    /// sect163k1's explicit parameters as `openssl ecparam -param_enc explicit` writes them.
    static func explicitSect163k1() throws -> ECExplicitParameters {
        let (status, der) = try ECTests.runBytes([
            "ecparam", "-name", "sect163k1", "-param_enc", "explicit", "-outform", "DER",
        ])
        try #require(status == 0)
        guard case .explicit(let e) = try ECDomainParameters.parse(der: der) else {
            throw CryptoError(.invalidParameter, "not explicit")
        }
        return e
    }

    @Test("c2pnb208w1-reducible.pem: refused where OpenSSL refuses it, decoding G (y/x needs x invertible)")
    func reducibleFile() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let cache = NSHomeDirectory() + "/.cache/swift-libcrypto/openssl/"
        guard
            let tree = (try? FileManager.default.contentsOfDirectory(atPath: cache))?.first(where: {
                $0.hasPrefix("openssl-3.0.")
            })
        else { return print("skipped: no OpenSSL source tree in the cache") }
        let path = cache + tree + "/test/recipes/15-test_ecparam_data/invalid/c2pnb208w1-reducible.pem"
        let block = try #require(try PEM.parseAll(Array(try Data(contentsOf: URL(fileURLWithPath: path)))).first)
        #expect(try !Self.opensslAccepts(block.data))
        guard case .explicit(let e) = try ECDomainParameters.parse(der: block.data, rules: .openSSL) else {
            Issue.record("not explicit parameters")
            return
        }
        #expect(try e.characteristicTwoExponents() == [208, 61, 2, 1])
        do {
            _ = try Self.curve(e)
            Issue.record("c2pnb208w1-reducible accepted")
        } catch let error as CryptoError {
            #expect("\(error)".contains("no inverse modulo the field polynomial"), "\(error)")
        }
        // The same parameters with G uncompressed: decoding needs no division; G is off the curve.
        var off = e
        off.base[0] = 4
        #expect(ECTests.reason { try Self.curve(off) } == "POINT_IS_NOT_ON_CURVE")
    }

    @Test("basis and size checks give OpenSSL's reasons, and OpenSSL refuses the same DER")
    func basisChecks() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let e = try Self.explicitSect163k1()
        func field(_ m: Int, _ basis: String, _ k: [Int]) throws -> [UInt8] {
            var w = DERWriter()
            try w.writeSequence { s in
                s.writeInteger(m)
                s.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: basis))
                if k.count == 1 {
                    s.writeInteger(k[0])
                } else {
                    s.writeSequence { p in for v in k { p.writeInteger(v) } }
                }
            }
            return w.bytes
        }
        let tp = "1.2.840.10045.1.2.3.2"
        let pp = "1.2.840.10045.1.2.3.3"
        for (params, reason) in [
            (try field(700, tp, [1]), "FIELD_TOO_LARGE"), (try field(163, tp, [163]), "INVALID_TRINOMIAL_BASIS"),
            (try field(163, tp, [0]), "INVALID_TRINOMIAL_BASIS"),
            (try field(163, pp, [6, 3, 7]), "INVALID_PENTANOMIAL_BASIS"),
            (try field(163, pp, [3, 6, 163]), "INVALID_PENTANOMIAL_BASIS"),
            (try field(163, "1.2.840.10045.1.2.3.1", [0]), "NOT_IMPLEMENTED"),
        ] {
            var bad = e
            bad.fieldParameters = params
            #expect(ECTests.reason { try bad.characteristicTwoExponents() } == reason, "\(reason)")
            #expect(try !Self.opensslAccepts(ECDomainParameters.explicit(bad).derEncoded()), "\(reason)")
        }
        // A reducible trinomial that keeps every other check: OpenSSL's load may pass or fail on
        // it; LibCrypto refuses it (INVALID_FIELD), being stricter.
        var reducible = e
        reducible.fieldParameters = try field(163, tp, [81])
        #expect(ECTests.reason { try Self.curve(reducible) } != nil)
    }

    @Test("an explicit curve no catalog entry matches (sect163k1 with G moved to 2·G) works as in OpenSSL")
    func movedGenerator() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let named = try ECCurve.named("sect163k1")
        var e = try Self.explicitSect163k1()
        let g2 = try named.generator.multiplied(by: BigNum(2))
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for form in [ECPointConversionForm.uncompressed, .compressed, .hybrid] {
            e.base = g2.encoded(form)
            let der = ECDomainParameters.explicit(e).derEncoded()
            #expect(try Self.opensslAccepts(der), "\(form)")
            let curve = try Self.curve(e)
            #expect(curve.isExplicit && curve.isBinary && curve.name == "explicit-binary-163")
            #expect(curve.generator == ECPoint(trustedX: g2.x, y: g2.y, curve: curve))
            #expect(curve != named)
            // Keys OpenSSL generates on these parameters: d·G' here is OpenSSL's public point.
            try Data(der).write(to: URL(fileURLWithPath: dir + "p.der"))
            let (s1, pem) = try ECTests.run(["ecparam", "-inform", "DER", "-in", dir + "p.der", "-genkey", "-noout"])
            try #require(s1 == 0)
            let (s2, text) = try ECTests.run(["ec", "-text", "-noout"], input: Array(pem.utf8))
            try #require(s2 == 0)
            let fields = try ECTests.textFields(text)
            let key = try ECPrivateKey(curve: curve, d: try #require(fields["priv"]))
            var pub = try #require(fields["pub"]).bytes()
            pub = [UInt8](repeating: 0, count: 1 + 2 * curve.fieldByteCount - pub.count) + pub
            #expect(key.publicKey.encoded() == pub, "\(form)")
        }
    }

    // MARK: Oakley-EC2N-3 and -4

    static let oakley = ["Oakley-EC2N-3", "Oakley-EC2N-4"]

    @Test("Oakley-EC2N-3/4: ECDH with OpenSSL keys matches openssl pkeyutl -derive, cofactor mode included")
    func oakleyECDH() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in Self.oakley {
            let curve = try ECCurve.named(name)
            #expect(curve.isBinary && !curve.order.isOdd && !curve.isExplicit)
            let a = try ECTests.opensslKey(name)
            let b = try ECTests.opensslKey(name)
            try a.pem.write(toFile: dir + "a.pem", atomically: true, encoding: .utf8)
            try b.pem.write(toFile: dir + "b.pem", atomically: true, encoding: .utf8)
            let (s0, _) = try ECTests.run(["pkey", "-in", dir + "b.pem", "-pubout", "-out", dir + "b.pub"])
            try #require(s0 == 0)
            let ours = try ECPrivateKey(curve: curve, d: a.d)
            let peer = try ECPublicKey(encoded: try #require(b.forms[.uncompressed]), curve: curve)
            for cofactor in [false, true] {
                var args = ["pkeyutl", "-derive", "-inkey", dir + "a.pem", "-peerkey", dir + "b.pub"]
                if cofactor { args += ["-pkeyopt", "ecdh_cofactor_mode:1"] }
                let (status, expected) = try ECTests.runBytes(args)
                try #require(status == 0, "openssl pkeyutl -derive on \(name)")
                #expect(try ours.sharedSecret(with: peer, cofactorMode: cofactor) == expected, "\(name) \(cofactor)")
            }
        }
    }

    @Test("Oakley-EC2N-3/4: a key generated here reads in openssl ec (same public point) and derives with OpenSSL")
    func oakleyGeneratedKey() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in Self.oakley {
            let curve = try ECCurve.named(name)
            let (s0, params) = try ECTests.runBytes(["ecparam", "-name", name, "-outform", "DER"])
            try #require(s0 == 0)
            let mine = try ECPrivateKey.generate(curve: curve)
            let sec1 = SEC1ECPrivateKey(
                version: 1, privateKey: mine.rawRepresentation,
                parameters: try ECDomainParameters.parse(der: params), publicKey: nil)
            try Data(sec1.derEncoded()).write(to: URL(fileURLWithPath: dir + "mine.der"))
            let (s1, text) = try ECTests.run(["ec", "-inform", "DER", "-in", dir + "mine.der", "-text", "-noout"])
            try #require(s1 == 0, "openssl ec reads the key generated here")
            var pub = try #require(try ECTests.textFields(text)["pub"]).bytes()
            pub = [UInt8](repeating: 0, count: 1 + 2 * curve.fieldByteCount - pub.count) + pub
            #expect(mine.publicKey.encoded() == pub, "\(name)")
            #expect(try ECTests.run(["ec", "-inform", "DER", "-in", dir + "mine.der", "-check", "-noout"]).0 == 0)
            // ECDH: OpenSSL with the key generated here and an OpenSSL key's public half.
            let theirs = try ECTests.opensslKey(name)
            try theirs.pem.write(toFile: dir + "t.pem", atomically: true, encoding: .utf8)
            #expect(try ECTests.run(["pkey", "-in", dir + "t.pem", "-pubout", "-out", dir + "t.pub"]).0 == 0)
            let (s2, expected) = try ECTests.runBytes([
                "pkeyutl", "-derive", "-keyform", "DER", "-inkey", dir + "mine.der", "-peerkey", dir + "t.pub",
            ])
            try #require(s2 == 0)
            let peer = try ECPublicKey(encoded: try #require(theirs.forms[.uncompressed]), curve: curve)
            #expect(try mine.sharedSecret(with: peer) == expected, "\(name)")
        }
    }

    @Test("Oakley-EC2N-3/4: ECDSA is refused here with a thrown error, as openssl pkeyutl -sign fails")
    func oakleyECDSARefused() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let digest = [UInt8](repeating: 0x5A, count: 32)
        for name in Self.oakley {
            let curve = try ECCurve.named(name)
            let k = try ECTests.opensslKey(name)
            try k.pem.write(toFile: dir + "k.pem", atomically: true, encoding: .utf8)
            try Data(digest).write(to: URL(fileURLWithPath: dir + "d"))
            let (status, _) = try ECTests.runBytes(["pkeyutl", "-sign", "-inkey", dir + "k.pem", "-in", dir + "d"])
            #expect(status != 0, "openssl signs on \(name)")
            let key = try ECPrivateKey(curve: curve, d: k.d)
            for body in [
                { _ = try key.sign(digest: digest) }, { _ = try key.sign(digest: digest, deterministic: true) },
                { try key.publicKey.verify(signature: ECDSASignature(r: BigNum(1), s: BigNum(1)), digest: digest) },
            ] as [() throws -> Void] {
                do {
                    try body()
                    Issue.record("ECDSA on \(name) did not throw")
                } catch let e as CryptoError {
                    #expect(e.code == .unsupportedOperation, "\(e)")
                    #expect("\(e)".contains("even"), "\(e)")
                }
            }
        }
    }
}
#endif
