import Testing

@testable import Vectors

/// The DSA and DH readers of cryptography-vectors' asymmetric/DSA/ and asymmetric/DH/ files and
/// the key-file reader, on small inline samples in their layouts (numbers shortened: the parsers
/// do not check the arithmetic).
@Suite("DSA and DH vector files")
struct FFCVectorParserTests {
    func parse(_ op: FFCRecordParser.Operation, algorithm: String = "DSA", _ text: String) throws -> CollectingSink {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write("f.rsp", text)
        let sink = CollectingSink()
        let parser = try #require(FFCRecordParser(operation: op.rawValue, algorithm: algorithm, corpus: "t"))
        parser.parse(path: path, displayPath: "f.rsp", into: sink)
        return sink
    }

    func checks(_ sink: CollectingSink) -> [FFCCheck] {
        sink.vectors.compactMap {
            if case .ffc(let c) = $0.operation { return c }
            return nil
        }
    }

    @Test("SigGen: P, Q, G stay in force; with X the record signs, without it verifies; the digest from [mod]")
    func sigGen() throws {
        let sink = try parse(
            .sigGen,
            """
            [mod = L=2048, N=224, SHA-256]

            P = 0b
            Q = 05
            G = 03

            Msg = 0102
            X = 02
            Y = 09
            K = 07
            R = 04
            S = 01

            Msg = 03
            Y = 0a
            R = 02
            S = 03
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let c = checks(sink)
        try #require(c.count == 2)
        #expect(c[0].kind == .dsaSign && c[0].x == [2] && c[0].digest == "SHA256" && c[0].message == [1, 2])
        #expect(c[1].kind == .dsaVerify && c[1].p == [0x0b] && c[1].q == [5] && c[1].g == [3] && c[1].y == [0x0a])
        #expect(sink.vectors[1].algorithm == "DSA-SHA256" && sink.vectors[1].provenance.line == 14)
    }

    @Test("SigVer and KAS: Result F expects a failure; KAS fields gather across blank lines (RFC5114.txt)")
    func results() throws {
        let v = try parse(
            .sigVer,
            """
            [mod = 1024]
            P = 0b
            Q = 05
            G = 03

            Msg = 01
            Y = 09
            R = 04
            S = 01
            Result = F (3 - R changed )
            """)
        #expect(v.diagnostics.isEmpty)
        #expect(v.vectors.first?.expected == .failure("Result = F (3 - R changed )"))
        #expect(checks(v).first?.digest == "SHA1")
        let k = try parse(
            .kas, algorithm: "DH",
            """
            [A.1.  1024-bit MODP Group with 160-bit Prime Order Subgroup]
            COUNT=0
            P = 17
            Q = 0b
            G = 02

            XstatCAVS = 03
            YstatCAVS = 08

            XstatIUT = 05
            YstatIUT = 09

            Z = 0c

            Result = P (0 - Correct)
            """)
        #expect(k.diagnostics.isEmpty, "\(k.diagnostics)")
        let c = try #require(checks(k).first)
        #expect(c.kind == .dhAgreement && c.x == [5] && c.y == [9] && c.peerY == [8] && c.secret == [0x0c])
        #expect(k.vectors.first?.expected == .output([]))
    }

    @Test("decimal DH files; a modulus below 512 bits expects OpenSSL's refusal")
    func decimal() throws {
        let sink = try parse(
            .derive, algorithm: "DH decimal",
            """
            COUNT = 0
            P = 258
            G = 2
            X = 10
            Y = 300
            K = 0A0B
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let c = try #require(checks(sink).first)
        #expect(c.p == [1, 2] && c.x == [10] && c.peerY == [1, 0x2c] && c.secret == [0x0a, 0x0b])
        guard case .failure(let why) = sink.vectors.first?.expected else {
            Issue.record("expected a failure")
            return
        }
        #expect(why.hasPrefix("MODULUS_TOO_SMALL"))
        #expect(try FFCRecordParser.decimalBytes("0", what: "x") == [0])
    }

    @Test("PQG sections: A.1.1.2 primes, A.2.3 canonical g, FIPS 186-2 seeds; Shawe-Taylor is a skip with its reason")
    func pqg() throws {
        let sink = try parse(
            .pqgGen,
            """
            [A.1.1.2 Generation of the Probable Primes p and q Using an Approved Hash Function]
            [mod = L=1024, N=160, SHA-224]
            P = 0b
            Q = 05
            domain_parameter_seed = 0102
            counter = 325

            [A.1.2.1 Construction of the Primes p and q Using the Shawe-Taylor Algorithm]
            [mod = L=1024, N=160, SHA-1]
            P = 0b
            Q = 05
            firstseed = 01
            pseed = 02
            qseed = 03
            pgen_counter = 1
            qgen_counter = 2

            [A.2.3   Verifiable Canonical Generation of the Generator g]
            [mod = L=1024, N=160, SHA-1]
            P = 0b
            Q = 05
            firstseed = 01
            pseed = 02
            qseed = 03
            index = 71
            G = 03
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let c = checks(sink)
        try #require(c.count == 3)
        #expect(c[0].kind == .dsaPrimes && c[0].counter == 325 && c[0].digest == "SHA224" && c[0].seed == [1, 2])
        #expect(sink.vectors[1].unsupported.first?.contains("Shawe-Taylor") == true)
        #expect(c[2].kind == .dsaGenerator && c[2].seed == [1, 2, 3] && c[2].index == 0x71)
        let old = try parse(
            .pqgGen,
            """
            [mod = 1024]
            P = 0b
            Q = 05
            G = 03
            Seed = 01
            c = 7
            H = 2
            """)
        #expect(old.vectors.count == 2 && old.vectors.allSatisfy { $0.unsupported.isEmpty })
        let oldChecks = checks(old)
        #expect(oldChecks[0].kind == .dsaGenerator && !oldChecks[0].fips186_2)
        #expect(
            oldChecks[1].kind == .dsaPrimes && oldChecks[1].fips186_2 && oldChecks[1].seed == [1]
                && oldChecks[1].counter == 7)
    }

    @Test("malformed input: file:line diagnostics, no trap, capped sizes and counts")
    func malformed() throws {
        let huge = String(repeating: "ab", count: FFCVectorLimits.numberBytes + 2)
        let manyFields = (0..<(FFCVectorLimits.fieldsPerRecord + 5)).map { "F\($0) = 01" }.joined(separator: "\n")
        let sink = try parse(
            .sigVer,
            """
            [mod = L=1024, N=160, SHA-999]
            P = 0b
            Q = 05
            G = 03
            Msg = 01
            Y = 0g
            R = 04
            S = 01
            Result = P

            [mod = 1024]
            Msg = 01
            Y = \(huge)
            R = 04
            S = 01
            Result = X

            Msg = 01
            Y = 02
            R = 04
            S = 01
            Result = Q
            not a field
            [unterminated
            \(manyFields)
            Msg = 01
            """)
        let lines = sink.diagnostics.map(\.line)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.allSatisfy { $0.file == "f.rsp" && !$0.message.isEmpty })
        #expect(lines.contains(2))  // unknown digest: the record's first line
        #expect(lines.contains(13))  // Y over the size cap
        #expect(sink.diagnostics.contains { $0.message.contains("more than \(FFCVectorLimits.numberBytes) bytes") })
        #expect(sink.diagnostics.contains { $0.message.contains("Result: expected P or F") })
        #expect(sink.diagnostics.contains { $0.line == 23 && $0.message.contains("key = value") })
        #expect(sink.diagnostics.contains { $0.line == 24 && $0.message.contains("unterminated") })
        #expect(
            sink.diagnostics.contains { $0.message.contains("more than \(FFCVectorLimits.fieldsPerRecord) fields") })
        #expect(sink.diagnostics.contains { $0.message.contains("incomplete record") })
        // A counter out of range and a decimal with a letter.
        let c = try parse(
            .pqgVer,
            """
            [A.1.1.3 Validation]
            [mod = L=1024, N=160, SHA-1]
            P = 0b
            Q = 05
            Seed = 01
            c = 99999999999999999999
            Result = P
            """)
        #expect(c.vectors.isEmpty && c.diagnostics.first?.line == 6)
        let d = try parse(.derive, algorithm: "DH decimal", "P = 12x\nG = 2\nX = 1\nY = 2\nK = 00\n")
        #expect(d.vectors.isEmpty && d.diagnostics.first?.line == 1)
        #expect(throws: FieldError.self) {
            _ = try FFCRecordParser.decimalBytes(
                String(repeating: "9", count: FFCVectorLimits.decimalDigits + 1)[...], what: "P")
        }
        // The manifest column must name the key type the operation is for.
        #expect(FFCRecordParser(operation: "kas", algorithm: "DSA", corpus: "t") == nil)
        #expect(FFCRecordParser(operation: "sigver", algorithm: "RSA", corpus: "t") == nil)
    }

    @Test("key files: one case per file, PEM told from DER, capped size")
    func keyFiles() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let pem = try dir.write("k.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
        let sink = CollectingSink()
        KeyFileParser(algorithm: "DH", corpus: "t").parse(path: pem, displayPath: "k.pem", into: sink)
        guard case .keyFile(let k) = sink.vectors.first?.operation else {
            Issue.record("no key-file case")
            return
        }
        #expect(k.isPEM && k.parametersType == "DH" && sink.vectors.first?.provenance.line == 1)
        let big = try dir.write("big.der", String(repeating: "0", count: KeyFileCheck.maxBytes + 1))
        let empty = try dir.write("empty.der", "")
        let bad = CollectingSink()
        KeyFileParser(algorithm: "RSA", corpus: "t").parse(path: big, displayPath: "big.der", into: bad)
        KeyFileParser(algorithm: "RSA", corpus: "t").parse(path: empty, displayPath: "empty.der", into: bad)
        #expect(bad.vectors.isEmpty && bad.diagnostics.count == 2)
    }
}
