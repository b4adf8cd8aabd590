// Montgomery arithmetic and the CONSTANT-TIME entry points of BigNum.
//
// Constant time (for secret operands; the modulus and the operands' limb counts are public):
//   - MontgomeryContext.multiply(_:_:), .square(_:), .toMontgomery(_:), .fromMontgomery(_:)
//     on reduced operands: the kernel of MontgomeryKernel.swift (a fixed-length CIOS loop over
//     the modulus' limb count, carries through UInt128 sums, a final subtraction chosen by a
//     mask, not a branch; or the MULX/ADX kernel of LibCryptoASM, equally constant time).
//   - BigNum.modExpConstantTime(_:modulus:) (OpenSSL's BN_mod_exp_mont_consttime): a fixed
//     window over every bit position up to max(modulus limbs, exponent limbs) * 64, the table
//     entry read by scanning the whole table with masks (no secret-dependent index), the same
//     squarings and multiplications whatever the exponent's bits
//     (MontgomeryContext.constantTimePower in MontgomeryKernel.swift).
//   - BigNum.inverseModPrimeConstantTime(_:) (Fermat: a^(p-2) mod p through the above).
// Public-only steps inside them, done before any secret enters: setting up the context (R^2 mod
// m by division), reducing a base that is negative or not below the modulus (a division whose
// time depends on the base: a caller with a secret base passes it reduced), and stripping the
// result's leading zero limbs when it becomes a BigNum again (the result's length is treated as
// public, as OpenSSL's bn_correct_top treats it).
// Variable time (public data only): BigNum.modExp(_:modulus:), which takes any modulus (even
// ones through division); for an odd one it is MontgomeryContext.publicExponentPower, whose
// branches and table indices follow the exponent's bits (constant time in the base only).

/// Montgomery arithmetic modulo an odd modulus `m > 1` (OpenSSL's `BN_MONT_CTX`), with
/// `R = 2^(64·n)` for the modulus' `n` limbs.
///
/// ``multiply(_:_:)``, ``square(_:)``, ``toMontgomery(_:)`` and ``fromMontgomery(_:)`` run in time
/// that depends only on the modulus' limb count: operands must be reduced (`0 ≤ x < m`), which
/// each checks (on the operand's limb count and a comparison — a caller whose operand is secret
/// reduces it first, as every path in this library does).
public struct MontgomeryContext: Sendable, Hashable {
    /// The modulus (odd, above 1, positive).
    public let modulus: BigNum
    /// Limbs of the modulus, the fixed length of every internal operand.
    let n: Int
    let m: [UInt64]
    /// `-m^-1 mod 2^64`.
    let m0inv: UInt64
    /// `R^2 mod m`, `n` limbs.
    let rr: [UInt64]

    /// A context for `modulus` (`BN_MONT_CTX_set`); the sign of `modulus` is ignored.
    /// - Parameter modulus: an odd number above 1 in magnitude.
    /// - Throws: `invalidParameter` (`CALLED_WITH_EVEN_MODULUS`) for an even modulus, and for
    ///   a modulus of magnitude 1.
    public init(modulus: BigNum) throws {
        let mag = modulus.magnitude
        guard mag.isOdd else {
            throw CryptoError(
                .invalidParameter, "Montgomery arithmetic needs an odd modulus", openSSL: .bnCalledWithEvenModulus)
        }
        guard !mag.isOne else { throw CryptoError(.invalidParameter, "Montgomery arithmetic modulo 1") }
        self.modulus = mag
        n = mag.limbs.count
        m = mag.limbs
        // Newton's iteration for m^-1 mod 2^64 (each step doubles the correct low bits; m*m ≡ 1 mod 8).
        var inv: UInt64 = m[0]
        for _ in 0..<6 { inv = inv &* (2 &- m[0] &* inv) }
        m0inv = 0 &- inv
        let r2 = BigNum.shiftLeftMagnitude([1], 128 * n)
        let reduced = BigNum.divideMagnitudes(r2, m).remainder
        rr = Self.padded(reduced, n)
    }

    static func padded(_ a: [UInt64], _ n: Int) -> [UInt64] {
        var out = a
        if out.count < n { out += [UInt64](repeating: 0, count: n - out.count) }
        return out
    }

    /// `a·b·R^-1 mod m` for `n`-limb `a < R`, `b < m` (``MontgomeryKernel``), a new array.
    func montMul(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: n)
        let hw = Self.hardwareSelected
        let n = self.n
        let m0inv = self.m0inv
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: MontgomeryKernel.scratchCount(n)) { t in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    m.withUnsafeBufferPointer { m in
                        out.withUnsafeMutableBufferPointer { out in
                            MontgomeryKernel.multiply(
                                out.baseAddress!, a.baseAddress!, b.baseAddress!, m.baseAddress!, m0inv, n,
                                t.baseAddress!,
                                hardware: hw)
                        }
                    }
                }
            }
            SecretWipe.wipe(UnsafeMutableRawBufferPointer(t))
        }
        return out
    }

    /// Whether the `n`-limb magnitude `a` is below the modulus, without a branch on its value
    /// (the borrow of `a - m`), declassified: only the answer is made public.
    func isBelowModulus(_ a: [UInt64]) -> Bool {
        var borrow: UInt64 = 0
        for j in 0..<n { (_, borrow) = CTLimb.subtract(a[j], m[j], borrow) }
        return ConstantTime.declassify(borrow == 1)
    }

    func checkReduced(_ a: BigNum) throws -> [UInt64] {
        guard !a.isNegative, a.limbs.count <= n, isBelowModulus(Self.padded(a.limbs, n)) else {
            throw CryptoError(
                .invalidParameter, "operand not reduced modulo the Montgomery modulus", openSSL: .bnInputNotReduced)
        }
        return Self.padded(a.limbs, n)
    }

    /// `a·b·R^-1 mod m` (`BN_mod_mul_montgomery`); constant time for reduced operands.
    /// - Parameters:
    ///   - a: a number in `[0, m)`, usually in Montgomery form.
    ///   - b: a number in `[0, m)`, usually in Montgomery form.
    /// - Throws: `invalidParameter` (`INPUT_NOT_REDUCED`) if an operand is negative or not below m.
    public func multiply(_ a: BigNum, _ b: BigNum) throws -> BigNum {
        BigNum(secretLimbs: montMul(try checkReduced(a), try checkReduced(b)))
    }

    /// `a·a·R^-1 mod m`; constant time for a reduced operand.
    /// - Parameter a: a number in `[0, m)`.
    /// - Throws: `invalidParameter` (`INPUT_NOT_REDUCED`) if `a` is negative or not below m.
    public func square(_ a: BigNum) throws -> BigNum {
        let x = try checkReduced(a)
        return BigNum(secretLimbs: montMul(x, x))
    }

    /// `a·R mod m` (`BN_to_montgomery`); constant time for a reduced operand.
    /// - Parameter a: a number in `[0, m)`.
    /// - Throws: `invalidParameter` (`INPUT_NOT_REDUCED`) if `a` is negative or not below m.
    public func toMontgomery(_ a: BigNum) throws -> BigNum {
        BigNum(secretLimbs: montMul(try checkReduced(a), rr))
    }

    /// `a·R^-1 mod m` (`BN_from_montgomery`); constant time for a reduced operand.
    /// - Parameter a: a number in `[0, m)`, in Montgomery form.
    /// - Throws: `invalidParameter` (`INPUT_NOT_REDUCED`) if `a` is negative or not below m.
    public func fromMontgomery(_ a: BigNum) throws -> BigNum {
        var one = [UInt64](repeating: 0, count: n)
        one[0] = 1
        return BigNum(secretLimbs: montMul(try checkReduced(a), one))
    }

    /// Window width for a constant-time exponentiation over `bits` bit positions (OpenSSL's
    /// `BN_window_bits_for_ctime_exponent_size`, capped at 5).
    static func windowBits(_ bits: Int) -> Int { bits > 306 ? 5 : bits > 89 ? 4 : 3 }

}

extension BigNum {
    /// `self^exponent mod |modulus|` in constant time for a secret base and exponent
    /// (`BN_mod_exp_mont_consttime`): a fixed-window Montgomery exponentiation whose branches,
    /// loop bounds and memory addresses depend only on the modulus' limb count and the
    /// exponent's limb count.
    ///
    /// A base that is negative or not below the modulus is first reduced by (variable-time)
    /// division, as OpenSSL does: pass a secret base already reduced.
    /// - Parameters:
    ///   - exponent: a non-negative exponent.
    ///   - modulus: an odd modulus; its sign is ignored. Modulo 1 the result is 0.
    /// - Throws: `invalidParameter` (`CALLED_WITH_EVEN_MODULUS`) for an even or zero modulus, for a
    ///   negative exponent, or (`BIGNUM_TOO_LONG`) for an exponent above ``maxBits``.
    public func modExpConstantTime(_ exponent: BigNum, modulus: BigNum) throws -> BigNum {
        guard modulus.isOdd else {
            throw CryptoError(
                .invalidParameter, "constant-time exponentiation needs an odd modulus",
                openSSL: .bnCalledWithEvenModulus)
        }
        guard !exponent.isNegative else { throw CryptoError(.invalidParameter, "negative exponent") }
        guard exponent.limbs.count * 64 <= Self.maxBits else { throw Self.tooLong("the exponent") }
        if modulus.magnitude.isOne { return .zero }
        let ctx = try MontgomeryContext(modulus: modulus)
        let reduced = !isNegative && limbs.count <= ctx.n && ctx.isBelowModulus(MontgomeryContext.padded(limbs, ctx.n))
        let base = reduced ? self : try nonNegativeRemainder(modulo: modulus)
        let e = MontgomeryContext.padded(exponent.limbs, max(ctx.n, exponent.limbs.count))
        return BigNum(secretLimbs: ctx.constantTimePower(MontgomeryContext.padded(base.limbs, ctx.n), e))
    }

    /// The inverse of `self` modulo the prime `prime`, in constant time for a secret `self`:
    /// `self^(prime-2) mod prime` by ``modExpConstantTime(_:modulus:)`` (Fermat). Only the
    /// outcome "no inverse" (self ≡ 0) is made public, by the error.
    ///
    /// `prime` must be prime: for a composite odd modulus the result is not an inverse (this
    /// function does not test primality, which is the caller's public knowledge).
    /// - Parameter prime: an odd prime; its sign is ignored.
    /// - Throws: `invalidParameter` (`NO_INVERSE`) if `self` is a multiple of `prime`, or the
    ///   errors of ``modExpConstantTime(_:modulus:)`` (an even modulus).
    public func inverseModPrimeConstantTime(_ prime: BigNum) throws -> BigNum {
        guard prime.isOdd, !prime.magnitude.isOne else {
            throw CryptoError(
                .invalidParameter, "Fermat inversion needs an odd prime modulus", openSSL: .bnCalledWithEvenModulus)
        }
        let exponent = prime.magnitude - BigNum(2)
        let r = try modExpConstantTime(exponent, modulus: prime)
        var any: UInt64 = 0
        for l in r.limbs { any |= l }
        guard ConstantTime.declassify(any != 0) else {
            throw CryptoError(.invalidParameter, "no inverse: a multiple of the prime", openSSL: .bnNoInverse)
        }
        return r
    }
}
