import LibCrypto

// api-cipher: every cipher of the registry in every mode (`CipherAlgorithm.makeContext`), with
// fuzzer-chosen key and IV lengths, padding, RC2 effective bits and RC5 rounds, split points and
// in-place processing; then decryption of the result and of the raw input as ciphertext, CFB1
// bit lengths, and the single-block API of AES.

enum APICipher {
    /// Ciphers whose encryption is randomized (a fresh random IV per wrap).
    static let randomizedWrap: Set<String> = ["DES3-WRAP", "ID-SMIME-ALG-CMS3DESWRAP"]

    static func run(_ buffer: UnsafeRawBufferPointer) -> FuzzTarget.Verdict {
        var input = FuzzInput(buffer)
        let c = input.pick(APIAlgorithms.ciphers)
        let variant = input.pick(APIVariants.names)
        let key = input.bytes(fuzzLength(&input, right: c.keyLength))
        let iv = input.bytes(fuzzLength(&input, right: c.ivOptional && input.bool() ? 0 : c.ivLength, max: 40))
        var parameters = CipherParameters(padding: input.int(in: 0...3) != 0)
        if input.int(in: 0...7) == 0 { parameters.rc2EffectiveBits = input.int(in: -8...1100) }
        if input.int(in: 0...7) == 0 { parameters.rc5Rounds = input.pick([8, 12, 16, input.int(in: -1...300)]) }
        let pieces = input.pieces()
        let inPlace = input.bool()
        let bitCount = input.int(in: -8...(8 * 64 + 16))
        let message = input.rest(limit: APITargets.maxMessage)
        var f = Findings(
            "\(c.info.name) [\(variant)] key \(key.count), IV \(iv.count), padding \(parameters.padding), "
                + "rc2 bits \(parameters.rc2EffectiveBits.map(String.init) ?? "-"), "
                + "rc5 rounds \(parameters.rc5Rounds.map(String.init) ?? "-"), \(message.count) bytes")
        // XTS, key wrap and CBC-CTS take the whole message in one update (as in OpenSSL); the
        // stitched AES-CBC-HMAC ciphers take whole AES blocks per update (a TLS record, or plain
        // CBC without padding), so a split at any byte is not theirs to accept.
        let oneShotMode =
            c.mode == .xts || c.mode == .wrap || c.mode == .cbcCTS || (c.mode == .stitched && c.blockSize > 1)

        func run(_ data: [UInt8], encrypting: Bool, pieces: [Int], inPlace: Bool) -> APIOutcome {
            APIOutcome.of {
                let ctx = try c.makeContext(key: key, iv: iv, encrypting: encrypting, parameters: parameters)
                let parts = oneShotMode ? [data] : FuzzInput.split(data, pieces)
                if !inPlace {
                    var out: [UInt8] = []
                    for p in parts { out += try ctx.update(p) }
                    return out + (try ctx.finalize())
                }
                // One buffer: each update reads its piece from it and writes its output back into
                // it at the output position (never ahead of the input position).
                var buffer = data + [UInt8](repeating: 0, count: 32)
                var readAt = 0
                var writeAt = 0
                try buffer.withUnsafeMutableBytes { b in
                    for p in parts {
                        writeAt += try ctx.update(
                            UnsafeRawBufferPointer(rebasing: b[readAt..<(readAt + p.count)]),
                            into: b.baseAddress! + writeAt)
                        readAt += p.count
                    }
                }
                return Array(buffer[..<writeAt]) + (try ctx.finalize())
            }
        }

        // DES3-WRAP draws a random IV per wrap, so no two encryptions (variants included) can be
        // compared byte for byte; its round trips run in the differential target and interop.
        if randomizedWrap.contains(c.info.name.uppercased()) { return f.verdict }
        let keyOK = key.count == c.keyLength || c.variableKeyLengths?.contains(key.count) == true
        let ivOK = iv.count == c.ivLength || (c.ivOptional && iv.isEmpty)
        let sealed = APIVariants.compare(variant, &f, "encryption in one call") {
            run(message, encrypting: true, pieces: [], inPlace: false)
        }
        f.expectNoForeign(sealed, "encryption")
        if !keyOK || !ivOK {
            f.expectError(sealed, "a wrong key or IV length")
            return f.verdict
        }
        let streamed = APIVariants.compare(variant, &f, "streaming") {
            run(message, encrypting: true, pieces: pieces, inPlace: inPlace)
        }
        // DES3-WRAP draws a random IV for every wrap (RFC 3217, as OpenSSL does), so two
        // encryptions agree only in length; the round trip below still checks the contents.
        if randomizedWrap.contains(c.info.name.uppercased()) {
            if sealed.bytes?.count != streamed.bytes?.count || sealed.isError != streamed.isError {
                f.fail("randomized wrap in pieces \(pieces): \(sealed) vs \(streamed)")
            }
        } else {
            f.expectEqual(sealed, streamed, "encryption in pieces \(pieces), in place \(inPlace)")
        }
        if let out = sealed.bytes {
            let block = c.blockSize
            let padded = parameters.padding && block > 1 && (c.mode == .ecb || c.mode == .cbc)
            if padded && out.count != (message.count / block + 1) * block {
                f.fail("padded output of \(out.count) bytes for \(message.count)")
            } else if !padded && !oneShotMode && out.count != message.count {
                f.fail("output of \(out.count) bytes for \(message.count)")
            }
            let opened = APIVariants.compare(variant, &f, "decryption") {
                run(out, encrypting: false, pieces: pieces, inPlace: !inPlace)
            }
            f.expectEqual(opened, .bytes(message), "decrypt(encrypt(x)) in pieces \(pieces), in place \(!inPlace)")
        }
        // The raw input as a ciphertext: any answer or a CryptoError, the same however it is fed.
        let decrypted = APIVariants.compare(variant, &f, "decryption of the input") {
            run(message, encrypting: false, pieces: [], inPlace: false)
        }
        f.expectNoForeign(decrypted, "decryption of the input")
        let decryptedStreaming = APIVariants.compare(variant, &f, "streaming decryption of the input") {
            run(message, encrypting: false, pieces: pieces, inPlace: inPlace)
        }
        f.expectEqual(decrypted, decryptedStreaming, "decryption of the input in pieces \(pieces)")
        // Bit lengths: CFB1 takes 0...8·count bits; any other mode throws.
        let bits = Array(message.prefix(64))
        let bitOutcome = APIVariants.compare(variant, &f, "bit-length update") {
            APIOutcome.of {
                try c.makeContext(key: key, iv: iv, encrypting: true, parameters: parameters)
                    .updateBits(bits, bitCount: bitCount)
            }
        }
        if c.mode != .cfb1 || bitCount < 0 || bitCount > 8 * bits.count {
            if case .bytes = bitOutcome { f.fail("\(bitCount) bits of \(bits.count) bytes gave \(bitOutcome)") }
        }
        f.expectNoForeign(bitOutcome, "bit-length update")
        // AES's single-block API: a wrong block length throws.
        if c.info.name.hasPrefix("AES-"), let aes = try? AES(key: key) {
            let one = Array(message.prefix(24))
            let e = APIOutcome.of { try aes.encrypt(one) }
            let d = APIOutcome.of { try aes.decrypt(one) }
            if one.count == 16 {
                if e.bytes?.count != 16 || d.bytes?.count != 16 { f.fail("one-block API gave \(e), \(d)") }
                if let x = e.bytes, (try? aes.decrypt(x)) != one { f.fail("one-block round trip") }
            } else {
                f.expectError(e, "AES.encrypt of \(one.count) bytes")
                f.expectError(d, "AES.decrypt of \(one.count) bytes")
            }
        }
        return f.verdict
    }
}
