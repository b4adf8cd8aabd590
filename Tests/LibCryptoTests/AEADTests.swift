import Foundation
import Testing
@testable import LibCrypto

/// GCM, CCM, OCB, XTS and AES key wrap: known answers from the specifications and from
/// OpenSSL 3.0.22's evp_test data, forgeries that must fail without releasing plaintext,
/// streaming in random pieces, and the parameter checks OpenSSL makes.
@Suite("AEAD and special-purpose AES modes")
struct AEADTests {
    // MARK: Helpers

    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    static func hex(_ bytes: [UInt8]) -> String { TestHex.encode(bytes) }

    /// One AEAD known answer as OpenSSL's evp_test writes it; `forged` stanzas must fail to decrypt.
    struct AEADVector: Sendable {
        let key: String, iv: String, aad: String, plaintext: String, ciphertext: String, tag: String
        let forged: Bool
        init(
            _ key: String, _ iv: String, _ aad: String, _ plaintext: String, _ ciphertext: String, _ tag: String,
            forged: Bool = false
        ) {
            (self.key, self.iv, self.aad, self.plaintext, self.ciphertext, self.tag) = (
                key, iv, aad, plaintext, ciphertext, tag
            )
            self.forged = forged
        }
    }

    enum Mode: String, CaseIterable, Sendable { case gcm, ccm, ocb }

    static func context<C: BlockCipher>(
        _ mode: Mode, _ cipher: C, nonce: [UInt8], tagLength: Int, messageLength: Int?,
        encrypting: Bool
    ) throws -> any AEADContext {
        let p = AEADParameters(nonce: nonce, tagLength: tagLength, messageLength: messageLength)
        switch mode {
        case .gcm: return try GCM(cipher: cipher, parameters: p, encrypting: encrypting)
        case .ccm: return try CCM(cipher: cipher, parameters: p, encrypting: encrypting)
        case .ocb:
            #if OCB
            return try OCB(cipher: cipher, parameters: p, encrypting: encrypting)
            #else
            throw CryptoError.unknownAlgorithm("AES-128-OCB")
            #endif
        }
    }

    /// Splits `data` into random pieces (some empty) when `rng` is given, else one piece.
    static func pieces(_ data: [UInt8], _ rng: inout TestRNG?) -> [[UInt8]] {
        guard var r = rng else { return [data] }
        var out: [[UInt8]] = []
        var at = 0
        while at < data.count {
            let n = min(r.below(40), data.count - at)
            out.append(Array(data[at..<(at + n)]))
            at += n
        }
        if r.below(3) == 0 { out.append([]) }
        rng = r
        return out
    }

    /// Encrypts; returns ciphertext and tag.
    static func seal<C: BlockCipher>(
        _ mode: Mode, _ cipher: C, nonce: [UInt8], tagLength: Int, aad: [UInt8], _ pt: [UInt8],
        rng: inout TestRNG?
    ) throws -> ([UInt8], [UInt8]) {
        let ctx = try context(
            mode, cipher, nonce: nonce, tagLength: tagLength, messageLength: pt.count, encrypting: true)
        for a in pieces(aad, &rng) { try ctx.updateAAD(a) }
        var ct: [UInt8] = []
        for p in pieces(pt, &rng) { ct += try ctx.update(p) }
        let (rest, tag) = try ctx.finalizeEncryption()
        return (ct + rest, tag)
    }

    static func seal<C: BlockCipher>(
        _ mode: Mode, _ cipher: C, nonce: [UInt8], tagLength: Int, aad: [UInt8],
        _ pt: [UInt8]
    ) throws -> ([UInt8], [UInt8]) {
        var none: TestRNG? = nil
        return try seal(mode, cipher, nonce: nonce, tagLength: tagLength, aad: aad, pt, rng: &none)
    }

    /// Decrypts; every `update` must return nothing (no plaintext before the tag is checked).
    static func open<C: BlockCipher>(
        _ mode: Mode, _ cipher: C, nonce: [UInt8], aad: [UInt8], _ ct: [UInt8], tag: [UInt8],
        tagLength: Int? = nil, messageLength: Int? = nil,
        rng: inout TestRNG?
    ) throws -> [UInt8] {
        let ctx = try context(
            mode, cipher, nonce: nonce, tagLength: tagLength ?? tag.count,
            messageLength: messageLength ?? ct.count, encrypting: false)
        for a in pieces(aad, &rng) { try ctx.updateAAD(a) }
        for c in pieces(ct, &rng) {
            let early = try ctx.update(c)
            #expect(early.isEmpty, "decryption released bytes before the tag was checked")
        }
        return try ctx.finalizeDecryption(tag: tag)
    }

    static func open<C: BlockCipher>(
        _ mode: Mode, _ cipher: C, nonce: [UInt8], aad: [UInt8], _ ct: [UInt8], tag: [UInt8],
        tagLength: Int? = nil, messageLength: Int? = nil
    ) throws -> [UInt8] {
        var none: TestRNG? = nil
        return try open(
            mode, cipher, nonce: nonce, aad: aad, ct, tag: tag, tagLength: tagLength, messageLength: messageLength,
            rng: &none)
    }

    /// Expects `body` to throw `CryptoError` with `code`.
    static func expectError<T>(
        _ code: CryptoError.Code, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> T
    ) {
        do {
            let r = try body()
            Issue.record("\(what): expected \(code), got a result \(r)", sourceLocation: sourceLocation)
        } catch let e as CryptoError {
            #expect(e.code == code, "\(what): \(e)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(what): unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Runs evp_test-style AEAD stanzas: encryption reproduces ciphertext and tag, decryption
    /// returns the plaintext, and forged stanzas fail with `authenticationFailure`.
    static func checkAEAD(_ mode: Mode, _ vectors: [AEADVector], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        for v in vectors {
            let aes = try AES(key: unhex(v.key))
            let iv = unhex(v.iv)
            let aad = unhex(v.aad)
            let pt = unhex(v.plaintext)
            let ct = unhex(v.ciphertext)
            let tag = unhex(v.tag)
            if !v.forged {
                let (c, t) = try seal(mode, aes, nonce: iv, tagLength: tag.count, aad: aad, pt)
                #expect(
                    hex(c) == v.ciphertext && hex(t) == v.tag, "\(mode) encrypt key \(v.key) iv \(v.iv)",
                    sourceLocation: sourceLocation)
                #expect(
                    try open(mode, aes, nonce: iv, aad: aad, ct, tag: tag) == pt, "\(mode) decrypt key \(v.key)",
                    sourceLocation: sourceLocation)
            } else {
                expectError(
                    .authenticationFailure, "\(mode) forged stanza key \(v.key)", sourceLocation: sourceLocation
                ) {
                    try open(mode, aes, nonce: iv, aad: aad, ct, tag: tag, messageLength: pt.count)
                }
            }
        }
    }

    /// AES with the batched entry points hidden: exercises the modes' one-block-at-a-time path.
    struct SingleBlockAES: BlockCipher {
        static let blockSize = 16
        static let keySizes = AES.keySizes
        let aes: AES
        init(key: [UInt8]) throws { aes = try AES(key: key) }
        func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
            aes.encrypt(block: block, into: output)
        }
        func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
            aes.decrypt(block: block, into: output)
        }
    }

    /// A 64-bit block "cipher" (identity) that the 128-bit modes must refuse.
    struct Toy64: BlockCipher {
        static let blockSize = 8
        static let keySizes = KeySizes.fixed(8)
        init(key: [UInt8]) throws {}
        func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
            output.copyMemory(from: block, byteCount: 8)
        }
        func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
            output.copyMemory(from: block, byteCount: 8)
        }
    }

    // MARK: GCM

    /// McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 1-18 (AES-128 1-6,
    /// AES-192 7-12, AES-256 13-18). They are the first eighteen unforged GCM stanzas of
    /// OpenSSL's evpciph_aes_common.txt, in order; cases 5, 11, 17 use an 8-byte IV and 6, 12,
    /// 18 a 60-byte IV, both taking the GHASH path for J0.
    @Test func gcmSpecTestCases() throws {
        let spec = Array(Self.gcmEVP.filter { !$0.forged }.prefix(18))
        #expect(spec.count == 18)
        for (i, v) in spec.enumerated() {
            let tc = i + 1
            #expect(Self.unhex(v.key).count == [16, 24, 32][i / 6])
            if tc % 6 == 5 { #expect(Self.unhex(v.iv).count == 8, "test case \(tc) has an 8-byte IV") }
            if tc % 6 == 0 { #expect(Self.unhex(v.iv).count == 60, "test case \(tc) has a 60-byte IV") }
            let aes = try AES(key: Self.unhex(v.key))
            let (c, t) = try Self.seal(
                .gcm, aes, nonce: Self.unhex(v.iv), tagLength: 16, aad: Self.unhex(v.aad), Self.unhex(v.plaintext))
            #expect(Self.hex(c) == v.ciphertext, "test case \(tc) ciphertext")
            #expect(Self.hex(t) == v.tag, "test case \(tc) tag")
            let p = try Self.open(.gcm, aes, nonce: Self.unhex(v.iv), aad: Self.unhex(v.aad), c, tag: t)
            #expect(Self.hex(p) == v.plaintext, "test case \(tc) decrypt")
        }
    }

    /// Every GCM stanza of evpciph_aes_common.txt: the spec cases with a flipped tag bit
    /// (CIPHERFINAL_ERROR), the streaming add-ons (counter low byte 0xFF), and the CAVP
    /// single-byte IV cases with 12- to 16-byte tags.
    @Test func gcmOpenSSLVectors() throws {
        try Self.checkAEAD(.gcm, Self.gcmEVP)
    }

    /// GMAC: the GCM tag with the message as AAD and no data (OpenSSL's AAD-only GCM stanzas).
    @Test func gmacKnownAnswers() throws {
        for v in Self.gcmEVP where v.plaintext.isEmpty && !v.aad.isEmpty && !v.forged {
            let aes = try AES(key: Self.unhex(v.key))
            let mac = try GMAC.authenticate(cipher: aes, iv: Self.unhex(v.iv), message: Self.unhex(v.aad))
            #expect(mac.count == 16)
            #expect(Self.hex(Array(mac.prefix(Self.unhex(v.tag).count))) == v.tag)
        }
        // An empty message: test case 1.
        let mac = try GMAC.authenticate(
            cipher: try AES(key: [UInt8](repeating: 0, count: 16)), iv: [UInt8](repeating: 0, count: 12), message: [])
        #expect(Self.hex(mac) == "58e2fccefa7e3061367f1d57a4e7455a")
        Self.expectError(.invalidParameter, "GMAC with an empty IV") {
            try GMAC.authenticate(cipher: try AES(key: [UInt8](repeating: 0, count: 16)), iv: [], message: [1])
        }
    }

    @Test func gcmParameters() throws {
        let aes = try AES(key: [UInt8](repeating: 7, count: 16))
        Self.expectError(.invalidParameter, "empty IV") {
            try GCM(cipher: aes, parameters: AEADParameters(nonce: []), encrypting: true)
        }
        for t in [0, 1, 3, 17] {
            Self.expectError(.invalidParameter, "tag length \(t)") {
                try GCM(cipher: aes, parameters: AEADParameters(nonce: [1], tagLength: t), encrypting: true)
            }
        }
        for t in 4...16 {
            _ = try GCM(cipher: aes, parameters: AEADParameters(nonce: [1, 2, 3], tagLength: t), encrypting: false)
        }
        _ = try GCM(
            cipher: aes, parameters: AEADParameters(nonce: [UInt8](repeating: 9, count: 1000)), encrypting: true)
        Self.expectError(.invalidParameter, "64-bit block cipher") {
            try GCM(
                cipher: try Toy64(key: [UInt8](repeating: 0, count: 8)), parameters: AEADParameters(nonce: [1]),
                encrypting: true)
        }
        // AAD after data, and use after finalization, are refused.
        let g = try GCM(
            cipher: aes, parameters: AEADParameters(nonce: [UInt8](repeating: 0, count: 12)), encrypting: true)
        try g.updateAAD([1, 2, 3])
        _ = try g.update([])  // an empty update does not start the data
        try g.updateAAD([4])
        _ = try g.update([5])
        Self.expectError(.invalidParameter, "AAD after data") { try g.updateAAD([6]) }
        _ = try g.finalizeEncryption()
        Self.expectError(.invalidParameter, "update after finalize") { try g.update([1]) }
        Self.expectError(.invalidParameter, "second finalize") { try g.finalizeEncryption() }
        Self.expectError(.invalidParameter, "decrypting finalize on an encrypting context") {
            try GCM(cipher: aes, parameters: AEADParameters(nonce: [1]), encrypting: true).finalizeDecryption(tag: [])
        }
    }

    // MARK: CCM

    /// RFC 3610 section 8, packet vectors #1-#24 (AES-128, 13-byte nonces, L = 2): key index
    /// (0: C0...CF, 1: D7828D13B2B0BDC325A76236DF93CC6B), nonce, header (AAD) length, packet
    /// (header || payload), tag length M, output (header || ciphertext || tag).
    static let rfc3610: [(Int, String, Int, String, Int, String)] = [
        (
            0, "00000003020100a0a1a2a3a4a5", 8, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", 8,
            "0001020304050607588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0"
        ),
        (
            0, "00000004030201a0a1a2a3a4a5", 8, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 8,
            "000102030405060772c91a36e135f8cf291ca894085c87e3cc15c439c9e43a3ba091d56e10400916"
        ),
        (
            0, "00000005040302a0a1a2a3a4a5", 8, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", 8,
            "000102030405060751b1e5f44a197d1da46b0f8e2d282ae871e838bb64da8596574adaa76fbd9fb0c5"
        ),
        (
            0, "00000006050403a0a1a2a3a4a5", 12, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", 8,
            "000102030405060708090a0ba28c6865939a9a79faaa5c4c2a9d4a91cdac8c96c861b9c9e61ef1"
        ),
        (
            0, "00000007060504a0a1a2a3a4a5", 12, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 8,
            "000102030405060708090a0bdcf1fb7b5d9e23fb9d4e131253658ad86ebdca3e51e83f077d9c2d93"
        ),
        (
            0, "00000008070605a0a1a2a3a4a5", 12, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
            8,
            "000102030405060708090a0b6fc1b011f006568b5171a42d953d469b2570a4bd87405a0443ac91cb94"
        ),
        (
            0, "00000009080706a0a1a2a3a4a5", 8, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", 10,
            "00010203040506070135d1b2c95f41d5d1d4fec185d166b8094e999dfed96c048c56602c97acbb7490"
        ),
        (
            0, "0000000a090807a0a1a2a3a4a5", 8, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 10,
            "00010203040506077b75399ac0831dd2f0bbd75879a2fd8f6cae6b6cd9b7db24c17b4433f434963f34b4"
        ),
        (
            0, "0000000b0a0908a0a1a2a3a4a5", 8, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
            10,
            "000102030405060782531a60cc24945a4b8279181ab5c84df21ce7f9b73f42e197ea9c07e56b5eb17e5f4e"
        ),
        (
            0, "0000000c0b0a09a0a1a2a3a4a5", 12, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", 10,
            "000102030405060708090a0b07342594157785152b074098330abb141b947b566aa9406b4d999988dd"
        ),
        (
            0, "0000000d0c0b0aa0a1a2a3a4a5", 12, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 10,
            "000102030405060708090a0b676bb20380b0e301e8ab79590a396da78b834934f53aa2e9107a8b6c022c"
        ),
        (
            0, "0000000e0d0c0ba0a1a2a3a4a5", 12, "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
            10,
            "000102030405060708090a0bc0ffa0d6f05bdb67f24d43a4338d2aa4bed7b20e43cd1aa31662e7ad65d6db"
        ),
        (
            1, "00412b4ea9cdbe3c9696766cfa", 8, "0be1a88bace018b108e8cf97d820ea258460e96ad9cf5289054d895ceac47c", 8,
            "0be1a88bace018b14cb97f86a2a4689a877947ab8091ef5386a6ffbdd080f8e78cf7cb0cddd7b3"
        ),
        (
            1, "0033568ef7b2633c9696766cfa", 8, "63018f76dc8a1bcb9020ea6f91bdd85afa0039ba4baff9bfb79c7028949cd0ec", 8,
            "63018f76dc8a1bcb4ccb1e7ca981befaa0726c55d378061298c85c92814abc33c52ee81d7d77c08a"
        ),
        (
            1, "00103fe41336713c9696766cfa", 8, "aa6cfa36cae86b40b916e0eacc1c00d7dcec68ec0b3bbb1a02de8a2d1aa346132e", 8,
            "aa6cfa36cae86b40b1d23a2220ddc0ac900d9aa03c61fcf4a559a4417767089708a776796edb723506"
        ),
        (
            1, "00764c63b8058e3c9696766cfa", 12, "d0d0735c531e1becf049c24412daac5630efa5396f770ce1a66b21f7b2101c", 8,
            "d0d0735c531e1becf049c24414d253c3967b70609b7cbb7c499160283245269a6f49975bcadeaf"
        ),
        (
            1, "00f8b678094e3b3c9696766cfa", 12, "77b60f011c03e1525899bcaee88b6a46c78d63e52eb8c546efb5de6f75e9cc0d", 8,
            "77b60f011c03e1525899bcae5545ff1a085ee2efbf52b2e04bee1e2336c73e3f762c0c7744fe7e3c"
        ),
        (
            1, "00d560912d3f703c9696766cfa", 12, "cd9044d2b71fdb8120ea60c06435acbafb11a82e2f071d7ca4a5ebd93a803ba87f",
            8,
            "cd9044d2b71fdb8120ea60c0009769ecabdf48625594c59251e6035722675e04c847099e5ae0704551"
        ),
        (
            1, "0042fff8f1951c3c9696766cfa", 8, "d85bc7e69f944fb88a19b950bcf71a018e5e6701c91787659809d67dbedd18", 10,
            "d85bc7e69f944fb8bc218daa947427b6db386a99ac1aef23ade0b52939cb6a637cf9bec2408897c6ba"
        ),
        (
            1, "00920f40e56cdc3c9696766cfa", 8, "74a0ebc9069f5b371761433c37c5a35fc1f39f406302eb907c6163be38c98437", 10,
            "74a0ebc9069f5b375810e6fd25874022e80361a478e3e9cf484ab04f447efff6f0a477cc2fc9bf548944"
        ),
        (
            1, "0027ca0c7120bc3c9696766cfa", 8, "44a3aa3aae6475caa434a8e58500c6e41530538862d686ea9e81301b5ae4226bfa",
            10,
            "44a3aa3aae6475caf2beed7bc5098e83feb5b31608f8e29c38819a89c8e776f1544d4151a4ed3a8b87b9ce"
        ),
        (
            1, "005b8ccbcd9af83c9696766cfa", 12, "ec46bb63b02520c33c49fd70b96b49e21d621741632875db7f6c9243d2d7c2", 10,
            "ec46bb63b02520c33c49fd7031d750a09da3ed7fddd49a2032aabf17ec8ebf7d22c8088c666be5c197"
        ),
        (
            1, "003ebe94044b9a3c9696766cfa", 12, "47a65ac78b3d594227e85e71e2fcfbb880442c731bf95167c8ffd7895e337076", 10,
            "47a65ac78b3d594227e85e71e882f1dbd38ce3eda7c23f04dd65071eb41342acdf7e00dccec7ae52987d"
        ),
        (
            1, "008d493b30ae8b3c9696766cfa", 12, "6e37a6ef546d955d34ab6059abf21c0b02feb88f856df4a37381bce3cc128517d4",
            10,
            "6e37a6ef546d955d34ab6059f32905b88a641b04b9c9ffb58cc390900f3da12ab16dce9e82efa16da62059"
        ),
    ]

    @Test func ccmRFC3610PacketVectors() throws {
        let keys = ["c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", "d7828d13b2b0bdc325a76236df93cc6b"]
        for (n, v) in Self.rfc3610.enumerated() {
            let (k, nonce, headerLength, packet, m, output) = v
            let aes = try AES(key: Self.unhex(keys[k]))
            let input = Self.unhex(packet)
            let expected = Self.unhex(output)
            let aad = Array(input[0..<headerLength])
            let pt = Array(input[headerLength...])
            let (c, t) = try Self.seal(.ccm, aes, nonce: Self.unhex(nonce), tagLength: m, aad: aad, pt)
            #expect(aad + c + t == expected, "packet vector #\(n + 1)")
            let ct = Array(expected[headerLength..<(expected.count - m)])
            let tag = Array(expected.suffix(m))
            #expect(
                try Self.open(.ccm, aes, nonce: Self.unhex(nonce), aad: aad, ct, tag: tag) == pt,
                "packet vector #\(n + 1) decrypt")
        }
    }

    /// NIST SP 800-38C appendix C, examples 1-4 (K = 404142...4F; example 4 has 2^16 bytes of
    /// AAD, the 0xFF 0xFE length encoding).
    @Test func ccmSP80038CExamples() throws {
        let aes = try AES(key: Self.unhex("404142434445464748494a4b4c4d4e4f"))
        let big = (0..<65536).map { UInt8(truncatingIfNeeded: $0) }
        let cases: [(String, [UInt8], String, Int, String)] = [
            ("10111213141516", Self.unhex("0001020304050607"), "20212223", 4, "7162015b4dac255d"),
            (
                "1011121314151617", Self.unhex("000102030405060708090a0b0c0d0e0f"), "202122232425262728292a2b2c2d2e2f",
                6,
                "d2a1f0e051ea5f62081a7792073d593d1fc64fbfaccd"
            ),
            (
                "101112131415161718191a1b", Self.unhex("000102030405060708090a0b0c0d0e0f10111213"),
                "202122232425262728292a2b2c2d2e2f3031323334353637", 8,
                "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951"
            ),
            (
                "101112131415161718191a1b1c", big, "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
                14,
                "69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72b4ac6bec93e8598e7f0dadbcea5b"
            ),
        ]
        for (i, (nonce, aad, pt, tlen, out)) in cases.enumerated() {
            var rng: TestRNG? = TestRNG(state: UInt64(i + 1))
            let (c, t) = try Self.seal(
                .ccm, aes, nonce: Self.unhex(nonce), tagLength: tlen, aad: aad, Self.unhex(pt), rng: &rng)
            #expect(Self.hex(c + t) == out, "example \(i + 1)")
            let all = Self.unhex(out)
            let p = try Self.open(
                .ccm, aes, nonce: Self.unhex(nonce), aad: aad, Array(all.dropLast(tlen)), tag: Array(all.suffix(tlen)))
            #expect(Self.hex(p) == pt, "example \(i + 1) decrypt")
        }
    }

    /// CCM stanzas of evpciph_aes_common.txt and a spread of evpciph_aes_ccm_cavs.txt (NIST CAVS:
    /// nonces of 7-13 bytes, tags of 4-16, AAD up to 32 bytes, forged decrypt-verify cases).
    @Test func ccmOpenSSLVectors() throws {
        try Self.checkAEAD(.ccm, Self.ccmEVP)
    }

    @Test func ccmParameters() throws {
        let aes = try AES(key: [UInt8](repeating: 3, count: 16))
        func make(_ nonce: Int, _ tag: Int, _ total: Int?, _ enc: Bool = true) throws -> CCM<AES> {
            try CCM(
                cipher: aes,
                parameters: AEADParameters(
                    nonce: [UInt8](repeating: 1, count: nonce), tagLength: tag, messageLength: total),
                encrypting: enc)
        }
        for n in [0, 6, 14, 16] { Self.expectError(.invalidParameter, "nonce \(n)") { try make(n, 16, 0) } }
        for t in [0, 2, 3, 5, 7, 15, 17, 18] { Self.expectError(.invalidParameter, "tag \(t)") { try make(12, t, 0) } }
        for n in 7...13 { for t in stride(from: 4, through: 16, by: 2) { _ = try make(n, t, 0) } }
        Self.expectError(.invalidParameter, "no message length") { try make(12, 16, nil) }
        Self.expectError(.invalidParameter, "negative message length") { try make(12, 16, -1) }
        // A 13-byte nonce leaves a 2-byte length field: at most 65535 bytes (OpenSSL's setiv check).
        _ = try make(13, 16, 65535)
        Self.expectError(.invalidParameter, "65536 bytes with L = 2") { try make(13, 16, 65536) }
        _ = try make(12, 16, (1 << 24) - 1)
        Self.expectError(.invalidParameter, "2^24 bytes with L = 3") { try make(12, 16, 1 << 24) }
        Self.expectError(.invalidParameter, "64-bit block cipher") {
            try CCM(
                cipher: try Toy64(key: [UInt8](repeating: 0, count: 8)),
                parameters: AEADParameters(nonce: [UInt8](repeating: 1, count: 12), messageLength: 0), encrypting: true)
        }
        // The data must add up to the announced length, in both directions.
        let over = try make(12, 16, 10)
        _ = try over.update([UInt8](repeating: 0, count: 6))
        Self.expectError(.invalidLength, "more data than announced") {
            try over.update([UInt8](repeating: 0, count: 5))
        }
        let short = try make(12, 16, 10)
        _ = try short.update([UInt8](repeating: 0, count: 9))
        Self.expectError(.invalidLength, "less data than announced") { try short.finalizeEncryption() }
        let (ct, tag) = try Self.seal(
            .ccm, aes, nonce: [UInt8](repeating: 1, count: 12), tagLength: 16, aad: [], [UInt8](repeating: 0, count: 10)
        )
        let shortDecrypt = try make(12, 16, 10, false)
        #expect(try shortDecrypt.update(Array(ct.prefix(9))).isEmpty)
        Self.expectError(.invalidLength, "decrypting less data than announced") {
            try shortDecrypt.finalizeDecryption(tag: tag)
        }
        // AAD after data is refused.
        let late = try make(12, 16, 4)
        _ = try late.update([1, 2])
        Self.expectError(.invalidParameter, "AAD after data") { try late.updateAAD([1]) }
    }

    #if OCB
    // MARK: OCB

    @Test func ocbRFC7253Samples() throws {
        let aes = try AES(key: Self.unhex("000102030405060708090a0b0c0d0e0f"))
        for (n, a, p, c) in Self.ocbRFC7253 {
            let (ct, tag) = try Self.seal(
                .ocb, aes, nonce: Self.unhex(n), tagLength: 16, aad: Self.unhex(a), Self.unhex(p))
            #expect(Self.hex(ct + tag) == c, "nonce \(n)")
            let all = Self.unhex(c)
            #expect(
                try Self.open(
                    .ocb, aes, nonce: Self.unhex(n), aad: Self.unhex(a), Array(all.dropLast(16)),
                    tag: Array(all.suffix(16)))
                    == Self.unhex(p))
        }
    }

    /// RFC 7253 appendix A: the 96-bit tag sample (the tag length enters the nonce block).
    @Test func ocbRFC7253Tag96() throws {
        let aes = try AES(key: Self.unhex("0f0e0d0c0b0a09080706050403020100"))
        let data = (0..<40).map { UInt8($0) }
        let (ct, tag) = try Self.seal(
            .ocb, aes, nonce: Self.unhex("bbaa9988776655443322110d"), tagLength: 12, aad: data, data)
        #expect(Self.hex(ct) == "1792a4e31e0755fb03e31b22116e6c2ddf9efd6e33d536f1a0124b0a55bae884ed93481529c76b6a")
        #expect(Self.hex(tag) == "d0c515f4d1cdd4fdac4f02aa")
    }

    /// RFC 7253 appendix A's iterated test: 128 rounds of three encryptions over growing
    /// zero strings, for every key size and 128-, 96- and 64-bit tags.
    @Test(arguments: [
        (16, 16, "67e944d23256c5e0b6c61fa22fdf1ea2"), (24, 16, "f673f2c3e7174aae7bae986ca9f29e17"),
        (32, 16, "d90eb8e9c977c88b79dd793d7ffa161c"), (16, 12, "77a3d8e73589158d25d01209"),
        (24, 12, "05d56ead2752c86be6932c5e"), (32, 12, "5458359ac23b0cba9e6330dd"),
        (16, 8, "192c9b7bd90ba06a"), (24, 8, "0066bc6e0ef34e24"), (32, 8, "7d4ea5d445501cbe"),
    ])
    func ocbRFC7253Iterated(keyLength: Int, tagLength: Int, expected: String) throws {
        // K = zeros(KEYLEN - 8) || num2str(TAGLEN, 8); N = num2str(i, 96).
        let aes = try AES(key: [UInt8](repeating: 0, count: keyLength - 1) + [UInt8(tagLength * 8)])
        func nonce(_ i: Int) -> [UInt8] { [UInt8](repeating: 0, count: 10) + [UInt8(i >> 8), UInt8(i & 0xff)] }
        func enc(_ i: Int, _ a: [UInt8], _ p: [UInt8]) throws -> [UInt8] {
            let (c, t) = try Self.seal(.ocb, aes, nonce: nonce(i), tagLength: tagLength, aad: a, p)
            return c + t
        }
        var c: [UInt8] = []
        for i in 0..<128 {
            let s = [UInt8](repeating: 0, count: i)
            c += try enc(3 * i + 1, s, s)
            c += try enc(3 * i + 2, [], s)
            c += try enc(3 * i + 3, s, [])
        }
        #expect(Self.hex(try enc(385, c, [])) == expected)
    }

    /// evpciph_aes_ocb.txt: every stanza (12-byte nonces, 12- and 16-byte tags, lengths across
    /// several blocks, and a forged tag).
    @Test func ocbOpenSSLVectors() throws {
        try Self.checkAEAD(.ocb, Self.ocbEVP)
    }

    @Test func ocbParameters() throws {
        let aes = try AES(key: [UInt8](repeating: 5, count: 16))
        func make(_ nonce: Int, _ tag: Int) throws -> OCB<AES> {
            try OCB(
                cipher: aes, parameters: AEADParameters(nonce: [UInt8](repeating: 2, count: nonce), tagLength: tag),
                encrypting: true)
        }
        for n in [0, 16] { Self.expectError(.invalidParameter, "nonce \(n)") { try make(n, 16) } }
        for t in [0, 17] { Self.expectError(.invalidParameter, "tag \(t)") { try make(12, t) } }
        // Every accepted nonce and tag length round-trips.
        var rng = TestRNG(state: 99)
        for n in 1...15 {
            for t in 1...16 {
                let msg = rng.bytes(rng.below(50))
                let aad = rng.bytes(rng.below(20))
                let nonce = [UInt8](repeating: 2, count: n)
                let (c, tag) = try Self.seal(.ocb, aes, nonce: nonce, tagLength: t, aad: aad, msg)
                #expect(tag.count == t)
                #expect(try Self.open(.ocb, aes, nonce: nonce, aad: aad, c, tag: tag) == msg)
            }
        }
        Self.expectError(.invalidParameter, "64-bit block cipher") {
            try OCB(
                cipher: try Toy64(key: [UInt8](repeating: 0, count: 8)), parameters: AEADParameters(nonce: [1]),
                encrypting: true)
        }
        let late = try make(12, 16)
        _ = try late.update([1, 2])
        Self.expectError(.invalidParameter, "AAD after data") { try late.updateAAD([1]) }
    }
    #endif

    // MARK: All three AEADs

    /// Streaming: AAD and data in random pieces (some empty) give the one-shot result, in both
    /// directions, at lengths around the block boundaries and across batches. CCM takes its
    /// AAD in pieces too (buffered) with the total data length announced up front.
    @Test(arguments: Mode.allCases)
    func streamingEqualsOneShot(mode: Mode) throws {
        var rng = TestRNG(state: 0x5EED ^ UInt64(mode.rawValue.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let aes = try AES(key: rng.bytes(16))
        let lengths = Array(0...49) + [63, 64, 65, 127, 128, 129, 255, 256, 257, 1000, 4099]
        for len in lengths {
            let nonce = rng.bytes(
                mode == .ccm ? 7 + rng.below(7) : (mode == .ocb ? 1 + rng.below(15) : 1 + rng.below(20)))
            let tagLength = mode == .ccm ? 4 + 2 * rng.below(7) : (mode == .ocb ? 1 + rng.below(16) : 4 + rng.below(13))
            let aad = rng.bytes(rng.below(70))
            let pt = rng.bytes(len)
            let (c1, t1) = try Self.seal(mode, aes, nonce: nonce, tagLength: tagLength, aad: aad, pt)
            var split: TestRNG? = TestRNG(state: rng.next())
            let (c2, t2) = try Self.seal(mode, aes, nonce: nonce, tagLength: tagLength, aad: aad, pt, rng: &split)
            #expect(c1 == c2 && t1 == t2, "\(mode) length \(len)")
            #expect(c1.count == pt.count && t1.count == tagLength)
            let p = try Self.open(mode, aes, nonce: nonce, aad: aad, c1, tag: t1, rng: &split)
            #expect(p == pt, "\(mode) length \(len) decrypt")
        }
    }

    /// Forgeries: a wrong tag (every bit), a truncated or extended tag, modified AAD and
    /// modified ciphertext all throw `authenticationFailure`, and decryption never returned
    /// plaintext from `update`.
    @Test(arguments: Mode.allCases)
    func forgeriesAreRejected(mode: Mode) throws {
        var rng = TestRNG(state: 0xF0F0 &+ UInt64(mode.rawValue.count))
        let aes = try AES(key: rng.bytes(32))
        let nonce = rng.bytes(12)
        for len in [0, 1, 15, 16, 17, 40] {
            let aad = rng.bytes(21)
            let pt = rng.bytes(len)
            let (ct, tag) = try Self.seal(mode, aes, nonce: nonce, tagLength: 16, aad: aad, pt)
            #expect(try Self.open(mode, aes, nonce: nonce, aad: aad, ct, tag: tag) == pt)
            func rejected(_ what: String, aad a: [UInt8] = aad, ct c: [UInt8] = ct, tag t: [UInt8] = tag) {
                Self.expectError(.authenticationFailure, "\(mode) len \(len): \(what)") {
                    try Self.open(mode, aes, nonce: nonce, aad: a, c, tag: t, tagLength: 16, messageLength: c.count)
                }
            }
            for bit in 0..<128 {
                var t = tag
                t[bit / 8] ^= 1 << UInt8(bit % 8)
                rejected("tag bit \(bit)", tag: t)
            }
            rejected("truncated tag", tag: Array(tag.prefix(12)))
            rejected("empty tag", tag: [])
            rejected("extended tag", tag: tag + [0])
            for i in 0..<aad.count {
                var a = aad
                a[i] ^= 0x80
                rejected("AAD byte \(i)", aad: a)
            }
            rejected("AAD dropped", aad: [])
            rejected("AAD extended", aad: aad + [0])
            for i in 0..<ct.count {
                var c = ct
                c[i] ^= 1
                rejected("ciphertext byte \(i)", ct: c)
            }
            if !ct.isEmpty { rejected("ciphertext truncated", ct: Array(ct.dropLast())) }
            rejected("ciphertext extended", ct: ct + [0])
            // Another nonce.
            var n = nonce
            n[0] ^= 1
            Self.expectError(.authenticationFailure, "\(mode) other nonce") {
                try Self.open(mode, aes, nonce: n, aad: aad, ct, tag: tag)
            }
        }
    }

    /// The one-block-at-a-time path (a 128-bit cipher without `MultiBlockCipher`) gives the
    /// same results as AES's batched path, for every mode.
    @Test func singleBlockPathAgrees() throws {
        var rng = TestRNG(state: 1234)
        let key = rng.bytes(16)
        let aes = try AES(key: key)
        let single = try SingleBlockAES(key: key)
        for mode in Mode.allCases {
            for len in [0, 1, 16, 33, 100, 300] {
                let nonce = rng.bytes(12)
                let aad = rng.bytes(rng.below(40))
                let pt = rng.bytes(len)
                let a = try Self.seal(mode, aes, nonce: nonce, tagLength: 16, aad: aad, pt)
                let b = try Self.seal(mode, single, nonce: nonce, tagLength: 16, aad: aad, pt)
                #expect(a.0 == b.0 && a.1 == b.1, "\(mode) \(len)")
                #expect(try Self.open(mode, single, nonce: nonce, aad: aad, a.0, tag: a.1) == pt)
            }
        }
        let tweak = rng.bytes(16)
        let xkey = rng.bytes(32)
        for len in [16, 17, 31, 32, 100, 513] {
            let data = rng.bytes(len)
            let a = try XTS<AES>(key: xkey, tweak: tweak, encrypting: true).process(data)
            let b = try XTS<SingleBlockAES>(key: xkey, tweak: tweak, encrypting: true).process(data)
            #expect(a == b)
            #expect(try XTS<SingleBlockAES>(key: xkey, tweak: tweak, encrypting: false).process(b) == data)
        }
    }

    // MARK: XTS

    /// IEEE Std 1619-2007 vectors and the short ciphertext-stealing cases, from
    /// evpciph_aes_common.txt (aes-128-xts and aes-256-xts).
    @Test func xtsIEEE1619Vectors() throws {
        for (k, iv, p, c) in Self.xtsEVP {
            let key = Self.unhex(k)
            let tweak = Self.unhex(iv)
            #expect(
                Self.hex(try XTS<AES>(key: key, tweak: tweak, encrypting: true).process(Self.unhex(p))) == c,
                "key \(k) len \(p.count / 2)")
            #expect(Self.hex(try XTS<AES>(key: key, tweak: tweak, encrypting: false).process(Self.unhex(c))) == p)
        }
    }

    /// OpenSSL 3.0 refuses Key1 == Key2 when encrypting (`aes_xts_check_keys_differ`); its
    /// default provider still decrypts with such a key (the evp_test stanza marked
    /// `Availablein = default`), its FIPS provider does not.
    @Test func xtsEqualKeyHalves() throws {
        let zeros = [UInt8](repeating: 0, count: 32)
        let iv = [UInt8](repeating: 0, count: 16)
        Self.expectError(.invalidParameter, "equal halves, encrypting") {
            try XTS<AES>(key: zeros, tweak: iv, encrypting: true)
        }
        Self.expectError(.invalidParameter, "equal halves, AES-256, encrypting") {
            try XTS<AES>(key: [UInt8](repeating: 0x42, count: 64), tweak: iv, encrypting: true)
        }
        Self.expectError(.invalidParameter, "equal halves, decrypting, FIPS rule") {
            try XTS<AES>(key: zeros, tweak: iv, encrypting: false, rejectEqualKeysForDecryption: true)
        }
        let ct = Self.unhex("917cf69ebd68b2ec9b9fe9a3eadda692cd43d2f59598ed858c02c2652fbf922e")
        #expect(try XTS<AES>(key: zeros, tweak: iv, encrypting: false).process(ct) == zeros)
        // Halves that differ in one byte are fine.
        var key = zeros
        key[31] = 1
        _ = try XTS<AES>(key: key, tweak: iv, encrypting: true)
    }

    @Test func xtsLengthsAndParameters() throws {
        var rng = TestRNG(state: 77)
        let key = rng.bytes(64)
        let tweak = rng.bytes(16)
        let enc = try XTS<AES>(key: key, tweak: tweak, encrypting: true)
        let dec = try XTS<AES>(key: key, tweak: tweak, encrypting: false)
        for n in 0..<16 {
            Self.expectError(.invalidLength, "data unit of \(n) bytes") {
                try enc.process([UInt8](repeating: 0, count: n))
            }
        }
        for n in 16...100 {
            let data = rng.bytes(n)
            let c = try enc.process(data)
            #expect(c.count == n && c != data)
            #expect(try dec.process(c) == data, "length \(n)")
            // The tweak is not advanced between calls: each call is one whole data unit.
            #expect(try enc.process(data) == c)
        }
        Self.expectError(.invalidLength, "more than 2^20 blocks") {
            try enc.process([UInt8](repeating: 0, count: XTS<AES>.maxDataUnitLength + 1))
        }
        for k in [0, 16, 31, 48, 63, 65] {
            Self.expectError(.invalidParameter, "key of \(k) bytes") {
                try XTS<AES>(key: rng.bytes(k), tweak: tweak, encrypting: true)
            }
        }
        for t in [0, 8, 15, 17] {
            Self.expectError(.invalidParameter, "tweak of \(t) bytes") {
                try XTS<AES>(key: key, tweak: rng.bytes(t), encrypting: true)
            }
        }
        Self.expectError(.invalidParameter, "64-bit block cipher") {
            try XTS<Toy64>(key: rng.bytes(32), tweak: tweak, encrypting: true)
        }
    }

    // MARK: Key wrap

    /// RFC 3394 section 4.1-4.6 (KEK 000102..., key data 00112233...).
    @Test func keyWrapRFC3394() throws {
        let kek = Self.unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        let data = Self.unhex("00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f")
        let cases: [(Int, Int, String)] = [
            (16, 16, "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"),
            (24, 16, "96778b25ae6ca435f92b5b97c050aed2468ab8a17ad84e5d"),
            (32, 16, "64e8c3f9ce0f5ba263e9777905818a2a93c8191e7d6e8ae7"),
            (24, 24, "031d33264e15d33268f24ec260743edce1c6c7ddee725a936ba814915c6762d2"),
            (32, 24, "a8f9bc1612c68b3ff6e6f4fbe30e71e4769c8b80a32cb8958cd5d17d6b254da1"),
            (32, 32, "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21"),
        ]
        for (section, (k, n, out)) in cases.enumerated() {
            let key = Array(kek.prefix(k))
            let pt = Array(data.prefix(n))
            #expect(Self.hex(try AESKeyWrap.wrap(key: key, pt)) == out, "section 4.\(section + 1)")
            #expect(try AESKeyWrap.unwrap(key: key, Self.unhex(out)) == pt)
            #expect(try AESKeyWrap.wrap(key: key, pt, iv: AESKeyWrap.defaultIV) == Self.unhex(out))
        }
    }

    /// RFC 5649 section 6 (KEK 5840df6e...; a 20-byte and a 7-byte key).
    @Test func keyWrapRFC5649() throws {
        let kek = Self.unhex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8")
        let cases = [
            (
                "c37b7e6492584340bed12207808941155068f738",
                "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a"
            ),
            ("466f7250617369", "afbeb0f07dfbf5419200f2ccb50bb24f"),
        ]
        for (p, c) in cases {
            #expect(Self.hex(try AESKeyWrap.wrapPad(key: kek, Self.unhex(p))) == c)
            #expect(Self.hex(try AESKeyWrap.unwrapPad(key: kek, Self.unhex(c))) == p)
        }
    }

    /// evpciph_aes_wrap.txt: every stanza, including the inverse-cipher variants
    /// (aes-128-wrap-inv, aes-128-wrap-pad-inv) and the integrity failures.
    @Test func keyWrapOpenSSLVectors() throws {
        for (name, k, p, c, fails) in Self.wrapEVP {
            let key = Self.unhex(k)
            let pt = Self.unhex(p)
            let ct = Self.unhex(c)
            let pad = name.contains("pad")
            let inverse = name.hasSuffix("-inv")
            func unwrap() throws -> [UInt8] {
                pad
                    ? try AESKeyWrap.unwrapPad(key: key, ct, inverse: inverse)
                    : try AESKeyWrap.unwrap(key: key, ct, inverse: inverse)
            }
            if fails {
                Self.expectError(.authenticationFailure, "\(name) \(k)") { try unwrap() }
                continue
            }
            let w =
                pad
                ? try AESKeyWrap.wrapPad(key: key, pt, inverse: inverse)
                : try AESKeyWrap.wrap(key: key, pt, inverse: inverse)
            #expect(w == ct, "\(name) \(k)")
            #expect(try unwrap() == pt, "\(name) \(k) unwrap")
        }
    }

    @Test func keyWrapRejections() throws {
        var rng = TestRNG(state: 3394)
        let kek = rng.bytes(16)
        let data = rng.bytes(32)
        let wrapped = try AESKeyWrap.wrap(key: kek, data)
        for i in 0..<wrapped.count {
            var w = wrapped
            w[i] ^= 0x10
            Self.expectError(.authenticationFailure, "KW byte \(i) modified") { try AESKeyWrap.unwrap(key: kek, w) }
        }
        Self.expectError(.authenticationFailure, "KW other KEK") { try AESKeyWrap.unwrap(key: rng.bytes(16), wrapped) }
        let custom = rng.bytes(8)
        let w2 = try AESKeyWrap.wrap(key: kek, data, iv: custom)
        #expect(try AESKeyWrap.unwrap(key: kek, w2, iv: custom) == data)
        Self.expectError(.authenticationFailure, "KW IV mismatch") { try AESKeyWrap.unwrap(key: kek, w2) }
        for n in [0, 8, 15, 17, 23] {
            Self.expectError(.invalidLength, "KW plaintext of \(n)") { try AESKeyWrap.wrap(key: kek, rng.bytes(n)) }
        }
        for n in [0, 8, 16, 23, 25] {
            Self.expectError(.invalidLength, "KW ciphertext of \(n)") { try AESKeyWrap.unwrap(key: kek, rng.bytes(n)) }
        }
        Self.expectError(.invalidParameter, "KW IV of 4 bytes") {
            try AESKeyWrap.wrap(key: kek, data, iv: [1, 2, 3, 4])
        }
        Self.expectError(.invalidParameter, "KEK of 15 bytes") { try AESKeyWrap.wrap(key: rng.bytes(15), data) }

        // KWP: every length 1...40 round-trips; tampering, short input and bad IVs are refused.
        for n in 1...40 {
            let p = rng.bytes(n)
            let w = try AESKeyWrap.wrapPad(key: kek, p)
            #expect(w.count == (n + 7) / 8 * 8 + 8)
            #expect(try AESKeyWrap.unwrapPad(key: kek, w) == p, "KWP length \(n)")
            var bad = w
            bad[rng.below(bad.count)] ^= 4
            Self.expectError(.authenticationFailure, "KWP length \(n) modified") {
                try AESKeyWrap.unwrapPad(key: kek, bad)
            }
        }
        Self.expectError(.invalidLength, "KWP of nothing") { try AESKeyWrap.wrapPad(key: kek, []) }
        for n in [0, 8, 15, 17] {
            Self.expectError(.invalidLength, "KWP ciphertext of \(n)") {
                try AESKeyWrap.unwrapPad(key: kek, rng.bytes(n))
            }
        }
        Self.expectError(.invalidParameter, "KWP IV of 8 bytes") {
            try AESKeyWrap.wrapPad(key: kek, [1], iv: rng.bytes(8))
        }
        let icv = [UInt8]([1, 2, 3, 4])
        let wi = try AESKeyWrap.wrapPad(key: kek, [9, 9, 9], iv: icv)
        #expect(try AESKeyWrap.unwrapPad(key: kek, wi, iv: icv) == [9, 9, 9])
        Self.expectError(.authenticationFailure, "KWP IV mismatch") { try AESKeyWrap.unwrapPad(key: kek, wi) }

        // RFC 5649's checks, reached through RFC 3394 wrapping with a hand-made AIV: the padding
        // must be zero and the length indicator within (8(n-1), 8n].
        func aiv(_ length: UInt32) -> [UInt8] {
            AESKeyWrap.defaultPadIV + [
                UInt8(length >> 24), UInt8((length >> 16) & 0xff), UInt8((length >> 8) & 0xff), UInt8(length & 0xff),
            ]
        }
        let zeroPadded = [UInt8](repeating: 7, count: 10) + [UInt8](repeating: 0, count: 6)
        #expect(
            try AESKeyWrap.unwrapPad(key: kek, AESKeyWrap.wrap(key: kek, zeroPadded, iv: aiv(10)))
                == Array(zeroPadded.prefix(10)))
        for i in 10..<16 {
            var p = zeroPadded
            p[i] = 1
            Self.expectError(.authenticationFailure, "nonzero padding byte \(i)") {
                try AESKeyWrap.unwrapPad(key: kek, AESKeyWrap.wrap(key: kek, p, iv: aiv(10)))
            }
        }
        for length: UInt32 in [0, 7, 8, 17, 0xFFFF_FFFF] {
            Self.expectError(.authenticationFailure, "length indicator \(length) for 16 bytes") {
                try AESKeyWrap.unwrapPad(key: kek, AESKeyWrap.wrap(key: kek, zeroPadded, iv: aiv(length)))
            }
        }
        Self.expectError(.authenticationFailure, "RFC 3394 IV given to unwrapPad") {
            try AESKeyWrap.unwrapPad(key: kek, AESKeyWrap.wrap(key: kek, zeroPadded))
        }
    }

    // MARK: OpenSSL's evp_test files, whole

    static let evpDirectory: String = {
        let env = ProcessInfo.processInfo.environment
        let cache = env["CONFRUN_CACHE"] ?? ((env["HOME"] ?? "/root") + "/.cache/swift-libcrypto")
        return cache + "/openssl/openssl-3.0.22/test/recipes/30-test_evp_data/"
    }()

    static var haveEVPFiles: Bool { FileManager.default.fileExists(atPath: evpDirectory + "evpciph_aes_ccm_cavs.txt") }

    static func stanzas(_ file: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: evpDirectory + file, encoding: .utf8)
        var out: [[String: String]] = []
        var cur: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if l.isEmpty {
                if !cur.isEmpty { out.append(cur) }
                cur = [:]
                continue
            }
            if l.hasPrefix("#") { continue }
            guard let eq = l.firstIndex(of: "=") else { continue }
            cur[l[..<eq].trimmingCharacters(in: .whitespaces)] = l[l.index(after: eq)...].trimmingCharacters(
                in: .whitespaces)
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Every GCM, CCM, OCB, XTS and key-wrap stanza of OpenSSL 3.0.22's evpciph_aes_common.txt,
    /// evpciph_aes_ccm_cavs.txt, evpciph_aes_ocb.txt and evpciph_aes_wrap.txt (read from the
    /// set-up cache when it is there), with the default provider's expectations.
    @Test(.enabled(if: AEADTests.haveEVPFiles, "needs the OpenSSL 3.0.22 sources in the set-up cache"))
    func openSSLEVPFiles() throws {
        var counts: [String: Int] = [:]
        for file in [
            "evpciph_aes_common.txt", "evpciph_aes_ccm_cavs.txt", "evpciph_aes_ocb.txt", "evpciph_aes_wrap.txt",
        ] {
            for s in try Self.stanzas(file) {
                guard let name = s["Cipher"]?.lowercased(), s["Availablein"] != "fips" else { continue }
                let key = s["Key"] ?? ""
                let iv = s["IV"] ?? ""
                let pt = s["Plaintext"] ?? ""
                let ct = s["Ciphertext"] ?? ""
                let fails = s["Result"] != nil
                let op = s["Operation"]
                if let mode = [("-gcm", Mode.gcm), ("-ccm", .ccm), ("-ocb", .ocb)].first(where: { name.hasSuffix($0.0) }
                )?.1 {
                    let v = AEADVector(
                        key.lowercased(), iv.lowercased(), (s["AAD"] ?? "").lowercased(), pt.lowercased(),
                        ct.lowercased(),
                        (s["Tag"] ?? "").lowercased(), forged: fails)
                    if op == "DECRYPT" && !fails {
                        let aes = try AES(key: Self.unhex(v.key))
                        #expect(
                            try Self.open(
                                mode, aes, nonce: Self.unhex(v.iv), aad: Self.unhex(v.aad), Self.unhex(v.ciphertext),
                                tag: Self.unhex(v.tag)) == Self.unhex(v.plaintext))
                    } else {
                        try Self.checkAEAD(mode, [v])
                    }
                } else if name.hasSuffix("-xts") {
                    let k = Self.unhex(key)
                    let t = Self.unhex(iv)
                    if op != "DECRYPT" {
                        if fails {
                            Self.expectError(.invalidParameter, "xts \(key)") {
                                try XTS<AES>(key: k, tweak: t, encrypting: true)
                            }
                        } else {
                            #expect(
                                Self.hex(try XTS<AES>(key: k, tweak: t, encrypting: true).process(Self.unhex(pt)))
                                    == ct.lowercased())
                        }
                    }
                    if op != "ENCRYPT" && !fails {
                        #expect(
                            Self.hex(try XTS<AES>(key: k, tweak: t, encrypting: false).process(Self.unhex(ct)))
                                == pt.lowercased())
                    }
                } else if name.contains("wrap") {
                    let pad = name.contains("pad")
                    let inverse = name.hasSuffix("-inv")
                    let k = Self.unhex(key)
                    let c = Self.unhex(ct)
                    let p = Self.unhex(pt)
                    if fails {
                        Self.expectError(.authenticationFailure, "\(name) \(key)") {
                            pad
                                ? try AESKeyWrap.unwrapPad(key: k, c, inverse: inverse)
                                : try AESKeyWrap.unwrap(key: k, c, inverse: inverse)
                        }
                    } else {
                        if op != "DECRYPT" {
                            #expect(
                                try
                                    (pad
                                    ? AESKeyWrap.wrapPad(key: k, p, inverse: inverse)
                                    : AESKeyWrap.wrap(key: k, p, inverse: inverse)) == c)
                        }
                        #expect(
                            try
                                (pad
                                ? AESKeyWrap.unwrapPad(key: k, c, inverse: inverse)
                                : AESKeyWrap.unwrap(key: k, c, inverse: inverse)) == p)
                    }
                } else {
                    continue
                }
                counts[file, default: 0] += 1
            }
        }
        // Every stanza of these kinds ran (counts as in OpenSSL 3.0.22).
        #expect(counts["evpciph_aes_ccm_cavs.txt"] == 2865)
        #expect(counts["evpciph_aes_ocb.txt"] == 31)
        #expect(counts["evpciph_aes_wrap.txt"] == 26)
        #expect(counts["evpciph_aes_common.txt"] == 88)
    }
}

// MARK: Vectors transcribed from OpenSSL 3.0.22 test/recipes/30-test_evp_data and RFC 7253

extension AEADTests {
    /// RFC 7253 appendix A, the sixteen sample results (AES-128, K = 000102...0F, 128-bit tag):
    /// nonce, AAD, plaintext, ciphertext || tag.
    static let ocbRFC7253: [(String, String, String, String)] = [
        ("bbaa99887766554433221100", "", "", "785407bfffc8ad9edcc5520ac9111ee6"),
        (
            "bbaa99887766554433221101", "0001020304050607", "0001020304050607",
            "6820b3657b6f615a5725bda0d3b4eb3a257c9af1f8f03009"
        ),
        ("bbaa99887766554433221102", "0001020304050607", "", "81017f8203f081277152fade694a0a00"),
        ("bbaa99887766554433221103", "", "0001020304050607", "45dd69f8f5aae72414054cd1f35d82760b2cd00d2f99bfa9"),
        (
            "bbaa99887766554433221104", "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b0c0d0e0f",
            "571d535b60b277188be5147170a9a22c3ad7a4ff3835b8c5701c1ccec8fc3358"
        ),
        ("bbaa99887766554433221105", "000102030405060708090a0b0c0d0e0f", "", "8cf761b6902ef764462ad86498ca6b97"),
        (
            "bbaa99887766554433221106", "", "000102030405060708090a0b0c0d0e0f",
            "5ce88ec2e0692706a915c00aeb8b2396f40e1c743f52436bdf06d8fa1eca343d"
        ),
        (
            "bbaa99887766554433221107", "000102030405060708090a0b0c0d0e0f1011121314151617",
            "000102030405060708090a0b0c0d0e0f1011121314151617",
            "1ca2207308c87c010756104d8840ce1952f09673a448a122c92c62241051f57356d7f3c90bb0e07f"
        ),
        (
            "bbaa99887766554433221108", "000102030405060708090a0b0c0d0e0f1011121314151617", "",
            "6dc225a071fc1b9f7c69f93b0f1e10de"
        ),
        (
            "bbaa99887766554433221109", "", "000102030405060708090a0b0c0d0e0f1011121314151617",
            "221bd0de7fa6fe993eccd769460a0af2d6cded0c395b1c3ce725f32494b9f914d85c0b1eb38357ff"
        ),
        (
            "bbaa9988776655443322110a", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "bd6f6c496201c69296c11efd138a467abd3c707924b964deaffc40319af5a48540fbba186c5553c68ad9f592a79a4240"
        ),
        (
            "bbaa9988776655443322110b", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "",
            "fe80690bee8a485d11f32965bc9d2a32"
        ),
        (
            "bbaa9988776655443322110c", "", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "2942bfc773bda23cabc6acfd9bfd5835bd300f0973792ef46040c53f1432bcdfb5e1dde3bc18a5f840b52e653444d5df"
        ),
        (
            "bbaa9988776655443322110d",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "d5ca91748410c1751ff8a2f618255b68a0a12e093ff454606e59f9c1d0ddc54b65e8628e568bad7aed07ba06a4a69483a7035490c5769e60"
        ),
        (
            "bbaa9988776655443322110e",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627", "",
            "c5cd9d1850c141e358649994ee701b68"
        ),
        (
            "bbaa9988776655443322110f", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "4412923493c57d5de0d700f753cce0d1d2d95060122e9f15a5ddbfc5787e50b5cc55ee507bcb084e479ad363ac366b95a98ca5f3000b1479"
        ),
    ]

    /// evpciph_aes_common.txt: every GCM stanza (McGrew-Viega test cases 1-18 from the GCM
    /// spec with OpenSSL's tag-flipped decrypt checks, its streaming add-ons, and the CAVP
    /// single-byte-IV cases).
    static let gcmEVP: [AEADVector] = [
        .init(
            "00000000000000000000000000000000", "000000000000000000000000", "", "", "",
            "58e2fccefa7e3061367f1d57a4e7455a"),
        .init(
            "00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
        .init(
            "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
            "4d5c2af327cd64a62cf35abd2ba6fab4"),
        .init(
            "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            "5bc94fbc3221a5db94fae95ae7121a47"),
        .init(
            "feffe9928665731c6d6a8f9467308308", "cafebabefacedbad", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
            "3612d2e79e3b0785561be14aaca2fccb"),
        .init(
            "feffe9928665731c6d6a8f9467308308",
            "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
            "619cc5aefffe0bfa462af43c1699d050"),
        .init(
            "feffe9928665731c6d6a8f9467308308",
            "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
            "619cc5aefffe0bfa462af43c1699d051", forged: true),
        .init(
            "000000000000000000000000000000000000000000000000", "000000000000000000000000", "", "", "",
            "cd33b28ac773f74ba00ed1f312572435"),
        .init(
            "000000000000000000000000000000000000000000000000", "000000000000000000000000", "",
            "00000000000000000000000000000000", "98e7247c07f0fe411c267e4384b0f600", "2ff58d80033927ab8ef4d4587514f0fb"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c", "cafebabefacedbaddecaf888", "",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
            "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256",
            "9924a7c8587336bfb118024db8674a14"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c", "cafebabefacedbaddecaf888",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
            "2519498e80f1478f37ba55bd6d27618c"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c", "cafebabefacedbad",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "0f10f599ae14a154ed24b36e25324db8c566632ef2bbb34f8347280fc4507057fddc29df9a471f75c66541d4d4dad1c9e93a19a58e8b473fa0f062f7",
            "65dcc57fcf623a24094fcca40d3533f8"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c",
            "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "d27e88681ce3243c4830165a8fdcf9ff1de9a1d8e6b447ef6ef7b79828666e4581e79012af34ddd9e2f037589b292db3e67c036745fa22e7e9b7373b",
            "dcf566ff291c25bbb8568fc3d376a6d9"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c",
            "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "d27e88681ce3243c4830165a8fdcf9ff1de9a1d8e6b447ef6ef7b79828666e4581e79012af34ddd9e2f037589b292db3e67c036745fa22e7e9b7373b",
            "dcf566ff291c25bbb8568fc3d376a6d8", forged: true),
        .init(
            "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "", "", "",
            "530f8afbc74536b9a963b4f1c4cb738b"),
        .init(
            "0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000", "",
            "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", "",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
            "b094dac5d93471bdec1a502270e3cc6c"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            "76fc6ece0f4e1768cddf8853bb2d551b"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", "cafebabefacedbad",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
            "3a337dbf46a792c45e454913fe2ea8f2"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
            "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
            "a44a8266ee1c8eb0c8b5d4cf5ae9f19a"),
        .init(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
            "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
            "a44a8266ee1c8eb0c8b5d4cf5ae9f19b", forged: true),
        .init(
            "00000000000000000000000000000000", "000000000000000000000000",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
            "", "", "5fea793a2d6f974d37e68e0cb8ff9492"),
        .init(
            "00000000000000000000000000000000", "000000000000000000000000", "",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78f795aaab494b5923f7fd89ff948bc1e0200211214e7394da2089b6acd093abe0",
            "9dd0a376b08e40eb00c35f29f9ea61a4"),
        .init(
            "00000000000000000000000000000000", "000000000000000000000000", "",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78f795aaab494b5923f7fd89ff948bc1e0200211214e7394da2089b6acd093abe0c94da219118e297d7b7ebcbcc9c388f28ade7d85a8ee35616f7124a9d5270291",
            "98885a3a22bd4742fe7b72172193b163"),
        .init(
            "00000000000000000000000000000000", "000000000000000000000000", "",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78f795aaab494b5923f7fd89ff948bc1e0200211214e7394da2089b6acd093abe0c94da219118e297d7b7ebcbcc9c388f28ade7d85a8ee35616f7124a9d527029195b84d1b96c690ff2f2de30bf2ec89e00253786e126504f0dab90c48a30321de3345e6b0461e7c9e6c6b7afedde83f40",
            "cac45f60e31efd3b5a43b98a22ce1aa1"),
        .init(
            "00000000000000000000000000000000",
            "ffffffff000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "56b3373ca9ef6e4a2b64fe1e9a17b61425f10d47a75a5fce13efc6bc784af24f4141bdd48cf7c770887afd573cca5418a9aeffcd7c5ceddfc6a78397b9a85b499da558257267caab2ad0b23ca476a53cb17fb41c4b8b475cb4f3f7165094c229c9e8c4dc0a2a5ff1903e501511221376a1cdb8364c5061a20cae74bc4acd76ceb0abc9fd3217ef9f8c90be402ddf6d8697f4f880dff15bfb7a6b28241ec8fe183c2d59e3f9dfff653c7126f0acb9e64211f42bae12af462b1070bef1ab5e3606",
            "566f8ef683078bfdeeffa869d751a017"),
        .init(
            "00000000000000000000000000000000",
            "ffffffff000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "56b3373ca9ef6e4a2b64fe1e9a17b61425f10d47a75a5fce13efc6bc784af24f4141bdd48cf7c770887afd573cca5418a9aeffcd7c5ceddfc6a78397b9a85b499da558257267caab2ad0b23ca476a53cb17fb41c4b8b475cb4f3f7165094c229c9e8c4dc0a2a5ff1903e501511221376a1cdb8364c5061a20cae74bc4acd76ceb0abc9fd3217ef9f8c90be402ddf6d8697f4f880dff15bfb7a6b28241ec8fe183c2d59e3f9dfff653c7126f0acb9e64211f42bae12af462b1070bef1ab5e3606872ca10dee15b3249b1a1b958f23134c4bccb7d03200bce420a2f8eb66dcf3644d1423c1b5699003c13ecef4bf38a3b6",
            "fd0c7011ff07f0071324bdfb2d0f3a29"),
        .init(
            "00000000000000000000000000000000",
            "ffffffff000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "56b3373ca9ef6e4a2b64fe1e9a17b61425f10d47a75a5fce13efc6bc784af24f4141bdd48cf7c770887afd573cca5418a9aeffcd7c5ceddfc6a78397b9a85b499da558257267caab2ad0b23ca476a53cb17fb41c4b8b475cb4f3f7165094c229c9e8c4dc0a2a5ff1903e501511221376a1cdb8364c5061a20cae74bc4acd76ceb0abc9fd3217ef9f8c90be402ddf6d8697f4f880dff15bfb7a6b28241ec8fe183c2d59e3f9dfff653c7126f0acb9e64211f42bae12af462b1070bef1ab5e3606872ca10dee15b3249b1a1b958f23134c4bccb7d03200bce420a2f8eb66dcf3644d1423c1b5699003c13ecef4bf38a3b60eedc34033bac1902783dc6d89e2e774188a439c7ebcc0672dbda4ddcfb2794613b0be41315ef778708a70ee7d75165c",
            "8b307f6b33286d0ab026a9ed3fe1e85f"),
        .init(
            "843ffcf5d2b72694d19ed01d01249412", "dbcca32ebf9b804617c3aa9e",
            "00000000000000000000000000000000101112131415161718191a1b1c1d1e1f",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f",
            "6268c6fa2a80b2d137467f092f657ac04d89be2beaa623d61b5a868c8f03ff95d3dcee23ad2f1ab3a6c80eaf4b140eb05de3457f0fbc111a6b43d0763aa422a3013cf1dc37fe417d1fbfc449b75d4cc5",
            "3b629ccfbc1119b7319e1dce2cd6fd6d"),
        .init("1672c3537afa82004c6b8a46f6f0d026", "05", "", "", "", "8e2ad721f9455f74d8b53d3141f27e8e"),
        .init(
            "6471e11b5a559f84d196160c64ced95a", "1a", "147c70bd944ae51289717bdbdac86511fa3a43a2", "", "",
            "b7b80d314024261bafd7d218"),
        .init(
            "f0d44d3c8c8ff4d2aab5c315e77a5cff", "3e", "", "ecb7e9263c3080cb8861ffc5afdf3fe8",
            "b5cfd9141ea43d5c16e28666c3840805", "fe0c50de4c5443e4c9380a7df0"),
        .init(
            "c422ac0266dc9b5ddc391d9cdb72257e", "c7", "aa56b160c5d51a4aa400e798c825aaa27d6693de",
            "6149277175c02a462dab219b80d15641a4c033dfa4c9a81de1765f0276008fa2",
            "39d9f9b2348214270f1ca18b521f7485c5390c8e993eb7ff79a5be99c7d523f1", "95c1e410d4ea59dda50d84162b49"),
        .init(
            "72c5683d1e0173afcd92002c26ae3ea5", "4c", "f6cecdc9118777b875ef256cf92a3dc0cf208149",
            "f69623243c6bb924a5502dd270f730baf3fd4a0c10b889fb42a12b086d427786",
            "188e68729648fa9b4a202ed2313be860c593600ac8419c75c55859faa585bc0e", "bb4e889b58b9716f6556c676bd59"),
        .init("d49dfb35287db0b4bce518412c4e84229a9bf8461e11e8a9", "0b", "", "", "", "b1ecd3e6f27346c47e7fff898a418a0f"),
        .init(
            "842c899c5d7c3598676081e9e25fdd030d3e4490a3268fd0", "9e", "ed1162a2d95e0c248ebf9197cb03ad2d", "", "",
            "c81a9ff65112b75911b22523926bf39f"),
        .init(
            "d273319d24f356bf77cb6a56450bd0d464f476a18863840a", "13", "", "c07e127ceb93a3d8d166d1e3fa2565e4",
            "0c44c7b5fb1520bdb493bec38e7846e6", "729b5b765d008e982d9e5fae7c998e"),
        .init(
            "1120b14c39f4240e2cc63285d8b7d59d44c993fddc77d456", "66",
            "c25f9b36d06547a64442e534b1fe3bb120a55292060a3c8611b75313fb5475333eeedac642ee2eed1dd110643ce8aff8",
            "8eb78ac034ce4f182fb9ee68d71ed3f7", "ec13d51a2c37ea48beb32f766e1e42a1", "ebf90469dae01e4be5b0ce86"),
        .init(
            "a70f2f3c96b952b2d177fce5d5edac7c939259ebd3ff7354df3d86100f0be5ac", "69", "", "", "",
            "2d484f834a313bf3f9a25f0a7604a869"),
        .init(
            "c639f716597a86afd12319199e21a62b1fc0277a70e3ca120bd3ff745be88604", "29",
            "20fda1db6911d160121dc3c48e5f19b2", "", "", "221a3398f20d0d9fe913f33a6cd413d3"),
        .init(
            "9473c28f6e978eb15e1967b888282aa6b078d320034fe5f40f8bb68674f1ecda", "0a", "",
            "2d2e2798c10bcfcce742e92d3c390fef", "c4e5ab2c6a4316e57c6c37d2c2acb42c", "03337df7e1e68d77706abef9edaf5e07"),
        .init(
            "bb4635d766dd0e4a7019d1724c736e1f2c016af9e29e7d3aa2c0de23e780af26", "ab",
            "0f85c7dbeb674b7a70c35125d3619350", "d05ce878d94662d1520b184b4bef3c45", "51baa26a6a719c1600645ff3bfdfa53b",
            "6bd54e5184eb300934b392c32b7c1a6e"),
        .init(
            "00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000",
            "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"),
    ]

    /// evpciph_aes_ocb.txt: every stanza.
    static let ocbEVP: [AEADVector] = [
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "", "", "",
            "197b9c3c441d3c83eafb2bef633b9182"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "0001020304050607", "0001020304050607",
            "92b657130a74b85a", "16dc76a46d47e1ead537209e8a96d14e"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "0001020304050607", "", "",
            "98b91552c8c009185044e30a6eb2fe21"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "", "0001020304050607", "92b657130a74b85a",
            "971effcae19ad4716f88e87b871fbeed"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "000102030405060708090a0b0c0d0e0f",
            "000102030405060708090a0b0c0d0e0f", "bea5e8798dbe7110031c144da0b26122", "776c9924d6723a1fc4524532ac3e5beb"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "000102030405060708090a0b0c0d0e0f", "", "",
            "7ddb8e6cea6814866212509619b19cc6"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "", "000102030405060708090a0b0c0d0e0f",
            "bea5e8798dbe7110031c144da0b26122", "13cc8b747807121a4cbb3e4bd6b456af"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f1011121314151617", "000102030405060708090a0b0c0d0e0f1011121314151617",
            "bea5e8798dbe7110031c144da0b26122fcfcee7a2a8d4d48", "5fa94fc3f38820f1dc3f3d1fd4e55e1c"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f1011121314151617", "", "", "282026da3068bc9fa118681d559f10f6"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "",
            "000102030405060708090a0b0c0d0e0f1011121314151617", "bea5e8798dbe7110031c144da0b26122fcfcee7a2a8d4d48",
            "6ef2f52587fda0ed97dc7eede241df68"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "bea5e8798dbe7110031c144da0b26122ceaab9b05df771a657149d53773463cb", "b2a040dd3bd5164372d76d7bb6824240"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "", "",
            "e1e072633bade51a60e85951d9c42a1b"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "bea5e8798dbe7110031c144da0b26122ceaab9b05df771a657149d53773463cb", "4a3bae824465cfdaf8c41fc50c7df9d9"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "bea5e8798dbe7110031c144da0b26122ceaab9b05df771a657149d53773463cb68c65778b058a635",
            "659c623211deea0de30d2c381879f4c8"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627", "", "",
            "7aeb7a69a1687dd082ca27b0d9a37096"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "bea5e8798dbe7110031c144da0b26122ceaab9b05df771a657149d53773463cb68c65778b058a635",
            "060c8467f4abab5e8b3c2067a2e115dc"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a96766fc4e2ee3e3a5a1",
            "1b6c44f34e3abb3cbf8976e7"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b0c0d0e",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "5e2fa7367ffbdb3938845cfd415fcc71ec79634eb31451609d27505f5e2978f43c44213d8fa441ee",
            "1ad62009901f40cba7cd7156f94a7324"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a967b2176c12f110dd441b7caa3a509b13c822d6",
            "c203f98ce28f7dad3f31c021"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f4041",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a967b2176c12f110dd441b7caa3a509b13c86a023afcee998bee42028d44507b15f714ff",
            "8346d7d47c5d893ed472f5ab"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f5051",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a967b2176c12f110dd441b7caa3a509b13c86a023afcee998bee42028d44507b15f77c528a1de6406b519bcee8fcb8294170634d",
            "5822a9a70fdf55d29d2984a6"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f6061",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a967b2176c12f110dd441b7caa3a509b13c86a023afcee998bee42028d44507b15f77c528a1de6406b519bcee8fcb829417001e54e15a7576c4df32366e0f439c7050faa",
            "81772b6741abb4eca9d2deb2"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a967b2176c12f110dd441b7caa3a509b13c86a023afcee998bee42028d44507b15f77c528a1de6406b519bcee8fcb829417001e54e15a7576c4df32366e0f439c7051cb4824b8114e9a720cbc1ce0185b156b486",
            "3e52a01d068de85456db03b7"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000102030405060708090a0b",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071",
            "09a4fd29de949d9a9aa9924248422097ad4883b4713e6c214ff6567ada08a967b2176c12f110dd441b7caa3a509b13c86a023afcee998bee42028d44507b15f77c528a1de6406b519bcee8fcb829417001e54e15a7576c4df32366e0f439c7051cb4824b8114e9a720cbc1ce0185b156b486",
            "3e52a01d068de85456db03b6", forged: true),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b819333",
            "c14dff7d62a13c4a3422456207453190"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b8193332374120a78a1171d23ed9e9cb1adc204",
            "d47d84f6ff912c79b6a4223ab9be2db8"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071000102030405060708090a0b0c0d",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b8193332374120a78a1171d23ed9e9cb1adc20412c017ad0ca498827c768ddd99b26e91",
            "41970d13737b7bd1b5fbf49ed4412ca5"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b8193332374120a78a1171d23ed9e9cb1adc20412c017ad0ca498827c768ddd99b26e91edb8681700ff30366f07aede8ceacc1f",
            "be0228651ed4e48a11bded68d953f3a0"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b8193332374120a78a1171d23ed9e9cb1adc20412c017ad0ca498827c768ddd99b26e91edb8681700ff30366f07aede8ceacc1f39be69b91bc808fa7a193f7eea43137b",
            "17bc6e10b16e5fdc52836e7d589518c7"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b8193332374120a78a1171d23ed9e9cb1adc20412c017ad0ca498827c768ddd99b26e91edb8681700ff30366f07aede8ceacc1f39be69b91bc808fa7a193f7eea43137b11cf99263d693aebdf8ade1a1d838ded",
            "e84aac18666116990a3a37b3a5fc55bd"),
        .init(
            "000102030405060708090a0b0c0d0e0f", "000000000001020304050607", "",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f7071000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d",
            "f5186c9cc3506386919b6fd9443956e05b203313f8ab35e916ab36932ebddcd2945901babe7cf29404929f322f954c916065fabf8f1e52f4bd7c538c0f96899519dbc6bc504d837d8ebd1436b45d33f528cb642fa2eb2c403fe604c12b8193332374120a78a1171d23ed9e9cb1adc20412c017ad0ca498827c768ddd99b26e91edb8681700ff30366f07aede8ceacc1f39be69b91bc808fa7a193f7eea43137b11cf99263d693aebdf8ade1a1d838ded48d9e09f452f8e6fbeb76a3ded47611c",
            "3e5ea7ee064fe83b313e28d411e91ead"),
    ]

    /// evpciph_aes_ccm_cavs.txt (NIST CAVS CCM): 66 stanzas, after the CCM stanzas of
    /// evpciph_aes_common.txt, with distinct key, nonce, tag, AAD
    /// and payload lengths (the file-driven test runs all 2865).
    static let ccmEVP: [AEADVector] = [
        .init(
            "1bde3251d41a8b5ea013c195ae128b218b3e0306376357077ef1c1c78548b92e", "5b8e40746f6b98e00f1d13ff41",
            "c17a32514eb6103f3249e076d4c871dc97e04b286699e54491dc18f6d734d4c0",
            "53bd72a97089e312422bf72e242377b3c6ee3e2075389b999c4ef7f28bd2b80a",
            "9a5fcccdb4cf04e7293d2775cc76a488f042382d949b43b7d6bb2b9864786726", "2024931d73bca480c24a24ece6b6c2bf"),
        .init(
            "1bde3251d41a8b5ea013c195ae128b218b3e0306376357077ef1c1c78548b92e", "5b8e40746f6b98e00f1d13ff41",
            "c17a32514eb6103f3249e076d4c871dc97e04b286699e54491dc18f6d734d4c0",
            "53bd72a97089e312422bf72e242377b3c6ee3e2075389b999c4ef7f28bd2b80a",
            "9a5fcccdb4cf04e7293d2775cc76a488f042382d949b43b7d6bb2b9864786726", "2024931d73bca480c24a24ece6b6c2be",
            forged: true),
        .init(
            "1bde3251d41a8b5ea013c195ae128b218b3e0306376357077ef1c1c78548b92e", "5b8e40746f6b98e00f1d13ff41",
            "c17a32514eb6103f3249e076d4c871dc97e04b286699e54491dc18f6d734d4c0",
            "53bd72a97089e312422bf72e242377b3c6ee3e2075389b999c4ef7f28bd2b80a",
            "9a5fcccdb4cf04e7293d2775cc76a488f042382d949b43b7d6bb2b9864786726", "2024931d73bca480c24a24ece6b6c2bf"),
        .init(
            "548c2d1eb7d91e003633d4d9ff199e4a8447180edd89ac7867d25a1db288b5ce", "23b205bd6ff8ed0bab0c98999c",
            "a6601111cd92c943", "49fd5cbe4aff89dc3b8718f9ce545d612cbbebb289ecbf42",
            "3cfc6211e359ae322802fc9566f377b0dfe17d1dfe0878eb", "f2a9047e37cc0be1fab0006af8db8dc4"),
        .init(
            "f7079dfa3b5c7b056347d7e437bcded683abd6e2c9e069d333284082cbb5d453", "894dcaa61008eb8fb052c60d41", "",
            "3c0e2815d37d844f7ac240ba9d6e3a0b2a86f706e885959e", "bb5425b3869b76856ec58e39886fb6f6f2ac13fe44cb132d",
            "8d0c0099", forged: true),
        .init(
            "97bc7482a87ba005475dfa3448f59d4b3f9c4c969d08b39b1b21ef965c0f5125", "0bcf78103ec52d6df28887",
            "049c10f0cb37ae08eae2d0766563b7c5a8454f841c2061a4f71a0a2158ae6ce5",
            "b99bf4dc781795fc4d3a8467b06e1665d4e543657f23129f", "0d3891fa0caac1f7ebe41b480920ffd34d4155064c24f3b1",
            "7a483163dd8f228d1f20cd4f86cf38fd"),
        .init(
            "f9fdca4ac64fe7f014de0f43039c7571", "5a8aa485c316e9",
            "3796cf51b8726652a4204733b8fbb047cf00fb91a9837e22ec22b1a268f88e2c",
            "a265480ca88d5f536db0dc6abc40faf0d05be7a966977768", "6be31860ca271ef448de8f8d8b39346daf4b81d7e92d65b3",
            "38f125fa"),
        .init(
            "4bb3c4a4f893ad8c9bdc833c325d62b3d3ad1bccf9282a65", "a16a2e741f1cd9717285b6d882", "", "", "", "db7ffc82",
            forged: true),
        .init(
            "368f35a1f80eaaacd6bb136609389727", "842a8445847502ea77363a16b6",
            "34396dfcfa6f742aea7040976bd596497a7a6fa4fb85ee8e4ca394d02095b7bf",
            "1cccd55825316a94c5979e049310d1d717cdfb7624289dac", "1a58094f0e8c6035a5584bfa8d1009c5f78fd2ca487ff222",
            "f6d1d897d6051618"),
        .init(
            "90929a4b0ac65b350ad1591611fe48297e03956f6083e451", "5a8aa485c316e9",
            "3796cf51b8726652a4204733b8fbb047cf00fb91a9837e22ec22b1a268f88e2c", "", "", "1d089a5f"),
        .init(
            "3bf52cc5ee86b9a0190f390a5c0366a560b557000dbe5115fd9ee11630a62769", "f9fbd02f28ecc929d369182752",
            "ebf0b3e3199a5c3773c761c725c7600add5f9d8321c9f8e5e5fd1c7a5d2f",
            "094b538110495e938b08cf748a6bcf3e0c80ff9c66570237", "4d8b53016fc8bc9677184c0fa15bbd3d671b9366d82ecb67",
            "f8562eadcdcbcdbad1299bea1523f5d2"),
        .init(
            "a7aa635ea51b0bb20a092bd5573e728c", "0812757ad0cc4d17c4cfe7a642",
            "ec6c44a7e94e51a3ca6dee229098391575ec7213c85267fbf7492fdbeee61b10",
            "8739b4bea1a099fe547499cbc6d1b13d849b8084c9b6acc5", "f43ba9d834ad85dfab3f1c0c27c3441fe4e411a38a261a65",
            "59b3b3ee", forged: true),
        .init(
            "dbf06366f766e2811ecd5d4384d6d08336adc37e0824d620cf0d9e7fd1e7afa9", "b3503ed4e277ed9769b20c10c0",
            "9ae5a04baa9d02c8854e609899c6240851cbc83f81f752bc04c71affa4eed385", "2e3cf0af8c96c7b22719",
            "e317df43ab46eb31be7e", "76f2730d771d56099a0c8d2703d7a24e"),
        .init(
            "1eee667267ef10b03624cf9c341e3f75", "0630a3eae27e505c61c56e6560", "d24651ef0561282d3e20e834960c",
            "798e31cce0a83702a95171fb1162a17b9ce00ec3592ce262", "f3c3e52f1a1ff528a8d3783ee4e75f114e3e6416334815d2",
            "d9236d5c5c9319092078411b72c51ba8"),
        .init(
            "6a798d7c5e1a72b43e20ad5c7b08567b", "a265480ca88d5f",
            "a2248a882ecbf850daf91933a389e78e81623d233dfd47bf8321361a38f138fe", "", "",
            "f9f018fcd125822616083fffebc4c8e6", forged: true),
        .init(
            "197afb02ffbd8f699dacae87094d524324576b99844f75e1", "5a8aa485c316e9403aff859fbb", "",
            "a16a2e741f1cd9717285b6d882c1fc53655e9773761ad697", "042653c674ef2a90f7fb11d30848e530ae59478f1051633a",
            "34fad277"),
        .init(
            "c5e7147f56ba4530b8799ababeb82772", "bdd38e173fb20b981659c597d6",
            "3a069a2bfda44abbb0a82a97e5e9047258c803da2c66190d77149e0f010b3af9",
            "2f3bf0b566440912a1e47a0c07f1cfd39cb440", "bd6265dcba9e14c59e515e395dc60bd053345f",
            "a6d7568c738e3a7fdf142d8f2d1562c0"),
        .init(
            "006ff7d3153caf906ec7929f5aef9276", "57db1541a185bd9cdc34d62025",
            "7d9681cac38e778fba11f4464f69ed9ebfea31b7ffcaf2925b3381c65d975974", "31be1b241cae79c54c2446",
            "9dd8a4244fbdb30b624578", "a625c43233476bbb959acd9edebe2883"),
        .init(
            "4bb3c4a4f893ad8c9bdc833c325d62b3d3ad1bccf9282a65", "3796cf51b87266", "", "", "",
            "d0e1eeef4d2a264536bb1c2c1bde7c35", forged: true),
        .init(
            "7d870d7e52d3053c65eefad47764cfeb", "37d888f4aa452d7bf217f5a529",
            "9610949f6d23d5b1f3989b2f4e524fab4f297a5bec8ddad4f16cb616",
            "109317556c21c969eda65a94176d7a11462c9ae18a865b6d", "4e6b967b1571c6d7b9e118b112b7ac949a4a175650316a24",
            "2dd579cb0d201d22c86bbc7fbe47bd0d"),
        .init(
            "90929a4b0ac65b350ad1591611fe48297e03956f6083e451", "5a8aa485c316e9403aff859fbb", "",
            "a16a2e741f1cd9717285b6d882c1fc53655e9773761ad697", "a5b7d8cca2069908d1ed88e6a9fe2c9bede3131dad54671e",
            "a7ade30a07d185692ab0ebdf4c78cf7a"),
        .init(
            "d2d4482ea8e98c1cf309671895a16610152ce283434bca38", "6ee177d48f59bd37045ec03731",
            "9ef2d0d556d05cf9d1ee9dab9b322a389c75cd4e9dee2c0d08eea961efce8690",
            "78168e5cc3cddf4b90d5bc11613465030903e0196f1fe443", "e2324a6d5643dfc8aea8c08cbbc245494a3dcbcb800c797c",
            "3abcdb0563978785bf7fd71c6c1f"),
        .init(
            "7301c907b9d2aaac355c5416ff25c59b", "7304b65b6dab466273862c88b9",
            "2c5d114eff62c527cc2e03c33c595a80fe609bfc0fe13ce3380efe05d85cceac", "484300aa3a506afcd313b49ead8d",
            "928ca58b0d373dc50c52afac787c", "e8eeb5d5b493661259a9d91ea31a5f7e"),
        .init(
            "26511fb51fcfa75cb4b44da75a6e5a0e", "5a8aa485c316e9403aff859fbb",
            "a16a2e741f1cd9717285b6d882c1fc53655e9773761ad697a7ee6410184c7982",
            "8739b4bea1a099fe547499cbc6d1b13d849b8084c9b6acc5", "50038b5fdd364ee747b70d00bd36840ece4ea19998123375",
            "c0a458bfcafa3b2609afe0f825cbf503"),
        .init(
            "26511fb51fcfa75cb4b44da75a6e5a0eb8d9c8f3b906f886", "0812757ad0cc4d17c4cfe7a642",
            "ec6c44a7e94e51a3ca6dee229098391575ec7213c85267fbf7492fdbeee61b10",
            "8739b4bea1a099fe547499cbc6d1b13d849b8084c9b6acc5", "d1f0518929f4ae2f0543de2a7dfe4bb0110bb3057e524a1c",
            "06bd6dc2e6bcc3436cffb969ae900388", forged: true),
        .init(
            "f1908328edf2996ebfc9655472ca5ad0", "4c693364546930b6c5250e2699", "4a3634e5028df97fbe00eb016e8ea4f1918faa",
            "eede01b08f9a303cdf14c99d7a45732972c6eff2a1db06eb", "90c850790b0b380f5aeb2488fdf43c9d5ef1759861e86f6e",
            "52570e769629dcc2e568737ba53a1195"),
        .init(
            "26511fb51fcfa75cb4b44da75a6e5a0e", "0812757ad0cc4d17c4cfe7a642",
            "ec6c44a7e94e51a3ca6dee229098391575ec7213c85267fbf7492fdbeee61b10",
            "8739b4bea1a099fe547499cbc6d1b13d849b8084c9b6acc5", "78ed8ff6b5a1255d0fbd0a719a9c27b059ff5f83d0c4962c",
            "390042ba8bb5f6798dab01c5afad7306", forged: true),
        .init(
            "d6ff67379a2ead2ca87aa4f29536258f9fb9fc2e91b0ed18e7b9f5df332dd1dc", "2f1d0717a822e20c7cd28f0a",
            "d50741d34c8564d92f396b97be782923ff3c855ea9757bde419f632c83997630",
            "98626ffc6c44f13c964e7fcb7d16e988990d6d063d012d33", "50e22db70ac2bab6d6af7059c90d00fbf0fb52eee5eb650e",
            "08aca7dec636170f481dcb9fefb85c05"),
        .init(
            "f9fdca4ac64fe7f014de0f43039c7571", "fdd2d6f503c915",
            "5b92394f21ddc3ad49d9b0881b829a5935cb3a4d23e292a62fb66b5e7ab7020e",
            "a265480ca88d5f536db0dc6abc40faf0d05be7a966977768", "4cc57a9927a6bc401441870d3193bf89ebd163f5c01501c7",
            "28a66b69", forged: true),
        .init(
            "ae6136df9ab43631ef143515dacedbe7", "c5c445792208a50c8e93d64aa3", "e04006b68c83a5dd4ceac3cde238e48895ae",
            "6a493c5ef3769ccc4101dbb2eb36e1e5bbc577a057ce0731", "c7584c0203c2535c5702c6ae93b7cbfb066f4a055c627a18",
            "0d6d676d11fce907b5c93fa1ed7bff2b"),
        .init(
            "f9fdca4ac64fe7f014de0f43039c7571", "8739b4bea1a099fe547499cbc6",
            "f6107696edb332b2ea059d8860fee26be42e5e12e1a4f79a8d0eafce1b2278a7", "", "",
            "edf8b46eb69ac0044116019dec183072", forged: true),
        .init(
            "d5b321b0ac2fedce0933d57d12195c7b9941f4caa95529125ed21c41fac43374", "b35fb2262edfa14938a0fba03e",
            "ba762bbda601d711e2dfc9dbe3003d39df1043ca845612b8e9dc9ff5c5d06ec4",
            "6aa6ea668df60b0db85592d0a819c9df9e1099916272aafb", "97027de5effd82c58f8dbfb909d7696fbe2d549162629120",
            "01a4d765bc1c95c90a95"),
        .init(
            "e1b8a927a95efe94656677b692662000278b441c79e879dd5c0ddc758bdc9ee8", "a544218dadd3c10583db49cf39", "", "",
            "", "8a19a133"),
        .init(
            "671544bf2988056f7f9ccd526861391a27233793a23f811f", "0a259148a1d081e0df381ecd0c",
            "61dafc237cb52f83ab773ba8a885462b6f77d4924611", "576b069ae2713f53d2924c1fd68f786cb2eec68892f9e1be",
            "ce06b3d09b02921f290544032a081a776661294004886728", "1bb089af0245792c16e6320cf5ffa19e"),
        .init(
            "af063639e66c284083c5cf72b70d8bc277f5978e80d9322d99f2fdc718cda569", "bfcda8b5a2d0d2", "",
            "d3d5424e20fbec43ae495353ed830271515ab104f8860c98", "c5b7f802bffc498c1626e3774f1d9f94045dfd8e1a10a202",
            "77d00a75", forged: true),
        .init(
            "3ee186594f110fb788a8bf8aa8be5d4a", "44f705d52acf27b7f17196aa9b",
            "2c16724296ff85e079627be3053ea95adf35722c21886baba343bd6c79b5cb57",
            "d71864877f2578db092daba2d6a1f9f4698a9c356c7830a1", "b4dd74e7a0cc51aea45dfb401a41d5822c96901a83247ea0",
            "d6965f5aa6e31302a9cc2b36"),
        .init(
            "a7aa635ea51b0bb20a092bd5573e728ccd4b3e8cdd2ab33d", "5a8aa485c316e9403aff859fbb",
            "a16a2e741f1cd9717285b6d882c1fc53655e9773761ad697a7ee6410184c7982",
            "8739b4bea1a099fe547499cbc6d1b13d849b8084c9b6acc5", "16e543d0e20615ff0df15acd9927ddfe40668a54bb854ccc",
            "c25e9fce"),
        .init(
            "b5664dd6ed435df006052f6ded74bb7ce9482ca9229886f7", "7a1649896f3e030c18f0205599",
            "c5f1a26351e53e6509c8bbbed03c42c23ad81c65fccec7ffa1cb494c7f1fc4",
            "0b6de49b530703affc94010c2b793ddc6de0c44d48037ff2", "56b02fea595cc24e798691ae905be3d466ca68ca744005db",
            "a260b5ea3b047020b73b5bafa17e5084"),
        .init(
            "7f4af6765cad1d511db07e33aaafd57646ec279db629048aa6770af24849aa0d", "dde2a362ce81b2b6913abc3095",
            "404f5df97ece7431987bc098cce994fc3c063b519ffa47b0365226a0015ef695",
            "7ebef26bf4ecf6f0ebb2eb860edbf900f27b75b4a6340fdb", "353022db9c568bd7183a13c40b1ba30fcc768c54264aa2cd",
            "2927a053c9244d3217a7ad05"),
        .init(
            "705334e30f53dd2f92d190d2c1437c8772f940c55aa35e562214ed45bd458ffe", "a544218dadd3c10583db49cf39",
            "3c0e2815d37d844f7ac240ba9d6e3a0b2a86f706e885959e09a1005e024f6907",
            "e8de970f6ee8e80ede933581b5bcf4d837e2b72baa8b00c3", "c0ea400b599561e7905b99262b4565d5c3dc49fad84d7c69",
            "ef891339"),
        .init(
            "6a798d7c5e1a72b43e20ad5c7b08567b12ab744b61c070e2", "5a8aa485c316e9403aff859fbb",
            "a16a2e741f1cd9717285b6d882c1fc53655e9773761ad697a7ee6410184c7982", "", "", "5e0eaebd"),
        .init(
            "08b0da255d2083808a1b4d367090bacc", "777828b13679a9e2ca89568233", "dd",
            "1b156d7e2bf7c9a25ad91cff7b0b02161cb78ff9162286b0", "e8b80af4960d5417c15726406e345c5c46831192b03432ee",
            "d16b6282283e16602331bcca9d51ce76"),
        .init(
            "afdccc84f257cb768b7ad735edbd1990", "b7776aa998f4d1189b",
            "9f9ac464de508b98e789243fdb32db458538f8a291ed93ddf8aeaacfbfc371aa",
            "56d0942490e546798f30d3c60ad4e3e110fc04f5b1c1fa83", "96f124c74fd737819008ddef440320f4a3733d0062c83c89",
            "3e259aecf12ba08f2a2e966a3341d6d4"),
        .init(
            "90929a4b0ac65b350ad1591611fe48297e03956f6083e451", "a265480ca88d5f",
            "a2248a882ecbf850daf91933a389e78e81623d233dfd47bf8321361a38f138fe", "", "", "2f46022a", forged: true),
        .init(
            "62f8eba1c2c5f66215493a6fa6ae007aae5be92f7880336a", "15769753f503aa324f4b0e8ee0",
            "1bc05440ee3e34d0f25e90ca1ecbb555d0fb92b311621d171be6f2b719923d23",
            "f5522e3405d9b77cbf3257db2b9675e618e8744a0ee03f0f", "b9103942dbbb93e15086751c9bb0a3d33112b55f95b7d4f3",
            "2ff0bb90a8879812683f"),
        .init("c98ad7f38b2c7e970c9b965ec87a08208384718f78206c6c", "5a8aa485c316e9", "", "", "", "9d4b7f3b"),
        .init(
            "46b067cf9b1a28cf187002e90b14e130", "bad8c03292bf01cfd8d34f860c", "8d65880eddb9fd96d276",
            "cc0915194218d4536e467433cd6d79ff1d9eb9ff160ab684", "bd56edc015692c6ab9bec493a9893863598414a3d11a6a0f",
            "27ecdcb257d0d30491e5bf1aa8f90958"),
        .init(
            "bc29a16e19cfbe32bf4948e8e4484159bc819b7eec504e4441a1a98ca210e576", "4f18bcc8ee0bbb80de30a9e086",
            "574931ae4b24bdf7e9217eca6ce2a07287999e529f6e106e3721c42dacf00f5d", "3e8c6d1b12", "45f3795fcf",
            "9c66e1a43103d9a18f5fba5fab83f994"),
        .init(
            "d34264a12c35cdd67ac105e2826b071e46f8131d1e325f8e0ae80a6447375135", "3891e308b9f44c5b5a8b59004a",
            "0cda000ed754456a844c9ed61843deea9dadf5e723ea1448057712996d660f8c",
            "79ac1a6a9eca5e07ce635bfd666ef72b16f3f2e140d56c", "1abcc9b1649deaa0bfa7dcd23508282d9c50ca7fee7248",
            "6950608d7bcb39dcf03a2cab01587f61"),
        .init(
            "38be46d271bf868c198052391f8a2147", "6758f67db9bfea5f0e0972e08b",
            "c6de3be97f11d0e2ab85c9353b783f25b37366a78a2012cecf5b7a87138b3c86", "61bd1385be92097e866550a55278f0",
            "7c9fa8d99b38f825315ece6a2613f5", "5e902f296dcce870263ae50cda4fadae"),
        .init(
            "d98193ab2a465e3fcd85651aaeca18b8e91489b73b7c7e93b518c4b5b81fc6ac", "2247dc7e2674e9e0a63fe70613", "4dc2f4",
            "edba7d6312144e90ec9eaace7576045a46e553dcb8ee5a98", "44b9ea727c847336fd739ad11f4b906b292edb810462f06e",
            "f59626ad5cdac2e4d4cb07b538a1fd8f"),
        .init(
            "77a67fb504b961028633321111aac2c30eb6d71a8cf72056", "acadc0330194906f8c75ac287f",
            "8c18486d52571f70f2ba6a747aaa3d4b3ebc2e481ee1b70907dddb94bdfa0ca6", "10554c062d269ff6dcd98493",
            "7f8b0cad79b545e5addf0b04", "ff4b0f2b2a5067283210aba8630d0306"),
        .init(
            "748ad503388a34041a7bdae6361d57894357c333bacf02ca", "518b79d194579b19f2d8845b70",
            "691dd98f61fd213b0840ec5a6f06ef9a1420be0d59bde5e43546347a2a865a94", "24d6880aed7e", "270120f9634e",
            "c15536e21d961c675070ec4cff9037bc"),
        .init(
            "3ac7d5bc4698c021e49a685cd71057e09821633957d1d59c3c30cbc3f2d1dbf8", "54c8ff5459702aac058bb3be04",
            "ecbd7091732e49c0f4bda2e63235ea43bbf8c8730f955f9c049dd1ec",
            "89198d3acc39b950f0d411119c478c60b2422ffe7e26e00b", "7717b8e4447afcea1eeebf3e39ffdab2f52828e7931ef27e",
            "475acd27900478f09fec1f479ab3a7c8"),
        .init(
            "0234dae5bd7ae66c67ff0c1a3f1a191a0d7bceb451bc2b7d", "16d345606a315ad2406abbcb43",
            "c37fdf7449fd7e943595d75e977089c623be0a3926e63fdbbfdf4a",
            "0f960a89a7e806f8709047cb7a2e7c4211ad724692c88a05", "3907880d25f910eab12dd14e704d1b33ea7c453634d54da2",
            "a461f44dac1112ae3f9c65671a931d3e"),
        .init(
            "9748798c0f3cc766795c8ce0e4c979c1930dfe7faefea84a", "cdf4ba655acfe8e2134fa0542f", "67",
            "100fa71462277d76ca81f2cfdb3d39d3894b0ca28074a0f0", "36e2415b4f888a6072f260d7e786d803be16f8b9cbee112d",
            "7ff74e3b05b7d7c13284573bd3e7e481"),
        .init(
            "8fcac40527c0e7ca8eaff265ca12c053", "ae9f012fd9af60a400e20b1690",
            "9ce65598cd1f86afc9aaaf172809570cc306333c25523f863c6d0e0154",
            "78d1e96af8cebdcc7e7e2a4ddcfa34f6cf9a24fb85672ad7", "9adb9a95a9379ad795d8d3ffd4e37a045160d6d727f974a6",
            "cb3b5151f327e65447e52c7525562c91"),
        .init(
            "19ebfde2d5468ba0a3031bde629b11fd4094afcb205393fa", "31f8fa25827d48", "",
            "3796cf51b8726652a4204733b8fbb047cf00fb91a9837e22", "32b649ab56162e55d4148a1292d6a225a988eb1308298273",
            "b6889036", forged: true),
        .init(
            "bac55f9847d93325bf5071c220c0a3dfeb38f214292d47b4acb7b0a597fe056f", "05b50c458adbba16c55fcc454d",
            "89ad6ae1e550975eaa916a62615e6b6a66366a17a7e06380a95ea5cdcc1d3302",
            "c1a994dc198f5676ea85801cd27cc8f47267ec", "7c9b138177590edaafec4728c4663e77458ffb",
            "e3243faec177de4a2e4a293952073e43"),
        .init(
            "62b82637e567ad27c3066d533ed76e314522ac5c53851a8c958ce6c64b82ffd0", "5bc2896d8b81999546f88232ab",
            "fffb40b0d18cb23018aac109bf62d849adca42629d8a9ad1299b83fe274f9a63", "87294078", "2bc22735",
            "ab21dfdcfe95bd83592fb6b4168d9a23"),
        .init(
            "7a855e1690ee638de01db43b37401dcd569c1ae03dc73dd0a917d0cadb5abc29", "8f160a873a1166c8b32bccbba7",
            "72674aca7eba2fc0eeafbd143c2c4d8aa6c8", "33ae68ebb8010c6b3da6b9cb29fe9f8bd09b59ec39f4ce4b",
            "b22afdf4f12c43ec23e01ac1215a3f5286059211207e9570", "57e9a9203da74387a9468f8af5e27547"),
        .init(
            "fa15cc7f0de294d7341b1fd79326c8be78e67822343c1992", "e5257aed2bda0495aa44591db4",
            "31a0338c3839931fa1dd5131cb796c4c6cfde9fb336d8a80ac35dec463be7a94", "bcb898", "68f082",
            "98d9a2147776dca9c1a42382bce323b2"),
        .init(
            "aac60835c309d837aacc635931af95702a4784c214283ebb", "0e20602d4dc38baa1ebf94ded5",
            "796e55fbe7bed46d025599c258964a99574c523f6a", "e8610756528f75607b83926597ef515f4b32a8386437e6d4",
            "e0a3d5f43e688ce104f4ae1a4fcd85500aa6b8fdbcd1b8d3", "003c0c3b7369e79339433e1754c0937f"),
        .init("4ae701103c63deca5b5a3939d7d05992", "3796cf51b87266", "", "", "", "9a04c241", forged: true),
        .init(
            "4bb3c4a4f893ad8c9bdc833c325d62b3", "3796cf51b87266", "", "", "", "3a65e03af37b81d05acc7ec1bc39deb0",
            forged: true),
        .init("4bb3c4a4f893ad8c9bdc833c325d62b3", "a16a2e741f1cd9717285b6d882", "", "", "", "88909016", forged: true),
        .init(
            "19ebfde2d5468ba0a3031bde629b11fd", "a16a2e741f1cd9717285b6d882", "", "", "",
            "5447075bf42a59b91f08064738b015ab", forged: true),
        .init(
            "19ebfde2d5468ba0a3031bde629b11fd", "31f8fa25827d48", "",
            "3796cf51b8726652a4204733b8fbb047cf00fb91a9837e22", "50aafe0578c115c4a8e126ff7b3ccb64dce8ccaa8ceda69f",
            "23e5d81c", forged: true),
        .init(
            "197afb02ffbd8f699dacae87094d5243", "31f8fa25827d48", "",
            "3796cf51b8726652a4204733b8fbb047cf00fb91a9837e22", "7ebfda6fa5da1dbffd82dc29b875798fbcef8ba0084fbd24",
            "63af747cc88a001fa94e060290f209c4", forged: true),
    ]

    /// evpciph_aes_common.txt XTS stanzas (IEEE Std 1619-2007 vectors 1-3, 10, 15-19 and the
    /// short ciphertext-stealing cases): key, IV (tweak), plaintext, ciphertext.
    static let xtsEVP: [(String, String, String, String)] = [
        (
            "1111111111111111111111111111111122222222222222222222222222222222", "33333333330000000000000000000000",
            "4444444444444444444444444444444444444444444444444444444444444444",
            "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f022222222222222222222222222222222", "33333333330000000000000000000000",
            "4444444444444444444444444444444444444444444444444444444444444444",
            "af85336b597afc1a900b2eb21ec949d292df4c047e0b21532186a5971a227a89"
        ),
        (
            "2718281828459045235360287471352631415926535897932384626433832795", "00000000000000000000000000000000",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            "27a7479befa1d476489f308cd4cfa6e2a96e4bbe3208ff25287dd3819616e89cc78cf7f5e543445f8333d8fa7f56000005279fa5d8b5e4ad40e736ddb4d35412328063fd2aab53e5ea1e0a9f332500a5df9487d07a5c92cc512c8866c7e860ce93fdf166a24912b422976146ae20ce846bb7dc9ba94a767aaef20c0d61ad02655ea92dc4c4e41a8952c651d33174be51a10c421110e6d81588ede82103a252d8a750e8768defffed9122810aaeb99f9172af82b604dc4b8e51bcb08235a6f4341332e4ca60482a4ba1a03b3e65008fc5da76b70bf1690db4eae29c5f1badd03c5ccf2a55d705ddcd86d449511ceb7ec30bf12b1fa35b913f9f747a8afd1b130e94bff94effd01a91735ca1726acd0b197c4e5b03393697e126826fb6bbde8ecc1e08298516e2c9ed03ff3c1b7860f6de76d4cecd94c8119855ef5297ca67e9f3e7ff72b1e99785ca0a7e7720c5b36dc6d72cac9574c8cbbc2f801e23e56fd344b07f22154beba0f08ce8891e643ed995c94d9a69c9f1b5f499027a78572aeebd74d20cc39881c213ee770b1010e4bea718846977ae119f7a023ab58cca0ad752afe656bb3c17256a9f6e9bf19fdd5a38fc82bbe872c5539edb609ef4f79c203ebb140f2e583cb2ad15b4aa5b655016a8449277dbd477ef2c8d6c017db738b18deb4a427d1923ce3ff262735779a418f20a282df920147beabe421ee5319d0568"
        ),
        (
            "27182818284590452353602874713526624977572470936999595749669676273141592653589793238462643383279502884197169399375105820974944592",
            "ff000000000000000000000000000000",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            "1c3b3a102f770386e4836c99e370cf9bea00803f5e482357a4ae12d414a3e63b5d31e276f8fe4a8d66b317f9ac683f44680a86ac35adfc3345befecb4bb188fd5776926c49a3095eb108fd1098baec70aaa66999a72a82f27d848b21d4a741b0c5cd4d5fff9dac89aeba122961d03a757123e9870f8acf1000020887891429ca2a3e7a7d7df7b10355165c8b9a6d0a7de8b062c4500dc4cd120c0f7418dae3d0b5781c34803fa75421c790dfe1de1834f280d7667b327f6c8cd7557e12ac3a0f93ec05c52e0493ef31a12d3d9260f79a289d6a379bc70c50841473d1a8cc81ec583e9645e07b8d9670655ba5bbcfecc6dc3966380ad8fecb17b6ba02469a020a84e18e8f84252070c13e9f1f289be54fbc481457778f616015e1327a02b140f1505eb309326d68378f8374595c849d84f4c333ec4423885143cb47bd71c5edae9be69a2ffeceb1bec9de244fbe15992b11b77c040f12bd8f6a975a44a0f90c29a9abc3d4d893927284c58754cce294529f8614dcd2aba991925fedc4ae74ffac6e333b93eb4aff0479da9a410e4450e0dd7ae4c6e2910900575da401fc07059f645e8b7e9bfdef33943054ff84011493c27b3429eaedb4ed5376441a77ed43851ad77f16f541dfd269d50d6a5f14fb0aab1cbb4c1550be97f7ab4066193c4caa773dad38014bd2092fa755c824bb5e54c4f36ffda9fcea70b9c6e693e148c151"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", "9a785634120000000000000000000000",
            "000102030405060708090a0b0c0d0e0f10", "6c1625db4671522d3d7599601de7ca09ed"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", "9a785634120000000000000000000000",
            "000102030405060708090a0b0c0d0e0f1011", "d069444b7a7e0cab09e24447d24deb1fedbf"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", "9a785634120000000000000000000000",
            "000102030405060708090a0b0c0d0e0f101112", "e5df1351c0544ba1350b3363cd8ef4beedbf9d"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", "9a785634120000000000000000000000",
            "000102030405060708090a0b0c0d0e0f10111213", "9d84c813f719aa2c7be3f66171c7c5c2edbf9dac"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", "9a785634120000000000000000000000",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021",
            "edbf9dace45d6f6a7306e64be5dd824b9dc31efeb418c373ce073b66755529982538"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0bfbebdbcbbbab9b8b7b6b5b4b3b2b1b0", "9a785634120000000000000000000000",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031",
            "edbf9dace45d6f6a7306e64be5dd824b2538f5724fcf24249ac111ab45ad39237a709959673bd8747d58690f8c762a353ad6"
        ),
        (
            "2718281828459045235360287471352631415926535897932384626433832795", "00000000000000000000000000000000",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            "27a7479befa1d476489f308cd4cfa6e2a96e4bbe3208ff25287dd3819616e89cc78cf7f5e543445f8333d8fa7f56000005279fa5d8b5e4ad40e736ddb4d35412"
        ),
        (
            "1111111111111111111111111111111122222222222222222222222222222222", "33333333330000000000000000000000",
            "44444444444444444444444444444444", "c454185e6a16936e39334038acef838b"
        ),
        (
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f022222222222222222222222222222222", "33333333330000000000000000000000",
            "44444444444444444444444444444444", "af85336b597afc1a900b2eb21ec949d2"
        ),
    ]

    /// evpciph_aes_wrap.txt: every stanza (cipher, key, plaintext, ciphertext, expected failure).
    static let wrapEVP: [(String, String, String, String, Bool)] = [
        (
            "id-aes128-wrap", "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
            "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5", false
        ),
        (
            "id-aes192-wrap", "000102030405060708090a0b0c0d0e0f1011121314151617", "00112233445566778899aabbccddeeff",
            "96778b25ae6ca435f92b5b97c050aed2468ab8a17ad84e5d", false
        ),
        (
            "id-aes256-wrap", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "00112233445566778899aabbccddeeff", "64e8c3f9ce0f5ba263e9777905818a2a93c8191e7d6e8ae7", false
        ),
        (
            "id-aes192-wrap", "000102030405060708090a0b0c0d0e0f1011121314151617",
            "00112233445566778899aabbccddeeff0001020304050607",
            "031d33264e15d33268f24ec260743edce1c6c7ddee725a936ba814915c6762d2", false
        ),
        (
            "id-aes256-wrap", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "00112233445566778899aabbccddeeff0001020304050607",
            "a8f9bc1612c68b3ff6e6f4fbe30e71e4769c8b80a32cb8958cd5d17d6b254da1", false
        ),
        (
            "aes256-wrap", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
            "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21", false
        ),
        (
            "id-aes256-wrap", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
            "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21", false
        ),
        (
            "id-aes256-wrap", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e00",
            "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
            "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21", true
        ),
        (
            "id-aes192-wrap-pad", "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8",
            "c37b7e6492584340bed12207808941155068f738",
            "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a", false
        ),
        (
            "id-aes192-wrap-pad", "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8", "466f7250617369",
            "afbeb0f07dfbf5419200f2ccb50bb24f", false
        ),
        (
            "aes-128-wrap-inv", "7aa9e9e3c6b2916b4b62ac06074d14e8", "77a44e843e1f85707cc7e149e5f873be",
            "110f6ba8d4aa2a24f0abfd2cd351ebb6cdfafb35941bbe33", false
        ),
        (
            "aes-128-wrap-inv", "accc4b014123f9e95d3c6f92d07da9fd", "",
            "020cc7c82b6b7cd2ff4d28186930305edce13d65cc36d8d1", true
        ),
        (
            "aes-128-wrap-inv", "68eceb881f8f34ccb6bebd4e149741ff",
            "2910c499dc41de663e7f349b26f00291537943fcc8845166cdd210368d5adf44",
            "67292ab62037d076734513943ac907994b6a45b74ed2349f009e2267dc95f13a01b0e2fa109b9b6a", false
        ),
        (
            "aes-128-wrap-inv", "f8f94a07506f4d1728f6bed6c89a9c5d",
            "c248842911a3dbc5562b1fe0f3955c4da3fd74471062d074d9b972ce3a840f0cb63a768ed1c432b7",
            "85fe9d64465db07ec63062aeb4c9161558fabb01d6b9e787850831f9b3414a5cbd35023c63fd59626c64cb3c470d9b7d", false
        ),
        (
            "aes-192-wrap-inv", "fd9f4c93416fe7cb53002a5b011a2d4695ec64460af59826", "1097eb6e48232f5c5f15fb5d1c8b5f44",
            "5e25074c8d7e82f0224c151db4af874578d55dfa5cc98952", false
        ),
        (
            "aes-256-wrap-inv", "d660410f4c4eeb7b0f9dfb7b5dcd4eabac1cfcbb072b1825c96026f6a64dd7dd",
            "4142bea750ab0f332e9ea5185157af13", "157629ebd041bf5b9f354bbda3a4906e7ec84cac6d7d7702", false
        ),
        (
            "aes-128-wrap-inv", "e88ba734ea243480a6129366753b58eb", "d140ac16a44c1c2b3f47037ea8898a3e",
            "600861ee14320006f0ae55c46d5e1ebf3303751df7f038df", false
        ),
        (
            "aes-192-wrap-inv", "370c715135b44eb3773b1aff833bcd28b59aee866d4a36b3", "eae0f60f1cf33d5b75869e84c764a04e",
            "ea4ba4add8add19950ca491d109ffa08f90312693055677a", false
        ),
        (
            "aes-256-wrap-inv", "de982f7c871f78e37462e2f48a62eecb2da81a10799c6ebf2bee8c786b624b0e",
            "ecafc437d9f1643c7645c2416c14c003", "aec02ddb3f6de1f99103c6042dfc9001eb3cf56d9c2a11f7", false
        ),
        ("aes-128-wrap-pad-inv", "7877f11e1a2d530a0b27274d4e6d7f2c", "52", "ea53d73d75f5f0642c64d4715d1c131a", false),
        (
            "aes-128-wrap-pad-inv", "983dc3acf84ca6522b26f818cd0cf64f", "f469d3232eed4d096f",
            "441da28c430266c29e8413a5938089013c0e8251280ecddc", false
        ),
        (
            "aes-192-wrap-pad-inv", "427c6c0a2cc30bbe0cd9fc6b11c29f8cfe64df6ab0379433", "98",
            "f5dcb63193a377a526db98a852db6099", false
        ),
        (
            "aes-256-wrap-pad-inv", "48658f36aa5e24621f86fa6db06487bd635b18ff87704431a1c42cd145115c51",
            "16700199665ff161", "6990b3b115563ef6a0884a110a393ee4", false
        ),
        ("aes-128-wrap-pad-inv", "1c321a356b0ee25e30de2d618c1facbe", "42", "3ddf22da3080a1a5252574c76f833790", false),
        (
            "aes-192-wrap-pad-inv", "fe3fe235bb36dcf03f01cbf32cc98a3abf10ab3d608d3b30", "1d2b7fc29991bafaf7",
            "c11afb3c0de263dfb9b672a5f81fe0b9acfe9c407691f332", false
        ),
        (
            "aes-256-wrap-pad-inv", "148a3fa618a6998c30b9f0f67922354a3747f2fa2e4d2e0b7af9582d6f548fee",
            "441125592acf9e5208dcd558a7ac0034d15530dbad7a2913963da0cbf60aa3",
            "23f26a9476829885055694062c89b86399e8d6125509c9e88bb0a5b5113f4bfc8d34a62cba3c9eee", false
        ),
    ]
}
