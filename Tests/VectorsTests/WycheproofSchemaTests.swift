import Foundation
import Testing
@testable import Vectors

// The Wycheproof schemas beyond mac/aead/hkdf/pbkdf: keywrap, ind_cpa, daead, the MAC names
// mapped to OpenSSL's EVP_MACs, and the key-size rule. Field layouts are those of Wycheproof's
// schemas/*_test_schema(_v1).json; the values here are made up (the parser does no crypto),
// except where a comment names a source.

private func hexBytes(_ hex: String) -> [UInt8] {
    // Test-local decoder, independent of `Hex`.
    var out: [UInt8] = []
    var chars = Array(hex.utf8)[...]
    while chars.count >= 2 {
        out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
        chars = chars.dropFirst(2)
    }
    return out
}

private func parse(_ text: String, name: String = "w.json") throws -> CollectingSink {
    let dir = try VectorsTempDir()
    defer { dir.remove() }
    let path = try dir.write(name, text)
    let sink = CollectingSink()
    WycheproofParser(corpus: "wp").parse(path: path, displayPath: name, into: sink)
    return sink
}

/// A one-group Wycheproof file: `tests` are the JSON objects of the group's tests, one a line,
/// starting on line 6.
private func file(_ algorithm: String, _ schema: String, group: String = "\"keySize\" : 128", _ tests: [String])
    -> String
{
    """
    {
      "algorithm" : "\(algorithm)",
      "schema" : "\(schema)",
      "testGroups" : [
        { \(group), "tests" : [
    \(tests.joined(separator: ",\n"))
        ] }
      ]
    }
    """
}

private func cipher(_ v: Vector) -> CipherInput? {
    if case .cipher(let c) = v.operation { return c }
    return nil
}

private func mac(_ v: Vector) -> MACInput? {
    if case .mac(let m) = v.operation { return m }
    return nil
}

private func isUnsupported(_ v: Vector) -> Bool {
    if case .unsupported = v.operation { return true }
    return false
}

private func refusal(_ v: Vector) -> String? {
    if case .failure(let why) = v.expected { return why }
    return nil
}

@Suite struct WycheproofSchemaTests {
    // MARK: keywrap_test_schema

    @Test(arguments: ["keywrap_test_schema.json", "keywrap_test_schema_v1.json"])
    func keyWrap(schema: String) throws {
        let k16 = String(repeating: "0f", count: 16)
        let k24 = String(repeating: "0f", count: 24)
        let text = file(
            "AES-WRAP", schema,
            [
                #"{ "tcId" : 1, "comment" : "", "flags" : ["Normal"], "key" : "\#(k16)", "msg" : "0011", "ct" : "aabb", "result" : "valid" }"#,
                #"{ "tcId" : 2, "comment" : "", "flags" : [], "key" : "\#(k24)", "msg" : "", "ct" : "ccdd", "result" : "invalid" }"#,
                #"{ "tcId" : 3, "comment" : "", "flags" : ["ShortKey"], "key" : "\#(k16)", "msg" : "01", "ct" : "ee", "result" : "acceptable" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        #expect(sink.vectors.map(\.provenance.line) == [6, 7, 8])

        let v1 = sink.vectors[0]
        let c1 = try #require(cipher(v1))
        #expect(v1.algorithm == "AES-128-WRAP")
        #expect(c1.cipher == "AES-128-WRAP")
        #expect(c1.iv == [])
        #expect(c1.plaintext == [0x00, 0x11])
        #expect(c1.ciphertext == [0xaa, 0xbb])
        #expect(c1.direction == .both)
        #expect(v1.expected == .output([0xaa, 0xbb]))
        #expect(v1.flags == ["Normal"])

        // An invalid ct must not unwrap: a decryption that must be refused.
        let c2 = try #require(cipher(sink.vectors[1]))
        #expect(c2.cipher == "AES-192-WRAP")
        #expect(c2.direction == .decrypt)
        #expect(sink.vectors[1].expected == .verification(tag: [0xcc, 0xdd], verdict: .invalid))
        #expect(sink.vectors[2].expected == .verification(tag: [0xee], verdict: .acceptable))
    }

    @Test func keyWrapNames() {
        #expect(WycheproofParser.keyWrapName("AES-WRAP", keyBytes: 32)?.name == "AES-256-WRAP")
        #expect(WycheproofParser.keyWrapName("AES-KW", keyBytes: 16)?.name == "AES-128-WRAP")
        #expect(WycheproofParser.keyWrapName("KW", keyBytes: 24)?.name == "AES-192-WRAP")
        #expect(WycheproofParser.keyWrapName("AES-KWP", keyBytes: 24)?.name == "AES-192-WRAP-PAD")
        #expect(WycheproofParser.keyWrapName("KWP", keyBytes: 16)?.name == "AES-128-WRAP-PAD")
        #expect(WycheproofParser.keyWrapName("AES-KWP", keyBytes: 16)?.refused == nil)
        // OpenSSL 3.0 has no ARIA or Camellia key wrap.
        #expect(WycheproofParser.keyWrapName("ARIA-WRAP", keyBytes: 16) == nil)
        #expect(WycheproofParser.keyWrapName("CAMELLIA-WRAP", keyBytes: 16) == nil)
    }

    @Test func keyWrapWithoutAnOpenSSLCounterpartIsUnsupported() throws {
        let sink = try parse(
            file(
                "ARIA-KWP", "keywrap_test_schema_v1.json",
                [#"{ "tcId" : 1, "flags" : [], "key" : "00", "msg" : "", "ct" : "", "result" : "valid" }"#]))
        #expect(sink.diagnostics.isEmpty)
        let v = try #require(sink.vectors.first)
        #expect(v.operation == .unsupported("Wycheproof key wrap ARIA-KWP, which OpenSSL 3.0 does not have"))
    }

    // MARK: ind_cpa_test_schema

    @Test(arguments: ["ind_cpa_test_schema.json", "ind_cpa_test_schema_v1.json"])
    func indCpa(schema: String) throws {
        let k32 = String(repeating: "01", count: 32)
        let iv = String(repeating: "02", count: 16)
        let text = file(
            "AES-CBC-PKCS5", schema, group: "\"keySize\" : 256, \"ivSize\" : 128",
            [
                #"{ "tcId" : 1, "comment" : "", "flags" : [], "key" : "\#(k32)", "iv" : "\#(iv)", "msg" : "", "ct" : "\#(iv)", "result" : "valid" }"#,
                #"{ "tcId" : 2, "comment" : "", "flags" : ["BadPadding"], "key" : "\#(k32)", "iv" : "\#(iv)", "msg" : "", "ct" : "00", "result" : "invalid" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        let c1 = try #require(cipher(sink.vectors[0]))
        #expect(c1.cipher == "AES-256-CBC")
        #expect(c1.padding)
        #expect(c1.iv == hexBytes(iv))
        #expect(c1.direction == .both)
        #expect(sink.vectors[0].expected == .output(hexBytes(iv)))
        let c2 = try #require(cipher(sink.vectors[1]))
        #expect(c2.padding)
        #expect(c2.direction == .decrypt)
        #expect(sink.vectors[1].expected == .verification(tag: [0], verdict: .invalid))
        #expect(sink.vectors[1].flags == ["BadPadding"])
    }

    @Test func indCpaFamiliesAndUnmappedModes() throws {
        let test =
            #"{ "tcId" : 1, "flags" : [], "key" : "\#(String(repeating: "00", count: 24))", "iv" : "", "msg" : "", "ct" : "", "result" : "valid" }"#
        let camellia = try parse(file("CAMELLIA-CBC-PKCS5", "ind_cpa_test_schema_v1.json", [test]))
        #expect(camellia.vectors.first.flatMap(cipher)?.cipher == "CAMELLIA-192-CBC")
        let aria = try parse(file("ARIA-CBC-PKCS5", "ind_cpa_test_schema.json", [test]))
        #expect(aria.vectors.first.flatMap(cipher)?.cipher == "ARIA-192-CBC")
        let ctr = try parse(file("AES-CTR", "ind_cpa_test_schema.json", [test]))
        #expect(ctr.diagnostics.isEmpty)
        #expect(ctr.vectors.first.map(isUnsupported) == true)
    }

    // MARK: daead_test_schema

    @Test(arguments: ["daead_test_schema.json", "daead_test_schema_v1.json"])
    func deterministicAEAD(schema: String) throws {
        // RFC 5297 A.1: a 256-bit key is AES-128-SIV; ct = SIV (the tag) || ciphertext.
        let key = "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"
        let siv = "85632d07c6e8f37f950acd320a2ecc93"
        let body = "40c02b9690c4dc04daef7f6afe5c"
        let k64 = String(repeating: "00", count: 64)
        let text = file(
            "AES-SIV-CMAC", schema, group: "\"keySize\" : 256",
            [
                #"{ "tcId" : 1, "comment" : "", "key" : "\#(key)", "aad" : "1011", "msg" : "112233445566778899aabbccddee", "ct" : "\#(siv)\#(body)", "result" : "valid" }"#,
                #"{ "tcId" : 2, "comment" : "", "flags" : [], "key" : "\#(k64)", "aad" : "", "msg" : "00", "ct" : "\#(siv)ff", "result" : "invalid" }"#,
                #"{ "tcId" : 3, "comment" : "", "flags" : [], "key" : "\#(key)", "aad" : "", "msg" : "", "ct" : "\#(siv)", "result" : "valid" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        let v1 = sink.vectors[0]
        let c1 = try #require(cipher(v1))
        #expect(c1.cipher == "AES-128-SIV")
        #expect(c1.iv == [])
        #expect(c1.tag == hexBytes(siv))
        #expect(c1.ciphertext == hexBytes(body))
        #expect(c1.aad == [[0x10, 0x11]])
        #expect(c1.direction == .both)
        #expect(v1.expected == .output(hexBytes(body)))
        #expect(v1.flags == [])  // flags is optional in the daead schema
        #expect(v1.unsupported.isEmpty)

        let c2 = try #require(cipher(sink.vectors[1]))
        #expect(c2.cipher == "AES-256-SIV")
        // An empty aad is still one (empty) S2V component.
        #expect(c2.aad == [[]])
        #expect(c2.direction == .decrypt)
        #expect(sink.vectors[1].expected == .verification(tag: [0xff], verdict: .invalid))

        // OpenSSL 3.0's SIV cannot finalize an empty message: a skip with that reason.
        #expect(sink.vectors[2].unsupported.count == 1)
        #expect(sink.vectors[2].unsupported.first?.contains("empty plaintext") == true)
    }

    @Test func deterministicAEADOtherThanAESSIVIsUnsupported() throws {
        let sink = try parse(
            file(
                "AES-GCM-SIV", "daead_test_schema.json",
                [#"{ "tcId" : 1, "key" : "00", "aad" : "", "msg" : "", "ct" : "", "result" : "valid" }"#]))
        #expect(sink.vectors.first.map(isUnsupported) == true)
    }

    // MARK: MAC names

    @Test func macNames() {
        let cmac = WycheproofParser.macSetup("ARIA-CMAC", keyBytes: 32, tagBytes: 16)
        #expect(cmac == .init(mac: "CMAC", underlying: "ARIA-256-CBC"))
        #expect(
            WycheproofParser.macSetup("CAMELLIA-CMAC", keyBytes: 24, tagBytes: 16)?.underlying == "CAMELLIA-192-CBC")
        #expect(
            WycheproofParser.macSetup("AES-GMAC", keyBytes: 16, tagBytes: 16)
                == .init(mac: "GMAC", underlying: "AES-128-GCM"))
        #expect(WycheproofParser.macSetup("HMACSHA3-384", keyBytes: 5, tagBytes: 48)?.underlying == "SHA3-384")
        // KMAC's output length is an input of the computation: size = tagSize.
        let kmac = WycheproofParser.macSetup("KMAC256", keyBytes: 32, tagBytes: 32)
        #expect(kmac?.mac == "KMAC256")
        #expect(kmac?.parameters == [KDFParameter("size", .text("32"))])
        let sip = WycheproofParser.macSetup("SipHash-1-3", keyBytes: 16, tagBytes: 8)
        #expect(sip?.mac == "SIPHASH")
        #expect(
            sip?.parameters == [
                KDFParameter("size", .text("8")), KDFParameter("c-rounds", .text("1")),
                KDFParameter("d-rounds", .text("3")),
            ])
        #expect(sip?.refused == nil)
        let sipX = WycheproofParser.macSetup("SipHashX-4-8", keyBytes: 16, tagBytes: 16)
        #expect(sipX?.parameters.first == KDFParameter("size", .text("16")))
        #expect(WycheproofParser.macSetup("SipHash-2-4", keyBytes: 8, tagBytes: 8)?.refused != nil)
        #expect(WycheproofParser.macSetup("VMAC-AES", keyBytes: 16, tagBytes: 8) == nil)
        #expect(WycheproofParser.macSetup("SipHash-x-4", keyBytes: 16, tagBytes: 8) == nil)
        #expect(WycheproofParser.macSetup("CAMELLIA-GMAC", keyBytes: 16, tagBytes: 16) == nil)
    }

    @Test func macWithoutAnOpenSSLCounterpartIsUnsupported() throws {
        let sink = try parse(
            file(
                "VMAC-AES", "mac_with_iv_test_schema.json", group: "\"keySize\" : 128, \"tagSize\" : 64",
                [#"{ "tcId" : 1, "flags" : [], "key" : "00", "iv" : "", "msg" : "", "tag" : "", "result" : "valid" }"#]
            ))
        #expect(sink.diagnostics.isEmpty)
        let v = try #require(sink.vectors.first)
        #expect(v.operation == .unsupported("Wycheproof MAC VMAC-AES, which OpenSSL 3.0 does not have"))
    }

    @Test func kmacAndSipHashFiles() throws {
        let kmac = try parse(
            file(
                "KMAC128", "mac_test_schema_v1.json", group: "\"keySize\" : 256, \"tagSize\" : 128",
                [#"{ "tcId" : 1, "flags" : [], "key" : "00", "msg" : "", "tag" : "00", "result" : "valid" }"#]))
        let m = try #require(kmac.vectors.first.flatMap(mac))
        #expect(m.mac == "KMAC128")
        #expect(m.underlying == nil)
        #expect(m.parameters == [KDFParameter("size", .text("16"))])
        #expect(m.tagLength == 16)
        let sip = try parse(
            file(
                "SipHash-2-4", "mac_test_schema.json", group: "\"keySize\" : 128, \"tagSize\" : 64",
                [
                    #"{ "tcId" : 1, "flags" : [], "key" : "\#(String(repeating: "00", count: 16))", "msg" : "", "tag" : "00", "result" : "valid" }"#
                ]
            ))
        let s = try #require(sip.vectors.first.flatMap(mac))
        #expect(s.mac == "SIPHASH")
        #expect(s.tagLength == 8)
        #expect(sip.vectors.first?.displayName == "SIPHASH")
    }

    // MARK: The key-size rule

    @Test func keySizesNameTheNearestCipher() {
        #expect(WycheproofParser.sizedCipher("AES", keyBytes: 16, mode: "CBC") == .init(name: "AES-128-CBC"))
        #expect(WycheproofParser.sizedCipher("AES", keyBytes: 64, mode: "SIV", keyBitsPerName: 2).name == "AES-256-SIV")
        #expect(WycheproofParser.sizedCipher("AES", keyBytes: 64, mode: "SIV", keyBitsPerName: 2).refused == nil)
        for (bytes, nearest) in [(0, 128), (1, 128), (8, 128), (20, 128), (28, 192), (40, 256), (1000, 256)] {
            let s = WycheproofParser.sizedCipher("AES", keyBytes: bytes, mode: "CBC")
            #expect(s.name == "AES-\(nearest)-CBC", "\(bytes) bytes")
            #expect(s.refused?.hasPrefix("InvalidKeySize: a \(bytes * 8)-bit key") == true, "\(s.refused ?? "nil")")
        }
        // SIV: a 128-bit key would be AES-64-SIV; an odd number of bytes is never two halves.
        #expect(WycheproofParser.sizedCipher("AES", keyBytes: 16, mode: "SIV", keyBitsPerName: 2).name == "AES-128-SIV")
        #expect(WycheproofParser.sizedCipher("AES", keyBytes: 16, mode: "SIV", keyBitsPerName: 2).refused != nil)
        #expect(WycheproofParser.sizedCipher("AES", keyBytes: Int.max, mode: "CBC").name == "AES-256-CBC")
    }

    @Test func refusedKeySizeInvalidMustFailValidKeepsItsExpectation() throws {
        // aes_cmac_test.json's InvalidKeySize groups: keySize 0/8/64/160/320, empty tag, invalid.
        let text = file(
            "AES-CMAC", "mac_test_schema.json", group: "\"keySize\" : 160, \"tagSize\" : 128",
            [
                #"{ "tcId" : 1, "flags" : ["InvalidKeySize"], "key" : "\#(String(repeating: "00", count: 20))", "msg" : "00", "tag" : "", "result" : "invalid" }"#,
                #"{ "tcId" : 2, "flags" : [], "key" : "\#(String(repeating: "00", count: 20))", "msg" : "00", "tag" : "01", "result" : "valid" }"#,
                #"{ "tcId" : 3, "flags" : [], "key" : "", "msg" : "00", "tag" : "01", "result" : "acceptable" }"#,
            ])
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        // Named as the nearest AES, so the run gets to the key-length check (not "unknown algorithm").
        #expect(sink.vectors.allSatisfy { mac($0)?.underlying == "AES-128-CBC" })
        #expect(refusal(sink.vectors[0])?.hasPrefix("InvalidKeySize: a 160-bit key") == true)
        #expect(sink.vectors[1].expected == .verification(tag: [1], verdict: .valid))
        #expect(sink.vectors[2].expected == .verification(tag: [1], verdict: .acceptable))

        let wrap = try parse(
            file(
                "AES-WRAP", "keywrap_test_schema.json", group: "\"keySize\" : 320",
                [
                    #"{ "tcId" : 1, "flags" : [], "key" : "\#(String(repeating: "00", count: 40))", "msg" : "", "ct" : "", "result" : "invalid" }"#
                ]
            ))
        let w = try #require(wrap.vectors.first)
        #expect(cipher(w)?.cipher == "AES-256-WRAP")
        #expect(refusal(w)?.contains("run as AES-256-WRAP") == true)
    }

    // MARK: Malformed records

    @Test func malformedRecordsAreDiagnosticsWithTheirLine() throws {
        let k = String(repeating: "00", count: 16)
        let wrap = try parse(
            file(
                "AES-WRAP", "keywrap_test_schema.json",
                [
                    #"{ "tcId" : 1, "flags" : [], "key" : "\#(k)", "msg" : "00", "result" : "valid" }"#,
                    #"{ "tcId" : 2, "flags" : [], "key" : "\#(k)", "msg" : "00", "ct" : "0g", "result" : "valid" }"#,
                    #"{ "tcId" : 3, "flags" : [], "key" : "\#(k)", "msg" : "00", "ct" : "00", "result" : "valid" }"#,
                ]))
        #expect(wrap.diagnostics.map(\.line) == [6, 7])
        #expect(wrap.diagnostics.first?.description.hasPrefix("w.json:6: tcId 1: ") == true)
        #expect(wrap.diagnostics.first?.message.contains("missing field ct") == true)
        #expect(wrap.diagnostics.last?.message.contains("ct") == true)
        #expect(wrap.vectors.map(\.id) == ["tcId 3"])

        let cpa = try parse(
            file(
                "AES-CBC-PKCS5", "ind_cpa_test_schema_v1.json",
                [#"{ "tcId" : 9, "flags" : [], "key" : "\#(k)", "msg" : "", "ct" : "", "result" : "valid" }"#]))
        #expect(cpa.vectors.isEmpty)
        #expect(cpa.diagnostics.map(\.description) == ["w.json:6: tcId 9: missing field iv"])

        let daead = try parse(
            file(
                "AES-SIV-CMAC", "daead_test_schema.json",
                [
                    #"{ "tcId" : 4, "key" : "\#(k)\#(k)", "aad" : 12, "msg" : "", "ct" : "", "result" : "valid" }"#,
                    #"{ "tcId" : 5, "key" : "\#(k)\#(k)", "aad" : "", "msg" : "", "ct" : "", "result" : "bogus" }"#,
                ]))
        #expect(daead.vectors.isEmpty)
        #expect(daead.diagnostics.map(\.line) == [6, 7])
        #expect(daead.diagnostics.first?.message == "tcId 4: missing field aad")
    }
}
