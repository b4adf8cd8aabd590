// Prime curves from explicit parameters (X9.62 / SEC 1 `ECParameters` that name no catalog
// curve), validated as OpenSSL 3.0 validates them when it reads explicit parameters
// (crypto/ec/ec_asn1.c `EC_GROUP_new_from_ecparameters`, ecp_smpl.c
// `ossl_ec_GFp_simple_group_set_curve`, ec_lib.c `EC_GROUP_set_generator`) and when it checks
// a group (ec_check.c `EC_GROUP_check`), in that order, so that a refusal carries OpenSSL's reason:
//   1. p positive (INVALID_FIELD) and at most OPENSSL_ECC_MAX_FIELD_BITS = 661 bits
//      (FIELD_TOO_LARGE), checked before anything is computed; p odd and of 3 bits or more
//      (INVALID_FIELD); a and b reduced modulo p as OpenSSL does (BN_nnmod);
//   2. G decodes as a point of the curve (EC_POINT_oct2point: POINT_IS_NOT_ON_CURVE, ...);
//   3. n positive and at most one bit longer than p (Hasse, INVALID_GROUP_ORDER); the
//      cofactor non-negative (UNKNOWN_COFACTOR), computed as ⌊(p + 1 + n/2) / n⌋ when absent or 0;
//   4. EC_GROUP_check: 4a³ + 27b² ≠ 0 (DISCRIMINANT_IS_ZERO), G on the curve, n·G = ∞
//      (INVALID_GROUP_ORDER).
// Stricter than OpenSSL 3.0, because LibCrypto's arithmetic needs it (field inversion by
// Fermat, scalar inversion modulo n, Montgomery contexts modulo p and n): p must be prime (checked
// after step 1) and n odd (before step 2) and prime (after step 4; OpenSSL checks neither), G must not be the point at infinity, the cofactor must be known
// (OpenSSL keeps 0, "unknown", when n is too small to compute it) and consistent with Hasse's
// bound (|h·n − (p + 1)| ≤ 2√p; OpenSSL takes any given cofactor).
// Not constant-time relevant: curve parameters are public (all checks are variable time).

#if EC
extension OpenSSLReason {
    /// `EC_R_INVALID_FIELD` (103, "invalid field").
    public static let ecInvalidField = OpenSSLReason(
        library: "EC", name: "INVALID_FIELD", code: 103, text: "invalid field")
    /// `EC_R_FIELD_TOO_LARGE` (143, "field too large").
    public static let ecFieldTooLarge = OpenSSLReason(
        library: "EC", name: "FIELD_TOO_LARGE", code: 143, text: "field too large")
    /// `EC_R_INVALID_GROUP_ORDER` (122, "invalid group order").
    public static let ecInvalidGroupOrder = OpenSSLReason(
        library: "EC", name: "INVALID_GROUP_ORDER", code: 122, text: "invalid group order")
    /// `EC_R_DISCRIMINANT_IS_ZERO` (118, "discriminant is zero").
    public static let ecDiscriminantIsZero = OpenSSLReason(
        library: "EC", name: "DISCRIMINANT_IS_ZERO", code: 118, text: "discriminant is zero")
    /// `EC_R_INVALID_TRINOMIAL_BASIS` (137, "invalid trinomial basis").
    public static let ecInvalidTrinomialBasis = OpenSSLReason(
        library: "EC", name: "INVALID_TRINOMIAL_BASIS", code: 137, text: "invalid trinomial basis")
    /// `EC_R_INVALID_PENTANOMIAL_BASIS` (132, "invalid pentanomial basis").
    public static let ecInvalidPentanomialBasis = OpenSSLReason(
        library: "EC", name: "INVALID_PENTANOMIAL_BASIS", code: 132, text: "invalid pentanomial basis")
    /// `EC_R_NOT_IMPLEMENTED` (126, "not implemented").
    public static let ecNotImplemented = OpenSSLReason(
        library: "EC", name: "NOT_IMPLEMENTED", code: 126, text: "not implemented")
    /// `EC_R_ASN1_ERROR` (115, "asn1 error").
    public static let ecASN1Error = OpenSSLReason(library: "EC", name: "ASN1_ERROR", code: 115, text: "asn1 error")
    /// `EC_R_UNKNOWN_COFACTOR` (164, "unknown cofactor").
    public static let ecUnknownCofactor = OpenSSLReason(
        library: "EC", name: "UNKNOWN_COFACTOR", code: 164, text: "unknown cofactor")
}

extension ECCurve {
    /// The largest field explicit parameters may have, in bits (OpenSSL's
    /// `OPENSSL_ECC_MAX_FIELD_BITS`).
    public static let maximumExplicitFieldBits = 661

    /// True for a curve made from explicit parameters that name no catalog curve (it has no OID
    /// and no catalog name; Oakley-EC2N-3 and -4 have no OID either, but are catalog curves).
    public var isExplicit: Bool { oid.isEmpty && name.hasPrefix("explicit-") }

    /// A prime curve from explicit parameters, validated as OpenSSL 3.0 reads and checks them
    /// (see the file header for the checks, their order and where LibCrypto is stricter). The
    /// curve is named `explicit-prime-<bits>` and compares equal to every curve with the same
    /// parameters (a catalog curve included).
    /// - Parameters:
    ///   - p: the field prime.
    ///   - a: the coefficient a (taken modulo p).
    ///   - b: the coefficient b (taken modulo p).
    ///   - generator: the base point G, encoded as X9.62 octets (compressed, uncompressed or hybrid).
    ///   - order: the order n of G.
    ///   - cofactor: the cofactor h, or nil (or 0) to compute it from p and n.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `FIELD_TOO_LARGE`, `INVALID_FIELD`,
    ///   `INVALID_GROUP_ORDER`, `UNKNOWN_COFACTOR`, `DISCRIMINANT_IS_ZERO`, or the point
    ///   decoding's (`POINT_IS_NOT_ON_CURVE`, ...).
    public init(
        explicitPrime p: BigNum, a: BigNum, b: BigNum, generator: [UInt8], order: BigNum, cofactor: BigNum?
    ) throws {
        func fail(_ what: String, _ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.invalidParameter, "explicit EC parameters: \(what)", openSSL: reason)
        }
        // 1. The field, bounded before any arithmetic.
        guard !p.isNegative, !p.isZero else { throw fail("p is not positive", .ecInvalidField) }
        let bits = p.bitWidth
        guard bits <= Self.maximumExplicitFieldBits else {
            throw fail("a \(bits)-bit field, above \(Self.maximumExplicitFieldBits) bits", .ecFieldTooLarge)
        }
        guard bits > 2, p.isOdd else { throw fail("p must be an odd prime above 3", .ecInvalidField) }
        guard !a.isNegative, !b.isNegative else { throw fail("a negative coefficient", .ecInvalidField) }
        let a = try a.nonNegativeRemainder(modulo: p)
        let b = try b.nonNegativeRemainder(modulo: p)
        guard try p.isProbablePrime() else { throw fail("p is not prime", .ecInvalidField) }
        // 3 (first the bounds, so that nothing is computed modulo an absurd n).
        guard !order.isNegative, !order.isZero, order.bitWidth <= bits + 1 else {
            throw fail("the order is not in [1, 2^(bits of p + 1))", .ecInvalidGroupOrder)
        }
        if let h = cofactor, h.isNegative { throw fail("a negative cofactor", .ecUnknownCofactor) }
        let h: BigNum
        if let given = cofactor, !given.isZero {
            guard given.bitWidth <= bits + 1 else { throw fail("the cofactor exceeds the field", .ecUnknownCofactor) }
            h = given
        } else {
            // ec_guess_cofactor: unknown (0) when n is too small for Hasse to fix h.
            guard order.bitWidth > (bits + 1) / 2 + 3 else {
                throw fail("no cofactor, and the order is too small to compute it", .ecUnknownCofactor)
            }
            h = try (p + BigNum(1) + order.shiftedRight(by: 1)).quotientAndRemainder(dividingBy: order).quotient
        }
        // Hasse: (h·n − (p + 1))² ≤ 4p.
        let t = h * order - (p + BigNum(1))
        guard t * t <= BigNum(4) * p else {
            throw fail("h·n is outside Hasse's bound for p", .ecUnknownCofactor)
        }
        // An even order has no Montgomery form (OpenSSL skips its Montgomery data then).
        guard order.isOdd, let engine = ECEngine(p: p, a: a, b: b, order: order, cofactor: h) else {
            throw fail("an even order", .ecInvalidGroupOrder)
        }
        let name = "explicit-prime-\(bits)"
        // 2. G on the curve (decoded on the curve without a generator yet).
        let bare = ECCurve(
            checkedName: name, p: p, a: a, b: b, gx: BigNum(0), gy: BigNum(0), order: order, cofactor: h,
            engine: engine)
        let g = try ECPoint(encoded: generator, curve: bare)
        guard !g.isInfinity else { throw fail("the generator is the point at infinity", .ecPointAtInfinity) }
        self.init(
            checkedName: name, p: p, a: a, b: b, gx: g.x, gy: g.y, order: order, cofactor: h, engine: engine)
        // 4. EC_GROUP_check, then (LibCrypto's own) n prime.
        try check()
        guard try order.isProbablePrime() else { throw fail("the order is not prime", .ecInvalidGroupOrder) }
    }

    /// OpenSSL's `EC_GROUP_check`: the discriminant is not 0 (4a³ + 27b² modulo p for a prime
    /// curve, b for a binary one), the generator is on the curve (every ``ECPoint`` is) and n·G is the point at
    /// infinity. Catalog curves pass; ``init(explicitPrime:a:b:generator:order:cofactor:)``
    /// runs it. VARIABLE TIME (public parameters).
    /// - Throws: `invalidParameter` with `DISCRIMINANT_IS_ZERO` or `INVALID_GROUP_ORDER`.
    public func check() throws {
        let disc: BigNum
        #if EC2M
        // Over GF(2^m) the discriminant is b (ec_GF2m_simple_group_check_discriminant: b ≠ 0).
        disc = isBinary ? b : try (BigNum(4) * a * a * a + BigNum(27) * b * b).nonNegativeRemainder(modulo: p)
        #else
        disc = try (BigNum(4) * a * a * a + BigNum(27) * b * b).nonNegativeRemainder(modulo: p)
        #endif
        guard !disc.isZero else {
            throw CryptoError(
                .invalidParameter, "EC group check: the discriminant is 0", openSSL: .ecDiscriminantIsZero)
        }
        guard generator.multipliedPublic(by: order.limbs).isInfinity else {
            throw CryptoError(
                .invalidParameter, "EC group check: n·G is not the point at infinity", openSSL: .ecInvalidGroupOrder)
        }
    }
}
#endif
