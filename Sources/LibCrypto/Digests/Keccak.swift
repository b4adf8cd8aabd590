/// The 25 lanes of a Keccak-f[1600] state; lane `x + 5*y` is `A[x, y]` of FIPS 202.
typealias KeccakLanes = (
    UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64
)

/// Up to 168 bytes (the largest rate, SHAKE128's) of pending sponge input or output.
typealias KeccakBlockBuffer = (
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
)

private let keccakRoundConstants: [UInt64] = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A,
    0x8000000080008000, 0x000000000000808B, 0x0000000080000001,
    0x8000000080008081, 0x8000000000008009, 0x000000000000008A,
    0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089,
    0x8000000000008003, 0x8000000000008002, 0x8000000000000080,
    0x000000000000800A, 0x800000008000000A, 0x8000000080008081,
    0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]

@inline(__always)
private func keccakRotl(_ x: UInt64, _ n: UInt64) -> UInt64 {
    (x &<< n) | (x &>> (64 &- n))
}

@inline(__always)
private func keccakLoadLane(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
}

/// Keccak-f[1600], the 24-round permutation of FIPS 202 section 3.3, applied in place.
///
/// Two rounds per loop iteration, the second writing back into the first's input, so
/// no lanes are shuffled between rounds. The column parities for the next theta step are
/// gathered while chi writes each plane. Lanes 1, 2, 8, 12, 17 and 20 are held
/// complemented inside the loop ("lane complementing", from the Keccak team's
/// implementation notes), which turns most of chi's `~b & c` into plain AND/OR.
@inline(__always)
private func keccakF1600(_ s: inout KeccakLanes) {
    var a0 = s.0
    var a1 = s.1
    var a2 = s.2
    var a3 = s.3
    var a4 = s.4
    var a5 = s.5
    var a6 = s.6
    var a7 = s.7
    var a8 = s.8
    var a9 = s.9
    var a10 = s.10
    var a11 = s.11
    var a12 = s.12
    var a13 = s.13
    var a14 = s.14
    var a15 = s.15
    var a16 = s.16
    var a17 = s.17
    var a18 = s.18
    var a19 = s.19
    var a20 = s.20
    var a21 = s.21
    var a22 = s.22
    var a23 = s.23
    var a24 = s.24
    var e0: UInt64
    var e1: UInt64
    var e2: UInt64
    var e3: UInt64
    var e4: UInt64
    var e5: UInt64
    var e6: UInt64
    var e7: UInt64
    var e8: UInt64
    var e9: UInt64
    var e10: UInt64
    var e11: UInt64
    var e12: UInt64
    var e13: UInt64
    var e14: UInt64
    var e15: UInt64
    var e16: UInt64
    var e17: UInt64
    var e18: UInt64
    var e19: UInt64
    var e20: UInt64
    var e21: UInt64
    var e22: UInt64
    var e23: UInt64
    var e24: UInt64
    var c0: UInt64
    var c1: UInt64
    var c2: UInt64
    var c3: UInt64
    var c4: UInt64
    var d0: UInt64
    var d1: UInt64
    var d2: UInt64
    var d3: UInt64
    var d4: UInt64
    var b0: UInt64
    var b1: UInt64
    var b2: UInt64
    var b3: UInt64
    var b4: UInt64
    a1 = ~a1
    a2 = ~a2
    a8 = ~a8
    a12 = ~a12
    a17 = ~a17
    a20 = ~a20
    c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20
    c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
    c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22
    c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
    c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
    for i in stride(from: 0, to: 24, by: 2) {
        d0 = c4 ^ keccakRotl(c1, 1)
        d1 = c0 ^ keccakRotl(c2, 1)
        d2 = c1 ^ keccakRotl(c3, 1)
        d3 = c2 ^ keccakRotl(c4, 1)
        d4 = c3 ^ keccakRotl(c0, 1)
        b0 = a0 ^ d0
        b1 = keccakRotl(a6 ^ d1, 44)
        b2 = keccakRotl(a12 ^ d2, 43)
        b3 = keccakRotl(a18 ^ d3, 21)
        b4 = keccakRotl(a24 ^ d4, 14)
        e0 = b0 ^ (b1 | b2) ^ keccakRoundConstants[i]
        e1 = b1 ^ (~b2 | b3)
        e2 = b2 ^ (b3 & b4)
        e3 = b3 ^ (b4 | b0)
        e4 = b4 ^ (b0 & b1)
        c0 = e0
        c1 = e1
        c2 = e2
        c3 = e3
        c4 = e4
        b0 = keccakRotl(a3 ^ d3, 28)
        b1 = keccakRotl(a9 ^ d4, 20)
        b2 = keccakRotl(a10 ^ d0, 3)
        b3 = keccakRotl(a16 ^ d1, 45)
        b4 = keccakRotl(a22 ^ d2, 61)
        e5 = b0 ^ (b1 | b2)
        e6 = b1 ^ (b2 & b3)
        e7 = b2 ^ (b3 | ~b4)
        e8 = b3 ^ (b4 | b0)
        e9 = b4 ^ (b0 & b1)
        c0 ^= e5
        c1 ^= e6
        c2 ^= e7
        c3 ^= e8
        c4 ^= e9
        b0 = keccakRotl(a1 ^ d1, 1)
        b1 = keccakRotl(a7 ^ d2, 6)
        b2 = keccakRotl(a13 ^ d3, 25)
        b3 = keccakRotl(a19 ^ d4, 8)
        b4 = keccakRotl(a20 ^ d0, 18)
        e10 = b0 ^ (b1 | b2)
        e11 = b1 ^ (b2 & b3)
        e12 = b2 ^ (~b3 & b4)
        e13 = ~(b3 ^ (b4 | b0))
        e14 = b4 ^ (b0 & b1)
        c0 ^= e10
        c1 ^= e11
        c2 ^= e12
        c3 ^= e13
        c4 ^= e14
        b0 = keccakRotl(a4 ^ d4, 27)
        b1 = keccakRotl(a5 ^ d0, 36)
        b2 = keccakRotl(a11 ^ d1, 10)
        b3 = keccakRotl(a17 ^ d2, 15)
        b4 = keccakRotl(a23 ^ d3, 56)
        e15 = b0 ^ (b1 & b2)
        e16 = b1 ^ (b2 | b3)
        e17 = b2 ^ (~b3 | b4)
        e18 = ~(b3 ^ (b4 & b0))
        e19 = b4 ^ (b0 | b1)
        c0 ^= e15
        c1 ^= e16
        c2 ^= e17
        c3 ^= e18
        c4 ^= e19
        b0 = keccakRotl(a2 ^ d2, 62)
        b1 = keccakRotl(a8 ^ d3, 55)
        b2 = keccakRotl(a14 ^ d4, 39)
        b3 = keccakRotl(a15 ^ d0, 41)
        b4 = keccakRotl(a21 ^ d1, 2)
        e20 = b0 ^ (~b1 & b2)
        e21 = ~(b1 ^ (b2 | b3))
        e22 = b2 ^ (b3 & b4)
        e23 = b3 ^ (b4 | b0)
        e24 = b4 ^ (b0 & b1)
        c0 ^= e20
        c1 ^= e21
        c2 ^= e22
        c3 ^= e23
        c4 ^= e24
        d0 = c4 ^ keccakRotl(c1, 1)
        d1 = c0 ^ keccakRotl(c2, 1)
        d2 = c1 ^ keccakRotl(c3, 1)
        d3 = c2 ^ keccakRotl(c4, 1)
        d4 = c3 ^ keccakRotl(c0, 1)
        b0 = e0 ^ d0
        b1 = keccakRotl(e6 ^ d1, 44)
        b2 = keccakRotl(e12 ^ d2, 43)
        b3 = keccakRotl(e18 ^ d3, 21)
        b4 = keccakRotl(e24 ^ d4, 14)
        a0 = b0 ^ (b1 | b2) ^ keccakRoundConstants[i &+ 1]
        a1 = b1 ^ (~b2 | b3)
        a2 = b2 ^ (b3 & b4)
        a3 = b3 ^ (b4 | b0)
        a4 = b4 ^ (b0 & b1)
        c0 = a0
        c1 = a1
        c2 = a2
        c3 = a3
        c4 = a4
        b0 = keccakRotl(e3 ^ d3, 28)
        b1 = keccakRotl(e9 ^ d4, 20)
        b2 = keccakRotl(e10 ^ d0, 3)
        b3 = keccakRotl(e16 ^ d1, 45)
        b4 = keccakRotl(e22 ^ d2, 61)
        a5 = b0 ^ (b1 | b2)
        a6 = b1 ^ (b2 & b3)
        a7 = b2 ^ (b3 | ~b4)
        a8 = b3 ^ (b4 | b0)
        a9 = b4 ^ (b0 & b1)
        c0 ^= a5
        c1 ^= a6
        c2 ^= a7
        c3 ^= a8
        c4 ^= a9
        b0 = keccakRotl(e1 ^ d1, 1)
        b1 = keccakRotl(e7 ^ d2, 6)
        b2 = keccakRotl(e13 ^ d3, 25)
        b3 = keccakRotl(e19 ^ d4, 8)
        b4 = keccakRotl(e20 ^ d0, 18)
        a10 = b0 ^ (b1 | b2)
        a11 = b1 ^ (b2 & b3)
        a12 = b2 ^ (~b3 & b4)
        a13 = ~(b3 ^ (b4 | b0))
        a14 = b4 ^ (b0 & b1)
        c0 ^= a10
        c1 ^= a11
        c2 ^= a12
        c3 ^= a13
        c4 ^= a14
        b0 = keccakRotl(e4 ^ d4, 27)
        b1 = keccakRotl(e5 ^ d0, 36)
        b2 = keccakRotl(e11 ^ d1, 10)
        b3 = keccakRotl(e17 ^ d2, 15)
        b4 = keccakRotl(e23 ^ d3, 56)
        a15 = b0 ^ (b1 & b2)
        a16 = b1 ^ (b2 | b3)
        a17 = b2 ^ (~b3 | b4)
        a18 = ~(b3 ^ (b4 & b0))
        a19 = b4 ^ (b0 | b1)
        c0 ^= a15
        c1 ^= a16
        c2 ^= a17
        c3 ^= a18
        c4 ^= a19
        b0 = keccakRotl(e2 ^ d2, 62)
        b1 = keccakRotl(e8 ^ d3, 55)
        b2 = keccakRotl(e14 ^ d4, 39)
        b3 = keccakRotl(e15 ^ d0, 41)
        b4 = keccakRotl(e21 ^ d1, 2)
        a20 = b0 ^ (~b1 & b2)
        a21 = ~(b1 ^ (b2 | b3))
        a22 = b2 ^ (b3 & b4)
        a23 = b3 ^ (b4 | b0)
        a24 = b4 ^ (b0 & b1)
        c0 ^= a20
        c1 ^= a21
        c2 ^= a22
        c3 ^= a23
        c4 ^= a24
    }
    a1 = ~a1
    a2 = ~a2
    a8 = ~a8
    a12 = ~a12
    a17 = ~a17
    a20 = ~a20
    s.0 = a0
    s.1 = a1
    s.2 = a2
    s.3 = a3
    s.4 = a4
    s.5 = a5
    s.6 = a6
    s.7 = a7
    s.8 = a8
    s.9 = a9
    s.10 = a10
    s.11 = a11
    s.12 = a12
    s.13 = a13
    s.14 = a14
    s.15 = a15
    s.16 = a16
    s.17 = a17
    s.18 = a18
    s.19 = a19
    s.20 = a20
    s.21 = a21
    s.22 = a22
    s.23 = a23
    s.24 = a24
}

/// A Keccak[c] sponge over Keccak-f[1600] (FIPS 202 section 4), with the domain
/// separation bits of SHA-3 or SHAKE folded into the first padding byte.
///
/// Absorbing copies only partial blocks; whole blocks are XORed into the state straight
/// from the caller's buffer.
struct KeccakSponge: Sendable {
    private var s: KeccakLanes = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
    private var buffer: KeccakBlockBuffer = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
    private var buffered = 0
    /// The rate r in bytes: 200 minus twice the capacity's security level.
    let rate: Int
    /// The message suffix bits and the first `1` of pad10*1, LSB first: 0x06 for SHA-3
    /// (suffix `01`), 0x1F for SHAKE (suffix `1111`).
    let padByte: UInt8

    init(rate: Int, padByte: UInt8) {
        precondition(rate % 8 == 0 && rate > 0 && rate <= 168)
        self.rate = rate
        self.padByte = padByte
    }

    /// XORs `blocks` consecutive rate-sized blocks at `p` into the state, permuting after each.
    private mutating func absorbBlocks(_ p: UnsafeRawPointer, blocks: Int) {
        let laneCount = rate &>> 3
        var p = p
        for _ in 0..<blocks {
            s.0 ^= keccakLoadLane(p, 0)
            s.1 ^= keccakLoadLane(p, 8)
            s.2 ^= keccakLoadLane(p, 16)
            s.3 ^= keccakLoadLane(p, 24)
            s.4 ^= keccakLoadLane(p, 32)
            s.5 ^= keccakLoadLane(p, 40)
            s.6 ^= keccakLoadLane(p, 48)
            s.7 ^= keccakLoadLane(p, 56)
            s.8 ^= keccakLoadLane(p, 64)
            if laneCount > 9 {
                s.9 ^= keccakLoadLane(p, 72)
                s.10 ^= keccakLoadLane(p, 80)
                s.11 ^= keccakLoadLane(p, 88)
                s.12 ^= keccakLoadLane(p, 96)
            }
            if laneCount > 13 {
                s.13 ^= keccakLoadLane(p, 104)
                s.14 ^= keccakLoadLane(p, 112)
                s.15 ^= keccakLoadLane(p, 120)
                s.16 ^= keccakLoadLane(p, 128)
            }
            if laneCount > 17 {
                s.17 ^= keccakLoadLane(p, 136)
            }
            if laneCount > 18 {
                s.18 ^= keccakLoadLane(p, 144)
                s.19 ^= keccakLoadLane(p, 152)
                s.20 ^= keccakLoadLane(p, 160)
            }
            keccakF1600(&s)
            p += rate
        }
    }

    mutating func absorb(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        var n = data.count
        if buffered > 0 {
            let at = buffered
            let take = min(rate &- at, n)
            withUnsafeMutableBytes(of: &buffer) {
                $0.baseAddress!.advanced(by: at).copyMemory(from: p, byteCount: take)
            }
            buffered &+= take
            p += take
            n &-= take
            guard buffered == rate else { return }
            var block = buffer
            withUnsafeBytes(of: &block) { absorbBlocks($0.baseAddress!, blocks: 1) }
            buffered = 0
        }
        let blocks = n / rate
        if blocks > 0 {
            absorbBlocks(p, blocks: blocks)
            p += blocks &* rate
            n &-= blocks &* rate
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &buffer) {
                $0.baseAddress!.copyMemory(from: p, byteCount: n)
            }
            buffered = n
        }
    }

    /// `squeeze(outputLength:)` for a caller's length (SHAKE's `finalize(outputLength:)`): a
    /// negative length throws `invalidParameter` instead of reaching the precondition below.
    mutating func squeezeXOF(outputLength: Int) throws -> [UInt8] {
        guard outputLength >= 0 else {
            throw CryptoError(.invalidParameter, "XOF output length must not be negative, got \(outputLength)")
        }
        return squeeze(outputLength: outputLength)
    }

    /// Pads the message, then squeezes `outputLength` bytes, permuting between rate blocks.
    /// The sponge is spent afterwards. Callers pass a fixed digest size or go through
    /// `squeezeXOF`, so a negative length here is a bug in LibCrypto.
    mutating func squeeze(outputLength: Int) -> [UInt8] {
        precondition(outputLength >= 0, "negative output length")
        var block = buffer
        let at = buffered
        let rate = rate
        let padByte = padByte
        withUnsafeMutableBytes(of: &block) { b in
            for i in at..<rate { b[i] = 0 }
            b[at] ^= padByte
            b[rate &- 1] ^= 0x80
        }
        withUnsafeBytes(of: &block) { absorbBlocks($0.baseAddress!, blocks: 1) }
        buffered = 0
        guard outputLength > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: outputLength) { out, initialized in
            var offset = 0
            while true {
                let take = min(rate, outputLength &- offset)
                var lanes = s
                withUnsafeMutableBytes(of: &lanes) { bytes in
                    for i in 0..<(rate &>> 3) {
                        let v = bytes.load(fromByteOffset: i &* 8, as: UInt64.self)
                        bytes.storeBytes(of: v.littleEndian, toByteOffset: i &* 8, as: UInt64.self)
                    }
                    UnsafeMutableRawPointer(out.baseAddress! + offset)
                        .copyMemory(from: bytes.baseAddress!, byteCount: take)
                }
                offset &+= take
                if offset == outputLength { break }
                keccakF1600(&s)
            }
            initialized = outputLength
        }
    }
}
