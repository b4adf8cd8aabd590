// Readers for the RSA files of cryptography-vectors (asymmetric/RSA/): NIST CAVP signature files
// (FIPS 186-2/-3 SigGen and SigVer for PKCS#1 v1.5, RSASSA-PSS and X9.31), the one-record
// key/value file oaep-label.txt, and RSA Laboratories' PKCS#1 example files (`# Label:` lines
// followed by hex). Every record becomes an evp_test-style `PKeyInput` on a key given by its
// numbers (`KeyDefinition.Source.rsaNumbers`), so the public-key steps run it as they run
// evp_test's stanzas.

/// Sizes beyond which a value is a diagnostic rather than an allocation.
enum RSAVectorLimits {
    /// A key number (n, e, d, a prime or CRT value): 16,384 bits, LibCrypto's largest modulus.
    static let numberBytes = 2048
    /// Any other value (message, signature, ciphertext, label).
    static let valueBytes = 1 << 20
}

/// A key number from hex: odd digit counts get a leading zero (`e = 10001`), leading zero bytes
/// are kept (the key loader reads the magnitude).
func rsaNumber(_ text: Substring, what: String) throws -> [UInt8] {
    let digits = text.filter { $0 != " " && $0 != "\t" }
    guard digits.utf8.count <= RSAVectorLimits.numberBytes * 2 + 2 else {
        throw FieldError("\(what): \(digits.utf8.count / 2) bytes, more than \(RSAVectorLimits.numberBytes)")
    }
    guard !digits.isEmpty else { throw FieldError("\(what): empty") }
    do {
        return try Hex.decode(digits.utf8.count % 2 == 1 ? "0" + digits : String(digits))
    } catch { throw FieldError("\(what): \(error)") }
}

/// Records of NIST CAVP RSA files and of the key/value file oaep-label.txt.
///
/// - `siggen` (SigGen15, SigGenPSS, SigGenRSA): a record with `d` known (the `.txt` files)
///   signs `Msg` with `SHAAlg` and compares with `S` when the scheme is deterministic (PKCS#1
///   v1.5, X9.31); otherwise (`.rsp` files without `d`, and PSS, whose salt is random) `S` must
///   verify with `(n, e)` — PSS with the length of `SaltVal` when the file gives it, else any.
/// - `sigver` (SigVer15, SigVerPSS, SigVerRSA, SigVer15EMTest): `S` verifies on `Result = P`
///   and fails (`VERIFY_ERROR`) on `Result = F`.
/// - `decrypt` (oaep-label.txt): `KEY` (PKCS#8 DER, hex), `RSAPadding`, `OAEPDigest`,
///   `OAEPLabel`, `Input` (ciphertext), `Output` (the plaintext, hex or quoted text).
///
/// `n` (and `e`, `d`) stand in records of their own or inside the first case record; a new `n`
/// forgets the `e` and `d` of the key before.
public struct RSARecordParser {
    public enum Operation: String, Sendable, CaseIterable {
        case sigGen = "siggen"
        case sigVer = "sigver"
        case decrypt
    }
    public enum Scheme: String, Sendable, CaseIterable {
        case pkcs1, pss, x931
    }

    public var operation: Operation
    /// The signature scheme (`pkcs1`, `pss`, `x931`); ignored for `decrypt`.
    public var scheme: Scheme
    public var corpus: String

    public init(operation: Operation, scheme: Scheme, corpus: String) {
        self.operation = operation
        self.scheme = scheme
        self.corpus = corpus
    }

    /// Reads `scheme` from a manifest's algorithm column (`-` for `decrypt`).
    public init?(operation: String, algorithm: String, corpus: String) {
        guard let op = Operation(rawValue: operation) else { return nil }
        let scheme = Scheme(rawValue: algorithm.lowercased()) ?? .pkcs1
        if op != .decrypt && Scheme(rawValue: algorithm.lowercased()) == nil { return nil }
        self.init(operation: op, scheme: scheme, corpus: corpus)
    }

    struct RecordError: Error {
        var line: Int
        var message: String
    }

    /// The key numbers in force.
    struct KeyState {
        var n: [UInt8]?
        var e: [UInt8]?
        var d: [UInt8]?
        var line = 0
    }

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        func report(_ line: Int, _ message: String) {
            sink.diagnostic(Diagnostic(file: displayPath, line: line, corpus: corpus, message: message))
        }
        let reader: NISTRecordReader
        do {
            reader = try NISTRecordReader(
                path: path,
                onBadLine: { line, message in
                    // SigVer15EMTest.txt has a lone `!!` line after eight of its `q` values: no
                    // field, nothing lost by passing over it.
                    if message != Self.loneMarks { report(line, message) }
                })
        } catch {
            report(0, "\(error)")
            return
        }
        var key = KeyState()
        do {
            while let record = try reader.next() {
                for part in Self.split(record) {
                    do {
                        if let v = try vector(part, key: &key, displayPath: displayPath) { sink.vector(v) }
                    } catch let e as RecordError {
                        report(e.line, e.message)
                    }
                }
            }
        } catch {
            report(reader.lineNumber, "\(error)")
        }
    }

    /// The diagnostic the record reader gives for a `!!` line.
    static let loneMarks = "expected 'key = value', found '!!'"

    /// A record split where a field repeats: SigVer15EMTest.txt runs two cases together
    /// without a blank line between them (line 86), and a repeated field must not hide a case.
    static func split(_ r: NISTRecord) -> [NISTRecord] {
        var parts: [NISTRecord] = []
        var fields: [NISTRecord.Field] = []
        var seen: Set<String> = []
        for f in r.fields {
            if seen.contains(f.key) {
                parts.append(NISTRecord(line: fields[0].line, fields: fields, sections: r.sections))
                fields = []
                seen = []
            }
            fields.append(f)
            seen.insert(f.key)
        }
        if !fields.isEmpty { parts.append(NISTRecord(line: fields[0].line, fields: fields, sections: r.sections)) }
        return parts
    }

    func value(_ f: NISTRecord.Field) throws -> [UInt8] {
        guard f.value.utf8.count <= RSAVectorLimits.valueBytes * 2 + 2 else {
            throw RecordError(line: f.line, message: "\(f.key): more than \(RSAVectorLimits.valueBytes) bytes")
        }
        if f.value.count >= 2, f.value.first == "\"", f.value.last == "\"" {
            return Array(f.value.utf8.dropFirst().dropLast())
        }
        do { return try Hex.decode(f.value) } catch { throw RecordError(line: f.line, message: "\(f.key): \(error)") }
    }

    func number(_ f: NISTRecord.Field) throws -> [UInt8] {
        do { return try rsaNumber(f.value[...], what: f.key) } catch {
            throw RecordError(line: f.line, message: "\(error)")
        }
    }

    func required(_ r: NISTRecord, _ key: String) throws -> NISTRecord.Field {
        guard let f = r.field(key) else { throw RecordError(line: r.line, message: "missing field \(key)") }
        return f
    }

    /// The digests the CAVP files name (`SHAAlg`), in OpenSSL's spelling.
    static let digests: [String: String] = [
        "SHA1": "SHA1", "SHA224": "SHA224", "SHA256": "SHA256", "SHA384": "SHA384", "SHA512": "SHA512",
        "SHA512224": "SHA512-224", "SHA512256": "SHA512-256",
    ]

    /// Fields a signature record may hold beyond those read: the CAVP files' notes on how a
    /// failing case was made (`EM with hash moved`), the primes of the key (not needed to verify).
    static let informational: Set<String> = [
        "p", "q", "EM with hash moved", "EM with trailer wrong", "IR with hash moved", "IR with trailer wrong",
    ]

    func vector(_ r: NISTRecord, key: inout KeyState, displayPath: String) throws -> Vector? {
        if operation == .decrypt { return try decryptVector(r, displayPath: displayPath) }
        if let f = r.field("n") {
            key = KeyState(n: try number(f), line: f.line)
        }
        if let f = r.field("e") { key.e = try number(f) }
        if let f = r.field("d") { key.d = try number(f) }
        guard r.has("Msg") || r.has("S") || r.has("SHAAlg") || r.has("Result") else {
            // A key record (n; e, d; p, q): anything else in it is unknown.
            let unknown = r.fields.filter { !["n", "e", "d", "p", "q"].contains($0.key) }
            if let f = unknown.first {
                throw RecordError(line: f.line, message: "unknown field '\(f.key.prefix(40))' in a key record")
            }
            return nil
        }
        var unsupported: [String] = []
        for f in r.fields
        where !["n", "e", "d", "SHAAlg", "Msg", "S", "SaltVal", "Result"].contains(f.key)
            && !Self.informational.contains(f.key)
        {
            unsupported.append("field \(f.key.prefix(40))")
        }
        let alg = try required(r, "SHAAlg")
        guard let digest = Self.digests[alg.value.uppercased().filter { $0 != "-" && $0 != "/" }] else {
            throw RecordError(line: alg.line, message: "SHAAlg: unknown digest '\(alg.value.prefix(40))'")
        }
        let msg = try value(try required(r, "Msg"))
        let sig = try value(try required(r, "S"))
        guard let n = key.n else { throw RecordError(line: r.line, message: "no n before this record") }
        guard let e = key.e else { throw RecordError(line: r.line, message: "no e before this record") }
        var saltLength: Int? = nil
        if scheme == .pss, let s = r.field("SaltVal") { saltLength = try value(s).count }
        var result: Bool? = nil
        if let f = r.field("Result") {
            switch f.value.first {
            case "P": result = true
            case "F": result = false
            default: throw RecordError(line: f.line, message: "Result: expected P or F, found '\(f.value.prefix(40))'")
            }
        }
        if operation == .sigVer && result == nil {
            throw RecordError(line: r.line, message: "SigVer record without Result")
        }
        let signs = operation == .sigGen && result == nil && key.d != nil && scheme != .pss
        var input = PKeyInput(kind: signs ? .digestSign : .digestVerify)
        input.digest = digest
        input.key = KeyDefinition(
            name: "n@\(key.line)", isPrivate: signs,
            source: .rsaNumbers(modulus: n, publicExponent: e, privateExponent: signs ? key.d : nil, crt: []),
            line: key.line)
        input.controls = [KDFParameter("rsa_padding_mode", .text(scheme.rawValue))]
        if scheme == .pss {
            input.controls.append(KDFParameter("rsa_mgf1_md", .text(digest)))
            input.controls.append(
                KDFParameter("rsa_pss_saltlen", .text(saltLength.map { String($0) } ?? "auto")))
        }
        input.input = [msg]
        input.output = sig
        let expected: Expected
        if signs {
            expected = .output(sig)
        } else if result == false {
            expected = .failure("VERIFY_ERROR")
        } else {
            expected = .output([])
        }
        let name = "RSA-\(scheme == .pkcs1 ? "PKCS1" : scheme.rawValue.uppercased())-\(digest)"
        return Vector(
            id: "line \(r.line)", provenance: Provenance(file: displayPath, line: r.line, corpus: corpus),
            algorithm: name, operation: .pkey(input), expected: expected, unsupported: unsupported)
    }

    /// oaep-label.txt: a BoringSSL-style record with the key as PKCS#8 DER.
    func decryptVector(_ r: NISTRecord, displayPath: String) throws -> Vector {
        var unsupported: [String] = []
        for f in r.fields
        where !["COUNT", "KEY", "RSAPadding", "OAEPDigest", "MGF1Digest", "OAEPLabel", "Input", "Output"].contains(
            f.key)
        {
            unsupported.append("field \(f.key.prefix(40))")
        }
        let der = try value(try required(r, "KEY"))
        var input = PKeyInput(kind: .decrypt)
        input.key = KeyDefinition(
            name: "KEY@\(r.line)", isPrivate: true, source: .pem(PEMText.wrap(der, label: "PRIVATE KEY")),
            line: r.line)
        let padding = r.field("RSAPadding")?.value.uppercased() ?? "PKCS1"
        switch padding {
        case "OAEP": input.controls.append(KDFParameter("rsa_padding_mode", .text("oaep")))
        case "PKCS1": input.controls.append(KDFParameter("rsa_padding_mode", .text("pkcs1")))
        default:
            throw RecordError(
                line: r.field("RSAPadding")?.line ?? r.line, message: "RSAPadding: '\(padding.prefix(40))'")
        }
        if let f = r.field("OAEPDigest") { input.controls.append(KDFParameter("rsa_oaep_md", .text(f.value))) }
        if let f = r.field("MGF1Digest") { input.controls.append(KDFParameter("rsa_mgf1_md", .text(f.value))) }
        if let f = r.field("OAEPLabel") {
            input.controls.append(KDFParameter("rsa_oaep_label", .text(Hex.encode(try value(f)))))
        }
        input.input = [try value(try required(r, "Input"))]
        let out = try value(try required(r, "Output"))
        input.output = out
        let id = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(
            id: id, provenance: Provenance(file: displayPath, line: r.line, corpus: corpus),
            algorithm: "RSA-\(padding)-\(r.field("OAEPDigest")?.value ?? "SHA1")", operation: .pkey(input),
            expected: .output(out), unsupported: unsupported)
    }
}

/// PEM text for DER bytes (RFC 7468: Base64 in 64-character lines).
enum PEMText {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func wrap(_ der: [UInt8], label: String) -> String {
        var b64: [UInt8] = []
        b64.reserveCapacity((der.count + 2) / 3 * 4)
        var i = 0
        while i < der.count {
            let n = min(3, der.count - i)
            let b0 = der[i]
            let b1: UInt8 = n > 1 ? der[i + 1] : 0
            let b2: UInt8 = n > 2 ? der[i + 2] : 0
            b64.append(alphabet[Int(b0 >> 2)])
            b64.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            b64.append(n > 1 ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            b64.append(n > 2 ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        var text = "-----BEGIN \(label)-----\n"
        var k = 0
        while k < b64.count {
            text += String(decoding: b64[k..<min(k + 64, b64.count)], as: UTF8.self) + "\n"
            k += 64
        }
        return text + "-----END \(label)-----\n"
    }
}

/// RSA Laboratories' PKCS#1 example files (pkcs-1v2-1d2-vec/, pkcs1v15crypt-vectors.txt,
/// pkcs1v15sign-vectors.txt) and pyca's oaep-custom/ files in their layout: a `# Label:` line,
/// then hex lines (bytes, spaced or not) up to a blank or `#` line. Keys are `Modulus`,
/// `Exponent` (or `Public exponent`), then `Exponent` (or `Private exponent`) and the CRT
/// values; a different `Modulus` starts a new key. Each example's output label makes a case:
///
/// - `oaep-decrypt`: `Encryption` (or `Ciphertext, the RSA encryption of EM`) decrypts to the
///   `Message` with OAEP; the digest is the manifest's, or an `alg=`/`mgf1=` pair on the
///   example's `# OAEP Example` line (oaep-custom/).
/// - `pkcs1-decrypt`: `Encryption` decrypts to `Message` with PKCS#1 v1.5 padding.
/// - `pss-verify`: `Signature` verifies on `Message` with PSS, MGF1 with the same digest, and
///   the length of the example's `Salt` (the salt is random, so a fresh signature cannot be
///   compared with the file's).
/// - `pkcs1-sign`: signing `Message to be signed` with PKCS#1 v1.5 gives `Signature`.
public struct RSALabsParser {
    public enum Operation: String, Sendable, CaseIterable {
        case oaepDecrypt = "oaep-decrypt"
        case pkcs1Decrypt = "pkcs1-decrypt"
        case pssVerify = "pss-verify"
        case pkcs1Sign = "pkcs1-sign"
    }

    public var operation: Operation
    /// The digest (OpenSSL's name) unless an example names its own.
    public var digest: String
    public var corpus: String

    public init(operation: Operation, digest: String, corpus: String) {
        self.operation = operation
        self.digest = digest
        self.corpus = corpus
    }

    struct State {
        var numbers: [String: [UInt8]] = [:]
        var keyLine = 0
        var afterPublicExponent = false
        var message: [UInt8]? = nil
        var salt: [UInt8]? = nil
        var example: String? = nil
        var exampleLine = 0
        var digest: String? = nil
        var mgf1: String? = nil
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
        var state = State()
        var label: (name: String, line: Int)? = nil
        var digits = ""
        var broken = false
        func finish() {
            defer {
                label = nil
                digits = ""
                broken = false
            }
            guard let l = label, !broken else { return }
            do {
                if let v = try take(l.name, digits[...], line: l.line, state: &state, displayPath: displayPath) {
                    sink.vector(v)
                }
            } catch let e as FieldError {
                report(l.line, e.message)
            } catch {
                report(l.line, "\(error)")
            }
        }
        do {
            while let raw = try reader.next() {
                let n = reader.lineNumber
                let line = raw[...].trimmingWhitespace()
                if line.isEmpty {
                    finish()
                    continue
                }
                if line.first == "#" {
                    finish()
                    let text = line.dropFirst().trimmingWhitespace()
                    if text.last == ":" {
                        label = (String(text.dropLast().trimmingWhitespace()), n)
                    } else if text.contains("Example "), !text.hasPrefix("Example") {
                        exampleHeader(text, line: n, state: &state)
                    }
                    continue
                }
                guard label != nil, !broken else { continue }  // the files' free text
                if line.allSatisfy({ $0.isHexDigit || $0 == " " || $0 == "\t" }) {
                    if digits.utf8.count + line.utf8.count > RSAVectorLimits.valueBytes * 2 {
                        report(
                            n, "value under '\(label!.name.prefix(40))' longer than \(RSAVectorLimits.valueBytes) bytes"
                        )
                        broken = true
                        continue
                    }
                    digits += line.filter { $0 != " " && $0 != "\t" }
                } else {
                    report(n, "expected hex digits under '# \(label!.name.prefix(40)):', found '\(line.prefix(40))'")
                    broken = true
                }
            }
            finish()
        } catch {
            report(reader.lineNumber, "\(error)")
        }
    }

    /// `# OAEP Example 1.2`, `# OAEP Example 3 alg=sha512 mgf1=sha256`, `# PKCS#1 v1.5 Signature Example 1.1`.
    func exampleHeader(_ text: Substring, line: Int, state: inout State) {
        state.example = String(text.prefix(80))
        state.exampleLine = line
        state.message = nil
        state.salt = nil
        state.digest = nil
        state.mgf1 = nil
        for word in text.split(separator: " ") {
            if word.hasPrefix("alg=") { state.digest = String(word.dropFirst(4)).uppercased() }
            if word.hasPrefix("mgf1=") { state.mgf1 = String(word.dropFirst(5)).uppercased() }
        }
    }

    /// Stores one labelled value; an output label makes the example's vector.
    func take(_ name: String, _ hex: Substring, line: Int, state: inout State, displayPath: String) throws -> Vector? {
        func bytes() throws -> [UInt8] {
            do { return try Hex.decode(hex) } catch { throw FieldError("\(name): \(error)") }
        }
        func keyNumber(_ k: String) throws {
            state.numbers[k] = try rsaNumber(hex, what: name)
        }
        switch name.lowercased() {
        case "modulus":
            let n = try rsaNumber(hex, what: name)
            if state.numbers["n"] != n {
                state = State(numbers: ["n": n], keyLine: line)
            }
        case "public exponent":
            try keyNumber("e")
            state.afterPublicExponent = true
        case "exponent":
            try keyNumber(state.afterPublicExponent ? "d" : "e")
            state.afterPublicExponent = false
        case "private exponent":
            try keyNumber("d")
            state.afterPublicExponent = false
        case "prime 1": try keyNumber("p")
        case "prime 2": try keyNumber("q")
        case "prime exponent 1": try keyNumber("dp")
        case "prime exponent 2": try keyNumber("dq")
        case "coefficient": try keyNumber("qinv")
        case "message", "message to be signed", "message to be encrypted":
            state.message = try bytes()
        case "salt", "seed":
            state.salt = try bytes()
        case "encryption", "ciphertext, the rsa encryption of em":
            guard operation == .oaepDecrypt || operation == .pkcs1Decrypt else { return nil }
            return try vector(output: try bytes(), line: line, state: state, displayPath: displayPath)
        case "signature", "signature, the rsa decryption of em":
            guard operation == .pssVerify || operation == .pkcs1Sign else { return nil }
            return try vector(output: try bytes(), line: line, state: state, displayPath: displayPath)
        default:
            break  // intermediate values (DB, dbMask, EM, ...), not checked
        }
        return nil
    }

    func vector(output: [UInt8], line: Int, state: State, displayPath: String) throws -> Vector {
        let v = state.numbers
        guard let n = v["n"], let e = v["e"] else {
            throw FieldError("an example before its key's Modulus and Exponent")
        }
        guard let message = state.message else { throw FieldError("an example's output without its Message") }
        let isPrivate = operation != .pssVerify
        let crtNames = ["p", "q", "dp", "dq", "qinv"]
        let crt = crtNames.compactMap { v[$0] }
        guard !isPrivate || v["d"] != nil else {
            throw FieldError("no private exponent for the key at line \(state.keyLine)")
        }
        let digest = state.digest ?? self.digest
        var input: PKeyInput
        var expected: Expected
        var name: String
        switch operation {
        case .oaepDecrypt, .pkcs1Decrypt:
            input = PKeyInput(kind: .decrypt)
            input.input = [output]
            input.output = message
            expected = .output(message)
            if operation == .oaepDecrypt {
                let mgf1 = state.mgf1 ?? digest
                input.controls = [
                    KDFParameter("rsa_padding_mode", .text("oaep")), KDFParameter("rsa_oaep_md", .text(digest)),
                    KDFParameter("rsa_mgf1_md", .text(mgf1)),
                ]
                name = "RSA-OAEP-\(digest)-MGF1-\(mgf1)"
            } else {
                input.controls = [KDFParameter("rsa_padding_mode", .text("pkcs1"))]
                name = "RSA-PKCS1-DECRYPT"
            }
        case .pssVerify:
            guard let salt = state.salt else { throw FieldError("a PSS example without its Salt") }
            input = PKeyInput(kind: .digestVerify)
            input.digest = digest
            input.controls = [
                KDFParameter("rsa_padding_mode", .text("pss")),
                KDFParameter("rsa_mgf1_md", .text(state.mgf1 ?? digest)),
                KDFParameter("rsa_pss_saltlen", .text(String(salt.count))),
            ]
            input.input = [message]
            input.output = output
            expected = .output([])
            name = "RSA-PSS-\(digest)"
        case .pkcs1Sign:
            input = PKeyInput(kind: .digestSign)
            input.digest = digest
            input.controls = [KDFParameter("rsa_padding_mode", .text("pkcs1"))]
            input.input = [message]
            input.output = output
            expected = .output(output)
            name = "RSA-PKCS1-\(digest)"
        }
        input.key = KeyDefinition(
            name: "Modulus@\(state.keyLine)", isPrivate: isPrivate,
            source: .rsaNumbers(
                modulus: n, publicExponent: e, privateExponent: isPrivate ? v["d"] : nil,
                crt: isPrivate && crt.count == crtNames.count ? crt : []),
            line: state.keyLine)
        let start = state.example != nil ? state.exampleLine : line
        return Vector(
            id: state.example ?? "line \(line)", provenance: Provenance(file: displayPath, line: start, corpus: corpus),
            algorithm: name, operation: .pkey(input), expected: expected)
    }
}
