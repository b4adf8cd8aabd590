import Dispatch
import Foundation
import LibCrypto
import Vectors

// `bc` as a third bignum oracle, independent of OpenSSL (as OpenSSL 0.9.6's `make test` piped
// bntest's output into bc): random expressions over seeded operands, evaluated by one bc
// process per batch (BC_LINE_LENGTH=0), compared with LibCrypto's BigNum. Expressions on small
// operands are written and answered in hex (ibase=16, obase=16), the rest in decimal: bc keeps
// its numbers in decimal, and its base conversion is quadratic (an 8,192-bit product printed in
// hex takes it half a second). The decimal text on both ways is LibCrypto's, which the
// OpenSSL differential checks against BN_bn2dec and BN_dec2bn.
// bc's `/` truncates toward zero and its `%` takes the dividend's sign (scale=0), as BN_div
// does; BN_nnmod, BN_mod_exp and BN_gcd are bc functions defined in the script.

/// One expression for bc: an operation on operands, and its text in bc's syntax.
public struct BCExpression: Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        case add = "+"
        case sub = "-"
        case mul = "*"
        case div = "/"
        case mod = "%"
        case pow = "^"
        case sqr = "^2"
        case lshift = "*2^k"
        case rshift = "/2^k"
        case nnmod = "nnmod"
        case modExp = "modexp"
        case gcd = "gcd"
    }

    public var kind: Kind
    public var operands: [BigNum]
    /// The shift, or the small exponent of `^`.
    public var count = 0
    /// Written and answered in hex (else in decimal).
    public var hex = false

    public init(_ kind: Kind, _ operands: [BigNum], count: Int = 0, hex: Bool = false) {
        self.kind = kind
        self.operands = operands
        self.count = count
        self.hex = hex
    }

    func literal(_ x: BigNum) -> String {
        let digits = hex ? x.magnitude.hexString : x.magnitude.decimalString
        return x.isNegative ? "(-\(digits))" : digits
    }

    /// The expression in bc's syntax (hex: upper-case digits, for ibase=16).
    public var bc: String {
        let x = operands.map(literal)
        func at(_ i: Int) -> String { i < x.count ? x[i] : "0" }
        let k = hex ? String(count, radix: 16, uppercase: true) : String(count)
        switch kind {
        case .add, .sub, .mul, .div, .mod: return at(0) + kind.rawValue + at(1)
        case .pow: return "\(at(0))^\(k)"
        case .sqr: return "\(at(0))^2"
        case .lshift: return "\(at(0))*2^\(k)"
        case .rshift: return "\(at(0))/2^\(k)"
        case .nnmod: return "n(\(at(0)),\(at(1)))"
        case .modExp: return "m(\(at(0)),\(at(1)),\(at(2)))"
        case .gcd: return "g(\(at(0)),\(at(1)))"
        }
    }

    public var description: String { bc }

    /// LibCrypto's value of the expression.
    public static func libCrypto(_ e: BCExpression) throws -> BigNum {
        let x = e.operands
        func at(_ i: Int) -> BigNum { i < x.count ? x[i] : .zero }
        switch e.kind {
        case .add: return at(0) + at(1)
        case .sub: return at(0) - at(1)
        case .mul: return at(0) * at(1)
        case .div: return try at(0).quotientAndRemainder(dividingBy: at(1)).quotient
        case .mod: return try at(0).quotientAndRemainder(dividingBy: at(1)).remainder
        case .pow: return try at(0).power(BigNum(e.count))
        case .sqr: return at(0).squared()
        case .lshift: return try at(0).shiftedLeft(by: e.count)
        case .rshift: return try at(0).shiftedRight(by: e.count)
        case .nnmod: return try at(0).nonNegativeRemainder(modulo: at(1))
        case .modExp: return try at(0).modExp(at(1), modulus: at(2))
        case .gcd: return at(0).gcd(at(1))
        }
    }
}

/// Runs random expressions through bc and through LibCrypto, and compares.
public final class BigNumBCOracle {
    public static let corpus = "bc-bignum"
    public let seed: UInt64
    public let expressions: Int
    public let filter: String?
    public let results: RunResults
    /// The bc executable; nil when none is on PATH (the corpus is then one counted skip).
    public var bcPath: String? = BigNumBCOracle.findBC()
    /// Expressions per bc process.
    public var batchSize = 1_000
    /// bc processes at once.
    public var workers = 1
    /// The side compared with bc (LibCrypto; a test plants a bug here).
    public var subject: (BCExpression) throws -> BigNum = BCExpression.libCrypto
    /// Called at the end: (expressions run, mismatches).
    public var onFinish: ((Int, Int) -> Void)?

    public init(seed: UInt64, expressions: Int, filter: String?, results: RunResults) {
        self.seed = seed
        self.expressions = expressions
        self.filter = filter?.lowercased()
        self.results = results
    }

    /// The script's prologue: the functions bc lacks. Every number in them is one digit, so
    /// they read the same in either base.
    static let prologue = """
        define n(a,d){auto r;if(d<0)d=-d;r=a%d;if(r<0)r=r+d;return(r)}
        define m(b,e,d){auto r;if(d<0)d=-d;r=1;b=b%d;if(b<0)b=b+d;while(e>0){if(e%2==1)r=(r*b)%d;b=(b*b)%d;e=e/2};return(r%d)}
        define g(a,b){auto t;if(a<0)a=-a;if(b<0)b=-b;while(b>0){t=a%b;a=b;b=t};return(a)}

        """

    /// `bc` on PATH, if there is one.
    public static func findBC() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/bc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    var selected: Bool {
        guard let f = filter else { return true }
        return "bignum".contains(f) || "bc".contains(f)
    }

    public func run() {
        guard selected, expressions > 0 else { return }
        guard let bc = bcPath else {
            results.record(
                CaseResult(
                    corpus: Self.corpus, file: "bc", line: 0, id: "\(expressions) expressions", algorithm: "BIGNUM",
                    implementation: "LibCrypto vs bc", outcome: .skipped, reason: "bc not installed",
                    expectedSkip: true))
            onFinish?(0, 0)
            return
        }
        var gen = BigNumGenerator(seed: seed ^ SeededRandom.stableHash("bc"))
        var batches: [[BCExpression]] = []
        var left = expressions
        while left > 0 {
            let n = min(max(1, batchSize), left)
            batches.append((0..<n).map { _ in Self.makeExpression(&gen) })
            left -= n
        }
        // bc processes run side by side (`workers` at a time); results are recorded in order.
        final class Shared: @unchecked Sendable {
            let lock = DispatchSemaphore(value: 1)
            var next = 0
            var outputs: [(answers: [Int: String], trouble: String?)]
            init(_ n: Int) { outputs = Array(repeating: ([:], nil), count: n) }
        }
        let shared = Shared(batches.count)
        nonisolated(unsafe) let work: (Int) -> Void = { [self] _ in
            while true {
                shared.lock.wait()
                let k = shared.next
                shared.next += 1
                shared.lock.signal()
                guard k < batches.count else { return }
                let output: ([Int: String], String?)
                do { output = try evaluate(batches[k], bc: bc) } catch { output = ([:], "\(error)") }
                shared.lock.wait()
                shared.outputs[k] = output
                shared.lock.signal()
            }
        }
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, batches.count))) { w in work(w) }
        var bad = 0
        var start = 0
        for (batch, (answers, trouble)) in zip(batches, shared.outputs) {
            let n = batch.count
            for (j, e) in batch.enumerated() {
                let i = start + j
                var r = CaseResult(
                    corpus: Self.corpus, file: "bc " + e.kind.rawValue, line: 0,
                    id: "expression \(i) (seed \(seed)) [\(e.hex ? "hex" : "decimal")]",
                    algorithm: "BIGNUM", implementation: "LibCrypto vs bc", outcome: .passed)
                let mine = Result { try subject(e) }
                let theirs = answers[j].map { e.hex ? try? BigNum(hex: $0) : try? BigNum(decimal: $0) }
                switch (theirs, mine) {
                case (.some(.some(let theirs)), .success(let ours)) where theirs == ours:
                    break
                case (.some(.some(let theirs)), .success(let ours)):
                    bad += 1
                    r.outcome = .failed
                    r.reason = "value differs: \(e.bc)"
                    r.expected = theirs.hexString
                    r.actual = ours.hexString
                case (.some(.some(let theirs)), .failure(let err)):
                    bad += 1
                    r.outcome = .failed
                    r.reason = "only LibCrypto fails: \(e.bc)"
                    r.expected = theirs.hexString
                    r.actual = "error: \(err)"
                case (.some(.none), _):
                    r.outcome = .errored
                    r.reason = "bc printed \"\(answers[j]?.prefix(80) ?? "")\", not a number, for \(e.bc.prefix(200))"
                case (.none, _):
                    r.outcome = .errored
                    r.reason = "bc printed nothing for \(e.bc.prefix(200))" + (trouble.map { " (\($0))" } ?? "")
                }
                results.record(r)
            }
            start += n
        }
        onFinish?(expressions, bad)
    }

    /// Runs one bc process on the batch; returns its answers by index, and the first line bc
    /// wrote to stderr, if any.
    func evaluate(_ batch: [BCExpression], bc: String) throws -> ([Int: String], String?) {
        var script = Self.prologue
        var hex = false
        for (j, e) in batch.enumerated() {
            // ibase last into hex (obase is read in the old ibase), first out of it ("A" is ten).
            if e.hex != hex { script += e.hex ? "obase=16\nibase=16\n" : "ibase=A\nobase=A\n" }
            hex = e.hex
            script += "print \"@\(j) \"; \(e.bc)\n"
        }
        let dir = FileManager.default.temporaryDirectory
        let input = dir.appendingPathComponent("confrun-bc-\(UUID().uuidString).bc")
        let errors = dir.appendingPathComponent("confrun-bc-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: errors)
        }
        try Data(script.utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bc)
        p.arguments = ["-q"]
        var env = ProcessInfo.processInfo.environment
        env["BC_LINE_LENGTH"] = "0"
        p.environment = env
        let stdin = try FileHandle(forReadingFrom: input)
        defer { try? stdin.close() }
        let stderr = try FileHandle(forWritingTo: errors)
        defer { try? stderr.close() }
        let out = Pipe()
        p.standardInput = stdin
        p.standardOutput = out
        p.standardError = stderr
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var answers: [Int: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard line.hasPrefix("@"), let space = line.firstIndex(of: " "),
                let j = Int(line[line.index(after: line.startIndex)..<space])
            else { continue }
            answers[j] = String(line[line.index(after: space)...])
        }
        let err = (try? String(contentsOf: errors, encoding: .utf8))?.split(separator: "\n").first.map(String.init)
        let status = p.terminationStatus == 0 ? nil : "bc exit status \(p.terminationStatus)"
        return (answers, err ?? status)
    }

    /// A random expression; divisors and moduli never zero (bc stops on them). Sizes follow
    /// bc's costs: its division and its interpreted loops (modexp, gcd) are slow on big numbers.
    static func makeExpression(_ gen: inout BigNumGenerator) -> BCExpression {
        func nonZero(_ limit: Int) -> BigNum {
            let x = gen.number(limit)
            return x.isZero ? BigNum(gen.rng.chance(50) ? 1 : -1) : x
        }
        func rarely(_ common: Int, _ rare: Int, _ percent: Int = 3) -> Int {
            gen.rng.chance(percent) ? rare : common
        }
        let kind = BCExpression.Kind.allCases[gen.rng.below(BCExpression.Kind.allCases.count)]
        var e: BCExpression
        switch kind {
        case .add, .sub, .mul: e = BCExpression(kind, [gen.number(), gen.number()])
        case .sqr: e = BCExpression(kind, [gen.number()])
        case .div, .mod, .nnmod:
            let limit = rarely(2048, 8192)
            let a = gen.number(limit)
            e = BCExpression(kind, [a, nonZero(gen.rng.chance(50) ? max(1, a.bitWidth) : limit)])
        case .pow: e = BCExpression(kind, [gen.number(256)], count: gen.rng.below(17))
        case .lshift, .rshift: e = BCExpression(kind, [gen.number()], count: gen.rng.below(1200))
        case .modExp:
            e = BCExpression(
                kind, [gen.number(256), gen.number(rarely(64, 256), signed: false), nonZero(rarely(128, 256))])
        case .gcd:
            let limit = rarely(256, 1024, 10)
            e = BCExpression(kind, [gen.number(limit), gen.number(limit)])
        }
        // Hex for small numbers and results (bc converts bases in quadratic time).
        let bits = e.operands.map(\.bitWidth).max() ?? 0
        let result = kind == .pow ? bits * e.count : kind == .lshift ? bits + e.count : bits * 2
        e.hex = result <= 1024 && gen.rng.chance(60)
        return e
    }
}
