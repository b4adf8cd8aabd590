import Foundation
import Testing
@testable import Conformance
import LibCrypto
import Vectors

/// LibCrypto's bignums with one planted bug: `BN_cmp` says "greater" where the numbers are equal
/// and at least 2^64 (an off-by-one in the comparison), everything else LibCrypto's own.
final class PlantedCompareBigNum: BigNumBackend {
    let inner = LibCryptoBigNum()
    var name: String { "PlantedBug" }
    func run(_ c: BigNumCase) -> BigNumAnswer {
        let answer = inner.run(c)
        if c.operation == .cmp, case .integer(0) = answer, c.operands[0].bitWidth > 64 { return .integer(1) }
        return answer
    }
}

/// LibCrypto's bignums failing where they should not: `BN_div` by a divisor of exactly one
/// limb throws as if dividing by zero.
final class PlantedDivisionBigNum: BigNumBackend {
    let inner = LibCryptoBigNum()
    var name: String { "PlantedBug" }
    func run(_ c: BigNumCase) -> BigNumAnswer {
        if c.operation == .div, c.operands[1].bitWidth > 32, c.operands[1].bitWidth <= 64 {
            return .failure(reason: 103, text: "planted division by zero")
        }
        return inner.run(c)
    }
}

@Suite("Bignum differential and bc oracle")
struct BigNumDifferentialTests {
    @Test("a small run of LibCrypto against OpenSSL's BN_* agrees on every operation")
    func agrees() throws {
        let results = RunResults()
        let engine = BigNumDifferential(
            subject: LibCryptoBigNum(), reference: try OpenSSLBigNum(), seed: 11,
            cases: BigNumOperation.allCases.count * 12, filter: nil, results: results)
        engine.run()
        #expect(results.total.total == BigNumOperation.allCases.count * 12)
        #expect(
            results.ok, "\(results.problems.prefix(3).map { ($0.reason ?? "", $0.expected ?? "", $0.actual ?? "") })")
        #expect(Set(results.cases.map(\.file)) == Set(BigNumOperation.allCases.map(\.rawValue)))
        #expect(results.cases.allSatisfy { $0.corpus == "interop-bignum" })
    }

    @Test("OpenSSL's side is OpenSSL: known answers and its own errors")
    func reference() throws {
        let ref = try OpenSSLBigNum()
        // 2^100 - 1 = 3 · 5^3 · 11 · 31 · 41 · 101 · 251 · 601 · 1801 · 4051 · 8101 · 268501
        let m = BigNumGenerator.powerOfTwo(100) - .one
        guard case .numbers(let q) = ref.run(BigNumCase(.div, [m, BigNum(268_501)])) else {
            Issue.record("BN_div failed")
            return
        }
        #expect(q[1].isZero)
        #expect(q[0] * BigNum(268_501) == m)
        // Division by zero is BN_R_DIV_BY_ZERO (103), as LibCrypto's error says too.
        let zero = BigNumCase(.div, [m, .zero])
        guard case .failure(let reason, _) = ref.run(zero), case .failure(let mine, _) = LibCryptoBigNum().run(zero)
        else {
            Issue.record("division by zero did not fail")
            return
        }
        #expect(reason == 103)
        #expect(mine == 103)
        // An even modulus for the constant-time exponentiation: BN_R_CALLED_WITH_EVEN_MODULUS (102).
        guard case .failure(let even, _) = ref.run(BigNumCase(.modExpConstantTime, [3, 5, 10])) else {
            Issue.record("BN_mod_exp_mont_consttime took an even modulus")
            return
        }
        #expect(even == 102)
        // x^0 mod 0 is 1 for BN_mod_exp (it answers x^0 before it looks at the modulus).
        let zeroExponent = BigNumCase(.modExp, [5, 0, 0])
        #expect(ref.run(zeroExponent).agrees(with: .numbers([.one])))
        #expect(LibCryptoBigNum().run(zeroExponent).agrees(with: .numbers([.one])))
    }

    @Test("a planted off-by-one in a comparison is reported, with its operands, shrunk")
    func plantedCompare() throws {
        let results = RunResults()
        let engine = BigNumDifferential(
            subject: PlantedCompareBigNum(), reference: try OpenSSLBigNum(), seed: 3, cases: 400, filter: "bn_cmp",
            results: results)
        engine.run()
        #expect(engine.operations == [.cmp])
        let failed = results.cases.filter { $0.outcome == .failed }
        #expect(!failed.isEmpty, "the engine must notice the planted bug")
        #expect(failed.allSatisfy { $0.file == "BN_cmp" && $0.expected == "0" && $0.actual == "1" })
        let repro = try #require(engine.reproducers.first)
        #expect(repro.cause == "result differs")
        // Shrunk from up to 8,192 bits to a pair of at most two limbs (65 bits is the least).
        let a = try #require(repro.input.split(separator: " ").first { $0.hasPrefix("a=") })
        #expect(a.count <= "a=-".count + 32, "\(repro.input)")
        #expect(!results.ok)
    }

    @Test("a planted failure is an error-versus-value mismatch")
    func plantedFailure() throws {
        let results = RunResults()
        let engine = BigNumDifferential(
            subject: PlantedDivisionBigNum(), reference: try OpenSSLBigNum(), seed: 4, cases: 600, filter: "bn_div",
            results: results)
        engine.run()
        let failed = results.cases.filter { $0.outcome == .failed }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0.file == "BN_div" && ($0.reason ?? "").hasPrefix("only PlantedBug fails") })
    }

    @Test("bc agrees with LibCrypto on random expressions")
    func bcAgrees() throws {
        let oracle = BigNumBCOracle(seed: 2, expressions: 600, filter: nil, results: RunResults())
        try #require(oracle.bcPath != nil, "bc is installed by scripts/setup.sh")
        oracle.batchSize = 250
        oracle.run()
        let r = oracle.results
        #expect(r.total.total == 600)
        #expect(r.ok, "\(r.problems.prefix(3).map { ($0.reason ?? "", $0.expected ?? "", $0.actual ?? "") })")
        // Every kind of expression came up.
        #expect(Set(r.cases.map(\.file)) == Set(BCExpression.Kind.allCases.map { "bc " + $0.rawValue }))
        // Both bases came up.
        #expect(r.cases.contains { $0.id.hasSuffix("[hex]") } && r.cases.contains { $0.id.hasSuffix("[decimal]") })
    }

    @Test("bc's answers are bc's: an off-by-one planted in LibCrypto's side is caught")
    func bcPlanted() throws {
        let oracle = BigNumBCOracle(seed: 2, expressions: 300, filter: nil, results: RunResults())
        try #require(oracle.bcPath != nil, "bc is installed by scripts/setup.sh")
        oracle.subject = { e in
            let v = try BCExpression.libCrypto(e)
            return e.kind == .mul ? v + .one : v
        }
        oracle.run()
        let failed = oracle.results.cases.filter { $0.outcome == .failed }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0.file == "bc *" })
        #expect(failed.count == oracle.results.cases.filter { $0.file == "bc *" }.count)
    }

    @Test("without bc the corpus is one counted skip that says so")
    func bcMissing() {
        let oracle = BigNumBCOracle(seed: 1, expressions: 10_000, filter: nil, results: RunResults())
        oracle.bcPath = nil
        oracle.run()
        let r = oracle.results
        #expect(r.total.total == 1)
        #expect(r.cases.first?.outcome == .skipped)
        #expect(r.cases.first?.reason == "bc not installed")
        #expect(r.ok)
    }

    @Test("the same seed gives the same bignum cases")
    func seeded() {
        var a = BigNumGenerator(seed: 9)
        var b = BigNumGenerator(seed: 9)
        for op in BigNumOperation.allCases {
            #expect("\(a.makeCase(op))" == "\(b.makeCase(op))")
        }
    }
}
