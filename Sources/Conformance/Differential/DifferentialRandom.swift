import LibCrypto
import Vectors

// Case building for the DRBGs (over injected entropy, as evp_test's TEST-RAND parent) and for
// Base64: random cases near the limits, some outside them, which both sides must refuse.

extension RandInput {
    /// The largest generate request the harness runs (64 MiB), on either side.
    static let maxOutputLength = 1 << 26
}

extension DifferentialEngine {
    /// The DRBG targets: `CTR-DRBG-<cipher>` for each AES key size, and `HASH-DRBG-<digest>`,
    /// `HMAC-DRBG-<digest>` for each non-XOF digest of the subject.
    func drbgTargets() -> [Target] {
        var out: [Target] = []
        for c in ["AES-128-CTR", "AES-192-CTR", "AES-256-CTR"] where (try? Registry.cipher(named: c)) != nil {
            out.append(
                Target(name: "CTR-DRBG-" + c, kind: .drbg, family: .rand, needs: [("CTR-DRBG", .rand), (c, .cipher)]))
        }
        for mechanism in ["HASH-DRBG", "HMAC-DRBG"] {
            for d in Registry.digests where !d.isXOF {
                out.append(
                    Target(
                        name: mechanism + "-" + d.info.name, kind: .drbg, family: .rand,
                        needs: [(mechanism, .rand), (d.info.name, .digest)]))
            }
        }
        return out
    }

    /// A random run of a DRBG target: one or two instantiate–(reseed)–generate–generate passes.
    func drbgInput(_ name: String, _ rng: inout SeededRandom) -> RandInput? {
        var cipher: String? = nil
        var digest: String? = nil
        let mechanism: String
        // Sizes as OpenSSL's providers set them (drbg_ctr.c, drbg_hash.c, drbg_hmac.c).
        var minEntropy: Int
        var exactEntropy: Int? = nil
        var maxInput: Int? = nil
        let df: Bool
        if name.hasPrefix("CTR-DRBG-") {
            mechanism = "CTR-DRBG"
            let c = String(name.dropFirst(9))
            cipher = c
            guard let key = (try? Registry.cipher(named: c))?.keyLength else { return nil }
            df = rng.chance(60)
            minEntropy = key
            if !df {
                exactEntropy = key + 16
                minEntropy = key + 16
                maxInput = key + 16
            }
        } else {
            mechanism = name.hasPrefix("HASH-DRBG-") ? "HASH-DRBG" : "HMAC-DRBG"
            let d = String(name.dropFirst(10))
            digest = d
            guard let size = (try? Registry.digest(named: d))?.digestSize else { return nil }
            df = true
            minEntropy = min(64 * (size >> 3), 256) / 8
        }
        let minNonce = exactEntropy == nil ? max(minEntropy / 2, 1) : 0
        let pr = rng.chance(40)
        func entropy() -> [UInt8] {
            if rng.chance(6) {
                // Out of range: too short, or (without df) longer than the seed.
                if let e = exactEntropy, rng.chance(50) { return rng.bytes(e + 1 + rng.below(16)) }
                return rng.bytes(rng.below(minEntropy))
            }
            if let e = exactEntropy { return rng.bytes(e) }
            return rng.bytes(minEntropy + (rng.chance(20) ? rng.below(300) : rng.below(minEntropy + 1)))
        }
        func input() -> [UInt8] {
            if rng.chance(40) { return [] }
            if let m = maxInput {
                return rng.bytes(rng.chance(5) ? m + 1 + rng.below(16) : rng.below(m + 1))
            }
            return rng.bytes(rng.chance(10) ? rng.below(1000) : rng.below(80))
        }
        var passes: [RandPass] = []
        for _ in 0..<(1 + rng.below(2)) {
            var p = RandPass()
            p.entropy = entropy()
            if minNonce > 0 {
                // The parent's nonce: any non-empty length is taken (OpenSSL checks no minimum there).
                p.nonce =
                    rng.chance(4) ? [] : rng.bytes(rng.chance(10) ? 1 + rng.below(minNonce) : minNonce + rng.below(40))
            } else if rng.chance(30) {
                p.nonce = rng.bytes(1 + rng.below(16))
            }
            p.personalization = input()
            if rng.chance(50) {
                p.reseedEntropy = entropy()
                p.reseedAdditionalInput = input()
            }
            p.additionalInputA = input()
            p.additionalInputB = input()
            if pr || rng.chance(10) {
                if rng.chance(70) { p.predictionResistanceEntropyA = entropy() }
                if rng.chance(70) { p.predictionResistanceEntropyB = entropy() }
            }
            passes.append(p)
        }
        var length = rng.chance(5) ? 0 : 1 + rng.below(rng.chance(10) ? 5000 : 200)
        if rng.chance(2) { length = DRBG.maxRequest + 1 + rng.below(8) }
        return RandInput(
            drbg: mechanism, cipher: cipher, digest: digest, derivationFunction: df, predictionResistance: pr,
            outputLength: length, passes: passes)
    }

    /// A random Base64 case: bytes to encode (and decode back), or near-valid text to decode.
    func base64Input(_ rng: inout SeededRandom) -> EncodingInput {
        let data = rng.bytes(rng.length(max: maxLength, blockSize: 48))
        if rng.chance(35) { return EncodingInput(kind: .canonical, input: data, encoded: []) }
        // Start from well-formed text (lines of 64), then damage it a few times.
        var text = Base64.Encoder.encode(data)
        if rng.chance(30) { text.removeAll { $0 == UInt8(ascii: "\n") } }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let spaces = Array(" \t\r\n".utf8)
        for _ in 0..<rng.below(4) {
            let at = rng.below(text.count + 1)
            switch rng.below(11) {
            case 0: text.insert(spaces[rng.below(spaces.count)], at: at)
            case 1: text.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            case 2: text.insert(UInt8(ascii: "="), at: at)
            case 3: text.insert(UInt8(ascii: "-"), at: at)
            case 4: text.insert(alphabet[rng.below(alphabet.count)], at: at)
            case 5: if !text.isEmpty { text.remove(at: min(at, text.count - 1)) }
            case 6: text.removeAll { $0 == UInt8(ascii: "=") }
            case 7: text += Array(rng.chance(50) ? "=".utf8 : "==".utf8)
            case 8: text += rng.chance(50) ? [UInt8(ascii: "\n")] : Array("\r\n".utf8)
            case 9: text = Array(text.prefix(at))
            default: text += [alphabet[rng.below(alphabet.count)], UInt8(ascii: "-")]
            }
        }
        return EncodingInput(kind: .valid, input: [], encoded: text)
    }

    /// The steps of a DRBG or Base64 case. Failures are compared as refusals only: OpenSSL's
    /// errors for these (a failed `EVP_RAND_*` call, evp_test's `DECODE_ERROR`) carry no class
    /// that LibCrypto's codes map onto.
    func randomOutcome(_ impl: any Implementation, _ c: DifferentialCase) -> [(String, DifferentialOutcome)] {
        func refusal(_ body: () throws -> [UInt8]) -> DifferentialOutcome {
            do { return .bytes(try body()) } catch { return .failure("refused") }
        }
        switch c.vector.operation {
        case .rand(let r):
            var outcome = DifferentialOutcome.failure("refused")
            if let outputs = try? impl.rand(r) { outcome = .bytes(outputs.flatMap { $0 }) }
            return [("instantiate, reseed, generate", outcome)]
        case .encoding(let e) where e.kind == .canonical:
            var encoded: [UInt8]? = nil
            let first = refusal {
                let t = try impl.base64Encode(e.input)
                encoded = t
                return t
            }
            guard let text = encoded else { return [("encode", first)] }
            return [("encode", first), ("decode the encoding", refusal { try impl.base64Decode(text) })]
        case .encoding(let e):
            return [("decode", refusal { try impl.base64Decode(e.encoded) })]
        default:
            return []
        }
    }
}

extension DifferentialEngine {
    /// A DRBG or Base64 case as an evp_test `RAND` or `Encoding` stanza whose expected values are
    /// `ref`'s (the reference's steps); empty for other operations.
    func randomStanza(_ c: DifferentialCase, _ ref: [(String, DifferentialOutcome)]) -> [String] {
        func hex(_ b: [UInt8]) -> String { b.isEmpty ? "" : Hex.encode(b) }
        var lines: [String] = []
        switch c.vector.operation {
        case .rand(let r):
            lines.append("RAND = \(r.drbg)")
            if let x = r.cipher { lines.append("Cipher = \(x)") }
            if let x = r.digest { lines.append("Digest = \(x)") }
            lines += [
                "DerivationFunction = \(r.derivationFunction ? 1 : 0)",
                "PredictionResistance = \(r.predictionResistance ? 1 : 0)", "GenerateBits = \(r.outputLength * 8)",
            ]
            var outputs: [UInt8]? = nil
            if case .bytes(let b)? = ref.first?.1 { outputs = b }
            for (i, p) in r.passes.enumerated() {
                lines += [
                    "Entropy.\(i) = \(hex(p.entropy))", "Nonce.\(i) = \(hex(p.nonce))",
                    "PersonalisationString.\(i) = \(hex(p.personalization))",
                ]
                if let e = p.reseedEntropy {
                    lines += [
                        "ReseedEntropy.\(i) = \(hex(e))",
                        "ReseedAdditionalInput.\(i) = \(hex(p.reseedAdditionalInput))",
                    ]
                }
                lines.append("AdditionalInputA.\(i) = \(hex(p.additionalInputA))")
                if let e = p.predictionResistanceEntropyA {
                    lines.append("EntropyPredictionResistanceA.\(i) = \(hex(e))")
                }
                lines.append("AdditionalInputB.\(i) = \(hex(p.additionalInputB))")
                if let e = p.predictionResistanceEntropyB {
                    lines.append("EntropyPredictionResistanceB.\(i) = \(hex(e))")
                }
                if let o = outputs {
                    let n = r.outputLength
                    lines.append("Output.\(i) = \(hex(Array(o.dropFirst(i * n).prefix(n))))")
                }
            }
            if outputs == nil {
                lines.append("# \(reference.name) refused this run (evp_test has no RAND error result)")
            }
        case .encoding(let e):
            switch ref.last?.1 {
            case .bytes(let b)?:
                if e.kind == .canonical, case .bytes(let text)? = ref.first?.1 {
                    lines += ["Encoding = canonical", "Input = \(hex(e.input))", "Output = \(hex(text))"]
                } else {
                    lines += ["Encoding = valid", "Input = \(hex(b))", "Output = \(hex(e.encoded))"]
                }
            default:
                lines += ["Encoding = invalid", "Output = \(hex(e.kind == .canonical ? e.input : e.encoded))"]
            }
        default:
            break
        }
        return lines
    }
}
