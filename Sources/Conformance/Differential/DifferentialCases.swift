import LibCrypto
import Vectors

// Case building: the targets the subject offers, and one random case for a target.

/// One generated case: a vector without an expected value, plus how each side feeds it.
public struct DifferentialCase {
    public var vector: Vector
    public var piecesA: [Int]
    public var piecesB: [Int]
    /// AEAD: also decrypt with one tag bit flipped (both must reject).
    public var flipTag: Bool
    /// Plain ciphers: the subject works in place (one buffer for input and output).
    public var inPlaceA = false
}

extension DifferentialEngine {
    enum Kind { case digest, hmac, cmac, gmac, poly1305, keyedMAC, cipher, aead, kdf, drbg, base64 }

    struct Target {
        var name: String
        var kind: Kind
        var family: AlgorithmFamily
        /// What the reference must have (the digest under HMAC, the cipher under CMAC).
        var needs: [(String, AlgorithmFamily)]
    }

    /// Everything the subject has, as targets.
    func targets() -> [Target] {
        var out: [Target] = []
        for d in Registry.digests {
            out.append(Target(name: d.info.name, kind: .digest, family: d.info.family, needs: [(d.info.name, .digest)]))
            if !d.isXOF {
                out.append(
                    Target(
                        name: "HMAC-" + d.info.name, kind: .hmac, family: .mac,
                        needs: [("HMAC", .mac), (d.info.name, .digest)]))
            }
        }
        // CMAC and POLY1305 only where this build has them (no-cmac, no-poly1305 leave them out).
        let has = { (mac: String) in Registry.macs.contains { $0.name == mac } }
        for c in Registry.ciphers {
            out.append(Target(name: c.info.name, kind: .cipher, family: .cipher, needs: [(c.info.name, .cipher)]))
            if c.mode == .cbc && has("CMAC") {
                out.append(
                    Target(
                        name: "CMAC-" + c.info.name, kind: .cmac, family: .mac,
                        needs: [("CMAC", .mac), (c.info.name, .cipher)]))
            }
        }
        for a in Registry.aeads {
            out.append(Target(name: a.info.name, kind: .aead, family: .cipher, needs: [(a.info.name, .cipher)]))
            if a.info.mode == .gcm {
                out.append(
                    Target(
                        name: "GMAC-" + a.info.name, kind: .gmac, family: .mac,
                        needs: [("GMAC", .mac), (a.info.name, .cipher)]))
            }
        }
        if has("POLY1305") {
            out.append(Target(name: "POLY1305", kind: .poly1305, family: .mac, needs: [("POLY1305", .mac)]))
        }
        for m in Registry.parameterizedMACs {
            out.append(Target(name: m.info.name, kind: .keyedMAC, family: .mac, needs: [(m.info.name, .mac)]))
        }
        for k in Registry.kdfs {
            out.append(Target(name: k.name, kind: .kdf, family: .kdf, needs: [(k.name, .kdf)]))
        }
        out += drbgTargets()
        // Base64 has no algorithm family (the field only labels; the name selects the cases).
        out.append(Target(name: "BASE64", kind: .base64, family: .kdf, needs: []))
        if onlyHardwareTargets {
            out = out.filter { t in ([t.name] + t.needs.map(\.0)).contains { Variants.usesHardware($0) } }
        }
        guard let f = filter else { return out }
        return out.filter { $0.name.lowercased().contains(f) }
    }

    func makeCase(_ t: Target, _ rng: inout SeededRandom) -> DifferentialCase? {
        let prov = Provenance(file: t.name, line: 0, corpus: corpus)
        func vector(_ op: Operation) -> Vector {
            Vector(id: t.name, provenance: prov, algorithm: t.name, operation: op, expected: .output([]))
        }
        switch t.kind {
        case .digest:
            guard let d = try? Registry.digest(named: t.name) else { return nil }
            let msg = rng.bytes(rng.length(max: maxLength, blockSize: d.blockSize))
            let outLen = d.isXOF ? rng.below(300) : nil
            return DifferentialCase(
                vector: vector(.digest(message: Message(msg), outputLength: outLen)),
                piecesA: rng.pieces(), piecesB: rng.pieces(), flipTag: false)
        case .hmac:
            let digest = String(t.name.dropFirst(5))
            guard let d = try? Registry.digest(named: digest) else { return nil }
            let key = rng.bytes(rng.chance(20) ? d.blockSize + rng.below(40) : rng.below(d.blockSize + 1))
            let msg = rng.bytes(rng.length(max: maxLength, blockSize: d.blockSize))
            return DifferentialCase(
                vector: vector(.mac(MACInput(mac: "HMAC", underlying: digest, key: key, message: Message(msg)))),
                piecesA: [], piecesB: [], flipTag: false)
        case .cmac:
            let cipher = String(t.name.dropFirst(5))
            guard let c = try? Registry.cipher(named: cipher) else { return nil }
            let msg = rng.bytes(rng.length(max: maxLength, blockSize: 16))
            return DifferentialCase(
                vector: vector(
                    .mac(MACInput(mac: "CMAC", underlying: cipher, key: rng.bytes(c.keyLength), message: Message(msg)))),
                piecesA: [], piecesB: [], flipTag: false)
        case .gmac:
            let cipher = String(t.name.dropFirst(5))
            guard let a = try? Registry.aead(named: cipher) else { return nil }
            var input = MACInput(
                mac: "GMAC", underlying: cipher, key: rng.bytes(a.keyLength),
                message: Message(rng.bytes(rng.length(max: maxLength, blockSize: 16))))
            input.iv = rng.bytes(rng.chance(80) ? 12 : 1 + rng.below(64))
            return DifferentialCase(vector: vector(.mac(input)), piecesA: [], piecesB: [], flipTag: false)
        case .poly1305:
            let input = MACInput(
                mac: "POLY1305", underlying: nil, key: rng.bytes(32),
                message: Message(rng.bytes(rng.length(max: maxLength, blockSize: 16))))
            return DifferentialCase(vector: vector(.mac(input)), piecesA: [], piecesB: [], flipTag: false)
        case .keyedMAC:
            guard let input = keyedMACInput(t.name, &rng) else { return nil }
            return DifferentialCase(vector: vector(.mac(input)), piecesA: [], piecesB: [], flipTag: false)
        case .cipher:
            guard let c = try? Registry.cipher(named: t.name) else { return nil }
            var key = rng.bytes(c.keyLength)
            if c.mode == .xts { key[0] ^= key[c.keyLength / 2] == key[0] ? 1 : 0 }
            let iv = rng.bytes(c.ivLength)
            var len = rng.length(max: maxLength, blockSize: max(c.blockSize, 8))
            var padding = false
            switch c.mode {
            case .ecb, .cbc:
                padding = rng.chance(50)
                if !padding { len = len / c.blockSize * c.blockSize }
            case .xts, .cbcCTS: len = max(16, len)
            case .wrap: len = c.info.name.contains("PAD") ? max(1, len) : max(16, len / 8 * 8)
            default: break
            }
            var input = CipherInput(
                cipher: t.name, key: key, iv: iv, plaintext: rng.bytes(len), ciphertext: [], direction: .encrypt,
                padding: padding)
            if c.mode == .cfb1 && rng.chance(30) { input.bitLength = rng.below(len * 8 + 1) }
            if c.mode == .stitched {
                // Mostly TLS records (header, MAC key, version); otherwise plain CBC of whole blocks or RC4.
                let rc4 = t.name.uppercased().hasPrefix("RC4")
                let macSize = t.name.hasSuffix("SHA1") ? 20 : t.name.hasSuffix("SHA256") ? 32 : 16
                input.padding = false
                input.macKey = rng.chance(90) ? rng.bytes(rng.below(100)) : nil
                if rng.chance(80) {
                    let version = [0x0300, 0x0301, 0x0302, 0x0303][rng.below(4)]
                    var plen = rng.below(min(maxLength, 2000) + 1)
                    if !rc4 && version >= 0x0302 { plen = max(plen, 16) }
                    input.plaintext = rng.bytes(rc4 ? plen + 16 : (plen + macSize + 16) & ~15)
                    let fields = [UInt8(version >> 8), UInt8(version & 0xff), UInt8(plen >> 8), UInt8(plen & 0xff)]
                    input.tlsAAD = rng.bytes(8) + [0x17] + fields
                    input.tlsVersion = rng.chance(80) ? version : nil
                } else if !rc4 {
                    input.plaintext = Array(input.plaintext.prefix(len / 16 * 16))
                }
            }
            if c.mode == .cbcCTS { input.ctsMode = [nil, "CS1", "CS2", "CS3"][rng.below(4)] }
            var dc = DifferentialCase(
                vector: vector(.cipher(input)), piecesA: rng.pieces(), piecesB: rng.pieces(), flipTag: false)
            dc.inPlaceA = input.bitLength == nil && c.mode != .stitched && rng.chance(50)
            return dc
        case .aead:
            guard let a = try? Registry.aead(named: t.name) else { return nil }
            var nonceLength = a.defaultNonceLength
            var tagLength = a.defaultTagLength
            if t.name.hasSuffix("-GCM") {
                nonceLength = rng.chance(70) ? 12 : 1 + rng.below(64)
                tagLength = 12 + rng.below(5)
            }
            if t.name.hasSuffix("-CCM") {
                nonceLength = 7 + rng.below(7)
                tagLength = 4 + 2 * rng.below(7)
            }
            if t.name.hasSuffix("-OCB") {
                nonceLength = 1 + rng.below(15)
                tagLength = 1 + rng.below(16)
            }
            var input = CipherInput(
                cipher: t.name, key: rng.bytes(a.keyLength), iv: rng.bytes(nonceLength),
                plaintext: rng.bytes(rng.length(max: maxLength, blockSize: 16)), ciphertext: [], direction: .encrypt)
            input.aad = rng.chance(20) ? [] : [rng.bytes(rng.length(max: maxLength, blockSize: 16))]
            input.tagLength = tagLength
            if t.name.hasSuffix("-SIV") && !t.name.hasSuffix("-GCM-SIV") {
                // Several S2V components, empty ones included; OpenSSL 3.0 refuses an empty message.
                input.aad = (0..<rng.below(4)).map { _ in
                    rng.bytes(rng.chance(20) ? 0 : rng.length(max: 64, blockSize: 16))
                }
                if input.plaintext.isEmpty && rng.chance(90) { input.plaintext = rng.bytes(1 + rng.below(40)) }
            }
            // CCM, SIV and GCM-SIV (also "-SIV") take the whole message in one update.
            let whole = t.name.hasSuffix("-CCM") || t.name.hasSuffix("-SIV")
            return DifferentialCase(
                vector: vector(.cipher(input)), piecesA: whole ? [] : rng.pieces(), piecesB: whole ? [] : rng.pieces(),
                flipTag: true)
        case .drbg:
            guard let r = drbgInput(t.name, &rng) else { return nil }
            return DifferentialCase(vector: vector(.rand(r)), piecesA: [], piecesB: [], flipTag: false)
        case .base64:
            let input = base64Input(&rng)
            return DifferentialCase(vector: vector(.encoding(input)), piecesA: [], piecesB: [], flipTag: false)
        case .kdf:
            var params: [KDFParameter] = []
            let digests = ["SHA1", "SHA256", "SHA512", "SHA3-256", "MD5"]
            var length = 1 + rng.below(100)
            switch t.name {
            case "PBKDF2":
                params = [
                    KDFParameter("digest", .text(digests[rng.below(digests.count)])),
                    KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                    KDFParameter("salt", .bytes(rng.bytes(rng.below(40)))),
                    KDFParameter("iter", .text(String(1 + rng.below(200)))),
                ]
            case "PBKDF1":
                let d = ["SHA1", "MD5"][rng.below(2)]
                params = [
                    KDFParameter("digest", .text(d)), KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                    KDFParameter("salt", .bytes(rng.bytes(8))), KDFParameter("iter", .text(String(1 + rng.below(100)))),
                ]
                length = 1 + rng.below(d == "MD5" ? 16 : 20)
            case "HKDF":
                params = [
                    KDFParameter("digest", .text(digests[rng.below(digests.count)])),
                    KDFParameter("key", .bytes(rng.bytes(1 + rng.below(80)))),
                    KDFParameter("salt", .bytes(rng.bytes(rng.below(80)))),
                    KDFParameter("info", .bytes(rng.bytes(rng.below(80)))),
                ]
            case "SCRYPT":
                params = [
                    KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                    KDFParameter("salt", .bytes(rng.bytes(rng.below(40)))),
                    KDFParameter("n", .text(String(1 << (1 + rng.below(8))))),
                    KDFParameter("r", .text(String(1 + rng.below(4)))),
                    KDFParameter("p", .text(String(1 + rng.below(3)))),
                ]
            case "PKCS12KDF":
                params = [
                    KDFParameter("digest", .text(["SHA1", "SHA256"][rng.below(2)])),
                    KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                    KDFParameter("salt", .bytes(rng.bytes(8))), KDFParameter("iter", .text(String(1 + rng.below(100)))),
                    KDFParameter("id", .text(String(1 + rng.below(3)))),
                ]
            case "X963KDF":
                params = [
                    KDFParameter("digest", .text(digests[rng.below(4)])),
                    KDFParameter("key", .bytes(rng.bytes(1 + rng.below(64)))),
                    KDFParameter("info", .bytes(rng.bytes(rng.below(64)))),
                ]
            case "TLS1-PRF":
                params = [
                    KDFParameter("digest", .text(["MD5-SHA1", "SHA1", "SHA256", "SHA384", "SHA512"][rng.below(5)])),
                    KDFParameter("secret", .bytes(rng.bytes(rng.below(64)))),
                    KDFParameter("seed", .bytes(rng.bytes(1 + rng.below(100)))),
                ]
                length = 1 + rng.below(200)
            case "TLS13-KDF":
                let (d, size) = [("SHA256", 32), ("SHA384", 48), ("SHA1", 20)][rng.below(3)]
                params = [
                    KDFParameter("digest", .text(d)), KDFParameter("prefix", .bytes(Array("tls13 ".utf8))),
                    KDFParameter("label", .bytes(rng.bytes(rng.below(40)))),
                ]
                if rng.chance(50) {
                    params.append(KDFParameter("mode", .text("EXTRACT_ONLY")))
                    if rng.chance(70) { params.append(KDFParameter("key", .bytes(rng.bytes(rng.below(64))))) }
                    if rng.chance(70) { params.append(KDFParameter("salt", .bytes(rng.bytes(rng.below(64))))) }
                    length = size
                } else {
                    params.append(KDFParameter("mode", .text("EXPAND_ONLY")))
                    params.append(KDFParameter("key", .bytes(rng.bytes(1 + rng.below(64)))))
                    params.append(KDFParameter("data", .bytes(rng.bytes(rng.below(64)))))
                }
            case "SSHKDF":
                params = [
                    KDFParameter("digest", .text(digests[rng.below(4)])),
                    KDFParameter("key", .bytes(rng.bytes(1 + rng.below(64)))),
                    KDFParameter("xcghash", .bytes(rng.bytes(1 + rng.below(64)))),
                    KDFParameter("session_id", .bytes(rng.bytes(1 + rng.below(64)))),
                    KDFParameter("type", .text(String(UnicodeScalar(UInt8(0x41 + rng.below(6)))))),
                ]
                length = 1 + rng.below(200)
            case "SSKDF":
                params = [
                    KDFParameter("digest", .text(digests[rng.below(4)])),
                    KDFParameter("secret", .bytes(rng.bytes(1 + rng.below(64)))),
                    KDFParameter("info", .bytes(rng.bytes(rng.below(64)))),
                ]
                if rng.chance(50) {
                    params.append(KDFParameter("mac", .text("HMAC")))
                    params.append(KDFParameter("salt", .bytes(rng.bytes(rng.below(64)))))
                }
            case "X942KDF-ASN1":
                let cek = ["AES-128-WRAP", "AES-192-WRAP", "AES-256-WRAP", "DES3-WRAP"][rng.below(4)]
                params = [
                    KDFParameter("digest", .text(digests[rng.below(4)])), KDFParameter("cekalg", .text(cek)),
                    KDFParameter("secret", .bytes(rng.bytes(1 + rng.below(64)))),
                ]
                for name in ["partyu-info", "partyv-info", "supp-privinfo"] where rng.chance(40) {
                    params.append(KDFParameter(name, .bytes(rng.bytes(1 + rng.below(40)))))
                }
                if rng.chance(40) {
                    params.append(KDFParameter("use-keybits", .text("0")))
                    if rng.chance(50) {
                        params.append(KDFParameter("supp-pubinfo", .bytes(rng.bytes(1 + rng.below(20)))))
                    }
                }
            case "KBKDF":
                let feedback = rng.chance(50)
                params = [KDFParameter("mode", .text(feedback ? "FEEDBACK" : "COUNTER"))]
                let h: Int
                // KBKDF over CMAC only where this build has CMAC (no-cmac: OpenSSL's refuses it too).
                if rng.chance(50) || !Registry.macs.contains(where: { $0.name == "CMAC" }) {
                    let (d, size) = [("SHA1", 20), ("SHA256", 32), ("SHA512", 64)][rng.below(3)]
                    h = size
                    params += [
                        KDFParameter("mac", .text("HMAC")), KDFParameter("digest", .text(d)),
                        KDFParameter("key", .bytes(rng.bytes(1 + rng.below(64)))),
                    ]
                } else {
                    let (c, keyLength) = [("AES-128-CBC", 16), ("AES-256-CBC", 32)][rng.below(2)]
                    h = 16
                    params += [
                        KDFParameter("mac", .text("CMAC")), KDFParameter("cipher", .text(c)),
                        KDFParameter("key", .bytes(rng.bytes(keyLength))),
                    ]
                }
                params.append(KDFParameter("salt", .bytes(rng.bytes(rng.below(40)))))
                params.append(KDFParameter("info", .bytes(rng.bytes(rng.below(40)))))
                if feedback && rng.chance(70) { params.append(KDFParameter("seed", .bytes(rng.bytes(h)))) }
                if rng.chance(30) { params.append(KDFParameter("use-l", .text("0"))) }
                if rng.chance(30) { params.append(KDFParameter("use-separator", .text("0"))) }
                length = 1 + rng.below(150)
            case "KRB5KDF":
                var choices = [("AES-128-CBC", 16, 16), ("AES-256-CBC", 32, 16)]
                if (try? Registry.cipher(named: "DES-EDE3-CBC")) != nil { choices.append(("DES-EDE3-CBC", 24, 8)) }
                let (c, keyLength, block) = choices[rng.below(choices.count)]
                params = [
                    KDFParameter("cipher", .text(c)), KDFParameter("key", .bytes(rng.bytes(keyLength))),
                    KDFParameter("constant", .bytes(rng.bytes(1 + rng.below(block)))),
                ]
                length = c == "DES-EDE3-CBC" && rng.chance(20) ? 21 : keyLength
            default:
                return nil
            }
            return DifferentialCase(
                vector: vector(.kdf(KDFInput(kdf: t.name, parameters: params, outputLength: length))),
                piecesA: [], piecesB: [], flipTag: false)
        }
    }
}

extension DifferentialEngine {
    /// A random case for a MAC set up by parameters (KMAC, SipHash, keyed BLAKE2): mostly valid
    /// keys and settings around their limits, with a few out of range, which both sides must refuse.
    func keyedMACInput(_ name: String, _ rng: inout SeededRandom) -> MACInput? {
        guard let m = try? Registry.mac(named: name) else { return nil }
        let invalid = rng.chance(5)
        var params: [KDFParameter] = []
        let keyLength: Int
        switch m.info.name {
        case "KMAC128", "KMAC256":
            keyLength = invalid ? rng.below(4) : 4 + (rng.chance(10) ? 508 - rng.below(3) : rng.below(80))
            if rng.chance(70) {
                params.append(KDFParameter("custom", .bytes(rng.bytes(rng.below(rng.chance(5) ? 513 : 60)))))
            }
            if rng.chance(50) { params.append(KDFParameter("size", .text(String(1 + rng.below(100))))) }
            if rng.chance(50) { params.append(KDFParameter("xof", .text(rng.chance(50) ? "1" : "0"))) }
        case "SIPHASH":
            keyLength = invalid ? rng.below(32) : 16
            if rng.chance(60) {
                params.append(KDFParameter("size", .text(["0", "8", "16", "12"][rng.below(rng.chance(5) ? 4 : 3)])))
            }
            if rng.chance(40) { params.append(KDFParameter("c-rounds", .text(String(rng.below(9))))) }
            if rng.chance(40) { params.append(KDFParameter("d-rounds", .text(String(rng.below(9))))) }
        default:
            let big = m.info.name == "BLAKE2BMAC"
            let limit = big ? 64 : 32
            let half = limit / 4
            keyLength = invalid ? (rng.chance(50) ? 0 : limit + 1 + rng.below(8)) : 1 + rng.below(limit)
            if rng.chance(50) {
                params.append(KDFParameter("size", .text(String(1 + rng.below(limit + (rng.chance(5) ? 4 : 0))))))
            }
            if rng.chance(50) { params.append(KDFParameter("salt", .bytes(rng.bytes(rng.below(half + 1))))) }
            if rng.chance(50) { params.append(KDFParameter("custom", .bytes(rng.bytes(rng.below(half + 1))))) }
        }
        var input = MACInput(
            mac: m.info.name, underlying: nil, key: rng.bytes(keyLength),
            message: Message(rng.bytes(rng.length(max: maxLength, blockSize: 64))))
        input.parameters = params
        return input
    }
}
