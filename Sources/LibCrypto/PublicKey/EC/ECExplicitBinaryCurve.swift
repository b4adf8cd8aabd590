// Binary curves y² + xy = x³ + ax² + b over GF(2^m) from explicit parameters (X9.62 / SEC 1
// `ECParameters` with a characteristic-two field that name no catalog curve), validated as
// OpenSSL 3.0 validates them when it reads them (crypto/ec/ec_asn1.c
// `EC_GROUP_new_from_ecparameters`, ec2_smpl.c `ossl_ec_GF2m_simple_group_set_curve`, ec2_oct.c
// `ossl_ec_GF2m_simple_oct2point`, ec_lib.c `EC_GROUP_set_generator`) and checks them
// (ec_check.c `EC_GROUP_check`), in that order, so that a refusal carries OpenSSL's reason:
//   1. the basis (ECExplicitParameters.characteristicTwoExponents: m ≤ 661, FIELD_TOO_LARGE;
//      m > k > 0, INVALID_TRINOMIAL_BASIS; m > k3 > k2 > k1 > 0, INVALID_PENTANOMIAL_BASIS);
//      a and b reduced modulo f (BN_GF2m_mod_arr);
//   2. G decodes as a point of the curve (EC_POINT_oct2point: a hybrid point's y/x and a
//      compressed point's b/x² need x invertible modulo f, which fails modulo a reducible f as
//      OpenSSL's BN_GF2m_mod_inv does; POINT_IS_NOT_ON_CURVE, ...);
//   3. n positive and at most m + 1 bits (Hasse, INVALID_GROUP_ORDER); the cofactor
//      non-negative (UNKNOWN_COFACTOR), computed as ⌊(2^m + 1 + n/2) / n⌋ when absent or 0;
//   4. EC_GROUP_check: b ≠ 0 (DISCRIMINANT_IS_ZERO), G on the curve, n·G = ∞
//      (INVALID_GROUP_ORDER).
// Stricter than OpenSSL 3.0, as for prime curves (ECExplicitCurve.swift), because the
// arithmetic needs it: f irreducible (INVALID_FIELD, after step 3: modulo a reducible f the
// ring is no field, and Itoh–Tsujii inversion and the ladder's y recovery are wrong there), n odd
// (before step 2) and prime (after step 4), G not the point at infinity, the cofactor known and
// within Hasse's bound (|h·n − (2^m + 1)| ≤ 2·2^(m/2)).
// Not constant-time relevant: curve parameters are public (all checks are variable time).

#if EC && EC2M
extension ECCurve {
    /// A binary curve from explicit parameters, validated as OpenSSL 3.0 reads and checks them
    /// (see the file header for the checks, their order and where LibCrypto is stricter). The
    /// curve is named `explicit-binary-<m>` and compares equal to every curve with the same
    /// parameters (a catalog curve included).
    /// - Parameters:
    ///   - exponents: the reduction polynomial's exponents `[m, k]` or `[m, k3, k2, k1]`, as
    ///     ``ECExplicitParameters/characteristicTwoExponents()`` gives them.
    ///   - a: the coefficient a (reduced modulo the polynomial).
    ///   - b: the coefficient b (reduced modulo the polynomial).
    ///   - generator: the base point G, encoded as X9.62 octets (compressed, uncompressed or hybrid).
    ///   - order: the order n of G.
    ///   - cofactor: the cofactor h, or nil (or 0) to compute it from m and n.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `FIELD_TOO_LARGE`,
    ///   `INVALID_TRINOMIAL_BASIS`, `INVALID_PENTANOMIAL_BASIS`, `INVALID_FIELD`,
    ///   `INVALID_GROUP_ORDER`, `UNKNOWN_COFACTOR`, `DISCRIMINANT_IS_ZERO`, or the point
    ///   decoding's (`POINT_IS_NOT_ON_CURVE`, ...).
    public init(
        explicitBinary exponents: [Int], a: BigNum, b: BigNum, generator: [UInt8], order: BigNum, cofactor: BigNum?
    ) throws {
        func fail(_ what: String, _ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.invalidParameter, "explicit EC parameters: \(what)", openSSL: reason)
        }
        // 1. The basis, bounded before any arithmetic.
        guard let m = exponents.first, m <= Self.maximumExplicitFieldBits else {
            throw fail("a field of degree above \(Self.maximumExplicitFieldBits)", .ecFieldTooLarge)
        }
        let k = Array(exponents.dropFirst())
        guard zip([m] + k, k + [0]).allSatisfy({ $0 > $1 }) else {
            throw fail(
                "the basis is not m > k > 0", k.count == 1 ? .ecInvalidTrinomialBasis : .ecInvalidPentanomialBasis)
        }
        guard let field = EC2MField(exponents: exponents), !a.isNegative, !b.isNegative else {
            throw fail("not a trinomial or pentanomial basis", .ecInvalidField)
        }
        func reduced(_ v: BigNum) -> BigNum {
            var z = v.limbs + [UInt64](repeating: 0, count: max(0, field.n - v.limbs.count))
            return BigNum(limbs: field.reduceInChunks(&z))
        }
        let a = reduced(a)
        let b = reduced(b)
        let p = Self.polynomial(exponents)
        guard let group = EC2MGroup(exponents: exponents, a: a, b: b) else {
            throw fail("not a trinomial or pentanomial basis", .ecInvalidField)
        }
        // (LibCrypto's own, before any arithmetic modulo n.)
        guard !order.isNegative, !order.isZero, order.bitWidth <= m + 1 else {
            throw fail("the order is not in [1, 2^(m + 1))", .ecInvalidGroupOrder)
        }
        guard order.isOdd,
            let engine = ECEngine(p: p, a: a, b: b, order: order, cofactor: BigNum(1), binaryGroup: group)
        else { throw fail("an even order, or 1", .ecInvalidGroupOrder) }
        let name = "explicit-binary-\(m)"
        // 2. G on the curve (decoded on the curve without a generator yet).
        let bare = ECCurve(
            checkedName: name, p: p, a: a, b: b, gx: BigNum(0), gy: BigNum(0), order: order, cofactor: BigNum(1),
            engine: engine)
        let g = try ECPoint(encoded: generator, curve: bare)
        guard !g.isInfinity else { throw fail("the generator is the point at infinity", .ecPointAtInfinity) }
        // 3. The cofactor (the order's bounds were checked above).
        if let h = cofactor, h.isNegative { throw fail("a negative cofactor", .ecUnknownCofactor) }
        let q = try BigNum(1).shiftedLeft(by: m)
        let h: BigNum
        if let given = cofactor, !given.isZero {
            guard given.bitWidth <= m + 1 else { throw fail("the cofactor exceeds the field", .ecUnknownCofactor) }
            h = given
        } else {
            // ec_guess_cofactor (BN_num_bits of the polynomial is m + 1).
            guard order.bitWidth > (m + 2) / 2 + 3 else {
                throw fail("no cofactor, and the order is too small to compute it", .ecUnknownCofactor)
            }
            h = try (q + BigNum(1) + order.shiftedRight(by: 1)).quotientAndRemainder(dividingBy: order).quotient
        }
        // Hasse: (h·n − (q + 1))² ≤ 4q.
        let t = h * order - (q + BigNum(1))
        guard t * t <= BigNum(4) * q else { throw fail("h·n is outside Hasse's bound for 2^m", .ecUnknownCofactor) }
        guard field.isIrreducible else { throw fail("the field polynomial is reducible", .ecInvalidField) }
        self.init(checkedName: name, p: p, a: a, b: b, gx: g.x, gy: g.y, order: order, cofactor: h, engine: engine)
        // 4. EC_GROUP_check, then (LibCrypto's own) n prime.
        try check()
        guard try order.isProbablePrime() else { throw fail("the order is not prime", .ecInvalidGroupOrder) }
    }
}
#endif
