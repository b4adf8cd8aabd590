/// Turns NIST-style records into vectors. The algorithm comes from the corpus manifest,
/// since these files do not name it; `kind` says how the records are to be read.
public struct NISTParser {
    public enum Kind: String, Sendable, CaseIterable {
        /// `Len`/`Msg`/`MD` (or `Output` for an XOF), CAVP ShortMsg, LongMsg, VariableOut and
        /// the hash `.txt` files of cryptography-vectors.
        case hash
        /// CAVP Monte Carlo `.rsp`: a `Seed` (or `Msg`) record, then `COUNT`/`MD` checkpoints.
        case monteCarlo = "hash-mct"
        /// The Monte Carlo trace `.txt` files: every step's `M` and `MDi`.
        case monteCarloTrace = "hash-mct-trace"
        /// `Len`/`Key`/`Msg`/`MD`: HMAC test cases of the RFCs.
        case hmac
        /// `KEY`/`IV`/`PLAINTEXT`/`CIPHERTEXT` under `[ENCRYPT]`/`[DECRYPT]`: CAVP block cipher
        /// files and the cipher `.txt` files of cryptography-vectors. The algorithm may hold
        /// `{keybits}`, filled from each record's key (`AES-{keybits}-CBC`).
        case cipher
        /// AEAD records: `Key`, `IV`/`Nonce`, `AAD`, `PT`/`Plaintext`, `CT`/`Ciphertext`, `Tag`
        /// (or the tag appended to the ciphertext), `FAIL` or `Result = …ERROR` for forgeries.
        case aead
        /// Key wrap records `K`, `P`, `C`, `FAIL`, run one way (the manifest says which).
        case keyWrapEncrypt = "keywrap-encrypt"
        case keyWrapDecrypt = "keywrap-decrypt"
        /// MAC records `KEY`, `MESSAGE`/`MSG`, `OUTPUT`/`TAG`; the algorithm is `MAC` or
        /// `MAC:UNDERLYING` (`CMAC:AES-128-CBC`, `POLY1305`).
        case mac
        /// KDF records; the algorithm is `KDF` or `KDF:DIGEST` (`PBKDF2:SHA1`, `HKDF`, `SCRYPT`).
        case kdf
        /// XTS records `DataUnitLen`, `Key`, `i`, `PT`, `CT`.
        case xts
        /// CAVP CCM files: `Plen`/`Nlen`/`Tlen`/`Alen` in headers or lone records, `Key` and
        /// `Nonce` shared by the `Count` records that follow, `Adata`, `Payload`, `CT` (with the
        /// tag appended) and, in DVPT files, `Result = Pass|Fail`.
        case ccm
    }

    public var kind: Kind
    public var algorithm: String
    public var corpus: String

    public init(kind: Kind, algorithm: String, corpus: String) {
        self.kind = kind
        self.algorithm = algorithm
        self.corpus = corpus
    }

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        func report(_ line: Int, _ message: String) {
            sink.diagnostic(Diagnostic(file: displayPath, line: line, corpus: corpus, message: message))
        }
        let reader: NISTRecordReader
        do {
            reader = try NISTRecordReader(path: path, onBadLine: report)
        } catch {
            report(0, "\(error)")
            return
        }
        var mct = MonteCarloState()
        var carry: NISTRecord? = nil
        do {
            while var record = try reader.next() {
                if kind == .kdf {
                    // The RFC KDF files put blank lines inside a test case: gather its pieces
                    // until the output field arrives.
                    if let c = carry { record = NISTRecord(line: c.line, fields: c.fields + record.fields, sections: record.sections) }
                    let done = record.fields.contains { ["OKM", "DERIVED_KEY"].contains($0.key.uppercased()) }
                    carry = done ? nil : record
                    if !done { continue }
                }
                do {
                    for v in try vectors(from: record, displayPath: displayPath, mct: &mct) {
                        sink.vector(v)
                    }
                } catch let e as RecordError {
                    report(e.line ?? record.line, e.message)
                }
            }
            if let c = carry {
                report(c.line, "test case without its output (OKM or DERIVED_KEY) at end of file")
            }
        } catch {
            report(0, "\(error)")
        }
    }

    /// SHA3VS chains plain digests; SHAVS (SHA-1, SHA-2, including SHA384) chains three.
    static func isSHA3(_ algorithm: String) -> Bool {
        let up = algorithm.uppercased()
        return up.hasPrefix("SHA3-") || up.hasPrefix("SHA3_")
    }

    struct RecordError: Error {
        var line: Int?
        var message: String
    }

    struct MonteCarloState {
        var seed: [UInt8]? = nil
        var previous: [UInt8]? = nil
        /// CCM: fields given once for the records after them (Key, Nonce, Plen, ...).
        var shared: [String: NISTRecord.Field] = [:]
    }

    private func bytes(_ r: NISTRecord, _ key: String) throws -> [UInt8] {
        guard let f = r.field(key) else { throw RecordError(line: r.line, message: "missing field \(key)") }
        if f.value.count >= 2, f.value.first == "\"", f.value.last == "\"" {
            return Array(f.value.utf8.dropFirst().dropLast())
        }
        do { return try Hex.decode(f.value) } catch { throw RecordError(line: f.line, message: "\(key): \(error)") }
    }

    private func integer(_ r: NISTRecord, _ key: String) throws -> Int? {
        guard let f = r.field(key) else { return nil }
        guard let v = Int(f.value), v >= 0 else { throw RecordError(line: f.line, message: "\(key): not a non-negative integer: '\(f.value)'") }
        return v
    }

    private func sectionInteger(_ r: NISTRecord, _ key: String) throws -> Int? {
        guard let s = r.sections[key] else { return nil }
        guard let v = Int(s), v >= 0 else { throw RecordError(line: r.line, message: "[\(key)]: not an integer: '\(s)'") }
        return v
    }

    /// Msg truncated to `Len` bits; `Len = 0` with `Msg = 00` is the empty message.
    private func message(_ r: NISTRecord, unsupported: inout [String]) throws -> [UInt8] {
        let msg = try bytes(r, "Msg")
        guard let bits = try integer(r, "Len") else { return msg }
        if bits % 8 != 0 { unsupported.append("bit-oriented message (Len = \(bits))") }
        let n = bits / 8
        guard n <= msg.count else {
            throw RecordError(line: r.field("Len")!.line, message: "Len = \(bits) but Msg has only \(msg.count) bytes")
        }
        return Array(msg[0..<n])
    }

    private func checkKnown(_ r: NISTRecord, _ known: Set<String>, _ unsupported: inout [String]) {
        for f in r.fields where !known.contains(f.key) { unsupported.append("field \(f.key)") }
    }

    /// NIST CFB1 files write each message as a string of `0`/`1` digits.
    private func bitString(_ r: NISTRecord, _ key: String) throws -> (bytes: [UInt8], bits: Int) {
        guard let f = r.field(key) else { throw RecordError(line: r.line, message: "missing field \(key)") }
        var out = [UInt8](repeating: 0, count: (f.value.utf8.count + 7) / 8)
        for (i, c) in f.value.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0"): break
            case UInt8(ascii: "1"): out[i / 8] |= 0x80 >> UInt8(i % 8)
            default: throw RecordError(line: f.line, message: "\(key): CFB1 bit strings hold only 0 and 1")
            }
        }
        return (out, f.value.utf8.count)
    }

    private func cipherVectors(_ raw: NISTRecord, displayPath: String) throws -> [Vector] {
        var r = raw
        for i in r.fields.indices { r.fields[i].key = r.fields[i].key.uppercased() }
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        if r.has("IV1") {
            // TDES interleaved (TCBCI, TOFBI) and pipelined (TCFBP) modes: three IVs, three
            // outputs. OpenSSL has no such mode, so there is nothing to be conformant with.
            return [Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: algorithm,
                           operation: .unsupported("TDES interleaved/pipelined mode (IV1, IV2, IV3), which OpenSSL does not have"),
                           expected: .output([]))]
        }
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "KEY", "KEYS", "KEY1", "KEY2", "KEY3", "IV", "PLAINTEXT", "CIPHERTEXT", "OFFSET",
                       "NONCE", "INITIAL_BLOCK_COUNTER", "CIPHERTEXT100", "CIPHERTEXT1000"], &unsupported)
        let key: [UInt8]
        if r.has("KEY1") {
            key = try bytes(r, "KEY1") + bytes(r, "KEY2") + bytes(r, "KEY3")
        } else if r.has("KEYS") {
            let k = try bytes(r, "KEYS")
            key = k + k + k
        } else {
            key = try bytes(r, "KEY")
        }
        var iv: [UInt8] = r.has("IV") ? try bytes(r, "IV") : []
        if r.has("NONCE") {
            guard let counter = try integer(r, "INITIAL_BLOCK_COUNTER"), counter <= Int(UInt32.max) else {
                throw RecordError(line: r.line, message: "NONCE needs INITIAL_BLOCK_COUNTER (a 32-bit count)")
            }
            iv = (0..<4).map { UInt8(truncatingIfNeeded: counter >> (8 * $0)) } + (try bytes(r, "NONCE"))
        }
        let name = algorithm.replacingKeyBits(key.count * 8)
        let isCFB1 = name.uppercased().hasSuffix("CFB1")
        let pt: [UInt8], ct: [UInt8]
        var bitLength: Int? = nil
        if isCFB1 {
            let p = try bitString(r, "PLAINTEXT"), c = try bitString(r, "CIPHERTEXT")
            guard p.bits == c.bits else {
                throw RecordError(line: r.line, message: "PLAINTEXT has \(p.bits) bits, CIPHERTEXT \(c.bits)")
            }
            pt = p.bytes
            ct = c.bytes
            bitLength = p.bits
        } else {
            pt = try bytes(r, "PLAINTEXT")
            ct = try bytes(r, "CIPHERTEXT")
            guard pt.count == ct.count else {
                throw RecordError(line: r.line, message: "PLAINTEXT has \(pt.count) bytes, CIPHERTEXT \(ct.count)")
            }
        }
        let direction: CipherDirection = r.sections["ENCRYPT"] != nil && r.sections["DECRYPT"] == nil ? .encrypt
            : r.sections["DECRYPT"] != nil && r.sections["ENCRYPT"] == nil ? .decrypt : .both
        let offset = try integer(r, "OFFSET") ?? 0
        let input = CipherInput(cipher: name, key: key, iv: iv, plaintext: pt, ciphertext: ct, direction: direction,
                                bitLength: bitLength, keystreamOffset: offset)
        var out = [Vector(id: direction == .both ? count : "\(direction.rawValue) \(count)", provenance: provenance(r.line, displayPath),
                          algorithm: name, operation: .cipher(input),
                          expected: .output(direction == .decrypt ? pt : ct), unsupported: unsupported)]
        for n in [100, 1000] where r.has("CIPHERTEXT\(n)") {
            var iterated = input
            iterated.ciphertext = try bytes(r, "CIPHERTEXT\(n)")
            iterated.direction = .encrypt
            iterated.iterations = n
            out.append(Vector(id: "\(count) iterated \(n)", provenance: provenance(r.field("CIPHERTEXT\(n)")!.line, displayPath),
                              algorithm: name, operation: .cipher(iterated), expected: .output(iterated.ciphertext)))
        }
        return out
    }

    private func upper(_ raw: NISTRecord) -> NISTRecord {
        var r = raw
        for i in r.fields.indices { r.fields[i].key = r.fields[i].key.uppercased() }
        return r
    }

    private func first(_ r: NISTRecord, _ keys: String...) -> String? { keys.first { r.has($0) } }

    private func aeadVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "KEY", "IV", "NONCE", "AAD", "AD", "PT", "PLAINTEXT", "IN", "CT", "CIPHERTEXT", "TAG", "FAIL", "RESULT"], &unsupported)
        let key = try bytes(r, "KEY")
        let iv = try bytes(r, first(r, "IV", "NONCE") ?? "IV")
        let aadKey = first(r, "AAD", "AD")
        let aad = aadKey == nil ? [] : try bytes(r, aadKey!)
        let ptKey = first(r, "PT", "PLAINTEXT", "IN"), ctKey = first(r, "CT", "CIPHERTEXT") ?? "CT"
        var ct = try bytes(r, ctKey)
        var tag: [UInt8]
        if r.has("TAG") {
            tag = try bytes(r, "TAG")
        } else {
            let n = (try sectionInteger(r, "Taglen")).map { $0 / 8 } ?? 16
            guard ct.count >= n else { throw RecordError(line: r.line, message: "ciphertext shorter than its \(n)-byte tag") }
            tag = Array(ct.suffix(n))
            ct.removeLast(n)
        }
        let forged = r.has("FAIL") || (r.field("RESULT").map { $0.value.uppercased().contains("ERROR") || $0.value.uppercased() == "FAIL" } ?? false)
        let pt = forged ? [] : try bytes(r, ptKey ?? "PT")
        let name = algorithm.replacingKeyBits(key.count * 8)
        var input = CipherInput(cipher: name, key: key, iv: iv, plaintext: pt, ciphertext: ct, direction: forged ? .decrypt : .both)
        input.aad = [aad]
        input.tag = tag
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: name, operation: .cipher(input),
                      expected: forged ? .failure("tag must not verify") : .output(ct), unsupported: unsupported)
    }

    private func keyWrapVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "K", "P", "C", "FAIL", "KEY", "INPUT", "OUTPUT"], &unsupported)
        let key = try bytes(r, first(r, "K", "KEY") ?? "K")
        let encrypting = kind == .keyWrapEncrypt
        let fail = r.has("FAIL")
        let p = fail ? [] : try bytes(r, first(r, "P", "INPUT") ?? "P")
        let c = try bytes(r, first(r, "C", "OUTPUT") ?? "C")
        let name = algorithm.replacingKeyBits(key.count * 8)
        let input = CipherInput(cipher: name, key: key, iv: [], plaintext: p, ciphertext: c,
                                direction: fail ? .decrypt : (encrypting ? .encrypt : .decrypt))
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: name, operation: .cipher(input),
                      expected: fail ? .failure("unwrap must fail") : .output(encrypting ? c : p), unsupported: unsupported)
    }

    private func macVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "KEY", "KEY1", "KEY2", "KEY3", "MESSAGE", "MSG", "OUTPUT", "TAG"], &unsupported)
        let parts = algorithm.split(separator: ":", maxSplits: 1).map(String.init)
        let key = r.has("KEY1") ? try bytes(r, "KEY1") + bytes(r, "KEY2") + bytes(r, "KEY3") : try bytes(r, "KEY")
        let msg = try bytes(r, first(r, "MESSAGE", "MSG") ?? "MESSAGE")
        let out = try bytes(r, first(r, "OUTPUT", "TAG") ?? "OUTPUT")
        let input = MACInput(mac: parts[0], underlying: parts.count > 1 ? parts[1] : nil, key: key, message: Message(msg))
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: parts[0], operation: .mac(input),
                      expected: .output(out), unsupported: unsupported)
    }

    private func kdfVectors(_ raw: NISTRecord, displayPath: String) throws -> [Vector] {
        let r = upper(raw)
        var unsupported: [String] = []
        let parts = algorithm.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts[0].uppercased()
        var params: [KDFParameter] = []
        if parts.count > 1 { params.append(KDFParameter("digest", .text(parts[1]))) }
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        func text(_ k: String) throws -> String {
            guard let f = r.field(k) else { throw RecordError(line: r.line, message: "missing field \(k)") }
            // RFC 6070 writes a NUL inside a password as `\0`.
            var out = "", rest = f.value[...]
            while let r = rest.firstRange(of: "\\0") {
                out += rest[..<r.lowerBound] + "\u{0}"
                rest = rest[r.upperBound...]
            }
            return out + rest
        }
        var out: [Vector] = []
        switch name {
        case "PBKDF2", "SCRYPT":
            checkKnown(r, ["COUNT", "PASSWORD", "SALT", "ITERATIONS", "LENGTH", "DERIVED_KEY", "N", "R", "P"], &unsupported)
            params.append(KDFParameter("pass", .text(try text("PASSWORD"))))
            params.append(KDFParameter("salt", .text(try text("SALT"))))
            if name == "PBKDF2" {
                params.append(KDFParameter("iter", .text(try text("ITERATIONS"))))
            } else {
                for k in ["N", "R", "P"] { params.append(KDFParameter(k.lowercased(), .text(try text(k)))) }
            }
            let dk = try bytes(r, "DERIVED_KEY")
            if let length = try integer(r, "LENGTH"), length != dk.count {
                throw RecordError(line: r.line, message: "LENGTH = \(length) but DERIVED_KEY has \(dk.count) bytes")
            }
            out.append(Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: name,
                              operation: .kdf(KDFInput(kdf: name, parameters: params, outputLength: dk.count)),
                              expected: .output(dk), unsupported: unsupported))
        case "HKDF":
            checkKnown(r, ["COUNT", "HASH", "IKM", "SALT", "INFO", "L", "PRK", "OKM"], &unsupported)
            let digest = try text("HASH")
            let base = [KDFParameter("digest", .text(digest)), KDFParameter("key", .bytes(try bytes(r, "IKM"))),
                        KDFParameter("salt", .bytes(r.has("SALT") ? try bytes(r, "SALT") : []))]
            let okm = try bytes(r, "OKM")
            if let l = try integer(r, "L"), l != okm.count {
                throw RecordError(line: r.line, message: "L = \(l) but OKM has \(okm.count) bytes")
            }
            let info = KDFParameter("info", .bytes(r.has("INFO") ? try bytes(r, "INFO") : []))
            out.append(Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: name,
                              operation: .kdf(KDFInput(kdf: name, parameters: base + [info], outputLength: okm.count)),
                              expected: .output(okm), unsupported: unsupported))
            if r.has("PRK") {
                let prk = try bytes(r, "PRK")
                out.append(Vector(id: "\(count) PRK", provenance: provenance(r.field("PRK")!.line, displayPath), algorithm: name,
                                  operation: .kdf(KDFInput(kdf: name, parameters: base + [KDFParameter("mode", .text("EXTRACT_ONLY"))],
                                                           outputLength: prk.count)),
                                  expected: .output(prk), unsupported: unsupported))
            }
        default:
            throw RecordError(line: r.line, message: "no record reader for KDF '\(parts[0])'")
        }
        return out
    }

    private func ccmVector(_ raw: NISTRecord, shared: [String: NISTRecord.Field], displayPath: String) throws -> Vector {
        var r = upper(raw)
        for (k, f) in shared where !r.has(k) { r.fields.append(NISTRecord.Field(key: k, value: f.value, line: f.line)) }
        for (k, v) in raw.sections where !r.has(k.uppercased()) {
            r.fields.append(NISTRecord.Field(key: k.uppercased(), value: v, line: r.line))
        }
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "KEY", "NONCE", "ADATA", "PAYLOAD", "CT", "RESULT", "PLEN", "NLEN", "TLEN", "ALEN"], &unsupported)
        guard let plen = try integer(r, "PLEN"), let tlen = try integer(r, "TLEN"), let alen = try integer(r, "ALEN") else {
            throw RecordError(line: r.line, message: "CCM record needs Plen, Tlen and Alen (in a header or before it)")
        }
        let key = try bytes(r, "KEY"), nonce = try bytes(r, "NONCE")
        let adata = Array(try bytes(r, "ADATA").prefix(alen))
        let ctAndTag = try bytes(r, "CT")
        guard ctAndTag.count == plen + tlen, adata.count == alen else {
            throw RecordError(line: r.line, message: "CT must hold Plen + Tlen = \(plen + tlen) bytes and Adata Alen = \(alen), found \(ctAndTag.count) and \(adata.count)")
        }
        let fail = r.field("RESULT").map { $0.value.uppercased().hasPrefix("FAIL") } ?? false
        let payload = fail ? [] : Array(try bytes(r, "PAYLOAD").prefix(plen))
        let name = algorithm.replacingKeyBits(key.count * 8)
        var input = CipherInput(cipher: name, key: key, iv: nonce, plaintext: payload, ciphertext: Array(ctAndTag.prefix(plen)),
                                direction: fail ? .decrypt : .both)
        input.aad = [adata]
        input.tag = Array(ctAndTag.suffix(tlen))
        let count = r.field("COUNT").map { "Count=\($0.value)" } ?? "line \(r.line)"
        return Vector(id: count, provenance: provenance(raw.line, displayPath), algorithm: name, operation: .cipher(input),
                      expected: fail ? .failure("tag must not verify") : .output(input.ciphertext), unsupported: unsupported)
    }

    private func xtsVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "DATAUNITLEN", "KEY", "I", "DATAUNITSEQNUMBER", "PT", "CT"], &unsupported)
        let key = try bytes(r, "KEY")
        var tweak: [UInt8]
        if let seq = try integer(r, "DATAUNITSEQNUMBER") {
            // IEEE 1619: the data unit sequence number as a 128-bit little-endian tweak.
            tweak = (0..<16).map { $0 < 8 ? UInt8(truncatingIfNeeded: seq >> (8 * $0)) : 0 }
        } else {
            tweak = try bytes(r, "I")
        }
        if let bits = try integer(r, "DATAUNITLEN"), bits % 8 != 0 {
            unsupported.append("data unit of \(bits) bits (not whole bytes; OpenSSL's XTS takes bytes)")
        }
        let pt = try bytes(r, "PT"), ct = try bytes(r, "CT")
        let name = algorithm.replacingKeyBits(key.count * 4)
        let direction: CipherDirection = r.sections["ENCRYPT"] != nil ? .encrypt : r.sections["DECRYPT"] != nil ? .decrypt : .both
        let input = CipherInput(cipher: name, key: key, iv: tweak, plaintext: pt, ciphertext: ct, direction: direction)
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(id: count, provenance: provenance(r.line, displayPath), algorithm: name, operation: .cipher(input),
                      expected: .output(direction == .decrypt ? pt : ct), unsupported: unsupported)
    }

    private func provenance(_ line: Int, _ displayPath: String) -> Provenance {
        Provenance(file: displayPath, line: line, corpus: corpus)
    }

    private func vectors(from r: NISTRecord, displayPath: String, mct: inout MonteCarloState) throws -> [Vector] {
        var unsupported: [String] = []
        let count = r.field("COUNT").map { "COUNT=\($0.value)" }
        switch kind {
        case .hash:
            checkKnown(r, ["Len", "Msg", "MD", "Output", "Outputlen", "COUNT"], &unsupported)
            let msg = try message(r, unsupported: &unsupported)
            var outputLength: Int? = nil
            let expected: [UInt8]
            if r.has("Output") {
                expected = try bytes(r, "Output")
                outputLength = expected.count
                if let bits = try integer(r, "Outputlen") ?? sectionInteger(r, "Outputlen") {
                    if bits % 8 != 0 { unsupported.append("bit-length output (Outputlen = \(bits))") }
                    else if bits / 8 != expected.count {
                        throw RecordError(line: r.field("Output")!.line, message: "Output has \(expected.count) bytes but Outputlen = \(bits) bits")
                    }
                }
            } else {
                expected = try bytes(r, "MD")
            }
            return [Vector(id: count ?? "line \(r.line)", provenance: provenance(r.line, displayPath), algorithm: algorithm,
                           operation: .digest(message: Message(msg), outputLength: outputLength),
                           expected: .output(expected), unsupported: unsupported)]

        case .hmac:
            checkKnown(r, ["Len", "Key", "Msg", "MD", "COUNT"], &unsupported)
            let key = try bytes(r, "Key")
            let msg = try message(r, unsupported: &unsupported)
            let md = try bytes(r, "MD")
            return [Vector(id: count ?? "line \(r.line)", provenance: provenance(r.line, displayPath), algorithm: "HMAC",
                           operation: .mac(MACInput(mac: "HMAC", underlying: algorithm, key: key, message: Message(msg))),
                           expected: .output(md), unsupported: unsupported)]

        case .cipher:
            return try cipherVectors(r, displayPath: displayPath)
        case .aead:
            return [try aeadVector(r, displayPath: displayPath)]
        case .keyWrapEncrypt, .keyWrapDecrypt:
            return [try keyWrapVector(r, displayPath: displayPath)]
        case .mac:
            return [try macVector(r, displayPath: displayPath)]
        case .kdf:
            return try kdfVectors(r, displayPath: displayPath)
        case .xts:
            return [try xtsVector(r, displayPath: displayPath)]
        case .ccm:
            if !r.fields.contains(where: { $0.key.uppercased() == "COUNT" }) {
                for f in r.fields { mct.shared[f.key.uppercased()] = f }
                return []
            }
            return [try ccmVector(r, shared: mct.shared, displayPath: displayPath)]

        case .monteCarloTrace:
            // The trace shows the first steps of each checkpoint as M/MDi, and closes the
            // checkpoint with the chain's result MD, which we check as a Monte Carlo case.
            if r.has("Seed") && !r.has("M") {
                mct.seed = try bytes(r, "Seed")
                mct.previous = nil
                return []
            }
            checkKnown(r, ["COUNT", "i", "M", "MDi", "MD"], &unsupported)
            let m = try bytes(r, "M")
            let md = try bytes(r, "MDi")
            let step = r.field("i").map { "i=\($0.value)" } ?? "line \(r.line)"
            var out = [Vector(id: step, provenance: provenance(r.line, displayPath), algorithm: algorithm,
                              operation: .digest(message: Message(m), outputLength: nil), expected: .output(md), unsupported: unsupported)]
            if let f = r.field("MD"), f.value == "?" {
                // Some trace files print `MD = ?` for checkpoints they do not give; the chain
                // cannot be followed past one.
                out.append(Vector(id: "checkpoint at line \(f.line)", provenance: provenance(f.line, displayPath), algorithm: algorithm,
                                  operation: .digestMonteCarlo(MonteCarlo(style: .sha2, seed: [])), expected: .output([]),
                                  unsupported: ["checkpoint value not given by the corpus (MD = ?)"]))
                mct.seed = nil
                mct.previous = nil
            } else if let f = r.field("MD") {
                guard let seed = mct.previous ?? mct.seed else {
                    throw RecordError(line: f.line, message: "Monte Carlo checkpoint before any Seed")
                }
                let checkpoint = try bytes(r, "MD")
                out.append(Vector(id: "checkpoint at line \(f.line)", provenance: provenance(f.line, displayPath), algorithm: algorithm,
                                  operation: .digestMonteCarlo(MonteCarlo(style: .sha2, seed: seed)), expected: .output(checkpoint)))
                mct.previous = checkpoint
            }
            return out

        case .monteCarlo:
            if r.has("Seed") || (r.has("Msg") && !r.has("COUNT")) {
                mct.seed = try bytes(r, r.has("Seed") ? "Seed" : "Msg")
                mct.previous = nil
                return []
            }
            checkKnown(r, ["COUNT", "MD", "Output", "Outputlen"], &unsupported)
            guard let seed = mct.previous ?? mct.seed else {
                throw RecordError(line: r.line, message: "Monte Carlo checkpoint before any Seed")
            }
            let isXOF = r.has("Output")
            let expected = try bytes(r, isXOF ? "Output" : "MD")
            var m: MonteCarlo
            if isXOF {
                guard let minBits = try sectionInteger(r, "Minimum Output Length (bits)"),
                      let maxBits = try sectionInteger(r, "Maximum Output Length (bits)") else {
                    throw RecordError(line: r.line, message: "SHAKE Monte Carlo needs [Minimum/Maximum Output Length (bits)] headers")
                }
                let minBytes = minBits / 8, maxBytes = maxBits / 8
                guard minBytes > 0, maxBytes >= minBytes else {
                    throw RecordError(line: r.line, message: "bad output length range [\(minBits), \(maxBits)] bits")
                }
                var first = maxBytes
                if let prev = mct.previous {
                    guard prev.count >= 2 else { throw RecordError(line: r.line, message: "previous output shorter than 16 bits") }
                    let tail = Int(prev[prev.count - 2]) << 8 | Int(prev[prev.count - 1])
                    first = minBytes + tail % (maxBytes - minBytes + 1)
                }
                let stated = try integer(r, "Outputlen")
                if let s = stated, s != expected.count * 8 {
                    throw RecordError(line: r.field("Outputlen")!.line, message: "Outputlen = \(s) but Output has \(expected.count) bytes")
                }
                m = MonteCarlo(style: .shake(minBytes: minBytes, maxBytes: maxBytes), seed: seed,
                               initialOutputLength: first, finalOutputLength: expected.count)
            } else {
                m = MonteCarlo(style: Self.isSHA3(algorithm) ? .sha3 : .sha2, seed: seed)
            }
            mct.previous = expected
            return [Vector(id: count ?? "line \(r.line)", provenance: provenance(r.line, displayPath), algorithm: algorithm,
                           operation: .digestMonteCarlo(m), expected: .output(expected), unsupported: unsupported)]
        }
    }
}
