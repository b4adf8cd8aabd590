// Readers for the DSA and DH files of cryptography-vectors (asymmetric/DSA/, asymmetric/DH/):
// NIST CAVP DSA files (FIPS 186-2 and 186-3 SigGen, SigVer, KeyPair, PQGGen, PQGVer), NIST KAS
// FFC validity files (and RFC5114.txt in their layout), pyca's DH text files (vec.txt and
// bad_exchange.txt with decimal numbers, dhkey*.txt, rfc3526.txt), and key files (PEM or DER,
// one case each). Every record becomes an `FFCCheck`; every key file a `KeyFileCheck`.

/// Sizes beyond which a value is a diagnostic rather than an allocation.
enum FFCVectorLimits {
    /// A number (p, q, g, x, y, r, s, Z): 16,384 bits, above LibCrypto's 10,000-bit DSA and DH.
    static let numberBytes = 2048
    /// A decimal number's digits (16,384 bits is 4,933 digits).
    static let decimalDigits = 5000
    /// A message or seed.
    static let valueBytes = 1 << 20
    /// Fields one record may gather (the largest, a KAS or Shawe-Taylor record, has 9).
    static let fieldsPerRecord = 64
    /// The largest counter FIPS 186-4 allows is 4L − 1 for L ≤ 16,384.
    static let maxCounter = 4 * 16_384
}

/// NIST CAVP and pyca DSA and DH records. Fields gather across blank lines until the field that
/// completes a record of the operation (`S` for `siggen`, `Result` for `sigver`, `pqgver` and
/// `kas`, both `X` and `Y` for `keypair`, ...); `P`, `Q` and `G` stay in force for the records
/// after them (a new `P` forgets `Q` and `G`). `[mod = L=2048, N=256, SHA-256]` headers give
/// the digest (`[mod = 1024]`: FIPS 186-2, SHA-1); other headers name the section
/// (`[A.1.1.2 …]`, `[FA - SHA1]`).
///
/// - `siggen` (DSA): with `X` (the `.txt` files) sign `Msg` and verify that signature, and
///   verify the file's `(R, S)` with `Y`; without `X`, verify `(R, S)`.
/// - `sigver` (DSA): `(R, S)` verifies on `Result = P`, fails on `F`.
/// - `keypair`: `Y = G^X mod P` (DSA: also `0 < X < Q`).
/// - `pqggen` (DSA): A.1.1.2 `P`, `Q` from `domain_parameter_seed` and `counter`; A.2.1 `G`
///   valid by A.2.2; A.2.3 `G` canonical from the seed and `index`; FIPS 186-2 (`[mod = 1024]`)
///   `P`, `Q` from `Seed` and `c` by its own construction. Shawe-Taylor (A.1.2.1) is an
///   unsupported case with the reason (OpenSSL has none).
/// - `pqgver` (DSA): A.1.1.3, A.2.2, A.2.4 and FIPS 186-2's seeds agree with `Result`.
/// - `kas` (DH): NIST KAS FFC ZZ-only records (`XstatIUT`, `YstatIUT`, `YstatCAVS`, `Z`,
///   `CAVSHashZZ`, `Result`).
/// - `derive` (DH): `X` with the peer's `Y` gives `K` (hex; below 512 bits OpenSSL refuses).
/// - `derive-fail` (DH): `X1` on `P1` with the peer `Y2` on `P2` must fail.
/// - `group` (DH): `P`, `G` are the RFC 3526 group of p's size (`modp_<bits>`).
///
/// The algorithm column is `DSA` or `DH`; `DH decimal` reads P, G, X, Y (and their 1/2
/// variants) as decimal numbers.
public struct FFCRecordParser {
    public enum Operation: String, Sendable, CaseIterable {
        case sigGen = "siggen"
        case sigVer = "sigver"
        case keyPair = "keypair"
        case pqgGen = "pqggen"
        case pqgVer = "pqgver"
        case kas
        case derive
        case deriveFail = "derive-fail"
        case group
    }

    public var operation: Operation
    /// DH (else DSA).
    public var isDH: Bool
    /// P, G, X, Y are decimal (pyca's vec.txt and bad_exchange.txt).
    public var decimal: Bool
    public var corpus: String

    public init(operation: Operation, isDH: Bool, decimal: Bool = false, corpus: String) {
        self.operation = operation
        self.isDH = isDH
        self.decimal = decimal
        self.corpus = corpus
    }

    /// Reads the manifest's algorithm column: `DSA`, `DH` or `DH decimal`.
    public init?(operation: String, algorithm: String, corpus: String) {
        guard let op = Operation(rawValue: operation) else { return nil }
        let words = algorithm.uppercased().split(separator: " ")
        guard let first = words.first, first == "DSA" || first == "DH" else { return nil }
        let dsaOnly: Set<Operation> = [.sigGen, .sigVer, .pqgGen, .pqgVer]
        let dhOnly: Set<Operation> = [.kas, .derive, .deriveFail, .group]
        if first == "DH" && dsaOnly.contains(op) || first == "DSA" && dhOnly.contains(op) { return nil }
        self.init(operation: op, isDH: first == "DH", decimal: words.dropFirst().contains("DECIMAL"), corpus: corpus)
    }

    struct RecordError: Error {
        var line: Int
        var message: String
    }

    /// One gathered record: fields by name (the first occurrence's line), and the headers.
    struct Record {
        var fields: [String: (value: String, line: Int)] = [:]
        var order: [String] = []
        var line = 0
        var mod = ""
        var section = ""

        func value(_ key: String) -> String? { fields[key]?.value }
        func has(_ key: String) -> Bool { fields[key] != nil }
        func line(_ key: String) -> Int { fields[key]?.line ?? line }
    }

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        func report(_ line: Int, _ message: String) {
            sink.diagnostic(Diagnostic(file: displayPath, line: line, corpus: corpus, message: message))
        }
        let reader: LineReader
        do { reader = try LineReader(path: path) } catch {
            report(0, "\(error)")
            return
        }
        var domain: [String: (value: String, line: Int)] = [:]
        var record = Record()
        var mod = ""
        var section = ""
        func finish() {
            defer { record = Record() }
            do {
                for v in try vectors(record, displayPath: displayPath) { sink.vector(v) }
            } catch let e as RecordError {
                report(e.line, e.message)
            } catch {
                report(record.line, "\(error)")
            }
        }
        do {
            while let raw = try reader.next() {
                let n = reader.lineNumber
                var text = raw[...].trimmingWhitespace()
                if let hash = text.firstIndex(of: "#") { text = text[..<hash].trimmingWhitespace() }
                if text.isEmpty { continue }
                if text.first == "[" {
                    guard text.last == "]" else {
                        report(n, "unterminated section header")
                        continue
                    }
                    let inner = String(text.dropFirst().dropLast().trimmingWhitespace().prefix(200))
                    if inner.hasPrefix("mod") { mod = inner } else { section = inner }
                    continue
                }
                guard let eq = text.firstIndex(of: "=") else {
                    report(n, "expected 'key = value', found '\(text.prefix(40))'")
                    continue
                }
                let key = String(text[..<eq].trimmingWhitespace().prefix(64))
                let value = String(text[text.index(after: eq)...].trimmingWhitespace())
                if key == "P" || key == "P1" {
                    // New domain parameters: the Q and G before them are no longer in force.
                    domain = [:]
                }
                if ["P", "Q", "G"].contains(key) { domain[key] = (value, n) }
                if record.fields.isEmpty {
                    record.line = n
                    record.mod = mod
                    record.section = section
                }
                guard record.fields.count < FFCVectorLimits.fieldsPerRecord || record.fields[key] != nil else {
                    report(n, "more than \(FFCVectorLimits.fieldsPerRecord) fields in one record; rest dropped")
                    record = Record()
                    continue
                }
                if record.fields[key] != nil, !["P", "Q", "G"].contains(key) {
                    report(n, "field \(key) repeats before its record is complete; the earlier record is dropped")
                    record = Record()
                    record.line = n
                    record.mod = mod
                    record.section = section
                }
                if record.fields[key] == nil { record.order.append(key) }
                record.fields[key] = (value, n)
                if complete(record) {
                    for (k, v) in domain where record.fields[k] == nil { record.fields[k] = v }
                    finish()
                }
            }
        } catch {
            report(reader.lineNumber, "\(error)")
        }
        let leftover = record.order.filter { !["P", "Q", "G", "COUNT"].contains($0) }
        if operation == .sigGen, leftover == ["Msg"] {
            // FIPS_186-2/SigGen.rsp ends with a request (Msg) that has no response (Y, R, S):
            // nothing to check, a skip that says so rather than an input error.
            sink.vector(
                Vector(
                    id: "line \(record.line)",
                    provenance: Provenance(file: displayPath, line: record.line, corpus: corpus),
                    algorithm: "DSA",
                    operation: .unsupported(
                        "the file's last record is a Msg without its Y, R and S (a request with no response)"),
                    expected: .output([])))
        } else if !leftover.isEmpty {
            report(
                record.line,
                "incomplete record at the end of the file (fields \(leftover.prefix(8).joined(separator: ", ")))")
        }
    }

    /// Whether the record has the field that completes it for this operation.
    func complete(_ r: Record) -> Bool {
        switch operation {
        case .sigGen: return r.has("S")
        case .sigVer, .pqgVer, .kas: return r.has("Result")
        case .keyPair: return r.has("X") && r.has("Y")
        case .derive: return r.has("K")
        case .deriveFail: return r.has("Y2")
        case .group: return r.has("P") && r.has("G")
        case .pqgGen:
            if !r.mod.contains("L=") { return r.has("H") }  // FIPS 186-2: P, Q, G, Seed, c, H
            if r.section.hasPrefix("A.1.1.2") { return r.has("counter") }
            if r.section.hasPrefix("A.1.2.1") { return r.has("pgen_counter") && r.has("qgen_counter") }
            return r.has("G")
        }
    }

    // MARK: values

    func number(_ r: Record, _ key: String) throws -> [UInt8] {
        guard let v = r.fields[key] else { throw RecordError(line: r.line, message: "missing field \(key)") }
        let decimalKeys: Set<String> = ["P", "G", "X", "Y", "P1", "P2", "X1", "X2", "Y1", "Y2"]
        do {
            if decimal && decimalKeys.contains(key) { return try Self.decimalBytes(v.value[...], what: key) }
            let digits = v.value.filter { $0 != " " && $0 != "\t" }
            guard digits.utf8.count <= FFCVectorLimits.numberBytes * 2 + 2 else {
                throw FieldError("\(key): more than \(FFCVectorLimits.numberBytes) bytes")
            }
            guard !digits.isEmpty else { throw FieldError("\(key): empty") }
            do {
                return try Hex.decode(digits.utf8.count % 2 == 1 ? "0" + digits : digits)
            } catch { throw FieldError("\(key): \(error)") }
        } catch let e as FieldError {
            throw RecordError(line: v.line, message: e.message)
        }
    }

    func optionalNumber(_ r: Record, _ key: String) throws -> [UInt8]? {
        r.has(key) ? try number(r, key) : nil
    }

    func bytes(_ r: Record, _ key: String) throws -> [UInt8] {
        guard let v = r.fields[key] else { throw RecordError(line: r.line, message: "missing field \(key)") }
        guard v.value.utf8.count <= FFCVectorLimits.valueBytes * 2 else {
            throw RecordError(line: v.line, message: "\(key): more than \(FFCVectorLimits.valueBytes) bytes")
        }
        do { return try Hex.decode(v.value) } catch {
            throw RecordError(line: v.line, message: "\(key): \(error)")
        }
    }

    /// A decimal number as big-endian bytes (no leading zero bytes; zero is `[0]`).
    static func decimalBytes(_ text: Substring, what: String) throws -> [UInt8] {
        let digits = text.filter { $0 != " " && $0 != "\t" }
        guard !digits.isEmpty else { throw FieldError("\(what): empty") }
        guard digits.utf8.count <= FFCVectorLimits.decimalDigits else {
            throw FieldError("\(what): more than \(FFCVectorLimits.decimalDigits) decimal digits")
        }
        var out: [UInt8] = [0]  // little-endian while building
        for c in digits.utf8 {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else {
                throw FieldError("\(what): '\(Character(Unicode.Scalar(c)))' is not a decimal digit")
            }
            var carry = Int(c - UInt8(ascii: "0"))
            for i in out.indices {
                let v = Int(out[i]) * 10 + carry
                out[i] = UInt8(v & 0xFF)
                carry = v >> 8
            }
            while carry > 0 {
                out.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        while out.count > 1, out.last == 0 { out.removeLast() }
        return out.reversed()
    }

    /// OpenSSL's name of a CAVP digest (`SHA-1`, `SHA-512/224`, `SHA256`).
    static func digest(_ text: Substring) -> String? {
        let names = [
            "SHA1": "SHA1", "SHA224": "SHA224", "SHA256": "SHA256", "SHA384": "SHA384", "SHA512": "SHA512",
            "SHA512224": "SHA512-224", "SHA512256": "SHA512-256",
        ]
        return names[text.uppercased().filter { $0 != "-" && $0 != "/" && $0 != " " }]
    }

    /// The digest a `[mod = …]` header names; SHA-1 for FIPS 186-2's `[mod = 1024]`.
    func modDigest(_ r: Record) throws -> String {
        guard r.mod.contains("L=") else { return "SHA1" }
        for part in r.mod.split(separator: ",") {
            let t = part.trimmingWhitespace()
            if t.uppercased().hasPrefix("SHA") {
                guard let d = Self.digest(t) else {
                    throw RecordError(
                        line: r.line, message: "unknown digest '\(t.prefix(40))' in [\(r.mod.prefix(60))]")
                }
                return d
            }
        }
        throw RecordError(line: r.line, message: "no digest in [\(r.mod.prefix(60))]")
    }

    func result(_ r: Record) throws -> Bool {
        guard let v = r.fields["Result"] else { throw RecordError(line: r.line, message: "missing field Result") }
        switch v.value.first {
        case "P": return true
        case "F": return false
        default: throw RecordError(line: v.line, message: "Result: expected P or F, found '\(v.value.prefix(40))'")
        }
    }

    /// The fields each operation reads, and those it passes over (notes, intermediate values).
    static let informational: Set<String> = [
        "COUNT", "K", "H", "XstatCAVS", "pgen_counter", "qgen_counter", "firstseed", "pseed", "qseed", "X2", "Y1",
    ]

    // MARK: records to vectors

    func vectors(_ r: Record, displayPath: String) throws -> [Vector] {
        var unknown: [String] = []
        let known: Set<String> = [
            "P", "Q", "G", "X", "Y", "Msg", "R", "S", "Result", "domain_parameter_seed", "counter", "Seed", "c",
            "index", "XstatIUT", "YstatIUT", "YstatCAVS", "Z", "CAVSHashZZ", "P1", "P2", "X1", "Y2",
        ]
        for k in r.order where !known.contains(k) && !Self.informational.contains(k) {
            unknown.append("field \(k.prefix(40))")
        }
        let id = r.value("COUNT").map { "COUNT=\($0.prefix(20)) (line \(r.line))" } ?? "line \(r.line)"
        func vector(_ check: FFCCheck, _ name: String, pass: Bool = true, note: String = "FAIL", suffix: String = "")
            -> Vector
        {
            Vector(
                id: id + suffix, provenance: Provenance(file: displayPath, line: r.line, corpus: corpus),
                algorithm: name, operation: .ffc(check), expected: pass ? .output([]) : .failure(note),
                unsupported: unknown)
        }
        let resultNote = r.value("Result").map { "Result = \($0.prefix(60))" } ?? "FAIL"
        switch operation {
        case .sigGen, .sigVer:
            let d = try modDigest(r)
            var c = try domainCheck(r, kind: .dsaVerify)
            c.digest = d
            c.message = try bytes(r, "Msg")
            c.y = try number(r, "Y")
            c.r = try number(r, "R")
            c.s = try number(r, "S")
            if operation == .sigGen, r.has("X") {
                c.kind = .dsaSign
                c.x = try number(r, "X")
            }
            let pass = operation == .sigGen ? true : try result(r)
            return [vector(c, "DSA-\(d)", pass: pass, note: resultNote)]
        case .keyPair:
            var c = try domainCheck(r, kind: isDH ? .dhKeyPair : .dsaKeyPair)
            c.x = try number(r, "X")
            c.y = try number(r, "Y")
            return [vector(c, isDH ? "DH" : "DSA")]
        case .pqgGen:
            return try pqgGen(r, vector)
        case .pqgVer:
            return try pqgVer(r, vector, note: resultNote)
        case .kas:
            var c = try domainCheck(r, kind: .dhAgreement)
            c.x = try number(r, "XstatIUT")
            c.y = try number(r, "YstatIUT")
            c.peerY = try number(r, "YstatCAVS")
            c.secret = try number(r, "Z")
            if r.has("CAVSHashZZ") {
                c.secretHash = try bytes(r, "CAVSHashZZ")
                let fromSection = r.section.split(separator: "-").last.flatMap { Self.digest($0) }
                let byLength = [20: "SHA1", 28: "SHA224", 32: "SHA256", 48: "SHA384", 64: "SHA512"]
                guard let d = fromSection ?? byLength[c.secretHash?.count ?? 0] else {
                    throw RecordError(line: r.line("CAVSHashZZ"), message: "no digest for CAVSHashZZ")
                }
                c.digest = d
            }
            return [vector(c, "DH", pass: try result(r), note: resultNote)]
        case .derive:
            var c = FFCCheck(kind: .dhDerive, p: try number(r, "P"))
            c.g = try number(r, "G")
            c.x = try number(r, "X")
            c.peerY = try number(r, "Y")
            c.secret = try bytes(r, "K")
            if Self.bitCount(c.p) < 512 {
                // OpenSSL 3.0 refuses DH moduli below DH_MIN_MODULUS_BITS (512, crypto/dh/dh_local.h):
                // EVP_PKEY_derive fails with MODULUS_TOO_SMALL; LibCrypto must refuse as it does.
                return [
                    vector(
                        c, "DH", pass: false,
                        note:
                            "MODULUS_TOO_SMALL: a \(Self.bitCount(c.p))-bit modulus, below OpenSSL 3.0's DH_MIN_MODULUS_BITS (512); K is not comparable"
                    )
                ]
            }
            return [vector(c, "DH")]
        case .deriveFail:
            var c = FFCCheck(kind: .dhDerive, p: try number(r, "P1"))
            c.g = try number(r, "G")
            c.x = try number(r, "X1")
            c.peerP = try number(r, "P2")
            c.peerY = try number(r, "Y2")
            return [vector(c, "DH", pass: false, note: "the exchange must fail (pyca bad_exchange.txt)")]
        case .group:
            let c0 = try domainCheck(r, kind: .dhGroup)
            var c = c0
            c.group = "modp_\(Self.bitCount(c.p))"
            return [vector(c, "DH")]
        }
    }

    func domainCheck(_ r: Record, kind: FFCCheck.Kind) throws -> FFCCheck {
        var c = FFCCheck(kind: kind, p: try number(r, "P"))
        c.q = try optionalNumber(r, "Q") ?? []
        c.g = try optionalNumber(r, "G") ?? []
        if kind != .dsaPrimes, c.g.isEmpty { throw RecordError(line: r.line, message: "no G for this record") }
        if !isDH, c.q.isEmpty {
            throw RecordError(line: r.line, message: "no Q for this record")
        }
        return c
    }

    static func bitCount(_ b: [UInt8]) -> Int {
        guard let i = b.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (b.count - i - 1) * 8 + (8 - b[i].leadingZeroBitCount)
    }

    func counter(_ r: Record, _ key: String) throws -> Int {
        guard let v = r.fields[key] else { throw RecordError(line: r.line, message: "missing field \(key)") }
        guard let n = Int(v.value), n >= 0, n <= FFCVectorLimits.maxCounter else {
            throw RecordError(
                line: v.line,
                message:
                    "\(key): expected a counter of at most \(FFCVectorLimits.maxCounter), found '\(v.value.prefix(40))'"
            )
        }
        return n
    }

    func index(_ r: Record) throws -> UInt8 {
        guard let v = r.fields["index"] else { throw RecordError(line: r.line, message: "missing field index") }
        guard let n = UInt8(v.value, radix: 16) else {
            throw RecordError(line: v.line, message: "index: expected one hex byte, found '\(v.value.prefix(40))'")
        }
        return n
    }

    static let shaweTaylor =
        "Shawe-Taylor prime construction (FIPS 186-4 A.1.2): OpenSSL 3.0 has none (crypto/ffc generates and validates only A.1.1.2 probable primes)"

    /// The seed of an A.2.3/A.2.4 record: `domain_parameter_seed`, or for Shawe-Taylor primes
    /// `firstseed ‖ pseed ‖ qseed` (FIPS 186-4 A.2.3, the note on `domain_parameter_seed`).
    func generatorSeed(_ r: Record) throws -> [UInt8] {
        if r.has("domain_parameter_seed") { return try bytes(r, "domain_parameter_seed") }
        return try bytes(r, "firstseed") + bytes(r, "pseed") + bytes(r, "qseed")
    }

    func pqgGen(_ r: Record, _ vector: (FFCCheck, String, Bool, String, String) -> Vector) throws -> [Vector] {
        let d = try modDigest(r)
        let name = "DSA-\(d)"
        if !r.mod.contains("L=") {
            // FIPS 186-2: the generator and primality run; the seed's derivation is a skip.
            var g = try domainCheck(r, kind: .dsaGenerator)
            g.digest = d
            var primes = try domainCheck(r, kind: .dsaPrimes)
            primes.seed = try bytes(r, "Seed")
            primes.counter = try counter(r, "c")
            primes.fips186_2 = true
            return [vector(g, name, true, "FAIL", " g"), vector(primes, name, true, "FAIL", " p,q from seed")]
        }
        if r.section.hasPrefix("A.1.1.2") {
            var c = try domainCheck(r, kind: .dsaPrimes)
            c.digest = d
            c.seed = try bytes(r, "domain_parameter_seed")
            c.counter = try counter(r, "counter")
            return [vector(c, name, true, "FAIL", "")]
        }
        if r.section.hasPrefix("A.1.2.1") {
            var v = vector(try domainCheck(r, kind: .dsaPrimes), name, true, "FAIL", "")
            v.unsupported.append(Self.shaweTaylor)
            return [v]
        }
        var c = try domainCheck(r, kind: .dsaGenerator)
        c.digest = d
        if r.section.hasPrefix("A.2.3") {
            c.seed = try generatorSeed(r)
            c.index = try index(r)
        } else if !r.section.hasPrefix("A.2.1") {
            throw RecordError(line: r.line, message: "unknown section [\(r.section.prefix(60))]")
        }
        return [vector(c, name, true, "FAIL", "")]
    }

    func pqgVer(_ r: Record, _ vector: (FFCCheck, String, Bool, String, String) -> Vector, note: String) throws
        -> [Vector]
    {
        let d = try modDigest(r)
        let name = "DSA-\(d)"
        let pass = try result(r)
        if !r.mod.contains("L=") {
            var c = try domainCheck(r, kind: .dsaPrimes)
            c.seed = try bytes(r, "Seed")
            c.counter = try counter(r, "c")
            c.fips186_2 = true
            return [vector(c, name, pass, note, "")]
        }
        if r.section.hasPrefix("A.1.1.3") {
            var c = try domainCheck(r, kind: .dsaPrimes)
            c.digest = d
            c.seed = try bytes(r, "Seed")
            c.counter = try counter(r, "c")
            return [vector(c, name, pass, note, "")]
        }
        if r.section.hasPrefix("A.1.2.2") {
            var v = vector(try domainCheck(r, kind: .dsaPrimes), name, pass, note, "")
            v.unsupported.append(Self.shaweTaylor)
            return [v]
        }
        var c = try domainCheck(r, kind: .dsaGenerator)
        c.digest = d
        if r.section.hasPrefix("A.2.4") {
            c.seed = try generatorSeed(r)
            c.index = try index(r)
        } else if !r.section.hasPrefix("A.2.2") {
            throw RecordError(line: r.line, message: "unknown section [\(r.section.prefix(60))]")
        }
        return [vector(c, name, pass, note, "")]
    }
}

/// Key files (PEM or DER), one case each: the file is read whole (at most
/// ``KeyFileCheck/maxBytes``) and handed to LibCrypto and to OpenSSL, the oracle, at run time.
/// The algorithm column names the key type for reports and `--filter` (`DSA`, `DH`, `RSA`, `EC`),
/// optionally followed by `password=<text>`: the password of an encrypted file, the rest of the
/// column (its words joined by one space; `password=` alone is the empty password).
public struct KeyFileParser {
    public var algorithm: String
    public var corpus: String
    /// The password for every file of the entry, nil for none.
    public var password: [UInt8]?
    /// The `15-test_ecparam` verdict of every file of the entry (``KeyFileCheck/ecparamValid``).
    public var ecparamValid: Bool? = nil

    public init(algorithm: String, corpus: String) {
        if let r = algorithm.range(of: "password=") {
            self.algorithm = algorithm[..<r.lowerBound].split(separator: " ").joined(separator: " ")
            self.password = Array(algorithm[r.upperBound...].utf8)
        } else {
            self.algorithm = algorithm
            self.password = nil
        }
        self.corpus = corpus
    }

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        let bytes: [UInt8]
        do { bytes = try readRegularFile(path, limit: KeyFileCheck.maxBytes) } catch {
            sink.diagnostic(Diagnostic(file: displayPath, line: 0, corpus: corpus, message: "\(error)"))
            return
        }
        guard !bytes.isEmpty else {
            sink.diagnostic(Diagnostic(file: displayPath, line: 0, corpus: corpus, message: "empty key file"))
            return
        }
        let isPEM = Self.contains(bytes, Array("-----BEGIN ".utf8))
        var check = KeyFileCheck(contents: bytes, isPEM: isPEM)
        check.password = password
        check.ecparamValid = ecparamValid
        if ["DSA", "DH", "DHX"].contains(algorithm.uppercased()) { check.parametersType = algorithm.uppercased() }
        sink.vector(
            Vector(
                id: "file", provenance: Provenance(file: displayPath, line: 1, corpus: corpus), algorithm: algorithm,
                operation: .keyFile(check), expected: .output([])))
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }
}
