import Testing

@testable import LibCrypto

/// Whirlpool, cSHAKE, KECCAK-KMAC, KMAC, SipHash and keyed BLAKE2, and the parameter-driven
/// MAC registry.
///
/// Expected values come only from published sources: the ISO/IEC 10118-3 Whirlpool test set
/// (as the designers' reference distribution lists it), NIST SP 800-185's cSHAKE and KMAC
/// sample computations (cSHAKE_samples.pdf, KMAC_samples.pdf, KMACXOF_samples.pdf), the SipHash
/// paper's Appendix A and the reference `vectors.h` (Aumasson–Bernstein), and the BLAKE2
/// reference implementation's `blake2b-kat.txt` / `blake2s-kat.txt` (also in OpenSSL's
/// `evpmac_blake.txt`).
@Suite struct KeyedDigestTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }
    static func hex(_ b: [UInt8]) -> String { TestHex.encode(b) }
    static let count200 = (0..<200).map { UInt8($0) }
    static let kmacKey = (0x40...0x5F).map { UInt8($0) }

    #if WHIRLPOOL
    @Test(
        "Whirlpool: ISO/IEC 10118-3 vectors",
        arguments: [
            (
                "",
                "19FA61D75522A4669B44E39C1D2E1726C530232130D407F89AFEE0964997F7A73E83BE698B288FEBCF88E3E03C4F0757EA8964E59B63D93708B138CC42A66EB3"
            ),
            (
                "abc",
                "4E2448A4C6F486BB16B6562C73B4020BF3043E3A731BCE721AE1B303D97E6D4C7181EEBDB6C57E277D0E34957114CBD6C797FC9D95D8B582D225292076D4EEF5"
            ),
            (
                "The quick brown fox jumps over the lazy dog",
                "B97DE512E91E3828B40D2B0FDCE9CEB3C4A71F9BEA8D88E75C4FA854DF36725FD2B52EB6544EDCACD6F8BEDDFEA403CB55AE31F03AD62A5EF54E42EE82C3FB35"
            ),
            (
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "466EF18BABB0154D25B9D38A6414F5C08784372BCCB204D6549C4AFADB6014294D5BD8DF2A6C44E538CD047B2681A51A2C60481E88C5A20B2C2A80CF3A9A083B"
            ),
        ])
    func whirlpool(message: String, digest: String) throws {
        #expect(Self.hex(Whirlpool.hash(Array(message.utf8))) == digest.lowercased())
        // Byte-at-a-time feeding reaches the same value (partial blocks, padding across blocks).
        var w = Whirlpool()
        for b in message.utf8 { w.update([b]) }
        #expect(Self.hex(w.finalize()) == digest.lowercased())
        #expect(try Self.hex(Registry.digest(named: "whirlpool").hash(Array(message.utf8))) == digest.lowercased())
    }
    #endif

    @Test("cSHAKE128 and cSHAKE256: SP 800-185 samples #1 to #4")
    func cshake() throws {
        let s = Array("Email Signature".utf8)
        #expect(
            Self.hex(try CSHAKE.hash([0, 1, 2, 3], strength: .bits128, outputLength: 32, customization: s))
                == "c1c36925b6409a04f1b504fcbca9d82b4017277cb5ed2b2065fc1d3814d5aaf5")
        #expect(
            Self.hex(try CSHAKE.hash(Self.count200, strength: .bits128, outputLength: 32, customization: s))
                == "c5221d50e4f822d96a2e8881a961420f294b7b24fe3d2094baed2c6524cc166b")
        #expect(
            Self.hex(try CSHAKE.hash([0, 1, 2, 3], strength: .bits256, outputLength: 64, customization: s))
                == "d008828e2b80ac9d2218ffee1d070c48b8e4c87bff32c9699d5b6896eee0edd1"
                + "64020e2be0560858d9c00c037e34a96937c561a74c412bb4c746469527281c8c")
        #expect(
            Self.hex(try CSHAKE.hash(Self.count200, strength: .bits256, outputLength: 64, customization: s))
                == "07dc27b11e51fbac75bc7b3c1d983e8b4b85fb1defaf218912ac86430273091727f42b17ed1df63e8ec118f04b23633c"
                + "1dfb1574c8fb55cb45da8e25afb092bb")
    }

    @Test("cSHAKE with empty N and S is SHAKE (SP 800-185 section 3.3)")
    func cshakeIsShake() throws {
        let m = Array("abc".utf8)
        #expect(try CSHAKE.hash(m, strength: .bits128, outputLength: 40) == SHAKE128.hash(m, outputLength: 40))
        #expect(try CSHAKE.hash(m, strength: .bits256, outputLength: 70) == SHAKE256.hash(m, outputLength: 70))
    }

    @Test("KMAC128, KMAC256 and KMACXOF: SP 800-185 samples")
    func kmac() throws {
        let tagged = Array("My Tagged Application".utf8)
        #expect(
            Self.hex(try KMAC.authenticate(strength: .bits128, key: Self.kmacKey, message: [0, 1, 2, 3]))
                == "e5780b0d3ea6f7d3a429c5706aa43a00fadbd7d49628839e3187243f456ee14e")
        #expect(
            Self.hex(
                try KMAC.authenticate(
                    strength: .bits128, key: Self.kmacKey, message: Self.count200, customization: tagged))
                == "1f5b4e6cca02209e0dcb5ca635b89a15e271ecc760071dfd805faa38f9729230")
        #expect(
            Self.hex(
                try KMAC.authenticate(
                    strength: .bits256, key: Self.kmacKey, message: [0, 1, 2, 3], customization: tagged))
                == "20c570c31346f703c9ac36c61c03cb64c3970d0cfc787e9b79599d273a68d2f7"
                + "f69d4cc3de9d104a351689f27cf6f5951f0103f33f4f24871024d9c27773a8dd")
        #expect(
            Self.hex(try KMAC.authenticate(strength: .bits128, key: Self.kmacKey, message: [0, 1, 2, 3], xof: true))
                == "cd83740bbd92ccc8cf032b1481a0f4460e7ca9dd12b08a0c4031178bacd6ec35")
    }

    @Test("KMAC refuses what OpenSSL refuses: short key, long customisation, huge output")
    func kmacLimits() {
        #expect(throws: CryptoError.self) { try KMAC(strength: .bits128, key: [1, 2, 3]) }
        #expect(throws: CryptoError.self) {
            try KMAC(strength: .bits128, key: Self.kmacKey, customization: [UInt8](repeating: 0x61, count: 513))
        }
        #expect(throws: CryptoError.self) {
            try KMAC(strength: .bits256, key: Self.kmacKey, outputLength: KMAC.maxOutputLength + 1)
        }
    }

    @Test("KECCAK-KMAC-128 is cSHAKE128 with N and S absorbed by hand")
    func keccakKMAC() throws {
        let prefix = SP800185.bytepad(SP800185.encodeString(Array("KMAC".utf8)) + SP800185.encodeString([]), 168)
        let d = try Registry.digest(named: "KECCAK-KMAC-128")
        #expect(d.isXOF && d.digestSize == 32 && d.blockSize == 168)
        #expect(
            try d.hash(prefix + [0, 1, 2, 3], outputLength: 48)
                == CSHAKE.hash(
                    [0, 1, 2, 3], strength: .bits128, outputLength: 48, functionName: Array("KMAC".utf8)))
    }

    #if SIPHASH
    @Test("SipHash-2-4: the paper's Appendix A and the reference vectors.h")
    func siphash() throws {
        let key = (0..<16).map { UInt8($0) }
        // Appendix A: 15-byte message 00..0e, tag 0xa129ca6149be45e5 (little-endian bytes).
        #expect(
            Self.hex(try SipHash.authenticate(key: key, message: (0..<15).map { UInt8($0) }, outputLength: 8))
                == "e545be4961ca29a1")
        // vectors.h, the empty message: 64-bit and 128-bit outputs.
        #expect(Self.hex(try SipHash.authenticate(key: key, message: [], outputLength: 8)) == "310e0edd47db6f72")
        #expect(Self.hex(try SipHash.authenticate(key: key, message: [])) == "a3817f04ba25a8e66df67214c7550293")
        // Split feeding agrees with one shot.
        let m = (0..<63).map { UInt8($0) }
        var s = try SipHash(key: key)
        for piece in [0..<3, 3..<3, 3..<20, 20..<63] { s.update(Array(m[piece])) }
        #expect(s.finalize() == (try SipHash.authenticate(key: key, message: m)))
    }

    @Test("SipHash refuses a 13-byte output, a 15-byte key and absurd round counts")
    func siphashLimits() {
        let key = [UInt8](repeating: 1, count: 16)
        #expect(throws: CryptoError.self) { try SipHash(key: key, outputLength: 13) }
        #expect(throws: CryptoError.self) { try SipHash(key: Array(key.prefix(15))) }
        #expect(throws: CryptoError.self) { try SipHash(key: key, compressionRounds: SipHash.maxRounds + 1) }
    }
    #endif

    #if BLAKE2
    @Test("keyed BLAKE2b and BLAKE2s: the reference implementation's keyed KAT")
    func blake2Keyed() throws {
        let k64 = (0..<64).map { UInt8($0) }
        #expect(
            Self.hex(try BLAKE2bMAC.authenticate(key: k64, message: []))
                == "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786"
                + "b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568")
        #expect(
            Self.hex(try BLAKE2bMAC.authenticate(key: k64, message: [0]))
                == "961f6dd1e4dd30f63901690c512e78e4b45e4742ed197c3c5e45c549fd25f2e4"
                + "187b0bc9fe30492b16b0d0bc4ef9b0f34c7003fac09a5ef1532e69430234cebd")
        #expect(
            Self.hex(try BLAKE2sMAC.authenticate(key: Array(k64.prefix(32)), message: []))
                == "48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49")
    }

    @Test("keyed BLAKE2 refuses an empty key, a 65-byte tag and a 17-byte salt")
    func blake2Limits() {
        #expect(throws: CryptoError.self) { try BLAKE2bMAC(key: []) }
        #expect(throws: CryptoError.self) { try BLAKE2bMAC(key: [1], outputLength: 65) }
        #expect(throws: CryptoError.self) { try BLAKE2bMAC(key: [1], salt: [UInt8](repeating: 0, count: 17)) }
        #expect(throws: CryptoError.self) { try BLAKE2sMAC(key: [1], personalization: [UInt8](repeating: 0, count: 9)) }
    }
    #endif

    @Test("Registry.mac(named:) takes OpenSSL's parameter names and refuses unknown ones")
    func registry() throws {
        let kmac = try Registry.mac(named: "kmac-128")
        let ctx = try kmac.makeContext(
            key: Self.kmacKey,
            parameters: [
                MACParameter("custom", .text("My Tagged Application")), MACParameter("xof", .text("1")),
                MACParameter("size", .text("32")),
            ])
        ctx.update(Self.count200)
        #expect(ctx.macSize == 32 && ctx.blockSize == 168)
        #expect(Self.hex(ctx.finalize()) == "47026c7cd793084aa0283c253ef658490c0db61438b8326fe9bddf281b83ae0f")
        #expect(throws: CryptoError.self) {
            try kmac.makeContext(key: Self.kmacKey, parameters: [MACParameter("salt", .bytes([1]))])
        }
        let b = try Registry.mac(named: "BLAKE2SMAC").makeContext(
            key: [1, 2, 3], parameters: [MACParameter("size", .integer(16))])
        #expect(b.macSize == 16 && b.blockSize == 64)
        #expect(throws: CryptoError.self) { try Registry.mac(named: "HMAC") }
    }
}
