// Prime-field elliptic-curve arithmetic: field elements in Montgomery form over the curve's fixed
// limb count (the CIOS kernel of BigNum/MontgomeryKernel.swift), projective points with the
// Renes–Costello–Batina complete formulas (eprint 2015/1060: algorithms 1 and 3 for any a,
// algorithms 4 and 6 for a = −3), and scalar multiplication.
//
// Timing.
//   - CONSTANT TIME (secret scalars and secret-derived points; the curve, the limb counts and the
//     scalar's bit count are public): ECEngine.multiply — a fixed 4-bit window over every bit
//     position of the scalar's public bit count, each table entry read by a masked scan of the
//     whole table (MontgomeryKernel.select), every window one addition whatever its value (entry 0
//     is the point at infinity, which the complete formulas add like any point); field products,
//     sums and differences are fixed-length loops with masked final corrections; the inversion
//     for the affine result is Fermat's z^(p−2), whose branches follow only the public p − 2.
//     The one thing made public is whether the result is the point at infinity.
//   - VARIABLE TIME (public scalars and points only: verification, key checks): ECEngine
//     .linearCombination (interleaved 4-bit windows, additions skipped for zero windows).
// The complete formulas have no exceptional case for points of odd order (every point a scalar
// multiplication meets lies in the subgroup of the point it starts from). On the curves with
// cofactor 4 (secp112r2, secp128r2) a point outside the prime-order subgroup can have even
// order, where the formulas are not complete; such points are public (a peer key that fails
// validation), so at worst a check gives a wrong answer for an invalid key, never a secret leak.

#if EC
#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif
/// Field and scalar constants of one curve. Immutable after `init`, shared by every copy of its
/// ``ECCurve``.
final class ECEngine: Sendable {
    /// Limbs of p: the fixed length of every field element.
    let n: Int
    /// The field prime, `n` limbs.
    let p: [UInt64]
    /// `−p⁻¹ mod 2^64`.
    let m0inv: UInt64
    /// `R² mod p`, `R = 2^(64n)`.
    let rr: [UInt64]
    /// `R mod p` (1 in Montgomery form).
    let one: [UInt64]
    /// `a·R mod p`.
    let aM: [UInt64]
    /// `b·R mod p`.
    let bM: [UInt64]
    /// `3b·R mod p`.
    let b3M: [UInt64]
    /// Whether `a = p − 3` (the a = −3 formulas apply).
    let aIsMinus3: Bool
    /// `p − 2`, `n` limbs: the Fermat exponent.
    let pMinus2: [UInt64]
    /// `BN_num_bytes(p)`.
    let fieldBytes: Int
    /// The field prime.
    let prime: BigNum
    /// Montgomery arithmetic modulo the order; nil when the order is even (RFC 2409's
    /// Oakley-EC2N-3 and -4), where the operations that need it throw (``orderContext(for:)``).
    let orderMontgomery: MontgomeryContext?
    /// The order's limbs (no leading zero limb): the fixed length of every scalar.
    let orderLimbs: [UInt64]
    /// Bits of the order.
    let orderBits: Int
    /// `order − 2`, the order's limb count: the Fermat exponent of ``orderInverse(_:)``.
    let orderMinus2: [UInt64]
    /// `R mod order` (1 in the order's Montgomery form).
    let orderOne: [UInt64]
    /// Whether `p < 2·order` with as many limbs, so that a reduced x-coordinate reduces modulo
    /// the order by one conditional subtraction (every curve of cofactor 1, by Hasse's bound).
    let fieldBelowTwiceOrder: Bool
    /// Whether p is the P-256 prime (ECField4.mulP256 and sqrP256).
    let isP256: Bool
    /// Multiples of the generator for ``multiplyGenerator(gx:gy:scalar:)``, built on first use.
    let generatorTable = ECGeneratorTable()
    #if EC2M
    /// The binary-field arithmetic of a GF(2^m) curve (`p` is then its reduction polynomial,
    /// and the point operations below go to it); nil for a prime curve.
    let binary: EC2MGroup?
    #endif

    init?(p: BigNum, a: BigNum, b: BigNum, order: BigNum, cofactor: BigNum, binaryGroup: AnyObject? = nil) {
        guard p.bitWidth >= 3, a < p, b < p, let fctx = try? MontgomeryContext(modulus: p),
            !order.isNegative, order > BigNum(1),
            let b3 = try? (b * BigNum(3)).nonNegativeRemainder(modulo: p)
        else { return nil }
        n = fctx.n
        self.p = fctx.m
        m0inv = fctx.m0inv
        rr = fctx.rr
        var unit = [UInt64](repeating: 0, count: fctx.n)
        unit[0] = 1
        one = fctx.montMul(unit, fctx.rr)
        aM = fctx.montMul(MontgomeryContext.padded(a.limbs, fctx.n), fctx.rr)
        bM = fctx.montMul(MontgomeryContext.padded(b.limbs, fctx.n), fctx.rr)
        b3M = fctx.montMul(MontgomeryContext.padded(b3.limbs, fctx.n), fctx.rr)
        aIsMinus3 = a == p - BigNum(3)
        pMinus2 = MontgomeryContext.padded((p - BigNum(2)).limbs, fctx.n)
        prime = p
        #if EC2M
        binary = binaryGroup as? EC2MGroup
        fieldBytes = binary?.fieldBytes ?? p.byteCount
        #else
        fieldBytes = p.byteCount
        #endif
        orderMontgomery = order.isOdd ? try? MontgomeryContext(modulus: order) : nil
        orderLimbs = order.limbs
        orderBits = order.bitWidth
        if let octx = orderMontgomery {
            var orderUnit = [UInt64](repeating: 0, count: octx.n)
            orderUnit[0] = 1
            orderOne = octx.montMul(orderUnit, octx.rr)
            orderMinus2 = MontgomeryContext.padded((order - BigNum(2)).limbs, octx.n)
            fieldBelowTwiceOrder = fctx.n == octx.n && p < order + order
        } else {
            orderOne = []
            orderMinus2 = []
            fieldBelowTwiceOrder = false
        }
        isP256 = fctx.m == ECField4.p256
    }

    /// `k⁻¹ mod order` for `0 < k < order` (`k` the order's limb count) as Fermat's
    /// `k^(order−2)`, CONSTANT TIME in k: the exponent is public, the products are the field
    /// operations' (ECField4 for four limbs) over the order, the workspace is wiped.
    /// Callers check ``orderContext(for:)`` first; on a curve of even order this gives 0.
    func orderInverse(_ k: [UInt64]) -> [UInt64] {
        guard let octx = orderMontgomery else { return [UInt64](repeating: 0, count: orderLimbs.count) }
        let n = octx.n
        let total = 4 * n + MontgomeryKernel.scratchCount(n)
        let hw = MontgomeryContext.hardwareSelected
        return octx.m.withUnsafeBufferPointer { mb in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: total) { buffer in
                let base = buffer.baseAddress!
                base.initialize(repeating: 0, count: total)
                defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
                let (a, r, unit, rr) = (base, base + n, base + 2 * n, base + 3 * n)
                let f = ECFieldOps(
                    p: mb.baseAddress!, m0inv: octx.m0inv, n: n, t: base + 4 * n, hardware: hw,
                    isP256Order: octx.m == ECField4.p256Order)
                for j in 0..<n {
                    a[j] = j < k.count ? k[j] : 0
                    rr[j] = octx.rr[j]
                }
                unit[0] = 1
                f.mul(a, a, rr)
                f.power(r, a, orderMinus2, one: orderOne)
                f.mul(r, r, unit)
                return Array(UnsafeBufferPointer(start: r, count: n))
            }
        }
    }

    /// `x mod order` for a reduced field element `x` (`n` limbs), CONSTANT TIME in x.
    func reduceToOrder(_ x: [UInt64]) -> [UInt64] {
        guard fieldBelowTwiceOrder else { return RSALimbs.reduce(x, orderLimbs) }
        let m = orderLimbs
        var out = [UInt64](repeating: 0, count: m.count)
        var borrow: UInt64 = 0
        for i in 0..<m.count { (out[i], borrow) = CTLimb.subtract(x[i], m[i], borrow) }
        let keepX = CTLimb.mask(borrow)
        for i in 0..<m.count { out[i] = CTLimb.select(keepX, x[i], out[i]) }
        return out
    }

    /// The Montgomery context modulo the order, for an operation that needs inverses modulo n
    /// (ECDSA, SM2).
    /// - Throws: `unsupportedOperation` when the order is even (OpenSSL has no Montgomery data
    ///   for it either, and its ECDSA fails in `ossl_ec_group_do_inverse_ord` with `BN lib`).
    func orderContext(for operation: String) throws -> MontgomeryContext {
        guard let c = orderMontgomery else {
            throw CryptoError(
                .unsupportedOperation,
                "\(operation) needs inverses modulo the group order, and this curve's order is even "
                    + "(OpenSSL lists such curves as not suitable for ECDSA)", openSSL: .bnCalledWithEvenModulus)
        }
        return c
    }

    /// Limbs of the workspace every operation starts with: the curve constants (3n), the
    /// point-formula temporaries (9n) and the kernel's scratch.
    var baseWorkspace: Int { 12 * n + MontgomeryKernel.scratchCount(n) }

    /// Runs `body` with the field operations and `extra` zeroed limbs of workspace after the
    /// base; the whole workspace is wiped afterwards.
    func withArithmetic<T>(
        extra: Int, forceGeneric: Bool = false, _ body: (ECArithmetic, UnsafeMutablePointer<UInt64>) -> T
    ) -> T {
        let n = self.n
        let total = baseWorkspace + extra
        let hw = MontgomeryContext.hardwareSelected
        return p.withUnsafeBufferPointer { pb in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: total) { buffer in
                let base = buffer.baseAddress!
                base.initialize(repeating: 0, count: total)
                defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
                for j in 0..<n {
                    base[j] = aM[j]
                    base[n + j] = bM[j]
                    base[2 * n + j] = b3M[j]
                }
                let field = ECFieldOps(
                    p: pb.baseAddress!, m0inv: m0inv, n: n, t: base + 12 * n, hardware: hw, isP256: isP256)
                let arith = ECArithmetic(
                    f: field, a: base, b: base + n, b3: base + 2 * n, minus3: aIsMinus3 && !forceGeneric,
                    w: base + 3 * n)
                return body(arith, base + baseWorkspace)
            }
        }
    }
}

/// Field operations modulo p on `n`-limb pointers, all constant time. Valid only inside
/// ``ECEngine/withArithmetic(extra:_:)``. Results may alias operands.
struct ECFieldOps {
    typealias FE = UnsafeMutablePointer<UInt64>
    let p: UnsafePointer<UInt64>
    let m0inv: UInt64
    let n: Int
    /// Kernel scratch, `2n + 2` limbs.
    let t: FE
    let hardware: Bool
    /// Whether p is the P-256 prime (ECField4's dedicated reduction).
    var isP256 = false
    /// Whether p is the P-256 order (ECField4's products with its limbs as constants).
    var isP256Order = false

    /// `r = a·b·R⁻¹ mod p`.
    @inline(__always)
    func mul(_ r: FE, _ a: FE, _ b: FE) {
        if n == 4 {
            #if ASM && canImport(LibCryptoASM)
            if hardware {
                if isP256 { return lc_p256_mul_mulx(r, a, b) }
                return lc_mont4_mul_mulx(r, a, b, p, m0inv)
            }
            #endif
            if isP256 { return ECField4.mulP256(r, a, b) }
            if isP256Order { return ECField4.mulP256Order(r, a, b, m0inv) }
            return ECField4.mul(r, a, b, p, m0inv)
        }
        MontgomeryKernel.multiply(r, a, b, p, m0inv, n, t, hardware: hardware)
    }

    /// `r = a²·R⁻¹ mod p`.
    @inline(__always)
    func sqr(_ r: FE, _ a: FE) {
        if n == 4 {
            #if ASM && canImport(LibCryptoASM)
            // The squarings need a top limb below all ones (public; true of every 4-limb curve
            // prime and order but the bound is the kernel's to state).
            if hardware {
                if isP256 { return lc_p256_sqr_mulx(r, a) }
                if p[3] != UInt64.max { return lc_mont4_sqr_mulx(r, a, p, m0inv) }
                return lc_mont4_mul_mulx(r, a, a, p, m0inv)
            }
            #endif
            if isP256 { return ECField4.sqrP256(r, a) }
            if isP256Order { return ECField4.sqrP256Order(r, a, m0inv) }
            return ECField4.sqr(r, a, p, m0inv)
        }
        MontgomeryKernel.square(r, a, p, m0inv, n, t, hardware: hardware)
    }

    /// `r = a + b mod p`.
    @inline(__always)
    func add(_ r: FE, _ a: FE, _ b: FE) {
        if n == 4 { return ECField4.add(r, a, b, p) }
        MontgomeryKernel.addMod(r, a, b, p, n, t)
    }

    /// `r = a − b mod p`: subtract, then add p back under the borrow's mask.
    @inline(__always)
    func sub(_ r: FE, _ a: FE, _ b: FE) {
        if n == 4 { return ECField4.sub(r, a, b, p) }
        var borrow: UInt64 = 0
        for j in 0..<n { (r[j], borrow) = CTLimb.subtract(a[j], b[j], borrow) }
        let mask = CTLimb.mask(borrow)
        var carry: UInt64 = 0
        for j in 0..<n { (r[j], carry) = CTLimb.add(r[j], p[j] & mask, carry) }
    }

    /// `r = a`.
    @inline(__always)
    func copy(_ r: FE, _ a: FE) { for j in 0..<n { r[j] = a[j] } }

    /// All ones when `a` is zero, else 0.
    @inline(__always)
    func zeroMask(_ a: FE) -> UInt64 {
        var any: UInt64 = 0
        for j in 0..<n { any |= a[j] }
        return CTLimb.mask(((any | (0 &- any)) >> 63) ^ 1)
    }

    /// `r = a^e` (Montgomery form in and out) for a PUBLIC exponent `e` of `n` limbs: fixed 4-bit
    /// windows from the top, the table of a^0 … a^15 indexed by e's windows only (public), the
    /// table wiped afterwards. `r` must not alias `a`.
    func power(_ r: FE, _ a: FE, _ e: [UInt64], one: [UInt64]) {
        let n = self.n
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16 * n) { buffer in
            let table = buffer.baseAddress!
            defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
            for j in 0..<n {
                table[j] = one[j]
                table[n + j] = a[j]
                r[j] = one[j]
            }
            for i in 2..<16 { mul(table + i * n, table + (i - 1) * n, a) }
            var started = false
            var low = e.count * 64 - 4
            while low >= 0 {
                let v = Int((e[low >> 6] >> UInt64(low & 63)) & 15)
                if started { for _ in 0..<4 { sqr(r, r) } }
                if v != 0 {
                    mul(r, r, table + v * n)
                    started = true
                }
                low -= 4
            }
        }
    }
}

/// Projective point arithmetic `(X:Y:Z)`, a point being `3n` contiguous limbs (X, Y, Z in
/// Montgomery form); the point at infinity is `(0:1:0)`. Complete formulas: no branch, no
/// exceptional input (see the note at the top of ECField.swift). Results may alias operands.
struct ECArithmetic {
    typealias FE = UnsafeMutablePointer<UInt64>
    let f: ECFieldOps
    let a: FE
    let b: FE
    let b3: FE
    let minus3: Bool
    /// Nine field elements of temporaries.
    let w: FE

    var n: Int { f.n }

    /// `r = p + q`.
    func add(_ r: FE, _ p: FE, _ q: FE) {
        if minus3 { addMinus3(r, p, q) } else { addGeneric(r, p, q) }
    }

    /// `r = 2p`.
    func double(_ r: FE, _ p: FE) {
        if minus3 { doubleMinus3(r, p) } else { doubleGeneric(r, p) }
    }

    /// Algorithm 1 of Renes–Costello–Batina (any a; b3 = 3b).
    func addGeneric(_ r: FE, _ p: FE, _ q: FE) {
        let n = self.n
        let (x1, y1, z1) = (p, p + n, p + 2 * n)
        let (x2, y2, z2) = (q, q + n, q + 2 * n)
        let t0 = w
        let t1 = w + n
        let t2 = w + 2 * n
        let t3 = w + 3 * n
        let t4 = w + 4 * n
        let t5 = w + 5 * n
        let x3 = w + 6 * n
        let y3 = w + 7 * n
        let z3 = w + 8 * n
        f.mul(t0, x1, x2)
        f.mul(t1, y1, y2)
        f.mul(t2, z1, z2)
        f.add(t3, x1, y1)
        f.add(t4, x2, y2)
        f.mul(t3, t3, t4)
        f.add(t4, t0, t1)
        f.sub(t3, t3, t4)
        f.add(t4, x1, z1)
        f.add(t5, x2, z2)
        f.mul(t4, t4, t5)
        f.add(t5, t0, t2)
        f.sub(t4, t4, t5)
        f.add(t5, y1, z1)
        f.add(x3, y2, z2)
        f.mul(t5, t5, x3)
        f.add(x3, t1, t2)
        f.sub(t5, t5, x3)
        f.mul(z3, a, t4)
        f.mul(x3, b3, t2)
        f.add(z3, x3, z3)
        f.sub(x3, t1, z3)
        f.add(z3, t1, z3)
        f.mul(y3, x3, z3)
        f.add(t1, t0, t0)
        f.add(t1, t1, t0)
        f.mul(t2, a, t2)
        f.mul(t4, b3, t4)
        f.add(t1, t1, t2)
        f.sub(t2, t0, t2)
        f.mul(t2, a, t2)
        f.add(t4, t4, t2)
        f.mul(t0, t1, t4)
        f.add(y3, y3, t0)
        f.mul(t0, t5, t4)
        f.mul(x3, t3, x3)
        f.sub(x3, x3, t0)
        f.mul(t0, t3, t1)
        f.mul(z3, t5, z3)
        f.add(z3, z3, t0)
        for j in 0..<(3 * n) { r[j] = x3[j] }
    }

    /// Algorithm 3 of Renes–Costello–Batina (any a).
    func doubleGeneric(_ r: FE, _ p: FE) {
        let n = self.n
        let (x, y, z) = (p, p + n, p + 2 * n)
        let t0 = w
        let t1 = w + n
        let t2 = w + 2 * n
        let t3 = w + 3 * n
        let x3 = w + 6 * n
        let y3 = w + 7 * n
        let z3 = w + 8 * n
        f.sqr(t0, x)
        f.sqr(t1, y)
        f.sqr(t2, z)
        f.mul(t3, x, y)
        f.add(t3, t3, t3)
        f.mul(z3, x, z)
        f.add(z3, z3, z3)
        f.mul(x3, a, z3)
        f.mul(y3, b3, t2)
        f.add(y3, x3, y3)
        f.sub(x3, t1, y3)
        f.add(y3, t1, y3)
        f.mul(y3, x3, y3)
        f.mul(x3, t3, x3)
        f.mul(z3, b3, z3)
        f.mul(t2, a, t2)
        f.sub(t3, t0, t2)
        f.mul(t3, a, t3)
        f.add(t3, t3, z3)
        f.add(z3, t0, t0)
        f.add(t0, z3, t0)
        f.add(t0, t0, t2)
        f.mul(t0, t0, t3)
        f.add(y3, y3, t0)
        f.mul(t2, y, z)
        f.add(t2, t2, t2)
        f.mul(t0, t2, t3)
        f.sub(x3, x3, t0)
        f.mul(z3, t2, t1)
        f.add(z3, z3, z3)
        f.add(z3, z3, z3)
        for j in 0..<(3 * n) { r[j] = x3[j] }
    }

    /// Algorithm 4 of Renes–Costello–Batina (a = −3).
    func addMinus3(_ r: FE, _ p: FE, _ q: FE) {
        let n = self.n
        let (x1, y1, z1) = (p, p + n, p + 2 * n)
        let (x2, y2, z2) = (q, q + n, q + 2 * n)
        let t0 = w
        let t1 = w + n
        let t2 = w + 2 * n
        let t3 = w + 3 * n
        let t4 = w + 4 * n
        let x3 = w + 6 * n
        let y3 = w + 7 * n
        let z3 = w + 8 * n
        f.mul(t0, x1, x2)
        f.mul(t1, y1, y2)
        f.mul(t2, z1, z2)
        f.add(t3, x1, y1)
        f.add(t4, x2, y2)
        f.mul(t3, t3, t4)
        f.add(t4, t0, t1)
        f.sub(t3, t3, t4)
        f.add(t4, y1, z1)
        f.add(x3, y2, z2)
        f.mul(t4, t4, x3)
        f.add(x3, t1, t2)
        f.sub(t4, t4, x3)
        f.add(x3, x1, z1)
        f.add(y3, x2, z2)
        f.mul(x3, x3, y3)
        f.add(y3, t0, t2)
        f.sub(y3, x3, y3)
        f.mul(z3, b, t2)
        f.sub(x3, y3, z3)
        f.add(z3, x3, x3)
        f.add(x3, x3, z3)
        f.sub(z3, t1, x3)
        f.add(x3, t1, x3)
        f.mul(y3, b, y3)
        f.add(t1, t2, t2)
        f.add(t2, t1, t2)
        f.sub(y3, y3, t2)
        f.sub(y3, y3, t0)
        f.add(t1, y3, y3)
        f.add(y3, t1, y3)
        f.add(t1, t0, t0)
        f.add(t0, t1, t0)
        f.sub(t0, t0, t2)
        f.mul(t1, t4, y3)
        f.mul(t2, t0, y3)
        f.mul(y3, x3, z3)
        f.add(y3, y3, t2)
        f.mul(x3, t3, x3)
        f.sub(x3, x3, t1)
        f.mul(z3, t4, z3)
        f.mul(t1, t3, t0)
        f.add(z3, z3, t1)
        for j in 0..<(3 * n) { r[j] = x3[j] }
    }

    /// Algorithm 5 of Renes–Costello–Batina (a = −3, mixed): `r = p + q` for projective `p` and
    /// an affine `q` (`2n` limbs: X, Y with Z = 1, never the point at infinity); complete for every
    /// such pair, 11 products instead of 12.
    func addMixedMinus3(_ r: FE, _ p: FE, _ q: FE) {
        let n = self.n
        let (x1, y1, z1) = (p, p + n, p + 2 * n)
        let (x2, y2) = (q, q + n)
        let t0 = w
        let t1 = w + n
        let t2 = w + 2 * n
        let t3 = w + 3 * n
        let t4 = w + 4 * n
        let x3 = w + 6 * n
        let y3 = w + 7 * n
        let z3 = w + 8 * n
        f.mul(t0, x1, x2)
        f.mul(t1, y1, y2)
        f.add(t3, x2, y2)
        f.add(t4, x1, y1)
        f.mul(t3, t3, t4)
        f.add(t4, t0, t1)
        f.sub(t3, t3, t4)
        f.mul(t4, y2, z1)
        f.add(t4, t4, y1)
        f.mul(y3, x2, z1)
        f.add(y3, y3, x1)
        f.mul(z3, b, z1)
        f.sub(x3, y3, z3)
        f.add(z3, x3, x3)
        f.add(x3, x3, z3)
        f.sub(z3, t1, x3)
        f.add(x3, t1, x3)
        f.mul(y3, b, y3)
        f.add(t1, z1, z1)
        f.add(t2, t1, z1)
        f.sub(y3, y3, t2)
        f.sub(y3, y3, t0)
        f.add(t1, y3, y3)
        f.add(y3, t1, y3)
        f.add(t1, t0, t0)
        f.add(t0, t1, t0)
        f.sub(t0, t0, t2)
        f.mul(t1, t4, y3)
        f.mul(t2, t0, y3)
        f.mul(y3, x3, z3)
        f.add(y3, y3, t2)
        f.mul(x3, t3, x3)
        f.sub(x3, x3, t1)
        f.mul(z3, t4, z3)
        f.mul(t1, t3, t0)
        f.add(z3, z3, t1)
        for j in 0..<(3 * n) { r[j] = x3[j] }
    }

    /// `r = p + q` for `p` in Jacobian coordinates (X : Y : Z), the point (X/Z², Y/Z³), and `q`
    /// affine `(x, y)` (Montgomery form, `2n` limbs): 8 products and 3 squares (Cohen–Miyaji–Ono's
    /// mixed addition, "madd-2004-hmv" in the Explicit-Formulas Database), any a. NOT complete:
    /// the result is right when p ≠ ±q and neither is infinity; when p = −q, Z3 = 0 (infinity).
    /// ``ECEngine/multiplyGenerator(gx:gy:scalar:)`` uses it only where its digits prove p ≠ ±q
    /// and handles p = ∞ by a mask. No branch; the temporaries are the nine of `w`.
    func addMixedJacobian(_ r: FE, _ p: FE, _ q: FE) {
        let n = self.n
        let (x1, y1, z1) = (p, p + n, p + 2 * n)
        let (x2, y2) = (q, q + n)
        let zz = w
        let u = w + n
        let s = w + 2 * n
        let h = w + 3 * n
        let rr = w + 4 * n
        let hh = w + 5 * n
        let x3 = w + 6 * n
        let y3 = w + 7 * n
        let z3 = w + 8 * n
        f.sqr(zz, z1)  // Z1²
        f.mul(u, x2, zz)  // U2 = x2·Z1²
        f.mul(s, z1, zz)
        f.mul(s, y2, s)  // S2 = y2·Z1³
        f.sub(h, u, x1)  // H = U2 − X1
        f.sub(rr, s, y1)  // R = S2 − Y1
        f.mul(z3, z1, h)  // Z3 = Z1·H
        f.sqr(hh, h)  // H²
        f.mul(u, x1, hh)  // V = X1·H²
        f.mul(hh, hh, h)  // H³
        f.sqr(x3, rr)
        f.sub(x3, x3, hh)
        f.sub(x3, x3, u)
        f.sub(x3, x3, u)  // X3 = R² − H³ − 2V
        f.sub(y3, u, x3)
        f.mul(y3, rr, y3)
        f.mul(s, y1, hh)
        f.sub(y3, y3, s)  // Y3 = R·(V − X3) − Y1·H³
        for j in 0..<(3 * n) { r[j] = x3[j] }
    }

    /// Algorithm 6 of Renes–Costello–Batina (a = −3).
    func doubleMinus3(_ r: FE, _ p: FE) {
        let n = self.n
        let (x, y, z) = (p, p + n, p + 2 * n)
        let t0 = w
        let t1 = w + n
        let t2 = w + 2 * n
        let t3 = w + 3 * n
        let x3 = w + 6 * n
        let y3 = w + 7 * n
        let z3 = w + 8 * n
        f.sqr(t0, x)
        f.sqr(t1, y)
        f.sqr(t2, z)
        f.mul(t3, x, y)
        f.add(t3, t3, t3)
        f.mul(z3, x, z)
        f.add(z3, z3, z3)
        f.mul(y3, b, t2)
        f.sub(y3, y3, z3)
        f.add(x3, y3, y3)
        f.add(y3, x3, y3)
        f.sub(x3, t1, y3)
        f.add(y3, t1, y3)
        f.mul(y3, x3, y3)
        f.mul(x3, x3, t3)
        f.add(t3, t2, t2)
        f.add(t2, t2, t3)
        f.mul(z3, b, z3)
        f.sub(z3, z3, t2)
        f.sub(z3, z3, t0)
        f.add(t3, z3, z3)
        f.add(z3, z3, t3)
        f.add(t3, t0, t0)
        f.add(t0, t3, t0)
        f.sub(t0, t0, t2)
        f.mul(t0, t0, z3)
        f.add(y3, y3, t0)
        f.mul(t0, y, z)
        f.add(t0, t0, t0)
        f.mul(z3, t0, z3)
        f.sub(x3, x3, z3)
        f.mul(z3, t0, t1)
        f.add(z3, z3, z3)
        f.add(z3, z3, z3)
        for j in 0..<(3 * n) { r[j] = x3[j] }
    }
}

/// An affine result of a scalar multiplication: coordinates as `n` little-endian limbs (ordinary
/// form, reduced), or the point at infinity.
struct ECAffineLimbs {
    var x: [UInt64]
    var y: [UInt64]
    /// Public (declassified): whether the result is the point at infinity (x and y are then 0).
    let isInfinity: Bool

    mutating func wipe() {
        RSALimbs.wipe(&x)
        RSALimbs.wipe(&y)
    }
}

extension ECEngine {
    /// Window width of the scalar multiplications.
    static let window = 4

    /// Loads the affine point `(x, y)` (ordinary form, reduced, `n` limbs each) into `out` as
    /// `(x·R : y·R : R)`.
    func load(_ out: UnsafeMutablePointer<UInt64>, x: [UInt64], y: [UInt64], _ e: ECArithmetic) {
        let n = self.n
        for j in 0..<n {
            out[j] = x[j]
            out[n + j] = y[j]
            out[2 * n + j] = rr[j]
        }
        e.f.mul(out, out, out + 2 * n)
        e.f.mul(out + n, out + n, out + 2 * n)
        for j in 0..<n { out[2 * n + j] = one[j] }
    }

    /// The affine form of the projective `point`: `x = X/Z`, `y = Y/Z` by a Fermat inverse of Z
    /// (constant time), out of Montgomery form. Only "Z = 0" (infinity) is declassified.
    /// `work` holds `2n` limbs.
    func affine(_ point: UnsafeMutablePointer<UInt64>, _ e: ECArithmetic, work: UnsafeMutablePointer<UInt64>)
        -> ECAffineLimbs
    {
        let n = self.n
        let z = point + 2 * n
        let infinity = ConstantTime.declassify(e.f.zeroMask(z) & 1 == 1)
        let zinv = work
        let unit = work + n
        if e.f.isP256 {
            ECField4.invertP256(zinv, z, hardware: e.f.hardware)
        } else {
            e.f.power(zinv, z, pMinus2, one: one)
        }
        for j in 0..<n { unit[j] = 0 }
        unit[0] = 1
        var x = [UInt64](repeating: 0, count: n)
        var y = [UInt64](repeating: 0, count: n)
        e.f.mul(point, point, zinv)
        e.f.mul(point, point, unit)
        e.f.mul(point + n, point + n, zinv)
        e.f.mul(point + n, point + n, unit)
        for j in 0..<n {
            x[j] = point[j]
            y[j] = point[n + j]
        }
        return ECAffineLimbs(x: x, y: y, isInfinity: infinity)
    }

    /// `k·P` in CONSTANT TIME in `k` and `P`: `P = (x, y)` affine (reduced, `n` limbs each; a
    /// point of the curve), `k` little-endian limbs read over exactly `bits` bit positions (a
    /// public count; bits above it are ignored). See the note at the top of ECField.swift.
    func multiply(x: [UInt64], y: [UInt64], scalar k: [UInt64], bits: Int) -> ECAffineLimbs {
        #if EC2M
        if let g = binary { return g.multiply(x: x, y: y, scalar: k, bits: bits) }
        #endif
        let n = self.n
        let w = Self.window
        let size = 1 << w
        let pointLimbs = 3 * n
        // Workspace: table (size points), acc, selected, 2n for the inversion.
        return withArithmetic(extra: (size + 2) * pointLimbs + 2 * n) { e, work in
            let table = work
            let acc = table + size * pointLimbs
            let sel = acc + pointLimbs
            let inv = sel + pointLimbs
            // table[0] = infinity (0 : 1 : 0), table[1] = P, table[i] = 2·table[i/2] or table[i−1] + P.
            for j in 0..<n { table[n + j] = one[j] }
            load(table + pointLimbs, x: x, y: y, e)
            var i = 2
            while i < size {
                if i & 1 == 0 {
                    e.double(table + i * pointLimbs, table + (i / 2) * pointLimbs)
                } else {
                    e.add(table + i * pointLimbs, table + (i - 1) * pointLimbs, table + pointLimbs)
                }
                i += 1
            }
            for j in 0..<pointLimbs { acc[j] = table[j] }
            k.withUnsafeBufferPointer { k in
                func window(at low: Int) -> UInt64 {
                    var v: UInt64 = 0
                    for b in 0..<w {
                        let bit = low + b
                        if bit < bits && (bit >> 6) < k.count {
                            v |= ((k[bit >> 6] >> UInt64(bit & 63)) & 1) << UInt64(b)
                        }
                    }
                    return v
                }
                let windows = max(1, (bits + w - 1) / w)
                var index = windows - 1
                while index >= 0 {
                    if index != windows - 1 {
                        for _ in 0..<w { e.double(acc, acc) }
                    }
                    MontgomeryKernel.select(sel, table, size, pointLimbs, window(at: index * w))
                    e.add(acc, acc, sel)
                    index -= 1
                }
            }
            return affine(acc, e, work: inv)
        }
    }

    /// `u1·P1 + u2·P2`, VARIABLE TIME (public scalars and points only): interleaved fixed 4-bit
    /// windows, zero windows skipped. Points are affine (reduced limbs, on the curve); scalars
    /// are little-endian limbs of any length. `forceGeneric` uses the any-a formulas on an
    /// a = −3 curve (for the tests that compare the two).
    func linearCombination(_ terms: [(x: [UInt64], y: [UInt64], scalar: [UInt64])], forceGeneric: Bool = false)
        -> ECAffineLimbs
    {
        #if EC2M
        if let g = binary { return g.linearCombination(terms) }
        #endif
        let n = self.n
        let w = Self.window
        let size = 1 << w
        let pointLimbs = 3 * n
        var bits = 0
        for t in terms {
            for (i, limb) in t.scalar.enumerated() where limb != 0 {
                bits = max(bits, i * 64 + (64 - limb.leadingZeroBitCount))
            }
        }
        let count = terms.count
        return withArithmetic(extra: (count * size + 1) * pointLimbs + 2 * n, forceGeneric: forceGeneric) { e, work in
            let acc = work + count * size * pointLimbs
            let inv = acc + pointLimbs
            for (t, term) in terms.enumerated() {
                let table = work + t * size * pointLimbs
                for j in 0..<n { table[n + j] = one[j] }
                load(table + pointLimbs, x: term.x, y: term.y, e)
                for i in 2..<size {
                    e.add(table + i * pointLimbs, table + (i - 1) * pointLimbs, table + pointLimbs)
                }
            }
            for j in 0..<n { acc[n + j] = one[j] }
            let windows = (bits + w - 1) / w
            var index = windows - 1
            while index >= 0 {
                for _ in 0..<w { e.double(acc, acc) }
                for (t, term) in terms.enumerated() {
                    var v = 0
                    for b in 0..<w {
                        let bit = index * w + b
                        if (bit >> 6) < term.scalar.count {
                            v |= Int((term.scalar[bit >> 6] >> UInt64(bit & 63)) & 1) << b
                        }
                    }
                    if v != 0 { e.add(acc, acc, work + (t * size + v) * pointLimbs) }
                }
                index -= 1
            }
            return affine(acc, e, work: inv)
        }
    }
}
#endif
