// The RSA operations a caller uses: encrypt/decrypt with a padding choice, sign/verify a digest or
// a message, recover the signed data (OpenSSL's EVP_PKEY_encrypt/decrypt/sign/verify/
// verify_recover with the `rsa_padding_mode`, `digest`, `rsa_pss_saltlen`, `rsa_mgf1_md`,
// `rsa_oaep_md` and `rsa_oaep_label` parameters, and their checks and reasons).
//
// Timing.
//   - CONSTANT TIME: RSAPrivateKey.decrypt (the private operation, then the constant-time
//     PKCS#1 v1.5 or OAEP decoding; one error for every padding failure) and RSAPrivateKey.sign
//     (the private operation; the encoded block is built from the public digest).
//   - VARIABLE TIME (public data): RSAPublicKey.encrypt, verify, recover.

/// The padding of an RSA encryption (`rsa_padding_mode` for `EVP_PKEY_encrypt`/`decrypt`).
public enum RSAEncryptionPadding: Sendable {
    /// PKCS#1 v1.5 (`pkcs1`, block type 2). Decryption failures are errors (OpenSSL 3.0; implicit
    /// rejection came in 3.2).
    case pkcs1
    /// OAEP (`oaep`) with a digest, an MGF1 digest (nil: the same digest) and a label.
    case oaep(digest: DigestAlgorithm, mgf1Digest: DigestAlgorithm? = nil, label: [UInt8] = [])
    /// No padding (`none`): the input is exactly the modulus' length.
    case none

    /// OAEP as OpenSSL does it by default: SHA-1, MGF1 with SHA-1, an empty label.
    /// - Throws: `unknownAlgorithm` if SHA-1 is not in this build.
    public static func oaepDefault() throws -> RSAEncryptionPadding {
        .oaep(digest: try Registry.digest(named: "SHA1"))
    }
}

/// The padding of an RSA signature (`rsa_padding_mode` for `EVP_PKEY_sign`/`verify`).
public enum RSASignaturePadding: Sendable {
    /// PKCS#1 v1.5 (`pkcs1`, block type 1): `DigestInfo || hash` when a digest is set, the input
    /// itself otherwise.
    case pkcs1
    /// PSS (`pss`): a digest is required; the MGF1 digest is the signature digest when nil.
    case pss(saltLength: RSAPSSSaltLength = .auto, mgf1Digest: DigestAlgorithm? = nil)
    /// ANSI X9.31 (`x931`): `hash || hash id` with a digest (SHA-1, SHA-256, SHA-384, SHA-512),
    /// the input itself otherwise.
    case x931
    /// No padding (`none`): a raw private operation on exactly the modulus' length; no digest.
    case none
}

extension RSAPublicKey {
    /// Encrypts `plaintext` (`EVP_PKEY_encrypt`). VARIABLE TIME (public data).
    /// - Parameters:
    ///   - plaintext: the message; at most `byteCount − 11` bytes for PKCS#1 v1.5, `byteCount −
    ///     2·hLen − 2` for OAEP, exactly `byteCount` for no padding.
    ///   - padding: the padding.
    /// - Returns: the ciphertext, ``byteCount`` bytes.
    /// - Throws: `invalidLength` (`DATA_TOO_LARGE_FOR_KEY_SIZE`, or `DATA_TOO_SMALL_FOR_KEY_SIZE`
    ///   with no padding) for a message that does not fit; `invalidParameter`
    ///   (`KEY_SIZE_TOO_SMALL`) for a key too small for the OAEP digest, (`DATA_TOO_LARGE_FOR_MODULUS`)
    ///   for an unpadded input not below `n`; whatever the random source throws.
    public func encrypt(_ plaintext: [UInt8], padding: RSAEncryptionPadding) throws -> [UInt8] {
        try encrypt(plaintext, padding: padding, using: { try Random.bytes(count: $0) })
    }

    func encrypt(_ plaintext: [UInt8], padding: RSAEncryptionPadding, using generator: BigNum.RandomBytes) throws
        -> [UInt8]
    {
        let k = byteCount
        switch padding {
        case .pkcs1:
            return try rawPublicOperation(RSAPadding.encodePKCS1Encryption(plaintext, k: k, using: generator))
        case .oaep(let digest, let mgf1, let label):
            try RSAPadding.checkUsable(digest)
            return try encryptOAEP(
                plaintext, digest: digest, mgf1Digest: mgf1 ?? digest, label: label,
                seed: generator(digest.digestSize))
        case .none:
            guard plaintext.count <= k else {
                throw CryptoError(
                    .invalidLength, "\(plaintext.count) bytes for \(k)", openSSL: .rsaDataTooLargeForKeySize)
            }
            guard plaintext.count == k else {
                throw CryptoError(
                    .invalidLength, "\(plaintext.count) bytes for \(k)", openSSL: .rsaDataTooSmallForKeySize)
            }
            return try rawPublicOperation(plaintext)
        }
    }

    /// OAEP encryption with the given seed (deterministic; for known-answer tests).
    func encryptOAEP(
        _ plaintext: [UInt8], digest: DigestAlgorithm, mgf1Digest: DigestAlgorithm, label: [UInt8], seed: [UInt8]
    ) throws -> [UInt8] {
        let em = try RSAPadding.encodeOAEP(
            plaintext, k: byteCount, digest: digest, mgf1Digest: mgf1Digest, label: label, seed: seed)
        return try rawPublicOperation(em)
    }

    /// Verifies `signature` over a precomputed digest (`EVP_PKEY_verify`). VARIABLE TIME.
    /// - Parameters:
    ///   - signature: the signature (exactly ``byteCount`` bytes for PKCS#1 v1.5 with a digest;
    ///     at most ``byteCount`` otherwise, as OpenSSL).
    ///   - digest: the hash of the message (or, with no digest algorithm, the data signed).
    ///   - algorithm: the signature's digest; nil for raw PKCS#1 v1.5, X9.31 or no-padding signatures.
    ///   - padding: the padding.
    /// - Throws: `authenticationFailure` for a signature that does not verify, with OpenSSL's
    ///   reason (`BAD_SIGNATURE`, `BLOCK_TYPE_IS_NOT_01`, `SLEN_CHECK_FAILED`, `LAST_OCTET_INVALID`,
    ///   …); `invalidLength` (`WRONG_SIGNATURE_LENGTH`, `DATA_GREATER_THAN_MOD_LEN`) or
    ///   `invalidParameter` (`DATA_TOO_LARGE_FOR_MODULUS`) for a signature that is not a number
    ///   below `n`; `invalidParameter` (`INVALID_PADDING_MODE`, `INVALID_DIGEST_LENGTH`,
    ///   `INVALID_X931_DIGEST`) for a padding that does not go with the digest.
    public func verify(
        signature: [UInt8], digest: [UInt8], algorithm: DigestAlgorithm?, padding: RSASignaturePadding
    ) throws {
        func bad() -> CryptoError {
            CryptoError(.authenticationFailure, "RSA signature mismatch", openSSL: .rsaBadSignature)
        }
        guard let md = algorithm else {
            guard try recover(signature: signature, algorithm: nil, padding: padding) == digest else { throw bad() }
            return
        }
        switch padding {
        case .pkcs1:
            guard signature.count == byteCount else {
                throw CryptoError(
                    .invalidLength, "signature of \(signature.count) bytes for a \(byteCount)-byte key",
                    openSSL: .rsaWrongSignatureLength)
            }
            let block = try RSAPadding.checkPKCS1Signature(rawPublicOperation(signature))
            if md.info.name == "MDC2", block.count == 18, block[0] == 0x04, block[1] == 0x10 {
                guard Array(block[2...]) == digest else { throw bad() }
                return
            }
            if md.info.name == "MD5-SHA1" {
                guard block.count == 36, block == digest else { throw bad() }
                return
            }
            guard let prefix = RSAPadding.digestInfoPrefix(for: md.info.name) else {
                throw CryptoError(
                    .invalidParameter, "no DigestInfo for \(md.info.name)", openSSL: .rsaUnknownDigestInfo)
            }
            guard block == prefix + digest else { throw bad() }
        case .x931:
            guard try recover(signature: signature, algorithm: md, padding: .x931) == digest else { throw bad() }
        case .pss(let saltLength, let mgf1):
            guard digest.count == md.digestSize else {
                throw CryptoError(
                    .invalidLength, "digest of \(digest.count) bytes for \(md.info.name)",
                    openSSL: .provInvalidDigestLength)
            }
            let em = try rawPublicOperation(signature)
            try RSAPadding.verifyPSS(
                mHash: digest, em: em, modBits: bitCount, digest: md, mgf1Digest: mgf1 ?? md, saltLength: saltLength)
        case .none:
            throw CryptoError(.invalidParameter, "no padding with a digest", openSSL: .provInvalidPaddingMode)
        }
    }

    /// Verifies `signature` over `message` hashed with the digest named `digestName`
    /// (`EVP_DigestVerify`). VARIABLE TIME.
    /// - Parameters:
    ///   - signature: the signature.
    ///   - message: the signed message.
    ///   - digestName: an OpenSSL digest name (`SHA256`, `sha256WithRSAEncryption`, `SHA3-512`, …).
    ///   - padding: the padding (PKCS#1 v1.5, PSS or X9.31).
    /// - Throws: `unknownAlgorithm` for a digest not in this build, then the errors of
    ///   ``verify(signature:digest:algorithm:padding:)``.
    public func verify(
        signature: [UInt8], message: [UInt8], digestName: String, padding: RSASignaturePadding = .pkcs1
    ) throws {
        let md = try Registry.digest(named: digestName)
        try verify(signature: signature, digest: md.hash(message), algorithm: md, padding: padding)
    }

    /// The data a signature carries (`EVP_PKEY_verify_recover`): with a digest, the hash (PKCS#1
    /// v1.5, X9.31); without, the whole unpadded block content (PKCS#1 v1.5, X9.31, none).
    /// VARIABLE TIME.
    /// - Parameters:
    ///   - signature: the signature, at most ``byteCount`` bytes.
    ///   - algorithm: the signature's digest, or nil.
    ///   - padding: PKCS#1 v1.5, X9.31 or none (PSS cannot be recovered).
    /// - Returns: the recovered data.
    /// - Throws: the errors of ``verify(signature:digest:algorithm:padding:)``, and
    ///   `invalidParameter` (`INVALID_PADDING_MODE`) for PSS.
    public func recover(signature: [UInt8], algorithm: DigestAlgorithm?, padding: RSASignaturePadding) throws
        -> [UInt8]
    {
        switch padding {
        case .pkcs1:
            guard let md = algorithm else { return try RSAPadding.checkPKCS1Signature(rawPublicOperation(signature)) }
            guard signature.count == byteCount else {
                throw CryptoError(
                    .invalidLength, "signature of \(signature.count) bytes for a \(byteCount)-byte key",
                    openSSL: .rsaWrongSignatureLength)
            }
            let block = try RSAPadding.checkPKCS1Signature(rawPublicOperation(signature))
            if md.info.name == "MDC2", block.count == 18, block[0] == 0x04, block[1] == 0x10 {
                return Array(block[2...])
            }
            let size = md.digestSize
            guard block.count >= size else {
                throw CryptoError(.authenticationFailure, "recovered block too short", openSSL: .rsaInvalidDigestLength)
            }
            let hashValue = Array(block[(block.count - size)...])
            // MDC-2 is signed as an OCTET STRING (above) but a DigestInfo form is read too, as
            // OpenSSL's ossl_rsa_verify reads both.
            if md.info.name == "MDC2", let prefix = RSAPadding.digestInfoPrefix(for: "MDC2"),
                block == prefix + hashValue
            {
                return hashValue
            }
            guard try RSAPadding.pkcs1DigestBlock(hashValue, digest: md) == block else {
                throw CryptoError(.authenticationFailure, "RSA signature mismatch", openSSL: .rsaBadSignature)
            }
            return hashValue
        case .x931:
            var x = try integer(from: signature).modExp(publicExponent, modulus: modulus)
            if (x.limbs.first ?? 0) & 0xF != 12 { x = modulus - x }
            let data = try RSAPadding.checkX931(x.bytes(paddedTo: byteCount))
            guard let md = algorithm else { return data }
            guard let last = data.last, last == RSAPadding.x931HashID(md) else {
                throw CryptoError(.authenticationFailure, "X9.31 hash id mismatch", openSSL: .provAlgorithmMismatch)
            }
            guard data.count - 1 == md.digestSize else {
                throw CryptoError(.authenticationFailure, "X9.31 digest length", openSSL: .provInvalidDigestLength)
            }
            return Array(data.dropLast())
        case .none:
            guard algorithm == nil else {
                throw CryptoError(.invalidParameter, "no padding with a digest", openSSL: .provInvalidPaddingMode)
            }
            return try rawPublicOperation(signature)
        case .pss:
            throw CryptoError(.invalidParameter, "PSS signatures cannot be recovered", openSSL: .provInvalidPaddingMode)
        }
    }
}

extension RSAPrivateKey {
    /// Decrypts `ciphertext` (`EVP_PKEY_decrypt`). CONSTANT TIME (the private operation and the
    /// padding check); every padding failure throws the same error.
    /// - Parameters:
    ///   - ciphertext: at most ``RSAPublicKey/byteCount`` bytes, a number below `n`.
    ///   - padding: the padding.
    /// - Returns: the message.
    /// - Throws: `badDecrypt` (`PADDING_CHECK_FAILED`) for any padding failure;
    ///   `invalidLength` (`DATA_GREATER_THAN_MOD_LEN`) or `invalidParameter`
    ///   (`DATA_TOO_LARGE_FOR_MODULUS`) for a ciphertext that is not a number below `n`.
    public func decrypt(_ ciphertext: [UInt8], padding: RSAEncryptionPadding) throws -> [UInt8] {
        var em = try rawPrivateOperation(ciphertext)
        defer { SecretWipe.wipe(&em) }
        switch padding {
        case .pkcs1: return try RSAPadding.decodePKCS1Encryption(em)
        case .oaep(let digest, let mgf1, let label):
            return try RSAPadding.decodeOAEP(em, digest: digest, mgf1Digest: mgf1 ?? digest, label: label)
        case .none: return em
        }
    }

    /// Signs a precomputed digest (`EVP_PKEY_sign`). CONSTANT TIME in the key.
    /// - Parameters:
    ///   - digest: the hash of the message (exactly the digest's size), or with no digest
    ///     algorithm the data to sign.
    ///   - algorithm: the digest, or nil for raw PKCS#1 v1.5, X9.31 and no-padding signatures.
    ///   - padding: the padding.
    /// - Returns: the signature, `byteCount` bytes.
    /// - Throws: `invalidLength` (`INVALID_DIGEST_LENGTH`) for a digest of the wrong size,
    ///   (`DIGEST_TOO_BIG_FOR_RSA_KEY`, `DATA_TOO_LARGE_FOR_KEY_SIZE`) for a block that does not fit;
    ///   `invalidParameter` (`INVALID_PADDING_MODE`) for PSS without a digest or no padding with one,
    ///   (`INVALID_X931_DIGEST`) for X9.31 with a digest it has no identifier for,
    ///   (`THE_ASN1_OBJECT_IDENTIFIER_IS_NOT_KNOWN_FOR_THIS_MD`) for PKCS#1 v1.5 with a digest that
    ///   has no DigestInfo.
    public func sign(digest: [UInt8], algorithm: DigestAlgorithm?, padding: RSASignaturePadding) throws -> [UInt8] {
        try sign(digest: digest, algorithm: algorithm, padding: padding, salt: nil)
    }

    /// Signs `message` hashed with the digest named `digestName` (`EVP_DigestSign`).
    /// - Parameters:
    ///   - message: the message.
    ///   - digestName: an OpenSSL digest name (`SHA256`, `RSA-SHA256`, `SHA3-256`, …).
    ///   - padding: PKCS#1 v1.5 (default), PSS or X9.31.
    /// - Returns: the signature.
    /// - Throws: `unknownAlgorithm` for a digest not in this build, then the errors of
    ///   ``sign(digest:algorithm:padding:)``.
    public func sign(message: [UInt8], digestName: String, padding: RSASignaturePadding = .pkcs1) throws -> [UInt8] {
        let md = try Registry.digest(named: digestName)
        return try sign(digest: md.hash(message), algorithm: md, padding: padding)
    }

    /// Signing with an explicit PSS salt (nil: random), for known-answer tests.
    func sign(digest: [UInt8], algorithm: DigestAlgorithm?, padding: RSASignaturePadding, salt: [UInt8]?) throws
        -> [UInt8]
    {
        let k = publicKey.byteCount
        guard let md = algorithm else {
            switch padding {
            case .pkcs1: return try privateBlock(RSAPadding.encodePKCS1Signature(digest, k: k))
            case .x931: return try x931Signature(RSAPadding.encodeX931(digest, k: k))
            case .none:
                guard digest.count == k else {
                    throw CryptoError(
                        .invalidLength, "\(digest.count) bytes for \(k)",
                        openSSL: digest.count > k ? .rsaDataTooLargeForKeySize : .rsaDataTooSmallForKeySize)
                }
                return try rawPrivateOperation(digest)
            case .pss:
                throw CryptoError(.invalidParameter, "PSS needs a digest", openSSL: .rsaUnknownPaddingType)
            }
        }
        guard digest.count == md.digestSize else {
            throw CryptoError(
                .invalidLength, "digest of \(digest.count) bytes for \(md.info.name)",
                openSSL: .provInvalidDigestLength)
        }
        if md.info.name == "MDC2" {
            guard case .pkcs1 = padding else {
                throw CryptoError(
                    .invalidParameter, "MDC2 signs with PKCS#1 v1.5 only", openSSL: .provInvalidPaddingMode)
            }
        }
        switch padding {
        case .pkcs1:
            let block = try RSAPadding.pkcs1DigestBlock(digest, digest: md)
            guard block.count + RSAPadding.pkcs1PaddingSize <= k else {
                throw CryptoError(.invalidLength, "DigestInfo does not fit the key", openSSL: .rsaDigestTooBigForKey)
            }
            return try privateBlock(RSAPadding.encodePKCS1Signature(block, k: k))
        case .x931:
            guard let id = RSAPadding.x931HashID(md) else {
                throw CryptoError(.invalidParameter, "no X9.31 id for \(md.info.name)", openSSL: .provInvalidX931Digest)
            }
            guard k >= digest.count + 1 else {
                throw CryptoError(.invalidParameter, "key too small for X9.31", openSSL: .provKeySizeTooSmall)
            }
            return try x931Signature(RSAPadding.encodeX931(digest + [id], k: k))
        case .pss(let saltLength, let mgf1):
            try RSAPadding.checkUsable(md)
            let modBits = publicKey.bitCount
            let emLen = (modBits - 1) & 7 == 0 ? k - 1 : k
            guard emLen >= md.digestSize + 2 else {
                throw CryptoError(.invalidLength, "key too small for PSS", openSSL: .rsaDataTooLargeForKeySize)
            }
            let sLen = try RSAPadding.signingSaltLength(saltLength, hLen: md.digestSize, emLen: emLen)
            guard sLen <= emLen - md.digestSize - 2 else {
                throw CryptoError(.invalidLength, "PSS salt of \(sLen) bytes", openSSL: .rsaDataTooLargeForKeySize)
            }
            let s = try salt ?? Random.bytes(count: sLen)
            let em = try RSAPadding.encodePSS(
                mHash: digest, modBits: modBits, digest: md, mgf1Digest: mgf1 ?? md, salt: s)
            return try privateBlock(em)
        case .none:
            throw CryptoError(.invalidParameter, "no padding with a digest", openSSL: .provInvalidPaddingMode)
        }
    }

    /// The private operation on an encoded block of exactly `byteCount` bytes.
    func privateBlock(_ em: [UInt8]) throws -> [UInt8] { try rawPrivateOperation(em) }

    /// An X9.31 signature: the private operation, then `min(s, n − s)` (the signature is public).
    func x931Signature(_ em: [UInt8]) throws -> [UInt8] {
        let s = try BigNum(bytes: rawPrivateOperation(em))
        let other = modulus - s
        return try (other < s ? other : s).bytes(paddedTo: publicKey.byteCount)
    }
}
