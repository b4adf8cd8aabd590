import Conformance
import LibCrypto
import Vectors

#if canImport(Glibc)
import Glibc
#endif

// Differential fuzzing, as cryptofuzz does it: one input decodes to an operation (algorithm,
// key, IV, AAD, message, chunking, in place or not, LibCrypto's hardware variant), which runs on
// LibCrypto and on the OpenSSL reference (the dlopen'd system libcrypto.so.3, through the
// conformance adapter). Outputs are compared step by step (encrypt, decrypt, decrypt with a
// flipped tag bit); a difference, or one side failing where the other succeeds, is a finding
// whose message carries a replayable evp_test stanza with OpenSSL's answer as the expected value.
// Both sides refusing an input is agreement. Algorithms the reference lacks are skipped.

enum DifferentialTargets {
    static var all: [FuzzTarget] {
        [
            FuzzTarget(
                name: "differential-openssl", kind: .differential,
                summary: "one operation (digest, MAC, cipher, AEAD, KDF) on LibCrypto and on OpenSSL, compared",
                run: { DifferentialOpenSSL.run($0) })
        ]
    }
}

/// The reference, loaded once per process; nil (with the reason printed once) when OpenSSL
/// cannot be loaded, in which case every input passes.
enum DifferentialReference {
    nonisolated(unsafe) static let openssl: OpenSSLImplementation? = {
        do { return try OpenSSLReference.load() } catch {
            let line = "differential-openssl: no reference (\(error)); every input passes unchecked\n"
            var bytes = Array(line.utf8)
            _ = write(2, &bytes, bytes.count)
            return nil
        }
    }()
    nonisolated(unsafe) static let libcrypto = LibCryptoImplementation()
}

enum DifferentialOpenSSL {
    enum Kind { case digest, hmac, cmac, gmac, poly1305, cipher, aead, kdf }

    struct Target {
        var name: String
        var kind: Kind
        /// What the reference must have (the digest under HMAC, the cipher under CMAC).
        var needs: [(String, AlgorithmFamily)]
    }

    /// Every operation the subject offers, sorted by name so an index is stable.
    static let targets: [Target] = {
        var out: [Target] = []
        for d in Registry.digests {
            out.append(Target(name: d.info.name, kind: .digest, needs: [(d.info.name, .digest)]))
            if !d.isXOF {
                out.append(
                    Target(name: "HMAC-" + d.info.name, kind: .hmac, needs: [("HMAC", .mac), (d.info.name, .digest)]))
            }
        }
        // CMAC and POLY1305 only where this build has them (no-cmac, no-poly1305 leave them out).
        let has = { (mac: String) in Registry.macs.contains { $0.name == mac } }
        for c in Registry.ciphers {
            out.append(Target(name: c.info.name, kind: .cipher, needs: [(c.info.name, .cipher)]))
            if c.mode == .cbc && has("CMAC") {
                out.append(
                    Target(name: "CMAC-" + c.info.name, kind: .cmac, needs: [("CMAC", .mac), (c.info.name, .cipher)]))
            }
        }
        for a in Registry.aeads {
            out.append(Target(name: a.info.name, kind: .aead, needs: [(a.info.name, .cipher)]))
            if a.info.mode == .gcm {
                out.append(
                    Target(name: "GMAC-" + a.info.name, kind: .gmac, needs: [("GMAC", .mac), (a.info.name, .cipher)]))
            }
        }
        if has("POLY1305") { out.append(Target(name: "POLY1305", kind: .poly1305, needs: [("POLY1305", .mac)])) }
        for k in Registry.kdfs { out.append(Target(name: k.name, kind: .kdf, needs: [(k.name, .kdf)])) }
        return out.sorted { $0.name < $1.name }
    }()

    /// One decoded operation: the vector, how each side feeds it, and LibCrypto's variant.
    struct Case {
        var vector: Operation
        var algorithm: String
        var piecesA: [Int] = []
        var piecesB: [Int] = []
        var flipTag = false
        var inPlaceA = false
        var variant = "hardware"
    }

    /// Largest message, plaintext or AAD an input feeds.
    static let maxLength = 4096

    static func run(_ buffer: UnsafeRawBufferPointer) -> FuzzTarget.Verdict {
        guard let reference = DifferentialReference.openssl else { return .ok }
        var input = FuzzInput(buffer)
        let t = input.pick(targets)
        for (name, family) in t.needs {
            if case .absent = reference.availability(of: name, family: family) { return .ok }
        }
        guard let c = decode(t, &input) else { return .ok }
        return compare(c, reference)
    }

    static func decode(_ t: Target, _ input: inout FuzzInput) -> Case? {
        var c: Case
        let variant = input.pick(APIVariants.names.filter { $0 != "no-such-variant" })
        let piecesA = input.pieces()
        let piecesB = input.pieces()
        switch t.kind {
        case .digest:
            guard let d = try? Registry.digest(named: t.name) else { return nil }
            let outLen = d.isXOF ? input.int(in: 0...300) : nil
            let msg = input.rest(limit: maxLength)
            c = Case(vector: .digest(message: Message(msg), outputLength: outLen), algorithm: t.name)
            c.piecesA = piecesA
            c.piecesB = piecesB
        case .hmac:
            let digest = String(t.name.dropFirst(5))
            guard let d = try? Registry.digest(named: digest) else { return nil }
            let key = input.bytes(input.int(in: 0...(d.blockSize + 40)))
            let msg = input.rest(limit: maxLength)
            c = Case(
                vector: .mac(MACInput(mac: "HMAC", underlying: digest, key: key, message: Message(msg))),
                algorithm: t.name)
        case .cmac:
            let cipher = String(t.name.dropFirst(5))
            guard let ci = try? Registry.cipher(named: cipher) else { return nil }
            let key = input.bytes(ci.keyLength)
            let msg = input.rest(limit: maxLength)
            c = Case(
                vector: .mac(MACInput(mac: "CMAC", underlying: cipher, key: key, message: Message(msg))),
                algorithm: t.name)
        case .gmac:
            let cipher = String(t.name.dropFirst(5))
            guard let a = try? Registry.aead(named: cipher) else { return nil }
            let key = input.bytes(a.keyLength)
            let iv = input.bytes(input.int(in: 0...3) == 0 ? input.int(in: 1...64) : 12)
            var m = MACInput(mac: "GMAC", underlying: cipher, key: key, message: Message(input.rest(limit: maxLength)))
            m.iv = iv
            c = Case(vector: .mac(m), algorithm: t.name)
        case .poly1305:
            let key = input.bytes(32)
            let m = MACInput(mac: "POLY1305", underlying: nil, key: key, message: Message(input.rest(limit: maxLength)))
            c = Case(vector: .mac(m), algorithm: t.name)
        case .cipher:
            guard let ci = try? Registry.cipher(named: t.name) else { return nil }
            var key = input.bytes(ci.keyLength)
            if ci.mode == .xts && key[0] == key[ci.keyLength / 2] {
                key[0] ^= 1  // both libraries refuse equal key halves
            }
            let iv = input.bytes(ci.ivLength)
            var padding = false
            let inPlace = input.bool()
            let bitMode = ci.mode == .cfb1 && input.int(in: 0...3) == 0
            let bitFraction = input.int(in: 0...255)
            if ci.mode == .ecb || ci.mode == .cbc { padding = input.bool() }
            var plain = input.rest(limit: maxLength)
            switch ci.mode {
            case .ecb, .cbc: if !padding { plain = Array(plain.prefix(plain.count / ci.blockSize * ci.blockSize)) }
            case .xts: if plain.count < 16 { plain += [UInt8](repeating: 0, count: 16 - plain.count) }
            case .wrap:
                if ci.info.name.contains("PAD") {
                    if plain.isEmpty { plain = [0] }
                } else {
                    plain = Array(plain.prefix(plain.count / 8 * 8))
                    if plain.count < 16 { plain += [UInt8](repeating: 0, count: 16 - plain.count) }
                }
            default: break
            }
            var ci2 = CipherInput(
                cipher: t.name, key: key, iv: iv, plaintext: plain, ciphertext: [], direction: .encrypt,
                padding: padding)
            if bitMode { ci2.bitLength = plain.count * 8 * bitFraction / 255 }
            c = Case(vector: .cipher(ci2), algorithm: t.name)
            c.piecesA = piecesA
            c.piecesB = piecesB
            c.inPlaceA = !bitMode && inPlace
        case .aead:
            guard let a = try? Registry.aead(named: t.name) else { return nil }
            var nonceLength = a.defaultNonceLength
            var tagLength = a.defaultTagLength
            switch a.info.mode {
            case .gcm?:
                nonceLength = input.int(in: 0...3) == 0 ? input.int(in: 1...64) : 12
                tagLength = input.int(in: 12...16)
            case .ccm?:
                nonceLength = input.int(in: 7...13)
                tagLength = 2 * input.int(in: 2...8)
            case .ocb?:
                nonceLength = input.int(in: 1...15)
                tagLength = input.int(in: 1...16)
            default: break
            }
            let key = input.bytes(a.keyLength)
            let nonce = input.bytes(nonceLength)
            let aad = input.bytes(input.int(in: 0...300))
            let hasAAD = input.int(in: 0...4) != 0
            var ci = CipherInput(
                cipher: t.name, key: key, iv: nonce, plaintext: input.rest(limit: maxLength), ciphertext: [],
                direction: .encrypt)
            ci.aad = hasAAD ? [aad] : []
            ci.tagLength = tagLength
            c = Case(vector: .cipher(ci), algorithm: t.name)
            if a.info.mode != .ccm {
                c.piecesA = piecesA
                c.piecesB = piecesB
            }
            c.flipTag = true
        case .kdf:
            guard let k = decodeKDF(t.name, &input) else { return nil }
            c = Case(vector: .kdf(k), algorithm: t.name)
        }
        c.variant = variant
        return c
    }

    /// The digests KDF inputs pick from; those of this build only (no-sm3 leaves SM3 out).
    static let kdfDigests = ["SHA1", "SHA256", "SHA512", "SHA3-256", "MD5", "SHA224", "SHA384", "SM3"].filter {
        (try? Registry.digest(named: $0)) != nil
    }

    static func decodeKDF(_ name: String, _ input: inout FuzzInput) -> KDFInput? {
        var length = input.int(in: 1...100)
        var params: [KDFParameter] = []
        func bytes(_ max: Int, min: Int = 0) -> [UInt8] { input.bytes(input.int(in: min...max)) }
        switch name {
        case "PBKDF2":
            params = [
                KDFParameter("digest", .text(input.pick(kdfDigests))), KDFParameter("pass", .bytes(bytes(40))),
                KDFParameter("salt", .bytes(bytes(40))), KDFParameter("iter", .text(String(input.int(in: 1...64)))),
            ]
        case "PBKDF1":
            let d = input.pick(["SHA1", "MD5"])
            params = [
                KDFParameter("digest", .text(d)), KDFParameter("pass", .bytes(bytes(40))),
                KDFParameter("salt", .bytes(input.bytes(8))),
                KDFParameter("iter", .text(String(input.int(in: 1...64)))),
            ]
            length = input.int(in: 1...(d == "MD5" ? 16 : 20))
        case "HKDF":
            params = [
                KDFParameter("digest", .text(input.pick(kdfDigests))), KDFParameter("key", .bytes(bytes(80, min: 1))),
                KDFParameter("salt", .bytes(bytes(80))), KDFParameter("info", .bytes(bytes(80))),
            ]
        case "SCRYPT":
            params = [
                KDFParameter("pass", .bytes(bytes(40))), KDFParameter("salt", .bytes(bytes(40))),
                KDFParameter("n", .text(String(1 << input.int(in: 1...6)))),
                KDFParameter("r", .text(String(input.int(in: 1...4)))),
                KDFParameter("p", .text(String(input.int(in: 1...3)))),
            ]
        case "PKCS12KDF":
            params = [
                KDFParameter("digest", .text(input.pick(["SHA1", "SHA256", "SHA512", "MD5"]))),
                // A salt of at least one byte: with an empty password and salt OpenSSL's
                // pkcs12kdf_derive mallocs 0 bytes, gets NULL and fails (LibCrypto derives).
                KDFParameter("pass", .bytes(bytes(40))), KDFParameter("salt", .bytes(bytes(16, min: 1))),
                KDFParameter("iter", .text(String(input.int(in: 1...32)))),
                KDFParameter("id", .text(String(input.int(in: 1...3)))),
            ]
        case "X963KDF":
            params = [
                KDFParameter("digest", .text(input.pick(kdfDigests))), KDFParameter("key", .bytes(bytes(64, min: 1))),
                KDFParameter("info", .bytes(bytes(64))),
            ]
        default:
            return nil
        }
        return KDFInput(kdf: name, parameters: params, outputLength: length)
    }
}
