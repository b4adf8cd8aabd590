/// The TLS pseudorandom function, OpenSSL's `TLS1-PRF` KDF.
///
/// - TLS 1.2 (RFC 5246 section 5): PRF = P_hash(secret, seed) with HMAC over the chosen digest,
///   P_hash = HMAC(secret, A(1) || seed) || HMAC(secret, A(2) || seed) || …, A(0) = seed,
///   A(i) = HMAC(secret, A(i−1)).
/// - TLS 1.0/1.1 (RFC 2246 section 5), chosen as OpenSSL does by the digest `MD5-SHA1`: the
///   secret is split into two halves of ⌈len/2⌉ bytes (overlapping by one byte when the length
///   is odd) and PRF = P_MD5(S1, seed) XOR P_SHA1(S2, seed).
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/tls1_prf.c`) requires a secret (possibly empty),
/// a non-empty seed of at most 1024 bytes (`TLS1_PRF_MAXBUF`, the label and randoms together)
/// and a non-empty output. This implementation also caps the output at 2^30 bytes.
public enum TLS1PRF {
    /// OpenSSL's `TLS1_PRF_MAXBUF`: the most seed bytes (label, client and server random).
    public static let maxSeedLength = 1024
    /// The longest output produced here.
    public static let maxOutputLength = 1 << 30

    /// Derives `length` bytes. With `H` = ``MD5SHA1`` this is the TLS 1.0/1.1 PRF, otherwise
    /// the TLS 1.2 P_hash over HMAC-`H`.
    /// - Parameters:
    ///   - hash: the digest (any fixed-length ``HashFunction``; ``MD5SHA1`` for TLS 1.0/1.1).
    ///   - secret: the secret (the pre-master or master secret); may be empty.
    ///   - seed: the label followed by the randoms, 1...1024 bytes.
    ///   - length: the output length, 1...2^30.
    /// - Throws: `invalidParameter` for an empty or too long seed or a length out of range;
    ///   `unsupportedOperation` if `H` is an extendable-output function.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, secret: [UInt8], seed: [UInt8], length: Int
    ) throws -> [UInt8] {
        guard !seed.isEmpty, seed.count <= maxSeedLength else {
            throw CryptoError(.invalidParameter, "TLS1-PRF seed must be 1...\(maxSeedLength) bytes, got \(seed.count)")
        }
        guard length >= 1, length <= maxOutputLength else {
            throw CryptoError(.invalidParameter, "TLS1-PRF output length must be 1...2^30, got \(length)")
        }
        if H.self == MD5SHA1.self {
            let half = (secret.count + 1) / 2
            var out = try pHash(MD5.self, secret: Array(secret.prefix(half)), seed: seed, length: length)
            var other = try pHash(SHA1.self, secret: Array(secret.suffix(half)), seed: seed, length: length)
            for i in out.indices { out[i] ^= other[i] }
            for i in other.indices { other[i] = 0 }
            return out
        }
        return try pHash(H.self, secret: secret, seed: seed, length: length)
    }

    /// P_hash of RFC 5246 section 5, truncated to `length` bytes.
    static func pHash<H: HashFunction>(_ hash: H.Type, secret: [UInt8], seed: [UInt8], length: Int) throws
        -> [UInt8]
    {
        let keyed = try HMAC<H>(key: secret)
        var out = KDFOutput.buffer(for: length)
        var a = seed
        while out.count < length {
            var m = keyed
            m.update(a)
            a = m.finalize()
            var block = keyed
            block.update(a)
            block.update(seed)
            out.append(contentsOf: block.finalize().prefix(length - out.count))
        }
        for i in a.indices { a[i] = 0 }
        return out
    }
}
