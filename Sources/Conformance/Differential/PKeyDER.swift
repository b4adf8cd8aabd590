import LibCrypto
import Vectors

// LibCrypto's keys written as the DER OpenSSL's i2d_PrivateKey and i2d_PUBKEY write (the forms
// of Encoding/KeyEncodings.swift filled from the key types), and OpenSSL's DER read back into
// LibCrypto's keys, for the public-key differential's key exchange.

package enum PKeyDER {
    /// `NULL`, the parameters of `rsaEncryption`.
    static let null: [UInt8] = [0x05, 0x00]

    static func integer(_ n: BigNum) -> [UInt8] {
        var w = DERWriter()
        w.writeInteger(n)
        return w.bytes
    }

    static func spki(_ algorithm: AlgorithmIdentifier, _ key: [UInt8]) -> [UInt8] {
        SubjectPublicKeyInfo(algorithm: algorithm, subjectPublicKey: key).derEncoded()
    }

    // MARK: RSA

    /// PKCS#1 `RSAPrivateKey` (version 1 with more than two primes); package-visible for
    /// `confrun ct`'s OpenSSL reference targets.
    package static func rsaPrivate(_ k: RSAPrivateKey) throws -> [UInt8] {
        guard k.primes.count >= 2, let qInv = k.primes[1].coefficient else {
            throw CryptoError(.invalidParameter, "RSA key without its CRT values")
        }
        let others = try k.primes.dropFirst(2).map { p -> PKCS1RSAPrivateKey.OtherPrimeInfo in
            guard let c = p.coefficient else { throw CryptoError(.invalidParameter, "RSA prime without coefficient") }
            return PKCS1RSAPrivateKey.OtherPrimeInfo(prime: p.prime, exponent: p.exponent, coefficient: c)
        }
        return PKCS1RSAPrivateKey(
            version: others.isEmpty ? 0 : 1, modulus: k.modulus, publicExponent: k.publicExponent,
            privateExponent: k.privateExponent, prime1: k.primes[0].prime, prime2: k.primes[1].prime,
            exponent1: k.primes[0].exponent, exponent2: k.primes[1].exponent, coefficient: qInv,
            otherPrimeInfos: others
        ).derEncoded()
    }

    static func rsaPublic(_ k: RSAPublicKey) -> [UInt8] {
        spki(
            AlgorithmIdentifier(algorithm: .rsaEncryption, parameters: null),
            PKCS1RSAPublicKey(modulus: k.modulus, publicExponent: k.publicExponent).derEncoded())
    }

    // MARK: X25519, X448, Ed25519, Ed448

    #if EC
    /// The RFC 8410 OID of an ECX type.
    static func ecxOID(_ type: String) -> ASN1ObjectIdentifier {
        switch type {
        case "X25519": return .x25519
        case "X448": return .x448
        case "ED25519": return .ed25519
        default: return .ed448
        }
    }

    /// PKCS#8 v1 with RFC 8410's `CurvePrivateKey` (an OCTET STRING), as OpenSSL 3.0 writes it.
    static func ecxPrivate(_ k: ECXKey) throws -> [UInt8] {
        guard let raw = k.privateKey else { throw CryptoError(.invalidParameter, "not a private key") }
        var inner = DERWriter()
        inner.writeOctetString(raw)
        return PKCS8PrivateKeyInfo(
            algorithm: AlgorithmIdentifier(algorithm: ecxOID(k.type), parameters: nil), privateKey: inner.bytes
        ).derEncoded()
    }

    static func ecxPublic(_ k: ECXKey) -> [UInt8] {
        spki(AlgorithmIdentifier(algorithm: ecxOID(k.type), parameters: nil), k.publicKey)
    }
    #endif

    // MARK: DSA

    #if DSA
    static func dss(_ p: DSAParameters) -> [UInt8] { DSSParameters(p: p.p, q: p.q, g: p.g).derEncoded() }

    /// The traditional `DSAPrivateKey` (version 0, p, q, g, y, x).
    static func dsaPrivate(_ k: DSAPrivateKey) -> [UInt8] {
        DSATraditionalPrivateKey(
            parameters: DSSParameters(p: k.parameters.p, q: k.parameters.q, g: k.parameters.g),
            publicKey: k.publicKey.y, privateKey: k.x
        ).derEncoded()
    }

    static func dsaPublic(_ k: DSAPublicKey) -> [UInt8] {
        spki(AlgorithmIdentifier(algorithm: .dsa, parameters: dss(k.parameters)), integer(k.y))
    }

    /// One of RFC 5114's groups (`dh_1024_160`, `dh_2048_224`, `dh_2048_256`) as DSA domain
    /// parameters, which its p, q and g are too: LibCrypto's named group where DH is built,
    /// else OpenSSL's (``rfc5114DSAParametersFromOpenSSL(_:reference:)``).
    static func rfc5114DSAParameters(_ group: String, reference: OpenSSLImplementation) throws -> DSAParameters {
        #if DH
        let g = try DHParameters.named(group)
        guard let q = g.q else { throw CryptoError(.invalidParameter, "\(group) has no q") }
        return try DSAParameters(p: g.p, q: q, g: g.g)
        #else
        return try rfc5114DSAParametersFromOpenSSL(group, reference: reference)
        #endif
    }

    /// An RFC 5114 group as OpenSSL has it: the X9.42 `DomainParameters` (RFC 3279 2.3.3: p, g,
    /// q, then optional fields) of a DHX key it makes on the group, as DSA parameters.
    static func rfc5114DSAParametersFromOpenSSL(_ group: String, reference: OpenSSLImplementation) throws
        -> DSAParameters
    {
        let der = try OpenSSLPKey.generate("DHX", group: group, in: reference).parametersDER()
        var r = DERReader(der)
        let (p, g, q) = try r.readSequence { s in
            let numbers = (try s.readInteger(), try s.readInteger(), try s.readInteger())
            while !s.isAtEnd { _ = try s.readElement() }
            return numbers
        }
        try r.finish()
        return try DSAParameters(p: p, q: q, g: g)
    }
    #endif

    // MARK: DH

    #if DH
    /// PKCS#3 `DHParameter` under `dhKeyAgreement`, or X9.42 `DomainParameters` under
    /// `dhpublicnumber` when the group has a q.
    static func dhAlgorithm(_ p: DHParameters) -> AlgorithmIdentifier {
        if let q = p.q {
            return AlgorithmIdentifier(
                algorithm: .dhPublicNumber, parameters: X942DHParameters(p: p.p, g: p.g, q: q).derEncoded())
        }
        return AlgorithmIdentifier(
            algorithm: .dhKeyAgreement, parameters: PKCS3DHParameters(p: p.p, g: p.g).derEncoded())
    }

    /// The parameters alone (for `d2i_KeyParams`) and OpenSSL's key type for them.
    static func dhParameters(_ p: DHParameters) -> (der: [UInt8], type: String) {
        (dhAlgorithm(p).parameters ?? [], p.q == nil ? "DH" : "DHX")
    }

    /// PKCS#8 `PrivateKeyInfo` (DH has no other private-key form).
    static func dhPrivate(_ k: DHPrivateKey) -> [UInt8] {
        PKCS8PrivateKeyInfo(algorithm: dhAlgorithm(k.parameters), privateKey: integer(k.x)).derEncoded()
    }

    static func dhPublic(_ k: DHPublicKey) -> [UInt8] { spki(dhAlgorithm(k.parameters), integer(k.y)) }
    #endif

    // MARK: Reading OpenSSL's DER

    /// A private key as `i2d_PrivateKey` writes it: PKCS#1 for RSA, the traditional form for
    /// DSA, PKCS#8 for DH (strict DER: OpenSSL's output must be DER). Re-encoding the parsed
    /// structure must give the same bytes.
    static func readPrivate(_ der: [UInt8], type: String) throws -> PKeyMaterial {
        switch type {
        case "RSA":
            let s = try PKCS1RSAPrivateKey.parse(der: der)
            try same(s.derEncoded(), der, "PKCS1RSAPrivateKey")
            return try PKeyKeys.privateKey(AlgorithmIdentifier(algorithm: .rsaEncryption, parameters: nil), der)
        case "DSA":
            #if DSA
            let s = try DSATraditionalPrivateKey.parse(der: der)
            try same(s.derEncoded(), der, "DSATraditionalPrivateKey")
            let parameters = try DSAParameters(p: s.parameters.p, q: s.parameters.q, g: s.parameters.g)
            let key = try DSAPrivateKey(parameters: parameters, x: s.privateKey)
            guard key.publicKey.y == s.publicKey else {
                throw CryptoError(.invalidParameter, "DSAPrivateKey: y is not g^x mod p")
            }
            return .dsa(key, key.publicKey)
            #else
            throw FamilyDisabled(keyType: "DSA")
            #endif
        default:
            let s = try PKCS8PrivateKeyInfo.parse(der: der)
            try same(s.derEncoded(), der, "PKCS8PrivateKeyInfo")
            return try PKeyKeys.privateKey(s.algorithm, s.privateKey)
        }
    }

    /// A public key as `i2d_PUBKEY` writes it.
    static func readPublic(_ der: [UInt8]) throws -> PKeyMaterial {
        let s = try SubjectPublicKeyInfo.parse(der: der)
        try same(s.derEncoded(), der, "SubjectPublicKeyInfo")
        return try PKeyKeys.publicKey(s.algorithm, s.subjectPublicKey)
    }

    static func same(_ ours: [UInt8], _ theirs: [UInt8], _ what: String) throws {
        guard ours != theirs else { return }
        throw DERDifference(what: what, ours: ours, theirs: theirs)
    }
}

/// LibCrypto's encoding of a key differs from OpenSSL's.
struct DERDifference: Error, CustomStringConvertible {
    var what: String
    var ours: [UInt8]
    var theirs: [UInt8]
    var description: String {
        let at =
            zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(ours.count, theirs.count)
        return
            "\(what): LibCrypto's DER (\(ours.count) bytes) differs from OpenSSL's (\(theirs.count) bytes) at byte \(at); LibCrypto \(Hex.encode(ours)), OpenSSL \(Hex.encode(theirs))"
    }
}

#if EC
// MARK: EC keys (as OpenSSL 3.0 writes a named-curve key: crypto/ec/ec_asn1.c)

extension PKeyDER {
    /// id-ecPublicKey with the curve's parameters (``ecParameters(_:)``).
    static func ecAlgorithm(_ curve: ECCurve) throws -> AlgorithmIdentifier {
        AlgorithmIdentifier(algorithm: .ecPublicKey, parameters: try ecParameters(curve).derEncoded())
    }

    /// The curve's OID, or for a curve without one (Oakley-EC2N-3 and -4, explicit curves) its
    /// explicit parameters as OpenSSL's i2d_ECPKParameters writes them: version 1, the field (p,
    /// or m with the trinomial or pentanomial basis), a and b padded to the field's byte length,
    /// no seed, the generator uncompressed, the order and the cofactor.
    package static func ecParameters(_ curve: ECCurve) throws -> ECDomainParameters {
        if !curve.oid.isEmpty { return .named(try ASN1ObjectIdentifier(dotted: curve.oid)) }
        return try explicitParameters(curve)
    }

    /// The curve's explicit parameters as OpenSSL's i2d_ECPKParameters writes them (see
    /// ``ecParameters(_:)``), whether or not it has an OID.
    package static func explicitParameters(_ curve: ECCurve) throws -> ECDomainParameters {
        var field = DERWriter()
        var type = ASN1ObjectIdentifier.primeField
        #if EC2M
        if curve.isBinary {
            type = .characteristicTwoField
            var exponents: [Int] = []
            for (i, limb) in curve.p.limbs.enumerated() {
                for bit in 0..<64 where (limb >> UInt64(bit)) & 1 == 1 && i * 64 + bit > 0 {
                    exponents.append(i * 64 + bit)
                }
            }
            exponents.sort(by: >)
            try field.writeSequence { w in
                w.writeInteger(exponents[0])
                if exponents.count == 2 {
                    w.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "1.2.840.10045.1.2.3.2"))
                    w.writeInteger(exponents[1])
                } else {
                    w.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "1.2.840.10045.1.2.3.3"))
                    w.writeSequence { k in
                        for e in exponents.dropFirst().reversed() { k.writeInteger(e) }
                    }
                }
            }
        } else {
            field.writeInteger(curve.p)
        }
        #else
        field.writeInteger(curve.p)
        #endif
        let n = curve.fieldByteCount
        return .explicit(
            ECExplicitParameters(
                version: 1, fieldType: type, fieldParameters: field.bytes, a: try curve.a.bytes(paddedTo: n),
                b: try curve.b.bytes(paddedTo: n), base: curve.generator.encoded(.uncompressed), order: curve.order,
                cofactor: curve.cofactor))
    }

    /// `i2d_PrivateKey` of a named-curve key: SEC 1 version 1, the scalar padded to the order's
    /// byte length, [0] the curve's OID, [1] the uncompressed public point.
    static func ecPrivate(_ k: ECPrivateKey) throws -> [UInt8] {
        SEC1ECPrivateKey(
            version: 1, privateKey: k.rawRepresentation,
            parameters: try ecParameters(k.curve),
            publicKey: (k.publicKey.encoded(.uncompressed), 0)
        ).derEncoded()
    }

    /// `i2d_PUBKEY` of a named-curve key (the point uncompressed, or in `form`).
    static func ecPublic(_ k: ECPublicKey, form: ECPointConversionForm = .uncompressed) throws -> [UInt8] {
        spki(try ecAlgorithm(k.curve), k.encoded(form))
    }

    /// An `i2d_PrivateKey` SEC 1 key read back (strict DER, re-encoding to the same bytes).
    static func readECPrivate(_ der: [UInt8]) throws -> ECPrivateKey {
        let s = try SEC1ECPrivateKey.parse(der: der)
        try same(s.derEncoded(), der, "SEC1ECPrivateKey")
        guard let parameters = s.parameters else {
            throw CryptoError(.invalidParameter, "ECPrivateKey without parameters")
        }
        let key = try ECPrivateKey(curve: try curve(parameters), d: try BigNum(bytes: s.privateKey))
        guard s.publicKey?.bytes == key.publicKey.encoded(.uncompressed) else {
            throw CryptoError(.invalidParameter, "ECPrivateKey: [1] is not d·G uncompressed")
        }
        return key
    }

    /// An `i2d_PUBKEY` EC key read back.
    static func readECPublic(_ der: [UInt8]) throws -> ECPublicKey {
        let s = try SubjectPublicKeyInfo.parse(der: der)
        try same(s.derEncoded(), der, "SubjectPublicKeyInfo")
        guard s.algorithm.algorithm == .ecPublicKey, let p = s.algorithm.parameters else {
            throw CryptoError(.invalidParameter, "not an EC SubjectPublicKeyInfo")
        }
        return try ECPublicKey(
            encoded: s.subjectPublicKey, curve: try curve(try ECDomainParameters.parse(der: p)))
    }

    /// The curve of a named curve's OID, or of explicit parameters (Oakley-EC2N-3 and -4 have
    /// no OID: OpenSSL writes their parameters), as the key-file harness reads them.
    package static func curve(_ parameters: ECDomainParameters) throws -> ECCurve {
        if case .named(let oid) = parameters { return try ECCurve.named(oid.dotted) }
        return try KeyFileSteps.ecGroup(parameters).0
    }
}
#endif
