// Password-encrypted private keys, read and written as OpenSSL 3.0 reads and writes them:
//
// - PKCS#8 `EncryptedPrivateKeyInfo` (RFC 5208 section 6, RFC 5958 section 3) under the
//   password-based schemes of OpenSSL's PBE table (crypto/evp/evp_pbe.c `builtin_pbe`):
//   PBES2 (RFC 8018 section 6.2) with PBKDF2 or scrypt (RFC 7914 section 7), PBES1 (RFC 8018
//   section 6.1, PBKDF1) and the PKCS#12 PBE schemes (RFC 7292 appendix C, the PKCS#12 KDF over
//   the BMPString password). The checks follow crypto/evp/p5_crpt2.c, p5_crpt.c,
//   crypto/asn1/p5_scrypt.c and crypto/pkcs12/p12_crpt.c, in their order, so a file OpenSSL
//   refuses is refused for the same reason.
// - Traditional encrypted PEM (`Proc-Type: 4,ENCRYPTED` and `DEK-Info: cipher,IV`):
//   `PEM_do_header`: key = `EVP_BytesToKey(MD5, salt = the IV's first 8 bytes, count 1)`,
//   the IV as given, PKCS#7 padding.
//
// Attacker-controlled counts are capped before any work (``PBELimits``): scrypt's memory as
// OpenSSL caps it (32 MiB, `SCRYPT_MAX_MEM` in crypto/evp/pbe_scrypt.c), iteration counts at
// 2^24 by default (OpenSSL sets no cap).

/// Caps on the work an encrypted key may ask for, checked before any key derivation runs.
public struct PBELimits: Hashable, Sendable {
    /// The largest PBKDF2, PBKDF1 or PKCS#12 KDF iteration count accepted.
    public var maxIterations: Int
    /// The most memory scrypt may use, in bytes (128·r·(N + p + 2)).
    public var scryptMaxMemory: Int

    /// Limits.
    /// - Parameters:
    ///   - maxIterations: the largest iteration count accepted.
    ///   - scryptMaxMemory: scrypt's memory cap in bytes.
    public init(maxIterations: Int = 1 << 24, scryptMaxMemory: Int = 32 * 1024 * 1024) {
        self.maxIterations = maxIterations
        self.scryptMaxMemory = scryptMaxMemory
    }

    /// 2^24 iterations (OpenSSL has no cap; the largest count of RFC 6070's PBKDF2 vectors)
    /// and 32 MiB for scrypt (OpenSSL's `SCRYPT_MAX_MEM`, which it applies to PKCS#8 files).
    public static let `default` = PBELimits()
}

/// The PRF of PBKDF2 (RFC 8018 appendix B.1), as OpenSSL's PBE table names them.
public enum PBKDF2PRF: String, CaseIterable, Sendable {
    /// `hmacWithSHA1`, the default when the parameters name none.
    case hmacWithSHA1
    /// `hmacWithSHA224`.
    case hmacWithSHA224
    /// `hmacWithSHA256` (OpenSSL 3.0's default for writing).
    case hmacWithSHA256
    /// `hmacWithSHA384`.
    case hmacWithSHA384
    /// `hmacWithSHA512`.
    case hmacWithSHA512
    /// `hmacWithSHA512-224`.
    case hmacWithSHA512_224
    /// `hmacWithSHA512-256`.
    case hmacWithSHA512_256
    /// `hmacWithMD5` (also `hmac-md5`, 1.3.6.1.5.5.8.1.1, on reading).
    case hmacWithMD5

    /// The algorithm identifier's OID.
    public var oid: ASN1ObjectIdentifier {
        switch self {
        case .hmacWithSHA1: return PBEOID.rsadsi([2, 7])
        case .hmacWithSHA224: return PBEOID.rsadsi([2, 8])
        case .hmacWithSHA256: return PBEOID.rsadsi([2, 9])
        case .hmacWithSHA384: return PBEOID.rsadsi([2, 10])
        case .hmacWithSHA512: return PBEOID.rsadsi([2, 11])
        case .hmacWithSHA512_224: return PBEOID.rsadsi([2, 12])
        case .hmacWithSHA512_256: return PBEOID.rsadsi([2, 13])
        case .hmacWithMD5: return PBEOID.rsadsi([2, 6])
        }
    }

    /// The PRF an OID names, or nil (OpenSSL: `UNSUPPORTED_PRF`).
    /// - Parameter oid: the PRF's algorithm OID.
    public init?(oid: ASN1ObjectIdentifier) {
        if let p = Self.allCases.first(where: { $0.oid == oid }) {
            self = p
        } else if oid.arcs == [1, 3, 6, 1, 5, 5, 8, 1, 1] {
            self = .hmacWithMD5
        } else if oid.arcs == [1, 3, 6, 1, 5, 5, 8, 1, 2] {
            self = .hmacWithSHA1
        } else {
            return nil
        }
    }

    func derive(_ password: [UInt8], _ salt: [UInt8], _ iterations: Int, _ length: Int) throws -> [UInt8] {
        switch self {
        case .hmacWithSHA1:
            return try PBKDF2.derive(SHA1.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithSHA224:
            return try PBKDF2.derive(
                SHA224.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithSHA256:
            return try PBKDF2.derive(
                SHA256.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithSHA384:
            return try PBKDF2.derive(
                SHA384.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithSHA512:
            return try PBKDF2.derive(
                SHA512.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithSHA512_224:
            return try PBKDF2.derive(
                SHA512_224.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithSHA512_256:
            return try PBKDF2.derive(
                SHA512_256.self, password: password, salt: salt, iterations: iterations, length: length)
        case .hmacWithMD5:
            return try PBKDF2.derive(MD5.self, password: password, salt: salt, iterations: iterations, length: length)
        }
    }
}

/// OIDs of the password-based encryption schemes.
enum PBEOID {
    static func rsadsi(_ tail: [UInt64]) -> ASN1ObjectIdentifier {
        ASN1ObjectIdentifier(checkedArcs: [1, 2, 840, 113_549] + tail)
    }
    static let pbes2 = rsadsi([1, 5, 13])
    static let pbkdf2 = rsadsi([1, 5, 12])
    static let scrypt = ASN1ObjectIdentifier(checkedArcs: [1, 3, 6, 1, 4, 1, 11591, 4, 11])
    static let rc2CBC = rsadsi([3, 2])

    /// PBES1: OID → (digest, cipher name, RC2 effective bits).
    static let pbes1: [ASN1ObjectIdentifier: (digest: String, cipher: String, rc2Bits: Int?)] = [
        rsadsi([1, 5, 1]): ("MD2", "DES-CBC", nil),
        rsadsi([1, 5, 4]): ("MD2", "RC2-64-CBC", 64),
        rsadsi([1, 5, 3]): ("MD5", "DES-CBC", nil),
        rsadsi([1, 5, 6]): ("MD5", "RC2-64-CBC", 64),
        rsadsi([1, 5, 10]): ("SHA1", "DES-CBC", nil),
        rsadsi([1, 5, 11]): ("SHA1", "RC2-64-CBC", 64),
    ]

    /// PKCS#12 PBE: OID → (cipher name, key length, RC2 effective bits).
    static let pkcs12: [ASN1ObjectIdentifier: (cipher: String, keyLength: Int, rc2Bits: Int?)] = [
        rsadsi([1, 12, 1, 1]): ("RC4", 16, nil),
        rsadsi([1, 12, 1, 2]): ("RC4-40", 5, nil),
        rsadsi([1, 12, 1, 3]): ("DES-EDE3-CBC", 24, nil),
        rsadsi([1, 12, 1, 4]): ("DES-EDE-CBC", 16, nil),
        rsadsi([1, 12, 1, 5]): ("RC2-CBC", 16, 128),
        rsadsi([1, 12, 1, 6]): ("RC2-40-CBC", 5, 40),
    ]

    /// PBES2 encryption schemes with an IV as their parameters: OID → cipher name.
    static let pbes2Ciphers: [ASN1ObjectIdentifier: String] = {
        var t: [ASN1ObjectIdentifier: String] = [:]
        func oid(_ arcs: [UInt64]) -> ASN1ObjectIdentifier { ASN1ObjectIdentifier(checkedArcs: arcs) }
        t[oid([2, 16, 840, 1, 101, 3, 4, 1, 2])] = "AES-128-CBC"
        t[oid([2, 16, 840, 1, 101, 3, 4, 1, 22])] = "AES-192-CBC"
        t[oid([2, 16, 840, 1, 101, 3, 4, 1, 42])] = "AES-256-CBC"
        t[oid([1, 3, 14, 3, 2, 7])] = "DES-CBC"
        t[rsadsi([3, 7])] = "DES-EDE3-CBC"
        t[oid([1, 2, 392, 200011, 61, 1, 1, 1, 2])] = "CAMELLIA-128-CBC"
        t[oid([1, 2, 392, 200011, 61, 1, 1, 1, 3])] = "CAMELLIA-192-CBC"
        t[oid([1, 2, 392, 200011, 61, 1, 1, 1, 4])] = "CAMELLIA-256-CBC"
        t[oid([1, 2, 410, 200046, 1, 1, 2])] = "ARIA-128-CBC"
        t[oid([1, 2, 410, 200046, 1, 1, 7])] = "ARIA-192-CBC"
        t[oid([1, 2, 410, 200046, 1, 1, 12])] = "ARIA-256-CBC"
        t[oid([1, 2, 410, 200004, 1, 4])] = "SEED-CBC"
        t[oid([1, 2, 156, 10197, 1, 104, 2])] = "SM4-CBC"
        return t
    }()

    /// RC2's `RC2CBCParameter` version numbers (RFC 8018 appendix B.2.3) that OpenSSL
    /// accepts (`rc2_magic_to_keybits`): effective bits by version.
    static let rc2Versions: [Int: Int] = [0x3A: 128, 0x78: 64, 0xA0: 40]
}

extension OpenSSLReason {
    private static func evp(_ name: String, _ code: Int) -> OpenSSLReason {
        OpenSSLReason(library: "EVP", name: name, code: code, text: name.lowercased().replacingUnderscores())
    }

    /// The outer algorithm is no PBE scheme OpenSSL knows (`EVP_R_UNKNOWN_PBE_ALGORITHM`).
    public static let evpUnknownPBEAlgorithm = evp("UNKNOWN_PBE_ALGORITHM", 121)
    /// PBES2's key derivation function is not PBKDF2 or scrypt
    /// (`EVP_R_UNSUPPORTED_KEY_DERIVATION_FUNCTION`).
    public static let evpUnsupportedKeyDerivationFunction = evp("UNSUPPORTED_KEY_DERIVATION_FUNCTION", 124)
    /// PBKDF2's PRF is unknown (`EVP_R_UNSUPPORTED_PRF`).
    public static let evpUnsupportedPRF = evp("UNSUPPORTED_PRF", 125)
    /// The encryption scheme's cipher is unknown or not in this build (`EVP_R_UNSUPPORTED_CIPHER`).
    public static let evpUnsupportedCipher = evp("UNSUPPORTED_CIPHER", 107)
    /// The KDF's keyLength is not the cipher's (`EVP_R_UNSUPPORTED_KEYLENGTH`).
    public static let evpUnsupportedKeylength = evp("UNSUPPORTED_KEYLENGTH", 123)
    /// Malformed scheme parameters (`EVP_R_DECODE_ERROR`).
    public static let evpDecodeError = evp("DECODE_ERROR", 114)
    /// The cipher's parameters (IV, RC2 version) are malformed (`EVP_R_CIPHER_PARAMETER_ERROR`).
    public static let evpCipherParameterError = evp("CIPHER_PARAMETER_ERROR", 122)
    /// PBKDF2's salt is not an OCTET STRING (`EVP_R_UNSUPPORTED_SALT_TYPE`).
    public static let evpUnsupportedSaltType = evp("UNSUPPORTED_SALT_TYPE", 126)
    /// scrypt parameters out of range or over the memory cap (`EVP_R_ILLEGAL_SCRYPT_PARAMETERS`).
    public static let evpIllegalScryptParameters = evp("ILLEGAL_SCRYPT_PARAMETERS", 171)
    /// Decryption of an `EncryptedPrivateKeyInfo` failed: wrong password or corrupt data
    /// (`PKCS12_R_PKCS12_CIPHERFINAL_ERROR`, "maybe wrong password").
    public static let pkcs12CipherfinalError = OpenSSLReason(
        library: "PKCS12", name: "PKCS12_CIPHERFINAL_ERROR", code: 116, text: "pkcs12 cipherfinal error")
    /// Decryption of a traditional encrypted PEM block failed (`PEM_R_BAD_DECRYPT`).
    public static let pemBadDecrypt = OpenSSLReason(library: "PEM", name: "BAD_DECRYPT", code: 101, text: "bad decrypt")
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}

/// PKCS#8 `EncryptedPrivateKeyInfo` (RFC 5208 section 6): an encryption algorithm and the
/// encrypted DER of a `PrivateKeyInfo`. PEM label `ENCRYPTED PRIVATE KEY`.
public struct EncryptedPrivateKeyInfo: DERStructure {
    /// `ENCRYPTED PRIVATE KEY`.
    public static let pemLabel = "ENCRYPTED PRIVATE KEY"
    /// The password-based encryption scheme and its parameters.
    public var encryptionAlgorithm: AlgorithmIdentifier
    /// The encrypted `PrivateKeyInfo`.
    public var encryptedData: [UInt8]

    /// A structure from its parts.
    /// - Parameters:
    ///   - encryptionAlgorithm: the scheme.
    ///   - encryptedData: the ciphertext.
    public init(encryptionAlgorithm: AlgorithmIdentifier, encryptedData: [UInt8]) {
        self.encryptionAlgorithm = encryptionAlgorithm
        self.encryptedData = encryptedData
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed DER.
    public init(from reader: inout DERReader) throws {
        (encryptionAlgorithm, encryptedData) = try reader.readSequence { r in
            (try AlgorithmIdentifier(from: &r), try r.readOctetString())
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            encryptionAlgorithm.write(to: &w)
            w.writeOctetString(encryptedData)
        }
    }

    /// Decrypts to the DER of the `PrivateKeyInfo` inside (not parsed: what it holds is
    /// the caller's to read, e.g. with ``PKCS8PrivateKeyInfo``).
    /// - Parameters:
    ///   - password: the password's bytes (OpenSSL passes them as given; the PKCS#12 schemes
    ///     take them as UTF-8 and convert to BMPString, bytes that are not UTF-8 one to one).
    ///   - limits: caps on iteration counts and scrypt memory, checked before deriving.
    /// - Throws: `unknownAlgorithm` for a scheme, KDF, PRF or cipher OpenSSL does not know or
    ///   this build leaves out (`UNKNOWN_PBE_ALGORITHM`, `UNSUPPORTED_KEY_DERIVATION_FUNCTION`,
    ///   `UNSUPPORTED_PRF`, `UNSUPPORTED_CIPHER`); `invalidParameter` for malformed or
    ///   out-of-range parameters (`DECODE_ERROR`, `CIPHER_PARAMETER_ERROR`, `UNSUPPORTED_KEYLENGTH`,
    ///   `INVALID_ITERATION_COUNT`, `ILLEGAL_SCRYPT_PARAMETERS`) or counts over `limits`;
    ///   `badDecrypt` (`PKCS12_CIPHERFINAL_ERROR`) for a wrong password or corrupt ciphertext.
    public func decrypt(password: [UInt8], limits: PBELimits = .default) throws -> [UInt8] {
        let scheme = try PBEScheme(encryptionAlgorithm, password: password, limits: limits)
        do {
            return try scheme.cipher.decrypt(
                encryptedData, key: scheme.key, iv: scheme.iv, parameters: scheme.parameters)
        } catch {
            throw CryptoError(
                .badDecrypt, "EncryptedPrivateKeyInfo: decryption failed (wrong password?): \(error)",
                openSSL: .pkcs12CipherfinalError)
        }
    }

    /// Encrypts a `PrivateKeyInfo` with PBES2, PBKDF2 and a CBC cipher, as OpenSSL 3.0's
    /// `PEM_write_bio_PKCS8PrivateKey` does by default (HMAC-SHA256, AES-256-CBC, 2048
    /// iterations), with a random salt and IV from ``Random``.
    /// - Parameters:
    ///   - privateKeyInfo: the DER of the `PrivateKeyInfo` to encrypt.
    ///   - password: the password's bytes.
    ///   - cipher: a PBES2 cipher: `AES-128-CBC`, `AES-192-CBC`, `AES-256-CBC`, `DES-EDE3-CBC`,
    ///     `DES-CBC`, or the CBC form of Camellia, ARIA, SEED or SM4 where the build has them.
    ///   - prf: PBKDF2's PRF.
    ///   - iterations: PBKDF2's iteration count, at least 1.
    ///   - saltLength: the salt's length in bytes, at least 1.
    /// - Throws: `unknownAlgorithm` for a cipher not listed or not in this build;
    ///   `invalidParameter` for a count or salt length below 1.
    public static func encrypt(
        privateKeyInfo: [UInt8], password: [UInt8], cipher: String = "AES-256-CBC",
        prf: PBKDF2PRF = .hmacWithSHA256, iterations: Int = 2048, saltLength: Int = 16
    ) throws -> EncryptedPrivateKeyInfo {
        guard iterations >= 1, saltLength >= 1 else {
            throw CryptoError(.invalidParameter, "PBES2 needs an iteration count and salt length of at least 1")
        }
        guard let oid = PBEOID.pbes2Ciphers.first(where: { $0.value.lowercased() == cipher.lowercased() })?.key else {
            throw CryptoError(.unsupportedOperation, "\(cipher) is no PBES2 cipher", openSSL: .evpUnsupportedCipher)
        }
        let c = try PBEScheme.cipher(named: cipher)
        let salt = try Random.bytes(count: saltLength)
        let iv = try Random.bytes(count: c.ivLength)
        let key = try prf.derive(password, salt, iterations, c.keyLength)
        var kdf = DERWriter()
        kdf.writeSequence { w in
            w.writeOctetString(salt)
            w.writeInteger(iterations)
            if prf != .hmacWithSHA1 {
                AlgorithmIdentifier(algorithm: prf.oid, parameters: [0x05, 0x00]).write(to: &w)
            }
        }
        var ivDER = DERWriter()
        ivDER.writeOctetString(iv)
        var params = DERWriter()
        params.writeSequence { w in
            AlgorithmIdentifier(algorithm: PBEOID.pbkdf2, parameters: kdf.bytes).write(to: &w)
            AlgorithmIdentifier(algorithm: oid, parameters: ivDER.bytes).write(to: &w)
        }
        return EncryptedPrivateKeyInfo(
            encryptionAlgorithm: AlgorithmIdentifier(algorithm: PBEOID.pbes2, parameters: params.bytes),
            encryptedData: try c.encrypt(privateKeyInfo, key: key, iv: iv))
    }
}

/// A password-based scheme resolved to a cipher, key, IV and cipher parameters.
struct PBEScheme {
    var cipher: CipherAlgorithm
    var key: [UInt8]
    var iv: [UInt8]
    var parameters = CipherParameters()

    static func cipher(named name: String) throws -> CipherAlgorithm {
        do { return try Registry.cipher(named: name) } catch {
            // The reason is the name alone: the error's text then says why it is absent.
            throw CryptoError(.unknownAlgorithm, name, openSSL: .evpUnsupportedCipher)
        }
    }

    static func decodeError(_ what: String, _ error: Error? = nil) -> CryptoError {
        CryptoError(
            .invalidParameter, "\(what) are malformed" + (error.map { ": \($0)" } ?? ""), openSSL: .evpDecodeError)
    }

    static func checkIterations(_ n: Int, _ limits: PBELimits) throws {
        guard n <= limits.maxIterations else {
            throw CryptoError(
                .invalidParameter, "iteration count \(n) exceeds the limit of \(limits.maxIterations)",
                openSSL: .invalidIterationCount)
        }
    }

    /// `PBEPARAM`: salt and iteration count (PBES1 and PKCS#12 PBE).
    static func pbeParameters(_ der: [UInt8]?) throws -> (salt: [UInt8], iterations: Int) {
        guard let der else { throw decodeError("PBE parameters") }
        do {
            var r = DERReader(der, rules: .openSSL)
            let v = try r.readSequence { s in (try s.readOctetString(), try s.readSmallInteger()) }
            try r.finish()
            return v
        } catch { throw decodeError("PBE parameters", error) }
    }

    init(cipher: CipherAlgorithm, key: [UInt8], iv: [UInt8], parameters: CipherParameters = CipherParameters()) {
        self.cipher = cipher
        self.key = key
        self.iv = iv
        self.parameters = parameters
    }

    init(_ algorithm: AlgorithmIdentifier, password: [UInt8], limits: PBELimits) throws {
        let oid = algorithm.algorithm
        if oid == PBEOID.pbes2 {
            self = try Self.pbes2(algorithm.parameters, password, limits)
        } else if let s = PBEOID.pbes1[oid] {
            let (salt, iterations) = try Self.pbeParameters(algorithm.parameters)
            let c = try Self.cipher(named: s.cipher)
            // OpenSSL's PBKDF1 runs a count of 0 as 1 and refuses a negative one.
            guard iterations >= 0 else {
                throw CryptoError(.invalidParameter, "negative iteration count", openSSL: .invalidIterationCount)
            }
            try Self.checkIterations(iterations, limits)
            let n = max(iterations, 1)
            let dk: [UInt8]
            switch s.digest {
            case "MD5": dk = try PBKDF1.derive(MD5.self, password: password, salt: salt, iterations: n, length: 16)
            case "SHA1": dk = try PBKDF1.derive(SHA1.self, password: password, salt: salt, iterations: n, length: 16)
            default:
                #if MD2
                dk = try PBKDF1.derive(MD2.self, password: password, salt: salt, iterations: n, length: 16)
                #else
                throw CryptoError(.unknownAlgorithm, "MD2", openSSL: .evpUnknownPBEAlgorithm)
                #endif
            }
            self.init(
                cipher: c, key: Array(dk[0..<8]), iv: Array(dk[8..<16]),
                parameters: CipherParameters(rc2EffectiveBits: s.rc2Bits))
        } else if let s = PBEOID.pkcs12[oid] {
            let (salt, iterations) = try Self.pbeParameters(algorithm.parameters)
            let c = try Self.cipher(named: s.cipher)
            try Self.checkIterations(iterations, limits)
            // PKCS12_key_gen runs a count below 1 as 1.
            let n = max(iterations, 1)
            let bmp = Self.bmpPassword(password)
            let key = try PKCS12KDF.derive(
                SHA1.self, password: bmp, salt: salt, purpose: .key, iterations: n, length: s.keyLength)
            let iv =
                c.ivLength == 0
                ? []
                : try PKCS12KDF.derive(
                    SHA1.self, password: bmp, salt: salt, purpose: .iv, iterations: n, length: c.ivLength)
            self.init(cipher: c, key: key, iv: iv, parameters: CipherParameters(rc2EffectiveBits: s.rc2Bits))
        } else {
            throw CryptoError(
                .unsupportedOperation, "unknown PBE algorithm \(oid.dotted)", openSSL: .evpUnknownPBEAlgorithm)
        }
    }

    /// OpenSSL's `OPENSSL_utf82uni`: UTF-8 to BMPString plus `00 00`; bytes that are not
    /// UTF-8 are taken one to one (`OPENSSL_asc2uni`).
    static func bmpPassword(_ password: [UInt8]) -> [UInt8] {
        if let s = String(validating: password, as: UTF8.self) { return PKCS12KDF.bmpPassword(s) }
        return password.flatMap { [0, $0] } + [0, 0]
    }

    static func pbes2(_ parameters: [UInt8]?, _ password: [UInt8], _ limits: PBELimits) throws -> PBEScheme {
        guard let parameters else { throw decodeError("PBES2 parameters") }
        let (kdf, enc): (AlgorithmIdentifier, AlgorithmIdentifier)
        do {
            var r = DERReader(parameters, rules: .openSSL)
            (kdf, enc) = try r.readSequence { s in
                (try AlgorithmIdentifier(from: &s), try AlgorithmIdentifier(from: &s))
            }
            try r.finish()
        } catch { throw decodeError("PBES2 parameters", error) }
        // OpenSSL's order: the KDF is known, then the cipher, its parameters, then the KDF runs.
        guard kdf.algorithm == PBEOID.pbkdf2 || kdf.algorithm == PBEOID.scrypt else {
            throw CryptoError(
                .unsupportedOperation, "unsupported key derivation function \(kdf.algorithm.dotted)",
                openSSL: .evpUnsupportedKeyDerivationFunction)
        }
        var scheme: PBEScheme
        if enc.algorithm == PBEOID.rc2CBC {
            let c = try cipher(named: "RC2-CBC")
            let (version, iv): (Int, [UInt8])
            do {
                guard let p = enc.parameters else { throw decodeError("RC2 parameters") }
                var r = DERReader(p, rules: .openSSL)
                (version, iv) = try r.readSequence { s in (try s.readSmallInteger(), try s.readOctetString()) }
                try r.finish()
            } catch {
                throw CryptoError(.invalidParameter, "RC2-CBC parameters: \(error)", openSSL: .evpCipherParameterError)
            }
            guard let bits = PBEOID.rc2Versions[version], iv.count == c.ivLength else {
                throw CryptoError(
                    .invalidParameter, "RC2-CBC version \(version) or IV length \(iv.count) is not supported",
                    openSSL: .evpCipherParameterError)
            }
            scheme = PBEScheme(
                cipher: c, key: [UInt8](repeating: 0, count: bits / 8), iv: iv,
                parameters: CipherParameters(rc2EffectiveBits: bits))
        } else {
            guard let name = PBEOID.pbes2Ciphers[enc.algorithm] else {
                throw CryptoError(
                    .unsupportedOperation, "unsupported cipher \(enc.algorithm.dotted)", openSSL: .evpUnsupportedCipher)
            }
            let c = try cipher(named: name)
            let iv: [UInt8]
            do {
                guard let p = enc.parameters else { throw decodeError("cipher parameters") }
                var r = DERReader(p, rules: .openSSL)
                iv = try r.readOctetString()
                try r.finish()
            } catch {
                throw CryptoError(.invalidParameter, "\(name) parameters: \(error)", openSSL: .evpCipherParameterError)
            }
            guard iv.count == c.ivLength else {
                throw CryptoError(
                    .invalidParameter, "\(name) takes a \(c.ivLength)-byte IV, got \(iv.count)",
                    openSSL: .evpCipherParameterError)
            }
            scheme = PBEScheme(cipher: c, key: [UInt8](repeating: 0, count: c.keyLength), iv: iv)
        }
        let keyLength = scheme.key.count
        if kdf.algorithm == PBEOID.pbkdf2 {
            scheme.key = try pbkdf2(kdf.parameters, password, keyLength, limits)
        } else {
            scheme.key = try scrypt(kdf.parameters, password, keyLength, limits)
        }
        return scheme
    }

    static func pbkdf2(_ parameters: [UInt8]?, _ password: [UInt8], _ keyLength: Int, _ limits: PBELimits) throws
        -> [UInt8]
    {
        guard let parameters else { throw decodeError("PBKDF2 parameters") }
        let (salt, iterations, length, prfID): (DERElement, Int, Int?, AlgorithmIdentifier?)
        do {
            var r = DERReader(parameters, rules: .openSSL)
            (salt, iterations, length, prfID) = try r.readSequence { s in
                let salt = try s.readElement()
                let iterations = try s.readSmallInteger()
                let length = try s.peekTag() == .integer ? try s.readSmallInteger() : nil
                let prf = s.isAtEnd ? nil : try AlgorithmIdentifier(from: &s)
                return (salt, iterations, length, prf)
            }
            try r.finish()
        } catch { throw decodeError("PBKDF2 parameters", error) }
        if let length, length != keyLength {
            throw CryptoError(
                .invalidParameter, "PBKDF2 keyLength \(length) is not the cipher's \(keyLength)",
                openSSL: .evpUnsupportedKeylength)
        }
        let prf: PBKDF2PRF
        if let prfID {
            guard let p = PBKDF2PRF(oid: prfID.algorithm) else {
                throw CryptoError(
                    .unsupportedOperation, "unsupported PBKDF2 PRF \(prfID.algorithm.dotted)",
                    openSSL: .evpUnsupportedPRF)
            }
            prf = p
        } else {
            prf = .hmacWithSHA1
        }
        guard salt.tag == .octetString else {
            throw CryptoError(
                .invalidParameter, "PBKDF2 salt is \(salt.tag), not an OCTET STRING", openSSL: .evpUnsupportedSaltType)
        }
        guard iterations >= 1 else {
            throw CryptoError(
                .invalidParameter, "PBKDF2 iteration count \(iterations) is below 1", openSSL: .invalidIterationCount)
        }
        try checkIterations(iterations, limits)
        return try prf.derive(password, Array(salt.content), iterations, keyLength)
    }

    static func scrypt(_ parameters: [UInt8]?, _ password: [UInt8], _ keyLength: Int, _ limits: PBELimits) throws
        -> [UInt8]
    {
        guard let parameters else { throw decodeError("scrypt parameters") }
        let (salt, n, r, p, length): ([UInt8], BigNum, BigNum, BigNum, BigNum?)
        do {
            var d = DERReader(parameters, rules: .openSSL)
            (salt, n, r, p, length) = try d.readSequence { s in
                (
                    try s.readOctetString(), try s.readInteger(), try s.readInteger(), try s.readInteger(),
                    s.isAtEnd ? nil : try s.readInteger()
                )
            }
            try d.finish()
        } catch { throw decodeError("scrypt parameters", error) }
        func small(_ v: BigNum) -> Int? {
            guard !v.isNegative, v.limbs.count <= 1, let w = v.word, w <= UInt64(Int.max) else { return nil }
            return Int(w)
        }
        if let length, small(length) != keyLength {
            throw CryptoError(
                .invalidParameter, "scrypt keyLength is not the cipher's \(keyLength)",
                openSSL: .evpUnsupportedKeylength)
        }
        #if SCRYPT
        guard let n = small(n), let r = small(r), let p = small(p), n > 1, r >= 1, p >= 1,
            let memory = Scrypt.memoryRequired(n: n, r: r, p: p), memory <= limits.scryptMaxMemory
        else {
            throw CryptoError(
                .invalidParameter, "scrypt N, r, p out of range or over \(limits.scryptMaxMemory) bytes",
                openSSL: .evpIllegalScryptParameters)
        }
        do {
            return try Scrypt.derive(
                password: password, salt: salt, n: n, r: r, p: p, length: keyLength, maxMemory: limits.scryptMaxMemory)
        } catch {
            throw CryptoError(.invalidParameter, "scrypt: \(error)", openSSL: .evpIllegalScryptParameters)
        }
        #else
        _ = (salt, n, r, p, password, limits)
        throw CryptoError(
            .unknownAlgorithm, "SCRYPT", openSSL: .evpUnsupportedKeyDerivationFunction)
        #endif
    }
}

extension PEMBlock {
    /// The block decrypted as `PEM_do_header` decrypts it: the ``encryption()`` its headers
    /// declare, the key from `EVP_BytesToKey` with MD5, the IV's first 8 bytes as salt and
    /// count 1. A block without headers is returned as it is.
    /// - Parameter password: the password's bytes.
    /// - Returns: the block with the same label, no headers, and the decrypted data.
    /// - Throws: the errors of ``encryption()``; `badDecrypt` (`PEM_R_BAD_DECRYPT`) for a wrong
    ///   password or corrupt data.
    public func decrypted(password: [UInt8]) throws -> PEMBlock {
        guard let enc = try encryption() else { return self }
        let c = try PBEScheme.cipher(named: enc.cipher)
        // OpenSSL reads 8 salt bytes from its IV buffer whatever the IV length.
        let salt = Array((enc.iv + [UInt8](repeating: 0, count: 8)).prefix(8))
        let key = try EVPBytesToKey.derive(
            MD5.self, password: password, salt: salt, count: 1, keyLength: c.keyLength, ivLength: 0
        ).key
        do {
            var out = PEMBlock(label: label, data: try c.decrypt(data, key: key, iv: enc.iv))
            out.line = line
            return out
        } catch {
            throw CryptoError(
                .badDecrypt, "PEM line \(line + 1): decryption failed (wrong password?): \(error)",
                openSSL: .pemBadDecrypt)
        }
    }

    /// A traditional encrypted block as `PEM_write_bio_PrivateKey` with a cipher writes it:
    /// a random IV, `Proc-Type: 4,ENCRYPTED` and `DEK-Info: <cipher>,<IV in upper-case hex>`,
    /// the data encrypted under `EVP_BytesToKey(MD5, salt = the IV's first 8 bytes, count 1)`.
    /// - Parameters:
    ///   - label: the label, e.g. `RSA PRIVATE KEY`.
    ///   - data: the DER to encrypt.
    ///   - password: the password's bytes.
    ///   - cipher: a cipher with an IV of at least 8 bytes (`AES-256-CBC`, `DES-EDE3-CBC`, ...).
    /// - Throws: `unknownAlgorithm` for a cipher not in this build; `invalidParameter` for one
    ///   with an IV shorter than 8 bytes (OpenSSL: `UNSUPPORTED_CIPHER`).
    public static func encrypted(label: String, data: [UInt8], password: [UInt8], cipher: String) throws -> PEMBlock {
        let c = try PBEScheme.cipher(named: cipher)
        guard c.ivLength >= 8 else {
            throw CryptoError(.invalidParameter, "\(c.info.name) has no IV of 8 bytes or more for DEK-Info")
        }
        let iv = try Random.bytes(count: c.ivLength)
        let key = try EVPBytesToKey.derive(
            MD5.self, password: password, salt: Array(iv.prefix(8)), count: 1, keyLength: c.keyLength, ivLength: 0
        ).key
        let digits = Array("0123456789ABCDEF")
        let hex = String(iv.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
        return PEMBlock(
            label: label, data: try c.encrypt(data, key: key, iv: iv),
            headerText: "Proc-Type: 4,ENCRYPTED\nDEK-Info: \(c.info.name),\(hex)\n")
    }
}
