import Foundation
import Testing
@testable import Vectors

// The EC Wycheproof schemas as the loader reads them (WycheproofEC.swift): ECDSA (DER and
// P1363), ECDH (SubjectPublicKeyInfo, bare point, PEM, JWK), XDH (raw, DER, PEM, JWK) and
// EdDSA, the key sources each gives, the acceptable-case decisions, and a `file:line`
// diagnostic for each malformed file or case. The parser does no crypto: keys are placeholders.

private func parse(_ text: String) throws -> CollectingSink {
    let dir = try VectorsTempDir()
    defer { dir.remove() }
    let path = try dir.write("p.json", text)
    let sink = CollectingSink()
    WycheproofParser(corpus: "wp").parse(path: path, displayPath: "p.json", into: sink)
    return sink
}

/// A one-group file: the group's fields, then its tests one a line from line 6 on.
private func file(_ schema: String, group: String, _ tests: [String]) -> String {
    """
    {
      "algorithm" : "X",
      "schema" : "\(schema)",
      "testGroups" : [
        { \(group), "tests" : [
    \(tests.joined(separator: ",\n"))
        ] }
      ]
    }
    """
}

private func pkey(_ v: Vector) -> PKeyInput? {
    if case .pkey(let k) = v.operation { return k }
    return nil
}

private func isPEM(_ k: KeyDefinition?, _ label: String) -> Bool {
    guard case .pem(let text)? = k?.source else { return false }
    return text.hasPrefix("-----BEGIN \(label)-----")
}

private let spki = "3059301306072a8648ce3d020106082a8648ce3d030107034200"  // a header: only travels
private let pemPublic = #"-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n"#
private let pemPrivate = #"-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n"#

/// One malformed-file case per new schema: where the JSON breaks and what the message says.
private let ecSchemas = [
    "ecdsa_verify_schema.json", "ecdsa_p1363_verify_schema.json", "ecdh_test_schema.json",
    "ecdh_ecpoint_test_schema.json", "ecdh_pem_test_schema.json", "ecdh_webcrypto_test_schema.json",
    "xdh_comp_schema.json", "xdh_asn_comp_schema.json", "xdh_pem_comp_schema.json", "xdh_jwk_comp_schema.json",
    "eddsa_verify_schema.json",
]

@Suite struct WycheproofECSchemaTests {
    /// ECDSA with a DER signature: the key from `publicKeyDer` (v1) or `keyDer` (v0), the digest
    /// from `sha`, DER (not P1363) signatures.
    @Test(arguments: ["publicKeyDer", "keyDer"])
    func ecdsaVerify(keyField: String) throws {
        let text = file(
            "ecdsa_verify_schema.json",
            group: #""type" : "EcdsaVerify", "sha" : "SHA-256", "\#(keyField)" : "\#(spki)""#,
            [
                #"{ "tcId" : 1, "comment" : "", "flags" : ["Normal"], "msg" : "00", "sig" : "3006", "result" : "valid" }"#,
                #"{ "tcId" : 2, "flags" : ["RangeCheck"], "msg" : "", "sig" : "30", "result" : "invalid" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        let k = try #require(pkey(sink.vectors[0]))
        #expect(k.kind == .digestVerify)
        #expect(k.digest == "SHA256")
        #expect(!k.p1363Signature)
        #expect(k.input == [[0x00]])
        #expect(k.output == [0x30, 0x06])
        #expect(isPEM(k.key, "PUBLIC KEY"))
        #expect(sink.vectors[0].algorithm == "ECDSA-SHA256")
        #expect(sink.vectors[0].expected == .output([]))
        #expect(sink.vectors[0].provenance.line == 6)
        guard case .failure(let why) = sink.vectors[1].expected else {
            Issue.record("an invalid case must expect a failure")
            return
        }
        #expect(why.contains("RangeCheck"))
    }

    /// P1363: the same with `p1363Signature`; without DER or PEM the unencoded key (the
    /// `uncompressed` point, or `wx`/`wy` BigInts) makes an EC key on the named curve.
    @Test func ecdsaP1363AndUnencodedKeys() throws {
        let uncompressed = file(
            "ecdsa_p1363_verify_schema.json",
            group:
                #""sha" : "SHA-384", "publicKey" : { "type" : "EcPublicKey", "curve" : "secp256r1", "uncompressed" : "040102" }"#,
            [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "0102", "result" : "valid" }"#])
        let a = try parse(uncompressed)
        #expect(a.diagnostics.isEmpty, "\(a.diagnostics)")
        let k = try #require(a.vectors.first.flatMap(pkey))
        #expect(k.p1363Signature)
        #expect(k.digest == "SHA384")
        #expect(k.key?.source == .ecNumbers(curve: "prime256v1", point: [4, 1, 2], privateScalar: nil))
        #expect(a.vectors.first?.algorithm == "ECDSA-P1363-SHA384")
        // v0's `key` with wx, wy (BigInts: a sign byte dropped, both padded to one length).
        let b = try parse(
            file(
                "ecdsa_p1363_verify_schema.json",
                group: #""sha" : "SHA-256", "key" : { "curve" : "brainpoolP256r1", "wx" : "00ff01", "wy" : "02" }"#,
                [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#]))
        #expect(b.diagnostics.isEmpty, "\(b.diagnostics)")
        #expect(
            b.vectors.first.flatMap(pkey)?.key?.source
                == .ecNumbers(curve: "brainpoolP256r1", point: [4, 0xff, 1, 0, 2], privateScalar: nil))
    }

    /// ECDH with SubjectPublicKeyInfo peers: the private BigInt (a leading sign byte dropped)
    /// on the group's curve, the peer as a PUBLIC KEY PEM, a valid case's output the secret.
    @Test func ecdhASN() throws {
        let text = file(
            "ecdh_test_schema.json", group: #""type" : "EcdhTest", "curve" : "secp256r1", "encoding" : "asn""#,
            [
                #"{ "tcId" : 1, "flags" : [], "public" : "\#(spki)", "private" : "00c1", "shared" : "ab", "result" : "valid" }"#,
                #"{ "tcId" : 2, "flags" : ["InvalidPublic"], "public" : "30", "private" : "01", "shared" : "", "result" : "invalid" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        let k = try #require(pkey(sink.vectors[0]))
        #expect(k.kind == .derive)
        #expect(k.key?.source == .ecNumbers(curve: "prime256v1", point: nil, privateScalar: [0xc1]))
        #expect(k.key?.isPrivate == true)
        #expect(isPEM(k.peerKey, "PUBLIC KEY"))
        #expect(k.peerKey?.isPrivate == false)
        #expect(k.output == [0xab])
        #expect(sink.vectors[0].expected == .output([0xab]))
        #expect(sink.vectors[0].algorithm == "ECDH-prime256v1")
        guard case .failure = sink.vectors[1].expected else {
            Issue.record("an invalid case must expect a failure")
            return
        }
        #expect(pkey(sink.vectors[1])?.output == nil)
    }

    /// ECDH with a bare encoded point, with PEM keys, and with JWKs (RFC 7518 `EC`).
    @Test func ecdhPointPEMAndJWK() throws {
        let point = try parse(
            file(
                "ecdh_ecpoint_test_schema.json", group: #""curve" : "secp384r1", "encoding" : "ecpoint""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : "0201", "private" : "05", "shared" : "", "result" : "valid" }"#
                ]
            ))
        #expect(point.diagnostics.isEmpty, "\(point.diagnostics)")
        let p = try #require(point.vectors.first.flatMap(pkey))
        #expect(p.peerKey?.source == .ecNumbers(curve: "secp384r1", point: [2, 1], privateScalar: nil))
        #expect(p.key?.source == .ecNumbers(curve: "secp384r1", point: nil, privateScalar: [5]))

        let pem = try parse(
            file(
                "ecdh_pem_test_schema.json", group: #""curve" : "secp256r1", "encoding" : "pem""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : "\#(pemPublic)", "private" : "\#(pemPrivate)", "shared" : "01", "result" : "valid" }"#
                ]))
        #expect(pem.diagnostics.isEmpty, "\(pem.diagnostics)")
        let q = try #require(pem.vectors.first.flatMap(pkey))
        #expect(isPEM(q.key, "PRIVATE KEY"))
        #expect(q.key?.isPrivate == true)
        #expect(isPEM(q.peerKey, "PUBLIC KEY"))

        // x = 0x0102, y = 0x0304, d = 0x05 in base64url.
        let jwk = try parse(
            file(
                "ecdh_webcrypto_test_schema.json", group: #""curve" : "P-256", "encoding" : "webcrypto""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : { "kty" : "EC", "crv" : "P-256", "x" : "AQI", "y" : "AwQ" }, "private" : { "kty" : "EC", "crv" : "P-256", "d" : "BQ", "x" : "AQI", "y" : "AwQ" }, "shared" : "ff", "result" : "valid" }"#
                ]))
        #expect(jwk.diagnostics.isEmpty, "\(jwk.diagnostics)")
        let j = try #require(jwk.vectors.first.flatMap(pkey))
        #expect(j.peerKey?.source == .ecNumbers(curve: "P-256", point: [4, 1, 2, 3, 4], privateScalar: nil))
        #expect(j.key?.source == .ecNumbers(curve: "P-256", point: nil, privateScalar: [5]))
        #expect(j.output == [0xff])
    }

    /// XDH: raw keys on `curve25519`/`curve448`, DER, PEM and RFC 8037 `OKP` JWKs.
    @Test func xdhForms() throws {
        let raw = try parse(
            file(
                "xdh_comp_schema.json", group: #""type" : "XdhComp", "curve" : "curve448""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : "09", "private" : "0a", "shared" : "0b", "result" : "valid" }"#
                ]
            ))
        #expect(raw.diagnostics.isEmpty, "\(raw.diagnostics)")
        let r = try #require(raw.vectors.first.flatMap(pkey))
        #expect(r.key?.source == .raw(algorithm: "X448", bytes: [0x0a]))
        #expect(r.key?.isPrivate == true)
        #expect(r.peerKey?.source == .raw(algorithm: "X448", bytes: [0x09]))
        #expect(raw.vectors.first?.algorithm == "X448")
        #expect(r.output == [0x0b])

        let asn = try parse(
            file(
                "xdh_asn_comp_schema.json", group: #""curve" : "curve25519""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : "3000", "private" : "3001", "shared" : "", "result" : "valid" }"#
                ]
            ))
        let a = try #require(asn.vectors.first.flatMap(pkey))
        #expect(isPEM(a.key, "PRIVATE KEY") && isPEM(a.peerKey, "PUBLIC KEY"))

        let pem = try parse(
            file(
                "xdh_pem_comp_schema.json", group: #""curve" : "curve25519""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : "\#(pemPublic)", "private" : "\#(pemPrivate)", "shared" : "", "result" : "valid" }"#
                ]))
        let p = try #require(pem.vectors.first.flatMap(pkey))
        #expect(isPEM(p.key, "PRIVATE KEY") && isPEM(p.peerKey, "PUBLIC KEY"))

        let jwk = try parse(
            file(
                "xdh_jwk_comp_schema.json", group: #""curve" : "curve25519""#,
                [
                    #"{ "tcId" : 1, "flags" : [], "public" : { "kty" : "OKP", "crv" : "X25519", "x" : "CQ" }, "private" : { "kty" : "OKP", "crv" : "X25519", "d" : "Cg", "x" : "AA" }, "shared" : "", "result" : "valid" }"#
                ]))
        #expect(jwk.diagnostics.isEmpty, "\(jwk.diagnostics)")
        let j = try #require(jwk.vectors.first.flatMap(pkey))
        #expect(j.key?.source == .raw(algorithm: "X25519", bytes: [0x0a]))
        #expect(j.peerKey?.source == .raw(algorithm: "X25519", bytes: [0x09]))
    }

    /// EdDSA: one-shot verification without a digest, the key from DER, from `publicKey.pk` on
    /// the named curve, or from the JWK.
    @Test func eddsaVerify() throws {
        let der = try parse(
            file(
                "eddsa_verify_schema.json", group: #""type" : "EddsaVerify", "publicKeyDer" : "3000""#,
                [#"{ "tcId" : 1, "flags" : [], "msg" : "01", "sig" : "02", "result" : "valid" }"#]))
        #expect(der.diagnostics.isEmpty, "\(der.diagnostics)")
        let d = try #require(der.vectors.first.flatMap(pkey))
        #expect(d.kind == .oneShotDigestVerify)
        #expect(d.digest == nil)
        #expect(d.input == [[1]] && d.output == [2])
        #expect(isPEM(d.key, "PUBLIC KEY"))

        let pk = try parse(
            file(
                "eddsa_verify_schema.json",
                group:
                    #""publicKey" : { "type" : "EDDSAPublicKey", "curve" : "edwards448", "keySize" : 448, "pk" : "0304" }"#,
                [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "invalid" }"#]))
        #expect(pk.diagnostics.isEmpty, "\(pk.diagnostics)")
        #expect(pk.vectors.first.flatMap(pkey)?.key?.source == .raw(algorithm: "ED448", bytes: [3, 4]))
        #expect(pk.vectors.first?.algorithm == "ED448")

        let jwk = try parse(
            file(
                "eddsa_verify_schema.json", group: #""jwk" : { "kty" : "OKP", "crv" : "Ed25519", "x" : "BQY" }"#,
                [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#]))
        #expect(jwk.diagnostics.isEmpty, "\(jwk.diagnostics)")
        #expect(jwk.vectors.first.flatMap(pkey)?.key?.source == .raw(algorithm: "ED25519", bytes: [5, 6]))
    }

    /// The EC acceptable flags are decided by the table (the decision recorded in the flags);
    /// an acceptable case with a flag the table does not know stays either-way.
    @Test func acceptableDecisions() throws {
        let ecdh = try parse(
            file(
                "ecdh_test_schema.json", group: #""curve" : "secp256r1""#,
                [
                    #"{ "tcId" : 1, "flags" : ["CompressedPoint"], "public" : "\#(spki)", "private" : "01", "shared" : "aa", "result" : "acceptable" }"#,
                    #"{ "tcId" : 2, "flags" : ["Novel"], "public" : "\#(spki)", "private" : "01", "shared" : "aa", "result" : "acceptable" }"#,
                ]))
        try #require(ecdh.vectors.count == 2)
        #expect(ecdh.vectors[0].expected == .output([0xaa]))
        #expect(pkey(ecdh.vectors[0])?.output == [0xaa])
        #expect(ecdh.vectors[0].flags.last?.hasPrefix("acceptable, decided valid: OpenSSL 3.0 decodes") == true)
        #expect(ecdh.vectors[1].expected == .verification(tag: [0xaa], verdict: .acceptable))
        #expect(pkey(ecdh.vectors[1])?.output == nil)

        let xdh = try parse(
            file(
                "xdh_comp_schema.json", group: #""curve" : "curve25519""#,
                [
                    #"{ "tcId" : 1, "flags" : ["LowOrderPublic", "ZeroSharedSecret"], "public" : "00", "private" : "01", "shared" : "00", "result" : "acceptable" }"#,
                    #"{ "tcId" : 2, "flags" : ["ZeroSharedSecret", "NonCanonicalPublic"], "public" : "00", "private" : "01", "shared" : "00", "result" : "acceptable" }"#,
                ]))
        guard case .failure(let why) = xdh.vectors.first?.expected else {
            Issue.record("ZeroSharedSecret must be decided invalid")
            return
        }
        #expect(why.hasPrefix("acceptable, decided invalid: "))
        // Flags whose decisions disagree decide nothing.
        #expect(xdh.vectors.last?.expected == .verification(tag: [0], verdict: .acceptable))

        let ecdsa = try parse(
            file(
                "ecdsa_verify_schema.json", group: #""sha" : "SHA-256", "publicKeyDer" : "\#(spki)""#,
                [#"{ "tcId" : 1, "flags" : ["BerEncodedSignature"], "msg" : "", "sig" : "", "result" : "acceptable" }"#]
            ))
        guard case .failure = ecdsa.vectors.first?.expected else {
            Issue.record("BerEncodedSignature must be decided invalid for ECDSA")
            return
        }
        // Every EC decision names the case of our own files it was checked on.
        for d in WycheproofParser.acceptableDecisions where d.schemas.contains(where: \.isEC) {
            #expect(d.reason.contains("openssl pkeyutl") && d.reason.contains("_openssl.json"), "\(d.flag)")
        }
    }

    /// An ECDSA hash OpenSSL has no name for is a counted skip, not an error.
    @Test func unsupportedHash() throws {
        let sink = try parse(
            file(
                "ecdsa_verify_schema.json", group: #""sha" : "SHAKE128", "publicKeyDer" : "\#(spki)""#,
                [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#]))
        #expect(sink.diagnostics.isEmpty)
        guard case .unsupported(let why)? = sink.vectors.first?.operation else {
            Issue.record("SHAKE128 must be a skip")
            return
        }
        #expect(why.contains("SHAKE128"))
    }

    /// A file of each EC schema that is not JSON: one `file:line: not valid JSON` diagnostic,
    /// no vectors, and the parser returns (the next file runs: WycheproofECEngineTests).
    @Test(arguments: ecSchemas)
    func malformedFile(schema: String) throws {
        let text = """
            {
              "algorithm" : "X",
              "schema" : "\(schema)",
              "testGroups" : [ { "tests" : [ { "tcId" : 1, "result" : "valid" } ] ]
            }
            """
        let sink = try parse(text)
        #expect(sink.vectors.isEmpty)
        try #require(sink.diagnostics.count == 1, "\(sink.diagnostics)")
        let d = sink.diagnostics[0]
        #expect(d.file == "p.json")
        #expect(d.line == 4, "\(d)")
        #expect(d.description.hasPrefix("p.json:4: not valid JSON"), "\(d)")
    }

    /// Malformed cases: a `file:line` diagnostic each (the case's line), and the well-formed
    /// case after it still loads.
    @Test func malformedCases() throws {
        let good: [String: String] = [
            "ecdh_test_schema.json":
                #"{ "tcId" : 9, "flags" : [], "public" : "30", "private" : "01", "shared" : "", "result" : "valid" }"#,
            "ecdh_webcrypto_test_schema.json":
                #"{ "tcId" : 9, "flags" : [], "public" : { "kty" : "EC", "crv" : "P-256", "x" : "AQ", "y" : "AQ" }, "private" : { "kty" : "EC", "crv" : "P-256", "d" : "AQ" }, "shared" : "", "result" : "valid" }"#,
            "xdh_comp_schema.json":
                #"{ "tcId" : 9, "flags" : [], "public" : "01", "private" : "01", "shared" : "", "result" : "valid" }"#,
            "xdh_jwk_comp_schema.json":
                #"{ "tcId" : 9, "flags" : [], "public" : { "kty" : "OKP", "crv" : "X448", "x" : "AQ" }, "private" : { "kty" : "OKP", "crv" : "X448", "d" : "AQ" }, "shared" : "", "result" : "valid" }"#,
        ]
        let cases: [(schema: String, group: String, test: String, message: String)] = [
            (
                "ecdh_test_schema.json", #""curve" : "secp256r1""#,
                #"{ "tcId" : 1, "public" : "30", "shared" : "", "result" : "valid" }"#, "missing field private"
            ),
            (
                "ecdh_test_schema.json", #""curve" : "secp256r1""#,
                #"{ "tcId" : 1, "public" : "3x", "private" : "01", "shared" : "", "result" : "valid" }"#, "public:"
            ),
            (
                "ecdh_test_schema.json", #""curve" : "secp256r1""#,
                #"{ "tcId" : 1, "public" : "30", "private" : "01", "result" : "valid" }"#, "missing field shared"
            ),
            (
                "ecdh_webcrypto_test_schema.json", #""curve" : "P-256""#,
                #"{ "tcId" : 1, "public" : { "kty" : "EC", "crv" : "P-256", "x" : "A*", "y" : "AQ" }, "private" : { "kty" : "EC", "crv" : "P-256", "d" : "AQ" }, "shared" : "", "result" : "valid" }"#,
                "public.x: not base64url"
            ),
            (
                "ecdh_webcrypto_test_schema.json", #""curve" : "P-256""#,
                #"{ "tcId" : 1, "public" : { "kty" : "RSA", "crv" : "P-256" }, "private" : { "kty" : "EC", "crv" : "P-256", "d" : "AQ" }, "shared" : "", "result" : "valid" }"#,
                "neither EC nor OKP"
            ),
            (
                "ecdh_webcrypto_test_schema.json", #""curve" : "P-256""#,
                #"{ "tcId" : 1, "public" : "AQ", "private" : { "kty" : "EC", "crv" : "P-256", "d" : "AQ" }, "shared" : "", "result" : "valid" }"#,
                "public is not a JWK object"
            ),
            (
                "xdh_jwk_comp_schema.json", #""curve" : "curve448""#,
                #"{ "tcId" : 1, "public" : { "kty" : "OKP", "crv" : "X9", "x" : "AQ" }, "private" : { "kty" : "OKP", "crv" : "X448", "d" : "AQ" }, "shared" : "", "result" : "valid" }"#,
                "public.crv X9 unknown"
            ),
        ]
        for c in cases {
            let sink = try parse(file(c.schema, group: c.group, [c.test, good[c.schema] ?? ""]))
            try #require(sink.diagnostics.count == 1, "\(c.message): \(sink.diagnostics)")
            let d = sink.diagnostics[0]
            #expect(d.description.hasPrefix("p.json:6: tcId 1: "), "\(d)")
            #expect(d.message.contains(c.message), "\(c.message): \(d.message)")
            #expect(sink.vectors.map(\.id) == ["tcId 9"], "\(c.message)")
        }
        // A group field that is wrong is reported on each of the group's cases.
        for (schema, group, message) in [
            ("xdh_comp_schema.json", #""type" : "XdhComp""#, "group field curve missing"),
            ("xdh_comp_schema.json", #""curve" : "curve41417""#, "curve curve41417 is not curve25519 or curve448"),
            ("ecdsa_verify_schema.json", #""publicKeyDer" : "\#(spki)""#, "group field sha missing"),
            ("eddsa_verify_schema.json", #""type" : "EddsaVerify""#, "the group has no public key"),
        ] {
            let test =
                #"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "public" : "01", "private" : "01", "shared" : "", "result" : "valid" }"#
            let sink = try parse(file(schema, group: group, [test, test.replacingOccurrences(of: "1,", with: "2,")]))
            #expect(sink.diagnostics.map(\.line) == [6, 7], "\(message): \(sink.diagnostics)")
            #expect(sink.diagnostics.allSatisfy { $0.message.contains(message) }, "\(sink.diagnostics)")
            #expect(sink.vectors.isEmpty)
        }
    }
}
