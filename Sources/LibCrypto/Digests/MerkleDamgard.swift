/// Block buffering written once for the digests that compress fixed-size blocks: the partial
/// block kept between `update` calls, the message length, and beside them the chaining value
/// the compression function updates. `MerkleDamgard` adds the padding (0x80, zeros, the bit
/// length) that MD4, MD5, SHA-1, SHA-2, RIPEMD-160 and SM3 share; MD2 and MDC2 use only the
/// buffering and pad their own way.
///
/// A conforming digest stores a ``BlockBuffer`` and writes its compression function as a static
/// function of the chaining value; its `update` is `absorb(_:)`. The chaining value lives in the
/// buffer, apart from the pending block, so that a full pending block is compressed where it
/// lies: the two are distinct stored properties of one value, which the law of exclusivity
/// lets the compression function update and read at once (a compression function mutating
/// the whole digest would need the block copied out first). Everything here is
/// `@inline(__always)` on concrete types in this module, so each digest gets its own
/// specialised copy (no generic dispatch per call).
protocol BlockBuffered {
    /// What the compression function updates: the chaining value, and the variant chosen at
    /// creation where there is one (SHA-NI).
    associatedtype Chain: Sendable
    /// Storage for one block: a tuple of `UInt64` exactly `blockSize` bytes long.
    associatedtype Block: BitwiseCopyable & Sendable
    /// Bytes per block (a power of two, the size of `Block`).
    static var blockSize: Int { get }
    /// The chaining value, the partial block and the length so far.
    var buffer: BlockBuffer<Chain, Block> { get set }
    /// Compresses `blocks` whole blocks at `p` into `chain`.
    static func compress(_ chain: inout Chain, _ p: UnsafeRawPointer, blocks: Int)
}

/// The state of a `BlockBuffered` digest: its chaining value, the partial block and the
/// message length in bytes.
struct BlockBuffer<Chain: Sendable, Block: BitwiseCopyable & Sendable>: Sendable {
    /// The chaining value (updated by the digest's compression function).
    var chain: Chain
    var block: Block
    /// Bytes of `block` in use (always less than a block between calls).
    var count = 0
    /// Message length in bytes modulo 2^128, as (high, low) words.
    var byteCountHigh: UInt64 = 0
    var byteCount: UInt64 = 0

    @inline(__always)
    init(_ chain: Chain, _ zero: Block) {
        self.chain = chain
        block = zero
    }
}

/// 64 zero bytes, the block of the 512-bit-block digests.
typealias Block64 = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
/// 128 zero bytes, the block of SHA-384/512.
typealias Block128 = (
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
)

extension BlockBuffer where Block == Block64 {
    @inline(__always)
    init(_ chain: Chain) { self.init(chain, (0, 0, 0, 0, 0, 0, 0, 0)) }
}

extension BlockBuffer where Block == Block128 {
    @inline(__always)
    init(_ chain: Chain) { self.init(chain, (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}

extension BlockBuffered {
    /// Absorbs `data`: completes the pending block, compresses whole blocks straight from
    /// `data`, and keeps the rest.
    @inline(__always)
    mutating func absorb(_ data: UnsafeRawBufferPointer) {
        Self.absorb(data, into: &buffer)
    }

    /// Compresses the pending block (which must be full) in place.
    @inline(__always)
    mutating func compressPending() {
        Self.compressBlock(&buffer)
    }

    @inline(__always)
    static func absorb(_ data: UnsafeRawBufferPointer, into s: inout BlockBuffer<Chain, Block>) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        let bs = blockSize
        var n = data.count
        let (sum, overflow) = s.byteCount.addingReportingOverflow(UInt64(truncatingIfNeeded: n))
        s.byteCount = sum
        if overflow { s.byteCountHigh &+= 1 }
        if s.count > 0 {
            let take = min(bs - s.count, n)
            let offset = s.count
            withUnsafeMutableBytes(of: &s.block) { b in
                (b.baseAddress! + offset).copyMemory(from: p, byteCount: take)
            }
            s.count += take
            p += take
            n -= take
            if s.count < bs { return }
            compressBlock(&s)
            s.count = 0
        }
        let blocks = n / bs
        if blocks > 0 {
            compress(&s.chain, p, blocks: blocks)
            p += blocks * bs
            n -= blocks * bs
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &s.block) { b in
                b.baseAddress!.copyMemory(from: p, byteCount: n)
            }
            s.count = n
        }
    }

    /// Compresses `s.block` where it lies into `s.chain`.
    @inline(__always)
    static func compressBlock(_ s: inout BlockBuffer<Chain, Block>) {
        withUnsafeBytes(of: &s.block) { compress(&s.chain, $0.baseAddress!, blocks: 1) }
    }
}

/// Merkle–Damgård strengthening as MD4, MD5, SHA-1, SHA-2, RIPEMD-160 and SM3 do it: a 0x80
/// byte, zeros, and the message length in bits in the last `lengthSize` bytes of the last
/// block (one more block when it does not fit).
protocol MerkleDamgard: BlockBuffered {
    /// Bytes of the length field: 8 (a 64-bit bit count) or 16 (128-bit, SHA-384/512).
    static var lengthSize: Int { get }
    /// True for a big-endian length (SHA-1, SHA-2, SM3), false for little-endian (MD4, MD5,
    /// RIPEMD-160; 8-byte field only).
    static var bigEndianLength: Bool { get }
}

extension MerkleDamgard {
    /// Pads and compresses the last block(s); `buffer.chain` then holds the digest.
    /// The value is spent afterwards.
    @inline(__always)
    mutating func padAndCompress() {
        Self.padAndCompress(&buffer)
    }

    @inline(__always)
    static func padAndCompress(_ s: inout BlockBuffer<Chain, Block>) {
        let bs = blockSize
        let ls = lengthSize
        let bitsHigh = (s.byteCountHigh &<< 3) | (s.byteCount &>> 61)
        let bitsLow = s.byteCount &<< 3
        let used = s.count
        withUnsafeMutableBytes(of: &s.block) { b in
            b[used] = 0x80
            for i in (used + 1)..<bs { b[i] = 0 }
        }
        if used >= bs - ls {
            compressBlock(&s)
            withUnsafeMutableBytes(of: &s.block) { b in
                for i in 0..<bs { b[i] = 0 }
            }
        }
        withUnsafeMutableBytes(of: &s.block) { b in
            if bigEndianLength {
                if ls == 16 { b.storeBytes(of: bitsHigh.bigEndian, toByteOffset: bs - 16, as: UInt64.self) }
                b.storeBytes(of: bitsLow.bigEndian, toByteOffset: bs - 8, as: UInt64.self)
            } else {
                b.storeBytes(of: bitsLow.littleEndian, toByteOffset: bs - 8, as: UInt64.self)
            }
        }
        compressBlock(&s)
        s.count = 0
    }
}
