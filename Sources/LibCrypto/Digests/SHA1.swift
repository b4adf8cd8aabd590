#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

/// SHA-1 (FIPS 180-4, section 6.1). Broken for collision resistance; kept for
/// compatibility with existing protocols and formats.
///
/// With SHA-NI (see ``HardwareSupport``) the compression function runs in `LibCryptoASM`;
/// the choice is made when the value is created and copies keep it.
public struct SHA1: HashFunction {
    public static let blockSize = 64
    public static let digestSize = 20

    var h0: UInt32 = 0x67452301
    var h1: UInt32 = 0xefcdab89
    var h2: UInt32 = 0x98badcfe
    var h3: UInt32 = 0x10325476
    var h4: UInt32 = 0xc3d2e1f0
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    var buffered = 0
    var byteCount: UInt64 = 0
    /// SHA-NI compression, chosen at creation.
    let hardware: Bool

    public init() {
        hardware = HardwareSupport.selected.contains(.shani)
    }

    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        var n = data.count
        byteCount &+= UInt64(truncatingIfNeeded: n)
        if buffered > 0 {
            let take = min(64 - buffered, n)
            let offset = buffered
            withUnsafeMutableBytes(of: &buffer) { b in
                (b.baseAddress! + offset).copyMemory(from: p, byteCount: take)
            }
            buffered += take
            p += take
            n -= take
            if buffered < 64 { return }
            compressBuffer()
            buffered = 0
        }
        let blocks = n >> 6
        if blocks > 0 {
            compressBlocks(p, blocks)
            p += blocks << 6
            n &= 63
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &buffer) { b in
                b.baseAddress!.copyMemory(from: p, byteCount: n)
            }
            buffered = n
        }
    }

    public mutating func finalize() -> [UInt8] {
        let bitCount = byteCount &<< 3
        let used = buffered
        withUnsafeMutableBytes(of: &buffer) { b in
            b[used] = 0x80
            for i in (used + 1)..<64 { b[i] = 0 }
        }
        if used >= 56 {
            compressBuffer()
            buffer = (0, 0, 0, 0, 0, 0, 0, 0)
        }
        buffer.7 = bitCount.bigEndian
        compressBuffer()
        buffered = 0
        var out = (h0.bigEndian, h1.bigEndian, h2.bigEndian, h3.bigEndian, h4.bigEndian)
        return withUnsafeBytes(of: &out) { Array($0) }
    }

    private mutating func compressBuffer() {
        var b = buffer
        withUnsafeBytes(of: &b) { compressBlocks($0.baseAddress!, 1) }
    }

    @inline(__always)
    private mutating func compressBlocks(_ p: UnsafeRawPointer, _ blocks: Int) {
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            var s = (h0, h1, h2, h3, h4)
            withUnsafeMutableBytes(of: &s) {
                lc_sha1_shani($0.baseAddress!.assumingMemoryBound(to: UInt32.self), p.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (h0, h1, h2, h3, h4) = s
            return
        }
        #endif
        Self.compress(&h0, &h1, &h2, &h3, &h4, p, blocks)
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
    private static func parity(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
        e &+= kw &+ (b ^ c ^ d) &+ rotl(a, 5)
        b = rotl(b, 30)
    }

    @inline(__always)
    private static func maj(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
        e &+= kw &+ (b & c) &+ (d & (b ^ c)) &+ rotl(a, 5)
        b = rotl(b, 30)
    }

    /// Applies the compression function to `blocks` consecutive 64-byte blocks at `p`.
    static func compress(_ h0: inout UInt32, _ h1: inout UInt32, _ h2: inout UInt32, _ h3: inout UInt32,
                         _ h4: inout UInt32, _ p: UnsafeRawPointer, _ blocks: Int) {
        var (a, b, c, d, e) = (h0, h1, h2, h3, h4)
        var p = p
        for _ in 0..<blocks {
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

            ch(a, &b, c, d, &e, w0 &+ 0x5a827999)
            ch(e, &a, b, c, &d, w1 &+ 0x5a827999)
            ch(d, &e, a, b, &c, w2 &+ 0x5a827999)
            ch(c, &d, e, a, &b, w3 &+ 0x5a827999)
            ch(b, &c, d, e, &a, w4 &+ 0x5a827999)
            ch(a, &b, c, d, &e, w5 &+ 0x5a827999)
            ch(e, &a, b, c, &d, w6 &+ 0x5a827999)
            ch(d, &e, a, b, &c, w7 &+ 0x5a827999)
            ch(c, &d, e, a, &b, w8 &+ 0x5a827999)
            ch(b, &c, d, e, &a, w9 &+ 0x5a827999)
            ch(a, &b, c, d, &e, w10 &+ 0x5a827999)
            ch(e, &a, b, c, &d, w11 &+ 0x5a827999)
            ch(d, &e, a, b, &c, w12 &+ 0x5a827999)
            ch(c, &d, e, a, &b, w13 &+ 0x5a827999)
            ch(b, &c, d, e, &a, w14 &+ 0x5a827999)
            ch(a, &b, c, d, &e, w15 &+ 0x5a827999)
            w0 = rotl(w13 ^ w8 ^ w2 ^ w0, 1)
            ch(e, &a, b, c, &d, w0 &+ 0x5a827999)
            w1 = rotl(w14 ^ w9 ^ w3 ^ w1, 1)
            ch(d, &e, a, b, &c, w1 &+ 0x5a827999)
            w2 = rotl(w15 ^ w10 ^ w4 ^ w2, 1)
            ch(c, &d, e, a, &b, w2 &+ 0x5a827999)
            w3 = rotl(w0 ^ w11 ^ w5 ^ w3, 1)
            ch(b, &c, d, e, &a, w3 &+ 0x5a827999)
            w4 = rotl(w1 ^ w12 ^ w6 ^ w4, 1)
            parity(a, &b, c, d, &e, w4 &+ 0x6ed9eba1)
            w5 = rotl(w2 ^ w13 ^ w7 ^ w5, 1)
            parity(e, &a, b, c, &d, w5 &+ 0x6ed9eba1)
            w6 = rotl(w3 ^ w14 ^ w8 ^ w6, 1)
            parity(d, &e, a, b, &c, w6 &+ 0x6ed9eba1)
            w7 = rotl(w4 ^ w15 ^ w9 ^ w7, 1)
            parity(c, &d, e, a, &b, w7 &+ 0x6ed9eba1)
            w8 = rotl(w5 ^ w0 ^ w10 ^ w8, 1)
            parity(b, &c, d, e, &a, w8 &+ 0x6ed9eba1)
            w9 = rotl(w6 ^ w1 ^ w11 ^ w9, 1)
            parity(a, &b, c, d, &e, w9 &+ 0x6ed9eba1)
            w10 = rotl(w7 ^ w2 ^ w12 ^ w10, 1)
            parity(e, &a, b, c, &d, w10 &+ 0x6ed9eba1)
            w11 = rotl(w8 ^ w3 ^ w13 ^ w11, 1)
            parity(d, &e, a, b, &c, w11 &+ 0x6ed9eba1)
            w12 = rotl(w9 ^ w4 ^ w14 ^ w12, 1)
            parity(c, &d, e, a, &b, w12 &+ 0x6ed9eba1)
            w13 = rotl(w10 ^ w5 ^ w15 ^ w13, 1)
            parity(b, &c, d, e, &a, w13 &+ 0x6ed9eba1)
            w14 = rotl(w11 ^ w6 ^ w0 ^ w14, 1)
            parity(a, &b, c, d, &e, w14 &+ 0x6ed9eba1)
            w15 = rotl(w12 ^ w7 ^ w1 ^ w15, 1)
            parity(e, &a, b, c, &d, w15 &+ 0x6ed9eba1)
            w0 = rotl(w13 ^ w8 ^ w2 ^ w0, 1)
            parity(d, &e, a, b, &c, w0 &+ 0x6ed9eba1)
            w1 = rotl(w14 ^ w9 ^ w3 ^ w1, 1)
            parity(c, &d, e, a, &b, w1 &+ 0x6ed9eba1)
            w2 = rotl(w15 ^ w10 ^ w4 ^ w2, 1)
            parity(b, &c, d, e, &a, w2 &+ 0x6ed9eba1)
            w3 = rotl(w0 ^ w11 ^ w5 ^ w3, 1)
            parity(a, &b, c, d, &e, w3 &+ 0x6ed9eba1)
            w4 = rotl(w1 ^ w12 ^ w6 ^ w4, 1)
            parity(e, &a, b, c, &d, w4 &+ 0x6ed9eba1)
            w5 = rotl(w2 ^ w13 ^ w7 ^ w5, 1)
            parity(d, &e, a, b, &c, w5 &+ 0x6ed9eba1)
            w6 = rotl(w3 ^ w14 ^ w8 ^ w6, 1)
            parity(c, &d, e, a, &b, w6 &+ 0x6ed9eba1)
            w7 = rotl(w4 ^ w15 ^ w9 ^ w7, 1)
            parity(b, &c, d, e, &a, w7 &+ 0x6ed9eba1)
            w8 = rotl(w5 ^ w0 ^ w10 ^ w8, 1)
            maj(a, &b, c, d, &e, w8 &+ 0x8f1bbcdc)
            w9 = rotl(w6 ^ w1 ^ w11 ^ w9, 1)
            maj(e, &a, b, c, &d, w9 &+ 0x8f1bbcdc)
            w10 = rotl(w7 ^ w2 ^ w12 ^ w10, 1)
            maj(d, &e, a, b, &c, w10 &+ 0x8f1bbcdc)
            w11 = rotl(w8 ^ w3 ^ w13 ^ w11, 1)
            maj(c, &d, e, a, &b, w11 &+ 0x8f1bbcdc)
            w12 = rotl(w9 ^ w4 ^ w14 ^ w12, 1)
            maj(b, &c, d, e, &a, w12 &+ 0x8f1bbcdc)
            w13 = rotl(w10 ^ w5 ^ w15 ^ w13, 1)
            maj(a, &b, c, d, &e, w13 &+ 0x8f1bbcdc)
            w14 = rotl(w11 ^ w6 ^ w0 ^ w14, 1)
            maj(e, &a, b, c, &d, w14 &+ 0x8f1bbcdc)
            w15 = rotl(w12 ^ w7 ^ w1 ^ w15, 1)
            maj(d, &e, a, b, &c, w15 &+ 0x8f1bbcdc)
            w0 = rotl(w13 ^ w8 ^ w2 ^ w0, 1)
            maj(c, &d, e, a, &b, w0 &+ 0x8f1bbcdc)
            w1 = rotl(w14 ^ w9 ^ w3 ^ w1, 1)
            maj(b, &c, d, e, &a, w1 &+ 0x8f1bbcdc)
            w2 = rotl(w15 ^ w10 ^ w4 ^ w2, 1)
            maj(a, &b, c, d, &e, w2 &+ 0x8f1bbcdc)
            w3 = rotl(w0 ^ w11 ^ w5 ^ w3, 1)
            maj(e, &a, b, c, &d, w3 &+ 0x8f1bbcdc)
            w4 = rotl(w1 ^ w12 ^ w6 ^ w4, 1)
            maj(d, &e, a, b, &c, w4 &+ 0x8f1bbcdc)
            w5 = rotl(w2 ^ w13 ^ w7 ^ w5, 1)
            maj(c, &d, e, a, &b, w5 &+ 0x8f1bbcdc)
            w6 = rotl(w3 ^ w14 ^ w8 ^ w6, 1)
            maj(b, &c, d, e, &a, w6 &+ 0x8f1bbcdc)
            w7 = rotl(w4 ^ w15 ^ w9 ^ w7, 1)
            maj(a, &b, c, d, &e, w7 &+ 0x8f1bbcdc)
            w8 = rotl(w5 ^ w0 ^ w10 ^ w8, 1)
            maj(e, &a, b, c, &d, w8 &+ 0x8f1bbcdc)
            w9 = rotl(w6 ^ w1 ^ w11 ^ w9, 1)
            maj(d, &e, a, b, &c, w9 &+ 0x8f1bbcdc)
            w10 = rotl(w7 ^ w2 ^ w12 ^ w10, 1)
            maj(c, &d, e, a, &b, w10 &+ 0x8f1bbcdc)
            w11 = rotl(w8 ^ w3 ^ w13 ^ w11, 1)
            maj(b, &c, d, e, &a, w11 &+ 0x8f1bbcdc)
            w12 = rotl(w9 ^ w4 ^ w14 ^ w12, 1)
            parity(a, &b, c, d, &e, w12 &+ 0xca62c1d6)
            w13 = rotl(w10 ^ w5 ^ w15 ^ w13, 1)
            parity(e, &a, b, c, &d, w13 &+ 0xca62c1d6)
            w14 = rotl(w11 ^ w6 ^ w0 ^ w14, 1)
            parity(d, &e, a, b, &c, w14 &+ 0xca62c1d6)
            w15 = rotl(w12 ^ w7 ^ w1 ^ w15, 1)
            parity(c, &d, e, a, &b, w15 &+ 0xca62c1d6)
            w0 = rotl(w13 ^ w8 ^ w2 ^ w0, 1)
            parity(b, &c, d, e, &a, w0 &+ 0xca62c1d6)
            w1 = rotl(w14 ^ w9 ^ w3 ^ w1, 1)
            parity(a, &b, c, d, &e, w1 &+ 0xca62c1d6)
            w2 = rotl(w15 ^ w10 ^ w4 ^ w2, 1)
            parity(e, &a, b, c, &d, w2 &+ 0xca62c1d6)
            w3 = rotl(w0 ^ w11 ^ w5 ^ w3, 1)
            parity(d, &e, a, b, &c, w3 &+ 0xca62c1d6)
            w4 = rotl(w1 ^ w12 ^ w6 ^ w4, 1)
            parity(c, &d, e, a, &b, w4 &+ 0xca62c1d6)
            w5 = rotl(w2 ^ w13 ^ w7 ^ w5, 1)
            parity(b, &c, d, e, &a, w5 &+ 0xca62c1d6)
            w6 = rotl(w3 ^ w14 ^ w8 ^ w6, 1)
            parity(a, &b, c, d, &e, w6 &+ 0xca62c1d6)
            w7 = rotl(w4 ^ w15 ^ w9 ^ w7, 1)
            parity(e, &a, b, c, &d, w7 &+ 0xca62c1d6)
            w8 = rotl(w5 ^ w0 ^ w10 ^ w8, 1)
            parity(d, &e, a, b, &c, w8 &+ 0xca62c1d6)
            w9 = rotl(w6 ^ w1 ^ w11 ^ w9, 1)
            parity(c, &d, e, a, &b, w9 &+ 0xca62c1d6)
            w10 = rotl(w7 ^ w2 ^ w12 ^ w10, 1)
            parity(b, &c, d, e, &a, w10 &+ 0xca62c1d6)
            w11 = rotl(w8 ^ w3 ^ w13 ^ w11, 1)
            parity(a, &b, c, d, &e, w11 &+ 0xca62c1d6)
            w12 = rotl(w9 ^ w4 ^ w14 ^ w12, 1)
            parity(e, &a, b, c, &d, w12 &+ 0xca62c1d6)
            w13 = rotl(w10 ^ w5 ^ w15 ^ w13, 1)
            parity(d, &e, a, b, &c, w13 &+ 0xca62c1d6)
            w14 = rotl(w11 ^ w6 ^ w0 ^ w14, 1)
            parity(c, &d, e, a, &b, w14 &+ 0xca62c1d6)
            w15 = rotl(w12 ^ w7 ^ w1 ^ w15, 1)
            parity(b, &c, d, e, &a, w15 &+ 0xca62c1d6)

            a &+= h0; b &+= h1; c &+= h2; d &+= h3; e &+= h4
            (h0, h1, h2, h3, h4) = (a, b, c, d, e)
            p += 64
        }
    }
}
