#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

/// SHA-256, the 256-bit member of the SHA-2 family (FIPS 180-4, section 6.2).
///
/// With SHA-NI (see ``HardwareSupport``) the compression function runs in `LibCryptoASM`;
/// the choice is made when the value is created and copies keep it.
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function (`SHA256.Core` serves SHA-224 too). No tables: nothing is indexed by secret data.
public struct SHA256: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 64
    /// The output length in bytes.
    public static let digestSize = 32

    var core: Core

    /// A fresh state, ready for the first `update`.
    public init() {
        core = Core(
            State(
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19))
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

/// SHA-224 (FIPS 180-4, section 6.3): SHA-256 with its own initial hash value,
/// truncated to 224 bits.
public struct SHA224: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 64
    /// The output length in bytes.
    public static let digestSize = 28

    var core: SHA256.Core

    /// A fresh state, ready for the first `update`.
    public init() {
        core = SHA256.Core(
            SHA256.State(
                0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4))
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

extension SHA256 {
    /// The eight 32-bit working words H0...H7.
    struct State {
        var h0, h1, h2, h3, h4, h5, h6, h7: UInt32

        init(
            _ h0: UInt32, _ h1: UInt32, _ h2: UInt32, _ h3: UInt32,
            _ h4: UInt32, _ h5: UInt32, _ h6: UInt32, _ h7: UInt32
        ) {
            (self.h0, self.h1, self.h2, self.h3) = (h0, h1, h2, h3)
            (self.h4, self.h5, self.h6, self.h7) = (h4, h5, h6, h7)
        }
    }

    /// The streaming engine shared by SHA-224 and SHA-256: chaining state and the pending
    /// block (`MerkleDamgard`).
    struct Core: MerkleDamgard {
        static var blockSize: Int { 64 }
        static var lengthSize: Int { 8 }
        static var bigEndianLength: Bool { true }

        /// The chaining value and whether SHA-NI compresses (chosen at creation), the partial
        /// block and the length.
        var buffer: BlockBuffer<(h: State, hardware: Bool), Block64>
        /// SHA-NI compression, chosen at creation.
        var hardware: Bool { buffer.chain.hardware }

        init(_ state: State) {
            buffer = BlockBuffer((h: state, hardware: HardwareSupport.selected.contains(.shani)))
        }

        @inline(__always)
        static func compress(_ chain: inout (h: State, hardware: Bool), _ p: UnsafeRawPointer, blocks: Int) {
            SHA256.compress(&chain.h, p, blocks, hardware: chain.hardware)
        }

        mutating func update(_ data: UnsafeRawBufferPointer) {
            absorb(data)
        }

        mutating func finalize(outputCount: Int) -> [UInt8] {
            padAndCompress()
            let s = buffer.chain.h
            var out = (
                s.h0.bigEndian, s.h1.bigEndian, s.h2.bigEndian, s.h3.bigEndian,
                s.h4.bigEndian, s.h5.bigEndian, s.h6.bigEndian, s.h7.bigEndian
            )
            return withUnsafeBytes(of: &out) { Array($0.prefix(outputCount)) }
        }
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    @inline(__always)
    private static func sigma0(_ x: UInt32) -> UInt32 {
        rotr(rotr(x, 11) ^ x, 7) ^ (x &>> 3)
    }

    @inline(__always)
    private static func sigma1(_ x: UInt32) -> UInt32 {
        rotr(rotr(x, 2) ^ x, 17) ^ (x &>> 10)
    }

    /// One round, t1 accumulated in `h`. Maj(a, b, c) is b ^ ((a ^ b) & (b ^ c)), where `bc`
    /// carries b ^ c in and a ^ b — the next round's b ^ c — out. (Σ0 and Σ1 stay as three
    /// independent rotations: on the critical path their latency matters more than the
    /// two instructions the nested form would save; σ0 and σ1 are off it and nested.)
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ kw: UInt32, _ bc: inout UInt32
    ) {
        h &+= kw &+ (g ^ (e & (f ^ g))) &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25))
        d &+= h
        let ab = a ^ b
        h &+= (b ^ (ab & bc)) &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22))
        bc = ab
    }

    /// Compresses `blocks` 64-byte blocks with SHA-NI when `hardware`, else in Swift.
    @inline(__always)
    static func compress(_ state: inout State, _ p: UnsafeRawPointer, _ blocks: Int, hardware: Bool) {
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            var s = (state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7)
            withUnsafeMutableBytes(of: &s) {
                lc_sha256_shani(
                    $0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), blocks)
            }
            state = State(s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7)
            return
        }
        #endif
        compress(&state, p, blocks)
    }

    /// Applies the compression function to `blocks` consecutive 64-byte blocks at `p`.
    static func compress(_ state: inout State, _ p: UnsafeRawPointer, _ blocks: Int) {
        var (a, b, c, d) = (state.h0, state.h1, state.h2, state.h3)
        var (e, f, g, h) = (state.h4, state.h5, state.h6, state.h7)
        var p = p
        for _ in 0..<blocks {
            var bc = b ^ c
            var w0 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            var w1 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            var w2 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            var w3 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            var w4 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            var w5 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
            var w6 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
            var w7 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
            var w8 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
            var w9 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
            var w10 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
            var w11 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 44, as: UInt32.self))
            var w12 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 48, as: UInt32.self))
            var w13 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 52, as: UInt32.self))
            var w14 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 56, as: UInt32.self))
            var w15 = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 60, as: UInt32.self))

            round(a, b, c, &d, e, f, g, &h, 0x428a2f98 &+ w0, &bc)
            round(h, a, b, &c, d, e, f, &g, 0x71374491 &+ w1, &bc)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf &+ w2, &bc)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5 &+ w3, &bc)
            round(e, f, g, &h, a, b, c, &d, 0x3956c25b &+ w4, &bc)
            round(d, e, f, &g, h, a, b, &c, 0x59f111f1 &+ w5, &bc)
            round(c, d, e, &f, g, h, a, &b, 0x923f82a4 &+ w6, &bc)
            round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5 &+ w7, &bc)
            round(a, b, c, &d, e, f, g, &h, 0xd807aa98 &+ w8, &bc)
            round(h, a, b, &c, d, e, f, &g, 0x12835b01 &+ w9, &bc)
            round(g, h, a, &b, c, d, e, &f, 0x243185be &+ w10, &bc)
            round(f, g, h, &a, b, c, d, &e, 0x550c7dc3 &+ w11, &bc)
            round(e, f, g, &h, a, b, c, &d, 0x72be5d74 &+ w12, &bc)
            round(d, e, f, &g, h, a, b, &c, 0x80deb1fe &+ w13, &bc)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7 &+ w14, &bc)
            round(b, c, d, &e, f, g, h, &a, 0xc19bf174 &+ w15, &bc)
            w0 = sigma1(w14) &+ w9 &+ sigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, 0xe49b69c1 &+ w0, &bc)
            w1 = sigma1(w15) &+ w10 &+ sigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, 0xefbe4786 &+ w1, &bc)
            w2 = sigma1(w0) &+ w11 &+ sigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6 &+ w2, &bc)
            w3 = sigma1(w1) &+ w12 &+ sigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, 0x240ca1cc &+ w3, &bc)
            w4 = sigma1(w2) &+ w13 &+ sigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, 0x2de92c6f &+ w4, &bc)
            w5 = sigma1(w3) &+ w14 &+ sigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, 0x4a7484aa &+ w5, &bc)
            w6 = sigma1(w4) &+ w15 &+ sigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc &+ w6, &bc)
            w7 = sigma1(w5) &+ w0 &+ sigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, 0x76f988da &+ w7, &bc)
            w8 = sigma1(w6) &+ w1 &+ sigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, 0x983e5152 &+ w8, &bc)
            w9 = sigma1(w7) &+ w2 &+ sigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, 0xa831c66d &+ w9, &bc)
            w10 = sigma1(w8) &+ w3 &+ sigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, 0xb00327c8 &+ w10, &bc)
            w11 = sigma1(w9) &+ w4 &+ sigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, 0xbf597fc7 &+ w11, &bc)
            w12 = sigma1(w10) &+ w5 &+ sigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3 &+ w12, &bc)
            w13 = sigma1(w11) &+ w6 &+ sigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, 0xd5a79147 &+ w13, &bc)
            w14 = sigma1(w12) &+ w7 &+ sigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, 0x06ca6351 &+ w14, &bc)
            w15 = sigma1(w13) &+ w8 &+ sigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, 0x14292967 &+ w15, &bc)
            w0 = sigma1(w14) &+ w9 &+ sigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, 0x27b70a85 &+ w0, &bc)
            w1 = sigma1(w15) &+ w10 &+ sigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, 0x2e1b2138 &+ w1, &bc)
            w2 = sigma1(w0) &+ w11 &+ sigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc &+ w2, &bc)
            w3 = sigma1(w1) &+ w12 &+ sigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, 0x53380d13 &+ w3, &bc)
            w4 = sigma1(w2) &+ w13 &+ sigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, 0x650a7354 &+ w4, &bc)
            w5 = sigma1(w3) &+ w14 &+ sigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, 0x766a0abb &+ w5, &bc)
            w6 = sigma1(w4) &+ w15 &+ sigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, 0x81c2c92e &+ w6, &bc)
            w7 = sigma1(w5) &+ w0 &+ sigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, 0x92722c85 &+ w7, &bc)
            w8 = sigma1(w6) &+ w1 &+ sigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1 &+ w8, &bc)
            w9 = sigma1(w7) &+ w2 &+ sigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, 0xa81a664b &+ w9, &bc)
            w10 = sigma1(w8) &+ w3 &+ sigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, 0xc24b8b70 &+ w10, &bc)
            w11 = sigma1(w9) &+ w4 &+ sigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, 0xc76c51a3 &+ w11, &bc)
            w12 = sigma1(w10) &+ w5 &+ sigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, 0xd192e819 &+ w12, &bc)
            w13 = sigma1(w11) &+ w6 &+ sigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, 0xd6990624 &+ w13, &bc)
            w14 = sigma1(w12) &+ w7 &+ sigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, 0xf40e3585 &+ w14, &bc)
            w15 = sigma1(w13) &+ w8 &+ sigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, 0x106aa070 &+ w15, &bc)
            w0 = sigma1(w14) &+ w9 &+ sigma0(w1) &+ w0
            round(a, b, c, &d, e, f, g, &h, 0x19a4c116 &+ w0, &bc)
            w1 = sigma1(w15) &+ w10 &+ sigma0(w2) &+ w1
            round(h, a, b, &c, d, e, f, &g, 0x1e376c08 &+ w1, &bc)
            w2 = sigma1(w0) &+ w11 &+ sigma0(w3) &+ w2
            round(g, h, a, &b, c, d, e, &f, 0x2748774c &+ w2, &bc)
            w3 = sigma1(w1) &+ w12 &+ sigma0(w4) &+ w3
            round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5 &+ w3, &bc)
            w4 = sigma1(w2) &+ w13 &+ sigma0(w5) &+ w4
            round(e, f, g, &h, a, b, c, &d, 0x391c0cb3 &+ w4, &bc)
            w5 = sigma1(w3) &+ w14 &+ sigma0(w6) &+ w5
            round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a &+ w5, &bc)
            w6 = sigma1(w4) &+ w15 &+ sigma0(w7) &+ w6
            round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f &+ w6, &bc)
            w7 = sigma1(w5) &+ w0 &+ sigma0(w8) &+ w7
            round(b, c, d, &e, f, g, h, &a, 0x682e6ff3 &+ w7, &bc)
            w8 = sigma1(w6) &+ w1 &+ sigma0(w9) &+ w8
            round(a, b, c, &d, e, f, g, &h, 0x748f82ee &+ w8, &bc)
            w9 = sigma1(w7) &+ w2 &+ sigma0(w10) &+ w9
            round(h, a, b, &c, d, e, f, &g, 0x78a5636f &+ w9, &bc)
            w10 = sigma1(w8) &+ w3 &+ sigma0(w11) &+ w10
            round(g, h, a, &b, c, d, e, &f, 0x84c87814 &+ w10, &bc)
            w11 = sigma1(w9) &+ w4 &+ sigma0(w12) &+ w11
            round(f, g, h, &a, b, c, d, &e, 0x8cc70208 &+ w11, &bc)
            w12 = sigma1(w10) &+ w5 &+ sigma0(w13) &+ w12
            round(e, f, g, &h, a, b, c, &d, 0x90befffa &+ w12, &bc)
            w13 = sigma1(w11) &+ w6 &+ sigma0(w14) &+ w13
            round(d, e, f, &g, h, a, b, &c, 0xa4506ceb &+ w13, &bc)
            w14 = sigma1(w12) &+ w7 &+ sigma0(w15) &+ w14
            round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7 &+ w14, &bc)
            w15 = sigma1(w13) &+ w8 &+ sigma0(w0) &+ w15
            round(b, c, d, &e, f, g, h, &a, 0xc67178f2 &+ w15, &bc)

            a &+= state.h0
            b &+= state.h1
            c &+= state.h2
            d &+= state.h3
            e &+= state.h4
            f &+= state.h5
            g &+= state.h6
            h &+= state.h7
            state = State(a, b, c, d, e, f, g, h)
            p += 64
        }
    }
}
