import Testing

@testable import LibCrypto

/// Known answers for the SP 800-90A DRBGs. Each vector is pass 0 of a stanza of OpenSSL 3.0's
/// test/recipes/30-test_evp_data/evprand.txt (line given), whose titles say they come from NIST's
/// CAVP DRBG test vectors (drbgvectors: CTR_DRBG.rsp, Hash_DRBG.rsp, HMAC_DRBG.rsp). Each runs as
/// CAVP and evp_test do: instantiate, generate twice, compare the second output.
@Suite("DRBGs (SP 800-90A) and the process DRBG")
struct RandomTests {
    struct Case: Sendable, CustomStringConvertible {
        var line: Int
        var name: String
        var cipher: String? = nil
        var digest: String? = nil
        var df = true
        var pr = false
        var entropy: String
        var nonce = ""
        var pers = ""
        var addinA = ""
        var addinB = ""
        var prEntropyA = ""
        var prEntropyB = ""
        var output: String
        var description: String { "evprand.txt:\(line) \(name) \(cipher ?? digest ?? "")" }
    }

    static let cases: [Case] = [
        Case(
            line: 35, name: "CTR-DRBG", cipher: "AES-128-CTR", entropy: "890eb067acf7382eff80b0c73bc872c6",
            nonce: "aad471ef3ef1d203",
            output: "a5514ed7095f64f3d0d3a5760394ab42062f373a25072a6ea6bcfd8489e94af6"
                + "cf18659fea22ed1ca0a9e33f718b115ee536b12809c31b72b08ddd8be1910fa3"),
        Case(
            line: 3600, name: "CTR-DRBG", cipher: "AES-128-CTR", df: false,
            entropy: "6bd4f2ae649fc99350951ff0c5d460c1a9214154e7384975ee54b34b7cae0704",
            addinA: "ecd4893b979ac92db1894ae3724518a2f78cf2dbe2f6bbc6fda596df87c7a4ae",
            addinB: "b23e9188687c88768b26738862c4791fa52f92502e1f94bf66af017c4228a0dc",
            output: "5b2bf7a5c60d8ab6591110cbd61cd387b02de19784f496d1a109123d8b3562a5"
                + "de2dd6d5d1aef957a6c4f371cecd93c15799d82e34d6a0dba7e915a27d8e65f3"),
        Case(
            line: 50752, name: "CTR-DRBG", cipher: "AES-256-CTR", pr: true,
            entropy: "a31337e0cbf2ee3e8d1d39324c978e714b5acc678920d5839fe95477ca3b8741",
            nonce: "a7f8b770a506acfc79b2c431660d310f",
            addinA: "5494597f0e8644d6028495c6599911cf30fc96a1b92a3a5dc862fecfc353c43d",
            addinB: "e7635b6f9e63c08942c4b5c86b5e60bbe3e89ea3809fb3939985c93eedd17f8d",
            prEntropyA: "c2e44d8b2c97f4c14e39c8137cc62818f1a223dde1dfe9def8672c2a6fab8c04",
            prEntropyB: "923405e7878b3e203cb531f688c10725d7a55edacc2b9f195f7137080b278ea1",
            output: "5dbd55ed2f6d6c1749096b40f6a97d9cf42c0841b27ce0efd7433110d8118955"
                + "c8cefeb9db8e1c7961eb3f517f2047d27281261760a5e2b24535bb6f565bb971"),
        Case(
            line: 8888, name: "HASH-DRBG", digest: "SHA-256",
            entropy: "68c43a008fe46a823d260a9d7fa388fb9e401f0197e7e758a744b4babb3f4651",
            nonce: "eb6825777856331884aaf3751b3e4006",
            pers: "23ce0d32cbf2d26467f0d62acff1a3acbaa6d2746dc3ee7aa9d32c880788afc8",
            addinA: "a31b9f13b58d4fa2f8d8ac42b62a207ff647339a146bd8b268b33d4aff57adbd",
            addinB: "d34fc6504eca4b568193c75357b0d3821a48c77ff80d6dbd21c6cf045ff489cf",
            output: "abb4ecbacd4e8fa943c7221aed433861c3b203232657ec4c417d021f905d911d"
                + "b1058ff1e11e272232482ec96bae7cb4efc135502dbe41724077077f6de79b71"
                + "3670c385d04644e1281c3e582e0016255abbe5f8c06d0de57160559f0c08f7fb"
                + "5be3563c649966190f8d3261364447537de2c7371c6e8c308933d27145bf90ab"),
        Case(
            line: 16815, name: "HMAC-DRBG", digest: "SHA-256",
            entropy: "ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488",
            nonce: "659ba96c601dc69fc902940805ec0ca8",
            output: "e528e9abf2dece54d47c7e75e5fe302149f817ea9fb4bee6f4199697d04d5b89"
                + "d54fbb978a15b5c443c9ec21036d2460b6f73ebad0dc2aba6e624abf07745bc1"
                + "07694bb7547bb0995f70de25d6b29e2d3011bb19d27676c07162c8b5ccde0668"
                + "961df86803482cb37ed6d5c0bb8d50cf1f50d476aa0458bdaba806f48be9dcb8"),
    ]

    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    @Test("CAVP known answers through a TEST-RAND-style source", arguments: cases)
    func knownAnswer(c: Case) throws {
        let source = TestEntropySource(entropy: Self.unhex(c.entropy), nonce: Self.unhex(c.nonce))
        let drbg = try DRBG(
            name: c.name, cipher: c.cipher, digest: c.digest, derivationFunction: c.df, source: source)
        try drbg.instantiate(predictionResistance: c.pr, personalization: Self.unhex(c.pers))
        let n = Self.unhex(c.output).count
        if c.pr { source.entropyInput = Self.unhex(c.prEntropyA) }
        _ = try drbg.generate(count: n, predictionResistance: c.pr, additionalInput: Self.unhex(c.addinA))
        if c.pr { source.entropyInput = Self.unhex(c.prEntropyB) }
        let out = try drbg.generate(count: n, predictionResistance: c.pr, additionalInput: Self.unhex(c.addinB))
        #expect(TestHex.encode(out) == c.output)
        drbg.uninstantiate()
        #expect(drbg.state == .uninitialised)
    }

    @Test("strengths and refusals: bad key length, XOF digest, too-large request, weak parent")
    func refusals() throws {
        #expect(try DRBG(.ctr(keyLength: 16, derivationFunction: true), source: TestEntropySource()).strength == 128)
        #expect(try DRBG(.hmac(digest: "SHA1"), source: TestEntropySource()).strength == 128)
        #expect(try DRBG(.hash(digest: "SHA-512/224"), source: TestEntropySource()).strength == 192)
        #expect(try DRBG(.hash(digest: "SHA512"), source: TestEntropySource()).strength == 256)
        #expect(throws: CryptoError.self) {
            try DRBG(.ctr(keyLength: 20, derivationFunction: true), source: TestEntropySource())
        }
        #expect(throws: CryptoError.self) { try DRBG(.hmac(digest: "SHAKE128"), source: TestEntropySource()) }
        // OpenSSL 3.0 (outside FIPS) takes any non-XOF digest, SP 800-90A approved or not.
        #expect(try DRBG(.hash(digest: "MD5"), source: TestEntropySource()).strength == 128)
        let weak = TestEntropySource(
            entropy: [UInt8](repeating: 1, count: 64), nonce: [1, 2, 3, 4, 5, 6, 7, 8], strength: 128)
        let d = try DRBG(.hmac(digest: "SHA256"), source: weak)
        #expect(throws: CryptoError.self) { try d.instantiate() }
        weak.strength = 256
        #expect(d.state == .error)
        // The next call repairs the error state by instantiating again, as OpenSSL's does.
        #expect(try d.generate(count: 32).count == 32)
        #expect(throws: CryptoError.self) { try d.generate(count: DRBG.maxRequest + 1) }
        // Too little entropy: CTR-DRBG without df needs exactly seedlen (48 bytes for AES-256).
        let short = try DRBG(.ctr(keyLength: 32, derivationFunction: false), source: TestEntropySource(entropy: [1]))
        #expect(throws: CryptoError.self) { try short.instantiate() }
    }

    /// A source that can never seed: what a process without a working getrandom sees.
    final class DeadSource: DRBGEntropySource {
        let strength = 256
        func entropy(bits: Int, minLength: Int, maxLength: Int, predictionResistance: Bool) throws -> [UInt8] {
            throw CryptoError(.unsupportedOperation, "no entropy")
        }
        func nonce(minLength: Int, maxLength: Int) throws -> [UInt8]? { nil }
    }

    @Test("the process DRBG gives distinct outputs; an unseedable one throws 'PRNG not seeded'")
    func processDRBG() throws {
        let a = try Random.bytes(count: 32)
        let b = try Random.bytes(count: 32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
        #expect(try Random.bytes(count: 0).isEmpty)
        #expect(try Random.bytes(count: 70_000).count == 70_000)
        #expect(throws: CryptoError.self) { try Random.bytes(count: -1) }
        let dead = SystemRandom(source: DeadSource())
        #expect {
            try dead.bytes(count: 16)
        } throws: {
            ($0 as? CryptoError)?.reason.hasPrefix("PRNG not seeded") == true
        }
        // Two generators seeded independently from the OS differ.
        #expect(try SystemRandom().bytes(count: 32) != SystemRandom().bytes(count: 32))
    }

    @Test("the process DRBG is safe to share between threads")
    func concurrent() async throws {
        let outputs = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 { group.addTask { try Random.bytes(count: 64) } }
            var all: [[UInt8]] = []
            for try await o in group { all.append(o) }
            return all
        }
        #expect(Set(outputs.map { TestHex.encode($0) }).count == 8)
    }
}

@Suite("Base64 (RFC 4648, OpenSSL's EVP_Encode/EVP_Decode)")
struct Base64Tests {
    /// RFC 4648 section 10.
    static let rfc4648: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test("RFC 4648 test vectors, both ways")
    func rfcVectors() throws {
        for (plain, encoded) in Self.rfc4648 {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(try Base64.decode(encoded) == Array(plain.utf8))
            // OpenSSL's line format adds a newline after the last (here only) line.
            let lines = Base64.Encoder.encode(Array(plain.utf8))
            #expect(String(decoding: lines, as: UTF8.self) == (encoded.isEmpty ? "" : encoded + "\n"))
        }
    }

    @Test("64-character lines, streamed input in any split, whitespace and the soft end")
    func linesAndStreaming() throws {
        let data = (0..<100).map { UInt8($0) }
        let whole = Base64.Encoder.encode(data)
        let text = String(decoding: whole, as: UTF8.self)
        #expect(text.split(separator: "\n").map(\.count) == [64, 64, 8])
        var e = Base64.Encoder()
        var pieces: [UInt8] = []
        for chunk in stride(from: 0, to: data.count, by: 7) {
            pieces += e.update(Array(data[chunk..<min(chunk + 7, 100)]))
        }
        pieces += e.finalize()
        #expect(pieces == whole)
        #expect(try Base64.decode(text) == data)
        #expect(try Base64.decode(" Zm9v\r\n\tYmFy\n") == Array("foobar".utf8))
        #expect(try Base64.decode("Zm9vYmFy-----END") == Array("foobar".utf8))
    }

    @Test(
        "invalid input is a thrown error",
        arguments: ["Zm9", "Zm9v=", "Zg===", "Zg==Zg==", "Zm9v*", "Zm\u{e9}9v", "Zm9-v"])
    func invalid(text: String) {
        #expect(throws: CryptoError.self) { try Base64.decode(text) }
    }
}
