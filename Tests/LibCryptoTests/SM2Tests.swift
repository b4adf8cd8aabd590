import Foundation
import Testing

@testable import LibCrypto

// SM2 signatures and encryption. Expected values: the worked examples of GM/T 0003.5-2012 /
// GB/T 32918.5-2016 on the SM2 curve (signature: Annex A with d, k, r, s; encryption: Annex C
// with d, k and C1, C3, C2, in GM/T 0009's ASN.1 form), transcribed from OpenSSL 3.0.22's
// test/sm2_internal_test.c, which records them; and the openssl CLI at test time
// (`openssl genpkey -algorithm SM2`, `openssl pkeyutl -sign/-verify -rawin -digest sm3
// -pkeyopt distid:…`, `-encrypt`/`-decrypt`). Random signatures and ciphertexts are checked
// by verifying / decrypting on the other side, never compared.

#if SM2
@Suite("SM2 signatures and encryption")
struct SM2Tests {
    static let curve = try! ECCurve.named("SM2")
    /// GM/T 0003.5 example private key (signature and encryption examples).
    static let d = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"
    /// GM/T 0003.5 example ephemeral k.
    static let k = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21"
    static let id = Array("1234567812345678".utf8)

    static func key() throws -> ECPrivateKey {
        try ECPrivateKey(curve: curve, rawRepresentation: TestHex.decode(d))
    }

    @Test("GM/T 0003.5 signature example: the standard's k gives the standard's (r, s), which verifies")
    func standardSignature() throws {
        let key = try Self.key()
        let message = Array("message digest".utf8)
        let e = try SM2.messageDigest(message, publicKey: key.publicKey, id: Self.id)
        let sig = try SM2.signature(forDigest: e, privateKey: key, nonce: { TestHex.decode(Self.k) })
        let r = try BigNum(bytes: TestHex.decode("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"))
        let s = try BigNum(bytes: TestHex.decode("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA"))
        #expect(sig.r == r)
        #expect(sig.s == s)
        let standard = ECDSASignature(r: r, s: s)
        #expect(throws: Never.self) { try SM2.verify(signature: standard, digest: e, publicKey: key.publicKey) }
        let der = try standard.derEncoded()
        #expect(throws: Never.self) {
            try SM2.verify(signature: der, message: message, publicKey: key.publicKey, id: Self.id)
        }
        // Another ID, another message: Z_A or e changes, the signature fails.
        #expect(throws: CryptoError.self) {
            try SM2.verify(signature: der, message: message, publicKey: key.publicKey, id: [])
        }
        #expect(throws: CryptoError.self) {
            try SM2.verify(signature: der, message: Array("message digesT".utf8), publicKey: key.publicKey, id: Self.id)
        }
    }

    @Test("GM/T 0003.5 encryption example: the standard's k gives the standard's C1, C3, C2; it decrypts")
    func standardEncryption() throws {
        let key = try Self.key()
        let message = Array("encryption standard".utf8)
        let expected = TestHex.decode(
            "307C022004EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73022100"
                + "E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF00420"
                + "59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD87660413"
                + "21886CA989CA9C7D58087307CA93092D651EFA")
        let ct = try SM2.encrypt(
            message, publicKey: key.publicKey, digestName: "SM3", nonce: { TestHex.decode(Self.k) })
        #expect(ct == expected)
        #expect(try SM2.decrypt(expected, privateKey: key) == message)
    }

    /// A key from `openssl genpkey -algorithm SM2`: its PEM and the key read from `-text`.
    static func opensslKey() throws -> (pem: String, key: ECPrivateKey) {
        let (s1, pem) = try ECTests.run(["genpkey", "-algorithm", "SM2"])
        try #require(s1 == 0, "openssl genpkey -algorithm SM2")
        let (s2, text) = try ECTests.run(["pkey", "-text", "-noout"], input: Array(pem.utf8))
        try #require(s2 == 0)
        let fields = try ECTests.textFields(text)
        let key = try ECPrivateKey(curve: curve, d: try #require(fields["priv"]))
        #expect(key.publicKey.encoded() == (try #require(fields["pub"]).bytes()))
        return (pem, key)
    }

    @Test("SM2 with openssl pkeyutl: signatures both ways with distid, and the default ID is empty")
    func signaturesMatchOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var count = 0
        for round in 0..<3 {
            let (pem, key) = try Self.opensslKey()
            try pem.write(toFile: dir + "k.pem", atomically: true, encoding: .utf8)
            let message = Array("SM2 round \(round)".utf8)
            try Data(message).write(to: URL(fileURLWithPath: dir + "m"))
            for id in [Self.id, Array("ALICE123@YAHOO.COM".utf8)] {
                let distid = String(decoding: id, as: UTF8.self)
                // Ours, verified by OpenSSL.
                try Data(try SM2.sign(message: message, privateKey: key, id: id)).write(
                    to: URL(fileURLWithPath: dir + "s"))
                let (v, _) = try ECTests.run([
                    "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-inkey", dir + "k.pem", "-in", dir + "m",
                    "-sigfile", dir + "s", "-pkeyopt", "distid:" + distid,
                ])
                #expect(v == 0, "openssl rejected our SM2 signature (distid \(distid))")
                // OpenSSL's, verified here.
                let (s, sig) = try ECTests.runBytes([
                    "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", dir + "k.pem", "-in", dir + "m",
                    "-pkeyopt", "distid:" + distid,
                ])
                try #require(s == 0)
                #expect(throws: Never.self) {
                    try SM2.verify(signature: sig, message: message, publicKey: key.publicKey, id: id)
                }
                #expect(throws: CryptoError.self) {
                    try SM2.verify(signature: sig, message: message + [0], publicKey: key.publicKey, id: id)
                }
                count += 2
            }
            // Without distid OpenSSL 3.0 uses the empty ID.
            let (s, sig) = try ECTests.runBytes([
                "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", dir + "k.pem", "-in", dir + "m",
            ])
            try #require(s == 0)
            #expect(throws: Never.self) {
                try SM2.verify(signature: sig, message: message, publicKey: key.publicKey, id: [])
            }
            #expect(throws: CryptoError.self) {
                try SM2.verify(signature: sig, message: message, publicKey: key.publicKey, id: Self.id)
            }
        }
        print("SM2 signature interop: \(count) signatures across OpenSSL and LibCrypto")
    }

    @Test("SM2 with openssl pkeyutl: encryption both ways")
    func encryptionMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try ECTests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for length in [1, 31, 32, 33, 200] {
            let (pem, key) = try Self.opensslKey()
            try pem.write(toFile: dir + "k.pem", atomically: true, encoding: .utf8)
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            try Data(message).write(to: URL(fileURLWithPath: dir + "m"))
            try Data(try SM2.encrypt(message, publicKey: key.publicKey)).write(to: URL(fileURLWithPath: dir + "c"))
            let (d, plain) = try ECTests.runBytes(["pkeyutl", "-decrypt", "-inkey", dir + "k.pem", "-in", dir + "c"])
            #expect(d == 0 && plain == message, "openssl could not decrypt our \(length)-byte SM2 ciphertext")
            let (e, ct) = try ECTests.runBytes(["pkeyutl", "-encrypt", "-inkey", dir + "k.pem", "-in", dir + "m"])
            try #require(e == 0)
            #expect(try SM2.decrypt(ct, privateKey: key) == message)
        }
    }

    @Test("bad signatures and ciphertexts are thrown errors with OpenSSL's SM2 reasons")
    func badInput() throws {
        let key = try Self.key()
        let pub = key.publicKey
        let n = Self.curve.order
        let e = try SM2.messageDigest(Array("abc".utf8), publicKey: pub, id: [])
        let good = try SM2.signature(forDigest: e, privateKey: key)
        #expect(throws: Never.self) { try SM2.verify(signature: good, digest: e, publicKey: pub) }
        func reason(_ body: () throws -> Void) -> String? { ECTests.reason(body) }
        for (r, s) in [
            (BigNum.zero, good.s), (good.r, BigNum.zero), (n, good.s), (good.r, n), (n + good.r, good.s),
            (good.r, good.s + BigNum(1)), (n - good.s, good.s),
        ] {
            #expect(
                reason { try SM2.verify(signature: ECDSASignature(r: r, s: s), digest: e, publicKey: pub) }
                    == "BAD_SIGNATURE")
        }
        // DER that is not strict, trailing bytes, garbage.
        let der = try good.derEncoded()
        #expect(reason { try SM2.verify(signature: der + [0], digest: e, publicKey: pub) } == "INVALID_ENCODING")
        #expect(reason { try SM2.verify(signature: [0x30, 0x00], digest: e, publicKey: pub) } == "INVALID_ENCODING")
        #expect(reason { try SM2.verify(signature: [], digest: e, publicKey: pub) } == "INVALID_ENCODING")
        // An ID too long for ENTL.
        #expect(
            reason { _ = try SM2.zDigest(publicKey: pub, id: [UInt8](repeating: 0x41, count: SM2.maxIDLength + 1)) }
                == "ID_TOO_LARGE")
        #expect(throws: Never.self) {
            try SM2.zDigest(publicKey: pub, id: [UInt8](repeating: 0x41, count: SM2.maxIDLength))
        }
        // d = n − 1 cannot sign (1 + d = 0 mod n).
        let last = try ECPrivateKey(curve: Self.curve, d: n - BigNum(1))
        #expect(reason { _ = try SM2.signature(forDigest: e, privateKey: last) } == "INVALID_PRIVATE_KEY")

        // Ciphertexts: a changed C3, a changed C2, a C3 of another length, a C1 off the curve,
        // truncation and trailing bytes; all one code (badDecrypt).
        let message = Array("attack at dawn".utf8)
        let ct = try SM2.encrypt(message, publicKey: pub)
        #expect(try SM2.decrypt(ct, privateKey: key) == message)
        func decryptFailure(_ bytes: [UInt8]) -> (CryptoError.Code?, String?) {
            do {
                _ = try SM2.decrypt(bytes, privateKey: key)
                return (nil, nil)
            } catch let error as CryptoError {
                return (error.code, error.openSSL?.name)
            } catch { return (nil, "other") }
        }
        var reader = DERReader(ct)
        let (x, y, c3, c2) = try reader.readSequence { seq in
            (try seq.readInteger(), try seq.readInteger(), try seq.readOctetString(), try seq.readOctetString())
        }
        func encode(_ x: BigNum, _ y: BigNum, _ c3: [UInt8], _ c2: [UInt8]) -> [UInt8] {
            var w = DERWriter()
            w.writeSequence { seq in
                seq.writeInteger(x)
                seq.writeInteger(y)
                seq.writeOctetString(c3)
                seq.writeOctetString(c2)
            }
            return w.bytes
        }
        #expect(encode(x, y, c3, c2) == ct)
        var badC3 = c3
        badC3[5] ^= 0x20
        #expect(decryptFailure(encode(x, y, badC3, c2)) == (.badDecrypt, "INVALID_DIGEST"))
        var badC2 = c2
        badC2[0] ^= 1
        #expect(decryptFailure(encode(x, y, c3, badC2)) == (.badDecrypt, "INVALID_DIGEST"))
        #expect(decryptFailure(encode(x, y, Array(c3.dropLast()), c2)) == (.badDecrypt, "INVALID_ENCODING"))
        #expect(decryptFailure(encode(x, y + BigNum(1), c3, c2)).0 == .badDecrypt)
        #expect(decryptFailure(encode(x, y, c3, [])) == (.badDecrypt, "INVALID_ENCODING"))
        #expect(decryptFailure(Array(ct.dropLast())) == (.badDecrypt, "ASN1_ERROR"))
        #expect(decryptFailure(ct + [0]) == (.badDecrypt, "ASN1_ERROR"))
        #expect(decryptFailure([]) == (.badDecrypt, "ASN1_ERROR"))
        // Nothing to encrypt.
        #expect(throws: CryptoError.self) { try SM2.encrypt([], publicKey: pub) }
    }

    @Test("random signatures and ciphertexts round-trip, with SM3 and another digest for encryption")
    func roundTrips() throws {
        for _ in 0..<4 {
            let key = try ECPrivateKey.generate(curve: Self.curve)
            let message = try Random.bytes(count: 40)
            let sig = try SM2.sign(message: message, privateKey: key, id: Self.id)
            #expect(throws: Never.self) {
                try SM2.verify(signature: sig, message: message, publicKey: key.publicKey, id: Self.id)
            }
            for digest in ["SM3", "SHA256"] {
                let ct = try SM2.encrypt(message, publicKey: key.publicKey, digestName: digest)
                #expect(try SM2.decrypt(ct, privateKey: key, digestName: digest) == message)
            }
        }
    }
}
#endif
