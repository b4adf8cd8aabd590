import Foundation
import Testing

@testable import LibCrypto

// Binary-field elliptic curves (trait EC2M): the catalog, the field, points and their
// encodings, ECDH and ECDSA. Expected values come from the openssl CLI, run at test time
// (`openssl ecparam`, `openssl ec`, `openssl pkeyutl`); the field identities below hold in any
// field and are checked between independent code paths (hardware and generic products,
// Itoh–Tsujii against Fermat's a^(2^m − 2) by square-and-multiply).

#if EC && EC2M
@Suite("Elliptic curves over binary fields (EC2M)")
struct EC2MTests {
    /// The binary curves whose keys OpenSSL writes with an OID (all of the catalog's).
    static var withOID: [ECCurve] { ECCurve.allBinary.filter { !$0.oid.isEmpty } }

    @Test("every binary curve of `openssl ecparam -list_curves` is in the catalog, with OpenSSL's values")
    func catalogMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let (_, list) = try ECTests.run(["ecparam", "-list_curves"])
        var names: [String] = []
        for line in list.split(separator: "\n") where line.hasPrefix("  ") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            names.append(line[..<colon].trimmingCharacters(in: .whitespaces))
        }
        var binary: [String] = []
        for name in names {
            let (status, text) = try ECTests.run([
                "ecparam", "-name", name, "-param_enc", "explicit", "-text", "-noout",
            ])
            try #require(status == 0, "openssl ecparam -name \(name)")
            guard text.contains("Field Type: characteristic-two-field") else { continue }
            let f = try ECTests.textFields(text)
            binary.append(name)
            let curve = try ECCurve.named(name)
            #expect(curve.isBinary)
            #expect(curve.name == name)
            #expect(curve.p == f["Polynomial"], "\(name) polynomial")
            #expect(curve.a == f["A"], "\(name) a")
            #expect(curve.b == f["B"], "\(name) b")
            #expect(curve.order == f["Order"], "\(name) n")
            #expect(curve.cofactor == f["Cofactor"], "\(name) h")
            #expect(curve.fieldBitCount == curve.p.bitWidth - 1)
            let g = try #require(f["Generator (uncompressed)"]).bytes()
            // The text drops leading zero bytes of the number; the encoding has 1 + 2·⌈m/8⌉.
            let padded = [UInt8](repeating: 0, count: 1 + 2 * curve.fieldByteCount - g.count) + g
            #expect(padded == curve.generator.encoded(), "\(name) G")
            let (s2, der) = try ECTests.runBytes(["ecparam", "-name", name, "-outform", "DER"])
            #expect(s2 == 0)
            if curve.oid.isEmpty {
                #expect(der.first == 0x30, "\(name): OpenSSL writes explicit parameters for a curve without OID")
            } else {
                #expect(ECTests.dottedOID(der) == curve.oid, "\(name) OID")
                #expect(try ECCurve.named(curve.oid) == curve)
            }
        }
        #expect(binary.count == ECCurve.allBinary.count, "openssl \(binary.count), catalog \(ECCurve.allBinary.count)")
        #expect(Set(binary) == Set(ECCurve.allBinary.map(\.name)))
        // Oakley-EC2N-3/4 included: no OID, an even order (ECDSA refused, keys and ECDH work).
        #expect(binary.contains("Oakley-EC2N-3") && binary.contains("Oakley-EC2N-4"))
        print("EC2M catalog: \(binary.count) binary curves match openssl ecparam")
    }

    @Test("names: the NIST aliases K-163 … B-571 and OIDs find the binary curves")
    func lookup() throws {
        #expect(try ECCurve.named("B-163").name == "sect163r2")
        #expect(try ECCurve.named("k-283").name == "sect283k1")
        #expect(try ECCurve.named("B-571").name == "sect571r1")
        #expect(try ECCurve.named("1.3.132.0.1").name == "sect163k1")
        #expect(try ECCurve.named("wap-wsg-idm-ecid-wtls10").name == "wap-wsg-idm-ecid-wtls10")
        #expect(try ECCurve.named("P-256").name == "prime256v1")
        #expect(throws: CryptoError.self) { try ECCurve.named("") }
    }

    /// A deterministic pseudo-random element of the field (xorshift; test data only).
    static func element(_ f: EC2MField, seed: inout UInt64) -> [UInt64] {
        var r = f.zero
        for i in 0..<f.n {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            r[i] = seed
        }
        let top = f.m % 64
        r[f.n - 1] &= (UInt64(1) << UInt64(top)) - 1
        return r
    }

    @Test("field: hardware and generic products agree; a·a⁻¹ = 1; Itoh–Tsujii = a^(2^m − 2); √a² = a; z² + z = β")
    func fieldIdentities() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for curve in ECCurve.allBinary {
            let f = try #require(curve.binaryGroup).field
            for _ in 0..<3 {
                let a = Self.element(f, seed: &seed)
                let b = Self.element(f, seed: &seed)
                // The product by the schoolbook bit-serial path (the generic one) and by mul.
                var z = [UInt64](repeating: 0, count: 2 * f.n)
                for i in 0..<f.n {
                    for j in 0..<f.n {
                        let (lo, hi) = EC2MField.clmul(a[i], b[j])
                        z[i + j] ^= lo
                        z[i + j + 1] ^= hi
                    }
                }
                #expect(f.reduce(&z) == f.mul(a, b), "\(curve.name) product")
                #expect(f.sqr(a) == f.mul(a, a), "\(curve.name) square")
                let inv = f.inverse(a)
                #expect(f.mul(a, inv) == f.one, "\(curve.name) inverse")
                // Fermat by square-and-multiply over the bits of 2^m − 2 (all ones but bit 0).
                var fermat = f.one
                for bit in stride(from: f.m - 1, through: 0, by: -1) {
                    fermat = f.sqr(fermat)
                    if bit != 0 { fermat = f.mul(fermat, a) }
                }
                #expect(fermat == inv, "\(curve.name) Itoh–Tsujii vs Fermat")
                #expect(f.sqr(f.squareRoot(a)) == a, "\(curve.name) square root")
                let beta = f.add(f.sqr(b), b)
                let solved = try #require(f.solveQuadratic(beta), "\(curve.name) z² + z = β")
                #expect(f.add(f.sqr(solved), solved) == beta)
            }
        }
    }

    @Test("d·G equals the public key of an OpenSSL key on every binary curve, in every encoding")
    func scalarMultiplicationMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        var checked = 0
        for curve in ECCurve.allBinary {
            let key = try ECTests.opensslKey(curve.name)
            let q = try curve.generator.multiplied(by: key.d)
            for (form, bytes) in key.forms {
                var expected = bytes
                let length = form == .compressed ? 1 + curve.fieldByteCount : 1 + 2 * curve.fieldByteCount
                if expected.count < length {
                    expected = [UInt8](repeating: 0, count: length - expected.count) + expected
                }
                #expect(q.encoded(form) == expected, "\(curve.name) \(form)")
                #expect(try ECPoint(encoded: expected, curve: curve) == q, "\(curve.name) decode \(form)")
            }
            #expect(curve.generator.multipliedPublic(by: key.d.limbs) == q)
            // Group laws: n·G = ∞, P + (−P) = ∞, P + P = 2·P.
            #expect(curve.generator.multipliedPublic(by: curve.order.limbs).isInfinity)
            #expect(try q.adding(q.negated()).isInfinity)
            #expect(try q.adding(q) == (try q.multiplied(by: BigNum(2))))
            checked += 1
        }
        print("EC2M: d·G matches openssl on \(checked) binary curves")
    }

    @Test("the generic (no PCLMULQDQ) products: d·G matches openssl, and decoding every form round-trips")
    func genericProductsMatchOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        // Odd and even m, trinomials and pentanomials, one to nine limbs.
        for name in ["wap-wsg-idm-ecid-wtls1", "sect163k1", "c2pnb208w1", "c2tnb431r1", "sect571r1"] {
            let curve = try ECCurve.named(name)
            let key = try ECTests.opensslKey(curve.name)
            let expected = try #require(key.forms[.uncompressed])
            let length = 1 + 2 * curve.fieldByteCount
            let padded = [UInt8](repeating: 0, count: length - expected.count) + expected
            try HardwareSupport.withVariant("generic") {
                let q = try curve.generator.multiplied(by: key.d)
                #expect(q.encoded() == padded, "\(name) d·G without PCLMULQDQ")
                for form in [ECPointConversionForm.compressed, .uncompressed, .hybrid] {
                    #expect(try ECPublicKey(encoded: q.encoded(form), curve: curve).point == q, "\(name) \(form)")
                }
            }
        }
    }

    @Test("ECDH against openssl pkeyutl -derive on the binary curves, cofactor mode included")
    func ecdhMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var count = 0
        for curve in Self.withOID {
            let a = try ECTests.opensslKey(curve.name)
            let b = try ECTests.opensslKey(curve.name)
            try a.pem.write(toFile: dir + "a.pem", atomically: true, encoding: .utf8)
            let ours = try ECPrivateKey(curve: curve, d: a.d)
            let peer = try ECPublicKey(encoded: try #require(b.forms[.uncompressed]), curve: curve)
            try Data(try ECTests.spki(peer)).write(to: URL(fileURLWithPath: dir + "b.der"))
            for cofactor in [false, true] {
                var args = [
                    "pkeyutl", "-derive", "-inkey", dir + "a.pem", "-peerkey", dir + "b.der", "-peerform", "DER",
                ]
                if cofactor { args += ["-pkeyopt", "ecdh_cofactor_mode:1"] }
                let (status, expected) = try ECTests.runBytes(args)
                try #require(status == 0, "openssl pkeyutl -derive on \(curve.name)")
                #expect(
                    try ours.sharedSecret(with: peer, cofactorMode: cofactor) == expected, "\(curve.name) \(cofactor)")
                count += 1
            }
        }
        print("EC2M ECDH: \(count) shared secrets match openssl pkeyutl -derive")
    }

    @Test("ECDSA with openssl on the binary curves: ours pass pkeyutl -verify, OpenSSL's pass ours")
    func ecdsaMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var count = 0
        for curve in Self.withOID {
            let k = try ECTests.opensslKey(curve.name)
            try k.pem.write(toFile: dir + "k.pem", atomically: true, encoding: .utf8)
            let key = try ECPrivateKey(curve: curve, d: k.d)
            let digest = try Registry.digest(named: "SHA256").hash(Array("EC2M \(curve.name)".utf8))
            try Data(digest).write(to: URL(fileURLWithPath: dir + "d"))
            try Data(try ECTests.spki(key.publicKey)).write(to: URL(fileURLWithPath: dir + "pub.der"))
            try Data(try key.sign(digest: digest)).write(to: URL(fileURLWithPath: dir + "s"))
            let (v, _) = try ECTests.run([
                "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", dir + "pub.der", "-in", dir + "d",
                "-sigfile", dir + "s",
            ])
            #expect(v == 0, "openssl rejected our \(curve.name) signature")
            let (s, sig) = try ECTests.runBytes(["pkeyutl", "-sign", "-inkey", dir + "k.pem", "-in", dir + "d"])
            try #require(s == 0)
            #expect(throws: Never.self) { try key.publicKey.verify(signature: sig, digest: digest) }
            var other = digest
            other[0] ^= 1
            #expect(throws: CryptoError.self) { try key.publicKey.verify(signature: sig, digest: other) }
            count += 2
        }
        print("EC2M ECDSA interop: \(count) signatures across OpenSSL and LibCrypto")
    }

    @Test("bad binary-curve points are thrown errors with OpenSSL's reasons")
    func badInput() throws {
        let curve = try ECCurve.named("sect283k1")
        let g = curve.generator
        let length = curve.fieldByteCount
        let reason = ECTests.reason
        var offCurve = g.encoded()
        offCurve[offCurve.count - 1] ^= 1
        #expect(reason { try ECPoint(encoded: offCurve, curve: curve) } == "POINT_IS_NOT_ON_CURVE")
        // A coordinate with a bit at or above x^m: 283 bits fit 36 bytes with 5 bits to spare.
        var high = g.encoded()
        high[1] |= 0x80
        #expect(reason { try ECPoint(encoded: high, curve: curve) } == "INVALID_ENCODING")
        var highY = g.encoded()
        highY[1 + length] |= 0x80
        #expect(reason { try ECPoint(encoded: highY, curve: curve) } == "INVALID_ENCODING")
        var highC = g.encoded(.compressed)
        highC[1] |= 0x80
        #expect(reason { try ECPoint(encoded: highC, curve: curve) } == "INVALID_ENCODING")
        #expect(
            reason { try ECPoint(x: curve.p, y: g.y, curve: curve) } == "COORDINATES_OUT_OF_RANGE")
        var hybrid = g.encoded(.hybrid)
        hybrid[0] ^= 1
        #expect(reason { try ECPoint(encoded: hybrid, curve: curve) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: Array(g.encoded().dropLast()), curve: curve) } == "INVALID_ENCODING")
        // A compressed x with no point: the first x = 1, 2, … for which z² + z = x + a + b/x² has
        // no solution (half the x do not); OpenSSL refuses the same bytes.
        let f = try #require(curve.binaryGroup).field
        var x = BigNum.one
        while curve.binaryGroup!.decompress(x: f.element(x.limbs), yBit: 0) != nil { x += .one }
        let bad = [2] + (try x.bytes(paddedTo: length))
        #expect(reason { try ECPoint(encoded: bad, curve: curve) } == "INVALID_COMPRESSED_POINT")
        if opensslPath != nil {
            var w = DERWriter()
            try w.writeSequence { spki in
                try spki.writeSequence { alg in
                    alg.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "1.2.840.10045.2.1"))
                    alg.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: curve.oid))
                }
                try spki.writeBitString(bad)
            }
            let (s, _) = try ECTests.run(["ec", "-inform", "DER", "-pubin", "-noout"], input: w.bytes)
            #expect(s != 0, "openssl reads a compressed x with no point")
            let (s2, _) = try ECTests.run(
                ["ec", "-inform", "DER", "-pubin", "-noout"], input: try ECTests.spki(try ECPublicKey(point: g)))
            #expect(s2 == 0, "openssl reads the generator as a public key")
        }
        // Keys: a point of order 2 is not in the subgroup of order n.
        let order2 = try ECPoint(encoded: [2] + [UInt8](repeating: 0, count: length), curve: curve)
        #expect(order2.multipliedPublic(by: [2]).isInfinity)
        #expect(reason { try ECPublicKey(point: order2) } == "WRONG_ORDER")
    }
}
#endif
