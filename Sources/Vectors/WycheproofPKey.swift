// Wycheproof's RSA and DSA schemas: each test case becomes an evp_test-style `PKeyInput` on the
// group's key, so the public-key steps run it as they run evp_test's stanzas.
//
// - `rsassa_pkcs1_verify_schema`: DigestVerify with `sha` and PKCS#1 v1.5 padding.
// - `rsassa_pss_verify_schema`, `rsassa_pss_with_parameters_verify_schema`: DigestVerify with
//   `sha`, PSS, MGF1 with `mgfSha` and exactly `sLen` bytes of salt. In the second (and in
//   `rsa_pss_misc_params_test.json`), the key is an RSASSA-PSS SubjectPublicKeyInfo whose
//   parameters restrict it, which the key loader honours as OpenSSL does.
// - `rsaes_oaep_decrypt_schema`: Decrypt with OAEP (`sha` for the label, MGF1 with `mgfSha`,
//   `label`); `rsaes_pkcs1_decrypt_schema`: Decrypt with PKCS#1 v1.5 padding.
// - `dsa_verify_schema`: DigestVerify with `sha`, a DER signature; `dsa_p1363_verify_schema`:
//   the same with an IEEE P1363 signature (r || s, each as long as q), which the DSA step reads.
// - The elliptic-curve schemas (ECDSA, ECDH, XDH, EdDSA): WycheproofEC.swift.
//
// Field names differ between Wycheproof's generations, independently of the schema's `_v1`
// suffix, so both are read: the key as `publicKeyDer`/`keyDer` (a SubjectPublicKeyInfo),
// `publicKeyPem`/`keyPem`, or RSA numbers `publicKey{modulus, publicExponent}`/`n`, `e`; a
// private key as `privateKeyPkcs8` (DER), `privateKeyPem`, or `privateKey{...}`/`n`, `e`, `d`.
// A valid case must succeed (a decryption with `msg` as its output), an invalid one must fail,
// and an acceptable one is decided by ``WycheproofParser/acceptableDecisions`` (else either
// outcome passes).

extension WycheproofParser {
    /// The public-key operations of the Wycheproof schemas this reader runs.
    enum PKeySchema: String, CaseIterable {
        case rsaPKCS1Verify = "rsassa_pkcs1_verify"
        case rsaPSSVerify = "rsassa_pss_verify"
        case rsaPSSWithParametersVerify = "rsassa_pss_with_parameters_verify"
        case rsaOAEPDecrypt = "rsaes_oaep_decrypt"
        case rsaPKCS1Decrypt = "rsaes_pkcs1_decrypt"
        case dsaVerify = "dsa_verify"
        case dsaP1363Verify = "dsa_p1363_verify"
        case ecdsaVerify = "ecdsa_verify"
        case ecdsaP1363Verify = "ecdsa_p1363_verify"
        case ecdh = "ecdh_test"
        case ecdhECPoint = "ecdh_ecpoint_test"
        case ecdhPEM = "ecdh_pem_test"
        case ecdhWebCrypto = "ecdh_webcrypto_test"
        case xdh = "xdh_comp"
        case xdhASN = "xdh_asn_comp"
        case xdhPEM = "xdh_pem_comp"
        case xdhJWK = "xdh_jwk_comp"
        case eddsaVerify = "eddsa_verify"

        /// The schema a file's `schema` field names (`<name>_schema.json` or `_schema_v1.json`).
        init?(schemaField: String) {
            for s in Self.allCases
            where schemaField == "\(s.rawValue)_schema.json" || schemaField == "\(s.rawValue)_schema_v1.json" {
                self = s
                return
            }
            return nil
        }

        var decrypts: Bool { self == .rsaOAEPDecrypt || self == .rsaPKCS1Decrypt }
        var isPSS: Bool { self == .rsaPSSVerify || self == .rsaPSSWithParametersVerify }
        var isDSA: Bool { self == .dsaVerify || self == .dsaP1363Verify }
    }

    /// How OpenSSL 3.0 decides an `acceptable` case carrying `flag`, and why. Every decision was
    /// checked with the `openssl` CLI 3.0.19 on the case our own file has for the flag.
    struct AcceptableDecision {
        var schemas: Set<PKeySchema>
        var flag: String
        /// `.valid` or `.invalid`.
        var verdict: Verdict
        var reason: String
    }

    /// The one place `acceptable` RSA, DSA and EC cases are decided. A case is decided by its flags
    /// that have a decision here when they agree; with none (or disagreeing ones) it stays
    /// acceptable: either outcome passes, and the report says which it was.
    static let acceptableDecisions: [AcceptableDecision] = [
        AcceptableDecision(
            schemas: [.rsaPKCS1Verify], flag: "MissingNull", verdict: .invalid,
            reason:
                "OpenSSL 3.0 rejects a DigestInfo without NULL parameters: it compares the decoded block with "
                + "the one it encodes itself (crypto/rsa/rsa_sign.c); openssl pkeyutl -verify rejects "
                + "rsa_pkcs1_2048_sha256_openssl.json tcId 18"),
        AcceptableDecision(
            schemas: [.rsaPKCS1Verify], flag: "BerEncodedPadding", verdict: .invalid,
            reason:
                "OpenSSL 3.0 accepts only the DER DigestInfo it encodes itself; openssl pkeyutl -verify rejects "
                + "rsa_pkcs1_2048_sha256_openssl.json tcId 19"),
        AcceptableDecision(
            schemas: [.dsaVerify], flag: "MissingZero", verdict: .invalid,
            reason:
                "OpenSSL 3.0 reads an r or s without its leading zero as a negative INTEGER, out of (0, q); "
                + "openssl pkeyutl -verify rejects dsa_2048_224_sha224_openssl.json tcId 4"),
        AcceptableDecision(
            schemas: [.dsaVerify], flag: "BerEncodedSignature", verdict: .invalid,
            reason:
                "OpenSSL 3.0 re-encodes the signature and rejects one that is not its DER (crypto/dsa/dsa_sign.c); "
                + "openssl pkeyutl -verify rejects dsa_2048_224_sha224_openssl.json tcId 16 and 17"),
        AcceptableDecision(
            schemas: [.ecdsaVerify], flag: "MissingZero", verdict: .invalid,
            reason:
                "OpenSSL 3.0 reads an r without its leading zero as a negative INTEGER, and ossl_ecdsa_verify "
                + "accepts only the DER it re-encodes; openssl pkeyutl -verify rejects ecdsa_openssl.json tcId 17"),
        AcceptableDecision(
            schemas: [.ecdsaVerify], flag: "BerEncodedSignature", verdict: .invalid,
            reason:
                "OpenSSL 3.0 re-encodes the signature and rejects one that is not its DER (crypto/ec/ecdsa_ossl.c); "
                + "openssl pkeyutl -verify rejects ecdsa_openssl.json tcId 18-20"),
        AcceptableDecision(
            schemas: [.ecdh, .ecdhECPoint, .ecdhPEM], flag: "CompressedPoint", verdict: .valid,
            reason:
                "OpenSSL 3.0 decodes a compressed point (EC_POINT_oct2point); openssl pkeyutl -derive derives "
                + "ecdh_openssl.json, ecdh_ecpoint_openssl.json and ecdh_pem_openssl.json tcId 2"),
        AcceptableDecision(
            schemas: [.ecdh, .ecdhPEM], flag: "UnnamedCurve", verdict: .valid,
            reason:
                "OpenSSL 3.0 loads explicit parameters equal to a named curve's as that curve; openssl pkeyutl "
                + "-derive derives ecdh_openssl.json tcId 3"),
        AcceptableDecision(
            schemas: [.xdh, .xdhASN, .xdhPEM, .xdhJWK], flag: "ZeroSharedSecret", verdict: .invalid,
            reason:
                "OpenSSL 3.0 refuses an all-zero X25519/X448 secret (ossl_x25519, ossl_x448); openssl pkeyutl "
                + "-derive refuses xdh_openssl.json tcId 2-5"),
        AcceptableDecision(
            schemas: [.xdh, .xdhASN, .xdhPEM, .xdhJWK], flag: "LowOrderPublic", verdict: .invalid,
            reason:
                "a low-order public key gives the all-zero secret (the clamped scalar clears the cofactor), "
                + "which OpenSSL 3.0 refuses; openssl pkeyutl -derive refuses xdh_openssl.json tcId 2-5"),
        AcceptableDecision(
            schemas: [.xdh, .xdhASN, .xdhPEM, .xdhJWK], flag: "NonCanonicalPublic", verdict: .valid,
            reason:
                "OpenSSL 3.0 reduces a u-coordinate at or above p modulo p (RFC 7748 section 5); openssl pkeyutl "
                + "-derive derives xdh_openssl.json tcId 6"),
    ]

    /// The decision for an acceptable case of `schema` with `flags`, if its flags make one.
    static func decide(_ schema: PKeySchema, flags: [String]) -> AcceptableDecision? {
        let found = acceptableDecisions.filter { $0.schemas.contains(schema) && flags.contains($0.flag) }
        guard let first = found.first, found.allSatisfy({ $0.verdict == first.verdict }) else { return nil }
        return first
    }

    /// Wycheproof's hash names (`SHA-256`, `SHA-512/224`, `SHA3-256`) → OpenSSL's; nil for one
    /// OpenSSL has no name for here (the case is then a counted skip).
    static func digestName(_ wycheproof: String) -> String? {
        let up = wycheproof.uppercased()
        let names: [String: String] = [
            "SHA-1": "SHA1", "SHA-224": "SHA224", "SHA-256": "SHA256", "SHA-384": "SHA384", "SHA-512": "SHA512",
            "SHA-512/224": "SHA512-224", "SHA-512/256": "SHA512-256", "SHA3-224": "SHA3-224", "SHA3-256": "SHA3-256",
            "SHA3-384": "SHA3-384", "SHA3-512": "SHA3-512",
        ]
        return names[up]
    }

    /// A hex field of a group or of an object in it (`publicKey.modulus`), or nil if absent.
    static func groupHex(_ object: [String: Any], _ key: String, limit: Int = 1 << 20) throws -> [UInt8]? {
        guard let value = object[key] else { return nil }
        guard let s = value as? String else { throw FieldError("\(key) is not a string") }
        guard s.utf8.count <= limit * 2 else { throw FieldError("\(key): more than \(limit) bytes") }
        do { return try Hex.decode(s) } catch { throw FieldError("\(key): \(error)") }
    }

    /// The group's public key (a verification) or private key (a decryption), as a definition
    /// the key loader reads: DER first (it carries RSASSA-PSS parameters), then PEM, then numbers.
    static func groupKey(_ group: [String: Any], schema: PKeySchema, line: Int) throws -> KeyDefinition {
        let name = "group@\(line)"
        func pem(_ key: String) throws -> String? {
            guard let v = group[key] else { return nil }
            guard let s = v as? String, s.utf8.count <= 1 << 20 else {
                throw FieldError("\(key) is not a PEM string of at most 1 MiB")
            }
            return s
        }
        func number(_ object: [String: Any], _ key: String) throws -> [UInt8]? {
            try groupHex(object, key, limit: RSAVectorLimits.numberBytes + 1)
        }
        if schema.decrypts {
            if let der = try groupHex(group, "privateKeyPkcs8") {
                return KeyDefinition(
                    name: name, isPrivate: true, source: .pem(PEMText.wrap(der, label: "PRIVATE KEY")), line: line)
            }
            if let text = try pem("privateKeyPem") {
                return KeyDefinition(name: name, isPrivate: true, source: .pem(text), line: line)
            }
            let v1 = group["privateKey"] is [String: Any]
            let numbers = group["privateKey"] as? [String: Any] ?? group
            let (n, e, d) = (
                try number(numbers, v1 ? "modulus" : "n"), try number(numbers, v1 ? "publicExponent" : "e"),
                try number(numbers, v1 ? "privateExponent" : "d")
            )
            guard let n, let e, let d else {
                throw FieldError("the group has no private key (privateKeyPkcs8, privateKeyPem or privateKey)")
            }
            let crtKeys = ["prime1", "prime2", "exponent1", "exponent2", "coefficient"]
            let crt = try crtKeys.compactMap { try number(numbers, $0) }
            return KeyDefinition(
                name: name, isPrivate: true,
                source: .rsaNumbers(
                    modulus: n, publicExponent: e, privateExponent: d, crt: crt.count == crtKeys.count ? crt : []),
                line: line)
        }
        for key in ["publicKeyDer", "keyDer"] {
            if let der = try groupHex(group, key) {
                return KeyDefinition(
                    name: name, isPrivate: false, source: .pem(PEMText.wrap(der, label: "PUBLIC KEY")), line: line)
            }
        }
        for key in ["publicKeyPem", "keyPem"] {
            if let text = try pem(key) {
                return KeyDefinition(name: name, isPrivate: false, source: .pem(text), line: line)
            }
        }
        if !schema.isDSA {
            let v1 = group["publicKey"] is [String: Any]
            let numbers = group["publicKey"] as? [String: Any] ?? group
            if let n = try number(numbers, v1 ? "modulus" : "n"),
                let e = try number(numbers, v1 ? "publicExponent" : "e")
            {
                return KeyDefinition(
                    name: name, isPrivate: false,
                    source: .rsaNumbers(modulus: n, publicExponent: e, privateExponent: nil, crt: []), line: line)
            }
        }
        throw FieldError("the group has no public key (publicKeyDer, keyDer, publicKeyPem or keyPem)")
    }

    /// One RSA or DSA case as a public-key vector (or a counted skip for a hash or mask
    /// generation function OpenSSL does not have).
    static func pkeyVector(
        _ schema: PKeySchema, group: [String: Any], groupLine: Int, test t: [String: Any], id: String,
        _ prov: Provenance, _ flags: [String], _ verdict: Verdict, hex: (String) throws -> [UInt8]
    ) throws -> Vector {
        func text(_ key: String) throws -> String {
            guard let s = group[key] as? String else { throw FieldError("group field \(key) missing") }
            return s
        }
        func skip(_ why: String) -> Vector {
            Vector(
                id: id, provenance: prov, algorithm: schema.rawValue, operation: .unsupported(why),
                expected: .verification(tag: [], verdict: verdict), flags: flags)
        }
        if schema.isEC {
            return try ecVector(
                schema, group: group, groupLine: groupLine, test: t, line: prov.line, id: id, prov, flags, verdict,
                hex: hex)
        }
        var input: PKeyInput
        var name: String
        // rsaes_pkcs1_decrypt has no sha; every other schema needs one.
        var digest: String? = nil
        if schema != .rsaPKCS1Decrypt {
            let sha = try text("sha").prefix(40)
            digest = digestName(String(sha))
            if digest == nil { return skip("Wycheproof hash \(sha), which OpenSSL 3.0 does not have by that name") }
        }
        var mgfDigest: String? = nil
        if schema.isPSS || schema == .rsaOAEPDecrypt {
            let mgf = try text("mgf").prefix(40)
            guard mgf.uppercased() == "MGF1" else { return skip("mask generation function \(mgf) (OpenSSL has MGF1)") }
            let mgfSha = try text("mgfSha").prefix(40)
            guard let m = digestName(String(mgfSha)) else { return skip("MGF1 with \(mgfSha)") }
            mgfDigest = m
        }
        let key = try groupKey(group, schema: schema, line: groupLine)
        if schema.decrypts {
            input = PKeyInput(kind: .decrypt)
            input.input = [try hex("ct")]
            if schema == .rsaOAEPDecrypt, let digest, let mgfDigest {
                input.controls = [
                    KDFParameter("rsa_padding_mode", .text("oaep")), KDFParameter("rsa_oaep_md", .text(digest)),
                    KDFParameter("rsa_mgf1_md", .text(mgfDigest)),
                ]
                let label = t["label"] == nil ? [] : try hex("label")
                if !label.isEmpty { input.controls.append(KDFParameter("rsa_oaep_label", .text(Hex.encode(label)))) }
                name = "RSA-OAEP-\(digest)-MGF1-\(mgfDigest)"
            } else {
                input.controls = [KDFParameter("rsa_padding_mode", .text("pkcs1"))]
                name = "RSA-PKCS1-DECRYPT"
            }
        } else {
            input = PKeyInput(kind: .digestVerify)
            input.digest = digest
            input.input = [try hex("msg")]
            input.output = try hex("sig")
            switch schema {
            case .rsaPKCS1Verify:
                input.controls = [KDFParameter("rsa_padding_mode", .text("pkcs1"))]
                name = "RSA-PKCS1-\(digest ?? "")"
            case .rsaPSSVerify, .rsaPSSWithParametersVerify:
                guard let sLen = group["sLen"] as? Int, sLen >= 0, sLen <= 1 << 16 else {
                    throw FieldError("group sLen missing or not a salt length")
                }
                input.controls = [
                    KDFParameter("rsa_padding_mode", .text("pss")), KDFParameter("rsa_mgf1_md", .text(mgfDigest ?? "")),
                    KDFParameter("rsa_pss_saltlen", .text(String(sLen))),
                ]
                name = "RSA-PSS-\(digest ?? "")"
            default:
                input.p1363Signature = schema == .dsaP1363Verify
                name = schema == .dsaP1363Verify ? "DSA-P1363-\(digest ?? "")" : "DSA-\(digest ?? "")"
            }
        }
        input.key = key
        let msg = schema.decrypts ? try hex("msg") : []
        return decided(
            schema, input: input, name: name, id: id, prov, flags, verdict,
            validOutput: schema.decrypts ? msg : nil, acceptableTag: msg)
    }

    /// The vector of a case, its `acceptable` verdict decided by ``decide(_:flags:)`` when its
    /// flags make a decision (recorded in the flags). A valid case must succeed, with
    /// `validOutput` as its output when given (a decryption's message, a derivation's secret,
    /// which the step also compares), or with no output (a verification); an invalid one must
    /// fail; an undecided acceptable one passes either way.
    static func decided(
        _ schema: PKeySchema, input: PKeyInput, name: String, id: String, _ prov: Provenance, _ flags: [String],
        _ verdict: Verdict, validOutput: [UInt8]?, acceptableTag: [UInt8]
    ) -> Vector {
        var input = input
        var flags = flags
        var decided = verdict
        if verdict == .acceptable, let d = decide(schema, flags: flags) {
            decided = d.verdict
            flags.append("acceptable, decided \(d.verdict.rawValue): \(d.reason)")
        }
        let expected: Expected
        switch decided {
        case .valid:
            if let validOutput {
                input.output = validOutput
                expected = .output(validOutput)
            } else {
                expected = .output([])
            }
        case .invalid:
            let why = flags.last.map { $0.hasPrefix("acceptable, decided") ? $0 : "" } ?? ""
            expected = .failure(
                why.isEmpty ? "invalid (flags: \(flags.prefix(8).joined(separator: ",")))" : String(why.prefix(300)))
        case .acceptable:
            expected = .verification(tag: acceptableTag, verdict: .acceptable)
        }
        return Vector(
            id: id, provenance: prov, algorithm: name, operation: .pkey(input), expected: expected, flags: flags)
    }
}
