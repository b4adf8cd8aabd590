/// Reads the Camellia designers' own test file layout (NTT's `t_camellia.txt`, as the
/// cryptography-vectors corpus ships it): `K No.001 : 00 11 …` sets the key, then pairs of
/// `P No.NNN : …` and `C No.NNN : …` are single-block ECB encryptions under it.
public struct NTTParser {
    public var algorithm: String
    public var corpus: String

    public init(algorithm: String, corpus: String) {
        self.algorithm = algorithm
        self.corpus = corpus
    }

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        func report(_ line: Int, _ message: String) {
            sink.diagnostic(Diagnostic(file: displayPath, line: line, corpus: corpus, message: message))
        }
        let lines: LineReader
        do { lines = try LineReader(path: path) } catch {
            report(0, "\(error)")
            return
        }
        var key: [UInt8]? = nil
        var pending: (number: String, bytes: [UInt8], line: Int)? = nil
        do {
            while let raw = try lines.next() {
                let n = lines.lineNumber
                let t = raw[...].trimmingWhitespace()
                if t.isEmpty || t.first == "#" { continue }
                guard let colon = t.firstIndex(of: ":"), let tag = t.first, "KPC".contains(tag) else {
                    report(n, "expected 'K|P|C No.NNN : hex bytes', found '\(t.prefix(40))'")
                    continue
                }
                let label = t[..<colon].trimmingWhitespace()
                let number = label.dropFirst().trimmingWhitespace()
                let value: [UInt8]
                do {
                    value = try Hex.decode(String(t[t.index(after: colon)...].filter { $0 != " " && $0 != "\t" }))
                } catch {
                    report(n, "\(label): \(error)")
                    continue
                }
                switch tag {
                case "K":
                    key = value
                    pending = nil
                case "P":
                    pending = (String(number), value, n)
                default:
                    guard let p = pending, let k = key else {
                        report(n, "ciphertext without a key and plaintext before it")
                        continue
                    }
                    pending = nil
                    let name = algorithm.replacingKeyBits(k.count * 8)
                    let input = CipherInput(
                        cipher: name, key: k, iv: [], plaintext: p.bytes, ciphertext: value, direction: .both)
                    sink.vector(
                        Vector(
                            id: "key line \(n) \(p.number)",
                            provenance: Provenance(file: displayPath, line: p.line, corpus: corpus),
                            algorithm: name, operation: .cipher(input), expected: .output(value)))
                }
            }
        } catch {
            report(lines.lineNumber, "\(error)")
        }
    }
}

extension String {
    /// Fills a manifest's `{keybits}` placeholder (`AES-{keybits}-CBC` → `AES-128-CBC`).
    func replacingKeyBits(_ bits: Int) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: "{keybits}") {
            out += rest[..<r.lowerBound] + String(bits)
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
