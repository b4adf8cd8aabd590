import LibCrypto
import Vectors

// The shrinker: a mismatch reduced to a small case that still mismatches.

extension DifferentialEngine {
    /// Smaller variants of a case: no split, then shorter inputs (halved, then one byte less).
    func candidates(_ c: DifferentialCase) -> [DifferentialCase] {
        var out: [DifferentialCase] = []
        if !c.piecesA.isEmpty || !c.piecesB.isEmpty {
            var s = c
            s.piecesA = []
            s.piecesB = []
            out.append(s)
        }
        if c.inPlaceA {
            var s = c
            s.inPlaceA = false
            out.append(s)
        }
        func with(_ op: Operation) -> DifferentialCase {
            var s = c
            s.vector.operation = op
            return s
        }
        func shorter(_ b: [UInt8]) -> [[UInt8]] {
            b.isEmpty ? [] : [Array(b.prefix(b.count / 2)), Array(b.dropLast())]
        }
        switch c.vector.operation {
        case .digest(let m, let n):
            for b in shorter(m.bytes) { out.append(with(.digest(message: Message(b), outputLength: n))) }
        case .mac(let m):
            for b in shorter(m.message.bytes) {
                var x = m
                x.message = Message(b)
                out.append(with(.mac(x)))
            }
        case .cipher(let input):
            let bs = (try? Registry.cipher(named: input.cipher))?.blockSize ?? 1
            for b in shorter(input.plaintext) where input.padding || bs <= 1 || b.count % bs == 0 {
                var x = input
                x.plaintext = b
                if let bits = x.bitLength { x.bitLength = min(bits, b.count * 8) }
                out.append(with(.cipher(x)))
            }
            for a in input.aad.indices {
                for b in shorter(input.aad[a]) {
                    var x = input
                    x.aad[a] = b
                    out.append(with(.cipher(x)))
                }
            }
        case .kdf(var k):
            if k.outputLength > 1 {
                k.outputLength /= 2
                out.append(with(.kdf(k)))
            }
        case .rand(var r):
            if r.passes.count > 1 {
                r.passes.removeFirst()
                out.append(with(.rand(r)))
            }
        case .encoding(let e):
            for b in shorter(e.kind == .canonical ? e.input : e.encoded) {
                var x = e
                if e.kind == .canonical { x.input = b } else { x.encoded = b }
                out.append(with(.encoding(x)))
            }
        default:
            break
        }
        return out
    }

    func shrink(_ t: Target, _ start: DifferentialCase, _ ref: (any Implementation)? = nil) -> DifferentialCase {
        var best = start
        var budget = 200
        var improved = true
        while improved && budget > 0 {
            improved = false
            for cand in candidates(best) {
                budget -= 1
                if compare(t, cand, ref) != nil {
                    best = cand
                    improved = true
                    break
                }
                if budget <= 0 { break }
            }
        }
        return best
    }

    func describe(_ c: DifferentialCase) -> String {
        switch c.vector.operation {
        case .digest(let m, _): return "\(m.count)-byte message, pieces \(c.piecesA)/\(c.piecesB)"
        case .mac(let m): return "\(m.key.count)-byte key, \(m.message.count)-byte message"
        case .cipher(let i):
            return "\(i.plaintext.count)-byte input, pieces \(c.piecesA)/\(c.piecesB)" + (i.padding ? ", padding" : "")
                + (c.inPlaceA ? ", in place" : "")
        case .kdf(let k): return "\(k.outputLength)-byte output"
        case .rand(let r):
            return "\(r.passes.count) pass(es), \(r.outputLength)-byte generates"
                + (r.predictionResistance ? ", prediction resistance" : "") + (r.derivationFunction ? "" : ", no df")
        case .encoding(let e):
            return e.kind == .canonical ? "\(e.input.count) bytes encoded" : "\(e.encoded.count)-byte text decoded"
        default: return ""
        }
    }
}
