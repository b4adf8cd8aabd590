// Points of the binary curves y² + xy = x³ + ax² + b over GF(2^m) (OpenSSL's EC_GFp2m methods):
// the on-curve check, the octet-string decoding of crypto/ec/ec2_oct.c (compressed points carry
// the low bit of y/x; x = 0 gives y = √b), negation (x, x + y), and scalar multiplication by the
// López–Dahab Montgomery ladder on (X : Z) with y recovery (López and Dahab, "Fast multiplication
// on elliptic curves over GF(2^m) without precomputation", CHES 1999: Madd, Mdouble, Mxy; as
// OpenSSL's ec_GF2m_simple_ladder_* and gf2m_Mxy).
//
// Timing.
//   - CONSTANT TIME (secret scalars): EC2MGroup.multiply — exactly `bits` ladder steps (a public
//     count), each one masked conditional swap, one Madd and one Mdouble whatever the bit; the y
//     recovery and the inversion are fixed sequences; the case "(k+1)·P = ∞" (kP = −P) is a
//     masked select. Made public: whether the result is the point at infinity, and whether the
//     (public) input point has x = 0 (a point of order 2, for which kP is P or ∞).
//   - VARIABLE TIME (public data: verification, key checks, decoding): linearCombination (one
//     ladder per term, then affine additions), the on-curve check and decompression.

#if EC && EC2M
/// The curve `y² + xy = x³ + ax² + b` over a binary field, with its constants as field elements.
final class EC2MGroup: Sendable {
    /// The field.
    let field: EC2MField
    /// The coefficient a.
    let a: [UInt64]
    /// The coefficient b.
    let b: [UInt64]
    /// `(m + 7) / 8`: the bytes of a coordinate (OpenSSL's field length for GF(2^m)).
    let fieldBytes: Int

    init?(exponents: [Int], a: BigNum, b: BigNum) {
        guard let f = EC2MField(exponents: exponents), a.bitWidth <= f.m, b.bitWidth <= f.m, !a.isNegative,
            !b.isNegative
        else { return nil }
        field = f
        self.a = f.element(a.limbs)
        self.b = f.element(b.limbs)
        fieldBytes = (f.m + 7) / 8
    }

    /// The degree m.
    var m: Int { field.m }

    /// Whether `y² + xy = x³ + ax² + b` for elements x and y (VARIABLE TIME: public points).
    func isOnCurve(x: [UInt64], y: [UInt64]) -> Bool {
        let f = field
        let x2 = f.sqr(x)
        let lhs = f.add(f.sqr(y), f.mul(x, y))
        let rhs = f.add(f.add(f.mul(x2, x), f.mul(a, x2)), b)
        return f.equal(lhs, rhs)
    }

    /// The y of the point with this x whose `y/x` has low bit `yBit` (`y = √b` for x = 0), as
    /// ec_GF2m_simple_set_compressed_coordinates finds it; nil if `z² + z = x + a + b/x²` has no
    /// solution. The caller checks the point is on the curve. VARIABLE TIME (public points).
    func decompress(x: [UInt64], yBit: UInt64) -> [UInt64]? {
        let f = field
        if f.zeroMask(x) != 0 { return f.squareRoot(b) }
        guard let bx2 = f.checkedDivide(b, f.sqr(x)) else { return nil }
        let beta = f.add(f.add(bx2, a), x)
        guard let z = f.solveQuadratic(beta) else { return nil }
        var y = f.mul(x, z)
        if z[0] & 1 != yBit { y = f.add(y, x) }
        return y
    }

    /// The compression bit of `(x, y)`: the low bit of `y/x`, 0 when x = 0 (`EC_POINT_point2oct`).
    func compressionBit(x: [UInt64], y: [UInt64]) -> UInt64 {
        let f = field
        if f.zeroMask(x) != 0 { return 0 }
        return f.divide(y, x)[0] & 1
    }

    /// `k·P` in CONSTANT TIME in k: P = (x, y) on the curve (n limbs each), k's low `bits` bits
    /// (a public count) read MSB first by the López–Dahab ladder from (∞, P).
    func multiply(x: [UInt64], y: [UInt64], scalar k: [UInt64], bits: Int) -> ECAffineLimbs {
        let f = field
        let n = f.n
        if f.zeroMask(x) != 0 {
            // P = (0, √b) has order 2: kP is P for odd k, else ∞. Which one is the public outcome.
            let odd = ConstantTime.declassify(!k.isEmpty && k[0] & 1 == 1)
            return odd
                ? ECAffineLimbs(x: x, y: y, isInfinity: false) : ECAffineLimbs(x: f.zero, y: f.zero, isInfinity: true)
        }
        var rx = f.zero
        var ry = f.zero
        // On pointers in one workspace (wiped after): no allocation per field operation.
        let atInfinity = f.withOps(elements: 13) { o, w -> Bool in
            let (px, py, bb, x1, z1, x2, z2) = (w, w + n, w + 2 * n, w + 3 * n, w + 4 * n, w + 5 * n, w + 6 * n)
            let (t1, t2, t3, t4, u1, u2) = (w + 7 * n, w + 8 * n, w + 9 * n, w + 10 * n, w + 11 * n, w + 12 * n)
            for j in 0..<n {
                px[j] = x[j]
                py[j] = y[j]
                bb[j] = b[j]
                x2[j] = x[j]
            }
            x1[0] = 1
            z2[0] = 1
            func conditionalSwap(_ swap: UInt64) {
                for j in 0..<n {
                    var t = (x1[j] ^ x2[j]) & swap
                    x1[j] ^= t
                    x2[j] ^= t
                    t = (z1[j] ^ z2[j]) & swap
                    z1[j] ^= t
                    z2[j] ^= t
                }
            }
            var previous: UInt64 = 0
            for i in stride(from: bits - 1, through: 0, by: -1) {
                let word = i / 64 < k.count ? k[i / 64] : 0
                let bit = (word >> UInt64(i % 64)) & 1
                conditionalSwap(CTLimb.mask(bit ^ previous))
                previous = bit
                // R1 = R0 + R1 (difference P): z2 = (x1·z2 + x2·z1)², x2 = x·z2 + x1·z2·x2·z1.
                o.mul(t1, x1, z2)
                o.mul(t2, x2, z1)
                o.add(z2, t1, t2)
                o.sqr(z2, z2)
                o.mul(t3, px, z2)
                o.mul(t4, t1, t2)
                o.add(x2, t3, t4)
                // R0 = 2·R0: z1 = x1²·z1², x1 = x1⁴ + b·z1⁴.
                o.sqr(t1, x1)
                o.sqr(t2, z1)
                o.mul(z1, t1, t2)
                o.sqr(t3, t1)
                o.sqr(t4, t2)
                o.mul(t4, bb, t4)
                o.add(x1, t3, t4)
            }
            conditionalSwap(CTLimb.mask(previous))
            // R0 = kP = (x1 : z1), R1 = (k+1)P = (x2 : z2).
            if ConstantTime.declassify(o.zeroMask(z1) != 0) { return true }
            // Mxy: y recovery; when z2 = 0 (kP = −P) the result is (x, x + y), selected by mask.
            let minusP = CTLimb.barrier(o.zeroMask(z2))
            o.mul(t3, z1, z2)  // t3 = z1·z2
            o.mul(u1, z1, px)
            o.add(u1, u1, x1)  // u1 = z1·x + x1
            o.mul(u2, z2, px)
            o.add(u2, u2, x2)  // u2 = z2·x + x2
            o.mul(u1, u2, u1)  // v = u2·u1
            o.sqr(t4, px)
            o.add(t4, t4, py)
            o.mul(t4, t4, t3)
            o.add(t4, t4, u1)  // t4 = (x² + y)·t3 + v
            o.mul(t3, t3, px)
            o.inverse(t3, t3, t1)  // t3 = (t3·x)⁻¹ (t1, t2 its scratch)
            o.mul(t4, t4, t3)
            o.mul(u2, z2, px)
            o.mul(u2, u2, x1)
            o.mul(u2, u2, t3)  // rx = z2·x·x1·t3
            o.add(t1, u2, px)
            o.mul(t1, t1, t4)
            o.add(t1, t1, py)  // ry = (rx + x)·t4 + y
            for j in 0..<n {
                rx[j] = (u2[j] & ~minusP) | (px[j] & minusP)
                ry[j] = (t1[j] & ~minusP) | ((px[j] ^ py[j]) & minusP)
            }
            return false
        }
        if atInfinity { return ECAffineLimbs(x: f.zero, y: f.zero, isInfinity: true) }
        return ECAffineLimbs(x: rx, y: ry, isInfinity: false)
    }

    /// `Σ uᵢ·Pᵢ`, VARIABLE TIME (public scalars and points): a ladder per term, then affine sums.
    func linearCombination(_ terms: [(x: [UInt64], y: [UInt64], scalar: [UInt64])]) -> ECAffineLimbs {
        var acc: ([UInt64], [UInt64]) = ([], [])
        for t in terms {
            var bits = 0
            for (i, limb) in t.scalar.enumerated() where limb != 0 {
                bits = max(bits, i * 64 + (64 - limb.leadingZeroBitCount))
            }
            let r = multiply(x: field.element(t.x), y: field.element(t.y), scalar: t.scalar, bits: bits)
            if !r.isInfinity { acc = add(acc, (r.x, r.y)) }
        }
        if acc.0.isEmpty { return ECAffineLimbs(x: field.zero, y: field.zero, isInfinity: true) }
        return ECAffineLimbs(x: acc.0, y: acc.1, isInfinity: false)
    }

    /// `P + Q` in affine coordinates; `([], [])` stands for ∞. VARIABLE TIME (public points).
    func add(_ p: ([UInt64], [UInt64]), _ q: ([UInt64], [UInt64])) -> ([UInt64], [UInt64]) {
        if p.0.isEmpty { return q }
        if q.0.isEmpty { return p }
        let f = field
        let (x1, y1) = p
        let (x2, y2) = q
        if f.equal(x1, x2) {
            if !f.equal(y1, y2) || f.zeroMask(x1) != 0 { return ([], []) }
            // Doubling: λ = x + y/x, x3 = λ² + λ + a, y3 = x² + (λ + 1)·x3.
            let l = f.add(x1, f.divide(y1, x1))
            let x3 = f.add(f.add(f.sqr(l), l), a)
            let y3 = f.add(f.sqr(x1), f.mul(f.add(l, f.one), x3))
            return (x3, y3)
        }
        // λ = (y1 + y2)/(x1 + x2), x3 = λ² + λ + x1 + x2 + a, y3 = λ(x1 + x3) + x3 + y1.
        let sx = f.add(x1, x2)
        let l = f.divide(f.add(y1, y2), sx)
        let x3 = f.add(f.add(f.add(f.sqr(l), l), sx), a)
        let y3 = f.add(f.add(f.mul(l, f.add(x1, x3)), x3), y1)
        return (x3, y3)
    }
}
#endif

#if EC && EC2M
extension ECPoint {
    /// `(x, y)` on a binary curve (`EC_POINT_set_affine_coordinates`): coordinates below 2^m and
    /// on the curve.
    init(binaryX x: BigNum, y: BigNum, curve: ECCurve, group g: EC2MGroup) throws {
        guard !x.isNegative, !y.isNegative, x.bitWidth <= g.m, y.bitWidth <= g.m else {
            throw CryptoError(.invalidParameter, "coordinate not below 2^m", openSSL: .ecCoordinatesOutOfRange)
        }
        guard g.isOnCurve(x: g.field.element(x.limbs), y: g.field.element(y.limbs)) else {
            throw CryptoError(
                .invalidParameter, "point is not on curve \(curve.name)", openSSL: .ecPointIsNotOnCurve)
        }
        self.init(trustedX: x, y: y, curve: curve)
    }

    /// The forms 02/03, 04 and 06/07 on a binary curve, with ec_GF2m_simple_oct2point's checks
    /// (the first byte already checked, the point at infinity already handled).
    init(binaryEncoded encoded: [UInt8], form: UInt8, yBit: UInt8, curve: ECCurve, group g: EC2MGroup) throws {
        func invalid(_ what: String) -> CryptoError {
            CryptoError(.invalidParameter, "invalid point encoding: \(what)", openSSL: .ecInvalidEncoding)
        }
        let fieldLength = g.fieldBytes
        let expected = form == 2 ? 1 + fieldLength : 1 + 2 * fieldLength
        guard encoded.count == expected else {
            throw invalid("\(encoded.count) bytes, not \(expected), on \(curve.name)")
        }
        let x = try BigNum(bytes: encoded[1..<(1 + fieldLength)])
        guard x.bitWidth <= g.m else { throw invalid("x not below 2^m") }
        let f = g.field
        let xe = f.element(x.limbs)
        if form == 2 {
            guard let ye = g.decompress(x: xe, yBit: UInt64(yBit)) else {
                throw CryptoError(
                    .invalidParameter, "no point with this x on \(curve.name)", openSSL: .ecInvalidCompressedPoint)
            }
            try self.init(binaryX: x, y: BigNum(limbs: ye), curve: curve, group: g)
            return
        }
        let y = try BigNum(bytes: encoded[(1 + fieldLength)...])
        guard y.bitWidth <= g.m else { throw invalid("y not below 2^m") }
        if form == 6 {
            if f.zeroMask(xe) != 0 {
                guard yBit == 0 else { throw invalid("hybrid parity bit set for x = 0") }
            } else {
                // y/x as ec_GF2m_simple_oct2point's field_div: it fails when x has no inverse,
                // which only happens modulo a reducible polynomial (explicit parameters).
                guard let yx = f.checkedDivide(f.element(y.limbs), xe) else {
                    throw CryptoError(
                        .invalidParameter,
                        "invalid point encoding: x has no inverse modulo the field polynomial (it is reducible)")
                }
                guard yx[0] & 1 == UInt64(yBit) else { throw invalid("hybrid parity bit does not match y/x") }
            }
        }
        try self.init(binaryX: x, y: y, curve: curve, group: g)
    }

    /// The compression bit on a binary curve: the low bit of y/x (0 for x = 0).
    func binaryCompressionBit(_ g: EC2MGroup) -> UInt64 {
        g.compressionBit(x: g.field.element(x.limbs), y: g.field.element(y.limbs))
    }

    /// `−P = (x, x + y)` on a binary curve.
    func binaryNegated(_ g: EC2MGroup) -> ECPoint {
        if isInfinity { return self }
        let f = g.field
        let ny = f.add(f.element(x.limbs), f.element(y.limbs))
        return ECPoint(trustedX: x, y: BigNum(limbs: ny), curve: curve)
    }
}
#endif
