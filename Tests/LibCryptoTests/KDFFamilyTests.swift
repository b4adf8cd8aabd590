import Testing

@testable import LibCrypto

/// TLS1-PRF, TLS13-KDF, SSHKDF, SSKDF, X942KDF-ASN1, KBKDF and KRB5KDF against published vectors.
///
/// Sources: RFC 8448 section 3 (the TLS 1.3 simple 1-RTT key schedule), RFC 3961 appendix A.1
/// (n-fold) and A.3 (DES3 DR/DK), RFC 2631 section 2.1.6 (X9.42 KEK), RFC 3565 section 2.3.2
/// (AES KEK), RFC 8009 appendix A (KDF-HMAC-SHA2 = SP 800-108 counter mode), RFC 6803 section 10
/// (Camellia CMAC feedback mode), NIST CAVP KBKDF800-108 CounterMode (as transcribed in OpenSSL
/// 3.0's `test/evp_kdf_test.c`), and NIST CAVP vectors in OpenSSL 3.0's evp_test files
/// (`evpkdf_tls12_prf.txt`, `evpkdf_tls11_prf.txt`, `evpkdf_ssh.txt`, `evpkdf_ss.txt`).
@Suite struct KDFFamilyTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }
    static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    // MARK: TLS 1.3 (RFC 8448 section 3)

    @Test func tls13KeyScheduleRFC8448() throws {
        let early = try TLS13KDF.extract(SHA256.self, key: nil, salt: nil, label: [], length: 32)
        #expect(early == Self.unhex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a"))
        let derived = try TLS13KDF.expandLabel(
            SHA256.self, key: early, label: Self.ascii("derived"), data: SHA256.hash([]), length: 32)
        #expect(derived == Self.unhex("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba"))
        let ecdhe = Self.unhex("8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d")
        let handshake = try TLS13KDF.extract(
            SHA256.self, key: ecdhe, salt: early, label: Self.ascii("derived"), length: 32)
        #expect(handshake == Self.unhex("1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac"))
        let serverHS = Self.unhex("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38")
        #expect(
            try TLS13KDF.expandLabel(SHA256.self, key: serverHS, label: Self.ascii("key"), length: 16)
                == Self.unhex("3fce516009c21727d0f2e4e86ee403bc"))
        #expect(
            try TLS13KDF.expandLabel(SHA256.self, key: serverHS, label: Self.ascii("iv"), length: 12)
                == Self.unhex("5d313eb2671276ee13000b30"))
        // EXTRACT_ONLY's output is one digest; labels over 255 bytes are refused.
        #expect(throws: CryptoError.self) {
            try TLS13KDF.extract(SHA256.self, key: nil, salt: nil, length: 31)
        }
        #expect(throws: CryptoError.self) {
            try TLS13KDF.expandLabel(SHA256.self, key: [1], label: [UInt8](repeating: 0x61, count: 250), length: 16)
        }
    }

    // MARK: TLS1-PRF (NIST CAVP, from evpkdf_tls12_prf.txt and evpkdf_tls11_prf.txt)

    @Test func tls12PRF() throws {
        let seed =
            Self.ascii("master secret")
            + Self.unhex("36c129d01a3200894b9179faac589d9835d58775f9b5ea3587cb8fd0364cae8c")
            + Self.unhex("f6c9575ed7ddd73e1f7d16eca115415812a43c2b747daaaae043abfb50053fce")
        let out = try TLS1PRF.derive(
            SHA256.self,
            secret: Self.unhex(
                "f8938ecc9edebc5030c0c6a441e213cd24e6f770a50dda07876f8d55da062bcadb386b411fd4fe4313a604fce6c17fbc"),
            seed: seed, length: 48)
        #expect(
            out
                == Self.unhex(
                    "202c88c00f84a17a20027079604787461176455539e705be730890602c289a5001e34eeb3a043e5d52a65e66125188bf"))
        #expect(throws: CryptoError.self) { try TLS1PRF.derive(SHA256.self, secret: [1], seed: [], length: 8) }
    }

    @Test func tls11PRF() throws {
        let seed =
            Self.ascii("master secret")
            + Self.unhex("e5acaf549cd25c22d964c0d930fa4b5261d2507fad84c33715b7b9a864020693")
            + Self.unhex("135e4d557fdf3aa6406d82975d5c606a9734c9334b42136e96990fbd5358cdb2")
        let out = try TLS1PRF.derive(
            MD5SHA1.self,
            secret: Self.unhex(
                "bded7fa5c1699c010be23dd06ada3a48349f21e5f86263d512c0c5cc379f0e780ec55d9844b2f1db02a96453513568d0"),
            seed: seed, length: 48)
        #expect(
            out
                == Self.unhex(
                    "2f6962dfbc744c4b2138bb6b3d33054c5ecc14f24851d9896395a44ab3964efc2090c5bf51a0891209f46c1e1e998f62"))
    }

    // MARK: SSHKDF (NIST CAVS 14.1, first case of evpkdf_ssh.txt)

    @Test func sshKDF() throws {
        let key = Self.unhex(
            "0000008055bae931c07fd824bf10add1902b6fbc7c665347383498a686929ff5a25f8e40cb6645ea814fb1a5e0a11f852f86"
                + "255641e5ed986e83a78bc8269480eac0b0dfd770cab92e7a28dd87ff452466d6ae867cead63b366b1c286e6c4811a9f1"
                + "4c27aea14c5171d49b78c06e3735d36e6a3be321dd5fc82308f34ee1cb17fba94a59")
        let h = Self.unhex("a4ebd45934f56792b5112dcd75a1075fdc889245")
        let out = try SSHKDF.derive(SHA1.self, key: key, exchangeHash: h, sessionID: h, type: 0x41, length: 8)
        #expect(out == Self.unhex("e2f627c0b43f1ac1"))
        #expect(throws: CryptoError.self) {
            try SSHKDF.derive(SHA1.self, key: key, exchangeHash: h, sessionID: h, type: 0x58, length: 8)
        }
    }

    // MARK: SSKDF (NIST CAVP, evpkdf_ss.txt)

    @Test func singleStepKDF() throws {
        #expect(
            try SSKDF.derive(
                SHA1.self, secret: Self.unhex("d09a6b1a472f930db4f5e6b967900744"),
                info: Self.unhex("b117255ab5f1b6b96fc434b0"), length: 16)
                == Self.unhex("b5a3c52e97ae6e8c5069954354eab3c7"))
        #expect(
            try SSKDF.deriveHMAC(
                SHA256.self, secret: Self.unhex("6ee6c00d70a6cd14bd5a4e8fcfec8386"),
                salt: Self.unhex("532f5131e0a2fecc722f87e5aa2062cb"), info: Self.unhex("861aa2886798231259bd0314"),
                length: 16)
                == Self.unhex("13479e9a91dd20fdd757d68ffe8869fb"))
        #expect(throws: CryptoError.self) { try SSKDF.derive(SHA1.self, secret: [1], length: 0) }
    }

    // MARK: X9.42 (RFC 2631 section 2.1.6, RFC 3565 section 2.3.2)

    @Test func x942KDF() throws {
        let zz = Self.unhex("000102030405060708090a0b0c0d0e0f10111213")
        // RFC 2631 2.1.6: the 3DES KEK, and its DER OtherInfo for counter 1 (as printed there).
        let (der, offset) = try X942KDF.encodeOtherInfo(X942KDF.OtherInfo(), algorithm: .des3Wrap)
        #expect(
            der
                == Self.unhex("301d" + "3013" + "060b2a864886f70d0109100306" + "040400000001" + "a206" + "0404000000c0")
        )
        #expect(offset == 19)
        #expect(
            try X942KDF.derive(SHA1.self, secret: zz, algorithm: .des3Wrap, length: 24)
                == Self.unhex("a09661392376f7044d9052a397883246b67f5f1ef63eb5fb"))
        // RFC 3565 2.3.2: AES-128 wrap, no ukm.
        #expect(
            try X942KDF.derive(SHA1.self, secret: zz, algorithm: .aes128Wrap, length: 16)
                == Self.unhex("d6d6b094c1027a7de6e3117294a35364"))
        var both = X942KDF.OtherInfo()
        both.suppPubInfo = [1]
        #expect(throws: CryptoError.self) {
            try X942KDF.derive(SHA1.self, secret: zz, algorithm: .aes128Wrap, otherInfo: both, length: 16)
        }
    }

    // MARK: KBKDF

    @Test func kbkdfRFC8009() throws {
        // RFC 8009 appendix A, PRF output of "test" under the aes128-cts-hmac-sha256-128 key.
        let out = try KBKDF.derive(
            prf: .hmac(SHA256.self), key: Self.unhex("3705D96080C17728A0E800EAB6E0D23C"), label: Self.ascii("prf"),
            context: Self.ascii("test"), length: 32)
        #expect(out == Self.unhex("9D188616F63852FE86915BB840B4A886FF3E6BB0F819B49B893393D393854295"))
        let out384 = try KBKDF.derive(
            prf: .hmac(SHA384.self),
            key: Self.unhex("6D404D37FAF79F9DF0D33568D320669800EB4836472EA8A026D16B7182460C52"),
            label: Self.ascii("prf"), context: Self.ascii("test"), length: 48)
        #expect(
            out384
                == Self.unhex(
                    "9801F69A368C2BF675E59521E177D9A07F67EFE1CFDE8D3C8D6F6A0256E3B17DB3C1B62AD1B8553360D17367EB1514D2"))
        #expect(throws: CryptoError.self) { try KBKDF.derive(prf: .hmac(SHA256.self), key: [], length: 16) }
        #expect(throws: CryptoError.self) {
            try KBKDF.derive(prf: .hmac(SHA256.self), key: [1], iv: [1, 2], length: 16)
        }
    }

    @Test func kbkdfCMACCounterNIST() throws {
        // NIST CAVP KBKDF800-108 CounterMode, CMAC-AES128, r = 32, counter before the fixed input.
        let fixed = Self.unhex(
            "98cd4cbbbebe15d17dc86e6dbad800a2dcbd64f7c7ad0e78e9cf94ffdba89d03e97eadf6c4f7b806caf52aa38f09d0eb71d71f49"
                + "7bcc6906b48d36c4")
        let out = try KBKDF.derive(
            prf: .cmac(try Registry.cipher(named: "AES-128-CBC")), key: Self.unhex("c10b152e8c97b77e18704e0f0bd38305"),
            context: fixed, useL: false, useSeparator: false, length: 16)
        #expect(out == Self.unhex("26faf61908ad9ee881b8305c221db53f"))
    }

    #if CAMELLIA
    @Test func kbkdfCamelliaFeedbackRFC6803() throws {
        // RFC 6803 section 10: Kc, Ke, Ki of the 128-bit sample key (usage 2).
        let key = Self.unhex("57D0297298FFD9D35DE5A47FB4BDE24B")
        let cmac = KBKDF.PRF.cmac(try Registry.cipher(named: "CAMELLIA-128-CBC"))
        let expected = [
            ("0000000299", "D155775A209D05F02B38D42A389E5A56"),
            ("00000002aa", "64DF83F85A532F17577D8C37035796AB"),
            ("0000000255", "3E4FBDF30FB8259C425CB6C96F1F4635"),
        ]
        for (constant, want) in expected {
            let out = try KBKDF.derive(
                prf: cmac, mode: .feedback, key: key, label: Self.unhex(constant),
                iv: [UInt8](repeating: 0, count: 16), length: 16)
            #expect(out == Self.unhex(want))
        }
    }
    #endif

    // MARK: KRB5KDF (RFC 3961 appendix A)

    @Test func nFoldRFC3961() {
        let cases: [(String, Int, String)] = [
            ("012345", 8, "be072631276b1955"),
            ("password", 7, "78a07b6caf85fa"),
            ("Rough Consensus, and Running Code", 8, "bb6ed30870b7f0e0"),
            ("password", 21, "59e4a8ca7c0385c3c37b3f6d2000247cb6e6bd5b3e"),
            ("MASSACHVSETTS INSTITVTE OF TECHNOLOGY", 24, "db3b0d8f0b061e603282b308a50841229ad798fab9540c1b"),
            ("Q", 21, "518a54a215a8452a518a54a215a8452a518a54a215"),
            ("ba", 21, "fb25d531ae8974499f52fd92ea9857c4ba24cf297e"),
            ("kerberos", 8, "6b65726265726f73"),
            ("kerberos", 16, "6b65726265726f737b9b5b2b93132b93"),
            ("kerberos", 21, "8372c236344e5f1550cd0747e15d62ca7a5a3bcea4"),
            ("kerberos", 32, "6b65726265726f737b9b5b2b93132b935c9bdcdad95c9899c4cae4dee6d6cae4"),
        ]
        for (input, size, want) in cases {
            #expect(KRB5KDF.nFold(Self.ascii(input), to: size) == Self.unhex(want), "\(size * 8)-fold(\(input))")
        }
    }

    #if DES
    @Test func krb5DES3DeriveKeyRFC3961() throws {
        let des3 = try Registry.cipher(named: "DES-EDE3-CBC")
        let cases = [
            (
                "dce06b1f64c857a11c3db57c51899b2cc1791008ce973b92", "0000000155",
                "925179d04591a79b5d3192c4a7e9c289b049c71f6ee604cd"
            ),
            (
                "5e13d31c70ef765746578531cb51c15bf11ca82c97cee9f2", "00000001aa",
                "9e58e5a146d9942a101c469845d67a20e3c4259ed913f207"
            ),
            (
                "d3f8298ccb166438dcb9b93ee5a7629286a491f838f802fb", "6b65726265726f73",
                "2370da575d2a3da864cebfdc5204d56df779a7df43d9da43"
            ),
        ]
        for (key, constant, want) in cases {
            let out = try KRB5KDF.derive(
                cipher: des3, key: Self.unhex(key), constant: Self.unhex(constant), length: 24)
            #expect(out == Self.unhex(want))
        }
        #expect(throws: CryptoError.self) {
            try KRB5KDF.derive(cipher: des3, key: [UInt8](repeating: 1, count: 24), constant: [1], length: 16)
        }
    }
    #endif
}
