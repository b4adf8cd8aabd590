import FuzzTargets
import Testing

@Suite("Differential fuzz target on seeded inputs") struct DifferentialTargetsTests {
    @Test("a few hundred seeded inputs agree with OpenSSL (or pass when it cannot be loaded)")
    func seeded() throws {
        let target = try #require(FuzzTargets.named("differential-openssl"))
        #expect(target.kind == .differential)
        let findings = runSeeded(target, count: seededCount(400), seed: seededSeed(0xD1FF))
        #expect(findings.isEmpty, "\(findings.count) findings, first: \(findings.first ?? "")")
    }
}

@Suite("FuzzInput decoding") struct FuzzInputTests {
    @Test("bytes are consumed from the front; a spent input gives lower bounds and zeros")
    func basics() {
        var input = FuzzInput([0x05, 0xFF, 0x34, 0x12, 0x07])
        #expect(input.remaining == 5)
        #expect(input.byte() == 0x05)
        #expect(input.bool() == true)  // 0xFF: low bit set
        #expect(input.int(in: 0...0xFFFF) == 0x1234)  // two bytes, little-endian
        #expect(input.int(in: 10...12) == 10 + 7 % 3)  // one byte, reduced modulo the width
        #expect(input.remaining == 0)
        #expect(input.byte() == 0)
        #expect(input.int(in: -5...5) == -5)
        #expect(input.bytes(3) == [0, 0, 0])
        #expect(input.rest() == [])
    }

    @Test("a one-value range consumes nothing; full-width ranges take eight bytes")
    func widths() {
        var input = FuzzInput([1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(input.int(in: 4...4) == 4)
        #expect(input.remaining == 9)
        #expect(input.int(in: Int.min...Int.max) == Int(bitPattern: 0x0807_0605_0403_0201) &+ Int.min)
        #expect(input.remaining == 1)
        #expect(input.int(in: 0...255) == 9)
    }

    @Test("bytes pads with zeros; rest honours its limit; pick indexes")
    func bytesAndPick() {
        var input = FuzzInput([0xAA, 0xBB, 0x02, 0x01, 0x02, 0x03])
        #expect(input.bytes(1) == [0xAA])
        #expect(input.bytes(-1) == [])
        #expect(input.pick(["x", "y", "z"]) == "y")  // 0xBB = 187, 187 % 3 == 1
        #expect(input.rest(limit: 2) == [0x02, 0x01])
        #expect(input.bytes(3) == [0x02, 0x03, 0x00])
    }

    @Test("split cycles the sizes; zero sizes are empty pieces; no sizes give one piece")
    func split() {
        let m: [UInt8] = [1, 2, 3, 4, 5, 6, 7]
        #expect(FuzzInput.split(m, []) == [m])
        #expect(FuzzInput.split(m, [0, 0]) == [m])
        #expect(FuzzInput.split(m, [3]) == [[1, 2, 3], [4, 5, 6], [7]])
        #expect(FuzzInput.split(m, [2, 0]) == [[1, 2], [], [3, 4], [], [5, 6], [], [7]])
        #expect(FuzzInput.split([], [4]) == [[]])
    }

    @Test("pieces reads a count then that many sizes")
    func pieces() {
        var input = FuzzInput([2, 10, 0, 1, 0xFF])
        // Count 2 % 7; each size two bytes (300 needs them), reduced modulo 301.
        #expect(input.pieces(maxPieces: 6, maxPiece: 300) == [10, (1 + 0xFF * 256) % 301])
        #expect(input.remaining == 0)
    }
}
