import Dispatch
import LibCrypto
import Vectors

// The bignum differential: every BigNum operation run on seeded random operands by LibCrypto and
// by OpenSSL's BN_* (OpenSSL/OpenSSLBigNum.swift), results and failures compared. Operands run
// from 0 to 8,192 bits, biased to the values bignum code gets wrong: 0, 1, 2, 3, 2^k and 2^k±1,
// all-ones limbs, sparse numbers, negative numbers; moduli odd, even, negative, zero and prime
// as each operation takes them. A mismatch is shrunk (operands halved, sign dropped, set to 0 or
// 1 while the same step still disagrees) and reported with its operands in hex.

/// A bignum operation, named as OpenSSL's function that does it.
public enum BigNumOperation: String, CaseIterable, Sendable {
    case add = "BN_add"
    case sub = "BN_sub"
    case uadd = "BN_uadd"
    case usub = "BN_usub"
    case mul = "BN_mul"
    case sqr = "BN_sqr"
    case div = "BN_div"
    case nnmod = "BN_nnmod"
    case divWord = "BN_div_word"
    case modWord = "BN_mod_word"
    case modMul = "BN_mod_mul"
    case modSqr = "BN_mod_sqr"
    case exp = "BN_exp"
    case modExp = "BN_mod_exp"
    case modExpConstantTime = "BN_mod_exp_mont_consttime"
    case modInverse = "BN_mod_inverse"
    /// LibCrypto's Fermat inverse modulo a prime, against `BN_mod_inverse`.
    case modInversePrime = "BN_mod_inverse (prime, constant time)"
    case gcd = "BN_gcd"
    case lshift = "BN_lshift"
    case rshift = "BN_rshift"
    case kronecker = "BN_kronecker"
    case modSqrt = "BN_mod_sqrt"
    case checkPrime = "BN_check_prime"
    case cmp = "BN_cmp"
    case ucmp = "BN_ucmp"
    /// `BN_bn2hex`, `BN_bn2dec` and `BN_bn2bin` of one operand.
    case toText = "BN_bn2hex/BN_bn2dec/BN_bn2bin"
    case fromHex = "BN_hex2bn"
    case fromDecimal = "BN_dec2bn"
}

/// One case: an operation and its operands (`count` is the shift, `word` the word operand,
/// `text` the text to parse).
public struct BigNumCase: Sendable, CustomStringConvertible {
    public var operation: BigNumOperation
    public var operands: [BigNum]
    public var count = 0
    public var word: UInt64 = 0
    public var text = ""

    public init(_ operation: BigNumOperation, _ operands: [BigNum], count: Int = 0, word: UInt64 = 0, text: String = "")
    {
        self.operation = operation
        self.operands = operands
        self.count = count
        self.word = word
        self.text = text
    }

    /// `BN_mod_exp a=… p=… m=…`, operands in OpenSSL's hex.
    public var description: String {
        let names: [String]
        switch operation {
        case .modMul: names = ["a", "b", "m"]
        case .modSqr: names = ["a", "m"]
        case .exp: names = ["a", "p"]
        case .modExp, .modExpConstantTime: names = ["a", "p", "m"]
        case .modInverse, .modInversePrime, .kronecker, .modSqrt: names = ["a", "n"]
        default: names = ["a", "b"]
        }
        var parts = zip(names, operands).map { "\($0)=\($1.hexString)" }
        switch operation {
        case .lshift, .rshift: parts.append("n=\(count)")
        case .divWord, .modWord: parts.append("w=\(word)")
        case .fromHex, .fromDecimal: parts = ["text=\"\(text)\""]
        default: break
        }
        return operation.rawValue + " " + parts.joined(separator: " ")
    }
}

/// How one side's operation ended.
public enum BigNumAnswer: Sendable, CustomStringConvertible {
    /// The results (a quotient and a remainder, or one value).
    case numbers([BigNum])
    /// A comparison, a Kronecker symbol, or a primality verdict (1 prime, 0 not).
    case integer(Int)
    /// Text forms.
    case text([String])
    /// A failure: the BN library's reason code where one was given (OpenSSL's error queue, or
    /// LibCrypto's `CryptoError.openSSL`), and a description.
    case failure(reason: Int?, text: String)

    public var description: String {
        switch self {
        case .numbers(let v): return v.map(\.hexString).joined(separator: ", ")
        case .integer(let i): return String(i)
        case .text(let t): return t.map { "\"\($0)\"" }.joined(separator: ", ")
        case .failure(_, let t): return "error: \(t)"
        }
    }

    /// Whether two answers agree: equal values, or both failures with the same BN reason where
    /// both sides give one.
    public func agrees(with other: BigNumAnswer) -> Bool {
        switch (self, other) {
        case (.numbers(let a), .numbers(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.text(let a), .text(let b)): return a == b
        case (.failure(let r1, _), .failure(let r2, _)): return r1 == nil || r2 == nil || r1 == r2
        default: return false
        }
    }
}

/// One side of the bignum differential.
public protocol BigNumBackend: AnyObject {
    var name: String { get }
    /// Runs the case; never throws (a failure is an answer).
    func run(_ c: BigNumCase) -> BigNumAnswer
}

/// LibCrypto's `BigNum`.
public final class LibCryptoBigNum: BigNumBackend {
    public init() {}
    public var name: String { "LibCrypto" }

    public func run(_ c: BigNumCase) -> BigNumAnswer {
        let x = c.operands
        func at(_ i: Int) -> BigNum { i < x.count ? x[i] : .zero }
        let a = at(0)
        let b = at(1)
        do {
            switch c.operation {
            case .add: return .numbers([a + b])
            case .sub: return .numbers([a - b])
            case .uadd: return .numbers([BigNum.addingMagnitudes(a, b)])
            case .usub: return .numbers([try BigNum.subtractingMagnitudes(a, b)])
            case .mul: return .numbers([a * b])
            case .sqr: return .numbers([a.squared()])
            case .div:
                let (q, r) = try a.quotientAndRemainder(dividingBy: b)
                return .numbers([q, r])
            case .nnmod: return .numbers([try a.nonNegativeRemainder(modulo: b)])
            case .divWord:
                let (q, r) = try a.quotientAndRemainder(dividingBy: c.word)
                return .numbers([q, BigNum(r)])
            case .modWord: return .numbers([BigNum(try a.remainder(dividingBy: c.word))])
            case .modMul: return .numbers([try a.modMul(b, modulus: at(2))])
            case .modSqr: return .numbers([try a.modSquare(modulus: b)])
            case .exp: return .numbers([try a.power(b)])
            case .modExp: return .numbers([try a.modExp(b, modulus: at(2))])
            case .modExpConstantTime: return .numbers([try a.modExpConstantTime(b, modulus: at(2))])
            case .modInverse: return .numbers([try a.inverse(modulo: b)])
            case .modInversePrime: return .numbers([try a.inverseModPrimeConstantTime(b)])
            case .gcd: return .numbers([a.gcd(b)])
            case .lshift: return .numbers([try a.shiftedLeft(by: c.count)])
            case .rshift: return .numbers([try a.shiftedRight(by: c.count)])
            case .kronecker: return .integer(try a.jacobi(b))
            case .modSqrt: return .numbers([try a.modSqrt(prime: b)])
            case .checkPrime:
                // Miller–Rabin bases from a stream fixed by the candidate (a replayable verdict).
                var rng = SeededRandom(seed: SeededRandom.stableHash(a.hexString))
                let prime = try a.isProbablePrime { n in rng.bytes(n) }
                return .integer(prime ? 1 : 0)
            case .cmp: return .integer(BigNum.compare(a, b).signum())
            case .ucmp: return .integer(BigNum.compareMagnitudes(a, b).signum())
            case .toText: return .text([a.hexString, a.decimalString, Hex.encode(a.bytes())])
            case .fromHex: return .numbers([try BigNum(hex: c.text)])
            case .fromDecimal: return .numbers([try BigNum(decimal: c.text)])
            }
        } catch let e as CryptoError {
            let bn = e.openSSL.flatMap { $0.library == "BN" ? $0.code : nil }
            return .failure(reason: bn, text: e.openSSL.map { "\($0.name): \(e.reason)" } ?? e.description)
        } catch {
            return .failure(reason: nil, text: "\(error)")
        }
    }
}

/// Runs LibCrypto's bignums against a reference (OpenSSL's BN_*) on seeded random cases.
public final class BigNumDifferential {
    public static let corpus = "interop-bignum"
    public let subject: any BigNumBackend
    public let reference: any BigNumBackend
    public let seed: UInt64
    public let cases: Int
    public let filter: String?
    public let results: RunResults
    /// The corpus results are recorded under.
    public var corpus = BigNumDifferential.corpus
    /// Called after each operation: (name, cases run, mismatches, seconds both sides took).
    public var onOperation: ((String, Int, Int, Double) -> Void)?
    /// One minimized reproducer per operation and cause.
    public private(set) var reproducers: [(operation: String, cause: String, input: String)] = []

    /// `cases` in all, spread evenly over the operations (those `filter` names, if given: a
    /// part of an operation's name, or `bignum` for all).
    public init(
        subject: any BigNumBackend, reference: any BigNumBackend, seed: UInt64, cases: Int, filter: String?,
        results: RunResults
    ) {
        self.subject = subject
        self.reference = reference
        self.seed = seed
        self.cases = cases
        self.filter = filter?.lowercased()
        self.results = results
    }

    /// The operations this run covers.
    public var operations: [BigNumOperation] {
        guard let f = filter, !"bignum".contains(f) else { return BigNumOperation.allCases }
        return BigNumOperation.allCases.filter { $0.rawValue.lowercased().contains(f) }
    }

    /// Threads running operations at once; more than one needs `makeReference`, which gives
    /// each extra thread a reference of its own. Each operation draws its cases from a stream
    /// of its own (seed and operation name), so results depend neither on this nor on a filter.
    public var workers = 1
    public var makeReference: (() throws -> any BigNumBackend)?

    struct OperationRun {
        var cases: [CaseResult] = []
        var reproducers: [(operation: String, cause: String, input: String)] = []
        var mismatches = 0
        var nanoseconds: UInt64 = 0
    }

    public func run() {
        let ops = operations
        guard !ops.isEmpty, cases > 0 else { return }
        var poolGenerator = BigNumGenerator(seed: seed ^ SeededRandom.stableHash("bignum primes"))
        let primes = primePool(&poolGenerator)
        var refs: [any BigNumBackend] = [reference]
        if workers > 1, let make = makeReference {
            for _ in 1..<min(workers, ops.count) { if let r = try? make() { refs.append(r) } }
        }
        final class Shared: @unchecked Sendable {
            let lock = DispatchSemaphore(value: 1)
            var next = 0
            var runs: [OperationRun?]
            init(_ n: Int) { runs = Array(repeating: nil, count: n) }
        }
        let shared = Shared(ops.count)
        let total = cases
        nonisolated(unsafe) let work: (Int) -> Void = { [self] w in
            while true {
                shared.lock.wait()
                let i = shared.next
                shared.next += 1
                shared.lock.signal()
                guard i < ops.count else { return }
                let n = total / ops.count + (i < total % ops.count ? 1 : 0)
                let run = runOperation(ops[i], count: n, primes: primes, reference: refs[w])
                shared.lock.wait()
                shared.runs[i] = run
                shared.lock.signal()
            }
        }
        if refs.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: refs.count) { w in work(w) }
        }
        for (op, run) in zip(ops, shared.runs) {
            guard let run else { continue }
            for r in run.cases { results.record(r) }
            reproducers += run.reproducers
            onOperation?(op.rawValue, run.cases.count, run.mismatches, Double(run.nanoseconds) / 1e9)
        }
    }

    func runOperation(_ op: BigNumOperation, count: Int, primes: [BigNum], reference ref: any BigNumBackend)
        -> OperationRun
    {
        var out = OperationRun()
        var gen = BigNumGenerator(seed: seed ^ SeededRandom.stableHash(op.rawValue))
        gen.primes = primes
        var causes: Set<String> = []
        for i in 0..<count {
            let c = gen.makeCase(op)
            var r = CaseResult(
                corpus: corpus, file: op.rawValue, line: 0, id: "case \(i) (seed \(seed))", algorithm: "BIGNUM",
                implementation: "\(subject.name) vs \(ref.name)", outcome: .passed)
            let t0 = DispatchTime.now().uptimeNanoseconds
            let found = compare(c, ref)
            out.nanoseconds += DispatchTime.now().uptimeNanoseconds - t0
            if let d = found {
                out.mismatches += 1
                r.outcome = .failed
                r.expected = "\(d.reference)"
                r.actual = "\(d.subject)"
                r.reason = "\(d.cause): \(c)"
                if !causes.contains(d.cause) {
                    // One minimized reproducer per operation and cause; the rest are counted.
                    causes.insert(d.cause)
                    let small = shrink(c, ref)
                    out.reproducers.append((op.rawValue, d.cause, "\(small)"))
                    r.reason = "\(d.cause): \(c) (minimized: \(small))"
                }
            }
            out.cases.append(r)
        }
        return out
    }

    struct Difference {
        var cause: String
        var subject: BigNumAnswer
        var reference: BigNumAnswer
    }

    /// Nil when both sides agree; else what differs.
    func compare(_ c: BigNumCase, _ ref: (any BigNumBackend)? = nil) -> Difference? {
        let reference = ref ?? self.reference
        var s = subject.run(c)
        var r = reference.run(c)
        if c.operation == .modSqrt, c.operands.count > 1 {
            // Either root is right: compare the smaller of x and p − x.
            s = Self.canonicalRoot(s, c.operands[1])
            r = Self.canonicalRoot(r, c.operands[1])
        }
        guard !s.agrees(with: r) else { return nil }
        let cause: String
        switch (s, r) {
        case (.failure(let a, _), .failure(let b, _)):
            cause = "errors differ (reason \(a.map(String.init) ?? "-") vs \(b.map(String.init) ?? "-"))"
        case (.failure, _): cause = "only \(subject.name) fails"
        case (_, .failure): cause = "only \(reference.name) fails"
        default: cause = "result differs"
        }
        return Difference(cause: cause, subject: s, reference: r)
    }

    static func canonicalRoot(_ a: BigNumAnswer, _ p: BigNum) -> BigNumAnswer {
        guard case .numbers(let v) = a, let x = v.first else { return a }
        let other = p.magnitude - x
        return .numbers([x.isZero || x <= other ? x : other])
    }

    /// A smaller case with the same cause: operands halved, their sign dropped, set to 0 or 1,
    /// shifts and words made smaller, while the operation still disagrees in the same way.
    /// Moduli that must stay odd stay odd; primes are kept.
    func shrink(_ start: BigNumCase, _ ref: any BigNumBackend) -> BigNumCase {
        guard let first = compare(start, ref) else { return start }
        var best = start
        var budget = 1_000
        var improved = true
        while improved && budget > 0 {
            improved = false
            for cand in BigNumGenerator.smaller(best) {
                budget -= 1
                if let d = compare(cand, ref), d.cause == first.cause {
                    best = cand
                    improved = true
                    break
                }
                if budget <= 0 { break }
            }
        }
        return best
    }

    /// Primes for BN_mod_sqrt, the prime inverse and BN_check_prime: well-known ones (Mersenne
    /// primes, the NIST P-224/P-256/P-384 field primes, 2^255−19) and seeded random primes of
    /// 2 to 256 bits, some of the form k·2^s+1 (long Tonelli–Shanks chains). A candidate joins
    /// only if both sides call it prime.
    func primePool(_ gen: inout BigNumGenerator) -> [BigNum] {
        func p2(_ k: Int) -> BigNum { BigNumGenerator.powerOfTwo(k) }
        var pool: [BigNum] = [2, 3, 5, 7, 17, 257, 65537]
        pool += [61, 89, 107, 127, 521, 607].map { p2($0) - .one }
        pool.append(p2(224) - p2(96) + .one)
        pool.append(p2(256) - p2(224) + p2(192) + p2(96) - .one)
        pool.append(p2(384) - p2(128) - p2(96) + p2(32) - .one)
        pool.append(p2(255) - BigNum(19))
        var found = 0
        var tries = 0
        while found < 48 && tries < 20_000 {
            tries += 1
            let bits = 2 + gen.rng.below(found < 24 ? 64 : 255)
            var x = gen.random(bits: bits)
            if gen.rng.chance(40), bits > 12 {
                let s = 1 + gen.rng.below(min(bits - 4, 40))
                x = ((try? x.shiftedRight(by: s)) ?? .one) * p2(s) + .one
            }
            if !x.isOdd { x += .one }
            let c = BigNumCase(.checkPrime, [x])
            guard case .integer(1) = subject.run(c), case .integer(1) = reference.run(c) else { continue }
            pool.append(x)
            found += 1
        }
        return pool
    }
}

/// The operand generator.
struct BigNumGenerator {
    var rng: SeededRandom
    var primes: [BigNum] = [3]
    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    static func powerOfTwo(_ k: Int) -> BigNum {
        var bytes = [UInt8](repeating: 0, count: k / 8 + 1)
        bytes[0] = 1 << UInt8(k % 8)
        return (try? BigNum(bytes: bytes)) ?? .zero
    }

    /// A size in bits: mostly small, some up to `limit` (8,192 by default).
    mutating func size(_ limit: Int) -> Int {
        let n: Int
        switch rng.below(10) {
        case 0...3: n = rng.below(129)
        case 4...6: n = 129 + rng.below(896)
        case 7...8: n = 1025 + rng.below(3072)
        default: n = 4097 + rng.below(4096)
        }
        return min(n, limit)
    }

    /// A random number of exactly `bits` bits (0 for 0).
    mutating func random(bits: Int) -> BigNum {
        guard bits > 0 else { return .zero }
        var bytes = rng.bytes((bits + 7) / 8)
        let top = (bits - 1) % 8
        bytes[0] &= UInt8(truncatingIfNeeded: (1 << (top + 1)) - 1)
        bytes[0] |= UInt8(1 << top)
        return (try? BigNum(bytes: bytes)) ?? .zero
    }

    /// A number of at most `limit` bits, biased to edge values; negative now and then if `signed`.
    mutating func number(_ limit: Int = 8192, signed: Bool = true) -> BigNum {
        let limit = max(1, limit)
        var v: BigNum
        switch rng.below(100) {
        case 0..<10: v = BigNum(rng.below(4))
        case 10..<20:
            let k = rng.below(limit)
            v = Self.powerOfTwo(k)
            switch rng.below(3) {
            case 0: v -= .one
            case 1: v += k + 1 < limit ? .one : .zero
            default: break
            }
        case 20..<27:
            // All-ones limbs (2^(64j) − 1), sometimes shifted up a limb.
            let j = 1 + rng.below(max(1, limit / 64))
            v = Self.powerOfTwo(64 * j) - .one
            if rng.chance(30), 64 * (j + 1) <= limit { v = v * Self.powerOfTwo(64) }
        case 27..<32:
            v = Self.powerOfTwo(rng.below(limit)) + Self.powerOfTwo(rng.below(limit))
        default: v = random(bits: size(limit))
        }
        if v.bitWidth > limit { v = (try? v.shiftedRight(by: v.bitWidth - limit)) ?? .one }
        return signed && rng.chance(30) ? -v : v
    }

    /// A non-zero odd modulus, negative now and then.
    mutating func oddNumber(_ limit: Int = 8192, signed: Bool = true) -> BigNum {
        var m = number(limit, signed: false)
        if !m.isOdd { m += .one }
        return signed && rng.chance(20) ? -m : m
    }

    mutating func prime() -> BigNum { primes[rng.below(primes.count)] }

    /// An exponent whose cost with a modulus of `modulusBits` stays near 20,000 limb products
    /// (a step of n limbs costing about n² + 64 with its overhead; an even modulus takes a
    /// division a step): 300 bits for one limb, a few bits for an 8,192-bit modulus.
    mutating func exponent(modulusBits: Int) -> BigNum {
        let limbs = max(1, (modulusBits + 63) / 64)
        return number(max(8, min(8192, 20_000 / (limbs * limbs + 64))), signed: false)
    }

    /// A size limit for operands of the operations whose cost grows fastest (GCD, inverse,
    /// Kronecker, constant-time exponentiation): 8,192, 4,096, 2,048 and 1,024 bits with the
    /// given chances in 10,000, else 256 bits.
    mutating func costly(_ p8192: Int, _ p4096: Int, _ p2048: Int, _ p1024: Int) -> Int {
        var r = rng.below(10_000)
        for (limit, chance) in [(8192, p8192), (4096, p4096), (2048, p2048), (1024, p1024)] {
            if r < chance { return limit }
            r -= chance
        }
        return 256
    }

    /// `costly` for the quadratic operations.
    mutating func costly() -> Int { costly(20, 80, 700, 3000) }

    mutating func makeCase(_ op: BigNumOperation) -> BigNumCase {
        switch op {
        case .add, .sub, .uadd, .mul:
            return BigNumCase(op, [number(), number()])
        case .gcd:
            let limit = costly()
            return BigNumCase(op, [number(limit), number(limit)])
        case .usub:
            // BN_usub's contract is |a| ≥ |b|; it detects a breach only when b has more limbs
            // than a (ARG2_LT_ARG3), and otherwise returns the wrapped difference. Within one
            // limb count the operands are ordered so; across limb counts either order comes.
            var a = number()
            var b = number()
            if BigNum.compareMagnitudes(a, b) < 0, (a.bitWidth + 63) / 64 == (b.bitWidth + 63) / 64 { swap(&a, &b) }
            return BigNumCase(op, [a, b])
        case .cmp, .ucmp:
            let a = number()
            let b: BigNum
            switch rng.below(4) {
            case 0: b = a
            case 1: b = -a
            default: b = number()
            }
            return BigNumCase(op, [a, b])
        case .sqr, .toText: return BigNumCase(op, [number()])
        case .div, .nnmod:
            // Divisors near the dividend's size too, so quotients of one or two limbs come up.
            let a = number()
            let b = rng.chance(30) ? number(max(1, a.bitWidth - rng.below(130) + 2)) : number()
            return BigNumCase(op, [a, b])
        case .divWord, .modWord:
            let w: UInt64
            switch rng.below(6) {
            case 0: w = UInt64(rng.below(3))
            case 1: w = .max - UInt64(rng.below(2))
            case 2: w = 1 << UInt64(rng.below(64))
            default: w = rng.next() >> UInt64(rng.below(64))
            }
            return BigNumCase(op, [number()], word: w)
        case .modMul:
            let m = number()
            return BigNumCase(op, [number(), number(), m])
        case .modSqr: return BigNumCase(op, [number(), number()])
        case .exp:
            // Results up to about 12,800 bits.
            let small = rng.chance(50)
            return BigNumCase(op, [number(small ? 64 : 512), BigNum(rng.below(small ? 200 : 25))])
        case .modExp:
            let m = rng.chance(60) ? oddNumber(4096) : number(4096)
            return BigNumCase(op, [number(), exponent(modulusBits: m.bitWidth), m])
        case .modExpConstantTime:
            // Its exponent is padded to the modulus' length: the cost is cubic in the modulus.
            let limit = costly(3, 10, 50, 300)
            let m = rng.chance(95) ? oddNumber(limit) : number(limit)
            let a = rng.chance(70) ? ((try? number(limit).nonNegativeRemainder(modulo: m)) ?? .zero) : number()
            return BigNumCase(op, [a, number(m.bitWidth + 64, signed: false), m])
        case .modInverse:
            let limit = costly()
            let m = rng.chance(70) ? oddNumber(limit) : number(limit)
            return BigNumCase(op, [number(limit + 64), m])
        case .modInversePrime:
            let p = prime()
            var a = number(p.bitWidth + 8)
            if rng.chance(5) { a = p * BigNum(rng.below(3)) }
            return BigNumCase(op, [a, p.isOdd ? p : BigNum(3)])
        case .kronecker:
            let limit = costly()
            return BigNumCase(op, [number(limit + 64), oddNumber(limit, signed: false)])
        case .modSqrt:
            let p = prime()
            var a = number(p.bitWidth + 4)
            // Half the time a square, so the root path runs as often as the non-residue path.
            if rng.chance(50) { a = (try? a.modSquare(modulus: p)) ?? a }
            return BigNumCase(op, [a, p])
        case .checkPrime:
            switch rng.below(10) {
            case 0:
                // Primes take every Miller–Rabin round: the big ones (521 to 607 bits) rarely.
                let p = prime()
                return BigNumCase(op, [p.bitWidth <= 256 || rng.chance(3) ? p : BigNum(65537)])
            case 1:
                // Products of two primes, and Carmichael numbers (561, 41041, 825265, 321197185).
                if rng.chance(30) {
                    return BigNumCase(op, [BigNum([561, 41041, 825_265, 321_197_185][rng.below(4)])])
                }
                return BigNumCase(op, [prime() * prime()])
            default: return BigNumCase(op, [number(rng.chance(97) ? 256 : 1024)])
            }
        case .lshift, .rshift:
            let n: Int
            switch rng.below(10) {
            case 0: n = -1 - rng.below(64)
            case 1...3: n = rng.below(130)
            default: n = rng.below(op == .lshift ? 8192 : 9000)
            }
            return BigNumCase(op, [number()], count: n)
        case .fromHex, .fromDecimal:
            let a = number()
            var digits = op == .fromHex ? a.magnitude.hexString : a.magnitude.decimalString
            if op == .fromHex && rng.chance(40) { digits = digits.lowercased() }
            if rng.chance(30) { digits = String(repeating: "0", count: 1 + rng.below(20)) + digits }
            return BigNumCase(op, [], text: (a.isNegative || rng.chance(5) ? "-" : "") + digits)
        }
    }

    /// Candidates for the shrinker.
    static func smaller(_ c: BigNumCase) -> [BigNumCase] {
        var out: [BigNumCase] = []
        // Operands that must stay as they are (primes), and those that must stay odd.
        var fixed: Set<Int> = []
        var odd: Set<Int> = []
        switch c.operation {
        case .modSqrt, .modInversePrime: fixed = [1]
        case .kronecker: odd = [1]
        case .modExpConstantTime where c.operands.count > 2 && c.operands[2].isOdd: odd = [2]
        default: break
        }
        let steps: [(BigNum) -> BigNum] = [
            { $0.magnitude },
            { x in x.bitWidth > 1 ? (try? x.shiftedRight(by: (x.bitWidth + 1) / 2)) ?? x : x },
            { x in
                guard x.bitWidth > 1 else { return x }
                let low = (try? x.magnitude.nonNegativeRemainder(modulo: powerOfTwo(x.bitWidth / 2))) ?? x
                return x.isNegative ? -low : low
            },
            { x in (try? x.shiftedRight(by: 1)) ?? x },
            { _ in .zero },
            { _ in .one },
        ]
        func adjusted(_ o: BigNum, _ i: Int) -> BigNum? {
            guard odd.contains(i) else { return o }
            let v = o.isOdd ? o : o + (o.isNegative ? -BigNum.one : .one)
            return v.isNegative ? nil : v
        }
        let free = c.operands.indices.filter { !fixed.contains($0) }
        // First every free operand at once (equal operands stay equal), then one at a time.
        for step in steps where free.count > 1 {
            var s = c
            for i in free { if let o = adjusted(step(c.operands[i]), i) { s.operands[i] = o } }
            if s.operands != c.operands { out.append(s) }
        }
        for i in free {
            for step in steps {
                guard let o = adjusted(step(c.operands[i]), i), o != c.operands[i] else { continue }
                var s = c
                s.operands[i] = o
                out.append(s)
            }
        }
        if c.count > 1 {
            var s = c
            s.count /= 2
            out.append(s)
        }
        if c.word > 1 {
            var s = c
            s.word /= 2
            out.append(s)
        }
        return out
    }
}
