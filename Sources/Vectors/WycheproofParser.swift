import Foundation

/// Reads Wycheproof JSON test files (`testGroups[].tests[]`, each with `tcId`, `result` of
/// valid/invalid/acceptable and `flags`). The `schema` field picks how a test is read (v0 and
/// `_v1` names alike): `mac`, `mac_with_iv`, `aead`, `daead` (AES-SIV-CMAC), `keywrap` (AES KW
/// and KWP), `ind_cpa` (CBC with PKCS#7 padding), `hkdf`, `pbkdf`, and the RSA and DSA schemas
/// (`rsassa_pkcs1_verify`, `rsassa_pss_verify`, `rsassa_pss_with_parameters_verify`,
/// `rsaes_oaep_decrypt`, `rsaes_pkcs1_decrypt`, `dsa_verify`, `dsa_p1363_verify`: see
/// WycheproofPKey.swift) and the EC ones (`ecdsa_verify`, `ecdsa_p1363_verify`, `ecdh_test`,
/// `ecdh_ecpoint_test`, `ecdh_pem_test`, `ecdh_webcrypto_test`, `xdh_comp`, `xdh_asn_comp`,
/// `xdh_pem_comp`, `xdh_jwk_comp`, `eddsa_verify`: see WycheproofEC.swift). Schemas we do not run yet
/// still yield one `unsupported` vector per test, so they are counted. A case whose key size
/// the algorithm does not take is a rejection to check, not an unknown algorithm (``sizedCipher``).
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

    /// Block-cipher families Wycheproof names by prefix (`AES-CMAC`, `ARIA-CBC-PKCS5`,
    /// `CAMELLIA-CMAC`), with the key sizes in bits that OpenSSL names their ciphers by.
    static let familyKeyBits: [String: [Int]] = [
        "AES": [128, 192, 256], "ARIA": [128, 192, 256], "CAMELLIA": [128, 192, 256],
    ]

    /// An OpenSSL cipher name for a Wycheproof case, and why its key size is refused, if it is.
    struct SizedName: Equatable {
        var name: String
        /// Nil when the cipher takes the key; else the reason it does not.
        var refused: String?
    }

    /// `<family>-<bits>-<mode>` for a key of `keyBytes` bytes (`keyBitsPerName` key bits per
    /// named bit: 2 for SIV, whose key is two AES keys).
    ///
    /// Wycheproof files carry cases with key sizes the algorithm does not take (AES-CMAC with a
    /// 0-, 8-, 64-, 160- or 320-bit key, flag `InvalidKeySize`). Such a case is named with the
    /// nearest size the family takes, so that it runs and the implementation's key-length check
    /// refuses it: a name like `AES-160-CBC` would make it an unknown algorithm, an input error,
    /// when it is a rejection to check. `refused` records the decision (see ``expectation``).
    static func sizedCipher(_ family: String, keyBytes: Int, mode: String, keyBitsPerName: Int = 1) -> SizedName {
        let sizes = familyKeyBits[family] ?? []
        let (bits, overflow) = keyBytes.multipliedReportingOverflow(by: 8)
        let named = overflow ? Int.max : bits / keyBitsPerName
        if sizes.contains(named) && bits % keyBitsPerName == 0 {
            return SizedName(name: "\(family)-\(named)-\(mode)", refused: nil)
        }
        let nearest = sizes.min { abs($0 - named) < abs($1 - named) } ?? 128
        let name = "\(family)-\(nearest)-\(mode)"
        let takes = sizes.map { String($0 * keyBitsPerName) }.joined(separator: ", ")
        return SizedName(
            name: name,
            refused:
                "InvalidKeySize: a \(overflow ? "huge" : String(bits))-bit key, which \(family)-\(mode) does not take "
                + "(it takes \(takes) bits; run as \(name))")
    }

    /// What a case expects, given whether its key size is refused: an `invalid` case whose key
    /// size the algorithm refuses must be refused (the operation must throw; computing any
    /// output is a failure), a `valid` one keeps its ordinary expectation, so that refusing it
    /// is reported as a failure; `acceptable` may go either way.
    static func expectation(_ verdict: Verdict, refused: String?, _ ordinary: Expected) -> Expected {
        if let refused, verdict == .invalid { return .failure(refused) }
        return ordinary
    }

    /// A key wrap, `ind_cpa` or deterministic-AEAD cipher case: a valid one runs both ways and
    /// expects `ct`; an invalid or acceptable one is a decryption that must fail (or may).
    static func cipherVector(
        id: String, _ prov: Provenance, _ flags: [String], _ verdict: Verdict, _ sized: SizedName, _ input: CipherInput
    ) -> Vector {
        let ordinary: Expected =
            verdict == .valid ? .output(input.ciphertext) : .verification(tag: input.ciphertext, verdict: verdict)
        return Vector(
            id: id, provenance: prov, algorithm: sized.name, operation: .cipher(input),
            expected: expectation(verdict, refused: sized.refused, ordinary), flags: flags)
    }

    /// Wycheproof key wrap names → OpenSSL's: `AES-WRAP` (v0 also `AES-KW`, `KW`) is
    /// `AES-<bits>-WRAP` (RFC 3394, SP 800-38F KW), `AES-KWP` (`KWP`) is `AES-<bits>-WRAP-PAD`
    /// (RFC 5649). Nil for ARIA and Camellia wraps, which OpenSSL 3.0 does not have.
    static func keyWrapName(_ algorithm: String, keyBytes: Int) -> SizedName? {
        switch algorithm.uppercased() {
        case "AES-WRAP", "AES-KW", "KW": return sizedCipher("AES", keyBytes: keyBytes, mode: "WRAP")
        case "AES-KWP", "KWP": return sizedCipher("AES", keyBytes: keyBytes, mode: "WRAP-PAD")
        default: return nil
        }
    }

    /// How a Wycheproof MAC runs in OpenSSL's terms.
    struct MACSetup: Equatable {
        var mac: String
        var underlying: String?
        var parameters: [KDFParameter] = []
        /// Why the key size is refused, if it is (see ``sizedCipher``).
        var refused: String? = nil
    }

    /// Wycheproof MAC names → OpenSSL's `EVP_MAC` and its cipher, digest or parameters:
    /// `HMACSHA256` (HMAC), `<AES|ARIA|CAMELLIA>-CMAC` (CMAC over `<family>-<bits>-CBC`),
    /// `AES-GMAC` (GMAC over `AES-<bits>-GCM`), `KMAC128`/`KMAC256` (whose output length is an
    /// input of the computation: `size` = the group's tagSize, no customization),
    /// `SipHash-c-d` and `SipHashX-c-d` (SIPHASH with `c-rounds`, `d-rounds` and a 64- or
    /// 128-bit output; its key is 128 bits). Nil for a MAC this reader has no mapping for.
    static func macSetup(_ algorithm: String, keyBytes: Int, tagBytes: Int) -> MACSetup? {
        if let digest = hmacDigest(algorithm) { return MACSetup(mac: "HMAC", underlying: digest) }
        let up = algorithm.uppercased()
        let parts = up.split(separator: "-").map(String.init)
        if parts.count == 2, familyKeyBits[parts[0]] != nil, parts[1] == "CMAC" || parts[1] == "GMAC" {
            let mode = parts[1] == "CMAC" ? "CBC" : "GCM"
            if parts[1] == "GMAC" && parts[0] == "CAMELLIA" { return nil }
            let sized = sizedCipher(parts[0], keyBytes: keyBytes, mode: mode)
            return MACSetup(mac: parts[1], underlying: sized.name, refused: sized.refused)
        }
        if up == "KMAC128" || up == "KMAC256" {
            return MACSetup(mac: up, underlying: nil, parameters: [KDFParameter("size", .text(String(tagBytes)))])
        }
        if parts.count == 3, parts[0] == "SIPHASH" || parts[0] == "SIPHASHX", let c = Int(parts[1]),
            let d = Int(parts[2]), c > 0, d > 0
        {
            let size = parts[0] == "SIPHASHX" ? 16 : 8
            return MACSetup(
                mac: "SIPHASH", underlying: nil,
                parameters: [
                    KDFParameter("size", .text(String(size))), KDFParameter("c-rounds", .text(String(c))),
                    KDFParameter("d-rounds", .text(String(d))),
                ],
                refused: keyBytes == 16
                    ? nil : "InvalidKeySize: a \(keyBytes * 8)-bit key, which SipHash does not take (it takes 128 bits)"
            )
        }
        return nil
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
                    if let pkey = PKeySchema(schemaField: schema) {
                        sink.vector(
                            try Self.pkeyVector(
                                pkey, group: group, groupLine: lines.group(g), test: t, id: tcId, prov, flags, verdict,
                                hex: { try hex(t, $0) }))
                        continue
                    }
                    switch schema {
                    case "mac_test_schema.json", "mac_test_schema_v1.json", "mac_with_iv_test_schema.json",
                        "mac_with_iv_test_schema_v1.json":
                        let key = try hex(t, "key")
                        let msg = try hex(t, "msg")
                        let tag = try hex(t, "tag")
                        guard let tagBits = group["tagSize"] as? Int, tagBits > 0, tagBits % 8 == 0 else {
                            throw FieldError("group tagSize missing or not a positive multiple of 8")
                        }
                        guard let setup = Self.macSetup(algorithm, keyBytes: key.count, tagBytes: tagBits / 8) else {
                            sink.vector(
                                Vector(
                                    id: tcId, provenance: prov, algorithm: algorithm,
                                    operation: .unsupported(
                                        "Wycheproof MAC \(algorithm), which OpenSSL 3.0 does not have"),
                                    expected: .verification(tag: tag, verdict: verdict), flags: flags))
                            continue
                        }
                        var input = MACInput(
                            mac: setup.mac, underlying: setup.underlying, key: key, message: Message(msg),
                            tagLength: tagBits / 8)
                        input.parameters = setup.parameters
                        if t["iv"] != nil { input.iv = try hex(t, "iv") }
                        sink.vector(
                            Vector(
                                id: tcId, provenance: prov, algorithm: input.mac, operation: .mac(input),
                                expected: Self.expectation(
                                    verdict, refused: setup.refused, .verification(tag: tag, verdict: verdict)),
                                flags: flags))
                    case "aead_test_schema.json", "aead_test_schema_v1.json":
                        let key = try hex(t, "key")
                        let iv = try hex(t, "iv")
                        let aad = try hex(t, "aad")
                        let msg = try hex(t, "msg")
                        let ct = try hex(t, "ct")
                        let tag = try hex(t, "tag")
                        let sized: SizedName
                        switch algorithm.uppercased() {
                        case "AES-GCM", "ARIA-GCM", "AES-CCM", "ARIA-CCM":
                            let parts = algorithm.uppercased().split(separator: "-")
                            sized = Self.sizedCipher(String(parts[0]), keyBytes: key.count, mode: String(parts[1]))
                        case "CHACHA20-POLY1305": sized = SizedName(name: "ChaCha20-Poly1305", refused: nil)
                        default:
                            sink.vector(
                                Vector(
                                    id: tcId, provenance: prov, algorithm: algorithm,
                                    operation: .unsupported(
                                        "Wycheproof AEAD \(algorithm), which OpenSSL 3.0 does not have"),
                                    expected: .verification(tag: tag, verdict: verdict), flags: flags))
                            continue
                        }
                        let name = sized.name
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
                                expected: Self.expectation(verdict, refused: sized.refused, expected), flags: flags))
                    case "keywrap_test_schema.json", "keywrap_test_schema_v1.json":
                        // Wrap msg under key gives ct, and unwrapping ct gives msg back; an invalid
                        // ct must not unwrap (Wycheproof's KeywrapTest).
                        let key = try hex(t, "key")
                        let msg = try hex(t, "msg")
                        let ct = try hex(t, "ct")
                        guard let sized = Self.keyWrapName(algorithm, keyBytes: key.count) else {
                            sink.vector(
                                Vector(
                                    id: tcId, provenance: prov, algorithm: algorithm,
                                    operation: .unsupported(
                                        "Wycheproof key wrap \(algorithm), which OpenSSL 3.0 does not have"),
                                    expected: .verification(tag: ct, verdict: verdict), flags: flags))
                            continue
                        }
                        sink.vector(
                            Self.cipherVector(
                                id: tcId, prov, flags, verdict, sized,
                                CipherInput(
                                    cipher: sized.name, key: key, iv: [], plaintext: msg, ciphertext: ct,
                                    direction: verdict == .valid ? .both : .decrypt)))
                    case "ind_cpa_test_schema.json", "ind_cpa_test_schema_v1.json":
                        // Encrypting msg under key and iv gives ct (the raw ciphertext, without the
                        // IV), and decrypting ct gives msg; an invalid ct (bad padding, a length
                        // that is not whole blocks) must not decrypt.
                        let key = try hex(t, "key")
                        let iv = try hex(t, "iv")
                        let msg = try hex(t, "msg")
                        let ct = try hex(t, "ct")
                        let up = algorithm.uppercased()
                        let parts = up.split(separator: "-")
                        guard parts.count == 3, parts[1] == "CBC", parts[2] == "PKCS5",
                            Self.familyKeyBits[String(parts[0])] != nil
                        else {
                            sink.vector(
                                Vector(
                                    id: tcId, provenance: prov, algorithm: algorithm,
                                    operation: .unsupported(
                                        "Wycheproof cipher \(algorithm), which this reader does not map to OpenSSL"),
                                    expected: .verification(tag: ct, verdict: verdict), flags: flags))
                            continue
                        }
                        let sized = Self.sizedCipher(String(parts[0]), keyBytes: key.count, mode: "CBC")
                        sink.vector(
                            Self.cipherVector(
                                id: tcId, prov, flags, verdict, sized,
                                CipherInput(
                                    cipher: sized.name, key: key, iv: iv, plaintext: msg, ciphertext: ct,
                                    direction: verdict == .valid ? .both : .decrypt, padding: true)))
                    case "daead_test_schema.json", "daead_test_schema_v1.json":
                        // Deterministic AEAD: ct is the 16-byte synthetic IV (OpenSSL's tag)
                        // followed by the ciphertext, as RFC 5297 writes its output. The aad is one
                        // S2V component even when empty (as an empty EVP AAD update is in OpenSSL's
                        // SIV), and the EVP cipher has no IV, as evp_test's AES-SIV stanzas.
                        let key = try hex(t, "key")
                        let aad = try hex(t, "aad")
                        let msg = try hex(t, "msg")
                        let ct = try hex(t, "ct")
                        guard algorithm.uppercased() == "AES-SIV-CMAC" else {
                            sink.vector(
                                Vector(
                                    id: tcId, provenance: prov, algorithm: algorithm,
                                    operation: .unsupported(
                                        "Wycheproof deterministic AEAD \(algorithm), which OpenSSL 3.0 does not have"),
                                    expected: .verification(tag: ct, verdict: verdict), flags: flags))
                            continue
                        }
                        // An AES-SIV key is two AES keys: a 256-bit Wycheproof key is AES-128-SIV.
                        let sized = Self.sizedCipher(
                            "AES", keyBytes: key.count, mode: "SIV", keyBitsPerName: 2)
                        var input = CipherInput(
                            cipher: sized.name, key: key, iv: [], plaintext: msg, ciphertext: Array(ct.dropFirst(16)),
                            direction: verdict == .valid ? .both : .decrypt)
                        input.aad = [aad]
                        input.tag = Array(ct.prefix(16))
                        var v = Self.cipherVector(id: tcId, prov, flags, verdict, sized, input)
                        if msg.isEmpty && ct.count <= 16 {
                            // ossl_siv128_finish in OpenSSL 3.0 reports failure when no data was
                            // processed (an empty update is ignored), and LibCrypto's SIV follows it.
                            v.unsupported.append(
                                "empty plaintext (OpenSSL 3.0's AES-SIV cannot finalize a message with no data)")
                        }
                        sink.vector(v)
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
