import Foundation
import Testing
@testable import Conformance
import LibCrypto
import Vectors

/// A test-only implementation with a planted bug: SHA2-256 of a message of 64 bytes or more
/// comes out with its first byte flipped. Everything else is LibCrypto's.
final class PlantedBugImplementation: Implementation {
    let inner = LibCryptoImplementation()
    var name: String { "PlantedBug" }
    func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        inner.availability(of: algorithm, family: family)
    }
    func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws
        -> [UInt8]
    {
        var out = try inner.digest(algorithm, message: message, outputLength: outputLength, parameters: parameters)
        if (try? Registry.digest(named: algorithm))?.info.name == "SHA2-256", message.count >= 64 { out[0] ^= 0x80 }
        return out
    }
    func mac(_ input: MACInput) throws -> [UInt8] { try inner.mac(input) }
    func macSizes(_ input: MACInput) throws -> (output: Int, block: Int) { try inner.macSizes(input) }
    func cipherSizes(_ name: String) throws -> (key: Int, iv: Int, block: Int) { try inner.cipherSizes(name) }
    func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput {
        try inner.cipher(input, encrypting: encrypting, pieces: pieces)
    }
    func kdf(_ input: KDFInput) throws -> [UInt8] { try inner.kdf(input) }
    func rand(_ input: RandInput) throws -> [[UInt8]] { try inner.rand(input) }
    var supportsBase64: Bool { inner.supportsBase64 }
    func base64Encode(_ bytes: [UInt8]) throws -> [UInt8] { try inner.base64Encode(bytes) }
    func base64Decode(_ text: [UInt8]) throws -> [UInt8] { try inner.base64Decode(text) }
}

@Suite("Differential engine")
struct DifferentialTests {
    @Test("a planted bug is found, shrunk to its boundary, and its stanza fails under kat until the bug is gone")
    func plantedBug() throws {
        let results = RunResults()
        let engine = DifferentialEngine(
            subject: PlantedBugImplementation(), reference: LibCryptoImplementation(), seed: 7,
            casesPerAlgorithm: 60, filter: "sha2-256", results: results)
        engine.run()
        let failures = results.cases.filter { $0.outcome == .failed && $0.algorithm == "SHA2-256" }
        #expect(!failures.isEmpty, "the engine must notice the planted bug")
        #expect(
            !results.cases.contains { $0.outcome == .failed && $0.algorithm != "SHA2-256" },
            "HMAC-SHA2-256 goes through a path without the bug")
        let repro = try #require(engine.reproducers.first { $0.algorithm == "SHA2-256" })
        #expect(repro.cause == "digest: output differs")
        // Shrinking halves and trims the message while the bug still shows: it stops at 64 bytes.
        let input = try #require(repro.stanza.split(separator: "\n").first { $0.hasPrefix("Input = ") })
        #expect(input.dropFirst("Input = ".count).count == 128, "minimized to a 64-byte message: \(input)")

        // The stanza replays under the KAT engine: it fails with the bug, passes without.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("difftest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("repro.txt").path
        try repro.stanza.write(toFile: file, atomically: true, encoding: .utf8)
        let locations = Locations(repository: dir.path, cache: dir.path)
        for (impl, shouldPass) in [
            (PlantedBugImplementation() as any Implementation, false), (LibCryptoImplementation(), true),
        ] {
            let r = RunResults()
            KATRunner(locations: locations, engine: KATEngine(implementation: impl, results: r)).run(
                paths: [file], corpus: nil)
            // LibCrypto also runs the vector on its other variants (generic Swift when SHA-NI is there).
            let runs = impl is LibCryptoImplementation ? 1 + Variants.extra(for: ["SHA2-256"]).count : 1
            #expect(r.total.total == runs)
            #expect(r.ok == shouldPass, "\(impl.name): \(r.cases.map { $0.reason ?? "" })")
        }
    }

    @Test("the same seed gives the same cases; another seed other cases")
    func seeds() {
        var a = SeededRandom(seed: 1)
        var b = SeededRandom(seed: 1)
        var c = SeededRandom(seed: 2)
        let x = (0..<8).map { _ in a.next() }
        let y = (0..<8).map { _ in b.next() }
        let z = (0..<8).map { _ in c.next() }
        #expect(x == y)
        #expect(x != z)
        #expect(SeededRandom.stableHash("AES-128-CBC") == SeededRandom.stableHash("AES-128-CBC"))
    }

    @Test("two identical implementations never mismatch, and algorithms are all visited")
    func selfAgreement() {
        let results = RunResults()
        let engine = DifferentialEngine(
            subject: LibCryptoImplementation(), reference: LibCryptoImplementation(), seed: 3,
            casesPerAlgorithm: 3, filter: nil, results: results)
        engine.run()
        #expect(results.total.failed == 0)
        #expect(results.total.skipped == 0)
        #expect(results.total.passed > 300)
    }

    @Test("DRBG and Base64 cases are filterable and mix runs both sides accept with runs they must refuse")
    func drbgAndBase64CasesMixAcceptedAndRefused() throws {
        let engine = DifferentialEngine(
            subject: LibCryptoImplementation(), reference: LibCryptoImplementation(), seed: 5,
            casesPerAlgorithm: 0, filter: nil, results: RunResults())
        let names = engine.targets().map(\.name)
        #expect(names.filter { $0.lowercased().contains("drbg") }.count >= 9)
        #expect(names.filter { $0.lowercased().contains("base64") } == ["BASE64"])
        for name in ["CTR-DRBG-AES-128-CTR", "HASH-DRBG-SHA2-256", "HMAC-DRBG-SHA1", "BASE64"] {
            let t = try #require(engine.targets().first { $0.name == name })
            var rng = SeededRandom(seed: 5)
            var accepted = 0
            var refused = 0
            for _ in 0..<300 {
                let c = try #require(engine.makeCase(t, &rng))
                for (_, o) in engine.outcome(engine.subject, c, pieces: []) {
                    if case .bytes = o { accepted += 1 } else { refused += 1 }
                }
            }
            #expect(accepted > 100, "\(name)")
            #expect(refused > 10, "\(name)")
        }
    }
}
