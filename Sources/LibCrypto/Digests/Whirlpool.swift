#if WHIRLPOOL

/// The Whirlpool S-box, built from its three 4-bit mini-boxes E, E⁻¹ and R as the designers'
/// specification (Barreto–Rijmen, section 6.1) describes: for an input byte (u, l),
/// a = E[u], b = E⁻¹[l], r = R[a ⊕ b], and the output is (E[a ⊕ r], E⁻¹[b ⊕ r]).
private let whirlpoolSBox: [UInt8] = {
    let e: [UInt8] = [0x1, 0xB, 0x9, 0xC, 0xD, 0x6, 0xF, 0x3, 0xE, 0x8, 0x7, 0x4, 0xA, 0x2, 0x5, 0x0]
    let r: [UInt8] = [0x7, 0xC, 0xB, 0xD, 0xE, 0x4, 0x9, 0xF, 0x6, 0x3, 0x8, 0xA, 0x2, 0x5, 0x1, 0x0]
    var eInverse = [UInt8](repeating: 0, count: 16)
    for (i, v) in e.enumerated() { eInverse[Int(v)] = UInt8(i) }
    return (0..<256).map { x in
        let a = e[x >> 4]
        let b = eInverse[x & 15]
        let t = r[Int(a ^ b)]
        return e[Int(a ^ t)] << 4 | eInverse[Int(b ^ t)]
    }
}()

/// Multiplication in GF(2^8) modulo Whirlpool's polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
private func whirlpoolMul(_ a: UInt8, _ b: UInt8) -> UInt8 {
    var a = a
    var b = b
    var p: UInt8 = 0
    while b != 0 {
        if b & 1 != 0 { p ^= a }
        a = (a & 0x80) != 0 ? (a << 1) ^ 0x1D : a << 1
        b >>= 1
    }
    return p
}

/// The eight combined γ∘θ tables: `tables[k * 256 + x]` is S[x] times row k of the circulant
/// matrix C = circ(1, 1, 4, 1, 8, 5, 2, 9), as a big-endian row word. Row k is row 0 rotated
/// right by k bytes.
private let whirlpoolTables: [UInt64] = {
    let c: [UInt8] = [1, 1, 4, 1, 8, 5, 2, 9]
    var t = [UInt64](repeating: 0, count: 8 * 256)
    for x in 0..<256 {
        var w: UInt64 = 0
        for j in 0..<8 { w = w << 8 | UInt64(whirlpoolMul(whirlpoolSBox[x], c[j])) }
        for k in 0..<8 { t[k * 256 + x] = k == 0 ? w : (w >> UInt64(8 * k)) | (w << UInt64(64 - 8 * k)) }
    }
    return t
}()

/// The ten round constants: row 0 is S[8(r−1) + j] for column j, the other rows zero.
private let whirlpoolRoundConstants: [UInt64] = (1...10).map { r in
    (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(whirlpoolSBox[8 * (r - 1) + $1]) }
}

/// Whirlpool (ISO/IEC 10118-3:2004, Barreto–Rijmen), OpenSSL's `WHIRLPOOL`: a 512-bit digest
/// from the 10-round block cipher W in Miyaguchi–Preneel mode over 64-byte blocks, with a
/// 256-bit message length in the padding.
///
/// Legacy and table-based: each round looks up eight 2 KiB tables (S-box combined with the
/// diffusion matrix) indexed by state bytes, so its timing depends on the data hashed, as in
/// OpenSSL's C implementation. The tables are built once from the specification's mini-boxes.
/// Present only with the `WHIRLPOOL` trait (OpenSSL's `no-whirlpool` removes it).
public struct Whirlpool: HashFunction, BlockBuffered {
    /// The block length in bytes.
    public static let blockSize = 64
    /// The output length in bytes.
    public static let digestSize = 64

    /// The chaining value (eight big-endian row words), the partial block and the length.
    var buffer = BlockBuffer<Block64, Block64>((0, 0, 0, 0, 0, 0, 0, 0))

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        absorb(data)
    }

    /// Finishes and returns the 64-byte digest. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitsHigh = (buffer.byteCountHigh &<< 3) | (buffer.byteCount &>> 61)
        let bitsLow = buffer.byteCount &<< 3
        let used = buffer.count
        withUnsafeMutableBytes(of: &buffer.block) { b in
            b[used] = 0x80
            for i in (used + 1)..<64 { b[i] = 0 }
        }
        if used >= 32 {
            compressPending()
            withUnsafeMutableBytes(of: &buffer.block) { b in
                for i in 0..<64 { b[i] = 0 }
            }
        }
        // The 256-bit length: its top 128 bits are zero for any message LibCrypto can count.
        withUnsafeMutableBytes(of: &buffer.block) { b in
            b.storeBytes(of: bitsHigh.bigEndian, toByteOffset: 48, as: UInt64.self)
            b.storeBytes(of: bitsLow.bigEndian, toByteOffset: 56, as: UInt64.self)
        }
        compressPending()
        buffer.count = 0
        var out = buffer.chain
        withUnsafeMutableBytes(of: &out) { b in
            for i in 0..<8 {
                let w = b.load(fromByteOffset: i &* 8, as: UInt64.self)
                b.storeBytes(of: w.bigEndian, toByteOffset: i &* 8, as: UInt64.self)
            }
        }
        return withUnsafeBytes(of: &out) { Array($0) }
    }

    /// One round's γ, π and θ on the eight row words in `a`, into `b`: output row i takes byte
    /// k of input row (i − k) mod 8 through table k.
    @inline(__always)
    private static func rho(_ a: UnsafePointer<UInt64>, _ b: UnsafeMutablePointer<UInt64>, _ t: UnsafePointer<UInt64>) {
        for i in 0..<8 {
            var w: UInt64 = 0
            for k in 0..<8 {
                let byte = Int(truncatingIfNeeded: a[(i &- k) & 7] &>> UInt64(56 &- 8 &* k)) & 0xFF
                w ^= t[k &* 256 &+ byte]
            }
            b[i] = w
        }
    }

    /// Compresses `blocks` 64-byte blocks at `p` into the chaining value (Miyaguchi–Preneel:
    /// H ← W_H(m) ⊕ H ⊕ m).
    static func compress(_ chain: inout Block64, _ p: UnsafeRawPointer, blocks: Int) {
        whirlpoolTables.withUnsafeBufferPointer { tables in
            let t = tables.baseAddress!
            withUnsafeMutableBytes(of: &chain) { hBytes in
                let h = hBytes.baseAddress!.assumingMemoryBound(to: UInt64.self)
                var key: Block64 = (0, 0, 0, 0, 0, 0, 0, 0)
                var state: Block64 = (0, 0, 0, 0, 0, 0, 0, 0)
                var message: Block64 = (0, 0, 0, 0, 0, 0, 0, 0)
                var scratch: Block64 = (0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &key) { kb in
                    withUnsafeMutableBytes(of: &state) { sb in
                        withUnsafeMutableBytes(of: &message) { mb in
                            withUnsafeMutableBytes(of: &scratch) { xb in
                                let k = kb.baseAddress!.assumingMemoryBound(to: UInt64.self)
                                let s = sb.baseAddress!.assumingMemoryBound(to: UInt64.self)
                                let m = mb.baseAddress!.assumingMemoryBound(to: UInt64.self)
                                let x = xb.baseAddress!.assumingMemoryBound(to: UInt64.self)
                                for block in 0..<blocks {
                                    let base = block &* 64
                                    for i in 0..<8 {
                                        m[i] = UInt64(
                                            bigEndian: p.loadUnaligned(
                                                fromByteOffset: base &+ i &* 8, as: UInt64.self))
                                        k[i] = h[i]
                                        s[i] = m[i] ^ k[i]
                                    }
                                    for r in 0..<10 {
                                        rho(k, x, t)
                                        for i in 0..<8 { k[i] = x[i] }
                                        k[0] ^= whirlpoolRoundConstants[r]
                                        rho(s, x, t)
                                        for i in 0..<8 { s[i] = x[i] ^ k[i] }
                                    }
                                    for i in 0..<8 { h[i] ^= s[i] ^ m[i] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#endif
