import Foundation
import Testing

@testable import LibCrypto

#if EC
/// X25519 (RFC 7748) and Ed25519 (RFC 8032: pure, ctx, ph).
///
/// Expected values come from:
/// - RFC 7748 §5.2 (the two scalar-multiplication vectors, the results after 1 and 1,000
///   iterations) and §6.1 (the Diffie-Hellman example), transcribed below; §6.1 is also in
///   OpenSSL 3.0's test/recipes/30-test_evp_data/evppkey_ecx.txt.
/// - RFC 8032 §7.1 (TEST 1, 2, 3, 1024, SHA(abc)), §7.2 (Ed25519ctx: foo, bar, foo2, foo3) and
///   §7.3 (Ed25519ph, "abc"), transcribed below; §7.1's five are also OpenSSL's ED25519-1…5 in
///   evppkey_ecx.txt, with its malleability vector (S + L) transcribed from there.
/// - The cryptography-vectors cache: asymmetric/X25519/rfc7748.txt and asymmetric/Ed25519/
///   sign.input (the 1,024 lines of ed25519.cr.yp.to's test file), read at test time.
/// - The `openssl` 3.0 CLI: `genpkey -algorithm X25519|ED25519`, `pkey -text -noout` (raw keys),
///   `pkeyutl -derive` (shared secrets, and failure on the low-order points of libsodium's
///   blocklist), `pkeyutl -sign -rawin` / `-verify -rawin` (signatures, and its acceptance of
///   non-canonical public keys and R).
/// - BigNum (an independent implementation) for the cross-checks of the scalar reduction mod L,
///   of which y values decode, and of the field's products of carry-free sums at the limb bounds.
@Suite("Curve25519")
struct Curve25519Tests {
    static func hex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    // MARK: X25519

    // RFC 7748 §5.2: (scalar, u, output).
    static let rfc7748Vectors: [(String, String, String)] = [
        (
            "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
            "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
            "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"
        ),
        (
            "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
            "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
            "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
        ),
    ]

    @Test("RFC 7748 §5.2: the two scalar multiplications")
    func x25519Vectors() throws {
        for (k, u, out) in Self.rfc7748Vectors {
            #expect(try X25519.sharedSecret(privateKey: Self.hex(k), peerPublicKey: Self.hex(u)) == Self.hex(out))
        }
    }

    @Test("RFC 7748 §5.2: k = u = 9, then k ← X25519(k, u), u ← old k, after 1 and 1,000 iterations")
    func x25519Iterations() throws {
        var k = [UInt8](repeating: 0, count: 32)
        k[0] = 9
        var u = k
        for i in 1...1000 {
            let r = try X25519.sharedSecret(privateKey: k, peerPublicKey: u)
            u = k
            k = r
            if i == 1 {
                #expect(k == Self.hex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"))
            }
        }
        #expect(k == Self.hex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"))
    }

    @Test("RFC 7748 §6.1: Alice's and Bob's public keys and their shared secret")
    func x25519DiffieHellman() throws {
        let alice = Self.hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
        let alicePublic = Self.hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        let bob = Self.hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
        let bobPublic = Self.hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
        let shared = Self.hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
        #expect(try X25519.publicKey(privateKey: alice) == alicePublic)
        #expect(try X25519.publicKey(privateKey: bob) == bobPublic)
        #expect(try X25519.sharedSecret(privateKey: alice, peerPublicKey: bobPublic) == shared)
        #expect(try X25519.sharedSecret(privateKey: bob, peerPublicKey: alicePublic) == shared)
    }

    @Test("cryptography-vectors X25519/rfc7748.txt")
    func x25519CorpusFile() throws {
        let path = vectorsRoot + "/X25519/rfc7748.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("skipped: \(path) is missing (run scripts/setup.sh)")
            return
        }
        var fields: [String: String] = [:]
        var checked = 0
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.append("")
        for line in lines {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
            if line.trimmingCharacters(in: .whitespaces).isEmpty, let k = fields["INPUT_SCALAR"],
                let u = fields["INPUT_U"], let out = fields["OUTPUT_U"]
            {
                #expect(try X25519.sharedSecret(privateKey: Self.hex(k), peerPublicKey: Self.hex(u)) == Self.hex(out))
                checked += 1
                fields = [:]
            }
        }
        #expect(checked == 3)
    }

    /// libsodium's blocklist of X25519 u-coordinates that give the all-zero secret for every
    /// scalar (orders 1, 2, 4, 8 and their non-canonical forms u + p).
    static let lowOrderPoints = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    ]

    @Test("X25519: a low-order peer gives the all-zero secret, which throws (as OpenSSL's derive fails)")
    func x25519LowOrder() throws {
        let alice = Self.hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        if opensslPath != nil {
            try Self.write(Self.x25519PrivateDER(alice), dir + "/alice.der")
        }
        for u in Self.lowOrderPoints {
            #expect(throws: CryptoError.self) { try X25519.sharedSecret(privateKey: alice, peerPublicKey: Self.hex(u)) }
            if opensslPath != nil {
                try Self.write(Self.x25519PublicDER(Self.hex(u)), dir + "/peer.der")
                let status = try Self.opensslStatus([
                    "pkeyutl", "-derive", "-inkey", dir + "/alice.der", "-keyform", "DER", "-peerkey",
                    dir + "/peer.der", "-peerform", "DER",
                ])
                #expect(status != 0, "openssl derived a secret with low-order peer \(u)")
            }
        }
        let failure = #expect(throws: CryptoError.self) {
            try X25519.sharedSecret(privateKey: alice, peerPublicKey: Self.hex(Self.lowOrderPoints[0]))
        }
        #expect(failure?.openSSL?.name == "FAILED_DURING_DERIVATION")
    }

    @Test("X25519: bit 255 of u is ignored (RFC 7748 §5)")
    func x25519TopBit() throws {
        let (k, u, out) = Self.rfc7748Vectors[0]
        var high = Self.hex(u)
        high[31] |= 0x80
        #expect(try X25519.sharedSecret(privateKey: Self.hex(k), peerPublicKey: high) == Self.hex(out))
    }

    @Test("X25519: wrong lengths throw")
    func x25519Lengths() throws {
        let k = [UInt8](repeating: 7, count: 32)
        for n in [0, 31, 33, 64] {
            let bad = [UInt8](repeating: 9, count: n)
            #expect(throws: CryptoError.self) { try X25519.publicKey(privateKey: bad) }
            #expect(throws: CryptoError.self) { try X25519.sharedSecret(privateKey: bad, peerPublicKey: k) }
            #expect(throws: CryptoError.self) { try X25519.sharedSecret(privateKey: k, peerPublicKey: bad) }
        }
        #expect(try X25519.generatePrivateKey().count == 32)
    }

    @Test("X25519 against the openssl CLI: its key's public half, and the secret derived both ways")
    func x25519OpenSSL() throws {
        guard opensslPath != nil else {
            print("skipped: no openssl binary")
            return
        }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for _ in 0..<3 {
            _ = try openssl(["genpkey", "-algorithm", "X25519", "-out", dir + "/a.pem"])
            let (priv, pub) = try Self.rawKeys(dir + "/a.pem")
            #expect(try X25519.publicKey(privateKey: priv) == pub)
            let ours = try X25519.generatePrivateKey()
            try Self.write(Self.x25519PublicDER(try X25519.publicKey(privateKey: ours)), dir + "/b.der")
            let theirs = try openssl([
                "pkeyutl", "-derive", "-inkey", dir + "/a.pem", "-peerkey", dir + "/b.der", "-peerform", "DER",
            ])
            #expect(try X25519.sharedSecret(privateKey: ours, peerPublicKey: pub) == theirs)
        }
    }

    // MARK: Ed25519

    /// RFC 8032 §7.1–7.3: (secret key, public key, message, context, prehash, signature).
    static let rfc8032Vectors: [(String, String, String, String?, Bool, String)] = [
        // §7.1 TEST 1
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "", nil, false,
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        ),
        // §7.1 TEST 2
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", nil, false,
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
        // §7.1 TEST 3
        (
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82", nil, false,
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        ),
        // §7.1 TEST 1024
        (
            "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
            "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e", test1024Message, nil, false,
            "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"
        ),
        // §7.1 TEST SHA(abc)
        (
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            nil, false,
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
        ),
        // §7.2 foo
        (
            "0305334e381af78f141cb666f6199f57bc3495335a256a95bd2a55bf546663f6",
            "dfc9425e4f968f7f0c29f0259cf5f9aed6851c2bb4ad8bfb860cfee0ab248292", "f726936d19c800494e3fdaff20b276a8",
            "666f6f", false,
            "55a4cc2f70a54e04288c5f4cd1e45a7bb520b36292911876cada7323198dd87a8b36950b95130022907a7fb7c4e9b2d5f6cca685a587b4b21f4b888e4e7edb0d"
        ),
        // §7.2 bar
        (
            "0305334e381af78f141cb666f6199f57bc3495335a256a95bd2a55bf546663f6",
            "dfc9425e4f968f7f0c29f0259cf5f9aed6851c2bb4ad8bfb860cfee0ab248292", "f726936d19c800494e3fdaff20b276a8",
            "626172", false,
            "fc60d5872fc46b3aa69f8b5b4351d5808f92bcc044606db097abab6dbcb1aee3216c48e8b3b66431b5b186d1d28f8ee15a5ca2df6668346291c2043d4eb3e90d"
        ),
        // §7.2 foo2
        (
            "0305334e381af78f141cb666f6199f57bc3495335a256a95bd2a55bf546663f6",
            "dfc9425e4f968f7f0c29f0259cf5f9aed6851c2bb4ad8bfb860cfee0ab248292", "508e9e6882b979fea900f62adceaca35",
            "666f6f", false,
            "8b70c1cc8310e1de20ac53ce28ae6e7207f33c3295e03bb5c0732a1d20dc64908922a8b052cf99b7c4fe107a5abb5b2c4085ae75890d02df26269d8945f84b0b"
        ),
        // §7.2 foo3
        (
            "ab9c2853ce297ddab85c993b3ae14bcad39b2c682beabc27d6d4eb20711d6560",
            "0f1d1274943b91415889152e893d80e93275a1fc0b65fd71b4b0dda10ad7d772", "f726936d19c800494e3fdaff20b276a8",
            "666f6f", false,
            "21655b5f1aa965996b3f97b3c849eafba922a0a62992f73b3d1b73106a84ad85e9b86a7b6005ea868337ff2d20a7f5fbd4cd10b0be49a68da2b2e0dc0ad8960f"
        ),
        // §7.3 TEST abc (Ed25519ph, no context)
        (
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf", "616263", nil, true,
            "98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae4131f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406"
        ),
    ]

    /// RFC 8032 §7.1 TEST 1024's 1,023-byte message.
    static let test1024Message = """
            08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1
            e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d
            658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a
            7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e
            06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10
            3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1
            85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d
            502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270
            88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b
            eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba
            b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b
            e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7
            51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d
            cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df
            f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7
            984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4
            88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09
            43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f
            b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161
            0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d
            b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca
            c60c905c15fc910840b94c00a0b9d0
        """

    @Test("RFC 8032 §7.1–7.3: public keys, signatures (pure, ctx, ph) and their verification")
    func ed25519Vectors() throws {
        for (secret, pub, msg, ctx, ph, sig) in Self.rfc8032Vectors {
            let key = try Ed25519PrivateKey(rawRepresentation: Self.hex(secret))
            let context = ctx.map { Self.hex($0) }
            #expect(key.publicKey.rawRepresentation == Self.hex(pub))
            #expect(key.rawRepresentation == Self.hex(secret))
            let signature = try key.signature(for: Self.hex(msg), context: context, prehash: ph)
            #expect(signature == Self.hex(sig))
            let publicKey = try Ed25519PublicKey(rawRepresentation: Self.hex(pub))
            #expect(publicKey == key.publicKey)
            try publicKey.verify(signature: Self.hex(sig), message: Self.hex(msg), context: context, prehash: ph)
            // Any change of message, variant or context fails.
            #expect(throws: CryptoError.self) {
                try publicKey.verify(
                    signature: Self.hex(sig), message: Self.hex(msg) + [0], context: context, prehash: ph)
            }
            #expect(throws: CryptoError.self) {
                try publicKey.verify(signature: Self.hex(sig), message: Self.hex(msg), context: context, prehash: !ph)
            }
            #expect(throws: CryptoError.self) {
                // nil ↔ [] changes the variant except for Ed25519ph, where both mean an empty context.
                let other: [UInt8]? = context == nil ? (ph ? [0x61] : []) : nil
                try publicKey.verify(signature: Self.hex(sig), message: Self.hex(msg), context: other, prehash: ph)
            }
            var flipped = Self.hex(sig)
            flipped[17] ^= 0x01
            #expect(throws: CryptoError.self) {
                try publicKey.verify(signature: flipped, message: Self.hex(msg), context: context, prehash: ph)
            }
        }
    }

    @Test("cryptography-vectors Ed25519/sign.input: every line signs and verifies")
    func ed25519SignInput() throws {
        let path = vectorsRoot + "/Ed25519/sign.input"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("skipped: \(path) is missing (run scripts/setup.sh)")
            return
        }
        var lines = 0
        for line in text.split(separator: "\n") {
            let f = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            try #require(f.count >= 4, "sign.input line \(lines + 1) has \(f.count) fields")
            let sk = Self.hex(f[0])
            let pk = Self.hex(f[1])
            let msg = Self.hex(f[2])
            let sigAndMessage = Self.hex(f[3])
            let sig = Array(sigAndMessage.prefix(64))
            let key = try Ed25519PrivateKey(rawRepresentation: Array(sk.prefix(32)))
            #expect(Array(sk.suffix(32)) == pk)
            #expect(key.publicKey.rawRepresentation == pk)
            #expect(try key.signature(for: msg) == sig)
            try Ed25519PublicKey(rawRepresentation: pk).verify(signature: sig, message: msg)
            // The private key's own public key keeps the point of [s]B (not decoded from pk):
            // it verifies the same, and refuses another message.
            try key.publicKey.verify(signature: sig, message: msg)
            if lines < 16 {
                #expect(throws: CryptoError.self) { try key.publicKey.verify(signature: sig, message: msg + [0]) }
            }
            lines += 1
        }
        #expect(lines == 1024)
    }

    @Test("OpenSSL's malleability vector (S + L) and corrupted inputs fail; S ≥ L is refused")
    func ed25519Malleability() throws {
        let pub = try Ed25519PublicKey(
            rawRepresentation: Self.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
        let good = Self.hex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        )
        try pub.verify(signature: good, message: [])
        // evppkey_ecx.txt: "Same as the verify operation above but with the order added to s".
        let malleable = Self.hex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901554c8c7872aa064e049dbb3013fbf29380d25bf5f0595bbe24655141438e7a101b"
        )
        #expect(throws: CryptoError.self) { try pub.verify(signature: malleable, message: []) }
        #expect(throws: CryptoError.self) { try pub.verify(signature: good, message: Array("bad".utf8)) }
        var last = good
        last[63] = 0x0c
        #expect(throws: CryptoError.self) { try pub.verify(signature: last, message: []) }
        // S = L exactly, and S = 2^256 − 1.
        let order = Self.hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        #expect(throws: CryptoError.self) { try pub.verify(signature: Array(good[0..<32]) + order, message: []) }
        let big = [UInt8](repeating: 0xff, count: 32)
        #expect(throws: CryptoError.self) { try pub.verify(signature: Array(good[0..<32]) + big, message: []) }
    }

    @Test("Ed25519: wrong lengths and long contexts throw")
    func ed25519BadInput() throws {
        let key = try Ed25519PrivateKey.generate()
        let sig = try key.signature(for: [1, 2, 3])
        try key.publicKey.verify(signature: sig, message: [1, 2, 3])
        for n in [0, 31, 33, 64] {
            #expect(throws: CryptoError.self) {
                try Ed25519PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: n))
            }
            #expect(throws: CryptoError.self) {
                try Ed25519PublicKey(rawRepresentation: [UInt8](repeating: 1, count: n))
            }
        }
        for n in [0, 63, 65, 128] {
            #expect(throws: CryptoError.self) {
                try key.publicKey.verify(signature: [UInt8](repeating: 0, count: n), message: [1, 2, 3])
            }
        }
        let long = [UInt8](repeating: 0x41, count: 256)
        #expect(throws: CryptoError.self) { try key.signature(for: [], context: long) }
        #expect(throws: CryptoError.self) { try key.signature(for: [], context: long, prehash: true) }
        #expect(throws: CryptoError.self) { try key.publicKey.verify(signature: sig, message: [], context: long) }
        let max = [UInt8](repeating: 0x41, count: 255)
        let ctxSig = try key.signature(for: [9], context: max)
        try key.publicKey.verify(signature: ctxSig, message: [9], context: max)
    }

    @Test("Ed25519 public keys: a y decodes exactly when (y² − 1)/(d·y² + 1) is a square (BigNum's Euler test)")
    func ed25519Decoding() throws {
        let p = try BigNum(hex: "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFED")
        let d = try BigNum(decimal: "37095705934669439343138083508754565189542113879843219016388785533085940283555")
        let halfP = try BigNum(hex: "3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6")  // (p − 1)/2
        var rejected = 0
        for y in 2..<40 {
            let yb = BigNum(y)
            let u = try (yb * yb - BigNum(1)).nonNegativeRemainder(modulo: p)
            let v = try (d * yb * yb + BigNum(1)).nonNegativeRemainder(modulo: p)
            // u/v is a square iff u·v is (v ≠ 0); Euler: (u·v)^((p−1)/2) = 1.
            let euler = try (u * v).modExp(halfP, modulus: p)
            var bytes = [UInt8](repeating: 0, count: 32)
            bytes[0] = UInt8(y)
            if euler == BigNum(1) {
                _ = try Ed25519PublicKey(rawRepresentation: bytes)
            } else {
                #expect(throws: CryptoError.self) { try Ed25519PublicKey(rawRepresentation: bytes) }
                rejected += 1
            }
        }
        #expect(rejected > 0)
    }

    /// The value Σ lᵢ·2^(51i) of an element's limbs (not reduced mod p), as a BigNum.
    static func limbValue(_ x: FieldElement25519) throws -> BigNum {
        var v = BigNum(x.l4)
        for l in [x.l3, x.l2, x.l1, x.l0] { v = try v.shiftedLeft(by: 51) + BigNum(l) }
        return v
    }

    @Test(
        "GF(2^255 − 19): products, squares and ×121666 of carry-free sums and differences at the limb bounds, against BigNum"
    )
    func fieldLazyBounds() throws {
        let p = try BigNum(hex: "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFED")
        typealias FE = FieldElement25519
        // "Reduced" limbs are below 2^51 + 2^18 (Curve25519Field.swift); the extremes first.
        let top: UInt64 = (1 << 51) + (1 << 18) - 1
        var elements: [FE] = [
            FE(top, top, top, top, top), FE(0, 0, 0, 0, 0),
            FE((1 << 51) - 1, (1 << 51) - 1, (1 << 51) - 1, (1 << 51) - 1, (1 << 51) - 1),
            FE(top, 0, top, 0, top), FE(0, top, 0, top, 0), FE(1, 0, 0, 0, 0),
        ]
        var rng = TestRNG(seed: 7748)
        for _ in 0..<60 {
            elements.append(
                FE(
                    rng.next() % (top + 1), rng.next() % (top + 1), rng.next() % (top + 1), rng.next() % (top + 1),
                    rng.next() % (top + 1)))
        }
        func value(_ x: FE) throws -> BigNum { try BigNum(bytes: x.encoded().reversed()) }
        func isReduced(_ x: FE) -> Bool { [x.l0, x.l1, x.l2, x.l3, x.l4].allSatisfy { $0 <= top } }
        func isLazy(_ x: FE) -> Bool { [x.l0, x.l1, x.l2, x.l3, x.l4].allSatisfy { $0 < 1 << 53 } }
        var checked = 0
        for (i, a) in elements.enumerated() {
            let b = elements[(i * 7 + 3) % elements.count]
            let av = try Self.limbValue(a)
            let bv = try Self.limbValue(b)
            let s = FE.lazyAdd(a, b)
            let d = FE.lazySubtract(a, b)
            #expect(isLazy(s) && isLazy(d))
            #expect(try Self.limbValue(s).nonNegativeRemainder(modulo: p) == (av + bv).nonNegativeRemainder(modulo: p))
            #expect(try Self.limbValue(d).nonNegativeRemainder(modulo: p) == (av - bv).nonNegativeRemainder(modulo: p))
            let cases: [(FE, BigNum)] = [
                (s * d, (av + bv) * (av - bv)), (d * s, (av - bv) * (av + bv)), (s * s, (av + bv) * (av + bv)),
                (d * d, (av - bv) * (av - bv)), (s.squared(), (av + bv) * (av + bv)),
                (d.squared(), (av - bv) * (av - bv)),
                (d.times(small: 121666), (av - bv) * BigNum(121666)),
                (s.times(small: 121666), (av + bv) * BigNum(121666)),
                (a * b, av * bv), (a.squared(), av * av),
            ]
            for (got, expected) in cases {
                #expect(isReduced(got))
                #expect(try value(got) == expected.nonNegativeRemainder(modulo: p))
                checked += 1
            }
        }
        #expect(checked == 10 * elements.count)
    }

    @Test("Scalars mod L: Barrett's μ, and reduction of random 512-bit values, against BigNum")
    func scalarReduction() throws {
        let l = try BigNum(hex: "1000000000000000000000000000000014DEF9DEA2F79CD65812631A5CF5D3ED")
        let mu = try BigNum(bytes: Scalar25519.bytes(Scalar25519.mu).reversed())
        let two512 = try BigNum(1).shiftedLeft(by: 512)
        #expect(mu * l <= two512 && two512 < (mu + BigNum(1)) * l)
        var rng = TestRNG(seed: 25519)
        var inputs = (0..<200).map { _ in rng.bytes(64) }
        inputs.append([UInt8](repeating: 0xff, count: 64))
        inputs.append([UInt8](repeating: 0, count: 64))
        inputs.append(Scalar25519.bytes(Scalar25519.order.prefix(4) + [0, 0, 0, 0]))
        for x in inputs {
            let expected = try BigNum(bytes: x.reversed()).nonNegativeRemainder(modulo: l)
            let got = try BigNum(bytes: Scalar25519.reduceDigest(x).reversed())
            #expect(got == expected)
        }
    }

    @Test("Ed25519 against the openssl CLI: same public key and signature for its key; it verifies ours")
    func ed25519OpenSSL() throws {
        guard opensslPath != nil else {
            print("skipped: no openssl binary")
            return
        }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = TestRNG(seed: 8032)
        for round in 0..<3 {
            let message = rng.bytes(1 + round * 37)  // pkeyutl 3.0 cannot sign an empty file
            try Self.write(message, dir + "/msg")
            _ = try openssl(["genpkey", "-algorithm", "ED25519", "-out", dir + "/k.pem"])
            let (seed, pub) = try Self.rawKeys(dir + "/k.pem")
            let key = try Ed25519PrivateKey(rawRepresentation: seed)
            #expect(key.publicKey.rawRepresentation == pub)
            let theirs = try openssl(["pkeyutl", "-sign", "-rawin", "-inkey", dir + "/k.pem", "-in", dir + "/msg"])
            #expect(try key.signature(for: message) == theirs)
            // Our own key and signature, verified by OpenSSL.
            let ours = try Ed25519PrivateKey.generate()
            try Self.write(Self.ed25519PublicDER(ours.publicKey.rawRepresentation), dir + "/pub.der")
            try Self.write(try ours.signature(for: message), dir + "/sig")
            #expect(try Self.ed25519OpenSSLVerifies(dir) == true)
            var bad = try ours.signature(for: message)
            bad[40] ^= 4
            try Self.write(bad, dir + "/sig")
            #expect(try Self.ed25519OpenSSLVerifies(dir) == false)
        }
    }

    @Test("Ed25519 public keys OpenSSL 3.0 accepts (y ≥ p, x = 0 with the sign bit) and a non-canonical R it refuses")
    func ed25519OpenSSLEdgeEncodings() throws {
        // A = identity in three encodings: canonical (0, 1); y = p + 1; x = 0 with the sign bit set.
        let canonicalIdentity = Self.hex("0100000000000000000000000000000000000000000000000000000000000000")
        let yAboveP = Self.hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
        let negativeZero = Self.hex("0100000000000000000000000000000000000000000000000000000000000080")
        // With A the identity, [S]B − [k]A = [S]B: (R, S) = (B, 1) verifies for any message
        // (B's encoding, RFC 8032 §5.1: y = 4/5), and (identity, 0) too, but only with the
        // canonical identity as R (OpenSSL compares R's bytes with the canonical encoding).
        let baseR = Self.hex("5866666666666666666666666666666666666666666666666666666666666666")
        let one = [1] + [UInt8](repeating: 0, count: 31)
        let zero = [UInt8](repeating: 0, count: 32)
        let cases: [([UInt8], [UInt8], Bool)] = [
            (canonicalIdentity, baseR + one, true), (yAboveP, baseR + one, true), (negativeZero, baseR + one, true),
            (canonicalIdentity, canonicalIdentity + zero, true), (canonicalIdentity, yAboveP + zero, false),
            (canonicalIdentity, negativeZero + zero, false),
        ]
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let message = Array("any message".utf8)
        try Self.write(message, dir + "/msg")
        for (a, sig, expected) in cases {
            let key = try Ed25519PublicKey(rawRepresentation: a)
            #expect(key.rawRepresentation == a)
            let ok = (try? key.verify(signature: sig, message: message)) != nil
            #expect(ok == expected, "A \(TestHex.encode(a)) sig \(TestHex.encode(sig))")
            if opensslPath != nil {
                try Self.write(Self.ed25519PublicDER(a), dir + "/pub.der")
                try Self.write(sig, dir + "/sig")
                #expect(try Self.ed25519OpenSSLVerifies(dir) == expected, "openssl: A \(TestHex.encode(a))")
            }
        }
    }

    // MARK: helpers

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "curve25519-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// SubjectPublicKeyInfo / PKCS#8 DER of raw keys (RFC 8410: id-X25519 1.3.101.110,
    /// id-Ed25519 1.3.101.112).
    static func x25519PublicDER(_ pub: [UInt8]) -> [UInt8] {
        hex("302a300506032b656e032100") + pub
    }
    static func x25519PrivateDER(_ priv: [UInt8]) -> [UInt8] {
        hex("302e020100300506032b656e04220420") + priv
    }
    static func ed25519PublicDER(_ pub: [UInt8]) -> [UInt8] {
        hex("302a300506032b6570032100") + pub
    }

    /// `openssl pkeyutl -verify -rawin` of dir/sig on dir/msg under dir/pub.der.
    static func ed25519OpenSSLVerifies(_ dir: String) throws -> Bool {
        try opensslStatus([
            "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", dir + "/pub.der", "-keyform", "DER", "-in",
            dir + "/msg", "-sigfile", dir + "/sig",
        ]) == 0
    }

    /// The raw private and public key `openssl pkey -text -noout` prints for a PEM key file.
    static func rawKeys(_ path: String) throws -> ([UInt8], [UInt8]) {
        let text = String(decoding: try openssl(["pkey", "-in", path, "-text", "-noout"]), as: UTF8.self)
        var sections: [String: String] = [:]
        var current = ""
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(":") && !trimmed.contains(" ") && trimmed.count < 8 {
                current = String(trimmed.dropLast())
            } else if line.hasPrefix(" ") {
                sections[current, default: ""] += trimmed
            }
        }
        let priv = hex(try #require(sections["priv"]))
        let pub = hex(try #require(sections["pub"]))
        try #require(priv.count == 32 && pub.count == 32, "openssl pkey -text: \(text)")
        return (priv, pub)
    }

    /// Runs `openssl args…` and returns its exit status (output discarded).
    static func opensslStatus(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(opensslPath))
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
#endif
