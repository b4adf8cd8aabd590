import Conformance
import Foundation
import Vectors

#if canImport(Glibc)
import Glibc
#endif

/// The parsers read paths; a fuzz input is written to one scratch file per thread (under
/// `/dev/shm` when it is there, else `$TMPDIR`), read, then removed. On tmpfs this costs a few
/// microseconds, far less than the parse.
enum ScratchFile {
    static let directory: String = {
        var st = stat()
        if stat("/dev/shm", &st) == 0, access("/dev/shm", W_OK) == 0 { return "/dev/shm" }
        return ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    }()

    /// Writes `bytes` to this thread's scratch file, runs `body` with its path, removes it.
    static func with<T>(_ bytes: UnsafeRawBufferPointer, _ body: (String) -> T) -> T {
        let path = "\(directory)/confrun-fuzz-\(getpid())-\(pthread_self())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd >= 0 {
            var done = 0
            while done < bytes.count, let base = bytes.baseAddress {
                let n = write(fd, base + done, bytes.count - done)
                if n <= 0 { break }
                done += n
            }
            close(fd)
        }
        defer { unlink(path) }
        return body(path)
    }
}

/// Collects what a parser delivers.
final class CollectingSink: VectorSink {
    var vectors: [Vector] = []
    var diagnostics: [Diagnostic] = []
    func vector(_ v: Vector) { vectors.append(v) }
    func diagnostic(_ d: Diagnostic) { diagnostics.append(d) }
}

/// The invariants every parser result must keep, whatever the input.
enum Invariants {
    /// Lines as `LineReader` counts them: one per `\n`, plus a last line without one.
    static func lineCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        var n = 0
        for b in bytes where b == 0x0A { n += 1 }
        if let last = bytes.last, last != 0x0A { n += 1 }
        return n
    }

    /// Nil if the result is sound, else what is wrong with it.
    static func check(_ sink: CollectingSink, file: String, lines: Int, size: Int) -> String? {
        if sink.vectors.isEmpty && sink.diagnostics.isEmpty {
            return "neither a vector nor a diagnostic (a file that yields nothing must be reported)"
        }
        for d in sink.diagnostics {
            if d.file != file { return "diagnostic names file '\(d.file)', not '\(file)'" }
            if d.line < 0 || d.line > lines { return "diagnostic at line \(d.line) of a \(lines)-line file: \(d)" }
            if d.message.isEmpty { return "diagnostic without a message at line \(d.line)" }
        }
        for v in sink.vectors {
            if let problem = check(v, file: file, lines: lines, size: size) { return "vector \(v.id): \(problem)" }
        }
        return nil
    }

    static func check(_ v: Vector, file: String, lines: Int, size: Int) -> String? {
        if v.id.isEmpty { return "empty id" }
        if v.provenance.file != file { return "provenance names '\(v.provenance.file)'" }
        if v.provenance.line < 1 || v.provenance.line > lines {
            return "provenance line \(v.provenance.line) outside the \(lines)-line file"
        }
        // Every byte string comes from the file's own text: none can be longer than the file.
        func bounded(_ name: String, _ b: [UInt8]) -> String? {
            b.count > size ? "\(name) of \(b.count) bytes from a \(size)-byte file" : nil
        }
        var arrays: [(String, [UInt8])] = []
        switch v.operation {
        case .digest(let m, let out):
            if let out, out < 0 { return "negative output length \(out)" }
            if m.count < 0 { return "negative message length" }
            // evp_test's Ncopy builds its copies in memory, at most 16 MiB a stanza
            // (EVPTestParser.maxNcopyBytes); everything else comes from the file's text.
            var built = 0
            for c in m.chunks {
                if c.count < 0 { return "negative repeat count" }
                built += c.bytes.count
            }
            if built > max(size, 16 << 20) { return "message chunks of \(built) bytes from a \(size)-byte file" }
            if m.count <= 1 << 16, m.bytes.count != m.count { return "message bytes disagree with its count" }
        case .digestMonteCarlo(let mc):
            if mc.iterations < 0 { return "negative iterations" }
            if case .shake(let lo, let hi) = mc.style, lo < 0 || hi < lo {
                return "SHAKE output range \(lo)...\(hi)"
            }
            arrays.append(("seed", mc.seed))
        case .mac(let m):
            arrays += [("key", m.key), ("iv", m.iv ?? [])]
            for c in m.message.chunks {
                if c.count < 0 { return "negative repeat count" }
                arrays.append(("message chunk", c.bytes))
            }
            if let t = m.tagLength, t < 0 { return "negative tag length" }
        case .cipher(let c):
            arrays += [("key", c.key), ("iv", c.iv), ("plaintext", c.plaintext), ("ciphertext", c.ciphertext)]
            arrays += c.aad.map { ("aad", $0) }
            if let t = c.tag { arrays.append(("tag", t)) }
            if c.keystreamOffset < 0 { return "negative keystream offset" }
            if c.iterations < 1 { return "iterations \(c.iterations)" }
            if let bits = c.bitLength, bits < 0 || bits > 8 * max(c.plaintext.count, c.ciphertext.count) {
                return "bit length \(bits) beyond the data"
            }
            if let t = c.tagLength, t < 0 { return "negative tag length" }
        case .kdf(let k):
            if k.outputLength < 0 { return "negative output length" }
            arrays += k.parameters.map { ("parameter \($0.name)", $0.bytes) }
        case .rand(let d):
            if d.outputLength < 0 { return "negative output length" }
            for p in d.passes {
                arrays += [("entropy", p.entropy), ("nonce", p.nonce), ("personalisation", p.personalization)]
                arrays += [("additional input", p.additionalInputA + p.additionalInputB), ("output", p.output)]
            }
        case .encoding(let e):
            arrays += [("input", e.input), ("encoded", e.encoded)]
        case .bignum(let b):
            arrays += b.values.sorted { $0.key < $1.key }.map { ("value \($0.key)", Array($0.value.utf8)) }
            if let n = b.shift, n < 0 { return "negative shift" }
        case .pkey(let k):
            // A key from the file: its PEM text (a Wycheproof DER field is hex, wrapped as base64
            // with a header and footer: shorter than its hex but for those 64 bytes) and numbers.
            for key in [k.key, k.peerKey].compactMap({ $0 }) {
                switch key.source {
                case .pem(let text):
                    if text.utf8.count > size + 128 {
                        return "key PEM of \(text.utf8.count) bytes from a \(size)-byte file"
                    }
                case .raw(_, let bytes): arrays.append(("raw key", bytes))
                case .rsaNumbers(let n, let e, let d, let crt):
                    arrays += [("modulus", n), ("public exponent", e), ("private exponent", d ?? [])]
                    arrays += crt.map { ("CRT value", $0) }
                case .ecNumbers(let curve, let point, let scalar):
                    arrays += [("curve name", Array(curve.utf8)), ("point", point ?? []), ("scalar", scalar ?? [])]
                case .generated: break
                }
            }
            arrays += k.input.map { ("input", $0) }
            if let o = k.output { arrays.append(("output", o)) }
            arrays += k.controls.map { ("control \($0.name)", $0.bytes) }
        case .ffc(let f):
            arrays += [("p", f.p), ("q", f.q), ("g", f.g), ("message", f.message)]
            arrays += [f.x, f.y, f.peerY, f.peerP, f.r, f.s, f.seed, f.secret, f.secretHash].compactMap { $0 }
                .map { ("number", $0) }
            if let c = f.counter, c < 0 || c > 4 * 16_384 { return "counter \(c) outside FIPS 186-4's 0...4L-1" }
            if let g = f.group, g.utf8.count > size { return "group name of \(g.utf8.count) bytes" }
        case .ec(let e):
            arrays += [("message", e.message)]
            arrays += [e.d, e.qx, e.qy, e.peerD, e.peerX, e.peerY, e.r, e.s, e.secret, e.secretY, e.secretHash]
                .compactMap { $0 }.map { ("number", $0) }
            arrays += [e.otherInfo, e.derivedKey, e.macData, e.tag, e.signature].compactMap { $0 }.map { ("value", $0) }
        case .keyFile(let k):
            if k.contents.count > KeyFileCheck.maxBytes { return "key file above \(KeyFileCheck.maxBytes) bytes" }
            arrays.append(("key file", k.contents))
        case .unsupported:
            break
        }
        switch v.expected {
        case .output(let b): arrays.append(("expected output", b))
        case .verification(let tag, _): arrays.append(("tag", tag))
        case .failure: break
        }
        for (name, b) in arrays {
            if let p = bounded(name, b) { return p }
        }
        // The cost estimate is taken for every case before it runs: it must not trap.
        let cost = v.cost
        if cost.work < 0 || cost.memory < 0 { return "negative cost \(cost)" }
        _ = CostLimit.default.excess(cost)
        return nil
    }
}

/// Where seed files come from, and how they are prepared.
enum FuzzSeeds {
    static let locations = Locations.discover()

    /// The checked-in regression inputs of a target (also seeds).
    static func regressions(_ target: String) -> [String] {
        files(in: locations.repository + "/TestVectors/fuzz-regressions/" + target)
    }

    static func files(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { directory + "/" + $0 }.filter {
            regularFileProblem($0) == nil
        }
    }

    /// Every file under `directory` (depth-first, sorted), at most `limit`.
    static func walk(_ directory: String, limit: Int = 10_000) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String, out.count < limit {
            let p = directory + "/" + rel
            if regularFileProblem(p) == nil { out.append(p) }
        }
        return out.sorted()
    }

    /// The files of a manifest's corpus whose entry satisfies `accept`, with their entry.
    static func corpusFiles(manifest name: String, _ accept: (Manifest.Entry) -> Bool) -> [(
        path: String, entry: Manifest.Entry
    )] {
        guard let m = try? Manifest.load(path: locations.manifestsDirectory + "/" + name + ".manifest"),
            let root = m.root.flatMap(locations.resolveRoot)
        else { return [] }
        var out: [(String, Manifest.Entry)] = []
        for path in walk(root) {
            let rel = String(path.dropFirst(root.count + 1))
            if let e = m.entry(forRelativePath: rel), accept(e) { out.append((path, e)) }
        }
        return out
    }

    /// Seeds written to a folder: `prefix` then at most `maxBytes` of the file, cut at the last
    /// blank line (a record boundary) within that size when there is one.
    static func materialize(_ target: String, _ items: [(name: String, prefix: [UInt8], path: String)], maxBytes: Int)
        -> [String]
    {
        let dir = NSTemporaryDirectory() + "confrun-fuzz-seeds-\(getuid())/" + target
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let data = FileManager.default.contents(atPath: item.path) else { continue }
            var bytes = [UInt8](data)
            if bytes.count > maxBytes - item.prefix.count {
                bytes = Array(bytes[0..<max(0, maxBytes - item.prefix.count)])
                if let cut = lastBlankLine(bytes), cut > bytes.count / 4 { bytes = Array(bytes[0..<cut]) }
            }
            let safe = item.name.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }
            let p = dir + "/" + String(format: "%04d-", i) + String(safe.suffix(80))
            if FileManager.default.createFile(atPath: p, contents: Data(item.prefix + bytes)) { out.append(p) }
        }
        return out
    }

    static func lastBlankLine(_ b: [UInt8]) -> Int? {
        var i = b.count - 1
        while i > 0 {
            if b[i] == 0x0A && b[i - 1] == 0x0A { return i + 1 }
            i -= 1
        }
        return nil
    }

    /// Seeds for JSON files longer than `maxBytes` (which a byte cut leaves unparseable): the
    /// file's fields with each test group's `tests` cut to what fits, one seed per group (the
    /// first few groups); an RSA or DSA group also as variants with only its PEM key or only
    /// its key numbers, so each key field is reached.
    static func trimmedJSON(_ target: String, _ paths: [String], maxBytes: Int) -> [String] {
        let dir = NSTemporaryDirectory() + "confrun-fuzz-seeds-\(getuid())/\(target)-trimmed"
        try? FileManager.default.removeItem(atPath: dir)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var out: [String] = []
        let derKeys = ["publicKeyDer", "keyDer", "privateKeyPkcs8", "publicKeyAsn"]
        let pemKeys = ["publicKeyPem", "keyPem", "privateKeyPem"]
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path), data.count > maxBytes,
                var root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                let groups = root["testGroups"] as? [[String: Any]]
            else { continue }
            root["header"] = []
            root["notes"] = [:]
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            for (gi, group) in groups.prefix(4).enumerated() {
                var variants = [group]
                if derKeys.contains(where: { group[$0] != nil }) {
                    variants.append(group.filter { !derKeys.contains($0.key) })
                    variants.append(group.filter { !derKeys.contains($0.key) && !pemKeys.contains($0.key) })
                }
                for (vi, variant) in variants.enumerated() {
                    let tests = variant["tests"] as? [Any] ?? []
                    var best: Data? = nil
                    for n in stride(from: min(tests.count, 12), through: 1, by: -1) {
                        var g = variant
                        g["tests"] = Array(tests.prefix(n))
                        root["testGroups"] = [g]
                        if let d = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]),
                            d.count <= maxBytes
                        {
                            best = d
                            break
                        }
                    }
                    guard let best else { continue }
                    let p = dir + "/\(name)-g\(gi)-v\(vi).json"
                    if FileManager.default.createFile(atPath: p, contents: best) { out.append(p) }
                }
            }
        }
        return out
    }

    /// Picks at most `perKey` items for each key, in order: a spread of formats, not the first folder.
    static func spread<T>(_ items: [T], perKey: Int, key: (T) -> String) -> [T] {
        var seen: [String: Int] = [:]
        return items.filter { item in
            let k = key(item)
            seen[k, default: 0] += 1
            return seen[k]! <= perKey
        }
    }
}

extension FuzzTargets {
    /// The longest input libFuzzer is to make for a target (`-max_len`); seeds are cut to it.
    public static func maxLength(_ name: String) -> Int {
        ParserTargets.maxLength[name] ?? 4096
    }
}

extension FuzzTargets {
    /// A libFuzzer dictionary: one `"token"` a line, with `\\`, `\"` and `\xNN` escapes.
    public static func dictionaryText(_ target: FuzzTarget) -> String {
        var out = "# \(target.name): \(target.summary)\n"
        for token in target.dictionary {
            var line = "\""
            for b in token.utf8 {
                switch b {
                case UInt8(ascii: "\\"): line += "\\\\"
                case UInt8(ascii: "\""): line += "\\\""
                case 0x20..<0x7F: line += String(UnicodeScalar(b))
                default: line += String(format: "\\x%02X", b)
                }
            }
            out += line + "\"\n"
        }
        return out
    }

    /// Writes `<dir>/<name>.dict` and copies the seeds into `<dir>/<name>_seeds/` (under their
    /// own names, cut to the target's `maxLength`). Returns the number of seeds written.
    @discardableResult
    public static func export(_ target: FuzzTarget, to dir: String) throws -> Int {
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try dictionaryText(target).write(toFile: dir + "/\(target.name).dict", atomically: true, encoding: .utf8)
        let seedDir = dir + "/\(target.name)_seeds"
        try? fm.removeItem(atPath: seedDir)
        try fm.createDirectory(atPath: seedDir, withIntermediateDirectories: true)
        var n = 0
        for path in target.seeds() {
            guard let data = fm.contents(atPath: path) else { continue }
            let limit = maxLength(target.name)
            let bytes = data.count > limit ? data.prefix(limit) : data
            if fm.createFile(atPath: seedDir + "/" + (path as NSString).lastPathComponent, contents: Data(bytes)) {
                n += 1
            }
        }
        return n
    }
}
