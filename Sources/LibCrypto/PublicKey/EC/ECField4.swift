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
enum ECField4 {
    typealias FE = UnsafeMutablePointer<UInt64>
    typealias Const = UnsafePointer<UInt64>

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
        var borrow: UInt64
        let d0: UInt64
        let d1: UInt64
        let d2: UInt64
        let d3: UInt64
        (d0, borrow) = CTLimb.subtract(t0, p0, 0)
        (d1, borrow) = CTLimb.subtract(t1, p1, borrow)
        (d2, borrow) = CTLimb.subtract(t2, p2, borrow)
        (d3, borrow) = CTLimb.subtract(t3, p3, borrow)
        let keepT = CTLimb.mask(borrow & ~t4 & 1)
        r[0] = CTLimb.select(keepT, t0, d0)
        r[1] = CTLimb.select(keepT, t1, d1)
        r[2] = CTLimb.select(keepT, t2, d2)
        r[3] = CTLimb.select(keepT, t3, d3)
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
        var borrow: UInt64
        let d0: UInt64
        let d1: UInt64
        let d2: UInt64
        let d3: UInt64
        (d0, borrow) = CTLimb.subtract(s0, p[0], 0)
        (d1, borrow) = CTLimb.subtract(s1, p[1], borrow)
        (d2, borrow) = CTLimb.subtract(s2, p[2], borrow)
        (d3, borrow) = CTLimb.subtract(s3, p[3], borrow)
        let keepSum = CTLimb.mask(borrow & ~carry & 1)
        r[0] = CTLimb.select(keepSum, s0, d0)
        r[1] = CTLimb.select(keepSum, s1, d1)
        r[2] = CTLimb.select(keepSum, s2, d2)
        r[3] = CTLimb.select(keepSum, s3, d3)
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
}
#endif
