/// Helpers shared by the LibCrypto test suites.

/// SplitMix64, seeded, so randomized tests are reproducible.
struct TestRNG: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }
    init(state: UInt64) { self.state = state }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// A value in `0..<bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func below(_ bound: Int) -> Int { next(below: bound) }
    mutating func next(in range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }

    /// Cuts `0..<count` into random pieces (some empty).
    mutating func splits(_ count: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < count {
            let n = min(count - i, next(below: 4) == 0 ? 0 : next(below: 80))
            out.append(i..<(i + n))
            i += n
        }
        return out
    }
}

/// Hex for test vectors: lower-case output; input in either case, with spaces, colons and
/// newlines ignored. A bad digit or an odd count stops the test run (a mistyped vector).
enum TestHex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ s: String) -> [UInt8] {
        let chars = Array(s.utf8).filter { $0 != 0x20 && $0 != 0x3A && $0 != 0x0A }
        precondition(chars.count % 2 == 0, "odd hex string in a test vector")
        func nibble(_ c: UInt8) -> UInt8 {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: preconditionFailure("bad hex digit in a test vector")
            }
        }
        return stride(from: 0, to: chars.count, by: 2).map { nibble(chars[$0]) << 4 | nibble(chars[$0 + 1]) }
    }
}
