/// PBKDF2 (PKCS #5 v2.1 / RFC 8018 section 5.2), OpenSSL's `PBKDF2` KDF, with HMAC over any
/// ``HashFunction`` as the PRF.
///
/// Limits follow OpenSSL 3.0's default provider (`providers/implementations/kdfs/pbkdf2.c`):
/// the SP 800-132 lower bounds (key ≥ 112 bits, salt ≥ 16 bytes, iterations ≥ 1000) are only
/// enforced when asked for — OpenSSL turns them on by default in its FIPS module only
/// (`ossl_kdf_pbkdf2_default_checks` is 0 otherwise, and `pkcs5=0` turns them on). The
/// output may be at most (2^32 − 1) blocks of the digest size.
public enum PBKDF2 {
    /// Derives `length` bytes from `password` and `salt` with `iterations` rounds of HMAC-`H`.
    ///
    /// - Parameters:
    ///   - hash: the digest `H` under HMAC (any fixed-length ``HashFunction``).
    ///   - password: the password bytes (any length, empty allowed).
    ///   - salt: the salt bytes.
    ///   - iterations: the iteration count, at least 1.
    ///   - length: the output length in bytes.
    ///   - sp800132Checks: enforce SP 800-132's minimums (OpenSSL's `pkcs5=0`).
    /// - Throws: `invalidParameter` if `iterations` < 1, `length` < 1, the length is
    ///   (2^32 − 1) digest blocks or more, or a requested SP 800-132 minimum is not met;
    ///   `unsupportedOperation` if `H` is an extendable-output function.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8], iterations: Int,
        length: Int, sp800132Checks: Bool = false
    ) throws -> [UInt8] {
        guard iterations >= 1 else {
            throw CryptoError(.invalidParameter, "PBKDF2 iteration count must be at least 1, got \(iterations)")
        }
        guard length >= 1 else {
            throw CryptoError(.invalidParameter, "PBKDF2 output length must be at least 1, got \(length)")
        }
        let hLen = H.digestSize
        guard length / hLen < 0xFFFF_FFFF else {
            throw CryptoError(.invalidParameter, "PBKDF2 output of \(length) bytes exceeds (2^32 - 1) blocks")
        }
        if sp800132Checks {
            guard length * 8 >= 112 else {
                throw CryptoError(
                    .invalidParameter, "PBKDF2 (SP 800-132) output must be at least 112 bits, got \(length * 8)")
            }
            guard salt.count >= 16 else {
                throw CryptoError(
                    .invalidParameter, "PBKDF2 (SP 800-132) salt must be at least 16 bytes, got \(salt.count)")
            }
            guard iterations >= 1000 else {
                throw CryptoError(
                    .invalidParameter, "PBKDF2 (SP 800-132) iteration count must be at least 1000, got \(iterations)")
            }
        }
        // Common digests get a specialised copy of the loop (callers usually arrive through an
        // existential, which would otherwise run the generic code through witness tables).
        switch H.self {
        case is SHA1.Type: return try compute(SHA1.self, password, salt, iterations, length)
        case is SHA256.Type: return try compute(SHA256.self, password, salt, iterations, length)
        case is SHA512.Type: return try compute(SHA512.self, password, salt, iterations, length)
        case is SHA224.Type: return try compute(SHA224.self, password, salt, iterations, length)
        case is SHA384.Type: return try compute(SHA384.self, password, salt, iterations, length)
        default: return try compute(H.self, password, salt, iterations, length)
        }
    }

    private static func compute<H: HashFunction>(
        _ hash: H.Type, _ password: [UInt8], _ salt: [UInt8],
        _ iterations: Int, _ length: Int
    ) throws -> [UInt8] {
        let hLen = H.digestSize
        // Keyed once; each HMAC below starts from a copy of these inner/outer states.
        let keyed = try HMAC<H>(key: password)
        // Grows block by block: `length` may be up to (2^32 − 2)·hLen bytes.
        var output = KDFOutput.buffer(for: length)
        var index: UInt32 = 1
        while output.count < length {
            var mac = keyed
            mac.update(salt)
            let be = index.bigEndian
            withUnsafeBytes(of: be) { mac.update($0) }
            var u = mac.finalize()
            var t = u
            if iterations > 1 {
                for _ in 1..<iterations {
                    var m = keyed
                    u.withUnsafeBytes { m.update($0) }
                    u = m.finalize()
                    t.withUnsafeMutableBufferPointer { tp in
                        u.withUnsafeBufferPointer { up in
                            for j in 0..<hLen { tp[j] ^= up[j] }
                        }
                    }
                }
            }
            output.append(contentsOf: t.prefix(length - output.count))
            index &+= 1
        }
        return output
    }
}
