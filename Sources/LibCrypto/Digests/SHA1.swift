#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

/// SHA-1 (FIPS 180-4, section 6.1). Broken for collision resistance; kept for
/// compatibility with existing protocols and formats.
///
/// With SHA-NI (see ``HardwareSupport``) the compression function runs in `LibCryptoASM`;
/// the choice is made when the value is created and copies keep it.
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function. No tables: nothing is indexed by secret data.
public struct SHA1: HashFunction, MerkleDamgard {
    static var lengthSize: Int { 8 }
    static var bigEndianLength: Bool { true }

    /// The block length in bytes.
    public static let blockSize = 64
    /// The output length in bytes.
    public static let digestSize = 20

    /// The chaining value H0...H4 and whether SHA-NI compresses (chosen at creation), the
    /// partial block and the length.
    var buffer: BlockBuffer<(h: (UInt32, UInt32, UInt32, UInt32, UInt32), hardware: Bool), Block64>
    /// SHA-NI compression, chosen at creation.
    var hardware: Bool { buffer.chain.hardware }

    /// A fresh state, ready for the first `update`.
    public init() {
        buffer = BlockBuffer(
            (
                h: (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0),
                hardware: HardwareSupport.selected.contains(.shani)
            ))
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        padAndCompress()
        let h = buffer.chain.h
        var out = (h.0.bigEndian, h.1.bigEndian, h.2.bigEndian, h.3.bigEndian, h.4.bigEndian)
        return withUnsafeBytes(of: &out) { Array($0) }
    }

    /// Compresses `blocks` whole 64-byte blocks at `p` into `chain.h` (`BlockBuffered`).
    static func compress(
        _ chain: inout (h: (UInt32, UInt32, UInt32, UInt32, UInt32), hardware: Bool), _ p: UnsafeRawPointer,
        blocks: Int
    ) {
        #if ASM && canImport(LibCryptoASM)
        if chain.hardware {
            withUnsafeMutableBytes(of: &chain.h) {
                lc_sha1_shani(
                    $0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), blocks)
            }
            return
        }
        #endif
        compress(&chain.h.0, &chain.h.1, &chain.h.2, &chain.h.3, &chain.h.4, p, blocks)
    }

    @inline(__always)
    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }

    @inline(__always)
    private static func ch(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
        e &+= kw &+ (d ^ (b & (c ^ d))) &+ rotl(a, 5)
        b = rotl(b, 30)
    }

    @inline(__always)
    private static func parity(
        _ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32
    ) {
        e &+= kw &+ (b ^ c ^ d) &+ rotl(a, 5)
        b = rotl(b, 30)
    }

    @inline(__always)
    private static func maj(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
        e &+= kw &+ (b & c) &+ (d & (b ^ c)) &+ rotl(a, 5)
        b = rotl(b, 30)
    }

    private typealias V = SIMD4<UInt32>

    /// Lane-wise rotation, written with `&+` (the halves are disjoint) so that LLVM keeps it as
    /// two vector shifts instead of recognising a rotate and scalarising it on SSE2.
    @inline(__always)
    private static func rotl(_ x: V, _ n: UInt32) -> V {
        (x &<< V(repeating: n)) &+ (x &>> V(repeating: 32 &- n))
    }

    /// Four big-endian words at `p + offset`, byte-swapped with SSE2-friendly shifts.
    @inline(__always)
    private static func loadBigEndian(_ p: UnsafeRawPointer, _ offset: Int) -> V {
        let x = p.loadUnaligned(fromByteOffset: offset, as: V.self)
        let t = ((x &<< 8) & V(repeating: 0xff00_ff00)) | ((x &>> 8) & V(repeating: 0x00ff_00ff))
        return rotl(t, 16)
    }

    /// W[i...i+3] for 16 <= i < 32 from W[i-16...i-1] in four vectors of four, oldest first.
    /// W[i+3] needs W[i], computed in the same step: it is taken as zero first and its
    /// contribution, rotl(W[i], 1), XORed in afterwards.
    @inline(__always)
    private static func schedule(_ w0: V, _ w1: V, _ w2: V, _ w3: V) -> V {
        let w14 = V(lowHalf: w0.highHalf, highHalf: w1.lowHalf)
        let t = w0 ^ w14 ^ w2 ^ V(w3[1], w3[2], w3[3], 0)
        let fix = V(0, 0, 0, t[0])
        return rotl(t, 1) ^ rotl(fix, 2)
    }

    /// W[i...i+3] for i >= 32 by the equivalent recurrence
    /// W[i] = rotl(W[i-6] ^ W[i-16] ^ W[i-28] ^ W[i-32], 2), which has no dependency inside a
    /// group of four. Arguments: W[i-32...], W[i-28...], W[i-16...], W[i-8...], W[i-4...].
    @inline(__always)
    private static func schedule32(_ w32: V, _ w28: V, _ w16: V, _ w8: V, _ w4: V) -> V {
        let w6 = V(lowHalf: w8.highHalf, highHalf: w4.lowHalf)
        return rotl(w6 ^ w16 ^ w28 ^ w32, 2)
    }

    /// `p`, hidden from the optimiser (see `compress`).
    @inline(never) @_optimize(none)
    private static func opaque(_ p: UnsafeMutableRawPointer) -> UnsafeRawPointer { UnsafeRawPointer(p) }

    /// Applies the compression function to `blocks` consecutive 64-byte blocks at `p`.
    ///
    /// The message schedule is computed four words at a time in SIMD registers, interleaved
    /// with the rounds twelve rounds ahead of its use (the vector units are otherwise idle),
    /// and W + K goes to a 16-word ring on the stack that the scalar rounds read at constant
    /// offsets, so they need no registers for it. The rounds read the ring through a pointer
    /// LLVM cannot see is the one it stores through; otherwise it forwards the stores and
    /// extracts every word from a vector register (two instructions instead of one folded
    /// load per round).
    static func compress(
        _ h0: inout UInt32, _ h1: inout UInt32, _ h2: inout UInt32, _ h3: inout UInt32,
        _ h4: inout UInt32, _ p: UnsafeRawPointer, _ blocks: Int
    ) {
        var (a, b, c, d, e) = (h0, h1, h2, h3, h4)
        let k0 = V(repeating: 0x5a82_7999)
        let k1 = V(repeating: 0x6ed9_eba1)
        let k2 = V(repeating: 0x8f1b_bcdc)
        let k3 = V(repeating: 0xca62_c1d6)
        var words = (V(), V(), V(), V())
        withUnsafeMutableBytes(of: &words) { buf in
            let ring = buf.baseAddress!
            let w = opaque(ring).assumingMemoryBound(to: UInt32.self)
            var p = p
            for _ in 0..<blocks {
                let x0 = loadBigEndian(p, 0)
                ring.storeBytes(of: x0 &+ k0, toByteOffset: 0, as: V.self)
                let x1 = loadBigEndian(p, 16)
                ring.storeBytes(of: x1 &+ k0, toByteOffset: 16, as: V.self)
                let x2 = loadBigEndian(p, 32)
                ring.storeBytes(of: x2 &+ k0, toByteOffset: 32, as: V.self)
                let x3 = loadBigEndian(p, 48)
                ring.storeBytes(of: x3 &+ k0, toByteOffset: 48, as: V.self)
                ch(a, &b, c, d, &e, w[0])
                ch(e, &a, b, c, &d, w[1])
                ch(d, &e, a, b, &c, w[2])
                ch(c, &d, e, a, &b, w[3])
                let x4 = schedule(x0, x1, x2, x3)
                ring.storeBytes(of: x4 &+ k0, toByteOffset: 0, as: V.self)
                ch(b, &c, d, e, &a, w[4])
                ch(a, &b, c, d, &e, w[5])
                ch(e, &a, b, c, &d, w[6])
                ch(d, &e, a, b, &c, w[7])
                let x5 = schedule(x1, x2, x3, x4)
                ring.storeBytes(of: x5 &+ k1, toByteOffset: 16, as: V.self)
                ch(c, &d, e, a, &b, w[8])
                ch(b, &c, d, e, &a, w[9])
                ch(a, &b, c, d, &e, w[10])
                ch(e, &a, b, c, &d, w[11])
                let x6 = schedule(x2, x3, x4, x5)
                ring.storeBytes(of: x6 &+ k1, toByteOffset: 32, as: V.self)
                ch(d, &e, a, b, &c, w[12])
                ch(c, &d, e, a, &b, w[13])
                ch(b, &c, d, e, &a, w[14])
                ch(a, &b, c, d, &e, w[15])
                let x7 = schedule(x3, x4, x5, x6)
                ring.storeBytes(of: x7 &+ k1, toByteOffset: 48, as: V.self)
                ch(e, &a, b, c, &d, w[0])
                ch(d, &e, a, b, &c, w[1])
                ch(c, &d, e, a, &b, w[2])
                ch(b, &c, d, e, &a, w[3])
                let x8 = schedule32(x0, x1, x4, x6, x7)
                ring.storeBytes(of: x8 &+ k1, toByteOffset: 0, as: V.self)
                parity(a, &b, c, d, &e, w[4])
                parity(e, &a, b, c, &d, w[5])
                parity(d, &e, a, b, &c, w[6])
                parity(c, &d, e, a, &b, w[7])
                let x9 = schedule32(x1, x2, x5, x7, x8)
                ring.storeBytes(of: x9 &+ k1, toByteOffset: 16, as: V.self)
                parity(b, &c, d, e, &a, w[8])
                parity(a, &b, c, d, &e, w[9])
                parity(e, &a, b, c, &d, w[10])
                parity(d, &e, a, b, &c, w[11])
                let x10 = schedule32(x2, x3, x6, x8, x9)
                ring.storeBytes(of: x10 &+ k2, toByteOffset: 32, as: V.self)
                parity(c, &d, e, a, &b, w[12])
                parity(b, &c, d, e, &a, w[13])
                parity(a, &b, c, d, &e, w[14])
                parity(e, &a, b, c, &d, w[15])
                let x11 = schedule32(x3, x4, x7, x9, x10)
                ring.storeBytes(of: x11 &+ k2, toByteOffset: 48, as: V.self)
                parity(d, &e, a, b, &c, w[0])
                parity(c, &d, e, a, &b, w[1])
                parity(b, &c, d, e, &a, w[2])
                parity(a, &b, c, d, &e, w[3])
                let x12 = schedule32(x4, x5, x8, x10, x11)
                ring.storeBytes(of: x12 &+ k2, toByteOffset: 0, as: V.self)
                parity(e, &a, b, c, &d, w[4])
                parity(d, &e, a, b, &c, w[5])
                parity(c, &d, e, a, &b, w[6])
                parity(b, &c, d, e, &a, w[7])
                let x13 = schedule32(x5, x6, x9, x11, x12)
                ring.storeBytes(of: x13 &+ k2, toByteOffset: 16, as: V.self)
                maj(a, &b, c, d, &e, w[8])
                maj(e, &a, b, c, &d, w[9])
                maj(d, &e, a, b, &c, w[10])
                maj(c, &d, e, a, &b, w[11])
                let x14 = schedule32(x6, x7, x10, x12, x13)
                ring.storeBytes(of: x14 &+ k2, toByteOffset: 32, as: V.self)
                maj(b, &c, d, e, &a, w[12])
                maj(a, &b, c, d, &e, w[13])
                maj(e, &a, b, c, &d, w[14])
                maj(d, &e, a, b, &c, w[15])
                let x15 = schedule32(x7, x8, x11, x13, x14)
                ring.storeBytes(of: x15 &+ k3, toByteOffset: 48, as: V.self)
                maj(c, &d, e, a, &b, w[0])
                maj(b, &c, d, e, &a, w[1])
                maj(a, &b, c, d, &e, w[2])
                maj(e, &a, b, c, &d, w[3])
                let x16 = schedule32(x8, x9, x12, x14, x15)
                ring.storeBytes(of: x16 &+ k3, toByteOffset: 0, as: V.self)
                maj(d, &e, a, b, &c, w[4])
                maj(c, &d, e, a, &b, w[5])
                maj(b, &c, d, e, &a, w[6])
                maj(a, &b, c, d, &e, w[7])
                let x17 = schedule32(x9, x10, x13, x15, x16)
                ring.storeBytes(of: x17 &+ k3, toByteOffset: 16, as: V.self)
                maj(e, &a, b, c, &d, w[8])
                maj(d, &e, a, b, &c, w[9])
                maj(c, &d, e, a, &b, w[10])
                maj(b, &c, d, e, &a, w[11])
                let x18 = schedule32(x10, x11, x14, x16, x17)
                ring.storeBytes(of: x18 &+ k3, toByteOffset: 32, as: V.self)
                parity(a, &b, c, d, &e, w[12])
                parity(e, &a, b, c, &d, w[13])
                parity(d, &e, a, b, &c, w[14])
                parity(c, &d, e, a, &b, w[15])
                let x19 = schedule32(x11, x12, x15, x17, x18)
                ring.storeBytes(of: x19 &+ k3, toByteOffset: 48, as: V.self)
                parity(b, &c, d, e, &a, w[0])
                parity(a, &b, c, d, &e, w[1])
                parity(e, &a, b, c, &d, w[2])
                parity(d, &e, a, b, &c, w[3])
                parity(c, &d, e, a, &b, w[4])
                parity(b, &c, d, e, &a, w[5])
                parity(a, &b, c, d, &e, w[6])
                parity(e, &a, b, c, &d, w[7])
                parity(d, &e, a, b, &c, w[8])
                parity(c, &d, e, a, &b, w[9])
                parity(b, &c, d, e, &a, w[10])
                parity(a, &b, c, d, &e, w[11])
                parity(e, &a, b, c, &d, w[12])
                parity(d, &e, a, b, &c, w[13])
                parity(c, &d, e, a, &b, w[14])
                parity(b, &c, d, e, &a, w[15])

                a &+= h0
                b &+= h1
                c &+= h2
                d &+= h3
                e &+= h4
                (h0, h1, h2, h3, h4) = (a, b, c, d, e)
                p += 64
            }
            buf.initializeMemory(as: UInt8.self, repeating: 0)
        }
    }
}
