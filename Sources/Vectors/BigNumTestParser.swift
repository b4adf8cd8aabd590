/// Reads OpenSSL's bignum test data (`test/recipes/10-test_bn_data/*.txt`: `bnsum.txt`,
/// `bnmul.txt`, `bnmod.txt`, `bnexp.txt`, `bnshift.txt`, `bngcd.txt`), the stanza format of
/// OpenSSL's `test/testutil/stanza.c` as `test/bntest.c` reads it.
///
/// A stanza is a run of `Key = Value` lines ended by a blank line; lines starting with `#` are
/// comments; `Title = …` lines name the tests that follow and belong to no stanza. The kind of
/// a stanza is the first of ``BigNumCheck/Kind`` (bntest's order) whose name is one of its
/// keys, keys compared without regard to case (`Rshift = 0` is an `RShift` stanza). Values are
/// OpenSSL's hex form (`BN_hex2bn`, the whole value: an optional `-` and one or more hex
/// digits); `N` of a shift is a hex number at most `INT_MAX` (bntest's `getint`).
///
/// Stricter than bntest where it would silently pass a broken stanza: a key that the kind does
/// not read, a repeated key, a value that is not hex, a missing key, a stanza of no known kind
/// and a line without `=` are each a `file:line:` diagnostic, and parsing goes on with the next
/// stanza. Nothing here traps on any input.
public struct BigNumTestParser {
    public var corpus: String

    public init(corpus: String) { self.corpus = corpus }

    /// The longest value accepted, in hex digits: LibCrypto's `BigNum.maxBits` (2^20 bits) / 4.
    /// A longer value is a diagnostic here, before anything allocates for it.
    public static let maxHexDigits = (1 << 20) / 4

    struct Pair {
        var key: String
        var value: String
        var line: Int
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
        var pairs: [Pair] = []
        var broken = false
        var title = ""
        func flush() {
            defer {
                pairs.removeAll(keepingCapacity: true)
                broken = false
            }
            guard !pairs.isEmpty, !broken else { return }
            switch Self.check(pairs) {
            case .success(let c):
                var v = Vector(
                    id: "line \(pairs[0].line)",
                    provenance: Provenance(file: displayPath, line: pairs[0].line, corpus: corpus),
                    algorithm: "BN-\(c.kind.rawValue)", operation: .bignum(c),
                    // The stanza's own values are the expected results (BigNumCheck).
                    expected: .output([]))
                if !title.isEmpty { v.flags.append("Title=\(title)") }
                sink.vector(v)
            case .failure(let e):
                report(e.line, e.message)
            }
        }
        do {
            while let raw = try lines.next() {
                let n = lines.lineNumber
                let line = raw[...].trimmingWhitespace()
                if line.isEmpty {
                    flush()
                    continue
                }
                if raw.first == "#" { continue }
                guard let eq = line.firstIndex(of: "=") else {
                    report(n, "missing '=' in '\(line.prefix(40))'; stanza ignored")
                    broken = true
                    continue
                }
                let key = String(line[..<eq].trimmingWhitespace())
                let value = String(line[line.index(after: eq)...].trimmingWhitespace())
                if key.isEmpty {
                    report(n, "empty keyword; stanza ignored")
                    broken = true
                    continue
                }
                if key == "Title" {
                    title = value
                    continue
                }
                pairs.append(Pair(key: key, value: value, line: n))
            }
            flush()
        } catch {
            report(lines.lineNumber, "\(error)")
        }
    }

    struct StanzaError: Error {
        var line: Int
        var message: String
    }

    /// The stanza as a check, or what is wrong with it.
    static func check(_ pairs: [Pair]) -> Result<BigNumCheck, StanzaError> {
        let start = pairs[0].line
        var byKey: [String: Pair] = [:]
        for p in pairs {
            let folded = p.key.lowercased()
            if let first = byKey[folded] {
                return .failure(StanzaError(line: p.line, message: "\(p.key) repeated (first at line \(first.line))"))
            }
            byKey[folded] = p
        }
        guard let kind = BigNumCheck.Kind.allCases.first(where: { byKey[$0.rawValue.lowercased()] != nil }) else {
            let keys = pairs.map(\.key).joined(separator: ", ")
            return .failure(
                StanzaError(
                    line: start,
                    message:
                        "stanza of no known kind (keys \(keys.prefix(80))); bntest reads "
                        + BigNumCheck.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let wanted = Set(kind.keys.map { $0.lowercased() })
        for p in pairs where !wanted.contains(p.key.lowercased()) {
            return .failure(
                StanzaError(
                    line: p.line,
                    message:
                        "\(p.key) is not a key of a \(kind.rawValue) stanza (it takes "
                        + "\(kind.keys.joined(separator: ", ")))"))
        }
        var values: [String: String] = [:]
        var shift: Int? = nil
        for key in kind.keys {
            guard let p = byKey[key.lowercased()] else {
                return .failure(StanzaError(line: start, message: "\(kind.rawValue) stanza without \(key)"))
            }
            if let problem = hexProblem(p.value) {
                return .failure(StanzaError(line: p.line, message: "\(p.key): \(problem)"))
            }
            if key == "N" {
                guard let n = shiftCount(p.value) else {
                    return .failure(
                        StanzaError(
                            line: p.line, message: "N: '\(p.value.prefix(40))' is not a hex count from 0 to INT_MAX"))
                }
                shift = n
            } else {
                values[key] = p.value
            }
        }
        return .success(BigNumCheck(kind: kind, values: values, shift: shift))
    }

    /// Nil if `value` is OpenSSL's hex form within ``maxHexDigits``, else what is wrong.
    static func hexProblem(_ value: String) -> String? {
        var digits = value.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        if digits.isEmpty { return value.isEmpty ? "empty value" : "no hex digits after '-'" }
        if digits.count > maxHexDigits { return "\(digits.count) hex digits, more than \(maxHexDigits)" }
        for (i, c) in digits.enumerated() {
            let isHex =
                (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
                || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
            if !isHex {
                return "'\(value.prefix(40))' is not hex (character \(i + 1 + value.utf8.count - digits.count))"
            }
        }
        return nil
    }

    /// A non-negative hex count at most `Int32.max`, as bntest's `getint` takes it.
    static func shiftCount(_ value: String) -> Int? {
        guard !value.hasPrefix("-") || value.dropFirst().allSatisfy({ $0 == "0" }) else { return nil }
        var digits = value.hasPrefix("-") ? Substring(value.dropFirst()) : Substring(value)
        while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
        guard digits.count <= 8, let n = Int(digits, radix: 16), n <= Int(Int32.max) else { return nil }
        return n
    }
}
