// Ed448 and Ed448ph (RFC 8032 §5.2): keys, signing with an optional context, verification with
// the acceptance of OpenSSL 3.0's `ossl_c448_ed448_verify` (crypto/ec/curve448/eddsa.c).
//
// What verification accepts, as OpenSSL does:
//   - S (the signature's last 57 bytes, little-endian) must be below the group order ℓ; its top
//     byte must therefore be 0.
//   - A (the public key) and R (the signature's first 57 bytes) decode as OpenSSL's
//     `ossl_curve448_point_decode_like_eddsa_and_mul_by_ratio` decodes: bits 448–454 zero, y
//     below p, and (1 − y²)(1 − d·y²) a non-zero square. So y = ±1 (the identity and the point
//     of order 2) is refused, and x = 0 never arises; non-canonical y is refused.
//   - OpenSSL compares [s]B − [c]A and R after mapping both through its 4-isogeny, whose kernel
//     is the whole rational 4-torsion: the check is the cofactored [4]([s]B − [c]A − R) = O,
//     which is what this file computes (c is the challenge reduced mod ℓ).
//
// Timing.
//   - CONSTANT TIME: Ed448PrivateKey.init / generate (the public key [s]B) and signature(for:…)
//     ([r]B and S = r + k·s mod ℓ): the scalars are reduced mod ℓ by Scalar448.reduce (fixed-length
//     limb folds, Curve448Field.swift), the base-point multiplication is a 4-bit fixed window
//     over all 112 digits with complete Edwards formulas, and each table entry is chosen by
//     scanning all 16 entries with masks (no index or branch on a digit). Encoding inverts Z by a
//     fixed exponent chain. Secret intermediates are wiped.
//   - VARIABLE TIME (public data only): Ed448PublicKey.init (decoding), verify (decoding, the S
//     range check, the cofactored comparison).

#if EC
/// An Ed448 public key (RFC 8032 §5.2.5): the 57-byte encoding of the point A.
public struct Ed448PublicKey: Sendable, Hashable {
    /// The 57-byte encoding.
    private let bytes: [UInt8]

    /// A public key from its 57-byte encoding.
    /// - Parameter rawRepresentation: 57 bytes; the encoding must decode as OpenSSL decodes
    ///   points for verification (canonical y, bits 448–454 clear, x recoverable, y ≠ ±1).
    /// - Throws: `invalidParameter` (`EC_R_INVALID_ENCODING`) for a length other than 57, a
    ///   non-canonical encoding or one that is not a point.
    public init(rawRepresentation: [UInt8]) throws {
        guard rawRepresentation.count == Ed448.encodedLength else {
            throw CryptoError(
                .invalidParameter, "Ed448 public key of \(rawRepresentation.count) bytes, not 57",
                openSSL: Ed448.invalidEncoding)
        }
        guard Ed448Point(decoding: rawRepresentation) != nil else {
            throw CryptoError(
                .invalidParameter, "Ed448 public key is not a canonical point encoding", openSSL: Ed448.invalidEncoding)
        }
        bytes = rawRepresentation
    }

    /// An already validated encoding (our own public key).
    init(validated bytes: [UInt8]) { self.bytes = bytes }

    /// The 57-byte encoding.
    public var rawRepresentation: [UInt8] { bytes }

    /// Verifies an Ed448 (or Ed448ph) signature.
    ///
    /// Throws CryptoError on any failure. Matches OpenSSL 3.0's `ossl_ed448_verify` acceptance:
    /// S must be below the group order, R must decode as a point (canonical, y ≠ ±1), and the
    /// equation is checked cofactored, [4]([S]B − [k]A − R) = O.
    /// - Parameters:
    ///   - signature: the 114-byte signature R ‖ S.
    ///   - message: the message (for Ed448ph, the message itself; it is hashed here).
    ///   - context: 0…255 bytes of context (empty = none).
    ///   - prehash: true for Ed448ph (the message is replaced by SHAKE256(message, 64)).
    /// - Throws: `invalidParameter` for a context longer than 255 bytes; `authenticationFailure`
    ///   for a signature that is not 114 bytes, whose S is not below ℓ, whose R does not decode,
    ///   or that does not verify.
    public func verify(signature: [UInt8], message: [UInt8], context: [UInt8] = [], prehash: Bool = false) throws {
        guard context.count <= 255 else {
            throw CryptoError(.invalidParameter, "Ed448 context of \(context.count) bytes, above 255")
        }
        guard signature.count == Ed448.signatureLength else {
            throw CryptoError(.authenticationFailure, "Ed448 signature of \(signature.count) bytes, not 114")
        }
        let rBytes = Array(signature[0..<57])
        let sBytes = Array(signature[57..<114])
        guard Scalar448.isBelowOrder(sBytes) else {
            throw CryptoError(.authenticationFailure, "Ed448 signature S is not below the group order")
        }
        guard let a = Ed448Point(decoding: bytes) else {
            throw CryptoError(.authenticationFailure, "Ed448 public key does not decode")
        }
        guard let r = Ed448Point(decoding: rBytes) else {
            throw CryptoError(.authenticationFailure, "Ed448 signature R does not decode")
        }
        let m = try Ed448.messageInput(message, prehash: prehash)
        let kHash = try Ed448.shake(
            [Ed448.dom4(prehash: prehash, context: context), rBytes, bytes, m], count: 114)
        let k = Scalar448.reduce(Scalar448.limbs(kHash), bits: 912)
        let s = Scalar448.reduce(Scalar448.limbs(sBytes), bits: 456)
        let sB = Ed448Point.base.multiplied(by: s)
        let kA = a.multiplied(by: k)
        let diff = sB.adding(kA.negated()).adding(r.negated()).doubled().doubled()
        guard diff.isIdentity else { throw CryptoError(.authenticationFailure, "Ed448 signature mismatch") }
    }
}

/// An Ed448 private key (RFC 8032 §5.2.5): a 57-byte random seed, from which the signing
/// scalar, the nonce prefix and the public key are derived with SHAKE256.
public struct Ed448PrivateKey: Sendable {
    /// The seed, wiped when the last copy of the key goes.
    private final class Seed: @unchecked Sendable {
        // Written only in init and in deinit (wiped); read otherwise.
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        deinit { SecretWipe.wipe(&bytes) }
    }

    private let seed: Seed

    /// The public key of this private key.
    public let publicKey: Ed448PublicKey

    /// A private key from its 57-byte seed.
    /// - Parameter seed: the 57-byte seed (RFC 8032's private key).
    /// - Throws: `invalidParameter` (`EC_R_INVALID_ENCODING`) for a length other than 57.
    public init(rawRepresentation seed: [UInt8]) throws {
        guard seed.count == Ed448.encodedLength else {
            throw CryptoError(
                .invalidParameter, "Ed448 private key of \(seed.count) bytes, not 57", openSSL: Ed448.invalidEncoding)
        }
        self.seed = Seed(seed)
        var expanded = try Ed448.expand(seed)
        defer { Ed448.wipe(&expanded) }
        publicKey = Ed448PublicKey(validated: Ed448Point.base.multiplied(by: expanded.scalar).encoded())
    }

    /// The 57-byte seed.
    public var rawRepresentation: [UInt8] { seed.bytes }

    /// A new private key: a 57-byte seed from the process DRBG.
    /// - Returns: the key.
    /// - Throws: whatever the random source throws.
    public static func generate() throws -> Ed448PrivateKey {
        var bytes = try Random.bytes(count: Ed448.encodedLength)
        defer { SecretWipe.wipe(&bytes) }
        return try Ed448PrivateKey(rawRepresentation: bytes)
    }

    /// Signs `message` (RFC 8032 §5.2.6; deterministic).
    ///
    /// context: 0...255 bytes (empty = none); prehash true = Ed448ph (SHAKE256(message, 64)).
    /// - Parameters:
    ///   - message: the message (for Ed448ph, the message itself; it is hashed here).
    ///   - context: 0…255 bytes of context (empty = none).
    ///   - prehash: true for Ed448ph.
    /// - Returns: the 114-byte signature R ‖ S.
    /// - Throws: `invalidParameter` for a context longer than 255 bytes.
    public func signature(for message: [UInt8], context: [UInt8] = [], prehash: Bool = false) throws -> [UInt8] {
        guard context.count <= 255 else {
            throw CryptoError(.invalidParameter, "Ed448 context of \(context.count) bytes, above 255")
        }
        var expanded = try Ed448.expand(seed.bytes)
        defer { Ed448.wipe(&expanded) }
        let dom = Ed448.dom4(prehash: prehash, context: context)
        let m = try Ed448.messageInput(message, prehash: prehash)
        var rHash = try Ed448.shake([dom, expanded.prefix, m], count: 114)
        defer { SecretWipe.wipe(&rHash) }
        var r = Scalar448.reduce(Scalar448.limbs(rHash), bits: 912)
        defer { GF448.wipe(&r) }
        let rEncoded = Ed448Point.base.multiplied(by: r).encoded()
        let kHash = try Ed448.shake([dom, rEncoded, publicKey.rawRepresentation, m], count: 114)
        let k = Scalar448.reduce(Scalar448.limbs(kHash), bits: 912)
        var s = Scalar448.mulAdd(k, expanded.scalar, r)
        defer { GF448.wipe(&s) }
        return rEncoded + Scalar448.bytes(s)
    }
}

/// Ed448's constants and the steps shared by keys and signatures.
enum Ed448 {
    static let encodedLength = 57
    static let signatureLength = 114

    /// `EC_R_INVALID_ENCODING` (102, "invalid encoding"; include/openssl/ecerr.h), which
    /// OpenSSL's ECX key import raises for a key of the wrong length.
    static let invalidEncoding = OpenSSLReason(
        library: "EC", name: "INVALID_ENCODING", code: 102, text: "invalid encoding")

    /// The secret scalar s (reduced mod ℓ) and the nonce prefix of a seed (§5.2.5).
    struct Expanded {
        var scalar: [UInt64]
        var prefix: [UInt8]
    }

    /// SHAKE256(seed, 114): the first 57 bytes pruned (two low bits and byte 56 cleared, bit 447
    /// set) and reduced mod ℓ, the last 57 the prefix.
    static func expand(_ seed: [UInt8]) throws -> Expanded {
        var h = try shake([seed], count: 114)
        defer { SecretWipe.wipe(&h) }
        var sBytes = Array(h[0..<57])
        defer { SecretWipe.wipe(&sBytes) }
        sBytes[0] &= 0xfc
        sBytes[55] |= 0x80
        sBytes[56] = 0
        var sLimbs = Scalar448.limbs(sBytes)
        defer { GF448.wipe(&sLimbs) }
        return Expanded(scalar: Scalar448.reduce(sLimbs, bits: 448), prefix: Array(h[57..<114]))
    }

    static func wipe(_ e: inout Expanded) {
        GF448.wipe(&e.scalar)
        SecretWipe.wipe(&e.prefix)
    }

    /// dom4(phflag, context) = "SigEd448" ‖ octet(phflag) ‖ octet(|context|) ‖ context.
    static func dom4(prehash: Bool, context: [UInt8]) -> [UInt8] {
        Array("SigEd448".utf8) + [prehash ? 1 : 0, UInt8(truncatingIfNeeded: context.count)] + context
    }

    /// PH(M): M for Ed448, SHAKE256(M, 64) for Ed448ph.
    static func messageInput(_ message: [UInt8], prehash: Bool) throws -> [UInt8] {
        prehash ? try shake([message], count: 64) : message
    }

    /// SHAKE256 of the concatenated parts, `count` bytes.
    static func shake(_ parts: [[UInt8]], count: Int) throws -> [UInt8] {
        var h = SHAKE256()
        for p in parts { h.update(p) }
        return try h.finalize(outputLength: count)
    }
}

/// A point of edwards448 (x² + y² = 1 − 39081·x²y²) in projective coordinates (X : Y : Z),
/// x = X/Z, y = Y/Z. The formulas are RFC 8032 §5.2.4's, complete on this curve (d is not a
/// square), so they hold for the identity and for doubling alike.
struct Ed448Point: Sendable {
    var x: GF448
    var y: GF448
    var z: GF448

    static let identity = Ed448Point(x: .zero, y: .one, z: .one)

    /// The base point B of RFC 8032 §5.2 (its x and y in 56-bit limbs).
    static let base = Ed448Point(
        x: GF448(
            0x0026_a82b_c70c_c05e, 0x0080_e18b_0093_8e26, 0x00f7_2ab6_6511_433b, 0x00a3_d3a4_6412_ae1a,
            0x000f_1767_ea6d_e324, 0x0036_da9e_1465_7047, 0x00ed_221d_15a6_22bf, 0x004f_1970_c66b_ed0d),
        y: GF448(
            0x0008_795b_f230_fa14, 0x0013_2c4e_d7c8_ad98, 0x001c_e67c_39c4_fdbd, 0x0005_a0c2_d73a_d3ff,
            0x00a3_9840_8778_9c1e, 0x00c7_624b_ea73_736c, 0x0024_8876_2037_56c9, 0x0069_3f46_716e_b6bc),
        z: .one)

    /// −d for edwards448 (d = −39081).
    static let minusD: UInt64 = 39081

    /// RFC 8032 §5.2.4 addition.
    func adding(_ q: Ed448Point) -> Ed448Point {
        let a = z * q.z
        let b = a.squared()
        let c = x * q.x
        let d = y * q.y
        let e = (c * d).times(Ed448Point.minusD)  // −d·C·D
        let f = b + e  // B − d·C·D
        let g = b - e  // B + d·C·D
        let h = (x + y) * (q.x + q.y)
        return Ed448Point(x: a * f * (h - c - d), y: a * g * (d - c), z: f * g)
    }

    /// RFC 8032 §5.2.4 doubling.
    func doubled() -> Ed448Point {
        let b = (x + y).squared()
        let c = x.squared()
        let d = y.squared()
        let e = c + d
        let h = z.squared()
        let j = e - (h + h)
        return Ed448Point(x: (b - e) * j, y: e * (c - d), z: e * j)
    }

    func negated() -> Ed448Point { Ed448Point(x: -x, y: y, z: z) }

    /// X = 0 and Y = Z (constant time; used on public values).
    var isIdentity: Bool {
        (x.isZeroMask & GF448.equalMask(y, z)) != 0
    }

    /// [k]P for a scalar of 7 little-endian limbs (below 2^448): 4-bit fixed window from the
    /// top, four doublings and one addition per digit, the table entry chosen by a full masked
    /// scan. Constant time in the scalar; the table (multiples of P) is not secret.
    func multiplied(by k: [UInt64]) -> Ed448Point {
        var table = [Ed448Point](repeating: .identity, count: 16)
        table[1] = self
        for i in 2..<16 { table[i] = i % 2 == 0 ? table[i / 2].doubled() : table[i - 1].adding(self) }
        var acc = Ed448Point.identity
        for w in stride(from: 111, through: 0, by: -1) {
            acc = acc.doubled().doubled().doubled().doubled()
            let digit = (k[w >> 4] >> UInt64(4 * (w & 15))) & 15
            var entry = Ed448Point.identity
            for j in 0..<16 {
                let t = UInt64(j) ^ digit
                let mask = CTLimb.mask(((t | (0 &- t)) >> 63) ^ 1)
                entry.x = GF448.select(mask, table[j].x, else: entry.x)
                entry.y = GF448.select(mask, table[j].y, else: entry.y)
                entry.z = GF448.select(mask, table[j].z, else: entry.z)
            }
            acc = acc.adding(entry)
            SecretWipe.wipe(value: &entry)
        }
        return acc
    }

    /// The 57-byte encoding: y little-endian, the low bit of x in the top bit of byte 56.
    func encoded() -> [UInt8] {
        let zInv = z.inverse()
        let ax = x * zInv
        let ay = y * zInv
        return ay.bytes + [UInt8(truncatingIfNeeded: ax.isNegativeBit << 7)]
    }
}

extension Ed448Point {
    /// Decodes as OpenSSL's `ossl_curve448_point_decode_like_eddsa_and_mul_by_ratio` accepts
    /// (see the file header); nil when it would fail. Variable time: public encodings only.
    init?(decoding enc: [UInt8]) {
        guard enc.count == 57, enc[56] & 0x7f == 0 else { return nil }
        let sign = UInt64(enc[56] >> 7)
        guard let y = GF448(canonical: Array(enc[0..<56])) else { return nil }
        let y2 = y.squared()
        let u = GF448.one - y2  // 1 − y²
        let v = GF448.one + y2.times(Ed448Point.minusD)  // 1 − d·y²
        let (root, ok) = GF448.sqrtRatio(u, v)
        guard ok != 0 else { return nil }
        let x = root.isNegativeBit == sign ? root : -root
        self.init(x: x, y: y, z: .one)
    }
}

/// Scalars modulo the edwards448 group order
/// ℓ = 2^446 − 13818066809895115352007386748515426880336692474882178609894547503885 (RFC 8032
/// §5.2), as little-endian 64-bit limb arrays. Lengths and loop bounds depend only on the public
/// bit bound of the input.
enum Scalar448 {
    /// ℓ in 7 limbs.
    static let order: [UInt64] = [
        0x2378_c292_ab58_44f3, 0x216c_c272_8dc5_8f55, 0xc44e_db49_aed6_3690, 0xffff_ffff_7cca_23e9,
        0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_ffff, 0x3fff_ffff_ffff_ffff,
    ]
    /// c = 2^446 − ℓ (224 bits), so that 2^446 ≡ c (mod ℓ).
    static let c: [UInt64] = [
        0xdc87_3d6d_54a7_bb0d, 0xde93_3d8d_723a_70aa, 0x3bb1_24b6_5129_c96f, 0x0000_0000_8335_dc16,
    ]

    /// Little-endian bytes to limbs (⌈n/8⌉ of them).
    static func limbs(_ bytes: [UInt8]) -> [UInt64] {
        var v = [UInt64](repeating: 0, count: (bytes.count + 7) / 8)
        for i in 0..<bytes.count { v[i / 8] |= UInt64(bytes[i]) << UInt64(8 * (i % 8)) }
        return v
    }

    /// A scalar below ℓ as 57 little-endian bytes.
    static func bytes(_ s: [UInt64]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 57)
        for i in 0..<56 { out[i] = UInt8(truncatingIfNeeded: s[i / 8] >> UInt64(8 * (i % 8))) }
        return out
    }

    /// a·b, schoolbook, a.count + b.count limbs.
    static func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var r = [UInt64](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            for j in 0..<b.count { (r[i + j], carry) = CTLimb.multiplyAdd(a[i], b[j], r[i + j], carry) }
            r[i + b.count] = carry
        }
        return r
    }

    /// One fold of x (below 2^bits, bits > 446): x mod 2^446 + ⌊x / 2^446⌋·c, which is below
    /// 2^446 + 2^(bits − 222); returns it and its new bit bound.
    static func fold(_ x: [UInt64], bits: Int) -> ([UInt64], Int) {
        func limb(_ i: Int) -> UInt64 { i < x.count ? x[i] : 0 }
        let hiCount = (bits - 446 + 63) / 64
        var hi = [UInt64](repeating: 0, count: hiCount)
        for i in 0..<hiCount { hi[i] = (limb(6 + i) >> 62) | (limb(7 + i) << 2) }
        var prod = multiply(hi, c)
        let newBits = max(446, bits - 446 + 224) + 1
        let n = (newBits + 63) / 64
        var out = [UInt64](repeating: 0, count: n)
        var carry: UInt64 = 0
        for i in 0..<n {
            let lo = i < 6 ? limb(i) : (i == 6 ? limb(6) & ((1 << 62) - 1) : 0)
            (out[i], carry) = CTLimb.add(lo, i < prod.count ? prod[i] : 0, carry)
        }
        GF448.wipe(&hi)
        GF448.wipe(&prod)
        return (out, newBits)
    }

    /// x mod ℓ for x below 2^bits (bits a public bound ≥ 447): folds until the value is below
    /// 2^446 + 2^225 < 2ℓ, then subtracts ℓ under a mask. 7 limbs.
    static func reduce(_ x: [UInt64], bits: Int) -> [UInt64] {
        var v = x
        var b = bits
        while true {
            let before = b
            var next: [UInt64]
            (next, b) = fold(v, bits: b)
            GF448.wipe(&v)
            v = next
            GF448.wipe(&next)
            if before <= 447 { break }
        }
        defer { GF448.wipe(&v) }
        var t = [UInt64](repeating: 0, count: 7)
        defer { GF448.wipe(&t) }
        var borrow: UInt64 = 0
        for i in 0..<7 { (t[i], borrow) = CTLimb.subtract(v[i], order[i], borrow) }
        // v has 7 limbs (bound 447 bits); borrow is 1 when v < ℓ.
        let keep = CTLimb.mask(borrow)
        var out = [UInt64](repeating: 0, count: 7)
        for i in 0..<7 { out[i] = CTLimb.select(keep, v[i], t[i]) }
        return out
    }

    /// (a·b + r) mod ℓ for a, b, r below ℓ.
    static func mulAdd(_ a: [UInt64], _ b: [UInt64], _ r: [UInt64]) -> [UInt64] {
        var p = multiply(a, b)  // 14 limbs, below 2^892
        defer { GF448.wipe(&p) }
        var carry: UInt64 = 0
        for i in 0..<p.count { (p[i], carry) = CTLimb.add(p[i], i < r.count ? r[i] : 0, carry) }
        return reduce(p, bits: 893)
    }

    /// True when the 57 little-endian bytes are below ℓ (variable time: a signature's S).
    static func isBelowOrder(_ s: [UInt8]) -> Bool {
        let v = limbs(s)  // 8 limbs
        guard v[7] == 0 else { return false }
        for i in stride(from: 6, through: 0, by: -1) where v[i] != order[i] { return v[i] < order[i] }
        return false
    }
}
#endif
