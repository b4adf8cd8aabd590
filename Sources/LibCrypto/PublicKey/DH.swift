// Finite-field Diffie–Hellman (PKCS#3 and X9.42 / SP 800-56A FFC): domain parameters with
// OpenSSL's checks (DH_check_params, DH_check), the named groups of DHGroups.swift, key
// generation as OpenSSL 3.0's dh_key.c `generate_key` does it, the public-key check
// (DH_check_pub_key) and the shared-secret derivation (ossl_dh_compute_key, with
// DH_compute_key's leading-zero stripping or DH_compute_key_padded's padding).
// The DER encodings (PKCS#3 DHParameter, X9.42 DomainParameters, keys) live in Encoding/; this
// file knows only numbers.
//
// Timing.
//   - CONSTANT TIME: DHPrivateKey.init and generate (g^x mod p: fixed-window Montgomery power
//     with the exponent padded to a public length: the limbs of 2^N for a named group, of q, or
//     of p, whichever bounds generated values; a longer given x shows its limb count) and DHPrivateKey.deriveSharedSecret (y^x mod p
//     the same way; the checks that z is not 0, 1 or p − 1 are masks, and only their outcome is
//     made public). Leading-zero stripping (padded: false) makes the secret's length public, as
//     DH_compute_key does by returning it; pass padded: true for a fixed length.
//   - The private value is drawn by rejection below min(2^N, q) (ossl_ffc_generate_private_key):
//     the number of draws is public, the accepted value is not. Its normalized limb count is
//     used only to pad it to p's limb count.
//   - VARIABLE TIME (public data): DHParameters.init / check() (divisions, primality tests,
//     g^q), DHPublicKey.check() (y^q mod p), the group lookup.

#if DH
/// Diffie–Hellman domain parameters: the prime `p`, the generator `g` and, for X9.42 / FIPS
/// 186 style parameters and the named groups, the order `q` of the subgroup `g` generates.
///
/// The initializer runs OpenSSL's cheap checks (those of `DH_check_params` and the `q` checks of
/// `DH_check` that need no primality test); ``check()`` adds the primality tests and `g^q = 1`.
/// Parameters equal to a named group's are recognised as that group (as OpenSSL's
/// `ossl_dh_cache_named_group` does), which fills in its `q` and its private-key length.
public struct DHParameters: Sendable, Hashable {
    /// The prime modulus `p`.
    public let p: BigNum
    /// The generator `g`.
    public let g: BigNum
    /// The subgroup order `q`, if known (X9.42 parameters, named groups).
    public let q: BigNum?
    /// The named group these parameters are (`ffdhe2048`, `modp_2048`, `dh_2048_224`, …), or nil.
    public let groupName: String?
    /// OpenSSL's private-key length for a named group in bits (`keylength`: 225 for ffdhe2048),
    /// 0 otherwise.
    public let groupKeyLength: Int
    /// The security strength of a named group's modulus in bits, 0 otherwise.
    let securityBits: Int

    /// The smallest modulus OpenSSL generates keys for or derives with (`DH_MIN_MODULUS_BITS`).
    public static let minModulusBits = 512
    /// The largest modulus OpenSSL generates keys for or derives with (`OPENSSL_DH_MAX_MODULUS_BITS`).
    public static let maxModulusBits = 10_000
    /// The largest modulus OpenSSL checks at all (`OPENSSL_DH_CHECK_MAX_MODULUS_BITS`); parameters
    /// above it are rejected here.
    public static let maxCheckedModulusBits = 32_768

    /// Parameters from their numbers, checked as OpenSSL's `DH_check` does short of primality.
    /// - Parameters:
    ///   - p: the prime modulus: odd, at most ``maxCheckedModulusBits`` bits.
    ///   - g: the generator, `1 < g < p − 1`.
    ///   - q: the subgroup order, if known: `1 < q < p` and `q` divides `p − 1`.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `MODULUS_TOO_LARGE` above
    ///   ``maxCheckedModulusBits``; `CHECK_P_NOT_PRIME` for a `p` that is even, negative or below 5;
    ///   `NOT_SUITABLE_GENERATOR` for `g` outside `(1, p − 1)`; `CHECK_INVALID_Q_VALUE` for a `q`
    ///   that is not in `(1, p)` or does not divide `p − 1`.
    public init(p: BigNum, g: BigNum, q: BigNum? = nil) throws {
        guard p.bitWidth <= Self.maxCheckedModulusBits else {
            throw CryptoError(
                .invalidParameter, "DH modulus of \(p.bitWidth) bits is above 32768", openSSL: .dhModulusTooLarge)
        }
        guard !p.isNegative, p.isOdd, p > BigNum(3) else {
            throw CryptoError(.invalidParameter, "DH modulus must be an odd prime", openSSL: .dhCheckPNotPrime)
        }
        let pMinus1 = p - .one
        guard !g.isNegative, g > .one, g < pMinus1 else {
            throw CryptoError(.invalidParameter, "DH generator not in (1, p-1)", openSSL: .dhNotSuitableGenerator)
        }
        if let q {
            guard !q.isNegative, q > .one, q < p, try pMinus1.quotientAndRemainder(dividingBy: q).remainder.isZero
            else {
                throw CryptoError(
                    .invalidParameter, "DH q is not a divisor of p-1 in (1, p)", openSSL: .dhCheckInvalidQValue)
            }
        }
        self.p = p
        self.g = g
        if let group = DHParameters.namedGroup(p: p, g: g, q: q) {
            self.q = group.q
            groupName = group.info.name
            groupKeyLength = group.info.keyLength
            securityBits = group.info.securityBits
        } else {
            self.q = q
            groupName = nil
            groupKeyLength = 0
            securityBits = 0
        }
    }

    /// The parameters of one of OpenSSL's named groups (`DH_new_by_nid`, the `group` parameter of
    /// `EVP_PKEY_CTX` DH key generation).
    /// - Parameter name: a name of ``groupNames``, in any case (OpenSSL compares with
    ///   `strcasecmp`).
    /// - Returns: the group's p, g and q.
    /// - Throws: `invalidParameter` (`INVALID_PARAMETER_NAME`) for a name that is not a group.
    public static func named(_ name: String) throws -> DHParameters {
        guard let group = parsedGroups.first(where: { $0.info.name.lowercased() == name.lowercased() }) else {
            throw CryptoError(.invalidParameter, "no DH group named '\(name)'", openSSL: .dhInvalidParameterName)
        }
        let n = group.numbers
        return try DHParameters(p: n.p, g: n.g, q: n.q)
    }

    /// The names of the groups ``named(_:)`` knows, in OpenSSL's order.
    public static var groupNames: [String] { DHNamedGroup.all.map(\.name) }

    /// The size of `p` in bits (`DH_bits`).
    public var bitCount: Int { p.bitWidth }
    /// The size of `p` in bytes (`DH_size`), the length of a padded shared secret.
    public var byteCount: Int { p.byteCount }

    /// OpenSSL's full parameter check (`DH_check` outside FIPS mode). Named groups pass without
    /// tests, as in OpenSSL. Otherwise: `p` is prime; with `q`, `q` is prime and `g^q = 1 mod p`;
    /// without `q`, `p` is a safe prime. VARIABLE TIME (public data); Miller–Rabin with OpenSSL's
    /// round counts.
    /// - Throws: `invalidParameter` with the first failing check's reason: `CHECK_P_NOT_PRIME`,
    ///   `CHECK_Q_NOT_PRIME`, `NOT_SUITABLE_GENERATOR`, `CHECK_P_NOT_SAFE_PRIME`,
    ///   `MODULUS_TOO_SMALL` (below 512 bits), `MODULUS_TOO_LARGE` (above 10,000 bits).
    public func check() throws {
        if groupName != nil { return }
        if let q {
            guard try g.modExp(q, modulus: p).isOne else {
                throw CryptoError(.invalidParameter, "g^q mod p is not 1", openSSL: .dhNotSuitableGenerator)
            }
            guard try q.isProbablePrime() else {
                throw CryptoError(.invalidParameter, "DH q is not prime", openSSL: .dhCheckQNotPrime)
            }
        }
        guard try p.isProbablePrime() else {
            throw CryptoError(.invalidParameter, "DH p is not prime", openSSL: .dhCheckPNotPrime)
        }
        if q == nil {
            guard try p.shiftedRight(by: 1).isProbablePrime() else {
                throw CryptoError(.invalidParameter, "DH p is not a safe prime", openSSL: .dhCheckPNotSafePrime)
            }
        }
        try checkOperationSize()
    }

    /// The size limits of key generation and derivation (`generate_key`, `ossl_dh_compute_key`).
    func checkOperationSize() throws {
        guard p.bitWidth <= Self.maxModulusBits else {
            throw CryptoError(
                .invalidParameter, "DH modulus of \(p.bitWidth) bits is above 10000", openSSL: .dhModulusTooLarge)
        }
        if let q, q.bitWidth > Self.maxModulusBits {
            throw CryptoError(.invalidParameter, "DH q of \(q.bitWidth) bits is above 10000", openSSL: .dhQTooLarge)
        }
        guard p.bitWidth >= Self.minModulusBits else {
            throw CryptoError(
                .invalidParameter, "DH modulus of \(p.bitWidth) bits is below 512", openSSL: .dhModulusTooSmall)
        }
    }

    /// Parameters are equal when p, g and q are (the group name follows from them).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func == (a: DHParameters, b: DHParameters) -> Bool { a.p == b.p && a.g == b.g && a.q == b.q }

    /// Hashes p, g and q, consistent with `==`.
    /// - Parameter hasher: the hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(p)
        hasher.combine(g)
        hasher.combine(q)
    }

    /// The named groups with their numbers parsed once.
    static let parsedGroups: [(info: DHNamedGroup, numbers: (p: BigNum, g: BigNum, q: BigNum))] = DHNamedGroup.all
        .compactMap { info in (try? info.numbers()).map { (info, $0) } }

    /// The named group with this p and g (and q, when given), as `ossl_ffc_numbers_to_dh_named_group`.
    static func namedGroup(p: BigNum, g: BigNum, q: BigNum?) -> (info: DHNamedGroup, q: BigNum)? {
        for group in parsedGroups where group.numbers.p == p && group.numbers.g == g {
            if let q, q != group.numbers.q { continue }
            return (group.info, group.numbers.q)
        }
        return nil
    }
}

/// A Diffie–Hellman public key: the parameters and `y = g^x mod p`.
public struct DHPublicKey: Sendable, Hashable {
    /// The domain parameters.
    public let parameters: DHParameters
    /// The public value `y`.
    public let y: BigNum

    /// A public key from its value. The value is not range-checked here (OpenSSL loads any
    /// value); ``check()`` and the derivation check it.
    /// - Parameters:
    ///   - parameters: the domain parameters.
    ///   - y: the public value, non-negative.
    /// - Throws: `invalidParameter` (`INVALID_PUBKEY`) for a negative value.
    public init(parameters: DHParameters, y: BigNum) throws {
        guard !y.isNegative else {
            throw CryptoError(.invalidParameter, "negative DH public value", openSSL: .dhInvalidPubkey)
        }
        self.parameters = parameters
        self.y = y
    }

    /// OpenSSL's full public-key check (`DH_check_pub_key`, SP 800-56A rev 3 5.6.2.3.1):
    /// `2 ≤ y ≤ p − 2`, and `y^q = 1 mod p` when `q` is known. VARIABLE TIME (public data).
    /// - Throws: `invalidParameter` with OpenSSL's reason: `CHECK_PUBKEY_TOO_SMALL` for `y ≤ 1`,
    ///   `CHECK_PUBKEY_TOO_LARGE` for `y ≥ p − 1`, `CHECK_PUBKEY_INVALID` for `y^q ≠ 1`.
    public func check() throws {
        let p = parameters.p
        guard y > .one else {
            throw CryptoError(.invalidParameter, "DH public value below 2", openSSL: .dhCheckPubkeyTooSmall)
        }
        guard y < p - .one else {
            throw CryptoError(.invalidParameter, "DH public value above p-2", openSSL: .dhCheckPubkeyTooLarge)
        }
        if let q = parameters.q {
            guard try y.modExp(q, modulus: p).isOne else {
                throw CryptoError(
                    .invalidParameter, "DH public value not in the order-q subgroup", openSSL: .dhCheckPubkeyInvalid)
            }
        }
    }
}

/// A Diffie–Hellman private key: the parameters, the private value `x` and its public key.
public struct DHPrivateKey: Sendable {
    /// The public half (`y = g^x mod p`).
    public let publicKey: DHPublicKey
    /// The private value `x`.
    public let x: BigNum
    /// The Montgomery context of `p`.
    let context: MontgomeryContext
    /// The public length the private value is padded to as an exponent.
    let exponentLimbs: Int

    /// The domain parameters.
    public var parameters: DHParameters { publicKey.parameters }

    /// OpenSSL's private-value check (`ossl_dh_check_priv_key`): `1 ≤ x < q` when `q` is known,
    /// otherwise `1 < |x| ≤ |p| − 1` bits.
    public var isPrivateValueInRange: Bool {
        if let q = parameters.q { return x < q }
        return x.bitWidth > 1 && x.bitWidth <= parameters.p.bitWidth - 1
    }

    /// A private key from its value; the public value is computed (`g^x mod p`, constant time).
    /// - Parameters:
    ///   - parameters: the domain parameters.
    ///   - x: the private value: positive and no longer than `p`. OpenSSL loads any value and
    ///     checks the range (`1 ≤ x < q`, `ossl_dh_check_priv_key`) only in `EVP_PKEY_check`;
    ///     ``isPrivateValueInRange`` is that check.
    /// - Throws: `invalidParameter` for a zero, negative or over-long private value.
    public init(parameters: DHParameters, x: BigNum) throws {
        guard !x.isNegative, !x.isZero, Self.isNoLongerThan(x, parameters.p) else {
            throw CryptoError(.invalidParameter, "DH private value out of range")
        }
        let ctx = try MontgomeryContext(modulus: parameters.p)
        guard x.limbs.count <= ctx.n else { throw CryptoError(.invalidParameter, "DH private value out of range") }
        // The exponent's fixed length: the public bound of generated private values (2^N for a
        // named group, else q, else p), or x's own limb count if it is longer.
        let bound =
            parameters.groupKeyLength > 0
            ? (parameters.groupKeyLength + 63) / 64 : (parameters.q?.limbs.count ?? ctx.n)
        let exponentLimbs = max(bound, x.limbs.count)
        var xs = MontgomeryContext.padded(x.limbs, exponentLimbs)
        defer { RSALimbs.wipe(&xs) }
        // y = g^x mod p is the public key: declassified here, where it is published.
        let y = BigNum(
            limbs: ConstantTime.declassify(
                ctx.constantTimePower(MontgomeryContext.padded(parameters.g.limbs, ctx.n), xs)))
        self.context = ctx
        self.exponentLimbs = exponentLimbs
        self.x = x
        self.publicKey = try DHPublicKey(parameters: parameters, y: y)
    }

    /// Whether the secret `x` has at most as many bits as `p` (`x.bitWidth <= p.bitWidth`),
    /// branching only on the limb counts (public): for equal counts the top limbs' bit lengths
    /// are compared by a borrow, and only the outcome (the key is accepted or not) is declassified.
    static func isNoLongerThan(_ x: BigNum, _ p: BigNum) -> Bool {
        guard x.limbs.count == p.limbs.count, let xTop = x.limbs.last, let pTop = p.limbs.last else {
            return x.limbs.count < p.limbs.count
        }
        let xBits = UInt64(64 - xTop.leadingZeroBitCount)
        let pBits = UInt64(64 - pTop.leadingZeroBitCount)
        let (_, longer) = CTLimb.subtract(pBits, xBits, 0)  // 1 when x has more bits
        return ConstantTime.declassify(longer == 0)
    }

    /// Generates a key pair as OpenSSL 3.0 does (`generate_key` in crypto/dh/dh_key.c):
    /// - a named group: `x` uniform in `[1, min(2^N, q) − 1]` with `N` = `privateKeyBits`, else the
    ///   group's length (``DHParameters/groupKeyLength``, 225 for ffdhe2048), else twice the
    ///   security strength (`ossl_ffc_generate_private_key`); N must be between twice the
    ///   strength and |q|;
    /// - other parameters with `q`: the same with N = |q| and strength 112;
    /// - PKCS#3 parameters without `q`: a random value of `privateKeyBits` bits (default |p| − 2,
    ///   which must stay below |p|) with its top bit set, bit 0 cleared for g = 2 when `p` has bit
    ///   2 clear (OpenSSL's one quadratic-non-residue case).
    /// Randomness from the process DRBG.
    /// - Parameters:
    ///   - parameters: the domain parameters.
    ///   - privateKeyBits: OpenSSL's `priv_len` (`DH_set_length`); 0 for the default.
    /// - Returns: the key pair.
    /// - Throws: `invalidParameter`: `MODULUS_TOO_SMALL` / `MODULUS_TOO_LARGE` / `Q_TOO_LARGE`
    ///   outside 512 … 10,000 bits, `BN_ERROR` for a private length OpenSSL refuses; whatever the
    ///   random source throws.
    public static func generate(parameters: DHParameters, privateKeyBits: Int = 0) throws -> DHPrivateKey {
        try generate(parameters: parameters, privateKeyBits: privateKeyBits, using: { try Random.bytes(count: $0) })
    }

    static func generate(parameters: DHParameters, privateKeyBits: Int, using generator: BigNum.RandomBytes) throws
        -> DHPrivateKey
    {
        try parameters.checkOperationSize()
        let p = parameters.p
        func refuse(_ why: String) -> CryptoError { CryptoError(.invalidParameter, why, openSSL: .dhBNError) }
        guard privateKeyBits >= 0 else { throw refuse("negative DH private key length") }
        let x: BigNum
        if parameters.groupName != nil, let q = parameters.q {
            guard privateKeyBits <= q.bitWidth else { throw refuse("DH private key length above |q|") }
            let n = privateKeyBits != 0 ? privateKeyBits : parameters.groupKeyLength
            x = try ffcPrivateValue(q: q, bits: n, strength: parameters.securityBits, using: generator)
        } else if let q = parameters.q {
            x = try ffcPrivateValue(q: q, bits: q.bitWidth, strength: 112, using: generator)
        } else {
            guard privateKeyBits < p.bitWidth else { throw refuse("DH private key length not below |p|") }
            var l = p.bitWidth - 2
            if privateKeyBits != 0 && privateKeyBits < l { l = privateKeyBits }
            guard l >= 2 else { throw refuse("DH private key length too small") }
            var bytes = try generator((l + 7) / 8)
            defer { SecretWipe.wipe(&bytes) }
            guard bytes.count == (l + 7) / 8 else { throw refuse("random source gave the wrong length") }
            // BN_priv_rand_ex(l, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY): top bit set, above cleared.
            let topBit = (l - 1) % 8
            bytes[0] = (bytes[0] & UInt8((1 << (topBit + 1)) - 1)) | UInt8(1 << topBit)
            if parameters.g.word == 2 && !p.bit(2) { bytes[bytes.count - 1] &= 0xFE }
            x = try BigNum(bytes: bytes)
        }
        return try DHPrivateKey(parameters: parameters, x: x)
    }

    /// SP 800-56A rev 3 5.6.1.1.4 (`ossl_ffc_generate_private_key`): `c + 1` for `c` uniform in
    /// `[0, 2^N)`, redrawn until it is below `min(2^N, q)`.
    static func ffcPrivateValue(q: BigNum, bits n0: Int, strength: Int, using generator: BigNum.RandomBytes) throws
        -> BigNum
    {
        let n = n0 != 0 ? n0 : 2 * strength
        guard strength > 0, n >= 2 * strength, n <= q.bitWidth else {
            throw CryptoError(
                .invalidParameter, "DH private key length \(n) outside [\(2 * strength), \(q.bitWidth)]",
                openSSL: .dhBNError)
        }
        let twoPowN = try BigNum.one.shiftedLeft(by: n)
        let m = twoPowN > q ? q : twoPowN
        for _ in 0..<1000 {
            let c = try BigNum.random(bits: n, using: generator) + .one
            if c < m { return c }
        }
        throw CryptoError(.invalidParameter, "no DH private value found", openSSL: .dhBNError)
    }

    /// Derives the shared secret with a peer's public key (`EVP_PKEY_derive` for DH): the peer
    /// key is checked first (`EVP_PKEY_derive_set_peer` runs `DH_check_pub_key`), then
    /// `z = y^x mod p` (constant time) must not be 0, 1 or `p − 1` (SP 800-56A rev 3 5.7.1.1).
    ///
    /// OpenSSL 3.0's default (`pad` 0) strips the leading zero bytes of `z`, as
    /// `DH_compute_key`; `pad` 1 keeps `z` at the modulus' length, as
    /// `DH_compute_key_padded`. The `openssl pkeyutl -derive` command does the former unless
    /// given `-pkeyopt pad:1`.
    /// - Parameters:
    ///   - peer: the peer's public key, with the same parameters.
    ///   - padded: true for `DH_compute_key_padded`'s fixed length (`|p|` bytes).
    /// - Returns: the shared secret.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `DIFFERENT_PARAMETERS` (EVP) for a peer
    ///   with other parameters; `CHECK_PUBKEY_TOO_SMALL` (y ≤ 1), `CHECK_PUBKEY_TOO_LARGE`
    ///   (y ≥ p − 1), `CHECK_PUBKEY_INVALID` (y^q ≠ 1); `MODULUS_TOO_SMALL`/`MODULUS_TOO_LARGE`;
    ///   `INVALID_SECRET` for a shared value of 1 or p − 1.
    public func deriveSharedSecret(with peer: DHPublicKey, padded: Bool = false) throws -> [UInt8] {
        guard peer.parameters == parameters else {
            throw CryptoError(.invalidParameter, "peer DH key has other parameters", openSSL: .evpDifferentParameters)
        }
        try peer.check()
        try parameters.checkOperationSize()
        let ctx = context
        let n = ctx.n
        var xs = MontgomeryContext.padded(x.limbs, exponentLimbs)
        defer { RSALimbs.wipe(&xs) }
        var z = ctx.constantTimePower(MontgomeryContext.padded(peer.y.limbs, n), xs)
        defer { RSALimbs.wipe(&z) }
        // z ≤ 1 or z = p − 1, as masks; only the combined outcome is made public.
        var high: UInt64 = 0
        for i in 1..<n { high |= z[i] }
        let rest = z[0] >> 1 | high
        let lowIsSmall = ((rest | (0 &- rest)) >> 63) &- 1  // all ones when z ≤ 1
        var pm1 = ctx.m
        pm1[0] &-= 1  // p is odd: no borrow
        let bad = lowIsSmall | RSALimbs.equalMask(z, pm1)
        guard !ConstantTime.declassify(bad != 0) else {
            throw CryptoError(.invalidParameter, "DH shared value is 1 or p-1", openSSL: .dhInvalidSecret)
        }
        var out = RSALimbs.bytes(z, length: parameters.byteCount)
        if padded { return out }
        // DH_compute_key: count leading zero bytes touching every byte, then drop them.
        // stillZero goes through CTLimb's barrier: knowing it is 0 or 1 and stays 0 once 0,
        // LLVM turned the loop into an early exit at the first non-zero byte (scripts/ctgrind.sh).
        var zeros: UInt64 = 0
        var stillZero: UInt64 = 1
        for b in out {
            stillZero = CTLimb.barrier(stillZero & ((UInt64(b) &- 1) >> 63))  // 1 while b is 0
            zeros &+= stillZero
        }
        let stripped = Array(out[ConstantTime.declassify(Int(truncatingIfNeeded: zeros))...])
        SecretWipe.wipe(&out)
        return stripped
    }
}
#endif
