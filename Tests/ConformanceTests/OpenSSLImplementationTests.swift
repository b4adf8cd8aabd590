import Foundation
import Testing
@testable import Conformance
import LibCrypto
import Vectors

/// Test-local hex decoder, independent of the code under test.
private func bytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = Array(hex.utf8)[...]
    while chars.count >= 2 {
        out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
        chars = chars.dropFirst(2)
    }
    return out
}

private func seq(_ n: Int, from start: UInt8 = 0) -> [UInt8] {
    (0..<n).map { UInt8(truncatingIfNeeded: Int(start) + $0 * 7) }
}

/// The evp_test data of the unpacked OpenSSL source, if set-up fetched it.
private let evpDataFolder: String? = {
    let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
    let cache = ProcessInfo.processInfo.environment["CONFRUN_CACHE"] ?? home + "/.cache/swift-libcrypto"
    let loc = Locations(repository: FileManager.default.currentDirectoryPath, cache: cache)
    return loc.resolveRoot("cache:openssl/openssl-3.0.*/test/recipes/30-test_evp_data")
}()

private let aesCommon: String? = evpDataFolder.map { $0 + "/evpciph_aes_common.txt" }.flatMap {
    FileManager.default.fileExists(atPath: $0) ? $0 : nil
}

@Suite struct OpenSSLImplementationTests {
    let ossl: OpenSSLImplementation
    let swift = LibCryptoImplementation()

    init() throws { ossl = try OpenSSLImplementation() }

    // MARK: - Set-up and availability

    @Test func identifiesItself() {
        #expect(ossl.name.hasPrefix("OpenSSL 3."))
        #expect(ossl.name == "OpenSSL \(ossl.version)")
        #expect(!ossl.name.contains("  "))
        #expect(ossl.providers.first == "default")
        #expect(ossl.providers.contains("legacy") == (ossl.legacyProblem == nil))
        #expect(OpenSSLVersion.text.hasPrefix("OpenSSL "))
    }

    @Test(arguments: [
        ("SHA256", AlgorithmFamily.digest), ("SHA2-256", .digest), ("shake128", .xof), ("AES-128-GCM", .cipher),
        ("aes-128-cbc", .cipher), ("HMAC", .mac), ("CMAC", .mac), ("PBKDF2", .kdf), ("HKDF", .kdf), ("SCRYPT", .kdf),
    ])
    func findsCommonAlgorithms(name: String, family: AlgorithmFamily) {
        #expect(ossl.availability(of: name, family: family) == .available)
    }

    @Test(arguments: [
        ("IDEA-CBC", AlgorithmFamily.cipher), ("MD2", .digest), ("NO-SUCH-CIPHER", .cipher), ("FOO256", .digest),
    ])
    func reportsWhatItLacks(name: String, family: AlgorithmFamily) {
        guard case .absent(let why) = ossl.availability(of: name, family: family) else {
            Issue.record("\(name) reported available")
            return
        }
        #expect(why.contains("reference lacks \(name)"))
        #expect(why.contains(family == .cipher ? "EVP_CIPHER_fetch" : "EVP_MD_fetch"))
        #expect(why.contains("unsupported"))
        // Asked again, the cached answer is the same (and the error queue is not consulted).
        #expect(ossl.availability(of: name, family: family) == .absent(why))
    }

    @Test func legacyAlgorithmsAreThereWhenLegacyLoaded() throws {
        try #require(ossl.providers.contains("legacy"))
        #expect(ossl.availability(of: "BF-CBC", family: .cipher) == .available)
        #expect(ossl.availability(of: "MD4", family: .digest) == .available)
        #expect(ossl.availability(of: "PBKDF1", family: .kdf) == .available)
    }

    @Test func unknownAlgorithmThrows() {
        let e = #expect(throws: CryptoError.self) {
            try ossl.digest("NO-SUCH-DIGEST", message: Message([1]), outputLength: nil, parameters: [:])
        }
        #expect(e?.code == .unknownAlgorithm)
        #expect(e?.reason.contains("reference lacks NO-SUCH-DIGEST") == true)
    }

    // MARK: - Same answers as LibCrypto

    private func sameDigest(_ name: String, _ message: Message, _ length: Int? = nil) throws -> [UInt8] {
        let a = try ossl.digest(name, message: message, outputLength: length, parameters: [:])
        let b = try swift.digest(name, message: message, outputLength: length, parameters: [:])
        #expect(a == b, "\(name)")
        return a
    }

    @Test func digestsAgree() throws {
        let abc = Message(Array("abc".utf8))
        #expect(
            try sameDigest("SHA256", abc) == bytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(
            try sameDigest("SHA3-256", abc) == bytes("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")
        )
        let shake = try sameDigest("SHAKE128", Message([]), 100)
        #expect(shake.count == 100)
        #expect(shake.prefix(16) == bytes("7f9c2ba4e88f827d616045507605853e")[...])
        // Chunked and repeated input.
        let chunks = Message(chunks: [.init(Array("a".utf8), count: 1000), .init(seq(77)), .init([], count: 3)])
        _ = try sameDigest("SHA2-512", chunks)
        _ = try sameDigest("SHA1", chunks)
        _ = try sameDigest("SHAKE256", chunks, 7)
        // A fixed-size digest refuses another length on both sides.
        #expect(throws: CryptoError.self) { try ossl.digest("SHA256", message: abc, outputLength: 20, parameters: [:]) }
        #expect(throws: CryptoError.self) {
            try ossl.digest("SHA256", message: abc, outputLength: nil, parameters: ["bogus": "1"])
        }
    }

    @Test func macsAgree() throws {
        let hmac = MACInput(
            mac: "HMAC", underlying: "SHA256", key: Array("Jefe".utf8),
            message: Message(chunks: [.init(Array("what do ya ".utf8)), .init(Array("want for nothing?".utf8))]))
        #expect(try ossl.mac(hmac) == bytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        #expect(try ossl.mac(hmac) == swift.mac(hmac))
        #expect(try ossl.macSizes(hmac) == (32, 64))
        var empty = hmac
        empty.key = []
        #expect(try ossl.mac(empty) == swift.mac(empty))
        // SP 800-38B / RFC 4493, example 2.
        let cmac = MACInput(
            mac: "CMAC", underlying: "AES-128-CBC", key: bytes("2b7e151628aed2a6abf7158809cf4f3c"),
            message: Message(bytes("6bc1bee22e409f96e93d7e117393172a")))
        #expect(try ossl.mac(cmac) == bytes("070a16b46b4d4144f79bdd9dd04a287c"))
        #expect(try ossl.mac(cmac) == swift.mac(cmac))
        let sizes = try ossl.macSizes(cmac)
        #expect(sizes.output == 16 && sizes.block == 16)
        var gmac = MACInput(mac: "GMAC", underlying: "AES-128-GCM", key: seq(16), message: Message(seq(45)))
        gmac.iv = seq(12, from: 3)
        #expect(try ossl.mac(gmac) == swift.mac(gmac))
        let poly = MACInput(mac: "POLY1305", underlying: nil, key: seq(32, from: 9), message: Message(seq(100)))
        #expect(try ossl.mac(poly) == swift.mac(poly))
    }

    private func input(_ cipher: String, key: [UInt8], iv: [UInt8], plaintext: [UInt8], padding: Bool = false)
        -> CipherInput
    {
        CipherInput(
            cipher: cipher, key: key, iv: iv, plaintext: plaintext, ciphertext: [], direction: .encrypt,
            padding: padding)
    }

    /// Encrypts with both, one-shot and in pieces, then decrypts OpenSSL's output with both.
    @discardableResult
    private func sameCipher(_ c: CipherInput) throws -> CipherOutput {
        let a = try ossl.cipher(c, encrypting: true, pieces: [])
        let b = try swift.cipher(c, encrypting: true, pieces: [])
        #expect(a == b, "\(c.cipher) encrypt")
        let pieces = [1, 15, 3, 17, 8, 33]
        #expect(try ossl.cipher(c, encrypting: true, pieces: pieces) == a, "\(c.cipher) encrypt in pieces")
        var d = c
        d.ciphertext = a.output
        d.tag = a.tag.isEmpty ? c.tag : a.tag
        let x = try ossl.cipher(d, encrypting: false, pieces: [])
        let y = try swift.cipher(d, encrypting: false, pieces: [])
        #expect(x == y, "\(c.cipher) decrypt")
        #expect(x.output == c.plaintext, "\(c.cipher) round trip")
        #expect(try ossl.cipher(d, encrypting: false, pieces: pieces) == x, "\(c.cipher) decrypt in pieces")
        return a
    }

    @Test func aesCBCAgrees() throws {
        // SP 800-38A F.2.1, first block; padding off.
        let key = bytes("2b7e151628aed2a6abf7158809cf4f3c")
        let iv = bytes("000102030405060708090a0b0c0d0e0f")
        let pt = bytes("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51")
        let out = try sameCipher(input("AES-128-CBC", key: key, iv: iv, plaintext: pt))
        #expect(out.output == bytes("7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"))
        #expect(out.nextIV == bytes("5086cb9b507219ee95db113a917678b2"))
        // Padding on: 37 bytes become 48.
        let padded = try sameCipher(input("AES-128-CBC", key: key, iv: iv, plaintext: seq(37), padding: true))
        #expect(padded.output.count == 48)
        // Padding off with a partial block fails on both sides, with the same error class.
        let partial = input("AES-128-CBC", key: key, iv: iv, plaintext: seq(37))
        let e1 = thrownCryptoError { try ossl.cipher(partial, encrypting: true, pieces: []) }
        let e2 = thrownCryptoError { try swift.cipher(partial, encrypting: true, pieces: []) }
        #expect(e1 != nil && e2 != nil)
        #expect(e1?.code == e2?.code)
        // Update sizes that never advance mean one piece, as on the Swift side.
        let ctr = input("AES-128-CTR", key: key, iv: iv, plaintext: pt)
        #expect(
            try ossl.cipher(ctr, encrypting: true, pieces: [0, 0]) == ossl.cipher(ctr, encrypting: true, pieces: []))
        #expect(
            try ossl.cipher(ctr, encrypting: true, pieces: [0, 5])
                == swift.cipher(ctr, encrypting: true, pieces: [0, 5]))
        // A wrong IV length is refused.
        #expect(throws: CryptoError.self) {
            try ossl.cipher(input("AES-128-CBC", key: key, iv: seq(8), plaintext: pt), encrypting: true, pieces: [])
        }
        // Other modes and ciphers.
        for name in ["AES-256-CTR", "AES-192-OFB", "AES-128-CFB", "AES-128-CFB8", "AES-128-ECB", "ChaCha20"] {
            let k = seq(name.hasPrefix("ChaCha") || name.contains("256") ? 32 : name.contains("192") ? 24 : 16)
            let v = name.contains("ECB") ? [] : seq(16, from: 5)
            try sameCipher(input(name, key: k, iv: v, plaintext: name.contains("ECB") ? seq(64) : seq(61)))
        }
    }

    @Test func cfb1BitsAgree() throws {
        // SP 800-38A F.3.1: CFB1-AES128, 16 bits.
        var c = input(
            "AES-128-CFB1", key: bytes("2b7e151628aed2a6abf7158809cf4f3c"),
            iv: bytes("000102030405060708090a0b0c0d0e0f"),
            plaintext: bytes("6bc1"))
        c.bitLength = 16
        let a = try ossl.cipher(c, encrypting: true, pieces: [])
        #expect(a.output == bytes("68b3"))
        #expect(a == (try swift.cipher(c, encrypting: true, pieces: [])))
        // An odd number of bits.
        c.plaintext = bytes("6bc1be")
        c.bitLength = 19
        let odd = try ossl.cipher(c, encrypting: true, pieces: [])
        #expect(odd.output.count == 3)
        #expect(odd == (try swift.cipher(c, encrypting: true, pieces: [])))
        // OpenSSL 3.0's DES-CFB1 reads a bit count as bytes: the adapter stays in bounds, keeps
        // the first bits (right, CFB1 being causal) and reports no IV state.
        if ossl.availability(of: "DES-CFB1", family: .cipher) == .available {
            var des = input(
                "DES-CFB1", key: bytes("3472e9c9f574c316"), iv: bytes("1254b91ded81c751"), plaintext: bytes("7b56"))
            des.bitLength = 12
            let o = try ossl.cipher(des, encrypting: true, pieces: [])
            #expect(o.output == (try swift.cipher(des, encrypting: true, pieces: [])).output)
            #expect(o.nextIV == [])
            des.bitLength = 16
            #expect(
                try ossl.cipher(des, encrypting: true, pieces: []).output
                    == swift.cipher(des, encrypting: true, pieces: []).output)
        }
        for name in ["DES-EDE3-CFB1", "AES-256-CFB1"] where ossl.availability(of: name, family: .cipher) == .available {
            var t = input(
                name, key: seq(name.hasPrefix("DES") ? 24 : 32), iv: seq(name.hasPrefix("DES") ? 8 : 16, from: 1),
                plaintext: seq(5))
            t.bitLength = 37
            #expect(
                try ossl.cipher(t, encrypting: true, pieces: []) == swift.cipher(t, encrypting: true, pieces: []),
                "\(name)")
        }
        // Bits need CFB1.
        var cbc = c
        cbc.cipher = "AES-128-CBC"
        #expect(throws: CryptoError.self) { try ossl.cipher(cbc, encrypting: true, pieces: []) }
    }

    @Test func iterationsAndKeystreamOffsetAgree() throws {
        var c = input("AES-128-ECB", key: seq(16), iv: [], plaintext: seq(16))
        c.iterations = 100
        #expect(try ossl.cipher(c, encrypting: true, pieces: []) == swift.cipher(c, encrypting: true, pieces: []))
        if ossl.availability(of: "RC4", family: .cipher) == .available {
            var r = input("RC4", key: seq(16), iv: [], plaintext: seq(32))
            r.keystreamOffset = 1536
            #expect(try ossl.cipher(r, encrypting: true, pieces: []) == swift.cipher(r, encrypting: true, pieces: []))
        }
    }

    @Test func aesGCMAgrees() throws {
        var c = input("AES-256-GCM", key: seq(32), iv: seq(12, from: 1), plaintext: seq(60))
        c.aad = [seq(20, from: 2), seq(5)]
        let out = try sameCipher(c)
        #expect(out.tag.count == 16)
        #expect(out.nextIV == nil)
        // A non-default IV length and a short tag.
        c.iv = seq(8, from: 4)
        c.tagLength = 12
        #expect(try sameCipher(c).tag.count == 12)
        c.iv = seq(60, from: 4)
        try sameCipher(c)
        // Empty plaintext, AAD only.
        c.plaintext = []
        c.tagLength = nil
        try sameCipher(c)
    }

    @Test func wrongGCMTagFailsOnBoth() throws {
        var c = input("AES-256-GCM", key: seq(32), iv: seq(12, from: 1), plaintext: seq(33))
        c.aad = [seq(7)]
        let sealed = try ossl.cipher(c, encrypting: true, pieces: [])
        c.ciphertext = sealed.output
        var bad = sealed.tag
        bad[3] ^= 0x10
        c.tag = bad
        for impl in [ossl as any Implementation, swift] {
            let e = thrownCryptoError { try impl.cipher(c, encrypting: false, pieces: []) }
            #expect(e?.code == .authenticationFailure, "\(impl.name)")
        }
        c.tag = nil
        #expect(throws: CryptoError.self) { try ossl.cipher(c, encrypting: false, pieces: []) }
    }

    @Test func aesCCMAgrees() throws {
        // SP 800-38C C.1: Klen 128, Tlen 32, Nlen 56, Alen 64, Plen 32.
        var c = input(
            "AES-128-CCM", key: bytes("404142434445464748494a4b4c4d4e4f"), iv: bytes("10111213141516"),
            plaintext: bytes("20212223"))
        c.aad = [bytes("0001020304050607")]
        c.tagLength = 4
        let out = try sameCipher(c)
        #expect(out.output == bytes("7162015b"))
        #expect(out.tag == bytes("4dac255d"))
        // Default tag length (12), a 13-byte nonce, AAD in two pieces, empty plaintext.
        var d = input("AES-256-CCM", key: seq(32), iv: seq(13), plaintext: seq(50))
        d.aad = [seq(9), seq(30, from: 1)]
        #expect(try sameCipher(d).tag.count == 12)
        d.plaintext = []
        try sameCipher(d)
        // A flipped tag bit fails as authentication on both.
        var e = c
        e.ciphertext = out.output
        e.tag = out.tag.map { $0 ^ 1 }
        for impl in [ossl as any Implementation, swift] {
            let err = thrownCryptoError { try impl.cipher(e, encrypting: false, pieces: []) }
            #expect(err?.code == .authenticationFailure, "\(impl.name)")
        }
    }

    @Test func ocbAndChaChaPolyAgree() throws {
        var o = input("AES-128-OCB", key: seq(16), iv: seq(12, from: 2), plaintext: seq(41))
        o.aad = [seq(19)]
        try sameCipher(o)
        o.tagLength = 8
        try sameCipher(o)
        // RFC 8439 2.8.2.
        var c = input(
            "ChaCha20-Poly1305", key: bytes("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"),
            iv: bytes("070000004041424344454647"),
            plaintext: Array(
                "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                    .utf8))
        c.aad = [bytes("50515253c0c1c2c3c4c5c6c7")]
        let out = try sameCipher(c)
        #expect(out.tag == bytes("1ae10b594f09e26a7e902ecbd0600691"))
    }

    @Test func kdfsAgree() throws {
        func same(_ k: KDFInput) throws -> [UInt8] {
            let a = try ossl.kdf(k)
            #expect(a == (try swift.kdf(k)), "\(k.kdf)")
            return a
        }
        // RFC 6070, c = 2.
        let pbkdf2 = KDFInput(
            kdf: "PBKDF2",
            parameters: [
                KDFParameter("digest", .text("SHA1")), KDFParameter("pass", .text("password")),
                KDFParameter("salt", .text("salt")), KDFParameter("iter", .text("2")),
            ], outputLength: 20)
        #expect(try same(pbkdf2) == bytes("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"))
        // RFC 5869 A.1, with the info in two pieces.
        let hkdf = KDFInput(
            kdf: "HKDF",
            parameters: [
                KDFParameter("digest", .text("SHA256")),
                KDFParameter("key", .bytes(bytes("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"))),
                KDFParameter("salt", .bytes(bytes("000102030405060708090a0b0c"))),
                KDFParameter("info", .bytes(bytes("f0f1f2f3f4"))),
                KDFParameter("info", .bytes(bytes("f5f6f7f8f9"))),
            ], outputLength: 42)
        #expect(
            try same(hkdf)
                == bytes("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
        var extract = hkdf
        extract.parameters.append(KDFParameter("mode", .text("EXTRACT_ONLY")))
        extract.outputLength = 32
        #expect(try same(extract) == bytes("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"))
        var extractByNumber = extract
        extractByNumber.parameters[extractByNumber.parameters.count - 1] = KDFParameter("mode", .text("1"))
        #expect(try same(extractByNumber) == same(extract))
        // RFC 7914 section 12, N = 16.
        let scrypt = KDFInput(
            kdf: "SCRYPT",
            parameters: [
                KDFParameter("pass", .text("")), KDFParameter("salt", .text("")),
                KDFParameter("n", .text("16")), KDFParameter("r", .text("1")),
                KDFParameter("p", .text("1")),
            ], outputLength: 64)
        #expect(try same(scrypt).prefix(8) == bytes("77d6576238657b20")[...])
        // Unknown names and non-numbers are refused.
        var bogus = pbkdf2
        bogus.parameters.append(KDFParameter("bogus", .text("1")))
        #expect(throws: CryptoError.self) { try ossl.kdf(bogus) }
        var badIter = pbkdf2
        badIter.parameters[3] = KDFParameter("iter", .text("two"))
        #expect(throws: CryptoError.self) { try ossl.kdf(badIter) }
    }

    // MARK: - Through the KAT engine

    @Test(.enabled(if: aesCommon != nil, "evpciph_aes_common.txt is not installed (run scripts/setup.sh)"))
    func evpAESCommonPassesOnBoth() throws {
        let path = try #require(aesCommon)
        for impl in [ossl as any Implementation, swift] {
            let results = RunResults()
            let engine = KATEngine(implementation: impl, results: results)
            EVPTestParser(corpus: "openssl-evp").parse(path: path, displayPath: "evpciph_aes_common.txt", into: engine)
            let bad = results.cases.filter { $0.outcome == .failed || $0.outcome == .errored }
            #expect(results.total.passed > 50, "\(impl.name)")
            #expect(results.total.failed == 0, "\(impl.name): \(bad.prefix(5).map { "\($0.id): \($0.reason ?? "")" })")
            #expect(results.total.errored == 0, "\(impl.name)")
        }
    }

    /// evp_test's DRBG (over a TEST-RAND parent) and Base64 files, through EVP_RAND and
    /// EVP_Encode*/EVP_Decode* on OpenSSL and through LibCrypto: every stanza passes on both.
    @Test(
        .enabled(if: evpDataFolder != nil, "the evp_test data is not installed (run scripts/setup.sh)"),
        arguments: ["evprand.txt", "evpencod.txt"])
    func evpRandAndEncodingPassOnBoth(file: String) throws {
        let path = try #require(evpDataFolder) + "/" + file
        for impl in [ossl as any Implementation, swift] {
            let results = RunResults()
            let engine = KATEngine(implementation: impl, results: results)
            EVPTestParser(corpus: "openssl-evp").parse(path: path, displayPath: file, into: engine)
            let bad = results.cases.filter { $0.outcome == .failed || $0.outcome == .errored }
            #expect(results.total.passed > 30, "\(impl.name)")
            #expect(results.total.skipped == 0, "\(impl.name)")
            #expect(results.total.failed == 0, "\(impl.name): \(bad.prefix(5).map { "\($0.id): \($0.reason ?? "")" })")
            #expect(results.total.errored == 0, "\(impl.name)")
        }
    }

    /// A DRBG run by hand, and Base64 both ways, on OpenSSL (RFC 4648 section 10 for Base64;
    /// the DRBG's refusals are SP 800-90A's: entropy below the strength, an empty nonce).
    @Test func randAndBase64Basics() throws {
        #expect(ossl.availability(of: "CTR-DRBG", family: .rand) == .available)
        #expect(ossl.availability(of: "HMAC-DRBG", family: .rand) == .available)
        #expect(try ossl.base64Encode(Array("foobar".utf8)) == Array("Zm9vYmFy\n".utf8))
        #expect(try ossl.base64Decode(Array("Zm9vYg==".utf8)) == Array("foob".utf8))
        #expect(throws: CryptoError.self) { try ossl.base64Decode(Array("Zm9v*g==".utf8)) }
        var pass = RandPass()
        pass.entropy = seq(32)
        pass.nonce = seq(16, from: 9)
        let input = RandInput(
            drbg: "HASH-DRBG", cipher: nil, digest: "SHA256", derivationFunction: true, predictionResistance: false,
            outputLength: 32, passes: [pass])
        let out = try ossl.rand(input)
        #expect(out.count == 1 && out[0].count == 32)
        #expect(out == (try swift.rand(input)))
        var short = input
        short.passes[0].entropy = seq(31)
        #expect(throws: CryptoError.self) { try ossl.rand(short) }
        var noNonce = input
        noNonce.passes[0].nonce = []
        #expect(throws: CryptoError.self) { try ossl.rand(noNonce) }
    }

    // MARK: - Streaming entry points (what `speed` drives)

    /// FIPS 180-2 B.1: SHA-256("abc").
    @Test func oneShotDigestGivesTheStandardValue() throws {
        let digest = try ossl.oneShotDigest("SHA2-256")
        var out = [UInt8](repeating: 0, count: OpenSSLImplementation.maxDigestSize)
        let message = Array("abc".utf8)
        try message.withUnsafeBytes { m in
            try out.withUnsafeMutableBufferPointer {
                try digest.digest(m.baseAddress!, count: 3, into: $0.baseAddress!)
            }
        }
        #expect(Array(out.prefix(32)) == bytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
    }

    /// RFC 4231 test case 2 (key "Jefe"), run twice on one context: each run re-keys.
    @Test func reusableMACGivesTheStandardValueEachTime() throws {
        let mac = try ossl.reusableMAC("HMAC", digest: "SHA2-256", key: Array("Jefe".utf8))
        let data = Array("what do ya want for nothing?".utf8)
        for _ in 0..<2 {
            var out = [UInt8](repeating: 0, count: 64)
            try data.withUnsafeBufferPointer { d in
                try out.withUnsafeMutableBufferPointer {
                    try mac.mac(d.baseAddress!, count: d.count, into: $0.baseAddress!, capacity: 64)
                }
            }
            #expect(Array(out.prefix(32)) == bytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        }
    }

    /// SP 800-38A F.5.1 (CTR-AES128.Encrypt), blocks 1 and 2 in two updates of one context.
    @Test func streamingCipherContinuesAcrossUpdates() throws {
        let ctx = try ossl.streamingCipher(
            "AES-128-CTR",
            key: { n in
                #expect(n == 16)
                return bytes("2b7e151628aed2a6abf7158809cf4f3c")
            },
            iv: { n in
                #expect(n == 16)
                return bytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
            })
        #expect(ctx.ivLength == 16)
        var blocks = [bytes("6bc1bee22e409f96e93d7e117393172a"), bytes("ae2d8a571e03ac9c9eb76fac45af8e51")]
        for i in blocks.indices {
            try blocks[i].withUnsafeMutableBufferPointer {
                try ctx.update($0.baseAddress!, count: 16, into: $0.baseAddress!)
            }
        }
        #expect(blocks[0] == bytes("874d6191b620e3261bef6864990db6ce"))
        #expect(blocks[1] == bytes("9806f66b7970fdff8617187bb9fffdff"))
    }

    @Test func streamingEntryPointsReportWhatTheReferenceLacks() {
        let zeros = { (n: Int) in [UInt8](repeating: 0, count: n) }
        #expect(throws: CryptoError.self) { try ossl.streamingCipher("NO-SUCH-CIPHER", key: zeros, iv: zeros) }
        #expect(throws: CryptoError.self) { try ossl.oneShotDigest("FOO256") }
    }
}

/// The whole `openssl-evp` corpus through the KAT engine with OpenSSL as the implementation: any
/// failure is OpenSSL disagreeing with its own test data, i.e. an adapter bug. Slow (scrypt,
/// million-byte digests), so opt-in: `CONFRUN_OPENSSL_EVP_KAT=1 swift test --filter OpenSSLEVPCorpus`.
@Suite struct OpenSSLEVPCorpusTests {
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["CONFRUN_OPENSSL_EVP_KAT"] == "1",
            "set CONFRUN_OPENSSL_EVP_KAT=1 to run"))
    func wholeCorpusPassesOnOpenSSL() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        var loc = Locations.discover()
        loc.repository = repo
        let results = RunResults()
        let engine = KATEngine(implementation: try OpenSSLImplementation(), results: results)
        let runner = KATRunner(locations: loc, engine: engine)
        runner.onFileEnd = { _, file, t in
            print(
                "openssl-evp \(file): passed \(t.passed) failed \(t.failed) skipped \(t.skipped) errored \(t.errored)")
        }
        runner.runAll(corpora: ["openssl-evp"])
        for c in results.cases where c.outcome == .failed || c.outcome == .errored {
            print(
                "  \(c.outcome) \(c.file):\(c.line) \(c.algorithm): \(c.reason ?? "") \(c.expected.map { "want \($0)" } ?? "") \(c.actual.map { "got \($0)" } ?? "")"
            )
        }
        for (corpus, reasons) in results.skipReasons {
            for (why, n) in reasons.sorted(by: { $0.value > $1.value }) { print("  skip \(corpus) x\(n): \(why)") }
        }
        let t = results.total
        print("TOTAL passed \(t.passed) failed \(t.failed) skipped \(t.skipped) errored \(t.errored)")
        #expect(t.failed == 0)
        #expect(t.errored == 0)
    }
}

/// The CryptoError `body` throws, also when the harness wrapped it with the evp_test step it
/// failed in (LibCrypto's side tags its errors with a ``StepFailure``); nil if it throws none.
private func thrownCryptoError(_ body: () throws -> Any) -> CryptoError? {
    do {
        _ = try body()
        return nil
    } catch let e as CryptoError {
        return e
    } catch let e as StepFailure {
        return e.underlying as? CryptoError
    } catch {
        return nil
    }
}
