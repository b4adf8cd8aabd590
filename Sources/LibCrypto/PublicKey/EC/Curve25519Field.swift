// Arithmetic in GF(2^255 − 19), the field of Curve25519 (RFC 7748) and edwards25519 (RFC 8032):
// five 51-bit limbs in UInt64 words, products through UInt128, reduction by 2^255 ≡ 19.
//
// Timing.
//   - CONSTANT TIME: everything here except `power(publicExponent:)`. Addition, subtraction,
//     multiplication, squaring and the carries are straight-line word arithmetic; `inverse()`
//     and `powerP58()` are fixed addition chains (the same squarings and products for every
//     input); `encoded()` reduces to the canonical form with carries and a mask, no compare and
//     branch; `conditionalSwap`, `select` and `isZero` use masks that pass through
//     `CTLimb.barrier` so the optimiser cannot turn them back into branches.
//   - VARIABLE TIME (public data only): `power(publicExponent:)`, used once to derive the
//     curve constants (√−1) from their definitions.
//
// Limb bounds. A "reduced" element has every limb below 2^51 + 2^18 (what the carry chains
// leave); `+`, `-` take reduced inputs and return reduced outputs. Subtraction adds 4p first, so
// a limb never goes negative. `lazyAdd` and `lazySubtract` skip the carries (as OpenSSL's
// fe51_add/fe51_sub): their inputs are reduced and their outputs have limbs below 2^53. `*`,
// `squared()` and `times(small:)` accept limbs below 2^53 (so one lazy sum or difference may
// feed them directly; see `reduceWide` for why 2^53) and return reduced outputs.

#if EC
/// An element of GF(2^255 − 19) in radix 2^51: value = l0 + l1·2^51 + l2·2^102 + l3·2^153 + l4·2^204.
struct FieldElement25519: Sendable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64
    var l4: UInt64

    static let mask51: UInt64 = (1 << 51) - 1

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
        self.l4 = l4
    }

    static let zero = FieldElement25519(0, 0, 0, 0, 0)
    static let one = FieldElement25519(1, 0, 0, 0, 0)

    /// A small constant.
    init(small: UInt64) { self.init(small & Self.mask51, small >> 51, 0, 0, 0) }

    /// Decodes 32 little-endian bytes; bit 255 is ignored (RFC 7748 §5, RFC 8032 §5.1.3's
    /// "y" before its canonical check). A value in [p, 2^255) is taken modulo p, as OpenSSL's
    /// `fe_frombytes` does. The caller guarantees `bytes.count >= 32` (it checks lengths first).
    init(bytes: [UInt8]) {
        func load(_ offset: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            return v
        }
        let w0 = load(0)
        let w1 = load(8)
        let w2 = load(16)
        let w3 = load(24) & 0x7fff_ffff_ffff_ffff
        self.init(
            w0 & Self.mask51,
            ((w0 >> 51) | (w1 << 13)) & Self.mask51,
            ((w1 >> 38) | (w2 << 26)) & Self.mask51,
            ((w2 >> 25) | (w3 << 39)) & Self.mask51,
            w3 >> 12)
    }

    /// The canonical 32-byte little-endian encoding (value reduced below p). Constant time.
    func encoded() -> [UInt8] {
        // Two passes leave every limb below 2^51 (after one, l0 may still reach 2^51 + 2^18).
        var h = self.carried().carried()
        // h < 2^255. q = 1 exactly when h ≥ p, found from the carry out of h + 19.
        var q = (h.l0 &+ 19) >> 51
        q = (h.l1 &+ q) >> 51
        q = (h.l2 &+ q) >> 51
        q = (h.l3 &+ q) >> 51
        q = (h.l4 &+ q) >> 51
        // h − q·p = h + 19q − q·2^255.
        h.l0 &+= 19 &* q
        h.l1 &+= h.l0 >> 51
        h.l0 &= Self.mask51
        h.l2 &+= h.l1 >> 51
        h.l1 &= Self.mask51
        h.l3 &+= h.l2 >> 51
        h.l2 &= Self.mask51
        h.l4 &+= h.l3 >> 51
        h.l3 &= Self.mask51
        h.l4 &= Self.mask51
        let w0 = h.l0 | (h.l1 << 51)
        let w1 = (h.l1 >> 13) | (h.l2 << 38)
        let w2 = (h.l2 >> 26) | (h.l3 << 25)
        let w3 = (h.l3 >> 39) | (h.l4 << 12)
        var out = [UInt8](repeating: 0, count: 32)
        for (k, w) in [w0, w1, w2, w3].enumerated() {
            for i in 0..<8 { out[8 * k + i] = UInt8(truncatingIfNeeded: w >> (8 * UInt64(i))) }
        }
        return out
    }

    /// One pass of carries: every limb below 2^51 except l0, below 2^51 + 19·2^13.
    @inline(__always)
    func carried() -> FieldElement25519 {
        var r = self
        r.l1 &+= r.l0 >> 51
        r.l0 &= Self.mask51
        r.l2 &+= r.l1 >> 51
        r.l1 &= Self.mask51
        r.l3 &+= r.l2 >> 51
        r.l2 &= Self.mask51
        r.l4 &+= r.l3 >> 51
        r.l3 &= Self.mask51
        r.l0 &+= 19 &* (r.l4 >> 51)
        r.l4 &= Self.mask51
        return r
    }

    @inline(__always)
    static func + (a: FieldElement25519, b: FieldElement25519) -> FieldElement25519 {
        FieldElement25519(a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4).carried()
    }

    /// a − b computed as a + 4p − b (4p's limbs: 2^53 − 76, then 2^53 − 4), then carried.
    @inline(__always)
    static func - (a: FieldElement25519, b: FieldElement25519) -> FieldElement25519 {
        let p0: UInt64 = (1 << 53) - 76
        let p1: UInt64 = (1 << 53) - 4
        return FieldElement25519(
            a.l0 &+ p0 &- b.l0, a.l1 &+ p1 &- b.l1, a.l2 &+ p1 &- b.l2, a.l3 &+ p1 &- b.l3, a.l4 &+ p1 &- b.l4
        ).carried()
    }

    /// a + b without carrying: limbs below 2^53 for reduced inputs, to be fed to `*`,
    /// `squared()` or `times(small:)` (the Montgomery ladder's sums; OpenSSL's fe51_add).
    @inline(__always)
    static func lazyAdd(_ a: FieldElement25519, _ b: FieldElement25519) -> FieldElement25519 {
        FieldElement25519(a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4)
    }

    /// a − b computed as a + 2p − b without carrying (2p's limbs: 2^52 − 38, then 2^52 − 2;
    /// OpenSSL's fe51_sub). `b` must be reduced (limbs at most 2^52 − 38, so no limb goes
    /// negative); for a reduced `a` the limbs stay below 2^53, to be fed to `*`, `squared()` or
    /// `times(small:)`.
    @inline(__always)
    static func lazySubtract(_ a: FieldElement25519, _ b: FieldElement25519) -> FieldElement25519 {
        let p0: UInt64 = (1 << 52) - 38
        let p1: UInt64 = (1 << 52) - 2
        return FieldElement25519(
            a.l0 &+ p0 &- b.l0, a.l1 &+ p1 &- b.l1, a.l2 &+ p1 &- b.l2, a.l3 &+ p1 &- b.l3, a.l4 &+ p1 &- b.l4)
    }

    /// −a.
    @inline(__always)
    static prefix func - (a: FieldElement25519) -> FieldElement25519 { zero - a }

    @inline(__always)
    static func * (a: FieldElement25519, b: FieldElement25519) -> FieldElement25519 {
        let b1 = 19 &* b.l1
        let b2 = 19 &* b.l2
        let b3 = 19 &* b.l3
        let b4 = 19 &* b.l4
        @inline(__always) func m(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) &* UInt128(y) }
        let r0 = m(a.l0, b.l0) &+ m(a.l1, b4) &+ m(a.l2, b3) &+ m(a.l3, b2) &+ m(a.l4, b1)
        let r1 = m(a.l0, b.l1) &+ m(a.l1, b.l0) &+ m(a.l2, b4) &+ m(a.l3, b3) &+ m(a.l4, b2)
        let r2 = m(a.l0, b.l2) &+ m(a.l1, b.l1) &+ m(a.l2, b.l0) &+ m(a.l3, b4) &+ m(a.l4, b3)
        let r3 = m(a.l0, b.l3) &+ m(a.l1, b.l2) &+ m(a.l2, b.l1) &+ m(a.l3, b.l0) &+ m(a.l4, b4)
        let r4 = m(a.l0, b.l4) &+ m(a.l1, b.l3) &+ m(a.l2, b.l2) &+ m(a.l3, b.l1) &+ m(a.l4, b.l0)
        return reduceWide(r0, r1, r2, r3, r4)
    }

    /// Carries five 128-bit column sums into a reduced element.
    ///
    /// Two interleaved carry chains (r0 → r1 → r2 → r3 and r2 → r3 → r4 → r0 via 19), then two
    /// 64-bit carries, as OpenSSL's fe51_mul reduces. Bounds, for factors with limbs below 2^53:
    /// r0 ≤ 77·2^106 < 2^113, r1, r2, r3 below that, and r4 ≤ 5·2^106 < 2^109 (its column has no
    /// factor 19). Every `>> 51` of a column (plus its carry in) is then below 2^62 and fits a
    /// word; r4 plus its carry in, shifted by 51, is below 2^57.4, so 19 times it added to the
    /// masked l0 stays below 2^62. The outputs: l0, l2, l4 below 2^51, l1 and l3 below
    /// 2^51 + 2^11.
    @inline(__always)
    static func reduceWide(_ r0: UInt128, _ r1: UInt128, _ r2: UInt128, _ r3: UInt128, _ r4: UInt128)
        -> FieldElement25519
    {
        @inline(__always) func lo(_ x: UInt128) -> UInt64 { UInt64(truncatingIfNeeded: x) }
        @inline(__always) func hi51(_ x: UInt128) -> UInt128 { UInt128(lo(x &>> 51)) }
        let h3 = r3 &+ hi51(r2)
        var g2 = lo(r2) & mask51
        let h1 = r1 &+ hi51(r0)
        var g0 = lo(r0) & mask51
        let h4 = r4 &+ hi51(h3)
        var g3 = lo(h3) & mask51
        g2 &+= lo(h1 &>> 51)
        var g1 = lo(h1) & mask51
        g0 &+= lo(h4 &>> 51) &* 19
        let g4 = lo(h4) & mask51
        g3 &+= g2 >> 51
        g2 &= mask51
        g1 &+= g0 >> 51
        g0 &= mask51
        return FieldElement25519(g0, g1, g2, g3, g4)
    }

    @inline(__always)
    func squared() -> FieldElement25519 {
        @inline(__always) func m(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) &* UInt128(y) }
        let d0 = 2 &* l0
        let d1 = 2 &* l1
        let l3x19 = 19 &* l3
        let l4x19 = 19 &* l4
        let r0 = m(l0, l0) &+ m(d1, l4x19) &+ m(2 &* l2, l3x19)
        let r1 = m(d0, l1) &+ m(2 &* l2, l4x19) &+ m(l3, l3x19)
        let r2 = m(d0, l2) &+ m(l1, l1) &+ m(2 &* l3, l4x19)
        let r3 = m(d0, l3) &+ m(d1, l2) &+ m(l4, l4x19)
        let r4 = m(d0, l4) &+ m(d1, l3) &+ m(l2, l2)
        return Self.reduceWide(r0, r1, r2, r3, r4)
    }

    /// self^(2^n), n ≥ 1 (n is public).
    @inline(__always)
    func squared(times n: Int) -> FieldElement25519 {
        var r = self.squared()
        for _ in 1..<n { r = r.squared() }
        return r
    }

    /// self · c for a small constant c < 2^20 (limbs of self below 2^53: the columns stay
    /// below 2^73, well inside `reduceWide`'s bounds).
    @inline(__always)
    func times(small c: UInt64) -> FieldElement25519 {
        let cc = UInt128(c)
        return Self.reduceWide(
            UInt128(l0) &* cc, UInt128(l1) &* cc, UInt128(l2) &* cc, UInt128(l3) &* cc, UInt128(l4) &* cc)
    }

    /// (self^(2^250 − 1), self^11): the common head of `inverse()` and `powerP58()`.
    private func chain250() -> (FieldElement25519, FieldElement25519) {
        let z2 = self.squared()  // 2
        let z9 = z2.squared(times: 2) * self  // 9
        let z11 = z9 * z2  // 11
        let z5 = z11.squared() * z9  // 2^5 − 1
        let z10 = z5.squared(times: 5) * z5  // 2^10 − 1
        let z20 = z10.squared(times: 10) * z10  // 2^20 − 1
        let z40 = z20.squared(times: 20) * z20  // 2^40 − 1
        let z50 = z40.squared(times: 10) * z10  // 2^50 − 1
        let z100 = z50.squared(times: 50) * z50  // 2^100 − 1
        let z200 = z100.squared(times: 100) * z100  // 2^200 − 1
        let z250 = z200.squared(times: 50) * z50  // 2^250 − 1
        return (z250, z11)
    }

    /// self^(p − 2) = self⁻¹ (0 for 0): a fixed addition chain, constant time.
    func inverse() -> FieldElement25519 {
        let (z250, z11) = chain250()
        return z250.squared(times: 5) * z11  // 2^255 − 32 + 11 = p − 2
    }

    /// self^((p − 5)/8) = self^(2^252 − 3), the power of the square-root formula of RFC 8032
    /// §5.1.3: a fixed addition chain, constant time.
    func powerP58() -> FieldElement25519 {
        let (z250, _) = chain250()
        return z250.squared(times: 2) * self  // 2^252 − 4 + 1
    }

    /// self^e for a public exponent given little-endian (square and multiply, variable time).
    func power(publicExponent e: [UInt8]) -> FieldElement25519 {
        var r = FieldElement25519.one
        for byte in e.reversed() {
            for bit in (0..<8).reversed() {
                r = r.squared()
                if (byte >> UInt8(bit)) & 1 == 1 { r = r * self }
            }
        }
        return r
    }

    /// All ones if the element is zero (mod p), else 0, as a mask. Constant time.
    func isZeroMask() -> UInt64 {
        let bytes = encoded()
        var acc: UInt64 = 0
        for b in bytes { acc |= UInt64(b) }
        // acc is 0 exactly for zero; (acc − 1) >> 63 is then 1.
        return CTLimb.mask((acc &- 1) >> 63)
    }

    /// Bit 0 of the canonical encoding ("negative" in RFC 8032 §5.1.2), 0 or 1. Constant time.
    func isNegative() -> UInt64 { UInt64(encoded()[0] & 1) }

    /// `b` where `mask` is all ones, `a` where it is 0 (mask from `CTLimb.mask`).
    @inline(__always)
    static func select(_ mask: UInt64, _ b: FieldElement25519, else a: FieldElement25519) -> FieldElement25519 {
        FieldElement25519(
            CTLimb.select(mask, b.l0, a.l0), CTLimb.select(mask, b.l1, a.l1), CTLimb.select(mask, b.l2, a.l2),
            CTLimb.select(mask, b.l3, a.l3), CTLimb.select(mask, b.l4, a.l4))
    }

    /// Swaps `a` and `b` when `mask` is all ones, leaves them when it is 0. Constant time.
    @inline(__always)
    static func conditionalSwap(_ mask: UInt64, _ a: inout FieldElement25519, _ b: inout FieldElement25519) {
        var t = mask & (a.l0 ^ b.l0)
        a.l0 ^= t
        b.l0 ^= t
        t = mask & (a.l1 ^ b.l1)
        a.l1 ^= t
        b.l1 ^= t
        t = mask & (a.l2 ^ b.l2)
        a.l2 ^= t
        b.l2 ^= t
        t = mask & (a.l3 ^ b.l3)
        a.l3 ^= t
        b.l3 ^= t
        t = mask & (a.l4 ^ b.l4)
        a.l4 ^= t
        b.l4 ^= t
    }

    /// Overwrites the limbs with zeros (a secret intermediate going out of use).
    mutating func wipe() { SecretWipe.wipe(value: &self) }
}
#endif
