/// The ANSI X9.42 / RFC 2631 KDF with a DER-encoded OtherInfo, OpenSSL's `X942KDF-ASN1`
/// (alias `X942KDF`; OpenSSL's `X942KDF-CONCAT` is the X9.63 KDF, ``X963KDF``):
/// K = H(ZZ ‖ OtherInfo_1) ‖ H(ZZ ‖ OtherInfo_2) ‖ …, where OtherInfo_i is
///
///     OtherInfo ::= SEQUENCE {
///         keyInfo      SEQUENCE { algorithm OBJECT IDENTIFIER, counter OCTET STRING (SIZE(4)) },
///         [acvp-info: raw DER, as given]
///         partyUInfo   [0] EXPLICIT OCTET STRING OPTIONAL,
///         partyVInfo   [1] EXPLICIT OCTET STRING OPTIONAL,
///         suppPubInfo  [2] EXPLICIT OCTET STRING OPTIONAL,  -- or the key length in bits
///         suppPrivInfo [3] EXPLICIT OCTET STRING OPTIONAL }
///
/// with counter_i = i as 4 big-endian bytes, as OpenSSL 3.0 builds it
/// (`providers/implementations/kdfs/x942kdf.c`): the key-wrap algorithm is one of AES-128/192/256
/// key wrap or the CMS 3DES wrap; with `useKeyBits` (the default) suppPubInfo is the KEK length in
/// bits as a 4-byte big-endian OCTET STRING, which may not be combined with an explicit
/// suppPubInfo; `acvpInfo` replaces the four optional fields and may not be combined with them.
/// An empty optional field counts as absent, as OpenSSL ignores empty buffers. Secret, OtherInfo
/// and output are each limited to 2^30 bytes.
public enum X942KDF {
    /// The key-encryption algorithms OpenSSL accepts as `cekalg`.
    public enum KeyWrapAlgorithm: String, Sendable, CaseIterable {
        /// id-aes128-wrap (2.16.840.1.101.3.4.1.5), a 16-byte KEK.
        case aes128Wrap = "AES-128-WRAP"
        /// id-aes192-wrap (2.16.840.1.101.3.4.1.25), a 24-byte KEK.
        case aes192Wrap = "AES-192-WRAP"
        /// id-aes256-wrap (2.16.840.1.101.3.4.1.45), a 32-byte KEK.
        case aes256Wrap = "AES-256-WRAP"
        /// id-alg-CMS3DESwrap (1.2.840.113549.1.9.16.3.6), a 24-byte KEK.
        case des3Wrap = "DES3-WRAP"

        /// Looks a name up as OpenSSL's cipher fetch does: the cipher name, its aliases and OID.
        public init?(openSSLName name: String) {
            switch name.lowercased() {
            case "aes-128-wrap", "id-aes128-wrap", "aes128-wrap", "2.16.840.1.101.3.4.1.5": self = .aes128Wrap
            case "aes-192-wrap", "id-aes192-wrap", "aes192-wrap", "2.16.840.1.101.3.4.1.25": self = .aes192Wrap
            case "aes-256-wrap", "id-aes256-wrap", "aes256-wrap", "2.16.840.1.101.3.4.1.45": self = .aes256Wrap
            case "des3-wrap", "id-smime-alg-cms3deswrap", "1.2.840.113549.1.9.16.3.6": self = .des3Wrap
            default: return nil
            }
        }

        /// The DER encoding of the algorithm's OBJECT IDENTIFIER (tag and length included).
        public var derOID: [UInt8] {
            switch self {
            case .aes128Wrap: return [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x05]
            case .aes192Wrap: return [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x19]
            case .aes256Wrap: return [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2D]
            case .des3Wrap:
                return [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x03, 0x06]
            }
        }

        /// The key-encryption key length in bytes.
        public var keyLength: Int {
            switch self {
            case .aes128Wrap: return 16
            case .aes192Wrap, .des3Wrap: return 24
            case .aes256Wrap: return 32
            }
        }
    }

    /// OpenSSL's `X942KDF_MAX_INLEN`.
    public static let maxInputLength = 1 << 30

    /// The OtherInfo fields besides the algorithm and counter.
    public struct OtherInfo: Sendable, Hashable {
        /// partyUInfo (`partyu-info`, or `ukm`).
        public var partyUInfo: [UInt8] = []
        /// partyVInfo (`partyv-info`).
        public var partyVInfo: [UInt8] = []
        /// suppPubInfo (`supp-pubinfo`); needs `useKeyBits` off.
        public var suppPubInfo: [UInt8] = []
        /// suppPrivInfo (`supp-privinfo`).
        public var suppPrivInfo: [UInt8] = []
        /// Pre-encoded DER of the optional fields (`acvp-info`), placed after keyInfo.
        public var acvpInfo: [UInt8] = []
        /// Put the KEK length in bits as suppPubInfo (`use-keybits`, on by default).
        public var useKeyBits = true

        /// All fields empty, `useKeyBits` on.
        public init() {}
    }

    /// The DER OtherInfo with the counter set to `counter`, and the offset of the counter's
    /// four bytes in it.
    /// - Throws: `invalidParameter` for the combinations OpenSSL refuses (see the type).
    public static func encodeOtherInfo(
        _ info: OtherInfo, algorithm: KeyWrapAlgorithm, counter: UInt32 = 1
    ) throws -> (der: [UInt8], counterOffset: Int) {
        if info.useKeyBits && !info.suppPubInfo.isEmpty {
            throw CryptoError(.invalidParameter, "X942KDF: supp-pubinfo cannot be combined with use-keybits")
        }
        if !info.acvpInfo.isEmpty
            && !(info.partyUInfo.isEmpty && info.partyVInfo.isEmpty && info.suppPubInfo.isEmpty
                && info.suppPrivInfo.isEmpty)
        {
            throw CryptoError(.invalidParameter, "X942KDF: acvp-info cannot be combined with the fields it replaces")
        }
        for field in [info.partyUInfo, info.partyVInfo, info.suppPubInfo, info.suppPrivInfo, info.acvpInfo]
        where field.count >= maxInputLength {
            throw CryptoError(.invalidParameter, "X942KDF: an OtherInfo field is limited to 2^30 bytes")
        }
        let counterBytes: [UInt8] = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
        let keyInfoBody = algorithm.derOID + DER.tlv(0x04, counterBytes)
        let keyInfo = DER.tlv(0x30, keyInfoBody)
        let counterOffset = keyInfo.count - 4
        var body = keyInfo
        body += info.acvpInfo
        if !info.partyUInfo.isEmpty { body += DER.tlv(0xA0, DER.tlv(0x04, info.partyUInfo)) }
        if !info.partyVInfo.isEmpty { body += DER.tlv(0xA1, DER.tlv(0x04, info.partyVInfo)) }
        if info.useKeyBits {
            let bits = UInt32(algorithm.keyLength * 8)
            body += DER.tlv(0xA2, DER.tlv(0x04, withUnsafeBytes(of: bits.bigEndian) { Array($0) }))
        } else if !info.suppPubInfo.isEmpty {
            body += DER.tlv(0xA2, DER.tlv(0x04, info.suppPubInfo))
        }
        if !info.suppPrivInfo.isEmpty { body += DER.tlv(0xA3, DER.tlv(0x04, info.suppPrivInfo)) }
        let header = DER.tlv(0x30, body).count - body.count
        return (DER.tlv(0x30, body), header + counterOffset)
    }

    /// Derives `length` bytes from the shared secret ZZ.
    /// - Throws: `invalidParameter` for a length outside 1...2^30, a secret over 2^30 bytes, or
    ///   an OtherInfo OpenSSL refuses.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, secret: [UInt8], algorithm: KeyWrapAlgorithm, otherInfo: OtherInfo = OtherInfo(),
        length: Int
    ) throws -> [UInt8] {
        guard length >= 1, length <= maxInputLength, secret.count <= maxInputLength else {
            throw CryptoError(.invalidParameter, "X942KDF output length must be 1...2^30 (secret at most 2^30 bytes)")
        }
        var (der, offset) = try encodeOtherInfo(otherInfo, algorithm: algorithm)
        guard der.count <= maxInputLength else {
            throw CryptoError(.invalidParameter, "X942KDF: OtherInfo is limited to 2^30 bytes")
        }
        var out = KDFOutput.buffer(for: length)
        var counter: UInt32 = 1
        while out.count < length {
            withUnsafeBytes(of: counter.bigEndian) { c in
                for i in 0..<4 { der[offset + i] = c[i] }
            }
            var h = H()
            h.update(secret)
            h.update(der)
            out.append(contentsOf: h.finalize().prefix(length - out.count))
            counter &+= 1
        }
        return out
    }
}

/// The few DER pieces the KDFs write: definite-length TLVs.
enum DER {
    /// tag ‖ length ‖ value, the length in DER's short or long form.
    static func tlv(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [tag]
        let n = value.count
        if n < 0x80 {
            out.append(UInt8(n))
        } else {
            var lenBytes: [UInt8] = []
            var m = n
            while m > 0 {
                lenBytes.insert(UInt8(m & 0xFF), at: 0)
                m >>= 8
            }
            out.append(0x80 | UInt8(lenBytes.count))
            out += lenBytes
        }
        return out + value
    }
}
