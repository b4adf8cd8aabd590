import Foundation
import LibCrypto
import Testing

#if EC

/// EC key containers (ECKeyEncodings.swift) against the bytes the `openssl` 3.0 CLI writes:
/// `openssl ecparam -genkey` (SEC 1 `EC PRIVATE KEY` with a named curve), `openssl ec
/// -param_enc explicit` (the same key with explicit parameters), `openssl pkey` (PKCS#8, the
/// parameters in the AlgorithmIdentifier), `openssl ecparam` (`EC PARAMETERS`, named and
/// explicit), and `openssl genpkey` for the RFC 8410 key types. Each structure read from
/// OpenSSL's DER must write the same bytes back.
@Suite("EC key encodings")
struct ECKeyEncodingTests {
    /// The DER inside the first PEM block of OpenSSL's output.
    static func der(_ pem: [UInt8]) throws -> [UInt8] {
        try #require(try PEM.parseAll(text: String(decoding: pem, as: UTF8.self)).first).data
    }

    // Not SM2: `openssl ecparam -genkey -name SM2` writes an SM2 key as PKCS#8 (`PRIVATE KEY`),
    // as 3.0 makes SM2 its own key type; the SM2 keys are read with the SM2 support.
    @Test(
        "SEC 1 keys, PKCS#8 keys and EC PARAMETERS re-encode to OpenSSL's bytes, named and explicit",
        arguments: ["prime256v1", "secp384r1", "secp521r1", "secp256k1", "brainpoolP256t1", "sect233k1"])
    func roundTrips(curve: String) throws {
        guard opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        let namedPEM = try openssl(["ecparam", "-genkey", "-noout", "-name", curve])
        let named = try Self.der(namedPEM)
        let key = try SEC1ECPrivateKey.parse(der: named)
        #expect(key.derEncoded() == named)
        #expect(key.version == 1)
        guard case .named(let oid)? = key.parameters else {
            Issue.record("\(curve): no named curve in the key")
            return
        }
        #expect(key.publicKey?.bytes.first == 4, "\(curve): OpenSSL writes the uncompressed point")
        let namedParams = try Self.der(try openssl(["ecparam", "-name", curve]))
        #expect(ECDomainParameters.named(oid).derEncoded() == namedParams, "\(curve): OID \(oid)")

        let explicitDER = try Self.der(try openssl(["ec", "-param_enc", "explicit"], input: namedPEM))
        let explicitKey = try SEC1ECPrivateKey.parse(der: explicitDER)
        #expect(explicitKey.derEncoded() == explicitDER)
        #expect(explicitKey.privateKey == key.privateKey && explicitKey.publicKey?.bytes == key.publicKey?.bytes)
        guard case .explicit(let params)? = explicitKey.parameters else {
            Issue.record("\(curve): no explicit parameters")
            return
        }
        #expect(params.base.first == 4)
        if curve.hasPrefix("sect") {
            #expect(params.fieldType == .characteristicTwoField)
            #expect(throws: CryptoError.self) { try params.prime() }
        } else {
            #expect(params.fieldType == .primeField)
            let p = try params.prime()
            #expect(p.bitWidth >= 160)
        }

        let pkcs8 = try Self.der(try openssl(["pkey"], input: namedPEM))
        let info = try PKCS8PrivateKeyInfo.parse(der: pkcs8)
        #expect(info.derEncoded() == pkcs8)
        #expect(info.algorithm.algorithm == .ecPublicKey)
        #expect(info.algorithm.parameters == ECDomainParameters.named(oid).derEncoded())
        let inner = try SEC1ECPrivateKey.parse(der: info.privateKey)
        #expect(inner.parameters == nil, "PKCS#8 leaves [0] out")
        #expect(inner.derEncoded() == info.privateKey)

        let spki = try Self.der(try openssl(["pkey", "-pubout"], input: namedPEM))
        let pub = try SubjectPublicKeyInfo.parse(der: spki)
        #expect(pub.subjectPublicKey == key.publicKey?.bytes)
        #expect(pub.algorithm.parameters == ECDomainParameters.named(oid).derEncoded())

        for encoding in ["named_curve", "explicit"] {
            let params = try Self.der(try openssl(["ecparam", "-name", curve, "-param_enc", encoding]))
            let parsed = try ECDomainParameters.parse(der: params)
            #expect(parsed.derEncoded() == params, "\(curve) \(encoding)")
        }
    }

    @Test("RFC 8410 keys: the OIDs, a PKCS#8 OCTET STRING inside the OCTET STRING, SPKI without parameters")
    func rfc8410() throws {
        guard opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        let cases: [(String, ASN1ObjectIdentifier, Int)] = [
            ("X25519", .x25519, 32), ("X448", .x448, 56), ("ED25519", .ed25519, 32), ("ED448", .ed448, 57),
        ]
        for (name, oid, length) in cases {
            let pem = try openssl(["genpkey", "-algorithm", name])
            let der = try Self.der(pem)
            let info = try PKCS8PrivateKeyInfo.parse(der: der)
            #expect(info.algorithm.algorithm == oid, "\(name)")
            #expect(info.algorithm.parameters == nil, "\(name): RFC 8410 has no parameters")
            var r = DERReader(info.privateKey)
            #expect(try r.readOctetString().count == length, "\(name)")
            try r.finish()
            let spki = try SubjectPublicKeyInfo.parse(der: try Self.der(try openssl(["pkey", "-pubout"], input: pem)))
            #expect(spki.algorithm.algorithm == oid && spki.subjectPublicKey.count == length, "\(name)")
        }
    }

    @Test("malformed EC containers are thrown errors")
    func malformed() throws {
        // A SEC 1 key whose [0] holds an INTEGER, one with a trailing byte, a truncated one, and
        // EC PARAMETERS that are a BOOLEAN.
        let bad: [[UInt8]] = [
            [0x30, 0x0A, 0x02, 0x01, 0x01, 0x04, 0x01, 0x07, 0xA0, 0x03, 0x02, 0x01, 0x05],
            [0x30, 0x06, 0x02, 0x01, 0x01, 0x04, 0x01, 0x07, 0x00],
            [0x30, 0x06, 0x02, 0x01, 0x01, 0x04, 0x05, 0x07],
        ]
        for der in bad {
            #expect(throws: CryptoError.self) { try SEC1ECPrivateKey.parse(der: der) }
        }
        #expect(throws: CryptoError.self) { try ECDomainParameters.parse(der: [0x01, 0x01, 0xFF]) }
        // Explicit parameters cut short after the curve.
        #expect(throws: CryptoError.self) {
            try ECDomainParameters.parse(der: [
                0x30, 0x0F, 0x02, 0x01, 0x01, 0x30, 0x06, 0x06, 0x01, 0x2A, 0x02, 0x01, 0x07, 0x30, 0x02, 0x04, 0x00,
            ])
        }
    }
}
#endif
