import Testing

@testable import Vectors

/// The RSA readers of cryptography-vectors' asymmetric/RSA/ files, on small inline samples in
/// their layouts (numbers shortened: the parsers do not check the arithmetic).
@Suite("RSA vector files")
struct RSAVectorParserTests {
    func parse(_ text: String, name: String = "rsa.rsp", _ run: (String, String, CollectingSink) -> Void) throws
        -> CollectingSink
    {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write(name, text)
        let sink = CollectingSink()
        run(path, name, sink)
        return sink
    }

    func records(_ op: RSARecordParser.Operation, _ scheme: RSARecordParser.Scheme, _ text: String) throws
        -> CollectingSink
    {
        try parse(text) {
            RSARecordParser(operation: op, scheme: scheme, corpus: "t").parse(path: $0, displayPath: $1, into: $2)
        }
    }

    func inputs(_ sink: CollectingSink) -> [PKeyInput] {
        sink.vectors.compactMap {
            if case .pkey(let k) = $0.operation { return k }
            return nil
        }
    }

    @Test("SigGen: signs where d is given (PKCS#1 v1.5), else verifies the given S")
    func sigGen() throws {
        let sink = try records(
            .sigGen, .pkcs1,
            """
            # CAVS 11.4
            [mod = 1024]

            n = c8a3

            e = 010001
            d = 5dfc

            SHAAlg = SHA256
            Msg = 0102
            S = 0a0b

            n = 00c9
            e = 03
            SHAAlg = SHA1
            Msg = 03
            S = 0c
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let k = inputs(sink)
        try #require(k.count == 2)
        #expect(k[0].kind == .digestSign && k[0].digest == "SHA256" && k[0].input == [[1, 2]])
        #expect(
            k[0].key?.source
                == .rsaNumbers(
                    modulus: [0xc8, 0xa3], publicExponent: [1, 0, 1], privateExponent: [0x5d, 0xfc], crt: []))
        #expect(k[0].controls.map(\.text) == ["pkcs1"])
        #expect(sink.vectors[0].expected == .output([0x0a, 0x0b]))
        // A new n forgets the d before it: the second case verifies.
        #expect(k[1].kind == .digestVerify && k[1].key?.isPrivate == false && k[1].output == [0x0c])
        #expect(
            k[1].key?.source == .rsaNumbers(modulus: [0, 0xc9], publicExponent: [3], privateExponent: nil, crt: []))
        #expect(sink.vectors[1].expected == .output([]))
        #expect(sink.vectors[1].algorithm == "RSA-PKCS1-SHA1")
    }

    @Test("SigVer: Result F must fail; PSS takes SaltVal's length; run-together cases split")
    func sigVer() throws {
        let sink = try records(
            .sigVer, .pss,
            """
            [mod = 1024]
            n = c5
            !!

            SHAAlg = SHA384
            e = 11
            d = 07
            Msg = 01
            S = 02
            SaltVal = 11223344
            Result = F (1 - Message changed)
            SHAAlg = SHA384
            e = 11
            d = 07
            Msg = 03
            S = 04
            SaltVal = 1122
            Result = P
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let k = inputs(sink)
        try #require(k.count == 2)
        #expect(sink.vectors[0].expected == .failure("VERIFY_ERROR"))
        #expect(sink.vectors[1].expected == .output([]))
        #expect(
            k[0].controls.map { "\($0.name):\($0.text)" } == [
                "rsa_padding_mode:pss", "rsa_mgf1_md:SHA384", "rsa_pss_saltlen:4",
            ])
        #expect(k[1].controls.last?.text == "2" && k[1].input == [[3]] && k[1].key?.isPrivate == false)
        #expect(sink.vectors[1].provenance.line == 12)
    }

    @Test("malformed records are file:line diagnostics, and the next record still reads")
    func malformed() throws {
        let sink = try records(
            .sigVer, .pkcs1,
            """
            SHAAlg = SHA1
            Msg = 01
            S = 02
            Result = P

            n = zz

            n = c5
            e = 03
            SHAAlg = MD2
            Msg = 01
            S = 02
            Result = P

            SHAAlg = SHA1
            Msg = 0
            S = 02
            Result = P

            SHAAlg = SHA1
            Msg = 01
            S = 02
            Result = maybe

            SHAAlg = SHA1
            Msg = 01
            S = 02

            SHAAlg = SHA1
            Msg = 01
            S = 02
            Result = F
            """)
        let messages = sink.diagnostics.map { "\($0.line): \($0.message)" }
        #expect(
            messages == [
                "1: no n before this record",
                "6: n: non-hex character 'z' at position 1",
                "10: SHAAlg: unknown digest 'MD2'",
                "16: Msg: odd number of hex digits (1)",
                "23: Result: expected P or F, found 'maybe'",
                "25: SigVer record without Result",
            ], "\(messages)")
        #expect(sink.vectors.count == 1 && sink.vectors[0].expected == .failure("VERIFY_ERROR"))
    }

    @Test("oaep-label.txt: a PKCS#8 key in hex becomes PEM, with the OAEP settings as controls")
    func oaepLabel() throws {
        let sink = try records(
            .decrypt, .pkcs1,
            """
            COUNT = 1
            KEY = 3003020100
            RSAPadding = OAEP
            OAEPDigest = SHA512
            OAEPLabel = 0011
            Input = 48b9
            Output = "Hi"
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let k = inputs(sink)
        try #require(k.count == 1)
        #expect(k[0].key?.source == .pem("-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n"))
        #expect(
            k[0].controls.map { "\($0.name):\($0.text)" } == [
                "rsa_padding_mode:oaep", "rsa_oaep_md:SHA512", "rsa_oaep_label:0011",
            ])
        #expect(sink.vectors[0].expected == .output(Array("Hi".utf8)))
    }

    static let labs = """
        Test vectors for RSA-OAEP
        Key  1: 1024 bits
        =====
        # Example 1: A 1024-bit RSA key pair
        # Public key
        # Modulus:
        a8 b3
        b2 84

        # Exponent:
        01 00 01

        # Private key
        # Modulus:
        a8 b3 b2 84
        # Public exponent:
        10001
        # Exponent:
        53 33
        # Prime 1:
        d3
        # Prime 2:
        cc
        # Prime exponent 1:
        0e
        # Prime exponent 2:
        b0
        # Coefficient:
        4c

        # OAEP Example 1.1 alg=sha256 mgf1=sha1
        # Message:
        66 28
        # Seed:
        18 b7
        # Encryption:
        35 4f

        # OAEP Example 1.2
        # Message:
        75 0c
        # Encryption:
        64 0d xx

        # OAEP Example 1.3
        # Encryption:
        01 02
        """

    @Test("RSA Labs layout: keys with CRT values, examples, alg=/mgf1=, and malformed hex")
    func rsaLabs() throws {
        let sink = try parse(Self.labs, name: "oaep.txt") {
            RSALabsParser(operation: .oaepDecrypt, digest: "SHA1", corpus: "t").parse(
                path: $0, displayPath: $1, into: $2)
        }
        let messages = sink.diagnostics.map { "\($0.line): \($0.message)" }
        #expect(
            messages == [
                "43: expected hex digits under '# Encryption:', found '64 0d xx'",
                "46: an example's output without its Message",
            ], "\(messages)")
        let k = inputs(sink)
        try #require(k.count == 1)
        #expect(
            k[0].key?.source
                == .rsaNumbers(
                    modulus: [0xa8, 0xb3, 0xb2, 0x84], publicExponent: [1, 0, 1], privateExponent: [0x53, 0x33],
                    crt: [[0xd3], [0xcc], [0x0e], [0xb0], [0x4c]]))
        #expect(k[0].kind == .decrypt && k[0].input == [[0x35, 0x4f]] && k[0].output == [0x66, 0x28])
        #expect(
            k[0].controls.map { "\($0.name):\($0.text)" } == [
                "rsa_padding_mode:oaep", "rsa_oaep_md:SHA256", "rsa_mgf1_md:SHA1",
            ])
        #expect(sink.vectors[0].id == "OAEP Example 1.1 alg=sha256 mgf1=sha1" && sink.vectors[0].provenance.line == 31)
    }

    @Test("RSA Labs PSS: verification with the salt's length; PKCS#1 v1.5 signing compares")
    func rsaLabsSignatures() throws {
        let text = """
            # Modulus:
            a5 6e
            # Exponent:
            01 00 01
            # Modulus:
            a5 6e
            # Public exponent:
            01 00 01
            # Exponent:
            33 a5
            # PSS Example 1.1
            # Message to be signed:
            cd c8
            # Salt:
            de e9 59
            # Signature:
            90 74
            """
        let pss = try parse(text, name: "pss.txt") {
            RSALabsParser(operation: .pssVerify, digest: "SHA1", corpus: "t").parse(path: $0, displayPath: $1, into: $2)
        }
        #expect(pss.diagnostics.isEmpty, "\(pss.diagnostics)")
        let p = inputs(pss)
        try #require(p.count == 1)
        #expect(p[0].kind == .digestVerify && p[0].key?.isPrivate == false && p[0].controls.last?.text == "3")
        #expect(pss.vectors[0].expected == .output([]))
        let sign = try parse(text, name: "sign.txt") {
            RSALabsParser(operation: .pkcs1Sign, digest: "SHA1", corpus: "t").parse(path: $0, displayPath: $1, into: $2)
        }
        let s = inputs(sign)
        try #require(s.count == 1)
        #expect(s[0].kind == .digestSign && s[0].key?.isPrivate == true && s[0].digest == "SHA1")
        #expect(sign.vectors[0].expected == .output([0x90, 0x74]))
    }
}
