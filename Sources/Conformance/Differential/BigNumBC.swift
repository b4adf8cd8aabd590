import Foundation
import LibCrypto
import Vectors

// `bc` as a third bignum oracle, independent of OpenSSL (as OpenSSL 0.9.6's `make test` piped
// bntest's output into bc): random expressions over seeded operands, evaluated by one bc
// process per batch (hex in and out, BC_LINE_LENGTH=0), compared with LibCrypto's BigNum.
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

    public init(_ kind: Kind, _ operands: [BigNum], count: Int = 0) {
        self.kind = kind
        self.operands = operands
        self.count = count
    }

    static func literal(_ x: BigNum) -> String { x.isNegative ? "(\(x.hexString))" : x.hexString }

    /// The expression in bc's syntax (ibase=16: upper-case hex digits).
    public var bc: String {
        let x = operands.map(Self.literal)
        func at(_ i: Int) -> String { i < x.count ? x[i] : "0" }
        let k = String(count, radix: 16, uppercase: true)
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
    public var batchSize = 2_500
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

    /// The script's prologue: hex in and out, and the functions bc lacks. Every number in it
    /// is one hex digit, so it reads the same in either base.
    static let prologue = """
        obase=16
        ibase=16
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
        var bad = 0
        var start = 0
        while start < expressions {
            let n = min(batchSize, expressions - start)
            let batch = (0..<n).map { _ in Self.makeExpression(&gen) }
            var answers: [Int: String] = [:]
            var trouble: String? = nil
            do {
                (answers, trouble) = try evaluate(batch, bc: bc)
            } catch {
                trouble = "\(error)"
            }
            for (j, e) in batch.enumerated() {
                let i = start + j
                var r = CaseResult(
                    corpus: Self.corpus, file: "bc " + e.kind.rawValue, line: 0, id: "expression \(i) (seed \(seed))",
                    algorithm: "BIGNUM", implementation: "LibCrypto vs bc", outcome: .passed)
                let mine = Result { try subject(e) }
                switch (answers[j].map { try? BigNum(hex: $0) }, mine) {
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
        for (j, e) in batch.enumerated() { script += "print \"@\(j) \"; \(e.bc)\n" }
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

    /// A random expression; divisors and moduli never zero (bc stops on them).
    static func makeExpression(_ gen: inout BigNumGenerator) -> BCExpression {
        func operand(_ limit: Int = 8192) -> BigNum {
            // Sizes for bc: its base conversion is quadratic, so big operands are rarer.
            switch gen.rng.below(100) {
            case 0..<60: return gen.number(min(limit, 128))
            case 60..<90: return gen.number(min(limit, 1024))
            case 90..<99: return gen.number(min(limit, 2048))
            default: return gen.number(limit)
            }
        }
        func nonZero(_ limit: Int = 8192) -> BigNum {
            let x = operand(limit)
            return x.isZero ? BigNum(gen.rng.chance(50) ? 1 : -1) : x
        }
        let kind = BCExpression.Kind.allCases[gen.rng.below(BCExpression.Kind.allCases.count)]
        switch kind {
        case .add, .sub, .mul: return BCExpression(kind, [operand(), operand()])
        case .div, .mod, .nnmod: return BCExpression(kind, [operand(), nonZero()])
        case .pow: return BCExpression(kind, [operand(256)], count: gen.rng.below(17))
        case .sqr: return BCExpression(kind, [operand()])
        case .lshift: return BCExpression(kind, [operand()], count: gen.rng.below(1200))
        case .rshift: return BCExpression(kind, [operand()], count: gen.rng.below(1200))
        case .modExp:
            return BCExpression(kind, [operand(256), gen.number(256, signed: false), nonZero(256)])
        case .gcd: return BCExpression(kind, [operand(1024), operand(1024)])
        }
    }
}
