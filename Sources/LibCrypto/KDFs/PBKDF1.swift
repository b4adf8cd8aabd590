/// PBKDF1 (PKCS #5 v1.5 / RFC 8018 section 5.1), OpenSSL's `PBKDF1` KDF (legacy provider):
/// T_1 = H(password || salt), T_i = H(T_{i−1}), output the first `length` bytes of T_c.
///
/// PKCS #5 names MD2, MD5 and SHA-1; like OpenSSL, any fixed-size digest is accepted and the
/// salt may have any length (PKCS #5 v1.5 itself uses 8 bytes). The output is at most one
/// digest long (OpenSSL: `PROV_R_LENGTH_TOO_LARGE`).
public enum PBKDF1 {
    /// - Throws: `invalidParameter` if `iterations` < 1 (OpenSSL runs a count of 0 as 1; this
    ///   API refuses it), or `length` is not in 1...digest size.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8], iterations: Int,
        length: Int
    ) throws -> [UInt8] {
        guard iterations >= 1 else {
            throw CryptoError(.invalidParameter, "PBKDF1 iteration count must be at least 1, got \(iterations)")
        }
        guard length >= 1, length <= H.digestSize else {
            throw CryptoError(
                .invalidParameter, "PBKDF1 output length must be 1...\(H.digestSize) for \(H.self), got \(length)")
        }
        var h = H()
        h.update(password)
        h.update(salt)
        var t = h.finalize()
        if iterations > 1 {
            for _ in 1..<iterations { t = H.hash(t) }
        }
        return Array(t[0..<length])
    }
}
