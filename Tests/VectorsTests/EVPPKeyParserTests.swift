import Testing

@testable import Vectors

/// evp_test's public-key stanzas: key definitions (PEM and raw), the lookups `find_key` does
/// (public keys first for verification), generated keys named by `KeyGen`, and the diagnostics.
@Suite("evp_test public-key stanzas")
struct EVPPKeyParserTests {
    static let file = """
        Title = keys and the stanzas that use them

        PrivateKey = K1
        -----BEGIN PRIVATE KEY-----
        AAAA
        -----END PRIVATE KEY-----

        PublicKey = K1
        -----BEGIN PUBLIC KEY-----
        BBBB
        -----END PUBLIC KEY-----

        PrivateKeyRaw = X:X25519:0102

        Sign = K1
        Ctrl = rsa_padding_mode:pkcs1
        Ctrl = digest:SHA256
        Input = 00ff
        Output = 0a0b

        Verify = K1
        Input = 00ff
        Output = 0a0b
        Result = VERIFY_ERROR
        Reason = bad signature

        PrivPubKeyPair = K1:K1

        Derive = X
        PeerKeyValidate = K1
        SharedSecret = 99

        KeyGen = rsaEncryption
        KeyName = GEN
        Ctrl = rsa_keygen_bits:1024

        DigestSign = SHA256
        Key = GEN
        Input = "a"
        Input = "b"
        Output = 01

        OneShotDigestVerify = NULL
        Key = K1
        Input = 00
        Output = 01

        Decrypt = NOPE
        Input = 00
        Output = 00
        """

    @Test("keys resolve as evp_test's find_key does")
    func lookups() throws {
        let sink = try parseEVP(Self.file)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let inputs: [PKeyInput] = sink.vectors.compactMap {
            if case .pkey(let k) = $0.operation { return k }
            return nil
        }
        try #require(inputs.count == 8)
        #expect(inputs[0].kind == .sign && inputs[0].key?.isPrivate == true)
        #expect(inputs[0].controls.map(\.name) == ["rsa_padding_mode", "digest"])
        #expect(inputs[0].key?.source == .pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
        #expect(sink.vectors[0].expected == .output([0x0a, 0x0b]))
        // Verification takes the public key of the same name.
        #expect(inputs[1].key?.isPrivate == false && inputs[1].reason == "bad signature")
        #expect(sink.vectors[1].expected == .failure("VERIFY_ERROR"))
        #expect(inputs[2].key?.isPrivate == true && inputs[2].peerKey?.isPrivate == false)
        #expect(inputs[3].key?.source == .raw(algorithm: "X25519", bytes: [1, 2]))
        #expect(inputs[3].validatePeer && inputs[3].output == [0x99])
        #expect(inputs[4].algorithm == "rsaEncryption")
        // A generated key carries its KeyGen settings to the stanzas that name it.
        guard case .generated(let alg, let ctrls)? = inputs[5].key?.source else {
            Issue.record("DigestSign key is not the generated one: \(String(describing: inputs[5].key))")
            return
        }
        #expect(alg == "rsaEncryption" && ctrls.first?.text == "1024")
        #expect(inputs[5].input == [[0x61], [0x62]] && inputs[5].digest == "SHA256")
        #expect(inputs[6].digest == nil && inputs[6].key?.isPrivate == false)
        // An undefined key: a counted skip with the reason, as evp_test skips a disabled key.
        #expect(inputs[7].key == nil)
        #expect(sink.vectors[7].unsupported == ["key NOPE is not defined before line 48"])
    }

    @Test("malformed key stanzas are diagnostics with their line")
    func malformed() throws {
        let sink = try parseEVP(
            """
            PrivateKeyRaw = onlyname

            PrivateKey = A
            -----BEGIN PRIVATE KEY-----
            -----END PRIVATE KEY-----

            PrivateKey = A
            -----BEGIN PRIVATE KEY-----
            -----END PRIVATE KEY-----

            PrivPubKeyPair = nocolon

            Sign = A
            Input = 00

            PublicKey = B
            -----BEGIN PUBLIC KEY-----
            """)
        let messages = sink.diagnostics.map { "\($0.line): \($0.message)" }
        #expect(
            messages == [
                "1: PrivateKeyRaw: expected NAME:ALGORITHM:hex",
                "7: duplicate key A",
                "11: PrivPubKeyPair: expected PRIVATE:PUBLIC, found 'nocolon'",
                "13: Sign stanza without Output (and no Result)",
                "16: PublicKey 'B': PEM block has no -----END line",
            ], "\(messages)")
    }
}
