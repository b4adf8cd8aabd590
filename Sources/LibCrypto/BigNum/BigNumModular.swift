// Modular arithmetic on BigNum, VARIABLE TIME (public data only; see BigNum.swift and, for the
// constant-time exponentiation and inverse, Montgomery.swift): modular multiplication and
// squaring, exponentiation (`BN_mod_exp`), powers (`BN_exp`), GCD (`BN_gcd`), the inverse by the
// extended Euclidean algorithm (`BN_mod_inverse`), the Jacobi symbol (`BN_kronecker` for odd
// moduli) and square roots modulo a prime (`BN_mod_sqrt`, Tonelli–Shanks). Every modulus'
// sign is ignored, as OpenSSL's reductions ignore it; every result is in `[0, |m|)`.

extension BigNum {
    /// `a·b mod |modulus|`, in `[0, |modulus|)` (`BN_mod_mul`).
    /// - Parameters:
    ///   - other: the second factor.
    ///   - modulus: the modulus; its sign is ignored.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) if `modulus` is zero.
    public func modMul(_ other: BigNum, modulus: BigNum) throws -> BigNum {
        try (self * other).nonNegativeRemainder(modulo: modulus)
    }

    /// `a² mod |modulus|`, in `[0, |modulus|)` (`BN_mod_sqr`).
    /// - Parameter modulus: the modulus; its sign is ignored.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) if `modulus` is zero.
    public func modSquare(modulus: BigNum) throws -> BigNum {
        try squared().nonNegativeRemainder(modulo: modulus)
    }

    /// `self^exponent mod |modulus|` in `[0, |modulus|)` (`BN_mod_exp`), VARIABLE TIME: for public
    /// exponents and bases only (signature verification, primality tests). Any modulus but
    /// zero: Montgomery multiplication for an odd one, division for an even one. For a secret
    /// base or exponent use ``modExpConstantTime(_:modulus:)``.
    /// - Parameters:
    ///   - exponent: a non-negative exponent.
    ///   - modulus: the modulus; its sign is ignored. Modulo 1 the result is 0. With a zero
    ///     exponent the result is 1 (0 modulo ±1) whatever the modulus, zero included, as
    ///     `BN_mod_exp` gives.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) for a zero modulus and a non-zero exponent,
    ///   for a negative exponent, or (`BIGNUM_TOO_LONG`) for an exponent above ``maxBits``.
    public func modExp(_ exponent: BigNum, modulus: BigNum) throws -> BigNum {
        // BN_mod_exp answers x^0 before it looks at the modulus (x^0 mod 0 is 1 there).
        if exponent.isZero { return modulus.magnitude.isOne ? .zero : .one }
        guard !modulus.isZero else { throw Self.divisionByZero() }
        guard !exponent.isNegative else { throw CryptoError(.invalidParameter, "negative exponent") }
        guard exponent.bitWidth <= Self.maxBits else { throw Self.tooLong("the exponent") }
        let mod = modulus.magnitude
        if mod.isOne { return .zero }
        let base = try nonNegativeRemainder(modulo: mod)
        let bits = exponent.bitWidth
        if mod.isOdd {
            let ctx = try MontgomeryContext(modulus: mod)
            return BigNum(
                limbs: ctx.publicExponentPower(MontgomeryContext.padded(base.limbs, ctx.n), exponent.magnitude.limbs))
        }
        var acc = BigNum.one
        var i = bits - 1
        while i >= 0 {
            acc = BigNum(limbs: Self.divideMagnitudes(Self.multiplyMagnitudes(acc.limbs, acc.limbs), mod.limbs).1)
            if exponent.bit(i) {
                acc = BigNum(limbs: Self.divideMagnitudes(Self.multiplyMagnitudes(acc.limbs, base.limbs), mod.limbs).1)
            }
            i -= 1
        }
        return acc
    }

    /// `self^exponent` without a modulus (`BN_exp`); `0^0` is 1.
    /// - Parameter exponent: a non-negative exponent.
    /// - Throws: `invalidParameter` for a negative exponent, or (`BIGNUM_TOO_LONG`) if the
    ///   result would exceed ``maxBits``.
    public func power(_ exponent: BigNum) throws -> BigNum {
        guard !exponent.isNegative else { throw CryptoError(.invalidParameter, "negative exponent") }
        if exponent.isZero { return .one }
        if isZero { return .zero }
        if magnitude.isOne { return exponent.isOdd ? self : .one }
        // |self| ≥ 2: the result has more than (bitWidth - 1) · e bits.
        guard let e = exponent.word, e <= UInt64(Self.maxBits),
            (bitWidth - 1) * Int(e) < Self.maxBits
        else { throw Self.tooLong("the power") }
        var result = BigNum.one
        var i = exponent.bitWidth - 1
        while i >= 0 {
            result = result.squared()
            if exponent.bit(i) { result = result * self }
            i -= 1
        }
        return result
    }

    /// The greatest common divisor of the magnitudes, never negative; `gcd(0, 0)` is 0
    /// (`BN_gcd`). Binary GCD, variable time.
    /// - Parameter other: the second number; its sign is ignored.
    public func gcd(_ other: BigNum) -> BigNum {
        var a = limbs
        var b = other.limbs
        if a.isEmpty { return BigNum(limbs: b) }
        if b.isEmpty { return BigNum(limbs: a) }
        let za = BigNum(limbs: a).trailingZeroBitCount
        let zb = BigNum(limbs: b).trailingZeroBitCount
        let common = min(za, zb)
        a = Self.shiftRightMagnitude(a, za)
        b = Self.shiftRightMagnitude(b, zb)
        // Both odd. Each round halves one operand at least once: at most bitWidth(a)+bitWidth(b) rounds.
        while !b.isEmpty {
            if Self.compareMagnitudes(a, b) > 0 { swap(&a, &b) }
            b = Self.subtractMagnitudes(b, a)
            if !b.isEmpty { b = Self.shiftRightMagnitude(b, BigNum(limbs: b).trailingZeroBitCount) }
        }
        return BigNum(limbs: Self.shiftLeftMagnitude(a, common))
    }

    /// The inverse modulo `|modulus|`, in `[0, |modulus|)` (`BN_mod_inverse`), by the extended
    /// Euclidean algorithm: VARIABLE TIME, for public values. For a secret modulo a prime use
    /// ``inverseModPrimeConstantTime(_:)``.
    /// - Parameter modulus: the modulus; its sign is ignored.
    /// - Throws: `invalidParameter` (`NO_INVERSE`) if `gcd(self, modulus) ≠ 1` or the modulus'
    ///   magnitude is 0 or 1 (as OpenSSL refuses those).
    public func inverse(modulo modulus: BigNum) throws -> BigNum {
        let mod = modulus.magnitude
        guard !mod.isZero, !mod.isOne else {
            throw CryptoError(.invalidParameter, "no inverse modulo \(mod.hexString)", openSSL: .bnNoInverse)
        }
        var r0 = mod
        var r1 = try nonNegativeRemainder(modulo: mod)
        var t0 = BigNum.zero
        var t1 = BigNum.one
        while !r1.isZero {
            let (q, r) = try r0.quotientAndRemainder(dividingBy: r1)
            (r0, r1) = (r1, r)
            (t0, t1) = (t1, t0 - q * t1)
        }
        guard r0.isOne else { throw CryptoError(.invalidParameter, "no inverse", openSSL: .bnNoInverse) }
        return try t0.nonNegativeRemainder(modulo: mod)
    }

    /// The Jacobi symbol `(self / n)` for an odd positive `n` (−1, 0 or 1; `BN_kronecker` for
    /// odd moduli).
    /// - Parameter n: an odd positive modulus.
    /// - Throws: `invalidParameter` if `n` is even or not positive.
    public func jacobi(_ n: BigNum) throws -> Int {
        guard n.isOdd, !n.isNegative else { throw CryptoError(.invalidParameter, "Jacobi symbol needs an odd n > 0") }
        var a = try nonNegativeRemainder(modulo: n)
        var m = n
        var result = 1
        while !a.isZero {
            let z = a.trailingZeroBitCount
            a = BigNum(limbs: Self.shiftRightMagnitude(a.limbs, z))
            let m8 = m.limbs[0] & 7
            if z & 1 == 1, m8 == 3 || m8 == 5 { result = -result }
            if a.limbs[0] & 3 == 3, m.limbs[0] & 3 == 3 { result = -result }
            (a, m) = (try m.nonNegativeRemainder(modulo: a), a)
        }
        return m.isOne ? result : 0
    }

    /// A square root modulo the prime `prime` (`BN_mod_sqrt`): an `x` in `[0, p)` with
    /// `x² ≡ self (mod p)`; either of the two roots may come back. Tonelli–Shanks (with the
    /// `p ≡ 3 mod 4` shortcut), VARIABLE TIME. Every loop is bounded and the root is checked
    /// before it is returned, so a composite `prime` gives an error, never a loop or a wrong root.
    /// - Parameter prime: an odd prime, or 2; its sign is ignored.
    /// - Throws: `invalidParameter` with `NOT_A_SQUARE` for a non-residue, `P_IS_NOT_PRIME`
    ///   when the search for a non-residue shows the modulus composite, `TOO_MANY_ITERATIONS`
    ///   when it finds none, and `DIV_BY_ZERO` for a zero modulus.
    public func modSqrt(prime: BigNum) throws -> BigNum {
        let p = prime.magnitude
        guard !p.isZero else { throw Self.divisionByZero() }
        let a = try nonNegativeRemainder(modulo: p)
        if p.word == 2 { return a }
        guard p.isOdd, !p.isOne else {
            throw CryptoError(.invalidParameter, "modulus is not an odd prime", openSSL: .bnPIsNotPrime)
        }
        if a.isZero || a.isOne { return a }
        let notASquare = CryptoError(.invalidParameter, "not a square", openSSL: .bnNotASquare)
        let pMinus1 = p - .one
        let root: BigNum
        if p.limbs[0] & 3 == 3 {
            root = try a.modExp(try (p + .one).shiftedRight(by: 2), modulus: p)
        } else {
            let e = pMinus1.trailingZeroBitCount
            let q = try pMinus1.shiftedRight(by: e)
            // A non-residue z: the first of 2, 3, 4, … whose Jacobi symbol is −1 (82 tries, as
            // OpenSSL gives up after 82).
            var z = BigNum(2)
            var found = false
            for _ in 0..<82 {
                let j = try z.jacobi(p)
                if j == 0 { throw CryptoError(.invalidParameter, "p is not prime", openSSL: .bnPIsNotPrime) }
                if j == -1 {
                    found = true
                    break
                }
                z += .one
            }
            guard found else {
                throw CryptoError(.invalidParameter, "no non-residue found", openSSL: .bnTooManyIterations)
            }
            let y = try z.modExp(q, modulus: p)
            let x = try a.modExp(try (q + .one).shiftedRight(by: 1), modulus: p)
            let b = try a.modExp(q, modulus: p)
            // The rounds (up to e²/2 squarings) in Montgomery form: p is odd here.
            let ctx = try MontgomeryContext(modulus: p)
            func padded(_ v: BigNum) -> [UInt64] { MontgomeryContext.padded(v.limbs, ctx.n) }
            guard let x = ctx.tonelliShanksRounds(y: padded(y), x: padded(x), b: padded(b), e: e) else {
                throw notASquare
            }
            root = BigNum(limbs: x)
        }
        guard try root.modSquare(modulus: p) == a else { throw notASquare }
        return root
    }
}
