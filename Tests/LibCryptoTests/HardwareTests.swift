import Testing
@testable import LibCrypto

/// The hardware paths (AES-NI, PCLMULQDQ, SHA-NI, MULX/ADX, IFMA) against the generic Swift code, in the
/// manner of Go's tests running both `purego` and assembly: random inputs must give identical
/// output under every variant, and known answers (FIPS 197, SP 800-38A, the GCM spec's test
/// cases, FIPS 180 "abc") must hold under each. A path missing from this CPU or build (or
/// turned off by LIBCRYPTO_HWCAP) is skipped with the reason, never passed silently.
@Suite("Hardware paths")
struct HardwareTests {
    static let paths = HardwareSupport.paths
    static let hasAESNI = paths.contains("aesni")
    static let hasPCLMUL = paths.contains("pclmulqdq")
    static let hasSHANI = paths.contains("shani")

    static func hex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    // MARK: API

    /// What the harness asks: does the catalog give `name` a path the current selection has?
    static func usesHardware(_ name: String) -> Bool {
        !(Catalog.resolve(name)?.hardware ?? []).isDisjoint(with: HardwareSupport.selection)
    }

    @Test("variants and paths agree with the build")
    func variants() throws {
        #expect(HardwareSupport.variants == ["generic"] + (Self.paths.isEmpty ? [] : ["hardware"]))
        #if !ASM
        #expect(Self.paths.isEmpty, "a no-asm build must have no hardware path")
        #endif
        for p in Self.paths { #expect(["aesni", "pclmulqdq", "shani", "mulx", "ifma"].contains(p)) }
        try HardwareSupport.withVariant("generic") {
            #expect(!Self.usesHardware("AES-128-CTR"))
            #expect(!Self.usesHardware("SHA2-256"))
            #expect(HardwareSupport.selected.isEmpty)
        }
        #expect(Self.usesHardware("aes-256-cbc") == Self.hasAESNI)
        #expect(Self.usesHardware("AES-128-GCM") == (Self.hasAESNI || Self.hasPCLMUL))
        #expect(Self.usesHardware("HMAC-SHA2-256") == Self.hasSHANI)
        #expect(Self.usesHardware("sha1") == Self.hasSHANI)
        #expect(!Self.usesHardware("SHA2-512/256"))
        #expect(!Self.usesHardware("CAMELLIA-128-CBC"))
    }

    @Test("LIBCRYPTO_HWCAP values")
    func environmentParsing() {
        #expect(HardwareSupport.allowed(byEnvironment: "") == .all)
        #expect(HardwareSupport.allowed(byEnvironment: "0") == [])
        #expect(HardwareSupport.allowed(byEnvironment: "none") == [])
        #expect(HardwareSupport.allowed(byEnvironment: "aesni") == [.aesni])
        #expect(HardwareSupport.allowed(byEnvironment: "AESNI, shani") == [.aesni, .shani])
        #expect(HardwareSupport.allowed(byEnvironment: "pclmulqdq,bogus") == [.pclmulqdq])
    }

    @Test(
        "the selection is captured at creation and is task-local",
        .enabled(if: hasAESNI, "AES-NI is not available (CPU, no-asm build or LIBCRYPTO_HWCAP)"))
    func captureAtCreation() async throws {
        let key = [UInt8](repeating: 7, count: 16)
        let generic = try HardwareSupport.withVariant("generic") { try AES(key: key) }
        let hardware = try HardwareSupport.withVariant("hardware") { try AES(key: key) }
        let onlyAES = try HardwareSupport.withVariant("aesni") { try AES(key: key) }
        let onlySHA = try HardwareSupport.withVariant("shani") { try AES(key: key) }
        #expect(!generic.usesHardware)
        #expect(hardware.usesHardware)
        #expect(onlyAES.usesHardware)
        #expect(!onlySHA.usesHardware)
        // Used outside the closure, each keeps its path and they agree.
        let block = [UInt8](0..<16)
        #expect(try generic.encrypt(block) == hardware.encrypt(block))
        // Concurrent tasks choose independently.
        try await withThrowingTaskGroup(of: (Bool, Bool).self) { group in
            for i in 0..<8 {
                group.addTask {
                    let wantGeneric = i % 2 == 0
                    let aes = try HardwareSupport.withVariant(wantGeneric ? "generic" : "hardware") {
                        try AES(key: key)
                    }
                    return (wantGeneric, aes.usesHardware)
                }
            }
            for try await (wantGeneric, used) in group { #expect(used == !wantGeneric) }
        }
    }

    // MARK: AES

    /// One-shot and streamed (random splits) encryption and decryption of `message` under
    /// `variant`, through the registry like any caller.
    static func aesRun(
        _ name: String, _ key: [UInt8], _ iv: [UInt8], _ message: [UInt8], variant: String,
        rng: inout TestRNG
    ) throws -> [[UInt8]] {
        let splits = rng.splits(message.count)
        return try HardwareSupport.withVariant(variant) {
            let c = try Registry.cipher(named: name)
            let p = CipherParameters(padding: false)
            let ct = try c.encrypt(message, key: key, iv: iv, parameters: p)
            let pt = try c.decrypt(ct, key: key, iv: iv, parameters: p)
            let enc = try c.makeContext(key: key, iv: iv, encrypting: true, parameters: p)
            var streamed: [UInt8] = []
            for r in splits { streamed += try enc.update(Array(message[r])) }
            streamed += try enc.finalize()
            let dec = try c.makeContext(key: key, iv: iv, encrypting: false, parameters: p)
            var back: [UInt8] = []
            for r in splits { back += try dec.update(Array(ct[r])) }
            back += try dec.finalize()
            // In place, as `openssl speed` and the EVP layer allow.
            var inPlace = message + [UInt8](repeating: 0, count: 32)
            let ctx = try c.makeContext(key: key, iv: iv, encrypting: true, parameters: p)
            let n = try inPlace.withUnsafeMutableBytes { b in
                try ctx.update(UnsafeRawBufferPointer(rebasing: b[0..<message.count]), into: b.baseAddress!)
            }
            return [ct, pt, streamed, back, Array(inPlace[0..<n]), enc.updatedIV]
        }
    }

    @Test(
        "AES-NI equals generic AES: ECB, CBC, CTR, CFB, OFB on random inputs",
        .enabled(if: hasAESNI, "AES-NI is not available (CPU, no-asm build or LIBCRYPTO_HWCAP)"))
    func aesRandom() throws {
        var rng = TestRNG(seed: 0xae5)
        for bits in [128, 192, 256] {
            for mode in ["ECB", "CBC", "CTR", "CFB", "OFB", "CFB8"] {
                for _ in 0..<12 {
                    let key = rng.bytes(bits / 8)
                    let iv = mode == "ECB" ? [] : rng.bytes(16)
                    let blocks = rng.below(40)
                    let length = ["ECB", "CBC"].contains(mode) ? 16 * blocks : 16 * blocks + rng.below(16)
                    let message = rng.bytes(length)
                    var r1 = rng
                    var r2 = rng
                    let name = "AES-\(bits)-\(mode)"
                    let g = try Self.aesRun(name, key, iv, message, variant: "generic", rng: &r1)
                    let h = try Self.aesRun(name, key, iv, message, variant: "aesni", rng: &r2)
                    rng = r1
                    #expect(g == h, "\(name) length \(length)")
                    #expect(g[1] == message && h[1] == message, "\(name) round trip")
                    #expect(h[2] == h[0] && h[3] == message && h[4] == h[0], "\(name) streaming / in place")
                }
            }
        }
    }

    /// CTR counter blocks that carry across the 64-bit boundary and wrap from all-ones.
    static let counterEdges: [String] = [
        "00000000000000000000000000000000",
        "0000000000000000fffffffffffffffa",
        "0123456789abcdefffffffffffffffff",
        "000000000000000ffffffffffffffff9",
        "fffffffffffffffffffffffffffffff8",
        "ffffffffffffffffffffffffffffffff",
    ]

    @Test(
        "AES-128-CTR counter: whole 128-bit big-endian increment, carry and wrap, both variants",
        arguments: counterEdges)
    func ctrCounter(ivHex: String) throws {
        let key = Self.hex("2b7e151628aed2a6abf7158809cf4f3c")
        let iv = Self.hex(ivHex)
        var rng = TestRNG(seed: 99)
        let message = rng.bytes(16 * 21 + 5)
        // The model: counter blocks built here, one by one, through ECB.
        var counters: [UInt8] = []
        var c = iv
        for _ in 0..<22 {
            counters += c
            var j = 15
            while j >= 0 {
                c[j] &+= 1
                if c[j] != 0 { break }
                j -= 1
            }
        }
        var outputs: [[UInt8]] = []
        for variant in HardwareSupport.variants {
            try HardwareSupport.withVariant(variant) {
                let ks = try Registry.cipher(named: "AES-128-ECB").encrypt(
                    counters, key: key, parameters: CipherParameters(padding: false))
                let expected = zip(message, ks).map { $0 ^ $1 }
                let ctx = try Registry.cipher(named: "AES-128-CTR").makeContext(key: key, iv: iv, encrypting: true)
                let out = try ctx.update(message)
                #expect(out == expected, "\(variant) from \(ivHex)")
                #expect(ctx.updatedIV == c, "\(variant) counter after from \(ivHex)")
                outputs.append(out)
            }
        }
        #expect(Set(outputs).count == 1)
    }

    @Test(
        "MultiBlockCipher entry points: AES-NI equals generic, in place and out of place",
        .enabled(if: hasAESNI, "AES-NI is not available (CPU, no-asm build or LIBCRYPTO_HWCAP)"))
    func multiBlockEntryPoints() throws {
        var rng = TestRNG(seed: 0x51ce)
        for bits in [128, 192, 256] {
            for count in [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 33] {
                let key = rng.bytes(bits / 8)
                let input = rng.bytes(16 * count)
                let iv = rng.bytes(16)
                let g = try HardwareSupport.withVariant("generic") { try AES(key: key) }
                let h = try HardwareSupport.withVariant("aesni") { try AES(key: key) }
                func run(
                    _ aes: AES, _ op: (AES, UnsafeRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Void
                ) -> [UInt8] {
                    var out = [UInt8](repeating: 0, count: 16 * count + 16)
                    var inPlace = input + [UInt8](repeating: 0, count: 16)
                    var v1 = iv
                    var v2 = iv
                    input.withUnsafeBytes { i in
                        out.withUnsafeMutableBytes { o in
                            v1.withUnsafeMutableBytes {
                                op(
                                    aes, i.baseAddress ?? UnsafeRawPointer(o.baseAddress!), o.baseAddress!,
                                    $0.baseAddress!)
                            }
                        }
                    }
                    inPlace.withUnsafeMutableBytes { b in
                        v2.withUnsafeMutableBytes {
                            op(aes, UnsafeRawPointer(b.baseAddress!), b.baseAddress!, $0.baseAddress!)
                        }
                    }
                    #expect(Array(out[0..<(16 * count)]) == Array(inPlace[0..<(16 * count)]), "in place")
                    #expect(v1 == v2)
                    return Array(out[0..<(16 * count)]) + v1
                }
                let ops: [(String, (AES, UnsafeRawPointer, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Void)] =
                    [
                        ("ecb-enc", { a, i, o, _ in a.encrypt(blocks: i, into: o, count: count) }),
                        ("ecb-dec", { a, i, o, _ in a.decrypt(blocks: i, into: o, count: count) }),
                        ("cbc-enc", { a, i, o, v in a.cbcEncrypt(blocks: i, into: o, count: count, iv: v) }),
                        ("cbc-dec", { a, i, o, v in a.cbcDecrypt(blocks: i, into: o, count: count, iv: v) }),
                        (
                            "ctr128",
                            { a, i, o, v in a.ctr(blocks: i, into: o, count: count, counter: v, counterWidth: 16) }
                        ),
                        (
                            "ctr32",
                            { a, i, o, v in a.ctr(blocks: i, into: o, count: count, counter: v, counterWidth: 4) }
                        ),
                        (
                            "ctr64",
                            { a, i, o, v in a.ctr(blocks: i, into: o, count: count, counter: v, counterWidth: 8) }
                        ),
                    ]
                for (name, op) in ops {
                    #expect(run(g, op) == run(h, op), "AES-\(bits) \(name) over \(count) blocks")
                }
            }
        }
    }

    @Test(
        "AES known answers (FIPS 197 C.1-C.3, SP 800-38A F.2.1 and F.5.1) under each variant",
        arguments: HardwareSupport.variants)
    func aesKnownAnswers(variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let pt = Self.hex("00112233445566778899aabbccddeeff")
            let fips197: [(String, String)] = [
                ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
                ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
                (
                    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                    "8ea2b7ca516745bfeafc49904b496089"
                ),
            ]
            for (k, c) in fips197 {
                let aes = try AES(key: Self.hex(k))
                #expect(aes.usesHardware == (variant == "hardware" && Self.hasAESNI))
                #expect(try aes.encrypt(pt) == Self.hex(c), "FIPS 197 \(variant) key \(k.count * 4)")
                #expect(try aes.decrypt(Self.hex(c)) == pt)
            }
            let key = Self.hex("2b7e151628aed2a6abf7158809cf4f3c")
            let message = Self.hex(
                "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
            )
            let p = CipherParameters(padding: false)
            let cbc = try Registry.cipher(named: "AES-128-CBC").encrypt(
                message, key: key, iv: Self.hex("000102030405060708090a0b0c0d0e0f"), parameters: p)
            #expect(
                cbc
                    == Self.hex(
                        "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7"
                    ))
            let ctr = try Registry.cipher(named: "AES-128-CTR").encrypt(
                message, key: key, iv: Self.hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"))
            #expect(
                ctr
                    == Self.hex(
                        "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"
                    ))
        }
    }

    // MARK: GCM

    static func gcmRun(
        key: [UInt8], iv: [UInt8], aad: [UInt8], message: [UInt8], splits: [Range<Int>],
        variant: String
    ) throws -> [UInt8] {
        try HardwareSupport.withVariant(variant) {
            let p = AEADParameters(nonce: iv, tagLength: 16)
            let enc = try GCM(cipher: try AES(key: key), parameters: p, encrypting: true)
            try enc.updateAAD(aad)
            var ct: [UInt8] = []
            for r in splits { ct += try enc.update(Array(message[r])) }
            let (rest, tag) = try enc.finalizeEncryption()
            ct += rest
            let dec = try GCM(cipher: try AES(key: key), parameters: p, encrypting: false)
            try dec.updateAAD(aad)
            _ = try dec.update(ct)
            let back = try dec.finalizeDecryption(tag: tag)
            #expect(back == message, "\(variant) GCM round trip")
            return ct + tag
        }
    }

    /// Variants that change GCM: each of its paths alone and both together.
    static var gcmVariants: [String] {
        ["aesni", "pclmulqdq"].filter { paths.contains($0) } + ["hardware"]
    }

    @Test(
        "GCM on AES-NI and PCLMULQDQ equals generic: lengths 0...300, AAD lengths, IV lengths, streaming",
        .enabled(
            if: hasAESNI || hasPCLMUL,
            "neither AES-NI nor PCLMULQDQ is available (CPU, no-asm build or LIBCRYPTO_HWCAP)"))
    func gcmRandom() throws {
        var rng = TestRNG(seed: 0x6c3)
        var length = 0
        while length <= 300 {
            let key = rng.bytes([16, 24, 32][rng.below(3)])
            let ivLength = [12, 12, 1, 8, 16, 17, 60, 100][rng.below(8)]
            let iv = rng.bytes(ivLength)
            let aad = rng.bytes([0, 1, 15, 16, 17, 20, 64, 129][rng.below(8)])
            let message = rng.bytes(length)
            let splits = rng.below(2) == 0 ? [0..<length] : rng.splits(length)
            let g = try Self.gcmRun(key: key, iv: iv, aad: aad, message: message, splits: splits, variant: "generic")
            for v in Self.gcmVariants {
                let h = try Self.gcmRun(key: key, iv: iv, aad: aad, message: message, splits: splits, variant: v)
                #expect(g == h, "GCM \(v): length \(length), IV \(ivLength), AAD \(aad.count)")
            }
            length += length < 70 ? 1 : 7
        }
        // A long message: many eight-block batches of both CTR and GHASH.
        let key = rng.bytes(16)
        let iv = rng.bytes(12)
        let aad = rng.bytes(1000)
        let message = rng.bytes(5000)
        let g = try Self.gcmRun(key: key, iv: iv, aad: aad, message: message, splits: [0..<5000], variant: "generic")
        for v in Self.gcmVariants {
            #expect(try Self.gcmRun(key: key, iv: iv, aad: aad, message: message, splits: [0..<5000], variant: v) == g)
        }
    }

    @Test("GCM counter: inc32 wraps within the last 32 bits, both variants")
    func gcmCounterWrap() throws {
        // J0 of a 96-bit IV ends in 00000001, so inc32 cannot wrap there; a 16-byte IV is
        // hashed into an arbitrary J0 (differential only).
        var rng = TestRNG(seed: 32)
        let key = rng.bytes(16)
        let message = rng.bytes(16 * 40 + 3)
        var outputs: [[UInt8]] = []
        for variant in HardwareSupport.variants {
            outputs.append(
                try Self.gcmRun(
                    key: key, iv: Self.hex("ffffffffffffffffffffffffffffffff"), aad: [], message: message,
                    splits: [0..<message.count], variant: variant))
        }
        #expect(Set(outputs).count == 1)
        // The wrap itself, through the entry point GCM uses, against the model.
        let aes = try AES(key: key)
        let counter = Self.hex("000102030405060708090a0bfffffffd")
        var expected: [UInt8] = []
        var c = counter
        for _ in 0..<40 {
            expected += try aes.encrypt(c)
            var j = 15
            while j >= 12 {
                c[j] &+= 1
                if c[j] != 0 { break }
                j -= 1
            }
        }
        for variant in HardwareSupport.variants {
            let a = try HardwareSupport.withVariant(variant) { try AES(key: key) }
            var out = [UInt8](repeating: 0, count: 16 * 40)
            var ctr = counter
            [UInt8](repeating: 0, count: 16 * 40).withUnsafeBytes { i in
                out.withUnsafeMutableBytes { o in
                    ctr.withUnsafeMutableBytes {
                        a.ctr(
                            blocks: i.baseAddress!, into: o.baseAddress!, count: 40, counter: $0.baseAddress!,
                            counterWidth: 4)
                    }
                }
            }
            #expect(out == expected, "inc32 wrap, \(variant)")
            #expect(ctr == c)
        }
    }

    @Test(
        "GCM known answers (McGrew-Viega test cases 1-4 and 6) under each variant",
        arguments: HardwareSupport.variants)
    func gcmKnownAnswers(variant: String) throws {
        let k3 = "feffe9928665731c6d6a8f9467308308"
        let p3 =
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
        let p4 = String(p3.dropLast(8))
        let a4 = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
        let cases: [(k: String, iv: String, aad: String, p: String, c: String, t: String)] = [
            (
                "00000000000000000000000000000000", "000000000000000000000000", "", "", "",
                "58e2fccefa7e3061367f1d57a4e7455a"
            ),
            (
                "00000000000000000000000000000000", "000000000000000000000000", "", "00000000000000000000000000000000",
                "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"
            ),
            (
                k3, "cafebabefacedbaddecaf888", "", p3,
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
                "4d5c2af327cd64a62cf35abd2ba6fab4"
            ),
            (
                k3, "cafebabefacedbaddecaf888", a4, p4,
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
                "5bc94fbc3221a5db94fae95ae7121a47"
            ),
            (
                k3,
                "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
                a4, p4,
                "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
                "619cc5aefffe0bfa462af43c1699d050"
            ),
        ]
        for (i, t) in cases.enumerated() {
            let p = Self.hex(t.p)
            let out = try Self.gcmRun(
                key: Self.hex(t.k), iv: Self.hex(t.iv), aad: Self.hex(t.aad), message: p,
                splits: [0..<p.count], variant: variant)
            #expect(out == Self.hex(t.c + t.t), "GCM test case \(i) under \(variant)")
        }
    }

    // MARK: SHA

    static func digests(_ message: [UInt8], splits: [Range<Int>], variant: String) throws -> [[UInt8]] {
        try HardwareSupport.withVariant(variant) {
            var s1 = SHA1()
            var s224 = SHA224()
            var s256 = SHA256()
            for r in splits {
                s1.update(message[r])
                s224.update(message[r])
                s256.update(message[r])
            }
            // A copy taken mid-way keeps its path (HMAC relies on copies).
            var copy = s256
            let d256 = s256.finalize()
            #expect(copy.finalize() == d256)
            return [
                s1.finalize(), s224.finalize(), d256,
                SHA1.hash(message), SHA224.hash(message), SHA256.hash(message),
            ]
        }
    }

    @Test(
        "SHA-NI equals generic SHA-1, SHA-224, SHA-256: lengths 0...300 and streaming splits",
        .enabled(if: hasSHANI, "SHA-NI is not available (CPU, no-asm build or LIBCRYPTO_HWCAP)"))
    func shaRandom() throws {
        #expect(try HardwareSupport.withVariant("shani") { SHA256().core.hardware })
        #expect(try HardwareSupport.withVariant("shani") { SHA1().hardware })
        #expect(try !HardwareSupport.withVariant("generic") { SHA256().core.hardware })
        var rng = TestRNG(seed: 0x5a)
        for length in Array(0...300) + [1000, 4096, 10_007] {
            let message = rng.bytes(length)
            let splits = rng.below(2) == 0 ? [0..<length] : rng.splits(length)
            let g = try Self.digests(message, splits: splits, variant: "generic")
            let h = try Self.digests(message, splits: splits, variant: "shani")
            #expect(g == h, "length \(length)")
            for j in 0..<3 { #expect(g[j] == g[j + 3], "streaming equals one-shot, length \(length)") }
        }
    }

    @Test(
        "SHA known answers (FIPS 180 \"abc\" and the 448-bit message) under each variant",
        arguments: HardwareSupport.variants)
    func shaKnownAnswers(variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let abc = Array("abc".utf8)
            let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
            #expect(SHA256().core.hardware == (variant == "hardware" && Self.hasSHANI))
            #expect(SHA256.hash(abc) == Self.hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
            #expect(SHA256.hash(long) == Self.hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"))
            #expect(SHA224.hash(abc) == Self.hex("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"))
            #expect(SHA1.hash(abc) == Self.hex("a9993e364706816aba3e25717850c26c9cd0d89d"))
            #expect(SHA1.hash(long) == Self.hex("84983e441c3bd26ebaae4aa1f95129e5e54670f1"))
            let million = [UInt8](repeating: 0x61, count: 1_000_000)
            #expect(
                SHA256.hash(million) == Self.hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"))
            #expect(SHA1.hash(million) == Self.hex("34aa973cd4c4daa4f61eeb2bdbad27316534016f"))
        }
    }

    // MARK: Montgomery arithmetic (path mulx)

    /// Deterministic limbs for the Montgomery checks (SplitMix64).
    struct Limbs {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func limbs(_ count: Int) -> [UInt64] { (0..<count).map { _ in next() } }
    }

    /// `b^e mod m` by square-and-multiply with division (BigNum's schoolbook product and Knuth
    /// division), independent of the Montgomery kernel.
    static func divisionPower(_ b: BigNum, _ e: [UInt64], _ m: BigNum) throws -> BigNum {
        var acc = try BigNum.one.nonNegativeRemainder(modulo: m)
        for bit in stride(from: e.count * 64 - 1, through: 0, by: -1) {
            acc = try (acc * acc).nonNegativeRemainder(modulo: m)
            if (e[bit / 64] >> UInt64(bit % 64)) & 1 == 1 { acc = try (acc * b).nonNegativeRemainder(modulo: m) }
        }
        return acc
    }

    static let montgomeryVariants = HardwareSupport.variants + (paths.contains("mulx") ? ["mulx"] : [])

    @Test(
        "Montgomery product, square, wide reduction and both powers against division, under each variant",
        arguments: montgomeryVariants)
    func montgomeryAgainstDivision(variant: String) throws {
        var rng = Limbs(state: 0x6d6f_6e74)
        for n in [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 48, 64] {
            var ml = rng.limbs(n)
            ml[0] |= 1
            ml[n - 1] |= 1 << 63
            if n == 3 { ml[n - 1] = 1 }  // a modulus far below R
            let m = BigNum(limbs: ml)
            let ctx = try MontgomeryContext(modulus: m)
            let k = ctx.n
            let rInverse = try BigNum.one.shiftedLeft(by: 64 * k).inverse(modulo: m)
            try HardwareSupport.withVariant(variant) {
                #expect(MontgomeryContext.hardwareSelected == (variant != "generic" && Self.paths.contains("mulx")))
                for round in 0..<4 {
                    // a below R (not necessarily below m), b below m; then the edge m - 1.
                    let a = round == 3 ? (m - .one) : BigNum(limbs: rng.limbs(k))
                    let b = round == 3 ? (m - .one) : try BigNum(limbs: rng.limbs(k)).nonNegativeRemainder(modulo: m)
                    let got = BigNum(
                        limbs: ctx.montMul(MontgomeryContext.padded(a.limbs, k), MontgomeryContext.padded(b.limbs, k)))
                    let want = try (a * b * rInverse).nonNegativeRemainder(modulo: m)
                    #expect(got == want, "\(variant) n=\(n) product round \(round)")
                    let wide = rng.limbs(2 * k + 1 + round)
                    #expect(
                        BigNum(limbs: ctx.reduceWide(wide))
                            == (try BigNum(limbs: wide).nonNegativeRemainder(modulo: m)),
                        "\(variant) n=\(n) wide reduction")
                    // Powers: a short exponent and one as long as the modulus (capped for time).
                    let e = rng.limbs(round == 0 ? min(k, 4) : 1 + round % 2)
                    let want2 = try Self.divisionPower(b, e, m)
                    let bp = MontgomeryContext.padded(b.limbs, k)
                    #expect(BigNum(limbs: ctx.constantTimePower(bp, e)) == want2, "\(variant) n=\(n) ct power")
                    #expect(BigNum(limbs: ctx.publicExponentPower(bp, e)) == want2, "\(variant) n=\(n) public power")
                    let bm = ctx.toMontgomeryWide(bp)
                    #expect(
                        BigNum(limbs: ctx.constantTimePower(bm, e, montgomeryBase: true)) == want2,
                        "\(variant) n=\(n) ct power from Montgomery form")
                }
            }
        }
    }
}
