import LibCrypto
import Vectors

// The elliptic-curve keys of the public-key stanzas (trait EC).
// - EC keys (id-ecPublicKey) on the named prime curves, or on explicit prime parameters (a
//   named curve's, or a curve of their own), from PKCS#8 (SEC 1 ECPrivateKey inside) and
//   SubjectPublicKeyInfo, with ECDSA (ecdsa_sig.c: the input is a digest of the `digest` control's size) and ECDH
//   (ecdh_exch.c: `ecdh_cofactor_mode`, the peer on the same curve). A public key loads as
//   OpenSSL loads it, without the subgroup check (PeerKeyValidate makes it). Binary-field
//   curves (EC2M) are a counted skip: LibCrypto has no GF(2^m) arithmetic yet.
// - X25519, X448, Ed25519 and Ed448 keys (OpenSSL's ECX key managers, ecx_meth.c / ecx_exch.c /
//   eddsa_sig.c), read from PKCS#8, SubjectPublicKeyInfo and raw bytes
//   (`PrivateKeyRaw`/`PublicKeyRaw`), with the operations OpenSSL 3.0 gives them: X25519/X448
//   derive only; Ed25519/Ed448 sign and verify only through the one-shot
//   EVP_DigestSign/EVP_DigestVerify with no digest.

#if EC
/// An X25519, X448, Ed25519 or Ed448 key as OpenSSL's ECX_KEY keeps it: raw bytes.
struct ECXKey: Equatable {
    /// `X25519`, `X448`, `ED25519` or `ED448`.
    let type: String
    let privateKey: [UInt8]?
    let publicKey: [UInt8]

    /// The ECX type of an OID, or nil.
    static func type(of oid: ASN1ObjectIdentifier) -> String? {
        switch oid {
        case .x25519: return "X25519"
        case .x448: return "X448"
        case .ed25519: return "ED25519"
        case .ed448: return "ED448"
        default: return nil
        }
    }

    /// The key length of a type (RFC 7748, RFC 8032).
    static func length(_ type: String) -> Int {
        switch type {
        case "X25519", "ED25519": return 32
        case "X448": return 56
        default: return 57
        }
    }

    /// A private key from its raw bytes; the public key is derived as OpenSSL derives it.
    /// - Throws: `invalidParameter` (`INVALID_ENCODING` as `ossl_ecx_key_op`) for a wrong length.
    init(type: String, privateRaw raw: [UInt8]) throws {
        self.type = type
        guard raw.count == Self.length(type) else {
            throw CryptoError(
                .invalidParameter, "\(type): a \(raw.count)-byte private key, not \(Self.length(type))",
                openSSL: .ecInvalidEncoding)
        }
        privateKey = raw
        switch type {
        case "X25519": publicKey = try X25519.publicKey(privateKey: raw)
        case "X448": publicKey = try X448.publicKey(privateKey: raw)
        case "ED25519": publicKey = try Ed25519PrivateKey(rawRepresentation: raw).publicKey.rawRepresentation
        default: publicKey = try Ed448PrivateKey(rawRepresentation: raw).publicKey.rawRepresentation
        }
    }

    /// A public key from its raw bytes (an EdDSA key must decode).
    /// - Throws: `invalidParameter` (`INVALID_ENCODING`) for a wrong length or an undecodable key.
    init(type: String, publicRaw raw: [UInt8]) throws {
        self.type = type
        guard raw.count == Self.length(type) else {
            throw CryptoError(
                .invalidParameter, "\(type): a \(raw.count)-byte public key, not \(Self.length(type))",
                openSSL: .ecInvalidEncoding)
        }
        if type == "ED25519" { _ = try Ed25519PublicKey(rawRepresentation: raw) }
        if type == "ED448" { _ = try Ed448PublicKey(rawRepresentation: raw) }
        privateKey = nil
        publicKey = raw
    }

    /// A fresh key of `type` (`EVP_PKEY_keygen`).
    static func generate(_ type: String) throws -> ECXKey {
        switch type {
        case "X25519": return try ECXKey(type: type, privateRaw: X25519.generatePrivateKey())
        case "X448": return try ECXKey(type: type, privateRaw: X448.generatePrivateKey())
        case "ED25519": return try ECXKey(type: type, privateRaw: Ed25519PrivateKey.generate().rawRepresentation)
        default: return try ECXKey(type: type, privateRaw: Ed448PrivateKey.generate().rawRepresentation)
        }
    }

    var isEdDSA: Bool { type.hasPrefix("ED") }

    /// The ECX type a stanza's algorithm name means (`X25519`, `ed25519`), or nil.
    static func type(named name: String) -> String? {
        let n = name.uppercased()
        return ["X25519", "X448", "ED25519", "ED448"].contains(n) ? n : nil
    }
}

/// The reasons of the EC steps (texts and codes of `crypto/err/openssl.txt`).
extension OpenSSLReason {
    /// `EC_R_MISSING_PARAMETERS`.
    static let ecMissingParameters = OpenSSLReason(
        library: "EC", name: "MISSING_PARAMETERS", code: 124, text: "missing parameters")
    static let evpDifferentKeyTypes = OpenSSLReason(
        library: "EVP", name: "DIFFERENT_KEY_TYPES", code: 101, text: "different key types")
    static let provInvalidDigest = OpenSSLReason(
        library: "PROV", name: "INVALID_DIGEST", code: 122, text: "invalid digest")
    /// `EVP_R_ONLY_ONESHOT_SUPPORTED` (m_sigver.c: an update on an EdDSA context).
    static let evpOnlyOneshotSupported = OpenSSLReason(
        library: "EVP", name: "ONLY_ONESHOT_SUPPORTED", code: 177, text: "only oneshot supported")
}

extension PKeyKeys {
    /// An ECX private key inside PKCS#8: RFC 8410's `CurvePrivateKey`, an OCTET STRING.
    static func ecxPrivateKey(_ type: String, _ der: [UInt8]) throws -> PKeyMaterial {
        let raw = try DERReader(der, rules: .openSSL).readingOne { try $0.readOctetString() }
        return .ecx(try ECXKey(type: type, privateRaw: raw))
    }

    /// A key from `PrivateKeyRaw`/`PublicKeyRaw` (`EVP_PKEY_new_raw_private_key_ex`).
    static func ecxRaw(_ algorithm: String, _ bytes: [UInt8], isPrivate: Bool) throws -> PKeyMaterial {
        guard let type = ECXKey.type(named: algorithm) else {
            throw PKeyUnsupported(description: "\(algorithm) raw keys are not implemented")
        }
        return .ecx(isPrivate ? try ECXKey(type: type, privateRaw: bytes) : try ECXKey(type: type, publicRaw: bytes))
    }
}

extension PKeySteps {
    /// `Sign`, `Verify`, `Derive`, ... with an ECX key: X25519 and X448 only derive, Ed25519 and
    /// Ed448 have no EVP_PKEY_sign (their signatures are one-shot DigestSign): every other
    /// operation fails at init with `operation not supported for this keytype`.
    func ecxOperation(_ key: ECXKey) throws -> [UInt8] {
        guard input.kind == .derive, !key.isEdDSA else {
            throw Self.fail(
                "KEYOP_INIT_ERROR", "\(key.type) keys do not \(input.kind)", .evpOperationNotSupportedForThisKeytype)
        }
        guard let priv = key.privateKey else {
            throw Self.fail("KEYOP_INIT_ERROR", "deriving needs a private key", .evpKeysNotSet)
        }
        let peer = try StepFailure.at("DERIVE_SET_PEER_ERROR") { () throws -> ECXKey in
            guard case .ecx(let peer) = try self.key(input.peerKey), peer.type == key.type else {
                throw CryptoError(
                    .invalidParameter, "the peer key is not a \(key.type) key", openSSL: .evpDifferentKeyTypes)
            }
            return peer
        }
        let secret = try StepFailure.at("DERIVE_ERROR") {
            key.type == "X25519"
                ? try X25519.sharedSecret(privateKey: priv, peerPublicKey: peer.publicKey)
                : try X448.sharedSecret(privateKey: priv, peerPublicKey: peer.publicKey)
        }
        try expectSame(secret, step: "SHARED_SECRET_MISMATCH")
        return secret
    }

    /// `DigestSign`/`DigestVerify` and their one-shot forms with an ECX key (`eddsa_sig.c`): only
    /// Ed25519 and Ed448, only without a digest, and only one-shot (an update fails).
    func ecxDigestSignVerify(_ key: ECXKey) throws -> [UInt8] {
        let verifying = input.kind.isVerify
        let initStep = verifying ? "DIGESTVERIFYINIT_ERROR" : "DIGESTSIGNINIT_ERROR"
        guard key.isEdDSA else {
            throw Self.fail(initStep, "\(key.type) keys do not sign", .evpOperationNotSupportedForThisKeytype)
        }
        if let d = input.digest {
            throw Self.fail(initStep, "\(key.type) takes no digest (\(d))", .provInvalidDigest)
        }
        if !verifying && key.privateKey == nil {
            throw Self.fail(initStep, "signing needs a private key", .evpKeysNotSet)
        }
        guard input.controls.isEmpty else {
            throw StepFailure(
                step: "PKEY_CTRL_INVALID",
                underlying: CryptoError(.invalidParameter, "unknown control \(input.controls[0].name)"))
        }
        guard input.kind == .oneShotDigestSign || input.kind == .oneShotDigestVerify else {
            throw Self.fail("DIGESTUPDATE_ERROR", "\(key.type) signs in one shot only", .evpOnlyOneshotSupported)
        }
        let message = input.input.flatMap { $0 }
        if verifying {
            try StepFailure.at("VERIFY_ERROR") {
                let sig = input.output ?? []
                if key.type == "ED25519" {
                    try Ed25519PublicKey(rawRepresentation: key.publicKey).verify(signature: sig, message: message)
                } else {
                    try Ed448PublicKey(rawRepresentation: key.publicKey).verify(signature: sig, message: message)
                }
            }
            return []
        }
        let sig = try StepFailure.at("DIGESTSIGN_ERROR") { () throws -> [UInt8] in
            let raw = key.privateKey ?? []
            return key.type == "ED25519"
                ? try Ed25519PrivateKey(rawRepresentation: raw).signature(for: message)
                : try Ed448PrivateKey(rawRepresentation: raw).signature(for: message)
        }
        try expectSame(sig, step: "SIGNATURE_MISMATCH")
        return sig
    }
}
// MARK: - EC keys on prime curves

extension PKeyKeys {
    /// Whether an OID names one of OpenSSL's binary-field curves (SEC 2 `sect…`, X9.62
    /// `c2pnb…`/`c2tnb…`, WAP WTLS 1, 3, 4, 5, 10, 11).
    static func isBinaryCurve(_ oid: ASN1ObjectIdentifier) -> Bool {
        let d = oid.dotted
        if d.hasPrefix("1.2.840.10045.3.0.") { return true }
        let sec2Binary: Set<Int> = [1, 2, 3, 4, 5, 15, 16, 17, 22, 23, 24, 25, 26, 27, 36, 37, 38, 39]
        if d.hasPrefix("1.3.132.0."), let n = Int(d.dropFirst(10)) { return sec2Binary.contains(n) }
        if d.hasPrefix("2.23.43.1.4."), let n = Int(d.dropFirst(12)) { return [1, 3, 4, 5, 10, 11].contains(n) }
        return false
    }

    /// The curve of EC parameters: a named curve, or explicit prime parameters (a named curve's,
    /// or a curve made of them with OpenSSL's checks). A binary curve needs trait EC2M
    /// (``FamilyDisabled`` without).
    static func ecCurve(_ parameters: ECDomainParameters) throws -> ECCurve {
        switch parameters {
        case .named(let oid):
            #if !EC2M
            if isBinaryCurve(oid) { throw FamilyDisabled(keyType: "EC2M") }
            #endif
            return try ECCurve.named(oid.dotted)
        case .explicit:
            // The key files' reader matches explicit parameters to a named curve (p, a, b, G,
            // n, h) or makes a curve of them (OpenSSL's checks); a binary field is its counted skip.
            return try KeyFileSteps.ecGroup(parameters).0
        case .implicitlyCA:
            throw CryptoError(.invalidParameter, "implicitlyCA EC parameters: no curve", openSSL: .ecMissingParameters)
        }
    }

    static func ecCurve(_ algorithm: AlgorithmIdentifier) throws -> ECCurve {
        guard let der = algorithm.parameters else {
            throw CryptoError(.invalidParameter, "an EC key without parameters", openSSL: .ecMissingParameters)
        }
        return try ecCurve(try ECDomainParameters.parse(der: der, rules: .openSSL))
    }

    /// An EC private key in PKCS#8 (a SEC 1 `ECPrivateKey` inside): the public point the key
    /// holds, or d·G when it holds none (as `d2i_ECPrivateKey`).
    static func ecPrivateKey(_ algorithm: AlgorithmIdentifier, _ der: [UInt8]) throws -> PKeyMaterial {
        let inner = try SEC1ECPrivateKey.parse(der: der, rules: .openSSL)
        let curve =
            try algorithm.parameters == nil && inner.parameters != nil
            ? ecCurve(inner.parameters!) : ecCurve(algorithm)
        // OpenSSL 3.0 makes an EC key on SM2's curve an SM2 key, whose operations are SM2's.
        let key = try ECPrivateKey(curve: curve, d: try BigNum(bytes: inner.privateKey))
        let pub = try inner.publicKey.map {
            try ECPublicKey(uncheckedPoint: try ECPoint(encoded: $0.bytes, curve: curve))
        }
        if curve.name == "SM2" {
            #if SM2
            return .sm2(key, pub ?? key.publicKey)
            #else
            throw FamilyDisabled(keyType: "SM2")
            #endif
        }
        return .ec(key, pub ?? key.publicKey)
    }

    /// An EC key from its numbers (Wycheproof's ECDH and JWK keys): the curve by OpenSSL's
    /// name, a private scalar (its public key d·G) or an encoded point, decoded as
    /// `EC_POINT_oct2point` decodes it and loaded without the subgroup check, as a public key is.
    /// A binary-field curve is a counted skip (EC2M).
    static func ecFromNumbers(_ name: String, point: [UInt8]?, scalar: [UInt8]?) throws -> PKeyMaterial {
        let curve: ECCurve
        do { curve = try ECCurve.named(name) } catch {
            if name.hasPrefix("sect") || name.hasPrefix("c2") {
                throw PKeyUnsupported(
                    description: "binary-field curve \(name): OpenSSL's EC2M is not implemented in LibCrypto")
            }
            throw error
        }
        if let scalar {
            let key = try ECPrivateKey(curve: curve, d: try BigNum(bytes: scalar))
            return .ec(key, key.publicKey)
        }
        return .ec(nil, try ECPublicKey(uncheckedPoint: try ECPoint(encoded: point ?? [], curve: curve)))
    }

    static func ecPublicKey(_ algorithm: AlgorithmIdentifier, _ bits: [UInt8]) throws -> PKeyMaterial {
        let curve = try ecCurve(algorithm)
        if curve.name == "SM2" {
            #if SM2
            return .sm2(nil, try ECPublicKey(uncheckedPoint: try ECPoint(encoded: bits, curve: curve)))
            #else
            throw FamilyDisabled(keyType: "SM2")
            #endif
        }
        return .ec(nil, try ECPublicKey(uncheckedPoint: try ECPoint(encoded: bits, curve: curve)))
    }

    /// `KeyGen = EC` with `ec_paramgen_curve` (or `group`) naming the curve.
    static func generateEC(_ controls: [KDFParameter]) throws -> PKeyMaterial {
        var curve: ECCurve? = nil
        for c in controls {
            switch c.name {
            case "ec_paramgen_curve", "group":
                curve = try StepFailure.at("PKEY_CTRL_ERROR") { try ECCurve.named(c.text) }
            case "ec_param_enc":
                break  // the encoding of the parameters, not the key
            default:
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
            }
        }
        guard let curve else {
            throw StepFailure(
                step: "KEYGEN_GENERATE_ERROR",
                underlying: CryptoError(.invalidParameter, "EC key generation needs a curve"))
        }
        let key = try StepFailure.at("KEYGEN_GENERATE_ERROR") { try ECPrivateKey.generate(curve: curve) }
        return .ec(key, key.publicKey)
    }
}

extension PKeySteps {
    /// `Sign`, `Verify` and `Derive` with an EC key. ECDSA (`ecdsa_sig.c`): with a `digest`
    /// control the input must be that digest's size; the signature is DER. ECDH
    /// (`ecdh_exch.c`): the peer on the same curve, `ecdh_cofactor_mode` 1 multiplies by the
    /// cofactor; with PeerKeyValidate the peer is checked as `EVP_PKEY_public_check` does.
    func ecOperation(_ priv: ECPrivateKey?, _ pub: ECPublicKey) throws -> [UInt8] {
        switch input.kind {
        case .derive:
            guard let priv else { throw Self.fail("KEYOP_INIT_ERROR", "deriving needs a private key", .evpKeysNotSet) }
            let peer = try StepFailure.at("DERIVE_SET_PEER_ERROR") { () throws -> ECPublicKey in
                guard case .ec(_, let peer) = try key(input.peerKey) else {
                    throw CryptoError(
                        .invalidParameter, "the peer key is not an EC key", openSSL: .evpDifferentKeyTypes)
                }
                guard peer.curve == pub.curve else {
                    throw CryptoError(
                        .invalidParameter, "the peer key is on another curve", openSSL: .evpDifferentParameters)
                }
                if input.validatePeer { _ = try ECPublicKey(point: peer.point) }
                return peer
            }
            var cofactor = false
            for c in input.controls {
                guard c.name == "ecdh_cofactor_mode" else {
                    throw StepFailure(
                        step: "PKEY_CTRL_INVALID",
                        underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
                }
                guard let n = Int(c.text), (-1...1).contains(n) else {
                    throw Self.fail("PKEY_CTRL_ERROR", "ecdh_cofactor_mode \(c.text)")
                }
                cofactor = n == 1
            }
            let secret = try StepFailure.at("DERIVE_ERROR") {
                try priv.sharedSecret(with: peer, cofactorMode: cofactor)
            }
            try expectSame(secret, step: "SHARED_SECRET_MISMATCH")
            return secret
        case .sign, .verify:
            var digest: DigestAlgorithm? = nil
            for c in input.controls {
                guard c.name == "digest" else {
                    throw StepFailure(
                        step: "PKEY_CTRL_INVALID",
                        underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
                }
                digest = try StepFailure.at("PKEY_CTRL_ERROR") { try Registry.digest(named: c.text) }
            }
            let data = input.input.flatMap { $0 }
            if input.kind == .verify {
                try StepFailure.at("VERIFY_ERROR") {
                    if let digest, data.count != digest.digestSize {
                        throw CryptoError(.invalidLength, "a \(data.count)-byte digest for \(digest.info.name)")
                    }
                    try pub.verify(signature: input.output ?? [], digest: data)
                }
                return []
            }
            guard let priv else { throw Self.fail("KEYOP_INIT_ERROR", "signing needs a private key", .evpKeysNotSet) }
            let sig = try StepFailure.at("KEYOP_ERROR") { () throws -> [UInt8] in
                if let digest, data.count != digest.digestSize {
                    throw CryptoError(.invalidLength, "a \(data.count)-byte digest for \(digest.info.name)")
                }
                return try priv.sign(
                    digest: data, deterministic: input.deterministicNonce, digestName: digest?.info.name ?? "SHA256")
            }
            // A random-nonce ECDSA signature can only be compared with Output and differ.
            try expectSame(sig, step: "KEYOP_MISMATCH")
            return sig
        default:
            throw Self.fail(
                "KEYOP_INIT_ERROR", "EC keys do not \(input.kind)", .evpOperationNotSupportedForThisKeytype)
        }
    }

    /// `DigestSign`/`DigestVerify` with an EC key: ECDSA over the stanza's digest (SHA-256
    /// when none is named, OpenSSL's default for EC), RFC 6979 nonces with `NonceType =
    /// deterministic`, whose signature is compared with Output.
    func ecDigestSignVerify(_ priv: ECPrivateKey?, _ pub: ECPublicKey) throws -> [UInt8] {
        let verifying = input.kind.isVerify
        let initStep = verifying ? "DIGESTVERIFYINIT_ERROR" : "DIGESTSIGNINIT_ERROR"
        let md = try StepFailure.at(initStep) { try Registry.digest(named: input.digest ?? "SHA256") }
        guard input.controls.isEmpty else {
            throw StepFailure(
                step: "PKEY_CTRL_INVALID",
                underlying: CryptoError(.invalidParameter, "unknown control \(input.controls[0].name)"))
        }
        let digest = try md.hash(input.input.flatMap { $0 })
        if verifying {
            try StepFailure.at("VERIFY_ERROR") {
                let sig = input.output ?? []
                guard input.p1363Signature else { return try pub.verify(signature: sig, digest: digest) }
                // r ‖ s, each as long as the order (Wycheproof's P1363 schema; no OpenSSL form).
                try pub.verify(signature: ECDSASignature(rawRepresentation: sig, curve: pub.curve), digest: digest)
            }
            return []
        }
        guard let priv else { throw Self.fail(initStep, "signing needs a private key", .evpKeysNotSet) }
        let finalStep = input.kind == .oneShotDigestSign ? "DIGESTSIGN_ERROR" : "DIGESTSIGNFINAL_ERROR"
        let sig = try StepFailure.at(finalStep) {
            try priv.sign(digest: digest, deterministic: input.deterministicNonce, digestName: md.info.name)
        }
        if sig != (input.output ?? []) {
            throw StepFailure(
                step: "SIGNATURE_MISMATCH",
                underlying: CryptoError(.authenticationFailure, "the ECDSA signature differs from Output"))
        }
        return sig
    }
}
#endif
