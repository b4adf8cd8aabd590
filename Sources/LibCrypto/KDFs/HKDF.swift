/// HKDF (RFC 5869), OpenSSL's `HKDF` KDF, with HMAC over any ``HashFunction``.
///
/// OpenSSL 3.0 conventions (`providers/implementations/kdfs/hkdf.c`):
/// - three modes, `EXTRACT_AND_EXPAND` (default), `EXTRACT_ONLY` (the output length must be
///   exactly the digest size) and `EXPAND_ONLY` (the key is used as the PRK, whatever its length);
/// - the key (IKM, or PRK in `EXPAND_ONLY`) may be empty but the output may not;
/// - an absent salt is the empty string, which HMAC pads to HashLen zeros as RFC 5869 says;
/// - `info` is at most 32 KiB (`HKDF_MAXINFO`);
/// - the expanded output is at most 255 × HashLen bytes.
public enum HKDF {
    /// OpenSSL's `mode` parameter; the raw values are its names, `init(openSSLMode:)` takes
    /// its integers (`EVP_KDF_HKDF_MODE_*`).
    public enum Mode: String, Sendable, CaseIterable {
        /// Extract a PRK from the key and salt, then expand it with `info` (the default).
        case extractAndExpand = "EXTRACT_AND_EXPAND"
        /// Extract only: the output is the PRK, exactly one digest long.
        case extractOnly = "EXTRACT_ONLY"
        /// Expand only: the key is taken as the PRK.
        case expandOnly = "EXPAND_ONLY"

        /// `EVP_KDF_HKDF_MODE_EXTRACT_AND_EXPAND` = 0, `..._EXTRACT_ONLY` = 1, `..._EXPAND_ONLY` = 2.
        public init?(openSSLMode: Int) {
            switch openSSLMode {
            case 0: self = .extractAndExpand
            case 1: self = .extractOnly
            case 2: self = .expandOnly
            default: return nil
            }
        }
    }

    /// OpenSSL's `HKDF_MAXINFO`.
    public static let maxInfoLength = 32 * 1024

    /// HKDF-Extract: PRK = HMAC-H(salt, IKM), HashLen bytes.
    public static func extract<H: HashFunction>(_ hash: H.Type, salt: [UInt8] = [], inputKeyMaterial: [UInt8]) throws
        -> [UInt8]
    {
        var mac = try HMAC<H>(key: salt)
        mac.update(inputKeyMaterial)
        return mac.finalize()
    }

    /// HKDF-Expand: T(i) = HMAC-H(PRK, T(i−1) || info || i), concatenated to `length` bytes.
    /// - Throws: `invalidParameter` if `length` is not in 1...255·HashLen or `info` is over 32 KiB.
    public static func expand<H: HashFunction>(
        _ hash: H.Type, pseudoRandomKey: [UInt8], info: [UInt8] = [],
        length: Int
    ) throws -> [UInt8] {
        let hLen = H.digestSize
        guard length >= 1, length <= 255 * hLen else {
            throw CryptoError(
                .invalidParameter, "HKDF-Expand output length must be 1...\(255 * hLen) for \(H.self), got \(length)")
        }
        guard info.count <= maxInfoLength else {
            throw CryptoError(.invalidParameter, "HKDF info is limited to \(maxInfoLength) bytes, got \(info.count)")
        }
        let keyed = try HMAC<H>(key: pseudoRandomKey)
        var output = KDFOutput.buffer(for: length)
        var previous: [UInt8] = []
        var counter: UInt8 = 1
        while output.count < length {
            var mac = keyed
            mac.update(previous)
            mac.update(info)
            withUnsafeBytes(of: counter) { mac.update($0) }
            previous = mac.finalize()
            output.append(contentsOf: previous.prefix(length - output.count))
            counter &+= 1
        }
        return output
    }

    /// OpenSSL's `HKDF` derivation in any of its three modes.
    /// - Parameters:
    ///   - hash: the digest `H` under HMAC (any fixed-length ``HashFunction``).
    ///   - mode: extract and expand (the default), extract only, or expand only.
    ///   - key: the IKM (`EXTRACT_AND_EXPAND`, `EXTRACT_ONLY`) or the PRK (`EXPAND_ONLY`).
    ///   - salt: ignored in `EXPAND_ONLY`.
    ///   - info: ignored in `EXTRACT_ONLY`.
    ///   - length: the output length in bytes.
    /// - Throws: `invalidParameter` for `length` < 1, a length other than HashLen in
    ///   `EXTRACT_ONLY`, a length over 255·HashLen, or `info` over 32 KiB;
    ///   `unsupportedOperation` if `H` is an extendable-output function.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, mode: Mode = .extractAndExpand, key: [UInt8],
        salt: [UInt8] = [], info: [UInt8] = [], length: Int
    ) throws -> [UInt8] {
        guard length >= 1 else {
            throw CryptoError(.invalidParameter, "HKDF output length must be at least 1, got \(length)")
        }
        guard info.count <= maxInfoLength else {
            throw CryptoError(.invalidParameter, "HKDF info is limited to \(maxInfoLength) bytes, got \(info.count)")
        }
        switch mode {
        case .extractAndExpand:
            var prk = try extract(H.self, salt: salt, inputKeyMaterial: key)
            defer { for i in prk.indices { prk[i] = 0 } }
            return try expand(H.self, pseudoRandomKey: prk, info: info, length: length)
        case .extractOnly:
            guard length == H.digestSize else {
                throw CryptoError(
                    .invalidParameter,
                    "HKDF EXTRACT_ONLY output must be \(H.digestSize) bytes for \(H.self), got \(length)")
            }
            return try extract(H.self, salt: salt, inputKeyMaterial: key)
        case .expandOnly:
            return try expand(H.self, pseudoRandomKey: key, info: info, length: length)
        }
    }
}
