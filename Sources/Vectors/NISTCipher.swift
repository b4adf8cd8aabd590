// Record kinds `cipher`, `xts`, `keywrap-encrypt` and `keywrap-decrypt`.

extension NISTParser {
    func cipherVectors(_ raw: NISTRecord, displayPath: String) throws -> [Vector] {
        var r = raw
        for i in r.fields.indices { r.fields[i].key = r.fields[i].key.uppercased() }
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        if r.has("IV1") {
            // TDES interleaved (TCBCI, TOFBI) and pipelined (TCFBP) modes: three IVs, three
            // outputs. OpenSSL has no such mode, so there is nothing to be conformant with.
            return [
                Vector(
                    id: count, provenance: provenance(r.line, displayPath), algorithm: algorithm,
                    operation: .unsupported(
                        "TDES interleaved/pipelined mode (IV1, IV2, IV3), which OpenSSL does not have"),
                    expected: .output([]))
            ]
        }
        var unsupported: [String] = []
        checkKnown(
            r,
            [
                "COUNT", "KEY", "KEYS", "KEY1", "KEY2", "KEY3", "IV", "PLAINTEXT", "CIPHERTEXT", "OFFSET",
                "NONCE", "INITIAL_BLOCK_COUNTER", "CIPHERTEXT100", "CIPHERTEXT1000",
            ], &unsupported)
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
        let pt: [UInt8]
        let ct: [UInt8]
        var bitLength: Int? = nil
        if isCFB1 {
            let p = try bitString(r, "PLAINTEXT")
            let c = try bitString(r, "CIPHERTEXT")
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
        let direction: CipherDirection =
            r.sections["ENCRYPT"] != nil && r.sections["DECRYPT"] == nil
            ? .encrypt
            : r.sections["DECRYPT"] != nil && r.sections["ENCRYPT"] == nil ? .decrypt : .both
        let offset = try integer(r, "OFFSET") ?? 0
        let input = CipherInput(
            cipher: name, key: key, iv: iv, plaintext: pt, ciphertext: ct, direction: direction,
            bitLength: bitLength, keystreamOffset: offset)
        var out = [
            Vector(
                id: direction == .both ? count : "\(direction.rawValue) \(count)",
                provenance: provenance(r.line, displayPath),
                algorithm: name, operation: .cipher(input),
                expected: .output(direction == .decrypt ? pt : ct), unsupported: unsupported)
        ]
        for n in [100, 1000] where r.has("CIPHERTEXT\(n)") {
            var iterated = input
            iterated.ciphertext = try bytes(r, "CIPHERTEXT\(n)")
            iterated.direction = .encrypt
            iterated.iterations = n
            out.append(
                Vector(
                    id: "\(count) iterated \(n)", provenance: provenance(r.field("CIPHERTEXT\(n)")!.line, displayPath),
                    algorithm: name, operation: .cipher(iterated), expected: .output(iterated.ciphertext)))
        }
        return out
    }

    func xtsVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "DATAUNITLEN", "KEY", "I", "DATAUNITSEQNUMBER", "PT", "CT"], &unsupported)
        let key = try bytes(r, "KEY")
        var tweak: [UInt8]
        if let seq = try integer(r, "DATAUNITSEQNUMBER") {
            // IEEE 1619: the data unit sequence number as a 128-bit little-endian tweak.
            tweak = (0..<16).map { $0 < 8 ? UInt8(truncatingIfNeeded: seq >> (8 * $0)) : 0 }
        } else {
            tweak = try bytes(r, "I")
        }
        if let bits = try integer(r, "DATAUNITLEN"), bits % 8 != 0 {
            unsupported.append("data unit of \(bits) bits (not whole bytes; OpenSSL's XTS takes bytes)")
        }
        let pt = try bytes(r, "PT")
        let ct = try bytes(r, "CT")
        let name = algorithm.replacingKeyBits(key.count * 4)
        let direction: CipherDirection =
            r.sections["ENCRYPT"] != nil ? .encrypt : r.sections["DECRYPT"] != nil ? .decrypt : .both
        let input = CipherInput(cipher: name, key: key, iv: tweak, plaintext: pt, ciphertext: ct, direction: direction)
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(
            id: count, provenance: provenance(r.line, displayPath), algorithm: name, operation: .cipher(input),
            expected: .output(direction == .decrypt ? pt : ct), unsupported: unsupported)
    }

    func keyWrapVector(_ raw: NISTRecord, displayPath: String) throws -> Vector {
        let r = upper(raw)
        var unsupported: [String] = []
        checkKnown(r, ["COUNT", "K", "P", "C", "FAIL", "KEY", "INPUT", "OUTPUT"], &unsupported)
        let key = try bytes(r, first(r, "K", "KEY") ?? "K")
        let encrypting = kind == .keyWrapEncrypt
        let fail = r.has("FAIL")
        let p = fail ? [] : try bytes(r, first(r, "P", "INPUT") ?? "P")
        let c = try bytes(r, first(r, "C", "OUTPUT") ?? "C")
        let name = algorithm.replacingKeyBits(key.count * 8)
        let input = CipherInput(
            cipher: name, key: key, iv: [], plaintext: p, ciphertext: c,
            direction: fail ? .decrypt : (encrypting ? .encrypt : .decrypt))
        let count = r.field("COUNT").map { "COUNT=\($0.value)" } ?? "line \(r.line)"
        return Vector(
            id: count, provenance: provenance(r.line, displayPath), algorithm: name, operation: .cipher(input),
            expected: fail ? .failure("unwrap must fail") : .output(encrypting ? c : p), unsupported: unsupported)
    }
}
