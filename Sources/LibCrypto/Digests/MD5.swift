/// MD5 (RFC 1321). Broken for collision resistance; kept for compatibility with
/// existing protocols and formats.
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function. No secret-indexed tables (the only table holds the round constants, read by
/// round number).
public struct MD5: HashFunction, MerkleDamgard {
    static var lengthSize: Int { 8 }
    static var bigEndianLength: Bool { false }

    /// The block length in bytes.
    public static let blockSize = 64
    /// The output length in bytes.
    public static let digestSize = 16

    /// The chaining value (A, B, C, D), the partial block and the length.
    var buffer = BlockBuffer<(UInt32, UInt32, UInt32, UInt32), Block64>(
        (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476))

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        padAndCompress()
        let h = buffer.chain
        var out = (h.0.littleEndian, h.1.littleEndian, h.2.littleEndian, h.3.littleEndian)
        return withUnsafeBytes(of: &out) { Array($0) }
    }

    /// Compresses `blocks` whole 64-byte blocks at `p` into `h` (`BlockBuffered`).
    static func compress(_ h: inout (UInt32, UInt32, UInt32, UInt32), _ p: UnsafeRawPointer, blocks: Int) {
        compress(&h.0, &h.1, &h.2, &h.3, p, blocks)
    }

    @inline(__always)
    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }

    @inline(__always)
    private static func f(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (d ^ (b & (c ^ d))) &+ xk, s)
    }

    /// G(b, c, d) = (b & d) | (c & ~d), whose two terms have no bits in common, so it is
    /// added as two terms: only `b & d` waits for the newest word.
    @inline(__always)
    private static func g(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl((a &+ xk &+ (c & ~d)) &+ (b & d), s)
    }

    @inline(__always)
    private static func h(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (b ^ c ^ d) &+ xk, s)
    }

    @inline(__always)
    private static func i(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = b &+ rotl(a &+ (c ^ (b | ~d)) &+ xk, s)
    }

    /// The 64 additive constants T[i] = floor(2^32 * abs(sin(i + 1))) (RFC 1321, section 3.4).
    ///
    /// Read from memory rather than written as literals: LLVM moves a literal addend to the
    /// end of each round's sum, after F/G/H/I, which puts one more add on the dependency chain
    /// between rounds. Loaded, `x + T[i]` is summed with `a` before the round function is ready.
    /// The table is copied at first use so that the optimiser cannot fold it back into literals.
    static let t: [UInt32] = {
        var table = [UInt32]()
        table.reserveCapacity(64)
        for v in tLiteral { table.append(v) }
        return table
    }()

    private static let tLiteral: [UInt32] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]

    /// Applies the compression function to `blocks` consecutive 64-byte blocks at `p`.
    static func compress(
        _ h0: inout UInt32, _ h1: inout UInt32, _ h2: inout UInt32, _ h3: inout UInt32,
        _ p: UnsafeRawPointer, _ blocks: Int
    ) {
        t.withUnsafeBufferPointer { k in
            compress(&h0, &h1, &h2, &h3, p, blocks, k.baseAddress!)
        }
    }

    @inline(__always)
    private static func compress(
        _ h0: inout UInt32, _ h1: inout UInt32, _ h2: inout UInt32, _ h3: inout UInt32,
        _ p: UnsafeRawPointer, _ blocks: Int, _ k: UnsafePointer<UInt32>
    ) {
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

            f(&a, b, c, d, x0 &+ k[0], 7)
            f(&d, a, b, c, x1 &+ k[1], 12)
            f(&c, d, a, b, x2 &+ k[2], 17)
            f(&b, c, d, a, x3 &+ k[3], 22)
            f(&a, b, c, d, x4 &+ k[4], 7)
            f(&d, a, b, c, x5 &+ k[5], 12)
            f(&c, d, a, b, x6 &+ k[6], 17)
            f(&b, c, d, a, x7 &+ k[7], 22)
            f(&a, b, c, d, x8 &+ k[8], 7)
            f(&d, a, b, c, x9 &+ k[9], 12)
            f(&c, d, a, b, x10 &+ k[10], 17)
            f(&b, c, d, a, x11 &+ k[11], 22)
            f(&a, b, c, d, x12 &+ k[12], 7)
            f(&d, a, b, c, x13 &+ k[13], 12)
            f(&c, d, a, b, x14 &+ k[14], 17)
            f(&b, c, d, a, x15 &+ k[15], 22)
            g(&a, b, c, d, x1 &+ k[16], 5)
            g(&d, a, b, c, x6 &+ k[17], 9)
            g(&c, d, a, b, x11 &+ k[18], 14)
            g(&b, c, d, a, x0 &+ k[19], 20)
            g(&a, b, c, d, x5 &+ k[20], 5)
            g(&d, a, b, c, x10 &+ k[21], 9)
            g(&c, d, a, b, x15 &+ k[22], 14)
            g(&b, c, d, a, x4 &+ k[23], 20)
            g(&a, b, c, d, x9 &+ k[24], 5)
            g(&d, a, b, c, x14 &+ k[25], 9)
            g(&c, d, a, b, x3 &+ k[26], 14)
            g(&b, c, d, a, x8 &+ k[27], 20)
            g(&a, b, c, d, x13 &+ k[28], 5)
            g(&d, a, b, c, x2 &+ k[29], 9)
            g(&c, d, a, b, x7 &+ k[30], 14)
            g(&b, c, d, a, x12 &+ k[31], 20)
            h(&a, b, c, d, x5 &+ k[32], 4)
            h(&d, a, b, c, x8 &+ k[33], 11)
            h(&c, d, a, b, x11 &+ k[34], 16)
            h(&b, c, d, a, x14 &+ k[35], 23)
            h(&a, b, c, d, x1 &+ k[36], 4)
            h(&d, a, b, c, x4 &+ k[37], 11)
            h(&c, d, a, b, x7 &+ k[38], 16)
            h(&b, c, d, a, x10 &+ k[39], 23)
            h(&a, b, c, d, x13 &+ k[40], 4)
            h(&d, a, b, c, x0 &+ k[41], 11)
            h(&c, d, a, b, x3 &+ k[42], 16)
            h(&b, c, d, a, x6 &+ k[43], 23)
            h(&a, b, c, d, x9 &+ k[44], 4)
            h(&d, a, b, c, x12 &+ k[45], 11)
            h(&c, d, a, b, x15 &+ k[46], 16)
            h(&b, c, d, a, x2 &+ k[47], 23)
            i(&a, b, c, d, x0 &+ k[48], 6)
            i(&d, a, b, c, x7 &+ k[49], 10)
            i(&c, d, a, b, x14 &+ k[50], 15)
            i(&b, c, d, a, x5 &+ k[51], 21)
            i(&a, b, c, d, x12 &+ k[52], 6)
            i(&d, a, b, c, x3 &+ k[53], 10)
            i(&c, d, a, b, x10 &+ k[54], 15)
            i(&b, c, d, a, x1 &+ k[55], 21)
            i(&a, b, c, d, x8 &+ k[56], 6)
            i(&d, a, b, c, x15 &+ k[57], 10)
            i(&c, d, a, b, x6 &+ k[58], 15)
            i(&b, c, d, a, x13 &+ k[59], 21)
            i(&a, b, c, d, x4 &+ k[60], 6)
            i(&d, a, b, c, x11 &+ k[61], 10)
            i(&c, d, a, b, x2 &+ k[62], 15)
            i(&b, c, d, a, x9 &+ k[63], 21)

            a &+= h0
            b &+= h1
            c &+= h2
            d &+= h3
            (h0, h1, h2, h3) = (a, b, c, d)
            p += 64
        }
    }
}
