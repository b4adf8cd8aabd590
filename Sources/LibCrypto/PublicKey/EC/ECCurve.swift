// A named prime-field elliptic curve y² = x³ + ax + b over F_p with a generator G of prime order
// n and cofactor h (OpenSSL's EC_GROUP for a named curve), its lookup by OpenSSL name, alias or
// OID, and the precomputed field and scalar constants the arithmetic uses. The entries are in
// ECCurves.swift. Not constant-time relevant: curve parameters are public.

#if EC
/// A named elliptic curve over a prime field, `y² = x³ + ax + b (mod p)`, with its generator
/// `G = (gx, gy)` of prime order `order` and the cofactor (OpenSSL's named `EC_GROUP`).
///
/// Every curve OpenSSL 3.0 lists with `openssl ecparam -list_curves` over a prime field is in
/// ``all``; ``named(_:)`` finds one by OpenSSL short name, alias (`P-256`) or OID.
public struct ECCurve: Sendable, Hashable, CustomStringConvertible {
    /// OpenSSL's short name (`prime256v1`, `secp384r1`, `brainpoolP256r1`, `SM2`).
    public let name: String
    /// Other names OpenSSL accepts for the curve (`P-256`, `secp256r1`).
    public let aliases: [String]
    /// The curve's object identifier as a dotted string (`1.2.840.10045.3.1.7`).
    public let oid: String
    /// The field prime `p`.
    public let p: BigNum
    /// The coefficient `a`, in `[0, p)`.
    public let a: BigNum
    /// The coefficient `b`, in `[0, p)`.
    public let b: BigNum
    /// The generator's x-coordinate.
    public let gx: BigNum
    /// The generator's y-coordinate.
    public let gy: BigNum
    /// The generator's prime order `n`.
    public let order: BigNum
    /// The cofactor `h`: the number of curve points is `h·n`.
    public let cofactor: BigNum
    /// Field and scalar constants for the arithmetic.
    let engine: ECEngine

    /// A catalog entry from its hex constants (each a list of pieces joined); nil if a constant
    /// does not parse or does not make a usable curve (the catalog test counts the entries).
    init?(
        _ name: String, aliases: [String], oid: String, p: [String], a: [String], b: [String], gx: [String],
        gy: [String], order: [String], cofactor: Int
    ) {
        func hex(_ parts: [String]) -> BigNum? { try? BigNum(hex: parts.joined()) }
        guard let p = hex(p), let a = hex(a), let b = hex(b), let gx = hex(gx), let gy = hex(gy),
            let order = hex(order)
        else { return nil }
        self.name = name
        self.aliases = aliases
        self.oid = oid
        self.p = p
        self.a = a
        self.b = b
        self.gx = gx
        self.gy = gy
        self.order = order
        self.cofactor = BigNum(cofactor)
        guard let engine = ECEngine(p: p, a: a, b: b, order: order, cofactor: BigNum(cofactor)) else { return nil }
        self.engine = engine
    }

    /// A curve from checked parameters and its engine (``init(explicitPrime:a:b:generator:order:cofactor:)``
    /// in ECExplicitCurve.swift validates them).
    init(
        checkedName name: String, p: BigNum, a: BigNum, b: BigNum, gx: BigNum, gy: BigNum, order: BigNum,
        cofactor: BigNum, engine: ECEngine
    ) {
        self.name = name
        self.aliases = []
        self.oid = ""
        self.p = p
        self.a = a
        self.b = b
        self.gx = gx
        self.gy = gy
        self.order = order
        self.cofactor = cofactor
        self.engine = engine
    }

    /// `prime256v1`.
    public var description: String { name }

    /// The field element length in bytes (`BN_num_bytes(p)`): the length of each coordinate in
    /// a point encoding and of an ECDH shared secret.
    public var fieldByteCount: Int { engine.fieldBytes }

    /// The bit length of the field prime (`EC_GROUP_get_degree`).
    public var fieldBitCount: Int {
        #if EC2M
        if let g = engine.binary { return g.m }
        #endif
        return p.bitWidth
    }

    /// The order's length in bytes: the length of each of `r` and `s` in a P1363 signature.
    public var orderByteCount: Int { order.byteCount }

    /// The generator `G`.
    public var generator: ECPoint { ECPoint(trustedX: gx, y: gy, curve: self) }

    /// The point at infinity (the group's identity) on this curve.
    public var infinity: ECPoint { ECPoint(infinityOn: self) }

    /// Named curves are equal when their names are (each name is one set of parameters); a curve
    /// from explicit parameters (no OID) equals any curve with the same p, a, b, G, n and h, as
    /// OpenSSL's `EC_GROUP_cmp` compares them.
    public static func == (l: ECCurve, r: ECCurve) -> Bool {
        if !l.oid.isEmpty && !r.oid.isEmpty { return l.name == r.name }
        return l.p == r.p && l.a == r.a && l.b == r.b && l.gx == r.gx && l.gy == r.gy && l.order == r.order
            && l.cofactor == r.cofactor
    }

    /// Hashes p and the order, consistent with `==` for named and explicit curves alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(p)
        hasher.combine(order)
    }

    /// The curve with OpenSSL short name, alias or dotted OID `name` (`prime256v1`, `P-256`,
    /// `secp256r1`, `1.2.840.10045.3.1.7`); names match case-insensitively, as OpenSSL's
    /// `ossl_ec_curve_name2nid` matches them.
    /// - Parameter name: the name, alias or OID.
    /// - Returns: the curve.
    /// - Throws: `unknownAlgorithm` for a name that is no prime curve of the catalog (a binary
    ///   curve such as `sect163k1` included).
    public static func named(_ name: String) throws -> ECCurve {
        let key = name.lowercased()
        #if EC2M
        if index[key] == nil, let c = binaryNamed(key) { return c }
        #endif
        guard let i = index[key] else { throw CryptoError.unknownAlgorithm(name) }
        return all[i]
    }

    private static let index: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, c) in all.enumerated() {
            for key in [c.name, c.oid] + c.aliases { d[key.lowercased()] = i }
        }
        return d
    }()
}
#endif
