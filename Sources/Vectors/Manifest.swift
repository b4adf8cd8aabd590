/// A corpus manifest: which files of a corpus hold which vectors, for the many files that do not
/// name their algorithm inside. One manifest per corpus, kept in `TestVectors/manifests/`.
///
/// Format (one directive or entry per line, `#` comments):
/// ```
/// corpus cryptography-vectors
/// root   cache:cryptography-vectors/cryptography_vectors
/// # pattern                      operation    format     algorithm
/// hashes/SHA2/SHA256*Msg.rsp     digest       nist       SHA256
/// hashes/SHA2/Readme.txt         ignore       -          not vectors: the corpus' own notes
/// ```
/// Patterns are paths relative to the corpus root with `*` (within a path segment), `**`
/// (across segments) and `?`. The first entry that matches a file wins.
///
/// Formats and their operations are in ``operations``: `nist` (the algorithm is an OpenSSL
/// name), `ntt`, the self-describing `evp-test`, `openssl-bn` and `wycheproof` (`auto`),
/// `rsa-records` (NIST CAVP RSA `siggen`/`sigver` with the scheme `pkcs1`, `pss` or `x931` as
/// algorithm; `decrypt` for oaep-label.txt's key/value record) and `rsa-labs` (RSA Labs'
/// PKCS#1 example layout: `oaep-decrypt`, `pkcs1-decrypt`, `pss-verify`, `pkcs1-sign`, with
/// the digest as algorithm), `ffc-records` (NIST CAVP DSA and KAS FFC records and pyca's DH
/// text files: `siggen`, `sigver`, `keypair`, `pqggen`, `pqgver`, `kas`, `derive`,
/// `derive-fail`, `group`, with `DSA`, `DH` or `DH decimal` as algorithm), `key-file` (`read`:
/// one PEM or DER key file per case, OpenSSL the oracle; the algorithm names the key type,
/// optionally followed by `password=<text>` for an encrypted file, the rest of the line;
/// `ecparam-valid`/`ecparam-invalid`: an `EC PARAMETERS` file of OpenSSL's 15-test_ecparam
/// recipe that its `-check` runs must accept or refuse), and
/// `-` for `ignore` (the algorithm column is the reason).
public struct Manifest: Sendable {
    public struct Entry: Sendable {
        public var pattern: String
        public var operation: String
        public var format: String
        /// The algorithm for `nist` entries; for `ignore`, the reason.
        public var algorithm: String
        public var line: Int
    }

    public var corpus: String
    /// `cache:<path>` (under the set-up cache) or `repo:<path>` (under the checkout).
    public var root: String?
    public var entries: [Entry]
    public var path: String

    static let operations: [String: Set<String>] = [
        "nist": [
            "digest", "digest-mct", "digest-mct-trace", "hmac", "cipher", "aead", "keywrap-encrypt",
            "keywrap-decrypt", "mac", "kdf", "xts", "ccm",
        ],
        "ntt": ["cipher"],
        "evp-test": ["auto"],
        "openssl-bn": ["auto"],
        "wycheproof": ["auto"],
        "rsa-records": Set(RSARecordParser.Operation.allCases.map(\.rawValue)),
        "rsa-labs": Set(RSALabsParser.Operation.allCases.map(\.rawValue)),
        "ffc-records": Set(FFCRecordParser.Operation.allCases.map(\.rawValue)),
        "ec-records": Set(ECRecordParser.Operation.allCases.map(\.rawValue)),
        "key-file": ["read", "ecparam-valid", "ecparam-invalid"],
        "-": ["ignore"],
    ]

    /// Reads a manifest; any malformed line is an error naming `path:line`.
    public static func load(path: String) throws -> Manifest {
        let reader = try LineReader(path: path)
        var m = Manifest(corpus: "", root: nil, entries: [], path: path)
        func nextLine() throws -> String? {
            do { return try reader.next() } catch { throw FieldError("\(path):\(reader.lineNumber): \(error)") }
        }
        while let raw = try nextLine() {
            let n = reader.lineNumber
            var text = raw[...]
            if let h = text.firstIndex(of: "#") { text = text[..<h] }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty { continue }
            switch words[0] {
            case "corpus":
                guard words.count == 2 else { throw FieldError("\(path):\(n): 'corpus' takes one name") }
                m.corpus = words[1]
            case "root":
                guard words.count == 2 else { throw FieldError("\(path):\(n): 'root' takes one location") }
                m.root = words[1]
            default:
                guard words.count >= 4 else {
                    throw FieldError("\(path):\(n): expected 'pattern operation format algorithm'")
                }
                let op = words[1]
                let format = words[2]
                guard let ops = operations[format], ops.contains(op) else {
                    throw FieldError(
                        "\(path):\(n): operation '\(op)' with format '\(format)' is not one this harness reads")
                }
                m.entries.append(
                    Entry(
                        pattern: words[0], operation: op, format: format,
                        algorithm: words[3...].joined(separator: " "), line: n))
            }
        }
        guard !m.corpus.isEmpty else { throw FieldError("\(path): no 'corpus NAME' line") }
        return m
    }

    /// The entry for a path relative to the corpus root, if any.
    public func entry(forRelativePath rel: String) -> Entry? {
        entries.first { Glob.matches($0.pattern, rel) }
    }

    /// The entry for a path given in any form: its trailing components are tried as the
    /// path relative to the corpus root, shortest first.
    public func entry(forPath path: String) -> (entry: Entry, relative: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        for k in 1...parts.count {
            let rel = parts[(parts.count - k)...].joined(separator: "/")
            if let e = entry(forRelativePath: rel) { return (e, rel) }
        }
        return nil
    }
}

/// Shell-style path patterns: `*` and `?` stay within a segment, `**` crosses segments, and
/// `**/` also matches no directory at all.
///
/// Matching is dynamic programming over (pattern position, path position), O(pattern × path)
/// time and O(path) memory, so no pattern backtracks exponentially: the manifest fuzz target
/// found a line of thirty `*` that took the earlier recursive matcher past its 20 s timeout.
public enum Glob {
    private static let star = UInt8(ascii: "*")
    private static let question = UInt8(ascii: "?")
    private static let slash = UInt8(ascii: "/")

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.utf8)
        let s = Array(path.utf8)
        // The literal prefix before the first wildcard must match as it is: most patterns of a
        // manifest fail here, at once.
        var k = 0
        while k < p.count, p[k] != star, p[k] != question {
            guard k < s.count, p[k] == s[k] else { return false }
            k += 1
        }
        if k == p.count { return s.count == p.count }
        return match(p, s, from: k)
    }

    /// Whether `p[k...]` matches `s[k...]`. `rows[i % 4]` holds, for pattern position `i`, whether
    /// `p[i...]` matches `s[j...]` for every `j`; a position needs the rows of `i + 1 … i + 3`.
    private static func match(_ p: [UInt8], _ s: [UInt8], from k: Int) -> Bool {
        let n = s.count
        var rows = [[Bool]](repeating: [Bool](repeating: false, count: n + 1), count: 4)
        rows[p.count % 4][n] = true  // the empty pattern matches only the empty rest
        var i = p.count - 1
        while i >= k {
            var row = [Bool](repeating: false, count: n + 1)
            let c = p[i]
            if c == star {
                let doubled = i + 1 < p.count && p[i + 1] == star
                let next = rows[(i + (doubled ? 2 : 1)) % 4]
                let skipsDirectory = doubled && i + 2 < p.count && p[i + 2] == slash
                let afterDirectory = rows[(i + 3) % 4]
                // The star consumes s[j] and stays, or ends here; `**/` may also be skipped, but
                // only where it starts (not after the star has consumed something).
                var consumed = [Bool](repeating: false, count: n + 1)
                var j = n
                while j >= k {
                    var m = next[j]
                    if !m, j < n, doubled || s[j] != slash { m = consumed[j + 1] }
                    consumed[j] = m
                    row[j] = m || (skipsDirectory && afterDirectory[j])
                    j -= 1
                }
            } else {
                let next = rows[(i + 1) % 4]
                var j = n - 1
                while j >= k {
                    row[j] = next[j + 1] && (c == question ? s[j] != slash : s[j] == c)
                    j -= 1
                }
            }
            rows[i % 4] = row
            i -= 1
        }
        return rows[k % 4][k]
    }
}

/// Reads one vector file with the parser its manifest entry (or its content) calls for.
public enum VectorFileReader {
    public static func read(
        path: String, displayPath: String, entry: Manifest.Entry?, corpus: String, into sink: VectorSink
    ) {
        // A file that yields nothing at all (empty, comments only) is reported, not "ok".
        let counting = CountingSink(sink)
        dispatch(path: path, displayPath: displayPath, entry: entry, corpus: corpus, into: counting)
        if counting.vectors == 0, counting.diagnostics == 0 {
            sink.diagnostic(Diagnostic(file: displayPath, line: 0, corpus: corpus, message: "no vectors in file"))
        }
    }

    final class CountingSink: VectorSink {
        let inner: VectorSink
        var vectors = 0
        var diagnostics = 0
        init(_ inner: VectorSink) { self.inner = inner }
        func vector(_ v: Vector) {
            vectors += 1
            inner.vector(v)
        }
        func diagnostic(_ d: Diagnostic) {
            diagnostics += 1
            inner.diagnostic(d)
        }
    }

    static func dispatch(
        path: String, displayPath: String, entry: Manifest.Entry?, corpus: String, into sink: VectorSink
    ) {
        guard let entry else {
            switch sniff(path: path) {
            case .some("wycheproof"):
                WycheproofParser(corpus: corpus).parse(path: path, displayPath: displayPath, into: sink)
            case .some("evp-test"):
                EVPTestParser(corpus: corpus).parse(path: path, displayPath: displayPath, into: sink)
            case .some(let problem) where problem.hasPrefix("!"):
                sink.diagnostic(
                    Diagnostic(file: displayPath, line: 0, corpus: corpus, message: String(problem.dropFirst())))
            default:
                sink.diagnostic(
                    Diagnostic(
                        file: displayPath, line: 0, corpus: corpus,
                        message:
                            "no manifest entry and the format cannot be told from the content; name a corpus with --corpus"
                    ))
            }
            return
        }
        switch entry.format {
        case "nist":
            let kind: NISTParser.Kind
            switch entry.operation {
            case "digest-mct": kind = .monteCarlo
            case "digest-mct-trace": kind = .monteCarloTrace
            case "hmac": kind = .hmac
            case "cipher": kind = .cipher
            case "aead": kind = .aead
            case "keywrap-encrypt": kind = .keyWrapEncrypt
            case "keywrap-decrypt": kind = .keyWrapDecrypt
            case "mac": kind = .mac
            case "kdf": kind = .kdf
            case "xts": kind = .xts
            case "ccm": kind = .ccm
            default: kind = .hash
            }
            NISTParser(kind: kind, algorithm: entry.algorithm, corpus: corpus).parse(
                path: path, displayPath: displayPath, into: sink)
        case "ntt":
            NTTParser(algorithm: entry.algorithm, corpus: corpus).parse(
                path: path, displayPath: displayPath, into: sink)
        case "evp-test":
            EVPTestParser(corpus: corpus).parse(path: path, displayPath: displayPath, into: sink)
        case "wycheproof":
            WycheproofParser(corpus: corpus).parse(path: path, displayPath: displayPath, into: sink)
        case "openssl-bn":
            BigNumTestParser(corpus: corpus).parse(path: path, displayPath: displayPath, into: sink)
        case "rsa-records":
            // The algorithm column is the signature scheme (pkcs1, pss, x931), `-` for decrypt.
            guard let p = RSARecordParser(operation: entry.operation, algorithm: entry.algorithm, corpus: corpus)
            else {
                sink.diagnostic(
                    Diagnostic(
                        file: displayPath, line: 0, corpus: corpus,
                        message: "manifest line \(entry.line): scheme '\(entry.algorithm)' is not pkcs1, pss or x931"))
                return
            }
            p.parse(path: path, displayPath: displayPath, into: sink)
        case "ffc-records":
            guard let p = FFCRecordParser(operation: entry.operation, algorithm: entry.algorithm, corpus: corpus)
            else {
                sink.diagnostic(
                    Diagnostic(
                        file: displayPath, line: 0, corpus: corpus,
                        message:
                            "manifest line \(entry.line): '\(entry.algorithm)' is not DSA, DH or 'DH decimal' for \(entry.operation)"
                    ))
                return
            }
            p.parse(path: path, displayPath: displayPath, into: sink)
        case "ec-records":
            guard let p = ECRecordParser(operation: entry.operation, algorithm: entry.algorithm, corpus: corpus)
            else {
                sink.diagnostic(
                    Diagnostic(
                        file: displayPath, line: 0, corpus: corpus,
                        message: "manifest line \(entry.line): '\(entry.algorithm)' does not go with \(entry.operation)"
                    ))
                return
            }
            p.parse(path: path, displayPath: displayPath, into: sink)
        case "key-file":
            var parser = KeyFileParser(algorithm: entry.algorithm, corpus: corpus)
            if entry.operation.hasPrefix("ecparam-") { parser.ecparamValid = entry.operation == "ecparam-valid" }
            parser.parse(path: path, displayPath: displayPath, into: sink)
        case "rsa-labs":
            // The algorithm column is the digest (an example's own alg=/mgf1= win).
            if let op = RSALabsParser.Operation(rawValue: entry.operation) {
                RSALabsParser(operation: op, digest: entry.algorithm, corpus: corpus).parse(
                    path: path, displayPath: displayPath, into: sink)
            }
        default:
            break
        }
    }

    /// Guesses a self-describing format from the first meaningful line:
    /// `{` is Wycheproof JSON, `Keyword = value` with an evp_test keyword is an evp_test file.
    /// Returns `!reason` when the file cannot be read.
    public static func sniff(path: String) -> String? {
        let reader: LineReader
        do { reader = try LineReader(path: path) } catch { return "!\(error)" }
        var seen = 0
        while seen < 200, let line = try? reader.next() {
            seen += 1
            let t = line[...].trimmingWhitespace()
            if t.isEmpty || t.first == "#" { continue }
            if t.first == "{" { return "wycheproof" }
            if let eq = t.firstIndex(of: "=") {
                let key = String(t[..<eq].trimmingWhitespace())
                if key == "Title" || EVPTestParser.testKinds.contains(key) || EVPTestParser.prefixKeys.contains(key)
                    || EVPTestParser.keyKinds.contains(key)
                {
                    return "evp-test"
                }
            }
            return nil
        }
        return nil
    }
}
