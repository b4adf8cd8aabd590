// Record kind `mac`.

extension NISTParser {
    func macVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "KEY", "KEY1", "KEY2", "KEY3", "MESSAGE", "MSG", "OUTPUT", "TAG"], &unsupported)
        let parts = algorithm.split(separator: ":", maxSplits: 1).map(String.init)
        let key = r.has("KEY1") ? try bytes(r, "KEY1") + bytes(r, "KEY2") + bytes(r, "KEY3") : try bytes(r, "KEY")
        let msg = try bytes(r, first(r, "MESSAGE", "MSG") ?? "MESSAGE")
        let out = try bytes(r, first(r, "OUTPUT", "TAG") ?? "OUTPUT")
        let input = MACInput(
            mac: parts[0], underlying: parts.count > 1 ? parts[1] : nil, key: key, message: Message(msg))
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(
            id: count, provenance: provenance(r.line, displayPath), algorithm: parts[0], operation: .mac(input),
            expected: .output(out), unsupported: unsupported)
    }
}
