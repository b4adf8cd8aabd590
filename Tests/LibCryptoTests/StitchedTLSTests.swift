import Testing

@testable import LibCrypto

/// The stitched TLS ciphers against OpenSSL 3.0's own vectors (`evpciph_aes_stitched.txt`,
/// `evpciph_rc4_stitched.txt`), plus the record checks a forged record must fail.
@Suite struct StitchedTLSTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    /// 0x00...0x3f, then 0x00... again: the records of OpenSSL's stitched vectors.
    static func pattern(_ n: Int) -> [UInt8] { (0..<n).map { UInt8($0 % 64) } }

    static func params(_ aad: String, version: Int = 0x0301, macKey: String) -> CipherParameters {
        var p = CipherParameters(padding: false)
        p.macKey = unhex(macKey)
        p.tlsAAD = unhex(aad)
        p.tlsVersion = version
        return p
    }

    static let aesKey = "feffe9928665731c6d6a8f9467308308"
    static let aesMACKey = "cafebabefacedbaddecaf88801020304"
    static let aesIV = "101112131415161718191a1b1c1d1e1f"

    @Test("AES-128-CBC-HMAC-SHA256: OpenSSL's TLS 1.0 record, opened again, forgeries refused")
    func aesSHA256() throws {
        let c = try Registry.cipher(named: "AES-128-CBC-HMAC-SHA256")
        let record = Self.pattern(128)
        let sealed = try c.makeContext(
            key: Self.unhex(Self.aesKey), iv: Self.unhex(Self.aesIV), encrypting: true,
            parameters: Self.params("90a1b2c3e4f506172803010050", macKey: Self.aesMACKey)
        ).update(record)
        #expect(
            sealed
                == Self.unhex(
                    "18bd54842828fdc0ac5a3b459f32f0be305a77944b17f62fedd4442ae60a0b0a3e1c2c23c584c86877fbd9997b415959"
                        + "254ea06ef046dc2e1fdafe7950a77ba94494683e01a0c495dc223a2de73be1475fa532f91d366b01aab2cd80bcdb36c3"
                        + "b9221886fb45c6b4a5d10c5f85b9ccabc8a394b1a360e99e37602fea04bef8a7"))
        func open(_ ct: [UInt8]) throws -> [UInt8] {
            try c.makeContext(
                key: Self.unhex(Self.aesKey), iv: Self.unhex(Self.aesIV), encrypting: false,
                parameters: Self.params("90a1b2c3e4f506172803010050", macKey: Self.aesMACKey)
            ).update(ct)
        }
        #expect(try open(sealed) == Array(record.prefix(80)))
        for i in [0, 70, 100, 127] {
            var bad = sealed
            bad[i] ^= 1
            #expect(throws: CryptoError.self) { try open(bad) }
        }
        // A wrong record length for the header's payload length is refused, not trapped on.
        #expect(throws: CryptoError.self) {
            try c.makeContext(
                key: Self.unhex(Self.aesKey), iv: Self.unhex(Self.aesIV), encrypting: true,
                parameters: Self.params("90a1b2c3e4f506172803010050", macKey: Self.aesMACKey)
            ).update(Self.pattern(112))
        }
    }

    @Test("AES-CBC-HMAC-SHA1: TLS 1.1 round trips for every payload length near block edges")
    func aesSHA1RoundTrip() throws {
        let c = try Registry.cipher(named: "AES-256-CBC-HMAC-SHA1")
        let key = [UInt8](repeating: 9, count: 32)
        let iv = [UInt8](repeating: 3, count: 16)
        for plen in 16...80 {
            let aad = Self.unhex("0001020304050607170302") + [UInt8(plen >> 8), UInt8(plen & 0xff)]
            var p = CipherParameters(padding: false)
            p.macKey = [1, 2, 3]
            p.tlsAAD = aad
            p.tlsVersion = 0x0302
            let record = Self.pattern((plen + 20 + 16) & ~15)
            let sealed = try c.makeContext(key: key, iv: iv, encrypting: true, parameters: p).update(record)
            let opened = try c.makeContext(key: key, iv: iv, encrypting: false, parameters: p).update(sealed)
            // TLS 1.1+: the output drops the explicit IV's length at its end, and (as OpenSSL's
            // SHA-1 cipher) leaves the first 16 bytes unwritten.
            #expect(opened.count == plen - 16)
            #expect(Array(opened.dropFirst(16)) == Array(record[16..<plen].prefix(max(0, plen - 32))))
        }
    }

    #if RC4
    @Test("RC4-HMAC-MD5: OpenSSL's TLS 1.0 record both ways")
    func rc4() throws {
        let c = try Registry.cipher(named: "RC4-HMAC-MD5")
        let key = Self.unhex("d48ecc0a163a06626bd1b7e172dfb5b3")
        let macKey = "5973581f63768353af37d3f51ec9f6ef"
        let ct = Self.unhex(
            "eea8eba927d9b16c640958f922b3ca43b197eea520674aa1d059156dfd4c12249e2890e8f3c72676e20fe4a30848c1cc"
                + "6c12f4596d6e290b5f84745ac36959645ea4acabc84e748b2fd5e4228a2fe4f8c5792501fca9d8455160d626dc1a9716")
        let record = Self.pattern(96)
        let sealed = try c.makeContext(
            key: key, encrypting: true, parameters: Self.params("90a1b2c3e4f506172803010050", macKey: macKey)
        ).update(record)
        #expect(sealed == ct)
        let opened = try c.makeContext(
            key: key, encrypting: false, parameters: Self.params("90a1b2c3e4f506172803010060", macKey: macKey)
        ).update(ct)
        #expect(opened == Array(record.prefix(80)))
        var bad = ct
        bad[90] ^= 0x80
        #expect(throws: CryptoError.self) {
            try c.makeContext(
                key: key, encrypting: false, parameters: Self.params("90a1b2c3e4f506172803010060", macKey: macKey)
            ).update(bad)
        }
    }
    #endif
}
