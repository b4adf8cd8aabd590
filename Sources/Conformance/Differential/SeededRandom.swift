// The generator: seeded randomness the case builder draws from.

/// A deterministic generator (SplitMix64): the same seed gives the same cases on any machine.
public struct SeededRandom {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    public mutating func bytes(_ n: Int) -> [UInt8] { (0..<max(0, n)).map { _ in UInt8(truncatingIfNeeded: next()) } }
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// FNV-1a of a name: a per-algorithm stream that does not depend on Swift's hash seed.
    public static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// Lengths around block boundaries (0, 1, bs−1, bs, bs+1, 2bs±1 …) and now and then a large one.
    public mutating func length(max limit: Int = .max, blockSize bs: Int) -> Int {
        min(rawLength(blockSize: bs), limit)
    }

    mutating func rawLength(blockSize bs: Int) -> Int {
        let b = max(bs, 1)
        switch below(10) {
        case 0: return 0
        case 1: return 1
        case 2...5: return max(0, b * (1 + below(4)) + below(3) - 1)
        case 6...8: return below(300)
        default: return 1000 + below(4000)
        }
    }

    /// Update pieces for one side: one piece, or random small pieces (some empty).
    public mutating func pieces() -> [Int] {
        if chance(30) { return [] }
        return (0..<(1 + below(5))).map { _ in below(40) }
    }
}
