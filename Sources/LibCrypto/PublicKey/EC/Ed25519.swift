// Ed25519 (RFC 8032 §5.1): pure Ed25519, Ed25519ctx and Ed25519ph on edwards25519, with
// verification accepting exactly what OpenSSL 3.0's ossl_ed25519_verify accepts
// (crypto/ec/curve25519.c):
//   - S must be below L (checked on the bytes, variable time: S is public);
//   - A is decoded as `ge_frombytes_vartime` decodes it: bit 255 is the sign of x, the other
//     255 bits are y taken modulo p (a y ≥ p is NOT rejected), x = 0 with the sign bit set is
//     NOT rejected (x stays 0), and only a y with no x (not a square) fails;
//   - R is never decoded: [S]B − [k]A is encoded canonically and compared with the 32 bytes of
//     R, so a non-canonical R fails;
//   - the equation is cofactorless ([S]B = R + [k]A, no multiplication by 8), and small-order A
//     or R are not rejected.
// OpenSSL 3.0 has no Ed25519ctx or Ed25519ph (3.2 added them); those follow RFC 8032 §5.1's
// dom2 prefix with the same checks.
//
// Timing.
//   - CONSTANT TIME (secrets: the seed, the clamped scalar a, the prefix, the nonce r):
//     `Edwards25519.baseMultiply` (64 signed radix-16 digits computed without branches, each
//     table row of 8 precomputed points read whole and picked with masks, a masked negation),
//     `Scalar25519.reduce` / `multiplyAdd` (Barrett reduction on fixed limb counts, the final
//     subtractions by mask), point encoding (fixed-chain inversion), hence
//     `Ed25519PrivateKey.init`, `generate` and `signature(for:context:prehash:)`. The public
//     key and the signature are declassified where they are published.
//   - VARIABLE TIME (public data): `Ed25519PublicKey.init` (point decoding) and `verify`
//     (the S < L check, a 4-bit window multiplication of A), and the one-time building of the
//     base-point table.

#if EC
/// The group edwards25519: −x² + y² = 1 + d·x²·y² over GF(2^255 − 19) (RFC 8032 §5.1).
enum Edwards25519 {
    typealias FE = FieldElement25519

    /// d = −121665/121666.
    static let d: FE = (-FE(small: 121665)) * FE(small: 121666).inverse()
    /// 2d.
    static let d2: FE = d + d
    /// √−1 = 2^((p − 1)/4).
    static let sqrtM1: FE = {
        var e = [UInt8](repeating: 0xff, count: 32)  // (p − 1)/4 = 2^253 − 5, little-endian
        e[0] = 0xfb
        e[31] = 0x1f
        return FE(small: 2).power(publicExponent: e)
    }()

    /// The base point B: y = 4/5, x "positive" (even) (RFC 8032 §5.1).
    static let base: Point = {
        var bytes = (FE(small: 4) * FE(small: 5).inverse()).encoded()
        bytes[31] &= 0x7f
        // 4/5 has an x, so decoding cannot fail; the fallback is never taken.
        return decode(bytes) ?? Point.identity
    }()

    /// A point in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, x·y = T/Z.
    struct Point: Sendable {
        var x: FE
        var y: FE
        var z: FE
        var t: FE

        static let identity = Point(x: .zero, y: .one, z: .one, t: .zero)

        /// P + Q (RFC 8032 §5.1.4, add-2008-hwcd-3). Complete: any inputs.
        func adding(_ q: Point) -> Point {
            let a = (y - x) * (q.y - q.x)
            let b = (y + x) * (q.y + q.x)
            let c = t * d2 * q.t
            let dd = z * (q.z + q.z)
            return Point.finish(a: a, b: b, c: c, d: dd)
        }

        /// P + Q for Q in affine Niels form (Z = 1).
        func adding(_ q: Niels) -> Point {
            let a = (y - x) * q.yMinusX
            let b = (y + x) * q.yPlusX
            let c = t * q.xy2d
            let dd = z + z
            return Point.finish(a: a, b: b, c: c, d: dd)
        }

        @inline(__always)
        static func finish(a: FE, b: FE, c: FE, d: FE) -> Point {
            let e = b - a
            let f = d - c
            let g = d + c
            let h = b + a
            return Point(x: e * f, y: g * h, z: f * g, t: e * h)
        }

        /// 2P (RFC 8032 §5.1.4, dbl-2008-hwcd).
        func doubled() -> Point {
            let a = x.squared()
            let b = y.squared()
            let zz = z.squared()
            let c = zz + zz
            let h = a + b
            let e = h - (x + y).squared()
            let g = a - b
            let f = c + g
            return Point(x: e * f, y: g * h, z: f * g, t: e * h)
        }

        /// −P.
        func negated() -> Point { Point(x: -x, y: y, z: z, t: -t) }

        /// The 32-byte encoding (RFC 8032 §5.1.2): y, with the low bit of x in bit 255.
        /// Constant time.
        func encoded() -> [UInt8] { affine().affineEncoding() }

        /// The same point with Z = 1: (X/Z, Y/Z, 1, X·Y/Z²). Constant time (fixed-chain inversion).
        func affine() -> Point {
            let zInverse = z.inverse()
            let ax = x * zInverse
            let ay = y * zInverse
            return Point(x: ax, y: ay, z: .one, t: ax * ay)
        }

        /// The encoding of a point with Z = 1 (from ``affine()``). Constant time.
        func affineEncoding() -> [UInt8] {
            var out = y.encoded()
            out[31] |= UInt8(truncatingIfNeeded: x.isNegative()) << 7
            return out
        }

        /// The point with every limb declassified (a public key, published by design).
        func declassified() -> Point {
            func d(_ f: FE) -> FE {
                FE(
                    ConstantTime.declassify(f.l0), ConstantTime.declassify(f.l1), ConstantTime.declassify(f.l2),
                    ConstantTime.declassify(f.l3), ConstantTime.declassify(f.l4))
            }
            return Point(x: d(x), y: d(y), z: d(z), t: d(t))
        }

        mutating func wipe() {
            x.wipe()
            y.wipe()
            z.wipe()
            t.wipe()
        }
    }

    /// An affine point as (y + x, y − x, 2d·x·y), for mixed addition.
    struct Niels: Sendable {
        var yPlusX: FE
        var yMinusX: FE
        var xy2d: FE

        static let identity = Niels(yPlusX: .one, yMinusX: .one, xy2d: .zero)

        init(yPlusX: FE, yMinusX: FE, xy2d: FE) {
            self.yPlusX = yPlusX
            self.yMinusX = yMinusX
            self.xy2d = xy2d
        }

        init(_ p: Point) {
            let zInverse = p.z.inverse()
            let ax = p.x * zInverse
            let ay = p.y * zInverse
            self.init(yPlusX: ay + ax, yMinusX: ay - ax, xy2d: ax * ay * d2)
        }

        /// `b` where `mask` is all ones, `a` where it is 0.
        @inline(__always)
        static func select(_ mask: UInt64, _ b: Niels, else a: Niels) -> Niels {
            Niels(
                yPlusX: FE.select(mask, b.yPlusX, else: a.yPlusX),
                yMinusX: FE.select(mask, b.yMinusX, else: a.yMinusX),
                xy2d: FE.select(mask, b.xy2d, else: a.xy2d))
        }
    }

    /// Row j holds k·256^j·B for k = 1…8, in affine Niels form. Public data, built once.
    static let baseTable: [[Niels]] = {
        var rows: [[Niels]] = []
        rows.reserveCapacity(32)
        var p = base
        for _ in 0..<32 {
            var row: [Niels] = []
            row.reserveCapacity(8)
            var q = p
            for k in 1...8 {
                row.append(Niels(q))
                if k < 8 { q = q.adding(p) }
            }
            rows.append(row)
            for _ in 0..<8 { p = p.doubled() }
        }
        return rows
    }()

    /// Decodes a point as OpenSSL's `ge_frombytes_vartime` does (see the file header): nil only
    /// when the y has no x. Variable time (public keys only).
    static func decode(_ s: [UInt8]) -> Point? {
        let y = FE(bytes: s)
        let y2 = y.squared()
        let u = y2 - .one  // y² − 1
        let v = y2 * d + .one  // d·y² + 1
        let v3 = v.squared() * v
        var x = (v3.squared() * v * u).powerP58() * v3 * u  // u·v³·(u·v⁷)^((p−5)/8)
        let vxx = x.squared() * v
        if (vxx - u).isZeroMask() == 0 {
            if (vxx + u).isZeroMask() == 0 { return nil }
            x = x * sqrtM1
        }
        if x.isNegative() != UInt64(s[31] >> 7) { x = -x }
        return Point(x: x, y: y, z: .one, t: x * y)
    }

    /// [a]B for a 32-byte little-endian scalar below 2^255. Constant time in `a`.
    static func baseMultiply(_ a: [UInt8]) -> Point {
        // Signed radix-16 digits e[i] in −8…8 with a = Σ e[i]·16^i, carried without branches.
        var e = [Int8](repeating: 0, count: 64)
        defer { e.withUnsafeMutableBytes { SecretWipe.wipe($0) } }
        for i in 0..<32 {
            e[2 * i] = Int8(truncatingIfNeeded: a[i] & 15)
            e[2 * i + 1] = Int8(truncatingIfNeeded: (a[i] >> 4) & 15)
        }
        var carry: Int8 = 0
        for i in 0..<63 {
            e[i] &+= carry
            carry = (e[i] &+ 8) &>> 4
            e[i] &-= carry &<< 4
        }
        e[63] &+= carry
        let table = baseTable
        var h = Point.identity
        for i in stride(from: 1, to: 64, by: 2) { h = h.adding(select(table[i / 2], e[i])) }
        h = h.doubled().doubled().doubled().doubled()
        for i in stride(from: 0, to: 64, by: 2) { h = h.adding(select(table[i / 2], e[i])) }
        return h
    }

    /// |b|·row (the identity for 0), negated when b < 0: every entry is read and picked by mask.
    @inline(__always)
    static func select(_ row: [Niels], _ b: Int8) -> Niels {
        let wide = Int64(b)
        let sign = wide &>> 63  // 0 or −1
        let magnitude = UInt64(bitPattern: (wide ^ sign) &- sign)
        var t = Niels.identity
        for k in 1...8 {
            let equal = ((magnitude ^ UInt64(k)) &- 1) >> 63
            t = Niels.select(CTLimb.mask(equal), row[k - 1], else: t)
        }
        let negative = Niels(yPlusX: t.yMinusX, yMinusX: t.yPlusX, xy2d: -t.xy2d)
        return Niels.select(CTLimb.mask(UInt64(bitPattern: -sign)), negative, else: t)
    }

    /// [k]P for a public 32-byte scalar (unsigned 4-bit window). Variable time.
    static func multiplyVartime(_ k: [UInt8], _ p: Point) -> Point {
        var table = [Point.identity, p]
        for i in 2..<16 { table.append(table[i - 1].adding(p)) }
        var q = Point.identity
        for i in stride(from: 63, through: 0, by: -1) {
            q = q.doubled().doubled().doubled().doubled()
            let nibble = Int((k[i / 2] >> UInt8(4 * (i & 1))) & 15)
            if nibble != 0 { q = q.adding(table[nibble]) }
        }
        return q
    }
}

/// Scalars modulo L = 2^252 + 27742317777372353535851937790883648493, in little-endian 64-bit
/// limbs. Constant time: fixed limb counts, carries through UInt128, subtractions by mask.
enum Scalar25519 {
    /// L.
    static let order: [UInt64] = [0x5812_631a_5cf5_d3ed, 0x14de_f9de_a2f7_9cd6, 0, 0x1000_0000_0000_0000, 0]
    /// μ = ⌊2^512 / L⌋ (Barrett's constant, HAC 14.42 with b = 2^64, k = 4).
    static let mu: [UInt64] = [
        0xed9c_e5a3_0a2c_131b, 0x2106_215d_0863_29a7, 0xffff_ffff_ffff_ffeb, 0xffff_ffff_ffff_ffff, 0xf,
    ]

    /// The product of two limb arrays, `a.count + b.count` limbs.
    static func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var r = [UInt64](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            for j in 0..<b.count {
                (r[i + j], carry) = CTLimb.multiplyAdd(a[i], b[j], r[i + j], carry)
            }
            r[i + b.count] = carry
        }
        return r
    }

    /// `x` (8 limbs, any value below 2^512) modulo L, as 4 limbs.
    static func reduce(_ x: [UInt64]) -> [UInt64] {
        var q1 = Array(x[3..<8])
        var q2 = multiply(q1, mu)
        var q3 = Array(q2[5..<10])
        var r2 = multiply(q3, Array(order[0..<4]))
        defer {
            wipeLimbs(&q1)
            wipeLimbs(&q2)
            wipeLimbs(&q3)
            wipeLimbs(&r2)
        }
        var r = [UInt64](repeating: 0, count: 5)
        var borrow: UInt64 = 0
        for i in 0..<5 { (r[i], borrow) = CTLimb.subtract(x[i], r2[i], borrow) }
        // r < 3L: at most two subtractions of L, each taken by mask.
        for _ in 0..<2 {
            var t = [UInt64](repeating: 0, count: 5)
            borrow = 0
            for i in 0..<5 { (t[i], borrow) = CTLimb.subtract(r[i], order[i], borrow) }
            let keep = CTLimb.mask(borrow)  // borrow: r < L, keep r
            for i in 0..<5 { r[i] = CTLimb.select(keep, r[i], t[i]) }
        }
        return Array(r[0..<4])
    }

    /// (k·a + r) mod L for k, a, r of 4 limbs each with k·a + r < 2^512.
    static func multiplyAdd(_ k: [UInt64], _ a: [UInt64], _ r: [UInt64]) -> [UInt64] {
        var x = multiply(k, a)
        var carry: UInt64 = 0
        for i in 0..<8 { (x[i], carry) = CTLimb.add(x[i], i < 4 ? r[i] : 0, carry) }
        defer { wipeLimbs(&x) }
        return reduce(x)
    }

    /// Little-endian bytes to limbs (the byte count a multiple of 8).
    static func limbs(_ bytes: [UInt8]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: bytes.count / 8)
        for i in 0..<bytes.count { out[i / 8] |= UInt64(bytes[i]) << (8 * UInt64(i % 8)) }
        return out
    }

    /// Limbs to little-endian bytes.
    static func bytes(_ limbs: [UInt64]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 8 * limbs.count)
        for i in 0..<out.count { out[i] = UInt8(truncatingIfNeeded: limbs[i / 8] >> (8 * UInt64(i % 8))) }
        return out
    }

    /// A 64-byte digest modulo L, as 32 bytes.
    static func reduceDigest(_ digest: [UInt8]) -> [UInt8] {
        var wide = limbs(digest)
        defer { wipeLimbs(&wide) }
        return bytes(reduce(wide))
    }

    static func wipeLimbs(_ limbs: inout [UInt64]) {
        limbs.withUnsafeMutableBytes { SecretWipe.wipe($0) }
    }
}

/// The RFC 8032 variant a signature is made with, and its dom2 prefix.
private enum Ed25519Domain {
    static let maxContext = 255

    /// dom2(phflag, context) (RFC 8032 §5.1): empty for pure Ed25519.
    static func prefix(context: [UInt8]?, prehash: Bool) throws -> [UInt8] {
        guard context != nil || prehash else { return [] }
        let ctx = context ?? []
        guard ctx.count <= maxContext else {
            throw CryptoError(.invalidParameter, "Ed25519 context of \(ctx.count) bytes, above 255")
        }
        return Array("SigEd25519 no Ed25519 collisions".utf8) + [prehash ? 1 : 0, UInt8(ctx.count)] + ctx
    }

    /// PH(M): SHA-512 for Ed25519ph, the message itself otherwise.
    static func message(_ message: [UInt8], prehash: Bool) -> [UInt8] {
        prehash ? SHA512.hash(message) : message
    }
}

/// An Ed25519 private key (RFC 8032 §5.1.5): the 32-byte seed, with the clamped scalar, the
/// nonce prefix and the public key derived from it, as OpenSSL's `ED25519` EVP_PKEY.
public struct Ed25519PrivateKey: Sendable {
    /// The seed.
    private let seed: [UInt8]
    /// The clamped scalar s (first half of SHA-512(seed)).
    private let scalar: [UInt8]
    /// The nonce prefix (second half of SHA-512(seed)).
    private let prefix: [UInt8]

    /// The public key, A = [s]B.
    public let publicKey: Ed25519PublicKey

    /// A private key from its 32-byte seed (OpenSSL's raw private key). The public key is
    /// computed in constant time.
    /// - Parameter seed: the 32-byte seed.
    /// - Throws: `invalidParameter` (OpenSSL's `EC_R_INVALID_ENCODING`) unless `seed` has 32 bytes.
    public init(rawRepresentation seed: [UInt8]) throws {
        guard seed.count == 32 else {
            throw CryptoError(
                .invalidParameter, "Ed25519 private key of \(seed.count) bytes, not 32",
                openSSL: .curve25519InvalidEncoding)
        }
        var h = SHA512.hash(seed)
        defer { SecretWipe.wipe(&h) }
        var s = Array(h[0..<32])
        s[0] &= 248
        s[31] &= 63
        s[31] |= 64
        self.seed = seed
        self.scalar = s
        self.prefix = Array(h[32..<64])
        // A's point is kept as computed (made affine), not decoded again from its encoding:
        // decoding is variable time in A (a square root, branches on √−1 and the sign of x),
        // which made key creation's time follow the key (dudect, docs/constant-time.md,
        // session 14). A is public; the point's limbs are declassified with it.
        let point = Edwards25519.baseMultiply(s).affine()
        let a = point.affineEncoding()
        self.publicKey = Ed25519PublicKey(
            trusted: a.map { UInt8(truncatingIfNeeded: ConstantTime.declassify(UInt64($0))) },
            point: point.declassified())
    }

    /// The 32-byte seed (OpenSSL's raw private key).
    public var rawRepresentation: [UInt8] { seed }

    /// A new key from 32 bytes of the process DRBG (``Random``).
    /// - Returns: the key.
    /// - Throws: what the random source throws.
    public static func generate() throws -> Ed25519PrivateKey {
        var seed = try Random.bytes(count: 32)
        defer { SecretWipe.wipe(&seed) }
        return try Ed25519PrivateKey(rawRepresentation: seed)
    }

    /// Signs a message (RFC 8032 §5.1.6). Deterministic: the same key, message and options give
    /// the same signature. Constant time in the key and the nonce.
    /// - Parameters:
    ///   - message: the message (for Ed25519ph, the message that is hashed with SHA-512 here).
    ///   - context: nil for pure Ed25519 (with `prehash` false); 0 to 255 bytes for Ed25519ctx,
    ///     or the context of Ed25519ph.
    ///   - prehash: true for Ed25519ph: the message is hashed with SHA-512 first, and the dom2
    ///     prefix has phflag 1 (with `context`, or an empty one when it is nil).
    /// - Returns: the 64-byte signature R ‖ S.
    /// - Throws: `invalidParameter` for a context longer than 255 bytes.
    public func signature(for message: [UInt8], context: [UInt8]? = nil, prehash: Bool = false) throws -> [UInt8] {
        let dom = try Ed25519Domain.prefix(context: context, prehash: prehash)
        let m = Ed25519Domain.message(message, prehash: prehash)
        var hasher = SHA512()
        hasher.update(dom)
        hasher.update(prefix)
        hasher.update(m)
        var nonceDigest = hasher.finalize()
        var r = Scalar25519.reduceDigest(nonceDigest)
        SecretWipe.wipe(&nonceDigest)
        defer { SecretWipe.wipe(&r) }
        var rPoint = Edwards25519.baseMultiply(r)
        let encodedR = rPoint.encoded().map { UInt8(truncatingIfNeeded: ConstantTime.declassify(UInt64($0))) }
        rPoint.wipe()
        var kHasher = SHA512()
        kHasher.update(dom)
        kHasher.update(encodedR)
        kHasher.update(publicKey.rawRepresentation)
        kHasher.update(m)
        let k = Scalar25519.reduceDigest(kHasher.finalize())
        var rLimbs = Scalar25519.limbs(r)
        var aLimbs = Scalar25519.limbs(scalar)
        defer {
            Scalar25519.wipeLimbs(&rLimbs)
            Scalar25519.wipeLimbs(&aLimbs)
        }
        let s = ConstantTime.declassify(Scalar25519.multiplyAdd(Scalar25519.limbs(k), aLimbs, rLimbs))
        return encodedR + Scalar25519.bytes(s)
    }
}

/// An Ed25519 public key: the 32-byte encoding of A, as OpenSSL's raw public key.
///
/// Decoding follows OpenSSL 3.0 (`ge_frombytes_vartime`), not RFC 8032 §5.1.3's strict rules:
/// a y at or above p is taken modulo p and x = 0 with the sign bit set is accepted, so that
/// exactly the keys OpenSSL verifies with are usable here; only a y with no matching x throws.
/// ``rawRepresentation`` keeps the bytes as given (they enter the signature hash).
public struct Ed25519PublicKey: Sendable, Hashable {
    private let bytes: [UInt8]
    private let point: Edwards25519.Point

    /// A public key from its 32-byte encoding.
    /// - Parameter rawRepresentation: the 32-byte encoding of A (RFC 8032 §5.1.2).
    /// - Throws: `invalidParameter` (OpenSSL's `EC_R_INVALID_ENCODING`) unless it has 32 bytes;
    ///   `invalidParameter` when no point has that y (OpenSSL accepts such a key and fails
    ///   every verification with it).
    public init(rawRepresentation: [UInt8]) throws {
        guard rawRepresentation.count == 32 else {
            throw CryptoError(
                .invalidParameter, "Ed25519 public key of \(rawRepresentation.count) bytes, not 32",
                openSSL: .curve25519InvalidEncoding)
        }
        guard let p = Edwards25519.decode(rawRepresentation) else {
            throw CryptoError(.invalidParameter, "Ed25519 public key is not the encoding of a curve point")
        }
        self.bytes = rawRepresentation
        self.point = p
    }

    /// A public key computed from a private key: its encoding and its point (Z = 1), which
    /// decoding the encoding would give (without decoding's variable time).
    fileprivate init(trusted bytes: [UInt8], point: Edwards25519.Point) {
        self.bytes = bytes
        self.point = point
    }

    /// The 32-byte encoding, as given to ``init(rawRepresentation:)`` or computed.
    public var rawRepresentation: [UInt8] { bytes }

    /// Keys are equal when their encodings are.
    public static func == (a: Ed25519PublicKey, b: Ed25519PublicKey) -> Bool { a.bytes == b.bytes }

    /// Hashes the encoding, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    /// Verifies a signature (RFC 8032 §5.1.7, cofactorless, with OpenSSL 3.0's checks: see the
    /// type's discussion). Variable time (everything here is public).
    /// - Parameters:
    ///   - signature: the 64-byte signature R ‖ S.
    ///   - message: the message (for Ed25519ph, the message that is hashed with SHA-512 here).
    ///   - context: nil for pure Ed25519 (with `prehash` false); 0 to 255 bytes for Ed25519ctx,
    ///     or the context of Ed25519ph.
    ///   - prehash: true for Ed25519ph.
    /// - Throws: `authenticationFailure` when the signature is not 64 bytes, S ≥ L, or
    ///   [S]B ≠ R + [k]A as encodings (OpenSSL fails these without a reason);
    ///   `invalidParameter` for a context longer than 255 bytes.
    public func verify(signature: [UInt8], message: [UInt8], context: [UInt8]? = nil, prehash: Bool = false) throws {
        let dom = try Ed25519Domain.prefix(context: context, prehash: prehash)
        guard signature.count == 64 else {
            throw CryptoError(.authenticationFailure, "Ed25519 signature of \(signature.count) bytes, not 64")
        }
        let r = Array(signature[0..<32])
        let s = Array(signature[32..<64])
        guard Self.isBelowOrder(s) else {
            throw CryptoError(.authenticationFailure, "Ed25519 signature S is not below the group order")
        }
        var hasher = SHA512()
        hasher.update(dom)
        hasher.update(r)
        hasher.update(bytes)
        hasher.update(Ed25519Domain.message(message, prehash: prehash))
        let k = Scalar25519.reduceDigest(hasher.finalize())
        let check = Edwards25519.baseMultiply(s).adding(Edwards25519.multiplyVartime(k, point.negated()))
        guard check.encoded() == r else {
            throw CryptoError(.authenticationFailure, "Ed25519 signature does not verify")
        }
    }

    /// S < L, compared on the little-endian bytes from the top (variable time, S is public).
    static func isBelowOrder(_ s: [UInt8]) -> Bool {
        let order = Scalar25519.bytes(Array(Scalar25519.order[0..<4]))
        for i in stride(from: 31, through: 0, by: -1) where s[i] != order[i] {
            return s[i] < order[i]
        }
        return false
    }
}
#endif
