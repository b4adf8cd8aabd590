// DSA (FIPS 186-4): domain parameters with OpenSSL's checks, their generation (A.1.1.2 probable
// primes from a seed, A.2.1 unverifiable and A.2.3 canonical generators) and validation
// (A.1.1.3, A.2.2, A.2.4), key generation, signing and verification as OpenSSL 3.0's
// crypto/dsa/dsa_ossl.c does them, and the DER `Dss-Sig-Value` SEQUENCE { r, s } OpenSSL's API
// uses for signatures. The key and parameter DER encodings live in Encoding/; this file knows
// only numbers (the small signature codec at the end may be replaced by Encoding/'s DER reader).
//
// Timing.
//   - CONSTANT TIME: DSAPrivateKey.init / generate (y = g^x mod p with the exponent padded to
//     q's limb count) and signing: k and the blinding value are drawn by rejection (the number
//     of draws is public, the values are not), g^k mod p is a fixed-window Montgomery power with
//     k padded to q's limb count (so its bit length does not show; OpenSSL adds q or 2q for the
//     same reason), k⁻¹ and blind⁻¹ are Fermat inverses (k^(q−2) mod q, constant time), and
//     every product and sum modulo q is a Montgomery product or a masked subtraction on q's
//     limb count. The private key is blinded as OpenSSL blinds it:
//     s = blind⁻¹·k⁻¹·(blind·m + blind·x·r) mod q. r is public; reducing g^k mod p modulo q uses
//     ordinary division, as OpenSSL's BN_mod does. Whether r or s is zero (a retry) is public.
//   - VARIABLE TIME (public data): parameter checks, generation and validation (primality tests
//     on public candidates), verification, the DER codec.

#if DSA
/// How DSA domain parameters were generated (FIPS 186-4 A.1.1.2 / A.2.3), kept so that they can
/// be validated (A.1.1.3 / A.2.4): OpenSSL's `FFC_PARAMS` seed, `pcounter`, `gindex` and digest.
public struct DSAGenerationRecord: Sendable, Hashable {
    /// The `domain_parameter_seed`.
    public let seed: [UInt8]
    /// The counter at which `p` was found.
    public let counter: Int
    /// The index of a canonical (A.2.3) generator, or nil for an unverifiable (A.2.1) one.
    public let generatorIndex: UInt8?
    /// The digest's OpenSSL name (`SHA1`, `SHA-224`, `SHA-256`, …).
    public let digestName: String

    /// A record of a generation.
    /// - Parameters:
    ///   - seed: the domain parameter seed.
    ///   - counter: the counter at which `p` was found.
    ///   - generatorIndex: the canonical generator's index, or nil.
    ///   - digestName: the digest's OpenSSL name.
    public init(seed: [UInt8], counter: Int, generatorIndex: UInt8?, digestName: String) {
        self.seed = seed
        self.counter = counter
        self.generatorIndex = generatorIndex
        self.digestName = digestName
    }
}

/// DSA domain parameters: primes `p` and `q` with `q | p − 1`, and a generator `g` of the order-q
/// subgroup.
///
/// The initializer runs cheap structural checks; ``check()`` adds primality tests and `g^q = 1`.
public struct DSAParameters: Sendable, Hashable {
    /// The prime modulus `p`.
    public let p: BigNum
    /// The prime subgroup order `q`.
    public let q: BigNum
    /// The generator `g`.
    public let g: BigNum
    /// How the parameters were generated, when this library generated them (or the caller says).
    public let generation: DSAGenerationRecord?

    /// The largest modulus OpenSSL signs or verifies with (`OPENSSL_DSA_MAX_MODULUS_BITS`).
    public static let maxModulusBits = 10_000
    /// The smallest subgroup OpenSSL signs with (`MIN_DSA_SIGN_QBITS`).
    public static let minSigningSubprimeBits = 128
    /// The (L, N) pairs of FIPS 186-4 section 4.2.
    public static let approvedSizes: [(primeBits: Int, subprimeBits: Int)] = [
        (1024, 160), (2048, 224), (2048, 256), (3072, 256),
    ]

    /// Parameters from their numbers.
    /// - Parameters:
    ///   - p: the modulus: odd, above 3, at most ``maxModulusBits`` bits.
    ///   - q: the subgroup order: odd, `1 < q < p`, dividing `p − 1`.
    ///   - g: the generator, `1 < g < p`.
    ///   - generation: how they were generated, if known.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `MODULUS_TOO_LARGE` above 10,000 bits;
    ///   `INVALID_PARAMETERS` for a `p` or `g` out of range; `BAD_Q_VALUE` for a `q` that is even,
    ///   out of range or not a divisor of `p − 1`.
    public init(p: BigNum, q: BigNum, g: BigNum, generation: DSAGenerationRecord? = nil) throws {
        guard p.bitWidth <= Self.maxModulusBits else {
            throw CryptoError(
                .invalidParameter, "DSA modulus of \(p.bitWidth) bits is above 10000", openSSL: .dsaModulusTooLarge)
        }
        guard !p.isNegative, p.isOdd, p > BigNum(3) else {
            throw CryptoError(.invalidParameter, "DSA p must be an odd prime", openSSL: .dsaInvalidParameters)
        }
        guard !q.isNegative, q.isOdd, q > .one, q < p,
            try (p - .one).quotientAndRemainder(dividingBy: q).remainder.isZero
        else {
            throw CryptoError(.invalidParameter, "DSA q is not an odd divisor of p-1", openSSL: .dsaBadQValue)
        }
        guard !g.isNegative, g > .one, g < p else {
            throw CryptoError(.invalidParameter, "DSA g not in (1, p)", openSSL: .dsaInvalidParameters)
        }
        self.p = p
        self.q = q
        self.g = g
        self.generation = generation
    }

    /// The size of `p` in bits (`DSA_bits`).
    public var bitCount: Int { p.bitWidth }

    /// Parameters are equal when p, q and g are.
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func == (a: DSAParameters, b: DSAParameters) -> Bool { a.p == b.p && a.q == b.q && a.g == b.g }

    /// Hashes p, q and g, consistent with `==`.
    /// - Parameter hasher: the hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(p)
        hasher.combine(q)
        hasher.combine(g)
    }

    /// Checks that `p` and `q` are prime (Miller–Rabin with OpenSSL's round counts) and that `g`
    /// generates the order-q subgroup (FIPS 186-4 A.2.2: `g^q = 1 mod p`). VARIABLE TIME.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `Q_NOT_PRIME`, `P_NOT_PRIME`,
    ///   `INVALID_PARAMETERS` for a `g` that fails A.2.2.
    public func check() throws {
        try checkGenerator()
        guard try q.isProbablePrime() else {
            throw CryptoError(.invalidParameter, "DSA q is not prime", openSSL: .dsaQNotPrime)
        }
        guard try p.isProbablePrime() else {
            throw CryptoError(.invalidParameter, "DSA p is not prime", openSSL: .dsaPNotPrime)
        }
    }

    /// FIPS 186-4 A.2.2, assurance of the validity of `g`: `2 ≤ g ≤ p − 1` and `g^q = 1 mod p`.
    /// - Throws: `invalidParameter` (`INVALID_PARAMETERS`) if `g` fails.
    public func checkGenerator() throws {
        guard g > .one, g < p, try g.modExp(q, modulus: p).isOne else {
            throw CryptoError(.invalidParameter, "DSA g^q mod p is not 1", openSSL: .dsaInvalidParameters)
        }
    }

    // MARK: Generation (FIPS 186-4 appendix A)

    /// OpenSSL's digest for N-bit q when none is given (`default_mdname`).
    static func defaultDigestName(subprimeBits n: Int) -> String? {
        switch n {
        case 160: return "SHA1"
        case 224: return "SHA-224"
        case 256: return "SHA-256"
        default: return nil
        }
    }

    /// Generates parameters by FIPS 186-4 A.1.1.2 (probable primes from a random seed of the
    /// digest's length, as OpenSSL does) and A.2.1 or A.2.3 for `g`. VARIABLE TIME (public
    /// values). Randomness (the seed) from the process DRBG.
    /// - Parameters:
    ///   - primeBits: L, the size of `p`.
    ///   - subprimeBits: N, the size of `q`; (L, N) one of ``approvedSizes``.
    ///   - digestName: the digest (output at least N bits); nil for OpenSSL's default (SHA-1 for
    ///     N = 160, SHA-224 for 224, SHA-256 for 256).
    ///   - generatorIndex: nil for an unverifiable generator (A.2.1, `g = h^((p−1)/q)` for
    ///     h = 2, 3, …: OpenSSL's default, `gindex` −1); an index for a canonical, verifiable one
    ///     (A.2.3, OpenSSL's `gindex`).
    /// - Returns: the parameters with their ``generation`` record.
    /// - Throws: `invalidParameter` (`BAD_FFC_PARAMETERS`) for a pair that is not approved or a
    ///   digest shorter than N; `unknownAlgorithm` for a digest not in this build;
    ///   (`TOO_MANY_RETRIES`) if no parameters turn up; whatever the random source throws.
    public static func generate(
        primeBits: Int, subprimeBits: Int, digestName: String? = nil, generatorIndex: UInt8? = nil
    ) throws -> DSAParameters {
        try generate(
            primeBits: primeBits, subprimeBits: subprimeBits, digestName: digestName,
            generatorIndex: generatorIndex, using: { try Random.bytes(count: $0) })
    }

    static func generate(
        primeBits l: Int, subprimeBits n: Int, digestName: String?, generatorIndex: UInt8?,
        using generator: BigNum.RandomBytes
    ) throws -> DSAParameters {
        let (md, name) = try checkedDigest(primeBits: l, subprimeBits: n, digestName: digestName)
        for _ in 0..<10_000 {
            let seed = try generator(md.digestSize)
            guard let found = try probablePrimes(primeBits: l, subprimeBits: n, seed: seed, digest: md) else {
                continue
            }
            let g: BigNum
            if let index = generatorIndex {
                g = try canonicalGenerator(p: found.p, q: found.q, seed: seed, index: index, digest: md)
            } else {
                g = try unverifiableGenerator(p: found.p, q: found.q)
            }
            return try DSAParameters(
                p: found.p, q: found.q, g: g,
                generation: DSAGenerationRecord(
                    seed: seed, counter: found.counter, generatorIndex: generatorIndex, digestName: name))
        }
        throw CryptoError(.invalidParameter, "no DSA parameters found", openSSL: .dsaTooManyRetries)
    }

    /// The digest for (L, N) after checking the pair and the digest's length.
    static func checkedDigest(primeBits l: Int, subprimeBits n: Int, digestName: String?) throws
        -> (DigestAlgorithm, String)
    {
        guard approvedSizes.contains(where: { $0.primeBits == l && $0.subprimeBits == n }) else {
            throw CryptoError(
                .invalidParameter, "(L, N) = (\(l), \(n)) is not a FIPS 186-4 pair", openSSL: .dsaBadFFCParameters)
        }
        guard let name = digestName ?? defaultDigestName(subprimeBits: n) else {
            throw CryptoError(.invalidParameter, "no default digest for N = \(n)", openSSL: .dsaBadFFCParameters)
        }
        let md = try Registry.digest(named: name)
        guard !md.isXOF, md.digestSize * 8 >= n else {
            throw CryptoError(
                .invalidParameter, "\(name) is shorter than N = \(n) bits", openSSL: .dsaBadFFCParameters)
        }
        return (md, name)
    }

    /// FIPS 186-4 A.1.1.2 steps 6–11 for one seed (and A.1.1.3's recomputation): `q` from
    /// `Hash(seed)`, then `p` candidates for counter 0 … 4L − 1. Nil when `q` is not prime or no
    /// `p` is found (a new seed is needed). VARIABLE TIME.
    /// - Parameters:
    ///   - primeBits: L.
    ///   - subprimeBits: N (a multiple of 8).
    ///   - seed: the domain parameter seed, at least N bits.
    ///   - digest: the hash.
    ///   - stopAt: the last counter to try (4L − 1 for generation; the claimed counter for
    ///     validation).
    ///   - fips186_2: FIPS 186-2's construction instead (Appendix 2.2, OpenSSL's `fips186_2`
    ///     paramgen type, `ffc_params_FIPS186_2_gen_verify`): `q` from `SHA-1(seed) XOR
    ///     SHA-1(seed + 1)` with its top and bottom bits set, and the `p` candidates from
    ///     offset 2; `digest` must be SHA-1 and N 160. The candidates are built the same way.
    static func probablePrimes(
        primeBits l: Int, subprimeBits n: Int, seed: [UInt8], digest md: DigestAlgorithm, stopAt: Int? = nil,
        fips186_2: Bool = false
    ) throws -> (p: BigNum, q: BigNum, counter: Int)? {
        guard seed.count * 8 >= n, n % 8 == 0, l > n else { return nil }
        let outlen = md.digestSize * 8
        let qsize = n / 8
        /// `value + 1` modulo 2^(8·count), big-endian.
        func increment(_ value: inout [UInt8]) {
            for k in stride(from: value.count - 1, through: 0, by: -1) {
                value[k] &+= 1
                if value[k] != 0 { break }
            }
        }
        var h: [UInt8]
        var buffer = seed  // seed + offset − 1, incremented as a big-endian counter modulo 2^seedlen
        if fips186_2 {
            // FIPS 186-2 Appendix 2.2 steps 2–3: U = SHA-1(SEED) XOR SHA-1((SEED+1) mod 2^g);
            // q = U OR 2^159 OR 1. Then offset = 2: the first candidate block hashes SEED + 2.
            guard md.digestSize == qsize else { return nil }
            increment(&buffer)
            h = zip(try md.hash(seed), try md.hash(buffer)).map { $0 ^ $1 }
        } else {
            // FIPS 186-4 A.1.1.2 steps 6–7: U = Hash(seed) mod 2^(N−1); q = 2^(N−1) + U + 1 − (U mod 2).
            h = try md.hash(seed)
            if h.count > qsize { h = Array(h.suffix(qsize)) }
            if h.count < qsize { h += [UInt8](repeating: 0, count: qsize - h.count) }
        }
        h[0] |= 0x80
        h[qsize - 1] |= 0x01
        let q = try BigNum(bytes: h)
        guard try q.isProbablePrime() else { return nil }
        // Steps 3, 4, 10, 11.
        let blocks = (l + outlen - 1) / outlen - 1
        let twoLm1 = try BigNum.one.shiftedLeft(by: l - 1)
        let twoQ = try q.shiftedLeft(by: 1)
        // FIPS 186-2 tries counter 0 … 4095 whatever L is; 186-4 0 … 4L − 1.
        let limit = fips186_2 ? 4095 : 4 * l - 1
        let last = stopAt ?? limit
        guard last >= 0, last <= limit else { return nil }
        for counter in 0...last {
            var w = BigNum.zero
            for j in 0...blocks {
                increment(&buffer)
                let v = try BigNum(bytes: md.hash(buffer))
                w += try v.shiftedLeft(by: outlen * j)
            }
            // W mod 2^(L−1) (the (V_n mod 2^b) of step 11.2), X = W + 2^(L−1), p = X − (X mod 2q − 1).
            w = try w.nonNegativeRemainder(modulo: twoLm1)
            let x = w + twoLm1
            let c = try x.nonNegativeRemainder(modulo: twoQ)
            let p = x - (c - .one)
            if p >= twoLm1, try p.isProbablePrime() {
                return (p, q, counter)
            }
        }
        return nil
    }

    /// FIPS 186-4 A.2.1: `g = h^((p−1)/q) mod p` for the first `h = 2, 3, …` that gives `g ≠ 1`.
    static func unverifiableGenerator(p: BigNum, q: BigNum) throws -> BigNum {
        let e = try (p - .one).quotientAndRemainder(dividingBy: q).quotient
        var h = BigNum(2)
        while h < p - .one {
            let g = try h.modExp(e, modulus: p)
            if !g.isOne { return g }
            h += .one
        }
        throw CryptoError(.invalidParameter, "no DSA generator found", openSSL: .dsaInvalidParameters)
    }

    /// FIPS 186-4 A.2.3: `g = Hash(seed ‖ "ggen" ‖ index ‖ count)^((p−1)/q) mod p` for the first
    /// 16-bit `count` from 1 that gives `g ≥ 2`.
    static func canonicalGenerator(p: BigNum, q: BigNum, seed: [UInt8], index: UInt8, digest md: DigestAlgorithm)
        throws -> BigNum
    {
        let e = try (p - .one).quotientAndRemainder(dividingBy: q).quotient
        let ggen: [UInt8] = [0x67, 0x67, 0x65, 0x6E]
        for count in 1...0xFFFF {
            let u = seed + ggen + [index, UInt8(count >> 8), UInt8(count & 0xFF)]
            let w = try BigNum(bytes: md.hash(u))
            let g = try w.modExp(e, modulus: p)
            if g > .one { return g }
        }
        throw CryptoError(.invalidParameter, "no canonical DSA generator", openSSL: .dsaInvalidParameters)
    }

    /// FIPS 186-4 A.1.1.3: validates that `p` and `q` come from `seed` and `counter` by A.1.1.2
    /// (recomputing them: `q` must be the prime `Hash(seed)` gives, and the first prime `p`
    /// candidate must come at `counter` and equal `p`). VARIABLE TIME.
    /// - Parameters:
    ///   - seed: the domain parameter seed.
    ///   - counter: the claimed counter.
    ///   - digestName: the digest's OpenSSL name.
    /// - Throws: `invalidParameter`: `BAD_FFC_PARAMETERS` for sizes or a digest that do not fit,
    ///   `SEED_LEN_SMALL` for a seed shorter than N, `Q_NOT_PRIME` when the seed does not give
    ///   `q`, `P_NOT_PRIME` when the counter does not give `p`; `unknownAlgorithm`.
    public func validatePrimes(seed: [UInt8], counter: Int, digestName: String) throws {
        let l = p.bitWidth
        let n = q.bitWidth
        let (md, _) = try Self.checkedDigest(primeBits: l, subprimeBits: n, digestName: digestName)
        guard seed.count * 8 >= n else {
            throw CryptoError(.invalidParameter, "seed shorter than q", openSSL: .dsaSeedLenSmall)
        }
        guard counter >= 0, counter <= 4 * l - 1 else {
            throw CryptoError(.invalidParameter, "counter \(counter) out of range", openSSL: .dsaPNotPrime)
        }
        // Recompute q alone first (stopAt: -1 is not allowed; compute through the counter).
        var h = try md.hash(seed)
        let qsize = n / 8
        if h.count > qsize { h = Array(h.suffix(qsize)) }
        h[0] |= 0x80
        h[qsize - 1] |= 0x01
        guard try BigNum(bytes: h) == q, try q.isProbablePrime() else {
            throw CryptoError(.invalidParameter, "seed does not produce q", openSSL: .dsaQNotPrime)
        }
        guard
            let found = try Self.probablePrimes(primeBits: l, subprimeBits: n, seed: seed, digest: md, stopAt: counter),
            found.counter == counter, found.p == p
        else {
            throw CryptoError(.invalidParameter, "seed and counter do not produce p", openSSL: .dsaPNotPrime)
        }
    }

    /// FIPS 186-2 Appendix 2.2: validates that `p` and `q` come from `seed` and `counter` by
    /// FIPS 186-2's construction with SHA-1 (OpenSSL's `fips186_2` type,
    /// `ffc_params_FIPS186_2_gen_verify`): `q` must be the prime the seed gives and the first
    /// prime `p` candidate must come at `counter` and equal `p`. VARIABLE TIME.
    /// - Parameters:
    ///   - seed: the seed, at least 160 bits.
    ///   - counter: the claimed counter, 0 … 4095.
    /// - Throws: `invalidParameter`: `BAD_FFC_PARAMETERS` for a `q` that is not 160 bits or a `p`
    ///   not longer than `q`, `SEED_LEN_SMALL` for a short seed, `Q_NOT_PRIME` when the seed does
    ///   not give `q`, `P_NOT_PRIME` when the counter does not give `p`; `unknownAlgorithm`
    ///   without SHA-1.
    public func validatePrimesFIPS186_2(seed: [UInt8], counter: Int) throws {
        let l = p.bitWidth
        guard q.bitWidth == 160, l > 160 else {
            throw CryptoError(
                .invalidParameter, "FIPS 186-2 needs a 160-bit q and a longer p", openSSL: .dsaBadFFCParameters)
        }
        guard seed.count >= 20 else {
            throw CryptoError(.invalidParameter, "seed shorter than q", openSSL: .dsaSeedLenSmall)
        }
        guard counter >= 0, counter <= 4095 else {
            throw CryptoError(.invalidParameter, "counter \(counter) out of range", openSSL: .dsaPNotPrime)
        }
        let md = try Registry.digest(named: "SHA1")
        var next = seed
        for k in stride(from: next.count - 1, through: 0, by: -1) {
            next[k] &+= 1
            if next[k] != 0 { break }
        }
        var h = zip(try md.hash(seed), try md.hash(next)).map { $0 ^ $1 }
        h[0] |= 0x80
        h[19] |= 0x01
        guard try BigNum(bytes: h) == q, try q.isProbablePrime() else {
            throw CryptoError(.invalidParameter, "seed does not produce q", openSSL: .dsaQNotPrime)
        }
        guard
            let found = try Self.probablePrimes(
                primeBits: l, subprimeBits: 160, seed: seed, digest: md, stopAt: counter, fips186_2: true),
            found.counter == counter, found.p == p
        else {
            throw CryptoError(.invalidParameter, "seed and counter do not produce p", openSSL: .dsaPNotPrime)
        }
    }

    /// FIPS 186-4 A.2.4: validates a canonical generator: A.2.2's checks, then `g` recomputed by
    /// A.2.3 from the seed and index must equal it. VARIABLE TIME.
    /// - Parameters:
    ///   - seed: the domain parameter seed.
    ///   - index: the generator index.
    ///   - digestName: the digest's OpenSSL name.
    /// - Throws: `invalidParameter` (`INVALID_PARAMETERS`) if `g` fails; `unknownAlgorithm`.
    public func validateCanonicalGenerator(seed: [UInt8], index: UInt8, digestName: String) throws {
        try checkGenerator()
        let md = try Registry.digest(named: digestName)
        guard try Self.canonicalGenerator(p: p, q: q, seed: seed, index: index, digest: md) == g else {
            throw CryptoError(.invalidParameter, "g is not the canonical generator", openSSL: .dsaInvalidParameters)
        }
    }
}

/// A DSA signature `(r, s)`.
public struct DSASignature: Sendable, Hashable {
    /// `r = (g^k mod p) mod q`.
    public let r: BigNum
    /// `s = k⁻¹·(m + x·r) mod q`.
    public let s: BigNum

    /// A signature from its numbers (not range-checked: verification rejects values outside
    /// `(0, q)`).
    /// - Parameters:
    ///   - r: r.
    ///   - s: s.
    public init(r: BigNum, s: BigNum) {
        self.r = r
        self.s = s
    }

    /// Decodes the DER `Dss-Sig-Value` (RFC 3279: SEQUENCE { r INTEGER, s INTEGER }) strictly:
    /// definite minimal lengths, minimal non-negative INTEGERs, nothing after the SEQUENCE (OpenSSL
    /// 3.0 re-encodes and compares for the same effect).
    /// - Parameter der: the encoding.
    /// - Throws: `invalidParameter` (`DECODE_ERROR`) for any malformed or non-canonical input.
    public init(derEncoded der: [UInt8]) throws {
        var reader = DSASignatureDER.Reader(bytes: der)
        let body = try reader.element(tag: 0x30)
        guard reader.atEnd else { throw DSASignatureDER.malformed("bytes after the signature") }
        var inner = DSASignatureDER.Reader(bytes: body)
        let r = try DSASignatureDER.integer(inner.element(tag: 0x02))
        let s = try DSASignatureDER.integer(inner.element(tag: 0x02))
        guard inner.atEnd else { throw DSASignatureDER.malformed("more than two INTEGERs") }
        self.init(r: r, s: s)
    }

    /// The DER `Dss-Sig-Value` (what `DSA_sign` and `EVP_PKEY_sign` return).
    /// - Throws: `invalidParameter` for a negative `r` or `s`.
    public func derEncoded() throws -> [UInt8] {
        let body = try DSASignatureDER.integerElement(r) + DSASignatureDER.integerElement(s)
        return [0x30] + DSASignatureDER.length(body.count) + body
    }
}

/// The minimal DER codec for a DSA signature. The lead may replace it by Encoding/'s reader.
enum DSASignatureDER {
    static func malformed(_ what: String, file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(
            .invalidParameter, "malformed DSA signature: \(what)", openSSL: .dsaDecodeError, file: file, line: line)
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var atEnd: Bool { offset == bytes.count }

        /// The content of the next element, which must have `tag` (definite, minimal length).
        mutating func element(tag: UInt8) throws -> [UInt8] {
            guard offset < bytes.count else { throw malformed("truncated at \(offset)") }
            guard bytes[offset] == tag else { throw malformed("tag \(bytes[offset]) at \(offset), not \(tag)") }
            offset += 1
            guard offset < bytes.count else { throw malformed("no length at \(offset)") }
            let first = bytes[offset]
            offset += 1
            var length = Int(first)
            if first >= 0x80 {
                let count = Int(first & 0x7F)
                guard count >= 1, count <= 3 else { throw malformed("length of \(count) bytes at \(offset - 1)") }
                guard offset + count <= bytes.count else { throw malformed("truncated length at \(offset)") }
                length = 0
                for i in 0..<count { length = length << 8 | Int(bytes[offset + i]) }
                guard bytes[offset] != 0, length >= 0x80 else { throw malformed("non-minimal length at \(offset)") }
                offset += count
            }
            guard length <= bytes.count - offset else { throw malformed("length \(length) past the end") }
            defer { offset += length }
            return Array(bytes[offset..<(offset + length)])
        }
    }

    /// A non-negative, minimally encoded INTEGER's value.
    static func integer(_ content: [UInt8]) throws -> BigNum {
        guard let first = content.first else { throw malformed("empty INTEGER") }
        guard first & 0x80 == 0 else { throw malformed("negative INTEGER") }
        if content.count > 1 && first == 0 && content[1] & 0x80 == 0 { throw malformed("non-minimal INTEGER") }
        return try BigNum(bytes: content)
    }

    static func length(_ n: Int) -> [UInt8] {
        if n < 0x80 { return [UInt8(n)] }
        var bytes: [UInt8] = []
        var v = n
        while v > 0 {
            bytes.insert(UInt8(v & 0xFF), at: 0)
            v >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    static func integerElement(_ v: BigNum) throws -> [UInt8] {
        guard !v.isNegative else { throw CryptoError(.invalidParameter, "negative DSA signature value") }
        var content = v.bytes()
        if content.first.map({ $0 & 0x80 != 0 }) ?? true { content.insert(0, at: 0) }
        return [0x02] + length(content.count) + content
    }
}

/// A DSA public key: the parameters and `y = g^x mod p`.
public struct DSAPublicKey: Sendable, Hashable {
    /// The domain parameters.
    public let parameters: DSAParameters
    /// The public value `y`.
    public let y: BigNum

    /// A public key from its value.
    /// - Parameters:
    ///   - parameters: the domain parameters.
    ///   - y: the public value, `1 < y < p`.
    /// - Throws: `invalidParameter` (`INVALID_PARAMETERS`) for a value out of range.
    public init(parameters: DSAParameters, y: BigNum) throws {
        guard !y.isNegative, y > .one, y < parameters.p else {
            throw CryptoError(.invalidParameter, "DSA public value not in (1, p)", openSSL: .dsaInvalidParameters)
        }
        self.parameters = parameters
        self.y = y
    }

    /// The leftmost bytes of the digest OpenSSL uses: `|q|/8` bytes when the digest is longer
    /// (FIPS 186-4 4.6's leftmost min(N, outlen) bits for every approved N, a multiple of 8).
    static func truncatedDigest(_ digest: [UInt8], q: BigNum) throws -> BigNum {
        try BigNum(bytes: digest.prefix(q.bitWidth / 8))
    }

    /// Verifies a signature on a digest (`DSA_do_verify`). VARIABLE TIME (public data).
    /// - Parameters:
    ///   - signature: `(r, s)`.
    ///   - digest: the message's hash (any length; its leftmost N bits are used).
    /// - Throws: `invalidParameter` (`BAD_Q_VALUE`) for a `q` that is not 160, 224 or 256 bits
    ///   (OpenSSL's rule for verification), (`MODULUS_TOO_LARGE`) above 10,000 bits;
    ///   `authenticationFailure` for an `r` or `s` outside `(0, q)` or a signature that does not
    ///   verify (OpenSSL returns 0 without a reason).
    public func verify(signature: DSASignature, digest: [UInt8]) throws {
        let p = parameters.p
        let q = parameters.q
        guard [160, 224, 256].contains(q.bitWidth) else {
            throw CryptoError(.invalidParameter, "DSA q of \(q.bitWidth) bits", openSSL: .dsaBadQValue)
        }
        guard p.bitWidth <= DSAParameters.maxModulusBits else {
            throw CryptoError(.invalidParameter, "DSA modulus above 10000 bits", openSSL: .dsaModulusTooLarge)
        }
        let r = signature.r
        let s = signature.s
        guard !r.isNegative, !r.isZero, r < q, !s.isNegative, !s.isZero, s < q else {
            throw CryptoError(.authenticationFailure, "DSA signature value out of range")
        }
        let w = try s.inverse(modulo: q)
        let m = try Self.truncatedDigest(digest, q: q)
        let u1 = try m.modMul(w, modulus: q)
        let u2 = try r.modMul(w, modulus: q)
        let t = try parameters.g.modExp(u1, modulus: p).modMul(y.modExp(u2, modulus: p), modulus: p)
        guard try t.nonNegativeRemainder(modulo: q) == r else {
            throw CryptoError(.authenticationFailure, "DSA signature mismatch")
        }
    }

    /// Verifies a DER-encoded signature on a digest (`DSA_verify`, `EVP_PKEY_verify`).
    /// - Parameters:
    ///   - signature: the DER `Dss-Sig-Value`.
    ///   - digest: the message's hash.
    /// - Throws: `invalidParameter` (`DECODE_ERROR`) for a malformed encoding, then the errors of
    ///   the `(r, s)` form of `verify(signature:digest:)`.
    public func verify(signature: [UInt8], digest: [UInt8]) throws {
        try verify(signature: DSASignature(derEncoded: signature), digest: digest)
    }

    /// Verifies a DER-encoded signature on a message hashed with `digestName` (`EVP_DigestVerify`).
    /// - Parameters:
    ///   - signature: the DER `Dss-Sig-Value`.
    ///   - message: the message.
    ///   - digestName: an OpenSSL digest name (`SHA256`, `SHA1`, …).
    /// - Throws: `unknownAlgorithm` for a digest not in this build, then the errors of
    ///   the DER form of `verify(signature:digest:)`.
    public func verify(signature: [UInt8], message: [UInt8], digestName: String) throws {
        let md = try Registry.digest(named: digestName)
        try verify(signature: signature, digest: md.hash(message))
    }
}

/// A DSA private key: the public key and the private value `x`, `0 < x < q`.
public struct DSAPrivateKey: Sendable {
    /// The public half.
    public let publicKey: DSAPublicKey
    /// The private value `x`.
    public let x: BigNum
    /// Montgomery contexts of p and q.
    let pContext: MontgomeryContext
    let qContext: MontgomeryContext

    /// The domain parameters.
    public var parameters: DSAParameters { publicKey.parameters }

    /// A private key from its value; `y = g^x mod p` is computed in constant time.
    /// - Parameters:
    ///   - parameters: the domain parameters.
    ///   - x: the private value, `0 < x < q`.
    /// - Throws: `invalidParameter` (`INVALID_PARAMETERS`) for a value out of range.
    public init(parameters: DSAParameters, x: BigNum) throws {
        guard !x.isNegative, !x.isZero, x < parameters.q else {
            throw CryptoError(.invalidParameter, "DSA private value not in (0, q)", openSSL: .dsaInvalidParameters)
        }
        let pctx = try MontgomeryContext(modulus: parameters.p)
        let qctx = try MontgomeryContext(modulus: parameters.q)
        var xs = MontgomeryContext.padded(x.limbs, qctx.n)  // x < q: q's limb count
        defer { RSALimbs.wipe(&xs) }
        // y = g^x mod p is the public key: declassified here, where it is published.
        let y = BigNum(
            limbs: ConstantTime.declassify(
                pctx.constantTimePower(MontgomeryContext.padded(parameters.g.limbs, pctx.n), xs)))
        self.pContext = pctx
        self.qContext = qctx
        self.x = x
        self.publicKey = try DSAPublicKey(parameters: parameters, y: y)
    }

    /// Generates a key (`DSA_generate_key`): `x` uniform in `[1, q − 1]` (SP 800-56A
    /// 5.6.1.1.4 with N = |q|, OpenSSL's `ossl_ffc_generate_private_key`), from the process DRBG.
    /// - Parameter parameters: the domain parameters.
    /// - Returns: the key pair.
    /// - Throws: whatever the random source throws.
    public static func generate(parameters: DSAParameters) throws -> DSAPrivateKey {
        var x = BigNum.zero
        for _ in 0..<100 {
            x = try BigNum.random(bits: parameters.q.bitWidth) + .one
            if x < parameters.q { break }
        }
        return try DSAPrivateKey(parameters: parameters, x: x)
    }

    /// Signs a digest (`DSA_do_sign`), returning `(r, s)`. CONSTANT TIME in the key, k and the
    /// blinding value (see the note at the top of DSA.swift).
    /// - Parameter digest: the message's hash (any length; its leftmost N bits are used).
    /// - Returns: the signature.
    /// - Throws: `invalidParameter` for a `q` below 128 bits, (`TOO_MANY_RETRIES`) if r or s keeps
    ///   coming out 0 (broken parameters); whatever the random source throws.
    public func signature(forDigest digest: [UInt8]) throws -> DSASignature {
        try signature(forDigest: digest, using: { try Random.bytes(count: $0) })
    }

    /// Signs a digest (`DSA_sign`, `EVP_PKEY_sign`), returning the DER `Dss-Sig-Value`.
    /// - Parameter digest: the message's hash.
    /// - Returns: the DER signature.
    /// - Throws: the errors of ``signature(forDigest:)``.
    public func sign(digest: [UInt8]) throws -> [UInt8] {
        try signature(forDigest: digest).derEncoded()
    }

    /// Signs `message` hashed with `digestName` (`EVP_DigestSign`), returning the DER signature.
    /// - Parameters:
    ///   - message: the message.
    ///   - digestName: an OpenSSL digest name (`SHA256`, `SHA1`, …).
    /// - Returns: the DER signature.
    /// - Throws: `unknownAlgorithm` for a digest not in this build, then the errors of
    ///   ``signature(forDigest:)``.
    public func sign(message: [UInt8], digestName: String) throws -> [UInt8] {
        let md = try Registry.digest(named: digestName)
        return try sign(digest: md.hash(message))
    }

    /// A random value in `[1, bound)` as an `n`-limb array, by rejection on draws of
    /// `bound.bitWidth` bits (the draws `BigNum.random(below:)` makes, in the same order). The
    /// draw is never a `BigNum` (whose normalisation would branch on its top limbs): the bytes go
    /// into `n` limbs at fixed positions, "below the bound and not zero" is a borrow chain and an
    /// OR over every limb, and only that outcome is declassified (the number of draws is public,
    /// as in OpenSSL).
    static func nonZeroBelow(_ bound: BigNum, limbs n: Int, using generator: BigNum.RandomBytes) throws -> [UInt64] {
        let bits = bound.bitWidth
        let byteCount = (bits + 7) / 8
        guard n * 8 >= byteCount else { throw CryptoError(.invalidParameter, "bound longer than \(n) limbs") }
        let b = MontgomeryContext.padded(bound.limbs, n)
        for _ in 0..<100 {
            var bytes = try generator(byteCount)
            defer { SecretWipe.wipe(&bytes) }
            guard bytes.count == byteCount else {
                throw CryptoError(.invalidParameter, "random source gave \(bytes.count) bytes, not \(byteCount)")
            }
            if bits % 8 != 0 { bytes[0] &= UInt8((1 << (bits % 8)) - 1) }
            var v = [UInt64](repeating: 0, count: n)
            for i in 0..<byteCount { v[i / 8] |= UInt64(bytes[byteCount - 1 - i]) << UInt64((i % 8) * 8) }
            var borrow: UInt64 = 0
            var any: UInt64 = 0
            for j in 0..<n {
                (_, borrow) = CTLimb.subtract(v[j], b[j], borrow)
                any |= v[j]
            }
            let nonZero = (any | (0 &- any)) >> 63
            if ConstantTime.declassify(borrow & nonZero == 1) { return v }
            RSALimbs.wipe(&v)
        }
        throw CryptoError(.invalidParameter, "no random value below q", openSSL: .dsaTooManyRetries)
    }

    /// `(a + b) mod m` for reduced `n`-limb `a`, `b`: add, then subtract `m` under a mask.
    static func addMod(_ a: [UInt64], _ b: [UInt64], _ m: [UInt64]) -> [UInt64] {
        let n = m.count
        let sum = RSALimbs.add(a, b)  // n + 1 limbs
        var out = [UInt64](repeating: 0, count: n)
        var borrow: UInt64 = 0
        for i in 0..<n { (out[i], borrow) = CTLimb.subtract(sum[i], m[i], borrow) }
        // Keep the sum when sum − m borrows past the top limb (sum < m).
        let keepSum = CTLimb.mask(borrow & ~sum[n] & 1)
        for i in 0..<n { out[i] = CTLimb.select(keepSum, sum[i], out[i]) }
        return out
    }

    /// Signing with a random source and, for known-answer tests (NIST SigGen.txt gives K), a
    /// fixed nonce in `[1, q)`.
    package func signature(forDigest digest: [UInt8], using generator: BigNum.RandomBytes, fixedK: BigNum? = nil) throws
        -> DSASignature
    {
        let params = parameters
        let q = params.q
        guard q.bitWidth >= DSAParameters.minSigningSubprimeBits else {
            throw CryptoError(.invalidParameter, "DSA q of \(q.bitWidth) bits is below 128 for signing")
        }
        let pctx = pContext
        let qctx = qContext
        let nq = qctx.n
        let qm2 = MontgomeryContext.padded((q - BigNum(2)).limbs, nq)
        let g = MontgomeryContext.padded(params.g.limbs, pctx.n)
        let m = MontgomeryContext.padded(
            try DSAPublicKey.truncatedDigest(digest, q: q).nonNegativeRemainder(modulo: q).limbs, nq)
        var xs = MontgomeryContext.padded(x.limbs, nq)
        defer { RSALimbs.wipe(&xs) }
        for _ in 0...8 {  // MAX_DSA_SIGN_RETRIES
            var k: [UInt64]
            if let fixedK {
                guard !fixedK.isNegative, !fixedK.isZero, fixedK < q else {
                    throw CryptoError(.invalidParameter, "DSA nonce not in (0, q)")
                }
                k = MontgomeryContext.padded(fixedK.limbs, nq)
            } else {
                k = try Self.nonZeroBelow(q, limbs: nq, using: generator)
            }
            defer { RSALimbs.wipe(&k) }
            var gk = pctx.constantTimePower(g, k)
            // r = (g^k mod p) mod q by the bit-serial constant-time reduction (g^k mod p is not
            // published, only r); r is published: declassified here, where it leaves.
            let rs = ConstantTime.declassify(RSALimbs.reduce(gk, qctx.m))
            RSALimbs.wipe(&gk)
            let r = BigNum(limbs: rs)
            var kinv = qctx.constantTimePower(k, qm2)
            defer { RSALimbs.wipe(&kinv) }
            // blind: BN_priv_rand_ex(|q| − 1 bits), non-zero.
            var blind = try Self.nonZeroBelow(
                try BigNum.one.shiftedLeft(by: q.bitWidth - 1), limbs: nq, using: generator)
            defer { RSALimbs.wipe(&blind) }
            var t = qctx.multiplyReduced(qctx.multiplyReduced(blind, xs), rs)
            defer { RSALimbs.wipe(&t) }
            let bm = qctx.multiplyReduced(blind, m)
            var s = Self.addMod(t, bm, qctx.m)
            s = qctx.multiplyReduced(s, kinv)
            var blindInverse = qctx.constantTimePower(blind, qm2)
            defer { RSALimbs.wipe(&blindInverse) }
            s = qctx.multiplyReduced(s, blindInverse)
            // s is published with r: declassified here, where it leaves.
            let sValue = BigNum(limbs: ConstantTime.declassify(s))
            if r.isZero || sValue.isZero { continue }
            return DSASignature(r: r, s: sValue)
        }
        throw CryptoError(.invalidParameter, "DSA signing kept giving r or s = 0", openSSL: .dsaTooManyRetries)
    }
}
#endif
