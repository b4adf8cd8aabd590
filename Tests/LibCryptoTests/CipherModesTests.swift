import Testing
@testable import LibCrypto

/// Properties every registered cipher must have, in every mode: streaming with any split
/// equals one-shot, decryption inverts encryption at any length, in-place equals out-of-place,
/// and bad lengths and bad padding are thrown errors.
@Suite("Cipher modes over the registry")
struct CipherModesTests {
    typealias RNG = TestRNG

    /// Ciphers that stream (any split of the input); XTS and key wrap take one message per
    /// update, as in OpenSSL, and are tested apart.
    // The stitched TLS ciphers have their own suite (StitchedTLSTests): records, not streams.
    static let names = Registry.ciphers.filter { ![.xts, .wrap, .cbcCTS, .stitched].contains($0.mode) }.map(\.info.name)
    static let oneShotNames = Registry.ciphers.filter { [.xts, .wrap, .cbcCTS].contains($0.mode) }.map(\.info.name)

    @Test("XTS, key wrap and CBC-CTS: decrypt(encrypt(x)) == x for the lengths each takes", arguments: oneShotNames)
    func oneShotRoundTrip(name: String) throws {
        let c = try Registry.cipher(named: name)
        var rng = RNG(state: 7)
        let pad = name.uppercased().contains("PAD")
        let lengths =
            c.mode == .xts || c.mode == .cbcCTS
            ? [16, 17, 31, 32, 100, 512] : (pad ? [1, 7, 8, 9, 20, 64] : [16, 24, 32, 64])
        for n in lengths {
            var key = rng.bytes(c.keyLength)
            if c.mode == .xts { key[0] ^= 1 }
            let iv = c.ivOptional ? [] : rng.bytes(c.ivLength)
            let plain = rng.bytes(n)
            let sealed = try c.encrypt(plain, key: key, iv: iv)
            #expect(try c.decrypt(sealed, key: key, iv: iv) == plain, "\(name): round trip of \(n) bytes")
            if c.mode == .wrap {
                var forged = sealed
                forged[forged.count - 1] ^= 1
                #expect(throws: CryptoError.self) { try c.decrypt(forged, key: key, iv: iv) }
            }
        }
    }

    /// Feeds `data` to a fresh context in random pieces (some empty).
    static func streamed(
        _ c: CipherAlgorithm, key: [UInt8], iv: [UInt8], encrypting: Bool, _ data: [UInt8], _ rng: inout RNG
    ) throws -> [UInt8] {
        let ctx = try c.makeContext(key: key, iv: iv, encrypting: encrypting)
        var out: [UInt8] = []
        var at = 0
        while at < data.count {
            let n = min(rng.below(40), data.count - at)
            out += try ctx.update(Array(data[at..<(at + n)]))
            at += n
        }
        return out + (try ctx.finalize())
    }

    @Test("every cipher: split == one-shot, decrypt(encrypt(x)) == x", arguments: names)
    func roundTrip(name: String) throws {
        let c = try Registry.cipher(named: name)
        var rng = RNG(state: UInt64(truncatingIfNeeded: name.hashValue & 0x7fff_ffff) | 1)
        for length in [0, 1, c.blockSize - 1, c.blockSize, c.blockSize + 1, 31, 64, 100, 257]
            + (0..<6).map({ _ in rng.below(600) }) where length >= 0
        {
            let key = rng.bytes(c.keyLength)
            let iv = rng.bytes(c.ivLength)
            let plain = rng.bytes(length)
            let sealed = try c.encrypt(plain, key: key, iv: iv)
            if c.blockSize > 1 {
                #expect(
                    sealed.count == (length / c.blockSize + 1) * c.blockSize, "\(name): padded length for \(length)")
            } else {
                #expect(sealed.count == length, "\(name): stream output length")
            }
            #expect(
                try Self.streamed(c, key: key, iv: iv, encrypting: true, plain, &rng) == sealed,
                "\(name): streamed encrypt, \(length) bytes")
            #expect(try c.decrypt(sealed, key: key, iv: iv) == plain, "\(name): decrypt(encrypt(x)), \(length) bytes")
            #expect(
                try Self.streamed(c, key: key, iv: iv, encrypting: false, sealed, &rng) == plain,
                "\(name): streamed decrypt, \(length) bytes")
        }
    }

    @Test("every cipher: in-place update equals out-of-place", arguments: names)
    func inPlace(name: String) throws {
        let c = try Registry.cipher(named: name)
        var rng = RNG(state: 42)
        let key = rng.bytes(c.keyLength)
        let iv = rng.bytes(c.ivLength)
        let n = 4 * max(c.blockSize, 8) + (c.blockSize > 1 ? 0 : 3)
        let plain = rng.bytes(n)
        let expected = try c.makeContext(
            key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false)
        ).process(plain)
        var buffer = plain + [UInt8](repeating: 0, count: 32)
        let ctx = try c.makeContext(key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
        let written = try buffer.withUnsafeMutableBytes { b in
            try ctx.update(UnsafeRawBufferPointer(rebasing: b[0..<n]), into: b.baseAddress!)
        }
        #expect(written == n)
        #expect(Array(buffer[0..<n]) == expected, "\(name): in-place")
    }

    @Test("a wrong key or IV length is a thrown invalidParameter", arguments: names)
    func wrongLengths(name: String) throws {
        let c = try Registry.cipher(named: name)
        let tooLong = [UInt8](repeating: 1, count: 300)
        #expect(throws: CryptoError.self) {
            try c.makeContext(key: tooLong, iv: [UInt8](repeating: 0, count: c.ivLength), encrypting: true)
        }
        do {
            _ = try c.makeContext(key: tooLong, iv: [UInt8](repeating: 0, count: c.ivLength), encrypting: true)
        } catch let e as CryptoError {
            #expect(e.code == .invalidParameter)
        }
        if c.ivLength > 0 {
            #expect(throws: CryptoError.self) {
                try c.makeContext(
                    key: [UInt8](repeating: 0, count: c.keyLength), iv: [UInt8](repeating: 0, count: c.ivLength + 1),
                    encrypting: true)
            }
        }
    }

    @Test("padding off: a partial block is invalidLength; bad padding is badDecrypt without detail")
    func paddingErrors() throws {
        let aes = try Registry.cipher(named: "aes-128-cbc")
        let key = [UInt8](repeating: 7, count: 16)
        let iv = [UInt8](repeating: 9, count: 16)
        let ctx = try aes.makeContext(key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
        _ = try ctx.update([1, 2, 3])
        #expect { try ctx.finalize() } throws: { ($0 as? CryptoError)?.code == .invalidLength }

        // Every way of breaking the last byte of padding fails the same way, with the same text.
        var sealed = try aes.encrypt([UInt8](repeating: 0x41, count: 20), key: key, iv: iv)
        var messages = Set<String>()
        for flip in [UInt8(0x01), 0x0f, 0x10, 0x80] {
            sealed[sealed.count - 17] ^= flip  // changes the last plaintext byte (the pad length) via CBC
            do {
                _ = try aes.decrypt(sealed, key: key, iv: iv)
                Issue.record("bad padding (flip \(flip)) was accepted")
            } catch let e as CryptoError {
                #expect(e.code == .badDecrypt)
                messages.insert(e.reason)
            }
            sealed[sealed.count - 17] ^= flip
        }
        #expect(messages == ["bad decrypt"])
        #expect { try aes.decrypt(Array(sealed.dropLast(3)), key: key, iv: iv) } throws: {
            ($0 as? CryptoError)?.code == .invalidLength
        }
    }

    @Test("names and aliases resolve case-insensitively; disabled or unknown names throw unknownAlgorithm")
    func nameLookup() throws {
        #expect(try Registry.cipher(named: "des3").info.name == "DES-EDE3-CBC")
        #expect(try Registry.cipher(named: "AES256").info.name == "AES-256-CBC")
        #expect(try Registry.cipher(named: "aes-256-cfb8").info.name == "AES-256-CFB8")
        #if BF
        #expect(try Registry.cipher(named: "blowfish").info.name == "BF-CBC")
        #endif
        #if CAST
        #expect(try Registry.cipher(named: "cast").info.name == "CAST5-CBC")
        #endif
        #if IDEA
        #expect(try Registry.cipher(named: "idea").info.name == "IDEA-CBC")
        #else
        #expect { try Registry.cipher(named: "idea-cbc") } throws: { ($0 as? CryptoError)?.code == .unknownAlgorithm }
        #endif
        #if CAMELLIA
        #expect(try Registry.cipher(named: "camellia128").info.name == "CAMELLIA-128-CBC")
        #endif
        #if RC2
        #expect(try Registry.cipher(named: "rc2-40").info.name == "RC2-40-CBC")
        #endif
        #if SEED
        #expect(try Registry.cipher(named: "seed-ofb128").info.name == "SEED-OFB")
        #endif
        #expect { try Registry.cipher(named: "no-such-cipher") } throws: {
            ($0 as? CryptoError)?.code == .unknownAlgorithm
        }
    }
}
