import LibCrypto
import Vectors

// The elliptic-curve keys of the public-key stanzas (trait EC): X25519, X448, Ed25519 and Ed448
// keys (OpenSSL's ECX key managers, ecx_meth.c / ecx_exch.c / eddsa_sig.c), read from PKCS#8,
// SubjectPublicKeyInfo and raw bytes (`PrivateKeyRaw`/`PublicKeyRaw`), with the operations
// OpenSSL 3.0 gives them: X25519/X448 derive only; Ed25519/Ed448 sign and verify only through
// the one-shot EVP_DigestSign/EVP_DigestVerify with no digest.

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
    /// `EC_R_INVALID_ENCODING` (`ossl_ecx_key_op` on a key of the wrong length).
    static let ecInvalidEncoding = OpenSSLReason(
        library: "EC", name: "INVALID_ENCODING", code: 102, text: "invalid encoding")
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
#endif
