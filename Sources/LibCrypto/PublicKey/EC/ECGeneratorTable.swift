// Fixed-base scalar multiplication k·G on the prime curves with a precomputed table of multiples of
// the generator (the method of OpenSSL's ecp_nistz256, there with 7-bit windows): the scalar is
// recoded into signed 6-bit digits d_i ∈ [−32, 32] (Booth recoding, as ecp_nistz256's
// booth_recode_w7), and the table holds, for every window position i, the 32 affine points
// j·2^(6i)·G (j = 1 … 32), so that k·G = Σ_i sign_i·T[i][|d_i|] takes one mixed addition per window
// and no doubling. For P-256 that is 43 additions in place of 256 doublings and 64 additions.
//
// Timing.
//   - The table is built from G alone (public), once per curve and process, on first use, behind a
//     mutex; its size is fixed by the order's bit count (public).
//   - CONSTANT TIME (secret scalar): ECEngine.multiplyGenerator reads every window position in
//     order; the digit's magnitude and sign come from masks (no branch), every one of the 32
//     entries is read through MontgomeryKernel.select (the digit steers masks, never an address),
//     the negation of y is computed always and kept by a mask, and every window costs one addition
//     whatever its digit: for digit 0 the sum is computed with a dummy entry and discarded by a
//     masked select. The affine result goes through the same Fermat inversion as
//     ECEngine.multiply, and only "the result is infinity" is made public.
//   - The windows below ECEngine.firstCompleteWindow use Jacobian mixed additions (8M + 3S, any a),
//     whose exceptional cases (acc = ±entry) the digits' sizes rule out and whose acc = ∞ case
//     (every digit so far 0) is a masked select; the last windows use mixed additions that are
//     complete for any accumulator and any affine entry (Renes–Costello–Batina algorithm 5,
//     a = −3; the full formulas with Z = 1 for another a), after one conversion to projective.

#if EC
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-curve table of generator multiples, built on first use and then shared read-only.
final class ECGeneratorTable: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    /// `windows × 32` affine points of `2n` limbs, Montgomery form (empty: unusable); nil until
    /// first use.
    private var table: [UInt64]?

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// The table, built by `build` the first time.
    func limbs(_ build: () -> [UInt64]) -> [UInt64] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let table { return table }
        let built = build()
        table = built
        return built
    }
}

extension ECEngine {
    /// Bits per signed digit of the fixed-base method.
    static let generatorWindow = 6

    /// Entries per window position: the multiples 1 … 2^(w−1).
    static var generatorEntries: Int { 1 << (generatorWindow - 1) }

    /// Window positions of the fixed-base method: Booth recoding needs one bit above the order's.
    var generatorWindows: Int { (orderBits + Self.generatorWindow) / Self.generatorWindow }

    /// The first window position whose addition uses the complete formulas; the ones before it
    /// use the cheaper Jacobian mixed addition, which is wrong only for acc = ±entry. After the
    /// digits d_0 … d_(j−1), acc = A·G with |A| ≤ 32·(2^(6j) − 1)/63 < 2^(6j), and the entry is
    /// B·G with B = ±|d_j|·2^(6j), 2^(6j) ≤ |B| ≤ 32·2^(6j). acc = ±entry needs A ∓ B ≡ 0 mod n,
    /// and |A ∓ B| < 33·2^(6j) < 2^(orderBits − 1) ≤ n when 6j < orderBits − 7, so A = ±B as
    /// integers, which |A| < |B| rules out. acc = ∞ means A ≡ 0, so A = 0 (every digit so far 0):
    /// a masked case. From this window on (two windows for P-256) the complete formulas take
    /// whatever the digits give, as for k = n − 1 − small.
    var firstCompleteWindow: Int { max(0, (orderBits - 7) / Self.generatorWindow) }

    /// Builds the table for the generator `(gx, gy)` (affine, reduced, `n` limbs each): for window
    /// position `i`, entry `j − 1` is `j·2^(6i)·G` in affine Montgomery form `(x·R, y·R)`, `2n`
    /// limbs. Public data only. Empty when an entry is the point at infinity (a generator of
    /// very small order in explicit parameters), and the caller then uses the ladder.
    func buildGeneratorTable(gx: [UInt64], gy: [UInt64]) -> [UInt64] {
        let n = self.n
        let entries = Self.generatorEntries
        let pointLimbs = 3 * n
        let count = generatorWindows * entries
        // Projective entries first, then one batch inversion of every Z (Montgomery's trick).
        var projective = [UInt64](repeating: 0, count: count * pointLimbs)
        var out = [UInt64](repeating: 0, count: count * 2 * n)
        let usable = projective.withUnsafeMutableBufferPointer { pt in
            out.withUnsafeMutableBufferPointer { ot in
                let pt = pt.baseAddress!
                let ot = ot.baseAddress!
                return withArithmetic(extra: pointLimbs + 2 * n + count * n) { e, work in
                    let base = work
                    let inv = base + pointLimbs
                    let t = inv + n
                    let prefix = t + n
                    load(base, x: gx, y: gy, e)
                    for i in 0..<generatorWindows {
                        let row = pt + i * entries * pointLimbs
                        for j in 0..<pointLimbs { row[j] = base[j] }
                        for j in 1..<entries {
                            e.add(row + j * pointLimbs, row + (j - 1) * pointLimbs, base)
                        }
                        for _ in 0..<Self.generatorWindow { e.double(base, base) }
                    }
                    // prefix[i] = Z_0 · … · Z_i; a zero Z (public) makes the table unusable.
                    for i in 0..<count {
                        let z = pt + i * pointLimbs + 2 * n
                        if e.f.zeroMask(z) != 0 { return false }
                        if i == 0 {
                            e.f.copy(prefix, z)
                        } else {
                            e.f.mul(prefix + i * n, prefix + (i - 1) * n, z)
                        }
                    }
                    e.f.power(inv, prefix + (count - 1) * n, pMinus2, one: one)
                    // Walk back: inv = (Z_0 · … · Z_i)⁻¹, so Z_i⁻¹ = inv · prefix[i − 1].
                    var i = count - 1
                    while i >= 0 {
                        let point = pt + i * pointLimbs
                        if i > 0 {
                            e.f.mul(t, inv, prefix + (i - 1) * n)
                            e.f.mul(inv, inv, point + 2 * n)
                        } else {
                            e.f.copy(t, inv)
                        }
                        e.f.mul(ot + i * 2 * n, point, t)
                        e.f.mul(ot + i * 2 * n + n, point + n, t)
                        i -= 1
                    }
                    return true
                }
            }
        }
        return usable ? out : []
    }

    /// `k·G` for the curve's generator `(gx, gy)`, in CONSTANT TIME in `k` (see the note at the top
    /// of the file): `k` little-endian limbs read over exactly `orderBits` bit positions, as
    /// ``multiply(x:y:scalar:bits:)`` reads them with `bits = orderBits`.
    func multiplyGenerator(gx: [UInt64], gy: [UInt64], scalar k: [UInt64]) -> ECAffineLimbs {
        #if EC2M
        // Binary curves have their own ladder (EC2MPoint.swift); the table is for prime fields.
        if let g = binary { return g.multiply(x: gx, y: gy, scalar: k, bits: orderBits) }
        #endif
        let table = generatorTable.limbs { buildGeneratorTable(gx: gx, gy: gy) }
        if table.isEmpty { return multiply(x: gx, y: gy, scalar: k, bits: orderBits) }
        let n = self.n
        let w = Self.generatorWindow
        let entries = Self.generatorEntries
        let pointLimbs = 3 * n
        let bits = orderBits
        let windows = generatorWindows
        let complete = firstCompleteWindow
        return withArithmetic(extra: 3 * pointLimbs + 4 * n) { e, work in
            let acc = work
            let sum = acc + pointLimbs
            let sel = sum + pointLimbs
            let negY = sel + pointLimbs
            let zero = negY + n
            let inv = zero + n
            // acc = infinity (0 : 1 : 0), Jacobian and projective alike; sel's Z is 1 for the full
            // formulas.
            for j in 0..<n {
                acc[n + j] = one[j]
                sel[2 * n + j] = one[j]
                zero[j] = 0
            }
            table.withUnsafeBufferPointer { t in
                k.withUnsafeBufferPointer { k in
                    /// Bit `bit` of k (0 outside [0, bits)); the positions are public.
                    func bitAt(_ bit: Int) -> UInt64 {
                        guard bit >= 0, bit < bits, (bit >> 6) < k.count else { return 0 }
                        return (k[bit >> 6] >> UInt64(bit & 63)) & 1
                    }
                    for i in 0..<windows {
                        if i == complete {
                            // Jacobian (X : Y : Z) to projective (X·Z : Y : Z³); infinity stays
                            // (0 : 1 : 0).
                            e.f.sqr(sum, acc + 2 * n)
                            e.f.mul(sum, sum, acc + 2 * n)
                            e.f.mul(acc, acc, acc + 2 * n)
                            e.f.copy(acc + 2 * n, sum)
                        }
                        // w + 1 bits: k_{wi−1} … k_{wi+w−1}.
                        var v: UInt64 = 0
                        for b in 0...w { v |= bitAt(i * w - 1 + b) << UInt64(b) }
                        // Booth recoding without branches: s is all ones for a negative digit.
                        let s = ~((v >> UInt64(w)) &- 1)
                        var d = ((1 << UInt64(w + 1)) &- v &- 1) & s | (v & ~s)
                        d = (d >> 1) &+ (d & 1)
                        let negative = CTLimb.mask(s & 1)
                        // Entry d − 1; digit 0 selects nothing (index all ones) and leaves zeros.
                        let row = t.baseAddress! + i * entries * 2 * n
                        if n == 4 {
                            ECField4.select8(sel, row, entries, d &- 1)
                        } else {
                            MontgomeryKernel.select(sel, row, entries, 2 * n, d &- 1)
                        }
                        e.f.sub(negY, zero, sel + n)
                        for j in 0..<n { sel[n + j] = CTLimb.select(negative, negY[j], sel[n + j]) }
                        if i < complete {
                            // acc = ∞ (every digit so far 0) gives sel with Z = 1, by a mask.
                            let infinite = e.f.zeroMask(acc + 2 * n)
                            e.addMixedJacobian(sum, acc, sel)
                            for j in 0..<(2 * n) { sum[j] = CTLimb.select(infinite, sel[j], sum[j]) }
                            for j in 0..<n { sum[2 * n + j] = CTLimb.select(infinite, one[j], sum[2 * n + j]) }
                        } else if e.minus3 {
                            e.addMixedMinus3(sum, acc, sel)
                        } else {
                            e.add(sum, acc, sel)
                        }
                        let keep = CTLimb.mask(((d | (0 &- d)) >> 63) ^ 1)
                        for j in 0..<pointLimbs { acc[j] = CTLimb.select(keep, acc[j], sum[j]) }
                    }
                }
            }
            return affine(acc, e, work: inv)
        }
    }
}
#endif
