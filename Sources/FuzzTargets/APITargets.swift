import LibCrypto

// API targets: LibCrypto's public API driven with fuzzer-chosen algorithms, hardware variants,
// key, IV, nonce, tag and output lengths (right and wrong), messages and split points. A trap
// is a crash libFuzzer keeps; a broken invariant is a finding:
// - a wrong length is a thrown `CryptoError` (never a trap, never another error type);
// - one shot equals streaming in any split, and in place equals out of place;
// - decrypt(encrypt(x)) == x; an AEAD with a changed tag, tag length or ciphertext fails to open;
// - every hardware variant gives what the generic code gives.
// Sizes are capped (messages 16 KiB, KDF work small) so no execution is slow.

enum APITargets {
    static var all: [FuzzTarget] {
        [
            FuzzTarget(
                name: "api-digest-mac", kind: .api,
                summary: "digests and XOFs, HMAC, CMAC, Poly1305, GMAC: lengths, splits, copies, variants",
                run: { APIDigestMAC.run($0) }),
            FuzzTarget(
                name: "api-cipher", kind: .api,
                summary: "every registry cipher in every mode: key/IV lengths, padding, splits, in place, variants",
                run: { APICipher.run($0) }),
            FuzzTarget(
                name: "api-aead-kdf", kind: .api,
                summary: "AEADs (nonce, tag, AAD, splits, tampering) and every KDF with fuzzed parameters",
                run: { APIAEADKDF.run($0) }),
        ]
    }

    /// Largest message an API input feeds (bytes).
    static let maxMessage = 16 * 1024
}

enum APIDigestMAC {
    static func run(_ buffer: UnsafeRawBufferPointer) -> FuzzTarget.Verdict {
        var input = FuzzInput(buffer)
        let kind = input.int(in: 0...4)
        let variant = input.pick(APIVariants.names)
        switch kind {
        case 0: return digest(&input, variant)
        case 1: return hmac(&input, variant)
        // A MAC a trait left out of this build (no-cmac, no-poly1305) has nothing to drive.
        case 2:
            #if CMAC
            return cmac(&input, variant)
            #else
            return .ok
            #endif
        case 3:
            #if POLY1305
            return poly1305(&input, variant)
            #else
            return .ok
            #endif
        default: return gmac(&input, variant)
        }
    }

    static func digest(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let d = input.pick(APIAlgorithms.digests)
        let outputLength: Int?
        switch input.int(in: 0...5) {
        case 0: outputLength = d.digestSize
        case 1: outputLength = input.int(in: -3...1024)
        case 2: outputLength = input.pick([-1, Int.min, d.digestSize + 1, d.digestSize - 1, 0])
        default: outputLength = nil
        }
        let pieces = input.pieces()
        let forkAt = input.int(in: 0...8)
        let message = input.rest(limit: APITargets.maxMessage)
        var f = Findings("\(d.info.name) [\(variant)] output length \(outputLength.map(String.init) ?? "default")")

        let oneShot = APIVariants.compare(variant, &f, "one shot") {
            APIOutcome.of { try d.hash(message, outputLength: outputLength) }
        }
        f.expectNoForeign(oneShot, "one shot")
        let valid = d.isXOF ? (outputLength ?? 0) >= 0 : (outputLength == nil || outputLength == d.digestSize)
        if valid {
            let n = outputLength ?? d.digestSize
            if oneShot.bytes?.count != n { f.fail("one shot gave \(oneShot), \(n) bytes expected") }
        } else {
            f.expectError(oneShot, "a wrong output length")
        }
        // Streaming, with a copy taken before piece `forkAt`: the copy finishes the prefix.
        let parts = FuzzInput.split(message, pieces)
        let streamed = APIVariants.compare(variant, &f, "streaming") {
            APIOutcome.of {
                let ctx = d.makeContext()
                var fork: (any DigestContext)? = nil
                var prefix = 0
                for (i, p) in parts.enumerated() {
                    if i == forkAt { fork = ctx.copy() }
                    if i < forkAt { prefix += p.count }
                    ctx.update(p)
                }
                let whole = try ctx.finalize(outputLength: outputLength)
                if let fork {
                    let forked = try fork.finalize(outputLength: outputLength)
                    if forked != (try d.hash(Array(message[..<prefix]), outputLength: outputLength)) {
                        return [0xFF] + whole  // cannot equal the one-shot value: same length + 1
                    }
                }
                return whole
            }
        }
        f.expectEqual(oneShot, streamed, "streaming in pieces \(pieces) (copy before piece \(forkAt))")
        return f.verdict
    }

    static func mac(_ make: () throws -> any MACContext, _ parts: [[UInt8]]) throws -> [UInt8] {
        let ctx = try make()
        for p in parts { ctx.update(p) }
        return ctx.finalize()
    }

    static func hmac(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let d = input.pick(APIAlgorithms.digests)
        let key = input.bytes(input.int(in: 0...300))
        let pieces = input.pieces()
        let message = input.rest(limit: APITargets.maxMessage)
        var f = Findings("HMAC-\(d.info.name) [\(variant)] key \(key.count) bytes")
        let oneShot = APIVariants.compare(variant, &f, "one shot") {
            APIOutcome.of { try mac({ try d.makeHMAC(key: key) }, [message]) }
        }
        f.expectNoForeign(oneShot, "one shot")
        if d.isXOF {
            f.expectError(oneShot, "HMAC over an XOF")
        } else if oneShot.bytes?.count != d.digestSize {
            f.fail("tag \(oneShot), \(d.digestSize) bytes expected")
        }
        let streamed = APIVariants.compare(variant, &f, "streaming") {
            APIOutcome.of { try mac({ try d.makeHMAC(key: key) }, FuzzInput.split(message, pieces)) }
        }
        f.expectEqual(oneShot, streamed, "streaming in pieces \(pieces)")
        return f.verdict
    }

    static func cmac(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let c = input.pick(APIAlgorithms.cbcCiphers)
        let key = input.bytes(fuzzLength(&input, right: c.keyLength))
        let pieces = input.pieces()
        let message = input.rest(limit: APITargets.maxMessage)
        var f = Findings("CMAC-\(c.info.name) [\(variant)] key \(key.count) bytes")
        let oneShot = APIVariants.compare(variant, &f, "one shot") {
            APIOutcome.of { try mac({ try c.makeCMAC(key: key) }, [message]) }
        }
        f.expectNoForeign(oneShot, "one shot")
        // The CMAC takes exactly the keys the cipher takes.
        let cipherTakesKey =
            (try? c.makeContext(key: key, iv: [UInt8](repeating: 0, count: c.ivLength), encrypting: true)) != nil
        if cipherTakesKey {
            if oneShot.bytes?.count != c.blockSize {
                f.fail("tag \(oneShot), one block expected")
            }
        } else {
            f.expectError(oneShot, "a key the cipher refuses")
        }
        let streamed = APIVariants.compare(variant, &f, "streaming") {
            APIOutcome.of { try mac({ try c.makeCMAC(key: key) }, FuzzInput.split(message, pieces)) }
        }
        f.expectEqual(oneShot, streamed, "streaming in pieces \(pieces)")
        return f.verdict
    }

    #if POLY1305
    static func poly1305(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let key = input.bytes(fuzzLength(&input, right: 32))
        let pieces = input.pieces()
        let message = input.rest(limit: APITargets.maxMessage)
        var f = Findings("POLY1305 [\(variant)] key \(key.count) bytes")
        let oneShot = APIVariants.compare(variant, &f, "one shot") {
            APIOutcome.of { try Poly1305.authenticate(key: key, message: message) }
        }
        if key.count == 32 {
            if oneShot.bytes?.count != 16 { f.fail("tag \(oneShot), 16 bytes expected") }
        } else {
            f.expectError(oneShot, "a \(key.count)-byte key")
        }
        let streamed = APIVariants.compare(variant, &f, "streaming") {
            APIOutcome.of {
                var p = try Poly1305(key: key)
                for part in FuzzInput.split(message, pieces) { p.update(part) }
                return p.finalize()
            }
        }
        f.expectEqual(oneShot, streamed, "streaming in pieces \(pieces)")
        return f.verdict
    }
    #endif

    static func gmac(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let key = input.bytes(input.pick([16, 24, 32, input.int(in: 0...40)]))
        let iv = input.bytes(input.pick([12, input.int(in: 0...80)]))
        let pieces = input.pieces()
        let message = input.rest(limit: APITargets.maxMessage)
        var f = Findings("GMAC [\(variant)] key \(key.count) bytes, IV \(iv.count) bytes")
        let oneShot = APIVariants.compare(variant, &f, "one shot") {
            APIOutcome.of { try GMAC.authenticate(cipher: try AES(key: key), iv: iv, message: message) }
        }
        f.expectNoForeign(oneShot, "one shot")
        if ![16, 24, 32].contains(key.count) || iv.isEmpty {
            f.expectError(oneShot, "a \(key.count)-byte key with a \(iv.count)-byte IV")
        } else if oneShot.bytes?.count != 16 {
            f.fail("tag \(oneShot), 16 bytes expected")
        }
        // GMAC is GCM fed only AAD: the same tag with the AAD in pieces.
        let streamed = APIVariants.compare(variant, &f, "GCM with the message as AAD in pieces") {
            APIOutcome.of {
                let gcm = try GCM(
                    cipher: try AES(key: key), parameters: AEADParameters(nonce: iv, tagLength: 16), encrypting: true)
                for part in FuzzInput.split(message, pieces) { try gcm.updateAAD(part) }
                return try gcm.finalizeEncryption().tag
            }
        }
        f.expectEqual(oneShot, streamed, "AAD in pieces \(pieces)")
        return f.verdict
    }
}
