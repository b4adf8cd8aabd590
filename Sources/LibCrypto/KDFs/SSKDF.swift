/// The single-step KDF of NIST SP 800-56C (rev. 1/2, section 4), OpenSSL's `SSKDF` KDF:
/// K(i) = H(counter_i ‖ Z ‖ FixedInfo) with a 32-bit big-endian counter from 1, the blocks
/// concatenated and truncated. `H` is either a digest (option 1) or HMAC keyed with a salt
/// (option 2; an absent or empty salt is HashLen zero bytes, as OpenSSL uses).
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/sskdf.c`) refuses an empty output and any
/// secret, info or output over 2^30 bytes (`SSKDF_MAX_INLEN`). Its KMAC option needs KMAC128/256,
/// which this library does not have yet.
public enum SSKDF {
    /// OpenSSL's `SSKDF_MAX_INLEN`.
    public static let maxInputLength = 1 << 30

    /// SP 800-56C option 1: H is the digest `H`.
    /// - Throws: `invalidParameter` if `length` is not in 1...2^30 or an input is over 2^30 bytes.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, secret: [UInt8], info: [UInt8] = [], length: Int
    ) throws -> [UInt8] {
        try check(secret: secret, info: info, length: length)
        var out = KDFOutput.buffer(for: length)
        var counter: UInt32 = 1
        while out.count < length {
            var h = H()
            withUnsafeBytes(of: counter.bigEndian) { h.update($0) }
            h.update(secret)
            h.update(info)
            out.append(contentsOf: h.finalize().prefix(length - out.count))
            counter &+= 1
        }
        return out
    }

    /// SP 800-56C option 2: H is HMAC-`H` keyed with `salt` (HashLen zeros when nil or empty).
    /// - Throws: as ``derive(_:secret:info:length:)``; `unsupportedOperation` for an XOF.
    public static func deriveHMAC<H: HashFunction>(
        _ hash: H.Type, secret: [UInt8], salt: [UInt8]? = nil, info: [UInt8] = [], length: Int
    ) throws -> [UInt8] {
        try check(secret: secret, info: info, length: length)
        let key = (salt?.isEmpty ?? true) ? [UInt8](repeating: 0, count: H.digestSize) : salt!
        let keyed = try HMAC<H>(key: key)
        var out = KDFOutput.buffer(for: length)
        var counter: UInt32 = 1
        while out.count < length {
            var m = keyed
            withUnsafeBytes(of: counter.bigEndian) { m.update($0) }
            m.update(secret)
            m.update(info)
            out.append(contentsOf: m.finalize().prefix(length - out.count))
            counter &+= 1
        }
        return out
    }

    static func check(secret: [UInt8], info: [UInt8], length: Int) throws {
        guard length >= 1, length <= maxInputLength else {
            throw CryptoError(.invalidParameter, "SSKDF output length must be 1...2^30, got \(length)")
        }
        guard secret.count <= maxInputLength, info.count <= maxInputLength else {
            throw CryptoError(.invalidParameter, "SSKDF secret and info are limited to 2^30 bytes")
        }
    }
}
