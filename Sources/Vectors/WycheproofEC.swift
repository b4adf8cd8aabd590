import Foundation

// Wycheproof's elliptic-curve schemas, read as evp_test-style `PKeyInput`s as the RSA and DSA
// ones are (WycheproofPKey.swift):
//
// - `ecdsa_verify_schema` (DER) and `ecdsa_p1363_verify_schema` (r ‖ s): DigestVerify with
//   `sha` on the group's key: `publicKeyDer`/`keyDer` (SubjectPublicKeyInfo), `publicKeyPem`/
//   `keyPem`, or `publicKey`/`key` with `curve` and `uncompressed` (or `wx`, `wy`).
// - `ecdh_test_schema` (`public` a SubjectPublicKeyInfo in hex), `ecdh_ecpoint_test_schema`
//   (`public` an encoded point on the group's `curve`), `ecdh_pem_test_schema` (PEM keys) and
//   `ecdh_webcrypto_test_schema` (JWK keys, RFC 7518 `EC`): Derive with the test's `private`
//   key (a BigInt in hex on the group's curve, a PEM PKCS#8 key, or a JWK with `d`) and the
//   peer `public`; a valid case's output is `shared`.
// - `xdh_comp_schema` (raw keys on `curve25519`/`curve448`), `xdh_asn_comp_schema` (PKCS#8 and
//   SubjectPublicKeyInfo in hex), `xdh_pem_comp_schema` (PEM), `xdh_jwk_comp_schema` (RFC 8037
//   `OKP` JWKs): Derive with X25519 or X448.
// - `eddsa_verify_schema`: one-shot DigestVerify without a digest (Ed25519, Ed448) on the
//   group's `publicKeyDer`/`keyDer`, `publicKeyPem`/`keyPem`, `publicKey`/`key` (`pk` with
//   `curve` edwards25519 or edwards448) or `publicKeyJwk`/`jwk`.
//
// A case whose key cannot be read at all (bad hex, bad base64url) is a malformed record, a
// diagnostic; a key that reads but is wrong (off the curve, the wrong length) is for the
// implementation to refuse, so an invalid case checks that it does.

extension WycheproofParser.PKeySchema {
    /// The elliptic-curve schemas (this file).
    var isEC: Bool {
        switch self {
        case .ecdsaVerify, .ecdsaP1363Verify, .ecdh, .ecdhECPoint, .ecdhPEM, .ecdhWebCrypto, .xdh, .xdhASN, .xdhPEM,
            .xdhJWK, .eddsaVerify:
            return true
        default: return false
        }
    }

    /// The schemas whose cases derive a shared secret.
    var derives: Bool { isEC && self != .ecdsaVerify && self != .ecdsaP1363Verify && self != .eddsaVerify }
}

extension WycheproofParser {
    /// Wycheproof's curve names (`secp256r1`, `P-256`, `brainpoolP256r1`) → OpenSSL's
    /// (`prime256v1`, `P-256`, `brainpoolP256r1`): only the X9.62 prime curves differ.
    static func openSSLCurve(_ wycheproof: String) -> String {
        ["secp192r1": "prime192v1", "secp256r1": "prime256v1"][wycheproof.lowercased()] ?? wycheproof
    }

    /// The X25519/X448 key type of a Wycheproof `curve` (`curve25519`, `X25519`, ...).
    static func xdhType(_ curve: String) -> String? {
        switch curve.uppercased() {
        case "CURVE25519", "X25519": return "X25519"
        case "CURVE448", "X448": return "X448"
        default: return nil
        }
    }

    /// The EdDSA key type of a Wycheproof `curve` or JWK `crv` (`edwards25519`, `Ed25519`).
    static func eddsaType(_ curve: String) -> String? {
        switch curve.uppercased() {
        case "EDWARDS25519", "ED25519": return "ED25519"
        case "EDWARDS448", "ED448": return "ED448"
        default: return nil
        }
    }

    /// base64url without padding (RFC 7515 appendix C), as JWK fields are written.
    static func base64URL(_ text: String, field: String) throws -> [UInt8] {
        guard text.utf8.count <= 1 << 16 else { throw FieldError("\(field): more than 64 KiB") }
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !s.contains("=") else { throw FieldError("\(field): base64url has no padding") }
        while s.utf8.count % 4 != 0 { s += "=" }
        guard let data = Data(base64Encoded: s) else { throw FieldError("\(field): not base64url") }
        return [UInt8](data)
    }

    /// A JWK (RFC 7517) as a key definition: `EC` (RFC 7518: `crv`, `x`, `y`, and `d` for a
    /// private key) or `OKP` (RFC 8037: `crv`, `x`, `d`).
    static func jwkKey(_ value: Any?, field: String, isPrivate: Bool, line: Int) throws -> KeyDefinition {
        guard let jwk = value as? [String: Any] else { throw FieldError("\(field) is not a JWK object") }
        func text(_ key: String) throws -> String {
            guard let s = jwk[key] as? String else { throw FieldError("\(field).\(key) missing") }
            return s
        }
        let crv = try text("crv")
        let name = "\(field)@\(line)"
        switch try text("kty") {
        case "EC":
            let curve = openSSLCurve(crv)
            if isPrivate {
                let d = try base64URL(try text("d"), field: "\(field).d")
                return KeyDefinition(
                    name: name, isPrivate: true, source: .ecNumbers(curve: curve, point: nil, privateScalar: d),
                    line: line)
            }
            let x = try base64URL(try text("x"), field: "\(field).x")
            let y = try base64URL(try text("y"), field: "\(field).y")
            return KeyDefinition(
                name: name, isPrivate: false, source: .ecNumbers(curve: curve, point: [4] + x + y, privateScalar: nil),
                line: line)
        case "OKP":
            guard let type = xdhType(crv) ?? eddsaType(crv) else { throw FieldError("\(field).crv \(crv) unknown") }
            let bytes = try base64URL(try text(isPrivate ? "d" : "x"), field: field)
            return KeyDefinition(
                name: name, isPrivate: isPrivate, source: .raw(algorithm: type, bytes: bytes), line: line)
        case let kty:
            throw FieldError("\(field).kty \(kty.prefix(20)) is neither EC nor OKP")
        }
    }

    /// A DER key in hex (PKCS#8 or SubjectPublicKeyInfo) as the PEM the key loader reads.
    static func derKey(_ object: [String: Any], _ field: String, isPrivate: Bool, line: Int) throws -> KeyDefinition? {
        guard let der = try groupHex(object, field) else { return nil }
        return KeyDefinition(
            name: "\(field)@\(line)", isPrivate: isPrivate,
            source: .pem(PEMText.wrap(der, label: isPrivate ? "PRIVATE KEY" : "PUBLIC KEY")), line: line)
    }

    /// A PEM key field (at most 1 MiB of text), or nil if absent.
    static func pemKey(_ object: [String: Any], _ field: String, isPrivate: Bool, line: Int) throws -> KeyDefinition? {
        guard let v = object[field] else { return nil }
        guard let s = v as? String, s.utf8.count <= 1 << 20 else {
            throw FieldError("\(field) is not a PEM string of at most 1 MiB")
        }
        return KeyDefinition(name: "\(field)@\(line)", isPrivate: isPrivate, source: .pem(s), line: line)
    }

    /// The public key of an ECDSA or EdDSA group: DER first, then PEM, then the unencoded key,
    /// then the JWK.
    static func ecGroupKey(_ group: [String: Any], schema: PKeySchema, line: Int) throws -> KeyDefinition {
        for field in ["publicKeyDer", "keyDer"] {
            if let k = try derKey(group, field, isPrivate: false, line: line) { return k }
        }
        for field in ["publicKeyPem", "keyPem"] {
            if let k = try pemKey(group, field, isPrivate: false, line: line) { return k }
        }
        if let key = (group["publicKey"] ?? group["key"]) as? [String: Any], let curve = key["curve"] as? String {
            if schema == .eddsaVerify {
                guard let type = eddsaType(curve), let pk = try groupHex(key, "pk") else {
                    throw FieldError("the group's key has no pk on edwards25519 or edwards448")
                }
                return KeyDefinition(
                    name: "group@\(line)", isPrivate: false, source: .raw(algorithm: type, bytes: pk), line: line)
            }
            var point = try groupHex(key, "uncompressed")
            if point == nil, let wx = try groupHex(key, "wx"), let wy = try groupHex(key, "wy") {
                // wx, wy are BigInts: drop a sign byte, pad to the longer of the two.
                let (x, y) = (Array(wx.drop { $0 == 0 }), Array(wy.drop { $0 == 0 }))
                let size = max(x.count, y.count)
                point =
                    [4] + [UInt8](repeating: 0, count: size - x.count) + x
                    + [UInt8](repeating: 0, count: size - y.count) + y
            }
            if let point {
                return KeyDefinition(
                    name: "group@\(line)", isPrivate: false,
                    source: .ecNumbers(curve: openSSLCurve(curve), point: point, privateScalar: nil), line: line)
            }
        }
        for field in ["publicKeyJwk", "jwk"] where group[field] != nil {
            return try jwkKey(group[field], field: field, isPrivate: false, line: line)
        }
        throw FieldError("the group has no public key (publicKeyDer, keyDer, publicKeyPem, keyPem, publicKey or jwk)")
    }

    /// The private and peer keys of an ECDH or XDH case.
    static func deriveKeys(
        _ schema: PKeySchema, group: [String: Any], test t: [String: Any], line: Int
    ) throws -> (KeyDefinition, KeyDefinition) {
        func curve() throws -> String {
            guard let c = group["curve"] as? String else { throw FieldError("group field curve missing") }
            return c
        }
        func hexField(_ key: String) throws -> [UInt8] {
            guard let v = try groupHex(t, key) else { throw FieldError("missing field \(key)") }
            return v
        }
        func required(_ k: KeyDefinition?, _ field: String) throws -> KeyDefinition {
            guard let k else { throw FieldError("missing field \(field)") }
            return k
        }
        switch schema {
        case .ecdh, .ecdhECPoint:
            let name = openSSLCurve(try curve())
            // A BigInt: two's complement, so a scalar with its high bit set has a leading 00.
            let scalar = Array(try hexField("private").drop { $0 == 0 })
            let priv = KeyDefinition(
                name: "private@\(line)", isPrivate: true,
                source: .ecNumbers(curve: name, point: nil, privateScalar: scalar), line: line)
            let peer =
                schema == .ecdh
                ? try required(try derKey(t, "public", isPrivate: false, line: line), "public")
                : KeyDefinition(
                    name: "public@\(line)", isPrivate: false,
                    source: .ecNumbers(curve: name, point: try hexField("public"), privateScalar: nil), line: line)
            return (priv, peer)
        case .ecdhPEM, .xdhPEM:
            return (
                try required(try pemKey(t, "private", isPrivate: true, line: line), "private"),
                try required(try pemKey(t, "public", isPrivate: false, line: line), "public")
            )
        case .ecdhWebCrypto, .xdhJWK:
            return (
                try jwkKey(t["private"], field: "private", isPrivate: true, line: line),
                try jwkKey(t["public"], field: "public", isPrivate: false, line: line)
            )
        case .xdhASN:
            return (
                try required(try derKey(t, "private", isPrivate: true, line: line), "private"),
                try required(try derKey(t, "public", isPrivate: false, line: line), "public")
            )
        default:  // .xdh: raw keys
            let c = try curve()
            guard let type = xdhType(c) else { throw FieldError("curve \(c.prefix(40)) is not curve25519 or curve448") }
            return (
                KeyDefinition(
                    name: "private@\(line)", isPrivate: true,
                    source: .raw(algorithm: type, bytes: try hexField("private")),
                    line: line),
                KeyDefinition(
                    name: "public@\(line)", isPrivate: false,
                    source: .raw(algorithm: type, bytes: try hexField("public")),
                    line: line)
            )
        }
    }

    /// The report name of an EC case: `ECDSA-SHA256`, `ECDSA-P1363-SHA256`, `ECDH-prime256v1`,
    /// `X25519`, `ED25519`.
    static func ecName(_ schema: PKeySchema, group: [String: Any], key: KeyDefinition, digest: String?) -> String {
        switch schema {
        case .ecdsaVerify: return "ECDSA-\(digest ?? "")"
        case .ecdsaP1363Verify: return "ECDSA-P1363-\(digest ?? "")"
        default: break
        }
        if case .raw(let type, _) = key.source { return type }
        if case .ecNumbers(let curve, _, _) = key.source { return "ECDH-\(curve)" }
        if let c = group["curve"] as? String {
            if let t = xdhType(c) ?? eddsaType(c) { return t }
            return "ECDH-\(openSSLCurve(c))"
        }
        return schema.derives ? "ECDH" : "EdDSA"
    }

    /// One ECDSA, ECDH, XDH or EdDSA case as a public-key vector.
    static func ecVector(
        _ schema: PKeySchema, group: [String: Any], groupLine: Int, test t: [String: Any], line: Int, id: String,
        _ prov: Provenance, _ flags: [String], _ verdict: Verdict, hex: (String) throws -> [UInt8]
    ) throws -> Vector {
        var input: PKeyInput
        var digest: String? = nil
        let key: KeyDefinition
        if schema.derives {
            input = PKeyInput(kind: .derive)
            let (priv, peer) = try deriveKeys(schema, group: group, test: t, line: line)
            key = priv
            input.peerKey = peer
        } else if schema == .eddsaVerify {
            input = PKeyInput(kind: .oneShotDigestVerify)
            key = try ecGroupKey(group, schema: schema, line: groupLine)
            input.input = [try hex("msg")]
            input.output = try hex("sig")
        } else {
            guard let sha = group["sha"] as? String else { throw FieldError("group field sha missing") }
            guard let d = digestName(String(sha.prefix(40))) else {
                return Vector(
                    id: id, provenance: prov, algorithm: schema.rawValue,
                    operation: .unsupported(
                        "Wycheproof hash \(sha.prefix(40)), which OpenSSL 3.0 does not have by that name"),
                    expected: .verification(tag: [], verdict: verdict), flags: flags)
            }
            digest = d
            input = PKeyInput(kind: .digestVerify)
            input.digest = d
            key = try ecGroupKey(group, schema: schema, line: groupLine)
            input.input = [try hex("msg")]
            input.output = try hex("sig")
            input.p1363Signature = schema == .ecdsaP1363Verify
        }
        input.key = key
        let name = ecName(schema, group: group, key: key, digest: digest)
        let shared = schema.derives ? try hex("shared") : []
        return decided(
            schema, input: input, name: name, id: id, prov, flags, verdict,
            validOutput: schema.derives ? shared : nil, acceptableTag: shared)
    }
}
