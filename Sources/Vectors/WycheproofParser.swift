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
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            report(0, FileManager.default.fileExists(atPath: path, isDirectory: &isDir) ? (isDir.boolValue ? "is a directory" : "cannot read") : "cannot open: No such file or directory")
            return
        }
        let root: [String: Any]
        do {
            guard let r = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                report(1, "top level is not a JSON object")
                return
            }
            root = r
        } catch {
            report(0, "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
            return
        }
        let tcLines = Self.tcIdLines(data)
        var tcIndex = 0
        func nextLine() -> Int {
            defer { tcIndex += 1 }
            return tcIndex < tcLines.count ? tcLines[tcIndex] : 0
        }
        let algorithm = root["algorithm"] as? String ?? ""
        let schema = root["schema"] as? String ?? ""
        guard let groups = root["testGroups"] as? [[String: Any]] else {
            report(1, "missing testGroups array")
            return
        }
        for group in groups {
            guard let tests = group["tests"] as? [[String: Any]] else {
                report(0, "a test group without a tests array")
                continue
            }
            for t in tests {
                let line = nextLine()
                let tcId = (t["tcId"] as? Int).map { "tcId \($0)" } ?? "line \(line)"
                let prov = Provenance(file: displayPath, line: line, corpus: corpus)
                do {
                    guard let rs = t["result"] as? String, let verdict = Verdict(rawValue: rs) else {
                        throw FieldError("result must be valid, invalid or acceptable")
                    }
                    let flags = t["flags"] as? [String] ?? []
                    switch schema {
                    case "mac_test_schema.json", "mac_test_schema_v1.json":
                        let key = try hex(t, "key"), msg = try hex(t, "msg"), tag = try hex(t, "tag")
                        guard let tagBits = group["tagSize"] as? Int, tagBits > 0, tagBits % 8 == 0 else {
                            throw FieldError("group tagSize missing or not a positive multiple of 8")
                        }
                        let digest = Self.hmacDigest(algorithm)
                        let input = MACInput(mac: digest == nil ? algorithm : "HMAC", underlying: digest, key: key,
                                             message: Message(msg), tagLength: tagBits / 8)
                        sink.vector(Vector(id: tcId, provenance: prov, algorithm: input.mac, operation: .mac(input),
                                           expected: .verification(tag: tag, verdict: verdict), flags: flags))
                    default:
                        sink.vector(Vector(id: tcId, provenance: prov, algorithm: algorithm,
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

    /// Line numbers of each `"tcId"` key, in file order, so diagnostics can say `file:line`.
    static func tcIdLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        let needle = Array("\"tcId\"".utf8)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var line = 1
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x0A { line += 1 }
                else if c == 0x22, i + needle.count <= b.count {
                    var match = true
                    for k in 0..<needle.count where b[i + k] != needle[k] { match = false; break }
                    if match { lines.append(line); i += needle.count; continue }
                }
                i += 1
            }
        }
        return lines
    }
}
