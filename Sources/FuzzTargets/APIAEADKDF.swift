import LibCrypto

// api-aead-kdf: the AEADs with fuzzer-chosen key, nonce and tag lengths, CCM's announced
// message length, AAD and data split points and tampering; and every KDF of the registry
// (plus EVP_BytesToKey) with fuzzer-chosen digests, lengths, iteration counts and scrypt costs
// (kept small so that no execution is slow).

enum APIAEADKDF {
    static func run(_ buffer: UnsafeRawBufferPointer) -> FuzzTarget.Verdict {
        var input = FuzzInput(buffer)
        let kdf = input.int(in: 0...2) == 0
        let variant = input.pick(APIVariants.names)
        return kdf ? derive(&input, variant) : aead(&input, variant)
    }

    static func aead(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let a = input.pick(APIAlgorithms.aeads)
        let key = input.bytes(fuzzLength(&input, right: a.keyLength))
        let nonce = input.bytes(fuzzLength(&input, right: a.defaultNonceLength, max: 80))
        let tagLength = fuzzLength(&input, right: a.defaultTagLength, max: 20)
        let announced = input.int(in: 0...7) == 0 ? input.int(in: -2...70000) : nil
        let aad = input.bytes(input.int(in: 0...300))
        let aadPieces = input.pieces()
        let pieces = input.pieces()
        let flipBit = input.int(in: 0...127)
        let message = input.rest(limit: APITargets.maxMessage)
        let ccm = a.info.mode == .ccm
        // SIV: every AAD piece is one S2V component and the message is one update, so it is
        // neither streamed nor opened in pieces; GCM-SIV also takes the message in one update.
        let siv = a.info.mode == .siv || a.info.mode == .gcmSIV
        var f = Findings(
            "\(a.info.name) [\(variant)] key \(key.count), nonce \(nonce.count), tag \(tagLength), "
                + "announced length \(announced.map(String.init) ?? "-"), AAD \(aad.count), \(message.count) bytes")

        func seal(_ aadParts: [[UInt8]], _ parts: [[UInt8]]) -> APIOutcome {
            APIOutcome.of {
                let p = AEADParameters(
                    nonce: nonce, tagLength: tagLength, messageLength: ccm ? announced ?? message.count : announced)
                let ctx = try a.makeContext(key: key, parameters: p, encrypting: true)
                for x in aadParts { try ctx.updateAAD(x) }
                var out: [UInt8] = []
                for x in parts { out += try ctx.update(x) }
                let (rest, tag) = try ctx.finalizeEncryption()
                return out + rest + tag
            }
        }
        func open(_ sealed: [UInt8], tag: [UInt8], _ aadParts: [[UInt8]], _ parts: [Int]) -> APIOutcome {
            APIOutcome.of {
                let p = AEADParameters(nonce: nonce, tagLength: tagLength, messageLength: ccm ? sealed.count : nil)
                let ctx = try a.makeContext(key: key, parameters: p, encrypting: false)
                for x in aadParts { try ctx.updateAAD(x) }
                var out: [UInt8] = []
                for x in siv ? [sealed] : FuzzInput.split(sealed, parts) { out += try ctx.update(x) }
                return out + (try ctx.finalizeDecryption(tag: tag))
            }
        }

        let oneShot = APIVariants.compare(variant, &f, "seal in one call") { seal([aad], [message]) }
        f.expectNoForeign(oneShot, "seal")
        if key.count != a.keyLength { f.expectError(oneShot, "a wrong key length") }
        if ccm, let n = announced, n != message.count { f.expectError(oneShot, "CCM with a wrong announced length") }
        if !siv {
            let streamed = APIVariants.compare(variant, &f, "seal in pieces") {
                seal(FuzzInput.split(aad, aadPieces), FuzzInput.split(message, pieces))
            }
            f.expectEqual(oneShot, streamed, "seal with AAD in pieces \(aadPieces), data in pieces \(pieces)")
        }
        guard let out = oneShot.bytes else { return f.verdict }
        guard out.count == message.count + tagLength else {
            f.fail("sealed \(out.count) bytes, \(message.count) + tag \(tagLength) expected")
            return f.verdict
        }
        let sealed = Array(out[..<message.count])
        let tag = Array(out[message.count...])
        let opened = APIVariants.compare(variant, &f, "open") { open(sealed, tag: tag, [aad], pieces) }
        f.expectEqual(opened, .bytes(message), "open(seal(x)) with data in pieces \(pieces)")
        // Tampering: one flipped bit of the tag, AAD or ciphertext; a shortened or longer tag.
        var badTag = tag
        if !badTag.isEmpty { badTag[(flipBit / 8) % badTag.count] ^= 1 << (flipBit % 8) }
        var badAAD = aad
        if !badAAD.isEmpty { badAAD[(flipBit / 8) % badAAD.count] ^= 1 << (flipBit % 8) }
        var badText = sealed
        if !badText.isEmpty { badText[(flipBit / 8) % badText.count] ^= 1 << (flipBit % 8) }
        let tampered: [(String, [UInt8], [UInt8], [UInt8])] = [
            ("a flipped tag bit", sealed, badTag, aad), ("a flipped AAD bit", sealed, tag, badAAD),
            ("a flipped ciphertext bit", badText, tag, aad), ("a shortened tag", sealed, Array(tag.dropLast()), aad),
            ("a longer tag", sealed, tag + [0], aad),
        ]
        for (what, text, t, ad) in tampered {
            if text == sealed && t == tag && ad == aad { continue }  // nothing to flip
            // A changed AAD or ciphertext under a tag of under 4 bytes matches by chance (1 in
            // 2^(8·tag)); libFuzzer met one with OCB's 1-byte tag. A changed tag never matches.
            if t == tag && tagLength < 4 { continue }
            let o = APIVariants.compare(variant, &f, "open with \(what)") { open(text, tag: t, [ad], pieces) }
            f.expectError(o, "open with \(what)")
        }
        return f.verdict
    }

    /// Scrypt's N choices: powers of two and some that are not.
    static let scryptN = [0, 1, 2, 3, 4, 8, 16, 32, 64, 100, 128]

    static func derive(_ input: inout FuzzInput, _ variant: String) -> FuzzTarget.Verdict {
        let which = input.int(in: 0...6)
        let d = input.pick(APIAlgorithms.digests)
        let length: Int
        switch input.int(in: 0...7) {
        case 0: length = input.pick([0, -1, Int.min, Int.max, 1 << 40, Int(UInt32.max) * 64 + 1])
        default: length = input.int(in: 1...300)
        }
        let iterations = input.int(in: 0...12)
        let secret = input.bytes(input.int(in: 0...100))
        let salt = input.bytes(input.pick([8, 16, input.int(in: 0...100)]))
        let info = input.bytes(input.int(in: 0...100))
        let scrypt = (n: input.pick(scryptN), r: input.int(in: 0...4), p: input.int(in: 0...3))
        let pkcs12ID = UInt8(input.int(in: 0...4))
        let hkdfMode = input.pick(HKDF.Mode.allCases)
        let evp = (key: input.int(in: -1...100), iv: input.int(in: -1...32), salt: input.bool())
        let names = [
            "PBKDF1", "PBKDF2", "HKDF-\(hkdfMode.rawValue)", "SCRYPT", "PKCS12KDF", "X963KDF", "EVPBytesToKey",
        ]
        var f = Findings(
            "\(names[which]) over \(d.info.name) [\(variant)] length \(length), iterations \(iterations), "
                + "secret \(secret.count), salt \(salt.count), info \(info.count)"
                + (which == 3 ? ", N \(scrypt.n) r \(scrypt.r) p \(scrypt.p)" : ""))

        func go<H: HashFunction>(_ h: H.Type) throws -> [UInt8] {
            switch which {
            case 0: return try PBKDF1.derive(h, password: secret, salt: salt, iterations: iterations, length: length)
            case 1: return try PBKDF2.derive(h, password: secret, salt: salt, iterations: iterations, length: length)
            case 2: return try HKDF.derive(h, mode: hkdfMode, key: secret, salt: salt, info: info, length: length)
            case 3:
                #if SCRYPT
                return try Scrypt.derive(
                    password: secret, salt: salt, n: scrypt.n, r: scrypt.r, p: scrypt.p, length: length)
                #else
                throw CryptoError.unknownAlgorithm("SCRYPT")
                #endif
            case 4:
                return try PKCS12KDF.derive(
                    h, password: secret, salt: salt, id: pkcs12ID, iterations: iterations, length: length)
            case 5: return try X963KDF.derive(h, sharedSecret: secret, sharedInfo: info, length: length)
            default:
                let (k, v) = try EVPBytesToKey.derive(
                    h, password: secret, salt: evp.salt ? salt : nil, count: iterations, keyLength: evp.key,
                    ivLength: evp.iv)
                return k + v
            }
        }
        let first = APIVariants.compare(variant, &f, "derive") { APIOutcome.of { try go(d.hashType) } }
        f.expectNoForeign(first, "derive")
        let again = APIVariants.compare(variant, &f, "derive again") { APIOutcome.of { try go(d.hashType) } }
        f.expectEqual(first, again, "the same derivation twice")
        if which != 6 {
            if length <= 0 || length >= 1 << 40 { f.expectError(first, "output length \(length)") }
            if let out = first.bytes, out.count != length { f.fail("\(out.count) bytes for \(length)") }
        } else if let out = first.bytes, out.count != evp.key + evp.iv {
            f.fail("\(out.count) bytes for key \(evp.key) + IV \(evp.iv)")
        }
        return f.verdict
    }
}
