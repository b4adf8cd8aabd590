#if MDC2

/// MDC-2 (ISO/IEC 10118-2, Meyer–Schilling) with DES, as OpenSSL computes it: a 128-bit
/// digest built from two DES encryptions per 8-byte block, each keyed by one half of the
/// chaining value.
///
/// OpenSSL's conventions (`crypto/mdc2/mdc2dgst.c`): initial halves h = 52 52 … 52 and
/// hh = 25 25 … 25; before each block the first byte of h has its bits 0x60 set to 10 and
/// that of hh to 01 (`(b & 0x9f) | 0x40` and `| 0x20`), the parity bits being irrelevant to
/// DES; with A = DES_h(M) ⊕ M and B = DES_hh(M) ⊕ M the new halves are h = A[0..<4] ‖ B[4..<8]
/// and hh = B[0..<4] ‖ A[4..<8]. The default padding (`pad_type` 1) zero-fills a final partial
/// block and adds nothing to a message whose length is a multiple of 8 (so the empty message
/// hashes to h ‖ hh unchanged). Legacy; its DES lookups are secret-indexed (see `DES`).
/// Block buffering is the shared `BlockBuffered`; the padding is MDC-2's own.
public struct MDC2: HashFunction, BlockBuffered {
    /// The block length in bytes.
    public static let blockSize = 8
    /// The output length in bytes.
    public static let digestSize = 16

    /// How the last block is completed, OpenSSL's `pad_type` (`OSSL_DIGEST_PARAM_PAD_TYPE`).
    public enum Padding: Sendable, Equatable {
        /// `pad_type` 1, the default: zeros up to a multiple of 8 bytes, nothing if already one.
        case zeros
        /// `pad_type` 2: always a 0x80 byte, then zeros up to a multiple of 8 bytes.
        case bit
    }

    /// The halves (h, hh), the partial block and the length.
    var buffer = BlockBuffer<(h: UInt64, hh: UInt64), UInt64>((h: 0x5252_5252_5252_5252, hh: 0x2525_2525_2525_2525), 0)
    let padding: Padding

    /// A fresh state, ready for the first `update`.
    public init() {
        padding = .zeros
    }

    /// A fresh MDC2 state with the padding OpenSSL's `pad-type` names (1: zeros, 2: a 0x80 bit).
    public init(padding: Padding) {
        self.padding = padding
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        var used = buffer.count
        if used > 0 || padding == .bit {
            let bit = padding == .bit
            withUnsafeMutableBytes(of: &buffer.block) { b in
                if bit {
                    b[used] = 0x80
                    used += 1
                }
                for i in used..<8 { b[i] = 0 }
            }
            compressPending()
            buffer.count = 0
        }
        var out = (buffer.chain.h.bigEndian, buffer.chain.hh.bigEndian)
        return withUnsafeBytes(of: &out) { Array($0) }
    }

    /// Runs the MDC-2 step on `blocks` consecutive 8-byte blocks at `p`.
    static func compress(_ chain: inout (h: UInt64, hh: UInt64), _ p: UnsafeRawPointer, blocks: Int) {
        var h = chain.h
        var hh = chain.hh
        DESTables.sp.withUnsafeBufferPointer { spTable in
            DESTables.pc1.withUnsafeBufferPointer { pc1Table in
                DESTables.pc2.withUnsafeBufferPointer { pc2Table in
                    let sp = spTable.baseAddress!
                    let pc1 = pc1Table.baseAddress!
                    let pc2 = pc2Table.baseAddress!
                    for i in 0..<blocks {
                        let m = UInt64(bigEndian: p.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
                        let keyH = (h & 0x9fff_ffff_ffff_ffff) | 0x4000_0000_0000_0000
                        let keyHH = (hh & 0x9fff_ffff_ffff_ffff) | 0x2000_0000_0000_0000
                        let a = DESCore.encrypt(m, DESKeySchedule(key: keyH, pc1: pc1, pc2: pc2), sp) ^ m
                        let b = DESCore.encrypt(m, DESKeySchedule(key: keyHH, pc1: pc1, pc2: pc2), sp) ^ m
                        h = (a & 0xffff_ffff_0000_0000) | (b & 0x0000_0000_ffff_ffff)
                        hh = (b & 0xffff_ffff_0000_0000) | (a & 0x0000_0000_ffff_ffff)
                    }
                }
            }
        }
        chain = (h, hh)
    }
}

#endif
