// Fixed-base scalar multiplication k·G on the prime curves with a precomputed table of multiples of
// the generator (the method of OpenSSL's ecp_nistz256 and of BoringSSL's fiat-crypto P-256, in its
// simplest form): the scalar is cut into 4-bit windows k_i, and the table holds, for every window
// position i, the 16 points j·2^(4i)·G (j = 0 … 15, entry 0 the point at infinity), so that
// k·G = Σ_i T[i][k_i] takes one complete addition per window and no doubling. For P-256 that is 64
// additions in place of 256 doublings and 64 additions.
//
// Timing.
//   - The table is built from G alone (public), once per curve and process, on first use, behind a
//     mutex; its size is fixed by the order's bit count (public).
//   - CONSTANT TIME (secret scalar): ECEngine.multiplyGenerator reads every window position in
//     order and, in each, every one of its 16 entries through MontgomeryKernel.select (the window's
//     value steers masks, never an address); every window costs one complete addition whatever its
//     value (entry 0, the point at infinity, is added like any point). The affine result goes
//     through the same Fermat inversion as ECEngine.multiply, and only "the result is infinity" is
//     made public.

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
    /// `windows × 16` projective points of `3n` limbs, Montgomery form; nil until first use.
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
    /// Windows of the fixed-base method: enough 4-bit windows for the order's bit count.
    var generatorWindows: Int { max(1, (orderBits + Self.window - 1) / Self.window) }

    /// Builds the table for the generator `(gx, gy)` (affine, reduced, `n` limbs each): for window
    /// position `i`, entry `j` is `j·2^(4i)·G`. Public data only.
    func buildGeneratorTable(gx: [UInt64], gy: [UInt64]) -> [UInt64] {
        let n = self.n
        let size = 1 << Self.window
        let pointLimbs = 3 * n
        let windows = generatorWindows
        var out = [UInt64](repeating: 0, count: windows * size * pointLimbs)
        out.withUnsafeMutableBufferPointer { t in
            let t = t.baseAddress!
            withArithmetic(extra: pointLimbs) { e, work in
                let base = work
                load(base, x: gx, y: gy, e)
                for i in 0..<windows {
                    let row = t + i * size * pointLimbs
                    // Entry 0: the point at infinity (0 : 1 : 0).
                    for j in 0..<n { row[n + j] = one[j] }
                    for j in 0..<pointLimbs { row[pointLimbs + j] = base[j] }
                    for j in 2..<size {
                        e.add(row + j * pointLimbs, row + (j - 1) * pointLimbs, base)
                    }
                    // The next row's base: 2^4 times this one's.
                    for _ in 0..<Self.window { e.double(base, base) }
                }
            }
        }
        return out
    }

    /// `k·G` for the curve's generator `(gx, gy)`, in CONSTANT TIME in `k` (see the note at the top
    /// of the file): `k` little-endian limbs read over exactly `orderBits` bit positions, as
    /// ``multiply(x:y:scalar:bits:)`` reads them with `bits = orderBits`.
    func multiplyGenerator(gx: [UInt64], gy: [UInt64], scalar k: [UInt64]) -> ECAffineLimbs {
        #if EC2M
        // Binary curves have their own ladder (EC2MPoint.swift); the table is for prime fields.
        if let g = binary { return g.multiply(x: gx, y: gy, scalar: k, bits: orderBits) }
        #endif
        let n = self.n
        let w = Self.window
        let size = 1 << w
        let pointLimbs = 3 * n
        let bits = orderBits
        let windows = generatorWindows
        let table = generatorTable.limbs { buildGeneratorTable(gx: gx, gy: gy) }
        return withArithmetic(extra: 2 * pointLimbs + 2 * n) { e, work in
            let acc = work
            let sel = acc + pointLimbs
            let inv = sel + pointLimbs
            // acc = infinity (0 : 1 : 0).
            for j in 0..<n { acc[n + j] = one[j] }
            table.withUnsafeBufferPointer { t in
                k.withUnsafeBufferPointer { k in
                    for i in 0..<windows {
                        var v: UInt64 = 0
                        for b in 0..<w {
                            let bit = i * w + b
                            if bit < bits && (bit >> 6) < k.count {
                                v |= ((k[bit >> 6] >> UInt64(bit & 63)) & 1) << UInt64(b)
                            }
                        }
                        MontgomeryKernel.select(sel, t.baseAddress! + i * size * pointLimbs, size, pointLimbs, v)
                        e.add(acc, acc, sel)
                    }
                }
            }
            return affine(acc, e, work: inv)
        }
    }
}
#endif
