// Arithmetic in GF(p), p = 2^448 − 2^224 − 1 (the "Goldilocks" prime of RFC 7748 and RFC 8032),
// for X448 and Ed448, plus the scalar arithmetic modulo the Ed448 group order ℓ.
//
// Representation. An element is eight 56-bit limbs (l0 is the least significant) held in UInt64s;
// products are UInt128s. Because 2^448 ≡ 2^224 + 1 (mod p), the top half of a 15-limb product
// folds into the bottom half by two additions per limb (limb k ≥ 8 goes to limbs k − 8 and
// k − 4). Every operation returns limbs below 2^56 + 2^12 ("weakly reduced"); only
// `canonicalLimbs`, `bytes`, `isZeroMask` and `isNegativeBit` reduce fully below p.
//
// Timing.
//   - CONSTANT TIME: everything on GF448 (add, sub, mul, square, mulSmall, the fixed exponent
//     chains `powPMinus3Over4`, `inverse` and `sqrtRatio`'s exponentiation, conditional swap and
//     select by mask, canonical reduction, encoding): straight-line code, no branch or index on
//     limb values; masks pass through CTLimb.barrier. Scalar448.reduce (the 114-byte hash or the
//     892-bit product r + k·s down to a scalar below ℓ) and Scalar448.mulAdd: fixed-length limb
//     arithmetic whose loop bounds depend only on the public input length, a final subtraction
//     of ℓ selected by mask.
//   - VARIABLE TIME (public data only): GF448.init(canonical:) (rejects encodings ≥ p by a
//     branch; used only to decode public keys and signatures), Scalar448.isCanonical (the
//     signature's S against ℓ).
//
// Sources: the prime, the curve constants and the group order are those of RFC 7748 §4.2 and
// RFC 8032 §5.2; the limb layout is the usual radix-2^56 one (as in OpenSSL's arch_64 code), the
// code is our own.

#if EC
/// An element of GF(2^448 − 2^224 − 1) in eight 56-bit limbs, weakly reduced (each limb below
/// 2^56 + 2^12; the value is congruent to the element, not necessarily below p).
struct GF448: Sendable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64
    var l4: UInt64
    var l5: UInt64
    var l6: UInt64
    var l7: UInt64

    static let limbMask: UInt64 = (1 << 56) - 1

    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64, _ l5: UInt64, _ l6: UInt64, _ l7: UInt64)
    {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
        self.l4 = l4
        self.l5 = l5
        self.l6 = l6
        self.l7 = l7
    }

    /// A small constant.
    init(small v: UInt64) { self.init(v, 0, 0, 0, 0, 0, 0, 0) }

    static let zero = GF448(small: 0)
    static let one = GF448(small: 1)

    /// The limbs, least significant first.
    var limbs: [UInt64] { [l0, l1, l2, l3, l4, l5, l6, l7] }

    /// From eight limbs (each below 2^56 + 2^12).
    init(limbs v: [UInt64]) { self.init(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]) }

    /// The 56-byte little-endian number `bytes` (any value below 2^448: X448 takes non-canonical
    /// u-coordinates and reduces them). `bytes` must hold at least 56 bytes; only 56 are read.
    init(bytes: some Collection<UInt8>) {
        var v = [UInt64](repeating: 0, count: 8)
        var i = 0
        for b in bytes.prefix(56) {
            v[i / 7] |= UInt64(b) << UInt64(8 * (i % 7))
            i += 1
        }
        self.init(limbs: v)
        GF448.wipe(&v)
    }

    // MARK: Ring operations

    /// Carries limbs below 2^63 down to below 2^56 + 2^8, folding the carry out of the top limb
    /// back in at limbs 0 and 4 (2^448 ≡ 2^224 + 1).
    @inline(__always)
    mutating func weakReduce() {
        let m = GF448.limbMask
        l1 &+= l0 >> 56
        l0 &= m
        l2 &+= l1 >> 56
        l1 &= m
        l3 &+= l2 >> 56
        l2 &= m
        l4 &+= l3 >> 56
        l3 &= m
        l5 &+= l4 >> 56
        l4 &= m
        l6 &+= l5 >> 56
        l5 &= m
        l7 &+= l6 >> 56
        l6 &= m
        let top = l7 >> 56
        l7 &= m
        l0 &+= top
        l4 &+= top
    }

    static func + (a: GF448, b: GF448) -> GF448 {
        var r = GF448(
            a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3,
            a.l4 &+ b.l4, a.l5 &+ b.l5, a.l6 &+ b.l6, a.l7 &+ b.l7)
        r.weakReduce()
        return r
    }

    /// `a − b` as `a + 2p − b` (each limb of 2p exceeds a weakly reduced limb of b), reduced.
    static func - (a: GF448, b: GF448) -> GF448 {
        let twoM: UInt64 = 0x1ff_ffff_ffff_fffe
        let twoM4: UInt64 = 0x1ff_ffff_ffff_fffc
        var r = GF448(
            a.l0 &+ twoM &- b.l0, a.l1 &+ twoM &- b.l1, a.l2 &+ twoM &- b.l2, a.l3 &+ twoM &- b.l3,
            a.l4 &+ twoM4 &- b.l4, a.l5 &+ twoM &- b.l5, a.l6 &+ twoM &- b.l6, a.l7 &+ twoM &- b.l7)
        r.weakReduce()
        return r
    }

    static prefix func - (a: GF448) -> GF448 { GF448.zero - a }

    /// Carries eight 128-bit column sums (each below 2^122) into a weakly reduced element.
    @inline(__always)
    static func carry(
        _ c0: UInt128, _ c1: UInt128, _ c2: UInt128, _ c3: UInt128,
        _ c4: UInt128, _ c5: UInt128, _ c6: UInt128, _ c7: UInt128
    ) -> GF448 {
        let m = UInt128(limbMask)
        var c1 = c1
        var c2 = c2
        var c3 = c3
        var c4 = c4
        var c5 = c5
        var c6 = c6
        var c7 = c7
        c1 &+= c0 &>> 56
        c2 &+= c1 &>> 56
        c3 &+= c2 &>> 56
        c4 &+= c3 &>> 56
        c5 &+= c4 &>> 56
        c6 &+= c5 &>> 56
        c7 &+= c6 &>> 56
        let top = c7 &>> 56
        let r0 = (c0 & m) &+ top
        let r4 = (c4 & m) &+ top
        let r1 = (c1 & m) &+ (r0 &>> 56)
        let r5 = (c5 & m) &+ (r4 &>> 56)
        return GF448(
            UInt64(truncatingIfNeeded: r0 & m), UInt64(truncatingIfNeeded: r1), UInt64(truncatingIfNeeded: c2 & m),
            UInt64(truncatingIfNeeded: c3 & m), UInt64(truncatingIfNeeded: r4 & m), UInt64(truncatingIfNeeded: r5),
            UInt64(truncatingIfNeeded: c6 & m), UInt64(truncatingIfNeeded: c7 & m))
    }

    static func * (a: GF448, b: GF448) -> GF448 {
        let a0 = UInt128(a.l0)
        let a1 = UInt128(a.l1)
        let a2 = UInt128(a.l2)
        let a3 = UInt128(a.l3)
        let a4 = UInt128(a.l4)
        let a5 = UInt128(a.l5)
        let a6 = UInt128(a.l6)
        let a7 = UInt128(a.l7)
        let b0 = UInt128(b.l0)
        let b1 = UInt128(b.l1)
        let b2 = UInt128(b.l2)
        let b3 = UInt128(b.l3)
        let b4 = UInt128(b.l4)
        let b5 = UInt128(b.l5)
        let b6 = UInt128(b.l6)
        let b7 = UInt128(b.l7)
        var c0 = a0 &* b0
        var c1 = a0 &* b1 &+ a1 &* b0
        var c2 = a0 &* b2 &+ a1 &* b1 &+ a2 &* b0
        var c3 = a0 &* b3 &+ a1 &* b2 &+ a2 &* b1 &+ a3 &* b0
        var c4 = a0 &* b4 &+ a1 &* b3 &+ a2 &* b2 &+ a3 &* b1 &+ a4 &* b0
        var c5 = a0 &* b5 &+ a1 &* b4 &+ a2 &* b3 &+ a3 &* b2 &+ a4 &* b1 &+ a5 &* b0
        var c6 = a0 &* b6 &+ a1 &* b5 &+ a2 &* b4 &+ a3 &* b3 &+ a4 &* b2 &+ a5 &* b1 &+ a6 &* b0
        var c7 = a0 &* b7 &+ a1 &* b6 &+ a2 &* b5 &+ a3 &* b4 &+ a4 &* b3 &+ a5 &* b2 &+ a6 &* b1 &+ a7 &* b0
        var c8 = a1 &* b7 &+ a2 &* b6 &+ a3 &* b5 &+ a4 &* b4 &+ a5 &* b3 &+ a6 &* b2 &+ a7 &* b1
        var c9 = a2 &* b7 &+ a3 &* b6 &+ a4 &* b5 &+ a5 &* b4 &+ a6 &* b3 &+ a7 &* b2
        var c10 = a3 &* b7 &+ a4 &* b6 &+ a5 &* b5 &+ a6 &* b4 &+ a7 &* b3
        let c11 = a4 &* b7 &+ a5 &* b6 &+ a6 &* b5 &+ a7 &* b4
        let c12 = a5 &* b7 &+ a6 &* b6 &+ a7 &* b5
        let c13 = a6 &* b7 &+ a7 &* b6
        let c14 = a7 &* b7
        // Fold limbs 14…8 (2^(56k) ≡ 2^(56(k−8)) + 2^(56(k−4))), top down so that the
        // contributions to limbs 8…10 are folded again.
        c6 &+= c14
        c10 &+= c14
        c5 &+= c13
        c9 &+= c13
        c4 &+= c12
        c8 &+= c12
        c3 &+= c11
        c7 &+= c11
        c2 &+= c10
        c6 &+= c10
        c1 &+= c9
        c5 &+= c9
        c0 &+= c8
        c4 &+= c8
        return carry(c0, c1, c2, c3, c4, c5, c6, c7)
    }

    /// `self²`, with the cross products doubled once.
    func squared() -> GF448 {
        let a = self
        let a0 = UInt128(a.l0)
        let a1 = UInt128(a.l1)
        let a2 = UInt128(a.l2)
        let a3 = UInt128(a.l3)
        let a4 = UInt128(a.l4)
        let a5 = UInt128(a.l5)
        let a6 = UInt128(a.l6)
        let a7 = UInt128(a.l7)
        let d1 = a1 &<< 1
        let d2 = a2 &<< 1
        let d3 = a3 &<< 1
        let d4 = a4 &<< 1
        let d5 = a5 &<< 1
        let d6 = a6 &<< 1
        let d7 = a7 &<< 1
        var c0 = a0 &* a0
        var c1 = a0 &* d1
        var c2 = a0 &* d2 &+ a1 &* a1
        var c3 = a0 &* d3 &+ a1 &* d2
        var c4 = a0 &* d4 &+ a1 &* d3 &+ a2 &* a2
        var c5 = a0 &* d5 &+ a1 &* d4 &+ a2 &* d3
        var c6 = a0 &* d6 &+ a1 &* d5 &+ a2 &* d4 &+ a3 &* a3
        var c7 = a0 &* d7 &+ a1 &* d6 &+ a2 &* d5 &+ a3 &* d4
        var c8 = a1 &* d7 &+ a2 &* d6 &+ a3 &* d5 &+ a4 &* a4
        var c9 = a2 &* d7 &+ a3 &* d6 &+ a4 &* d5
        var c10 = a3 &* d7 &+ a4 &* d6 &+ a5 &* a5
        let c11 = a4 &* d7 &+ a5 &* d6
        let c12 = a5 &* d7 &+ a6 &* a6
        let c13 = a6 &* d7
        let c14 = a7 &* a7
        c6 &+= c14
        c10 &+= c14
        c5 &+= c13
        c9 &+= c13
        c4 &+= c12
        c8 &+= c12
        c3 &+= c11
        c7 &+= c11
        c2 &+= c10
        c6 &+= c10
        c1 &+= c9
        c5 &+= c9
        c0 &+= c8
        c4 &+= c8
        return GF448.carry(c0, c1, c2, c3, c4, c5, c6, c7)
    }

    /// `self^(2^n)`: n squarings (n is a public constant).
    func squared(times n: Int) -> GF448 {
        var r = self
        for _ in 0..<n { r = r.squared() }
        return r
    }

    /// `self · w` for a small public constant `w` (below 2^32).
    func times(_ w: UInt64) -> GF448 {
        let w = UInt128(w)
        return GF448.carry(
            UInt128(l0) &* w, UInt128(l1) &* w, UInt128(l2) &* w, UInt128(l3) &* w,
            UInt128(l4) &* w, UInt128(l5) &* w, UInt128(l6) &* w, UInt128(l7) &* w)
    }

    // MARK: Exponentiations (fixed chains)

    /// `self^((p − 3)/4)`, with (p − 3)/4 = 2^446 − 2^222 − 1 = (2^223 − 1)·2^223 + (2^222 − 1):
    /// an addition chain over t_k = self^(2^k − 1), t_(a+b) = t_a^(2^b)·t_b. 445 squarings and 12
    /// multiplications whatever the value.
    func powPMinus3Over4() -> GF448 {
        let t1 = self
        let t2 = t1.squared() * t1
        let t3 = t2.squared() * t1
        let t6 = t3.squared(times: 3) * t3
        let t12 = t6.squared(times: 6) * t6
        let t24 = t12.squared(times: 12) * t12
        let t48 = t24.squared(times: 24) * t24
        let t96 = t48.squared(times: 48) * t48
        let t192 = t96.squared(times: 96) * t96
        let t216 = t192.squared(times: 24) * t24
        let t222 = t216.squared(times: 6) * t6
        let t223 = t222.squared() * t1
        return t223.squared(times: 223) * t222
    }

    /// `self^(p − 2)` = `self⁻¹` (0 for 0): (self^((p−3)/4))^4 · self.
    func inverse() -> GF448 { powPMinus3Over4().squared(times: 2) * self }

    /// `(x, mask)` with x² = u/v and mask all ones when u·v is a non-zero square (then x is a
    /// square root of u/v), else 0. x = u·(u·v)^((p−3)/4) (p ≡ 3 mod 4); the check is
    /// (u·v)^((p−1)/2) = 1, so u = 0 or v = 0 fails (as OpenSSL's `gf_isr`, which the Ed448
    /// decoding uses).
    static func sqrtRatio(_ u: GF448, _ v: GF448) -> (GF448, UInt64) {
        let uv = u * v
        let t = uv.powPMinus3Over4()
        let check = t.squared() * uv
        return (u * t, equalMask(check, .one))
    }

    // MARK: Canonical form, comparisons, selection

    /// The limbs of the value reduced below p (each below 2^56): subtract p with a signed borrow
    /// chain, add it back under the borrow's mask. A weakly reduced value is below 2p.
    var canonicalLimbs: [UInt64] {
        var a = self
        a.weakReduce()
        let m = GF448.limbMask
        let p = GF448.modulusLimbs
        var v = a.limbs
        var s: Int64 = 0
        for i in 0..<8 {
            s = s &+ Int64(bitPattern: v[i]) &- Int64(bitPattern: p[i])
            v[i] = UInt64(bitPattern: s) & m
            s >>= 56
        }
        let borrow = CTLimb.barrier(UInt64(bitPattern: s))  // all ones when a < p, else 0
        var c: UInt64 = 0
        for i in 0..<8 {
            c = c &+ v[i] &+ (borrow & p[i])
            v[i] = c & m
            c >>= 56
        }
        SecretWipe.wipe(value: &a)
        return v
    }

    /// The limbs of p.
    static let modulusLimbs: [UInt64] = [m56, m56, m56, m56, m56 - 1, m56, m56, m56]
    private static let m56: UInt64 = (1 << 56) - 1

    /// The canonical 56-byte little-endian encoding.
    var bytes: [UInt8] {
        var v = canonicalLimbs
        defer { GF448.wipe(&v) }
        var out = [UInt8](repeating: 0, count: 56)
        for i in 0..<56 { out[i] = UInt8(truncatingIfNeeded: v[i / 7] >> UInt64(8 * (i % 7))) }
        return out
    }

    /// The element of the canonical 56-byte little-endian `bytes`, or nil if that number is not
    /// below p or `bytes` is not 56 bytes. Variable time: for public encodings only.
    init?(canonical bytes: [UInt8]) {
        guard bytes.count == 56 else { return nil }
        self.init(bytes: bytes)
        guard self.bytes == bytes else { return nil }
    }

    /// All ones when the element is 0 (mod p), else 0.
    var isZeroMask: UInt64 {
        var v = canonicalLimbs
        defer { GF448.wipe(&v) }
        var any: UInt64 = 0
        for x in v { any |= x }
        // any < 2^56: any − 1 borrows into bit 63 exactly when any is 0.
        return CTLimb.mask((any &- 1) >> 63)
    }

    /// All ones when a = b (mod p), else 0.
    static func equalMask(_ a: GF448, _ b: GF448) -> UInt64 { (a - b).isZeroMask }

    /// The low bit of the canonical value (RFC 8032's "sign" of x), 0 or 1.
    var isNegativeBit: UInt64 {
        var v = canonicalLimbs
        defer { GF448.wipe(&v) }
        return v[0] & 1
    }

    /// Swaps `a` and `b` when `mask` is all ones, leaves them when it is 0.
    @inline(__always)
    static func conditionalSwap(_ a: inout GF448, _ b: inout GF448, _ mask: UInt64) {
        var t = (a.l0 ^ b.l0) & mask
        a.l0 ^= t
        b.l0 ^= t
        t = (a.l1 ^ b.l1) & mask
        a.l1 ^= t
        b.l1 ^= t
        t = (a.l2 ^ b.l2) & mask
        a.l2 ^= t
        b.l2 ^= t
        t = (a.l3 ^ b.l3) & mask
        a.l3 ^= t
        b.l3 ^= t
        t = (a.l4 ^ b.l4) & mask
        a.l4 ^= t
        b.l4 ^= t
        t = (a.l5 ^ b.l5) & mask
        a.l5 ^= t
        b.l5 ^= t
        t = (a.l6 ^ b.l6) & mask
        a.l6 ^= t
        b.l6 ^= t
        t = (a.l7 ^ b.l7) & mask
        a.l7 ^= t
        b.l7 ^= t
    }

    /// `b` where `mask` is all ones, `a` where it is 0.
    @inline(__always)
    static func select(_ mask: UInt64, _ b: GF448, else a: GF448) -> GF448 {
        GF448(
            (b.l0 & mask) | (a.l0 & ~mask), (b.l1 & mask) | (a.l1 & ~mask),
            (b.l2 & mask) | (a.l2 & ~mask), (b.l3 & mask) | (a.l3 & ~mask),
            (b.l4 & mask) | (a.l4 & ~mask), (b.l5 & mask) | (a.l5 & ~mask),
            (b.l6 & mask) | (a.l6 & ~mask), (b.l7 & mask) | (a.l7 & ~mask))
    }
}

extension GF448 {
    /// Overwrites a limb array (secret limbs leave no copy in freed memory).
    static func wipe(_ v: inout [UInt64]) { v.withUnsafeMutableBytes { SecretWipe.wipe($0) } }
}
#endif
