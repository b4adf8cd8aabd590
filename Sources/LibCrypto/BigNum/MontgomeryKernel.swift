// The Montgomery kernel: multiplication, squaring and exponentiation on raw limb pointers, with
// no allocation inside any loop (one workspace per exponentiation).
//
// Constant time (secret operands; the modulus, the limb counts and the exponent's padded limb
// count are public):
//   - MontgomeryKernel.multiply / .square: fixed-length loops over the modulus' limb count,
//     carries as arithmetic, the final subtraction chosen by a mask (no branch).
//   - MontgomeryKernel.addMod, .select: masked, no branch or index on a value.
//   - MontgomeryContext.constantTimePower: fixed window over every bit position of the padded
//     exponent, each table entry read by a masked scan of the whole table.
//   - MontgomeryContext.publicExponentPower: constant time in the BASE only; its branches and
//     table indices follow the exponent's bits, which must be public (RSA's e).
//   - MontgomeryContext.toMontgomeryWide / .reduceWide: Horner over n-limb chunks, every step a
//     Montgomery product and a masked modular addition; time depends on the input's limb count.
// Hardware: with the `ASM` trait and a CPU with BMI2 and ADX (HardwareSupport path `mulx`),
// multiplication and squaring run `lc_mont_mul_mulx` (LibCryptoASM/mont_mulx.c), equally
// constant time; the choice is read once per exponentiation or operation.

#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

/// Raw-pointer Montgomery arithmetic modulo an `n`-limb odd `m`, `R = 2^(64n)`.
enum MontgomeryKernel {
    typealias Limbs = UnsafeMutablePointer<UInt64>
    typealias ConstLimbs = UnsafePointer<UInt64>

    /// Scratch limbs ``multiply(_:_:_:_:_:_:_:)`` needs for an `n`-limb modulus.
    static func scratchCount(_ n: Int) -> Int { 2 * n + 2 }

    /// `r = a·b·R⁻¹ mod m` for `a < R` and `b < m` (so the sum before the final subtraction is
    /// below `2m`). `t` holds ``scratchCount(_:)`` limbs; `r` may be `a` or `b`.
    @inline(__always)
    static func multiply(
        _ r: Limbs, _ a: ConstLimbs, _ b: ConstLimbs, _ m: ConstLimbs, _ m0inv: UInt64, _ n: Int, _ t: Limbs,
        hardware: Bool
    ) {
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            lc_mont_mul_mulx(r, a, b, m, m0inv, n, t)
            return
        }
        #endif
        genericMultiply(r, a, b, m, m0inv, n, t)
    }

    /// `a·b + c + d` as (low, high) words (``CTLimb/multiplyAdd(_:_:_:_:)``).
    @inline(__always)
    static func mulAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
        CTLimb.multiplyAdd(a, b, c, d)
    }

    // Carries go through UInt128 sums, never a Bool: LLVM turned `overflow ? 1 : 0` pairs into
    // branches on the carry (secret-dependent, and slow), as Poly1305.swift notes too.

    /// Interleaved CIOS (one pass over `b` and `m` per limb of `a`), then a masked subtraction.
    static func genericMultiply(
        _ r: Limbs, _ a: ConstLimbs, _ b: ConstLimbs, _ m: ConstLimbs, _ m0inv: UInt64, _ n: Int, _ t: Limbs
    ) {
        t.update(repeating: 0, count: n + 1)
        for i in 0..<n {
            let ai = a[i]
            var (s, c) = mulAdd(ai, b[0], t[0], 0)
            let u = s &* m0inv
            var (_, d) = mulAdd(u, m[0], s, 0)
            var j = 1
            while j < n {
                (s, c) = mulAdd(ai, b[j], t[j], c)
                (t[j - 1], d) = mulAdd(u, m[j], s, d)
                j += 1
            }
            let top = UInt128(c) &+ UInt128(d) &+ UInt128(t[n])
            t[n - 1] = UInt64(truncatingIfNeeded: top)
            t[n] = UInt64(truncatingIfNeeded: top &>> 64)
        }
        finalSubtract(r, t, m, n)
    }

    /// `r = t mod m` for an `(n+1)`-limb `t < 2m`: `t - m` unless that borrows, by a mask.
    @inline(__always)
    static func finalSubtract(_ r: Limbs, _ t: Limbs, _ m: ConstLimbs, _ n: Int) {
        var borrow: UInt64 = 0
        for j in 0..<n {
            let d = UInt128(t[j]) &- UInt128(m[j]) &- UInt128(borrow)
            r[j] = UInt64(truncatingIfNeeded: d)
            borrow = UInt64(truncatingIfNeeded: d &>> 64) & 1
        }
        // Keep t (mask all ones) exactly when t[n] - borrow borrows, i.e. t < m.
        // The mask passes CTLimb's barrier: LLVM turned the known 0-or-all-ones mask into a
        // branch on the (secret) comparison (scripts/ctgrind.sh).
        let keepT = CTLimb.mask(borrow & ~t[n] & 1)
        for j in 0..<n { r[j] = CTLimb.select(keepT, t[j], r[j]) }
    }

    /// `r = a²·R⁻¹ mod m` for `a < m`: the square by the doubled cross products (about half
    /// the multiplications of a product), then a word-by-word Montgomery reduction. `t` holds
    /// ``scratchCount(_:)`` limbs; `r` may be `a`.
    @inline(__always)
    static func square(
        _ r: Limbs, _ a: ConstLimbs, _ m: ConstLimbs, _ m0inv: UInt64, _ n: Int, _ t: Limbs, hardware: Bool
    ) {
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            lc_mont_mul_mulx(r, a, a, m, m0inv, n, t)
            return
        }
        #endif
        genericSquare(r, a, m, m0inv, n, t)
    }

    static func genericSquare(_ r: Limbs, _ a: ConstLimbs, _ m: ConstLimbs, _ m0inv: UInt64, _ n: Int, _ t: Limbs) {
        let w = 2 * n
        t.update(repeating: 0, count: w + 1)
        // Cross products a[i]·a[j], i < j.
        for i in 0..<n {
            let ai = a[i]
            var c: UInt64 = 0
            var j = i + 1
            while j < n {
                (t[i + j], c) = mulAdd(ai, a[j], t[i + j], c)
                j += 1
            }
            t[i + n] = c
        }
        // Double, then add the squares a[i]² on the diagonal.
        var top: UInt64 = 0
        for k in 0..<w {
            let v = t[k]
            t[k] = (v << 1) | top
            top = v >> 63
        }
        var carry: UInt64 = 0
        for i in 0..<n {
            let p = UInt128(a[i]) &* UInt128(a[i])
            let lo = UInt128(t[2 * i]) &+ (p & UInt128(UInt64.max)) &+ UInt128(carry)
            t[2 * i] = UInt64(truncatingIfNeeded: lo)
            let hi = UInt128(t[2 * i + 1]) &+ (p &>> 64) &+ (lo &>> 64)
            t[2 * i + 1] = UInt64(truncatingIfNeeded: hi)
            carry = UInt64(truncatingIfNeeded: hi &>> 64)
        }
        // a² < m² < R·m: reduce word by word; the running top carry is kept in `extra`.
        var extra: UInt64 = 0
        for i in 0..<n {
            let u = t[i] &* m0inv
            var c: UInt64 = 0
            for j in 0..<n {
                (t[i + j], c) = mulAdd(u, m[j], t[i + j], c)
            }
            let s = UInt128(t[i + n]) &+ UInt128(c) &+ UInt128(extra)
            t[i + n] = UInt64(truncatingIfNeeded: s)
            extra = UInt64(truncatingIfNeeded: s &>> 64)
        }
        // The result (t[n..<2n] plus `extra` on top) is below 2m.
        t[w] = extra
        finalSubtract(r, t + n, m, n)
    }

    /// `r = a + b mod m` for `a, b < m`: add, subtract `m`, keep the difference unless it
    /// borrowed past the sum's carry (a mask). `r` may be `a` or `b`.
    @inline(__always)
    static func addMod(_ r: Limbs, _ a: ConstLimbs, _ b: ConstLimbs, _ m: ConstLimbs, _ n: Int, _ t: Limbs) {
        var carry: UInt64 = 0
        for j in 0..<n {
            let s = UInt128(a[j]) &+ UInt128(b[j]) &+ UInt128(carry)
            t[j] = UInt64(truncatingIfNeeded: s)
            carry = UInt64(truncatingIfNeeded: s &>> 64)
        }
        t[n] = carry
        finalSubtract(r, t, m, n)
    }

    /// `out = table[index]` for a table of `count` entries of `n` limbs, reading every entry
    /// (the index steers masks, never an address).
    @inline(__always)
    static func select(_ out: Limbs, _ table: ConstLimbs, _ count: Int, _ n: Int, _ index: UInt64) {
        out.update(repeating: 0, count: n)
        for i in 0..<count {
            let x = UInt64(truncatingIfNeeded: i) ^ index
            // Through the barrier: LLVM turned the known 0-or-all-ones mask into a branch on
            // i == index, the secret window (scripts/ctgrind.sh).
            let mask = CTLimb.mask(((x | (0 &- x)) >> 63) ^ 1)
            let entry = table + i * n
            for j in 0..<n { out[j] |= entry[j] & mask }
        }
    }
}

extension MontgomeryContext {
    /// Whether exponentiations and products started now use the MULX/ADX kernel.
    static var hardwareSelected: Bool {
        #if ASM && canImport(LibCryptoASM)
        return HardwareSupport.selected.contains(.mulx)
        #else
        return false
        #endif
    }

    /// The rounds of Tonelli–Shanks for ``BigNum/modSqrt(prime:)`` in Montgomery form, VARIABLE
    /// TIME (a square root of public data: point decompression, BN_mod_sqrt): from `y = z^q`,
    /// `x = a^((q+1)/2)` and `b = a^q` (`n` limbs each, reduced) with `p − 1 = 2^e·q`, each
    /// round finds the least `i` with `b^(2^i) = 1` and multiplies x by `y^(2^(r−i−1))`, until
    /// `b = 1`. Returns the root x, or nil when a round finds no `i < r` (a is not a square).
    /// Up to `e²/2` squarings for `e` up to 96 (P-224): on pointers in one workspace, with no
    /// division and no allocation per step, unlike BigNum's `modSquare`.
    func tonelliShanksRounds(y: [UInt64], x: [UInt64], b: [UInt64], e: Int) -> [UInt64]? {
        let n = self.n
        let hw = Self.hardwareSelected
        let m0inv = self.m0inv
        var out = [UInt64](repeating: 0, count: n)
        let found = withWorkspace(extra: 6 * n) { m, work, t -> Bool in
            let (ym, xm, bm, tm, sm, one) = (work, work + n, work + 2 * n, work + 3 * n, work + 4 * n, work + 5 * n)
            func mul(
                _ r: UnsafeMutablePointer<UInt64>, _ a: UnsafeMutablePointer<UInt64>, _ c: UnsafeMutablePointer<UInt64>
            ) {
                MontgomeryKernel.multiply(r, a, c, m, m0inv, n, t, hardware: hw)
            }
            func sqr(_ r: UnsafeMutablePointer<UInt64>) { MontgomeryKernel.square(r, r, m, m0inv, n, t, hardware: hw) }
            func copy(_ r: UnsafeMutablePointer<UInt64>, _ a: UnsafeMutablePointer<UInt64>) {
                r.update(from: a, count: n)
            }
            func isOne(_ a: UnsafeMutablePointer<UInt64>) -> Bool {
                for j in 0..<n where a[j] != one[j] { return false }
                return true
            }
            // Into Montgomery form (a product by R² mod m); 1 becomes R mod m.
            for j in 0..<n {
                tm[j] = rr[j]
                ym[j] = y[j]
                xm[j] = x[j]
                bm[j] = b[j]
            }
            sm[0] = 1
            mul(one, sm, tm)
            mul(ym, ym, tm)
            mul(xm, xm, tm)
            mul(bm, bm, tm)
            var r = e
            // Each round lowers r: at most e rounds.
            while !isOne(bm) {
                // The least i with b^(2^i) = 1; for a square it is below r.
                var i = 0
                copy(tm, bm)
                while !isOne(tm) {
                    guard i + 1 < r else { return false }
                    sqr(tm)
                    i += 1
                }
                copy(sm, ym)
                for _ in 0..<(r - i - 1) { sqr(sm) }
                copy(ym, sm)
                sqr(ym)
                r = i
                mul(xm, xm, sm)
                mul(bm, bm, ym)
            }
            // Out of Montgomery form (a product by 1).
            for j in 0..<n { tm[j] = 0 }
            tm[0] = 1
            mul(xm, xm, tm)
            for j in 0..<n { out[j] = xm[j] }
            return true
        }
        return found ? out : nil
    }

    /// Runs `body` with the modulus as a pointer and a zeroed workspace of `extra` limbs plus
    /// the kernel's scratch; the workspace is wiped afterwards.
    @inline(__always)
    func withWorkspace<T>(
        extra: Int,
        _ body: (_ m: UnsafePointer<UInt64>, _ work: UnsafeMutablePointer<UInt64>, _ t: UnsafeMutablePointer<UInt64>)
            -> T
    ) -> T {
        let scratch = MontgomeryKernel.scratchCount(n)
        return m.withUnsafeBufferPointer { mb in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: extra + scratch) { buffer in
                let base = buffer.baseAddress!
                base.initialize(repeating: 0, count: extra + scratch)
                defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
                return body(mb.baseAddress!, base, base + extra)
            }
        }
    }

    /// `x·R mod m` (Montgomery form) for an `x` of any limb count (`x` as little-endian limbs),
    /// constant time for a given limb count: Horner over `n`-limb chunks from the top, each step
    /// `acc·R` (a product by `R² mod m`) plus `chunk·R` (a product of the chunk, which may exceed
    /// `m` but not `R`, by `R² mod m`).
    func toMontgomeryWide(_ x: [UInt64]) -> [UInt64] {
        let n = self.n
        let chunks = max(1, (x.count + n - 1) / n)
        let hw = Self.hardwareSelected
        var out = [UInt64](repeating: 0, count: n)
        withWorkspace(extra: 3 * n) { m, work, t in
            let acc = work
            let chunk = work + n
            let rrp = work + 2 * n
            for j in 0..<n { rrp[j] = rr[j] }
            var k = chunks - 1
            while k >= 0 {
                for j in 0..<n {
                    let i = k * n + j
                    chunk[j] = i < x.count ? x[i] : 0
                }
                MontgomeryKernel.multiply(acc, acc, rrp, m, m0inv, n, t, hardware: hw)
                MontgomeryKernel.multiply(chunk, chunk, rrp, m, m0inv, n, t, hardware: hw)
                MontgomeryKernel.addMod(acc, acc, chunk, m, n, t)
                k -= 1
            }
            for j in 0..<n { out[j] = acc[j] }
        }
        return out
    }

    /// `x mod m` for an `x` of any limb count, `n` limbs; constant time for a given limb count
    /// (``toMontgomeryWide(_:)``, then one product by 1).
    func reduceWide(_ x: [UInt64]) -> [UInt64] {
        var xr = toMontgomeryWide(x)
        defer { RSALimbs.wipe(&xr) }
        var one = [UInt64](repeating: 0, count: n)
        one[0] = 1
        return montMul(xr, one)
    }

    /// `base^e mod m`, `n` limbs, constant time in `base` and `e`: a fixed window over all
    /// `e.count · 64` bit positions, every table entry read by a masked scan. `base` is `n`
    /// limbs and reduced; with `montgomeryBase` it is already `base·R mod m`.
    func constantTimePower(_ base: [UInt64], _ e: [UInt64], montgomeryBase: Bool = false) -> [UInt64] {
        let totalBits = e.count * 64
        guard totalBits > 0 else { return reduceWide([1]) }
        let w = Self.windowBits(totalBits)
        let size = 1 << w
        let n = self.n
        let hw = Self.hardwareSelected
        var out = [UInt64](repeating: 0, count: n)
        // Workspace: table (size·n), acc, selected, one.
        withWorkspace(extra: (size + 3) * n) { m, work, t in
            let table = work
            let acc = work + size * n
            let sel = acc + n
            let one = sel + n
            one[0] = 1
            let rrp = sel  // R² mod m, only while the table is built
            for j in 0..<n { rrp[j] = rr[j] }
            // table[0] = R mod m, table[1] = base·R mod m, table[i] = table[i-1]·table[1].
            MontgomeryKernel.multiply(table, one, rrp, m, m0inv, n, t, hardware: hw)
            for j in 0..<n { table[n + j] = base[j] }
            if !montgomeryBase {
                MontgomeryKernel.multiply(table + n, table + n, rrp, m, m0inv, n, t, hardware: hw)
            }
            var i = 2
            while i < size {
                if i & 1 == 0 {
                    MontgomeryKernel.square(table + i * n, table + (i / 2) * n, m, m0inv, n, t, hardware: hw)
                } else {
                    MontgomeryKernel.multiply(
                        table + i * n, table + (i - 1) * n, table + n, m, m0inv, n, t, hardware: hw)
                }
                i += 1
            }
            e.withUnsafeBufferPointer { e in
                func window(at low: Int) -> UInt64 {
                    // Bits low ..< low + w of e (zero past the top): one or two limbs.
                    let limb = low >> 6
                    let shift = UInt64(low & 63)
                    var v = e[limb] >> shift
                    if shift != 0 && limb + 1 < e.count { v |= e[limb + 1] << (64 - shift) }
                    return v & UInt64((1 << w) - 1)
                }
                let windows = (totalBits + w - 1) / w
                MontgomeryKernel.select(acc, table, size, n, window(at: (windows - 1) * w))
                var k = windows - 2
                while k >= 0 {
                    for _ in 0..<w { MontgomeryKernel.square(acc, acc, m, m0inv, n, t, hardware: hw) }
                    MontgomeryKernel.select(sel, table, size, n, window(at: k * w))
                    MontgomeryKernel.multiply(acc, acc, sel, m, m0inv, n, t, hardware: hw)
                    k -= 1
                }
            }
            MontgomeryKernel.multiply(acc, acc, one, m, m0inv, n, t, hardware: hw)
            for j in 0..<n { out[j] = acc[j] }
        }
        return out
    }

    /// `base^e mod m`, `n` limbs, for a PUBLIC exponent `e` (little-endian limbs, any length) and
    /// a base that may be secret: constant time in `base`, while branches and table indices
    /// follow `e`'s bits (left-to-right binary for short exponents, a fixed 4-bit window
    /// otherwise). `base` is `n` limbs and reduced (with `montgomeryBase`, in Montgomery form).
    func publicExponentPower(_ base: [UInt64], _ e: [UInt64], montgomeryBase: Bool = false) -> [UInt64] {
        var bits = e.count * 64
        while bits > 0 && (e[(bits - 1) >> 6] >> UInt64((bits - 1) & 63)) & 1 == 0 { bits -= 1 }
        let n = self.n
        let hw = Self.hardwareSelected
        var out = [UInt64](repeating: 0, count: n)
        let w = bits > 64 ? 4 : 1
        let size = 1 << w
        withWorkspace(extra: (size + 2) * n) { m, work, t in
            let table = work
            let acc = work + size * n
            let one = acc + n
            one[0] = 1
            for j in 0..<n { acc[j] = rr[j] }
            MontgomeryKernel.multiply(table, one, acc, m, m0inv, n, t, hardware: hw)  // R mod m
            for j in 0..<n { table[n + j] = base[j] }
            if !montgomeryBase {
                MontgomeryKernel.multiply(table + n, table + n, acc, m, m0inv, n, t, hardware: hw)
            }
            for i in 2..<size {
                MontgomeryKernel.multiply(table + i * n, table + (i - 1) * n, table + n, m, m0inv, n, t, hardware: hw)
            }
            for j in 0..<n { acc[j] = table[j] }
            if bits > 0 {
                let windows = (bits + w - 1) / w
                var k = windows - 1
                var first = true
                while k >= 0 {
                    var v = 0
                    for b in stride(from: w - 1, through: 0, by: -1) {
                        let bit = k * w + b
                        v = (v << 1) | (bit < bits ? Int((e[bit >> 6] >> UInt64(bit & 63)) & 1) : 0)
                    }
                    if first {
                        for j in 0..<n { acc[j] = table[v * n + j] }
                        first = false
                    } else {
                        for _ in 0..<w { MontgomeryKernel.square(acc, acc, m, m0inv, n, t, hardware: hw) }
                        if v != 0 {
                            MontgomeryKernel.multiply(acc, acc, table + v * n, m, m0inv, n, t, hardware: hw)
                        }
                    }
                    k -= 1
                }
            }
            MontgomeryKernel.multiply(acc, acc, one, m, m0inv, n, t, hardware: hw)
            for j in 0..<n { out[j] = acc[j] }
        }
        return out
    }
}
