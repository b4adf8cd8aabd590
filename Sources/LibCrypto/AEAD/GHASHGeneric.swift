/// GHASH in constant time, after BearSSL's `ghash_ctmul64` (Thomas Pornin): the generic
/// variant every build has. `GHASH` picks it, or `GHASHPCLMUL`, when a GCM context is made.
///
/// No secret-indexed tables: products in GF(2^128) are carry-less multiplications built from
/// ordinary 64-bit integer multiplications of operands whose bits are spread out with "holes",
/// so neither addresses nor branches depend on H or the data.
///
/// A 128-bit value is held as two 64-bit words taken big-endian from its bytes: `y1` the first
/// eight bytes, `y0` the last eight. GCM numbers bits from the most significant bit of byte 0,
/// so as integers the words are bit-reversed polynomials; multiplying reversed polynomials
/// gives the reversed product shifted by one, which the reduction accounts for.
///
/// `bmul64` returns the low 64 bits of a carry-less product using integer multiplies: each
/// operand is split into four words keeping every fourth bit, so in each of the sixteen
/// partial products the sum landing on a result bit below bit 60 is at most 15 and its carries
/// fall into the three "holes" that the final masks throw away (the one sum of 16, at bit 60,
/// carries out past bit 63). The high half of a product is the bit reversal of the low half of
/// the product of the reversed operands. Karatsuba brings a 128x128 product to three 64x64
/// products (six `bmul64`).
///
/// Speed-ups over the reference: the H operands are stored already split into their masked
/// slices, and four blocks are hashed at once against H^4, H^3, H^2, H, summing the unreduced
/// products (reversal, shift and reduction are linear) so that they are reduced once.
///
/// A value is a view of a key table owned by a `GHASH` value: for power p (H^(p+1)), at
/// 24p, h0, h1, h0^h1, rev(h0), rev(h1), rev(h0^h1), each as four masked slices (96 words).
struct GHASHGeneric {
    let keys: UnsafePointer<UInt64>

    @inline(__always)
    init(keys: UnsafePointer<UInt64>) { self.keys = keys }

    private typealias Accumulator = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Fills `keys` from the 16 bytes of H = E(K, 0^128) at `h`.
    static func expandKey(_ h: UnsafeRawPointer, into keys: inout InlineArray<96, UInt64>) {
        keys = InlineArray(repeating: 0)
        var p1 = AEADSupport.loadBE64(h)
        var p0 = AEADSupport.loadBE64(h, 8)
        for power in 0..<4 {
            if power > 0 {
                // H^(power+1) = H^power * H, with the H slices already in place.
                var acc: Accumulator = (0, 0, 0, 0, 0, 0)
                keys.span.withUnsafeBufferPointer { Self.accumulate(p1, p0, $0.baseAddress!, &acc) }
                (p1, p0) = Self.reduce(acc)
            }
            let r0 = Self.rev64(p0)
            let r1 = Self.rev64(p1)
            for (j, v) in [(0, p0), (1, p1), (2, p0 ^ p1), (3, r0), (4, r1), (5, r0 ^ r1)] {
                keys[24 * power + 4 * j] = v & Self.m0
                keys[24 * power + 4 * j + 1] = v & Self.m1
                keys[24 * power + 4 * j + 2] = v & Self.m2
                keys[24 * power + 4 * j + 3] = v & Self.m3
            }
        }
        p0 = 0
        p1 = 0
    }

    /// Y = (Y ^ X) * H for one block given as big-endian words; `y` is (y1, y0).
    @inline(__always)
    func absorb(hi: UInt64, lo: UInt64, _ y: inout (UInt64, UInt64)) {
        var acc: Accumulator = (0, 0, 0, 0, 0, 0)
        Self.accumulate(y.0 ^ hi, y.1 ^ lo, keys, &acc)
        y = Self.reduce(acc)
    }

    /// Hashes `blocks` whole 16-byte blocks at `p` into `y` = (y1, y0).
    func absorb(_ p: UnsafeRawPointer, blocks: Int, _ y: inout (UInt64, UInt64)) {
        let k = keys
        var (a1, a0) = y
        var q = p
        var n = blocks
        while n >= 4 {
            // ((((Y ^ X1) H ^ X2) H ^ X3) H ^ X4) H = (Y ^ X1) H^4 ^ X2 H^3 ^ X3 H^2 ^ X4 H.
            var acc: Accumulator = (0, 0, 0, 0, 0, 0)
            Self.accumulate(a1 ^ AEADSupport.loadBE64(q), a0 ^ AEADSupport.loadBE64(q, 8), k + 72, &acc)
            Self.accumulate(AEADSupport.loadBE64(q, 16), AEADSupport.loadBE64(q, 24), k + 48, &acc)
            Self.accumulate(AEADSupport.loadBE64(q, 32), AEADSupport.loadBE64(q, 40), k + 24, &acc)
            Self.accumulate(AEADSupport.loadBE64(q, 48), AEADSupport.loadBE64(q, 56), k, &acc)
            (a1, a0) = Self.reduce(acc)
            q += 64
            n -= 4
        }
        while n > 0 {
            var acc: Accumulator = (0, 0, 0, 0, 0, 0)
            Self.accumulate(a1 ^ AEADSupport.loadBE64(q), a0 ^ AEADSupport.loadBE64(q, 8), k, &acc)
            (a1, a0) = Self.reduce(acc)
            q += 16
            n -= 1
        }
        y = (a1, a0)
    }

    private static var m0: UInt64 { 0x1111_1111_1111_1111 }
    private static var m1: UInt64 { 0x2222_2222_2222_2222 }
    private static var m2: UInt64 { 0x4444_4444_4444_4444 }
    private static var m3: UInt64 { 0x8888_8888_8888_8888 }

    /// Adds the six unreduced Karatsuba products of (y1:y0) and the power at `k` into `acc`.
    @inline(__always)
    private static func accumulate(_ y1: UInt64, _ y0: UInt64, _ k: UnsafePointer<UInt64>, _ acc: inout Accumulator) {
        let y0r = rev64(y0)
        let y1r = rev64(y1)
        acc.0 ^= bmul64(y0, k)
        acc.1 ^= bmul64(y1, k + 4)
        acc.2 ^= bmul64(y0 ^ y1, k + 8)
        acc.3 ^= bmul64(y0r, k + 12)
        acc.4 ^= bmul64(y1r, k + 16)
        acc.5 ^= bmul64(y0r ^ y1r, k + 20)
    }

    /// Karatsuba recombination and reduction modulo x^128 + x^7 + x^2 + x + 1 (reflected).
    @inline(__always)
    private static func reduce(_ acc: Accumulator) -> (UInt64, UInt64) {
        let z0 = acc.0
        let z1 = acc.1
        let z2 = acc.2 ^ z0 ^ z1
        var z0h = acc.3
        var z1h = acc.4
        var z2h = acc.5 ^ z0h ^ z1h
        z0h = rev64(z0h) &>> 1
        z1h = rev64(z1h) &>> 1
        z2h = rev64(z2h) &>> 1

        var v0 = z0
        var v1 = z0h ^ z2
        var v2 = z1 ^ z2h
        var v3 = z1h

        v3 = (v3 &<< 1) | (v2 &>> 63)
        v2 = (v2 &<< 1) | (v1 &>> 63)
        v1 = (v1 &<< 1) | (v0 &>> 63)
        v0 = v0 &<< 1

        v2 ^= v0 ^ (v0 &>> 1) ^ (v0 &>> 2) ^ (v0 &>> 7)
        v1 ^= (v0 &<< 63) ^ (v0 &<< 62) ^ (v0 &<< 57)
        v3 ^= v1 ^ (v1 &>> 1) ^ (v1 &>> 2) ^ (v1 &>> 7)
        v2 ^= (v1 &<< 63) ^ (v1 &<< 62) ^ (v1 &<< 57)
        return (v3, v2)
    }

    /// Low 64 bits of the carry-less product x * y, `y` given as its four masked slices.
    @inline(__always)
    private static func bmul64(_ x: UInt64, _ y: UnsafePointer<UInt64>) -> UInt64 {
        let x0 = x & m0
        let x1 = x & m1
        let x2 = x & m2
        let x3 = x & m3
        let y0 = y[0]
        let y1 = y[1]
        let y2 = y[2]
        let y3 = y[3]
        let z0 = (x0 &* y0) ^ (x1 &* y3) ^ (x2 &* y2) ^ (x3 &* y1)
        let z1 = (x0 &* y1) ^ (x1 &* y0) ^ (x2 &* y3) ^ (x3 &* y2)
        let z2 = (x0 &* y2) ^ (x1 &* y1) ^ (x2 &* y0) ^ (x3 &* y3)
        let z3 = (x0 &* y3) ^ (x1 &* y2) ^ (x2 &* y1) ^ (x3 &* y0)
        return (z0 & m0) | (z1 & m1) | (z2 & m2) | (z3 & m3)
    }

    /// Bit reversal of a 64-bit word.
    @inline(__always)
    static func rev64(_ v: UInt64) -> UInt64 {
        var x = v
        x = ((x & 0x5555_5555_5555_5555) &<< 1) | ((x &>> 1) & 0x5555_5555_5555_5555)
        x = ((x & 0x3333_3333_3333_3333) &<< 2) | ((x &>> 2) & 0x3333_3333_3333_3333)
        x = ((x & 0x0F0F_0F0F_0F0F_0F0F) &<< 4) | ((x &>> 4) & 0x0F0F_0F0F_0F0F_0F0F)
        return x.byteSwapped
    }
}
