import LibCrypto
import Vectors

// EC and ECX key files of the `key-file` corpus on LibCrypto's side: SEC 1 `ECPrivateKey`
// (PEM `EC PRIVATE KEY`, DER, inside PKCS#8 under id-ecPublicKey), SubjectPublicKeyInfo with
// id-ecPublicKey, `EC PARAMETERS`, and the RFC 8410 keys. Written back as OpenSSL 3.0 writes
// them (crypto/ec/ec_asn1.c): i2d_PrivateKey is SEC 1 with version 1, the scalar padded to the
// order's byte length, [0] the parameters as the group keeps them (a named curve's OID, or
// explicit parameters re-encoded: version 1, a and b (reduced modulo p) padded to the field's byte length, the seed
// if any, the base point in the form it was read in, the order and the cofactor) and [1] the
// public point as read (none if the file has none); i2d_PUBKEY is id-ecPublicKey with those parameters.

#if EC
extension KeyFileSteps {
    static let ec2m =
        "binary-curve (EC2M) keys: disabled in this build (built without trait EC2M, as OpenSSL's no-ec2m)"

    /// A skip for a curve LibCrypto cannot compute on.
    static func isCurveGap(_ e: Error) -> Bool {
        guard let u = e as? PKeyUnsupported else { return false }
        return u.description == ec2m
    }

    /// The curve of domain parameters and the parameters as OpenSSL writes them back.
    static func ecGroup(_ parameters: ECDomainParameters) throws -> (ECCurve, ECDomainParameters) {
        switch parameters {
        case .named(let oid):
            #if !EC2M
            if PKeyKeys.isBinaryCurve(oid) { throw PKeyUnsupported(description: ec2m) }
            #endif
            guard let curve = try? ECCurve.named(oid.dotted) else {
                throw CryptoError(.unknownAlgorithm, "unknown EC curve \(oid.dotted)")
            }
            return (curve, parameters)
        case .implicitlyCA:
            throw CryptoError(.invalidParameter, "implicitlyCA EC parameters")
        case .explicit(let e):
            guard e.fieldType == .primeField else {
                if e.fieldType == .characteristicTwoField {
                    #if EC2M
                    return try Self.binaryGroup(e)
                    #else
                    throw PKeyUnsupported(description: ec2m)
                    #endif
                }
                throw CryptoError(.invalidParameter, "EC parameters: unknown field type \(e.fieldType.dotted)")
            }
            let p = try e.prime()
            let a = try BigNum(bytes: e.a)
            let b = try BigNum(bytes: e.b)
            // A catalog curve's parameters give that curve (OpenSSL matches them to the named
            // group too and keeps writing them explicitly); any other prime curve is made from
            // the parameters, with OpenSSL's checks (ECCurve(explicitPrime:...)).
            let curve =
                try catalogCurve(in: ECCurve.all, p: p, a: a, b: b, e)
                ?? ECCurve(explicitPrime: p, a: a, b: b, generator: e.base, order: e.order, cofactor: e.cofactor)
            return (curve, .explicit(try writtenBack(curve, e)))
        }
    }

    #if EC2M
    /// Explicit characteristic-two parameters: a named binary curve when they match one
    /// (polynomial, a, b, G, n, h), else a curve made from them with OpenSSL's checks
    /// (``ECCurve/init(explicitBinary:a:b:generator:order:cofactor:)``); and the parameters as
    /// OpenSSL writes them back.
    static func binaryGroup(_ e: ECExplicitParameters) throws -> (ECCurve, ECDomainParameters) {
        let exponents = try e.characteristicTwoExponents()
        let p = try e.characteristicTwoPolynomial()
        let a = try BigNum(bytes: e.a)
        let b = try BigNum(bytes: e.b)
        let curve =
            try catalogCurve(in: ECCurve.allBinary, p: p, a: a, b: b, e)
            ?? ECCurve(
                explicitBinary: exponents, a: a, b: b, generator: e.base, order: e.order, cofactor: e.cofactor)
        return (curve, .explicit(try writtenBack(curve, e)))
    }
    #endif

    /// The catalog curve whose field, a, b, G, n (and h, when given) are the parameters'.
    static func catalogCurve(in curves: [ECCurve], p: BigNum, a: BigNum, b: BigNum, _ e: ECExplicitParameters)
        -> ECCurve?
    {
        curves.first { curve in
            guard curve.p == p, curve.a == a, curve.b == b, curve.order == e.order,
                let g = try? ECPoint(encoded: e.base, curve: curve), g == curve.generator
            else { return false }
            return e.cofactor.map { $0 == curve.cofactor } ?? true
        }
    }

    /// Explicit parameters as OpenSSL writes them back for `curve` read from `e`: version 1, a
    /// and b padded to the field's byte length, the seed, G in the form it was read in, n, h.
    static func writtenBack(_ curve: ECCurve, _ e: ECExplicitParameters) throws -> ECExplicitParameters {
        let n = curve.fieldByteCount
        return ECExplicitParameters(
            version: 1, fieldType: e.fieldType, fieldParameters: e.fieldParameters,
            a: try curve.a.bytes(paddedTo: n), b: try curve.b.bytes(paddedTo: n),
            seed: e.seed.map { ($0.bytes, 0) }, base: curve.generator.encoded(Self.form(of: e.base)),
            order: curve.order, cofactor: curve.cofactor)
    }

    static func ecAlgorithm(_ parameters: ECDomainParameters) -> AlgorithmIdentifier {
        AlgorithmIdentifier(algorithm: .ecPublicKey, parameters: parameters.derEncoded())
    }

    static func ecType(_ curve: ECCurve) -> String { curve.oid == "1.2.156.10197.1.301" ? "SM2" : "EC" }

    static func form(of encoded: [UInt8]) -> ECPointConversionForm {
        switch encoded.first.map({ $0 & ~1 }) {
        case 2: return .compressed
        case 6: return .hybrid
        default: return .uncompressed
        }
    }

    /// A SEC 1 private key; `outer` is the PKCS#8 algorithm's parameters (the inner [0] wins, as
    /// d2i_ECPrivateKey replaces the group).
    func ecPrivate(_ der: [UInt8], outer: ECDomainParameters?) throws -> Reading {
        // The version is not checked: OpenSSL 3.0 keeps it (EC_KEY version) and writes it back.
        let s = try SEC1ECPrivateKey.parse(der: der, rules: .openSSL)
        guard let parameters = s.parameters ?? outer else {
            throw CryptoError(.invalidParameter, "EC private key without parameters")
        }
        let (curve, written) = try Self.ecGroup(parameters)
        let key = try ECPrivateKey(curve: curve, d: try BigNum(bytes: s.privateKey))
        // A key without [1]: OpenSSL computes d·G for the SPKI but remembers the private-key-only
        // form (EC_PKEY_NO_PUBKEY) and writes no [1].
        let point: [UInt8]
        if let pub = s.publicKey {
            let q = try ECPublicKey(encoded: pub.bytes, curve: curve)
            point = q.encoded(Self.form(of: pub.bytes))
        } else {
            point = key.publicKey.encoded(.uncompressed)
        }
        let priv = SEC1ECPrivateKey(
            version: s.version, privateKey: key.rawRepresentation, parameters: written,
            publicKey: s.publicKey == nil ? nil : (point, 0))
        return Reading(
            kind: .privateKey, type: Self.ecType(curve),
            der: ["i2d_PrivateKey": priv.derEncoded(), "i2d_PUBKEY": PKeyDER.spki(Self.ecAlgorithm(written), point)])
    }

    func ecPublic(_ spki: SubjectPublicKeyInfo) throws -> Reading {
        guard let params = spki.algorithm.parameters else {
            throw CryptoError(.invalidParameter, "EC public key without parameters")
        }
        let (curve, written) = try Self.ecGroup(try ECDomainParameters.parse(der: params, rules: .openSSL))
        let q = try ECPublicKey(encoded: spki.subjectPublicKey, curve: curve)
        let point = q.encoded(Self.form(of: spki.subjectPublicKey))
        return Reading(
            kind: .publicKey, type: Self.ecType(curve),
            der: ["i2d_PUBKEY": PKeyDER.spki(Self.ecAlgorithm(written), point)])
    }

    func ecParameters(_ der: [UInt8]) throws -> Reading {
        let (curve, written) = try Self.ecGroup(try ECDomainParameters.parse(der: der, rules: .openSSL))
        return Reading(kind: .parameters, type: Self.ecType(curve), der: ["i2d_KeyParams": written.derEncoded()])
    }

    /// A file of OpenSSL's `15-test_ecparam_data`: LibCrypto reads the `EC PARAMETERS` (named or
    /// explicit) and runs ``ECCurve/check()`` (EC_GROUP_check); it must accept exactly what the
    /// recipe's `-check` runs accept (`valid`). What loads must re-encode as the reference's
    /// `i2d_KeyParams` of the same file. Binary-field parameters are the EC2M skip in a build
    /// without trait EC2M.
    func ecparamRun(valid: Bool) throws -> String {
        let ours = Result { () throws -> ECDomainParameters in
            // OpenSSL writes SM2's parameters under their own label (the same ECPKParameters).
            guard let block = try PEM.parseAll(check.contents).first,
                ["EC PARAMETERS", "SM2 PARAMETERS"].contains(block.label)
            else { throw CryptoError(.invalidParameter, "no EC PARAMETERS or SM2 PARAMETERS block") }
            let (curve, written) = try Self.ecGroup(try ECDomainParameters.parse(der: block.data, rules: .openSSL))
            try curve.check()
            return written
        }
        if case .failure(let e) = ours, Self.isCurveGap(e) { throw e }
        switch (ours, valid) {
        case (.failure(let e), true):
            throw KeyFileMismatch("LibCrypto refuses parameters 15-test_ecparam.t accepts: \(e)")
        case (.success, false):
            throw KeyFileMismatch("LibCrypto accepts parameters 15-test_ecparam.t refuses")
        case (.failure(let e), false):
            return "refused, as 15-test_ecparam.t expects: \(e)"
        case (.success(let written), true):
            let ref: OpenSSLImplementation
            do { ref = try Self.reference() } catch {
                throw PKeyUnsupported(description: "no reference libcrypto to compare the re-encoding with (\(error))")
            }
            let theirs = try OpenSSLPKey.pem(check.contents, .parameters, in: ref).parametersDER()
            let mine = written.derEncoded()
            guard mine == theirs else {
                throw KeyFileMismatch(DERDifference(what: "i2d_KeyParams", ours: mine, theirs: theirs).description)
            }
            return "accepted, as 15-test_ecparam.t expects; i2d_KeyParams identical to OpenSSL's"
        }
    }

    func ecxReading(_ k: ECXKey) throws -> Reading {
        if k.privateKey != nil {
            return Reading(
                kind: .privateKey, type: k.type,
                der: ["i2d_PrivateKey": try PKeyDER.ecxPrivate(k), "i2d_PUBKEY": PKeyDER.ecxPublic(k)])
        }
        return Reading(kind: .publicKey, type: k.type, der: ["i2d_PUBKEY": PKeyDER.ecxPublic(k)])
    }
}
#endif
