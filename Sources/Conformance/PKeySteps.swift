import Foundation
import LibCrypto
import Vectors

// evp_test's public-key stanzas on LibCrypto: the key a stanza names, the `Ctrl` settings as
// OpenSSL 3.0's providers take them (rsa_sig.c, rsa_enc.c), the operation, and the step a
// failure belongs to (`KEYOP_INIT_ERROR`, `PKEY_CTRL_ERROR`, `KEYOP_ERROR`, `VERIFY_ERROR`,
// `DIGESTSIGNINIT_ERROR`, ...), so that a stanza's `Result` is checked against the step and its
// `Reason` against the OpenSSL reason text the error carries.

/// A key as the public-key steps use it.
enum PKeyMaterial {
    /// An RSA key (`rsaEncryption`), or an RSA-PSS key (`RSASSA-PSS`) with its restrictions.
    case rsa(RSAPrivateKey?, RSAPublicKey, pss: RSAPSSRestrictions?)
    #if DSA
    /// A DSA key.
    case dsa(DSAPrivateKey?, DSAPublicKey)
    #endif
    #if DH
    /// A DH key (PKCS#3 or X9.42 parameters).
    case dh(DHPrivateKey?, DHPublicKey)
    #endif
    #if EC
    /// An EC key on a prime curve: the private key, and the public key as loaded.
    case ec(ECPrivateKey?, ECPublicKey)
    /// An X25519, X448, Ed25519 or Ed448 key.
    case ecx(ECXKey)
    #endif
    #if SM2
    /// An SM2 key (an EC key on the SM2 curve, as OpenSSL 3.0 types it).
    case sm2(ECPrivateKey?, ECPublicKey)
    #endif
    /// A key of a type LibCrypto has no operations for (yet): its algorithm's name.
    case other(String)

    var typeName: String {
        switch self {
        case .rsa(_, _, let pss): return pss == nil ? "RSA" : "RSA-PSS"
        #if DSA
        case .dsa: return "DSA"
        #endif
        #if DH
        case .dh: return "DH"
        #endif
        #if EC
        case .ec: return "EC"
        case .ecx(let k): return k.type
        #endif
        #if SM2
        case .sm2: return "SM2"
        #endif
        case .other(let name): return name
        }
    }
}

/// What an RSA-PSS key's `RSASSA-PSS-params` fix (RFC 4055): the digest, the MGF1 digest and
/// the smallest salt length; an RSA-PSS key without parameters has none.
struct RSAPSSRestrictions: Hashable {
    var digest: String?
    var mgf1Digest: String?
    var minSaltLength: Int?
    /// A salt length that cannot be (negative, or longer than the key allows): the key loads,
    /// but every operation refuses to start (`KEYOP_INIT_ERROR`, "invalid salt length").
    var invalidSaltLength = false
}

/// The OpenSSL reasons the steps raise themselves (texts of `crypto/err/openssl.txt`).
extension OpenSSLReason {
    static let evpOperationNotSupportedForThisKeytype = OpenSSLReason(
        library: "EVP", name: "OPERATION_NOT_SUPPORTED_FOR_THIS_KEYTYPE", code: 150,
        text: "operation not supported for this keytype")
    static let provInvalidMGF1MD = OpenSSLReason(
        library: "PROV", name: "INVALID_MGF1_MD", code: 195, text: "invalid mgf1 md")
    static let provDigestNotAllowed = OpenSSLReason(
        library: "PROV", name: "DIGEST_NOT_ALLOWED", code: 174, text: "digest not allowed")
    static let provIllegalOrUnsupportedPaddingMode = OpenSSLReason(
        library: "PROV", name: "ILLEGAL_OR_UNSUPPORTED_PADDING_MODE", code: 167,
        text: "illegal or unsupported padding mode")
    static let provPSSSaltlenTooSmall = OpenSSLReason(
        library: "PROV", name: "PSS_SALTLEN_TOO_SMALL", code: 172, text: "pss saltlen too small")
    static let provInvalidSaltLengthReason = OpenSSLReason(
        library: "PROV", name: "INVALID_SALT_LENGTH", code: 112, text: "invalid salt length")
    static let evpKeysNotSet = OpenSSLReason(library: "EVP", name: "KEYS_NOT_SET", code: 154, text: "keys not set")
}

/// Runs one `PKeyInput` on LibCrypto. Keys come from `load`, which the caller provides (PEM,
/// raw bytes, or a generated key).
struct PKeySteps {
    let input: PKeyInput
    let load: (KeyDefinition) throws -> PKeyMaterial

    static func fail(_ step: String, _ error: any Error) -> StepFailure { StepFailure(step: step, underlying: error) }

    static func fail(_ step: String, _ message: String, _ reason: OpenSSLReason? = nil) -> StepFailure {
        StepFailure(step: step, underlying: CryptoError(.invalidParameter, message, openSSL: reason))
    }

    /// The stanza's key, loaded (a definition OpenSSL cannot load is a skip there; here a throw).
    func key(_ definition: KeyDefinition?) throws -> PKeyMaterial {
        guard let definition else { throw CryptoError(.invalidParameter, "the stanza names no key") }
        return try load(definition)
    }

    func run() throws -> [UInt8] {
        switch input.kind {
        case .keyGen: return try keyGen()
        case .privPubKeyPair: return try keyPair()
        case .sign, .verify, .verifyRecover, .decrypt, .encrypt, .derive:
            return try keyOperation()
        case .digestSign, .digestVerify, .oneShotDigestSign, .oneShotDigestVerify:
            return try digestSignVerify()
        }
    }

    // MARK: key operations (EVP_PKEY_sign, _verify, _verify_recover, _decrypt, _encrypt, _derive)

    func keyOperation() throws -> [UInt8] {
        let material = try key(input.key)
        switch material {
        #if DSA
        case .dsa(let priv, let pub): return try dsaOperation(priv, pub)
        #endif
        #if DH
        case .dh(let priv, _): return try dhDerive(priv)
        #endif
        #if EC
        case .ec(let priv, let pub): return try ecOperation(priv, pub)
        case .ecx(let k): return try ecxOperation(k)
        #endif
        #if SM2
        case .sm2(let priv, let pub): return try sm2Operation(priv, pub)
        #endif
        default: break
        }
        guard case .rsa(let priv, let pub, let pss) = material else {
            throw PKeyUnsupported(description: "\(material.typeName) keys have no operations in LibCrypto yet")
        }
        switch input.kind {
        case .derive:
            throw Self.fail(
                "KEYOP_INIT_ERROR", "RSA keys do not derive", .evpOperationNotSupportedForThisKeytype)
        case .decrypt, .encrypt:
            if pss != nil {
                throw Self.fail(
                    "KEYOP_INIT_ERROR", "RSA-PSS keys do not encrypt", .evpOperationNotSupportedForThisKeytype)
            }
            var ctx = RSAEncryptionSettings()
            for c in input.controls { try ctx.apply(c) }
            let data = input.input.flatMap { $0 }
            let out: [UInt8] = try StepFailure.at("KEYOP_ERROR") {
                if input.kind == .encrypt { return try pub.encrypt(data, padding: try ctx.rsaPadding()) }
                guard let priv else { throw CryptoError(.invalidParameter, "decryption needs a private key") }
                return try priv.decrypt(data, padding: try ctx.rsaPadding())
            }
            if input.kind == .decrypt { try expectSame(out, step: "KEYOP_MISMATCH") }
            return out
        default:
            var ctx = try RSASignatureSettings(pss: pss, operation: input.kind)
            for c in input.controls { try ctx.apply(c) }
            let data = input.input.flatMap { $0 }
            switch input.kind {
            case .sign:
                guard let priv else {
                    throw Self.fail("KEYOP_INIT_ERROR", "signing needs a private key", .evpKeysNotSet)
                }
                let sig = try StepFailure.at("KEYOP_ERROR") {
                    try priv.sign(digest: data, algorithm: try ctx.digestAlgorithm(), padding: try ctx.rsaPadding())
                }
                try expectSame(sig, step: "KEYOP_MISMATCH")
                return sig
            case .verify:
                try StepFailure.at("VERIFY_ERROR") {
                    try pub.verify(
                        signature: input.output ?? [], digest: data, algorithm: try ctx.digestAlgorithm(),
                        padding: try ctx.rsaPadding())
                }
                return []
            default:  // .verifyRecover
                let recovered = try StepFailure.at("KEYOP_ERROR") {
                    try pub.recover(
                        signature: data, algorithm: try ctx.digestAlgorithm(), padding: try ctx.rsaPadding())
                }
                try expectSame(recovered, step: "KEYOP_MISMATCH")
                return recovered
            }
        }
    }

    #if DSA
    /// `Sign`, `Verify` with a DSA key (`dsa_sig.c`): the `digest` control fixes the input's
    /// length; without it the input is taken as it is. DSA keys do not derive, encrypt or decrypt.
    func dsaOperation(_ priv: DSAPrivateKey?, _ pub: DSAPublicKey) throws -> [UInt8] {
        guard input.kind == .sign || input.kind == .verify else {
            throw Self.fail(
                "KEYOP_INIT_ERROR", "DSA keys only sign and verify", .evpOperationNotSupportedForThisKeytype)
        }
        var digest: DigestAlgorithm? = nil
        for c in input.controls {
            guard c.name == "digest" else {
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
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
        // A DSA signature is randomized: evp_test can only compare it with its Output and fail.
        let sig = try StepFailure.at("KEYOP_ERROR") { try priv.sign(digest: data) }
        try expectSame(sig, step: "KEYOP_MISMATCH")
        return sig
    }
    #endif

    #if DH
    /// `Derive` with a DH key (`dh_exch.c`): the peer key is checked when it is set (the same
    /// parameters; with `PeerKeyValidate` also `DH_check_pub_key`), `dh_pad` pads the secret
    /// to the prime's length.
    func dhDerive(_ priv: DHPrivateKey?) throws -> [UInt8] {
        guard input.kind == .derive else {
            throw Self.fail("KEYOP_INIT_ERROR", "DH keys only derive", .evpOperationNotSupportedForThisKeytype)
        }
        guard let priv else { throw Self.fail("KEYOP_INIT_ERROR", "deriving needs a private key", .evpKeysNotSet) }
        let peer = try StepFailure.at("DERIVE_SET_PEER_ERROR") { () throws -> DHPublicKey in
            guard case .dh(_, let peer) = try key(input.peerKey) else {
                throw CryptoError(.invalidParameter, "the peer key is not a DH key", openSSL: .evpDifferentParameters)
            }
            guard peer.parameters == priv.parameters else {
                throw CryptoError(
                    .invalidParameter, "the peer key has other parameters", openSSL: .evpDifferentParameters)
            }
            if input.validatePeer { try peer.check() }
            return peer
        }
        var padded = false
        for c in input.controls {
            guard c.name == "dh_pad" else {
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
            }
            guard let n = Int(c.text) else { throw Self.fail("PKEY_CTRL_ERROR", "dh_pad \(c.text)") }
            padded = n != 0
        }
        var secret = try StepFailure.at("DERIVE_ERROR") {
            // Through a KDF the secret is always padded (dh_exch.c's dh_X9_42_kdf_derive).
            try priv.deriveSharedSecret(with: peer, padded: padded || input.kdfType != nil)
        }
        if let kdf = input.kdfType {
            var parameters = [KDFParameter("secret", .bytes(secret))]
            if let d = input.kdfDigest { parameters.append(KDFParameter("digest", .text(d))) }
            if let c = input.kdfCEKAlgorithm { parameters.append(KDFParameter("cekalg", .text(c))) }
            let request = KDFInput(kdf: kdf, parameters: parameters, outputLength: input.kdfOutputLength ?? 0)
            secret = try StepFailure.at("DERIVE_ERROR") { try LibCryptoKDF(request).derive() }
        }
        try expectSame(secret, step: "SHARED_SECRET_MISMATCH")
        return secret
    }
    #endif

    /// evp_test compares an output it was given with what the operation produced (`*_MISMATCH`).
    func expectSame(_ got: [UInt8], step: String) throws {
        if let want = input.output, want != got {
            throw StepFailure(
                step: step, underlying: CryptoError(.authenticationFailure, "output differs from the stanza's Output"))
        }
    }

    // MARK: DigestSign, DigestVerify and their one-shot forms

    func digestSignVerify() throws -> [UInt8] {
        let verifying = input.kind.isVerify
        let initStep = verifying ? "DIGESTVERIFYINIT_ERROR" : "DIGESTSIGNINIT_ERROR"
        let material = try key(input.key)
        #if DSA
        if case .dsa(let priv, let pub) = material { return try dsaDigestSignVerify(priv, pub) }
        #endif
        #if EC
        if case .ecx(let k) = material { return try ecxDigestSignVerify(k) }
        if case .ec(let priv, let pub) = material { return try ecDigestSignVerify(priv, pub) }
        #endif
        #if SM2
        if case .sm2(let priv, let pub) = material { return try sm2DigestSignVerify(priv, pub) }
        #endif
        guard case .rsa(let priv, let pub, let pss) = material else {
            throw PKeyUnsupported(description: "\(material.typeName) keys have no operations in LibCrypto yet")
        }
        var ctx = try StepFailure.at(initStep) {
            var c = try RSASignatureSettings(pss: pss, operation: verifying ? .verify : .sign)
            // EVP_DigestSignInit with a digest sets it on the context, as the `digest` ctrl would.
            if let d = input.digest { try c.apply(KDFParameter("digest", .text(d)), step: initStep) }
            return c
        }
        if !verifying && priv == nil {
            throw Self.fail(initStep, "signing needs a private key", .evpKeysNotSet)
        }
        for c in input.controls { try ctx.apply(c) }
        let md = try StepFailure.at(initStep) { () throws -> DigestAlgorithm in
            guard let md = try ctx.digestAlgorithm() else {
                throw CryptoError(.invalidParameter, "DigestSign without a digest is not RSA's")
            }
            return md
        }
        let digest = try md.hash(input.input.flatMap { $0 })
        if verifying {
            try StepFailure.at("VERIFY_ERROR") {
                try pub.verify(
                    signature: input.output ?? [], digest: digest, algorithm: md, padding: try ctx.rsaPadding())
            }
            return []
        }
        let finalStep = input.kind == .oneShotDigestSign ? "DIGESTSIGN_ERROR" : "DIGESTSIGNFINAL_ERROR"
        guard let priv else { throw Self.fail(initStep, "signing needs a private key", .evpKeysNotSet) }
        let sig = try StepFailure.at(finalStep) {
            try priv.sign(digest: digest, algorithm: md, padding: try ctx.rsaPadding())
        }
        try expectSame(sig, step: "SIGNATURE_MISMATCH")
        return sig
    }

    #if DSA
    /// `DigestSign`/`DigestVerify` with a DSA key. A DSA signature is randomized, so a signing
    /// stanza can only expect `SIGNATURE_MISMATCH` against its `Output` (none: the empty one).
    func dsaDigestSignVerify(_ priv: DSAPrivateKey?, _ pub: DSAPublicKey) throws -> [UInt8] {
        let verifying = input.kind.isVerify
        let initStep = verifying ? "DIGESTVERIFYINIT_ERROR" : "DIGESTSIGNINIT_ERROR"
        let md = try StepFailure.at(initStep) { () throws -> DigestAlgorithm in
            guard let name = input.digest else { throw CryptoError(.invalidParameter, "DSA needs a digest") }
            return try Registry.digest(named: name)
        }
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
                try pub.verify(signature: try Self.p1363(sig, q: pub.parameters.q), digest: digest)
            }
            return []
        }
        guard let priv else { throw Self.fail(initStep, "signing needs a private key", .evpKeysNotSet) }
        let finalStep = input.kind == .oneShotDigestSign ? "DIGESTSIGN_ERROR" : "DIGESTSIGNFINAL_ERROR"
        let sig = try StepFailure.at(finalStep) { try priv.sign(digest: digest) }
        if sig != (input.output ?? []) {
            throw StepFailure(
                step: "SIGNATURE_MISMATCH",
                underlying: CryptoError(.authenticationFailure, "a fresh DSA signature differs from Output"))
        }
        return sig
    }

    /// An IEEE P1363 DSA signature: r || s, each exactly as long as q (Wycheproof's
    /// `dsa_p1363_verify_schema`). Any other length is not a signature for this key.
    static func p1363(_ sig: [UInt8], q: BigNum) throws -> DSASignature {
        let half = (q.bitWidth + 7) / 8
        guard half > 0, sig.count == 2 * half else {
            throw CryptoError(
                .authenticationFailure, "a P1363 signature of \(sig.count) bytes, not 2 x \(half)")
        }
        return DSASignature(r: try BigNum(bytes: Array(sig[..<half])), s: try BigNum(bytes: Array(sig[half...])))
    }
    #endif

    // MARK: PrivPubKeyPair and KeyGen

    func keyPair() throws -> [UInt8] {
        let priv = try key(input.key)
        let pub = try key(input.peerKey)
        switch (priv, pub) {
        case (.rsa(_, let a, let p1), .rsa(_, let b, let p2)):
            guard (p1 == nil) == (p2 == nil) else {
                throw Self.fail("KEYPAIR_TYPE_MISMATCH", "RSA and RSA-PSS keys are different types")
            }
            guard a == b else { throw Self.fail("KEYPAIR_MISMATCH", "the public key is not the private key's") }
            return []
        #if DSA
        case (.dsa(_, let a), .dsa(_, let b)):
            guard a == b else { throw Self.fail("KEYPAIR_MISMATCH", "the public key is not the private key's") }
            return []
        #endif
        #if DH
        case (.dh(_, let a), .dh(_, let b)):
            guard a == b else { throw Self.fail("KEYPAIR_MISMATCH", "the public key is not the private key's") }
            return []
        #endif
        #if EC
        case (.ec(_, let a), .ec(_, let b)):
            guard a == b else { throw Self.fail("KEYPAIR_MISMATCH", "the public key is not the private key's") }
            return []
        case (.ecx(let a), .ecx(let b)):
            guard a.type == b.type else {
                throw Self.fail("KEYPAIR_TYPE_MISMATCH", "\(a.type) and \(b.type) keys are different types")
            }
            guard a.publicKey == b.publicKey else {
                throw Self.fail("KEYPAIR_MISMATCH", "the public key is not the private key's")
            }
            return []
        #endif
        #if SM2
        case (.sm2(_, let a), .sm2(_, let b)):
            guard a == b else { throw Self.fail("KEYPAIR_MISMATCH", "the public key is not the private key's") }
            return []
        #endif
        case (.other, .other):
            if priv.typeName != pub.typeName {
                throw Self.fail(
                    "KEYPAIR_TYPE_MISMATCH", "\(priv.typeName) and \(pub.typeName) keys are different types")
            }
            throw PKeyUnsupported(description: "\(priv.typeName) keys have no operations in LibCrypto yet")
        default:
            throw Self.fail("KEYPAIR_TYPE_MISMATCH", "\(priv.typeName) and \(pub.typeName) keys are different types")
        }
    }

    func keyGen() throws -> [UInt8] {
        let definition = KeyDefinition(
            name: "KeyGen", isPrivate: true,
            source: .generated(algorithm: input.algorithm ?? "", controls: input.controls), line: 0)
        _ = try load(definition)
        return []
    }
}

/// The settings of an RSA signature context (`rsa_sig.c`): padding, digest, MGF1 digest, salt
/// length, as `EVP_PKEY_CTX_ctrl_str` sets them, with the checks OpenSSL 3.0 makes when each
/// is set.
struct RSASignatureSettings {
    enum Padding: Equatable { case pkcs1, pss, x931, none }
    var mode: Padding
    var digest: String?
    var mgf1Digest: String?
    /// OpenSSL's salt length value: -1 digest, -2 auto (max when signing), -3 max, else bytes.
    var saltLength: Int
    let restrictions: RSAPSSRestrictions?
    let operation: PKeyInput.Kind

    init(pss: RSAPSSRestrictions?, operation: PKeyInput.Kind) throws {
        restrictions = pss
        self.operation = operation
        mode = pss == nil ? .pkcs1 : .pss
        digest = pss?.digest
        mgf1Digest = pss?.mgf1Digest
        saltLength = pss?.minSaltLength ?? -2
        if pss?.invalidSaltLength == true {
            throw PKeySteps.fail("KEYOP_INIT_ERROR", "the key's PSS salt length", .provInvalidSaltLengthReason)
        }
    }

    /// Applies one `Ctrl = name:value`.
    mutating func apply(_ c: KDFParameter, step: String = "PKEY_CTRL_ERROR") throws {
        let value = c.text
        func bad(_ message: String, _ reason: OpenSSLReason? = nil) -> StepFailure {
            PKeySteps.fail(step, message, reason)
        }
        switch c.name {
        case "rsa_padding_mode":
            let mode: Padding
            switch value.lowercased() {
            case "pkcs1", "1": mode = .pkcs1
            case "none", "3": mode = .none
            case "x931", "5": mode = .x931
            case "pss", "6": mode = .pss
            case "oaep", "4":
                throw bad("OAEP padding is not for signatures", .provIllegalOrUnsupportedPaddingMode)
            default: throw bad("unknown padding mode \(value)", .provIllegalOrUnsupportedPaddingMode)
            }
            if restrictions != nil && mode != .pss {
                throw bad("an RSA-PSS key takes only PSS padding", .provIllegalOrUnsupportedPaddingMode)
            }
            if mode == .pss && operation == .verifyRecover {
                throw bad("PSS padding is only for sign and verify", .provIllegalOrUnsupportedPaddingMode)
            }
            if mode == .none && digest != nil {
                throw bad("no padding with a digest", .provInvalidPaddingMode)
            }
            // PSS without a digest takes SHA-1 (rsa_sig.c, RSA_DEFAULT_DIGEST_NAME).
            if mode == .pss && digest == nil { digest = "SHA1" }
            self.mode = mode
        case "digest":
            let name = try canonicalDigest(value, step: step)
            if let fixed = restrictions?.digest, try canonicalDigest(fixed, step: step) != name {
                throw bad("the RSA-PSS key fixes the digest to \(fixed)", .provDigestNotAllowed)
            }
            if mode == .none { throw bad("no padding with a digest", .provInvalidPaddingMode) }
            digest = name
        case "rsa_mgf1_md":
            guard mode == .pss else { throw bad("MGF1 is PSS's", .provInvalidMGF1MD) }
            let name = try canonicalDigest(value, step: step)
            if let fixed = restrictions?.mgf1Digest, try canonicalDigest(fixed, step: step) != name {
                throw bad("the RSA-PSS key fixes the MGF1 digest to \(fixed)", .provDigestNotAllowed)
            }
            mgf1Digest = name
        case "rsa_pss_saltlen":
            guard mode == .pss else { throw bad("a salt length is PSS's", .provInvalidSaltLengthReason) }
            let n: Int
            switch value.lowercased() {
            case "digest": n = -1
            case "auto": n = -2
            case "max": n = -3
            default:
                guard let v = Int(value), v >= -3 else {
                    throw bad("salt length \(value)", .provInvalidSaltLengthReason)
                }
                n = v
            }
            if let min = restrictions?.minSaltLength, n >= 0, n < min {
                throw bad("salt length \(n) below the key's \(min)", .provPSSSaltlenTooSmall)
            }
            saltLength = n
        default:
            throw StepFailure(
                step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
        }
    }

    /// A digest name as the registry knows it; an unknown one fails the control.
    func canonicalDigest(_ name: String, step: String) throws -> String {
        do { return try Registry.digest(named: name).info.name } catch {
            throw PKeySteps.fail(step, error)
        }
    }

    func digestAlgorithm() throws -> DigestAlgorithm? {
        try digest.map { try Registry.digest(named: $0) }
    }

    func rsaPadding() throws -> RSASignaturePadding {
        switch mode {
        case .pkcs1: return .pkcs1
        case .x931: return .x931
        case .none: return .none
        case .pss:
            let salt: RSAPSSSaltLength
            switch saltLength {
            case -1: salt = .digest
            case -2: salt = .auto
            case -3: salt = .max
            default: salt = .length(saltLength)
            }
            return .pss(saltLength: salt, mgf1Digest: try mgf1Digest.map { try Registry.digest(named: $0) })
        }
    }
}

/// The settings of an RSA encryption context (`rsa_enc.c`): padding, OAEP digest, MGF1
/// digest, label.
struct RSAEncryptionSettings {
    var mode = "pkcs1"
    var oaepDigest: String?
    var mgf1Digest: String?
    var label: [UInt8] = []

    mutating func apply(_ c: KDFParameter) throws {
        func bad(_ message: String, _ reason: OpenSSLReason? = nil) -> StepFailure {
            PKeySteps.fail("PKEY_CTRL_ERROR", message, reason)
        }
        switch c.name {
        case "rsa_padding_mode":
            switch c.text.lowercased() {
            case "pkcs1", "1": mode = "pkcs1"
            case "none", "3": mode = "none"
            case "oaep", "4": mode = "oaep"
            default: throw bad("padding \(c.text) is not for encryption", .provIllegalOrUnsupportedPaddingMode)
            }
        case "rsa_oaep_md", "digest":
            oaepDigest = try StepFailure.at("PKEY_CTRL_ERROR") { try Registry.digest(named: c.text).info.name }
        case "rsa_mgf1_md":
            mgf1Digest = try StepFailure.at("PKEY_CTRL_ERROR") { try Registry.digest(named: c.text).info.name }
        case "rsa_oaep_label":
            label = try StepFailure.at("PKEY_CTRL_ERROR") { try Hex.decode(c.text) }
        default:
            throw StepFailure(
                step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
        }
    }

    func rsaPadding() throws -> RSAEncryptionPadding {
        switch mode {
        case "none": return .none
        case "oaep":
            let md = try Registry.digest(named: oaepDigest ?? "SHA1")
            return .oaep(digest: md, mgf1Digest: try mgf1Digest.map { try Registry.digest(named: $0) }, label: label)
        default: return .pkcs1
        }
    }
}
