#if SIV
import Testing

@testable import LibCrypto

/// AES-GCM-SIV (RFC 8452): the EVP limits of OpenSSL 3.2's provider (key, nonce and tag lengths,
/// one update), and POLYVAL against the intermediate values RFC 8452 appendix C prints. The full
/// examples run from `TestVectors/aes-gcm-siv-rfc8452.txt` through `confrun kat`.
@Suite struct GCMSIVTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    /// The `CryptoError` `body` threw; nil if it returned (or threw something else).
    static func error<T>(_ body: () throws -> T) -> CryptoError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? CryptoError
        }
    }

    static let nonce = unhex("030000000000000000000000")

    @Test("key lengths: 16, 24 and 32 bytes only; the registry holds each name to its own")
    func keyLengths() throws {
        for n in [0, 1, 15, 17, 20, 23, 25, 31, 33, 48, 64] {
            let e = Self.error {
                try GCMSIV<AES>(
                    key: [UInt8](repeating: 1, count: n), parameters: AEADParameters(nonce: Self.nonce),
                    encrypting: true)
            }
            #expect(e?.code == .invalidParameter, "key of \(n) bytes")
            #expect(e?.openSSL == .invalidKeyLength, "key of \(n) bytes")
        }
        for (bits, wrong) in [(128, 32), (192, 16), (256, 24)] {
            let a = try Registry.aead(named: "aes-\(bits)-gcm-siv")
            #expect(a.keyLength == bits / 8 && a.defaultNonceLength == 12 && a.defaultTagLength == 16)
            let e = Self.error {
                try a.makeContext(
                    key: [UInt8](repeating: 1, count: wrong), parameters: AEADParameters(nonce: Self.nonce),
                    encrypting: false)
            }
            #expect(e?.code == .invalidParameter && e?.openSSL == .invalidKeyLength, "AES-\(bits)-GCM-SIV")
        }
    }

    @Test("nonce: exactly 12 bytes", arguments: [0, 1, 8, 11, 13, 16, 64])
    func nonceLengths(n: Int) throws {
        let a = try Registry.aead(named: "AES-256-GCM-SIV")
        for encrypting in [true, false] {
            let e = Self.error {
                try a.makeContext(
                    key: [UInt8](repeating: 2, count: 32),
                    parameters: AEADParameters(nonce: [UInt8](repeating: 3, count: n)), encrypting: encrypting)
            }
            #expect(e?.code == .invalidParameter && e?.openSSL == .invalidIVLength)
        }
    }

    @Test("tag: exactly 16 bytes, when set up and when handed to finalizeDecryption")
    func tagLengths() throws {
        let a = try Registry.aead(named: "AES-128-GCM-SIV")
        let key = [UInt8](repeating: 4, count: 16)
        for t in [0, 1, 4, 12, 15, 17, 32] {
            let e = Self.error {
                try a.makeContext(
                    key: key, parameters: AEADParameters(nonce: Self.nonce, tagLength: t), encrypting: true)
            }
            #expect(e?.code == .invalidParameter && e?.openSSL == .invalidTagLength, "tag length \(t)")
        }
        let sealer = try a.makeContext(key: key, parameters: AEADParameters(nonce: Self.nonce), encrypting: true)
        let ct = try sealer.update([1, 2, 3])
        let (_, tag) = try sealer.finalizeEncryption()
        #expect(tag.count == 16)
        for t in [0, 15, 17] {
            let opener = try a.makeContext(key: key, parameters: AEADParameters(nonce: Self.nonce), encrypting: false)
            _ = try opener.update(ct)
            let cut = Array((tag + [0]).prefix(t))
            #expect(Self.error { try opener.finalizeDecryption(tag: cut) }?.code == .invalidParameter, "tag of \(t)")
        }
        var bad = tag
        bad[7] ^= 0x10
        let opener = try a.makeContext(key: key, parameters: AEADParameters(nonce: Self.nonce), encrypting: false)
        _ = try opener.update(ct)
        #expect(Self.error { try opener.finalizeDecryption(tag: bad) }?.code == .authenticationFailure)
        let good = try a.makeContext(key: key, parameters: AEADParameters(nonce: Self.nonce), encrypting: false)
        _ = try good.update(ct)
        #expect(try good.finalizeDecryption(tag: tag) == [1, 2, 3])
    }

    @Test("one update per message, AAD first, finalize once (OpenSSL 3.2's EVP use)")
    func usage() throws {
        let a = try Registry.aead(named: "AES-128-GCM-SIV")
        let key = [UInt8](repeating: 5, count: 16)
        let ctx = try a.makeContext(key: key, parameters: AEADParameters(nonce: Self.nonce), encrypting: true)
        #expect(try ctx.update([]).isEmpty)
        _ = try ctx.update([1, 2])
        #expect(Self.error { try ctx.update([3]) }?.code == .invalidParameter)
        #expect(Self.error { try ctx.updateAAD([3]) }?.code == .invalidParameter)
        _ = try ctx.finalizeEncryption()
        #expect(Self.error { try ctx.finalizeEncryption() }?.code == .invalidParameter)
        #expect(Self.error { try ctx.finalizeDecryption(tag: [UInt8](repeating: 0, count: 16)) } != nil)
    }

    /// RFC 8452 C.1, plaintext 03…00 04000000 (20 bytes) with an 18-byte AAD: AAD fed in pieces
    /// is one concatenated AAD, as OpenSSL's provider appends its AAD updates.
    @Test(
        "AAD pieces are concatenated (RFC 8452 C.1, 18-byte AAD example)",
        arguments: [[18], [1, 17], [16, 2], [5, 0, 13]])
    func aadPieces(split: [Int]) throws {
        let aad = Self.unhex("010000000000000000000000000000000200")
        let plain = Self.unhex("0300000000000000000000000000000004000000")
        let ctx = try Registry.aead(named: "AES-128-GCM-SIV").makeContext(
            key: Self.unhex("01000000000000000000000000000000"), parameters: AEADParameters(nonce: Self.nonce),
            encrypting: true)
        var at = 0
        for n in split {
            try ctx.updateAAD(Array(aad[at..<(at + n)]))
            at += n
        }
        let ct = try ctx.update(plain)
        let (_, tag) = try ctx.finalizeEncryption()
        #expect(ct + tag == Self.unhex("6bb0fecf5ded9b77f902c7d5da236a4391dd029724afc9805e976f451e6d87f6fe106514"))
    }

    /// POLYVAL under the record-authentication key RFC 8452 C.1 prints for key 01 00…, nonce
    /// 03 00…: the "POLYVAL input" blocks and "POLYVAL result" of two examples, on every variant.
    @Test("POLYVAL: RFC 8452 C.1 intermediate values", arguments: contractVariants)
    func polyval(variant: String) throws {
        let h = Self.unhex("d9b360279694941ac5dbc6987ada7377")
        let cases: [(String, String)] = [
            (
                "01000000000000000000000000000000" + "00000000000000004000000000000000",
                "eb93b7740962c5e49d2a90a7dc5cec74"
            ),
            (
                "01000000000000000000000000000000" + "02000000000000000000000000000000"
                    + "03000000000000000000000000000000" + "04000000000000000000000000000000"
                    + "05000000000000000000000000000000" + "08000000000000000002000000000000",
                "ffcd05d5770f34ad9267f0a59994b15a"
            ),
        ]
        try HardwareSupport.withVariant(variant) {
            for (input, result) in cases {
                let x = Self.unhex(input)
                var p = h.withUnsafeBytes { POLYVAL(key: $0.baseAddress!) }
                x.withUnsafeBytes { p.absorb($0.baseAddress!, blocks: x.count / 16) }
                var r = p.result
                #expect(withUnsafeBytes(of: &r) { Array($0) } == Self.unhex(result))
            }
        }
    }
}
#endif
