import Foundation
import FuzzTargets
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Seeded inputs per target: `FUZZ_SEEDED_COUNT` (for a longer local sweep), else `fallback`.
func seededCount(_ fallback: Int) -> Int {
    getenv("FUZZ_SEEDED_COUNT").flatMap { Int(String(cString: $0)) } ?? fallback
}

/// The seed: `FUZZ_SEEDED_SEED`, else `fallback`.
func seededSeed(_ fallback: UInt64) -> UInt64 {
    getenv("FUZZ_SEEDED_SEED").flatMap { UInt64(String(cString: $0)) } ?? fallback
}

/// A small deterministic generator (SplitMix64) for the seeded inputs.
struct SeededBytes {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// Runs `count` seeded random inputs (0 to 600 bytes) through `target`; returns the findings.
func runSeeded(_ target: FuzzTarget, count: Int, seed: UInt64) -> [String] {
    var rng = SeededBytes(state: seed)
    var findings: [String] = []
    for _ in 0..<count {
        let input = rng.bytes(Int(rng.next() % 600))
        if case .finding(let m) = input.withUnsafeBytes({ target.run($0) }) { findings.append(m) }
    }
    // The empty input and one of all 0xFF bytes decode to the ranges' lower and upper ends.
    for input in [[], [UInt8](repeating: 0xFF, count: 300)] {
        if case .finding(let m) = input.withUnsafeBytes({ target.run($0) }) { findings.append(m) }
    }
    return findings
}

@Suite("API fuzz targets on seeded inputs") struct APITargetsTests {
    static let names = FuzzTargets.all.filter { $0.kind == .api }.map(\.name)

    @Test("the three API targets exist") func present() {
        #expect(Set(Self.names) == ["api-digest-mac", "api-cipher", "api-aead-kdf"])
    }

    @Test("a few hundred seeded inputs give no finding", arguments: names)
    func seeded(name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let findings = runSeeded(target, count: seededCount(300), seed: seededSeed(0xA91))
        #expect(findings.isEmpty, "\(findings.count) findings, first: \(findings.first ?? "")")
    }
}

@Suite("API and differential regression inputs") struct APIRegressionInputs {
    /// `TestVectors/fuzz-regressions/<target>/` of this checkout, for the API and differential targets.
    static let folders: [(target: String, files: [String])] = {
        let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let base = "/" + root + "/TestVectors/fuzz-regressions"
        return FuzzTargets.all.filter { $0.kind != .parser }.map { t in
            let dir = base + "/" + t.name
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return (t.name, names.sorted().map { dir + "/" + $0 })
        }
    }()

    @Test("every checked-in input of an API or differential target replays as ok")
    func replay() throws {
        for (name, files) in Self.folders {
            let target = try #require(FuzzTargets.named(name))
            for file in files {
                let bytes = try #require(FileManager.default.contents(atPath: file))
                let verdict = [UInt8](bytes).withUnsafeBytes { target.run($0) }
                #expect(verdict == .ok, "\(file)")
            }
        }
        #expect(Self.folders.contains { !$0.files.isEmpty })
    }
}
