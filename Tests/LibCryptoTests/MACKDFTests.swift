import Testing
@testable import LibCrypto

/// Poly1305, ChaCha20-Poly1305, CMAC and the KDFs (PBKDF2, PBKDF1, HKDF, scrypt,
/// EVP_BytesToKey, the PKCS #12 KDF, the X9.63 KDF).
///
/// Expected values come only from independent sources: RFC 8439 (2.5.2, 2.8.2, A.3, A.5),
/// RFC 4493, NIST SP 800-38B's updated CMAC examples (AES and TDEA, with the errata values),
/// RFC 6070, RFC 7914 (sections 8 to 12), RFC 5869, OpenSSL 3.0's evp_test files
/// (`evpmac_poly1305.txt`, `evpciph_chacha.txt`, `evpmac_common.txt`, `evpmac_cmac_des.txt`,
/// `evpkdf_pbkdf1.txt`, `evpkdf_pbkdf2.txt`, `evpkdf_hkdf.txt`, `evpkdf_scrypt.txt`,
/// `evpkdf_x963.txt`, `evppbe_pkcs12.txt`, transcribed in `MACKDFVectors` below), and output of
/// the OpenSSL 3.0.19 command line (`openssl enc -P`, `openssl mac`, `openssl kdf`), with the
/// command next to each value.
@Suite struct MACKDFTests {
    // MARK: Helpers

    static func hex(_ bytes: [UInt8]) -> String { TestHex.encode(bytes) }

    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The digest types the vectors name, as the existential a registry lookup would give.
    static func hashType(_ name: String) -> (any HashFunction.Type)? {
        switch name.lowercased() {
        #if MD2
        case "md2": return MD2.self
        #endif
        case "md5": return MD5.self
        case "sha1": return SHA1.self
        case "sha224": return SHA224.self
        case "sha256": return SHA256.self
        case "sha384": return SHA384.self
        case "sha512": return SHA512.self
        default: return nil
        }
    }

    static func code(of body: () throws -> Void) -> CryptoError.Code? {
        do {
            try body()
            return nil
        } catch let e as CryptoError {
            return e.code
        } catch {
            return nil
        }
    }

    typealias V = MACKDFVectors

    #if POLY1305
    // MARK: Poly1305

    /// RFC 8439 section 2.5.2.
    @Test func poly1305RFC8439() throws {
        let key = Self.unhex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
        let tag = try Poly1305.authenticate(key: key, message: Self.ascii("Cryptographic Forum Research Group"))
        #expect(Self.hex(tag) == "a8061dc1305136c6c22b8baf0c0127a9")
        #expect(try Poly1305.verify(tag: tag, key: key, message: Self.ascii("Cryptographic Forum Research Group")))
        var bad = tag
        bad[15] ^= 1
        #expect(try !Poly1305.verify(tag: bad, key: key, message: Self.ascii("Cryptographic Forum Research Group")))
    }

    /// `evpmac_poly1305.txt` (RFC 7539 A.3 and OpenSSL's own edge cases), one-shot and byte by byte.
    @Test func poly1305OpenSSLVectors() throws {
        #expect(V.poly1305.count == 46)
        for (key, input, tag) in V.poly1305 {
            let k = Self.unhex(key)
            let m = Self.unhex(input)
            #expect(Self.hex(try Poly1305.authenticate(key: k, message: m)) == tag)
            var mac = try Poly1305(key: k)
            for b in m { mac.update([b]) }
            #expect(Self.hex(mac.finalize()) == tag)
        }
    }

    /// `openssl mac -macopt hexkey:000102…1f -in msg Poly1305`, msg = (7·i mod 256) for i < 1000.
    @Test func poly1305OpenSSLCommandLine() throws {
        let key = (0..<32).map { UInt8($0) }
        let msg = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        #expect(Self.hex(try Poly1305.authenticate(key: key, message: msg)) == "c101423b6c66ee591d4c2448293c728d")
    }

    @Test func poly1305RandomSplits() throws {
        var rng = TestRNG(seed: 1305)
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256, 1000, 4099] {
            let key = rng.bytes(32)
            let msg = rng.bytes(len)
            let oneShot = try Poly1305.authenticate(key: key, message: msg)
            for _ in 0..<4 {
                var mac = try Poly1305(key: key)
                for r in rng.splits(len) { mac.update(msg[r]) }
                #expect(mac.finalize() == oneShot)
            }
        }
    }

    @Test func poly1305BadKey() {
        #expect(Self.code { _ = try Poly1305(key: [UInt8](repeating: 0, count: 31)) } == .invalidParameter)
        #expect(Self.code { _ = try Poly1305(key: [UInt8](repeating: 0, count: 33)) } == .invalidParameter)
        #expect(Self.code { _ = try Poly1305(key: []) } == .invalidParameter)
    }
    #endif

    #if CHACHA && POLY1305
    // MARK: ChaCha20-Poly1305

    static let rfcKey = unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
    static let rfcNonce = unhex("070000004041424344454647")
    static let rfcAAD = unhex("50515253c0c1c2c3c4c5c6c7")
    static let rfcPlaintext = ascii(
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
    )
    static let rfcCiphertext = unhex(
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116"
    )
    static let rfcTag = unhex("1ae10b594f09e26a7e902ecbd0600691")

    /// RFC 8439 section 2.8.2, and the Poly1305 key of section 2.6.2 (A.4 style) for that key and nonce.
    @Test func chachaPolyRFC8439() throws {
        let (ct, tag) = try ChaCha20Poly1305.seal(
            key: Self.rfcKey, nonce: Self.rfcNonce, aad: Self.rfcAAD, plaintext: Self.rfcPlaintext)
        #expect(ct == Self.rfcCiphertext)
        #expect(tag == Self.rfcTag)
        let pt = try ChaCha20Poly1305.open(
            key: Self.rfcKey, nonce: Self.rfcNonce, aad: Self.rfcAAD, ciphertext: ct, tag: tag)
        #expect(pt == Self.rfcPlaintext)
        // Section 2.8.2 lists the one-time key derived from block 0.
        let otk = Array(try ChaCha20.block(key: Self.rfcKey, counter: 0, nonce: Self.rfcNonce)[0..<32])
        #expect(Self.hex(otk) == "7bac2b252db447af09b67a55a4e955840ae1d6731075d9eb2a9375783ed553ff")
    }

    /// RFC 8439 appendix A.5 (the Internet-Draft text): decryption only.
    @Test func chachaPolyRFC8439A5() throws {
        let v = V.chachaPoly[1]
        #expect(v.iv == "000000000102030405060708")
        let pt = try ChaCha20Poly1305.open(
            key: Self.unhex(v.key), nonce: Self.unhex(v.iv), aad: Self.unhex(v.aad),
            ciphertext: Self.unhex(v.ciphertext), tag: Self.unhex(v.tag))
        #expect(
            String(decoding: pt, as: UTF8.self).hasPrefix(
                "Internet-Drafts are draft documents valid for a maximum of six months"))
        #expect(Self.hex(pt) == v.plaintext)
    }

    /// Every chacha20-poly1305 stanza of `evpciph_chacha.txt`, including the 3.0 rule that an IV
    /// shorter or longer than 12 bytes is refused and the wrong-tag decryption.
    @Test func chachaPolyOpenSSLVectors() throws {
        #expect(V.chachaPoly.count == 8)
        for v in V.chachaPoly {
            let key = Self.unhex(v.key)
            let iv = Self.unhex(v.iv)
            let aad = Self.unhex(v.aad)
            let tag = Self.unhex(v.tag)
            switch v.result {
            case "INVALID_IV_LENGTH":
                #expect(
                    Self.code {
                        _ = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: iv), encrypting: true)
                    } == .invalidParameter)
                #expect(
                    Self.code {
                        _ = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: iv), encrypting: false)
                    } == .invalidParameter)
            case "CIPHERFINAL_ERROR":
                #expect(
                    Self.code {
                        _ = try ChaCha20Poly1305.open(
                            key: key, nonce: iv, aad: aad, ciphertext: Self.unhex(v.ciphertext), tag: tag)
                    } == .authenticationFailure)
            default:
                let (ct, t) = try ChaCha20Poly1305.seal(
                    key: key, nonce: iv, aad: aad, plaintext: Self.unhex(v.plaintext))
                #expect(Self.hex(ct) == v.ciphertext)
                #expect(Self.hex(t) == v.tag)
                let pt = try ChaCha20Poly1305.open(key: key, nonce: iv, aad: aad, ciphertext: ct, tag: tag)
                #expect(Self.hex(pt) == v.plaintext)
            }
        }
    }

    /// Streaming decryption with a bad tag, AAD, ciphertext or a truncated tag: it throws
    /// `authenticationFailure`, and `update` never released anything.
    @Test func chachaPolyRejectsForgeries() throws {
        func decrypt(aad: [UInt8], ciphertext: [UInt8], tag: [UInt8]) throws -> [UInt8] {
            let ctx = try ChaCha20Poly1305(
                key: Self.rfcKey, parameters: AEADParameters(nonce: Self.rfcNonce), encrypting: false)
            try ctx.updateAAD(aad)
            let early = try ctx.update(ciphertext)
            #expect(early.isEmpty)
            return try ctx.finalizeDecryption(tag: tag)
        }
        var badTag = Self.rfcTag
        badTag[0] ^= 0x80
        var badAAD = Self.rfcAAD
        badAAD[11] ^= 1
        var badCT = Self.rfcCiphertext
        badCT[57] ^= 4
        let cases: [([UInt8], [UInt8], [UInt8])] = [
            (Self.rfcAAD, Self.rfcCiphertext, badTag),
            (badAAD, Self.rfcCiphertext, Self.rfcTag),
            (Self.rfcAAD, badCT, Self.rfcTag),
            (Self.rfcAAD, Array(Self.rfcCiphertext.dropLast()), Self.rfcTag),
            (Self.rfcAAD, Self.rfcCiphertext, Array(Self.rfcTag[0..<15])),
            (Self.rfcAAD, Self.rfcCiphertext, Array(Self.rfcTag[0..<8])),
            (Self.rfcAAD, Self.rfcCiphertext, []),
            (Self.rfcAAD, Self.rfcCiphertext, Self.rfcTag + [0]),
            ([], Self.rfcCiphertext, Self.rfcTag),
        ]
        for (aad, ct, tag) in cases {
            var released: [UInt8]? = nil
            let c = Self.code { released = try decrypt(aad: aad, ciphertext: ct, tag: tag) }
            #expect(c == .authenticationFailure)
            #expect(released == nil)
        }
        #expect(try decrypt(aad: Self.rfcAAD, ciphertext: Self.rfcCiphertext, tag: Self.rfcTag) == Self.rfcPlaintext)
    }

    @Test func chachaPolyRandomSplits() throws {
        var rng = TestRNG(seed: 8439)
        for len in [0, 1, 15, 16, 63, 64, 65, 255, 256, 257, 1000, 3000] {
            let key = rng.bytes(32)
            let nonce = rng.bytes(12)
            let aad = rng.bytes(rng.next(below: 70))
            let pt = rng.bytes(len)
            let (ct, tag) = try ChaCha20Poly1305.seal(key: key, nonce: nonce, aad: aad, plaintext: pt)
            for _ in 0..<3 {
                let enc = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: nonce), encrypting: true)
                for r in rng.splits(aad.count) { try enc.updateAAD(Array(aad[r])) }
                var out: [UInt8] = []
                for r in rng.splits(len) { out += try enc.update(Array(pt[r])) }
                let (rest, t) = try enc.finalizeEncryption()
                #expect(out + rest == ct)
                #expect(t == tag)

                let dec = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: nonce), encrypting: false)
                for r in rng.splits(aad.count) { try dec.updateAAD(Array(aad[r])) }
                for r in rng.splits(len) { #expect(try dec.update(Array(ct[r])).isEmpty) }
                #expect(try dec.finalizeDecryption(tag: tag) == pt)
            }
        }
    }

    /// OpenSSL accepts tag lengths 1...16 (`OSSL_CIPHER_PARAM_AEAD_TAG`): a shorter tag is the
    /// prefix of the full one, and decryption compares that many bytes.
    @Test func chachaPolyTagLengths() throws {
        for n in [1, 8, 12, 15, 16] {
            let enc = try ChaCha20Poly1305(
                key: Self.rfcKey, parameters: AEADParameters(nonce: Self.rfcNonce, tagLength: n), encrypting: true)
            try enc.updateAAD(Self.rfcAAD)
            _ = try enc.update(Self.rfcPlaintext)
            let (_, tag) = try enc.finalizeEncryption()
            #expect(tag == Array(Self.rfcTag[0..<n]))
            let dec = try ChaCha20Poly1305(
                key: Self.rfcKey, parameters: AEADParameters(nonce: Self.rfcNonce, tagLength: n), encrypting: false)
            try dec.updateAAD(Self.rfcAAD)
            _ = try dec.update(Self.rfcCiphertext)
            #expect(try dec.finalizeDecryption(tag: tag) == Self.rfcPlaintext)
        }
    }

    @Test func chachaPolyBadParameters() throws {
        let key = Self.rfcKey
        let nonce = Self.rfcNonce
        for k in [0, 16, 31, 33] {
            #expect(
                Self.code {
                    _ = try ChaCha20Poly1305(
                        key: [UInt8](repeating: 1, count: k), parameters: AEADParameters(nonce: nonce), encrypting: true
                    )
                } == .invalidParameter)
        }
        for n in [0, 1, 8, 11, 13, 16] {
            #expect(
                Self.code {
                    _ = try ChaCha20Poly1305(
                        key: key, parameters: AEADParameters(nonce: [UInt8](repeating: 0, count: n)), encrypting: true)
                } == .invalidParameter)
        }
        for t in [-1, 0, 17, 32] {
            #expect(
                Self.code {
                    _ = try ChaCha20Poly1305(
                        key: key, parameters: AEADParameters(nonce: nonce, tagLength: t), encrypting: false)
                } == .invalidParameter)
        }
        // AAD after data, a second finalize, and the wrong finalize for the direction all throw.
        let enc = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: nonce), encrypting: true)
        _ = try enc.update([1, 2, 3])
        #expect(Self.code { try enc.updateAAD([1]) } == .invalidParameter)
        #expect(Self.code { _ = try enc.finalizeDecryption(tag: Self.rfcTag) } == .invalidParameter)
        _ = try enc.finalizeEncryption()
        #expect(Self.code { _ = try enc.finalizeEncryption() } == .invalidParameter)
        #expect(Self.code { _ = try enc.update([1]) } == .invalidParameter)
        #expect(Self.code { try enc.updateAAD([1]) } == .invalidParameter)
        let dec = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: nonce), encrypting: false)
        #expect(Self.code { _ = try dec.finalizeEncryption() } == .invalidParameter)
        #expect(Self.code { _ = try dec.finalizeDecryption(tag: Self.rfcTag) } == .authenticationFailure)
        #expect(Self.code { _ = try dec.finalizeDecryption(tag: Self.rfcTag) } == .invalidParameter)
    }
    #endif

    #if CMAC
    // MARK: CMAC

    static let nistMessage = unhex(
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
    )

    /// RFC 4493 section 4 (= SP 800-38B D.1): subkeys and examples 1-4.
    @Test func cmacRFC4493() throws {
        let key = Self.unhex("2b7e151628aed2a6abf7158809cf4f3c")
        let mac = try CMAC<AES>(key: key)
        #expect(Self.hex(mac.subkeys.k1) == "fbeed618357133667c85e08f7236a8de")
        #expect(Self.hex(mac.subkeys.k2) == "f7ddac306ae266ccf90bc11ee46d513b")
        let expected = [
            (0, "bb1d6929e95937287fa37d129b756746"), (16, "070a16b46b4d4144f79bdd9dd04a287c"),
            (40, "dfa66747de9ae63030ca32611497c827"), (64, "51f0bebf7e3b9d92fc49741779363cfe"),
        ]
        for (n, tag) in expected {
            #expect(Self.hex(try CMAC<AES>.authenticate(key: key, message: Self.nistMessage[0..<n])) == tag)
        }
    }

    /// SP 800-38B appendix D.2 and D.3 (updated examples): AES-192 and AES-256.
    @Test func cmacSP800_38B_AES() throws {
        let cases: [(String, [String])] = [
            (
                "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
                [
                    "d17ddf46adaacde531cac483de7a9367", "9e99a7bf31e710900662f65e617c5184",
                    "8a1de5be2eb31aad089a82e6ee908b0e", "a1d5df0eed790f794d77589659f39a11",
                ]
            ),
            (
                "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
                [
                    "028962f61b7bf89efc6b551f4667d983", "28a7023f452e8f82bd4bf28d8c37c35c",
                    "aaf3d8f1de5640c232f5b169b9c911e6", "e1992190549f6ed5696a2c056c315410",
                ]
            ),
        ]
        for (key, tags) in cases {
            for (n, tag) in zip([0, 16, 40, 64], tags) {
                #expect(
                    Self.hex(try CMAC<AES>.authenticate(key: Self.unhex(key), message: Self.nistMessage[0..<n])) == tag)
            }
        }
    }

    #if DES
    /// SP 800-38B appendix D.4 (three-key TDEA) and D.5 (two-key TDEA), with the errata
    /// values for examples 14, 15, 18 and 19; Rb = 0x1B.
    @Test func cmacSP800_38B_TDEA() throws {
        let k3 = Self.unhex("8aa83bf8cbda10620bc1bf19fbb6cd58bc313d4a371ca8b5")
        let mac3 = try CMAC<DESEDE3>(key: k3)
        #expect(Self.hex(mac3.subkeys.k1) == "9198e9d314e6535f")
        #expect(Self.hex(mac3.subkeys.k2) == "2331d3a629cca6a5")
        for (n, tag) in [
            (0, "b7a688e122ffaf95"), (8, "8e8f293136283797"), (20, "743ddbe0ce2dc2ed"), (32, "33e6b1092400eae5"),
        ] {
            #expect(Self.hex(try CMAC<DESEDE3>.authenticate(key: k3, message: Self.nistMessage[0..<n])) == tag)
        }
        let k2 = Self.unhex("4cf15134a2850dd58a3d10ba80570d38")
        let mac2 = try CMAC<DESEDE>(key: k2)
        #expect(Self.hex(mac2.subkeys.k1) == "8ecf373ed71afaef")
        #expect(Self.hex(mac2.subkeys.k2) == "1d9e6e7dae35f5c5")
        for (n, tag) in [
            (0, "bd2ebf9a3ba00361"), (8, "4ff2ab813c53ce83"), (20, "62dd1b471902bd4e"), (32, "31b1e431dabc4eb8"),
        ] {
            #expect(Self.hex(try CMAC<DESEDE>.authenticate(key: k2, message: Self.nistMessage[0..<n])) == tag)
        }
    }
    #endif

    /// The CMAC stanzas of `evpmac_common.txt` and `evpmac_cmac_des.txt`.
    @Test func cmacOpenSSLVectors() throws {
        var ran = 0
        for (cipher, key, input, tag) in V.cmac {
            let k = Self.unhex(key)
            let m = Self.unhex(input)
            switch cipher {
            case "AES-128-CBC", "AES-192-CBC", "AES-256-CBC":
                #expect(Self.hex(try CMAC<AES>.authenticate(key: k, message: m)) == tag)
                ran += 1
            case "DES-EDE3-CBC":
                #if DES
                #expect(Self.hex(try CMAC<DESEDE3>.authenticate(key: k, message: m)) == tag)
                ran += 1
                #endif
            default:
                Issue.record("unexpected cipher \(cipher)")
            }
        }
        #expect(ran >= 3)
    }

    /// `openssl mac -cipher <C> -macopt hexkey:<K> -in msg CMAC` (add `-provider legacy
    /// -provider default` for BF-CBC), K = 00 01 02 …, msg = (7·i mod 256) for i < 1000 or < 33.
    @Test func cmacOpenSSLCommandLine() throws {
        let k16 = (0..<16).map { UInt8($0) }
        let k24 = (0..<24).map { UInt8($0) }
        let k32 = (0..<32).map { UInt8($0) }
        let m1000 = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let m33 = Array(m1000[0..<33])
        #expect(Self.hex(try CMAC<AES>.authenticate(key: k32, message: m1000)) == "acad2415ed5014533781b8aa451302e2")
        #expect(Self.hex(try CMAC<AES>.authenticate(key: k16, message: m33)) == "4e96b550e9eb5dd5550e28110413d6f9")
        #if CAMELLIA
        #expect(
            Self.hex(try CMAC<Camellia>.authenticate(key: k16, message: m1000)) == "16b0f4faba4bad59c4bbc22696c57430")
        #endif
        #if BF
        #expect(Self.hex(try CMAC<Blowfish>.authenticate(key: k16, message: m1000)) == "ec809b5406f801db")
        #expect(Self.hex(try CMAC<Blowfish>.authenticate(key: k16, message: m33)) == "70fbd5461161fba8")
        #endif
        #if DES
        #expect(Self.hex(try CMAC<DESEDE3>.authenticate(key: k24, message: m1000)) == "addf01cd6eb03bcc")
        #endif
        _ = k24
    }

    @Test func cmacRandomSplits() throws {
        var rng = TestRNG(seed: 4493)
        func check<C: BlockCipher>(_ type: C.Type, keyLength: Int) throws {
            for len in [0, 1, 7, 8, 9, 15, 16, 17, 32, 33, 100, 1000] {
                let key = rng.bytes(keyLength)
                let msg = rng.bytes(len)
                let oneShot = try CMAC<C>.authenticate(key: key, message: msg)
                #expect(oneShot.count == C.blockSize)
                for _ in 0..<4 {
                    var mac = try CMAC<C>(key: key)
                    for r in rng.splits(len) { mac.update(msg[r]) }
                    #expect(mac.finalize() == oneShot)
                }
                #expect(try CMAC<C>.verify(tag: oneShot, key: key, message: msg))
                #expect(try CMAC<C>.verify(tag: Array(oneShot[0..<4]), key: key, message: msg))
                #expect(try !CMAC<C>.verify(tag: [], key: key, message: msg))
                var bad = oneShot
                bad[0] ^= 1
                #expect(try !CMAC<C>.verify(tag: bad, key: key, message: msg))
            }
        }
        try check(AES.self, keyLength: 16)
        try check(AES.self, keyLength: 32)
        #if DES
        try check(DESEDE3.self, keyLength: 24)
        #endif
        #if BF
        try check(Blowfish.self, keyLength: 16)
        #endif
    }

    @Test func cmacBadKey() {
        #expect(Self.code { _ = try CMAC<AES>(key: [UInt8](repeating: 0, count: 15)) } == .invalidParameter)
    }
    #endif

    // MARK: PBKDF2

    /// RFC 6070 (PBKDF2-HMAC-SHA1). The 16777216-iteration case is left out: about 33 million
    /// SHA-1 compressions, far too slow for a debug-build unit test.
    @Test func pbkdf2RFC6070() throws {
        let cases: [(String, String, Int, Int, String)] = [
            ("password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
            ("password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
            ("password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"),
            (
                "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25,
                "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"
            ),
            ("pass\0word", "sa\0lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3"),
        ]
        for (p, s, c, n, out) in cases {
            #expect(
                Self.hex(
                    try PBKDF2.derive(SHA1.self, password: Self.ascii(p), salt: Self.ascii(s), iterations: c, length: n)
                ) == out)
        }
    }

    /// RFC 7914 section 11 (PBKDF2-HMAC-SHA256).
    @Test func pbkdf2RFC7914() throws {
        #expect(
            Self.hex(
                try PBKDF2.derive(
                    SHA256.self, password: Self.ascii("passwd"), salt: Self.ascii("salt"), iterations: 1, length: 64))
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        )
        #expect(
            Self.hex(
                try PBKDF2.derive(
                    SHA256.self, password: Self.ascii("Password"), salt: Self.ascii("NaCl"), iterations: 80000,
                    length: 64))
                == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
        )
    }

    /// `evpkdf_pbkdf2.txt`, with the digest given as an existential (as a registry lookup gives it).
    @Test func pbkdf2OpenSSLVectors() throws {
        #expect(V.pbkdf2.count == 18)
        for (digest, pass, salt, iter, out) in V.pbkdf2 {
            let h = try #require(Self.hashType(digest))
            let got = try PBKDF2.derive(
                h, password: Self.unhex(pass), salt: Self.unhex(salt), iterations: iter, length: out.count / 2)
            #expect(Self.hex(got) == out)
        }
    }

    /// OpenSSL's default provider has no SP 800-132 minimums (`ossl_kdf_pbkdf2_default_checks`
    /// is 0 outside FIPS); they apply when asked for (`pkcs5=0`).
    @Test func pbkdf2Parameters() throws {
        let p = Self.ascii("password")
        let s = Self.ascii("salt")
        #expect(
            Self.code { _ = try PBKDF2.derive(SHA256.self, password: p, salt: s, iterations: 0, length: 32) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try PBKDF2.derive(SHA256.self, password: p, salt: s, iterations: -5, length: 32) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try PBKDF2.derive(SHA256.self, password: p, salt: s, iterations: 1, length: 0) }
                == .invalidParameter)
        #expect(
            Self.code {
                _ = try PBKDF2.derive(SHA1.self, password: p, salt: s, iterations: 1, length: 20 * 0xFFFF_FFFF)
            } == .invalidParameter)
        #expect(
            Self.code { _ = try PBKDF2.derive(SHAKE128.self, password: p, salt: s, iterations: 1, length: 16) }
                == .unsupportedOperation)
        // Short salt, few iterations, short key: fine by default, refused with the SP 800-132 checks.
        #expect(try PBKDF2.derive(SHA256.self, password: p, salt: s, iterations: 1, length: 8).count == 8)
        let salt16 = [UInt8](repeating: 7, count: 16)
        #expect(
            Self.code {
                _ = try PBKDF2.derive(
                    SHA256.self, password: p, salt: s, iterations: 1000, length: 16, sp800132Checks: true)
            } == .invalidParameter)
        #expect(
            Self.code {
                _ = try PBKDF2.derive(
                    SHA256.self, password: p, salt: salt16, iterations: 999, length: 16, sp800132Checks: true)
            } == .invalidParameter)
        #expect(
            Self.code {
                _ = try PBKDF2.derive(
                    SHA256.self, password: p, salt: salt16, iterations: 1000, length: 13, sp800132Checks: true)
            } == .invalidParameter)
        #expect(
            try PBKDF2.derive(
                SHA256.self, password: p, salt: salt16, iterations: 1000, length: 14, sp800132Checks: true
            ).count == 14)
    }

    // MARK: PBKDF1

    /// `evpkdf_pbkdf1.txt` (MD2 only with the MD2 trait).
    @Test func pbkdf1OpenSSLVectors() throws {
        var ran = 0
        for (digest, pass, salt, iter, out) in V.pbkdf1 {
            guard let h = Self.hashType(digest) else { continue }
            let got = try PBKDF1.derive(
                h, password: Self.unhex(pass), salt: Self.unhex(salt), iterations: iter, length: out.count / 2)
            #expect(Self.hex(got) == out)
            ran += 1
        }
        #expect(ran >= 10)
    }

    /// `openssl kdf -keylen 20 -kdfopt digest:SHA1 -kdfopt pass:password -kdfopt salt:saltsalt
    /// -kdfopt iter:1000 -provider legacy -provider default PBKDF1`; and the length limit.
    @Test func pbkdf1CommandLineAndLimits() throws {
        #expect(
            Self.hex(
                try PBKDF1.derive(
                    SHA1.self, password: Self.ascii("password"), salt: Self.ascii("saltsalt"), iterations: 1000,
                    length: 20))
                == "f8833429b112582447bc66f433497f756e1840b5")
        #expect(
            Self.code { _ = try PBKDF1.derive(SHA1.self, password: [], salt: [], iterations: 1, length: 21) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try PBKDF1.derive(MD5.self, password: [], salt: [], iterations: 1, length: 17) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try PBKDF1.derive(MD5.self, password: [], salt: [], iterations: 1, length: 0) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try PBKDF1.derive(MD5.self, password: [], salt: [], iterations: 0, length: 16) }
                == .invalidParameter)
    }

    // MARK: HKDF

    /// RFC 5869 A.1 through the separate extract and expand steps.
    @Test func hkdfRFC5869Steps() throws {
        let prk = try HKDF.extract(
            SHA256.self, salt: Self.unhex("000102030405060708090a0b0c"),
            inputKeyMaterial: [UInt8](repeating: 0x0b, count: 22))
        #expect(Self.hex(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        let okm = try HKDF.expand(
            SHA256.self, pseudoRandomKey: prk, info: Self.unhex("f0f1f2f3f4f5f6f7f8f9"), length: 42)
        #expect(Self.hex(okm) == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
        // A.3: no salt and no info.
        let okm3 = try HKDF.derive(SHA256.self, key: [UInt8](repeating: 0x0b, count: 22), length: 42)
        #expect(
            Self.hex(okm3) == "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    }

    /// `evpkdf_hkdf.txt`: RFC 5869 A.1-A.7 in all three modes, and OpenSSL's failure cases.
    @Test func hkdfOpenSSLVectors() throws {
        #expect(V.hkdf.count == 24)  // 28 stanzas, less 2 without digest/key and 2 exact repeats
        for v in V.hkdf {
            let h = try #require(Self.hashType(v.digest))
            let mode = try #require(HKDF.Mode(rawValue: v.mode))
            let run = {
                try HKDF.derive(
                    h, mode: mode, key: Self.unhex(v.key), salt: Self.unhex(v.salt), info: Self.unhex(v.info),
                    length: v.output.count / 2)
            }
            if v.fails {
                #expect(Self.code { _ = try run() } == .invalidParameter)
            } else {
                #expect(Self.hex(try run()) == v.output)
            }
        }
    }

    /// `openssl kdf -keylen 77 -kdfopt digest:SHA512 -kdfopt hexkey:0b…(22 bytes) -kdfopt
    /// salt:NaCl -kdfopt info:context HKDF`.
    @Test func hkdfOpenSSLCommandLine() throws {
        let okm = try HKDF.derive(
            SHA512.self, key: [UInt8](repeating: 0x0b, count: 22), salt: Self.ascii("NaCl"),
            info: Self.ascii("context"), length: 77)
        #expect(
            Self.hex(okm)
                == "ea37dc7036d05857946271b8b2aae7c5634732ccfd2d2fcd9d7e7af3a0b499565416824380256738222422078634fdbcd4c6c7e8d11684f101fa79b33b26374f684273fee72a776dcceca9f774"
        )
    }

    @Test func hkdfLimits() throws {
        let prk = [UInt8](repeating: 1, count: 32)
        #expect(try HKDF.expand(SHA256.self, pseudoRandomKey: prk, length: 255 * 32).count == 255 * 32)
        #expect(
            Self.code { _ = try HKDF.expand(SHA256.self, pseudoRandomKey: prk, length: 255 * 32 + 1) }
                == .invalidParameter)
        #expect(Self.code { _ = try HKDF.derive(SHA1.self, key: prk, length: 255 * 20 + 1) } == .invalidParameter)
        #expect(Self.code { _ = try HKDF.derive(SHA256.self, key: prk, length: 0) } == .invalidParameter)
        #expect(
            Self.code { _ = try HKDF.derive(SHA256.self, mode: .extractOnly, key: prk, length: 33) }
                == .invalidParameter)
        #expect(
            try HKDF.derive(SHA256.self, key: prk, info: [UInt8](repeating: 0, count: 32 * 1024), length: 16).count
                == 16)
        #expect(
            Self.code {
                _ = try HKDF.derive(
                    SHA256.self, key: prk, info: [UInt8](repeating: 0, count: 32 * 1024 + 1), length: 16)
            } == .invalidParameter)
        #expect(Self.code { _ = try HKDF.derive(SHAKE256.self, key: prk, length: 16) } == .unsupportedOperation)
        #expect(HKDF.Mode(openSSLMode: 1) == .extractOnly)
        #expect(HKDF.Mode(openSSLMode: 3) == nil)
        // An empty key is allowed, as in OpenSSL (only a missing one is an error there).
        #expect(try HKDF.derive(SHA256.self, key: [], length: 32).count == 32)
    }

    #if SCRYPT
    // MARK: scrypt

    static let blockMixInput =
        "f7ce0b653d2d72a4108cf5abe912ffdd777616dbbb27a70e8204f3ae2d0f6fad89f68f4811d1e87bcc3bd7400a9ffd29094f0184639574f39ae5a1315217bcd7894991447213bb226c25b54da86370fbcd984380374666bb8ffcb5bf40c254b067d27c51ce4ad5fed829c90b505a571b7f4d1cad6a523cda770e67bceaaf7e89"

    /// RFC 7914 sections 8, 9 and 10: Salsa20/8 (as the first half of BlockMix with B = X || 0),
    /// BlockMix with r = 1, ROMix with N = 16, r = 1.
    @Test func scryptCoreRFC7914() {
        let salsaIn = Self.unhex(
            "7e879a214f3ec9867ca940e641718f26baee555b8c61c1b50df846116dcd3b1dee24f319df9b3d8514121e4b5ac5aa3276021d2909c74829edebc68db8b8c25e"
        )
        let mixed = Scrypt.blockMix(bytes: salsaIn + [UInt8](repeating: 0, count: 64), r: 1)
        #expect(
            Self.hex(Array(mixed[0..<64]))
                == "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81"
        )
        #expect(
            Self.hex(Scrypt.blockMix(bytes: Self.unhex(Self.blockMixInput), r: 1))
                == "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f8120edc975323881a80540f64c162dcd3c21077cfe5f8d5fe2b1a4168f953678b77d3b3d803b60e4ab920996e59b4d53b65d2a225877d5edf5842cb9f14eefe425"
        )
        #expect(
            Self.hex(Scrypt.roMix(bytes: Self.unhex(Self.blockMixInput), n: 16, r: 1))
                == "79ccc193629debca047f0b70604bf6b62ce3dd4a9626e355fafc6198e6ea2b46d58413673b99b029d665c357601fb426a0b2f4bba200ee9f0a43d19b571a9c71ef1142e65d5a266fddca832ce59faa7cac0b9cf1be2bffca300d01ee387619c4ae12fd4438f203a0e4e1c47ec314861f4e9087cb33396a6873e8f9d2539a4b8e"
        )
    }

    /// RFC 7914 section 12 and `evpkdf_scrypt.txt` (the same first three vectors). The fourth
    /// RFC vector (N = 1048576, r = 8) is left out: it needs 1 GiB of memory and seconds of CPU
    /// on a shared two-core machine; its parameters are checked to pass the default limit below.
    @Test func scryptVectors() throws {
        for (pass, salt, n, r, p, out) in V.scrypt {
            let run = {
                try Scrypt.derive(password: Self.unhex(pass), salt: Self.unhex(salt), n: n, r: r, p: p, length: 64)
            }
            if out.isEmpty {
                #expect(Self.code { _ = try run() } == .invalidParameter)
            } else {
                #expect(Self.hex(try run()) == out)
            }
        }
    }

    /// `openssl kdf -keylen 48 -kdfopt pass:secret -kdfopt salt:salty -kdfopt n:1024 -kdfopt r:2
    /// -kdfopt p:3 SCRYPT`, and `… -keylen 16 pass:x salt:y n:2 r:1 p:1`.
    @Test func scryptOpenSSLCommandLine() throws {
        #expect(
            Self.hex(
                try Scrypt.derive(
                    password: Self.ascii("secret"), salt: Self.ascii("salty"), n: 1024, r: 2, p: 3, length: 48))
                == "80a20273c5a4d24d869b0bb464ac8e5515e055193956b40f4d871ab0897b8bdd4715c29c5dea97d765e8960a68951025")
        #expect(
            Self.hex(try Scrypt.derive(password: Self.ascii("x"), salt: Self.ascii("y"), n: 2, r: 1, p: 1, length: 16))
                == "6d3bc87412205e133518976c8b8e7439")
    }

    /// OpenSSL's memory rule, 128·r·(N + p + 2) ≤ maxmem, at the exact boundary the command line
    /// shows: `openssl kdf -keylen 16 -kdfopt pass:x -kdfopt salt:y -kdfopt n:1024 -kdfopt r:8
    /// -kdfopt p:1 -kdfopt maxmem_bytes:M SCRYPT` fails for M = 1051647 and gives 09a1b0… for
    /// M = 1051648; with n:256 r:3 p:4 it fails for 100607 and succeeds for 100608.
    @Test func scryptMemoryLimit() throws {
        #expect(Scrypt.memoryRequired(n: 1024, r: 8, p: 1) == 1_051_648)
        #expect(Scrypt.memoryRequired(n: 256, r: 3, p: 4) == 100_608)
        let x = Self.ascii("x")
        let y = Self.ascii("y")
        #expect(
            Self.code {
                _ = try Scrypt.derive(password: x, salt: y, n: 1024, r: 8, p: 1, length: 16, maxMemory: 1_051_647)
            } == .invalidParameter)
        #expect(
            Self.hex(try Scrypt.derive(password: x, salt: y, n: 1024, r: 8, p: 1, length: 16, maxMemory: 1_051_648))
                == "09a1b0427168ebd4141cc19dae05ee90")
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: y, n: 256, r: 3, p: 4, length: 8, maxMemory: 100_607) }
                == .invalidParameter)
        #expect(
            Self.hex(try Scrypt.derive(password: x, salt: y, n: 256, r: 3, p: 4, length: 8, maxMemory: 100_608))
                == "31b1b905674db754")
        // Default limit 1025 MiB: RFC 7914's N = 2^20, r = 8 fits; 2^21 and absurd sizes throw
        // straight away (nothing is allocated, so these return at once).
        #expect(Scrypt.defaultMaxMemory == 1025 * 1024 * 1024)
        #expect(try #require(Scrypt.memoryRequired(n: 1 << 20, r: 8, p: 1)) <= Scrypt.defaultMaxMemory)
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: y, n: 1 << 21, r: 8, p: 1, length: 16) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: y, n: 1 << 40, r: 8, p: 1, length: 16) }
                == .invalidParameter)
        #expect(
            Self.code {
                _ = try Scrypt.derive(
                    password: x, salt: y, n: 1 << 62, r: 1 << 20, p: 1, length: 16, maxMemory: Int.max)
            } == .invalidParameter)
        #expect(
            Self.code {
                _ = try Scrypt.derive(password: x, salt: y, n: 1 << 30, r: 8, p: 1, length: 16, maxMemory: 1 << 20)
            } == .invalidParameter)
    }

    @Test func scryptBadParameters() {
        let x = Self.ascii("x")
        for n in [-2, 0, 1, 3, 1000, 1025] {
            #expect(
                Self.code { _ = try Scrypt.derive(password: x, salt: x, n: n, r: 1, p: 1, length: 16) }
                    == .invalidParameter)
        }
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: x, n: 16, r: 0, p: 1, length: 16) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: x, n: 16, r: 1, p: 0, length: 16) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: x, n: 16, r: 1, p: 1, length: 0) } == .invalidParameter
        )
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: x, n: 16, r: 1, p: 1, length: 16, maxMemory: 0) }
                == .invalidParameter)
        // p·r ≥ 2^30 and N ≥ 2^(16·r) are refused as in OpenSSL (`openssl kdf … n:65536 r:1`
        // fails with "memory limit exceeded", n:32768 r:1 succeeds).
        #expect(
            Self.code {
                _ = try Scrypt.derive(
                    password: x, salt: x, n: 16, r: 1 << 15, p: 1 << 15, length: 16, maxMemory: Int.max)
            } == .invalidParameter)
        #expect(
            Self.code { _ = try Scrypt.derive(password: x, salt: x, n: 65536, r: 1, p: 1, length: 8) }
                == .invalidParameter)
    }
    #endif

    // MARK: EVP_BytesToKey and enc

    /// `openssl enc -<cipher> -md <md> -S <salt> -pass pass:<p> -P` (the deprecated derivation).
    @Test func evpBytesToKeyCommandLine() throws {
        let cases: [(any HashFunction.Type, String, String?, Int, Int, String, String)] = [
            (
                MD5.self, "x", "0102030405060708", 16, 16, "df39ded3e3f345cebb53bf088aac6d3e",
                "3056c591d7268aa6dcbcb8ce622b9155"
            ),
            (
                SHA256.self, "password", "0102030405060708", 32, 16,
                "2435177f1410536baad2acc155c0f94783d58384573cb0f72157443606285d3f", "f96efc044e0f1613bf324245c95e7411"
            ),
            (
                MD5.self, "secret", "a1b2c3d4e5f60718", 32, 16,
                "0f973356e2eec66bacd3397c5d1d787437a6a3417d6f76637e2f22c9becba5eb", "e38fb0ede7f4055e3bc9df82b10ad62b"
            ),
            (
                SHA1.self, "hello", "0011223344556677", 24, 8, "adffe040469837d8eb4e74c8fc9f84c86c7e834d37b7d331",
                "8d0ce8fc7cd58379"
            ),
            (
                SHA512.self, "nosalt", nil, 24, 16, "b0e4c4d5c8e47a73a017f9e6541e990419aade89c5845cf8",
                "f454f68a506d32c8e43e0d0c915ca38f"
            ),
        ]
        for (h, pass, salt, kl, il, key, iv) in cases {
            let (k, i) = try EVPBytesToKey.derive(
                h, password: Self.ascii(pass), salt: salt.map(Self.unhex), keyLength: kl, ivLength: il)
            #expect(Self.hex(k) == key)
            #expect(Self.hex(i) == iv)
        }
    }

    /// `openssl enc -aes-256-cbc -pbkdf2 -iter 1000 -md sha256 -S 0102030405060708 -pass
    /// pass:password -P`, and `-aes-128-cbc -pbkdf2 -md sha512 -S f0e1d2c3b4a59687 -pass
    /// "pass:correct horse" -P` (default 10000 iterations).
    @Test func encPBKDF2CommandLine() throws {
        let (k1, i1) = try OpenSSLSaltedFormat.deriveKeyAndIV(
            SHA256.self, password: Self.ascii("password"), salt: Self.unhex("0102030405060708"),
            keyLength: 32, ivLength: 16, pbkdf2Iterations: 1000)
        #expect(Self.hex(k1) == "5ce847a8c3daa60b98da70c6b06031296d2534320c3431813b84b3fa4473c54d")
        #expect(Self.hex(i1) == "92918b1c19d3215a6fa510f1591af42b")
        let (k2, i2) = try OpenSSLSaltedFormat.deriveKeyAndIV(
            SHA512.self, password: Self.ascii("correct horse"), salt: Self.unhex("f0e1d2c3b4a59687"),
            keyLength: 16, ivLength: 16, pbkdf2Iterations: 10000)
        #expect(Self.hex(k2) == "2677bc79eb9224d16744bf56911e2377")
        #expect(Self.hex(i2) == "07bddd55e5e0d3f059c3b8a5c45ed1ef")
    }

    /// Files written by `openssl enc -aes-128-cbc -md sha256 -pass pass:secret` and
    /// `openssl enc -aes-256-cbc -pbkdf2 -pass pass:secret` (random salts): parse the
    /// `Salted__` header, derive key and IV, decrypt with the registry's CBC.
    @Test func encSaltedFilesRoundTrip() throws {
        let legacy = Self.unhex(
            "53616c7465645f5f5ba2aee2e6cb00e47e4c10fca4399cf371b03189555c0e2551787cb236392c6f7fd44828364183db9a2666581ef30d89bd1f088bb3196703"
        )
        let (salt1, body1) = try OpenSSLSaltedFormat.parse(legacy)
        #expect(Self.hex(salt1) == "5ba2aee2e6cb00e4")
        let (k1, i1) = try OpenSSLSaltedFormat.deriveKeyAndIV(
            SHA256.self, password: Self.ascii("secret"), salt: salt1, keyLength: 16, ivLength: 16)
        let pt1 = try Registry.cipher(named: "aes-128-cbc").decrypt(body1, key: k1, iv: i1)
        #expect(String(decoding: pt1, as: UTF8.self) == "The quick brown fox jumps over the lazy dog.")

        let pbkdf2 = Self.unhex(
            "53616c7465645f5f65aa231df26e1cc43e8015b2e57028a7b3b87ae73a288eb99e421b879bd74c7dcb779863b21973d9cd21cfbf3bf49f369b197b8b9606709e"
        )
        let (salt2, body2) = try OpenSSLSaltedFormat.parse(pbkdf2)
        let (k2, i2) = try OpenSSLSaltedFormat.deriveKeyAndIV(
            SHA256.self, password: Self.ascii("secret"), salt: salt2, keyLength: 32, ivLength: 16,
            pbkdf2Iterations: 10000)
        let pt2 = try Registry.cipher(named: "aes-256-cbc").decrypt(body2, key: k2, iv: i2)
        #expect(String(decoding: pt2, as: UTF8.self) == "The quick brown fox jumps over the lazy dog.")

        #expect(try OpenSSLSaltedFormat.header(salt: salt2) == Array(pbkdf2[0..<16]))
    }

    @Test func evpBytesToKeyParameters() throws {
        let p = Self.ascii("pw")
        #expect(
            Self.code {
                _ = try EVPBytesToKey.derive(MD5.self, password: p, salt: [1, 2, 3], keyLength: 16, ivLength: 16)
            } == .invalidParameter)
        #expect(
            Self.code {
                _ = try EVPBytesToKey.derive(
                    MD5.self, password: p, salt: [UInt8](repeating: 0, count: 9), keyLength: 16, ivLength: 16)
            } == .invalidParameter)
        #expect(
            Self.code {
                _ = try EVPBytesToKey.derive(MD5.self, password: p, salt: nil, count: 0, keyLength: 16, ivLength: 16)
            } == .invalidParameter)
        #expect(
            Self.code { _ = try EVPBytesToKey.derive(MD5.self, password: p, salt: nil, keyLength: 65, ivLength: 0) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try EVPBytesToKey.derive(MD5.self, password: p, salt: nil, keyLength: 16, ivLength: 17) }
                == .invalidParameter)
        #expect(
            Self.code { _ = try OpenSSLSaltedFormat.parse(Self.ascii("Salted_!12345678xxxx")) } == .invalidParameter)
        #expect(Self.code { _ = try OpenSSLSaltedFormat.parse(Self.ascii("Salted__1234567")) } == .invalidParameter)
        #expect(Self.code { _ = try OpenSSLSaltedFormat.header(salt: [1]) } == .invalidParameter)
        // count > 1: D_i = H^count(D_{i-1} || P || S), checked against the definition.
        let salt: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let (k, i) = try EVPBytesToKey.derive(MD5.self, password: p, salt: salt, count: 3, keyLength: 20, ivLength: 8)
        let d1 = MD5.hash(MD5.hash(MD5.hash(p + salt)))
        let d2 = MD5.hash(MD5.hash(MD5.hash(d1 + p + salt)))
        #expect(k + i == Array((d1 + d2)[0..<28]))
        let (k0, i0) = try EVPBytesToKey.derive(MD5.self, password: p, salt: nil, keyLength: 0, ivLength: 0)
        #expect(k0.isEmpty && i0.isEmpty)
    }

    // MARK: PKCS #12 KDF

    /// `evppbe_pkcs12.txt`, with the passwords "smeg" and "queeg" built by `bmpPassword`.
    @Test func pkcs12OpenSSLVectors() throws {
        #expect(Self.hex(PKCS12KDF.bmpPassword("smeg")) == "0073006d006500670000")
        #expect(Self.hex(PKCS12KDF.bmpPassword("queeg")) == "007100750065006500670000")
        for (id, iter, digest, pass, salt, key) in V.pkcs12 {
            let h = try #require(Self.hashType(digest))
            let purpose = try #require(PKCS12KDF.Purpose(rawValue: id))
            let got = try PKCS12KDF.derive(
                h, password: Self.unhex(pass), salt: Self.unhex(salt), purpose: purpose, iterations: iter,
                length: key.count / 2)
            #expect(Self.hex(got) == key)
        }
    }

    /// The provider KDF takes the password as raw octets: `openssl kdf -keylen 32 -kdfopt
    /// digest:SHA256 -kdfopt hexpass:<P> -kdfopt hexsalt:0102030405060708 -kdfopt iter:2048
    /// -kdfopt id:1 PKCS12KDF` with P = the BMPString of "password"
    /// (00700061…00640000), and `-keylen 100 … digest:SHA512 … iter:3 … id:3`; with
    /// `-kdfopt pass:password` (the ASCII bytes, no conversion) the first gives 7a3a8ce7….
    @Test func pkcs12OpenSSLCommandLine() throws {
        let pw = PKCS12KDF.bmpPassword("password")
        let salt = Self.unhex("0102030405060708")
        #expect(Self.hex(pw) == "00700061007300730077006f007200640000")
        #expect(
            Self.hex(
                try PKCS12KDF.derive(SHA256.self, password: pw, salt: salt, purpose: .key, iterations: 2048, length: 32)
            )
                == "d8fb52dd9042c1031f9a18e5957a3be69ead00cf867836e84f3363150bd5657a")
        #expect(
            Self.hex(
                try PKCS12KDF.derive(SHA512.self, password: pw, salt: salt, purpose: .mac, iterations: 3, length: 100))
                == "874b4e76f85e7102ab83a48b61259f8fd2aa28e6b24872274eea4d65c84890745761b874a352402c45ce63bbf14b2509158e2699cad6093c58fb596c735c92f1f956319c047be145f95cfbb1efdda81331f94722f23c0508b4012d7ceec9795facd84f8a"
        )
        #expect(
            Self.hex(
                try PKCS12KDF.derive(
                    SHA256.self, password: Self.ascii("password"), salt: salt, id: 1, iterations: 2048, length: 32))
                == "7a3a8ce7fc55f75be681a8f9d54cf2595b9ce5185233e76bbb837b3204e331ae")
    }

    @Test func pkcs12Parameters() throws {
        #expect(PKCS12KDF.bmpPassword("") == [0, 0])
        // U+1F600 is outside the BMP: a surrogate pair, big-endian.
        #expect(Self.hex(PKCS12KDF.bmpPassword("a\u{1F600}é")) == "0061d83dde0000e90000")
        #expect(
            Self.code {
                _ = try PKCS12KDF.derive(
                    SHA1.self, password: [0, 0], salt: [1], purpose: .key, iterations: 0, length: 8)
            } == .invalidParameter)
        #expect(
            Self.code {
                _ = try PKCS12KDF.derive(
                    SHA1.self, password: [0, 0], salt: [1], purpose: .key, iterations: 1, length: 0)
            } == .invalidParameter)
        // Empty password and empty salt are both allowed (their blocks are left out).
        #expect(
            try PKCS12KDF.derive(SHA1.self, password: [], salt: [], purpose: .iv, iterations: 1, length: 45).count == 45
        )
    }

    // MARK: X9.63 KDF

    /// `evpkdf_x963.txt` (NIST CAVS X9.63 KDF vectors).
    @Test func x963OpenSSLVectors() throws {
        #expect(V.x963.count == 15)
        for (digest, secret, info, out) in V.x963 {
            let h = try #require(Self.hashType(digest))
            let got = try X963KDF.derive(
                h, sharedSecret: Self.unhex(secret), sharedInfo: Self.unhex(info), length: out.count / 2)
            #expect(Self.hex(got) == out)
        }
    }

    /// `openssl kdf -keylen 50 -kdfopt digest:SHA256 -kdfopt hexsecret:00112233445566778899
    /// -kdfopt hexinfo: X963KDF`; and the limits.
    @Test func x963CommandLineAndLimits() throws {
        #expect(
            Self.hex(try X963KDF.derive(SHA256.self, sharedSecret: Self.unhex("00112233445566778899"), length: 50))
                == "7bf074a64f57dd359574e0c592890356dcc2f985fb06185431bfad68be0e0d7cc14439b73f1e223b4a1eba5008dd528ddda2"
        )
        #expect(Self.code { _ = try X963KDF.derive(SHA256.self, sharedSecret: [1], length: 0) } == .invalidParameter)
        #expect(
            Self.code { _ = try X963KDF.derive(SHA256.self, sharedSecret: [1], length: (1 << 30) + 1) }
                == .invalidParameter)
    }

    // MARK: Existentials

    /// Callers hold `any HashFunction.Type` from a registry; Swift opens it for the generic KDFs.
    @Test func existentialDigestTypes() throws {
        let types: [any HashFunction.Type] = [SHA1.self, SHA256.self, SHA512.self]
        for t in types {
            let a = try PBKDF2.derive(t, password: [1], salt: [2], iterations: 2, length: 40)
            let b = try HKDF.derive(t, key: [1], salt: [2], info: [3], length: 40)
            let c = try X963KDF.derive(t, sharedSecret: [1], length: 40)
            let d = try PKCS12KDF.derive(t, password: [0, 0], salt: [2], purpose: .key, iterations: 2, length: 40)
            #expect(Set([a, b, c, d]).count == 4)
        }
    }
}

/// Stanzas transcribed from OpenSSL 3.0.22's `test/recipes/30-test_evp_data/` files, values
/// copied unchanged (text controls such as `pass:password` shown as hex).
enum MACKDFVectors {
    /// evpmac_poly1305.txt (`Poly1305` and `Poly1305 by EVP_PKEY` stanzas): (key, input, tag).
    static let poly1305: [(String, String, String)] = [
        (
            "0000000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000"
        ),
        (
            "0000000000000000000000000000000036e5f6b5c5e06070f0efca96227a863e",
            "416e79207375626d697373696f6e20746f20746865204945544620696e74656e6465642062792074686520436f6e7472696275746f7220666f72207075626c69636174696f6e20617320616c6c206f722070617274206f6620616e204945544620496e7465726e65742d4472616674206f722052464320616e6420616e792073746174656d656e74206d6164652077697468696e2074686520636f6e74657874206f6620616e204945544620616374697669747920697320636f6e7369646572656420616e20224945544620436f6e747269627574696f6e222e20537563682073746174656d656e747320696e636c756465206f72616c2073746174656d656e747320696e20494554462073657373696f6e732c2061732077656c6c206173207772697474656e20616e6420656c656374726f6e696320636f6d6d756e69636174696f6e73206d61646520617420616e792074696d65206f7220706c6163652c207768696368206172652061646472657373656420746f",
            "36e5f6b5c5e06070f0efca96227a863e"
        ),
        (
            "36e5f6b5c5e06070f0efca96227a863e00000000000000000000000000000000",
            "416e79207375626d697373696f6e20746f20746865204945544620696e74656e6465642062792074686520436f6e7472696275746f7220666f72207075626c69636174696f6e20617320616c6c206f722070617274206f6620616e204945544620496e7465726e65742d4472616674206f722052464320616e6420616e792073746174656d656e74206d6164652077697468696e2074686520636f6e74657874206f6620616e204945544620616374697669747920697320636f6e7369646572656420616e20224945544620436f6e747269627574696f6e222e20537563682073746174656d656e747320696e636c756465206f72616c2073746174656d656e747320696e20494554462073657373696f6e732c2061732077656c6c206173207772697474656e20616e6420656c656374726f6e696320636f6d6d756e69636174696f6e73206d61646520617420616e792074696d65206f7220706c6163652c207768696368206172652061646472657373656420746f",
            "f3477e7cd95417af89a6b8794c310cf0"
        ),
        (
            "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
            "2754776173206272696c6c69672c20616e642074686520736c6974687920746f7665730a446964206779726520616e642067696d626c6520696e2074686520776162653a0a416c6c206d696d737920776572652074686520626f726f676f7665732c0a416e6420746865206d6f6d65207261746873206f757467726162652e",
            "4541669a7eaaee61e708dc7cbcc5eb62"
        ),
        (
            "0200000000000000000000000000000000000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffff",
            "03000000000000000000000000000000"
        ),
        (
            "02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
            "02000000000000000000000000000000",
            "03000000000000000000000000000000"
        ),
        (
            "0100000000000000000000000000000000000000000000000000000000000000",
            "fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff11000000000000000000000000000000",
            "05000000000000000000000000000000"
        ),
        (
            "0100000000000000000000000000000000000000000000000000000000000000",
            "fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe01010101010101010101010101010101",
            "00000000000000000000000000000000"
        ),
        (
            "0200000000000000000000000000000000000000000000000000000000000000",
            "fdffffffffffffffffffffffffffffff",
            "faffffffffffffffffffffffffffffff"
        ),
        (
            "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b",
            "43727970746f6772617068696320466f72756d2052657365617263682047726f7570",
            "a8061dc1305136c6c22b8baf0c0127a9"
        ),
        (
            "851fc40c3467ac0be05cc20404f3f700580b3b0f9447bb1e69d095b5928b6dbc",
            "f3f6",
            "f4c633c3044fc145f84f335cb81953de"
        ),
        (
            "48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef",
            "663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136",
            "0ee1c16bb73f0f4fd19881753c01cdbe"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9",
            "5154ad0d2cb26e01274fc51148491f1b"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af",
            "812059a5da198637cac7c4a631bee466"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67",
            "5b88d7f6228b11e2e28579a5c0c1f761"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136",
            "bbb613b2b6d753ba07395b916aaece15"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24",
            "c794d7057d1778c4bbee0a39b3d97342"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136",
            "ffbcb9b371423152d7fca5ad042fbaa9"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136812059a5da198637cac7c4a631bee466",
            "069ed6b8ef0f207b3e243bb1019fe632"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136812059a5da198637cac7c4a631bee4665b88d7f6228b11e2e28579a5c0c1f761",
            "cca339d9a45fa2368c2c68b3a4179133"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136812059a5da198637cac7c4a631bee4665b88d7f6228b11e2e28579a5c0c1f761ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136",
            "53f6e828a2f0fe0ee815bf0bd5841a34"
        ),
        (
            "12976a08c4426d0ce8a82407c4f4820780f8c20aa71202d1e29179cbcb555a57",
            "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136812059a5da198637cac7c4a631bee4665b88d7f6228b11e2e28579a5c0c1f761ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9af48443d0bb0d21109c89a100b5ce2c20883149c69b561dd88298a1798b10716ef663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136812059a5da198637cac7c4a631bee4665b88d7f6228b11e2e28579a5c0c1f761",
            "b846d44e9bbd53cedffbfbb6b7fa4933"
        ),
        (
            "ad628107e8351d0f2c231a05dc4a410600000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "07145a4c02fe5fa32036de68fabe9066"
        ),
        (
            "95d5c005503e510d8cd0aa072c4a4d066eabc52d11653df47fbf63ab198bcc26",
            "842364e156336c0998b933a6237726180d9e3fdcbde4cd5d17080fc3beb49614d7122c037463ff104d73f19c12704628d417c4c54a3fe30d3c3d7714382d43b0382a50a5dee54be844b076e8df88201a1cd43b90eb21643fa96f39b518aa8340c942ff3c31baf7c9bdbf0f31ae3fa096bf8c63030609829fe72e179824890bc8e08c315c1cce2a83144dbbff09f74e3efc770b54d0984a8f19b14719e63635641d6b1eedf63efbf080e1783d32445412114c20de0b837a0dfa33d6b82825fff44c9a70ea54ce47f07df698e6b03323b53079364a5fc3e9dd034392bdde86dccdda94321c5e44060489336cb65bf3989c36f7282c2f5d2b882c171e74",
            "f248312e578d9d58f8b7bb4d19105431"
        ),
        (
            "000102030405060708090a0b0c0d0e0f00000000000000000000000000000000",
            "248ac31085b6c2adaaa38259a0d7192c5c35d1bb4ef39ad94c38d1c82479e2dd2159a077024b0589bc8a20101b506f0a1ad0bbab76e83a83f1b94be6beae74e874cab692c5963a75436b776121ec9f62399a3e66b2d22707dae81933b6277f3c8516bcbe26dbbd86f373103d7cf4cad1888c952118fbfbd0d7b4bedc4ae4936aff91157e7aa47c54442ea78d6ac251d324a0fbe49d89cc3521b66d16e9c66a3709894e4eb0a4eedc4ae19468e66b81f271351b1d921ea551047abcc6b87a901fde7db79fa1818c11336dbc07244a40eb",
            "bc939bc5281480fa99c6d68c258ec42f"
        ),
        (
            "746869732069732033322d62797465206b657920666f7220506f6c7931333035",
            "48656c6c6f20776f726c6421",
            "a6f745008f81c916a20dcc74eef2b2f0"
        ),
        (
            "746869732069732033322d62797465206b657920666f7220506f6c7931333035",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "49ec78090e481ec6c26b33b91ccc0307"
        ),
        (
            "2d773be37adb1e4d683bf0075e79c4ee037918535a7f99ccb7040fb5f5f43aea",
            "89dab80b7717c1db5db437860a3f70218e93e1b8f461fb677f16f35f6f87e2a91c99bc3a47ace47640cc95c345be5ecca5a3523c35cc01893af0b64a620334270372ec12482d1b1e363561698a578b359803495bb4e2ef1930b17a5190b580f141300df30adbeca28f6427a8bc1a999fd51c554a017d095d8c3e3127daf9f595",
            "c85d15ed44c378d6b00e23064c7bcd51"
        ),
        (
            "99e5822dd4173c995e3dae0ddefb97743fde3b080134b39f76e9bf8d0e88d546",
            "000000000000000b170303020000000006db1f1f368d696a810a349c0c714c9a5e7850c2407d721acded95e018d7a85266a6e1289cdb4aeb18da5ac8a2b0026d24a59ad485227f3eaedbb2e7e35e1c66cd60f9abf716dcc9ac42682dd7dab287a7024c4eefc321cc0574e16793e37cec03c5bda42b54c114a80b57af26416c7be742005e20855c73e21dc8e2edc9d435cb6f6059280011c270b71570051c1c9b3052126620bc1e2730fa066c7a509d53c60e5ae1b40aa6e39e49669228c90eecb4a50db32a50bc49e90b4f4b359a1dfd11749cd3867fcf2fb7bb6cd4738f6a4ad6f7ca5058f7618845af9f020f6c3b967b8f4cd4a91e2813b507ae66f2d35c18284f7292186062e10fd5510d18775351ef334e7634ab4743f5b68f49adcab384d3fd75f7390f4006ef2a295c8c7a076ad54546cd25d2107fbe1436c840924aaebe5b370893cd63d1325b8616fc4810886bc152c53221b6df373119393255ee72bcaa880174f1717f9184fa91646f17a24ac55d16bfddca9581a92eda479201f0edbf633600d6066d1ab36d5d2415d71351bbcd608a25108d25641992c1f26c531cf9f90203bc4cc19f5927d834b0a47116d3884bbb164b8ec883d1ac832e56b3918a98601a08d171881541d594db399c6ae6151221745aec814c45b0b05b565436fd6f137aa10a0c0b643761dbd6f9a9dcb99b1a6e690854ce0769cde39761d82fcdec15f0d92d7d8e94ade8eb83fbe0",
            "2637408fe13086ea73f971e3425e2820"
        ),
        (
            "7f1b02640000000000000000000000000000000000000000cccccccccccccccc",
            "cccccccccccccccccccccccccccccccccccccccccccccccccc80ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccceccccccccccccccccccccccccccccccccccccc5cccccccccccccccccccccccccccccccccccccccccce3ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccaccccccccccccccccccccce6cccccccccc000000afccccccccccccccccccfffffff5000000000000000000000000000000000000000000000000000000ffffffe70000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000719205a8521dfc",
            "8559b876eceed66eb37798c0457baff9"
        ),
        (
            "e00016000000000000000000000000000000aaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa000000000000000000800264",
            "00bd1258978e205444c9aaaa82006fed"
        ),
        (
            "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
            "02fc",
            "06120c0c0c0c0c0c0c0c0c0c0c0c0c0c"
        ),
        (
            "00ff000000000000000000000000000000000000001e00000000000000007b7b",
            "7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7a7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b5c7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b6e7b007b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7a7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b5c7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b6e7b001300000000b300000000000000000000000000000000000000000000f20000000000000000000000000000000000002000efff0009000000000000000000000000100000000009000000640000000000000000000000001300000000b300000000000000000000000000000000000000000000f20000000000000000000000000000000000002000efff00090000000000000000007a000010000000000900000064000000000000000000000000000000000000000000000000fc",
            "33205bbf9e9f8f7212ab9e2ab9b7e4a5"
        ),
        (
            "0000007f0000007f01000020000000000000cf77777777777777777777777777",
            "77777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777ffffffe9e9acacacacacacacacacacac0000acacec0100acacac2caca2acacacacacacacacacacac64f2",
            "02ee7c8c546ddeb1a467e4c3981158b9"
        ),
        (
            "eea6a7251c1e72916d11c2cb214d3c252539121d8e234e652d651fa4c8cff880",
            "8e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e355a5",
            "f3ffc7703f9400e52a7dfb4b3d3305d9"
        ),
        (
            "0200000000000000000000000000000000000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffff",
            "03000000000000000000000000000000"
        ),
        (
            "02000000000000000000000000000000ffffffffffffffffffffffffffffffff",
            "02000000000000000000000000000000",
            "03000000000000000000000000000000"
        ),
        (
            "0100000000000000000000000000000000000000000000000000000000000000",
            "fffffffffffffffffffffffffffffffff0ffffffffffffffffffffffffffffff11000000000000000000000000000000",
            "05000000000000000000000000000000"
        ),
        (
            "0100000000000000000000000000000000000000000000000000000000000000",
            "fffffffffffffffffffffffffffffffffbfefefefefefefefefefefefefefefe01010101010101010101010101010101",
            "00000000000000000000000000000000"
        ),
        (
            "0200000000000000000000000000000000000000000000000000000000000000",
            "fdffffffffffffffffffffffffffffff",
            "faffffffffffffffffffffffffffffff"
        ),
        (
            "0100000000000000040000000000000000000000000000000000000000000000",
            "e33594d7505e43b900000000000000003394d7505e4379cd01000000000000000000000000000000000000000000000001000000000000000000000000000000",
            "14000000000000005500000000000000"
        ),
        (
            "0100000000000000040000000000000000000000000000000000000000000000",
            "e33594d7505e43b900000000000000003394d7505e4379cd010000000000000000000000000000000000000000000000",
            "13000000000000000000000000000000"
        ),
        (
            "0000000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000"
        ),
        (
            "0000000000000000000000000000000036e5f6b5c5e06070f0efca96227a863e",
            "416e79207375626d697373696f6e20746f20746865204945544620696e74656e6465642062792074686520436f6e7472696275746f7220666f72207075626c69636174696f6e20617320616c6c206f722070617274206f6620616e204945544620496e7465726e65742d4472616674206f722052464320616e6420616e792073746174656d656e74206d6164652077697468696e2074686520636f6e74657874206f6620616e204945544620616374697669747920697320636f6e7369646572656420616e20224945544620436f6e747269627574696f6e222e20537563682073746174656d656e747320696e636c756465206f72616c2073746174656d656e747320696e20494554462073657373696f6e732c2061732077656c6c206173207772697474656e20616e6420656c656374726f6e696320636f6d6d756e69636174696f6e73206d61646520617420616e792074696d65206f7220706c6163652c207768696368206172652061646472657373656420746f",
            "36e5f6b5c5e06070f0efca96227a863e"
        ),
        (
            "36e5f6b5c5e06070f0efca96227a863e00000000000000000000000000000000",
            "416e79207375626d697373696f6e20746f20746865204945544620696e74656e6465642062792074686520436f6e7472696275746f7220666f72207075626c69636174696f6e20617320616c6c206f722070617274206f6620616e204945544620496e7465726e65742d4472616674206f722052464320616e6420616e792073746174656d656e74206d6164652077697468696e2074686520636f6e74657874206f6620616e204945544620616374697669747920697320636f6e7369646572656420616e20224945544620436f6e747269627574696f6e222e20537563682073746174656d656e747320696e636c756465206f72616c2073746174656d656e747320696e20494554462073657373696f6e732c2061732077656c6c206173207772697474656e20616e6420656c656374726f6e696320636f6d6d756e69636174696f6e73206d61646520617420616e792074696d65206f7220706c6163652c207768696368206172652061646472657373656420746f",
            "f3477e7cd95417af89a6b8794c310cf0"
        ),
        (
            "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
            "2754776173206272696c6c69672c20616e642074686520736c6974687920746f7665730a446964206779726520616e642067696d626c6520696e2074686520776162653a0a416c6c206d696d737920776572652074686520626f726f676f7665732c0a416e6420746865206d6f6d65207261746873206f757467726162652e",
            "4541669a7eaaee61e708dc7cbcc5eb62"
        ),
    ]
    /// evpciph_chacha.txt, chacha20-poly1305: (key, iv, aad, tag, plaintext, ciphertext, result).
    static let chachaPoly:
        [(key: String, iv: String, aad: String, tag: String, plaintext: String, ciphertext: String, result: String)] = [
            (
                "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f", "070000004041424344454647",
                "50515253c0c1c2c3c4c5c6c7", "1ae10b594f09e26a7e902ecbd0600691",
                "4c616469657320616e642047656e746c656d656e206f662074686520636c617373206f66202739393a204966204920636f756c64206f6666657220796f75206f6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73637265656e20776f756c642062652069742e",
                "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116",
                ""
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "000000000102030405060708",
                "f33388860000000000004e91", "eead9d67890cbb22392336fea1851f38",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67726573732e2fe2809d",
                "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b",
                ""
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "0102030405060708",
                "f33388860000000000004e91", "eead9d67890cbb22392336fea1851f38",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67726573732e2fe2809d",
                "", "INVALID_IV_LENGTH"
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "000000000102030405060708",
                "f33388860000000000004e91", "eead9d67890cbb22392336fea1851f39",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67726573732e2fe2809d",
                "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b",
                "CIPHERFINAL_ERROR"
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "000000000102030405060708",
                "f33388860000000000004e91", "d96119a40cd17f2527306866a3ef0413",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d4472616674732061732072",
                "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a",
                ""
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "000000000102030405060708",
                "f33388860000000000004e91", "53aee3189d2b747032378a6186feb43f",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67",
                "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c299da65ba25e6a85842bf0440fd98a9a2266b061c4b3a13327c090f9a0789f58aad805275e4378a525f19232bfbfb749ede38480f405cf43ec2f1f8619ebcbc80a89e92a859c7911e674977ab17d4a7126a6b8a477358ff14a344d276ef6e504e10268ac3619fcf90c2d6c03fc2e3d1f290d9bf26c1fa1495dd8f97eec6229a55c2354e4524143551a5cc370a1c622c9390530cff21c3e1ed50c5e3daf97518ccce34156bdbd7eafab8bd417aef25c6c927301731bd319d247a1d5c3186ed10bfd9a7a24bac30e3e4503ed9204154d338b79ea276e7058e7f20f4d4fd1ac93d63f611af7b6d006c2a72add0eedc497b19cb30a198816664f0da00155f2e2d6ac61",
                ""
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "000000000102030405060708",
                "f33388860000000000004e91", "e0723bce23528ce6ccb10ff9627038bf",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d",
                "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c299da65ba25e6a85842bf0440fd98a9a2266b061c4b3a13327c090f9a0789f58aad805275e4378a525f19232bfbfb749ede38480f405cf43ec2f1f8619ebcbc80a89e92a859c7911e674977ab17d4a7126a6b8a477358ff14a344d276ef6e504e10268ac3619fcf90c2d6c03fc2e3d1f290d9bf26c1fa1495dd8f97eec6229a55c2354e4524143551a5cc370a1c622c9390530cff21c3e1ed50c5e3daf97518ccce34156bdbd7eafab8bd417aef25c6c927301731bd319d247a1d5c3186ed10bfd9a7a24bac30e3e4503ed9204154d338b79ea276e7058e7f20f4d4fd1ac93d63f611af7b6d006c2a72add0eedc497b19cb30a198816664f0da00155f2e2d6ac61045b296d614301e0ad4983308028850dd4feffe3a8163970306e4047f5a165cb4befbc129729cd2e286e837e9b606486d402acc3dec5bf8b92387f6e486f2140",
                ""
            ),
            (
                "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "ff000000000102030405060708",
                "f33388860000000000004e91", "e0723bce23528ce6ccb10ff9627038bf",
                "496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d",
                "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c299da65ba25e6a85842bf0440fd98a9a2266b061c4b3a13327c090f9a0789f58aad805275e4378a525f19232bfbfb749ede38480f405cf43ec2f1f8619ebcbc80a89e92a859c7911e674977ab17d4a7126a6b8a477358ff14a344d276ef6e504e10268ac3619fcf90c2d6c03fc2e3d1f290d9bf26c1fa1495dd8f97eec6229a55c2354e4524143551a5cc370a1c622c9390530cff21c3e1ed50c5e3daf97518ccce34156bdbd7eafab8bd417aef25c6c927301731bd319d247a1d5c3186ed10bfd9a7a24bac30e3e4503ed9204154d338b79ea276e7058e7f20f4d4fd1ac93d63f611af7b6d006c2a72add0eedc497b19cb30a198816664f0da00155f2e2d6ac61045b296d614301e0ad4983308028850dd4feffe3a8163970306e4047f5a165cb4befbc129729cd2e286e837e9b606486d402acc3dec5bf8b92387f6e486f2140",
                "INVALID_IV_LENGTH"
            ),
        ]
    /// evpmac_common.txt and evpmac_cmac_des.txt CMAC stanzas: (cipher, key, input, tag).
    static let cmac: [(String, String, String, String)] = [
        (
            "AES-128-CBC", "77a77faf290c1fa30c683df16ba7a77b",
            "020683e1f0392f4cac54318b6029259e9c553dbc4b6ad998e64d58e4e7dc2e13", "fbfea41bf9740cb501f1292c21cebb40"
        ),
        ("AES-192-CBC", "7b32391369aa4ca97558095be3c3ec862bd057cef1e32d62", "", "e4d9340b03e67defd4969cc1ed3735e6"),
        (
            "AES-256-CBC", "0b122ac8f34ed1fe082a3625d157561454167ac145a10bbf77c6a70596d574f1",
            "498b53fdec87edcbf07097dccde93a084bad7501a224e388df349ce18959fe8485f8ad1537f0d896ea73bedc7214713f",
            "f62c46329b41085625669baf51dea66a"
        ),
        (
            "DES-EDE3-CBC", "89bcd952a8c8ab371af48ac7d07085d5eff702e6d62cdc23",
            "fa620c1bbe97319e9a0cf0492121f7a20eb08a6a709dcbd00aaf38e4f99e754e", "8f49a1b7d6aa2258"
        ),
    ]
    /// evpkdf_pbkdf1.txt: (digest, pass, salt, iter, output).
    static let pbkdf1: [(String, String, String, Int, String)] = [
        ("md2", "70617373776f7264", "73616c7473616c74", 1, "2c5daebd49984f34642acc09bad696d7"),
        ("md5", "70617373776f7264", "73616c7473616c74", 1, "fdbdf3419fff98bdb0241390f62a9db3"),
        ("sha1", "70617373776f7264", "73616c7473616c74", 1, "cab86dd6261710891e8cb56ee3625691"),
        ("md2", "70617373776f7264", "73616c7473616c74", 2, "fd7999a1ab54b01b4fc39389a5fe820d"),
        ("md5", "70617373776f7264", "73616c7473616c74", 2, "3d4a8d4fb4c6e8686b21d36142902966"),
        ("sha1", "70617373776f7264", "73616c7473616c74", 2, "e3a8dfcf2eea6dc81d2ad154274faae9"),
        ("md2", "70617373776f7264", "73616c7473616c74", 4096, "94e4671f438bd6c441c5b120c6cc79ca"),
        ("md5", "70617373776f7264", "73616c7473616c74", 4096, "3283ed8f8d037045157da055bff84a02"),
        ("sha1", "70617373776f7264", "73616c7473616c74", 4096, "3cb0c21e81127f5bff2eea2b5dc3f31d"),
        (
            "md2", "70617373776f726450415353574f524470617373776f7264", "73616c7453414c54", 65537,
            "36daa8deb8b471b26aa8ce064a81e54f"
        ),
        (
            "md5", "70617373776f726450415353574f524470617373776f7264", "73616c7453414c54", 65537,
            "763f3ba457e3f9ed088b04b5361d7cca"
        ),
        (
            "sha1", "70617373776f726450415353574f524470617373776f7264", "73616c7453414c54", 65537,
            "b2b4635718aaad9fef23fe328eb83ecf"
        ),
        ("md2", "", "73616c7473616c74", 1, "8ecd1c4c1d57c415295784ccd4686905"),
        ("md5", "", "73616c7473616c74", 1, "f3d07de5efb5e2c3eafc16b0cf7e07fa"),
        ("sha1", "", "73616c7473616c74", 1, "2c2abace4bd8bb19f67113da146dbb8c"),
    ]
    /// evpkdf_pbkdf2.txt: (digest, pass, salt, iter, output).
    static let pbkdf2: [(String, String, String, Int, String)] = [
        ("sha1", "70617373776f7264", "73616c74", 1, "0c60c80f961f0e71f3a9b524af6012062fe037a6"),
        (
            "sha256", "70617373776f7264", "73616c74", 1,
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        ),
        (
            "sha512", "70617373776f7264", "73616c74", 1,
            "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"
        ),
        ("sha1", "70617373776f7264", "73616c74", 2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"),
        (
            "sha256", "70617373776f7264", "73616c74", 2,
            "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"
        ),
        (
            "sha512", "70617373776f7264", "73616c74", 2,
            "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53cf76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e"
        ),
        ("sha1", "70617373776f7264", "73616c74", 4096, "4b007901b765489abead49d926f721d065a429c1"),
        (
            "sha256", "70617373776f7264", "73616c74", 4096,
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
        ),
        (
            "sha512", "70617373776f7264", "73616c74", 4096,
            "d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5"
        ),
        (
            "sha1", "70617373776f726450415353574f524470617373776f7264",
            "73616c7453414c5473616c7453414c5473616c7453414c5473616c7453414c5473616c74", 4096,
            "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"
        ),
        (
            "sha256", "70617373776f726450415353574f524470617373776f7264",
            "73616c7453414c5473616c7453414c5473616c7453414c5473616c7453414c5473616c74", 4096,
            "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9"
        ),
        (
            "sha512", "70617373776f726450415353574f524470617373776f7264",
            "73616c7453414c5473616c7453414c5473616c7453414c5473616c7453414c5473616c74", 4096,
            "8c0511f4c6e597c6ac6315d8f0362e225f3c501495ba23b868c005174dc4ee71115b59f9e60cd9532fa33e0f75aefe30225c583a186cd82bd4daea9724a3d3b8"
        ),
        ("sha1", "7061737300776f7264", "7361006c74", 4096, "56fa6aa75548099dcc37d7f03425e0c3"),
        ("sha256", "7061737300776f7264", "7361006c74", 4096, "89b69d0516f829893c696226650a8687"),
        ("sha512", "7061737300776f7264", "7361006c74", 4096, "9d9e9c4cd21fe4be24d5b8244c759665"),
        ("sha1", "", "73616c74", 1, "a33dddc30478185515311f8752895d36ea4363a2"),
        ("sha256", "", "73616c74", 1, "f135c27993baf98773c5cdb40a5706ce6a345cde"),
        ("sha512", "", "73616c74", 1, "00ef42cdbfc98d29db20976608e455567fdddf14"),
    ]
    /// evpkdf_hkdf.txt: (mode, digest, key, salt, info, output, fails). The two stanzas without a digest or a key
    /// are left out: this API cannot omit them. Repeated `info` controls are concatenated, as OpenSSL does.
    static let hkdf:
        [(mode: String, digest: String, key: String, salt: String, info: String, output: String, fails: Bool)] = [
            (
                "EXTRACT_AND_EXPAND", "SHA256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
                "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9",
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", false
            ),
            (
                "EXTRACT_ONLY", "SHA256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c",
                "", "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", false
            ),
            (
                "EXPAND_ONLY", "SHA256", "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", "",
                "f0f1f2f3f4f5f6f7f8f9",
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA256",
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
                "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
                "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
                false
            ),
            (
                "EXTRACT_ONLY", "SHA256",
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
                "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
                "", "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244", false
            ),
            (
                "EXPAND_ONLY", "SHA256", "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244", "",
                "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
                false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "",
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8", false
            ),
            (
                "EXTRACT_ONLY", "SHA256", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "",
                "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", false
            ),
            (
                "EXPAND_ONLY", "SHA256", "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", "", "",
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8", false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA1", "0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c",
                "f0f1f2f3f4f5f6f7f8f9",
                "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896", false
            ),
            (
                "EXTRACT_ONLY", "SHA1", "0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c", "",
                "9b6c18c432a7bf8f0e71c8eb88f4b30baa2ba243", false
            ),
            (
                "EXPAND_ONLY", "SHA1", "9b6c18c432a7bf8f0e71c8eb88f4b30baa2ba243", "", "f0f1f2f3f4f5f6f7f8f9",
                "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896", false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA1",
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
                "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
                "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                "0bd770a74d1160f7c9f12cd5912a06ebff6adcae899d92191fe4305673ba2ffe8fa3f1a4e5ad79f3f334b3b202b2173c486ea37ce3d397ed034c7f9dfeb15c5e927336d0441f4c4300e2cff0d0900b52d3b4",
                false
            ),
            (
                "EXTRACT_ONLY", "SHA1",
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
                "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
                "", "8adae09a2a307059478d309b26c4115a224cfaf6", false
            ),
            (
                "EXPAND_ONLY", "SHA1", "8adae09a2a307059478d309b26c4115a224cfaf6", "",
                "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                "0bd770a74d1160f7c9f12cd5912a06ebff6adcae899d92191fe4305673ba2ffe8fa3f1a4e5ad79f3f334b3b202b2173c486ea37ce3d397ed034c7f9dfeb15c5e927336d0441f4c4300e2cff0d0900b52d3b4",
                false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "",
                "0ac1af7002b3d761d1e55298da9d0506b9ae52057220a306e07b6b87e8df21d0ea00033de03984d34918", false
            ),
            (
                "EXTRACT_ONLY", "SHA1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "",
                "da8c8a73c7fa77288ec6f5e7c297786aa0d32d01", false
            ),
            (
                "EXPAND_ONLY", "SHA1", "da8c8a73c7fa77288ec6f5e7c297786aa0d32d01", "", "",
                "0ac1af7002b3d761d1e55298da9d0506b9ae52057220a306e07b6b87e8df21d0ea00033de03984d34918", false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA1", "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "", "",
                "2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5673a081d70cce7acfc48", false
            ),
            (
                "EXTRACT_ONLY", "SHA1", "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "", "",
                "2adccada18779e7c2077ad2eb19d3f3e731385dd", false
            ),
            (
                "EXPAND_ONLY", "SHA1", "2adccada18779e7c2077ad2eb19d3f3e731385dd", "", "",
                "2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5673a081d70cce7acfc48", false
            ),
            (
                "EXTRACT_AND_EXPAND", "SHA1", "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "", "",
                "2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5673a081d70cce7acfc48", false
            ),
            ("EXTRACT_ONLY", "SHA1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", "da8c8a73", true),
            (
                "EXPAND_ONLY", "SHA1", "8adae09a2a307059478d309b26c4115a224cfaf6", "",
                "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                "0bd770a74d1160f7c9f12cd5912a06ebff6adcae899d92191fe4305673ba2ffe8fa3f1a4e5ad79f3f334b3b202b2173c486ea37ce3d397ed034c7f9dfeb15c5e927336d0441f4c4300e2cff0d0900b52d3b4",
                false
            ),
        ]
    /// evpkdf_scrypt.txt: (pass, salt, N, r, p, output); an empty output means the stanza expects failure.
    static let scrypt: [(String, String, Int, Int, Int, String)] = [
        (
            "", "", 16, 1, 1,
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        ),
        (
            "70617373776f7264", "4e61436c", 1024, 8, 16,
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
        ),
        (
            "706c656173656c65746d65696e", "536f6469756d43686c6f72696465", 16384, 8, 1,
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
        ),
        ("706c656173656c65746d65696e", "536f6469756d43686c6f72696465", 2097152, 8, 1, ""),
    ]
    /// evpkdf_x963.txt X963KDF stanzas: (digest, secret, info, output).
    static let x963: [(String, String, String, String)] = [
        (
            "SHA1", "fd17198b89ab39c4ab5d7cca363b82f9fd7e23c3984dc8a2", "856a53f3e36a26bbc5792879f307cce2",
            "6e5fad865cb4a51c95209b16df0cc490bc2c9064405c5bccd4ee4832a531fbe7f10cb79e2eab6ab1149fbd5a23cfdabc41242269c9df22f628c4424333855b64e95e2d4fb8469c669f17176c07d103376b10b384ec5763d8b8c610409f19aca8eb31f9d85cc61a8d6d4a03d03e5a506b78d6847e93d295ee548c65afedd2efec"
        ),
        (
            "SHA224", "da67a73072d521a8272c69023573012ddf9b46bff65b3900", "727997aed53e78f74b1d66743a4ea4d2",
            "dfc3126c5eebf9a58d89730e8d8ff7cc772592f28c10b349b437d9d068698a22e532eae975dfaf9c5c6a9f2935eafb05353013c253444e61f07bc9ddd15948e614bdc7e445ba3b1893f42f87f18fb352d49956009a642c362d45410b43a9ab376e9261210739174759511d1f9e52f6ec73dfed446dbafaf7fd1a57113abc2e8d"
        ),
        (
            "SHA256", "22518b10e70f2a3f243810ae3254139efbee04aa57c7af7d", "75eef81aa3041e33b80971203d2c0c52",
            "c498af77161cc59f2962b9a713e2b215152d139766ce34a776df11866a69bf2e52a13d9c7c6fc878c50c5ea0bc7b00e0da2447cfd874f6cf92f30d0097111485500c90c3af8b487872d04685d14c8d1dc8d7fa08beb0ce0ababc11f0bd496269142d43525a78e5bc79a17f59676a5706dc54d54d4d1f0bd7e386128ec26afc21"
        ),
        (
            "SHA384", "d8554db1b392cd55c3fe957bed76af09c13ac2a9392f88f6", "",
            "671a46aada145162f8ddf1ca586a1cda"
        ),
        (
            "SHA384", "c051fd22539c9de791d6c43a854b8f80a6bf70190050854a", "1317504aa34759bb4c931e3b78201945",
            "cf6a84434734ac6949e1d7976743277be789906908ad3ca3a8923da7f476abbeb574306d7243031a85566914bfd247d2519c479953d9d55b6b831e56260806c39af21b74e3ecf470e3bd8332791c8a23c13352514fdef00c2d1a408ba31b2d3f9fdcb373895484649a645d1845eec91b5bfdc5ad28c7824984482002dd4a8677"
        ),
        (
            "SHA512", "87fc0d8c4477485bb574f5fcea264b30885dc8d90ad82782", "",
            "947665fbb9152153ef460238506a0245"
        ),
        (
            "SHA512",
            "00aa5bb79b33e389fa58ceadc047197f14e73712f452caa9fc4c9adb369348b81507392f1a86ddfdb7c4ff8231c4bd0f44e44a1b55b1404747a9e2e753f55ef05a2d",
            "e3b5b4c1b0d5cf1d2b3a2f9937895d31",
            "4463f869f3cc18769b52264b0112b5858f7ad32a5a2d96d8cffabf7fa733633d6e4dd2a599acceb3ea54a6217ce0b50eef4f6b40a5c30250a5a8eeee208002267089dbf351f3f5022aa9638bf1ee419dea9c4ff745a25ac27bda33ca08bd56dd1a59b4106cf2dbbc0ab2aa8e2efa7b17902d34276951ceccab87f9661c3e8816"
        ),
        (
            "SHA512",
            "009dcd6ba5c8c803ca21f9996ca5dd86047d4ddc150fddace1b1ebe996c2007e3ee907c8ff03b9ef766e8ceb4dedf7489e5162e2278c0185e4be381bec17dd992cf8",
            "1e60e51c11a538b0ea8990d69a4c6358",
            "4e55036a32f32fc965046fdfbf686c108e43a69f8fc1a64ff1bd77763f2eedc8bf277d78b4ce31243e1adbe2c2d5dd59b47503b5b90b54f9d7a9a5aea49c7f0283cb64c3849a1d157000fd41ef6c1d1a5b62734e7c9a20dcfb57f2da974933f57ee619d72898d0e93d9a4254aaddf73941d6269298b4d49c0ac64a33802fe8f2"
        ),
        (
            "SHA512",
            "01bbc44314f24db4d67a2a7fb5ca3f7a5022790f5875895d448050eda5611a2f39de48e394c5a3df26208eb01f804d0a1d68eece6b6fa96d6db895e133e129094f78",
            "433e3ee77d00e4a9634efd677e2ff21b",
            "f1255002293d5fbcf35ad0e532ae872171d11014616a2c52d7e5cb861b0251b9e505a77161c777bafc052b6525a6ecf34590605de72f13a1aff0a61a8a4a3364ebbe2f99224c13e043e497af8a26de749cd257e475b2f0e60e3b594901320a692a4af422f9636e4814b33f67d181a086265013b0d4efd9e1a94ea8a576afde66"
        ),
        (
            "SHA512",
            "01a33032a2bf6f8e9d6972dd339536c9e248ae9881844ff1bd04af48085be4ca1834f2a94ce1019dd9620d1e3a68203a5b291f40b5f8e3238a2a036312b89061cc60",
            "d3297ad6b9757d1f5a9d5b0e72176d74",
            "63565d1d3443620fba4218c97887ff40d6d68bf56b429c22018be5d91c318187ebe8a9399c5cc6c4a849288ab784d4340714ae3fdb426c4a83db9ce2ba8aea80d448e50ad543749b47bcaae519f7f00badd8d48296e81069104dcd293c605b08159ef2ef14c7833739d0414274136ae4db05ba4fa31b29c59de46d9be539525f"
        ),
        (
            "SHA512",
            "004b20a501776ea54cbdabffec2a664b7a93f8d67b17405a82bd9cbf3685a4659beb2deff1b6ecaa7ab187b6d4fd407f10db6992c65308410deb133be31a0de0c1c9",
            "fd5462cb37aa298e95f8e34bb49d85ca",
            "cafcbc117317661bf15277c2881e05e345c1720b0c1c4040c33fe4a3ecf8032802642d29828a077ca91b6fac216b7a06517740c7d633c279dd2115eb7a34fd337376247219f53da32df57070f47c2e0816710080d6492e1c3e8cac818c3cfca2a3ce5cf1515f066b1815d2d2f69fa3111a9e81570963b90a536da0376c12265b"
        ),
        (
            "SHA512",
            "01fb44335b437771777f14d44e5b634c18c7f570b935228fd3073e3cbde299dfb9f4d64ad720d30e875e8c6bbe181027459c9d3f92a276a38e22faf25f208576a63f",
            "2359d18657243d61963ceca3fa93587d",
            "1544e54cd293e533959bdd893337f01ef0c7685a4d8d403d438b0223a7e18330c312a0f16bd819f4359fdd74ae85cc603d35e3d9cba896177452c8dee5214066fca420c3ab522a245af215beb7de52ebb0bdd15d0596b8b763cf7e25610a53efa726b899a1d9727b25ec673ee91ff2111f03cf761a7880d69625e784becfd4e0"
        ),
        (
            "SHA512",
            "0109afa3904193690d3f2c49e42d08c8c5cd2ea907a0d699c876e418e303b485374c8d6cf5a32af1491b3ea8a3503692b4a0fd78f9b4082e2a6e72345db4532d749f",
            "7c19631d3cd65915fa4789cf7b1c0979",
            "fb60175568a66ef4202e110396663085fe2a9d6d2071e55d03c30ea499fee850c99c4e42a7227cca2eaf4d75e37dde205ae07260e84aeee6ef0819d98bd00d0ff5ba55994e7bf2a578baf2ee9aa862d94bf431fa14429010ebc30d7e602de726cdffacaeabc8541237fbc0c975abbf203c018c688ee354d07978654b90de9569"
        ),
        (
            "SHA512",
            "00632e165775f3c5b6e81d4042f809e904b8167687747638874b39ffce1993f46e8fc44e2a1c3df59563003bad3e25c85b61819e9addc0fdbe173dd4115c38f62ef6",
            "2bf0f18b7f21c4ec9c20b84c75f66b7c",
            "c324fed01b75c37fc96703031403d5cc6857dc7ffa48192d9a10d5c69dd6274ecd0eb9a278f9e6b616c27bbf2e3e016635b311940390c52c61a4f4b3383ca6046961dbd2455ff6a982e8269864edd3cc1b1053da7daf9699c61b05f1acca7b79e68db655fd526fdc392bd36dcaf1c5b2fafb8975e318070d4bb948829ac41bb6"
        ),
        (
            "SHA512",
            "0096172bf47d06d544ae98471490cf9e52ee59ea7a2208b33b26c52d4952bb8f41b2211d3f9ff32e77ca8cc906ba8d246ff266ddf1df8f53824ccb15b8fb39724703",
            "cf3a74ba86af42f1ae85477ead645583",
            "995d1ab8557dfeafcb347f8182583fa0ac5e6cb3912393592590989f38a0214f6cf7d6fbe23917b0966c6a870876de2a2c13a45fa7aa1715be137ed332e1ffc204ce4dcce33ece6dec7f3da61fa049780040e44142cc8a1e5121cf56b386f65b7c261a192f05e5fefae4221a602bc51c41ef175dc45fb7eab8642421b4f7e3e7"
        ),
    ]
    /// evppbe_pkcs12.txt: (id, iter, digest, password (BMPString), salt, key).
    static let pkcs12: [(UInt8, Int, String, String, String, String)] = [
        (1, 1, "SHA1", "0073006d006500670000", "0a58cf64530d823f", "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"),
        (2, 1, "SHA1", "0073006d006500670000", "0a58cf64530d823f", "79993dfe048d3b76"),
        (3, 1, "SHA1", "0073006d006500670000", "3d83c0e4546ac140", "8d967d88f6caa9d714800ab3d48051d63f73a312"),
        (
            1, 1000, "SHA1", "007100750065006500670000", "1682c0fc5b3f7ec5",
            "483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f"
        ),
        (2, 1000, "SHA1", "007100750065006500670000", "1682c0fc5b3f7ec5", "9d461d1b00355c50"),
        (3, 1000, "SHA1", "007100750065006500670000", "263216fcc2fab31c", "5ec4c7a80df652294c3925b6489a7ab857c83476"),
    ]
}
