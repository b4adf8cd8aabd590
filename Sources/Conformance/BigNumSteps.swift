import LibCrypto
import Vectors

// The bignum step of the KAT engine: every identity OpenSSL's test/bntest.c checks for a stanza
// of test/recipes/10-test_bn_data (file_sum, file_lshift1, file_lshift, file_rshift,
// file_square, file_product, file_quotient, file_modmul, file_modsqr, file_modexp, file_exp,
// file_modsqrt, file_gcd), on LibCrypto's BigNum. bntest's "r is a" / "r is b" aliasing runs
// have no counterpart: BigNum is a value type, so an output never shares storage with an input.
// Where bntest calls two OpenSSL functions that are one BigNum entry point (BN_lshift1 and
// BN_lshift(…, 1), BN_add_word and BN_add, BN_mod_exp and BN_mod_exp_mont for an odd modulus)
// the identity is checked once per bntest line all the same. Two checks go beyond bntest and
// say so in their names: the inverse of A modulo B when a GCD stanza says they are coprime, and
// the constant-time Fermat inverse of A modulo the prime P of a ModSqrt stanza.

extension KATEngine {
    struct BigNumMismatch: Error {
        var check: String
        var expected: BigNum
        var actual: BigNum
    }

    func runBigNum(_ c: BigNumCheck, _ base: CaseResult) throws -> CaseResult {
        var r = base
        do {
            let notes = try BigNumSteps.check(c)
            r.outcome = .passed
            if !notes.isEmpty { r.reason = notes.joined(separator: "; ") }
        } catch let m as BigNumMismatch {
            r.outcome = .failed
            r.reason = "unexpected \(m.check) value"
            r.expected = m.expected.hexString
            r.actual = m.actual.hexString
        }
        return r
    }
}

enum BigNumSteps {
    typealias Mismatch = KATEngine.BigNumMismatch

    static func expect(_ check: String, _ expected: BigNum, _ actual: BigNum) throws {
        guard expected == actual else { throw Mismatch(check: check, expected: expected, actual: actual) }
    }

    static func value(_ c: BigNumCheck, _ key: String) throws -> BigNum {
        guard let text = c.values[key] else {
            throw CryptoError(.invalidParameter, "\(c.kind.rawValue) stanza without \(key)")
        }
        return try BigNum(hex: text)
    }

    /// bntest's `BN_get_word(b) != (BN_ULONG)-1` for a non-negative `b`: the word, if it is one.
    static func smallWord(_ b: BigNum) -> UInt64? {
        guard !b.isNegative, let w = b.word, w != UInt64.max else { return nil }
        return w
    }

    /// Runs every check of the stanza; returns notes for the report (checks that did not apply).
    static func check(_ c: BigNumCheck) throws -> [String] {
        var notes: [String] = []
        let a = try value(c, "A")
        switch c.kind {
        case .sum:
            let b = try value(c, "B")
            let sum = try value(c, "Sum")
            try expect("A + B", sum, a + b)
            try expect("Sum - A", b, sum - a)
            try expect("Sum - B", a, sum - b)
            if !a.isNegative, !b.isNegative, a >= b {
                try expect("A +u B", sum, BigNum.addingMagnitudes(a, b))
                try expect("Sum -u A", b, try BigNum.subtractingMagnitudes(sum, a))
                try expect("Sum -u B", a, try BigNum.subtractingMagnitudes(sum, b))
            }
            if let w = smallWord(b) {
                try expect("A + B (word)", sum, a + BigNum(w))
                try expect("Sum - B (word)", a, sum - BigNum(w))
            }
        case .lShift1:
            let l = try value(c, "LShift1")
            let two = BigNum(2)
            try expect("A + A", l, a + a)
            try expect("A * 2", l, a * two)
            let (q, rem) = try l.quotientAndRemainder(dividingBy: two)
            try expect("LShift1 / 2", a, q)
            try expect("LShift1 % 2", .zero, rem)
            try expect("A << 1", l, try a.shiftedLeft(by: 1))
            try expect("LShift >> 1", a, try l.shiftedRight(by: 1))
            // BN_set_bit(lshift1, 0): the magnitude's lowest bit (LShift1 is even, so |L| + 1).
            let odd = l.isNegative ? l - .one : l + .one
            try expect("(LShift1 | 1) / 2", a, try odd.quotientAndRemainder(dividingBy: two).quotient)
            try expect("(LShift | 1) >> 1", a, try odd.shiftedRight(by: 1))
        case .lShift:
            let l = try value(c, "LShift")
            let n = c.shift ?? 0
            try expect("A << N", l, try a.shiftedLeft(by: n))
            try expect("A >> N", a, try l.shiftedRight(by: n))
        case .rShift:
            let rs = try value(c, "RShift")
            let n = c.shift ?? 0
            try expect("A >> N", rs, try a.shiftedRight(by: n))
            if n == 1 { try expect("A >> 1 (rshift1)", rs, try a.shiftedRight(by: 1)) }
        case .square:
            let sq = try value(c, "Square")
            try expect("A^2", sq, a.squared())
            try expect("A * A", sq, a * a)
            let (q, rem) = try sq.quotientAndRemainder(dividingBy: a)
            try expect("Square / A", a, q)
            try expect("Square % A", .zero, rem)
        case .product:
            let b = try value(c, "B")
            let p = try value(c, "Product")
            try expect("A * B", p, a * b)
            let (qa, ra) = try p.quotientAndRemainder(dividingBy: a)
            try expect("Product / A", b, qa)
            try expect("Product % A", .zero, ra)
            let (qb, rb) = try p.quotientAndRemainder(dividingBy: b)
            try expect("Product / B", a, qb)
            try expect("Product % B", .zero, rb)
        case .quotient:
            let b = try value(c, "B")
            let quotient = try value(c, "Quotient")
            let remainder = try value(c, "Remainder")
            let (q, rem) = try a.quotientAndRemainder(dividingBy: b)
            try expect("A / B", quotient, q)
            try expect("A % B", remainder, rem)
            try expect("Quotient * B + Remainder", a, quotient * b + remainder)
            if let w = smallWord(b) {
                // BN_div_word and BN_mod_word return the remainder of the magnitudes.
                let remainderWord = BigNum(remainder.word ?? UInt64.max)
                let (qw, rw) = try a.quotientAndRemainder(dividingBy: w)
                try expect("A % B (word)", remainderWord, BigNum(rw))
                try expect("A / B (word)", quotient, qw)
                try expect("A % B (word, BN_mod_word)", remainderWord, BigNum(try a.remainder(dividingBy: w)))
            }
            if !b.isNegative {
                let nn = remainder.isNegative ? remainder + b : remainder
                try expect("A % B (non-negative)", nn, try a.nonNegativeRemainder(modulo: b))
            }
        case .modMul:
            let b = try value(c, "B")
            let m = try value(c, "M")
            let want = try value(c, "ModMul")
            try expect("A * B (mod M)", want, try a.modMul(b, modulus: m))
            if m.isOdd {
                let ctx = try MontgomeryContext(modulus: m)
                let am = try ctx.toMontgomery(try a.nonNegativeRemainder(modulo: m))
                let bm = try ctx.toMontgomery(try b.nonNegativeRemainder(modulo: m))
                try expect("A * B (mod M) (mont)", want, try ctx.fromMontgomery(try ctx.multiply(am, bm)))
            }
        case .modSqr:
            let m = try value(c, "M")
            let want = try value(c, "ModSqr")
            try expect("A^2 (mod M)", want, try a.modSquare(modulus: m))
            if m.isOdd {
                let ctx = try MontgomeryContext(modulus: m)
                let am = try ctx.toMontgomery(try a.nonNegativeRemainder(modulo: m))
                try expect("A^2 (mod M) (mont)", want, try ctx.fromMontgomery(try ctx.multiply(am, am)))
            }
        case .modExp:
            let e = try value(c, "E")
            let m = try value(c, "M")
            let want = try value(c, "ModExp")
            try expect("A ^ E (mod M)", want, try a.modExp(e, modulus: m))
            if m.isOdd {
                try expect("A ^ E (mod M) (mont)", want, try a.modExp(e, modulus: m))
                try expect("A ^ E (mod M) (mont const", want, try a.modExpConstantTime(e, modulus: m))
            } else {
                notes.append("even modulus: no Montgomery or constant-time runs (as bntest)")
            }
            // bntest's regression test for the carry bug in sqr8x_reduction, run with every stanza.
            let ra = try BigNum(hex: "050505050505")
            let rc = try BigNum(hex: sqr8xModulus)
            try expect("0x050505050505^2 mod C (sqr8x regression)", ra * ra, try ra.modExp(BigNum(2), modulus: rc))
        case .exp:
            let e = try value(c, "E")
            try expect("A ^ E", try value(c, "Exp"), try a.power(e))
        case .modSqrt:
            let p = try value(c, "P")
            let want = try value(c, "ModSqrt")
            if want.isNegative {
                // A negative case: BN_mod_sqrt must fail.
                if let got = try? a.modSqrt(prime: p) {
                    throw Mismatch(check: "sqrt(A) (mod P) of a non-square (must fail)", expected: want, actual: got)
                }
                return notes
            }
            let root = try a.modSqrt(prime: p)
            if p - root != want { try expect("sqrt(A) (mod P)", want, root) }
            // Beyond bntest: P is prime, so A has a constant-time Fermat inverse unless P divides it.
            let reduced = try a.nonNegativeRemainder(modulo: p)
            if p.isOdd, !reduced.isZero {
                let inv = try reduced.inverseModPrimeConstantTime(p)
                try expect("A * A^(P-2) (mod P) (beyond bntest)", .one, try inv.modMul(reduced, modulus: p))
            }
        case .gcd:
            let b = try value(c, "B")
            let g = try value(c, "GCD")
            try expect("gcd(A,B)", g, a.gcd(b))
            // Beyond bntest: coprime A and B (|B| > 1) have an inverse of A modulo B.
            if g.isOne, !b.magnitude.isOne, !b.isZero {
                let inv = try a.inverse(modulo: b)
                try expect("A * A^-1 (mod B) (beyond bntest)", .one, try inv.modMul(a, modulus: b))
            }
        }
        return notes
    }

    /// The modulus of bntest's sqr8x_reduction regression test (file_modexp), as bntest writes it.
    static let sqr8xModulus =
        "4141414141414141414141274141414141414141414141414141414141414141"
        + "4141414141414141414141414141414141414141414141414141414141414141"
        + "4141414141414141414141800000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000001"
}
