import LibCrypto
import Testing

// Contract suites, as Go's crypto/internal/cryptotest (TestHash, TestBlock, TestBlockMode,
// TestAEAD): properties every implementation of a protocol must have, run for every catalog
// entry compiled into this build, on every implementation variant (generic Swift, hardware
// paths). They check behaviour, not values: known answers come from the vector corpora. A new
// algorithm plugs in by being in the catalog and the registry; nothing here names it, except
// the KDF table, which a test holds to the catalog.

/// Every variant of this build (`generic`, and `hardware` where there are paths).
let contractVariants = HardwareSupport.variants

/// A deterministic byte source for the contracts.
private func bytes(_ n: Int, _ seed: UInt64) -> [UInt8] {
    var rng = TestRNG(seed: seed)
    return (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
}

/// Cuts `message` into pieces at the given fractions, as a streaming caller might.
private func pieces(_ message: [UInt8], _ seed: UInt64) -> [[UInt8]] {
    var rng = TestRNG(seed: seed)
    var out: [[UInt8]] = []
    var i = 0
    while i < message.count {
        let n = min(message.count - i, 1 + rng.next(below: 70))
        out.append(Array(message[i..<i + n]))
        i += n
    }
    return out
}

@Suite("Contract: hash and XOF") struct HashContract {
    static let names = Registry.digests.map(\.info.name)

    @Test(
        "streaming in any split equals one shot; copy forks the state; sizes hold", arguments: names, contractVariants)
    func streaming(name: String, variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let d = try Registry.digest(named: name)
            for length in [0, 1, d.blockSize - 1, d.blockSize, d.blockSize + 1, 3 * d.blockSize + 7] {
                let message = bytes(length, UInt64(length))
                let oneShot = try d.hash(message)
                #expect(oneShot.count == d.digestSize)
                let ctx = d.makeContext()
                for p in pieces(message, 9) { ctx.update(p) }
                #expect(try ctx.finalize(outputLength: nil) == oneShot, "\(name): split of \(length) bytes")
            }
            let message = bytes(200, 1)
            let ctx = d.makeContext()
            ctx.update(Array(message[..<77]))
            let fork = ctx.copy()
            ctx.update(Array(message[77...]))
            fork.update([0x61])
            #expect(try ctx.finalize(outputLength: nil) == d.hash(message), "\(name): copy disturbed the original")
            #expect(try fork.finalize(outputLength: nil) == d.hash(Array(message[..<77]) + [0x61]))
            #expect(try d.hash([0]) != d.hash([1]))
        }
    }

    @Test(
        "an XOF's shorter output is a prefix of its longer one; a fixed digest refuses another length",
        arguments: names, contractVariants)
    func outputLength(name: String, variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let d = try Registry.digest(named: name)
            let message = bytes(50, 3)
            if d.isXOF {
                let long = try d.hash(message, outputLength: 300)
                #expect(long.count == 300)
                #expect(try d.hash(message, outputLength: 17) == Array(long[..<17]))
                #expect(throws: CryptoError.self) { try d.hash(message, outputLength: -1) }
            } else {
                #expect(throws: CryptoError.self) { try d.hash(message, outputLength: d.digestSize + 1) }
                #expect(try d.hash(message, outputLength: d.digestSize).count == d.digestSize)
            }
        }
    }
}

@Suite("Contract: MAC") struct MACContract {
    /// Every keyed MAC the registry builds: HMAC over each fixed-size digest, CMAC over each
    /// CBC block cipher.
    static let names: [String] =
        Registry.digests.filter { !$0.isXOF }.map { "HMAC-" + $0.info.name }
        + Registry.ciphers.filter { $0.mode == .cbc }.map { "CMAC-" + $0.info.name }

    static func make(_ name: String, key: [UInt8]) throws -> any MACContext {
        if name.hasPrefix("HMAC-") { return try Registry.hmac(digest: String(name.dropFirst(5)), key: key) }
        return try Registry.cipher(named: String(name.dropFirst(5))).makeCMAC(key: key)
    }

    static func keyLength(_ name: String) throws -> Int {
        name.hasPrefix("HMAC-") ? 20 : try Registry.cipher(named: String(name.dropFirst(5))).keyLength
    }

    @Test(
        "streaming in any split equals one shot; the tag depends on key and message", arguments: names, contractVariants
    )
    func streaming(name: String, variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let key = bytes(try Self.keyLength(name), 5)
            var tags: [[UInt8]] = []
            for length in [0, 1, 16, 65, 200] {
                let message = bytes(length, UInt64(length) + 100)
                let whole = try Self.make(name, key: key)
                whole.update(message)
                let tag = whole.finalize()
                let split = try Self.make(name, key: key)
                for p in pieces(message, 4) { split.update(p) }
                #expect(split.finalize() == tag, "\(name): split of \(length) bytes")
                if let first = tags.first { #expect(tag.count == first.count) }
                tags.append(tag)
            }
            #expect(Set(tags).count == tags.count, "\(name): two messages gave one tag")
            var other = key
            other[0] ^= 0x80  // not bit 0: DES keys ignore their parity bits
            let a = try Self.make(name, key: key)
            let b = try Self.make(name, key: other)
            a.update([1, 2, 3])
            b.update([1, 2, 3])
            #expect(a.finalize() != b.finalize(), "\(name): the key does not change the tag")
        }
    }
}

@Suite("Contract: block cipher, mode and stream cipher") struct CipherContract {
    // The stitched TLS ciphers have their own suite (StitchedTLSTests): records, not streams.
    static let streaming = Registry.ciphers.filter { ![.xts, .wrap, .cbcCTS, .stitched].contains($0.mode) }.map(
        \.info.name)

    static func run(
        _ c: CipherAlgorithm, _ key: [UInt8], _ iv: [UInt8], encrypting: Bool, padding: Bool,
        _ input: [UInt8], split seed: UInt64?
    ) throws -> [UInt8] {
        let ctx = try c.makeContext(
            key: key, iv: iv, encrypting: encrypting,
            parameters: CipherParameters(padding: padding))
        guard let seed else { return try ctx.process(input) }
        var out: [UInt8] = []
        for p in pieces(input, seed) { out += try ctx.update(p) }
        return out + (try ctx.finalize())
    }

    @Test(
        "decrypt(encrypt(x)) == x; any split equals one shot; in place equals out of place",
        arguments: streaming, contractVariants)
    func roundTrip(name: String, variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let c = try Registry.cipher(named: name)
            let key = bytes(c.keyLength, 11)
            let iv = bytes(c.ivLength, 12)
            let block = max(c.blockSize, 1)
            for padding in c.mode == .ecb || c.mode == .cbc ? [true, false] : [true] {
                for length in [0, 1, block - 1, block, block + 1, 5 * block + 3, 100] {
                    let n = padding ? length : length / block * block
                    let plain = bytes(n, UInt64(n) + 7)
                    let sealed = try Self.run(c, key, iv, encrypting: true, padding: padding, plain, split: nil)
                    if padding && c.blockSize > 1 {
                        #expect(sealed.count == (n / block + 1) * block, "\(name): padded length")
                    } else {
                        #expect(sealed.count == n, "\(name): \(n) bytes in, \(sealed.count) out")
                    }
                    #expect(
                        try Self.run(c, key, iv, encrypting: true, padding: padding, plain, split: 3) == sealed,
                        "\(name): split encryption of \(n) bytes")
                    #expect(
                        try Self.run(c, key, iv, encrypting: false, padding: padding, sealed, split: 5) == plain,
                        "\(name): round trip of \(n) bytes, padding \(padding)")
                    // In place: one buffer for input and output.
                    let ctx = try c.makeContext(
                        key: key, iv: iv, encrypting: true,
                        parameters: CipherParameters(padding: padding))
                    var buffer = plain + [UInt8](repeating: 0, count: 32)
                    let written = try buffer.withUnsafeMutableBytes { b in
                        try ctx.update(UnsafeRawBufferPointer(rebasing: b[..<n]), into: b.baseAddress!)
                    }
                    let tail = try ctx.finalize()
                    #expect(Array(buffer[..<written]) + tail == sealed, "\(name): in place, \(n) bytes")
                }
            }
        }
    }

    @Test("a wrong key or IV length is a thrown error", arguments: streaming)
    func wrongLengths(name: String) throws {
        let c = try Registry.cipher(named: name)
        let badKey = c.keyLength + 1
        if c.variableKeyLengths?.contains(badKey) != true {
            #expect(throws: CryptoError.self) {
                try c.makeContext(key: bytes(badKey, 1), iv: bytes(c.ivLength, 2), encrypting: true)
            }
        }
        #expect(throws: CryptoError.self) {
            try c.makeContext(key: bytes(c.keyLength, 1), iv: bytes(c.ivLength + 1, 2), encrypting: true)
        }
    }

    @Test(
        "block modes without padding refuse a partial final block",
        arguments: streaming.filter {
            let m = (try? Registry.cipher(named: $0))?.mode
            return m == .ecb || m == .cbc
        })
    func partialBlock(name: String) throws {
        let c = try Registry.cipher(named: name)
        let key = bytes(c.keyLength, 11)
        let iv = bytes(c.ivLength, 12)
        #expect(throws: CryptoError.self) {
            try Self.run(c, key, iv, encrypting: true, padding: false, bytes(c.blockSize + 1, 3), split: nil)
        }
    }
}

@Suite("Contract: AEAD") struct AEADContract {
    static let names = Registry.aeads.map(\.info.name)

    static func seal(
        _ a: AEADAlgorithm, _ key: [UInt8], _ p: AEADParameters, aad: [UInt8], _ plain: [UInt8],
        split: UInt64
    ) throws -> ([UInt8], [UInt8]) {
        let ctx = try a.makeContext(key: key, parameters: p, encrypting: true)
        try ctx.updateAAD(aad)
        var out: [UInt8] = []
        // SIV and GCM-SIV take the whole message in one update.
        let whole = a.info.mode == .siv || a.info.mode == .gcmSIV
        for piece in whole ? [plain] : pieces(plain, split) { out += try ctx.update(piece) }
        let (rest, tag) = try ctx.finalizeEncryption()
        return (out + rest, tag)
    }

    static func open(
        _ a: AEADAlgorithm, _ key: [UInt8], _ p: AEADParameters, aad: [UInt8], _ sealed: [UInt8],
        tag: [UInt8]
    ) throws -> [UInt8] {
        let ctx = try a.makeContext(key: key, parameters: p, encrypting: false)
        try ctx.updateAAD(aad)
        _ = try ctx.update(sealed)
        return try ctx.finalizeDecryption(tag: tag)
    }

    @Test(
        "open(seal(x)) == x; any split gives the same output; any changed bit fails to open",
        arguments: names, contractVariants)
    func roundTripAndTamper(name: String, variant: String) throws {
        try HardwareSupport.withVariant(variant) {
            let a = try Registry.aead(named: name)
            let key = bytes(a.keyLength, 21)
            let aad = bytes(13, 22)
            // SIV (as OpenSSL 3.0) cannot seal an empty message, and each AAD piece is its own
            // S2V component, so it is not split.
            let siv = a.info.mode == .siv
            for length in [0, 1, 15, 16, 17, 64, 100] where !(siv && length == 0) {
                let plain = bytes(length, UInt64(length) + 23)
                let p = AEADParameters(
                    nonce: bytes(a.defaultNonceLength, 24), tagLength: a.defaultTagLength,
                    messageLength: a.info.mode == .ccm ? length : nil)
                let (sealed, tag) = try Self.seal(a, key, p, aad: aad, plain, split: 1)
                #expect(sealed.count == length && tag.count == a.defaultTagLength)
                if !siv && a.info.mode != .gcmSIV {
                    let again = try Self.seal(a, key, p, aad: aad, plain, split: 2)
                    #expect(again.0 == sealed && again.1 == tag, "\(name): split changed the output")
                }
                #expect(try Self.open(a, key, p, aad: aad, sealed, tag: tag) == plain)
                var badTag = tag
                badTag[0] ^= 1
                #expect(throws: CryptoError.self) { try Self.open(a, key, p, aad: aad, sealed, tag: badTag) }
                var badAAD = aad
                badAAD[5] ^= 0x80
                #expect(throws: CryptoError.self) { try Self.open(a, key, p, aad: badAAD, sealed, tag: tag) }
                if length > 0 {
                    var badText = sealed
                    badText[length - 1] ^= 4
                    #expect(throws: CryptoError.self) { try Self.open(a, key, p, aad: aad, badText, tag: tag) }
                }
            }
            #expect(throws: CryptoError.self) {
                try a.makeContext(
                    key: bytes(a.keyLength + 1, 1), parameters: AEADParameters(nonce: bytes(12, 2)),
                    encrypting: true)
            }
        }
    }
}

@Suite("Contract: KDF") struct KDFContract {
    /// Each KDF of the catalog, called through its typed entry point with SHA2-256 where it
    /// takes a digest: `(secret, salt, length) -> output`.
    static let kdfs: [String: @Sendable ([UInt8], [UInt8], Int) throws -> [UInt8]] = [
        "PBKDF1": {
            try PBKDF1.derive(SHA256.self, password: $0, salt: Array($1.prefix(8)), iterations: 3, length: $2)
        },
        "PBKDF2": { try PBKDF2.derive(SHA256.self, password: $0, salt: $1, iterations: 3, length: $2) },
        "HKDF": { try HKDF.derive(SHA256.self, key: $0, salt: $1, info: [1, 2], length: $2) },
        "SCRYPT": {
            #if SCRYPT
            try Scrypt.derive(password: $0, salt: $1, n: 16, r: 1, p: 1, length: $2)
            #else
            _ = ($0, $1, $2)
            throw CryptoError.unknownAlgorithm("SCRYPT")
            #endif
        },
        "PKCS12KDF": { try PKCS12KDF.derive(SHA256.self, password: $0, salt: $1, id: 1, iterations: 3, length: $2) },
        "X963KDF": { try X963KDF.derive(SHA256.self, sharedSecret: $0, sharedInfo: $1, length: $2) },
        "TLS1-PRF": { try TLS1PRF.derive(SHA256.self, secret: $0, seed: $1, length: $2) },
        "TLS13-KDF": { try TLS13KDF.derive(SHA256.self, mode: .expandOnly, key: $0, label: $1, length: $2) },
        "SSHKDF": { try SSHKDF.derive(SHA256.self, key: $0, exchangeHash: $1, sessionID: $1, type: 0x41, length: $2) },
        "SSKDF": { try SSKDF.deriveHMAC(SHA256.self, secret: $0, salt: $1, info: [1, 2], length: $2) },
        "X942KDF-ASN1": {
            var info = X942KDF.OtherInfo()
            info.partyUInfo = $1
            return try X942KDF.derive(SHA256.self, secret: $0, algorithm: .aes256Wrap, otherInfo: info, length: $2)
        },
        "KBKDF": { try KBKDF.derive(prf: .hmac(SHA256.self), key: $0, label: $1, length: $2) },
        // The output is as long as the key (AES-128 or AES-256): the key is secret ‖ salt, cut.
        "KRB5KDF": {
            try KRB5KDF.derive(
                cipher: try Registry.cipher(named: $2 == 16 ? "AES-128-CBC" : "AES-256-CBC"),
                key: Array(($0 + $1).prefix($2)), constant: Array($1.prefix(5)), length: $2)
        },
    ]

    @Test("every KDF of this build has a contract entry")
    func everyKDFIsCovered() {
        #expect(Set(Registry.kdfs.map(\.name)) == Set(Self.kdfs.keys))
    }

    @Test(
        "deterministic; the length asked for; depends on secret and salt; a zero length is an error",
        arguments: Registry.kdfs.map(\.name).sorted(), contractVariants)
    func contract(name: String, variant: String) throws {
        let kdf = try #require(Self.kdfs[name], "\(name) has no contract entry")
        try HardwareSupport.withVariant(variant) {
            let secret = bytes(20, 31)
            let salt = bytes(16, 32)
            // PBKDF1's output is at most one digest; KRB5KDF's is its key, 16 or 32 bytes here.
            for length in name == "PBKDF1" ? [1, 16, 32] : name == "KRB5KDF" ? [16, 32] : [1, 16, 32, 33, 100] {
                let out = try kdf(secret, salt, length)
                #expect(out.count == length, "\(name): \(out.count) bytes for \(length)")
                #expect(try kdf(secret, salt, length) == out)
            }
            var otherSecret = secret
            otherSecret[0] ^= 1
            var otherSalt = salt
            otherSalt[0] ^= 1
            #expect(try kdf(otherSecret, salt, 32) != kdf(secret, salt, 32))
            #expect(try kdf(secret, otherSalt, 32) != kdf(secret, salt, 32))
            #expect(throws: CryptoError.self) { try kdf(secret, salt, 0) }
        }
    }
}
