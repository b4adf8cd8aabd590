// Field arithmetic for the 256-bit prime curves (P-256, secp256k1, brainpoolP256r1/t1, SM2, and
// every other curve whose prime fits in four 64-bit limbs): the operations of ECFieldOps with the
// limb count fixed at 4, so that every loop is unrolled into straight-line code on values held in
// registers (the generic kernel walks limb arrays through memory, or calls LibCryptoASM's
// `lc_mont_mul_mulx` for any length). Same results, same CIOS Montgomery product (R = 2^256).
//
// CONSTANT TIME: no branch and no address depends on an operand; carries are UInt128 arithmetic,
// the final corrections are selected by masks that pass CTLimb's optimisation barrier (as
// MontgomeryKernel.finalSubtract does). The modulus is public.

#if EC
#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

enum ECField4 {
    typealias FE = UnsafeMutablePointer<UInt64>
    typealias Const = UnsafePointer<UInt64>
    /// A double-width product, little-endian limbs.
    typealias Wide = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// `r = a·b·R⁻¹ mod p` for `a, b < p` (CIOS, four rows). `r` may alias `a` or `b`.
    @inline(__always)
    static func mul(_ r: FE, _ a: Const, _ b: Const, _ p: Const, _ m0inv: UInt64) {
        let (b0, b1, b2, b3) = (b[0], b[1], b[2], b[3])
        let (p0, p1, p2, p3) = (p[0], p[1], p[2], p[3])
        var (t0, t1, t2, t3, t4): (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        @inline(__always)
        func row(_ ai: UInt64) {
            var (s, c) = CTLimb.multiplyAdd(ai, b0, t0, 0)
            let u = s &* m0inv
            var (_, d) = CTLimb.multiplyAdd(u, p0, s, 0)
            (s, c) = CTLimb.multiplyAdd(ai, b1, t1, c)
            (t0, d) = CTLimb.multiplyAdd(u, p1, s, d)
            (s, c) = CTLimb.multiplyAdd(ai, b2, t2, c)
            (t1, d) = CTLimb.multiplyAdd(u, p2, s, d)
            (s, c) = CTLimb.multiplyAdd(ai, b3, t3, c)
            (t2, d) = CTLimb.multiplyAdd(u, p3, s, d)
            let top = UInt128(c) &+ UInt128(d) &+ UInt128(t4)
            t3 = UInt64(truncatingIfNeeded: top)
            t4 = UInt64(truncatingIfNeeded: top &>> 64)
        }
        let (a0, a1, a2, a3) = (a[0], a[1], a[2], a[3])
        row(a0)
        row(a1)
        row(a2)
        row(a3)
        // t < 2p: subtract p unless that borrows past t4.
        finish(r, t0, t1, t2, t3, t4, p0, p1, p2, p3)
    }

    /// `r = a + b mod p` for `a, b < p`. `r` may alias either.
    @inline(__always)
    static func add(_ r: FE, _ a: Const, _ b: Const, _ p: Const) {
        var carry: UInt64
        let s0: UInt64
        let s1: UInt64
        let s2: UInt64
        let s3: UInt64
        (s0, carry) = CTLimb.add(a[0], b[0], 0)
        (s1, carry) = CTLimb.add(a[1], b[1], carry)
        (s2, carry) = CTLimb.add(a[2], b[2], carry)
        (s3, carry) = CTLimb.add(a[3], b[3], carry)
        finish(r, s0, s1, s2, s3, carry, p[0], p[1], p[2], p[3])
    }

    /// `r = a − b mod p` for `a, b < p`: subtract, then add p back under the borrow's mask.
    @inline(__always)
    static func sub(_ r: FE, _ a: Const, _ b: Const, _ p: Const) {
        var borrow: UInt64
        let d0: UInt64
        let d1: UInt64
        let d2: UInt64
        let d3: UInt64
        (d0, borrow) = CTLimb.subtract(a[0], b[0], 0)
        (d1, borrow) = CTLimb.subtract(a[1], b[1], borrow)
        (d2, borrow) = CTLimb.subtract(a[2], b[2], borrow)
        (d3, borrow) = CTLimb.subtract(a[3], b[3], borrow)
        let mask = CTLimb.mask(borrow)
        var carry: UInt64
        (r[0], carry) = CTLimb.add(d0, p[0] & mask, 0)
        (r[1], carry) = CTLimb.add(d1, p[1] & mask, carry)
        (r[2], carry) = CTLimb.add(d2, p[2] & mask, carry)
        (r[3], _) = CTLimb.add(d3, p[3] & mask, carry)
    }

    /// `a·b` as eight limbs (schoolbook, four rows).
    @inline(__always)
    static func product(_ a: Const, _ b: Const) -> Wide {
        let (a0, a1, a2, a3) = (a[0], a[1], a[2], a[3])
        let (b0, b1, b2, b3) = (b[0], b[1], b[2], b[3])
        var c: UInt64
        var t0: UInt64
        var t1: UInt64
        var t2: UInt64
        var t3: UInt64
        var t4: UInt64
        var t5: UInt64
        var t6: UInt64
        var t7: UInt64
        (t0, c) = CTLimb.multiplyAdd(a0, b0, 0, 0)
        (t1, c) = CTLimb.multiplyAdd(a0, b1, 0, c)
        (t2, c) = CTLimb.multiplyAdd(a0, b2, 0, c)
        (t3, t4) = CTLimb.multiplyAdd(a0, b3, 0, c)
        (t1, c) = CTLimb.multiplyAdd(a1, b0, t1, 0)
        (t2, c) = CTLimb.multiplyAdd(a1, b1, t2, c)
        (t3, c) = CTLimb.multiplyAdd(a1, b2, t3, c)
        (t4, t5) = CTLimb.multiplyAdd(a1, b3, t4, c)
        (t2, c) = CTLimb.multiplyAdd(a2, b0, t2, 0)
        (t3, c) = CTLimb.multiplyAdd(a2, b1, t3, c)
        (t4, c) = CTLimb.multiplyAdd(a2, b2, t4, c)
        (t5, t6) = CTLimb.multiplyAdd(a2, b3, t5, c)
        (t3, c) = CTLimb.multiplyAdd(a3, b0, t3, 0)
        (t4, c) = CTLimb.multiplyAdd(a3, b1, t4, c)
        (t5, c) = CTLimb.multiplyAdd(a3, b2, t5, c)
        (t6, t7) = CTLimb.multiplyAdd(a3, b3, t6, c)
        return (t0, t1, t2, t3, t4, t5, t6, t7)
    }

    /// `a²` as eight limbs: the six cross products once, doubled, plus the four squares.
    @inline(__always)
    static func square(_ a: Const) -> Wide {
        let (a0, a1, a2, a3) = (a[0], a[1], a[2], a[3])
        var c: UInt64
        var t1: UInt64
        var t2: UInt64
        var t3: UInt64
        var t4: UInt64
        var t5: UInt64
        var t6: UInt64
        var t7: UInt64
        (t1, c) = CTLimb.multiplyAdd(a0, a1, 0, 0)
        (t2, c) = CTLimb.multiplyAdd(a0, a2, 0, c)
        (t3, t4) = CTLimb.multiplyAdd(a0, a3, 0, c)
        (t3, c) = CTLimb.multiplyAdd(a1, a2, t3, 0)
        (t4, t5) = CTLimb.multiplyAdd(a1, a3, t4, c)
        (t5, t6) = CTLimb.multiplyAdd(a2, a3, t5, 0)
        t7 = t6 >> 63
        t6 = (t6 << 1) | (t5 >> 63)
        t5 = (t5 << 1) | (t4 >> 63)
        t4 = (t4 << 1) | (t3 >> 63)
        t3 = (t3 << 1) | (t2 >> 63)
        t2 = (t2 << 1) | (t1 >> 63)
        t1 = t1 << 1
        let (t0, h0) = CTLimb.multiplyAdd(a0, a0, 0, 0)
        let (l1, h1) = CTLimb.multiplyAdd(a1, a1, 0, 0)
        let (l2, h2) = CTLimb.multiplyAdd(a2, a2, 0, 0)
        let (l3, h3) = CTLimb.multiplyAdd(a3, a3, 0, 0)
        (t1, c) = CTLimb.add(t1, h0, 0)
        (t2, c) = CTLimb.add(t2, l1, c)
        (t3, c) = CTLimb.add(t3, h1, c)
        (t4, c) = CTLimb.add(t4, l2, c)
        (t5, c) = CTLimb.add(t5, h2, c)
        (t6, c) = CTLimb.add(t6, l3, c)
        (t7, _) = CTLimb.add(t7, h3, c)
        return (t0, t1, t2, t3, t4, t5, t6, t7)
    }

    /// `r = t·R⁻¹ mod p` for `t < p·R` (four Montgomery rounds, then one masked subtraction).
    @inline(__always)
    static func reduce(_ r: FE, _ t: Wide, _ p: Const, _ m0inv: UInt64) {
        reduce(r, t, p[0], p[1], p[2], p[3], m0inv)
    }

    /// ``reduce(_:_:_:_:)`` with the modulus as values: inlined with constant limbs (the P-256
    /// order), the products by them are the compiler's to simplify.
    @inline(__always)
    static func reduce(
        _ r: FE, _ t: Wide, _ p0: UInt64, _ p1: UInt64, _ p2: UInt64, _ p3: UInt64, _ m0inv: UInt64
    ) {
        var (t0, t1, t2, t3, t4, t5, t6, t7) = t
        var extra: UInt64 = 0
        @inline(__always)
        func round(_ ti: UInt64, _ x1: inout UInt64, _ x2: inout UInt64, _ x3: inout UInt64, _ x4: inout UInt64) {
            let u = ti &* m0inv
            var (_, c) = CTLimb.multiplyAdd(u, p0, ti, 0)
            (x1, c) = CTLimb.multiplyAdd(u, p1, x1, c)
            (x2, c) = CTLimb.multiplyAdd(u, p2, x2, c)
            (x3, c) = CTLimb.multiplyAdd(u, p3, x3, c)
            (x4, extra) = CTLimb.add(x4, c, extra)
        }
        round(t0, &t1, &t2, &t3, &t4)
        round(t1, &t2, &t3, &t4, &t5)
        round(t2, &t3, &t4, &t5, &t6)
        round(t3, &t4, &t5, &t6, &t7)
        _ = t0
        finish(r, t4, t5, t6, t7, extra, p0, p1, p2, p3)
    }

    /// P-256's rounds: p ≡ −1 mod 2^64 makes the multiplier u the low limb itself and
    /// `t_i + u·p_0 = u·2^64`; p_2 = 0 drops a product. Two products a round instead of four.
    @inline(__always)
    static func reduceP256(_ r: FE, _ t: Wide) {
        let (p0, p1, p2, p3): (UInt64, UInt64, UInt64, UInt64) = (
            0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFF, 0, 0xFFFF_FFFF_0000_0001
        )
        var (t0, t1, t2, t3, t4, t5, t6, t7) = t
        var extra: UInt64 = 0
        @inline(__always)
        func round(_ u: UInt64, _ x1: inout UInt64, _ x2: inout UInt64, _ x3: inout UInt64, _ x4: inout UInt64) {
            var c: UInt64
            (x1, c) = CTLimb.multiplyAdd(u, p1, x1, u)
            (x2, c) = CTLimb.add(x2, c, 0)
            (x3, c) = CTLimb.multiplyAdd(u, p3, x3, c)
            (x4, extra) = CTLimb.add(x4, c, extra)
        }
        round(t0, &t1, &t2, &t3, &t4)
        round(t1, &t2, &t3, &t4, &t5)
        round(t2, &t3, &t4, &t5, &t6)
        round(t3, &t4, &t5, &t6, &t7)
        _ = t0
        finish(r, t4, t5, t6, t7, extra, p0, p1, p2, p3)
    }

    /// `r = t − p` unless that borrows past `top` (t < 2p), by masks.
    @inline(__always)
    static func finish(
        _ r: FE, _ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ top: UInt64,
        _ p0: UInt64, _ p1: UInt64, _ p2: UInt64, _ p3: UInt64
    ) {
        var borrow: UInt64
        let d0: UInt64
        let d1: UInt64
        let d2: UInt64
        let d3: UInt64
        (d0, borrow) = CTLimb.subtract(t0, p0, 0)
        (d1, borrow) = CTLimb.subtract(t1, p1, borrow)
        (d2, borrow) = CTLimb.subtract(t2, p2, borrow)
        (d3, borrow) = CTLimb.subtract(t3, p3, borrow)
        let keepT = CTLimb.mask(borrow & ~top & 1)
        r[0] = CTLimb.select(keepT, t0, d0)
        r[1] = CTLimb.select(keepT, t1, d1)
        r[2] = CTLimb.select(keepT, t2, d2)
        r[3] = CTLimb.select(keepT, t3, d3)
    }

    /// `r = a²·R⁻¹ mod p` for `a < p`.
    @inline(__always)
    static func sqr(_ r: FE, _ a: Const, _ p: Const, _ m0inv: UInt64) { reduce(r, square(a), p, m0inv) }

    /// P-256: `r = a·b·R⁻¹ mod p`.
    @inline(__always)
    static func mulP256(_ r: FE, _ a: Const, _ b: Const) { reduceP256(r, product(a, b)) }

    /// P-256: `r = a²·R⁻¹ mod p`.
    @inline(__always)
    static func sqrP256(_ r: FE, _ a: Const) { reduceP256(r, square(a)) }

    /// LibCryptoASM's MULX product `r = a·b·R⁻¹ mod p` (``lc_p256_mul_mulx`` when `p256`), for
    /// the tests that hold it against ``mul(_:_:_:_:_:)``. False, `r` untouched, when the build
    /// has no trait ASM or the CPU no BMI2/ADX.
    static func hardwareMul(_ r: FE, _ a: Const, _ b: Const, _ p: Const, _ m0inv: UInt64, p256: Bool) -> Bool {
        #if ASM && canImport(LibCryptoASM)
        guard MontgomeryContext.hardwareSelected else { return false }
        if p256 { lc_p256_mul_mulx(r, a, b) } else { lc_mont4_mul_mulx(r, a, b, p, m0inv) }
        return true
        #else
        return false
        #endif
    }

    /// LibCryptoASM's MULX squaring `r = a²·R⁻¹ mod p` (``lc_p256_sqr_mulx`` when `p256`), for
    /// the tests; `p[3]` must not be all ones. False, `r` untouched, as ``hardwareMul``.
    static func hardwareSqr(_ r: FE, _ a: Const, _ p: Const, _ m0inv: UInt64, p256: Bool) -> Bool {
        #if ASM && canImport(LibCryptoASM)
        guard MontgomeryContext.hardwareSelected else { return false }
        if p256 { lc_p256_sqr_mulx(r, a) } else { lc_mont4_sqr_mulx(r, a, p, m0inv) }
        return true
        #else
        return false
        #endif
    }

    /// The P-256 order n, little-endian limbs (FIPS 186-4 D.1.2.3).
    static let p256Order: [UInt64] = [
        0xF3B9_CAC2_FC63_254F, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000,
    ]

    /// Modulo the P-256 order: `r = a·b·R⁻¹ mod n`.
    @inline(__always)
    static func mulP256Order(_ r: FE, _ a: Const, _ b: Const, _ m0inv: UInt64) {
        reduce(
            r, product(a, b), 0xF3B9_CAC2_FC63_254F, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF,
            0xFFFF_FFFF_0000_0000, m0inv)
    }

    /// Modulo the P-256 order: `r = a²·R⁻¹ mod n`.
    @inline(__always)
    static func sqrP256Order(_ r: FE, _ a: Const, _ m0inv: UInt64) {
        reduce(
            r, square(a), 0xF3B9_CAC2_FC63_254F, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000,
            m0inv)
    }

    /// The P-256 prime, little-endian limbs (FIPS 186-4 D.1.2.3).
    static let p256: [UInt64] = [0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFF, 0, 0xFFFF_FFFF_0000_0001]

    /// P-256: `r = a^(p−2) = a⁻¹` (Montgomery form in and out) by a fixed addition chain of 255
    /// squarings and 12 products (p − 2 = 2^256 − 2^224 + 2^192 + 2^96 − 3). No branch; the
    /// temporaries are wiped. `r` may alias `a`.
    static func invertP256(_ r: FE, _ a: Const, hardware: Bool) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 28) { buffer in
            let w = buffer.baseAddress!
            defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
            let (x1, x2, x3, x6, x15, x30, x32) = (w, w + 4, w + 8, w + 12, w + 16, w + 20, w + 24)
            // With trait ASM and MULX/ADX, LibCryptoASM's product (the same values).
            @inline(__always)
            func mulP256(_ r: FE, _ a: Const, _ b: Const) {
                #if ASM && canImport(LibCryptoASM)
                if hardware { return lc_p256_mul_mulx(r, a, b) }
                #endif
                ECField4.mulP256(r, a, b)
            }
            @inline(__always)
            func sqrP256(_ r: FE, _ a: Const) {
                #if ASM && canImport(LibCryptoASM)
                if hardware { return lc_p256_sqr_mulx(r, a) }
                #endif
                ECField4.sqrP256(r, a)
            }
            @inline(__always)
            func sqrN(_ t: FE, _ count: Int) { for _ in 0..<count { sqrP256(t, t) } }
            for j in 0..<4 { x1[j] = a[j] }
            sqrP256(x2, x1)
            mulP256(x2, x2, x1)  // 2^2 − 1
            sqrP256(x3, x2)
            mulP256(x3, x3, x1)  // 2^3 − 1
            sqrP256(x6, x3)
            sqrN(x6, 2)
            mulP256(x6, x6, x3)  // 2^6 − 1
            sqrP256(x15, x6)
            sqrN(x15, 5)
            mulP256(x15, x15, x6)  // 2^12 − 1
            sqrN(x15, 3)
            mulP256(x15, x15, x3)  // 2^15 − 1
            sqrP256(x30, x15)
            sqrN(x30, 14)
            mulP256(x30, x30, x15)  // 2^30 − 1
            sqrP256(x32, x30)
            sqrN(x32, 1)
            mulP256(x32, x32, x2)  // 2^32 − 1
            for j in 0..<4 { r[j] = x32[j] }
            sqrN(r, 32)
            mulP256(r, r, x1)  // bits 255…192: 32 ones, 31 zeros, a one
            sqrN(r, 128)
            mulP256(r, r, x32)  // bits 191…64: 96 zeros, 32 ones
            sqrN(r, 32)
            mulP256(r, r, x32)  // bits 63…32
            sqrN(r, 30)
            mulP256(r, r, x30)  // bits 31…2
            sqrN(r, 2)
            mulP256(r, r, x1)  // bits 1…0: 0, 1
        }
    }

    /// `out` = entry `index` of `count` entries of eight limbs each (two 4-limb field elements),
    /// every entry read and kept by a mask (MontgomeryKernel.select with the limb loop
    /// unrolled); an index matching no entry gives zeros.
    @inline(__always)
    static func select8(_ out: FE, _ table: Const, _ count: Int, _ index: UInt64) {
        var (o0, o1, o2, o3, o4, o5, o6, o7): (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0)
        for i in 0..<count {
            let x = UInt64(truncatingIfNeeded: i) ^ index
            let mask = CTLimb.mask(((x | (0 &- x)) >> 63) ^ 1)
            let e = table + 8 * i
            o0 |= e[0] & mask
            o1 |= e[1] & mask
            o2 |= e[2] & mask
            o3 |= e[3] & mask
            o4 |= e[4] & mask
            o5 |= e[5] & mask
            o6 |= e[6] & mask
            o7 |= e[7] & mask
        }
        (out[0], out[1], out[2], out[3], out[4], out[5], out[6], out[7]) = (o0, o1, o2, o3, o4, o5, o6, o7)
    }
}
#endif
