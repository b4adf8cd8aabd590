import Foundation
import Testing
@testable import Conformance
import Vectors

// The RSA and DSA Wycheproof schemas end to end: file → WycheproofParser → KATEngine → LibCrypto.

/// The repository's `TestVectors/wycheproof` folder.
private let ownWycheproof = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("TestVectors/wycheproof").path

/// Our own file `name` with new results (tcId → result) and messages (tcId → hex) planted.
private func planted(_ name: String, _ results: [Int: String], msg: [Int: String] = [:]) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: ownWycheproof + "/" + name))
    guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        var groups = root["testGroups"] as? [[String: Any]]
    else { throw CocoaError(.fileReadCorruptFile) }
    for g in groups.indices {
        guard var tests = groups[g]["tests"] as? [[String: Any]] else { continue }
        for i in tests.indices {
            guard let id = tests[i]["tcId"] as? Int else { continue }
            if let r = results[id] { tests[i]["result"] = r }
            if let m = msg[id] { tests[i]["msg"] = m }
        }
        groups[g]["tests"] = tests
    }
    root["testGroups"] = groups
    let out = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: out, as: UTF8.self)
}

@Suite struct WycheproofPKeyEngineTests {
    /// Our own files (made and checked with the openssl 3.0 CLI): every case passes, none is
    /// skipped, and the acceptable ones are decided by the table.
    static let ownFiles: [String] = {
        var files = [
            "rsa_pkcs1_2048_sha256_openssl.json", "rsa_pss_2048_openssl.json", "rsa_pss_params_openssl.json",
            "rsa_oaep_2048_sha256_openssl.json", "rsa_pkcs1_2048_openssl.json",
        ]
        #if DSA
        files += ["dsa_2048_224_sha224_openssl.json", "dsa_2048_224_sha224_p1363_openssl.json"]
        #endif
        return files
    }()

    static let plantedFiles: [(String, Int, Int)] = {
        var files = [
            ("rsa_pkcs1_2048_sha256_openssl.json", 2, 4), ("rsa_pss_params_openssl.json", 2, 9),
            ("rsa_oaep_2048_sha256_openssl.json", 2, 7), ("rsa_pkcs1_2048_openssl.json", 2, 10),
        ]
        #if DSA
        files += [("dsa_2048_224_sha224_openssl.json", 1, 8), ("dsa_2048_224_sha224_p1363_openssl.json", 1, 10)]
        #endif
        return files
    }()

    @Test(arguments: ownFiles)
    func ownFilesPass(name: String) throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        fx.runner.run(paths: [ownWycheproof + "/" + name], corpus: nil)
        let cases = fx.results.cases
        #expect(cases.count >= 13)
        for c in cases {
            #expect(c.outcome == .passed, "\(c.id): \(c.outcome) \(c.reason ?? "")")
        }
        // Valid cases really ran (no reason), invalid ones were refused by the operation.
        #expect(cases.contains { $0.reason == nil })
        for c in cases where c.reason != nil {
            #expect(c.reason?.hasPrefix("failed as expected") == true, "\(c.id): \(c.reason ?? "")")
            #expect(
                ["VERIFY_ERROR", "KEYOP_ERROR"].contains { c.reason?.contains($0) == true },
                "\(c.id): \(c.reason ?? "")")
        }
        let decided = cases.filter { $0.reason?.contains("acceptable, decided invalid") == true }
        #expect(
            decided.count
                == (name == "rsa_pkcs1_2048_sha256_openssl.json" || name.hasSuffix("sha224_openssl.json") ? 1 : 0))
    }

    /// A planted wrong result is a failure: a valid signature called invalid, an invalid one
    /// called valid, for each operation.
    @Test(arguments: plantedFiles)
    func plantedWrongResults(name: String, validId: Int, invalidId: Int) throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let path = try fx.file(name, try planted(name, [validId: "invalid", invalidId: "valid"]))
        fx.runner.run(paths: [path], corpus: nil)
        let byId = Dictionary(uniqueKeysWithValues: fx.results.cases.map { ($0.id, $0) })
        let wasValid = try #require(byId["tcId \(validId)"])
        #expect(wasValid.outcome == .failed)
        #expect(wasValid.reason?.hasPrefix("expected failure invalid") == true, "\(wasValid.reason ?? "")")
        let wasInvalid = try #require(byId["tcId \(invalidId)"])
        #expect(wasInvalid.outcome == .failed)
        #expect(wasInvalid.reason?.hasPrefix("threw:") == true, "\(wasInvalid.reason ?? "")")
        #expect(fx.results.cases.filter { $0.outcome == .failed }.count == 2)
    }

    /// A decryption that succeeds with other bytes than msg fails ("output differs").
    @Test func wrongPlaintext() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let name = "rsa_pkcs1_2048_openssl.json"
        // tcId 2 decrypts to 123400 (313233343030); claim 123401.
        let path = try fx.file(name, try planted(name, [:], msg: [2: "313233343031"]))
        fx.runner.run(paths: [path], corpus: nil)
        let failed = fx.results.cases.filter { $0.outcome == .failed }
        #expect(failed.map(\.id) == ["tcId 2"])
        #expect(failed.first?.reason?.contains("KEYOP_MISMATCH") == true, "\(failed.first?.reason ?? "")")
    }

    #if DSA
    /// An undecided acceptable case passes either way and says what happened.
    @Test func undecidedAcceptable() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let name = "dsa_2048_224_sha224_openssl.json"
        let path = try fx.file(name, try planted(name, [1: "acceptable", 5: "acceptable"]))
        fx.runner.run(paths: [path], corpus: nil)
        let byId = Dictionary(uniqueKeysWithValues: fx.results.cases.map { ($0.id, $0) })
        #expect(byId["tcId 1"]?.outcome == .passed)
        #expect(byId["tcId 1"]?.reason?.contains("verified") == true, "\(byId["tcId 1"]?.reason ?? "")")
        #expect(byId["tcId 5"]?.outcome == .passed)
        #expect(byId["tcId 5"]?.reason?.hasPrefix("rejected (acceptable)") == true, "\(byId["tcId 5"]?.reason ?? "")")
    }
    #endif
}
