import LibCrypto
import Vectors

// SM2 keys in the public-key stanzas (trait SM2). OpenSSL 3.0 makes an EC key on the SM2 curve
// an SM2 key, with SM2's operations only (providers/implementations/signature/sm2_sig.c,
// asymciphers/sm2_enc.c):
// - Sign/Verify (EVP_PKEY_sign on e = H(Z_A‖M)): the `digest` control must name SM3
//   (`sm2sig_set_mdname`: anything else is PROV_R_INVALID_DIGEST); the input must be the
//   digest's size; `distid`/`hexdistid` are accepted (they only matter to DigestSign).
// - DigestSign/DigestVerify: e = H(Z_A‖M) with the `distid` (empty by default) and SM3.
// - Encrypt/Decrypt: the `digest` control names the KDF's and C3's digest (any, SM3 by default).
// - KeyGen = SM2 (the `group` control may name the curve).

#if SM2
extension PKeyKeys {
    /// `KeyGen = SM2`: a key on the SM2 curve (or the curve `group` names).
    static func generateSM2(_ controls: [KDFParameter]) throws -> PKeyMaterial {
        var curve = try ECCurve.named("SM2")
        for c in controls {
            switch c.name {
            case "ec_paramgen_curve", "group":
                curve = try StepFailure.at("PKEY_CTRL_ERROR") { try ECCurve.named(c.text) }
            default:
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
            }
        }
        let key = try StepFailure.at("KEYGEN_GENERATE_ERROR") { try ECPrivateKey.generate(curve: curve) }
        return .sm2(key, key.publicKey)
    }
}

extension PKeySteps {
    /// The `distid`/`hexdistid` controls' identifier (OpenSSL 3.0's default: empty), and
    /// whether a `digest` control named something other than SM3.
    private func sm2Settings(allowDigest: Bool) throws -> (id: [UInt8], digest: String?) {
        var id: [UInt8] = []
        var digest: String? = nil
        for c in input.controls {
            switch c.name {
            case "distid": id = Array(c.text.utf8)
            case "hexdistid":
                id = try StepFailure.at("PKEY_CTRL_ERROR") { try Hex.decode(c.text) }
            case "digest" where allowDigest:
                digest = try StepFailure.at("PKEY_CTRL_ERROR") { () throws -> String in
                    try Registry.digest(named: c.text).info.name
                }
            default:
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID", underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
            }
        }
        return (id, digest)
    }

    /// sm2sig_set_mdname: the signature's digest is SM3, and only SM3.
    private static func requireSM3(_ name: String?, step: String) throws {
        guard let name, name != "SM3" else { return }
        throw fail(step, "SM2 signs with SM3 only, not \(name)", .provInvalidDigest)
    }

    /// `Sign`, `Verify`, `Encrypt`, `Decrypt` with an SM2 key.
    func sm2Operation(_ priv: ECPrivateKey?, _ pub: ECPublicKey) throws -> [UInt8] {
        let data = input.input.flatMap { $0 }
        switch input.kind {
        case .sign, .verify:
            let settings = try sm2Settings(allowDigest: true)
            try Self.requireSM3(settings.digest, step: "PKEY_CTRL_ERROR")
            if input.kind == .verify {
                try StepFailure.at("VERIFY_ERROR") {
                    guard data.count == 32 else {
                        throw CryptoError(.invalidLength, "SM2 verifies a 32-byte SM3 digest, not \(data.count) bytes")
                    }
                    try SM2.verify(signature: input.output ?? [], digest: data, publicKey: pub)
                }
                return []
            }
            guard let priv else { throw Self.fail("KEYOP_INIT_ERROR", "signing needs a private key", .evpKeysNotSet) }
            let sig = try StepFailure.at("KEYOP_ERROR") { () throws -> [UInt8] in
                guard data.count == 32 else {
                    throw CryptoError(.invalidLength, "SM2 signs a 32-byte SM3 digest, not \(data.count) bytes")
                }
                let sig = try SM2.sign(digest: data, privateKey: priv)
                // A random-nonce signature can only differ from Output: it must at least verify.
                try SM2.verify(signature: sig, digest: data, publicKey: pub)
                return sig
            }
            try expectSame(sig, step: "KEYOP_MISMATCH")
            return sig
        case .encrypt, .decrypt:
            let settings = try sm2Settings(allowDigest: true)
            guard settings.id.isEmpty else {
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID",
                    underlying: CryptoError(.invalidParameter, "distid is not an SM2 cipher control"))
            }
            let digest = settings.digest ?? SM2.defaultDigest
            if input.kind == .decrypt {
                guard let priv else {
                    throw Self.fail("KEYOP_INIT_ERROR", "decrypting needs a private key", .evpKeysNotSet)
                }
                let out = try StepFailure.at("KEYOP_ERROR") {
                    try SM2.decrypt(data, privateKey: priv, digestName: digest)
                }
                try expectSame(out, step: "KEYOP_MISMATCH")
                return out
            }
            let out = try StepFailure.at("KEYOP_ERROR") { () throws -> [UInt8] in
                let ct = try SM2.encrypt(data, publicKey: pub, digestName: digest)
                // A random ciphertext can only be checked by decrypting it (with the private key).
                if let priv, try SM2.decrypt(ct, privateKey: priv, digestName: digest) != data {
                    throw CryptoError(.badDecrypt, "SM2 ciphertext does not decrypt to the input")
                }
                return ct
            }
            try expectSame(out, step: "KEYOP_MISMATCH")
            return out
        default:
            throw Self.fail(
                "KEYOP_INIT_ERROR", "SM2 keys do not \(input.kind)", .evpOperationNotSupportedForThisKeytype)
        }
    }

    /// `DigestSign`/`DigestVerify` with an SM2 key: SM3 only, e = H(Z_A‖M) with `distid`.
    func sm2DigestSignVerify(_ priv: ECPrivateKey?, _ pub: ECPublicKey) throws -> [UInt8] {
        let verifying = input.kind.isVerify
        let initStep = verifying ? "DIGESTVERIFYINIT_ERROR" : "DIGESTSIGNINIT_ERROR"
        if let d = input.digest {
            let name = try StepFailure.at(initStep) { try Registry.digest(named: d).info.name }
            try Self.requireSM3(name, step: initStep)
        }
        let settings = try sm2Settings(allowDigest: false)
        let message = input.input.flatMap { $0 }
        if verifying {
            try StepFailure.at("VERIFY_ERROR") {
                try SM2.verify(signature: input.output ?? [], message: message, publicKey: pub, id: settings.id)
            }
            return []
        }
        guard let priv else { throw Self.fail(initStep, "signing needs a private key", .evpKeysNotSet) }
        let finalStep = input.kind == .oneShotDigestSign ? "DIGESTSIGN_ERROR" : "DIGESTSIGNFINAL_ERROR"
        let sig = try StepFailure.at(finalStep) { () throws -> [UInt8] in
            let sig = try SM2.sign(message: message, privateKey: priv, id: settings.id)
            try SM2.verify(signature: sig, message: message, publicKey: pub, id: settings.id)
            return sig
        }
        if sig != (input.output ?? []) {
            throw StepFailure(
                step: "SIGNATURE_MISMATCH",
                underlying: CryptoError(.authenticationFailure, "the SM2 signature differs from Output"))
        }
        return sig
    }
}
#endif
