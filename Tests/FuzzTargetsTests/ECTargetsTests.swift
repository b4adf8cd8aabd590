#if EC
import Foundation
import FuzzTargets
import Testing

private func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzTarget.Verdict {
    bytes.withUnsafeBytes { target.run($0) }
}

/// The EC targets are registered; their seeds (run by `ParserTargetSeeds` too) and every one-byte
/// flip and truncation of them give no finding: bad points, keys and signatures are refused cleanly.
@Suite struct ECTargetInputs {
    @Test(arguments: ["ec-point", "ec-key-der", "ec-signature"])
    func mutatedSeedsRunWithoutAFinding(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        #expect(target.kind == .parser)
        let seeds = target.seeds()
        #expect(seeds.count >= 4, "\(name): \(seeds.count) seeds")
        for path in seeds.prefix(8) {
            let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
            #expect(run(target, bytes) == .ok, "\(name) seed \(path)")
            for i in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 24)) {
                var flipped = bytes
                flipped[i] ^= 0x01
                #expect(run(target, flipped) == .ok, "\(name) seed \(path) with byte \(i) flipped")
                #expect(run(target, Array(bytes.prefix(i))) == .ok, "\(name) seed \(path) cut to \(i) bytes")
            }
        }
    }
}
#endif
