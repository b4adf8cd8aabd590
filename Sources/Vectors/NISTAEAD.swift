// Record kinds `aead` and `ccm`.

extension NISTParser {
    func aeadVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(
            r,
            [
                "COUNT", "KEY", "IV", "NONCE", "AAD", "AD", "PT", "PLAINTEXT", "IN", "CT", "CIPHERTEXT", "TAG", "FAIL",
                "RESULT",
            ], &unsupported)
        let key = try bytes(r, "KEY")
        let iv = try bytes(r, first(r, "IV", "NONCE") ?? "IV")
        let aadKey = first(r, "AAD", "AD")
        let aad = aadKey == nil ? [] : try bytes(r, aadKey!)
        let ptKey = first(r, "PT", "PLAINTEXT", "IN")
        let ctKey = first(r, "CT", "CIPHERTEXT") ?? "CT"
        var ct = try bytes(r, ctKey)
        var tag: [UInt8]
        if r.has("TAG") {
            tag = try bytes(r, "TAG")
        } else {
            let n = (try sectionInteger(r, "Taglen")).map { $0 / 8 } ?? 16
            guard ct.count >= n else {
                throw RecordError(line: r.line, message: "ciphertext shorter than its \(n)-byte tag")
            }
            tag = Array(ct.suffix(n))
            ct.removeLast(n)
        }
        let forged =
            r.has("FAIL")
            || (r.field("RESULT").map { $0.value.uppercased().contains("ERROR") || $0.value.uppercased() == "FAIL" }
                ?? false)
        let pt = forged ? [] : try bytes(r, ptKey ?? "PT")
        let name = algorithm.replacingKeyBits(key.count * 8)
        var input = CipherInput(
            cipher: name, key: key, iv: iv, plaintext: pt, ciphertext: ct, direction: forged ? .decrypt : .both)
        input.aad = [aad]
        input.tag = tag
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(
            id: count, provenance: provenance(r.line, displayPath), algorithm: name, operation: .cipher(input),
            expected: forged ? .failure("tag must not verify") : .output(ct), unsupported: unsupported)
    }

    func ccmVector(
        _ raw: NISTRecord, shared: [String: NISTRecord.Field], sharedUnknown: [String] = [], displayPath: String
    ) throws -> Vector {
        var r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, Self.ccmFields, &unsupported)
        unsupported += sharedUnknown.map { "field \($0)" }
        // Fill in what the record does not give from the shared records, then the headers:
        // a fixed set of names, so this is linear however many fields a file shares.
        var present = Set(r.fields.map(\.key))
        for k in Self.ccmFields.sorted() where !present.contains(k) {
            if let f = shared[k] {
                r.fields.append(NISTRecord.Field(key: k, value: f.value, line: f.line))
                present.insert(k)
            }
        }
        for (k, v) in raw.sections {
            let up = k.uppercased()
            if !Self.ccmFields.contains(up) {
                unsupported.append("field \(up)")
            } else if !present.contains(up) {
                r.fields.append(NISTRecord.Field(key: up, value: v, line: r.line))
                present.insert(up)
            }
        }
        guard let plen = try integer(r, "PLEN"), let tlen = try integer(r, "TLEN"), let alen = try integer(r, "ALEN")
        else {
            throw RecordError(line: r.line, message: "CCM record needs Plen, Tlen and Alen (in a header or before it)")
        }
        let key = try bytes(r, "KEY")
        let nonce = try bytes(r, "NONCE")
        let adata = Array(try bytes(r, "ADATA").prefix(alen))
        let ctAndTag = try bytes(r, "CT")
        let (total, overflow) = plen.addingReportingOverflow(tlen)
        guard !overflow else {
            throw RecordError(line: r.line, message: "Plen + Tlen overflows (Plen = \(plen), Tlen = \(tlen))")
        }
        guard ctAndTag.count == total, adata.count == alen else {
            throw RecordError(
                line: r.line,
                message:
                    "CT must hold Plen + Tlen = \(total) bytes and Adata Alen = \(alen), "
                    + "found \(ctAndTag.count) and \(adata.count)"
            )
        }
        let fail = r.field("RESULT").map { $0.value.uppercased().hasPrefix("FAIL") } ?? false
        let payload = fail ? [] : Array(try bytes(r, "PAYLOAD").prefix(plen))
        let name = algorithm.replacingKeyBits(key.count * 8)
        var input = CipherInput(
            cipher: name, key: key, iv: nonce, plaintext: payload, ciphertext: Array(ctAndTag.prefix(plen)),
            direction: fail ? .decrypt : .both)
        input.aad = [adata]
        input.tag = Array(ctAndTag.suffix(tlen))
        let count = r.field("COUNT").map { "Count=\($0.value)" } ?? "line \(r.line)"
        return Vector(
            id: count, provenance: provenance(raw.line, displayPath), algorithm: name, operation: .cipher(input),
            expected: fail ? .failure("tag must not verify") : .output(input.ciphertext), unsupported: unsupported)
    }
}
