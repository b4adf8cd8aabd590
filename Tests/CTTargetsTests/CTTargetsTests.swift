@testable import CTTargets
import LibCrypto
import Testing

/// Hex to bytes (test data only).
private func hex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = s.startIndex
    while i < s.endIndex {
        let j = s.index(i, offsetBy: 2)
        out.append(UInt8(s[i..<j], radix: 16)!)
        i = j
    }
    return out
}

private func target(_ name: String) throws -> CTTarget {
    try #require(CTTargets.named(name), "target \(name) missing")
}

@Suite struct CTTargetsKnownAnswers {
    /// Fixed inputs are CTTargets.pattern(…) byte runs; the expected outputs were computed with
    /// OpenSSL 3 (through pyca/cryptography 48 and hashlib) on the same bytes.
    static let answers: [(String, String)] = [
        // FIPS 197 C.1 (key 00…0f, plaintext 00 11 … ff), four blocks.
        ("aes-128-generic-encrypt", String(repeating: "69c4e0d86a7b0430d8cdb78070b4c55a", count: 4)),
        ("aes-256-generic-decrypt", String(repeating: "eab487e68ec92db4ac288a24757b0262", count: 4)),
        (
            "chacha20",
            "a2ced370c49e5f66a757ade434ee93621c828d11a9b99075e6d65077026e51e7"
                + "2a9aa800d6c5ac351dd0de6641863d9bc9fd08f3728b827a529896f74cc0ff08"
        ),
        ("poly1305", "8dcc9bc9cfad58ca854a7213385dbfe5"),
        ("hmac-sha256", "8ce96f77e2640a0d662500704f01413a1271ede34d3386278bce4a50818acaeb"),
        ("sha256", "5c28308f98afae1da35ed7df7538970631e48ebf01df0c46eab40db172747163"),
        (
            "sha512",
            "9f4fc4f688500803f268b76885d60123eb73d3a2e813fb1c49dd3d9afe07a89d"
                + "fdc4e9ceaa89fa95f6348db7860cc87fe15c59406531ad85d775c41c73dffed8"
        ),
        ("sha3-256", "78cac8d28ebed10bb194a60ca1637b801d843e5b8b247a189cf53d80fb9a8c11"),
        ("hkdf-sha256", "0dd0f0ec847889aaa59b295b7dbfb415b6f928b257ebdff31a65cd9dc1a0d869afee050949949f993c41"),
        ("pbkdf2-sha256", "a4701f911db35dfad250b4da208fbf7058c13dbe6266346b3ddd351a0025c635"),
    ]

    @Test(arguments: answers.map(\.0))
    func knownAnswer(_ name: String) throws {
        let t = try target(name)
        let expected = hex(Self.answers.first { $0.0 == name }!.1)
        #expect(t(t.fixedInput) == expected)
    }

    @Test func aesNIAgreesWithFIPS197() throws {
        guard let t = CTTargets.named("aes-128-aesni-encrypt") else { return }  // no AES-NI here: nothing to run
        #expect(t(t.fixedInput) == hex(String(repeating: "69c4e0d86a7b0430d8cdb78070b4c55a", count: 4)))
    }
}

@Suite struct CTTargetsTagChecks {
    static let names = [
        "aes-128-gcm-open", "aes-128-ccm-open", "aes-128-ocb-open", "chacha20-poly1305-open",
    ]

    /// Valgrind input 0 (also dudect's fixed class) has a tag wrong in its last byte: rejected.
    /// Input 1 has the right tag: the 64-byte message comes back.
    @Test(arguments: names + ["aes-128-gcm-open-hw"])
    func wrongTagRejectedRightTagOpens(_ name: String) throws {
        guard let t = CTTargets.named(name) else { return }  // the hardware variant exists only with AES-NI
        #expect(t.valgrindInputs.count == 2)
        #expect(t(t.valgrindInputs[0]) == [0])
        let opened = t(t.valgrindInputs[1])
        #expect(opened == [1] + CTTargets.pattern(64, start: 0x10, step: 5))
        var rng = CTRandom(seed: 7)
        for _ in 0..<20 { #expect(t(t.randomInput(&rng)) == [0]) }
    }

    @Test(arguments: ["hmac-sha256-verify", "cmac-aes128-verify", "poly1305-verify"])
    func macVerify(_ name: String) throws {
        let t = try target(name)
        #expect(t(t.valgrindInputs[0]) == [0])
        #expect(t(t.valgrindInputs[1]) == [1])
        var rng = CTRandom(seed: 9)
        #expect(t(t.randomInput(&rng)) == [0])
    }

    @Test func cbcPaddingRejectsBadAndStripsGood() throws {
        let t = try target("aes-128-cbc-padding")
        #expect(t(t.valgrindInputs[0]) == [0])
        let good = CTTargets.pattern(16, start: 0x10, step: 5) + [UInt8](repeating: 0x33, count: 11)
        #expect(t(t.valgrindInputs[1]) == [1] + good)
        var rng = CTRandom(seed: 3)
        for _ in 0..<20 { #expect(t(t.randomInput(&rng)) == [0]) }
    }

    @Test func keyUnwrap() throws {
        let t = try target("aes-keywrap-unwrap")
        #expect(t(t.valgrindInputs[0]) == [0])
        #expect(t(t.valgrindInputs[1]) == [1] + CTTargets.pattern(16, start: 0x11, step: 0x11))
        let p = try target("aes-keywrap-pad-unwrap")
        #expect(p(p.valgrindInputs[0]) == [0])
        #expect(p(p.valgrindInputs[1]) == [1] + CTTargets.pattern(20, start: 0x21, step: 0x07))
    }

    /// RFC 3394 §4.1 through the same API the target uses.
    @Test func keyWrapRFC3394() throws {
        let wrapped = try AESKeyWrap.wrap(
            key: hex("000102030405060708090A0B0C0D0E0F"), hex("00112233445566778899AABBCCDDEEFF"))
        #expect(wrapped == hex("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5"))
    }
}

@Suite struct CTTargetsList {
    @Test func everyTargetRunsBothClasses() throws {
        var rng = CTRandom(seed: 1)
        for t in CTTargets.all {
            let r = t.randomInput(&rng)
            #expect(r.count == t.fixedInput.count, "\(t.name)")
            _ = t(t.fixedInput)
            _ = t(r)
        }
    }

    @Test func legacyTablesAreKnownNotConstantTime() throws {
        for name in ["des-ecb", "bf-ecb", "cast5-ecb"] {
            guard let t = CTTargets.named(name) else { continue }  // left out by a no-X trait
            #expect(t.kindName == "known")
            #expect(t.reason?.isEmpty == false)
            let alg = try Registry.cipher(named: name.uppercased())
            let keyLength = t.fixedInput.count - 16
            let expected = try alg.encrypt(
                Array(t.fixedInput[keyLength...]), key: Array(t.fixedInput[0..<keyLength]),
                parameters: CipherParameters(padding: false))
            #expect(t(t.fixedInput) == expected)
        }
    }

    @Test func plantedTargets() throws {
        let exit = try target("planted-early-exit")
        #expect(exit.kindName == "planted")
        #expect(exit(exit.fixedInput) == [0])
        let branch = try target("planted-branch")
        #expect(branch.kindName == "planted")
    }
}

@Suite struct WelchTTestMath {
    /// Class 0: 1, 2, 3, 4 (mean 2.5, variance 5/3); class 1: 2, 4, 6 (mean 4, variance 4).
    /// t = (2.5 − 4) / sqrt((5/3)/4 + 4/3) = −1.5 / sqrt(1.75) = −1.1338934190276817.
    @Test func handComputed() {
        var t = WelchTTest()
        for x in [1.0, 2, 3, 4] { t.push(x, class: 0) }
        for x in [2.0, 4, 6] { t.push(x, class: 1) }
        #expect(t.mean.0 == 2.5)
        #expect(t.mean.1 == 4)
        #expect(abs(t.variance(0) - 5.0 / 3.0) < 1e-12)
        #expect(abs(t.variance(1) - 4) < 1e-12)
        #expect(abs(t.t - (-1.5 / 1.75.squareRoot())) < 1e-12)
        #expect(abs(t.t - (-1.1338934190276817)) < 1e-12)
    }

    /// Class 0: 10, 12 (mean 11, var 2); class 1: 20, 22, 24, 26, 28 (mean 24, var 10).
    /// t = (11 − 24) / sqrt(2/2 + 10/5) = −13 / sqrt(3) = −7.505553499465135.
    @Test func secondSample() {
        var t = WelchTTest()
        for x in [20.0, 10, 22, 24, 12, 26, 28] { t.push(x, class: x < 15 ? 0 : 1) }
        #expect(abs(t.t - (-13 / 3.0.squareRoot())) < 1e-12)
        #expect(abs(t.t - (-7.505553499465135)) < 1e-12)
    }

    @Test func tooFewOrNoSpreadGiveZero() {
        var t = WelchTTest()
        t.push(1, class: 0)
        t.push(2, class: 1)
        #expect(t.t == 0)
        t.push(1, class: 0)
        t.push(2, class: 1)
        #expect(t.t == 0)  // both variances 0
    }

    /// dudect's ladder: q_i = 1 − 0.5^(10(i+1)/100): q_0 = 1 − 2^−0.1, q_9 = 0.5, q_99 = 1 − 2^−10.
    @Test func cropQuantiles() {
        #expect(abs(Dudect.cropQuantile(0) - 0.06696700846319259) < 1e-12)
        #expect(abs(Dudect.cropQuantile(9) - 0.5) < 1e-12)
        #expect(abs(Dudect.cropQuantile(99) - (1 - 1.0 / 1024)) < 1e-12)
        let thresholds = Dudect.percentiles(of: (0..<1000).map(Double.init).reversed())
        #expect(thresholds[9] == 500)  // element ⌊1000 · 0.5⌋ of the sorted samples
        #expect(thresholds[99] == 999)  // ⌊1000 · 0.99902…⌋ = 999
        #expect(thresholds[0] == 66)  // ⌊1000 · 0.06697⌋
    }

    @Test func croppingAndSecondOrder() {
        var d = Dudect(percentiles: [Double](repeating: 5, count: Dudect.percentileCount))
        d.add(3, class: 0)
        d.add(7, class: 1)
        #expect(d.tests[0].count == 2)
        #expect(d.tests[1].count == 1)  // 7 is not below the threshold 5
        #expect(d.tests[Dudect.percentileCount + 1].count == 0)  // second order waits for 10,000 class-0 samples
        #expect(d.maxT == nil)
    }
}

/// The public-key targets compute what they claim, on both the dudect path (`run`) and the
/// Valgrind path (`valgrindRun`, here with a marker that marks nothing).
@Suite struct CTTargetsPublicKey {
    /// Little-endian limbs as bytes, the BigNum targets' output form.
    static func limbBytes(_ n: BigNum) -> [UInt8] {
        n.limbs.flatMap { l in (0..<8).map { UInt8(truncatingIfNeeded: l >> UInt64(8 * $0)) } }
    }

    static let digest = CTTargets.pattern(32, start: 0x0D, step: 0x1B)

    /// `openssl pkeyutl -sign -inkey rsa.pem -pkeyopt digest:sha256 -pkeyopt rsa_padding_mode:pkcs1`
    /// over the 32 digest bytes (OpenSSL 3.0.19), with the key of Sources/CTTargets/PublicKeyTargets.swift.
    static let opensslSignature = hex(
        "25f6e0858b8415dcf9fe527b89c7bd24b0d2de3a9923fe2d1ce334e448f66cf3e7fdf417d88f8792fa4a8560d101e787"
            + "2d2587a715d1e364da6563eb5bc85c7628dc973bef4dd8303d8cfa17d110b14eba7d97d6eb0ac90e21ac2a24c2459fce"
            + "bf4f14b37d3aaa8965aa237c9dcc58aba3b75e2a83f6f4eeffa091d5df72907d")

    @Test func rsaPKCS1SignatureIsOpenSSLs() throws {
        let t = try target("rsa-1024-sign-pkcs1")
        let tValgrind = try #require(t.valgrindRun)
        #expect(tValgrind(.none) == [Self.opensslSignature])
        #expect(t.measurementDivisor > 1)
        // dudect: class 0 ([0]) signs a fresh public digest with a copy of the fixed key, so its
        // signature opens under the fixed public key to a PKCS#1 v1.5 block with SHA-256's
        // DigestInfo (RFC 8017 §9.2 note 1); class 1 ([1]) signs with another key: a signature
        // of the same length that does not open so.
        #expect(t.fixedInput == [0])
        let fixedKey = try CTTargets.fixedRSAKey().publicKey
        let sha256Prefix = hex("3031300d060960864801650304020105000420")
        // dudect times what `prepare` returns (a new key object for each call): the same signing.
        let prepare = try #require(t.prepare)
        for (input, prepared): ([UInt8], Bool) in [([0], false), ([0], false), ([1], false), ([0], true), ([1], true)] {
            let s = prepared ? input.withUnsafeBytes { prepare($0)() } : t(input)
            #expect(s.count == 128)
            // Another key's signature may be above the fixed modulus: then it does not open at all.
            guard let block = try? fixedKey.rawPublicOperation(s) else {
                #expect(input == [1], "a class 0 signature is below the fixed modulus")
                continue
            }
            let opens =
                block.prefix(2) == [0x00, 0x01] && block[2..<(128 - 52)].allSatisfy { $0 == 0xFF }
                && block[128 - 52] == 0 && Array(block[(128 - 51)..<(128 - 32)]) == sha256Prefix
            #expect(opens == (input == [0]))
        }
    }

    @Test func rsaDecryptValidAndInvalid() throws {
        let message = CTTargets.pattern(24, start: 0x4D, step: 3)
        for name in ["rsa-1024-decrypt-pkcs1", "rsa-1024-decrypt-oaep"] {
            let t = try target(name)
            let tValgrind = try #require(t.valgrindRun)
            #expect(tValgrind(.none) == [[1] + message, [0]], "\(name)")
            // dudect: both classes are rejected ciphertexts (late and early failures).
            #expect(t.fixedInput == [0])
            var rng = CTRandom(seed: 4)
            for _ in 0..<4 {
                #expect(t(t.fixedInput) == [0], "\(name)")
                #expect(t(t.randomInput(&rng)) == [0], "\(name)")
            }
        }
    }

    /// The BigNum targets agree with the variable-time BigNum functions (themselves checked
    /// against OpenSSL's bn test files in BigNumTests), on the fixed input through both paths.
    @Test func bigNumTargetsAgreeWithVariableTime() throws {
        // The 512-bit prime of PublicKeyTargets.swift, the targets' modulus.
        let p = try BigNum(
            hex: "F01B806D04379F6FEBE5CB8712D735D02CB7F03906788C4655B6524945DEE6B1"
                + "E08236FBD640B18AAEEC429B4D7DBE6E3D3F85D8080CD7D41FF4BCA4DDF24C59")
        func number(_ bytes: [UInt8], top: Bool) throws -> BigNum {
            var b = bytes
            b[0] |= top ? 0x80 : 0x01
            return try BigNum(bytes: b)
        }
        let base = try number(CTTargets.pattern(63, start: 0x35, step: 7), top: false)
        let exponent = try number(CTTargets.pattern(64, start: 0x63, step: 13), top: true)
        let secretE = try number(CTTargets.pattern(64, start: 0xA7, step: 31), top: true)
        let secretB = try number(CTTargets.pattern(63, start: 0xA7, step: 31), top: false)
        let a = try number(CTTargets.pattern(63, start: 0x5C, step: 17), top: false)
        let pair = CTTargets.pattern(126, start: 0x21, step: 11)
        let x = try number(Array(pair[0..<63]), top: false)
        let y = try number(Array(pair[63...]), top: false)
        let xy = try x.modMul(y, modulus: p)
        let expected: [(String, BigNum)] = [
            ("bn-modexp-ct-exponent", try base.modExp(secretE, modulus: p)),
            ("bn-modexp-ct-base", try secretB.modExp(exponent, modulus: p)),
            ("bn-inverse-mod-prime", try a.inverse(modulo: p)),
            ("bn-montgomery-mul", try xy.modMul(xy, modulus: p)),
        ]
        var rng = CTRandom(seed: 11)
        for (name, value) in expected {
            let t = try target(name)
            #expect(t(t.fixedInput) == Self.limbBytes(value), "\(name)")
            let tValgrind = try #require(t.valgrindRun)
            #expect(tValgrind(.none) == [Self.limbBytes(value)], "\(name)")
            #expect(t(t.randomInput(&rng)).count == 64, "\(name)")
        }
    }

    /// DSA: the signature verifies; DH: the shared secret is the same from the other side.
    #if DSA && DH
    @Test func dsaSignatureVerifiesAndDHAgrees() throws {
        let dsa = try target("dsa-1024-sign")
        let dsaValgrind = try #require(dsa.valgrindRun)
        let sig = dsaValgrind(.none)[0]
        #expect(sig.count == 48)
        var rng = CTRandom(seed: 5)
        #expect(dsa(dsa.randomInput(&rng)).count == 48)
        #expect(dsa(dsa.fixedInput) == sig)  // the same key and draws on both paths
        let dh = try target("dh-1024-160-derive")
        let z = dh(dh.fixedInput)
        let dhValgrind = try #require(dh.valgrindRun)
        #expect(dhValgrind(.none) == [z])
        let parameters = try DHParameters.named("dh_1024_160")
        var xb = dh.fixedInput
        xb[0] |= 0x80
        let mine = try DHPrivateKey(parameters: parameters, x: BigNum(bytes: xb))
        let peer = try DHPrivateKey(
            parameters: parameters, x: BigNum(hex: "1F2E3D4C5B6A79889786A5B4C3D2E1F00F1E2D3C"))
        #expect(try peer.deriveSharedSecret(with: mine.publicKey) == z)
    }
    #endif

    /// A build without DSA or DH (no-dsa, no-dh) has no such target, and says why.
    @Test func publicKeyTargetsOfThisBuild() {
        for (name, trait) in [("dsa-1024-sign", "DSA"), ("dh-1024-160-derive", "DH")] {
            let on = Catalog.isEnabled(trait: trait)
            #expect((CTTargets.named(name) != nil) == on, "\(name)")
            let missing = CTTargets.notInThisBuild.first { $0.name == name }
            #expect((missing == nil) == on, "\(name)")
            if let missing { #expect(missing.reason.contains("no-\(trait.lowercased())"), "\(missing.reason)") }
        }
    }
}

/// The elliptic-curve targets (ECTargets.swift): known answers from OpenSSL 3.0.19 on the fixed
/// inputs, and the signatures and shared secrets checked from the other side.
#if EC
@Suite struct CTTargetsEC {
    static let ecNames = [
        "ec-p256-scalar-mul", "ec-p384-scalar-mul", "ec-secp256k1-scalar-mul", "ec-brainpoolP256r1-scalar-mul",
        "ecdsa-p256-sign", "ecdh-p256-derive", "x25519-derive", "x448-derive", "ed25519-sign", "ed448-sign",
    ]

    /// Every EC target is a constant-time one and gives a non-empty output for both classes.
    @Test(arguments: ecNames) func runsBothClasses(name: String) throws {
        let t = try target(name)
        #expect(t.mustBeConstantTime)
        var rng = CTRandom(seed: 15)
        #expect(!t(t.fixedInput).isEmpty)
        #expect(!t(t.randomInput(&rng)).isEmpty)
    }

    /// k·G on P-256: k is the fixed input with its top bit set (`fixedWidthNumber`), 0xDA77…;
    /// the SEC1 key with d = k, `openssl ec -inform DER -pubout`; the Valgrind body computes
    /// the same point.
    @Test func p256ScalarMulMatchesOpenSSL() throws {
        let t = try target("ec-p256-scalar-mul")
        #expect(t.fixedInput == hex("5a7794b1ceeb0825425f7c99b6d3f00d2a4764819ebbd8f5122f4c6986a3c0dd"))
        let expected = hex(
            "04a77ba3de40143cbf6aa40c9d61a97a342f163a21d4feaf32779dd07722f469fa"
                + "4e0557ca831df20dfbe04bf877e6f58a7cfc47b9f41a04c8f2d9dedba88f2160")
        #expect(t(t.fixedInput) == expected)
        let body = try #require(t.valgrindRun)
        #expect(body(.none) == [expected])
    }

    #if EC2M
    /// k·G on K-283 (sect283k1): k is the fixed input with its top bit set, 0xDA77…, above the
    /// order; the SEC1 key with d = k mod n, `openssl ec -inform DER -pubout`.
    @Test func sect283k1ScalarMulMatchesOpenSSL() throws {
        let t = try target("ec-sect283k1-scalar-mul")
        #expect(t.fixedInput == hex("5a7794b1ceeb0825425f7c99b6d3f00d2a4764819ebbd8f5122f4c6986a3c0ddfa173451"))
        let expected = hex(
            "0407d0cda8319f1666bd2a48b9575b6f09068095679a9bcde92a9036cea862569fcaf9a1c9"
                + "01ff3c9b5264e5222e2d1a0cf36b64cc9b8251352b7bbe2d78fca80e72907e5511b08568")
        #expect(t(t.fixedInput) == expected)
        let body = try #require(t.valgrindRun)
        #expect(body(.none) == [expected])
    }
    #endif

    /// X25519 with the fixed private key and peer: `openssl pkeyutl -derive` on the PKCS#8 keys.
    @Test func x25519MatchesOpenSSL() throws {
        let t = try target("x25519-derive")
        #expect(t(t.fixedInput) == hex("7c51fa8815bd7733e73a8c3f4cebc854d97f5872d631bcced5ee0413f81beb15"))
    }

    /// Ed25519 with the fixed seed over the public stream's first message
    /// (7a48219a…870b6e7d): `openssl pkeyutl -sign -rawin` with that seed's PKCS#8 key.
    @Test func ed25519MatchesOpenSSL() throws {
        #expect(
            CTTargets.PublicStream().digest()
                == hex("7a48219ae2b3830d679dfef1794cc454780e7a0042f345a87947798a870b6e7d"))
        // A new target: the catalog's own has signed other tests' messages already.
        let t = CTTargets.edSign(ed448: false)
        #expect(
            t(t.fixedInput)
                == hex(
                    "2b6a0cd4a6e7dcdae0844248f0309df6d1c37700f71b0635c54e9d6b3ee29287"
                        + "4d057be1ff6c81945986f6f5ba75ffe61c10aa5f4e14b2d40dba93f21def9303"))
    }

    /// The Ed25519 split targets on their fixed inputs, against OpenSSL 3.0.19: the seed
    /// 9dceff30… (`pattern(32, start: 0x9D, step: 0x31)`) as a PKCS#8 key; `ed25519-keygen` gives
    /// `openssl pkey -pubout`'s 32 key bytes, `ed25519-sign-nonce` `openssl pkeyutl -sign -rawin`
    /// over its fixed message 3e556c83…. The A/A control's class 1 is the fixed seed.
    @Test func ed25519SplitTargetsMatchOpenSSL() throws {
        let keygen = try target("ed25519-keygen")
        #expect(keygen.fixedInput == hex("9dceff306192c3f4255687b8e91a4b7cadde0f4071a2d304356697c8f92a5b8c"))
        #expect(keygen(keygen.fixedInput) == hex("8faaaec8398e7ce02077c3ca330908eda333141d417551c0b16af5380c7b4ad9"))
        let nonce = try target("ed25519-sign-nonce")
        #expect(nonce.fixedInput == hex("3e556c839ab1c8dff60d243b52698097aec5dcf30a21384f667d94abc2d9f007"))
        #expect(
            nonce(nonce.fixedInput)
                == hex(
                    "78bcb3644b23ff9fa8b206c468f1ff1791ce71f7585860340a08c991c83beecb"
                        + "2246a514500e7a2fdd785a4b93a6de065c7cecb668164505765326c9b26c6b06"))
        var rng = CTRandom(seed: 3)
        #expect(nonce(nonce.randomInput(&rng)).count == 64)
        let control = try target("ed25519-sign-control")
        #expect(control.mustBeConstantTime)
        #expect(control.randomInput(&rng) == control.fixedInput)
        #expect(control.fixedInput == keygen.fixedInput)
        for t in [keygen, nonce, control] {
            #expect(CTTargets.onRequest.contains { $0.name == t.name }, "\(t.name)")
        }
    }

    /// ECDSA: the fixed input's signature verifies under the key of its first 32 bytes; ECDH:
    /// the peer's side gives the same secret; X448 and Ed448 from the other side.
    @Test func signaturesVerifyAndSecretsAgree() throws {
        let curve = try ECCurve.named("prime256v1")
        let sign = try target("ecdsa-p256-sign")
        let sig = sign(sign.fixedInput)
        #expect(sig.count == 64)
        let key = try ECPrivateKey(curve: curve, rawRepresentation: Array(sign.fixedInput[0..<32]))
        let r = try BigNum(bytes: Array(sig[0..<32].reversed()))
        let s = try BigNum(bytes: Array(sig[32...].reversed()))
        try key.publicKey.verify(signature: ECDSASignature(r: r, s: s), digest: CTTargets.signedDigest)

        let ecdh = try target("ecdh-p256-derive")
        let mine = try ECPrivateKey(curve: curve, rawRepresentation: ecdh.fixedInput)
        let peer = try ECPrivateKey(curve: curve, rawRepresentation: CTTargets.pattern(32, start: 0x2D, step: 0x35))
        #expect(ecdh(ecdh.fixedInput) == (try peer.sharedSecret(with: mine.publicKey)))

        let x448 = try target("x448-derive")
        let peer448 = CTTargets.pattern(56, start: 0x77, step: 0x13)
        let mine448 = try X448.publicKey(privateKey: x448.fixedInput)
        #expect(x448(x448.fixedInput) == (try X448.sharedSecret(privateKey: peer448, peerPublicKey: mine448)))

        let ed448 = CTTargets.edSign(ed448: true)
        let edKey = try Ed448PrivateKey(rawRepresentation: ed448.fixedInput)
        try edKey.publicKey.verify(signature: ed448(ed448.fixedInput), message: CTTargets.PublicStream().digest())
    }
}
#endif

/// The SM2 target (ECTargets.swift): both classes sign, and the fixed input's signature verifies
/// under the key made from its first draw.
#if SM2
@Suite struct CTTargetsSM2 {
    @Test func sm2SignRunsAndVerifies() throws {
        let t = try target("sm2-sign")
        #expect(t.mustBeConstantTime)
        #expect(CTTargets.dudectDefault.contains { $0.name == "sm2-sign" })
        var rng = CTRandom(seed: 15)
        #expect(!t(t.randomInput(&rng)).isEmpty)
        let out = t(t.fixedInput)
        let curve = try ECCurve.named("SM2")
        let key = try ECPrivateKey(curve: curve, rawRepresentation: Array(t.fixedInput.prefix(32)))
        // r and s as little-endian limb bytes (`limbBytes`), four limbs each here.
        try #require(out.count == 64)
        let sig = ECDSASignature(
            r: try BigNum(bytes: Array(out.prefix(32).reversed())),
            s: try BigNum(bytes: Array(out.suffix(32).reversed())))
        #expect(throws: Never.self) {
            try SM2.verify(signature: sig, digest: CTTargets.signedDigest, publicKey: key.publicKey)
        }
    }
}
#endif
