// Arithmetic in the binary field GF(2^m) = GF(2)[x]/(f) for a trinomial or pentanomial f (the
// reduction polynomials of OpenSSL's binary curves): elements are polynomials of degree < m as
// fixed-length little-endian UInt64 limb arrays, bit i the coefficient of x^i (OpenSSL's
// BN_GF2m_* representation). Addition is XOR; multiplication is a carry-less product (PCLMULQDQ
// when the ASM trait and the CPU have it, else a bit-serial product by shifts and masks) reduced
// word by word with f's exponents (the algorithm of IEEE 1363 A.3 / OpenSSL's BN_GF2m_mod_arr,
// here without its skips of zero words); squaring spreads the bits with shifts and masks;
// inversion is Itoh–Tsujii, a^(2^m − 2) by a fixed addition chain over the public m.
//
// Timing.
//   - CONSTANT TIME (secret operands; m, f and the limb count are public): add, mul, sqr,
//     reduce, inverse — loop bounds and branches depend only on m, f and limb positions; no
//     table is indexed by operand bits.
//   - VARIABLE TIME (public data only: point decompression): squareRoot (itself fixed-length)
//     and solveQuadratic (the half-trace for odd m; for even m the IEEE 1363 A.4.7 method with
//     the trial elements x, x², … instead of random ones), whose outcome is public.

#if EC && EC2M
#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

/// GF(2^m) modulo `f = x^m + x^k1 (+ x^k2 + x^k3) + 1`. Immutable; shared by the curve's copies.
struct EC2MField: Sendable {
    /// The degree m.
    let m: Int
    /// f's exponents below m and above 0, descending (one for a trinomial, three for a pentanomial).
    let middle: [Int]
    /// Limbs per element: `⌈m / 64⌉`.
    let n: Int

    /// The field of `x^exponents[0] + … + 1`; nil unless the word-wise reduction applies (m not a
    /// multiple of 64, every exponent below m at least 64 below it, so one fold per word).
    init?(exponents: [Int]) {
        guard let m = exponents.first, m > 64, m % 64 != 0, m <= 1024 else { return nil }
        let rest = Array(exponents.dropFirst())
        guard !rest.isEmpty, rest.allSatisfy({ $0 > 0 && m - $0 >= 64 }) else { return nil }
        self.m = m
        self.middle = rest
        self.n = (m + 63) / 64
    }

    /// The zero element.
    var zero: [UInt64] { [UInt64](repeating: 0, count: n) }

    /// The element 1.
    var one: [UInt64] {
        var r = zero
        r[0] = 1
        return r
    }

    /// The element for the little-endian limbs of a BigNum below 2^m (padded or cut to n limbs).
    func element(_ limbs: [UInt64]) -> [UInt64] {
        var r = zero
        for i in 0..<min(n, limbs.count) { r[i] = limbs[i] }
        return r
    }

    /// `a + b` (XOR).
    func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var r = a
        for i in 0..<n { r[i] ^= b[i] }
        return r
    }

    /// All-ones if `a = 0`, else 0, without a branch on a.
    func zeroMask(_ a: [UInt64]) -> UInt64 {
        var any: UInt64 = 0
        for v in a { any |= v }
        return ((any | (0 &- any)) >> 63) &- 1
    }

    /// Whether `a = b` (VARIABLE TIME: public values only).
    func equal(_ a: [UInt64], _ b: [UInt64]) -> Bool { a == b }

    /// `a·b mod f`.
    func mul(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var z = [UInt64](repeating: 0, count: 2 * n)
        let n = self.n
        z.withUnsafeMutableBufferPointer { z in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    #if ASM && canImport(LibCryptoASM)
                    if HardwareSupport.selected.contains(.pclmulqdq) {
                        lc_gf2m_mul_pclmul(z.baseAddress!, a.baseAddress!, b.baseAddress!, n)
                        return
                    }
                    #endif
                    for i in 0..<n {
                        for j in 0..<n {
                            let (lo, hi) = Self.clmul(a[i], b[j])
                            z[i + j] ^= lo
                            z[i + j + 1] ^= hi
                        }
                    }
                }
            }
        }
        return reduce(&z)
    }

    /// The 128-bit carry-less product of two words: one masked shift per bit of `b`.
    @inline(__always)
    static func clmul(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        lo = a & (0 &- (b & 1))
        for i in 1..<64 {
            let mask = 0 &- ((b >> UInt64(i)) & 1)
            lo ^= (a << UInt64(i)) & mask
            hi ^= (a >> UInt64(64 - i)) & mask
        }
        return (lo, hi)
    }

    /// `a² mod f`: each bit i moves to 2i (bit spreading by shifts and masks), then reduction.
    func sqr(_ a: [UInt64]) -> [UInt64] {
        var z = [UInt64](repeating: 0, count: 2 * n)
        for i in 0..<n {
            z[2 * i] = Self.spread(a[i] & 0xFFFF_FFFF)
            z[2 * i + 1] = Self.spread(a[i] >> 32)
        }
        return reduce(&z)
    }

    /// The 32 low bits of `x` moved to the even bit positions.
    @inline(__always)
    static func spread(_ v: UInt64) -> UInt64 {
        var x = v
        x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF
        x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FF
        x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | (x << 2)) & 0x3333_3333_3333_3333
        x = (x | (x << 1)) & 0x5555_5555_5555_5555
        return x
    }

    /// `z mod f` for a product of `2n` limbs: each word above x^m folded down with
    /// `x^m = x^k1 (+ …) + 1`, top word first, then the bits of the word holding x^m.
    func reduce(_ z: inout [UInt64]) -> [UInt64] {
        let dN = m / 64
        let exps = middle + [0]
        var j = z.count - 1
        while j > dN {
            let zz = z[j]
            z[j] = 0
            for e in exps {
                let s = m - e
                let words = s / 64
                let d0 = s % 64
                z[j - words] ^= zz >> UInt64(d0)
                if d0 != 0 { z[j - words - 1] ^= zz << UInt64(64 - d0) }
            }
            j -= 1
        }
        let d0 = m % 64
        let zz = z[dN] >> UInt64(d0)
        z[dN] &= (UInt64(1) << UInt64(d0)) - 1
        z[0] ^= zz
        for e in middle {
            let w = e / 64
            let d = e % 64
            z[w] ^= zz << UInt64(d)
            if d != 0 { z[w + 1] ^= zz >> UInt64(64 - d) }
        }
        var r = [UInt64](repeating: 0, count: n)
        for i in 0..<n { r[i] = z[i] }
        return r
    }

    /// `a^(2^k)`: k squarings.
    func sqr(_ a: [UInt64], times k: Int) -> [UInt64] {
        var r = a
        for _ in 0..<k { r = sqr(r) }
        return r
    }

    /// `a⁻¹` (0 for 0), Itoh–Tsujii: `b_k = a^(2^k − 1)` built along the bits of m − 1
    /// (`b_2k = b_k^(2^k)·b_k`, `b_(k+1) = b_k²·a`), then `a⁻¹ = b_(m−1)²`. The chain follows only
    /// the public m.
    func inverse(_ a: [UInt64]) -> [UInt64] {
        let e = m - 1
        var b = a
        var k = 1
        var bit = Int.bitWidth - 1 - e.leadingZeroBitCount - 1
        while bit >= 0 {
            b = mul(sqr(b, times: k), b)
            k *= 2
            if (e >> bit) & 1 == 1 {
                b = mul(sqr(b), a)
                k += 1
            }
            bit -= 1
        }
        return sqr(b)
    }

    /// `a / b` (`a·b⁻¹`; 0 if b is 0).
    func divide(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] { mul(a, inverse(b)) }

    /// The square root `a^(2^(m−1))` (every element has exactly one).
    func squareRoot(_ a: [UInt64]) -> [UInt64] { sqr(a, times: m - 1) }

    /// A solution z of `z² + z = β`, nil if there is none (OpenSSL's `BN_GF2m_mod_solve_quad`;
    /// the other solution is z + 1). VARIABLE TIME: public data only.
    func solveQuadratic(_ beta: [UInt64]) -> [UInt64]? {
        var z: [UInt64]
        if m % 2 == 1 {
            // Half-trace: z = Σ_{i=0}^{(m−1)/2} β^(2^(2i)).
            z = beta
            for _ in 0..<((m - 1) / 2) { z = add(sqr(sqr(z)), beta) }
        } else {
            // IEEE 1363 A.4.7 with ρ = x, x², …: w ends as the trace of ρ; a ρ of trace 1 gives z.
            var found: [UInt64]? = nil
            var i = 1
            while found == nil && i < m {
                var rho = zero
                rho[i / 64] = UInt64(1) << UInt64(i % 64)
                var zz = zero
                var w = rho
                for _ in 1..<m {
                    let w2 = sqr(w)
                    zz = add(sqr(zz), mul(w2, beta))
                    w = add(w2, rho)
                }
                if zeroMask(w) == 0 { found = zz }
                i += 1
            }
            guard let f = found else { return nil }
            z = f
        }
        return equal(add(sqr(z), z), beta) ? z : nil
    }
}
#endif
