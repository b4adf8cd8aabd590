/// The ANSI X9.63 KDF (SEC 1 v2 section 3.6.1), OpenSSL's `X963KDF`:
/// K = H(Z || counter_1 || SharedInfo) || H(Z || counter_2 || SharedInfo) || …, with a 32-bit
/// big-endian counter starting at 1, truncated to `length` bytes.
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/sskdf.c`, `SSKDF_hash_kdm`) refuses an empty
/// output and any secret, info or output longer than 2^30 bytes (`SSKDF_MAX_INLEN`); the same
/// limits apply here (they also keep the counter far below 2^32 − 1).
public enum X963KDF {
    /// OpenSSL's `SSKDF_MAX_INLEN`.
    public static let maxInputLength = 1 << 30

    /// - Throws: `invalidParameter` if `length` is not in 1...2^30 or an input is over 2^30 bytes.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, sharedSecret: [UInt8], sharedInfo: [UInt8] = [],
        length: Int
    ) throws -> [UInt8] {
        guard length >= 1, length <= maxInputLength else {
            throw CryptoError(.invalidParameter, "X963KDF output length must be 1...2^30, got \(length)")
        }
        guard sharedSecret.count <= maxInputLength, sharedInfo.count <= maxInputLength else {
            throw CryptoError(.invalidParameter, "X963KDF secret and info are limited to 2^30 bytes")
        }
        var output = KDFOutput.buffer(for: length)
        var counter: UInt32 = 1
        while output.count < length {
            var h = H()
            h.update(sharedSecret)
            withUnsafeBytes(of: counter.bigEndian) { h.update($0) }
            h.update(sharedInfo)
            let block = h.finalize()
            output.append(contentsOf: block.prefix(length - output.count))
            counter &+= 1
        }
        return output
    }
}
