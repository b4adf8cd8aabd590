import Testing

@testable import LibCrypto

#if DES
/// DES3-WRAP (RFC 3217). RFC 3217 publishes no test vector and its wrap draws a random IV, so
/// unwrap is checked against a wrap made by OpenSSL 3.0.19's `DES3-WRAP` (EVP_CipherUpdate,
/// key 0123456789abcdef23456789abcdef01456789abcdef0123), and wrap by round trips.
@Suite struct TripleDESKeyWrapTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }
    static let kek = unhex("0123456789abcdef23456789abcdef01456789abcdef0123")
    static let keyData = unhex("8c637d887223a2f965b566eb014b0fa5d52300a3f7ea40ff")
    static let byOpenSSL = unhex("d6bdfef4e58c6b47637d3ac8ffb59d0f4ec67e1af31cdfc153fda2f4bcba6727efa80f938ed2bf2c")

    @Test("DES3-WRAP: unwraps OpenSSL's wrap; a flipped bit anywhere fails")
    func unwrapOpenSSL() throws {
        #expect(try TripleDESKeyWrap.unwrap(key: Self.kek, Self.byOpenSSL) == Self.keyData)
        let c = try Registry.cipher(named: "id-smime-alg-CMS3DESwrap")
        #expect(try c.makeContext(key: Self.kek, encrypting: false).update(Self.byOpenSSL) == Self.keyData)
        for i in [0, 7, 8, 20, 39] {
            var bad = Self.byOpenSSL
            bad[i] ^= 0x10
            #expect(throws: CryptoError.self) { try TripleDESKeyWrap.unwrap(key: Self.kek, bad) }
        }
    }

    @Test("DES3-WRAP: wraps are 16 bytes longer, random, and round trip; bad lengths throw")
    func wrapRoundTrip() throws {
        let a = try TripleDESKeyWrap.wrap(key: Self.kek, Self.keyData)
        let b = try TripleDESKeyWrap.wrap(key: Self.kek, Self.keyData)
        #expect(a.count == 40 && a != b)
        #expect(try TripleDESKeyWrap.unwrap(key: Self.kek, a) == Self.keyData)
        let fixed = try TripleDESKeyWrap.wrap(key: Self.kek, Self.keyData, iv: [UInt8](repeating: 5, count: 8))
        #expect(try TripleDESKeyWrap.wrap(key: Self.kek, Self.keyData, iv: [UInt8](repeating: 5, count: 8)) == fixed)
        #expect(throws: CryptoError.self) { try TripleDESKeyWrap.wrap(key: Self.kek, [1, 2, 3]) }
        #expect(throws: CryptoError.self) {
            try TripleDESKeyWrap.unwrap(key: Self.kek, [UInt8](repeating: 0, count: 16))
        }
        #expect(throws: CryptoError.self) {
            try TripleDESKeyWrap.unwrap(key: Self.kek, [UInt8](repeating: 0, count: 27))
        }
    }
}
#endif
