#if DES
/// Triple-DES key wrap (RFC 3217, CMS `id-alg-CMS3DESwrap`), OpenSSL's `DES3-WRAP` cipher
/// (`id-smime-alg-CMS3DESwrap`): encrypt wraps, decrypt unwraps, the whole key in one update.
///
/// Wrap: ICV = the first 8 bytes of SHA-1(key data); TEMP1 = DES-EDE3-CBC(key data ‖ ICV)
/// under a fresh random 8-byte IV; TEMP3 = reverse(IV ‖ TEMP1); the output is
/// DES-EDE3-CBC(TEMP3) under the fixed IV 4adda22c79e82105 (16 bytes longer than the input).
/// Unwrap reverses this and compares the ICV in constant time, throwing
/// `authenticationFailure` (OpenSSL: `CIPHER_OPERATION_FAILED`) on mismatch.
///
/// Lengths as OpenSSL's provider takes them: a multiple of 8 bytes below 2^30 (EVP_MAXCHUNK)
/// to wrap (RFC 3217 itself wraps only 24-byte keys; OpenSSL does not check), at least 24
/// bytes to unwrap. The DES code is the library's ``DESEDE3`` (constant time, no tables).
public enum TripleDESKeyWrap {
    /// RFC 3217's fixed IV for the outer encryption.
    static let wrapIV: [UInt8] = [0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05]
    /// OpenSSL's `EVP_MAXCHUNK`, its cap on one wrap update.
    static let maxInput = 1 << 30

    /// Wraps `keyData` under the 24-byte key `kek`. `iv` is the inner random IV; nil draws one
    /// from ``Random`` (a fixed one only for known-answer tests).
    /// - Throws: `invalidParameter` for a bad key, `invalidLength` for data not a multiple of
    ///   8 bytes, empty or too long.
    public static func wrap(key kek: [UInt8], _ keyData: [UInt8], iv: [UInt8]? = nil) throws -> [UInt8] {
        guard !keyData.isEmpty, keyData.count % 8 == 0, keyData.count < maxInput else {
            throw CryptoError(
                .invalidLength, "DES3-WRAP takes a multiple of 8 bytes, got \(keyData.count)",
                openSSL: .cipherOperationFailed)
        }
        let inner = try iv ?? Random.bytes(count: 8)
        guard inner.count == 8 else { throw CryptoError(.invalidParameter, "DES3-WRAP's IV is 8 bytes") }
        let cipher = try DESEDE3(key: kek)
        var sha = SHA1()
        sha.update(keyData)
        var icv = sha.finalize()
        defer { SecretWipe.wipe(&icv) }
        var temp = keyData + icv[0..<8]
        defer { SecretWipe.wipe(&temp) }
        cbcEncrypt(cipher, &temp, iv: inner)
        var all = inner + temp
        defer { SecretWipe.wipe(&all) }
        all.reverse()
        cbcEncrypt(cipher, &all, iv: wrapIV)
        return all
    }

    /// Unwraps `wrapped` under the 24-byte key `kek`.
    /// - Throws: `invalidLength` for fewer than 24 bytes or not a multiple of 8,
    ///   `authenticationFailure` if the checksum does not match.
    public static func unwrap(key kek: [UInt8], _ wrapped: [UInt8]) throws -> [UInt8] {
        guard wrapped.count >= 24, wrapped.count % 8 == 0, wrapped.count < maxInput else {
            throw CryptoError(
                .invalidLength, "DES3-WRAP unwraps a multiple of 8 bytes, at least 24, got \(wrapped.count)",
                openSSL: .cipherOperationFailed)
        }
        let cipher = try DESEDE3(key: kek)
        var all = wrapped
        defer { SecretWipe.wipe(&all) }
        cbcDecrypt(cipher, &all, iv: wrapIV)
        all.reverse()
        let inner = Array(all[0..<8])
        var temp = Array(all[8...])
        defer { SecretWipe.wipe(&temp) }
        cbcDecrypt(cipher, &temp, iv: inner)
        var keyData = Array(temp[0..<(temp.count - 8)])
        var sha = SHA1()
        sha.update(keyData)
        var icv = sha.finalize()
        defer { SecretWipe.wipe(&icv) }
        guard ConstantTime.declassify(ConstantTime.equals(icv[0..<8], temp[(temp.count - 8)...])) else {
            SecretWipe.wipe(&keyData)
            throw CryptoError(
                .authenticationFailure, "DES3-WRAP checksum mismatch", openSSL: .cipherOperationFailed)
        }
        return keyData
    }

    private static func cbcEncrypt(_ cipher: DESEDE3, _ data: inout [UInt8], iv: [UInt8]) {
        var chain = iv
        data.withUnsafeMutableBytes { d in
            chain.withUnsafeMutableBytes { c in
                for off in stride(from: 0, to: d.count, by: 8) {
                    for i in 0..<8 { c[i] ^= d[off + i] }
                    cipher.encrypt(block: UnsafeRawPointer(c.baseAddress!), into: c.baseAddress!)
                    (d.baseAddress! + off).copyMemory(from: UnsafeRawPointer(c.baseAddress!), byteCount: 8)
                }
            }
        }
        SecretWipe.wipe(&chain)
    }

    private static func cbcDecrypt(_ cipher: DESEDE3, _ data: inout [UInt8], iv: [UInt8]) {
        var chain = iv
        var block = [UInt8](repeating: 0, count: 8)
        data.withUnsafeMutableBytes { d in
            block.withUnsafeMutableBytes { b in
                for off in stride(from: 0, to: d.count, by: 8) {
                    let next = Array(d[off..<(off + 8)])
                    cipher.decrypt(block: UnsafeRawPointer(d.baseAddress! + off), into: b.baseAddress!)
                    for i in 0..<8 { d[off + i] = b[i] ^ chain[i] }
                    chain = next
                }
            }
        }
        SecretWipe.wipe(&block)
        SecretWipe.wipe(&chain)
    }
}
#endif
