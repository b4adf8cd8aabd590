import Testing

@testable import Vectors

/// The EC readers of cryptography-vectors' asymmetric/ECDSA, ECDH, X25519, X448, Ed25519 and
/// Ed448 files, on small inline samples in their layouts (numbers shortened: the parsers do not
/// check the arithmetic).
@Suite("EC vector files")
struct ECVectorParserTests {
    func parse(_ op: ECRecordParser.Operation, algorithm: String = "ECDSA", _ text: String) throws -> CollectingSink {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write("f.rsp", text)
        let sink = CollectingSink()
        let parser = try #require(ECRecordParser(operation: op.rawValue, algorithm: algorithm, corpus: "t"))
        parser.parse(path: path, displayPath: "f.rsp", into: sink)
        return sink
    }

    func checks(_ sink: CollectingSink) -> [ECCheck] {
        sink.vectors.compactMap {
            if case .ec(let c) = $0.operation { return c }
            return nil
        }
    }

    @Test("SigGen and SigVer: curve and digest from the header, SHA-1 for FIPS 186-2's [P-192], Result decides")
    func signatures() throws {
        let gen = try parse(
            .sigGen,
            """
            [P-256,SHA-384]

            Msg = 0102
            d = 0a
            Qx = 0b
            Qy = 0c
            k = 0d
            R = 0e
            S = 0f

            [K-163]
            Msg = 03
            Qx = 01
            Qy = 02
            R = 03
            S = 004
            """)
        #expect(gen.diagnostics.isEmpty, "\(gen.diagnostics)")
        let g = checks(gen)
        #expect(g.map(\.kind) == [.ecdsaSign, .ecdsaVerify])
        #expect(g.map(\.curve) == ["prime256v1", "sect163k1"])
        #expect(g.map(\.digest) == ["SHA384", "SHA1"])
        #expect(g.last?.s == [0, 4], "an odd digit count gains a leading 0")

        let ver = try parse(
            .sigVer,
            """
            [P-521,SHA-512]
            Msg = 01
            Qx = 02
            Qy = 03
            R = 04
            S = 05
            Result = F (3 - S changed)

            Msg = 01
            Qx = 02
            Qy = 03
            R = 04
            S = 05
            Result = P (0 )
            """)
        #expect(ver.vectors.map(\.expected) == [.failure("Result = F (3 - S changed)"), .output([])])
    }

    @Test("KeyPair skips its N and method headers; PKV's Result is the expectation")
    func keyPairAndPKV() throws {
        let kp = try parse(
            .keyPair,
            """
            [P-192]

            [B.4.2 Key Pair Generation by Testing Candidates]
            N = 10

            d = 01
            Qx = 02
            Qy = 03
            """)
        #expect(kp.diagnostics.isEmpty, "\(kp.diagnostics)")
        #expect(checks(kp).map(\.kind) == [.keyPair])
        #expect(checks(kp).first?.curve == "prime192v1")
        let pkv = try parse(.pkv, "[P-224]\nQx = 01\nQy = 02\nResult = F (1 - Q_x or Q_y out of range)\n")
        #expect(pkv.vectors.first?.expected == .failure("Result = F (1 - Q_x or Q_y out of range)"))
    }

    @Test("KAS: curves from the preamble, the KDF section's digest, HMAC and tag length; a header without ] is read")
    func kas() throws {
        let sink = try parse(
            .kas, algorithm: "ECDH",
            """
            [EB]

            [Curve selected:  P-224]
            [SHA(s) supported (Used in the KDF function): SHA224
            [HMAC SHAs supported:  SHA512]
            [HMACKeySize(in bits):  112]
            [HMAC Tag length(in bits):  16]

            [EB - SHA224]

            COUNT = 0
            dsCAVS = 01
            QsCAVSx = 02
            QsCAVSy = 03
            Nonce = 04
            dsIUT = 05
            QsIUTx = 06
            QsIUTy = 07
            NonceDKMIUT = 08
            OI = 0909
            CAVSTag = 0a0b
            Z = 0c
            MacData = 0d
            DKM = 0e
            Result = P (0 - Correct)
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let c = try #require(checks(sink).first)
        #expect(c.curve == "secp224r1" && c.digest == "SHA224" && c.macDigest == "SHA512")
        #expect(c.tag == [0x0A, 0x0B] && c.otherInfo == [9, 9] && c.derivedKey == [0x0E])
    }

    @Test("malformed records are file:line diagnostics and the next record still reads")
    func malformed() throws {
        let sink = try parse(
            .sigVer,
            """
            [P-256,SHA-999]
            Msg = 01
            Qx = 02
            Qy = 03
            R = 04
            S = 05
            Result = P

            [P-256,SHA-256]
            Msg = zz
            Qx = 02
            Qy = 03
            R = 04
            S = 05
            Result = P

            Msg = 01
            Qx = 02
            Qy = 03
            R = 04
            S = 05
            Result = X

            Msg = 01
            Qx = 02
            Qy = 03
            R = 04
            S = 05
            Result = P
            """)
        #expect(sink.diagnostics.map(\.line) == [2, 10, 22])
        #expect(checks(sink).count == 1)
        let unterminated = try parse(.pkv, "[P-256\nQx = 01\nQy = 02\nResult = P\n")
        #expect(unterminated.diagnostics.first?.line == 1)
        #expect(ECRecordParser(operation: "kas", algorithm: "ECDSA", corpus: "t") == nil)
        #expect(ECRecordParser(operation: "xdh", algorithm: "ED25519", corpus: "t") == nil)
    }

    @Test("sign.input: seed‖public, public, message, signature‖message; a line that disagrees is a diagnostic")
    func signInput() throws {
        let seed = String(repeating: "11", count: 32)
        let pub = String(repeating: "22", count: 32)
        let sig = String(repeating: "33", count: 64)
        let sink = try parse(
            .ed25519SignInput, algorithm: "ED25519",
            "\(seed)\(pub):\(pub):abcd:\(sig)abcd:\n\(seed)\(pub):\(pub):abcd:\(sig)abce:\n\(seed):\(pub)\n")
        #expect(sink.diagnostics.map(\.line) == [2, 3])
        let c = try #require(checks(sink).first)
        #expect(c.d == [UInt8](repeating: 0x11, count: 32) && c.message == [0xAB, 0xCD] && c.signature?.count == 64)
    }

    @Test("COUNT files: RFC 7748, RFC 8032 with CONTEXT, brainpool ECDH, compressed points")
    func countFiles() throws {
        let x = try parse(.xdh, algorithm: "X448", "COUNT = 1\nINPUT_SCALAR = 01\nINPUT_U = 02\nOUTPUT_U = 03\n")
        #expect(checks(x).first?.curve == "X448" && checks(x).first?.secret == [3])
        let ed = try parse(
            .eddsa, algorithm: "ED448",
            "COUNT = 2\nSECRET = 01\nPUBLIC = 02\nMESSAGE =\nCONTEXT = 666f6f\nSIGNATURE = 03\n")
        #expect(ed.diagnostics.isEmpty, "\(ed.diagnostics)")
        #expect(checks(ed).first?.context == Array("foo".utf8) && checks(ed).first?.message == [])
        let b = try parse(
            .ecdh, algorithm: "ECDH",
            "COUNT = 0\ncurve = brainpoolP256r1\ndA = 01\nx_qA = 02\ny_qA = 03\ndB = 04\nx_qB = 05\ny_qB = 06\nx_Z = 07\ny_Z = 08\n"
        )
        #expect(checks(b).first?.curve == "brainpoolP256r1" && checks(b).first?.secretY == [8])
        let p = try parse(.pointDecode, algorithm: "EC", "COUNT = 0\nCURVE = SECP256K1\nPOINT = 0201\nX = 01\nY = 02\n")
        #expect(checks(p).first?.curve == "secp256k1" && checks(p).first?.peerX == [2, 1])
    }
}
