import Foundation
import Testing

@testable import Vectors

/// OpenSSL's bignum test data format (test/recipes/10-test_bn_data, read by test/bntest.c): a
/// good file, and one diagnostic for each kind of malformed stanza.
@Suite("BigNum test data parser (10-test_bn_data)")
struct BigNumTestParserTests {
    func parse(_ text: String) throws -> CollectingSink {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write("bnsample.txt", text)
        let sink = CollectingSink()
        BigNumTestParser(corpus: "openssl-bn").parse(path: path, displayPath: "bnsample.txt", into: sink)
        return sink
    }

    @Test("a good file: every kind, in bntest's order, keys without regard to case")
    func goodFile() throws {
        let text = """
            # Copyright line
            Title = Sum tests

            Sum = 3
            A = 1
            B = 2

            # Shift stanza with OpenSSL's own 'Rshift' spelling (bnshift.txt)
            Rshift = 0
            A = -1
            N = 1

            LShift = 10
            A = 1
            N = 4

            LShift1 = -2
            A = -1

            Square = 4
            A = -2

            Product = 6
            A = 2
            B = 3

            Quotient = -3
            Remainder = -1
            A = -7
            B = 2

            ModMul = 1
            A = 2
            B = 4
            M = 7

            ModSqr = 2
            A = 3
            M = 7

            ModExp = 1
            A = 2
            E = 3
            M = 7

            Exp = 8
            A = 2
            E = 3

            ModSqrt = -1
            A = 3
            P = 7

            GCD = 6
            A = C
            B = 12
            """
        let sink = try parse(text)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let kinds: [BigNumCheck.Kind] = sink.vectors.compactMap {
            if case .bignum(let c) = $0.operation { return c.kind }
            return nil
        }
        #expect(
            kinds == [
                .sum, .rShift, .lShift, .lShift1, .square, .product, .quotient, .modMul, .modSqr, .modExp, .exp,
                .modSqrt, .gcd,
            ])
        #expect(sink.vectors.first?.provenance.line == 4)
        #expect(sink.vectors.first?.algorithm == "BN-Sum")
        if case .bignum(let c) = sink.vectors[1].operation {
            #expect(c.values["RShift"] == "0" && c.values["A"] == "-1" && c.shift == 1)
        } else {
            Issue.record("second vector is not a bignum check")
        }
        if case .bignum(let c) = sink.vectors[2].operation { #expect(c.shift == 4) }
    }

    @Test("each malformed stanza is one file:line diagnostic, and parsing goes on")
    func malformed() throws {
        let cases: [(String, Int, String)] = [
            ("Sum = 3\nA 1\nB = 2\n", 2, "missing '='"),
            ("Sum = 3\n = 1\nB = 2\n", 2, "empty keyword"),
            ("Sum = 3\nA = 1\na = 1\nB = 2\n", 3, "repeated"),
            ("Foo = 3\nA = 1\n", 1, "no known kind"),
            ("Sum = 3\nA = 1\nB = 2\nM = 5\n", 4, "not a key of a Sum stanza"),
            ("Sum = 3\nA = 1\n", 1, "without B"),
            ("Sum = 3\nA = 1x\nB = 2\n", 2, "is not hex"),
            ("Sum = 3\nA =\nB = 2\n", 2, "empty value"),
            ("Sum = 3\nA = -\nB = 2\n", 2, "no hex digits"),
            ("Sum = 3\nA = 0x1\nB = 2\n", 2, "is not hex"),
            ("LShift = 2\nA = 1\nN = -1\n", 3, "N:"),
            ("LShift = 2\nA = 1\nN = 80000000\n", 3, "N:"),
            ("RShift = 2\nA = 1\nN = 1000000000000000000000\n", 3, "N:"),
            (
                "Sum = 3\nA = \(String(repeating: "f", count: BigNumTestParser.maxHexDigits + 1))\nB = 2\n", 2,
                "more than"
            ),
        ]
        for (text, line, message) in cases {
            // A good stanza after the bad one still comes out.
            let sink = try parse(text + "\nGCD = 1\nA = 2\nB = 3\n")
            #expect(sink.diagnostics.count == 1, "\(text.prefix(30)): \(sink.diagnostics)")
            let d = sink.diagnostics.first
            #expect(d?.line == line, "\(text.prefix(30))")
            #expect(d?.description.hasPrefix("bnsample.txt:\(line): ") == true)
            #expect(d?.message.contains(message) == true, "\(d?.message ?? "none") lacks '\(message)'")
            #expect(sink.vectors.count == 1 && sink.vectors.first?.algorithm == "BN-GCD")
        }
    }

    @Test("N accepts leading zeros and INT_MAX, as bntest's getint")
    func shiftCounts() {
        #expect(BigNumTestParser.shiftCount("0000000000000040") == 64)
        #expect(BigNumTestParser.shiftCount("7fffffff") == Int(Int32.max))
        #expect(BigNumTestParser.shiftCount("-0") == 0)
        #expect(BigNumTestParser.shiftCount("80000000") == nil)
        #expect(BigNumTestParser.shiftCount("-1") == nil)
    }

    @Test("the manifest maps the six bn files to the openssl-bn format")
    func manifest() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let m = try Manifest.load(path: root.path + "/TestVectors/manifests/openssl-bn.manifest")
        #expect(m.corpus == "openssl-bn")
        for f in ["bnsum.txt", "bnmul.txt", "bnmod.txt", "bnexp.txt", "bnshift.txt", "bngcd.txt"] {
            #expect(m.entry(forRelativePath: f)?.format == "openssl-bn", "\(f)")
        }
    }
}
