/// The PKCS #12 key derivation (RFC 7292 appendix B.2), OpenSSL's `PKCS12KDF`
/// (`PKCS12_key_gen_uni`).
///
/// The password is given as its BMPString bytes: UTF-16BE followed by two zero bytes
/// (``bmpPassword(_:)`` converts a `String`). As in OpenSSL, an empty password array stands
/// for "no password" (the P block is left out); the empty string `""` is `[0, 0]`.
/// With u = digest size and v = digest block size: D = v copies of the ID byte,
/// I = S || P (salt and password each repeated to a multiple of v bytes),
/// A_i = H^c(D || I), and between output blocks every v-byte block of I gets B + 1 added,
/// B being A_i repeated to v bytes.
public enum PKCS12KDF {
    /// The ID byte that says what the output is for.
    public enum Purpose: UInt8, Sendable, CaseIterable {
        /// ID 1: encryption key.
        case key = 1
        /// ID 2: initialisation vector.
        case iv = 2
        /// ID 3: MAC key.
        case mac = 3
    }

    /// The longest output, 2^31 − 1 bytes: the `int n` of OpenSSL's `PKCS12_key_gen_uni`
    /// (RFC 7292 appendix B.2 itself sets no maximum).
    public static let maxLength = Int(Int32.max)

    /// - Throws: `invalidParameter` if `iterations` < 1 or `length` is not in 1...``maxLength``.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8], purpose: Purpose,
        iterations: Int, length: Int
    ) throws -> [UInt8] {
        try derive(H.self, password: password, salt: salt, id: purpose.rawValue, iterations: iterations, length: length)
    }

    /// The same with the raw ID byte (OpenSSL's `id` parameter takes any value).
    /// - Throws: `invalidParameter` if `iterations` < 1 or `length` is not in 1...``maxLength``.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, password: [UInt8], salt: [UInt8], id: UInt8,
        iterations: Int, length: Int
    ) throws -> [UInt8] {
        guard iterations >= 1 else {
            throw CryptoError(.invalidParameter, "PKCS12KDF iteration count must be at least 1, got \(iterations)")
        }
        guard length >= 1, length <= maxLength else {
            throw CryptoError(
                .invalidParameter, "PKCS12KDF output length must be 1...\(maxLength) (2^31 - 1), got \(length)")
        }
        let u = H.digestSize
        let v = H.blockSize
        let d = [UInt8](repeating: id, count: v)
        let sLen = v * ((salt.count + v - 1) / v)
        let pLen = password.isEmpty ? 0 : v * ((password.count + v - 1) / v)
        var i = [UInt8](repeating: 0, count: sLen + pLen)
        for k in 0..<sLen { i[k] = salt[k % salt.count] }
        for k in 0..<pLen { i[sLen + k] = password[k % password.count] }
        defer { for k in i.indices { i[k] = 0 } }

        var output = KDFOutput.buffer(for: length)
        var b = [UInt8](repeating: 0, count: v)
        while true {
            var h = H()
            h.update(d)
            h.update(i)
            var a = h.finalize()
            if iterations > 1 {
                for _ in 1..<iterations { a = H.hash(a) }
            }
            output.append(contentsOf: a.prefix(length - output.count))
            if output.count == length { break }
            for j in 0..<v { b[j] = a[j % u] }
            // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block I_j of I.
            var j = 0
            while j < i.count {
                var carry: UInt16 = 1
                var k = v
                while k > 0 {
                    k -= 1
                    carry += UInt16(i[j + k]) + UInt16(b[k])
                    i[j + k] = UInt8(truncatingIfNeeded: carry)
                    carry >>= 8
                }
                j += v
            }
        }
        return output
    }

    /// A password as PKCS #12 BMPString bytes: UTF-16 big-endian plus a trailing `00 00`
    /// (OpenSSL's `OPENSSL_utf82uni`; characters beyond the BMP become surrogate pairs).
    public static func bmpPassword(_ password: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(2 * password.utf16.count + 2)
        for unit in password.utf16 {
            out.append(UInt8(unit >> 8))
            out.append(UInt8(unit & 0xff))
        }
        out.append(0)
        out.append(0)
        return out
    }
}
