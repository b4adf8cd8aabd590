#if ASM && canImport(LibCryptoASM)
import LibCryptoASM

/// GHASH on PCLMULQDQ (`LibCryptoASM`, eight blocks per reduction against H^1...H^8), the
/// x86-64 hardware variant. `GHASH` picks it when a GCM context is made and
/// ``HardwareSupport`` selects `pclmulqdq`; carry-less multiplication is one instruction, so
/// nothing here is table-driven on secret data.
///
/// A value is a view of the key table of `lc_ghash_init` (H^1...H^8, 256 bytes) owned by a
/// `GHASH` value. Only built with the `ASM` trait.
struct GHASHPCLMUL {
    let table: UnsafePointer<UInt8>

    @inline(__always)
    init(table: UnsafePointer<UInt64>) {
        self.table = UnsafeRawPointer(table).assumingMemoryBound(to: UInt8.self)
    }

    /// Fills the first 256 bytes of `keys` from the 16 bytes of H = E(K, 0^128) at `h`.
    static func expandKey(_ h: UnsafeRawPointer, into keys: inout InlineArray<96, UInt64>) {
        keys = InlineArray(repeating: 0)
        withUnsafeMutableBytes(of: &keys) {
            lc_ghash_init(h.assumingMemoryBound(to: UInt8.self), $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Y = (Y ^ X) * H for one block given as big-endian words; `y` is (y1, y0).
    @inline(__always)
    func absorb(hi: UInt64, lo: UInt64, _ y: inout (UInt64, UInt64)) {
        var block = (hi.bigEndian, lo.bigEndian)
        withUnsafeBytes(of: &block) { absorb($0.baseAddress!, blocks: 1, &y) }
    }

    /// Hashes `blocks` whole 16-byte blocks at `p` into `y` = (y1, y0).
    @inline(__always)
    func absorb(_ p: UnsafeRawPointer, blocks: Int, _ y: inout (UInt64, UInt64)) {
        var words = (y.1, y.0)  // lc_ghash_blocks takes (y0, y1)
        withUnsafeMutableBytes(of: &words) { w in
            lc_ghash_blocks(
                table, w.baseAddress!.assumingMemoryBound(to: UInt64.self),
                p.assumingMemoryBound(to: UInt8.self), blocks)
        }
        y = (words.1, words.0)
    }
}
#else
/// A build without `ASM` has no PCLMULQDQ path: an uninhabited type, so `GHASH`'s dispatch
/// type-checks and its hardware branch is statically dead.
enum GHASHPCLMUL {
    func absorb(hi: UInt64, lo: UInt64, _ y: inout (UInt64, UInt64)) {}
    func absorb(_ p: UnsafeRawPointer, blocks: Int, _ y: inout (UInt64, UInt64)) {}
}
#endif
