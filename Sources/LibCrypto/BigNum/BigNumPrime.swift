// Random numbers below a bound (`BN_rand_range`) and probabilistic primality testing
// (`BN_check_prime`: trial division by the first primes, then Miller–Rabin with OpenSSL 3.0's
// round counts), VARIABLE TIME: for public candidates. The random bytes come from the library's
// process DRBG (`Random.bytes(count:)`, a CTR_DRBG seeded from the operating system) unless the
// caller passes another generator.

extension BigNum {
    /// The type of a random-byte source: returns exactly the number of bytes asked for.
    public typealias RandomBytes = (Int) throws -> [UInt8]

    /// A uniformly random number in `[0, 2^bits)` (`BN_rand` with no top or bottom bit forced).
    /// - Parameters:
    ///   - bits: the number of random bits, `0 ... maxBits`.
    ///   - generator: the byte source; the process DRBG by default.
    /// - Throws: `invalidParameter` for a negative count, (`BIGNUM_TOO_LONG`) above ``maxBits``,
    ///   and whatever the generator throws.
    public static func random(bits: Int, using generator: RandomBytes = { try Random.bytes(count: $0) }) throws
        -> BigNum
    {
        guard bits >= 0 else { throw CryptoError(.invalidParameter, "negative bit count \(bits)") }
        guard bits <= maxBits else { throw tooLong("a \(bits)-bit random number") }
        let count = (bits + 7) / 8
        var bytes = try generator(count)
        guard bytes.count == count else {
            throw CryptoError(.invalidParameter, "random source gave \(bytes.count) bytes, not \(count)")
        }
        if bits % 8 != 0, !bytes.isEmpty { bytes[0] &= UInt8((1 << (bits % 8)) - 1) }
        return try BigNum(bytes: bytes)
    }

    /// A uniformly random number in `[0, bound)` (`BN_rand_range`), by rejection: draws of
    /// `bound.bitWidth` bits until one is below `bound` (each draw succeeds with probability
    /// above 1/2; after 100 failures it gives up, as OpenSSL does).
    /// - Parameters:
    ///   - bound: the exclusive upper bound, positive.
    ///   - generator: the byte source; the process DRBG by default.
    /// - Throws: `invalidParameter` (`INVALID_RANGE`) for a bound that is zero or negative,
    ///   (`TOO_MANY_ITERATIONS`) after 100 rejected draws, and whatever the generator throws.
    public static func random(below bound: BigNum, using generator: RandomBytes = { try Random.bytes(count: $0) })
        throws -> BigNum
    {
        guard !bound.isZero, !bound.isNegative else {
            throw CryptoError(.invalidParameter, "random range must be positive", openSSL: .bnInvalidRange)
        }
        for _ in 0..<100 {
            let r = try random(bits: bound.bitWidth, using: generator)
            if r < bound { return r }
        }
        throw CryptoError(.invalidParameter, "no random number below the bound", openSSL: .bnTooManyIterations)
    }

    /// The first 2,048 primes (2, 3, 5, …, 17863): OpenSSL's `primes[NUMPRIMES]` table of
    /// `crypto/bn/bn_prime.h`, computed here by a sieve rather than copied.
    static let smallPrimes: [UInt64] = {
        let limit = 17_864
        var composite = [Bool](repeating: false, count: limit)
        var out: [UInt64] = []
        for i in 2..<limit where !composite[i] {
            out.append(UInt64(i))
            var j = i * i
            while j < limit {
                composite[j] = true
                j += i
            }
        }
        return out
    }()

    /// How many of the first primes trial division uses for a candidate of `bits` bits
    /// (OpenSSL 3.0's `calc_trial_divisions`).
    static func trialDivisions(bits: Int) -> Int {
        if bits <= 512 { return 64 }
        if bits <= 1024 { return 128 }
        if bits <= 2048 { return 384 }
        if bits <= 4096 { return 1024 }
        return smallPrimes.count
    }

    /// Miller–Rabin rounds OpenSSL 3.0 uses when none is given (`bn_mr_min_checks`): 64, or
    /// 128 above 2,048 bits (an error probability below 2^-128).
    /// - Parameter bits: the candidate's size in bits.
    public static func millerRabinRounds(bits: Int) -> Int { bits > 2048 ? 128 : 64 }

    /// Whether this number is probably prime (`BN_check_prime`): numbers below 2 and negative
    /// numbers are not, 2 and 3 are; an even number is not; then trial division by the first
    /// primes (64 to 2,048 of them by size, OpenSSL's `calc_trial_divisions`, from 3) and Miller–Rabin with random bases
    /// (FIPS 186-5 B.3.1, as OpenSSL's `ossl_bn_miller_rabin_is_prime`). A composite passes
    /// with probability at most 4^-rounds. VARIABLE TIME: for public candidates.
    /// - Parameters:
    ///   - rounds: Miller–Rabin rounds; nil or 0 (OpenSSL's `BN_prime_checks`) for OpenSSL's
    ///     count (``millerRabinRounds(bits:)``).
    ///   - trialDivision: whether to divide by the small primes first.
    ///   - generator: the byte source for the bases; the process DRBG by default.
    /// - Throws: `invalidParameter` for a negative round count, and whatever the generator throws.
    public func isProbablePrime(
        rounds: Int? = nil, trialDivision: Bool = true, using generator: RandomBytes = { try Random.bytes(count: $0) }
    ) throws -> Bool {
        if isNegative || bitWidth <= 1 { return false }
        if !isOdd { return word == 2 }
        if word == 3 { return true }
        if trialDivision {
            for p in Self.smallPrimes[1..<Self.trialDivisions(bits: bitWidth)] where try remainder(dividingBy: p) == 0 {
                return word == p
            }
        }
        let checks = rounds == nil || rounds == 0 ? Self.millerRabinRounds(bits: bitWidth) : rounds ?? 0
        guard checks > 0 else { throw CryptoError(.invalidParameter, "negative round count \(checks)") }
        let w1 = self - .one
        let w3 = self - BigNum(3)
        let a = w1.trailingZeroBitCount
        let m = try w1.shiftedRight(by: a)
        for _ in 0..<checks {
            let b = try Self.random(below: w3, using: generator) + BigNum(2)
            var z = try b.modExp(m, modulus: self)
            if z.isOne || z == w1 { continue }
            var witness = true
            for _ in 1..<a {
                z = try z.modSquare(modulus: self)
                if z == w1 {
                    witness = false
                    break
                }
                if z.isOne { break }
            }
            if witness { return false }
        }
        return true
    }
}
