import Foundation
import Testing
@testable import Conformance
import Vectors

// The keywrap, ind_cpa and daead Wycheproof schemas, the MACs mapped to OpenSSL's EVP_MACs and
// the key-size rule, run end to end: file → WycheproofParser → KATEngine → results.

/// The repository's `TestVectors/wycheproof` folder.
private let ownWycheproof = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("TestVectors/wycheproof").path

@Suite struct WycheproofSchemaEngineTests {
    /// Our own files in the new schemas (each names its source): every case passes, and each
    /// refused key size passes because the key was refused.
    @Test(arguments: [
        "aes_wrap_rfc3394.json", "aes_kwp_rfc5649.json", "aes_siv_cmac_rfc5297.json", "aes_cbc_pkcs5_openssl.json",
        "kmac128_sp800_185.json", "siphash_2_4_paper.json", "aes_cmac_rfc4493.json",
    ])
    func ownFilesPass(name: String) throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        fx.runner.run(paths: [ownWycheproof + "/" + name], corpus: nil)
        let cases = fx.results.cases
        #expect(cases.count >= 2)
        for c in cases {
            #expect(c.outcome == .passed, "\(c.id): \(c.outcome) \(c.reason ?? "")")
        }
        let refused = cases.filter { $0.reason?.contains("InvalidKeySize") == true }
        #expect(refused.count == (name.hasPrefix("kmac") ? 0 : 1), "\(name)")
        for c in refused {
            #expect(c.reason?.hasPrefix("failed as expected (InvalidKeySize") == true, "\(c.reason ?? "")")
        }
    }

    /// The key-size rule: a refused key size is a rejection to check, never "unknown
    /// algorithm". Invalid → must be refused (passes); valid → a refusal is a failure.
    @Test func refusedKeySize() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let k20 = String(repeating: "2b", count: 20)
        let path = try fx.file(
            "cmac.json",
            """
            {
              "algorithm" : "AES-CMAC",
              "schema" : "mac_test_schema_v1.json",
              "testGroups" : [
                { "keySize" : 160, "tagSize" : 128, "tests" : [
                  { "tcId" : 1, "flags" : ["InvalidKeySize"], "key" : "\(k20)", "msg" : "00", "tag" : "", "result" : "invalid" },
                  { "tcId" : 2, "flags" : [], "key" : "\(k20)", "msg" : "00", "tag" : "00112233445566778899aabbccddeeff", "result" : "valid" },
                  { "tcId" : 3, "flags" : [], "key" : "", "msg" : "00", "tag" : "", "result" : "acceptable" }
                ] }
              ]
            }
            """)
        fx.runner.run(paths: [path], corpus: nil)
        let byId = Dictionary(uniqueKeysWithValues: fx.results.cases.map { ($0.id, $0) })
        #expect(byId.count == 3)
        #expect(byId["tcId 1"]?.outcome == .passed)
        #expect(byId["tcId 1"]?.reason?.contains("AES-128-CBC takes a key of 16 bytes") == true)
        #expect(byId["tcId 2"]?.outcome == .failed)
        #expect(byId["tcId 2"]?.reason?.hasPrefix("threw:") == true, "\(byId["tcId 2"]?.reason ?? "")")
        #expect(byId["tcId 3"]?.outcome == .passed)
        #expect(fx.results.total.errored == 0)
    }

    /// The engine can fail these schemas: a wrong ct called valid, a good ct called invalid.
    @Test func wrongVerdictsFail() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        // RFC 3394 4.1, and the same ct with its last bit flipped.
        let wrap = try fx.file(
            "wrap.json",
            """
            {
              "algorithm" : "AES-WRAP",
              "schema" : "keywrap_test_schema.json",
              "testGroups" : [
                { "keySize" : 128, "tests" : [
                  { "tcId" : 1, "flags" : [], "key" : "000102030405060708090a0b0c0d0e0f", "msg" : "00112233445566778899aabbccddeeff", "ct" : "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe4", "result" : "valid" },
                  { "tcId" : 2, "flags" : [], "key" : "000102030405060708090a0b0c0d0e0f", "msg" : "00112233445566778899aabbccddeeff", "ct" : "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5", "result" : "invalid" }
                ] }
              ]
            }
            """)
        // aes_cbc_pkcs5_openssl.json tcId 2 (openssl enc -aes-128-cbc), called invalid.
        let cbc = try fx.file(
            "cbc.json",
            """
            {
              "algorithm" : "AES-CBC-PKCS5",
              "schema" : "ind_cpa_test_schema.json",
              "testGroups" : [
                { "keySize" : 128, "ivSize" : 128, "tests" : [
                  { "tcId" : 1, "flags" : [], "key" : "2b7e151628aed2a6abf7158809cf4f3c", "iv" : "000102030405060708090a0b0c0d0e0f", "msg" : "6bc1bee22e409f96e93d7e117393172a", "ct" : "7649abac8119b246cee98e9b12e9197d8964e0b149c10b7b682e6e39aaeb731c", "result" : "invalid" }
                ] }
              ]
            }
            """)
        // RFC 5297 A.1 with the AAD changed (valid: fails), and an empty message (a skip).
        let siv = try fx.file(
            "siv.json",
            """
            {
              "algorithm" : "AES-SIV-CMAC",
              "schema" : "daead_test_schema_v1.json",
              "testGroups" : [
                { "keySize" : 256, "tests" : [
                  { "tcId" : 1, "key" : "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "aad" : "", "msg" : "112233445566778899aabbccddee", "ct" : "85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c", "result" : "valid" },
                  { "tcId" : 2, "key" : "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "aad" : "", "msg" : "", "ct" : "85632d07c6e8f37f950acd320a2ecc93", "result" : "valid" }
                ] }
              ]
            }
            """)
        fx.runner.run(paths: [wrap, cbc, siv], corpus: nil)
        let cases = fx.results.cases
        func result(_ file: String, _ id: String) -> CaseResult? {
            cases.first { $0.file == file && $0.id == id }
        }
        #expect(cases.count == 5)
        #expect(result(wrap, "tcId 1")?.outcome == .failed)
        #expect(result(wrap, "tcId 1")?.reason == "encrypt output differs")
        #expect(result(wrap, "tcId 2")?.outcome == .failed)
        #expect(result(wrap, "tcId 2")?.reason == "invalid ciphertext or tag was accepted")
        #expect(result(cbc, "tcId 1")?.outcome == .failed)
        #expect(result(cbc, "tcId 1")?.actual == "6bc1bee22e409f96e93d7e117393172a")
        #expect(result(siv, "tcId 1")?.outcome == .failed)
        let empty = try #require(result(siv, "tcId 2"))
        #expect(empty.outcome == .skipped)
        #expect(empty.expectedSkip == true)
        #expect(empty.reason?.hasPrefix("unsupported: empty plaintext") == true, "\(empty.reason ?? "")")
    }
}
