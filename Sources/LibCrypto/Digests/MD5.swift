/// MD5 (RFC 1321). Broken for collision resistance; kept for compatibility with
/// existing protocols and formats.
public struct MD5: HashFunction {
    public static let blockSize = 64
    public static let digestSize = 16

    var h0: UInt32 = 0x67452301
    var h1: UInt32 = 0xefcdab89
    var h2: UInt32 = 0x98badcfe
    var h3: UInt32 = 0x10325476
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    var buffered = 0
    var byteCount: UInt64 = 0

    public init() {}

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
            Self.compress(&h0, &h1, &h2, &h3, p, blocks)
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
        buffer.7 = bitCount.littleEndian
        compressBuffer()
        buffered = 0
        var out = (h0.littleEndian, h1.littleEndian, h2.littleEndian, h3.littleEndian)
        return withUnsafeBytes(of: &out) { Array($0) }
    }

    private mutating func compressBuffer() {
        var s = (h0, h1, h2, h3)
        withUnsafeBytes(of: &buffer) { Self.compress(&s.0, &s.1, &s.2, &s.3, $0.baseAddress!, 1) }
        (h0, h1, h2, h3) = s
    }

    @inline(__always)
    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }

    @inline(__always)
    private static func f(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (d ^ (b & (c ^ d))) &+ xk, s)
    }

    @inline(__always)
    private static func g(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (c ^ (d & (b ^ c))) &+ xk, s)
    }

    @inline(__always)
    private static func h(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (b ^ c ^ d) &+ xk, s)
    }

    @inline(__always)
    private static func i(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (c ^ (b | ~d)) &+ xk, s)
    }

    /// Applies the compression function to `blocks` consecutive 64-byte blocks at `p`.
    static func compress(_ h0: inout UInt32, _ h1: inout UInt32, _ h2: inout UInt32, _ h3: inout UInt32,
                         _ p: UnsafeRawPointer, _ blocks: Int) {
        var (a, b, c, d) = (h0, h1, h2, h3)
        var p = p
        for _ in 0..<blocks {
            let x0 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let x1 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            let x2 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            let x3 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            let x4 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
            let x5 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
            let x6 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
            let x7 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
            let x8 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
            let x9 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
            let x10 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 40, as: UInt32.self))
            let x11 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 44, as: UInt32.self))
            let x12 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 48, as: UInt32.self))
            let x13 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 52, as: UInt32.self))
            let x14 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 56, as: UInt32.self))
            let x15 = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 60, as: UInt32.self))

            f(&a, b, c, d, x0 &+ 0xd76aa478, 7)
            f(&d, a, b, c, x1 &+ 0xe8c7b756, 12)
            f(&c, d, a, b, x2 &+ 0x242070db, 17)
            f(&b, c, d, a, x3 &+ 0xc1bdceee, 22)
            f(&a, b, c, d, x4 &+ 0xf57c0faf, 7)
            f(&d, a, b, c, x5 &+ 0x4787c62a, 12)
            f(&c, d, a, b, x6 &+ 0xa8304613, 17)
            f(&b, c, d, a, x7 &+ 0xfd469501, 22)
            f(&a, b, c, d, x8 &+ 0x698098d8, 7)
            f(&d, a, b, c, x9 &+ 0x8b44f7af, 12)
            f(&c, d, a, b, x10 &+ 0xffff5bb1, 17)
            f(&b, c, d, a, x11 &+ 0x895cd7be, 22)
            f(&a, b, c, d, x12 &+ 0x6b901122, 7)
            f(&d, a, b, c, x13 &+ 0xfd987193, 12)
            f(&c, d, a, b, x14 &+ 0xa679438e, 17)
            f(&b, c, d, a, x15 &+ 0x49b40821, 22)
            g(&a, b, c, d, x1 &+ 0xf61e2562, 5)
            g(&d, a, b, c, x6 &+ 0xc040b340, 9)
            g(&c, d, a, b, x11 &+ 0x265e5a51, 14)
            g(&b, c, d, a, x0 &+ 0xe9b6c7aa, 20)
            g(&a, b, c, d, x5 &+ 0xd62f105d, 5)
            g(&d, a, b, c, x10 &+ 0x02441453, 9)
            g(&c, d, a, b, x15 &+ 0xd8a1e681, 14)
            g(&b, c, d, a, x4 &+ 0xe7d3fbc8, 20)
            g(&a, b, c, d, x9 &+ 0x21e1cde6, 5)
            g(&d, a, b, c, x14 &+ 0xc33707d6, 9)
            g(&c, d, a, b, x3 &+ 0xf4d50d87, 14)
            g(&b, c, d, a, x8 &+ 0x455a14ed, 20)
            g(&a, b, c, d, x13 &+ 0xa9e3e905, 5)
            g(&d, a, b, c, x2 &+ 0xfcefa3f8, 9)
            g(&c, d, a, b, x7 &+ 0x676f02d9, 14)
            g(&b, c, d, a, x12 &+ 0x8d2a4c8a, 20)
            h(&a, b, c, d, x5 &+ 0xfffa3942, 4)
            h(&d, a, b, c, x8 &+ 0x8771f681, 11)
            h(&c, d, a, b, x11 &+ 0x6d9d6122, 16)
            h(&b, c, d, a, x14 &+ 0xfde5380c, 23)
            h(&a, b, c, d, x1 &+ 0xa4beea44, 4)
            h(&d, a, b, c, x4 &+ 0x4bdecfa9, 11)
            h(&c, d, a, b, x7 &+ 0xf6bb4b60, 16)
            h(&b, c, d, a, x10 &+ 0xbebfbc70, 23)
            h(&a, b, c, d, x13 &+ 0x289b7ec6, 4)
            h(&d, a, b, c, x0 &+ 0xeaa127fa, 11)
            h(&c, d, a, b, x3 &+ 0xd4ef3085, 16)
            h(&b, c, d, a, x6 &+ 0x04881d05, 23)
            h(&a, b, c, d, x9 &+ 0xd9d4d039, 4)
            h(&d, a, b, c, x12 &+ 0xe6db99e5, 11)
            h(&c, d, a, b, x15 &+ 0x1fa27cf8, 16)
            h(&b, c, d, a, x2 &+ 0xc4ac5665, 23)
            i(&a, b, c, d, x0 &+ 0xf4292244, 6)
            i(&d, a, b, c, x7 &+ 0x432aff97, 10)
            i(&c, d, a, b, x14 &+ 0xab9423a7, 15)
            i(&b, c, d, a, x5 &+ 0xfc93a039, 21)
            i(&a, b, c, d, x12 &+ 0x655b59c3, 6)
            i(&d, a, b, c, x3 &+ 0x8f0ccc92, 10)
            i(&c, d, a, b, x10 &+ 0xffeff47d, 15)
            i(&b, c, d, a, x1 &+ 0x85845dd1, 21)
            i(&a, b, c, d, x8 &+ 0x6fa87e4f, 6)
            i(&d, a, b, c, x15 &+ 0xfe2ce6e0, 10)
            i(&c, d, a, b, x6 &+ 0xa3014314, 15)
            i(&b, c, d, a, x13 &+ 0x4e0811a1, 21)
            i(&a, b, c, d, x4 &+ 0xf7537e82, 6)
            i(&d, a, b, c, x11 &+ 0xbd3af235, 10)
            i(&c, d, a, b, x2 &+ 0x2ad7d2bb, 15)
            i(&b, c, d, a, x9 &+ 0xeb86d391, 21)

            a &+= h0; b &+= h1; c &+= h2; d &+= h3
            (h0, h1, h2, h3) = (a, b, c, d)
            p += 64
        }
    }
}
