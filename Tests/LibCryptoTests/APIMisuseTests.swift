import LibCrypto
import Testing

// Public API misuse (issue 12, "What a black-box run already found"): a wrong length, an
// unknown name or an impossible output size is a thrown `CryptoError` with the right code —
// never a trap, never a silent wrong result, never an allocation sized by the caller that
// aborts the process. A regression here crashes the whole test run, which is the point.

/// Runs `body` and returns the `CryptoError.Code` it threw; nil if it returned normally.
/// An error of another type fails the test.
private func thrownCode<T>(
    _ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) -> CryptoError.Code? {
    do {
        _ = try body()
        return nil
    } catch let e as CryptoError {
        return e.code
    } catch {
        Issue.record("threw \(type(of: error)), not CryptoError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Runs `body`, which must throw `code` within `seconds` (a length check, not a computation).
private func expectQuickThrow<T>(
    _ code: CryptoError.Code, within seconds: Int = 2, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) {
    let clock = ContinuousClock()
    var got: CryptoError.Code?
    let elapsed = clock.measure { got = thrownCode(body, sourceLocation: sourceLocation) }
    #expect(got == code, "\(what)", sourceLocation: sourceLocation)
    #expect(elapsed < .seconds(seconds), "\(what) took \(elapsed)", sourceLocation: sourceLocation)
}

@Suite("API misuse: thrown errors, not traps")
struct APIMisuseTests {
    // MARK: 1. HardwareSupport.withVariant and SHAKE output lengths

    @Test("withVariant: an unknown variant throws invalidParameter before running the body")
    func unknownVariant() {
        for name in ["", "nosuch", "Generic", "HARDWARE", "aesni,shani", " aesni"] {
            var ran = false
            let code = thrownCode { try HardwareSupport.withVariant(name) { ran = true } }
            #expect(code == .invalidParameter, "variant \"\(name)\"")
            #expect(!ran, "the body must not run for variant \"\(name)\"")
        }
    }

    @Test("withVariant: every advertised variant and path is accepted")
    func knownVariants() throws {
        for name in HardwareSupport.variants + HardwareSupport.paths {
            #expect(try HardwareSupport.withVariant(name) { 42 } == 42, "variant \(name)")
        }
    }

    @Test("withVariant: errors thrown by the body come through unchanged")
    func variantRethrows() {
        let mine = CryptoError(.badDecrypt, "from the body")
        #expect(throws: mine) { try HardwareSupport.withVariant("generic") { throw mine } }
    }

    @Test("SHAKE: a negative output length throws invalidParameter (typed and registry paths)")
    func shakeNegativeLength() throws {
        for n in [-1, -168, Int.min] {
            var s128 = SHAKE128()
            s128.update([1, 2, 3])
            #expect(thrownCode { try s128.finalize(outputLength: n) } == .invalidParameter, "SHAKE128 \(n)")
            var s256 = SHAKE256()
            #expect(thrownCode { try s256.finalize(outputLength: n) } == .invalidParameter, "SHAKE256 \(n)")
            #expect(thrownCode { try SHAKE128.hash([UInt8](), outputLength: n) } == .invalidParameter)
            #expect(thrownCode { try SHAKE256.hash([0x61], outputLength: n) } == .invalidParameter)
            for name in ["SHAKE-128", "SHAKE-256"] {
                let d = try Registry.digest(named: name)
                #expect(thrownCode { try d.hash([1], outputLength: n) } == .invalidParameter, "\(name) \(n)")
                #expect(thrownCode { try d.makeContext().finalize(outputLength: n) } == .invalidParameter)
            }
        }
        // Zero is a valid (empty) XOF output, as in OpenSSL.
        #expect(try SHAKE128.hash([UInt8](), outputLength: 0) == [])
    }

    @Test("Fixed-size digests: any length but the digest size throws invalidParameter")
    func fixedDigestLength() throws {
        for d in Registry.digests where !d.isXOF {
            for n in [-1, 0, d.digestSize - 1, d.digestSize + 1, Int.max, Int.min] {
                #expect(thrownCode { try d.hash([1, 2], outputLength: n) } == .invalidParameter, "\(d.info.name) \(n)")
            }
        }
    }

    // MARK: 2. BlockCipher.encrypt(_:) / decrypt(_:)

    static func checkOneBlockAPI<C: BlockCipher>(_ cipher: C, sourceLocation: SourceLocation = #_sourceLocation) {
        let bs = C.blockSize
        for n in [0, 1, bs - 1, bs + 1, 2 * bs, 4096] {
            let block = [UInt8](repeating: 0x5a, count: n)
            #expect(
                thrownCode({ try cipher.encrypt(block) }, sourceLocation: sourceLocation) == .invalidLength,
                "\(C.self).encrypt of \(n) bytes", sourceLocation: sourceLocation)
            #expect(
                thrownCode({ try cipher.decrypt(block) }, sourceLocation: sourceLocation) == .invalidLength,
                "\(C.self).decrypt of \(n) bytes", sourceLocation: sourceLocation)
        }
        let one = [UInt8](repeating: 0xa5, count: bs)
        #expect(
            (try? cipher.decrypt(try cipher.encrypt(one))) == one, "\(C.self) round trip",
            sourceLocation: sourceLocation)
    }

    @Test("BlockCipher.encrypt(_:)/decrypt(_:): a block of the wrong length throws invalidLength")
    func oneBlockWrongLength() throws {
        Self.checkOneBlockAPI(try AES(key: [UInt8](repeating: 1, count: 16)))
        Self.checkOneBlockAPI(try AES(key: [UInt8](repeating: 2, count: 32)))
        #if DES
        Self.checkOneBlockAPI(try DES(key: [UInt8](repeating: 3, count: 8)))
        Self.checkOneBlockAPI(try DESEDE3(key: Array(1...24)))
        #endif
        #if CAMELLIA
        Self.checkOneBlockAPI(try Camellia(key: [UInt8](repeating: 4, count: 16)))
        #endif
        #if BF
        Self.checkOneBlockAPI(try Blowfish(key: [UInt8](repeating: 5, count: 16)))
        #endif
    }

    @Test("FIPS 197 C.1 through the one-block API still gives the published answer")
    func oneBlockKnownAnswer() throws {
        let aes = try AES(key: Array(0x00...0x0f))
        let pt: [UInt8] = [
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
        ]
        let ct: [UInt8] = [
            0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30, 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a,
        ]
        #expect(try aes.encrypt(pt) == ct)
        #expect(try aes.decrypt(ct) == pt)
    }

    // MARK: 3. KDF output lengths: checked against the standard's maximum before allocating

    /// The dkLen of the mutated Wycheproof file that aborted the process (issue 12).
    static let hugeLength = 85_899_345_899

    @Test("PBKDF2: lengths over (2^32 − 1)·hLen throw at once, without allocating")
    func pbkdf2TooLong() {
        // MD5: (2^32 − 1)·16 = 68,719,476,720 < 85,899,345,899.
        expectQuickThrow(.invalidParameter, "PBKDF2-MD5 85,899,345,899") {
            try PBKDF2.derive(MD5.self, password: [1], salt: [2], iterations: 1, length: Self.hugeLength)
        }
        // OpenSSL's bound (pbkdf2.c: keylen / mdlen >= 0xFFFFFFFF is refused).
        expectQuickThrow(.invalidParameter, "PBKDF2-SHA1 (2^32 − 1)·20") {
            try PBKDF2.derive(SHA1.self, password: [1], salt: [2], iterations: 1, length: 0xFFFF_FFFF * 20)
        }
        expectQuickThrow(.invalidParameter, "PBKDF2-SHA256 (2^32 − 1)·32") {
            try PBKDF2.derive(SHA256.self, password: [], salt: [], iterations: 1, length: 0xFFFF_FFFF * 32)
        }
        for length in [Int.max, Int.max - 1, Int.min, -1, 0] {
            expectQuickThrow(.invalidParameter, "PBKDF2-SHA512 \(length)") {
                try PBKDF2.derive(SHA512.self, password: [1], salt: [2], iterations: 1, length: length)
            }
        }
        expectQuickThrow(.invalidParameter, "PBKDF2 iterations 0") {
            try PBKDF2.derive(SHA256.self, password: [1], salt: [2], iterations: 0, length: 32)
        }
    }

    @Test("PBKDF2: output longer than the initial reservation is produced whole and consistent")
    func pbkdf2GrowsPastReservation() throws {
        // RFC 8018: T_i depends only on i, so a longer output extends a shorter one.
        let long = try PBKDF2.derive(SHA256.self, password: [1], salt: [2], iterations: 1, length: 200_003)
        let short = try PBKDF2.derive(SHA256.self, password: [1], salt: [2], iterations: 1, length: 1000)
        #expect(long.count == 200_003)
        #expect(Array(long.prefix(1000)) == short)
    }

    @Test("PKCS#12 KDF: lengths over 2^31 − 1 (OpenSSL's int n) throw at once")
    func pkcs12TooLong() {
        #expect(PKCS12KDF.maxLength == 2_147_483_647)
        for length in [Self.hugeLength, PKCS12KDF.maxLength + 1, Int.max, -1, 0] {
            expectQuickThrow(.invalidParameter, "PKCS12KDF \(length)") {
                try PKCS12KDF.derive(
                    SHA1.self, password: PKCS12KDF.bmpPassword("p"), salt: [1, 2], purpose: .key, iterations: 1,
                    length: length)
            }
        }
    }

    @Test("HKDF: lengths over 255·HashLen throw at once")
    func hkdfTooLong() {
        for length in [255 * 32 + 1, Self.hugeLength, Int.max, 0, -1] {
            expectQuickThrow(.invalidParameter, "HKDF-SHA256 \(length)") {
                try HKDF.derive(SHA256.self, key: [1], length: length)
            }
            expectQuickThrow(.invalidParameter, "HKDF-Expand-SHA256 \(length)") {
                try HKDF.expand(SHA256.self, pseudoRandomKey: [1], length: length)
            }
        }
        expectQuickThrow(.invalidParameter, "HKDF EXTRACT_ONLY with a huge length") {
            try HKDF.derive(SHA256.self, mode: .extractOnly, key: [1], length: Self.hugeLength)
        }
    }

    @Test("X9.63 KDF: lengths over 2^30 (OpenSSL's SSKDF_MAX_INLEN) throw at once")
    func x963TooLong() {
        for length in [(1 << 30) + 1, Self.hugeLength, Int.max, 0, -1] {
            expectQuickThrow(.invalidParameter, "X963KDF \(length)") {
                try X963KDF.derive(SHA256.self, sharedSecret: [1], length: length)
            }
        }
    }

    @Test("EVP_BytesToKey and the enc format: out-of-range or overflowing lengths throw at once")
    func bytesToKeyLengths() {
        for (k, v) in [(65, 0), (0, 17), (-1, 8), (Int.max, Int.max), (Self.hugeLength, 16)] {
            expectQuickThrow(.invalidParameter, "EVP_BytesToKey \(k), \(v)") {
                try EVPBytesToKey.derive(MD5.self, password: [1], salt: nil, keyLength: k, ivLength: v)
            }
        }
        // keyLength + ivLength overflows Int: an error, not an arithmetic trap.
        for (k, v) in [(Int.max, 1), (1, Int.max), (Int.max, Int.max), (-1, 1), (0, 0)] {
            expectQuickThrow(.invalidParameter, "enc -pbkdf2 \(k) + \(v)") {
                try OpenSSLSaltedFormat.deriveKeyAndIV(
                    SHA256.self, password: [1], salt: nil, keyLength: k, ivLength: v, pbkdf2Iterations: 1)
            }
        }
    }

    #if SCRYPT
    @Test("scrypt: huge or overflowing parameters throw before allocating")
    func scryptLimits() {
        let cases: [(n: Int, r: Int, p: Int, length: Int)] = [
            (1 << 62, 8, 1, 64), (1024, Int.max, 1, 64), (1024, 8, Int.max, 64), (Int.max, 1, 1, 64),
            (1 << 20, 1 << 20, 1, 64), (16, 1, 1, Int.max), (16, 1, 1, 0),
        ]
        for c in cases {
            expectQuickThrow(.invalidParameter, "scrypt N=\(c.n) r=\(c.r) p=\(c.p) length=\(c.length)") {
                try Scrypt.derive(password: [1], salt: [2], n: c.n, r: c.r, p: c.p, length: c.length)
            }
        }
    }
    #endif

    // MARK: 4. Everything in the registry, called wrongly

    @Test("Registry ciphers: wrong key and IV lengths, partial blocks without padding, CFB1 bit counts")
    func registryCipherMisuse() throws {
        for c in Registry.ciphers {
            let key = (0..<c.keyLength).map { UInt8(truncatingIfNeeded: 7 &* $0 &+ 1) }  // XTS: unequal halves
            let iv = [UInt8](repeating: 0x22, count: c.ivLength)
            for badKey in [0, c.keyLength - 1, c.keyLength + 1, 1000] {
                if badKey == c.keyLength || c.variableKeyLengths?.contains(badKey) == true { continue }
                let k = [UInt8](repeating: 1, count: badKey)
                #expect(
                    thrownCode { try c.encrypt([1], key: k, iv: iv) } == .invalidParameter,
                    "\(c.info.name) key of \(badKey) bytes")
            }
            for badIV in [1, c.ivLength + 1, 100] where badIV != c.ivLength {
                #expect(
                    thrownCode { try c.decrypt([1], key: key, iv: [UInt8](repeating: 3, count: badIV)) }
                        == .invalidParameter, "\(c.info.name) IV of \(badIV) bytes")
            }
            // Any input length: a result or a thrown error, never a trap.
            for padding in [true, false] {
                let p = CipherParameters(padding: padding)
                for n in [0, 1, 7, 8, 9, 15, 16, 17, 33] {
                    let data = [UInt8](repeating: 0x33, count: n)
                    _ = thrownCode { try c.encrypt(data, key: key, iv: iv, parameters: p) }
                    _ = thrownCode { try c.decrypt(data, key: key, iv: iv, parameters: p) }
                }
            }
            let ctx = try c.makeContext(key: key, iv: iv, encrypting: true)
            for bits in [-1, Int.min, 17, Int.max] {
                #expect(
                    thrownCode { try ctx.updateBits([0xff, 0x00], bitCount: bits) } != nil, "\(c.info.name) \(bits)")
            }
            // Finalize twice, update after finalize: defined results or errors.
            _ = thrownCode { try ctx.finalize() }
            _ = thrownCode { try ctx.finalize() }
            _ = thrownCode { try ctx.update([1, 2, 3]) }
        }
    }

    @Test("Registry cipher parameters: RC2 key bits and RC5 rounds out of range throw")
    func legacyCipherParameters() throws {
        #if RC2
        let rc2 = try Registry.cipher(named: "RC2-CBC")
        for bits in [-1, 0, 1025, Int.max, Int.min] {
            #expect(
                thrownCode {
                    try rc2.encrypt(
                        [1], key: [UInt8](repeating: 1, count: 16), iv: [UInt8](repeating: 0, count: 8),
                        parameters: CipherParameters(rc2EffectiveBits: bits))
                } == .invalidParameter, "RC2 effective bits \(bits)")
        }
        #endif
        #if RC5
        let rc5 = try Registry.cipher(named: "RC5-CBC")
        for rounds in [-1, 0, 7, 13, 256, Int.max, Int.min] {
            #expect(
                thrownCode {
                    try rc5.encrypt(
                        [1], key: [UInt8](repeating: 1, count: 16), iv: [UInt8](repeating: 0, count: 8),
                        parameters: CipherParameters(rc5Rounds: rounds))
                } == .invalidParameter, "RC5 rounds \(rounds)")
        }
        #endif
    }

    @Test("Registry AEADs: nonce, tag and message lengths out of range throw invalidParameter")
    func registryAEADMisuse() throws {
        for a in Registry.aeads {
            let key = [UInt8](repeating: 0x44, count: a.keyLength)
            let nonce = [UInt8](repeating: 0x55, count: a.defaultNonceLength)
            #expect(
                thrownCode {
                    try a.makeContext(
                        key: [UInt8](repeating: 1, count: a.keyLength + 1),
                        parameters: AEADParameters(nonce: nonce, tagLength: a.defaultTagLength, messageLength: 0),
                        encrypting: true)
                } == .invalidParameter, "\(a.info.name) long key")
            for tag in [-1, 0, 17, 1000, Int.max, Int.min] {
                #expect(
                    thrownCode {
                        try a.makeContext(
                            key: key, parameters: AEADParameters(nonce: nonce, tagLength: tag, messageLength: 0),
                            encrypting: true)
                    } == .invalidParameter, "\(a.info.name) tag length \(tag)")
            }
            for n in [0, 1, 14, 16, 17, 1000] {
                // Each nonce length: a context or invalidParameter (GCM takes any non-empty IV).
                let code = thrownCode {
                    try a.makeContext(
                        key: key,
                        parameters: AEADParameters(
                            nonce: [UInt8](repeating: 6, count: n), tagLength: a.defaultTagLength, messageLength: 0),
                        encrypting: true)
                }
                #expect(code == nil || code == .invalidParameter, "\(a.info.name) nonce of \(n) bytes")
            }
            for m in [-1, Int.min, Int.max] {
                let code = thrownCode {
                    try a.makeContext(
                        key: key,
                        parameters: AEADParameters(nonce: nonce, tagLength: a.defaultTagLength, messageLength: m),
                        encrypting: true)
                }
                #expect(code == nil || code == .invalidParameter, "\(a.info.name) message length \(m)")
            }
            // Decryption with a tag of the wrong length: an authentication failure, nothing released.
            let dec = try a.makeContext(
                key: key,
                parameters: AEADParameters(nonce: nonce, tagLength: a.defaultTagLength, messageLength: 3),
                encrypting: false)
            _ = try dec.update([1, 2, 3])
            for tag in [[], [UInt8](repeating: 0, count: 1), [UInt8](repeating: 0, count: 100)] {
                let code = thrownCode { try dec.finalizeDecryption(tag: tag) }
                #expect(code != nil, "\(a.info.name) tag of \(tag.count) bytes accepted")
            }
        }
    }

    @Test("MACs: HMAC over an XOF and CMAC over a non-CBC entry throw unsupportedOperation")
    func macMisuse() throws {
        for d in Registry.digests where d.isXOF {
            #expect(thrownCode { try d.makeHMAC(key: [1]) } == .unsupportedOperation, "HMAC-\(d.info.name)")
        }
        #expect(thrownCode { try Registry.cipher(named: "AES-128-CTR").makeCMAC(key: [1]) } == .unsupportedOperation)
        #expect(
            thrownCode { try Registry.cipher(named: "AES-128-CBC").makeCMAC(key: [1, 2, 3]) } == .invalidParameter)
        #expect(thrownCode { try Registry.digest(named: "SHA2-256").makeContext(padType: 1) } == .unsupportedOperation)
        #if POLY1305
        #expect(thrownCode { try Poly1305.authenticate(key: [1, 2], message: [3]) } == .invalidParameter)
        #endif
    }

    @Test("Unknown names throw unknownAlgorithm")
    func unknownNames() {
        #expect(thrownCode { try Registry.digest(named: "nosuch") } == .unknownAlgorithm)
        #expect(thrownCode { try Registry.cipher(named: "") } == .unknownAlgorithm)
        #expect(thrownCode { try Registry.aead(named: "AES-128-GCM-SIV-X") } == .unknownAlgorithm)
        #expect(thrownCode { try Registry.algorithm(named: "\u{0}") } == .unknownAlgorithm)
    }
}
