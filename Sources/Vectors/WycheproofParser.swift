import Foundation

/// Reads Wycheproof JSON test files (`testGroups[].tests[]`, each with `tcId`, `result` of
/// valid/invalid/acceptable and `flags`). The `schema` field picks how a test is read; schemas
/// we do not run yet still yield one `unsupported` vector per test, so they are counted.
public struct WycheproofParser {
    public var corpus: String

    public init(corpus: String) { self.corpus = corpus }

    /// Wycheproof algorithm names of HMACs → OpenSSL digest names.
    static func hmacDigest(_ algorithm: String) -> String? {
        let up = algorithm.uppercased()
        guard up.hasPrefix("HMAC") else { return nil }
        var d = String(up.dropFirst(4))
        if d.hasPrefix("-") { d.removeFirst() }
        if d.hasPrefix("SHA512/") { d = "SHA512-" + d.dropFirst(7) }
        return d.isEmpty ? nil : d
    }

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        func report(_ line: Int, _ message: String) {
            sink.diagnostic(Diagnostic(file: displayPath, line: line, corpus: corpus, message: message))
        }
        let bytes: [UInt8]
        do {
            bytes = try readRegularFile(path, limit: Self.maxFileSize)
        } catch {
            report(0, "\(error)")
            return
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            report(0, "no vectors in file (it is empty)")
            return
        }
        let data = Data(bytes)
        let root: [String: Any]
        do {
            guard let r = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                report(1, "top level is not a JSON object")
                return
            }
            root = r
        } catch {
            let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"
            report(Self.errorLine(text, bytes), "not valid JSON: \(text)")
            return
        }
        let lines = WycheproofLines(bytes)
        let algorithm = root["algorithm"] as? String ?? ""
        let schema = root["schema"] as? String ?? ""
        guard let groups = root["testGroups"] as? [[String: Any]] else {
            report(1, "missing testGroups array")
            return
        }
        for (g, group) in groups.enumerated() {
            guard let tests = group["tests"] as? [[String: Any]] else {
                report(lines.group(g), "a test group without a tests array")
                continue
            }
            for (i, t) in tests.enumerated() {
                let line = lines.test(g, i)
                let tcId = (t["tcId"] as? Int).map { "tcId \($0)" } ?? "line \(line)"
                let prov = Provenance(file: displayPath, line: line, corpus: corpus)
                do {
                    guard let rs = t["result"] as? String, let verdict = Verdict(rawValue: rs) else {
                        throw FieldError("result must be valid, invalid or acceptable")
                    }
                    let flags = t["flags"] as? [String] ?? []
                    let keyBits = group["keySize"] as? Int ?? 0
                    switch schema {
                    case "mac_test_schema.json", "mac_test_schema_v1.json", "mac_with_iv_test_schema.json",
                        "mac_with_iv_test_schema_v1.json":
                        let key = try hex(t, "key")
                        let msg = try hex(t, "msg")
                        let tag = try hex(t, "tag")
                        guard let tagBits = group["tagSize"] as? Int, tagBits > 0, tagBits % 8 == 0 else {
                            throw FieldError("group tagSize missing or not a positive multiple of 8")
                        }
                        var mac = algorithm
                        var underlying: String? = nil
                        if let digest = Self.hmacDigest(algorithm) {
                            mac = "HMAC"
                            underlying = digest
                        } else if algorithm.uppercased() == "AES-CMAC" {
                            mac = "CMAC"
                            underlying = "AES-\(key.count * 8)-CBC"
                        } else if algorithm.uppercased() == "AES-GMAC" {
                            mac = "GMAC"
                            underlying = "AES-\(key.count * 8)-GCM"
                        }
                        var input = MACInput(
                            mac: mac, underlying: underlying, key: key, message: Message(msg), tagLength: tagBits / 8)
                        if t["iv"] != nil { input.iv = try hex(t, "iv") }
                        sink.vector(
                            Vector(
                                id: tcId, provenance: prov, algorithm: input.mac, operation: .mac(input),
                                expected: .verification(tag: tag, verdict: verdict), flags: flags))
                    case "aead_test_schema.json", "aead_test_schema_v1.json":
                        let key = try hex(t, "key")
                        let iv = try hex(t, "iv")
                        let aad = try hex(t, "aad")
                        let msg = try hex(t, "msg")
                        let ct = try hex(t, "ct")
                        let tag = try hex(t, "tag")
                        let name: String
                        switch algorithm.uppercased() {
                        case "AES-GCM": name = "AES-\(key.count * 8)-GCM"
                        case "AES-CCM": name = "AES-\(key.count * 8)-CCM"
                        case "CHACHA20-POLY1305": name = "ChaCha20-Poly1305"
                        default:
                            sink.vector(
                                Vector(
                                    id: tcId, provenance: prov, algorithm: algorithm,
                                    operation: .unsupported(
                                        "Wycheproof AEAD \(algorithm), which OpenSSL 3.0 does not have"),
                                    expected: .verification(tag: tag, verdict: verdict), flags: flags))
                            continue
                        }
                        var input = CipherInput(
                            cipher: name, key: key, iv: iv, plaintext: msg, ciphertext: ct,
                            direction: verdict == .valid ? .both : .decrypt)
                        input.aad = [aad]
                        input.tag = tag
                        if let bits = group["tagSize"] as? Int, bits > 0, bits % 8 == 0 { input.tagLength = bits / 8 }
                        let expected: Expected =
                            verdict == .valid ? .output(ct) : .verification(tag: tag, verdict: verdict)
                        _ = keyBits
                        sink.vector(
                            Vector(
                                id: tcId, provenance: prov, algorithm: name, operation: .cipher(input),
                                expected: expected, flags: flags))
                    case "hkdf_test_schema.json", "hkdf_test_schema_v1.json":
                        let digest = String(algorithm.dropFirst("HKDF-".count))
                        guard algorithm.uppercased().hasPrefix("HKDF-"), let size = t["size"] as? Int, size >= 0 else {
                            throw FieldError("HKDF test needs an HKDF-<digest> algorithm and a size")
                        }
                        let params = [
                            KDFParameter("digest", .text(digest)), KDFParameter("key", .bytes(try hex(t, "ikm"))),
                            KDFParameter("salt", .bytes(try hex(t, "salt"))),
                            KDFParameter("info", .bytes(try hex(t, "info"))),
                        ]
                        let okm = try hex(t, "okm")
                        sink.vector(
                            Vector(
                                id: tcId, provenance: prov, algorithm: "HKDF",
                                operation: .kdf(KDFInput(kdf: "HKDF", parameters: params, outputLength: size)),
                                expected: verdict == .valid ? .output(okm) : .verification(tag: okm, verdict: verdict),
                                flags: flags))
                    case "pbkdf_test_schema.json", "pbkdf_test_schema_v1.json":
                        let up = algorithm.uppercased()
                        guard up.hasPrefix("PBKDF2-HMAC"), let iterations = t["iterationCount"] as? Int,
                            let dkLen = t["dkLen"] as? Int, dkLen >= 0
                        else {
                            throw FieldError(
                                "PBKDF test needs a PBKDF2-HMAC<digest> algorithm, iterationCount and dkLen")
                        }
                        let digest = String(algorithm.dropFirst("PBKDF2-HMAC".count))
                        let params = [
                            KDFParameter("digest", .text(digest)), KDFParameter("pass", .bytes(try hex(t, "password"))),
                            KDFParameter("salt", .bytes(try hex(t, "salt"))),
                            KDFParameter("iter", .text(String(iterations))),
                        ]
                        let dk = try hex(t, "dk")
                        sink.vector(
                            Vector(
                                id: tcId, provenance: prov, algorithm: "PBKDF2",
                                operation: .kdf(KDFInput(kdf: "PBKDF2", parameters: params, outputLength: dkLen)),
                                expected: verdict == .valid ? .output(dk) : .verification(tag: dk, verdict: verdict),
                                flags: flags))
                    default:
                        sink.vector(
                            Vector(
                                id: tcId, provenance: prov, algorithm: algorithm,
                                operation: .unsupported("Wycheproof schema \(schema.isEmpty ? "(none)" : schema)"),
                                expected: .verification(tag: [], verdict: verdict), flags: flags))
                    }
                } catch {
                    report(line, "\(tcId): \(error)")
                }
            }
        }
    }

    private func hex(_ t: [String: Any], _ key: String) throws -> [UInt8] {
        guard let s = t[key] as? String else { throw FieldError("missing field \(key)") }
        do { return try Hex.decode(s) } catch { throw FieldError("\(key): \(error)") }
    }

    /// The largest Wycheproof file read (the largest real one is a few MB).
    public static let maxFileSize = 256 << 20

    /// The line a JSONSerialization error points at: its `line N` if it names one, else the line
    /// of the byte offset in its `character N`; 0 if it names neither.
    static func errorLine(_ message: String, _ bytes: [UInt8]) -> Int {
        func number(after word: String) -> Int? {
            guard let r = message.range(of: word + " ") else { return nil }
            return Int(message[r.upperBound...].prefix { $0.isNumber })
        }
        if let l = number(after: "line") { return l }
        if let c = number(after: "character") { return WycheproofLines.line(ofOffset: c, in: bytes) }
        return 0
    }
}
