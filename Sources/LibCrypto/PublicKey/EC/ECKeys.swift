// Elliptic-curve keys over the named prime curves (OpenSSL's EC_KEY): a private scalar d in
// [1, n − 1] with its public point Q = d·G, public-key validation as EC_KEY_check_key does it,
// key generation from the process DRBG, and ECDH (SEC 1 3.3.1; the cofactor variant as OpenSSL's
// EVP_PKEY_CTX_set_ecdh_cofactor_mode) as crypto/ec/ecdh_ossl.c computes it.
//
// Timing.
//   - CONSTANT TIME: generation (d drawn by rejection on bit-length draws into fixed limbs: the
//     number of draws is public, the values are not), Q = d·G and the ECDH product d·Q or h·d·Q
//     (ECField.swift: fixed window over the order's bit count, masked table scans), the shared
//     x-coordinate's bytes. Q is published (declassified where it is computed); whether d·Q is
//     the point at infinity is public (an error).
//   - VARIABLE TIME (public data): range checks of d (a comparison whose outcome is public),
//     public-key validation (on-curve check, n·Q for curves with a cofactor).

#if EC
/// An elliptic-curve public key: a point `Q` of a named curve, validated (OpenSSL's `EC_KEY`
/// with only the public point).
public struct ECPublicKey: Sendable, Hashable {
    /// The public point `Q` (on the curve, not the point at infinity, of order n).
    public let point: ECPoint

    /// The curve.
    public var curve: ECCurve { point.curve }

    /// A public key from its point, validated as `EC_KEY_check_key` validates a public key:
    /// not the point at infinity, on the curve (every ``ECPoint`` is), and `n·Q = ∞` when the
    /// cofactor is above 1 (on a curve of cofactor 1 every point but ∞ has order n).
    /// - Parameter point: the point `Q`.
    /// - Throws: `invalidParameter` with `POINT_AT_INFINITY` or `WRONG_ORDER`.
    public init(point: ECPoint) throws {
        guard !point.isInfinity else {
            throw CryptoError(.invalidParameter, "public key is the point at infinity", openSSL: .ecPointAtInfinity)
        }
        if !point.curve.cofactor.isOne {
            guard point.multipliedPublic(by: point.curve.order.limbs).isInfinity else {
                throw CryptoError(
                    .invalidParameter, "public key is not in the subgroup of order n", openSSL: .ecWrongOrder)
            }
        }
        self.point = point
    }

    /// A public key loaded as OpenSSL loads one (`d2i_PUBKEY`, `EVP_PKEY_fromdata`): not the
    /// point at infinity, without the subgroup check that `EC_KEY_check_key` (and
    /// ``init(point:)``) makes. For the conformance harness, whose stanzas expect an ECDH with a
    /// small-order peer to fail at derivation, not at loading.
    /// - Parameter point: the point `Q`.
    /// - Throws: `invalidParameter` with `POINT_AT_INFINITY`.
    package init(uncheckedPoint point: ECPoint) throws {
        guard !point.isInfinity else {
            throw CryptoError(.invalidParameter, "public key is the point at infinity", openSSL: .ecPointAtInfinity)
        }
        self.point = point
    }

    /// A public key from its octet string (`EC_POINT_oct2point`, then the checks of
    /// ``init(point:)``).
    /// - Parameters:
    ///   - encoded: `04‖x‖y`, `02‖x`/`03‖x` or `06‖x‖y`/`07‖x‖y`.
    ///   - curve: the curve.
    /// - Throws: the errors of ``ECPoint/init(encoded:curve:)`` and ``init(point:)``.
    public init(encoded: [UInt8], curve: ECCurve) throws {
        try self.init(point: ECPoint(encoded: encoded, curve: curve))
    }

    /// A public key from its affine coordinates (`EC_KEY_set_public_key_affine_coordinates`).
    /// - Parameters:
    ///   - x: the x-coordinate, in `[0, p)`.
    ///   - y: the y-coordinate, in `[0, p)`.
    ///   - curve: the curve.
    /// - Throws: the errors of ``ECPoint/init(x:y:curve:)`` and ``init(point:)``.
    public init(x: BigNum, y: BigNum, curve: ECCurve) throws {
        try self.init(point: ECPoint(x: x, y: y, curve: curve))
    }

    /// The point's octet string.
    /// - Parameter form: the conversion form (uncompressed by default, as OpenSSL's).
    /// - Returns: the octets.
    public func encoded(_ form: ECPointConversionForm = .uncompressed) -> [UInt8] { point.encoded(form) }
}

/// An elliptic-curve private key: the scalar `d` in `[1, n − 1]` and its public key `d·G`.
public struct ECPrivateKey: Sendable {
    /// The public half.
    public let publicKey: ECPublicKey
    /// The private scalar `d`.
    public let d: BigNum
    /// `d` as the order's limb count (fixed positions, for the constant-time paths).
    let scalar: [UInt64]

    /// The curve.
    public var curve: ECCurve { publicKey.curve }

    /// A private key from its scalar; `Q = d·G` is computed in constant time.
    /// - Parameters:
    ///   - curve: the curve.
    ///   - d: the private scalar, `1 ≤ d < n`.
    /// - Throws: `invalidParameter` (`INVALID_PRIVATE_KEY`) for a scalar out of range.
    public init(curve: ECCurve, d: BigNum) throws {
        guard !d.isNegative, !d.isZero, d < curve.order else {
            throw CryptoError(.invalidParameter, "EC private key not in [1, n − 1]", openSSL: .ecInvalidPrivateKey)
        }
        let e = curve.engine
        let k = MontgomeryContext.padded(d.limbs, e.orderLimbs.count)
        try self.init(curve: curve, scalar: k, d: d)
    }

    /// A private key from its scalar as big-endian bytes (any length; leading zeros allowed).
    /// - Parameters:
    ///   - curve: the curve.
    ///   - rawRepresentation: the big-endian scalar `d`, `1 ≤ d < n`.
    /// - Throws: `invalidParameter` (`INVALID_PRIVATE_KEY`) for a scalar out of range.
    public init(curve: ECCurve, rawRepresentation: [UInt8]) throws {
        try self.init(curve: curve, d: BigNum(bytes: rawRepresentation))
    }

    init(curve: ECCurve, scalar k: [UInt64], d: BigNum) throws {
        let g = curve.generator.limbTerm(scalar: [])
        var q = curve.engine.multiplyGenerator(gx: g.x, gy: g.y, scalar: k)
        defer { q.wipe() }
        // Q is the public key: declassified here, where it is published.
        let point = ECPoint(
            ECAffineLimbs(x: ConstantTime.declassify(q.x), y: ConstantTime.declassify(q.y), isInfinity: q.isInfinity),
            curve: curve)
        self.publicKey = try ECPublicKey(point: point)
        self.d = d
        self.scalar = k
    }

    /// The scalar `d` as big-endian bytes of the order's length.
    public var rawRepresentation: [UInt8] { RSALimbs.bytes(scalar, length: curve.orderByteCount) }

    /// Generates a key (`EC_KEY_generate_key`): `d` uniform in `[1, n − 1]` from the process DRBG.
    /// - Parameter curve: the curve.
    /// - Returns: the key pair.
    /// - Throws: whatever the random source throws; `TOO_MANY_RETRIES` if 100 draws all miss.
    public static func generate(curve: ECCurve) throws -> ECPrivateKey {
        try generate(curve: curve, using: { try Random.bytes(count: $0) })
    }

    /// Generation from a given random source (for tests).
    package static func generate(curve: ECCurve, using generator: BigNum.RandomBytes) throws -> ECPrivateKey {
        let k = try curve.engine.randomScalar(using: generator)
        return try ECPrivateKey(curve: curve, scalar: k, d: BigNum(secretLimbs: k))
    }

    /// The ECDH shared secret with `peer` (`EVP_PKEY_derive`, SEC 1 3.3.1): the x-coordinate of
    /// `d·Q`, or of `h·d·Q` in cofactor mode (OpenSSL's `EVP_PKEY_CTX_set_ecdh_cofactor_mode`:
    /// the scalar is `h·d`, not reduced modulo n), as ``ECCurve/fieldByteCount`` big-endian bytes.
    /// - Parameters:
    ///   - peer: the peer's public key, on the same curve.
    ///   - cofactorMode: multiply by the cofactor too (no difference on curves with `h = 1`).
    /// - Returns: the shared secret.
    /// - Throws: `invalidParameter` with `INCOMPATIBLE_OBJECTS` for a key of another curve,
    ///   `POINT_AT_INFINITY` if the product is the point at infinity.
    public func sharedSecret(with peer: ECPublicKey, cofactorMode: Bool = false) throws -> [UInt8] {
        guard peer.curve == curve else {
            throw CryptoError(
                .invalidParameter, "peer key on \(peer.curve.name), not \(curve.name)",
                openSSL: .ecIncompatibleObjects)
        }
        let e = curve.engine
        var k = scalar
        var bits = e.orderBits
        let h = curve.cofactor
        if cofactorMode && !h.isOne {
            k = RSALimbs.multiply(scalar, h.limbs)
            bits += h.bitWidth
        }
        defer { RSALimbs.wipe(&k) }
        let q = peer.point.limbTerm(scalar: [])
        var r = e.multiply(x: q.x, y: q.y, scalar: k, bits: bits)
        defer { r.wipe() }
        guard !r.isInfinity else {
            throw CryptoError(.invalidParameter, "ECDH product is the point at infinity", openSSL: .ecPointAtInfinity)
        }
        return RSALimbs.bytes(r.x, length: e.fieldBytes)
    }
}

extension ECEngine {
    /// A random scalar in `[1, n − 1]` as the order's limb count, by rejection on draws of
    /// n's bit length (OpenSSL's `BN_priv_rand_range` loop): the bytes go into limbs at fixed
    /// positions, "below n and not zero" is a borrow chain and an OR, and only that outcome is
    /// declassified (the number of draws is public).
    func randomScalar(using generator: BigNum.RandomBytes) throws -> [UInt64] {
        let bound = orderLimbs
        let count = bound.count
        let bits = orderBits
        let byteCount = (bits + 7) / 8
        for _ in 0..<100 {
            var bytes = try generator(byteCount)
            defer { SecretWipe.wipe(&bytes) }
            guard bytes.count == byteCount else {
                throw CryptoError(
                    .invalidParameter, "random source gave \(bytes.count) bytes, not \(byteCount)",
                    openSSL: .ecRandomNumberGenerationFailed)
            }
            if bits % 8 != 0 { bytes[0] &= UInt8((1 << (bits % 8)) - 1) }
            var v = [UInt64](repeating: 0, count: count)
            for i in 0..<byteCount { v[i / 8] |= UInt64(bytes[byteCount - 1 - i]) << UInt64((i % 8) * 8) }
            if ConstantTime.declassify(Self.isNonZeroBelow(v, bound)) { return v }
            RSALimbs.wipe(&v)
        }
        throw CryptoError(.invalidParameter, "no random scalar below n", openSSL: .ecTooManyRetries)
    }

    /// Whether `0 < v < bound` (same limb count), without a branch on `v`.
    static func isNonZeroBelow(_ v: [UInt64], _ bound: [UInt64]) -> Bool {
        var borrow: UInt64 = 0
        var any: UInt64 = 0
        for j in 0..<bound.count {
            (_, borrow) = CTLimb.subtract(v[j], bound[j], borrow)
            any |= v[j]
        }
        let nonZero = (any | (0 &- any)) >> 63
        return borrow & nonZero == 1
    }
}
#endif
