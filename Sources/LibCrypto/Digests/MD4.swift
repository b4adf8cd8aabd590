#if MD4

/// MD4 (RFC 1320). Cryptographically broken; provided only for legacy formats
/// such as NTLM password hashes.
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function. No tables: nothing is indexed by secret data.
public struct MD4: HashFunction, MerkleDamgard {
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
        a = rotl(a &+ (d ^ (b & (c ^ d))) &+ xk, s)
    }

    @inline(__always)
    private static func g(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = rotl(a &+ ((b & c) | (d & (b | c))) &+ xk, s)
    }

    @inline(__always)
    private static func h(_ a: inout UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ xk: UInt32, _ s: UInt32) {
        a = rotl(a &+ (b ^ c ^ d) &+ xk, s)
    }

    /// Applies the compression function to `blocks` consecutive 64-byte blocks at `p`.
    static func compress(
        _ h0: inout UInt32, _ h1: inout UInt32, _ h2: inout UInt32, _ h3: inout UInt32,
        _ p: UnsafeRawPointer, _ blocks: Int
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

            f(&a, b, c, d, x0, 3)
            f(&d, a, b, c, x1, 7)
            f(&c, d, a, b, x2, 11)
            f(&b, c, d, a, x3, 19)
            f(&a, b, c, d, x4, 3)
            f(&d, a, b, c, x5, 7)
            f(&c, d, a, b, x6, 11)
            f(&b, c, d, a, x7, 19)
            f(&a, b, c, d, x8, 3)
            f(&d, a, b, c, x9, 7)
            f(&c, d, a, b, x10, 11)
            f(&b, c, d, a, x11, 19)
            f(&a, b, c, d, x12, 3)
            f(&d, a, b, c, x13, 7)
            f(&c, d, a, b, x14, 11)
            f(&b, c, d, a, x15, 19)
            g(&a, b, c, d, x0 &+ 0x5a827999, 3)
            g(&d, a, b, c, x4 &+ 0x5a827999, 5)
            g(&c, d, a, b, x8 &+ 0x5a827999, 9)
            g(&b, c, d, a, x12 &+ 0x5a827999, 13)
            g(&a, b, c, d, x1 &+ 0x5a827999, 3)
            g(&d, a, b, c, x5 &+ 0x5a827999, 5)
            g(&c, d, a, b, x9 &+ 0x5a827999, 9)
            g(&b, c, d, a, x13 &+ 0x5a827999, 13)
            g(&a, b, c, d, x2 &+ 0x5a827999, 3)
            g(&d, a, b, c, x6 &+ 0x5a827999, 5)
            g(&c, d, a, b, x10 &+ 0x5a827999, 9)
            g(&b, c, d, a, x14 &+ 0x5a827999, 13)
            g(&a, b, c, d, x3 &+ 0x5a827999, 3)
            g(&d, a, b, c, x7 &+ 0x5a827999, 5)
            g(&c, d, a, b, x11 &+ 0x5a827999, 9)
            g(&b, c, d, a, x15 &+ 0x5a827999, 13)
            h(&a, b, c, d, x0 &+ 0x6ed9eba1, 3)
            h(&d, a, b, c, x8 &+ 0x6ed9eba1, 9)
            h(&c, d, a, b, x4 &+ 0x6ed9eba1, 11)
            h(&b, c, d, a, x12 &+ 0x6ed9eba1, 15)
            h(&a, b, c, d, x2 &+ 0x6ed9eba1, 3)
            h(&d, a, b, c, x10 &+ 0x6ed9eba1, 9)
            h(&c, d, a, b, x6 &+ 0x6ed9eba1, 11)
            h(&b, c, d, a, x14 &+ 0x6ed9eba1, 15)
            h(&a, b, c, d, x1 &+ 0x6ed9eba1, 3)
            h(&d, a, b, c, x9 &+ 0x6ed9eba1, 9)
            h(&c, d, a, b, x5 &+ 0x6ed9eba1, 11)
            h(&b, c, d, a, x13 &+ 0x6ed9eba1, 15)
            h(&a, b, c, d, x3 &+ 0x6ed9eba1, 3)
            h(&d, a, b, c, x11 &+ 0x6ed9eba1, 9)
            h(&c, d, a, b, x7 &+ 0x6ed9eba1, 11)
            h(&b, c, d, a, x15 &+ 0x6ed9eba1, 15)

            a &+= h0
            b &+= h1
            c &+= h2
            d &+= h3
            (h0, h1, h2, h3) = (a, b, c, d)
            p += 64
        }
    }
}

#endif
