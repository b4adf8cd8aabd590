// Readers for the elliptic-curve files of cryptography-vectors (asymmetric/ECDSA, ECDH, X25519,
// X448, Ed25519, Ed448): NIST CAVP ECDSA files (FIPS 186-2 and 186-3 KeyPair, PKV, SigGen,
// SigVer, and pyca's secp256k1 SigGen.txt in their layout), NIST KAS ECC validity files
// (ECCStaticUnified, ZZ only and with the concatenation KDF and an HMAC tag), pyca's
// `COUNT =` files (brainpool.txt ECDH, RFC 7748 X25519/X448, RFC 8032 Ed448) and the
// Ed25519 `sign.input` of the ed25519 reference (colon-separated). Every record becomes an
// `ECCheck`.

/// Sizes beyond which a value is a diagnostic rather than an allocation.
enum ECVectorLimits {
    /// A number (d, Qx, Qy, R, S, Z): 1,024 bits, above the largest curve (571 bits).
    static let numberBytes = 128
    /// A message, OtherInfo or MacData.
    static let valueBytes = 1 << 20
    /// Fields one record may gather (the largest, a KAS KDF record, has 16).
    static let fieldsPerRecord = 64
}

/// NIST CAVP ECDSA and KAS ECC records and pyca's EC `COUNT =` files. Fields gather across
/// blank lines until the field that completes a record of the operation (`Qy` for `keypair`,
/// `Result` for `pkv`, `sigver` and `kas`, `S` for `siggen`, `y_Z` for `ecdh`, `OUTPUT_U`
/// for `xdh`, `SIGNATURE` for `eddsa`). `[P-256,SHA-256]` headers give the curve and digest
/// (`[P-256]` the curve alone; FIPS 186-2's signature files are SHA-1's); KAS files name their curves in a preamble (`[EA]`, `[Curve
/// selected: P-192]`) and their records under `[EA - SHA1]`.
///
/// - `keypair`: `Q = d·G`.
/// - `pkv`: `Q` is a valid public key (SP 800-56A 5.6.2.3) exactly when `Result = P`.
/// - `siggen`: with `d`, sign `Msg` and verify that fresh signature (ECDSA with a random nonce
///   is never compared with the file's), and verify the file's `(R, S)` with `Q`; without `d`,
///   verify `(R, S)`.
/// - `sigver`: `(R, S)` verifies on `Result = P`, fails on `F`.
/// - `kas`: `Z` is the x-coordinate of `dsIUT·QsCAVS` (and of `dsCAVS·QsIUT`), both public
///   keys are valid and `QsIUT = dsIUT·G`; with a KDF, `DKM` is the SP 800-56A concatenation
///   KDF of `Z` and `OI`, `MacData` is "Standard Test Message" ‖ `Nonce`, and `CAVSTag` the
///   HMAC of `MacData` under `DKM`. `Result = F` when any
///   of these fails.
/// - `ecdh`: `x_Z`/`y_Z` is `dA·QB` and `dB·QA`, with `QA = dA·G` and `QB = dB·G`.
/// - `xdh`: X25519 or X448 of `INPUT_SCALAR` and `INPUT_U` is `OUTPUT_U`.
/// - `eddsa`: Ed25519 or Ed448: `SECRET` gives `PUBLIC`, signs `MESSAGE` as `SIGNATURE`
///   (deterministic), which verifies.
/// - `point-decode`: pyca's compressed_points.txt (made with OpenSSL): `POINT` decodes on
///   `CURVE` to `(X, Y)`.
/// - `ed25519-sign-input`: `sign.input` lines `seed‖pub:pub:msg:sig‖msg:` as `eddsa`.
///
/// The algorithm column is `ECDSA`, `ECDH`, `X25519`, `X448`, `ED25519` or `ED448`.
public struct ECRecordParser {
    public enum Operation: String, Sendable, CaseIterable {
        case keyPair = "keypair"
        case pkv
        case sigGen = "siggen"
        case sigVer = "sigver"
        case kas
        case ecdh
        case xdh
        case eddsa
        case ed25519SignInput = "ed25519-sign-input"
        case pointDecode = "point-decode"
    }

    public var operation: Operation
    /// The algorithm column (`ECDSA`, `ECDH`, `X25519`, ...).
    public var algorithm: String
    public var corpus: String

    /// Reads the manifest's columns; nil for an operation or algorithm this reader lacks.
    public init?(operation: String, algorithm: String, corpus: String) {
        guard let op = Operation(rawValue: operation) else { return nil }
        let alg = algorithm.uppercased()
        let allowed: [Operation: Set<String>] = [
            .keyPair: ["ECDSA"], .pkv: ["ECDSA"], .sigGen: ["ECDSA"], .sigVer: ["ECDSA"], .kas: ["ECDH"],
            .ecdh: ["ECDH"], .xdh: ["X25519", "X448"], .eddsa: ["ED25519", "ED448"], .ed25519SignInput: ["ED25519"],
            .pointDecode: ["EC"],
        ]
        guard allowed[op]?.contains(alg) == true else { return nil }
        self.operation = op
        self.algorithm = alg
        self.corpus = corpus
    }

    struct RecordError: Error {
        var line: Int
        var message: String
    }

    struct Record {
        var fields: [String: (value: String, line: Int)] = [:]
        var order: [String] = []
        var line = 0
        var header = ""

        func value(_ key: String) -> String? { fields[key]?.value }
        func has(_ key: String) -> Bool { fields[key] != nil }
        func line(_ key: String) -> Int { fields[key]?.line ?? line }
    }

    /// The KAS preamble of one curve section (`[EB]`): its curve and, with a KDF, the HMAC
    /// digest, key size and tag length.
    struct KASSection {
        var curve: String?
        var macDigest: String?
        var keyBits: Int?
        var tagBits: Int?
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
        if operation == .ed25519SignInput {
            parseSignInput(reader, displayPath: displayPath, sink: sink, report: report)
            return
        }
        var record = Record()
        var header = ""
        var sections: [String: KASSection] = [:]
        var currentSection = ""
        func finish() {
            defer { record = Record() }
            do {
                for v in try vectors(record, sections: sections, displayPath: displayPath) { sink.vector(v) }
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
                    // One KAS preamble line lacks its "]" (KDFConcat files, `[SHA(s) supported (Used
                    // in the KDF function): SHA512`): a KAS header is informational up to its
                    // records' `[EA - SHA1]`, so it is read without the bracket there.
                    guard text.last == "]" || operation == .kas else {
                        report(n, "unterminated section header")
                        continue
                    }
                    let inner = String(
                        text.dropFirst().dropLast(text.last == "]" ? 1 : 0).trimmingWhitespace().prefix(200))
                    if operation == .kas {
                        readKASHeader(inner, sections: &sections, current: &currentSection, header: &header)
                    } else if inner.hasPrefix("B.") || inner.hasPrefix("A.") {
                        continue  // a method note (`[B.4.2 Key Pair Generation by Testing Candidates]`)
                    } else {
                        header = inner
                    }
                    continue
                }
                guard let eq = text.firstIndex(of: "=") else {
                    report(n, "expected 'key = value', found '\(text.prefix(40))'")
                    continue
                }
                let key = String(text[..<eq].trimmingWhitespace().prefix(64))
                let value = String(text[text.index(after: eq)...].trimmingWhitespace())
                if key == "N" && operation == .keyPair { continue }  // KeyPair.rsp's record count
                if record.fields.isEmpty {
                    record.line = n
                    record.header = header
                }
                guard record.fields.count < ECVectorLimits.fieldsPerRecord || record.fields[key] != nil else {
                    report(n, "more than \(ECVectorLimits.fieldsPerRecord) fields in one record; rest dropped")
                    record = Record()
                    continue
                }
                if record.fields[key] != nil {
                    report(n, "field \(key) repeats before its record is complete; the earlier record is dropped")
                    record = Record()
                    record.line = n
                    record.header = header
                }
                record.order.append(key)
                record.fields[key] = (value, n)
                if complete(record) { finish() }
            }
        } catch {
            report(reader.lineNumber, "\(error)")
        }
        let leftover = record.order.filter { $0 != "COUNT" }
        if !leftover.isEmpty {
            report(
                record.line,
                "incomplete record at the end of the file (fields \(leftover.prefix(8).joined(separator: ", ")))")
        }
    }

    /// KAS headers: `[EA]` opens a curve's preamble, `[Curve selected:  P-192]`, `[HMAC SHAs
    /// supported:  SHA512]`, `[HMACKeySize(in bits):  112]`, `[HMAC Tag length(in bits):  64]`
    /// describe it, and `[EA - SHA1]` opens its records with the digest of the KDF or of `Z`.
    func readKASHeader(
        _ inner: String, sections: inout [String: KASSection], current: inout String, header: inout String
    ) {
        func value() -> String {
            guard let colon = inner.firstIndex(of: ":") else { return "" }
            return String(inner[inner.index(after: colon)...].trimmingWhitespace())
        }
        if inner.count <= 3, inner.allSatisfy({ $0.isLetter }) {
            current = inner
            sections[inner, default: KASSection()] = sections[inner] ?? KASSection()
        } else if inner.hasPrefix("Curve selected") {
            sections[current, default: KASSection()].curve = value()
        } else if inner.hasPrefix("HMAC SHAs supported") {
            sections[current, default: KASSection()].macDigest = value()
        } else if inner.hasPrefix("HMACKeySize") {
            sections[current, default: KASSection()].keyBits = Int(value())
        } else if inner.hasPrefix("HMAC Tag length") {
            sections[current, default: KASSection()].tagBits = Int(value())
        } else if inner.contains(" - ") {
            header = inner
        }
    }

    func complete(_ r: Record) -> Bool {
        switch operation {
        case .keyPair: return r.has("Qy")
        case .pkv, .sigVer, .kas: return r.has("Result")
        case .sigGen: return r.has("S")
        case .ecdh: return r.has("y_Z")
        case .xdh: return r.has("OUTPUT_U")
        case .eddsa: return r.has("SIGNATURE")
        case .pointDecode: return r.has("Y")
        case .ed25519SignInput: return false
        }
    }

    /// OpenSSL's name of a NIST curve (`P-256` → `prime256v1`, `K-163` → `sect163k1`,
    /// `B-163` → `sect163r2`), of pyca's `K-256` (secp256k1), or a name OpenSSL already knows.
    public static func curveName(_ nist: String) -> String {
        let names = [
            "P-192": "prime192v1", "P-224": "secp224r1", "P-256": "prime256v1", "P-384": "secp384r1",
            "P-521": "secp521r1", "K-163": "sect163k1", "K-233": "sect233k1", "K-283": "sect283k1",
            "K-409": "sect409k1", "K-571": "sect571k1", "B-163": "sect163r2", "B-233": "sect233r1",
            "B-283": "sect283r1", "B-409": "sect409r1", "B-571": "sect571r1", "K-256": "secp256k1",
        ]
        return names[nist] ?? nist
    }

    // MARK: values

    func number(_ r: Record, _ key: String) throws -> [UInt8] {
        guard let v = r.fields[key] else { throw RecordError(line: r.line, message: "missing field \(key)") }
        let digits = v.value.filter { $0 != " " && $0 != "\t" }
        guard digits.utf8.count <= ECVectorLimits.numberBytes * 2 + 2 else {
            throw RecordError(line: v.line, message: "\(key): more than \(ECVectorLimits.numberBytes) bytes")
        }
        guard !digits.isEmpty else { throw RecordError(line: v.line, message: "\(key): empty") }
        do { return try Hex.decode(digits.utf8.count % 2 == 1 ? "0" + digits : digits) } catch {
            throw RecordError(line: v.line, message: "\(key): \(error)")
        }
    }

    func bytes(_ r: Record, _ key: String) throws -> [UInt8] {
        guard let v = r.fields[key] else { throw RecordError(line: r.line, message: "missing field \(key)") }
        guard v.value.utf8.count <= ECVectorLimits.valueBytes * 2 else {
            throw RecordError(line: v.line, message: "\(key): more than \(ECVectorLimits.valueBytes) bytes")
        }
        do { return try Hex.decode(v.value) } catch { throw RecordError(line: v.line, message: "\(key): \(error)") }
    }

    func result(_ r: Record) throws -> Bool {
        guard let v = r.fields["Result"] else { throw RecordError(line: r.line, message: "missing field Result") }
        switch v.value.first {
        case "P": return true
        case "F": return false
        default: throw RecordError(line: v.line, message: "Result: expected P or F, found '\(v.value.prefix(40))'")
        }
    }

    /// The curve and digest of a `[P-256,SHA-256]` or `[P-256]` header.
    func curveAndDigest(_ r: Record, needsDigest: Bool) throws -> (curve: String, digest: String?) {
        let parts = r.header.split(separator: ",").map { String($0.trimmingWhitespace()) }
        guard let first = parts.first, !first.isEmpty else {
            throw RecordError(line: r.line, message: "no [curve] header before this record")
        }
        var digest: String? = nil
        if parts.count > 1 {
            guard let d = FFCRecordParser.digest(parts[1][...]) else {
                throw RecordError(line: r.line, message: "unknown digest '\(parts[1].prefix(40))' in [\(r.header)]")
            }
            digest = d
        } else if needsDigest {
            digest = "SHA1"  // FIPS 186-2's files: [P-192] alone, ECDSA with SHA-1
        }
        return (Self.curveName(first), digest)
    }

    // MARK: records to vectors

    func vectors(_ r: Record, sections: [String: KASSection], displayPath: String) throws -> [Vector] {
        let known: [Operation: Set<String>] = [
            .keyPair: ["d", "Qx", "Qy"], .pkv: ["Qx", "Qy", "Result"],
            .sigGen: ["Msg", "d", "Qx", "Qy", "k", "R", "S"],
            .sigVer: ["Msg", "Qx", "Qy", "R", "S", "Result"],
            .kas: [
                "dsCAVS", "QsCAVSx", "QsCAVSy", "dsIUT", "QsIUTx", "QsIUTy", "Z", "CAVSHashZZ", "Result", "Nonce",
                "NonceDKMIUT", "NonceDKMCAVS", "OI", "CAVSTag", "MacData", "DKM",
            ],
            .ecdh: ["curve", "dA", "x_qA", "y_qA", "dB", "x_qB", "y_qB", "x_Z", "y_Z"],
            .xdh: ["INPUT_SCALAR", "INPUT_U", "OUTPUT_U"],
            .eddsa: ["SECRET", "PUBLIC", "MESSAGE", "CONTEXT", "SIGNATURE"],
            .pointDecode: ["CURVE", "POINT", "X", "Y"],
        ]
        let unknown = r.order.filter { $0 != "COUNT" && known[operation]?.contains($0) != true }.map {
            "field \($0.prefix(40))"
        }
        let id = r.value("COUNT").map { "COUNT=\($0.prefix(20)) (line \(r.line))" } ?? "line \(r.line)"
        let resultNote = r.value("Result").map { "Result = \($0.prefix(60))" } ?? "FAIL"
        func vector(_ check: ECCheck, _ name: String, pass: Bool = true) -> Vector {
            Vector(
                id: id, provenance: Provenance(file: displayPath, line: r.line, corpus: corpus), algorithm: name,
                operation: .ec(check), expected: pass ? .output([]) : .failure(resultNote), unsupported: unknown)
        }
        switch operation {
        case .keyPair, .pkv:
            let (curve, _) = try curveAndDigest(r, needsDigest: false)
            var c = ECCheck(kind: operation == .keyPair ? .keyPair : .publicKey, curve: curve)
            c.qx = try number(r, "Qx")
            c.qy = try number(r, "Qy")
            if operation == .keyPair { c.d = try number(r, "d") }
            return [vector(c, "ECDSA", pass: operation == .keyPair ? true : try result(r))]
        case .sigGen, .sigVer:
            let (curve, digest) = try curveAndDigest(r, needsDigest: true)
            var c = ECCheck(kind: .ecdsaVerify, curve: curve)
            c.digest = digest
            c.message = try bytes(r, "Msg")
            c.qx = try number(r, "Qx")
            c.qy = try number(r, "Qy")
            c.r = try number(r, "R")
            c.s = try number(r, "S")
            if operation == .sigGen, r.has("d") {
                c.kind = .ecdsaSign
                c.d = try number(r, "d")
            }
            return [vector(c, "ECDSA-\(digest ?? "")", pass: operation == .sigGen ? true : try result(r))]
        case .kas:
            let letters = r.header.split(separator: "-").first.map { String($0.trimmingWhitespace()) } ?? ""
            guard let section = sections[letters], let nist = section.curve else {
                throw RecordError(line: r.line, message: "no curve for section [\(r.header.prefix(40))]")
            }
            var c = ECCheck(kind: .kas, curve: Self.curveName(nist))
            c.d = try number(r, "dsIUT")
            c.qx = try number(r, "QsIUTx")
            c.qy = try number(r, "QsIUTy")
            c.peerD = try number(r, "dsCAVS")
            c.peerX = try number(r, "QsCAVSx")
            c.peerY = try number(r, "QsCAVSy")
            c.secret = try number(r, "Z")
            let digest = r.header.split(separator: "-").last.flatMap { FFCRecordParser.digest($0.trimmingWhitespace()) }
            if r.has("CAVSHashZZ") {
                c.secretHash = try bytes(r, "CAVSHashZZ")
                c.digest = digest
            }
            if r.has("DKM") {
                guard let digest, let mac = section.macDigest.flatMap({ FFCRecordParser.digest($0[...]) }),
                    let tagBits = section.tagBits, tagBits % 8 == 0
                else {
                    throw RecordError(line: r.line, message: "KDF record without its digest, HMAC digest or tag length")
                }
                c.digest = digest
                c.macDigest = mac
                c.otherInfo = try bytes(r, "OI")
                c.derivedKey = try bytes(r, "DKM")
                c.macData = try bytes(r, "MacData")
                c.nonce = try bytes(r, "Nonce")
                c.tag = try bytes(r, "CAVSTag")
                guard c.tag?.count == tagBits / 8 else {
                    throw RecordError(line: r.line("CAVSTag"), message: "CAVSTag is not \(tagBits) bits")
                }
            }
            return [vector(c, "ECDH", pass: try result(r))]
        case .ecdh:
            guard let curve = r.value("curve"), !curve.isEmpty else {
                throw RecordError(line: r.line, message: "missing field curve")
            }
            var c = ECCheck(kind: .ecdh, curve: curve)
            c.d = try number(r, "dA")
            c.qx = try number(r, "x_qA")
            c.qy = try number(r, "y_qA")
            c.peerD = try number(r, "dB")
            c.peerX = try number(r, "x_qB")
            c.peerY = try number(r, "y_qB")
            c.secret = try number(r, "x_Z")
            c.secretY = try number(r, "y_Z")
            return [vector(c, "ECDH")]
        case .xdh:
            var c = ECCheck(kind: .xdh, curve: algorithm)
            c.d = try bytes(r, "INPUT_SCALAR")
            c.peerX = try bytes(r, "INPUT_U")
            c.secret = try bytes(r, "OUTPUT_U")
            return [vector(c, algorithm)]
        case .eddsa:
            var c = ECCheck(kind: .eddsa, curve: algorithm)
            c.d = try bytes(r, "SECRET")
            c.qx = try bytes(r, "PUBLIC")
            c.message = try bytes(r, "MESSAGE")
            c.signature = try bytes(r, "SIGNATURE")
            if r.has("CONTEXT") { c.context = try bytes(r, "CONTEXT") }
            return [vector(c, algorithm)]
        case .pointDecode:
            guard let name = r.value("CURVE"), !name.isEmpty else {
                throw RecordError(line: r.line, message: "missing field CURVE")
            }
            let curves = ["SECP256R1": "prime256v1", "SECP256K1": "secp256k1", "SECP384R1": "secp384r1"]
            var c = ECCheck(kind: .pointDecode, curve: curves[name.uppercased()] ?? name)
            c.peerX = try bytes(r, "POINT")
            c.qx = try number(r, "X")
            c.qy = try number(r, "Y")
            return [vector(c, "EC")]
        case .ed25519SignInput:
            return []
        }
    }

    /// `sign.input` (the ed25519 reference's test file, in pyca's copy): one case per line,
    /// `seed‖public:public:message:signature‖message:`.
    func parseSignInput(
        _ reader: LineReader, displayPath: String, sink: VectorSink, report: (Int, String) -> Void
    ) {
        do {
            while let raw = try reader.next() {
                let n = reader.lineNumber
                let text = raw[...].trimmingWhitespace()
                if text.isEmpty || text.first == "#" { continue }
                let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 5, parts[4].isEmpty else {
                    report(n, "expected 4 colon-terminated fields, found \(parts.count - 1)")
                    continue
                }
                guard parts[2].utf8.count <= ECVectorLimits.valueBytes * 2 else {
                    report(n, "message longer than \(ECVectorLimits.valueBytes) bytes")
                    continue
                }
                do {
                    let secret = try Hex.decode(String(parts[0]))
                    let pub = try Hex.decode(String(parts[1]))
                    let message = try Hex.decode(String(parts[2]))
                    let sigAndMessage = try Hex.decode(String(parts[3]))
                    guard secret.count == 64, pub.count == 32, Array(secret[32...]) == pub else {
                        throw FieldError("the first field is not seed‖public (64 bytes ending with the second field)")
                    }
                    guard sigAndMessage.count == 64 + message.count, Array(sigAndMessage[64...]) == message else {
                        throw FieldError("the fourth field is not signature‖message")
                    }
                    var c = ECCheck(kind: .eddsa, curve: "ED25519")
                    c.d = Array(secret[..<32])
                    c.qx = pub
                    c.message = message
                    c.signature = Array(sigAndMessage[..<64])
                    sink.vector(
                        Vector(
                            id: "line \(n)", provenance: Provenance(file: displayPath, line: n, corpus: corpus),
                            algorithm: "ED25519", operation: .ec(c), expected: .output([])))
                } catch {
                    report(n, "\(error)")
                }
            }
        } catch {
            report(reader.lineNumber, "\(error)")
        }
    }
}
