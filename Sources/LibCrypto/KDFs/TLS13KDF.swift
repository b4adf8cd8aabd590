/// The TLS 1.3 key schedule functions (RFC 8446 section 7.1), OpenSSL's `TLS13-KDF` KDF.
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/hkdf.c`, `kdf_tls1_3_derive`) has two modes:
/// - `EXPAND_ONLY`: HKDF-Expand-Label(key, prefix ‖ label, data, length), the HkdfLabel being
///   uint16 length ‖ opaque label<7..255> (prefix ‖ label) ‖ opaque context<0..255> (data);
/// - `EXTRACT_ONLY`: the next secret of the schedule, HKDF-Extract(salt', key) where the key
///   defaults to HashLen zeros and salt' is Derive-Secret(salt, prefix ‖ label, "") =
///   Expand-Label(salt, prefix ‖ label, Hash(""), HashLen) when a salt is given (even an empty
///   one), or the empty string when none is. The output must be exactly HashLen bytes.
///
/// `EXTRACT_AND_EXPAND` is refused. prefix ‖ label and data are at most 255 bytes each, and
/// the Expand output at most 255·HashLen (and 65535) bytes.
public enum TLS13KDF {
    /// OpenSSL's `mode` parameter for this KDF.
    public enum Mode: String, Sendable, CaseIterable {
        /// Extract the next secret of the key schedule.
        case extractOnly = "EXTRACT_ONLY"
        /// HKDF-Expand-Label.
        case expandOnly = "EXPAND_ONLY"
    }

    /// HKDF-Expand-Label (RFC 8446 section 7.1) with OpenSSL's explicit prefix (`"tls13 "`).
    /// - Throws: `invalidParameter` if prefix ‖ label or data is over 255 bytes, or `length`
    ///   is not in 1...min(255·HashLen, 65535).
    public static func expandLabel<H: HashFunction>(
        _ hash: H.Type, key: [UInt8], prefix: [UInt8] = Array("tls13 ".utf8), label: [UInt8],
        data: [UInt8] = [], length: Int
    ) throws -> [UInt8] {
        guard prefix.count + label.count <= 255, data.count <= 255 else {
            throw CryptoError(.invalidParameter, "TLS13-KDF: prefix+label and data are limited to 255 bytes each")
        }
        guard length >= 1, length <= 0xFFFF else {
            throw CryptoError(.invalidParameter, "TLS13-KDF output length must be 1...65535, got \(length)")
        }
        var info: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xFF), UInt8(prefix.count + label.count)]
        info += prefix
        info += label
        info.append(UInt8(data.count))
        info += data
        return try HKDF.expand(H.self, pseudoRandomKey: key, info: info, length: length)
    }

    /// The `EXTRACT_ONLY` mode: HKDF-Extract of `key` (HashLen zeros if nil) under the salt
    /// derived from `salt` as described above (the empty salt if `salt` is nil).
    /// - Throws: `invalidParameter` if `length` is not HashLen or a label is too long.
    public static func extract<H: HashFunction>(
        _ hash: H.Type, key: [UInt8]?, salt: [UInt8]?, prefix: [UInt8] = Array("tls13 ".utf8),
        label: [UInt8] = Array("derived".utf8), length: Int
    ) throws -> [UInt8] {
        guard length == H.digestSize else {
            throw CryptoError(
                .invalidParameter, "TLS13-KDF EXTRACT_ONLY output must be \(H.digestSize) bytes, got \(length)")
        }
        let ikm = key ?? [UInt8](repeating: 0, count: H.digestSize)
        var derivedSalt: [UInt8] = []
        if let salt {
            derivedSalt = try expandLabel(
                H.self, key: salt, prefix: prefix, label: label, data: H.hash([]), length: H.digestSize)
        }
        defer { for i in derivedSalt.indices { derivedSalt[i] = 0 } }
        return try HKDF.extract(H.self, salt: derivedSalt, inputKeyMaterial: ikm)
    }

    /// OpenSSL's `TLS13-KDF` derivation in either mode; `salt` is used by `EXTRACT_ONLY` only,
    /// `data` by `EXPAND_ONLY` only; a nil key is the empty key in `EXPAND_ONLY`.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, mode: Mode, key: [UInt8]?, salt: [UInt8]? = nil,
        prefix: [UInt8] = Array("tls13 ".utf8), label: [UInt8], data: [UInt8] = [], length: Int
    ) throws -> [UInt8] {
        switch mode {
        case .extractOnly:
            return try extract(H.self, key: key, salt: salt, prefix: prefix, label: label, length: length)
        case .expandOnly:
            return try expandLabel(H.self, key: key ?? [], prefix: prefix, label: label, data: data, length: length)
        }
    }
}
