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
                    // Only the new fields are looked at, and the carried ones are appended in
                    // place, so a file of output-less records stays linear.
                    let done = record.fields.contains { ["OKM", "DERIVED_KEY"].contains($0.key.uppercased()) }
                    if var c = carry {
                        carry = nil
                        c.fields.append(contentsOf: record.fields)
                        c.sections = record.sections
                        record = c
                    }
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
            report(reader.lineNumber, "\(error)")
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
        /// CCM: the first few shared fields that are not CCM fields.
        var sharedUnknown: [String] = []
    }

    /// The fields a CCM record reads, from itself, the shared records before it or the headers.
    static let ccmFields: Set<String> = [
        "COUNT", "KEY", "NONCE", "ADATA", "PAYLOAD", "CT", "RESULT", "PLEN", "NLEN", "TLEN", "ALEN",
    ]

    func bytes(_ r: NISTRecord, _ key: String) throws -> [UInt8] {
        guard let f = r.field(key) else { throw RecordError(line: r.line, message: "missing field \(key)") }
        if f.value.count >= 2, f.value.first == "\"", f.value.last == "\"" {
            return Array(f.value.utf8.dropFirst().dropLast())
        }
        do { return try Hex.decode(f.value) } catch { throw RecordError(line: f.line, message: "\(key): \(error)") }
    }

    func integer(_ r: NISTRecord, _ key: String) throws -> Int? {
        guard let f = r.field(key) else { return nil }
        guard let v = Int(f.value), v >= 0 else {
            throw RecordError(line: f.line, message: "\(key): not a non-negative integer: '\(f.value)'")
        }
        return v
    }

    func sectionInteger(_ r: NISTRecord, _ key: String) throws -> Int? {
        guard let s = r.sections[key] else { return nil }
        guard let v = Int(s), v >= 0 else {
            throw RecordError(line: r.line, message: "[\(key)]: not an integer: '\(s)'")
        }
        return v
    }

    /// Msg truncated to `Len` bits; `Len = 0` with `Msg = 00` is the empty message.
    func message(_ r: NISTRecord, unsupported: inout [String]) throws -> [UInt8] {
        let msg = try bytes(r, "Msg")
        guard let bits = try integer(r, "Len") else { return msg }
        if bits % 8 != 0 { unsupported.append("bit-oriented message (Len = \(bits))") }
        let n = bits / 8
        guard n <= msg.count else {
            throw RecordError(line: r.field("Len")!.line, message: "Len = \(bits) but Msg has only \(msg.count) bytes")
        }
        return Array(msg[0..<n])
    }

    func checkKnown(_ r: NISTRecord, _ known: Set<String>, _ unsupported: inout [String]) {
        for f in r.fields where !known.contains(f.key) { unsupported.append("field \(f.key)") }
    }

    /// NIST CFB1 files write each message as a string of `0`/`1` digits.
    func bitString(_ r: NISTRecord, _ key: String) throws -> (bytes: [UInt8], bits: Int) {
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

    func upper(_ raw: NISTRecord) -> NISTRecord {
        var r = raw
        for i in r.fields.indices { r.fields[i].key = r.fields[i].key.uppercased() }
        return r
    }

    func first(_ r: NISTRecord, _ keys: String...) -> String? { keys.first { r.has($0) } }

    func provenance(_ line: Int, _ displayPath: String) -> Provenance {
        Provenance(file: displayPath, line: line, corpus: corpus)
    }

    /// The vectors of one record, by the parser's kind; each kind's reading is in its own file
    /// (NISTHash, NISTMonteCarlo, NISTCipher, NISTAEAD, NISTMAC, NISTKDF).
    private func vectors(from r: NISTRecord, displayPath: String, mct: inout MonteCarloState) throws -> [Vector] {
        switch kind {
        case .hash:
            return try hashVector(r, displayPath: displayPath)
        case .hmac:
            return try hmacVector(r, displayPath: displayPath)
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
                // Only the fields a CCM record reads are kept (others are listed once, as
                // unsupported), so every record costs the same however many a file shares.
                for f in r.fields {
                    let k = f.key.uppercased()
                    if Self.ccmFields.contains(k) {
                        mct.shared[k] = f
                    } else if mct.sharedUnknown.count < 4, !mct.sharedUnknown.contains(k) {
                        mct.sharedUnknown.append(k)
                    }
                }
                return []
            }
            return [
                try ccmVector(r, shared: mct.shared, sharedUnknown: mct.sharedUnknown, displayPath: displayPath)
            ]

        case .monteCarloTrace:
            return try monteCarloTraceVectors(r, displayPath: displayPath, mct: &mct)
        case .monteCarlo:
            return try monteCarloVectors(r, displayPath: displayPath, mct: &mct)
        }
    }
}
