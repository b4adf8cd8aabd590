import Foundation
import Testing
@testable import Vectors

// The RSA and DSA Wycheproof schemas as the loader reads them: both generations of field names,
// the key sources, the acceptable-case decisions, and a diagnostic with a line for each malformed
// case. The parser does no crypto: the keys and signatures here are placeholders.

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

private func control(_ k: PKeyInput, _ name: String) -> String? { k.controls.first { $0.name == name }?.text }

private let spki = "300d06092a864886f70d0101010500"  // the bytes only travel: not a real key

@Suite struct WycheproofPKeySchemaTests {
    /// v1 names (`publicKeyDer`) and v0 names (`keyDer`) under either schema file name.
    @Test(arguments: [
        ("rsassa_pkcs1_verify_schema.json", "publicKeyDer"), ("rsassa_pkcs1_verify_schema_v1.json", "keyDer"),
    ])
    func pkcs1Verify(schema: String, keyField: String) throws {
        let text = file(
            schema,
            group:
                #""sha" : "SHA-256", "keySize" : 2048, "source" : {"name": "x"}, "keyJwk" : {}, "\#(keyField)" : "\#(spki)""#,
            [
                #"{ "tcId" : 1, "comment" : "", "flags" : [], "msg" : "00", "sig" : "0102", "result" : "valid" }"#,
                #"{ "tcId" : 2, "comment" : "", "flags" : ["ModifiedSignature"], "msg" : "00", "sig" : "0103", "result" : "invalid" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.vectors.count == 2)
        let k = try #require(pkey(sink.vectors[0]))
        #expect(k.kind == .digestVerify)
        #expect(k.digest == "SHA256")
        #expect(control(k, "rsa_padding_mode") == "pkcs1")
        #expect(k.input == [[0x00]])
        #expect(k.output == [0x01, 0x02])
        guard case .pem(let pem)? = k.key?.source else {
            Issue.record("key not read from DER")
            return
        }
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(k.key?.isPrivate == false)
        #expect(sink.vectors[0].expected == .output([]))
        #expect(sink.vectors[0].provenance.line == 6)
        guard case .failure(let why) = sink.vectors[1].expected else {
            Issue.record("an invalid case must expect a failure")
            return
        }
        #expect(why.contains("ModifiedSignature"))
    }

    /// Without DER or PEM, the RSA numbers make the key (`publicKey{}` in v1, `n`/`e` in v0).
    @Test func numbersOnly() throws {
        for group in [
            #""sha" : "SHA-1", "publicKey" : { "modulus" : "00c1", "publicExponent" : "010001" }"#,
            #""sha" : "SHA-1", "n" : "00c1", "e" : "010001""#,
        ] {
            let sink = try parse(
                file(
                    "rsassa_pkcs1_verify_schema.json", group: group,
                    [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#]))
            #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
            let k = try #require(sink.vectors.first.flatMap(pkey))
            guard case .rsaNumbers(let n, let e, let d, _)? = k.key?.source else {
                Issue.record("key not read from numbers: \(group)")
                continue
            }
            #expect(n == [0x00, 0xc1])
            #expect(e == [0x01, 0x00, 0x01])
            #expect(d == nil)
        }
    }

    @Test(arguments: ["rsassa_pss_verify_schema.json", "rsassa_pss_with_parameters_verify_schema.json"])
    func pssVerify(schema: String) throws {
        let text = file(
            schema,
            group:
                #""sha" : "SHA-512/256", "mgf" : "MGF1", "mgfSha" : "SHA-1", "sLen" : 0, "publicKeyPem" : "-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n""#,
            [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let k = try #require(sink.vectors.first.flatMap(pkey))
        #expect(k.digest == "SHA512-256")
        #expect(control(k, "rsa_padding_mode") == "pss")
        #expect(control(k, "rsa_mgf1_md") == "SHA1")
        #expect(control(k, "rsa_pss_saltlen") == "0")
        guard case .pem(let pem)? = k.key?.source else {
            Issue.record("key not read from PEM")
            return
        }
        #expect(pem.contains("AA=="))
    }

    /// OAEP: the label becomes `rsa_oaep_label`; the private key comes from PKCS#8 DER; a valid
    /// case expects msg, an invalid one a failure without an Output to compare.
    @Test func oaepDecrypt() throws {
        let text = file(
            "rsaes_oaep_decrypt_schema_v1.json",
            group: #""sha" : "SHA-256", "mgf" : "MGF1", "mgfSha" : "SHA-256", "privateKeyPkcs8" : "3000""#,
            [
                #"{ "tcId" : 1, "flags" : [], "msg" : "aa", "ct" : "01", "label" : "0102", "result" : "valid" }"#,
                #"{ "tcId" : 2, "flags" : [], "msg" : "", "ct" : "02", "label" : "", "result" : "invalid" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let k = try #require(sink.vectors.first.flatMap(pkey))
        #expect(k.kind == .decrypt)
        #expect(control(k, "rsa_oaep_md") == "SHA256")
        #expect(control(k, "rsa_oaep_label") == "0102")
        #expect(k.output == [0xaa])
        #expect(k.key?.isPrivate == true)
        #expect(sink.vectors[0].expected == .output([0xaa]))
        let bad = try #require(pkey(sink.vectors[1]))
        #expect(bad.output == nil)
        #expect(control(bad, "rsa_oaep_label") == nil)
    }

    /// PKCS#1 decryption has no sha; a private key from numbers keeps its CRT values.
    @Test func pkcs1Decrypt() throws {
        let text = file(
            "rsaes_pkcs1_decrypt_schema.json",
            group:
                #""privateKey" : { "modulus" : "0b", "publicExponent" : "03", "privateExponent" : "07", "prime1" : "0b", "prime2" : "01", "exponent1" : "01", "exponent2" : "01", "coefficient" : "01" }"#,
            [#"{ "tcId" : 1, "flags" : [], "msg" : "", "ct" : "00", "result" : "valid" }"#])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let k = try #require(sink.vectors.first.flatMap(pkey))
        #expect(control(k, "rsa_padding_mode") == "pkcs1")
        guard case .rsaNumbers(_, _, let d, let crt)? = k.key?.source else {
            Issue.record("key not read from numbers")
            return
        }
        #expect(d == [0x07])
        #expect(crt.count == 5)
    }

    @Test func dsaP1363() throws {
        let text = file(
            "dsa_p1363_verify_schema.json", group: #""sha" : "SHA-224", "publicKeyDer" : "\#(spki)""#,
            [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "0102", "result" : "valid" }"#])
        let k = try #require(try parse(text).vectors.first.flatMap(pkey))
        #expect(k.p1363Signature)
        #expect(k.digest == "SHA224")
        let der = try #require(
            try parse(text.replacingOccurrences(of: "dsa_p1363_verify", with: "dsa_verify")).vectors.first.flatMap(pkey)
        )
        #expect(!der.p1363Signature)
    }

    /// Acceptable cases: decided by the table when a flag has a decision, else either way.
    @Test func acceptableDecisions() throws {
        let text = file(
            "rsassa_pkcs1_verify_schema.json", group: #""sha" : "SHA-256", "publicKeyDer" : "\#(spki)""#,
            [
                #"{ "tcId" : 1, "flags" : ["MissingNull"], "msg" : "", "sig" : "", "result" : "acceptable" }"#,
                #"{ "tcId" : 2, "flags" : ["SomethingNew"], "msg" : "", "sig" : "", "result" : "acceptable" }"#,
            ])
        let sink = try parse(text)
        guard case .failure(let why) = sink.vectors[0].expected else {
            Issue.record("MissingNull must be decided invalid")
            return
        }
        #expect(why.hasPrefix("acceptable, decided invalid: OpenSSL 3.0 rejects"))
        #expect(sink.vectors[1].expected == .verification(tag: [], verdict: .acceptable))
        // Every RSA and DSA decision names the case of our own files it was checked on (the EC
        // ones: WycheproofECSchemaTests).
        for d in WycheproofParser.acceptableDecisions where !d.schemas.contains(where: \.isEC) {
            #expect(d.reason.contains("openssl pkeyutl -verify rejects"), "\(d.flag)")
        }
    }

    /// Hashes and mask functions OpenSSL lacks are counted skips, not errors.
    @Test func unsupportedHashOrMGF() throws {
        let text = file(
            "rsassa_pss_verify_schema.json",
            group:
                #""sha" : "SHAKE128", "mgf" : "MGF1", "mgfSha" : "SHA-256", "sLen" : 0, "publicKeyDer" : "\#(spki)""#,
            [#"{ "tcId" : 1, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#])
        let a = try parse(text)
        #expect(a.diagnostics.isEmpty)
        guard case .unsupported(let why)? = a.vectors.first?.operation else {
            Issue.record("SHAKE128 must be a skip")
            return
        }
        #expect(why.contains("SHAKE128"))
        let b = try parse(
            text.replacingOccurrences(of: "SHAKE128", with: "SHA-256").replacingOccurrences(
                of: "\"MGF1\"", with: "\"SHAKE256\""))
        guard case .unsupported(let why2)? = b.vectors.first?.operation else {
            Issue.record("a SHAKE mask generation function must be a skip")
            return
        }
        #expect(why2.contains("SHAKE256"))
    }

    /// Malformed cases: a `file:line` diagnostic each (the test's line, or the group's for a
    /// group field), and the other cases still load.
    @Test func malformed() throws {
        let good = #"{ "tcId" : 9, "flags" : [], "msg" : "", "sig" : "", "result" : "valid" }"#
        let cases: [(schema: String, group: String, test: String, message: String)] = [
            (
                "rsassa_pkcs1_verify_schema.json", #""keySize" : 2048, "publicKeyDer" : "\#(spki)""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "valid" }"#, "group field sha missing"
            ),
            (
                "rsassa_pkcs1_verify_schema.json", #""sha" : "SHA-256""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "valid" }"#, "group has no public key"
            ),
            (
                "rsassa_pkcs1_verify_schema.json", #""sha" : "SHA-256", "publicKeyDer" : "30zz""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "valid" }"#, "publicKeyDer:"
            ),
            (
                "rsassa_pkcs1_verify_schema.json", #""sha" : "SHA-256", "publicKeyDer" : "\#(spki)""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "0g", "result" : "valid" }"#, "sig:"
            ),
            (
                "rsassa_pkcs1_verify_schema.json", #""sha" : "SHA-256", "publicKeyDer" : "\#(spki)""#,
                #"{ "tcId" : 1, "msg" : "", "result" : "valid" }"#, "missing field sig"
            ),
            (
                "rsassa_pss_verify_schema.json",
                #""sha" : "SHA-256", "mgf" : "MGF1", "mgfSha" : "SHA-256", "publicKeyDer" : "\#(spki)""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "valid" }"#, "sLen"
            ),
            (
                "rsassa_pss_verify_schema.json",
                #""sha" : "SHA-256", "mgf" : "MGF1", "mgfSha" : "SHA-256", "sLen" : -1, "publicKeyDer" : "\#(spki)""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "valid" }"#, "sLen"
            ),
            (
                "rsaes_oaep_decrypt_schema.json", #""sha" : "SHA-256", "mgf" : "MGF1", "mgfSha" : "SHA-256""#,
                #"{ "tcId" : 1, "msg" : "", "ct" : "", "result" : "valid" }"#, "group has no private key"
            ),
            (
                "dsa_verify_schema.json", #""sha" : "SHA-256", "publicKey" : { "p" : "07" }"#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "valid" }"#, "group has no public key"
            ),
            (
                "dsa_verify_schema.json", #""sha" : "SHA-256", "publicKeyDer" : "\#(spki)""#,
                #"{ "tcId" : 1, "msg" : "", "sig" : "", "result" : "maybe" }"#, "result must be"
            ),
        ]
        for c in cases {
            let sink = try parse(file(c.schema, group: c.group, [c.test, good]))
            // A group field that is wrong is reported on each of the group's cases, at its line.
            let groupLevel = ["group", "publicKeyDer:", "sLen"].contains { c.message.hasPrefix($0) }
            #expect(sink.diagnostics.count == (groupLevel ? 2 : 1), "\(c.message): \(sink.diagnostics)")
            let d = try #require(sink.diagnostics.first)
            #expect(d.line == 6, "\(c.message): \(d)")
            #expect(d.description.hasPrefix("p.json:6: tcId 1: "), "\(d)")
            #expect(d.message.contains(c.message), "\(c.message): \(d.message)")
            if groupLevel { #expect(sink.diagnostics.last?.line == 7) }
            // The well-formed case after it loads, unless the group itself is what is wrong.
            #expect(sink.vectors.count == (groupLevel ? 0 : 1), "\(c.message)")
        }
    }
}
