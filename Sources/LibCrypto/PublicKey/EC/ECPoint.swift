// Points of a prime-field curve in affine form: construction with the on-curve check, the
// octet-string encodings of SEC 1 2.3.3/2.3.4 and X9.62 (uncompressed 04, compressed 02/03,
// hybrid 06/07, and the point at infinity as the single byte 00) with OpenSSL 3.0's
// EC_POINT_oct2point checks and reasons (crypto/ec/ecp_oct.c), addition, negation and scalar
// multiplication.
//
// Timing: decoding, encoding, the on-curve check, the square root and addition are VARIABLE TIME
// (points are public). ``ECPoint/multiplied(by:)`` is CONSTANT TIME in the scalar and the point
// (ECField.swift); its result is public.

#if EC
/// How a point is written as octets (OpenSSL's `point_conversion_form_t`).
public enum ECPointConversionForm: Sendable, Hashable {
    /// `02`/`03` followed by x: the parity of y in the first byte.
    case compressed
    /// `04` followed by x and y.
    case uncompressed
    /// `06`/`07` (the parity of y) followed by x and y.
    case hybrid
}

/// A point of an ``ECCurve`` in affine coordinates, or the point at infinity. A value of this
/// type is always on its curve: every initializer checks.
public struct ECPoint: Sendable, Hashable {
    /// The curve.
    public let curve: ECCurve
    /// The x-coordinate, in `[0, p)`; 0 for the point at infinity.
    public let x: BigNum
    /// The y-coordinate, in `[0, p)`; 0 for the point at infinity.
    public let y: BigNum
    /// True for the point at infinity (the group's identity).
    public let isInfinity: Bool

    init(trustedX x: BigNum, y: BigNum, curve: ECCurve) {
        self.curve = curve
        self.x = x
        self.y = y
        self.isInfinity = false
    }

    init(infinityOn curve: ECCurve) {
        self.curve = curve
        self.x = .zero
        self.y = .zero
        self.isInfinity = true
    }

    /// A point from a result of the arithmetic (reduced limbs, already public).
    init(_ r: ECAffineLimbs, curve: ECCurve) {
        if r.isInfinity {
            self.init(infinityOn: curve)
        } else {
            self.init(trustedX: BigNum(limbs: r.x), y: BigNum(limbs: r.y), curve: curve)
        }
    }

    /// The point `(x, y)` (`EC_POINT_set_affine_coordinates`).
    /// - Parameters:
    ///   - x: the x-coordinate, in `[0, p)`.
    ///   - y: the y-coordinate, in `[0, p)`.
    ///   - curve: the curve.
    /// - Throws: `invalidParameter` with `COORDINATES_OUT_OF_RANGE` for a coordinate outside
    ///   `[0, p)`, `POINT_IS_NOT_ON_CURVE` if `(x, y)` does not satisfy the curve equation.
    public init(x: BigNum, y: BigNum, curve: ECCurve) throws {
        #if EC2M
        if let g = curve.binaryGroup {
            try self.init(binaryX: x, y: y, curve: curve, group: g)
            return
        }
        #endif
        guard !x.isNegative, !y.isNegative, x < curve.p, y < curve.p else {
            throw CryptoError(.invalidParameter, "coordinate outside [0, p)", openSSL: .ecCoordinatesOutOfRange)
        }
        guard try Self.isOnCurve(x: x, y: y, curve: curve) else {
            throw CryptoError(
                .invalidParameter, "point is not on curve \(curve.name)", openSSL: .ecPointIsNotOnCurve)
        }
        self.init(trustedX: x, y: y, curve: curve)
    }

    /// Whether `y² = x³ + ax + b (mod p)`, for reduced `x` and `y`.
    static func isOnCurve(x: BigNum, y: BigNum, curve: ECCurve) throws -> Bool {
        try y.modSquare(modulus: curve.p) == curveRightHandSide(x: x, curve: curve)
    }

    /// `x³ + ax + b mod p`.
    static func curveRightHandSide(x: BigNum, curve: ECCurve) throws -> BigNum {
        let p = curve.p
        let x2a = try (x.modSquare(modulus: p) + curve.a).nonNegativeRemainder(modulo: p)
        return try (x.modMul(x2a, modulus: p) + curve.b).nonNegativeRemainder(modulo: p)
    }

    /// Decodes an octet string (`EC_POINT_oct2point`): `00` (the point at infinity), `04‖x‖y`,
    /// `02‖x` or `03‖x` (y recovered by a square root, its parity from the first byte), or
    /// `06‖x‖y` / `07‖x‖y` (hybrid: the parity in the first byte must match y). Coordinates are
    /// `BN_num_bytes(p)` bytes each.
    /// - Parameters:
    ///   - encoded: the octets.
    ///   - curve: the curve.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `BUFFER_TOO_SMALL` for empty input;
    ///   `INVALID_ENCODING` for an unknown first byte, a length that does not fit the form, a
    ///   coordinate not below p, or a hybrid parity bit that does not match y;
    ///   `INVALID_COMPRESSED_POINT` for an x with no point; `INVALID_COMPRESSION_BIT` for
    ///   `03‖x` where the only y is 0; `POINT_IS_NOT_ON_CURVE` for an (x, y) off the curve.
    public init(encoded: [UInt8], curve: ECCurve) throws {
        guard let first = encoded.first else {
            throw CryptoError(.invalidParameter, "empty point encoding", openSSL: .ecBufferTooSmall)
        }
        let yBit = first & 1
        let form = first & ~1
        func invalid(_ what: String) -> CryptoError {
            CryptoError(.invalidParameter, "invalid point encoding: \(what)", openSSL: .ecInvalidEncoding)
        }
        guard form == 0 || form == 2 || form == 4 || form == 6 else {
            throw invalid("first byte \(first)")
        }
        guard !((form == 0 || form == 4) && yBit == 1) else { throw invalid("first byte \(first)") }
        if form == 0 {
            guard encoded.count == 1 else { throw invalid("\(encoded.count) bytes for the point at infinity") }
            self.init(infinityOn: curve)
            return
        }
        #if EC2M
        if let g = curve.binaryGroup {
            try self.init(binaryEncoded: encoded, form: form, yBit: yBit, curve: curve, group: g)
            return
        }
        #endif
        let fieldLength = curve.fieldByteCount
        let expected = form == 2 ? 1 + fieldLength : 1 + 2 * fieldLength
        guard encoded.count == expected else {
            throw invalid("\(encoded.count) bytes, not \(expected), on \(curve.name)")
        }
        let x = try BigNum(bytes: encoded[1..<(1 + fieldLength)])
        guard x < curve.p else { throw invalid("x not below p") }
        if form == 2 {
            let rhs = try Self.curveRightHandSide(x: x, curve: curve)
            var y: BigNum
            do {
                y = try rhs.modSqrt(prime: curve.p)
            } catch {
                throw CryptoError(
                    .invalidParameter, "no point with this x on \(curve.name)", openSSL: .ecInvalidCompressedPoint)
            }
            if (y.isOdd ? 1 : 0) != yBit {
                guard !y.isZero else {
                    throw CryptoError(
                        .invalidParameter, "y is 0 but the compression bit is 1", openSSL: .ecInvalidCompressionBit)
                }
                y = curve.p - y
            }
            self.init(trustedX: x, y: y, curve: curve)
            return
        }
        let y = try BigNum(bytes: encoded[(1 + fieldLength)...])
        guard y < curve.p else { throw invalid("y not below p") }
        if form == 6 && (y.isOdd ? 1 : 0) != yBit { throw invalid("hybrid parity bit does not match y") }
        try self.init(x: x, y: y, curve: curve)
    }

    /// The octet string of the point (`EC_POINT_point2oct`): the single byte `00` for the
    /// point at infinity, else the first byte of `form` and the coordinates, each
    /// ``ECCurve/fieldByteCount`` bytes.
    /// - Parameter form: compressed, uncompressed (the default, as OpenSSL's) or hybrid.
    /// - Returns: the octets.
    public func encoded(_ form: ECPointConversionForm = .uncompressed) -> [UInt8] {
        if isInfinity { return [0] }
        let length = curve.fieldByteCount
        let xb = (try? x.bytes(paddedTo: length)) ?? []
        let yb = (try? y.bytes(paddedTo: length)) ?? []
        if form == .uncompressed { return [4] + xb + yb }
        // The parity bit; on a binary curve the low bit of y/x, an inversion, so only when a
        // form carries it.
        var parity: UInt8 = y.isOdd ? 1 : 0
        #if EC2M
        if let g = curve.binaryGroup { parity = UInt8(binaryCompressionBit(g)) }
        #endif
        switch form {
        case .compressed: return [2 | parity] + xb
        case .uncompressed: return [4] + xb + yb
        case .hybrid: return [6 | parity] + xb + yb
        }
    }

    /// `−P`: `(x, p − y)`; the point at infinity is its own negative.
    public func negated() -> ECPoint {
        #if EC2M
        if let g = curve.binaryGroup { return binaryNegated(g) }
        #endif
        if isInfinity || y.isZero { return self }
        return ECPoint(trustedX: x, y: curve.p - y, curve: curve)
    }

    /// `P + Q` (`EC_POINT_add`), VARIABLE TIME (public points).
    /// - Parameter other: a point of the same curve.
    /// - Returns: the sum.
    /// - Throws: `invalidParameter` (`INCOMPATIBLE_OBJECTS`) for a point of another curve.
    public func adding(_ other: ECPoint) throws -> ECPoint {
        guard other.curve == curve else {
            throw CryptoError(.invalidParameter, "points of different curves", openSSL: .ecIncompatibleObjects)
        }
        let e = curve.engine
        var terms: [(x: [UInt64], y: [UInt64], scalar: [UInt64])] = []
        for q in [self, other] where !q.isInfinity { terms.append(q.limbTerm(scalar: [1])) }
        if terms.isEmpty { return curve.infinity }
        return ECPoint(e.linearCombination(terms), curve: curve)
    }

    /// The point's coordinates as field limbs, with a scalar, for the engine.
    func limbTerm(scalar: [UInt64]) -> (x: [UInt64], y: [UInt64], scalar: [UInt64]) {
        let n = curve.engine.n
        return (MontgomeryContext.padded(x.limbs, n), MontgomeryContext.padded(y.limbs, n), scalar)
    }

    /// `k·P` (`EC_POINT_mul`), CONSTANT TIME in `k` and the point: a fixed window over
    /// `max(bits of the order, 64 × limbs of k)` bit positions (ECField.swift). Any
    /// non-negative `k` is taken, also one not below the order.
    /// - Parameter scalar: `k ≥ 0`.
    /// - Returns: `k·P`.
    /// - Throws: `invalidParameter` for a negative scalar or one above ``BigNum/maxBits``.
    public func multiplied(by scalar: BigNum) throws -> ECPoint {
        guard !scalar.isNegative else { throw CryptoError(.invalidParameter, "negative scalar") }
        if isInfinity { return self }
        let e = curve.engine
        let bits = max(e.orderBits, scalar.limbs.count * 64)
        let k = MontgomeryContext.padded(scalar.limbs, (bits + 63) / 64)
        let t = limbTerm(scalar: [])
        var r = e.multiply(x: t.x, y: t.y, scalar: k, bits: bits)
        defer { r.wipe() }
        return ECPoint(
            ECAffineLimbs(
                x: ConstantTime.declassify(r.x), y: ConstantTime.declassify(r.y), isInfinity: r.isInfinity),
            curve: curve)
    }

    /// `k·P` for a PUBLIC scalar, VARIABLE TIME (verification, key checks).
    func multipliedPublic(by scalar: [UInt64]) -> ECPoint {
        if isInfinity { return self }
        return ECPoint(curve.engine.linearCombination([limbTerm(scalar: scalar)]), curve: curve)
    }
}
#endif
