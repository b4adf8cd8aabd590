import LibCrypto

/// What the harness knows about OpenSSL's algorithm names, independent of this build: which
/// package trait gates each one and whether LibCrypto implements it yet. It lets the engine tell
/// "disabled in this build" from "not implemented yet" from a name nobody knows (an error).
/// Only names live here; no code of a disabled algorithm does.
public enum Catalog {
    public enum Status: Sendable, Equatable {
        case implemented
        /// Part of a later issue; vectors for it skip as `unsupported`.
        case planned(String)
        /// OpenSSL has it; this project has not taken it on.
        case notPlanned
        /// A corpus has it, OpenSSL does not (CAST5-CTR): nothing to be conformant with.
        case notInOpenSSL
    }

    public struct Entry: Sendable {
        public var names: [String]
        public var trait: String?
        public var status: Status
    }

    static func e(_ names: [String], trait: String? = nil, _ status: Status = .implemented) -> Entry {
        Entry(names: names, trait: trait, status: status)
    }

    static let ciphers = Status.implemented
    static let aead = Status.implemented

    public static let entries: [Entry] = [
        e(["MD2"], trait: "MD2"), e(["MD4", "RSA-MD4"], trait: "MD4"), e(["MD5", "SSL3-MD5"]), e(["MD5-SHA1"]),
        e(["SHA1", "SHA-1", "SSL3-SHA1"]),
        e(["SHA2-224", "SHA-224", "SHA224"]), e(["SHA2-256", "SHA-256", "SHA256"]),
        e(["SHA2-384", "SHA-384", "SHA384"]), e(["SHA2-512", "SHA-512", "SHA512"]),
        e(["SHA2-512/224", "SHA-512/224", "SHA512-224"]), e(["SHA2-512/256", "SHA-512/256", "SHA512-256"]),
        e(["SHA3-224"]), e(["SHA3-256"]), e(["SHA3-384"]), e(["SHA3-512"]),
        e(["SHAKE-128", "SHAKE128"]), e(["SHAKE-256", "SHAKE256"]),
        e(["BLAKE2B-512", "BLAKE2b512"]), e(["BLAKE2S-256", "BLAKE2s256"]), e(["SM3"]),
        e(["RIPEMD-160", "RIPEMD160", "RIPEMD", "RMD160"], trait: "RMD160"),
        e(["MDC2"], trait: "MDC2"),
        e(["WHIRLPOOL"], .notPlanned),
        e(["CAST5-CTR"], trait: "CAST", .notInOpenSSL),
        e(["DES-EDE3-KW"], trait: "DES", .notInOpenSSL), e(["KECCAK-KMAC-128", "KECCAK-KMAC-256"], .notPlanned),
        e(["HMAC"]),
        e(["CMAC", "GMAC", "POLY1305"]),
        e(["KMAC128", "KMAC-128", "KMAC256", "KMAC-256", "SIPHASH", "BLAKE2BMAC", "BLAKE2SMAC"], .notPlanned),
        e(["PBKDF1", "PBKDF2", "HKDF", "SCRYPT", "ID-SCRYPT", "X963KDF", "X942KDF-CONCAT", "PKCS12KDF"]),
        e(["TLS1-PRF", "SSHKDF", "SSKDF", "X942KDF-ASN1", "KRB5KDF", "TLS13-KDF", "KBKDF"], .notPlanned),
    ]

    /// AEAD and other modes of the next issue, by suffix (`aes-128-gcm`, `id-aes256-wrap-pad`).
    static let aeadSuffixes = ["-gcm", "-ccm", "-ocb", "-xts", "-siv", "-gcm-siv", "-poly1305", "-wrap", "-wrap-pad",
                               "-wrap-inv", "-wrap-pad-inv", "-cbc-hmac-sha1", "-cbc-hmac-sha256", "-hmac-md5"]
    static let ctsSuffixes = ["-cts"]

    /// Cipher names go by family prefix: `idea-cbc`, `IDEA-CFB`, `des-ede3-cbc`, ...
    public static let cipherPrefixes: [(prefix: String, trait: String?, status: Status)] = [
        ("aes-", nil, ciphers), ("id-aes", nil, aead), ("camellia", "CAMELLIA", ciphers), ("seed", "SEED", ciphers),
        ("idea", "IDEA", ciphers), ("rc5", "RC5", ciphers), ("rc2", "RC2", ciphers), ("rc4", "RC4", ciphers),
        ("des", "DES", ciphers), ("bf", "BF", ciphers), ("blowfish", "BF", ciphers), ("cast", "CAST", ciphers),
        ("chacha20", nil, ciphers), ("aria", nil, .notPlanned), ("sm4", nil, .notPlanned),
    ]

    private static let index: [String: Entry] = {
        var d: [String: Entry] = [:]
        for e in entries { for n in e.names { d[n.lowercased()] = e } }
        return d
    }()

    /// The catalog entry for a name, if OpenSSL is known to have it.
    public static func lookup(_ name: String) -> Entry? {
        let n = name.lowercased()
        if let e = index[n] { return e }
        let trait = cipherPrefixes.first { n.hasPrefix($0.prefix) }?.trait
        if aeadSuffixes.contains(where: { n.hasSuffix($0) }) || n.hasPrefix("id-aes") {
            return Entry(names: [name], trait: trait, status: aead)
        }
        if n.hasSuffix("-cts") || n.contains("cbc-cts") {
            return Entry(names: [name], trait: trait, status: .notPlanned)
        }
        for c in cipherPrefixes where n.hasPrefix(c.prefix) {
            return Entry(names: [name], trait: c.trait, status: c.status)
        }
        return nil
    }

    /// True if the trait is compiled into this build.
    public static func traitEnabled(_ trait: String) -> Bool {
        BuildConfiguration.enabledTraits.contains(trait)
    }
}

extension Catalog {
    /// The trait that gates an algorithm as results name it (`IDEA-CBC`, `HMAC-MDC2`,
    /// `CMAC-DES-EDE3-CBC`, `GMAC-AES-128-GCM`), in any build. Nil: always built.
    public static func trait(forResult name: String) -> String? {
        if let t = lookup(name)?.trait { return t }
        let upper = name.uppercased()
        for prefix in ["HMAC-", "CMAC-", "GMAC-", "PBKDF2-", "HKDF-", "X963KDF-", "PKCS12KDF-", "PBKDF1-"] where upper.hasPrefix(prefix) {
            return trait(forResult: String(name.dropFirst(prefix.count)))
        }
        return nil
    }
}
