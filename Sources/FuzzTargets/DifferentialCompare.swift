import Conformance
import LibCrypto
import Vectors

// Running one decoded case on both implementations, comparing step by step, and writing the
// evp_test stanza of a difference (the same steps and stanza form as the interop engine's).

extension DifferentialOpenSSL {
    typealias Step = (name: String, outcome: APIOutcome)

    /// The steps of `c` on `impl`: the operation, and for ciphers the decryption of the result and
    /// (AEADs) the decryption with one tag bit flipped.
    static func steps(_ impl: any Implementation, _ c: Case, pieces: [Int], inPlace: Bool) -> [Step] {
        switch c.vector {
        case .digest(let m, let n):
            let chunks = FuzzInput.split(m.bytes, pieces).map { Message.Chunk($0) }
            var message = m
            message.chunks = chunks
            return [
                ("digest", .of { try impl.digest(c.algorithm, message: message, outputLength: n, parameters: [:]) })
            ]
        case .mac(let m):
            return [("mac", .of { try impl.mac(m) })]
        case .kdf(let k):
            return [("derive", .of { try impl.kdf(k) })]
        case .cipher(var input):
            input.inPlace = inPlace
            var steps: [Step] = []
            var sealed: CipherOutput? = nil
            steps.append(
                (
                    "encrypt",
                    .of {
                        let out = try impl.cipher(input, encrypting: true, pieces: pieces)
                        sealed = out
                        // A randomized wrap (DES3-WRAP) is compared by its length here and by
                        // its round trip in the next step.
                        if DifferentialEngine.randomizedCiphers.contains(input.cipher.uppercased()) {
                            return Array("\(out.output.count) bytes".utf8)
                        }
                        return out.output + out.tag
                    }
                ))
            guard let s = sealed else { return steps }
            var back = input
            back.ciphertext = s.output
            if !s.tag.isEmpty { back.tag = s.tag }
            if input.bitLength == nil {
                steps.append(("decrypt", .of { try impl.cipher(back, encrypting: false, pieces: pieces).output }))
            }
            if c.flipTag, var t = back.tag, !t.isEmpty {
                t[0] ^= 1
                back.tag = t
                steps.append(
                    (
                        "decrypt with a flipped tag bit",
                        .of { try impl.cipher(back, encrypting: false, pieces: pieces).output }
                    ))
            }
            return steps
        default:
            return []
        }
    }

    /// `.ok` when both sides agree at every step (both refusing counts as agreement).
    static func compare(_ c: Case, _ reference: any Implementation) -> FuzzTarget.Verdict {
        let subject = DifferentialReference.libcrypto
        let a: [Step] =
            (try? HardwareSupport.withVariant(c.variant) {
                steps(subject, c, pieces: c.piecesA, inPlace: c.inPlaceA)
            }) ?? [("variant", .error("unknown variant \(c.variant)"))]
        let b = steps(reference, c, pieces: c.piecesB, inPlace: false)
        var cause: String? = nil
        for (x, y) in zip(a, b) where x.outcome != y.outcome {
            switch (x.outcome, y.outcome) {
            case (.bytes, .bytes): cause = "\(x.name): output differs"
            case (.bytes, _): cause = "\(x.name): only \(reference.name) fails (\(y.outcome))"
            case (_, .bytes): cause = "\(x.name): only LibCrypto fails (\(x.outcome))"
            default: continue  // both refuse
            }
            cause! += "\n  LibCrypto [\(c.variant)]: \(x.outcome)\n  \(reference.name): \(y.outcome)"
            break
        }
        if cause == nil, a.count != b.count, a.last?.outcome.bytes != nil || b.last?.outcome.bytes != nil {
            cause = "different number of steps (\(a.count) vs \(b.count))"
        }
        guard let cause else { return .ok }
        return .finding(
            "\(c.algorithm): \(cause)\n  pieces \(c.piecesA) vs \(c.piecesB), in place \(c.inPlaceA)\n"
                + stanza(c, reference))
    }

    /// The case as an evp_test stanza whose expected value is the reference's answer (fed in one
    /// piece), so that `confrun kat` replays it against LibCrypto.
    static func stanza(_ c: Case, _ reference: any Implementation) -> String {
        func hex(_ b: [UInt8]) -> String { b.isEmpty ? "" : Hex.encode(b) }
        let first = steps(reference, c, pieces: [], inPlace: false).first?.outcome
        var lines = ["# Found by the differential-openssl fuzz target; expected values are \(reference.name)'s."]
        func result(_ o: APIOutcome?, key: String) {
            switch o {
            case .bytes(let b)?: lines.append("\(key) = \(hex(b))")
            case .error(let e)?: lines.append("Result = \(e.uppercased())_ERROR")
            case .foreign?: lines.append("Result = ERROR")
            case nil: lines.append("Result = REFERENCE_GAVE_NOTHING")
            }
        }
        switch c.vector {
        case .digest(let m, let n):
            lines += ["Digest = \(c.algorithm)", "Input = \(hex(m.bytes))"]
            if let n { lines.append("OutputSize = \(n)") }
            result(first, key: "Output")
        case .mac(let m):
            lines += ["MAC = \(m.mac)"]
            if let u = m.underlying { lines.append("Algorithm = \(u)") }
            lines += ["Key = \(hex(m.key))"]
            if let iv = m.iv { lines.append("IV = \(hex(iv))") }
            lines += ["Input = \(hex(m.message.bytes))"]
            result(first, key: "Output")
        case .cipher(let i):
            lines += ["Cipher = \(i.cipher)", "Operation = ENCRYPT", "Key = \(hex(i.key))"]
            if !i.iv.isEmpty { lines.append("IV = \(hex(i.iv))") }
            for a in i.aad { lines.append("AAD = \(hex(a))") }
            var plain = i.plaintext
            if i.padding, let bs = (try? Registry.cipher(named: i.cipher))?.blockSize, bs > 1 {
                // evp_test runs with padding off: write the PKCS#7 padding out instead.
                let n = bs - plain.count % bs
                plain += [UInt8](repeating: UInt8(n), count: n)
                lines.append("# PKCS#7 padding written out in the plaintext (the case ran with padding on)")
            }
            if let bits = i.bitLength { lines.append("# CFB1 over the first \(bits) bits") }
            lines.append("Plaintext = \(hex(plain))")
            if case .bytes(let b)? = first, let n = i.tagLength, b.count >= n {
                lines.append("Ciphertext = \(hex(Array(b.dropLast(n))))")
                lines.append("Tag = \(hex(Array(b.suffix(n))))")
            } else {
                result(first, key: "Ciphertext")
            }
        case .kdf(let k):
            lines.append("KDF = \(k.kdf)")
            for p in k.parameters {
                switch p.value {
                case .text(let t): lines.append("Ctrl.\(p.name) = \(p.name):\(t)")
                case .bytes(let b): lines.append("Ctrl.\(p.name) = hex\(p.name):\(hex(b))")
                }
            }
            result(first, key: "Output")
        default:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
