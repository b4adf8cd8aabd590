/// OpenSSL's `EVP_BytesToKey`: the key-and-IV derivation of `openssl enc` without `-pbkdf2`
/// (and of PEM encryption), an extension of PBKDF1.
///
/// D_1 = H^count(password || salt), D_i = H^count(D_{i−1} || password || salt); the key is
/// the first `keyLength` bytes of D_1 || D_2 || …, the IV the next `ivLength` bytes.
/// The salt is either absent or exactly 8 bytes (`PKCS5_SALT_LEN`; OpenSSL reads 8 bytes from
/// whatever pointer it is given). Key and IV lengths are bounded by `EVP_MAX_KEY_LENGTH` (64)
/// and `EVP_MAX_IV_LENGTH` (16), which OpenSSL asserts.
public enum EVPBytesToKey {
    /// `PKCS5_SALT_LEN`.
    public static let saltLength = 8
    /// `EVP_MAX_KEY_LENGTH`.
    public static let maxKeyLength = 64
    /// `EVP_MAX_IV_LENGTH`.
    public static let maxIVLength = 16

    /// `EVP_BytesToKey` itself.
    ///
    /// - Parameters:
    ///   - hash: the digest `H` (`enc` uses SHA-256 since OpenSSL 1.1.0, MD5 before).
    ///   - password: the password bytes.
    ///   - salt: nil, or exactly 8 bytes.
    ///   - count: the number of hash applications per block (`enc` uses 1).
    ///   - keyLength: the key bytes wanted, 0...64.
    ///   - ivLength: the IV bytes wanted, 0...16.
    /// - Throws: `invalidParameter` for a salt that is not nil or 8 bytes, `count` < 1
    ///   (OpenSSL runs 0 as 1), or key/IV lengths outside 0...64 / 0...16.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8]?, count: Int = 1,
        keyLength: Int, ivLength: Int
    ) throws -> (key: [UInt8], iv: [UInt8]) {
        if let salt, salt.count != saltLength {
            throw CryptoError(
                .invalidParameter, "EVP_BytesToKey takes no salt or an 8-byte salt, got \(salt.count) bytes")
        }
        guard count >= 1 else {
            throw CryptoError(.invalidParameter, "EVP_BytesToKey count must be at least 1, got \(count)")
        }
        guard (0...maxKeyLength).contains(keyLength), (0...maxIVLength).contains(ivLength) else {
            throw CryptoError(
                .invalidParameter,
                "EVP_BytesToKey key length must be 0...64 and IV length 0...16, got \(keyLength) and \(ivLength)")
        }
        let total = keyLength + ivLength
        var material = [UInt8]()
        material.reserveCapacity(total + H.digestSize)
        var previous: [UInt8] = []
        while material.count < total {
            var h = H()
            h.update(previous)
            h.update(password)
            if let salt { h.update(salt) }
            var d = h.finalize()
            if count > 1 {
                for _ in 1..<count { d = H.hash(d) }
            }
            material.append(contentsOf: d)
            previous = d
        }
        let key = Array(material[0..<keyLength])
        let iv = Array(material[keyLength..<total])
        for i in material.indices { material[i] = 0 }
        return (key, iv)
    }
}

/// The salted file format of `openssl enc`: the 8 bytes `Salted__`, the 8-byte salt, then the
/// ciphertext. Key and IV come from the password and that salt, by ``EVPBytesToKey`` with one
/// iteration (the default, deprecated) or by PBKDF2 (`-pbkdf2` / `-iter`, which derives
/// key || IV in one output). `enc`'s default digest in OpenSSL 3 is SHA-256.
public enum OpenSSLSaltedFormat {
    /// The magic prefix, `Salted__`.
    public static let magic: [UInt8] = Array("Salted__".utf8)
    /// Header length: magic plus salt.
    public static let headerLength = 16

    /// `Salted__` followed by `salt`.
    /// - Throws: `invalidParameter` if the salt is not 8 bytes.
    public static func header(salt: [UInt8]) throws -> [UInt8] {
        guard salt.count == EVPBytesToKey.saltLength else {
            throw CryptoError(.invalidParameter, "the enc salt is 8 bytes, got \(salt.count)")
        }
        return magic + salt
    }

    /// Splits salted `enc` output into the salt and the ciphertext that follows it.
    /// - Throws: `invalidParameter` if the data is shorter than the header or lacks the magic
    ///   (`enc` says "bad magic number").
    public static func parse(_ data: [UInt8]) throws -> (salt: [UInt8], ciphertext: [UInt8]) {
        guard data.count >= headerLength, Array(data[0..<8]) == magic else {
            throw CryptoError(.invalidParameter, "not OpenSSL salted data (bad magic number)")
        }
        return (Array(data[8..<16]), Array(data[16...]))
    }

    /// The key and IV `openssl enc` derives for a cipher with the given key and IV lengths.
    /// - Parameters:
    ///   - hash: the digest (`enc`'s `-md`).
    ///   - password: the password bytes.
    ///   - salt: nil (`-nosalt`), or the 8-byte salt.
    ///   - keyLength: the cipher's key length in bytes.
    ///   - ivLength: the cipher's IV length in bytes (0 for ECB).
    ///   - pbkdf2Iterations: nil for the legacy `EVP_BytesToKey` (one iteration),
    ///     or the `-iter` count for `-pbkdf2` (`enc` defaults to 10000).
    public static func deriveKeyAndIV<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8]?,
        keyLength: Int, ivLength: Int,
        pbkdf2Iterations: Int? = nil
    ) throws -> (key: [UInt8], iv: [UInt8]) {
        guard let iterations = pbkdf2Iterations else {
            return try EVPBytesToKey.derive(
                H.self, password: password, salt: salt, count: 1,
                keyLength: keyLength, ivLength: ivLength)
        }
        if let salt, salt.count != EVPBytesToKey.saltLength {
            throw CryptoError(.invalidParameter, "the enc salt is 8 bytes, got \(salt.count)")
        }
        let (total, overflow) = keyLength.addingReportingOverflow(ivLength)
        guard keyLength >= 0, ivLength >= 0, !overflow, total >= 1 else {
            throw CryptoError(
                .invalidParameter, "enc key and IV lengths must be non-negative, not both zero, and sum to an Int")
        }
        var both = try PBKDF2.derive(
            H.self, password: password, salt: salt ?? [], iterations: iterations, length: total)
        defer { for i in both.indices { both[i] = 0 } }
        return (Array(both[0..<keyLength]), Array(both[keyLength...]))
    }
}
