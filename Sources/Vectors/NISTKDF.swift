// Record kind `kdf` (test cases gathered across blank lines by `parse`).

extension NISTParser {
    func kdfVectors(_ raw: NISTRecord, displayPath: String) throws -> [Vector] {
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
            var out = ""
            var rest = f.value[...]
            while let r = rest.firstRange(of: "\\0") {
                out += rest[..<r.lowerBound] + "\u{0}"
                rest = rest[r.upperBound...]
            }
            return out + rest
        }
        var out: [Vector] = []
        switch name {
        case "PBKDF2", "SCRYPT":
            checkKnown(
                r, ["COUNT", "PASSWORD", "SALT", "ITERATIONS", "LENGTH", "DERIVED_KEY", "N", "R", "P"], &unsupported)
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
            out.append(
                Vector(
                    id: count, provenance: provenance(r.line, displayPath), algorithm: name,
                    operation: .kdf(KDFInput(kdf: name, parameters: params, outputLength: dk.count)),
                    expected: .output(dk), unsupported: unsupported))
        case "HKDF":
            checkKnown(r, ["COUNT", "HASH", "IKM", "SALT", "INFO", "L", "PRK", "OKM"], &unsupported)
            let digest = try text("HASH")
            let base = [
                KDFParameter("digest", .text(digest)), KDFParameter("key", .bytes(try bytes(r, "IKM"))),
                KDFParameter("salt", .bytes(r.has("SALT") ? try bytes(r, "SALT") : [])),
            ]
            let okm = try bytes(r, "OKM")
            if let l = try integer(r, "L"), l != okm.count {
                throw RecordError(line: r.line, message: "L = \(l) but OKM has \(okm.count) bytes")
            }
            let info = KDFParameter("info", .bytes(r.has("INFO") ? try bytes(r, "INFO") : []))
            out.append(
                Vector(
                    id: count, provenance: provenance(r.line, displayPath), algorithm: name,
                    operation: .kdf(KDFInput(kdf: name, parameters: base + [info], outputLength: okm.count)),
                    expected: .output(okm), unsupported: unsupported))
            if r.has("PRK") {
                let prk = try bytes(r, "PRK")
                out.append(
                    Vector(
                        id: "\(count) PRK", provenance: provenance(r.field("PRK")!.line, displayPath), algorithm: name,
                        operation: .kdf(
                            KDFInput(
                                kdf: name, parameters: base + [KDFParameter("mode", .text("EXTRACT_ONLY"))],
                                outputLength: prk.count)),
                        expected: .output(prk), unsupported: unsupported))
            }
        default:
            throw RecordError(line: r.line, message: "no record reader for KDF '\(parts[0])'")
        }
        return out
    }
}
