// Record kinds `hash` and `hmac`.

extension NISTParser {
    /// `Len`/`Msg`/`MD` (or `Output` for an XOF): one digest vector.
    func hashVector(_ r: NISTRecord, displayPath: String) throws -> [Vector] {
        var unsupported: [String] = []
        let count = r.field("COUNT").map { "COUNT=\($0.value)" }
        checkKnown(r, ["Len", "Msg", "MD", "Output", "Outputlen", "COUNT"], &unsupported)
        let msg = try message(r, unsupported: &unsupported)
        var outputLength: Int? = nil
        let expected: [UInt8]
        if r.has("Output") {
            expected = try bytes(r, "Output")
            outputLength = expected.count
            if let bits = try integer(r, "Outputlen") ?? sectionInteger(r, "Outputlen") {
                if bits % 8 != 0 {
                    unsupported.append("bit-length output (Outputlen = \(bits))")
                } else if bits / 8 != expected.count {
                    throw RecordError(
                        line: r.field("Output")!.line,
                        message: "Output has \(expected.count) bytes but Outputlen = \(bits) bits")
                }
            }
        } else {
            expected = try bytes(r, "MD")
        }
        return [
            Vector(
                id: count ?? "line \(r.line)", provenance: provenance(r.line, displayPath), algorithm: algorithm,
                operation: .digest(message: Message(msg), outputLength: outputLength),
                expected: .output(expected), unsupported: unsupported)
        ]
    }

    /// `Len`/`Key`/`Msg`/`MD`: one HMAC vector over the manifest's digest.
    func hmacVector(_ r: NISTRecord, displayPath: String) throws -> [Vector] {
        var unsupported: [String] = []
        let count = r.field("COUNT").map { "COUNT=\($0.value)" }
        checkKnown(r, ["Len", "Key", "Msg", "MD", "COUNT"], &unsupported)
        let key = try bytes(r, "Key")
        let msg = try message(r, unsupported: &unsupported)
        let md = try bytes(r, "MD")
        return [
            Vector(
                id: count ?? "line \(r.line)", provenance: provenance(r.line, displayPath), algorithm: "HMAC",
                operation: .mac(MACInput(mac: "HMAC", underlying: algorithm, key: key, message: Message(msg))),
                expected: .output(md), unsupported: unsupported)
        ]
    }
}
