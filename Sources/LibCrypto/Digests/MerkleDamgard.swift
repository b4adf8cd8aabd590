/// Block buffering written once for the digests that compress fixed-size blocks: the partial
/// block kept between `update` calls and the message length. `MerkleDamgard` adds the
/// padding (0x80, zeros, the bit length) that MD4, MD5, SHA-1, SHA-2, RIPEMD-160 and SM3
/// share; MD2 and MDC2 use only the buffering and pad their own way.
///
/// A conforming digest stores a ``PendingBlock`` and writes its compression function; its
/// `update` is `absorb(_:)`. Everything here is `@inline(__always)` on concrete types in this
/// module, so each digest gets its own specialised copy (no generic dispatch per call).
protocol BlockBuffered {
    /// Storage for one block: a tuple of `UInt64` exactly `blockSize` bytes long.
    associatedtype Block: BitwiseCopyable & Sendable
    /// Bytes per block (a power of two, the size of `Block`).
    static var blockSize: Int { get }
    /// The partial block and the length so far.
    var pending: PendingBlock<Block> { get set }
    /// Compresses `blocks` whole blocks at `p` into the chaining state.
    mutating func compress(_ p: UnsafeRawPointer, blocks: Int)
}

/// The partial block of a `BlockBuffered` digest and the message length in bytes.
struct PendingBlock<Block: BitwiseCopyable & Sendable>: Sendable {
    var block: Block
    /// Bytes of `block` in use (always less than a block between calls).
    var count = 0
    /// Message length in bytes modulo 2^128, as (high, low) words.
    var byteCountHigh: UInt64 = 0
    var byteCount: UInt64 = 0

    @inline(__always)
    init(_ zero: Block) { block = zero }
}

/// 64 zero bytes, the block of the 512-bit-block digests.
typealias Block64 = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
/// 128 zero bytes, the block of SHA-384/512.
typealias Block128 = (
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
)

extension PendingBlock where Block == Block64 {
    @inline(__always)
    init() { self.init((0, 0, 0, 0, 0, 0, 0, 0)) }
}

extension PendingBlock where Block == Block128 {
    @inline(__always)
    init() { self.init((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) }
}

extension BlockBuffered {
    /// Absorbs `data`: completes the pending block, compresses whole blocks straight from
    /// `data`, and keeps the rest.
    @inline(__always)
    mutating func absorb(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        let bs = Self.blockSize
        var n = data.count
        let (sum, overflow) = pending.byteCount.addingReportingOverflow(UInt64(truncatingIfNeeded: n))
        pending.byteCount = sum
        if overflow { pending.byteCountHigh &+= 1 }
        if pending.count > 0 {
            let take = min(bs - pending.count, n)
            let offset = pending.count
            withUnsafeMutableBytes(of: &pending.block) { b in
                (b.baseAddress! + offset).copyMemory(from: p, byteCount: take)
            }
            pending.count += take
            p += take
            n -= take
            if pending.count < bs { return }
            compressPending()
            pending.count = 0
        }
        let blocks = n / bs
        if blocks > 0 {
            compress(p, blocks: blocks)
            p += blocks * bs
            n -= blocks * bs
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &pending.block) { b in
                b.baseAddress!.copyMemory(from: p, byteCount: n)
            }
            pending.count = n
        }
    }

    /// Compresses the pending block (which must be full).
    @inline(__always)
    mutating func compressPending() {
        var b = pending.block
        withUnsafeBytes(of: &b) { compress($0.baseAddress!, blocks: 1) }
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
    /// Pads and compresses the last block(s); the chaining state then holds the digest.
    /// The value is spent afterwards.
    @inline(__always)
    mutating func padAndCompress() {
        let bs = Self.blockSize
        let ls = Self.lengthSize
        let bitsHigh = (pending.byteCountHigh &<< 3) | (pending.byteCount &>> 61)
        let bitsLow = pending.byteCount &<< 3
        let used = pending.count
        withUnsafeMutableBytes(of: &pending.block) { b in
            b[used] = 0x80
            for i in (used + 1)..<bs { b[i] = 0 }
        }
        if used >= bs - ls {
            compressPending()
            withUnsafeMutableBytes(of: &pending.block) { b in
                for i in 0..<bs { b[i] = 0 }
            }
        }
        withUnsafeMutableBytes(of: &pending.block) { b in
            if Self.bigEndianLength {
                if ls == 16 { b.storeBytes(of: bitsHigh.bigEndian, toByteOffset: bs - 16, as: UInt64.self) }
                b.storeBytes(of: bitsLow.bigEndian, toByteOffset: bs - 8, as: UInt64.self)
            } else {
                b.storeBytes(of: bitsLow.littleEndian, toByteOffset: bs - 8, as: UInt64.self)
            }
        }
        compressPending()
        pending.count = 0
    }
}
