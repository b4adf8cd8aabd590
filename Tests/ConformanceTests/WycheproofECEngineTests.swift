import Foundation
import Testing
@testable import Conformance
import Vectors

// The EC Wycheproof schemas end to end: our own files (scripts/wycheproof-ec-openssl.py, every
// result checked with the openssl 3.0 CLI) → WycheproofParser → KATEngine → LibCrypto.

#if EC
/// The repository's `TestVectors/wycheproof` folder.
private let ownWycheproof = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("TestVectors/wycheproof").path

/// Our own file `name` with new results and fields planted, by tcId.
private func planted(_ name: String, _ fields: [Int: [String: Any]]) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: ownWycheproof + "/" + name))
    guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        var groups = root["testGroups"] as? [[String: Any]]
    else { throw CocoaError(.fileReadCorruptFile) }
    for g in groups.indices {
        guard var tests = groups[g]["tests"] as? [[String: Any]] else { continue }
        for i in tests.indices {
            guard let id = tests[i]["tcId"] as? Int, let f = fields[id] else { continue }
            for (k, v) in f { tests[i][k] = v }
        }
        groups[g]["tests"] = tests
    }
    root["testGroups"] = groups
    let out = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: out, as: UTF8.self)
}

@Suite struct WycheproofECEngineTests {
    /// Each file with the number of its acceptable cases the table decides invalid (the ones
    /// decided valid pass as valid cases do).
    static let ownFiles: [(String, Int)] = [
        ("ecdsa_openssl.json", 7), ("ecdsa_p1363_openssl.json", 0), ("ecdh_openssl.json", 0),
        ("ecdh_ecpoint_openssl.json", 0), ("ecdh_pem_openssl.json", 0), ("ecdh_webcrypto_openssl.json", 0),
        ("xdh_openssl.json", 8), ("xdh_asn_openssl.json", 8), ("xdh_pem_openssl.json", 8),
        ("xdh_jwk_openssl.json", 8), ("eddsa_openssl.json", 0),
    ]

    /// Every case passes and none is skipped; valid cases ran to their output, invalid ones were
    /// refused where OpenSSL refuses them, and the acceptable ones were decided by the table.
    @Test(arguments: ownFiles)
    func ownFilesPass(name: String, decidedInvalid: Int) throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        fx.runner.run(paths: [ownWycheproof + "/" + name], corpus: nil)
        let cases = fx.results.cases
        #expect(cases.count >= 4)
        for c in cases {
            #expect(c.outcome == .passed, "\(c.id): \(c.outcome) \(c.reason ?? "")")
        }
        #expect(cases.contains { $0.reason == nil })
        let steps = ["VERIFY_ERROR", "DERIVE_SET_PEER_ERROR", "DERIVE_ERROR"]
        for c in cases where c.reason != nil {
            #expect(c.reason?.hasPrefix("failed as expected") == true, "\(c.id): \(c.reason ?? "")")
            #expect(steps.contains { c.reason?.contains($0) == true }, "\(c.id): \(c.reason ?? "")")
        }
        #expect(cases.filter { $0.reason?.contains("acceptable, decided invalid") == true }.count == decidedInvalid)
    }

    /// A planted wrong result is a failure, for each operation: a valid case called invalid,
    /// an invalid one called valid.
    @Test(arguments: [
        ("ecdsa_openssl.json", 1, 4), ("ecdsa_p1363_openssl.json", 1, 5), ("ecdh_openssl.json", 1, 5),
        ("ecdh_webcrypto_openssl.json", 1, 2), ("xdh_openssl.json", 1, 8), ("xdh_jwk_openssl.json", 1, 2),
        ("eddsa_openssl.json", 1, 4),
    ])
    func plantedWrongResults(name: String, validId: Int, invalidId: Int) throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        // An invalid case called valid: the acceptable decision would override "valid", so
        // tcId invalidId must be a plain invalid case of the file (checked below).
        let path = try fx.file(
            name, try planted(name, [validId: ["result": "invalid"], invalidId: ["result": "valid", "flags": []]]))
        fx.runner.run(paths: [path], corpus: nil)
        let byId = Dictionary(uniqueKeysWithValues: fx.results.cases.map { ($0.id, $0) })
        let wasValid = try #require(byId["tcId \(validId)"])
        #expect(wasValid.outcome == .failed)
        #expect(wasValid.reason?.hasPrefix("expected failure invalid") == true, "\(wasValid.reason ?? "")")
        let wasInvalid = try #require(byId["tcId \(invalidId)"])
        #expect(wasInvalid.outcome == .failed, "\(wasInvalid.reason ?? "")")
        #expect(wasInvalid.reason?.hasPrefix("threw:") == true, "\(wasInvalid.reason ?? "")")
        #expect(fx.results.cases.filter { $0.outcome == .failed }.count == 2)
    }

    /// A derivation that succeeds with another secret than `shared` fails.
    @Test(arguments: ["ecdh_openssl.json", "ecdh_webcrypto_openssl.json", "xdh_openssl.json", "xdh_pem_openssl.json"])
    func wrongSharedSecret(name: String) throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let path = try fx.file(name, try planted(name, [1: ["shared": "00" + String(repeating: "11", count: 31)]]))
        fx.runner.run(paths: [path], corpus: nil)
        let failed = fx.results.cases.filter { $0.outcome == .failed }
        #expect(failed.map(\.id) == ["tcId 1"])
        #expect(failed.first?.reason?.contains("SHARED_SECRET_MISMATCH") == true, "\(failed.first?.reason ?? "")")
    }

    /// A file that is not JSON, run with good ones: its `file:line: not valid JSON` problem is
    /// reported, and the other files still run and pass.
    @Test func malformedFileAmongGoodOnes() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let good = try String(contentsOfFile: ownWycheproof + "/xdh_openssl.json", encoding: .utf8)
        try fx.file("a_broken_xdh.json", String(good.prefix(good.utf8.count / 2)))
        try fx.file("b_xdh.json", good)
        try fx.file("c_broken_ecdsa.json", "{ \"schema\" : \"ecdsa_verify_schema.json\", \"testGroups\" : [ { ] }")
        fx.runner.run(paths: [fx.dir.path + "/vectors"], corpus: nil)
        let errored = fx.results.cases.filter { $0.outcome == .errored }
        #expect(errored.count == 2, "\(errored.map { $0.reason ?? "" })")
        for e in errored {
            #expect(e.reason?.contains("not valid JSON") == true, "\(e.reason ?? "")")
            #expect(e.reason?.contains("broken") == true, "\(e.reason ?? "")")
        }
        let ran = fx.results.cases.filter { $0.file.hasSuffix("b_xdh.json") }
        #expect(ran.count == 17)
        #expect(ran.allSatisfy { $0.outcome == .passed })
    }
}
#endif
