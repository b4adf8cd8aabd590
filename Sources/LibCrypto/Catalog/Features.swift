/// The optional features, one per package trait. `Package.swift` declares the same traits
/// (with the same `needs` as `enabledTraits`); `CatalogTests` checks the two agree.
public enum Features {
    /// Every feature, in a fixed order.
    public static let all: [Feature] = [
        Feature(
            trait: "ASM", option: "no-asm", needs: [],
            summary: "Hardware paths: AES-NI, PCLMULQDQ, SHA-NI, MULX/ADX, AVX-512 IFMA (no-asm)",
            symbolPattern: #"^lc_"#),
        Feature(
            trait: "IDEA", option: "no-idea", needs: [], summary: "IDEA block cipher (no-idea)",
            symbolPattern: #"(?i)LibCrypto\.\w*idea"#),
        Feature(
            trait: "RC5", option: "no-rc5", needs: [], summary: "RC5-32 block cipher (no-rc5)",
            symbolPattern: #"(?i)LibCrypto\.\w*rc5"#),
        Feature(
            trait: "RC2", option: "no-rc2", needs: [], summary: "RC2 block cipher (no-rc2)",
            symbolPattern: #"(?i)LibCrypto\.\w*rc2"#),
        Feature(
            trait: "RC4", option: "no-rc4", needs: [], summary: "RC4 stream cipher (no-rc4)",
            symbolPattern: #"(?i)LibCrypto\.\w*rc4"#),
        Feature(
            trait: "DES", option: "no-des", needs: [], summary: "DES, 3DES and DESX (no-des)",
            symbolPattern: #"LibCrypto\.(\w*DES|des[A-Z0-9_])"#),
        Feature(
            trait: "BF", option: "no-bf", needs: [], summary: "Blowfish (no-bf)",
            symbolPattern: #"(?i)LibCrypto\.\w*blowfish"#),
        Feature(
            trait: "CAST", option: "no-cast", needs: [], summary: "CAST5 (no-cast)",
            symbolPattern: #"(?i)LibCrypto\.\w*cast5"#),
        Feature(
            trait: "MD2", option: "no-md2", needs: [], summary: "MD2 digest (no-md2)",
            symbolPattern: #"LibCrypto\.\w*(MD2|md2)"#),
        Feature(
            trait: "MD4", option: "no-md4", needs: [], summary: "MD4 digest (no-md4)",
            symbolPattern: #"LibCrypto\.\w*(MD4|md4)"#),
        Feature(
            trait: "MDC2", option: "no-mdc2", needs: ["DES"], summary: "MDC2 digest, built on DES (no-mdc2)",
            symbolPattern: #"(?i)LibCrypto\.\w*mdc2"#),
        Feature(
            trait: "RMD160", option: "no-rmd160", needs: [], summary: "RIPEMD-160 digest (no-rmd160)",
            symbolPattern: #"(?i)LibCrypto\.\w*(ripemd|rmd160)"#),
        Feature(
            trait: "SEED", option: "no-seed", needs: [], summary: "SEED block cipher (no-seed)",
            symbolPattern: #"LibCrypto\.\w*(SEED|seed[A-Z0-9_])"#),
        Feature(
            trait: "CAMELLIA", option: "no-camellia", needs: [], summary: "Camellia block cipher (no-camellia)",
            symbolPattern: #"(?i)LibCrypto\.\w*camellia"#),
        Feature(
            trait: "ARIA", option: "no-aria", needs: [], summary: "ARIA block cipher (no-aria)",
            symbolPattern: #"LibCrypto\.(\w*ARIA|aria[A-Z0-9_])"#),
        Feature(
            trait: "SM4", option: "no-sm4", needs: [], summary: "SM4 block cipher (no-sm4)",
            symbolPattern: #"LibCrypto\.(\w*SM4|sm4[A-Z0-9_])"#),
        Feature(
            trait: "WHIRLPOOL", option: "no-whirlpool", needs: [], summary: "Whirlpool digest (no-whirlpool)",
            symbolPattern: #"(?i)LibCrypto\.\w*whirlpool"#),
        Feature(
            trait: "SIPHASH", option: "no-siphash", needs: [], summary: "SipHash MAC (no-siphash)",
            symbolPattern: #"(?i)LibCrypto\.\w*siphash"#),
        // OpenSSL's no-cmac removes the CMAC MAC and, through Configure's cascade
        // (`"cmac" => [ "siv" ]`), AES-SIV; KBKDF stays and refuses `mac=CMAC`.
        Feature(
            trait: "CMAC", option: "no-cmac", needs: [], summary: "CMAC MAC; KBKDF over CMAC (no-cmac)",
            symbolPattern: #"LibCrypto\.(\w*CMAC|cmac[A-Z0-9_])"#),
        // AES-SIV's S2V is CMAC. OpenSSL 3.2 puts AES-GCM-SIV under no-siv too.
        Feature(
            trait: "SIV", option: "no-siv", needs: ["CMAC"], summary: "AES-SIV and AES-GCM-SIV AEADs (no-siv)",
            symbolPattern: #"LibCrypto\.(\w*SIV|siv[A-Z0-9_])"#),
        Feature(
            trait: "OCB", option: "no-ocb", needs: [], summary: "AES-OCB AEAD (no-ocb)",
            symbolPattern: #"LibCrypto\.(\w*OCB|ocb[A-Z0-9_])"#),
        // ChaCha20-Poly1305 needs both CHACHA and POLY1305: its descriptor lists both traits, as
        // OpenSSL nests it under both options (providers/defltprov.c).
        Feature(
            trait: "CHACHA", option: "no-chacha", needs: [],
            summary: "ChaCha20 stream cipher; ChaCha20-Poly1305 with POLY1305 (no-chacha)",
            symbolPattern: #"(?i)LibCrypto\.\w*chacha"#),
        Feature(
            trait: "POLY1305", option: "no-poly1305", needs: [],
            summary: "Poly1305 MAC; ChaCha20-Poly1305 with CHACHA (no-poly1305)",
            symbolPattern: #"(?i)LibCrypto\.\w*poly1305"#),
        Feature(
            trait: "SCRYPT", option: "no-scrypt", needs: [], summary: "scrypt KDF (no-scrypt)",
            symbolPattern: #"(?i)LibCrypto\.\w*scrypt"#),
        Feature(
            trait: "BLAKE2", option: "no-blake2", needs: [],
            summary: "BLAKE2b-512, BLAKE2s-256, BLAKE2BMAC and BLAKE2SMAC (no-blake2)",
            symbolPattern: #"(?i)LibCrypto\.\w*blake2"#),
        Feature(
            trait: "SM3", option: "no-sm3", needs: [], summary: "SM3 digest (no-sm3)",
            symbolPattern: #"LibCrypto\.(\w*SM3|sm3[A-Z0-9_])"#),
        // OpenSSL's no-dsa and no-dh are independent (Configure has no cascade for either): each
        // removes its key manager, its signature or key exchange and its ASN.1 (dsa_asn1.c,
        // dh_asn1.c). RSA has no such option. no-dh removes DHX with DH.
        Feature(
            trait: "DSA", option: "no-dsa", needs: [], summary: "DSA keys, parameters and signatures (no-dsa)",
            symbolPattern: #"LibCrypto\.(\w*DSA|dsa[A-Z0-9_])"#),
        Feature(
            trait: "DH", option: "no-dh", needs: [],
            summary: "Diffie-Hellman key agreement: DH and DHX keys and parameters (no-dh)",
            symbolPattern: #"LibCrypto\.(\w*DH|dh[A-Z0-9_])"#),
        // OpenSSL 3.0's no-ec removes the EC key manager with ECDSA and ECDH, the ECX ones
        // (X25519, X448, Ed25519, Ed448) and crypto/ec/ec_asn1.c.
        Feature(
            trait: "EC", option: "no-ec", needs: [],
            summary: "Elliptic curves: EC keys, ECDSA, ECDH, X25519, X448, Ed25519, Ed448 (no-ec)",
            symbolPattern: #"LibCrypto\.(EC[A-Z][A-Za-z]*|SEC1EC|X25519|X448|Ed25519|Ed448|Curve25519|Curve448)"#),
        // OpenSSL 3.0's no-sm2 removes crypto/sm2 (SM2 signatures and encryption) and the SM2 key
        // manager, signature and asymmetric cipher; the SM2 curve stays with EC (ec_curve.c).
        Feature(
            trait: "SM2", option: "no-sm2", needs: ["EC", "SM3"], summary: "SM2 signatures and encryption (no-sm2)",
            symbolPattern: #"LibCrypto\.(\w*SM2|sm2[A-Z0-9_])"#),
        // OpenSSL 3.0's no-ec2m removes the GF(2^m) curves (crypto/ec/ec2_*.c, bn_gf2m.c) and
        // their entries in the curve table.
        Feature(
            trait: "EC2M", option: "no-ec2m", needs: ["EC"],
            summary:
                "GF(2^m) curves: sect*, c2pnb*, c2tnb*, WTLS (no-ec2m)",
            symbolPattern: #"LibCrypto\.(EC2M[A-Z]\w*|EC(Curve|Point)\.(init\(binary|\w*[bB]inary))"#),
    ]
}

extension Feature {
    /// A name `confrun list NAME` must refuse when the feature is off: its first algorithm in
    /// the catalog. Nil for a feature with no algorithm of its own (ASM).
    public var probeName: String? {
        Descriptors.all.first { $0.trait == trait && $0.status == .implemented }?.name
    }
}
