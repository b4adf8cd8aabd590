import Testing

@testable import LibCrypto

/// BigNum edge cases with expected values from published sources or OpenSSL's CLI (3.0), each
/// named where it is used:
/// - `openssl asn1parse -genstr INTEGER:<decimal>` prints an INTEGER's hex as whole upper-case
///   bytes with a leading `-` for a negative value, as `BN_bn2hex` does (zero aside: `BN_bn2hex`
///   gives "0", crypto/bn/bn_conv.c).
/// - `openssl prime [-hex] N` says whether N is prime and prints it in hex and decimal.
/// - The 1024-bit RSA key, message and raw RSA output below were made with
///   `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024`,
///   `openssl pkeyutl -decrypt -pkeyopt rsa_padding_mode:none` (output = m^d mod n) and the key's
///   fields read with `openssl rsa -traditional -outform DER | openssl asn1parse -inform DER`.
/// - RFC 3526's 2048-bit MODP prime, as `openssl genpkey -genparam -algorithm DH -pkeyopt
///   group:modp_2048` writes it.
/// - Truncating division and `BN_nnmod`'s range as OpenSSL's BN_add(3) manual page states them.
/// The full arithmetic runs against OpenSSL's own bignum test data in `confrun kat`
/// (TestVectors/manifests/openssl-bn.manifest).
@Suite("BigNum")
struct BigNumTests {
    static func n(_ hex: String) -> BigNum {
        do { return try BigNum(hex: hex) } catch {
            Issue.record("bad test hex \(hex): \(error)")
            return .zero
        }
    }

    static func code(_ body: () throws -> Any) -> OpenSSLReason? {
        do {
            _ = try body()
            return nil
        } catch let e as CryptoError {
            return e.openSSL ?? OpenSSLReason(library: "-", name: e.code.rawValue, code: 0, text: e.reason)
        } catch {
            return nil
        }
    }

    // MARK: Conversions

    @Test("hex form as BN_bn2hex writes it (openssl asn1parse -genstr INTEGER:…)")
    func hexForm() throws {
        let cases: [(Int, String)] = [(5, "05"), (-10, "-0A"), (255, "FF"), (-256, "-0100")]
        for (value, hex) in cases {
            #expect(BigNum(value).hexString == hex)
            #expect(try BigNum(hex: hex) == BigNum(value))
        }
        #expect(BigNum.zero.hexString == "0")
        #expect(try BigNum(hex: "-0") == .zero)
        #expect(try BigNum(hex: "-0").isNegative == false)
        #expect(try BigNum(hex: "00000000000000000000000000000001") == .one)
        // 2^127 - 1: `openssl asn1parse -genstr INTEGER:170141183460469231731687303715884105727`.
        let m127 = try BigNum(decimal: "170141183460469231731687303715884105727")
        #expect(m127.hexString == "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")
        #expect(m127.decimalString == "170141183460469231731687303715884105727")
        #expect(try BigNum(hex: "7fffffffffffffffffffffffffffffff") == m127)
        #expect(try BigNum(decimal: "-41041").hexString == "-A051")  // openssl prime 41041: A051
        #expect(BigNum(-10).decimalString == "-10")
        #expect(BigNum.zero.decimalString == "0")
    }

    @Test("bytes: BN_bin2bn, BN_bn2bin, BN_bn2binpad")
    func bytes() throws {
        let x = try BigNum(bytes: [0, 0, 1, 2, 3])
        #expect(x.hexString == "010203")
        #expect(x.bytes() == [1, 2, 3])
        #expect(try x.bytes(paddedTo: 5) == [0, 0, 1, 2, 3])
        #expect(BigNum.zero.bytes() == [])
        #expect(try BigNum.zero.bytes(paddedTo: 2) == [0, 0])
        #expect(throws: CryptoError.self) { try x.bytes(paddedTo: 2) }
        #expect(try BigNum(bytes: [UInt8](repeating: 0xFF, count: 9)).bitWidth == 72)
    }

    @Test("malformed text is a thrown error")
    func badText() {
        for bad in ["", "-", "0x10", "12g", " 1", "1 ", "--1", "+1"] {
            #expect(throws: CryptoError.self, "hex '\(bad)'") { try BigNum(hex: bad) }
        }
        for bad in ["", "-", "12a", "1.5", "+3"] {
            #expect(throws: CryptoError.self, "decimal '\(bad)'") { try BigNum(decimal: bad) }
        }
    }

    @Test("sizes above BigNum.maxBits throw BIGNUM_TOO_LONG instead of allocating")
    func caps() throws {
        let tooManyDigits = String(repeating: "f", count: BigNum.maxBits / 4 + 1)
        #expect(Self.code { try BigNum(hex: tooManyDigits) } == .bnBignumTooLong)
        #expect(try BigNum(hex: String(repeating: "f", count: BigNum.maxBits / 4)).bitWidth == BigNum.maxBits)
        #expect(
            Self.code { try BigNum(decimal: String(repeating: "9", count: BigNum.maxDecimalDigits + 1)) }
                == .bnBignumTooLong)
        #expect(
            Self.code { try BigNum(bytes: [UInt8](repeating: 1, count: BigNum.maxBits / 8 + 1)) } == .bnBignumTooLong)
        #expect(Self.code { try BigNum.one.shiftedLeft(by: Int.max) } == .bnBignumTooLong)
        #expect(Self.code { try BigNum.one.shiftedLeft(by: BigNum.maxBits) } == .bnBignumTooLong)
        #expect(try BigNum.one.shiftedLeft(by: BigNum.maxBits - 1).bitWidth == BigNum.maxBits)
        #expect(try BigNum.zero.shiftedLeft(by: Int.max) == .zero)
        #expect(try BigNum(-5).shiftedRight(by: Int.max) == .zero)
        #expect(Self.code { try BigNum.one.shiftedLeft(by: -1) } == .bnInvalidShift)
        #expect(Self.code { try BigNum.one.shiftedRight(by: -1) } == .bnInvalidShift)
        #expect(Self.code { try BigNum(2).power(BigNum(UInt64(BigNum.maxBits))) } == .bnBignumTooLong)
        #expect(Self.code { try BigNum(3).power(Self.n("10000000000000000")) } == .bnBignumTooLong)
        #expect(try BigNum(-1).power(Self.n("10000000000000001")) == BigNum(-1))
        #expect(Self.code { try BigNum.random(bits: BigNum.maxBits + 1) } == .bnBignumTooLong)
    }

    // MARK: Arithmetic

    @Test("truncating division and BN_nnmod (BN_add(3): remainder has the dividend's sign)")
    func division() throws {
        let cases: [(Int, Int, Int, Int)] = [(7, 2, 3, 1), (-7, 2, -3, -1), (7, -2, -3, 1), (-7, -2, 3, -1)]
        for (a, b, q, r) in cases {
            let (qq, rr) = try BigNum(a).quotientAndRemainder(dividingBy: BigNum(b))
            #expect(qq == BigNum(q) && rr == BigNum(r), "\(a) / \(b)")
        }
        #expect(try BigNum(-7).nonNegativeRemainder(modulo: BigNum(2)) == .one)
        #expect(try BigNum(-7).nonNegativeRemainder(modulo: BigNum(-2)) == .one)
        #expect(try BigNum(-8).nonNegativeRemainder(modulo: BigNum(2)) == .zero)
        let (q, r) = try BigNum(-7).quotientAndRemainder(dividingBy: UInt64(2))
        #expect(q == BigNum(-3) && r == 1)
        #expect(try BigNum(-1).shiftedRight(by: 1) == .zero)  // bnshift.txt: Rshift = 0, A = -1, N = 1
        #expect(Self.code { try BigNum.one.quotientAndRemainder(dividingBy: BigNum.zero) } == .bnDivByZero)
        #expect(Self.code { try BigNum.one.nonNegativeRemainder(modulo: .zero) } == .bnDivByZero)
        #expect(Self.code { try BigNum.one.quotientAndRemainder(dividingBy: UInt64(0)) } == .bnDivByZero)
        #expect(Self.code { try BigNum.one.remainder(dividingBy: 0) } == .bnDivByZero)
        #expect(Self.code { try BigNum.one.modExp(.one, modulus: .zero) } == .bnDivByZero)
        #expect(Self.code { try BigNum.subtractingMagnitudes(BigNum(1), BigNum(-2)) } == .bnArg2LessThanArg3)
    }

    @Test("division by a divisor whose top limb is all ones or just normalized (Knuth D corrections)")
    func divisionEdges() throws {
        // (2^192 - 1) / (2^128 - 1) = 2^64 (remainder 2^64 - 1): q̂ starts at b - 1 and is corrected.
        let a = Self.n(String(repeating: "F", count: 48))
        let b = Self.n(String(repeating: "F", count: 32))
        let (q, r) = try a.quotientAndRemainder(dividingBy: b)
        #expect(q == Self.n("10000000000000000"))
        #expect(r == Self.n("FFFFFFFFFFFFFFFF"))
        #expect(q * b + r == a)
    }

    // MARK: Primes (openssl prime)

    @Test("primality as openssl prime answers, with OpenSSL's round counts")
    func primes() throws {
        let primes = [
            "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",  // 2^127 - 1
            "1" + String(repeating: "F", count: 130),  // 2^521 - 1
            "5", "2", "3", "45C7",  // 17863, the last of OpenSSL's 2048 trial primes
        ]
        for p in primes { #expect(try Self.n(p).isProbablePrime(), "\(p)") }
        let composites = ["7FFFFFFFFFFFFFFFF", "231", "A051", "C97B1", "13251481", "1", "0", "-5", "4", "45C7" + "0"]
        for c in composites { #expect(try !Self.n(c).isProbablePrime(), "\(c)") }
        // Carmichael numbers pass Fermat's test; Miller–Rabin alone (no trial division) rejects them.
        for c in ["231", "A051", "C97B1", "13251481"] {
            #expect(try !Self.n(c).isProbablePrime(rounds: 64, trialDivision: false), "\(c)")
        }
        // Four rounds for the 2048-bit ones (a debug build's 64 take half a minute).
        #expect(try Self.n(Self.modp2048).isProbablePrime(rounds: 4))
        // RFC 3526: the MODP primes are safe primes, (p - 1) / 2 is prime too.
        #expect(try (Self.n(Self.modp2048) - .one).shiftedRight(by: 1).isProbablePrime(rounds: 4))
        #expect(try !Self.n(Self.rsaN).isProbablePrime())
        #expect(try Self.n(Self.rsaP).isProbablePrime() && Self.n(Self.rsaQ).isProbablePrime())
        #expect(BigNum.millerRabinRounds(bits: 2048) == 64 && BigNum.millerRabinRounds(bits: 2049) == 128)
        #expect(BigNum.smallPrimes.count == 2048 && BigNum.smallPrimes.last == 17863)
    }

    // MARK: RSA from OpenSSL's CLI

    static let rsaN =
        "F7330A045252713A8F6C06922145B9A7CC6E2AD3575C7A8126DA6C65CFD96DA397B4238B504A26611CA28272C70BFDB6"
        + "2A684082AEED10FFFC854D0E257370223C7E4DD19BCC096C53608F3B5E36DBDDF7688FA2F797751D6CCE9652273A53A2"
        + "659DC1D6ED40C8388262A144370C8252F6B3201744AF885DA069E6BBE02D34C1"
    static let rsaD =
        "BD67FF09D6A5D29A43204B5C965FDD63E3B099E1BB3361AE29BDFC867A1EA7F24C1FBB885829A8848A333E6E8172FFA0"
        + "1F9827ADBA286CF9275C5FF131E2E48BE5753FBDC5E0D7479397CBDBD55229611223A0C00A3AACCB1868958501E9D9C6"
        + "D03CE1DD597E71171BC5301EF13FFA3B501425DA65009DACF6D86470E43006CD"
    static let rsaP =
        "FE619EF5272C4577851F8AD87BA6A3D59C7CDCCD808893CDB9FA21DDE7993BFF9D937BB10B496C8A92338AA9C217D944"
        + "4962E579F2410610F66FF20885A43493"
    static let rsaQ =
        "F8C5B81173B7F5CAFF3AB412B248DA37742327F18902899D87A69BB61D0F5700685492A8A436DB57BC4B4FD2D1BF094D"
        + "6EC9C864F942D9C6416DA3D6AA32B9DB"
    static let rsaDmp1 =
        "A65B5B2401E13EF0C1DB75E6CB3E98483B15A124B79919E7E167063CE397DF97F40A1E4B13118A6D38DD8222306F7E43"
        + "DD2652E2241E880411D5F5D7C2E63707"
    static let rsaIqmp =
        "D2097176C4080106CBFCEB44C285BA741F4F9CBCF11FD224789C1CB130A88C6913358920725656731C8200B2F3B85E78"
        + "92A2186578A81346193C6D5B246180DD"
    /// 0x00 followed by 127 bytes 0xAB.
    static let rsaMessage = "00" + String(repeating: "AB", count: 127)
    /// `openssl pkeyutl -decrypt -pkeyopt rsa_padding_mode:none` of rsaMessage: m^d mod n.
    static let rsaRaw =
        "afa8bb25e8e7e497ce3f94503b6d9cba17f860a8adce0849889f8c34e7bd2f3cb204668e028eb1bacd13307fa7ad1e37"
        + "f6d833ef180e5e6fd7b974eedaea75af00e17a7e44e297452e58b1d9ff7e10a85c63082b83c9fae6b3f8b5ddb9089540"
        + "c7ec1b6ce9efd0175251a7f0fc28810e752a3cb91f7796f18d149fe93afc2985"

    @Test("RSA private operation in constant time equals OpenSSL's raw RSA output")
    func rsaRaw() throws {
        let n = Self.n(Self.rsaN)
        let d = Self.n(Self.rsaD)
        let m = Self.n(Self.rsaMessage)
        let s = Self.n(Self.rsaRaw)
        #expect(try m.modExpConstantTime(d, modulus: n) == s)
        #expect(try m.modExp(d, modulus: n) == s)
        #expect(try s.modExp(BigNum(65537), modulus: n) == m)
        #expect(try s.modExpConstantTime(BigNum(65537), modulus: n) == m)
        // CRT pieces OpenSSL stored: dmp1 = d mod (p - 1), iqmp = q^-1 mod p.
        let p = Self.n(Self.rsaP)
        let q = Self.n(Self.rsaQ)
        #expect(p * q == n)
        #expect(try d.nonNegativeRemainder(modulo: p - .one) == Self.n(Self.rsaDmp1))
        #expect(try q.inverse(modulo: p) == Self.n(Self.rsaIqmp))
        #expect(try q.inverseModPrimeConstantTime(p) == Self.n(Self.rsaIqmp))
        #expect(try q.modMul(Self.n(Self.rsaIqmp), modulus: p) == .one)
        // The encoding of the raw output as OpenSSL wrote it (128 bytes).
        #expect(try s.bytes(paddedTo: 128).count == 128)
    }

    static let modp2048 =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
        + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
        + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
        + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
        + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
        + "15728E5A8AACAA68FFFFFFFFFFFFFFFF"

    // MARK: Constant-time paths against the variable-time ones

    /// A deterministic byte source (a counter run through a multiplier), for reproducible operands.
    final class Counter: @unchecked Sendable {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        func bytes(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
        }
    }

    @Test("constant-time exponentiation and Fermat inverse agree with the variable-time paths")
    func constantTimeAgreement() throws {
        let g = Counter(7)
        let p = Self.n(Self.modp2048)
        for bits in [64, 65, 127, 128, 192, 521, 1024] {
            var m = try BigNum.random(bits: bits, using: { g.bytes($0) })
            if !m.isOdd { m = m + .one }
            if m.isOne { continue }
            for ebits in [0, 1, 5, 64, bits, bits + 70] {
                let e = try BigNum.random(bits: ebits, using: { g.bytes($0) })
                let a = try BigNum.random(bits: bits + 3, using: { g.bytes($0) }) - BigNum(1000)
                #expect(
                    try a.modExpConstantTime(e, modulus: m) == a.modExp(e, modulus: m), "bits \(bits) ebits \(ebits)")
            }
        }
        for _ in 0..<4 {
            let a = try BigNum.random(below: p, using: { g.bytes($0) })
            if a.isZero { continue }
            #expect(try a.inverseModPrimeConstantTime(p) == a.inverse(modulo: p))
        }
        #expect(try BigNum(5).modExpConstantTime(.zero, modulus: BigNum(7)) == .one)
        #expect(try BigNum(5).modExpConstantTime(BigNum(3), modulus: BigNum(1)) == .zero)
        #expect(try BigNum(5).modExp(BigNum(3), modulus: BigNum(-1)) == .zero)
    }

    @Test("Montgomery: round trip, and the errors OpenSSL gives")
    func montgomery() throws {
        let m = Self.n(Self.rsaN)
        let ctx = try MontgomeryContext(modulus: m)
        let x = Self.n(Self.rsaMessage)
        #expect(try ctx.fromMontgomery(ctx.toMontgomery(x)) == x)
        #expect(try ctx.fromMontgomery(ctx.multiply(ctx.toMontgomery(x), ctx.toMontgomery(.one))) == x)
        #expect(Self.code { try MontgomeryContext(modulus: BigNum(10)) } == .bnCalledWithEvenModulus)
        #expect(Self.code { try MontgomeryContext(modulus: .zero) } == .bnCalledWithEvenModulus)
        #expect(Self.code { try BigNum(3).modExpConstantTime(.one, modulus: BigNum(10)) } == .bnCalledWithEvenModulus)
        #expect(Self.code { try ctx.multiply(m, .one) } == .bnInputNotReduced)
        #expect(Self.code { try ctx.toMontgomery(BigNum(-1)) } == .bnInputNotReduced)
        #expect(throws: CryptoError.self) { try MontgomeryContext(modulus: .one) }
        #expect(throws: CryptoError.self) { try BigNum(3).modExpConstantTime(BigNum(-1), modulus: BigNum(7)) }
    }

    // MARK: Inverse, GCD, square roots

    @Test("inverse, GCD and square roots: results and refusals")
    func modular() throws {
        #expect(try BigNum(3).inverse(modulo: BigNum(7)) == BigNum(5))
        #expect(try BigNum(-3).inverse(modulo: BigNum(7)) == BigNum(2))
        #expect(Self.code { try BigNum(6).inverse(modulo: BigNum(9)) } == .bnNoInverse)
        #expect(Self.code { try BigNum(6).inverse(modulo: .one) } == .bnNoInverse)
        #expect(Self.code { try BigNum(6).inverse(modulo: .zero) } == .bnNoInverse)
        #expect(Self.code { try BigNum(14).inverseModPrimeConstantTime(BigNum(7)) } == .bnNoInverse)
        #expect(BigNum(0).gcd(.zero) == .zero)
        #expect(BigNum(-12).gcd(BigNum(18)) == BigNum(6))
        #expect(BigNum(0).gcd(BigNum(-5)) == BigNum(5))
        // bnmod.txt's negative BN_mod_sqrt cases: 460201 = 7 · 65743 is not prime.
        #expect(throws: CryptoError.self) { try Self.n("20a7ee").modSqrt(prime: Self.n("460201")) }
        #expect(Self.code { try BigNum(3).modSqrt(prime: BigNum(7)) } == .bnNotASquare)
        #expect(Self.code { try BigNum(3).modSqrt(prime: BigNum(8)) } == .bnPIsNotPrime)
        #expect(Self.code { try BigNum(3).modSqrt(prime: .zero) } == .bnDivByZero)
        let r = try BigNum(2).modSqrt(prime: BigNum(7))
        #expect(r == BigNum(3) || r == BigNum(4))
        // p ≡ 1 (mod 8) takes Tonelli–Shanks: 17, and 2 = 6² mod 17.
        let t = try BigNum(2).modSqrt(prime: BigNum(17))
        #expect(t == BigNum(6) || t == BigNum(11))
        #expect(try BigNum(-1).modSqrt(prime: BigNum(2)) == .one)
        #expect(try BigNum(7).jacobi(BigNum(17)) == -1 && BigNum(2).jacobi(BigNum(17)) == 1)
    }

    @Test("square roots modulo the P-224 prime (p − 1 = 2^96·q: up to 96 Tonelli–Shanks rounds)")
    func squareRootsModuloP224() throws {
        // FIPS 186-4 D.1.2.2: p = 2^224 − 2^96 + 1.
        let p = Self.n("ffffffffffffffffffffffffffffffff000000000000000000000001")
        #expect((p - .one).trailingZeroBitCount == 96)
        // 11 is the least quadratic non-residue modulo p (2, 3, 5 and 7 are squares).
        let nonResidue = BigNum(11)
        #expect(try nonResidue.jacobi(p) == -1)
        var r = Self.n("b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21")
        for _ in 0..<8 {
            let a = try r.modSquare(modulus: p)
            // The root is one of ±r: a check independent of the algorithm.
            let root = try a.modSqrt(prime: p)
            #expect(root == r || root == p - r, "√(r²) for r = \(r.hexString)")
            // a·11 is not a square.
            let bad = try a.modMul(nonResidue, modulus: p)
            #expect(Self.code { try bad.modSqrt(prime: p) } == .bnNotASquare)
            r = try (r * r + BigNum(0x9e37)).nonNegativeRemainder(modulo: p)
        }
    }

    // MARK: Random

    @Test("random below a bound: range, and every refusal")
    func random() throws {
        let bound = Self.n("10000000000000001")  // 2^64 + 1
        for _ in 0..<20 {
            let r = try BigNum.random(below: bound)
            #expect(r >= .zero && r < bound)
        }
        #expect(Self.code { try BigNum.random(below: .zero) } == .bnInvalidRange)
        #expect(Self.code { try BigNum.random(below: BigNum(-3)) } == .bnInvalidRange)
        // A source that always gives all ones draws 2^65 - 1 every time: rejected 100 times.
        #expect(
            Self.code { try BigNum.random(below: bound, using: { [UInt8](repeating: 0xFF, count: $0) }) }
                == .bnTooManyIterations)
        #expect(throws: CryptoError.self) { try BigNum.random(bits: 64, using: { _ in [1, 2, 3] }) }
        #expect(throws: CryptoError.self) { try BigNum.random(bits: -1) }
        #expect(try BigNum.random(bits: 0) == .zero)
        #expect(try BigNum.random(bits: 3, using: { [UInt8](repeating: 0xFF, count: $0) }) == BigNum(7))
    }
}
