// Arithmetic in the binary field GF(2^m) = GF(2)[x]/(f) for a trinomial or pentanomial f (the
// reduction polynomials of OpenSSL's binary curves): elements are polynomials of degree < m as
// fixed-length little-endian UInt64 limb arrays, bit i the coefficient of x^i (OpenSSL's
// BN_GF2m_* representation). Addition is XOR; multiplication is a carry-less product (PCLMULQDQ
// when the ASM trait and the CPU have it, else a bit-serial product by shifts and masks) reduced
// word by word with f's exponents (the algorithm of IEEE 1363 A.3 / OpenSSL's BN_GF2m_mod_arr,
// here without its skips of zero words) when every exponent is at least 64 below m and m is not
// a multiple of 64 (every named curve); for any other trinomial or pentanomial (explicit
// parameters, m from 2 to 661 as OpenSSL allows) the bits above m are folded down in chunks of
// `min(64, m − k1)` bits, top first, each chunk landing below itself; squaring spreads the bits
// with shifts and masks; inversion is Itoh–Tsujii, a^(2^m − 2) by a fixed addition chain over the
// public m. `isIrreducible` (Ben-Or's test, variable time over the public f) tells whether the
// ring is a field at all: explicit parameters with a reducible f are refused.
// The operations themselves are `EC2MOps`, on pointers into one temporary workspace per call
// (wiped after): the ladder, inversion, repeated squaring and the half-trace allocate nothing
// per product or square (under AddressSanitizer each allocation also records a stack, which
// made array-per-operation code several times slower); the array functions wrap them.
//
// Timing.
//   - CONSTANT TIME (secret operands; m, f and the limb count are public): add, mul, sqr,
//     reduce, inverse (and EC2MOps's, but isZero and equal) — loop bounds and branches depend only on m, f and limb positions; no
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
    /// Whether the word-wise reduction applies (m above 64 and not a multiple of 64, every
    /// exponent below m at least 64 below it, so one fold per word).
    let wordwise: Bool
    /// The chunk width of the general reduction: `min(64, m − k1)`, k1 the largest exponent below m.
    let chunk: Int
    /// f's exponents below m, then 0: where a bit at x^m lands when it is folded down.
    let folds: [Int]

    /// The ring modulo `x^exponents[0] + … + 1` (a field when f is irreducible: see
    /// ``isIrreducible``); nil unless m is in `2...1024` and the other exponents are distinct,
    /// strictly between 0 and m (a trinomial or pentanomial, in any order).
    init?(exponents: [Int]) {
        guard let m = exponents.first, m >= 2, m <= 1024 else { return nil }
        let rest = exponents.dropFirst().sorted(by: >)
        guard rest.count == 1 || rest.count == 3, rest.allSatisfy({ $0 > 0 && $0 < m }),
            Set(rest).count == rest.count
        else { return nil }
        self.m = m
        self.middle = rest
        self.n = (m + 63) / 64
        self.wordwise = m > 64 && m % 64 != 0 && rest.allSatisfy { m - $0 >= 64 }
        self.chunk = min(64, m - rest[0])
        self.folds = rest + [0]
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

    /// Whether products take the PCLMULQDQ path: read once per operation (a task-local
    /// lookup), not once per product.
    static var hardwareSelected: Bool {
        #if ASM && canImport(LibCryptoASM)
        return HardwareSupport.selected.contains(.pclmulqdq)
        #else
        return false
        #endif
    }

    /// Runs `body` with the allocation-free operations (``EC2MOps``) and a zeroed workspace of
    /// `elements` field elements (`n` limbs each), wiped afterwards (the ladder keeps secrets
    /// there). One temporary allocation per call instead of two or three arrays per product.
    @inline(__always)
    func withOps<T>(elements: Int, _ body: (EC2MOps, UnsafeMutablePointer<UInt64>) -> T) -> T {
        let total = (2 + elements) * n
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: total) { buffer in
            let base = buffer.baseAddress!
            base.initialize(repeating: 0, count: total)
            defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
            return body(EC2MOps(field: self, n: n, t: base, hardware: Self.hardwareSelected), base + 2 * n)
        }
    }

    /// `op(r, a, b)` on arrays of n limbs, into a new array.
    @inline(__always)
    func binary(
        _ a: [UInt64], _ b: [UInt64],
        _ op: (EC2MOps, UnsafeMutablePointer<UInt64>, UnsafePointer<UInt64>, UnsafePointer<UInt64>) -> Void
    ) -> [UInt64] {
        var r = zero
        withOps(elements: 0) { o, _ in
            r.withUnsafeMutableBufferPointer { rp in
                a.withUnsafeBufferPointer { ap in
                    b.withUnsafeBufferPointer { bp in op(o, rp.baseAddress!, ap.baseAddress!, bp.baseAddress!) }
                }
            }
        }
        return r
    }

    /// `op(r, a, workspace)` on an array of n limbs, into a new array.
    @inline(__always)
    func unary(
        _ a: [UInt64], elements: Int = 0,
        _ op: (EC2MOps, UnsafeMutablePointer<UInt64>, UnsafePointer<UInt64>, UnsafeMutablePointer<UInt64>) -> Void
    ) -> [UInt64] {
        var r = zero
        withOps(elements: elements) { o, w in
            r.withUnsafeMutableBufferPointer { rp in
                a.withUnsafeBufferPointer { ap in op(o, rp.baseAddress!, ap.baseAddress!, w) }
            }
        }
        return r
    }

    /// `a·b mod f`.
    func mul(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] { binary(a, b) { $0.mul($1, $2, $3) } }

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
    func sqr(_ a: [UInt64]) -> [UInt64] { unary(a) { o, r, a, _ in o.sqr(r, a) } }

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

    /// `z mod f` for a product of `2n` limbs (a new array of n limbs; z is used as scratch).
    func reduce(_ z: inout [UInt64]) -> [UInt64] {
        z.withUnsafeMutableBufferPointer { reduce($0.baseAddress!, count: $0.count) }
        return Array(z[0..<n])
    }

    /// `z mod f` in place, the result in `z[0..<n]`, for `count` limbs (`2n` for a product):
    /// each word above x^m folded down with `x^m = x^k1 (+ …) + 1`, top word first, then the
    /// bits of the word holding x^m; or ``reduceInChunks(_:)`` when that does not apply.
    @inline(__always)
    func reduce(_ z: UnsafeMutablePointer<UInt64>, count: Int) {
        guard wordwise else { return reduceInChunks(z, count: count) }
        let dN = m / 64
        var j = count - 1
        while j > dN {
            let zz = z[j]
            z[j] = 0
            for e in folds {
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
    }

    /// `z mod f` for any f (a new array of n limbs; z is used as scratch).
    func reduceInChunks(_ z: inout [UInt64]) -> [UInt64] {
        z.withUnsafeMutableBufferPointer { reduceInChunks($0.baseAddress!, count: $0.count) }
        var r = zero
        for i in 0..<min(n, z.count) { r[i] = z[i] }
        return r
    }

    /// `z mod f` for any f, in place: the bits `[lo, hi)` above m, `hi − lo ≤ chunk`, top chunk
    /// first, are cleared and added back at `lo − m + e` for each exponent e of f below m (0
    /// included); since `e ≤ m − chunk` each chunk lands wholly below `lo`. Loop bounds and
    /// shifts follow only m, f and the limb count.
    func reduceInChunks(_ z: UnsafeMutablePointer<UInt64>, count: Int) {
        var hi = count * 64
        while hi > m {
            let lo = max(m, hi - chunk)
            let w = hi - lo
            let word = lo / 64
            let off = lo % 64
            var v = z[word] >> UInt64(off)
            if off != 0 && word + 1 < count { v |= z[word + 1] << UInt64(64 - off) }
            if w < 64 { v &= (UInt64(1) << UInt64(w)) - 1 }
            Self.xorBits(z, count, at: lo, v)
            for e in folds { Self.xorBits(z, count, at: lo - m + e, v) }
            hi = lo
        }
    }

    /// `z ^= v << position` (v's bits past the end of z's `count` limbs dropped).
    @inline(__always)
    static func xorBits(_ z: UnsafeMutablePointer<UInt64>, _ count: Int, at position: Int, _ v: UInt64) {
        let word = position / 64
        let off = position % 64
        z[word] ^= v << UInt64(off)
        if off != 0 && word + 1 < count { z[word + 1] ^= v >> UInt64(64 - off) }
    }

    /// Whether f is irreducible, so that this ring is the field GF(2^m) (Ben-Or / Rabin: `x^(2^m)
    /// ≡ x mod f`, and `gcd(x^(2^(m/q)) − x, f) = 1` for every prime q dividing m). VARIABLE TIME:
    /// f is public.
    var isIrreducible: Bool {
        var x = zero
        x[0] = 2
        guard equal(sqr(x, times: m), x) else { return false }
        var fLimbs = [UInt64](repeating: 0, count: m / 64 + 1)
        for e in [m, 0] + middle { fLimbs[e / 64] |= UInt64(1) << UInt64(e % 64) }
        var rest = m
        var q = 2
        while rest > 1 {
            if rest % q == 0 {
                while rest % q == 0 { rest /= q }
                let h = add(sqr(x, times: m / q), x)
                guard Self.polynomialGCDIsOne(h, fLimbs) else { return false }
            }
            q += 1
        }
        return true
    }

    /// Whether the GF(2)[x] polynomials a and b (little-endian limbs) have gcd 1 (Euclid by
    /// shifts and XORs). VARIABLE TIME: public polynomials only.
    static func polynomialGCDIsOne(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        func degree(_ p: [UInt64]) -> Int {
            for i in stride(from: p.count - 1, through: 0, by: -1) where p[i] != 0 {
                return i * 64 + 63 - p[i].leadingZeroBitCount
            }
            return -1
        }
        var u = a
        var v = b
        let count = max(u.count, v.count)
        u += [UInt64](repeating: 0, count: count - u.count)
        v += [UInt64](repeating: 0, count: count - v.count)
        var du = degree(u)
        var dv = degree(v)
        while du >= 0 && dv >= 0 {
            if du < dv {
                swap(&u, &v)
                swap(&du, &dv)
            }
            // u -= v·x^(du − dv)
            let s = du - dv
            let words = s / 64
            let bits = s % 64
            for i in stride(from: count - 1, through: words, by: -1) {
                var t = v[i - words] << UInt64(bits)
                if bits != 0 && i - words - 1 >= 0 { t |= v[i - words - 1] >> UInt64(64 - bits) }
                u[i] ^= t
            }
            du = degree(u)
        }
        // One of them is 0; the gcd is the other.
        return (du < 0 ? dv : du) == 0
    }

    /// `a^(2^k)`: k squarings.
    func sqr(_ a: [UInt64], times k: Int) -> [UInt64] { unary(a) { o, r, a, _ in o.sqr(r, a, times: k) } }

    /// `a⁻¹` (0 for 0), Itoh–Tsujii (``EC2MOps/inverse(_:_:_:)``).
    func inverse(_ a: [UInt64]) -> [UInt64] { unary(a, elements: 2) { o, r, a, w in o.inverse(r, a, w) } }

    /// `a / b` (`a·b⁻¹`; 0 if b is 0).
    func divide(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] { mul(a, inverse(b)) }

    /// `a / b`, nil when b has no inverse (b = 0, or, modulo a reducible f, b shares a factor with
    /// f: OpenSSL's BN_GF2m_mod_inv fails there, "poly was reducible"). VARIABLE TIME: public
    /// data only (point decoding).
    func checkedDivide(_ a: [UInt64], _ b: [UInt64]) -> [UInt64]? {
        let inv = inverse(b)
        guard equal(mul(b, inv), one) else { return nil }
        return mul(a, inv)
    }

    /// The square root `a^(2^(m−1))` (every element has exactly one).
    func squareRoot(_ a: [UInt64]) -> [UInt64] { sqr(a, times: m - 1) }

    /// A solution z of `z² + z = β`, nil if there is none (OpenSSL's `BN_GF2m_mod_solve_quad`;
    /// the other solution is z + 1). VARIABLE TIME: public data only.
    func solveQuadratic(_ beta: [UInt64]) -> [UInt64]? {
        // For even m: IEEE 1363 A.4.7 with ρ = x, x², …: w ends as the trace of ρ; a ρ of trace
        // 1 gives z. Tr(x^i) is the power sum s_i of f's roots (Newton's identities over f's
        // exponents: s_i = Σ a_k·s_(i−k) + (i odd)·a_i, a_k the coefficient of x^(m−k)), so the
        // first x^i of trace 1 is found without a trial per i; the trials remain as a fallback.
        var first = 1
        if m % 2 == 0 {
            var s = [UInt8](repeating: 0, count: m)
            for i in 1..<m {
                var t: UInt8 = 0
                for e in middle {
                    let k = m - e
                    if k < i { t ^= s[i - k] } else if k == i && i % 2 == 1 { t ^= 1 }
                }
                s[i] = t
                if t == 1 {
                    first = i
                    break
                }
            }
        }
        let n = self.n
        var z = zero
        let solved = withOps(elements: 5) { o, w -> Bool in
            let (b, zz, rho, w2, t) = (w, w + n, w + 2 * n, w + 3 * n, w + 4 * n)
            for j in 0..<n { b[j] = beta[j] }
            if m % 2 == 1 {
                // Half-trace: z = Σ_{i=0}^{(m−1)/2} β^(2^(2i)).
                o.copy(zz, b)
                for _ in 0..<((m - 1) / 2) {
                    o.sqr(zz, zz)
                    o.sqr(zz, zz)
                    o.add(zz, zz, b)
                }
            } else {
                var found = false
                var i = first
                while !found && i < m {
                    for j in 0..<n { rho[j] = 0 }
                    rho[i / 64] = UInt64(1) << UInt64(i % 64)
                    for j in 0..<n { zz[j] = 0 }
                    let wv = t
                    o.copy(wv, rho)
                    for _ in 1..<m {
                        o.sqr(w2, wv)
                        o.sqr(zz, zz)
                        o.mul(wv, w2, b)
                        o.add(zz, zz, wv)
                        o.add(wv, w2, rho)
                    }
                    if !o.isZero(wv) { found = true } else { i += 1 }
                }
                guard found else { return false }
            }
            // Check z² + z = β.
            o.sqr(t, zz)
            o.add(t, t, zz)
            guard o.equal(t, b) else { return false }
            for j in 0..<n { z[j] = zz[j] }
            return true
        }
        return solved ? z : nil
    }
}

/// GF(2^m) operations on `n`-limb pointers without allocation, for the hot paths (the ladder,
/// inversion, repeated squaring, the half-trace). Valid only inside
/// ``EC2MField/withOps(elements:_:)``. Results may alias operands. Timing as the field's: every
/// operation but ``isZero(_:)`` and ``equal(_:_:)`` (public values only) is constant time.
struct EC2MOps {
    typealias FE = UnsafeMutablePointer<UInt64>
    typealias Operand = UnsafePointer<UInt64>
    let field: EC2MField
    let n: Int
    /// Product scratch, `2n` limbs.
    let t: FE
    /// Whether products use PCLMULQDQ.
    let hardware: Bool

    /// `r = a·b mod f`.
    @inline(__always)
    func mul(_ r: FE, _ a: Operand, _ b: Operand) {
        let n = self.n
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            lc_gf2m_mul_pclmul(t, a, b, n)
            field.reduce(t, count: 2 * n)
            r.update(from: t, count: n)
            return
        }
        #endif
        for i in 0..<(2 * n) { t[i] = 0 }
        for i in 0..<n {
            for j in 0..<n {
                let (lo, hi) = EC2MField.clmul(a[i], b[j])
                t[i + j] ^= lo
                t[i + j + 1] ^= hi
            }
        }
        field.reduce(t, count: 2 * n)
        r.update(from: t, count: n)
    }

    /// `r = a² mod f`: each bit i moves to 2i, then reduction.
    @inline(__always)
    func sqr(_ r: FE, _ a: Operand) {
        for i in 0..<n {
            t[2 * i] = EC2MField.spread(a[i] & 0xFFFF_FFFF)
            t[2 * i + 1] = EC2MField.spread(a[i] >> 32)
        }
        field.reduce(t, count: 2 * n)
        r.update(from: t, count: n)
    }

    /// `r = a^(2^k)` (k squarings; a copy for k = 0).
    func sqr(_ r: FE, _ a: Operand, times k: Int) {
        guard k > 0 else { return copy(r, a) }
        sqr(r, a)
        for _ in 1..<k { sqr(r, r) }
    }

    /// `r = a + b` (XOR).
    @inline(__always)
    func add(_ r: FE, _ a: Operand, _ b: Operand) {
        for i in 0..<n { r[i] = a[i] ^ b[i] }
    }

    /// `r = a`.
    @inline(__always)
    func copy(_ r: FE, _ a: Operand) {
        if UnsafePointer(r) != a { r.update(from: a, count: n) }
    }

    /// All-ones if `a = 0`, else 0, without a branch on a.
    @inline(__always)
    func zeroMask(_ a: Operand) -> UInt64 {
        var any: UInt64 = 0
        for i in 0..<n { any |= a[i] }
        return ((any | (0 &- any)) >> 63) &- 1
    }

    /// Whether `a = 0` (VARIABLE TIME: public values only).
    func isZero(_ a: Operand) -> Bool { zeroMask(a) != 0 }

    /// Whether `a = b` (VARIABLE TIME: public values only).
    func equal(_ a: Operand, _ b: Operand) -> Bool {
        for i in 0..<n where a[i] != b[i] { return false }
        return true
    }

    /// `r = a⁻¹` (0 for 0), Itoh–Tsujii: `b_k = a^(2^k − 1)` built along the bits of m − 1
    /// (`b_2k = b_k^(2^k)·b_k`, `b_(k+1) = b_k²·a`), then `a⁻¹ = b_(m−1)²`. The chain follows only
    /// the public m. `w` holds two scratch elements; r may be a.
    func inverse(_ r: FE, _ a: Operand, _ w: FE) {
        let m = field.m
        let e = m - 1
        let b = w
        let s = w + n
        copy(b, a)
        var k = 1
        var bit = Int.bitWidth - 1 - e.leadingZeroBitCount - 1
        while bit >= 0 {
            sqr(s, b, times: k)
            mul(b, s, b)
            k *= 2
            if (e >> bit) & 1 == 1 {
                sqr(b, b)
                mul(b, b, a)
                k += 1
            }
            bit -= 1
        }
        sqr(r, b)
    }
}
#endif
