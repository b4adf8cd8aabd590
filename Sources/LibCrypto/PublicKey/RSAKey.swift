// RSA keys as values built from their components (PKCS#1's RSAPublicKey and RSAPrivateKey,
// multi-prime included), their validation, generation and check (OpenSSL's RSA_check_key).
// The DER/PEM encodings live in Encoding/; this file knows only numbers.
//
// Timing.
//   - RSAPublicKey.init: VARIABLE TIME, on public values only.
//   - RSAPrivateKey.init: VARIABLE TIME in the key's limb counts and, once per key, in the values
//     of the secret components where it reduces them (the CRT coefficient below its prime). The
//     Montgomery contexts of the secret primes are set up in constant time
//     (`MontgomeryContext(secretModulus:)` in RSAPrimitives.swift), so the per-operation path
//     never divides by a secret.
//   - RSAPrivateKey.generate: the prime search is variable time on candidates (as OpenSSL's
//     BN_generate_prime_ex2 is; a rejected candidate is discarded). d = e^-1 mod λ is computed
//     on a blinded modulus (e^-1 mod r·λ for a random 64-bit r, then reduced), so Euclid's
//     steps depend on r·λ mod e, not on λ; the final reductions d mod (p−1), d mod λ use
//     ordinary (variable-time) division once per generated key. qInv uses the constant-time
//     Fermat inverse.
//   - RSAPrivateKey.check(): VARIABLE TIME (as RSA_check_key): a validation step, not an operation.

/// An RSA public key: the modulus `n` and the public exponent `e` (PKCS#1 `RSAPublicKey`).
///
/// The initializer enforces what OpenSSL 3.0's public operations enforce before they run
/// (`rsa_ossl_public_encrypt`): a modulus of at most ``maxModulusBits`` bits and an exponent
/// below the modulus, of at most ``maxLargeModulusExponentBits`` bits when the modulus has more
/// than ``smallModulusBits`` bits; and what its key check requires of a usable key: an odd
/// modulus above 1 and an odd exponent above 1.
public struct RSAPublicKey: Sendable, Hashable {
    /// The modulus `n`.
    public let modulus: BigNum
    /// The public exponent `e`.
    public let publicExponent: BigNum

    /// The largest modulus OpenSSL operates on (`OPENSSL_RSA_MAX_MODULUS_BITS`, 16,384).
    public static let maxModulusBits = 16_384
    /// Above this modulus size the exponent is capped (`OPENSSL_RSA_SMALL_MODULUS_BITS`, 3,072).
    public static let smallModulusBits = 3_072
    /// The exponent cap for moduli above ``smallModulusBits`` (`OPENSSL_RSA_MAX_PUBEXP_BITS`, 64).
    public static let maxLargeModulusExponentBits = 64

    /// A public key from its components.
    /// - Parameters:
    ///   - modulus: `n`, odd, above 1, at most ``maxModulusBits`` bits.
    ///   - publicExponent: `e`, odd, above 1, below `n`; at most 64 bits for a modulus above 3,072 bits.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `INVALID_MODULUS` for a modulus that is
    ///   even, negative or at most 1; `MODULUS_TOO_LARGE` above 16,384 bits; `BAD_E_VALUE` for an
    ///   exponent that is even, at most 1, not below `n`, or too long for a large modulus.
    public init(modulus: BigNum, publicExponent: BigNum) throws {
        guard !modulus.isNegative, modulus.isOdd, !modulus.isOne else {
            throw CryptoError(.invalidParameter, "RSA modulus must be odd and above 1", openSSL: .rsaInvalidModulus)
        }
        guard modulus.bitWidth <= Self.maxModulusBits else {
            throw CryptoError(
                .invalidParameter, "RSA modulus of \(modulus.bitWidth) bits is above 16384",
                openSSL: .rsaModulusTooLarge)
        }
        guard !publicExponent.isNegative, publicExponent.isOdd, !publicExponent.isOne else {
            throw CryptoError(.invalidParameter, "RSA public exponent must be odd and above 1", openSSL: .rsaBadEValue)
        }
        guard publicExponent < modulus else {
            throw CryptoError(.invalidParameter, "RSA public exponent is not below the modulus", openSSL: .rsaBadEValue)
        }
        guard modulus.bitWidth <= Self.smallModulusBits || publicExponent.bitWidth <= Self.maxLargeModulusExponentBits
        else {
            throw CryptoError(
                .invalidParameter, "RSA public exponent above 64 bits for a modulus above 3072 bits",
                openSSL: .rsaBadEValue)
        }
        self.modulus = modulus
        self.publicExponent = publicExponent
    }

    /// The modulus' size in bits (`RSA_bits`).
    public var bitCount: Int { modulus.bitWidth }
    /// The modulus' size in bytes, the length of every signature and ciphertext (`RSA_size`).
    public var byteCount: Int { modulus.byteCount }
}

/// One prime of an RSA private key with its CRT exponent and coefficient (PKCS#1's
/// `OtherPrimeInfo` for the third and later primes).
public struct RSAPrimeInfo: Sendable, Hashable {
    /// The prime `r_i`.
    public let prime: BigNum
    /// `d_i = d mod (r_i − 1)`.
    public let exponent: BigNum
    /// `t_i`: for the second prime `q⁻¹ mod p` (PKCS#1's `coefficient`), for the third and later
    /// primes `(r_1·…·r_(i−1))⁻¹ mod r_i`; nil for the first prime.
    public let coefficient: BigNum?

    /// A prime with its CRT values.
    /// - Parameters:
    ///   - prime: the prime.
    ///   - exponent: the private exponent modulo `prime − 1`.
    ///   - coefficient: the CRT coefficient (nil for the first prime).
    public init(prime: BigNum, exponent: BigNum, coefficient: BigNum?) {
        self.prime = prime
        self.exponent = exponent
        self.coefficient = coefficient
    }
}

/// An RSA private key: the public key, the private exponent `d`, and (usually) the primes with
/// their CRT values (PKCS#1 `RSAPrivateKey`, two-prime or multi-prime).
///
/// A key without primes (only `n`, `e`, `d`, as NIST's SigGen files give them) works: its
/// private operation is one constant-time exponentiation modulo `n` with `d`.
public struct RSAPrivateKey: Sendable {
    /// The public half.
    public let publicKey: RSAPublicKey
    /// The private exponent `d`.
    public let privateExponent: BigNum
    /// The primes `p`, `q`, `r_3`, … with their CRT exponents and coefficients, in PKCS#1
    /// order (empty for a key given by `n`, `e`, `d` only).
    public let primes: [RSAPrimeInfo]
    /// Precomputed Montgomery contexts and fixed-length limbs for the private operation.
    let precomputed: RSAPrecomputed

    /// The most primes OpenSSL takes in a key (`RSA_MAX_PRIME_NUM`).
    public static let maxPrimes = 5
    /// The smallest modulus OpenSSL generates (`RSA_MIN_MODULUS_BITS`, 512).
    public static let minGeneratedBits = 512

    /// The most primes OpenSSL generates for a modulus of `bits` bits (`ossl_rsa_multip_cap`):
    /// 2 below 1,024 bits, 3 below 4,096, 4 below 8,192, else 5.
    /// - Parameter bits: the modulus size.
    public static func maxPrimes(bits: Int) -> Int { bits < 1024 ? 2 : bits < 4096 ? 3 : bits < 8192 ? 4 : 5 }

    /// A two-prime key from PKCS#1's components.
    /// - Parameters:
    ///   - modulus: `n = p·q`.
    ///   - publicExponent: `e`.
    ///   - privateExponent: `d`.
    ///   - prime1: `p`.
    ///   - prime2: `q`.
    ///   - exponent1: `d mod (p−1)`.
    ///   - exponent2: `d mod (q−1)`.
    ///   - coefficient: `q⁻¹ mod p`.
    ///   - otherPrimes: the third and later primes of a multi-prime key.
    /// - Throws: the errors of ``RSAPublicKey/init(modulus:publicExponent:)``; `invalidParameter`
    ///   (`VALUE_MISSING`) for a zero or negative component, (`INVALID_MULTI_PRIME_KEY`) for more
    ///   than `RSAPrivateKey.maxPrimes` (5) primes or a missing coefficient, (`N_DOES_NOT_EQUAL_PRODUCT_OF_PRIMES`)
    ///   when the primes' product is not `n` (checked because the CRT would otherwise give wrong
    ///   results; run ``check()`` for the full `RSA_check_key`).
    public init(
        modulus: BigNum, publicExponent: BigNum, privateExponent: BigNum, prime1: BigNum, prime2: BigNum,
        exponent1: BigNum, exponent2: BigNum, coefficient: BigNum, otherPrimes: [RSAPrimeInfo] = []
    ) throws {
        let primes =
            [
                RSAPrimeInfo(prime: prime1, exponent: exponent1, coefficient: nil),
                RSAPrimeInfo(prime: prime2, exponent: exponent2, coefficient: coefficient),
            ] + otherPrimes
        try self.init(
            publicKey: RSAPublicKey(modulus: modulus, publicExponent: publicExponent),
            privateExponent: privateExponent, primes: primes)
    }

    /// A key given by `n`, `e` and `d` only (no CRT).
    /// - Parameters:
    ///   - modulus: `n`.
    ///   - publicExponent: `e`.
    ///   - privateExponent: `d`, positive.
    /// - Throws: the errors of ``RSAPublicKey/init(modulus:publicExponent:)``; `invalidParameter`
    ///   (`VALUE_MISSING`) for `d ≤ 0`.
    public init(modulus: BigNum, publicExponent: BigNum, privateExponent: BigNum) throws {
        try self.init(
            publicKey: RSAPublicKey(modulus: modulus, publicExponent: publicExponent),
            privateExponent: privateExponent, primes: [])
    }

    init(publicKey: RSAPublicKey, privateExponent: BigNum, primes: [RSAPrimeInfo]) throws {
        func missing(_ what: String) -> CryptoError {
            CryptoError(
                .invalidParameter, "RSA private key: \(what) missing or not positive", openSSL: .rsaValueMissing)
        }
        guard !privateExponent.isZero, !privateExponent.isNegative else { throw missing("d") }
        guard primes.count <= Self.maxPrimes, primes.count != 1 else {
            throw CryptoError(
                .invalidParameter, "RSA private key with \(primes.count) primes", openSSL: .rsaInvalidMultiPrimeKey)
        }
        var product = BigNum.one
        for (i, info) in primes.enumerated() {
            guard info.prime > .one, info.prime.isOdd else { throw missing("an odd prime above 1") }
            guard !info.exponent.isZero, !info.exponent.isNegative, info.exponent.bitWidth <= info.prime.bitWidth
            else { throw missing("a CRT exponent") }
            if i > 0 {
                guard let c = info.coefficient, !c.isZero, !c.isNegative else { throw missing("a CRT coefficient") }
            }
            product *= info.prime
        }
        guard primes.isEmpty || product == publicKey.modulus else {
            throw CryptoError(
                .invalidParameter, "RSA private key: n is not the product of the primes",
                openSSL: primes.count == 2 ? .rsaNDoesNotEqualPQ : .rsaNNotProductOfPrimes)
        }
        self.publicKey = publicKey
        self.privateExponent = privateExponent
        self.primes = primes
        self.precomputed = try RSAPrecomputed(publicKey: publicKey, privateExponent: privateExponent, primes: primes)
    }

    /// The modulus `n`.
    public var modulus: BigNum { publicKey.modulus }
    /// The public exponent `e`.
    public var publicExponent: BigNum { publicKey.publicExponent }
}

extension RSAPrivateKey {
    /// Generates a key (`EVP_PKEY_keygen` with `rsa_keygen_bits`, `rsa_keygen_pubexp`,
    /// `rsa_keygen_primes`), in the manner of FIPS 186-5 appendix A.1.3 (probable primes):
    /// each prime a random number of its share of the bits with the top two bits set (so that
    /// `p ≥ √2·2^(k−1)` and the product has exactly `bits` bits), `gcd(p−1, e) = 1`, probably
    /// prime by ``BigNum/isProbablePrime(rounds:trialDivision:using:)`` with OpenSSL's rounds;
    /// for two primes `|p − q| > 2^(bits/2 − 100)`; `d = e⁻¹ mod lcm(p_i − 1)`, and `d` above
    /// `2^(bits/2)` as FIPS 186-5 requires (else new primes). The primes are ordered `p > q`.
    /// - Parameters:
    ///   - bits: the modulus size, 512 ... 16,384.
    ///   - publicExponent: `e`, odd, above 1 (65537 by default; at most 64 bits above 3,072-bit moduli).
    ///   - primes: the number of primes, 2 ... ``maxPrimes(bits:)``.
    ///   - generator: the random source (the process DRBG by default).
    /// - Throws: `invalidParameter` with `KEY_SIZE_TOO_SMALL` below 512 bits, `MODULUS_TOO_LARGE`
    ///   above 16,384, `PUB_EXPONENT_OUT_OF_RANGE` for an even exponent or one at most 1 (and
    ///   `BAD_E_VALUE` for one too long for the modulus), `KEY_PRIME_NUM_INVALID` for a prime
    ///   count outside OpenSSL's limits; whatever the generator throws.
    public static func generate(
        bits: Int, publicExponent: BigNum = BigNum(65537), primes: Int = 2,
        using generator: BigNum.RandomBytes = { try Random.bytes(count: $0) }
    ) throws -> RSAPrivateKey {
        guard bits >= minGeneratedBits else {
            throw CryptoError(
                .invalidParameter, "RSA key of \(bits) bits is below 512", openSSL: .rsaKeySizeTooSmall)
        }
        guard bits <= RSAPublicKey.maxModulusBits else {
            throw CryptoError(
                .invalidParameter, "RSA key of \(bits) bits is above 16384", openSSL: .rsaModulusTooLarge)
        }
        let e = publicExponent
        guard !e.isNegative, e.isOdd, !e.isOne else {
            throw CryptoError(
                .invalidParameter, "RSA public exponent must be odd and above 1", openSSL: .rsaPubExponentOutOfRange)
        }
        guard e.bitWidth < bits, bits <= RSAPublicKey.smallModulusBits || e.bitWidth <= 64 else {
            throw CryptoError(.invalidParameter, "RSA public exponent too long for the key", openSSL: .rsaBadEValue)
        }
        guard primes >= 2, primes <= maxPrimes(bits: bits) else {
            throw CryptoError(
                .invalidParameter, "\(primes) primes for a \(bits)-bit RSA key", openSSL: .rsaKeyPrimeNumInvalid)
        }
        var sizes = [Int](repeating: bits / primes, count: primes)
        for i in 0..<(bits % primes) { sizes[i] += 1 }
        attempts: for _ in 0..<64 {
            var chosen: [BigNum] = []
            for size in sizes {
                var prime: BigNum? = nil
                for _ in 0..<(size * 50) {
                    let p = try candidate(bits: size, using: generator)
                    guard (p - .one).gcd(e).isOne else { continue }
                    guard !chosen.contains(p) else { continue }
                    if primes == 2, let q = chosen.first {
                        // FIPS 186-5 A.1.3 step 5.4: |p − q| > 2^(nlen/2 − 100).
                        let diff = p > q ? p - q : q - p
                        guard diff.bitWidth > bits / 2 - 100 else { continue }
                    }
                    guard try p.isProbablePrime(using: generator) else { continue }
                    prime = p
                    break
                }
                guard let found = prime else { continue attempts }
                chosen.append(found)
            }
            var n = BigNum.one
            for p in chosen { n *= p }
            guard n.bitWidth == bits else { continue }
            chosen.sort { $0 > $1 }  // p > q, as OpenSSL orders them (any order is a valid key)
            var lambda = BigNum.one
            for p in chosen {
                let pm1 = p - .one
                lambda = try (lambda * pm1).quotientAndRemainder(dividingBy: lambda.gcd(pm1)).quotient
            }
            // Blinded inverse: e⁻¹ mod (r·λ) for a random odd 64-bit r, then reduced mod λ.
            var r = try BigNum.random(bits: 63, using: generator) + BigNum(UInt64(1) << 63)
            while !r.gcd(e).isOne { r = try BigNum.random(bits: 63, using: generator) + BigNum(UInt64(1) << 63) }
            let d = try e.inverse(modulo: r * lambda).nonNegativeRemainder(modulo: lambda)
            guard d.bitWidth > bits / 2 else { continue }
            var infos: [RSAPrimeInfo] = []
            var product = BigNum.one
            for (i, p) in chosen.enumerated() {
                let dp = try d.nonNegativeRemainder(modulo: p - .one)
                var coefficient: BigNum? = nil
                if i == 1 {
                    // PKCS#1's coefficient is q⁻¹ mod p: prime 2's inverse modulo prime 1 (q < p).
                    coefficient = try p.inverseModPrimeConstantTime(chosen[0])
                } else if i > 1 {
                    let reduced = try product.nonNegativeRemainder(modulo: p)
                    coefficient = try reduced.inverseModPrimeConstantTime(p)
                }
                infos.append(RSAPrimeInfo(prime: p, exponent: dp, coefficient: coefficient))
                product *= p
            }
            return try RSAPrivateKey(
                publicKey: RSAPublicKey(modulus: n, publicExponent: e), privateExponent: d, primes: infos)
        }
        throw CryptoError(.invalidParameter, "RSA key generation did not converge")
    }

    /// A random odd number of exactly `bits` bits with its top two bits set.
    static func candidate(bits: Int, using generator: BigNum.RandomBytes) throws -> BigNum {
        var bytes = try BigNum.random(bits: bits, using: generator).bytes(paddedTo: (bits + 7) / 8)
        let top = (bits - 1) % 8
        // Set bits `bits−1` and `bits−2` (they may straddle two bytes).
        bytes[0] |= UInt8(1 << top)
        if top > 0 { bytes[0] |= UInt8(1 << (top - 1)) } else if bytes.count > 1 { bytes[1] |= 0x80 }
        bytes[bytes.count - 1] |= 1
        return try BigNum(bytes: bytes)
    }

    /// Checks the key as OpenSSL's `RSA_check_key` does (`rsa_chk.c`, `ossl_rsa_validate_pairwise`
    /// of the default provider): `e` odd and above 1; every prime probably prime; `n` the product
    /// of the primes; `d·e ≡ 1 mod lcm(p_i − 1)`; each CRT exponent `d mod (p_i − 1)`; the
    /// coefficient `q⁻¹ mod p` and, for further primes, `(r_1·…·r_(i−1))⁻¹ mod r_i`. A key without
    /// primes cannot be checked beyond its public half. VARIABLE TIME.
    /// - Throws: `invalidParameter` with the first failing check's OpenSSL reason (`BAD_E_VALUE`,
    ///   `P_NOT_PRIME`, `Q_NOT_PRIME`, `MP_R_NOT_PRIME`, `N_DOES_NOT_EQUAL_P_Q`,
    ///   `D_E_NOT_CONGRUENT_TO_1`, `DMP1_NOT_CONGRUENT_TO_D`, `DMQ1_NOT_CONGRUENT_TO_D`,
    ///   `IQMP_NOT_INVERSE_OF_Q`, `MP_EXPONENT_NOT_CONGRUENT_TO_D`, `MP_COEFFICIENT_NOT_INVERSE_OF_R`),
    ///   or `VALUE_MISSING` for a key without primes.
    public func check() throws {
        func fail(_ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.invalidParameter, "RSA key check: \(reason.text)", openSSL: reason)
        }
        guard primes.count >= 2 else { throw fail(.rsaValueMissing) }
        for (i, info) in primes.enumerated() where try !info.prime.isProbablePrime() {
            throw fail(i == 0 ? .rsaPNotPrime : i == 1 ? .rsaQNotPrime : .rsaMPRNotPrime)
        }
        var n = BigNum.one
        for info in primes { n *= info.prime }
        guard n == modulus else { throw fail(primes.count == 2 ? .rsaNDoesNotEqualPQ : .rsaNNotProductOfPrimes) }
        var lambda = BigNum.one
        for info in primes {
            let pm1 = info.prime - .one
            lambda = try (lambda * pm1).quotientAndRemainder(dividingBy: lambda.gcd(pm1)).quotient
        }
        guard try (privateExponent * publicExponent).nonNegativeRemainder(modulo: lambda).isOne else {
            throw fail(.rsaDENotCongruentTo1)
        }
        var product = BigNum.one
        for (i, info) in primes.enumerated() {
            guard try privateExponent.nonNegativeRemainder(modulo: info.prime - .one) == info.exponent else {
                throw fail(
                    i == 0 ? .rsaDmp1NotCongruentToD : i == 1 ? .rsaDmq1NotCongruentToD : .rsaMPExponentNotCongruent)
            }
            if i == 1 {
                let c = info.coefficient ?? .zero
                guard try (c * info.prime).nonNegativeRemainder(modulo: primes[0].prime).isOne,
                    c < primes[0].prime
                else { throw fail(.rsaIqmpNotInverseOfQ) }
            } else if i > 1 {
                let c = info.coefficient ?? .zero
                guard try (c * product).nonNegativeRemainder(modulo: info.prime).isOne, c < info.prime else {
                    throw fail(.rsaMPCoefficientNotInverse)
                }
            }
            product *= info.prime
        }
    }
}
