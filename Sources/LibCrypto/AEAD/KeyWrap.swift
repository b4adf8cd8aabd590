/// AES Key Wrap (RFC 3394, NIST SP 800-38F KW) and Key Wrap with Padding (RFC 5649, KWP),
/// with OpenSSL's EVP behaviour: `id-aes128-wrap`, `id-aes192-wrap`, `id-aes256-wrap`
/// (`aes128-wrap`, ...) and `id-aes128-wrap-pad`, `id-aes192-wrap-pad`, `id-aes256-wrap-pad`;
/// with `inverse: true`, `aes-128-wrap-inv` and `aes-128-wrap-pad-inv` (SP 800-38F's variant
/// whose forward function is AES decryption).
///
/// The KEK is an AES key of 16, 24 or 32 bytes. Length rules follow OpenSSL's
/// `CRYPTO_128_wrap`/`CRYPTO_128_unwrap` family:
/// - `wrap`: plaintext a multiple of 8 bytes, at least 16, at most 2^31; `unwrap`: ciphertext a
///   multiple of 8, at least 24.
/// - `wrapPad`: any plaintext of 1 to 2^31 - 1 bytes; a padded length of 8 is wrapped as a
///   single AES block (RFC 5649 section 4.1). `unwrapPad`: ciphertext a multiple of 8, at
///   least 16.
/// - The IV is optional: 8 bytes for KW (default A6A6A6A6A6A6A6A6), 4 bytes for KWP (the first
///   half of the alternative IV, default A65959A6; the second half is the 32-bit length).
///
/// Integrity failures (wrong IV, bad length indicator, nonzero padding) all throw the same
/// `authenticationFailure`, and no plaintext is returned.
public enum AESKeyWrap {
    /// RFC 3394's default initial value.
    public static let defaultIV: [UInt8] = [0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6]
    /// RFC 5649's alternative initial value prefix.
    public static let defaultPadIV: [UInt8] = [0xA6, 0x59, 0x59, 0xA6]
    /// OpenSSL's `CRYPTO128_WRAP_MAX`.
    static let maxLength = 1 << 31

    /// Wraps `plaintext` (RFC 3394 section 2.2.1). Returns plaintext.count + 8 bytes.
    /// - Throws: `invalidParameter` for a bad KEK or IV length; `invalidLength` unless the
    ///   plaintext is a multiple of 8 bytes, at least 16.
    public static func wrap(key kek: [UInt8], _ plaintext: [UInt8], iv: [UInt8]? = nil, inverse: Bool = false) throws
        -> [UInt8]
    {
        let aes = try AES(key: kek)
        let a = try kwIV(iv)
        guard plaintext.count % 8 == 0, plaintext.count >= 16, plaintext.count <= maxLength else {
            throw CryptoError(
                .invalidLength, "key wrap input must be a multiple of 8 bytes, at least 16, got \(plaintext.count)")
        }
        return wrapRaw(aes, inverse, a, plaintext)
    }

    /// Unwraps (RFC 3394 section 2.2.2) and checks the IV in constant time.
    /// - Throws: `invalidLength` unless the ciphertext is a multiple of 8 bytes, at least 24;
    ///   `authenticationFailure` if the recovered IV does not match.
    public static func unwrap(key kek: [UInt8], _ ciphertext: [UInt8], iv: [UInt8]? = nil, inverse: Bool = false) throws
        -> [UInt8]
    {
        let aes = try AES(key: kek)
        let expected = try bytes(kwIV(iv))
        guard ciphertext.count % 8 == 0, ciphertext.count >= 24, ciphertext.count - 8 <= maxLength else {
            throw CryptoError(
                .invalidLength, "key unwrap input must be a multiple of 8 bytes, at least 24, got \(ciphertext.count)")
        }
        var (a, out) = unwrapRaw(aes, inverse, ciphertext)
        defer { a = 0 }
        guard ConstantTime.declassify(ConstantTime.equals(bytes(a), expected)) else {
            AEADSupport.wipe(&out)
            throw CryptoError(
                .authenticationFailure, "key unwrap integrity check failed", openSSL: .cipherOperationFailed)
        }
        return out
    }

    /// Wraps with padding (RFC 5649 section 4.1). Returns 8 * ceil(n / 8) + 8 bytes.
    /// - Throws: `invalidParameter` for a bad KEK or IV length (the IV here is 4 bytes);
    ///   `invalidLength` for an empty plaintext or one of 2^31 bytes or more.
    public static func wrapPad(key kek: [UInt8], _ plaintext: [UInt8], iv: [UInt8]? = nil, inverse: Bool = false) throws
        -> [UInt8]
    {
        let aes = try AES(key: kek)
        let prefix = try kwpIV(iv)
        let n = plaintext.count
        guard n >= 1, n < maxLength else {
            throw CryptoError(.invalidLength, "key wrap with padding takes 1 to 2^31 - 1 bytes, got \(n)")
        }
        let aiv = prefix & 0xFFFF_FFFF_0000_0000 | UInt64(n)
        let padded = (n + 7) / 8 * 8
        var p = plaintext + [UInt8](repeating: 0, count: padded - n)
        defer { AEADSupport.wipe(&p) }
        if padded == 8 {
            // A single 64-bit block: AIV || P, one AES block (ECB).
            var block = bytes(aiv) + p
            defer { AEADSupport.wipe(&block) }
            return try forward(aes, inverse, block)
        }
        return wrapRaw(aes, inverse, aiv, p)
    }

    /// Unwraps with padding (RFC 5649 section 4.2): checks the AIV prefix, the length (in
    /// (8(n-1), 8n]) and that the padding bytes are zero, all without early exit.
    /// - Throws: `invalidLength` unless the ciphertext is a multiple of 8 bytes, at least 16;
    ///   `authenticationFailure` if any check fails.
    public static func unwrapPad(key kek: [UInt8], _ ciphertext: [UInt8], iv: [UInt8]? = nil, inverse: Bool = false)
        throws -> [UInt8]
    {
        let aes = try AES(key: kek)
        let prefix = try kwpIV(iv)
        let c = ciphertext.count
        guard c % 8 == 0, c >= 16, c < maxLength else {
            throw CryptoError(
                .invalidLength, "key unwrap with padding input must be a multiple of 8 bytes, at least 16, got \(c)")
        }
        var a: UInt64
        var out: [UInt8]
        if c == 16 {
            var block = try inverseBlock(aes, inverse, ciphertext)
            a = block.withUnsafeBytes { AEADSupport.loadBE64($0.baseAddress!) }
            out = Array(block[8..<16])
            AEADSupport.wipe(&block)
        } else {
            (a, out) = unwrapRaw(aes, inverse, ciphertext)
        }
        defer { a = 0 }
        let blocks = out.count / 8
        let mli = Int(a & 0xFFFF_FFFF)
        // All checks computed before deciding, none on its own exits early.
        var bad = (a ^ prefix) >> 32 != 0 ? 1 : 0
        bad |= (mli <= 8 * (blocks - 1) || mli > 8 * blocks) ? 1 : 0
        var nonzero: UInt8 = 0
        let keep = min(max(mli, 8 * (blocks - 1)), 8 * blocks)
        for i in (8 * (blocks - 1))..<(8 * blocks) {
            // 0xFF when i >= keep (a padding byte), else 0, without a branch.
            let inPadding = UInt8(truncatingIfNeeded: (keep - 1 - i) >> 63)
            nonzero |= out[i] & inPadding
        }
        bad |= nonzero != 0 ? 1 : 0
        guard ConstantTime.declassify(bad == 0) else {
            AEADSupport.wipe(&out)
            throw CryptoError(
                .authenticationFailure, "key unwrap integrity check failed", openSSL: .cipherOperationFailed)
        }
        let result = Array(out[0..<ConstantTime.declassify(mli)])
        AEADSupport.wipe(&out)
        return result
    }

    // MARK: Internals

    /// The KW IV (8 bytes, default A6A6A6A6A6A6A6A6) as a big-endian word.
    private static func kwIV(_ iv: [UInt8]?) throws -> UInt64 {
        let v = iv ?? defaultIV
        guard v.count == 8 else {
            throw CryptoError(
                .invalidParameter, "key wrap IV must be 8 bytes, got \(v.count)", openSSL: .invalidIVLength)
        }
        return v.withUnsafeBytes { AEADSupport.loadBE64($0.baseAddress!) }
    }

    /// The KWP IV prefix (4 bytes, default A65959A6) in the high half of a big-endian word.
    private static func kwpIV(_ iv: [UInt8]?) throws -> UInt64 {
        let v = iv ?? defaultPadIV
        guard v.count == 4 else {
            throw CryptoError(
                .invalidParameter, "key wrap with padding IV must be 4 bytes, got \(v.count)", openSSL: .invalidIVLength
            )
        }
        return v.reduce(0) { $0 << 8 | UInt64($1) } << 32
    }

    private static func bytes(_ v: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: v >> (56 - 8 * UInt64($0))) }
    }

    /// The forward function (AES encryption, or decryption for the inverse variants) on one block.
    private static func forward(_ aes: AES, _ inverse: Bool, _ block: [UInt8]) throws -> [UInt8] {
        try inverse ? aes.decrypt(block) : aes.encrypt(block)
    }

    private static func inverseBlock(_ aes: AES, _ inverse: Bool, _ block: [UInt8]) throws -> [UInt8] {
        try inverse ? aes.encrypt(block) : aes.decrypt(block)
    }

    /// W(S) of RFC 3394 2.2.1 (index-based): 6n steps of B = E(A || R_i), A = MSB(B) ^ t.
    private static func wrapRaw(_ aes: AES, _ inverse: Bool, _ iv: UInt64, _ plaintext: [UInt8]) -> [UInt8] {
        let n = plaintext.count / 8
        var r = [UInt8](repeating: 0, count: 8 + 8 * n)
        var a = iv
        r.withUnsafeMutableBytes { out in
            let o = out.baseAddress!
            plaintext.withUnsafeBytes { (o + 8).copyMemory(from: $0.baseAddress!, byteCount: 8 * n) }
            var b = (UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &b) { bb in
                let block = bb.baseAddress!
                var t: UInt64 = 1
                for _ in 0..<6 {
                    for i in 1...n {
                        AEADSupport.storeBE64(a, block)
                        (block + 8).copyMemory(from: o + 8 * i, byteCount: 8)
                        if inverse {
                            aes.decrypt(block: UnsafeRawPointer(block), into: block)
                        } else {
                            aes.encrypt(block: UnsafeRawPointer(block), into: block)
                        }
                        a = AEADSupport.loadBE64(block) ^ t
                        (o + 8 * i).copyMemory(from: block + 8, byteCount: 8)
                        t += 1
                    }
                }
                block.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
            }
            AEADSupport.storeBE64(a, o)
        }
        return r
    }

    /// W^-1(C) of RFC 3394 2.2.2: returns the recovered A and the n 64-bit blocks R.
    private static func unwrapRaw(_ aes: AES, _ inverse: Bool, _ ciphertext: [UInt8]) -> (UInt64, [UInt8]) {
        let n = ciphertext.count / 8 - 1
        var a = ciphertext.withUnsafeBytes { AEADSupport.loadBE64($0.baseAddress!) }
        var r = Array(ciphertext[8...])
        r.withUnsafeMutableBytes { out in
            let o = out.baseAddress!
            var b = (UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &b) { bb in
                let block = bb.baseAddress!
                var t = UInt64(6 * n)
                for _ in 0..<6 {
                    for i in stride(from: n, through: 1, by: -1) {
                        AEADSupport.storeBE64(a ^ t, block)
                        (block + 8).copyMemory(from: o + 8 * (i - 1), byteCount: 8)
                        if inverse {
                            aes.encrypt(block: UnsafeRawPointer(block), into: block)
                        } else {
                            aes.decrypt(block: UnsafeRawPointer(block), into: block)
                        }
                        a = AEADSupport.loadBE64(block)
                        (o + 8 * (i - 1)).copyMemory(from: block + 8, byteCount: 8)
                        t -= 1
                    }
                }
                block.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
            }
        }
        return (a, r)
    }
}
