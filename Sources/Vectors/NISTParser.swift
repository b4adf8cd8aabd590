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
        do {
            while let record = try reader.next() {
                do {
                    for v in try vectors(from: record, displayPath: displayPath, mct: &mct) {
                        sink.vector(v)
                    }
                } catch let e as RecordError {
                    report(e.line ?? record.line, e.message)
                }
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
    }

    private func bytes(_ r: NISTRecord, _ key: String) throws -> [UInt8] {
        guard let f = r.field(key) else { throw RecordError(line: r.line, message: "missing field \(key)") }
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
