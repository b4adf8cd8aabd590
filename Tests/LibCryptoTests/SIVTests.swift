#if SIV
import Testing

@testable import LibCrypto

/// Known answers for AES-SIV from RFC 5297 appendix A (A.1 deterministic, A.2 nonce-based with
/// two AAD items and the nonce as the last one), independent of this code.
@Suite struct SIVTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    /// The `CryptoError.Code` `body` threw; nil if it returned (or threw something else).
    static func code<T>(_ body: () throws -> T) -> CryptoError.Code? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? CryptoError)?.code
        }
    }

    static func seal(_ name: String, key: String, aad: [String], plaintext: String) throws -> ([UInt8], [UInt8]) {
        let siv = try Registry.aead(named: name)
        let ctx = try siv.makeContext(
            key: unhex(key), parameters: AEADParameters(nonce: [], tagLength: 16), encrypting: true)
        for a in aad { try ctx.updateAAD(unhex(a)) }
        var out = try ctx.update(unhex(plaintext))
        let (rest, tag) = try ctx.finalizeEncryption()
        out += rest
        return (out, tag)
    }

    static func open(_ name: String, key: String, aad: [String], ciphertext: [UInt8], tag: [UInt8]) throws -> [UInt8] {
        let siv = try Registry.aead(named: name)
        let ctx = try siv.makeContext(
            key: unhex(key), parameters: AEADParameters(nonce: [], tagLength: 16), encrypting: false)
        for a in aad { try ctx.updateAAD(unhex(a)) }
        #expect(try ctx.update(ciphertext).isEmpty)
        return try ctx.finalizeDecryption(tag: tag)
    }

    static let keyA1 = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
    static let keyA2 = "7f7e7d7c7b7a79787776757473727170404142434445464748494a4b4c4d4e4f"
    static let aadA2 = [
        "00112233445566778899aabbccddeeffdeaddadadeaddadaffeeddccbbaa99887766554433221100",
        "102030405060708090a0", "09f911029d74e35bd84156c5635688c0",
    ]
    static let plaintextA2 =
        "7468697320697320736f6d6520706c61696e7465787420746f20656e6372797074207573696e67205349562d414553"

    @Test("AES-SIV: RFC 5297 A.1 (deterministic, one AAD item, short final block)")
    func rfc5297A1() throws {
        let (ct, tag) = try Self.seal(
            "aes-128-siv", key: Self.keyA1, aad: ["101112131415161718191a1b1c1d1e1f2021222324252627"],
            plaintext: "112233445566778899aabbccddee")
        #expect(tag == Self.unhex("85632d07c6e8f37f950acd320a2ecc93"))
        #expect(ct == Self.unhex("40c02b9690c4dc04daef7f6afe5c"))
        let pt = try Self.open(
            "aes-128-siv", key: Self.keyA1, aad: ["101112131415161718191a1b1c1d1e1f2021222324252627"],
            ciphertext: ct, tag: tag)
        #expect(pt == Self.unhex("112233445566778899aabbccddee"))
    }

    @Test("AES-SIV: RFC 5297 A.2 (nonce-based, three AAD items, xorend)")
    func rfc5297A2() throws {
        let (ct, tag) = try Self.seal("AES-128-SIV", key: Self.keyA2, aad: Self.aadA2, plaintext: Self.plaintextA2)
        #expect(tag == Self.unhex("7bdb6e3b432667eb06f4d14bff2fbd0f"))
        #expect(
            ct
                == Self.unhex(
                    "cb900f2fddbe404326601965c889bf17dba77ceb094fa663b7a3f748ba8af829ea64ad544a272e9c485b62a3fd5c0d"))
        #expect(
            try Self.open("AES-128-SIV", key: Self.keyA2, aad: Self.aadA2, ciphertext: ct, tag: tag)
                == Self.unhex(Self.plaintextA2))
    }

    @Test("AES-SIV: a flipped tag, ciphertext or AAD bit fails; order of AAD items matters")
    func rejects() throws {
        let (ct, tag) = try Self.seal("AES-128-SIV", key: Self.keyA2, aad: Self.aadA2, plaintext: Self.plaintextA2)
        var badTag = tag
        badTag[15] ^= 1
        var badCT = ct
        badCT[0] ^= 0x80
        for (c, t, a) in [
            (ct, badTag, Self.aadA2), (badCT, tag, Self.aadA2), (ct, tag, Array(Self.aadA2.reversed())),
            (ct, tag, Array(Self.aadA2.dropLast())), (ct, tag, Self.aadA2 + [""]),
        ] {
            let code = Self.code { try Self.open("AES-128-SIV", key: Self.keyA2, aad: a, ciphertext: c, tag: t) }
            #expect(code == .authenticationFailure)
        }
    }

    @Test("AES-SIV: OpenSSL's EVP limits (no IV, 16-byte tag, key halves, one update)")
    func limits() throws {
        let siv = try Registry.aead(named: "aes-256-siv")
        #expect(siv.keyLength == 64)
        let key = [UInt8](repeating: 7, count: 64)
        #expect(
            Self.code {
                try siv.makeContext(key: key, parameters: AEADParameters(nonce: [1], tagLength: 16), encrypting: true)
            } == .invalidParameter)
        #expect(
            Self.code {
                try siv.makeContext(key: key, parameters: AEADParameters(nonce: [], tagLength: 12), encrypting: true)
            } == .invalidParameter)
        #expect(
            Self.code {
                try siv.makeContext(
                    key: [UInt8](repeating: 7, count: 32), parameters: AEADParameters(nonce: []), encrypting: true)
            } == .invalidParameter)
        let ctx = try siv.makeContext(key: key, parameters: AEADParameters(nonce: []), encrypting: true)
        _ = try ctx.update([1, 2, 3])
        #expect(Self.code { try ctx.update([4]) } == .invalidParameter)
        #expect(Self.code { try ctx.updateAAD([4]) } == .invalidParameter)
        // As OpenSSL 3.0: a message with no data cannot be finalized.
        let empty = try siv.makeContext(key: key, parameters: AEADParameters(nonce: []), encrypting: true)
        #expect(Self.code { try empty.finalizeEncryption() } == .invalidParameter)
    }
}
#endif
