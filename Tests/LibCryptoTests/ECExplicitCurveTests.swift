import Testing

@testable import LibCrypto

// Curves from explicit prime parameters (ECExplicitCurve.swift): OpenSSL's load-time checks and
// EC_GROUP_check, each refusal a thrown error with OpenSSL's reason. The parameters are P-256's
// (the catalog's, transcribed from OpenSSL) with one part changed.

#if EC
@Suite("Elliptic curves from explicit prime parameters")
struct ECExplicitCurveTests {
    static let p256 = try! ECCurve.named("prime256v1")

    /// The reason of the error `body` throws, nil when it returns.
    func reason(_ body: () throws -> Any) -> String? { ECTests.reason(body) }

    func curve(
        p: BigNum = p256.p, a: BigNum = p256.a, b: BigNum = p256.b, g: [UInt8] = p256.generator.encoded(),
        n: BigNum = p256.order, h: BigNum? = BigNum(1)
    ) throws -> ECCurve {
        try ECCurve(explicitPrime: p, a: a, b: b, generator: g, order: n, cofactor: h)
    }

    @Test("a catalog curve's parameters make a curve equal to it, with the cofactor computed when absent")
    func catalogParameters() throws {
        let c = try curve(h: nil)
        #expect(c.isExplicit && !Self.p256.isExplicit)
        #expect(c == Self.p256 && c.hashValue == Self.p256.hashValue)
        #expect(c.cofactor == BigNum(1))
        let compressed = try curve(g: Self.p256.generator.encoded(.compressed))
        #expect(compressed.gy == Self.p256.gy)
        // a and b are taken modulo p, as OpenSSL's BN_nnmod.
        #expect(try curve(a: Self.p256.a + Self.p256.p) == Self.p256)
    }

    @Test("a curve that is no catalog curve (P-256 with 2G as generator) signs and verifies")
    func otherGenerator() throws {
        let g2 = try Self.p256.generator.adding(Self.p256.generator)
        let c = try curve(g: g2.encoded())
        #expect(c != Self.p256)
        #expect(c.name == "explicit-prime-256")
        let key = try ECPrivateKey.generate(curve: c)
        let digest = [UInt8](repeating: 7, count: 32)
        let signature = try key.sign(digest: digest)
        try key.publicKey.verify(signature: signature, digest: digest)
        // The public key is d·(2G) = (2d)·G on P-256.
        let twice = try ECPrivateKey(curve: Self.p256, d: (key.d * BigNum(2)).nonNegativeRemainder(modulo: c.order))
        #expect(twice.publicKey.point.x == key.publicKey.point.x)
    }

    @Test("bad parameters are thrown errors with OpenSSL's reasons")
    func badParameters() throws {
        var off = Self.p256.generator.encoded()
        off[64] ^= 1
        #expect(reason { try curve(g: off) } == "POINT_IS_NOT_ON_CURVE")
        #expect(reason { try curve(g: [0]) } == "POINT_AT_INFINITY")
        // n + 2 is not prime (and not G's order); n − 2 is not G's order either way.
        #expect(reason { try curve(n: Self.p256.order + BigNum(2)) } == "INVALID_GROUP_ORDER")
        #expect(reason { try curve(n: BigNum(0)) } == "INVALID_GROUP_ORDER")
        #expect(reason { try curve(n: Self.p256.order.shiftedLeft(by: 2)) } == "INVALID_GROUP_ORDER")
        #expect(reason { try curve(p: Self.p256.p - BigNum(1)) } == "INVALID_FIELD")
        #expect(reason { try curve(p: BigNum(3)) } == "INVALID_FIELD")
        #expect(reason { try curve(p: BigNum(0)) } == "INVALID_FIELD")
        #expect(reason { try curve(p: Self.p256.p + BigNum(2)) } == "INVALID_FIELD")  // odd, not prime
        // 2^661 + 1 is over the cap and refused before any arithmetic; 2^662 − 1 too.
        let big = try BigNum(1).shiftedLeft(by: 661) + BigNum(1)
        #expect(reason { try curve(p: big) } == "FIELD_TOO_LARGE")
        #expect(reason { try curve(p: BigNum(1).shiftedLeft(by: 100_000) - BigNum(1)) } == "FIELD_TOO_LARGE")
        #expect(reason { try curve(h: BigNum(-1)) } == "UNKNOWN_COFACTOR")
        #expect(reason { try curve(h: BigNum(2)) } == "UNKNOWN_COFACTOR")  // h·n outside Hasse's bound
        // y² = x³ is singular: (1, 1) lies on it.
        let singular = [4] + (try BigNum(1).bytes(paddedTo: 32)) + (try BigNum(1).bytes(paddedTo: 32))
        #expect(
            reason { try curve(a: BigNum(0), b: BigNum(0), g: singular) } == "DISCRIMINANT_IS_ZERO")
    }
}
#endif
