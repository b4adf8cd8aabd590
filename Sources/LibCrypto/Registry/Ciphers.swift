/// The cipher table: every OpenSSL name and alias of the block and stream ciphers this build
/// has. A family whose trait is off contributes nothing, so its names are unknown here.
extension Registry {
    /// The block and stream ciphers of this build, every mode as its own entry (`AES-128-CBC`).
    public static let ciphers: [CipherAlgorithm] = {
        var list: [CipherAlgorithm] = []

        for bits in [128, 192, 256] {
            list += CipherAlgorithm.family(AES.self, base: "AES-\(bits)", keyLength: bits / 8) { key, _ in
                try AES(key: key)
            }
        }
        #if CAMELLIA
        for bits in [128, 192, 256] {
            list += CipherAlgorithm.family(Camellia.self, base: "CAMELLIA-\(bits)", keyLength: bits / 8) { key, _ in
                try Camellia(key: key)
            }
        }
        #endif
        #if ARIA
        for bits in [128, 192, 256] {
            list += CipherAlgorithm.family(ARIA.self, base: "ARIA-\(bits)", keyLength: bits / 8) { key, _ in
                try ARIA(key: key)
            }
        }
        #endif
        #if SM4
        list += CipherAlgorithm.family(SM4.self, base: "SM4", keyLength: 16) { key, _ in try SM4(key: key) }
        #endif
        #if DES
        list += CipherAlgorithm.family(DES.self, base: "DES", keyLength: 8) { key, _ in try DES(key: key) }
        list += CipherAlgorithm.family(DESEDE.self, base: "DES-EDE", keyLength: 16) { key, _ in try DESEDE(key: key) }
        list += CipherAlgorithm.family(DESEDE3.self, base: "DES-EDE3", keyLength: 24) { key, _ in try DESEDE3(key: key)
        }
        list += CipherAlgorithm.family(DESX.self, base: "DESX", keyLength: 24) { key, _ in try DESX(key: key) }
        #endif
        #if BF
        list += CipherAlgorithm.family(Blowfish.self, base: "BF", keyLength: 16, variableKeyLengths: Blowfish.keySizes)
        { key, _ in try Blowfish(key: key) }
        #endif
        #if CAST
        list += CipherAlgorithm.family(CAST5.self, base: "CAST5", keyLength: 16, variableKeyLengths: CAST5.keySizes) {
            key, _ in try CAST5(key: key)
        }
        #endif
        #if IDEA
        list += CipherAlgorithm.family(IDEA.self, base: "IDEA", keyLength: 16) { key, _ in try IDEA(key: key) }
        #endif
        #if RC2
        // OpenSSL's effective key bits default to the cipher's default key length, not to the
        // length of the key actually given (evpciph_rc2.txt checks this).
        func rc2(_ defaultBits: Int) -> @Sendable ([UInt8], CipherParameters) throws -> RC2 {
            { key, p in try RC2(key: key, effectiveBits: p.rc2EffectiveBits ?? defaultBits) }
        }
        list += CipherAlgorithm.family(
            RC2.self, base: "RC2", keyLength: 16, variableKeyLengths: RC2.keySizes, make: rc2(128))
        list += CipherAlgorithm.family(
            RC2.self, base: "RC2-40", keyLength: 5, variableKeyLengths: RC2.keySizes, make: rc2(40))
        list += CipherAlgorithm.family(
            RC2.self, base: "RC2-64", keyLength: 8, variableKeyLengths: RC2.keySizes, make: rc2(64))
        #endif
        #if RC5
        list += CipherAlgorithm.family(RC5.self, base: "RC5", keyLength: 16, variableKeyLengths: RC5.keySizes) {
            key, p in try RC5(key: key, rounds: p.rc5Rounds ?? 12)
        }
        #endif
        #if SEED
        list += CipherAlgorithm.family(SEED.self, base: "SEED", keyLength: 16) { key, _ in try SEED(key: key) }
        #endif
        #if RC4
        list.append(
            CipherAlgorithm(
                name: "RC4", keyLength: 16, variableKeyLengths: .range(1, 256),
                ivLength: 0, blockSize: 1
            ) { key, _, _, _ in StreamContext(try RC4(key: key)) })
        list.append(
            CipherAlgorithm(
                name: "RC4-40", keyLength: 5, variableKeyLengths: .range(1, 256),
                ivLength: 0, blockSize: 1
            ) { key, _, _, _ in StreamContext(try RC4(key: key)) })
        #endif
        for bits in [128, 256] {
            list.append(
                CipherAlgorithm(name: "AES-\(bits)-CBC-HMAC-SHA1", keyLength: bits / 8, ivLength: 16, blockSize: 16) {
                    key, iv, enc, p in try StitchedAESCBCHMAC<SHA1>(key: key, iv: iv, encrypting: enc, parameters: p)
                })
            list.append(
                CipherAlgorithm(name: "AES-\(bits)-CBC-HMAC-SHA256", keyLength: bits / 8, ivLength: 16, blockSize: 16) {
                    key, iv, enc, p in try StitchedAESCBCHMAC<SHA256>(key: key, iv: iv, encrypting: enc, parameters: p)
                })
        }
        #if RC4
        list.append(
            CipherAlgorithm(
                name: "RC4-HMAC-MD5", keyLength: 16, variableKeyLengths: .range(1, 256), ivLength: 0, blockSize: 1
            ) { key, _, enc, p in try StitchedRC4HMACMD5(key: key, encrypting: enc, parameters: p) })
        #endif
        #if CHACHA
        list.append(
            CipherAlgorithm(name: "ChaCha20", keyLength: 32, ivLength: 16, blockSize: 1) { key, iv, _, _ in
                StreamContext(try ChaCha20(key: key, iv: iv))
            })
        #endif
        return list + oneShotCiphers
    }()

    private static let cipherIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, c) in ciphers.enumerated() {
            for n in c.info.allNames { index[n.lowercased()] = i }
        }
        return index
    }()

    /// Looks a cipher up by any of its OpenSSL names, case-insensitively (`EVP_get_cipherbyname`).
    public static func cipher(named name: String) throws -> CipherAlgorithm {
        guard let i = cipherIndex[name.lowercased()] else { throw CryptoError.unknownAlgorithm(name) }
        return ciphers[i]
    }
}
