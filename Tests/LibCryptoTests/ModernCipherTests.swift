import Testing
@testable import LibCrypto

@Suite struct ModernCipherTests {
    // MARK: Helpers

    static func hex(_ bytes: [UInt8]) -> String { TestHex.encode(bytes) }

    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    /// ECB through the single-block protocol methods, in place.
    static func ecb<C: BlockCipher>(_ c: C, _ data: [UInt8], decrypt: Bool) -> [UInt8] {
        var out = data
        let n = C.blockSize
        out.withUnsafeMutableBytes { o in
            let p = o.baseAddress!
            for i in stride(from: 0, to: data.count, by: n) {
                if decrypt { c.decrypt(block: p + i, into: p + i) } else { c.encrypt(block: p + i, into: p + i) }
            }
        }
        return out
    }

    /// CBC (SP 800-38A 6.2), written here only to check the evp_test CBC vectors.
    static func cbc<C: BlockCipher>(_ c: C, _ iv: [UInt8], _ data: [UInt8], decrypt: Bool) throws -> [UInt8] {
        let n = C.blockSize
        var prev = iv
        var out: [UInt8] = []
        for i in stride(from: 0, to: data.count, by: n) {
            let block = Array(data[i..<(i + n)])
            if decrypt {
                out += try zip(c.decrypt(block), prev).map { $0 ^ $1 }
                prev = block
            } else {
                prev = try c.encrypt(zip(block, prev).map { $0 ^ $1 })
                out += prev
            }
        }
        return out
    }

    /// CTR with OpenSSL's full-width big-endian counter increment (SP 800-38A 6.5).
    static func ctr<C: BlockCipher>(_ c: C, _ iv: [UInt8], _ data: [UInt8]) throws -> [UInt8] {
        let n = C.blockSize
        var counter = iv
        var out: [UInt8] = []
        for i in stride(from: 0, to: data.count, by: n) {
            let ks = try c.encrypt(counter)
            out += zip(data[i..<min(i + n, data.count)], ks).map { $0 ^ $1 }
            var j = n - 1
            while j >= 0 {
                counter[j] &+= 1
                if counter[j] != 0 { break }
                j -= 1
            }
        }
        return out
    }

    /// Runs evp_test-style (mode, key, iv, plaintext, ciphertext) rows in both directions.
    static func checkEVP<C: BlockCipher>(
        _ make: ([UInt8]) throws -> C,
        _ rows: [(String, String, String, String, String)]
    ) throws {
        for (mode, k, ivHex, ptHex, ctHex) in rows {
            let c = try make(unhex(k))
            let iv = unhex(ivHex)
            let pt = unhex(ptHex)
            let ct = unhex(ctHex)
            switch mode {
            case "ecb":
                #expect(hex(ecb(c, pt, decrypt: false)) == ctHex, "ECB encrypt key \(k)")
                #expect(hex(ecb(c, ct, decrypt: true)) == ptHex, "ECB decrypt key \(k)")
            case "cbc":
                #expect(try hex(cbc(c, iv, pt, decrypt: false)) == ctHex, "CBC encrypt key \(k)")
                #expect(try hex(cbc(c, iv, ct, decrypt: true)) == ptHex, "CBC decrypt key \(k)")
            default:
                #expect(try hex(ctr(c, iv, pt)) == ctHex, "CTR key \(k)")
                #expect(try hex(ctr(c, iv, ct)) == ptHex, "CTR key \(k)")
            }
        }
    }

    /// decrypt(encrypt(x)) == x and in-place == out-of-place for random keys and blocks.
    static func checkRoundTrips<C: BlockCipher>(_ make: ([UInt8]) throws -> C, keySizes: [Int], seed: UInt64) throws {
        var rng = TestRNG(seed: seed)
        let n = C.blockSize
        for size in keySizes {
            for _ in 0..<64 {
                let c = try make(rng.bytes(size))
                let x = rng.bytes(n)
                let y = try c.encrypt(x)
                #expect(y.count == n)
                #expect(y != x)
                #expect(try c.decrypt(y) == x)
                var inPlace = x
                inPlace.withUnsafeMutableBytes { c.encrypt(block: $0.baseAddress!, into: $0.baseAddress!) }
                #expect(inPlace == y)
                inPlace.withUnsafeMutableBytes { c.decrypt(block: $0.baseAddress!, into: $0.baseAddress!) }
                #expect(inPlace == x)
            }
        }
    }

    static func checkBadKeys<C: BlockCipher>(_ make: ([UInt8]) throws -> C, _ lengths: [Int]) {
        for length in lengths {
            let error = #expect(throws: CryptoError.self, "key length \(length)") {
                _ = try make([UInt8](repeating: 0x42, count: length))
            }
            #expect(error?.code == .invalidParameter)
        }
    }

    // MARK: AES

    /// FIPS 197 appendix C.1-C.3.
    @Test func aesFIPS197AppendixC() throws {
        let pt = "00112233445566778899aabbccddeeff"
        let cases = [
            ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
            ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
            ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
        ]
        for (k, ct) in cases {
            let aes = try AES(key: Self.unhex(k))
            #expect(aes.rounds == 6 + k.count / 8)
            #expect(try Self.hex(aes.encrypt(Self.unhex(pt))) == ct)
            #expect(try Self.hex(aes.decrypt(Self.unhex(ct))) == pt)
        }
    }

    /// NIST SP 800-38A appendix F.1 (ECB-AES128/192/256), four blocks through the single-block
    /// and the multi-block entry points.
    @Test func aesSP80038AECB() throws {
        let pt =
            "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710"
        let cases = [
            (
                "2b7e151628aed2a6abf7158809cf4f3c",
                "3ad77bb40d7a3660a89ecaf32466ef97" + "f5d3d58503b9699de785895a96fdbaaf"
                    + "43b1cd7f598ece23881b00e3ed030688" + "7b0c785e27e8ad3f8223207104725dd4"
            ),
            (
                "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
                "bd334f1d6e45f25ff712a214571fa5cc" + "974104846d0ad3ad7734ecb3ecee4eef"
                    + "ef7afd2270e2e60adce0ba2face6444e" + "9a4b41ba738d6c72fb16691603c18e0e"
            ),
            (
                "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
                "f3eed1bdb5d2a03c064b5a7e3db181f8" + "591ccb10d410ed26dc5ba74a31362870"
                    + "b6ed21b99ca6f4f9f153e7b1beafed1d" + "23304b7a39f9f3ff067d8d8f9e24ecc7"
            ),
        ]
        for (k, ct) in cases {
            let aes = try AES(key: Self.unhex(k))
            #expect(Self.hex(Self.ecb(aes, Self.unhex(pt), decrypt: false)) == ct)
            #expect(Self.hex(Self.ecb(aes, Self.unhex(ct), decrypt: true)) == pt)
            var buf = Self.unhex(pt)
            buf.withUnsafeMutableBytes { aes.encrypt(blocks: $0.baseAddress!, into: $0.baseAddress!, count: 4) }
            #expect(Self.hex(buf) == ct)
            buf.withUnsafeMutableBytes { aes.decrypt(blocks: $0.baseAddress!, into: $0.baseAddress!, count: 4) }
            #expect(Self.hex(buf) == pt)
        }
    }

    /// OpenSSL's evpciph_aes_common.txt: every ECB, CBC and CTR entry.
    @Test func aesOpenSSLVectors() throws {
        try Self.checkEVP({ try AES(key: $0) }, Self.aesEVP)
    }

    /// The S-box as FIPS 197 section 5.1.1 defines it: the inverse in GF(2^8) mod x^8+x^4+x^3+x+1
    /// followed by the affine map b(i) ^ b(i+4) ^ b(i+5) ^ b(i+6) ^ b(i+7) ^ c(i), c = 0x63.
    static func referenceSBox(_ x: UInt8) -> UInt8 {
        func mul(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var a = a
            var b = b
            var p: UInt8 = 0
            while b != 0 {
                if b & 1 != 0 { p ^= a }
                a = (a << 1) ^ (a & 0x80 != 0 ? 0x1b : 0)
                b >>= 1
            }
            return p
        }
        var inv: UInt8 = 0
        if x != 0 { for y in 1...255 where mul(x, UInt8(y)) == 1 { inv = UInt8(y) } }
        func rotl(_ v: UInt8, _ n: UInt8) -> UInt8 { (v << n) | (v >> (8 - n)) }
        return inv ^ rotl(inv, 1) ^ rotl(inv, 2) ^ rotl(inv, 3) ^ rotl(inv, 4) ^ 0x63
    }

    /// The bitsliced S-box and inverse S-box circuits, exhaustively against the definition.
    @Test func aesSBoxCircuits() {
        let sbox = (0..<256).map { Self.referenceSBox(UInt8($0)) }
        var inverse = [UInt8](repeating: 0, count: 256)
        for x in 0..<256 { inverse[Int(sbox[x])] = UInt8(x) }
        // 256 inputs as four slice sets of 64 byte positions.
        func run(_ f: (inout AES.Slices) -> Void) -> [UInt8] {
            var out = [UInt8](repeating: 0, count: 256)
            for chunk in 0..<4 {
                var planes = [UInt64](repeating: 0, count: 8)
                for p in 0..<64 {
                    for j in 0..<8 where (chunk * 64 + p) >> j & 1 != 0 { planes[j] |= 1 << UInt64(p) }
                }
                var s = AES.Slices(
                    planes[0], planes[1], planes[2], planes[3], planes[4], planes[5], planes[6], planes[7])
                f(&s)
                let result = [s.q0, s.q1, s.q2, s.q3, s.q4, s.q5, s.q6, s.q7]
                for p in 0..<64 {
                    var v: UInt8 = 0
                    for j in 0..<8 where result[j] >> UInt64(p) & 1 != 0 { v |= 1 << UInt8(j) }
                    out[chunk * 64 + p] = v
                }
            }
            return out
        }
        #expect(run { $0.subBytes() } == sbox)
        #expect(run { $0.invSubBytes() } == inverse)
        // The key schedule's SubWord uses the same circuit.
        for x in stride(from: 0, to: 256, by: 4) {
            let word = UInt32(x) | UInt32(x + 1) << 8 | UInt32(x + 2) << 16 | UInt32(x + 3) << 24
            let expected =
                UInt32(sbox[x]) | UInt32(sbox[x + 1]) << 8 | UInt32(sbox[x + 2]) << 16 | UInt32(sbox[x + 3]) << 24
            #expect(AES.subWord(word) == expected)
        }
    }

    /// encrypt(blocks:) / decrypt(blocks:) agree with the single-block methods for every count
    /// 0...9 (full four-block groups plus a tail), in place and out of place.
    @Test func aesMultiBlockMatchesSingleBlock() throws {
        var rng = TestRNG(seed: 0xae5)
        for size in [16, 24, 32] {
            let aes = try AES(key: rng.bytes(size))
            for count in 0...9 {
                let data = rng.bytes(16 * count)
                let expected = Self.ecb(aes, data, decrypt: false)
                var out = [UInt8](repeating: 0, count: data.count + 16)
                data.withUnsafeBytes { i in
                    out.withUnsafeMutableBytes { o in
                        aes.encrypt(
                            blocks: i.baseAddress ?? UnsafeRawPointer(o.baseAddress!), into: o.baseAddress!,
                            count: count)
                    }
                }
                #expect(Array(out.prefix(data.count)) == expected)
                #expect(out.suffix(16).allSatisfy { $0 == 0 }, "wrote past the last block")
                var inPlace = data
                inPlace.withUnsafeMutableBytes { b in
                    if count > 0 { aes.encrypt(blocks: b.baseAddress!, into: b.baseAddress!, count: count) }
                }
                #expect(inPlace == expected)
                inPlace.withUnsafeMutableBytes { b in
                    if count > 0 { aes.decrypt(blocks: b.baseAddress!, into: b.baseAddress!, count: count) }
                }
                #expect(inPlace == data)
                #expect(Self.ecb(aes, expected, decrypt: true) == data)
                // The same through the MultiBlockCipher existential that generic modes use.
                let batched: any MultiBlockCipher = aes
                var viaProtocol = data
                viaProtocol.withUnsafeMutableBytes { b in
                    if count > 0 { batched.encrypt(blocks: b.baseAddress!, into: b.baseAddress!, count: count) }
                }
                #expect(viaProtocol == expected)
            }
        }
    }

    @Test func aesRoundTrips() throws {
        try Self.checkRoundTrips({ try AES(key: $0) }, keySizes: [16, 24, 32], seed: 1)
    }

    @Test func aesRejectsBadKeyLengths() {
        Self.checkBadKeys({ try AES(key: $0) }, [0, 1, 8, 15, 17, 20, 23, 25, 31, 33, 64])
        #expect(AES.keySizes == .oneOf([16, 24, 32]))
        #expect(AES.blockSize == 16)
    }

    #if CHACHA
    // MARK: ChaCha20

    static let chachaKey = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    /// RFC 8439 section 2.3.2: the block function for counter 1, nonce 000000090000004a00000000.
    @Test func chachaBlockFunctionRFC8439() throws {
        let block = try ChaCha20.block(
            key: Self.unhex(Self.chachaKey), counter: 1, nonce: Self.unhex("000000090000004a00000000"))
        #expect(
            Self.hex(block) == "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e")
        // The same keystream through the cipher: EVP IV = counter (LE) || nonce.
        var c = try ChaCha20(key: Self.unhex(Self.chachaKey), iv: Self.unhex("01000000000000090000004a00000000"))
        #expect(c.apply([UInt8](repeating: 0, count: 64)) == block)
        #expect(throws: CryptoError.self) {
            try ChaCha20.block(key: [1, 2, 3], counter: 0, nonce: [UInt8](repeating: 0, count: 12))
        }
    }

    /// RFC 8439 section 2.4.2: the "sunscreen" plaintext, counter 1, nonce 000000000000004a00000000.
    @Test func chachaEncryptionRFC8439() throws {
        let pt = Array(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                .utf8)
        let ct =
            "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
            + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
            + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
            + "5af90bbf74a35be6b40b8eedf2785e42874d"
        var a = try ChaCha20(key: Self.unhex(Self.chachaKey), nonce: Self.unhex("000000000000004a00000000"), counter: 1)
        #expect(Self.hex(a.apply(pt)) == ct)
        var b = try ChaCha20(key: Self.unhex(Self.chachaKey), iv: Self.unhex("01000000000000000000004a00000000"))
        #expect(b.apply(Self.unhex(ct)) == pt)
    }

    /// OpenSSL's evpciph_chacha.txt: every plain chacha20 entry, in one call and decrypting.
    @Test func chachaOpenSSLVectors() throws {
        for (k, iv, pt, ct) in Self.chachaEVP {
            var e = try ChaCha20(key: Self.unhex(k), iv: Self.unhex(iv))
            #expect(Self.hex(e.apply(Self.unhex(pt))) == ct.lowercased())
            var d = try ChaCha20(key: Self.unhex(k), iv: Self.unhex(iv))
            #expect(Self.hex(d.apply(Self.unhex(ct))) == pt.lowercased())
        }
    }

    /// When the 32-bit block counter wraps, OpenSSL carries into the next state word (the first
    /// nonce word), and that word wraps without carrying further. Expected output from
    /// `openssl enc -chacha20` (OpenSSL 3.0.19) over 200 zero bytes.
    @Test func chachaCounterWrapsLikeOpenSSL() throws {
        let key = Self.unhex(Self.chachaKey)
        let cases = [
            (
                "feffffff000000090000004a00000000",
                "bed7e9fb1985cf676d5b3eee7cdd741282a8e6703109423c0c15c551a64d374f8a897645cf2688709dc061487d111682"
                    + "e4be93a05f18df4a1d292f8ca8b5f460ff2941b8d740f6cbb50936bf997ebd5218cb108dc53f41c64841d0218167430c"
                    + "a03b770ca74ccb642a28194d1dedd2ed13151e25ec5d7faeb6d060bfb7e6b146880b67b55162bca26abe045fad14b0f4"
                    + "92a3f369dcd52f98bc1513eaf238a3f434c7527121b4b756613e270395358d831d4950b6c7812fb724dc7c9be5e5c62e"
                    + "c8796d6690205061"
            ),
            (
                "feffffffffffffff0000004a00000000",
                "ad3ba3ca1a1dd51b34e2215ab64a29c21f165a90b660d5340a07887cff1c9dc5a8437a75f65aeeb64fb4dfb878c15946"
                    + "8ba35ee643d2ac0b91472666a8b99bbe1fe8651fb03a78c2d339cd74c06b9c4d2bfc9ef1edbb6eba09f85b6595b4af87"
                    + "d7b9ee505d8dcfc60d2bd12cebf93d26eb379e3c91c216bd51debc0da41dec04af051e40bba0354981329a806a140eaf"
                    + "d258a22a6dcb4bb9f6569cb3efe2deaf837bd87ca20b5ba12081a306af0eb35c41a239d20dfc74c81771560d9c9c1e4b"
                    + "224f51f3401bd9e1"
            ),
        ]
        for (iv, expected) in cases {
            var c = try ChaCha20(key: key, iv: Self.unhex(iv))
            let out = c.apply([UInt8](repeating: 0, count: 200))
            #expect(Self.hex(out) == expected)
            // Streaming across the wrap in odd pieces gives the same bytes.
            var s = try ChaCha20(key: key, iv: Self.unhex(iv))
            var pieces: [UInt8] = []
            for n in [1, 63, 65, 7, 64] { pieces += s.apply([UInt8](repeating: 0, count: n)) }
            #expect(pieces == out)
        }
        // Structure of the first case: block 2 is counter 0 with nonce word 0x09000000 + 1.
        let third = try ChaCha20.block(key: key, counter: 0, nonce: Self.unhex("010000090000004a00000000"))
        #expect(Self.hex(third) == String(cases[0].1.dropFirst(256).prefix(128)))
    }

    /// The same carry inside a four-block SIMD group: a long apply equals the RFC 8439 block
    /// function called with the carried counter/nonce words, block by block.
    @Test func chachaCounterCarryInsideWideGroups() throws {
        let key = Self.unhex(Self.chachaKey)
        for (start, word13) in [(UInt32(0xffff_fffd), UInt32(0x0900_0000)), (0xffff_fffe, 0xffff_ffff), (0, 0)] {
            let le = { (v: UInt32) in [UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24)] }
            let tail = Self.unhex("0000004a01020304")
            var c = try ChaCha20(key: key, iv: le(start) + le(word13) + tail)
            let out = c.apply([UInt8](repeating: 0, count: 64 * 13 + 5))
            var expected: [UInt8] = []
            var counter = UInt64(start) | UInt64(word13) << 32
            for _ in 0..<14 {
                let lo = UInt32(truncatingIfNeeded: counter)
                let hi = UInt32(truncatingIfNeeded: counter >> 32)
                expected += try ChaCha20.block(key: key, counter: lo, nonce: le(hi) + tail)
                counter &+= 1
            }
            #expect(out == Array(expected.prefix(out.count)))
        }
    }

    /// Keystream position carries across apply calls of any length.
    @Test func chachaStreamingSplits() throws {
        var rng = TestRNG(seed: 0xc4a)
        for _ in 0..<20 {
            let key = rng.bytes(32)
            let iv = rng.bytes(16)
            let data = rng.bytes(rng.next(below: 2500))
            var whole = try ChaCha20(key: key, iv: iv)
            let expected = whole.apply(data)
            var split = try ChaCha20(key: key, iv: iv)
            var out: [UInt8] = []
            var i = 0
            while i < data.count {
                let n = min(data.count - i, rng.next(below: 3) == 0 ? rng.next(below: 300) : rng.next(below: 70))
                out += split.apply(Array(data[i..<(i + n)]))
                i += n
            }
            #expect(out == expected)
            // In place equals out of place; applying twice restores the data.
            var buf = data
            var inPlace = try ChaCha20(key: key, iv: iv)
            if !buf.isEmpty {
                buf.withUnsafeMutableBytes { inPlace.apply($0.baseAddress!, into: $0.baseAddress!, count: data.count) }
            }
            #expect(buf == expected)
            var back = try ChaCha20(key: key, iv: iv)
            #expect(back.apply(expected) == data)
        }
    }

    @Test func chachaRejectsBadLengths() {
        for (k, iv) in [(31, 16), (33, 16), (16, 16), (0, 16), (32, 12), (32, 15), (32, 17), (32, 0)] {
            let error = #expect(throws: CryptoError.self, "key \(k) iv \(iv)") {
                _ = try ChaCha20(key: [UInt8](repeating: 1, count: k), iv: [UInt8](repeating: 2, count: iv))
            }
            #expect(error?.code == .invalidParameter)
        }
        let error = #expect(throws: CryptoError.self) {
            _ = try ChaCha20(key: [UInt8](repeating: 1, count: 32), nonce: [UInt8](repeating: 2, count: 8))
        }
        #expect(error?.code == .invalidParameter)
    }
    #endif

    // MARK: Camellia

    #if CAMELLIA
    /// RFC 3713 appendix A.
    @Test func camelliaRFC3713() throws {
        let pt = "0123456789abcdeffedcba9876543210"
        let cases = [
            ("0123456789abcdeffedcba9876543210", "67673138549669730857065648eabe43"),
            ("0123456789abcdeffedcba98765432100011223344556677", "b4993401b3e996f84ee5cee7d79b09b9"),
            ("0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff", "9acc237dff16d76c20ef7c919e3a7509"),
        ]
        for (k, ct) in cases {
            let c = try Camellia(key: Self.unhex(k))
            #expect(try Self.hex(c.encrypt(Self.unhex(pt))) == ct)
            #expect(try Self.hex(c.decrypt(Self.unhex(ct))) == pt)
        }
    }

    /// OpenSSL's evpciph_camellia.txt: every ECB, CBC and CTR entry.
    @Test func camelliaOpenSSLVectors() throws {
        try Self.checkEVP({ try Camellia(key: $0) }, Self.camelliaEVP)
    }

    @Test func camelliaRoundTrips() throws {
        try Self.checkRoundTrips({ try Camellia(key: $0) }, keySizes: [16, 24, 32], seed: 2)
    }

    @Test func camelliaRejectsBadKeyLengths() {
        Self.checkBadKeys({ try Camellia(key: $0) }, [0, 8, 15, 17, 23, 25, 31, 33])
    }
    #endif

    // MARK: SEED

    #if SEED
    /// RFC 4269 appendix B.
    @Test func seedRFC4269() throws {
        let cases = [
            (
                "00000000000000000000000000000000", "000102030405060708090a0b0c0d0e0f",
                "5ebac6e0054e166819aff1cc6d346cdb"
            ),
            (
                "000102030405060708090a0b0c0d0e0f", "00000000000000000000000000000000",
                "c11f22f20140505084483597e4370f43"
            ),
            (
                "4706480851e61be85d74bfb3fd956185", "83a2f8a288641fb9a4e9a5cc2f131c7d",
                "ee54d13ebcae706d226bc3142cd40d4a"
            ),
            (
                "28dbc3bc49ffd87dcfa509b11d422be7", "b41e6be2eba84a148e2eed84593c5ec7",
                "9b9b7bfcd1813cb95d0b3618f40f5122"
            ),
        ]
        for (k, pt, ct) in cases {
            let s = try SEED(key: Self.unhex(k))
            #expect(try Self.hex(s.encrypt(Self.unhex(pt))) == ct)
            #expect(try Self.hex(s.decrypt(Self.unhex(ct))) == pt)
        }
    }

    /// OpenSSL's evpciph_seed.txt: the ECB entries and the RFC 4196 CBC entries.
    @Test func seedOpenSSLVectors() throws {
        try Self.checkEVP({ try SEED(key: $0) }, Self.seedEVP)
    }

    @Test func seedRoundTrips() throws {
        try Self.checkRoundTrips({ try SEED(key: $0) }, keySizes: [16], seed: 3)
    }

    @Test func seedRejectsBadKeyLengths() {
        Self.checkBadKeys({ try SEED(key: $0) }, [0, 8, 15, 17, 24, 32])
    }
    #endif

    // MARK: RC4

    #if RC4
    /// RFC 6229 section 2: keystream at offsets 0 and 16 for the 40- and 128-bit keys; plus the
    /// 32 bytes at offset 4080 (rows 4080 and 4096 of the RFC's tables), whose expected values
    /// here come from `openssl enc -rc4` / `-rc4-40` (OpenSSL 3.0.19) over zero bytes.
    @Test func rc4RFC6229() throws {
        let cases = [
            (
                "0102030405", "b2396305f03dc027ccc3524a0a1118a8", "6982944f18fc82d589c403a47a0d0919",
                "068326a2118416d21f9d04b2cd1ca050ff25b58995996707e51fbdf08b34d875"
            ),
            (
                "0102030405060708090a0b0c0d0e0f10", "9ac7cc9a609d1ef7b2932899cde41b97",
                "5248c4959014126a6e8a84f11d1a9e1c",
                "ff38265c1642c1abe8d3c2fe5e572bf8a36a4c301ae8ac13610ccbc12256cacc"
            ),
        ]
        for (k, at0, at16, at4080) in cases {
            var r = try RC4(key: Self.unhex(k))
            let ks = r.apply([UInt8](repeating: 0, count: 4112))
            #expect(Self.hex(Array(ks[0..<16])) == at0)
            #expect(Self.hex(Array(ks[16..<32])) == at16)
            #expect(Self.hex(Array(ks[4080..<4112])) == at4080)
        }
    }

    /// OpenSSL's evpciph_rc4.txt (RC4 and RC4-40 entries, including a 20-byte key).
    @Test func rc4OpenSSLVectors() throws {
        for (k, pt, ct) in Self.rc4EVP {
            var e = try RC4(key: Self.unhex(k))
            #expect(Self.hex(e.apply(Self.unhex(pt))) == ct)
            var d = try RC4(key: Self.unhex(k))
            #expect(Self.hex(d.apply(Self.unhex(ct))) == pt)
        }
    }

    @Test func rc4StreamingSplits() throws {
        var rng = TestRNG(seed: 0x4c4)
        for _ in 0..<20 {
            let key = rng.bytes(1 + rng.next(below: 256))
            let data = rng.bytes(rng.next(below: 1000))
            var whole = try RC4(key: key)
            let expected = whole.apply(data)
            var split = try RC4(key: key)
            var out: [UInt8] = []
            var i = 0
            while i < data.count {
                let n = min(data.count - i, rng.next(below: 90))
                out += split.apply(Array(data[i..<(i + n)]))
                i += n
            }
            #expect(out == expected)
            var buf = data
            var inPlace = try RC4(key: key)
            if !buf.isEmpty {
                buf.withUnsafeMutableBytes { inPlace.apply($0.baseAddress!, into: $0.baseAddress!, count: data.count) }
            }
            #expect(buf == expected)
        }
    }

    @Test func rc4KeyLengths() throws {
        _ = try RC4(key: [0x42])
        _ = try RC4(key: [UInt8](repeating: 0x42, count: 256))
        for length in [0, 257, 300] {
            let error = #expect(throws: CryptoError.self, "key length \(length)") {
                _ = try RC4(key: [UInt8](repeating: 0x42, count: length))
            }
            #expect(error?.code == .invalidParameter)
        }
    }
    #endif

    // MARK: Vectors transcribed from OpenSSL 3.0.22 test/recipes/30-test_evp_data

    /// evpciph_aes_common.txt (37 entries): mode, key, IV, plaintext, ciphertext.
    static let aesEVP: [(String, String, String, String, String)] = [
        (
            "ecb", "000102030405060708090a0b0c0d0e0f", "", "00112233445566778899aabbccddeeff",
            "69c4e0d86a7b0430d8cdb78070b4c55a"
        ),
        (
            "ecb", "000102030405060708090a0b0c0d0e0f1011121314151617", "", "00112233445566778899aabbccddeeff",
            "dda97ca4864cdfe06eaf70a0ec0d7191"
        ),
        (
            "ecb", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "",
            "00112233445566778899aabbccddeeff", "8ea2b7ca516745bfeafc49904b496089"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "6bc1bee22e409f96e93d7e117393172a",
            "3ad77bb40d7a3660a89ecaf32466ef97"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "ae2d8a571e03ac9c9eb76fac45af8e51",
            "f5d3d58503b9699de785895a96fdbaaf"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "30c81c46a35ce411e5fbc1191a0a52ef",
            "43b1cd7f598ece23881b00e3ed030688"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "f69f2445df4f9b17ad2b417be66c3710",
            "7b0c785e27e8ad3f8223207104725dd4"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "6bc1bee22e409f96e93d7e117393172a",
            "bd334f1d6e45f25ff712a214571fa5cc"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "ae2d8a571e03ac9c9eb76fac45af8e51",
            "974104846d0ad3ad7734ecb3ecee4eef"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "30c81c46a35ce411e5fbc1191a0a52ef",
            "ef7afd2270e2e60adce0ba2face6444e"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "f69f2445df4f9b17ad2b417be66c3710",
            "9a4b41ba738d6c72fb16691603c18e0e"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "6bc1bee22e409f96e93d7e117393172a", "f3eed1bdb5d2a03c064b5a7e3db181f8"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "ae2d8a571e03ac9c9eb76fac45af8e51", "591ccb10d410ed26dc5ba74a31362870"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "30c81c46a35ce411e5fbc1191a0a52ef", "b6ed21b99ca6f4f9f153e7b1beafed1d"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "f69f2445df4f9b17ad2b417be66c3710", "23304b7a39f9f3ff067d8d8f9e24ecc7"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "000102030405060708090a0b0c0d0e0f",
            "6bc1bee22e409f96e93d7e117393172a", "7649abac8119b246cee98e9b12e9197d"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "7649abac8119b246cee98e9b12e9197d",
            "ae2d8a571e03ac9c9eb76fac45af8e51", "5086cb9b507219ee95db113a917678b2"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "5086cb9b507219ee95db113a917678b2",
            "30c81c46a35ce411e5fbc1191a0a52ef", "73bed6b8e3c1743b7116e69e22229516"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "73bed6b8e3c1743b7116e69e22229516",
            "f69f2445df4f9b17ad2b417be66c3710", "3ff1caa1681fac09120eca307586e1a7"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "000102030405060708090a0b0c0d0e0f",
            "6bc1bee22e409f96e93d7e117393172a", "4f021db243bc633d7178183a9fa071e8"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "4f021db243bc633d7178183a9fa071e8",
            "ae2d8a571e03ac9c9eb76fac45af8e51", "b4d9ada9ad7dedf4e5e738763f69145a"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "b4d9ada9ad7dedf4e5e738763f69145a",
            "30c81c46a35ce411e5fbc1191a0a52ef", "571b242012fb7ae07fa9baac3df102e0"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "571b242012fb7ae07fa9baac3df102e0",
            "f69f2445df4f9b17ad2b417be66c3710", "08b0e27988598881d920a9e64f5615cd"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "000102030405060708090a0b0c0d0e0f", "6bc1bee22e409f96e93d7e117393172a", "f58c4c04d6e5f1ba779eabfb5f7bfbd6"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "f58c4c04d6e5f1ba779eabfb5f7bfbd6", "ae2d8a571e03ac9c9eb76fac45af8e51", "9cfc4e967edb808d679f777bc6702c7d"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "9cfc4e967edb808d679f777bc6702c7d", "30c81c46a35ce411e5fbc1191a0a52ef", "39f23369a9d9bacfa530e26304231461"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "39f23369a9d9bacfa530e26304231461", "f69f2445df4f9b17ad2b417be66c3710", "b2eb05e2c39be9fcda6c19078c6a9d1b"
        ),
        (
            "ctr", "ae6852f8121067cc4bf7a5765577f39e", "00000030000000000000000000000001",
            "53696e676c6520626c6f636b206d7367", "e4095d4fb7a7b3792d6175a3261311b8"
        ),
        (
            "ctr", "7e24067817fae0d743d6ce1f32539163", "006cb6dbc0543b59da48d90b00000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "5104a106168a72d9790d41ee8edad388eb2e1efc46da57c8fce630df9141be28"
        ),
        (
            "ctr", "7691be035e5020a8ac6e618529f9a0dc", "00e0017b27777f3f4a1786f000000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223",
            "c1cf48a89f2ffdd9cf4652e9efdb72d74540a42bde6d7836d59a5ceaaef3105325b2072f"
        ),
        (
            "ctr", "16af5b145fc9f579c175f93e3bfb0eed863d06ccfdb78515", "0000004836733c147d6d93cb00000001",
            "53696e676c6520626c6f636b206d7367", "4b55384fe259c9c84e7935a003cbe928"
        ),
        (
            "ctr", "7c5cb2401b3dc33c19e7340819e0f69c678c3db8e6f6a91a", "0096b03b020c6eadc2cb500d00000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "453243fc609b23327edfaafa7131cd9f8490701c5ad4a79cfc1fe0ff42f4fb00"
        ),
        (
            "ctr", "02bf391ee8ecb159b959617b0965279bf59b60a786d3e0fe", "0007bdfd5cbd60278dcc091200000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223",
            "96893fc55e5c722f540b7dd1ddf7e758d288bc95c69165884536c811662f2188abee0935"
        ),
        (
            "ctr", "776beff2851db06f4c8a0542c8696f6c6a81af1eec96b4d37fc1d689e6c1c104",
            "00000060db5672c97aa8f0b200000001", "53696e676c6520626c6f636b206d7367", "145ad01dbf824ec7560863dc71e3e0c0"
        ),
        (
            "ctr", "f6d66d6bd52d59bb0796365879eff886c66dd51a5b6a99744b50590c87a23884",
            "00faac24c1585ef15a43d87500000001", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "f05e231b3894612c49ee000b804eb2a9b8306b508f839d6a5530831d9344af1c"
        ),
        (
            "ctr", "ff7a617ce69148e4f1726e2f43581de2aa62d9f805532edff1eed687fb54153d",
            "001cc5b751a51d70a1c1114800000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223",
            "eb6c52821d0bbbf7ce7594462aca4faab407df866569fd07f48cc0b583d6071f1ec0e6b8"
        ),
        (
            "ctr", "7e24067817fae0d743d6ce1f32539163", "00000000000000007fffffffffffffff",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "a2d459477e6432bd74184b1b5370d2243cdc202bc43583b2a55d288cdbbd1e03"
        ),
    ]

    /// evpciph_camellia.txt (39 entries): mode, key, IV, plaintext, ciphertext.
    static let camelliaEVP: [(String, String, String, String, String)] = [
        (
            "ecb", "0123456789abcdeffedcba9876543210", "", "0123456789abcdeffedcba9876543210",
            "67673138549669730857065648eabe43"
        ),
        (
            "ecb", "0123456789abcdeffedcba98765432100011223344556677", "", "0123456789abcdeffedcba9876543210",
            "b4993401b3e996f84ee5cee7d79b09b9"
        ),
        (
            "ecb", "0123456789abcdeffedcba987654321000112233445566778899aabbccddeeff", "",
            "0123456789abcdeffedcba9876543210", "9acc237dff16d76c20ef7c919e3a7509"
        ),
        (
            "ecb", "000102030405060708090a0b0c0d0e0f", "", "00112233445566778899aabbccddeeff",
            "77cf412067af8270613529149919546f"
        ),
        (
            "ecb", "000102030405060708090a0b0c0d0e0f1011121314151617", "", "00112233445566778899aabbccddeeff",
            "b22f3c36b72d31329eee8addc2906c68"
        ),
        (
            "ecb", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "",
            "00112233445566778899aabbccddeeff", "2edf1f3418d53b88841fc8985fb1ecf2"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "6bc1bee22e409f96e93d7e117393172a",
            "432fc5dcd628115b7c388d770b270c96"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "ae2d8a571e03ac9c9eb76fac45af8e51",
            "0be1f14023782a22e8384c5abb7fab2b"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "30c81c46a35ce411e5fbc1191a0a52ef",
            "a0a1abcd1893ab6fe0fe5b65df5f8636"
        ),
        (
            "ecb", "2b7e151628aed2a6abf7158809cf4f3c", "", "f69f2445df4f9b17ad2b417be66c3710",
            "e61925e0d5dfaa9bb29f815b3076e51a"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "6bc1bee22e409f96e93d7e117393172a",
            "cccc6c4e138b45848514d48d0d3439d3"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "ae2d8a571e03ac9c9eb76fac45af8e51",
            "5713c62c14b2ec0f8393b6afd6f5785a"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "30c81c46a35ce411e5fbc1191a0a52ef",
            "b40ed2b60eb54d09d030cf511feef366"
        ),
        (
            "ecb", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "", "f69f2445df4f9b17ad2b417be66c3710",
            "909dbd95799096748cb27357e73e1d26"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "6bc1bee22e409f96e93d7e117393172a", "befd219b112fa00098919cd101c9ccfa"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "ae2d8a571e03ac9c9eb76fac45af8e51", "c91d3a8f1aea08a9386cf4b66c0169ea"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "30c81c46a35ce411e5fbc1191a0a52ef", "a623d711dc5f25a51bb8a80d56397d28"
        ),
        (
            "ecb", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "",
            "f69f2445df4f9b17ad2b417be66c3710", "7960109fb6dc42947fcfe59ea3c5eb6b"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "000102030405060708090a0b0c0d0e0f",
            "6bc1bee22e409f96e93d7e117393172a", "1607cf494b36bbf00daeb0b503c831ab"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "1607cf494b36bbf00daeb0b503c831ab",
            "ae2d8a571e03ac9c9eb76fac45af8e51", "a2f2cf671629ef7840c5a5dfb5074887"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "a2f2cf671629ef7840c5a5dfb5074887",
            "30c81c46a35ce411e5fbc1191a0a52ef", "0f06165008cf8b8b5a63586362543e54"
        ),
        (
            "cbc", "2b7e151628aed2a6abf7158809cf4f3c", "36a84cdafd5f9a85ada0f0a993d6d577",
            "f69f2445df4f9b17ad2b417be66c3710", "74c64268cdb8b8faf5b34e8af3732980"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "000102030405060708090a0b0c0d0e0f",
            "6bc1bee22e409f96e93d7e117393172a", "2a4830ab5ac4a1a2405955fd2195cf93"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "2a4830ab5ac4a1a2405955fd2195cf93",
            "ae2d8a571e03ac9c9eb76fac45af8e51", "5d5a869bd14ce54264f892a6dd2ec3d5"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "5d5a869bd14ce54264f892a6dd2ec3d5",
            "30c81c46a35ce411e5fbc1191a0a52ef", "37d359c3349836d884e310addf68c449"
        ),
        (
            "cbc", "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "37d359c3349836d884e310addf68c449",
            "f69f2445df4f9b17ad2b417be66c3710", "01faaa930b4ab9916e9668e1428c6b08"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "000102030405060708090a0b0c0d0e0f", "6bc1bee22e409f96e93d7e117393172a", "e6cfa35fc02b134a4d2c0b6737ac3eda"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "e6cfa35fc02b134a4d2c0b6737ac3eda", "ae2d8a571e03ac9c9eb76fac45af8e51", "36cbeb73bd504b4070b1b7de2b21eb50"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "36cbeb73bd504b4070b1b7de2b21eb50", "30c81c46a35ce411e5fbc1191a0a52ef", "e31a6055297d96ca3330cdf1b1860a83"
        ),
        (
            "cbc", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "e31a6055297d96ca3330cdf1b1860a83", "f69f2445df4f9b17ad2b417be66c3710", "5d563f6d1cccf236051c0c5c1c58f28f"
        ),
        (
            "ctr", "ae6852f8121067cc4bf7a5765577f39e", "00000030000000000000000000000001",
            "53696e676c6520626c6f636b206d7367", "d09dc29a8214619a20877c76db1f0b3f"
        ),
        (
            "ctr", "7e24067817fae0d743d6ce1f32539163", "006cb6dbc0543b59da48d90b00000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "dbf3c78dc08396d4da7c907765bbcb442b8e8e0f31f0dca72c7417e35360e048"
        ),
        (
            "ctr", "7691be035e5020a8ac6e618529f9a0dc", "00e0017b27777f3f4a1786f000000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223",
            "b19d1fcdcb75eb882f849ce24d85cf739ce64b2b5c9d73f14f2d5d9dce9889cddf508696"
        ),
        (
            "ctr", "16af5b145fc9f579c175f93e3bfb0eed863d06ccfdb78515", "0000004836733c147d6d93cb00000001",
            "53696e676c6520626c6f636b206d7367", "2379399e8a8d2b2b16702fc78b9e9696"
        ),
        (
            "ctr", "7c5cb2401b3dc33c19e7340819e0f69c678c3db8e6f6a91a", "0096b03b020c6eadc2cb500d00000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "7def34f7a5d0e415674b7ffcae67c75dd018b86ff23051e056392a99f35a4ced"
        ),
        (
            "ctr", "02bf391ee8ecb159b959617b0965279bf59b60a786d3e0fe", "0007bdfd5cbd60278dcc091200000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223",
            "5710e556e1487a20b5ac0e73f19e4e7876f37fdc91b1ef4d4dade8e666a64d0ed557ab57"
        ),
        (
            "ctr", "776beff2851db06f4c8a0542c8696f6c6a81af1eec96b4d37fc1d689e6c1c104",
            "00000060db5672c97aa8f0b200000001", "53696e676c6520626c6f636b206d7367", "3401f9c8247effcebd6994714c1bbb11"
        ),
        (
            "ctr", "f6d66d6bd52d59bb0796365879eff886c66dd51a5b6a99744b50590c87a23884",
            "00faac24c1585ef15a43d87500000001", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "d6c30392246f7808a83c2b22a8839e45e51cd48a1cdf406ebc9cc2d3ab834108"
        ),
        (
            "ctr", "ff7a617ce69148e4f1726e2f43581de2aa62d9f805532edff1eed687fb54153d",
            "001cc5b751a51d70a1c1114800000001",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223",
            "a4da23fce6a5ffaa6d64ae9a0652a42cd161a34b65f9679f75c01f101f71276f15ef0d8d"
        ),
    ]

    /// evpciph_seed.txt (6 entries): mode, key, IV, plaintext, ciphertext.
    static let seedEVP: [(String, String, String, String, String)] = [
        (
            "cbc", "ed2401ad22fa255991bafdb01fefd697", "93eb149f92c9905bae5cd34da06c3c8e",
            "b40d7003d9b6904b35622750c91a24575bb9a632364aa26e3ac0cf3a9c9d0dcb",
            "f072c5b1a0588c105af8301adcd91dd067f6822155304bf3aad75ceb44341c25"
        ),
        (
            "cbc", "88e34f8f081779f1e9f394370ad40589", "268d66a735a81a816fbad9fa36162501",
            "d76d0d18327ec562b15e6bc365ac0c0f8d41e0bb938568aeebfd92ed1affa096394d20fc5277ddfc4de8b0fce1eb2b93d4ae40ef4768c613b50b8942f7d4b9b3",
            "a293eae9d9aebfac37ba714bd774e427e8b706d7e7d9a097228639e0b62b3b34ced11609cef2abaaec2edf979308f379c31527a8267783e5cba3538982b48d06"
        ),
        (
            "ecb", "00000000000000000000000000000000", "", "000102030405060708090a0b0c0d0e0f",
            "5ebac6e0054e166819aff1cc6d346cdb"
        ),
        (
            "ecb", "000102030405060708090a0b0c0d0e0f", "", "00000000000000000000000000000000",
            "c11f22f20140505084483597e4370f43"
        ),
        (
            "ecb", "4706480851e61be85d74bfb3fd956185", "", "83a2f8a288641fb9a4e9a5cc2f131c7d",
            "ee54d13ebcae706d226bc3142cd40d4a"
        ),
        (
            "ecb", "28dbc3bc49ffd87dcfa509b11d422be7", "", "b41e6be2eba84a148e2eed84593c5ec7",
            "9b9b7bfcd1813cb95d0b3618f40f5122"
        ),
    ]

    /// evpciph_rc4.txt (11 entries): key, plaintext, ciphertext.
    static let rc4EVP: [(String, String, String)] = [
        ("0123456789abcdef0123456789abcdef", "0123456789abcdef", "75b7878099e0c596"),
        ("0123456789abcdef0123456789abcdef", "0000000000000000", "7494c2e7104b0879"),
        ("00000000000000000000000000000000", "0000000000000000", "de188941a3375d3a"),
        (
            "ef012345ef012345ef012345ef012345", "0000000000000000000000000000000000000000",
            "d6a141a7ec3c38dfbd615a1162e1c7ba36b67858"
        ),
        (
            "0123456789abcdef0123456789abcdef", "123456789abcdef0123456789abcdef0123456789abcdef012345678",
            "66a0949f8af7d6891f7f832ba833c00c892ebe30143ce28740011ecf"
        ),
        ("ef012345ef012345ef012345ef012345", "00000000000000000000", "d6a141a7ec3c38dfbd61"),
        ("0102030405", "00000000000000000000000000000000", "b2396305f03dc027ccc3524a0a1118a8"),
        ("833222772a", "00000000000000000000000000000000", "80ad97bdc973df8a2e879e92a497efda"),
        ("0102030405060708090a0b0c0d0e0f10", "00000000000000000000000000000000", "9ac7cc9a609d1ef7b2932899cde41b97"),
        ("ebb46227c6cc8b37641910833222772a", "00000000000000000000000000000000", "720c94b63edf44e131d950ca211a5a30"),
        (
            "ebb46227c6cc8b37641910833222772a00000000", "00000000000000000000000000000000",
            "358b23dba47770e72c7ea8ce5bd68da3"
        ),
    ]

    /// evpciph_chacha.txt, cipher chacha20 (19 entries): key, IV (counter || nonce), plaintext, ciphertext.
    static let chachaEVP: [(String, String, String, String)] = [
        (
            "0000000000000000000000000000000000000000000000000000000000000000", "00000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"
        ),
        (
            "0000000000000000000000000000000000000000000000000000000000000000", "01000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"
        ),
        (
            "0000000000000000000000000000000000000000000000000000000000000001", "01000000000000000000000000000002",
            "416e79207375626d697373696f6e20746f20746865204945544620696e74656e6465642062792074686520436f6e7472696275746f7220666f72207075626c69636174696f6e20617320616c6c206f722070617274206f6620616e204945544620496e7465726e65742d4472616674206f722052464320616e6420616e792073746174656d656e74206d6164652077697468696e2074686520636f6e74657874206f6620616e204945544620616374697669747920697320636f6e7369646572656420616e20224945544620436f6e747269627574696f6e222e20537563682073746174656d656e747320696e636c756465206f72616c2073746174656d656e747320696e20494554462073657373696f6e732c2061732077656c6c206173207772697474656e20616e6420656c656374726f6e696320636f6d6d756e69636174696f6e73206d61646520617420616e792074696d65206f7220706c6163652c207768696368206172652061646472657373656420746f",
            "a3fbf07df3fa2fde4f376ca23e82737041605d9f4f4f57bd8cff2c1d4b7955ec2a97948bd3722915c8f3d337f7d370050e9e96d647b7c39f56e031ca5eb6250d4042e02785ececfa4b4bb5e8ead0440e20b6e8db09d881a7c6132f420e52795042bdfa7773d8a9051447b3291ce1411c680465552aa6c405b7764d5e87bea85ad00f8449ed8f72d0d662ab052691ca66424bc86d2df80ea41f43abf937d3259dc4b2d0dfb48a6c9139ddd7f76966e928e635553ba76c5c879d7b35d49eb2e62b0871cdac638939e25e8a1e0ef9d5280fa8ca328b351c3c765989cbcf3daa8b6ccc3aaf9f3979c92b3720fc88dc95ed84a1be059c6499b9fda236e7e818b04b0bc39c1e876b193bfe5569753f88128cc08aaa9b63d1a16f80ef2554d7189c411f5869ca52c5b83fa36ff216b9c1d30062bebcfd2dc5bce0911934fda79a86f6e698ced759c3ff9b6477338f3da4f9cd8514ea9982ccafb341b2384dd902f3d1ab7ac61dd29c6f21ba5b862f3730e37cfdc4fd806c22f221"
        ),
        (
            "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0", "2a000000000000000000000000000002",
            "2754776173206272696c6c69672c20616e642074686520736c6974687920746f7665730a446964206779726520616e642067696d626c6520696e2074686520776162653a0a416c6c206d696d737920776572652074686520626f726f676f7665732c0a416e6420746865206d6f6d65207261746873206f757467726162652e",
            "62e6347f95ed87a45ffae7426f27a1df5fb69110044c0d73118effa95b01e5cf166d3df2d721caf9b21e5fb14c616871fd84c54f9d65b283196c7fe4f60553ebf39c6402c42234e32a356b3e764312a61a5532055716ead6962568f87d3f3f7704c6a8d1bcd1bf4d50d6154b6da731b187b58dfd728afa36757a797ac188d1"
        ),
        (
            "0000000000000000000000000000000000000000000000000000000000000001", "00000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "4540f05a9f1fb296d7736e7b208e3c96eb4fe1834688d2604f450952ed432d41bbe2a0b6ea7566d2a5d1e7e20d42af2c53d792b1c43fea817e9ad275ae546963"
        ),
        (
            "0000000000000000000000000000000000000000000000000000000000000000", "00000000000000000000000000000001",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "de9cba7bf3d69ef5e786dc63973f653a0b49e015adbff7134fcb7df137821031e85a050278a7084527214f73efc7fa5b5277062eb7a0433e445f41e31afab757"
        ),
        (
            "0000000000000000000000000000000000000000000000000000000000000000", "00000000000000000100000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "ef3fdfd6c61578fbf5cf35bd3dd33b8009631634d21e42ac33960bd138e50d32111e4caf237ee53ca8ad6426194a88545ddc497a0b466e7d6bbdb0041b2f586b"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c9"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c730"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444a"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae5d493c19e38a77939e7a058d713e9cccca58045f436b434b1c80d365472406e392951987db6905c80d431da18451135be7e82bcab358cb3971e61405b2ff1798"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae5d493c19e38a77939e7a058d713e9cccca58045f436b434b1c80d365472406e392951987db6905c80d431da18451135be7e82bcab358cb3971e61405b2ff17980d6e7e67e861e28201c1ee30b441040fd06878d65042c95582a4318207bfc700be0ce32889aec2ffe5085e8967910d879fa0e8c0ff85fdc510b9ff2fbf87cfcb"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae5d493c19e38a77939e7a058d713e9cccca58045f436b434b1c80d365472406e392951987db6905c80d431da18451135be7e82bcab358cb3971e61405b2ff17980d6e7e67e861e28201c1ee30b441040fd06878d65042c95582a4318207bfc700be0ce32889aec2ffe5085e8967910d879fa0e8c0ff85fdc510b9ff2fbf87cfcb29577d68099e04ffa05f752a73d377c70d3a8bc2da80e6e780ec057182c33ad1de387252258a1e18e6fad910327ce7f42fd1e1e0515f9586e2f2efcb9f472b1d"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae5d493c19e38a77939e7a058d713e9cccca58045f436b434b1c80d365472406e392951987db6905c80d431da18451135be7e82bcab358cb3971e61405b2ff17980d6e7e67e861e28201c1ee30b441040fd06878d65042c95582a4318207bfc700be0ce32889aec2ffe5085e8967910d879fa0e8c0ff85fdc510b9ff2fbf87cfcb29577d68099e04ffa05f752a73d377c70d3a8bc2da80e6e780ec057182c33ad1de387252258a1e18e6fad910327ce7f42fd1e1e0515f9586e2f2efcb9f472b1dbdbac354a4162151e9d92c79fb08bb4ddc56f19448c0175a46e2e6c491fec71419aa43a349bea768a92c75de68fd9591e68067f3197094d3fb87ed81785ea075"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae5d493c19e38a77939e7a058d713e9cccca58045f436b434b1c80d365472406e392951987db6905c80d431da18451135be7e82bcab358cb3971e61405b2ff17980d6e7e67e861e28201c1ee30b441040fd06878d65042c95582a4318207bfc700be0ce32889aec2ffe5085e8967910d879fa0e8c0ff85fdc510b9ff2fbf87cfcb29577d68099e04ffa05f752a73d377c70d3a8bc2da80e6e780ec057182c33ad1de387252258a1e18e6fad910327ce7f42fd1e1e0515f9586e2f2efcb9f472b1dbdbac354a4162151e9d92c79fb08bb4ddc56f19448c0175a46e2e6c491fec71419aa43a349bea768a92c75de68fd9591e68067f3197094d3fb87ed81785ea075e4b65e3e4c78f81da9b751c5efe024152301c48e63245b556c4c67aff857e5ea15a908d83a1d9704f8e55e7352b20b694bf9970298e6b5aad33ea2155d105d4e"
        ),
        (
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00000000000000000001020304050607",
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c134a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c79db9d4f7c7a899151b9a475032b63fc385245fe054e3dd5a97a5f576fe064025d3ce042c566ab2c507b138db853e3d6959660996546cc9c4a6eafdc777c040d70eaf46f76dad3979e5c5360c3317166a1c894c94a371876a94df7628fe4eaaf2ccb27d5aaae0ad7ad0f9d4b6ad3b54098746d4524d38407a6deb3ab78fab78c94213668bbbd394c5de93b853178addd6b97f9fa1ec3e56c00c9ddff0a44a204241175a4cab0f961ba53ede9bdf960b94f9829b1f3414726429b362c5b538e391520f489b7ed8d20ae3fd49e9e259e44397514d618c96c4846be3c680bdc11c71dcbbe29ccf80d62a0938fa549391e6ea57ecbe2606790ec15d2224ae307c144226b7c4e8c2f97d2a1d67852d29beba110edd445197012062a393a9c92803ad3b4f31d7bc6033ccf7932cfed3f019044d25905916777286f82f9a4cc1ffe430ffd1dcfc27deed327b9f9630d2fa969fb6f0603cd19dd9a9519e673bcfcd9014125291a44669ef7285e74ed3729b677f801c3cdf058c50963168b496043716c7307cd9e0cdd137fccb0f05b47cdbb95c5f54831622c3652a32b2531fe326bcd6e2bbf56a194fa196fbd1a54952110f51c73433865f7664b836685e3664b3d8444af89a242805e18c975f1146324996fde17007cf3e6e8f4e764022533edbfe07d4733e48bb372d75b0ef48ec983eb78532161cc529e5abb89837dfcca6261dbb37c7c5e6a87478bf41ee85a518c0f4efa9bde828c5a71b8e46597b634afd204d3c501334239c3414285ed72d3a9169eabbd4dc25d52bb7516d3ba712d75ad8c0ae5d493c19e38a77939e7a058d713e9cccca58045f436b434b1c80d365472406e392951987db6905c80d431da18451135be7e82bcab358cb3971e61405b2ff17980d6e7e67e861e28201c1ee30b441040fd06878d65042c95582a4318207bfc700be0ce32889aec2ffe5085e8967910d879fa0e8c0ff85fdc510b9ff2fbf87cfcb29577d68099e04ffa05f752a73d377c70d3a8bc2da80e6e780ec057182c33ad1de387252258a1e18e6fad910327ce7f42fd1e1e0515f9586e2f2efcb9f472b1dbdbac354a4162151e9d92c79fb08bb4ddc56f19448c0175a46e2e6c491fec71419aa43a349bea768a92c75de68fd9591e68067f3197094d3fb87ed81785ea075e4b65e3e4c78f81da9b751c5efe024152301c48e63245b556c4c67aff857e5ea15a908d83a1d9704f8e55e7352b20b694bf9970298e6b5aad33ea2155d105d4e637d1e87c40a8e5f4e8c5a16a4b8f3dc27b31721d77a65fd1ed6f86be25fb95db29b1988493770a7c60e451ff97dd241a236851fc425691979fe30226559ad95"
        ),
    ]
}
