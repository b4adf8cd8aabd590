import LibCrypto
import Vectors

// The stanza writer: a minimized case as an evp_test stanza `confrun kat` replays.

extension DifferentialEngine {
    /// The case as an evp_test stanza whose expected value is the reference's answer, so that
    /// `confrun kat` replays it against LibCrypto.
    func stanza(for c: DifferentialCase, _ ref: (any Implementation)? = nil) -> String {
        let reference = ref ?? self.reference
        func hex(_ b: [UInt8]) -> String { b.isEmpty ? "" : Hex.encode(b) }
        let ref = outcome(reference, c, pieces: [])
        let first = ref.first?.1
        var lines: [String] = [
            "# Minimized by confrun interop (seed \(seed)); expected values are \(reference.name)'s."
        ]
        func result(_ o: DifferentialOutcome?, key: String) {
            switch o {
            case .bytes(let b)?: lines.append("\(key) = \(hex(b))")
            case .failure(let e)?: lines.append("Result = \(e.uppercased())_ERROR")
            case nil: lines.append("Result = REFERENCE_GAVE_NOTHING")
            }
        }
        switch c.vector.operation {
        case .digest(let m, _):
            lines += ["Digest = \(c.vector.algorithm)", "Input = \(hex(m.bytes))"]
            result(first, key: "Output")
        case .mac(let m):
            lines += ["MAC = \(m.mac)"]
            if let u = m.underlying { lines.append("Algorithm = \(u)") }
            lines += ["Key = \(hex(m.key))"]
            if let iv = m.iv { lines.append("IV = \(hex(iv))") }
            for p in m.parameters {
                switch (p.name, p.value) {
                case ("custom", .bytes(let b)): lines.append("Custom = \(hex(b))")
                case ("salt", .bytes(let b)): lines.append("Salt = \(hex(b))")
                case (_, .bytes(let b)): lines.append("Ctrl = hex\(p.name):\(hex(b))")
                case (_, .text(let t)): lines.append("Ctrl = \(p.name):\(t)")
                }
            }
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
            lines.append("Plaintext = \(hex(plain))")
            if case .bytes(let b)? = first, let n = i.tagLength, b.count >= n,
                i.tag != nil || Registry.aeads.contains(where: { $0.info.name == i.cipher })
            {
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
        case .rand, .encoding:
            lines += randomStanza(c, ref)
        default:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
