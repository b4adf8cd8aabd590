/// SHA-512, the 512-bit member of the SHA-2 family (FIPS 180-4, section 6.4).
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function (`SHA512.Core` serves SHA-384 and SHA-512/t too). No secret-indexed tables (the only table holds the round constants, read by
/// round number).
public struct SHA512: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 128
    /// The output length in bytes.
    public static let digestSize = 64

    var core: Core

    /// A fresh state, ready for the first `update`.
    public init() {
        core = Core(
            State(
                0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179))
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        core.update(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        core.finalize(outputCount: Self.digestSize)
    }
}

/// SHA-384 (FIPS 180-4, section 6.5): SHA-512 with its own initial hash value,
/// truncated to 384 bits.
public struct SHA384: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 128
    /// The output length in bytes.
    public static let digestSize = 48

    var core: SHA512.Core

    /// A fresh state, ready for the first `update`.
    public init() {
        core = SHA512.Core(
            SHA512.State(
                0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4))
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        core.update(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        core.finalize(outputCount: Self.digestSize)
    }
}

/// SHA-512/224 (FIPS 180-4, sections 5.3.6.1 and 6.6): SHA-512 with the initial hash
/// value generated for t = 224, truncated to 224 bits.
public struct SHA512_224: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 128
    /// The output length in bytes.
    public static let digestSize = 28

    var core: SHA512.Core

    /// A fresh state, ready for the first `update`.
    public init() {
        core = SHA512.Core(
            SHA512.State(
                0x8c3d37c819544da2, 0x73e1996689dcd4d6, 0x1dfab7ae32ff9c82, 0x679dd514582f9fcf,
                0x0f6d2b697bd44da8, 0x77e36f7304c48942, 0x3f9d85a86a1d36c8, 0x1112e6ad91d692a1))
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        core.update(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        core.finalize(outputCount: Self.digestSize)
    }
}

/// SHA-512/256 (FIPS 180-4, sections 5.3.6.2 and 6.7): SHA-512 with the initial hash
/// value generated for t = 256, truncated to 256 bits.
public struct SHA512_256: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 128
    /// The output length in bytes.
    public static let digestSize = 32

    var core: SHA512.Core

    /// A fresh state, ready for the first `update`.
    public init() {
        core = SHA512.Core(
            SHA512.State(
                0x22312194fc2bf72c, 0x9f555fa3c84c64c2, 0x2393b86b6f53b151, 0x963877195940eabd,
                0x96283ee2a88effe3, 0xbe5e1e2553863992, 0x2b0199fc2c85b8aa, 0x0eb72ddc81c52ca2))
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        core.update(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        core.finalize(outputCount: Self.digestSize)
    }
}

extension SHA512 {
    /// The eight 64-bit working words H0...H7.
    struct State {
        var h0, h1, h2, h3, h4, h5, h6, h7: UInt64

        init(
            _ h0: UInt64, _ h1: UInt64, _ h2: UInt64, _ h3: UInt64,
            _ h4: UInt64, _ h5: UInt64, _ h6: UInt64, _ h7: UInt64
        ) {
            (self.h0, self.h1, self.h2, self.h3) = (h0, h1, h2, h3)
            (self.h4, self.h5, self.h6, self.h7) = (h4, h5, h6, h7)
        }
    }

    /// The streaming engine shared by SHA-384, SHA-512 and SHA-512/t: chaining state and the
    /// pending block (`MerkleDamgard`, with a 128-bit length).
    struct Core: MerkleDamgard {
        static var blockSize: Int { 128 }
        static var lengthSize: Int { 16 }
        static var bigEndianLength: Bool { true }

        /// The chaining value, the partial block and the length.
        var buffer: BlockBuffer<State, Block128>

        init(_ state: State) {
            buffer = BlockBuffer(state)
        }

        @inline(__always)
        static func compress(_ chain: inout State, _ p: UnsafeRawPointer, blocks: Int) {
            SHA512.compress(&chain, p, blocks)
        }

        mutating func update(_ data: UnsafeRawBufferPointer) {
            absorb(data)
        }

        mutating func finalize(outputCount: Int) -> [UInt8] {
            padAndCompress()
            let s = buffer.chain
            var out = (
                s.h0.bigEndian, s.h1.bigEndian, s.h2.bigEndian, s.h3.bigEndian,
                s.h4.bigEndian, s.h5.bigEndian, s.h6.bigEndian, s.h7.bigEndian
            )
            return withUnsafeBytes(of: &out) { Array($0.prefix(outputCount)) }
        }
    }

    /// The round constants K0...K79 (FIPS 180-4, section 4.2.3).
    private static let roundConstants: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 {
        (x &>> n) | (x &<< (64 &- n))
    }

    /// W[t], W[t+1] from the sixteen previous words held as pairs: `w0` = (W[t-16], W[t-15]),
    /// `w1` = (W[t-14], W[t-13]), `w4`/`w5` around W[t-7], `w7` = (W[t-2], W[t-1]).
    @inline(__always)
    private static func schedule(
        _ w0: SIMD2<UInt64>, _ w1: SIMD2<UInt64>, _ w4: SIMD2<UInt64>,
        _ w5: SIMD2<UInt64>, _ w7: SIMD2<UInt64>
    ) -> SIMD2<UInt64> {
        let x = SIMD2(w0[1], w1[0])
        // sigma0 = ROTR^1 ^ ROTR^8 ^ SHR^7 and sigma1 = ROTR^19 ^ ROTR^61 ^ SHR^6 as SSE2 shifts;
        // chained shifts of one temporary keep the optimizer from re-pairing lanes.
        var t = x &<< 56
        var s0 = x &>> 7
        s0 ^= t
        t = t &<< 7
        s0 ^= t
        t = x &>> 1
        s0 ^= t
        t = t &>> 7
        s0 ^= t
        let y = w7
        t = y &<< 3
        var s1 = y &>> 6
        s1 ^= t
        t = t &<< 42
        s1 ^= t
        t = y &>> 19
        s1 ^= t
        t = t &>> 42
        s1 ^= t
        return w0 &+ s0 &+ SIMD2(w4[1], w5[0]) &+ s1
    }

    /// One round. Sigma1/Sigma0 nested as ROTR^14(ROTR^4(ROTR^23(e) ^ e) ^ e) (fewer
    /// instructions), Maj as b ^ ((a ^ b) & (b ^ c)) so a ^ b is reused by the next round.
    @inline(__always)
    private static func round(
        _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: inout UInt64,
        _ e: UInt64, _ f: UInt64, _ g: UInt64, _ h: inout UInt64,
        _ kw: UInt64
    ) {
        let s1 = rotr(rotr(rotr(e, 23) ^ e, 4) ^ e, 14)
        let t1 = h &+ kw &+ (g ^ (e & (f ^ g))) &+ s1
        let s0 = rotr(rotr(rotr(a, 5) ^ a, 6) ^ a, 28)
        let maj = b ^ ((a ^ b) & (b ^ c))
        d &+= t1
        h = t1 &+ maj &+ s0
    }

    /// Applies the compression function to `blocks` consecutive 128-byte blocks at `p`.
    /// The message schedule runs two words at a time in SIMD registers, so the integer
    /// units only run the rounds. Rounds go 16 per loop iteration: a loop body small enough
    /// that the compiler keeps schedule and rounds interleaved (fully unrolled, it hoisted
    /// the whole schedule ahead of the rounds and lost ~20%).
    static func compress(_ state: inout State, _ p: UnsafeRawPointer, _ blocks: Int) {
        roundConstants.withUnsafeBytes { table in
            let k = table.baseAddress!
            var (a, b, c, d) = (state.h0, state.h1, state.h2, state.h3)
            var (e, f, g, h) = (state.h4, state.h5, state.h6, state.h7)
            var p = p
            for _ in 0..<blocks {
                var x0 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
                var x1 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
                var x2 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 32, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 40, as: UInt64.self)))
                var x3 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 48, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 56, as: UInt64.self)))
                var x4 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 64, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 72, as: UInt64.self)))
                var x5 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 80, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 88, as: UInt64.self)))
                var x6 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 96, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 104, as: UInt64.self)))
                var x7 = SIMD2(
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 112, as: UInt64.self)),
                    UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 120, as: UInt64.self)))
                var kp = k
                for _ in 0..<4 {
                    let k0 = x0 &+ kp.loadUnaligned(fromByteOffset: 0, as: SIMD2<UInt64>.self)
                    x0 = schedule(x0, x1, x4, x5, x7)
                    round(a, b, c, &d, e, f, g, &h, k0[0])
                    round(h, a, b, &c, d, e, f, &g, k0[1])
                    let k1 = x1 &+ kp.loadUnaligned(fromByteOffset: 16, as: SIMD2<UInt64>.self)
                    x1 = schedule(x1, x2, x5, x6, x0)
                    round(g, h, a, &b, c, d, e, &f, k1[0])
                    round(f, g, h, &a, b, c, d, &e, k1[1])
                    let k2 = x2 &+ kp.loadUnaligned(fromByteOffset: 32, as: SIMD2<UInt64>.self)
                    x2 = schedule(x2, x3, x6, x7, x1)
                    round(e, f, g, &h, a, b, c, &d, k2[0])
                    round(d, e, f, &g, h, a, b, &c, k2[1])
                    let k3 = x3 &+ kp.loadUnaligned(fromByteOffset: 48, as: SIMD2<UInt64>.self)
                    x3 = schedule(x3, x4, x7, x0, x2)
                    round(c, d, e, &f, g, h, a, &b, k3[0])
                    round(b, c, d, &e, f, g, h, &a, k3[1])
                    let k4 = x4 &+ kp.loadUnaligned(fromByteOffset: 64, as: SIMD2<UInt64>.self)
                    x4 = schedule(x4, x5, x0, x1, x3)
                    round(a, b, c, &d, e, f, g, &h, k4[0])
                    round(h, a, b, &c, d, e, f, &g, k4[1])
                    let k5 = x5 &+ kp.loadUnaligned(fromByteOffset: 80, as: SIMD2<UInt64>.self)
                    x5 = schedule(x5, x6, x1, x2, x4)
                    round(g, h, a, &b, c, d, e, &f, k5[0])
                    round(f, g, h, &a, b, c, d, &e, k5[1])
                    let k6 = x6 &+ kp.loadUnaligned(fromByteOffset: 96, as: SIMD2<UInt64>.self)
                    x6 = schedule(x6, x7, x2, x3, x5)
                    round(e, f, g, &h, a, b, c, &d, k6[0])
                    round(d, e, f, &g, h, a, b, &c, k6[1])
                    let k7 = x7 &+ kp.loadUnaligned(fromByteOffset: 112, as: SIMD2<UInt64>.self)
                    x7 = schedule(x7, x0, x3, x4, x6)
                    round(c, d, e, &f, g, h, a, &b, k7[0])
                    round(b, c, d, &e, f, g, h, &a, k7[1])
                    kp += 128
                }
                let k0 = x0 &+ kp.loadUnaligned(fromByteOffset: 0, as: SIMD2<UInt64>.self)
                round(a, b, c, &d, e, f, g, &h, k0[0])
                round(h, a, b, &c, d, e, f, &g, k0[1])
                let k1 = x1 &+ kp.loadUnaligned(fromByteOffset: 16, as: SIMD2<UInt64>.self)
                round(g, h, a, &b, c, d, e, &f, k1[0])
                round(f, g, h, &a, b, c, d, &e, k1[1])
                let k2 = x2 &+ kp.loadUnaligned(fromByteOffset: 32, as: SIMD2<UInt64>.self)
                round(e, f, g, &h, a, b, c, &d, k2[0])
                round(d, e, f, &g, h, a, b, &c, k2[1])
                let k3 = x3 &+ kp.loadUnaligned(fromByteOffset: 48, as: SIMD2<UInt64>.self)
                round(c, d, e, &f, g, h, a, &b, k3[0])
                round(b, c, d, &e, f, g, h, &a, k3[1])
                let k4 = x4 &+ kp.loadUnaligned(fromByteOffset: 64, as: SIMD2<UInt64>.self)
                round(a, b, c, &d, e, f, g, &h, k4[0])
                round(h, a, b, &c, d, e, f, &g, k4[1])
                let k5 = x5 &+ kp.loadUnaligned(fromByteOffset: 80, as: SIMD2<UInt64>.self)
                round(g, h, a, &b, c, d, e, &f, k5[0])
                round(f, g, h, &a, b, c, d, &e, k5[1])
                let k6 = x6 &+ kp.loadUnaligned(fromByteOffset: 96, as: SIMD2<UInt64>.self)
                round(e, f, g, &h, a, b, c, &d, k6[0])
                round(d, e, f, &g, h, a, b, &c, k6[1])
                let k7 = x7 &+ kp.loadUnaligned(fromByteOffset: 112, as: SIMD2<UInt64>.self)
                round(c, d, e, &f, g, h, a, &b, k7[0])
                round(b, c, d, &e, f, g, h, &a, k7[1])

                a &+= state.h0
                b &+= state.h1
                c &+= state.h2
                d &+= state.h3
                e &+= state.h4
                f &+= state.h5
                g &+= state.h6
                h &+= state.h7
                state = State(a, b, c, d, e, f, g, h)
                p += 128
            }
        }
    }
}
