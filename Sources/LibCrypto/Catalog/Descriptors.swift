/// The catalog's entries: every algorithm OpenSSL 3.0 names that this project knows, whether
/// or not this build (or LibCrypto at all) implements it. Names and aliases are OpenSSL's
/// (`openssl list -digest-algorithms`, `-cipher-algorithms`, `-mac-algorithms`,
/// `-kdf-algorithms` of OpenSSL 3.0), plus the few a later OpenSSL added that LibCrypto
/// implements (marked with `addedInOpenSSL`) and the few corpus names OpenSSL lacks (status
/// `notInOpenSSL`). No code lives here.
public enum Descriptors {
    /// Every descriptor, in a stable order: digests, MACs, ciphers, AEADs, KDFs, DRBGs, key types.
    public static let all: [AlgorithmDescriptor] = digests + macs + ciphers + kdfs + rands + publicKeys

    static func named(_ name: String) -> AlgorithmDescriptor {
        guard let d = Catalog.descriptor(named: name) else {
            preconditionFailure("LibCrypto's registry names \(name), which the catalog lacks")
        }
        return d
    }

    static let digests: [AlgorithmDescriptor] = {
        func d(
            _ name: String, _ aliases: [String] = [], trait: String? = nil, _ lifecycle: Lifecycle = .default,
            hardware: HardwarePaths = [], family: AlgorithmFamily = .digest,
            status: AlgorithmDescriptor.Status = .implemented
        ) -> AlgorithmDescriptor {
            AlgorithmDescriptor(
                name: name, aliases: aliases, family: family, trait: trait, lifecycle: lifecycle,
                hardware: hardware, status: status)
        }
        return [
            d("MD2", trait: "MD2", .legacy),
            d("MD4", ["RSA-MD4", "md4WithRSAEncryption"], trait: "MD4", .legacy),
            d("MD5", ["SSL3-MD5", "RSA-MD5", "md5WithRSAEncryption"]),
            d("MD5-SHA1", hardware: .shani),
            d("SHA1", ["SHA-1", "SSL3-SHA1", "RSA-SHA1", "sha1WithRSAEncryption"], hardware: .shani),
            d("SHA2-224", ["SHA-224", "SHA224", "RSA-SHA224", "sha224WithRSAEncryption"], hardware: .shani),
            d("SHA2-256", ["SHA-256", "SHA256", "RSA-SHA256", "sha256WithRSAEncryption"], hardware: .shani),
            d("SHA2-384", ["SHA-384", "SHA384", "RSA-SHA384", "sha384WithRSAEncryption"]),
            d("SHA2-512", ["SHA-512", "SHA512", "RSA-SHA512", "sha512WithRSAEncryption"]),
            d("SHA2-512/224", ["SHA-512/224", "SHA512-224", "RSA-SHA512/224"]),
            d("SHA2-512/256", ["SHA-512/256", "SHA512-256", "RSA-SHA512/256"]),
            d("SHA3-224", ["RSA-SHA3-224"]), d("SHA3-256", ["RSA-SHA3-256"]),
            d("SHA3-384", ["RSA-SHA3-384"]), d("SHA3-512", ["RSA-SHA3-512"]),
            d("SHAKE-128", ["SHAKE128"], family: .xof), d("SHAKE-256", ["SHAKE256"], family: .xof),
            d("BLAKE2B-512", ["BLAKE2b512"], trait: "BLAKE2"), d("BLAKE2S-256", ["BLAKE2s256"], trait: "BLAKE2"),
            d("SM3", ["RSA-SM3"], trait: "SM3"),
            d("MDC2", ["RSA-MDC2", "mdc2WithRSA"], trait: "MDC2", .legacy),
            d("RIPEMD-160", ["RIPEMD160", "RIPEMD", "RMD160", "RSA-RIPEMD160", "ripemd160WithRSA"], trait: "RMD160"),
            d("WHIRLPOOL", [], trait: "WHIRLPOOL", .legacy),
            d("KECCAK-KMAC-128", ["KECCAK-KMAC128"], family: .xof),
            d("KECCAK-KMAC-256", ["KECCAK-KMAC256"], family: .xof),
        ]
    }()

    static let macs: [AlgorithmDescriptor] = {
        func m(
            _ name: String, _ aliases: [String] = [], trait: String? = nil, hardware: HardwarePaths = [],
            status: AlgorithmDescriptor.Status = .implemented
        ) -> AlgorithmDescriptor {
            AlgorithmDescriptor(
                name: name, aliases: aliases, family: .mac, trait: trait, hardware: hardware, status: status)
        }
        return [
            m("HMAC"), m("CMAC", trait: "CMAC"), m("GMAC", hardware: [.aesni, .pclmulqdq]),
            m("POLY1305", trait: "POLY1305"), m("KMAC128", ["KMAC-128"]), m("KMAC256", ["KMAC-256"]),
            m("SIPHASH", trait: "SIPHASH"), m("BLAKE2BMAC", trait: "BLAKE2"), m("BLAKE2SMAC", trait: "BLAKE2"),
        ]
    }()

    static let kdfs: [AlgorithmDescriptor] = {
        func k(
            _ name: String, _ aliases: [String] = [], _ lifecycle: Lifecycle = .default, trait: String? = nil,
            status: AlgorithmDescriptor.Status = .implemented
        ) -> AlgorithmDescriptor {
            AlgorithmDescriptor(
                name: name, aliases: aliases, family: .kdf, trait: trait, lifecycle: lifecycle, status: status)
        }
        return [
            k("PBKDF1", [], .legacy), k("PBKDF2"), k("HKDF"), k("SCRYPT", ["id-scrypt"], trait: "SCRYPT"),
            k("PKCS12KDF"),
            k("X963KDF", ["X942KDF-CONCAT"]),
            k("TLS1-PRF"), k("SSHKDF"), k("SSKDF"), k("X942KDF-ASN1", ["X942KDF"]), k("KRB5KDF"), k("TLS13-KDF"),
            k("KBKDF"),
        ]
    }()

    /// The DRBGs of NIST SP 800-90A, as OpenSSL's `EVP_RAND_fetch` names them.
    static let rands: [AlgorithmDescriptor] = ["CTR-DRBG", "HASH-DRBG", "HMAC-DRBG"].map {
        AlgorithmDescriptor(name: $0, family: .rand, hardware: $0 == "CTR-DRBG" ? .aesni : [])
    }

    /// The public-key algorithms, with the names OpenSSL 3.0's key managers answer to
    /// (`openssl list -key-managers`, OIDs left out; the DSA manager also takes the old
    /// signature-OID names). RSA is always built, as OpenSSL has no `no-rsa`; DSA is trait `DSA`
    /// (`no-dsa`), DH and DHX are trait `DH` (`no-dh` removes both key managers), EC and the ECX
    /// types (X25519, X448, ED25519, ED448) are trait `EC` (`no-ec`), SM2 is trait `SM2` (`no-sm2`).
    static let publicKeys: [AlgorithmDescriptor] = [
        AlgorithmDescriptor(name: "RSA", aliases: ["rsaEncryption"], family: .publicKey),
        AlgorithmDescriptor(name: "RSA-PSS", aliases: ["RSASSA-PSS", "rsassaPss"], family: .publicKey),
        AlgorithmDescriptor(
            name: "DSA",
            aliases: [
                "dsaEncryption", "DSA-old", "dsaEncryption-old", "DSA-SHA", "dsaWithSHA", "DSA-SHA1", "dsaWithSHA1",
                "DSA-SHA1-old", "dsaWithSHA1-old",
            ], family: .publicKey, trait: "DSA"),
        AlgorithmDescriptor(name: "DH", aliases: ["dhKeyAgreement"], family: .publicKey, trait: "DH"),
        AlgorithmDescriptor(name: "DHX", aliases: ["X9.42 DH", "dhpublicnumber"], family: .publicKey, trait: "DH"),
        AlgorithmDescriptor(name: "EC", aliases: ["id-ecPublicKey"], family: .publicKey, trait: "EC"),
        AlgorithmDescriptor(name: "X25519", family: .publicKey, trait: "EC"),
        AlgorithmDescriptor(name: "X448", family: .publicKey, trait: "EC"),
        AlgorithmDescriptor(name: "ED25519", family: .publicKey, trait: "EC"),
        AlgorithmDescriptor(name: "ED448", family: .publicKey, trait: "EC"),
        AlgorithmDescriptor(name: "SM2", family: .publicKey, trait: "SM2"),
    ]

    /// The classic modes, in the order a family lists them.
    static let classic: [CipherMode] = [.ecb, .cbc, .cfb, .cfb1, .cfb8, .ofb, .ctr]

    /// One block cipher in each of `modes`, named `<base>-<MODE>` as OpenSSL does (`names`
    /// overrides a mode's name, `aliases` adds OpenSSL's other names for one).
    static func family(
        _ base: String, _ modes: [CipherMode], trait: String? = nil, _ lifecycle: Lifecycle = .default,
        hardware: HardwarePaths = [], aliases: [String: [String]] = [:], names: [CipherMode: String] = [:],
        status: AlgorithmDescriptor.Status = .implemented
    ) -> [AlgorithmDescriptor] {
        modes.map { mode in
            let name = names[mode] ?? "\(base)-\(mode.nameSuffix)"
            return AlgorithmDescriptor(
                name: name, aliases: aliases[name] ?? [], family: .cipher, trait: trait, lifecycle: lifecycle,
                hardware: hardware, mode: mode, primitive: base, status: status)
        }
    }

    static func cipher(
        _ name: String, _ aliases: [String] = [], trait: String? = nil, alsoNeeds: [String] = [],
        _ lifecycle: Lifecycle = .default, mode: CipherMode, primitive: String? = nil, hardware: HardwarePaths = [],
        status: AlgorithmDescriptor.Status = .implemented, addedInOpenSSL: String? = nil
    ) -> AlgorithmDescriptor {
        AlgorithmDescriptor(
            name: name, aliases: aliases, family: .cipher, trait: trait, alsoNeeds: alsoNeeds, lifecycle: lifecycle,
            hardware: hardware, mode: mode, primitive: primitive, status: status, addedInOpenSSL: addedInOpenSSL)
    }

    static let ciphers: [AlgorithmDescriptor] = {
        var list: [AlgorithmDescriptor] = []
        let sizes = [128, 192, 256]
        for bits in sizes {
            list += family("AES-\(bits)", classic, hardware: .aesni, aliases: ["AES-\(bits)-CBC": ["AES\(bits)"]])
        }
        for bits in sizes {
            list += family(
                "CAMELLIA-\(bits)", classic, trait: "CAMELLIA", aliases: ["CAMELLIA-\(bits)-CBC": ["CAMELLIA\(bits)"]])
        }
        list += family(
            "DES", [.ecb, .cbc, .cfb, .cfb1, .cfb8, .ofb], trait: "DES", .legacy, aliases: ["DES-CBC": ["DES"]])
        list += family(
            "DES-EDE", [.ecb, .cbc, .cfb, .ofb], trait: "DES", aliases: ["DES-EDE": ["DES-EDE-ECB"]],
            names: [.ecb: "DES-EDE"])
        list += family(
            "DES-EDE3", [.ecb, .cbc, .cfb, .cfb1, .cfb8, .ofb], trait: "DES",
            aliases: ["DES-EDE3": ["DES-EDE3-ECB"], "DES-EDE3-CBC": ["DES3"]], names: [.ecb: "DES-EDE3"])
        list += family("DESX", [.cbc], trait: "DES", .legacy, aliases: ["DESX-CBC": ["DESX"]])
        list += family("BF", [.ecb, .cbc, .cfb, .ofb], trait: "BF", .legacy, aliases: ["BF-CBC": ["BF", "BLOWFISH"]])
        list += family(
            "CAST5", [.ecb, .cbc, .cfb, .ofb], trait: "CAST", .legacy, aliases: ["CAST5-CBC": ["CAST", "CAST-CBC"]])
        list += family("IDEA", [.ecb, .cbc, .cfb, .ofb], trait: "IDEA", .legacy, aliases: ["IDEA-CBC": ["IDEA"]])
        list += family(
            "RC2", [.ecb, .cbc, .cfb, .ofb], trait: "RC2", .legacy, aliases: ["RC2-CBC": ["RC2", "RC2-128"]])
        list += family("RC2-40", [.cbc], trait: "RC2", .legacy, aliases: ["RC2-40-CBC": ["RC2-40"]])
        list += family("RC2-64", [.cbc], trait: "RC2", .legacy, aliases: ["RC2-64-CBC": ["RC2-64"]])
        list += family("RC5", [.ecb, .cbc, .cfb, .ofb], trait: "RC5", .legacy, aliases: ["RC5-CBC": ["RC5"]])
        list += family(
            "SEED", [.ecb, .cbc, .cfb, .ofb], trait: "SEED", .legacy,
            aliases: ["SEED-CBC": ["SEED"], "SEED-CFB": ["SEED-CFB128"], "SEED-OFB": ["SEED-OFB128"]])
        list += [
            cipher("RC4", trait: "RC4", .legacy, mode: .stream),
            cipher("RC4-40", trait: "RC4", .legacy, mode: .stream),
            cipher("ChaCha20", trait: "CHACHA", mode: .stream),
        ]
        for bits in [128, 256] {
            list.append(cipher("AES-\(bits)-XTS", mode: .xts, primitive: "AES-\(bits)", hardware: .aesni))
        }
        for bits in sizes {
            for suffix in ["WRAP", "WRAP-PAD", "WRAP-INV", "WRAP-PAD-INV"] {
                let inverse = suffix.hasSuffix("INV")
                let aliases =
                    inverse ? [] : ["id-aes\(bits)-\(suffix.lowercased())", "aes\(bits)-\(suffix.lowercased())"]
                list.append(
                    cipher("AES-\(bits)-\(suffix)", aliases, mode: .wrap, primitive: "AES-\(bits)", hardware: .aesni))
            }
        }
        // AEADs (the registry's `aeads`).
        for bits in sizes {
            list.append(
                cipher(
                    "AES-\(bits)-GCM", ["id-aes\(bits)-GCM"], mode: .gcm, primitive: "AES-\(bits)",
                    hardware: [.aesni, .pclmulqdq]))
            list.append(
                cipher("AES-\(bits)-CCM", ["id-aes\(bits)-CCM"], mode: .ccm, primitive: "AES-\(bits)", hardware: .aesni)
            )
            list.append(cipher("AES-\(bits)-OCB", trait: "OCB", mode: .ocb, primitive: "AES-\(bits)", hardware: .aesni))
        }
        // OpenSSL nests it under both no-chacha and no-poly1305 (providers/defltprov.c).
        list.append(cipher("ChaCha20-Poly1305", trait: "CHACHA", alsoNeeds: ["POLY1305"], mode: .poly1305))
        // Added in OpenSSL 3.2 (RFC 8452): not in the 3.0 reference, which interop expects.
        // OpenSSL 3.2 gates it with no-siv.
        for bits in sizes {
            list.append(
                cipher(
                    "AES-\(bits)-GCM-SIV", trait: "SIV", mode: .gcmSIV, primitive: "AES-\(bits)",
                    hardware: [.aesni, .pclmulqdq], addedInOpenSSL: "3.2"))
        }

        // OpenSSL 3.0 has these; LibCrypto does not yet.
        let todo = AlgorithmDescriptor.Status.notImplemented
        for bits in sizes {
            list += family(
                "ARIA-\(bits)", classic + [.gcm, .ccm], trait: "ARIA", aliases: ["ARIA-\(bits)-CBC": ["ARIA\(bits)"]])
        }
        list += family(
            "SM4", [.ecb, .cbc, .cfb, .ofb, .ctr], trait: "SM4",
            aliases: ["SM4-CBC": ["SM4"], "SM4-CFB": ["SM4-CFB128"], "SM4-OFB": ["SM4-OFB128"]])
        for bits in sizes {
            list.append(cipher("AES-\(bits)-CBC-CTS", mode: .cbcCTS, primitive: "AES-\(bits)", hardware: .aesni))
            list.append(
                cipher("CAMELLIA-\(bits)-CBC-CTS", trait: "CAMELLIA", mode: .cbcCTS, primitive: "CAMELLIA-\(bits)"))
            list.append(cipher("AES-\(bits)-SIV", trait: "SIV", mode: .siv, primitive: "AES-\(bits)", hardware: .aesni))
        }
        for name in [
            "AES-128-CBC-HMAC-SHA1", "AES-256-CBC-HMAC-SHA1", "AES-128-CBC-HMAC-SHA256",
            "AES-256-CBC-HMAC-SHA256",
        ] {
            list.append(cipher(name, mode: .stitched, hardware: .aesni))
        }
        list.append(cipher("RC4-HMAC-MD5", trait: "RC4", .legacy, mode: .stitched))
        list.append(cipher("DES3-WRAP", ["id-smime-alg-CMS3DESwrap"], trait: "DES", mode: .wrap, primitive: "DES-EDE3"))
        // Names some corpora use that OpenSSL does not have.
        list.append(cipher("CAST5-CTR", trait: "CAST", .legacy, mode: .ctr, primitive: "CAST5", status: .notInOpenSSL))
        list.append(cipher("DES-EDE3-KW", trait: "DES", mode: .wrap, primitive: "DES-EDE3", status: .notInOpenSSL))
        return list
    }()
}
