import LibCrypto
import Testing

/// SplitMix64 (Steele, Lea, Flood), seeded, so every run draws the same lengths and splits.
typealias DigestsBTestRNG = TestRNG

/// SHA-3 and SHAKE (FIPS 202), BLAKE2b-512 and BLAKE2s-256 (RFC 7693), RIPEMD-160 and SM3.
///
/// Expected values are published ones: NIST's FIPS 202 example values, the RFC 7693
/// appendices, the RIPEMD-160 authors' test list, and the examples of the SM3 standard.
@Suite struct DigestsBTests {
    static func hex(_ bytes: [UInt8]) -> String { TestHex.encode(bytes) }

    static func digest<H: HashFunction>(_: H.Type, _ message: String) -> String {
        hex(H.hash(Array(message.utf8)))
    }

    static func xof<H: ExtendableOutputFunction>(_: H.Type, _ message: String, _ length: Int) throws -> String {
        hex(try H.hash(Array(message.utf8), outputLength: length))
    }

    // MARK: Published values

    @Test func sha3EmptyAndABC() {
        #expect(Self.digest(SHA3_224.self, "") == "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7")
        #expect(Self.digest(SHA3_224.self, "abc") == "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf")
        #expect(
            Self.digest(SHA3_256.self, "")
                == "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")
        #expect(
            Self.digest(SHA3_256.self, "abc")
                == "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")
        #expect(
            Self.digest(SHA3_384.self, "")
                == "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2a"
                + "c3713831264adb47fb6bd1e058d5f004")
        #expect(
            Self.digest(SHA3_384.self, "abc")
                == "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2"
                + "98d88cea927ac7f539f1edf228376d25")
        #expect(
            Self.digest(SHA3_512.self, "")
                == "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a6"
                + "15b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26")
        #expect(
            Self.digest(SHA3_512.self, "abc")
                == "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
                + "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0")
    }

    @Test func shakeEmptyAndABC() throws {
        #expect(
            try Self.xof(SHAKE128.self, "", 32)
                == "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26")
        #expect(
            try Self.xof(SHAKE128.self, "abc", 32)
                == "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8")
        #expect(
            try Self.xof(SHAKE256.self, "", 64)
                == "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
                + "d75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be")
        #expect(
            try Self.xof(SHAKE256.self, "abc", 64)
                == "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739"
                + "d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4")
        // The default outputs are OpenSSL's: 16 bytes for SHAKE128, 32 for SHAKE256.
        #expect(Self.digest(SHAKE128.self, "") == "7f9c2ba4e88f827d616045507605853e")
        #expect(
            Self.digest(SHAKE256.self, "abc")
                == "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739")
    }

    #if BLAKE2
    @Test func blake2RFC7693() {
        #expect(
            Self.digest(BLAKE2b512.self, "abc")
                == "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
        #expect(
            Self.digest(BLAKE2s256.self, "abc")
                == "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982")
    }
    #endif

    #if RMD160
    @Test func ripemd160AuthorsValues() {
        let cases: [(String, String)] = [
            ("", "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
            ("a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"),
            ("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
            ("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"),
            ("abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "12a053384a9c0c88e405a06c27dcf49ada62eb2b"
            ),
            (
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "b0e20b6e3116640286ed3a87a5713079b21f5189"
            ),
            (String(repeating: "1234567890", count: 8), "9b752e45573d4b39f4dbd3323cab82bf63326bfb"),
        ]
        for (message, expected) in cases {
            #expect(Self.digest(RIPEMD160.self, message) == expected, "message \"\(message)\"")
        }
        #expect(
            Self.hex(RIPEMD160.hash([UInt8](repeating: 0x61, count: 1_000_000)))
                == "52783243c1697bdbe16d37f97f68f08325dc1528")
    }
    #endif

    #if SM3
    @Test func sm3StandardExamples() {
        #expect(
            Self.digest(SM3.self, "abc")
                == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
        #expect(
            Self.digest(SM3.self, String(repeating: "abcd", count: 16))
                == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }
    #endif

    @Test func sizes() {
        #expect(SHA3_224.blockSize == 144 && SHA3_224.digestSize == 28)
        #expect(SHA3_256.blockSize == 136 && SHA3_256.digestSize == 32)
        #expect(SHA3_384.blockSize == 104 && SHA3_384.digestSize == 48)
        #expect(SHA3_512.blockSize == 72 && SHA3_512.digestSize == 64)
        #expect(SHAKE128.blockSize == 168 && SHAKE128.digestSize == 16)
        #expect(SHAKE256.blockSize == 136 && SHAKE256.digestSize == 32)
        #if BLAKE2
        #expect(BLAKE2b512.blockSize == 128 && BLAKE2b512.digestSize == 64)
        #expect(BLAKE2s256.blockSize == 64 && BLAKE2s256.digestSize == 32)
        #endif
        #if RMD160
        #expect(RIPEMD160.blockSize == 64 && RIPEMD160.digestSize == 20)
        #endif
        #if SM3
        #expect(SM3.blockSize == 64 && SM3.digestSize == 32)
        #endif
    }

    // MARK: Streaming

    /// Feeds `message` to a fresh `H` in random pieces, with empty updates (some with a nil
    /// base address) mixed in.
    static func absorbSplit<H: HashFunction>(
        _: H.Type, _ message: [UInt8], rng: inout DigestsBTestRNG
    ) -> H {
        var h = H()
        var position = 0
        while position < message.count {
            let remaining = message.count - position
            let piece: Int
            switch Int.random(in: 0..<8, using: &rng) {
            case 0: piece = 0
            case 1, 2: piece = Int.random(in: 1...min(remaining, 3), using: &rng)
            case 3: piece = min(remaining, H.blockSize)
            default: piece = Int.random(in: 0...remaining, using: &rng)
            }
            if piece == 0 && Bool.random(using: &rng) {
                h.update(UnsafeRawBufferPointer(start: nil, count: 0))
            } else {
                h.update(message[position..<(position + piece)])
            }
            position += piece
        }
        if Bool.random(using: &rng) {
            h.update([UInt8]())
        }
        return h
    }

    static func randomMessage(rng: inout DigestsBTestRNG) -> [UInt8] {
        let length = Int.random(in: 0...1000, using: &rng)
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }

    static func checkSplits<H: HashFunction>(_ type: H.Type, seed: UInt64, trials: Int = 40) {
        var rng = DigestsBTestRNG(seed: seed)
        for trial in 0..<trials {
            let message = randomMessage(rng: &rng)
            let oneShot = H.hash(message)
            var split = absorbSplit(type, message, rng: &rng)
            let streamed = split.finalize()
            #expect(oneShot.count == H.digestSize)
            #expect(streamed == oneShot, "\(H.self) trial \(trial), \(message.count) bytes")
        }
        let message = randomMessage(rng: &rng)
        var bytewise = H()
        for byte in message {
            bytewise.update([byte])
        }
        #expect(bytewise.finalize() == H.hash(message), "\(H.self) byte by byte")
    }

    @Test func randomSplitsMatchOneShot() {
        Self.checkSplits(SHA3_224.self, seed: 1)
        Self.checkSplits(SHA3_256.self, seed: 2)
        Self.checkSplits(SHA3_384.self, seed: 3)
        Self.checkSplits(SHA3_512.self, seed: 4)
        Self.checkSplits(SHAKE128.self, seed: 5)
        Self.checkSplits(SHAKE256.self, seed: 6)
        #if BLAKE2
        Self.checkSplits(BLAKE2b512.self, seed: 7)
        Self.checkSplits(BLAKE2s256.self, seed: 8)
        #endif
        #if RMD160
        Self.checkSplits(RIPEMD160.self, seed: 9)
        #endif
        #if SM3
        Self.checkSplits(SM3.self, seed: 10)
        #endif
    }

    static func checkXOFSplits<H: ExtendableOutputFunction>(_ type: H.Type, seed: UInt64) throws {
        var rng = DigestsBTestRNG(seed: seed)
        let lengths = [0, 1, 200, 500, H.blockSize - 1, H.blockSize, H.blockSize + 1, 3 * H.blockSize]
        for outputLength in lengths {
            for trial in 0..<6 {
                let message = randomMessage(rng: &rng)
                let oneShot = try H.hash(message, outputLength: outputLength)
                var split = absorbSplit(type, message, rng: &rng)
                let streamed = try split.finalize(outputLength: outputLength)
                #expect(oneShot.count == outputLength)
                #expect(
                    streamed == oneShot,
                    "\(H.self) output \(outputLength) trial \(trial), \(message.count) bytes")
            }
        }
        let message = randomMessage(rng: &rng)
        let long = try H.hash(message, outputLength: 500)
        for outputLength in [0, 1, H.digestSize, 200, 499] {
            #expect(
                try H.hash(message, outputLength: outputLength) == Array(long.prefix(outputLength)),
                "\(H.self) output \(outputLength) is a prefix of the longer output")
        }
        #expect(H.hash(message) == Array(long.prefix(H.digestSize)))
    }

    @Test func shakeOutputLengthsAndSplits() throws {
        try Self.checkXOFSplits(SHAKE128.self, seed: 11)
        try Self.checkXOFSplits(SHAKE256.self, seed: 12)
    }

    /// Copying a value mid-stream forks it: both copies continue independently (HMAC relies
    /// on this).
    @Test func copiesAreIndependent() {
        let prefix = Array("The quick brown fox ".utf8)
        let suffixA = Array("jumps over the lazy dog".utf8)
        let suffixB = Array(repeating: UInt8(0x5A), count: 300)
        func check<H: HashFunction>(_: H.Type) {
            var a = H()
            a.update(prefix)
            var b = a
            a.update(suffixA)
            b.update(suffixB)
            #expect(a.finalize() == H.hash(prefix + suffixA), "\(H.self)")
            #expect(b.finalize() == H.hash(prefix + suffixB), "\(H.self)")
        }
        check(SHA3_256.self)
        check(SHAKE128.self)
        #if BLAKE2
        check(BLAKE2b512.self)
        check(BLAKE2s256.self)
        #endif
        #if RMD160
        check(RIPEMD160.self)
        #endif
        #if SM3
        check(SM3.self)
        #endif
    }
}
