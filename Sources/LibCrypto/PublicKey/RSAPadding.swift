// RSA encodings (RFC 8017): PKCS#1 v1.5 signature (block type 1) and encryption (block type 2)
// padding, OAEP (§7.1) with MGF1 (§B.2.1), PSS (§9.1), ANSI X9.31 padding, and the DigestInfo
// prefixes of EMSA-PKCS1-v1_5.
//
// Timing.
//   - CONSTANT TIME (secret input: a decrypted block): `RSAPadding.decodePKCS1Encryption` and
//     `RSAPadding.decodeOAEP`. No branch, loop bound or index depends on the block's bytes; the
//     message is moved to the front by log2(length) masked shifts. Every padding failure gives
//     the same error, raised after the whole block has been examined; the message length is
//     declassified only once the padding is known to be good (it is then the output's length).
//   - VARIABLE TIME (public data): the encoders (their input is the caller's message and fresh
//     randomness; the encoders' branches depend only on lengths), and the signature-side
//     decoders `checkPKCS1Signature`, `verifyPSS`, `checkX931`: a signature and the block it
//     opens to are public.
//
// DigestInfo prefixes. RFC 8017 §9.2 note 1 lists the DER prefix `DigestInfo ::= SEQUENCE {
// AlgorithmIdentifier { OID, NULL }, OCTET STRING }` before the hash for MD2, MD5, SHA-1,
// SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224 and SHA-512/256: transcribed below from that
// note. OpenSSL 3.0 also signs with MD4 (with its quirk, below), RIPEMD-160 (1.3.36.3.2.1),
// MDC2 (2.5.8.3.101; signed as an OCTET STRING, below) and SHA3-224/256/384/512 (2.16.840.1.101.3.4.2.7 … .10): those prefixes are
// built here from the OIDs by the same DER shape, and checked against `openssl pkeyutl -verify`
// in RSATests. SM3 has no DigestInfo in OpenSSL 3.0 (signing fails with
// THE_ASN1_OBJECT_IDENTIFIER_IS_NOT_KNOWN_FOR_THIS_MD), and neither here.

/// The salt length of an RSA-PSS signature, as OpenSSL's `rsa_pss_saltlen` spells it.
public enum RSAPSSSaltLength: Sendable, Hashable {
    /// The digest's length (`digest`, −1).
    case digest
    /// On signing the largest salt that fits; on verifying, whatever length the signature has
    /// (`auto`, −2).
    case auto
    /// The largest salt that fits, on signing and on verifying (`max`, −3).
    case max
    /// Exactly this many bytes.
    case length(Int)

    /// OpenSSL's integer for this choice (`RSA_PSS_SALTLEN_DIGEST` −1, `_AUTO` −2, `_MAX` −3, or the length).
    public var openSSLValue: Int {
        switch self {
        case .digest: return -1
        case .auto: return -2
        case .max: return -3
        case .length(let n): return n
        }
    }

    /// The choice for OpenSSL's integer or word (`digest`, `auto`, `max`, or a decimal length).
    /// - Parameter text: as given to `rsa_pss_saltlen`.
    /// - Throws: `invalidParameter` (`INVALID_SALT_LENGTH`) for anything else or a number below −3.
    public init(openSSL text: String) throws {
        switch text {
        case "digest": self = .digest
        case "auto": self = .auto
        case "max": self = .max
        default:
            guard let n = Int(text), n >= -3 else {
                throw CryptoError(
                    .invalidParameter, "PSS salt length '\(text)'", openSSL: .rsaInvalidSaltLength)
            }
            self = n == -1 ? .digest : n == -2 ? .auto : n == -3 ? .max : .length(n)
        }
    }
}

/// The RSA encodings, internal: `RSA.swift` chooses among them.
enum RSAPadding {
    static let pkcs1PaddingSize = 11

    // MARK: Masks (constant time)

    /// All ones if `a == b`, else zero.
    @inline(__always) static func eqMask(_ a: UInt8, _ b: UInt8) -> UInt64 {
        let x = UInt64(a ^ b)
        return ((x | (0 &- x)) >> 63) &- 1
    }

    /// All ones if `a >= b` (both below 2^63), else zero.
    @inline(__always) static func geMask(_ a: UInt64, _ b: UInt64) -> UInt64 { ((a &- b) >> 63) &- 1 }

    @inline(__always) static func select(_ mask: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
        (a & mask) | (b & ~mask)
    }

    /// Moves the last `length` bytes of `buffer` to its front, in time that depends only on
    /// `buffer.count` (log2 masked shifts by the bits of `buffer.count − length`).
    static func moveToFront(_ buffer: inout [UInt8], keepingLast length: UInt64) {
        let count = buffer.count
        let shift = UInt64(count) &- length
        var step = 1
        var bit: UInt64 = 0
        while step < count {
            let mask = UInt8(truncatingIfNeeded: 0 &- ((shift >> bit) & 1))
            for i in 0..<count {
                let moved: UInt8 = i + step < count ? buffer[i + step] : 0
                buffer[i] = (moved & mask) | (buffer[i] & ~mask)
            }
            step <<= 1
            bit += 1
        }
    }

    /// The one error every encryption-padding failure gives (OpenSSL's last error for both
    /// PKCS#1 v1.5 and OAEP: `PADDING_CHECK_FAILED`, raised over `PKCS_DECODING_ERROR` /
    /// `OAEP_DECODING_ERROR`).
    static func decryptionFailed(file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(
            .badDecrypt, "RSA decryption padding check failed", openSSL: .rsaPaddingCheckFailed, file: file, line: line)
    }

    // MARK: Digests

    static func hash(_ digest: DigestAlgorithm, _ parts: [UInt8]...) throws -> [UInt8] {
        let ctx = digest.makeContext()
        for p in parts { ctx.update(p) }
        return try ctx.finalize(outputLength: nil)
    }

    /// MGF1 (RFC 8017 §B.2.1): `length` bytes of Hash(seed || counter) for counter = 0, 1, ….
    static func mgf1(seed: [UInt8], length: Int, digest: DigestAlgorithm) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(length + digest.digestSize)
        var counter: UInt32 = 0
        while out.count < length {
            let c = [
                UInt8(counter >> 24), UInt8(truncatingIfNeeded: counter >> 16), UInt8(truncatingIfNeeded: counter >> 8),
                UInt8(truncatingIfNeeded: counter),
            ]
            out += try hash(digest, seed, c)
            counter &+= 1
        }
        return Array(out[0..<length])
    }

    static func checkUsable(_ digest: DigestAlgorithm) throws {
        guard !digest.isXOF, digest.digestSize > 0 else {
            throw CryptoError(
                .invalidParameter, "\(digest.info.name) cannot be used in RSA padding", openSSL: .rsaInvalidDigest)
        }
    }

    // MARK: DigestInfo

    /// `DigestInfo` DER prefix for `SEQUENCE { SEQUENCE { OID, NULL }, OCTET STRING (hLen) }`.
    static func digestInfoPrefix(oid: [UInt8], hashLength: Int) -> [UInt8] {
        [0x30, UInt8(oid.count + 8 + hashLength), 0x30, UInt8(oid.count + 4), 0x06, UInt8(oid.count)] + oid
            + [0x05, 0x00, 0x04, UInt8(hashLength)]
    }

    /// The DigestInfo prefix for a digest, by its catalog name; nil where OpenSSL 3.0 has none.
    static func digestInfoPrefix(for name: String) -> [UInt8]? {
        switch name {
        // RFC 8017 §9.2 note 1, verbatim.
        case "MD2":
            return [
                0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x02, 0x05, 0x00, 0x04,
                0x10,
            ]
        case "MD5":
            return [
                0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04,
                0x10,
            ]
        case "SHA1": return [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14]
        case "SHA2-224":
            return [
                0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00,
                0x04, 0x1c,
            ]
        case "SHA2-256":
            return [
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
                0x04, 0x20,
            ]
        case "SHA2-384":
            return [
                0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00,
                0x04, 0x30,
            ]
        case "SHA2-512":
            return [
                0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00,
                0x04, 0x40,
            ]
        case "SHA2-512/224":
            return [
                0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x05, 0x05, 0x00,
                0x04, 0x1c,
            ]
        case "SHA2-512/256":
            return [
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x06, 0x05, 0x00,
                0x04, 0x20,
            ]
        // Built from the OIDs (see the note at the top of this file).
        // OpenSSL 3.0 writes MD4's DigestInfo with the arc 1.2.840.113549.2.3, not MD4's OID
        // (.2.4): `openssl pkeyutl -sign -pkeyopt digest:MD4` then `-verifyrecover` shows
        // 30 20 30 0c 06 08 2a 86 48 86 f7 0d 02 03 05 00 04 10. OpenSSL's bytes, for interop.
        case "MD4": return digestInfoPrefix(oid: [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x03], hashLength: 16)
        case "RIPEMD-160": return digestInfoPrefix(oid: [0x2b, 0x24, 0x03, 0x02, 0x01], hashLength: 20)
        case "MDC2": return digestInfoPrefix(oid: [0x55, 0x08, 0x03, 0x65], hashLength: 16)
        case "SHA3-224":
            return digestInfoPrefix(oid: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x07], hashLength: 28)
        case "SHA3-256":
            return digestInfoPrefix(oid: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x08], hashLength: 32)
        case "SHA3-384":
            return digestInfoPrefix(oid: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x09], hashLength: 48)
        case "SHA3-512":
            return digestInfoPrefix(oid: [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x0a], hashLength: 64)
        default: return nil
        }
    }

    /// The block signed for `digest` under PKCS#1 v1.5: `DigestInfo(digest) || hash`; for
    /// MD5-SHA1 the 36-byte hash alone (TLS 1.1 and earlier); for MDC2 an `OCTET STRING` of the
    /// hash, as OpenSSL 3.0 signs MDC2 (`RSA_sign_ASN1_OCTET_STRING`).
    static func pkcs1DigestBlock(_ hashValue: [UInt8], digest: DigestAlgorithm) throws -> [UInt8] {
        let name = digest.info.name
        if name == "MD5-SHA1" {
            guard hashValue.count == 36 else {
                throw CryptoError(
                    .invalidLength, "MD5-SHA1 hash of \(hashValue.count) bytes", openSSL: .rsaInvalidMessageLength)
            }
            return hashValue
        }
        if name == "MDC2" { return [0x04, UInt8(hashValue.count)] + hashValue }
        guard let prefix = digestInfoPrefix(for: name) else {
            throw CryptoError(.invalidParameter, "no DigestInfo for \(name)", openSSL: .rsaUnknownDigestInfo)
        }
        return prefix + hashValue
    }

    // MARK: PKCS#1 v1.5 block type 1 (signatures)

    /// `00 01 FF…FF 00 T` of `k` bytes.
    static func encodePKCS1Signature(_ t: [UInt8], k: Int) throws -> [UInt8] {
        guard t.count <= k - pkcs1PaddingSize else {
            throw CryptoError(
                .invalidLength, "\(t.count) bytes do not fit a \(k)-byte PKCS#1 block",
                openSSL: .rsaDataTooLargeForKeySize)
        }
        return [0x00, 0x01] + [UInt8](repeating: 0xFF, count: k - 3 - t.count) + [0x00] + t
    }

    /// The `T` of a type-1 block (`RSA_padding_check_PKCS1_type_1`); VARIABLE TIME (public data).
    static func checkPKCS1Signature(_ em: [UInt8]) throws -> [UInt8] {
        func fail(_ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.authenticationFailure, "PKCS#1 v1.5 signature block: \(reason.text)", openSSL: reason)
        }
        guard em.count >= pkcs1PaddingSize else { throw fail(.rsaBlockTypeIsNot01) }
        guard em[0] == 0 else { throw fail(.rsaInvalidPadding) }
        guard em[1] == 1 else { throw fail(.rsaBlockTypeIsNot01) }
        var i = 2
        while i < em.count, em[i] == 0xFF { i += 1 }
        guard i < em.count else { throw fail(.rsaNullBeforeBlockMissing) }
        guard em[i] == 0 else { throw fail(.rsaBadFixedHeaderDecrypt) }
        guard i - 2 >= 8 else { throw fail(.rsaBadPadByteCount) }
        return Array(em[(i + 1)...])
    }

    // MARK: PKCS#1 v1.5 block type 2 (encryption)

    /// `00 02 PS 00 M` of `k` bytes, PS nonzero random bytes (at least 8).
    static func encodePKCS1Encryption(
        _ m: [UInt8], k: Int, using generator: BigNum.RandomBytes = { try Random.bytes(count: $0) }
    ) throws -> [UInt8] {
        guard m.count <= k - pkcs1PaddingSize else {
            throw CryptoError(
                .invalidLength, "\(m.count) bytes do not fit a \(k)-byte PKCS#1 block",
                openSSL: .rsaDataTooLargeForKeySize)
        }
        var ps = try generator(k - 3 - m.count)
        for i in ps.indices {
            while ps[i] == 0 { ps[i] = try generator(1).first ?? 0 }
        }
        return [0x00, 0x02] + ps + [0x00] + m
    }

    /// The message of a type-2 block, CONSTANT TIME (see the note at the top of the file).
    static func decodePKCS1Encryption(_ em: [UInt8]) throws -> [UInt8] {
        let k = em.count
        guard k >= pkcs1PaddingSize else { throw decryptionFailed() }
        var good = eqMask(em[0], 0) & eqMask(em[1], 2)
        var zeroIndex: UInt64 = 0
        var looking: UInt64 = ~0
        for i in 2..<k {
            let isZero = eqMask(em[i], 0)
            zeroIndex = select(looking & isZero, UInt64(i), zeroIndex)
            looking &= ~isZero
        }
        good &= ~looking
        good &= geMask(zeroIndex, 2 + 8)
        let length = select(good, UInt64(k - 1) &- zeroIndex, 0)
        var buffer = Array(em[pkcs1PaddingSize...])
        moveToFront(&buffer, keepingLast: length)
        guard ConstantTime.declassify(good != 0) else {
            SecretWipe.wipe(&buffer)
            throw decryptionFailed()
        }
        let n = ConstantTime.declassify(Int(truncatingIfNeeded: length))
        let out = Array(buffer[0..<n])
        SecretWipe.wipe(&buffer)
        return out
    }

    // MARK: OAEP

    /// EME-OAEP encoding (RFC 8017 §7.1.1 step 2) with the given `seed` (hLen bytes).
    static func encodeOAEP(
        _ m: [UInt8], k: Int, digest: DigestAlgorithm, mgf1Digest: DigestAlgorithm, label: [UInt8], seed: [UInt8]
    ) throws -> [UInt8] {
        try checkUsable(digest)
        try checkUsable(mgf1Digest)
        let hLen = digest.digestSize
        let emLen = k - 1
        guard m.count <= emLen - 2 * hLen - 1 else {
            throw CryptoError(
                .invalidLength, "\(m.count) bytes do not fit OAEP in a \(k)-byte block",
                openSSL: .rsaDataTooLargeForKeySize)
        }
        guard emLen >= 2 * hLen + 1 else {
            throw CryptoError(.invalidParameter, "RSA key too small for OAEP", openSSL: .rsaKeySizeTooSmall)
        }
        guard seed.count == hLen else { throw CryptoError(.invalidLength, "OAEP seed of \(seed.count) bytes") }
        let lHash = try hash(digest, label)
        let dbLen = k - hLen - 1
        var db = lHash + [UInt8](repeating: 0, count: dbLen - hLen - 1 - m.count) + [0x01] + m
        let dbMask = try mgf1(seed: seed, length: dbLen, digest: mgf1Digest)
        for i in 0..<dbLen { db[i] ^= dbMask[i] }
        var maskedSeed = seed
        let seedMask = try mgf1(seed: db, length: hLen, digest: mgf1Digest)
        for i in 0..<hLen { maskedSeed[i] ^= seedMask[i] }
        return [0x00] + maskedSeed + db
    }

    /// EME-OAEP decoding (RFC 8017 §7.1.2 step 3), CONSTANT TIME in `em`.
    static func decodeOAEP(
        _ em: [UInt8], digest: DigestAlgorithm, mgf1Digest: DigestAlgorithm, label: [UInt8]
    ) throws -> [UInt8] {
        try checkUsable(digest)
        try checkUsable(mgf1Digest)
        let k = em.count
        let hLen = digest.digestSize
        guard k >= 2 * hLen + 2 else { throw decryptionFailed() }
        let lHash = try hash(digest, label)
        let dbLen = k - hLen - 1
        var seed = Array(em[1...hLen])
        let maskedDB = Array(em[(hLen + 1)...])
        let seedMask = try mgf1(seed: maskedDB, length: hLen, digest: mgf1Digest)
        for i in 0..<hLen { seed[i] ^= seedMask[i] }
        var db = try mgf1(seed: seed, length: dbLen, digest: mgf1Digest)
        for i in 0..<dbLen { db[i] ^= maskedDB[i] }
        SecretWipe.wipe(&seed)
        var good = eqMask(em[0], 0)
        for i in 0..<hLen { good &= eqMask(db[i], lHash[i]) }
        var oneIndex: UInt64 = 0
        var looking: UInt64 = ~0
        var bad: UInt64 = 0
        for i in hLen..<dbLen {
            let isOne = eqMask(db[i], 1)
            let isZero = eqMask(db[i], 0)
            oneIndex = select(looking & isOne, UInt64(i), oneIndex)
            bad |= looking & ~isZero & ~isOne
            looking &= ~isOne
        }
        good &= ~looking & ~bad
        let length = select(good, UInt64(dbLen - 1) &- oneIndex, 0)
        var buffer = Array(db[(hLen + 1)...])
        SecretWipe.wipe(&db)
        moveToFront(&buffer, keepingLast: length)
        guard ConstantTime.declassify(good != 0) else {
            SecretWipe.wipe(&buffer)
            throw decryptionFailed()
        }
        let n = ConstantTime.declassify(Int(truncatingIfNeeded: length))
        let out = Array(buffer[0..<n])
        SecretWipe.wipe(&buffer)
        return out
    }

    // MARK: PSS

    /// The salt length for signing (OpenSSL's `RSA_padding_add_PKCS1_PSS_mgf1` rules).
    static func signingSaltLength(_ s: RSAPSSSaltLength, hLen: Int, emLen: Int) throws -> Int {
        let maximum = emLen - hLen - 2
        switch s {
        case .digest: return hLen
        case .auto, .max: return maximum
        case .length(let n):
            guard n >= 0 else {
                throw CryptoError(.invalidParameter, "PSS salt length \(n)", openSSL: .rsaSlenCheckFailed)
            }
            return n
        }
    }

    /// EMSA-PSS encoding as `k` bytes for a modulus of `modBits` bits (RFC 8017 §9.1.1, with
    /// OpenSSL's leading zero byte when `modBits − 1` is a multiple of 8), with the given salt.
    static func encodePSS(
        mHash: [UInt8], modBits: Int, digest: DigestAlgorithm, mgf1Digest: DigestAlgorithm, salt: [UInt8]
    ) throws -> [UInt8] {
        try checkUsable(digest)
        try checkUsable(mgf1Digest)
        let hLen = digest.digestSize
        let k = (modBits + 7) / 8
        let msBits = (modBits - 1) & 7
        let emLen = msBits == 0 ? k - 1 : k
        guard emLen >= hLen + 2, salt.count <= emLen - hLen - 2 else {
            throw CryptoError(
                .invalidLength, "PSS with a \(hLen)-byte digest and \(salt.count)-byte salt in \(emLen) bytes",
                openSSL: .rsaDataTooLargeForKeySize)
        }
        let h = try hash(digest, [UInt8](repeating: 0, count: 8), mHash, salt)
        let dbLen = emLen - hLen - 1
        var db = [UInt8](repeating: 0, count: dbLen - salt.count - 1) + [0x01] + salt
        let mask = try mgf1(seed: h, length: dbLen, digest: mgf1Digest)
        for i in 0..<dbLen { db[i] ^= mask[i] }
        if msBits != 0 { db[0] &= 0xFF >> (8 - msBits) }
        return (msBits == 0 ? [0x00] : []) + db + h + [0xbc]
    }

    /// EMSA-PSS verification (`RSA_verify_PKCS1_PSS_mgf1`) of the `k`-byte block `em`; VARIABLE
    /// TIME (public data).
    static func verifyPSS(
        mHash: [UInt8], em: [UInt8], modBits: Int, digest: DigestAlgorithm, mgf1Digest: DigestAlgorithm,
        saltLength: RSAPSSSaltLength
    ) throws {
        try checkUsable(digest)
        try checkUsable(mgf1Digest)
        func fail(_ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.authenticationFailure, "PSS signature: \(reason.text)", openSSL: reason)
        }
        let hLen = digest.digestSize
        var sLen: Int? = nil  // nil: recover
        switch saltLength {
        case .digest: sLen = hLen
        case .auto: sLen = nil
        case .max: sLen = -3
        case .length(let n):
            guard n >= 0 else { throw fail(.rsaSlenCheckFailed) }
            sLen = n
        }
        let msBits = (modBits - 1) & 7
        var e = em[...]
        guard let first = e.first, first & UInt8(truncatingIfNeeded: 0xFF << msBits) == 0 else {
            throw fail(.rsaFirstOctetInvalid)
        }
        if msBits == 0 { e = e.dropFirst() }
        let emLen = e.count
        guard emLen >= hLen + 2 else { throw fail(.rsaDataTooLarge) }
        if sLen == -3 { sLen = emLen - hLen - 2 }
        if let s = sLen, s > emLen - hLen - 2 { throw fail(.rsaDataTooLarge) }
        let block = Array(e)
        guard block[emLen - 1] == 0xbc else { throw fail(.rsaLastOctetInvalid) }
        let dbLen = emLen - hLen - 1
        let h = Array(block[dbLen..<(emLen - 1)])
        var db = try mgf1(seed: h, length: dbLen, digest: mgf1Digest)
        for i in 0..<dbLen { db[i] ^= block[i] }
        if msBits != 0 { db[0] &= 0xFF >> (8 - msBits) }
        var i = 0
        while i < dbLen - 1, db[i] == 0 { i += 1 }
        guard db[i] == 0x01 else { throw fail(.rsaSlenRecoveryFailed) }
        i += 1
        if let s = sLen, dbLen - i != s { throw fail(.rsaSlenCheckFailed) }
        let h2 = try hash(digest, [UInt8](repeating: 0, count: 8), mHash, Array(db[i...]))
        guard h2 == h else { throw fail(.rsaBadSignature) }
    }

    // MARK: X9.31

    /// The ANSI X9.31 hash identifier OpenSSL appends (`RSA_X931_hash_id`): SHA-1 0x33,
    /// SHA-256 0x34, SHA-384 0x36, SHA-512 0x35; nil for any other digest.
    static func x931HashID(_ digest: DigestAlgorithm) -> UInt8? {
        switch digest.info.name {
        case "SHA1": return 0x33
        case "SHA2-256": return 0x34
        case "SHA2-384": return 0x36
        case "SHA2-512": return 0x35
        default: return nil
        }
    }

    /// `6B BB…BB BA || data || CC` (or `6A || data || CC` when it fills the block) of `k` bytes.
    static func encodeX931(_ data: [UInt8], k: Int) throws -> [UInt8] {
        let j = k - data.count - 2
        guard j >= 0 else {
            throw CryptoError(
                .invalidLength, "\(data.count) bytes do not fit an X9.31 block of \(k)",
                openSSL: .rsaDataTooLargeForKeySize)
        }
        let head: [UInt8] = j == 0 ? [0x6A] : [0x6B] + [UInt8](repeating: 0xBB, count: j - 1) + [0xBA]
        return head + data + [0xCC]
    }

    /// The data of an X9.31 block (`RSA_padding_check_X931`); VARIABLE TIME (public data).
    static func checkX931(_ em: [UInt8]) throws -> [UInt8] {
        func fail(_ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.authenticationFailure, "X9.31 block: \(reason.text)", openSSL: reason)
        }
        guard em.count >= 2, em[0] == 0x6A || em[0] == 0x6B else { throw fail(.rsaInvalidHeader) }
        var p = 1
        var j = em.count - 2
        if em[0] == 0x6B {
            // As OpenSSL: count the BB bytes up to BA; none at all is invalid padding.
            j = em.count - 3
            var i = 0
            while i < j {
                let c = em[p]
                p += 1
                if c == 0xBA { break }
                guard c == 0xBB else { throw fail(.rsaInvalidPadding) }
                i += 1
            }
            j -= i
            guard i > 0 else { throw fail(.rsaInvalidPadding) }
        }
        guard p + j < em.count, em[p + j] == 0xCC else { throw fail(.rsaInvalidTrailer) }
        return Array(em[p..<(p + j)])
    }
}
