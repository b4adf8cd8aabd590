import LibCrypto

// The public-key targets (issue #14): BigNum's constant-time entry points, the RSA private
// operation (PKCS#1 v1.5 and PSS signing; PKCS#1 v1.5 and OAEP decryption with their padding
// checks), DSA signing and DH derivation; docs/constant-time.md, "Public-key targets".
//
// Valgrind: each target has a `valgrindRun` body that builds its operands from public values and
// then marks the secrets undefined: the private key's limbs (through
// `RSAPrivateKey.visitSecretBuffers`, `DSAPrivateKey.x`, the DH private value), the BigNum
// operands, and DSA's nonce and blinding draws (the generator hands out marked bytes). A
// decrypted block is computed from the marked key, so it is undefined too. RSA's blinding factor
// comes from the DRBG and is not marked (its design, r·u for Euclid, is in RSAPrimitives.swift).
//
// dudect: class 0 is a fixed secret, class 1 a random one: a fixed or random exponent, base or
// operand; for RSA, DSA and DH a fixed key against one drawn from a pool of keys made on first
// use; for decryption a valid-padding ciphertext against random ciphertexts (invalid padding).
//
// Keys. The RSA-2048 key and the DSA-2048/256 parameters and key were generated for this file with
// OpenSSL 3.0.19: `openssl genrsa -out rsa.pem 2048`; `openssl genpkey -genparam -algorithm DSA
// -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256 -out dsap.pem` and
// `openssl genpkey -paramfile dsap.pem -out dsa.pem`; the numbers below are those of
// `openssl rsa -noout -text` and `openssl pkey -noout -text`, as hex. They are test keys only.

/// Fixed keys of the public-key targets (see the note at the top of the file).
enum FixedKeys {
    /// RSA-2048, e = 65537 (`openssl genrsa 2048`).
    enum RSA2048 {
        static let modulus =
            "8E27D45554819D42BA40F568E67D824E3CA2E34E2CDB9D538734170BEBF6481D5040BE97850A6308B029D1574BC22CCF"
            + "88A29FA9C971D139E2081AF4C8B3D1D8FEF329E533641492C0E817E8CFFC30D5E9C9CF7F16F5CE93CF196925A3F9D709"
            + "F01B8EC4AA5C702DCE022B11FEC130B6A0352403616DE49B4FABFF68CFAD87DFFFBC4A037EF9328103B04CD8F5BB19BD"
            + "CD9EDB94CBAC17909940C79DD4069141D6228289F5C7BB53F71DCEED2FE486C2B2F63FDE209164357E18D7D6CD7CE7DD"
            + "BD1E902465DBBFA43F159D8AE07F92863B183588E1078326489383E16779625097D4AFACC954837BF95073A03AEAC6C0"
            + "EC5E57973ABA972B53FD40F5E2846763"
        static let privateExponent =
            "3C02905E5D48422CF3178D01F59B3230F8E40274F3F6D9D9731008529E0FDFAD903D64B7EE0FCE72D27B34C65752E73B"
            + "CD0069CA7121BD236449EBA73E3ABAF191DEF0E6B2E522D238E14186A4965FBF4DEC45CDEED1619D8025C7FF7DD37075"
            + "DF88A2A25F109AC29B5ECAF3D3C99658E214CCD9287E0DAD8ADA9EFD8DFE41872B0302F5922E04400568BB0FBC53D676"
            + "D86E3E142944905D63ACE8456CBC9047500E9BD8762BB6023C5435D8AAB4E5EF16519444B79009280924AC5EBCF8A9D3"
            + "90EC38E5F9CF698B05DD7172F30C20C41DD74A30C6BCC0DFBBF4CB659D126BE4187247BD66EABA5BDE17D28ED0B91999"
            + "DA82556B91457AC0744D029175A6C1C1"
        static let prime1 =
            "C2C341C642BE7EC02743A20E6808F6F55A92916CD6D28D50FE210DC3342346683EDA203F5AE0220D4E0AFC1121297341"
            + "1FD71D2190DD26BE2A2296CF4B5E472C46C80BD88E099463CCF31C83644CC6DBD39EDEB4A07F3BB612EA63D021AD44F8"
            + "6176C81FB7DD76CFE6E49F556B4C28780690991F0FBEF492A76BB49A7EA9DD71"
        static let prime2 =
            "BADA2528CFE5705A3A30973E7BD29204E21D2037788DB8F0D2D35E6913FAA35E181B654791E3F388563747A09754BF7C"
            + "A64E81BEFCBCBA58DD11DEC3F27F1834B405A06C9C882AE566448FF11B322FC3CED68E5453A7645C02E9381A8583C84D"
            + "74FD3E54B10213A97ED104414E2AE9B096A19B5397BC5C7E96B7A521FFDC7813"
        static let exponent1 =
            "63E4DE41A04E3098C20AD07DEF2259F8722226F0DA26585128672FB5E5720A54C198035E3B70264708B65D9F33911D0A"
            + "5418735A9A00B434694C2069E6504ED508E0E6228687A752A0F638B3B3A8257EEEC5D798719190C0CC66E817028EEA87"
            + "33064792ED2D6C192A662CCB152394C62B27D341B943CA11C64959F2BBF0C821"
        static let exponent2 =
            "635ADBA777E4687991B784B494E2C30215B9A707D7F284048A161A7D854220DC47B5498564EDF0F0EDE7370F0D68E2E9"
            + "450539B8746B662B1A620631EB1FE99F1C9A61535F688866B29A826F92267D7F80DC5592416920D44C37F6BD23818F60"
            + "A0748850404EFA6586295E39DB76B60C500C5EAB7463944B3B992B1589179241"
        static let coefficient =
            "801D58CD9C7C1EB1A6D3024C67312F739DD2C385F4BA6C3F2CEF727D512DA2AA2C0DD3BCA294AB73B72D0D92C5452095"
            + "ED115B31430AAE41062506D1545A3AE8862983B0B69156FEB3E124F25E92811A9928B04133D57E7A244C26C8FB604D3A"
            + "88BAA7F8631918FF96B5D3CF1A675908E80BED85246F069F040FDBBEC03A96DA"
    }

    /// DSA-2048/256 parameters and a key (`openssl genpkey`).
    enum DSA2048 {
        static let p =
            "97A07B23C56465910CE757ACCB71D59D88820EF746C81BA45E0B1FE70661FCDF57241AD8455AE195A23CA3BE920E2680"
            + "AC73EE872920DABD6FE53DCE13D24EA20779C89CCFEE344857D6DFCE4A53AB8A7E53114C7F211666ED4424AB05C60E5B"
            + "C7DD82DFA2B3EB932EF77F9C74ABBD9F3CA11E6B57D151FC90419664390F6BFAE6FE0F26BF40FE0C8479DED172CCFA68"
            + "D51B80A9007A7A0F8C6309204CD08A0392A9338D7C5EADC2A44B3751ADE8C573265F3631E828D0F9C0D63E8FCC8121B1"
            + "F25CE9A2F95974D42E3EB8714333EF7E1B13D2698521E59B7D2249C0165C371D772B75B67EC25F36F55FAEC0F5D78FBB"
            + "17FBAEE679A7A81E8A4BB3990E4110B9"
        static let q =
            "992121C163DEB03B5108705B624A9D194BC0BB474E55EC697DA8BE00F6B1ACD3"
        static let g =
            "3FE22952235CDE21C3BAE19A7B92199A3A9F3BAEAAB1C770E8D53AE8272652ED7FCC09AAB820BC7D8503CF5EE40BF386"
            + "5750F50006311545950EB5731789AC5C21A1AE4E7A1A4943732DF69BD371FAC0714D37668BC30C0463ED6170EA272FC6"
            + "5BB704F77A6310777EC901907064C014CE86096557A83AF3320C220FE14BE68D7A629E724AE98801F74442BE310FAB33"
            + "D8E78A22E77411980590D9B975A26AEE062A53656F91230FADFEDB482EF772461A7CD60EAA33BD7ADE373BC88C1827E8"
            + "059038D66E0EB1D78FE843FADF320569E259EAEF5753DA74A64E16CEA77BB4F85E1D99055F410C6BC64D448D6AFD484C"
            + "FF8D3C1068EC55B6D7DE5CCD2940C03A"
        static let x =
            "72BA19FAEDFE660725C1454236061B3EF86CBE55226D1ED4A7AA704786D18EDE"
        static let y =
            "2755780E0269EE1851F1E4EE4DD63A28D0682A8847A835654B8CF42743FD5B66D8CBD14046FCE1212E9B114B68CB0389"
            + "475276441F26AF455A8F39E83C446BCF0F7E939EBDEBC268C1961ED2E7BEBB7D4FFEDD244797578603719918E8C46A83"
            + "FFB4FDBADF74BE0104F9296490B159F6B1C7948E8CB24A65B50CABB22AA81951B8118884DAB69AF4D7FD0D6A96B49DEA"
            + "3E4D3AE0E54EDAB91BCCBB7DE9B906520797E2CB88CA4D6ED49600D0FF69FE0AAD581BBC63841B374FFE33A7FCC61326"
            + "EFCC97FF0C5F938433F54068B1529A19DB2952BA17F199E1F6062CF7A1518EE33940E5083EAEE9B2773B185BBD5602CA"
            + "42FC58849CEBC60A339A11D71581526F"
    }
}

extension CTTargets {
    /// dudect's call-count divisor for the BigNum targets (about 0.1 to 1 ms a call).
    static let bigNumDivisor = 4
    /// dudect's call-count divisor for the RSA, DSA and DH targets (milliseconds a call).
    static let publicKeyDivisor = 8
    /// Keys in each dudect pool: index 0 is the fixed key (class 0), the others are class 1's.
    static let poolSize = 8

    // MARK: Helpers (harness code: public data only, or no branch on a secret)

    /// A number from big-endian bytes with the top bit of the first byte set (`topBit`) or with
    /// its lowest bit set (`!topBit`), so that its limb count does not depend on the bytes: the
    /// limb count of a BigNum is public (as OpenSSL's `top`), the values are what is checked.
    static func fixedWidthNumber(_ bytes: some Collection<UInt8>, topBit: Bool = true) -> BigNum {
        var b = Array(bytes)
        if topBit { b[0] |= 0x80 } else { b[0] |= 0x01 }
        return (try? BigNum(bytes: b)) ?? .zero
    }

    /// The limbs of `n` as bytes, least significant limb first (no branch on their values: the
    /// limb count is public).
    static func limbBytes(_ n: BigNum) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n.limbs.count * 8)
        for l in n.limbs {
            for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: l >> UInt64(8 * k))) }
        }
        return out
    }

    /// A random-bytes source that hands out `bytes` in order, then the DRBG's (DSA signing's
    /// nonce and blinding draws, taken from the target's input).
    final class FeedGenerator: @unchecked Sendable {
        private var bytes: [UInt8]
        private var position = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func next(_ count: Int) throws -> [UInt8] {
            guard position + count <= bytes.count else { return try Random.bytes(count: count) }
            defer { position += count }
            return Array(bytes[position..<(position + count)])
        }
    }

    // MARK: BigNum

    /// The 1,024-bit odd modulus of the BigNum targets: the RSA-2048 key's first prime (public here).
    static var bigNumModulus: BigNum { (try? BigNum(hex: FixedKeys.RSA2048.prime1)) ?? .one }

    /// `modExpConstantTime` with a secret 1,024-bit exponent (public base) or a secret base below
    /// the modulus (public 1,024-bit exponent).
    static func bnModExp(secretExponent: Bool) throws -> CTTarget {
        let m = bigNumModulus
        guard m.bitWidth == 1024 else { throw CryptoError(.invalidParameter, "BigNum target modulus") }
        // Exponent: 128 bytes, top bit set. Base: 127 bytes (below m, whose top byte is 0xC2), low bit of the top byte set.
        let publicBase = fixedWidthNumber(pattern(127, start: 0x35, step: 7), topBit: false)
        let publicExponent = fixedWidthNumber(pattern(128, start: 0x63, step: 13))
        let length = secretExponent ? 128 : 127
        @Sendable func op(_ secret: BigNum) -> [UInt8] {
            let r =
                secretExponent
                ? try? publicBase.modExpConstantTime(secret, modulus: m)
                : try? secret.modExpConstantTime(publicExponent, modulus: m)
            return r.map(limbBytes) ?? []
        }
        let fixed = pattern(length, start: 0xA7, step: 31)
        let name = secretExponent ? "bn-modexp-ct-exponent" : "bn-modexp-ct-base"
        return CTTarget(
            name: name,
            summary: secretExponent
                ? "BigNum.modExpConstantTime, 1024-bit modulus, secret 1024-bit exponent"
                : "BigNum.modExpConstantTime, 1024-bit modulus, secret base (1024-bit exponent)",
            fixedInput: fixed, measurementDivisor: bigNumDivisor,
            valgrindRun: { marker in
                let secret = fixedWidthNumber(fixed, topBit: secretExponent)
                marker.secret(secret)
                return [op(secret)]
            },
            run: { input in op(fixedWidthNumber(input, topBit: secretExponent)) })
    }

    /// `inverseModPrimeConstantTime` of a secret below the 1,024-bit prime.
    static func bnInverse() -> CTTarget {
        let p = bigNumModulus
        @Sendable func op(_ a: BigNum) -> [UInt8] {
            (try? a.inverseModPrimeConstantTime(p)).map(limbBytes) ?? []
        }
        let fixed = pattern(127, start: 0x5C, step: 17)
        return CTTarget(
            name: "bn-inverse-mod-prime",
            summary: "BigNum.inverseModPrimeConstantTime (Fermat), 1024-bit prime, secret operand",
            fixedInput: fixed, measurementDivisor: bigNumDivisor,
            valgrindRun: { marker in
                let a = fixedWidthNumber(fixed, topBit: false)
                marker.secret(a)
                return [op(a)]
            },
            run: { input in op(fixedWidthNumber(input, topBit: false)) })
    }

    /// MontgomeryContext: to Montgomery form, multiply, square, back, on two secret operands.
    static func bnMontgomery() throws -> CTTarget {
        let ctx = try MontgomeryContext(modulus: bigNumModulus)
        @Sendable func op(_ a: BigNum, _ b: BigNum) -> [UInt8] {
            guard let am = try? ctx.toMontgomery(a), let bm = try? ctx.toMontgomery(b),
                let product = try? ctx.multiply(am, bm), let square = try? ctx.square(product),
                let r = try? ctx.fromMontgomery(square)
            else { return [] }
            return limbBytes(r)
        }
        let fixed = pattern(254, start: 0x21, step: 11)
        return CTTarget(
            name: "bn-montgomery-mul",
            summary: "MontgomeryContext toMontgomery, multiply, square, fromMontgomery: 1024-bit, secret operands",
            fixedInput: fixed, measurementDivisor: bigNumDivisor,
            valgrindRun: { marker in
                let a = fixedWidthNumber(fixed[0..<127], topBit: false)
                let b = fixedWidthNumber(fixed[127...], topBit: false)
                marker.secret(a)
                marker.secret(b)
                return [op(a, b)]
            },
            run: { input in
                op(fixedWidthNumber(input[0..<127], topBit: false), fixedWidthNumber(input[127...], topBit: false))
            })
    }
}

// MARK: RSA

extension CTTargets {
    /// The RSA-2048 key of `FixedKeys`.
    static func fixedRSAKey() throws -> RSAPrivateKey {
        let k = FixedKeys.RSA2048.self
        return try RSAPrivateKey(
            modulus: BigNum(hex: k.modulus), publicExponent: BigNum(65537),
            privateExponent: BigNum(hex: k.privateExponent), prime1: BigNum(hex: k.prime1),
            prime2: BigNum(hex: k.prime2), exponent1: BigNum(hex: k.exponent1), exponent2: BigNum(hex: k.exponent2),
            coefficient: BigNum(hex: k.coefficient))
    }

    /// dudect's RSA keys: the fixed key, then `poolSize − 1` keys of the same size generated on
    /// first use (the DRBG's; a few seconds, once per process).
    static let rsaPool: [RSAPrivateKey] = {
        guard let fixed = try? fixedRSAKey() else { return [] }
        var keys = [fixed]
        while keys.count < poolSize {
            guard let k = try? RSAPrivateKey.generate(bits: fixed.publicKey.bitCount) else { break }
            keys.append(k)
        }
        return keys
    }()

    /// A pool index for class 1: any key but the fixed one.
    static func otherKey(_ rng: inout CTRandom, _ count: Int) -> UInt8 {
        UInt8(1 + Int(rng.next() % UInt64(max(1, count - 1))))
    }

    static let signedDigest = pattern(32, start: 0x0D, step: 0x1B)

    /// RSA-2048 signing of a SHA-256 digest: the private operation (CRT, blinding, fault check).
    /// dudect input: a pool index and the digest (class 0: the fixed key and digest).
    static func rsaSign(pss: Bool) throws -> CTTarget {
        let sha256 = try Registry.digest(named: "SHA256")
        let padding: RSASignaturePadding = pss ? .pss(saltLength: .digest) : .pkcs1
        let key = try fixedRSAKey()
        @Sendable func op(_ key: RSAPrivateKey, _ digest: [UInt8]) -> [UInt8] {
            (try? key.sign(digest: digest, algorithm: sha256, padding: padding)) ?? []
        }
        let name = pss ? "rsa-2048-sign-pss" : "rsa-2048-sign-pkcs1"
        return CTTarget(
            name: name,
            summary: "RSA-2048 sign, \(pss ? "PSS" : "PKCS#1 v1.5"), SHA-256 (private key secret)",
            fixedInput: [0] + signedDigest,
            randomInput: { rng in [otherKey(&rng, rsaPool.count)] + rng.bytes(32) },
            measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                key.visitSecretBuffers { marker.secret($0) }
                return [op(key, signedDigest)]
            },
            run: { input in
                let pool = rsaPool
                return op(pool[Int(input[0]) % pool.count], Array(input[1...]))
            })
    }

    static let rsaMessage = pattern(24, start: 0x4D, step: 3)

    /// RSA-2048 decryption with its padding check: dudect's class 0 is a ciphertext with valid
    /// padding, class 1 random ciphertexts below n (whose padding is invalid but for about one in
    /// 2^16 for PKCS#1 v1.5, 2^-160 for OAEP). The key is the fixed one in both classes.
    static func rsaDecrypt(oaep: Bool) throws -> CTTarget {
        let key = try fixedRSAKey()
        let padding: RSAEncryptionPadding =
            oaep ? .oaep(digest: try Registry.digest(named: "SHA256")) : .pkcs1
        let valid = try key.publicKey.encrypt(rsaMessage, padding: padding)
        let k = valid.count
        @Sendable func op(_ ciphertext: [UInt8]) -> [UInt8] {
            guard let m = try? key.decrypt(ciphertext, padding: padding) else { return [0] }
            return [1] + m
        }
        let n = key.publicKey.modulus
        let name = oaep ? "rsa-2048-decrypt-oaep" : "rsa-2048-decrypt-pkcs1"
        return CTTarget(
            name: name,
            summary: "RSA-2048 decrypt, \(oaep ? "OAEP (SHA-256)" : "PKCS#1 v1.5") padding check (private key secret)",
            fixedInput: valid,
            randomInput: { rng in
                while true {
                    let c = rng.bytes(k)
                    if let v = try? BigNum(bytes: c), v < n { return c }
                }
            },
            measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                key.visitSecretBuffers { marker.secret($0) }
                // A valid ciphertext, then one that decrypts to a block with bad padding.
                let invalid = (try? key.publicKey.rawPublicOperation(pattern(k, start: 0x00, step: 0x3B))) ?? []
                return [op(valid), op(invalid)]
            },
            run: { input in op(Array(input)) })
    }
}

// MARK: DSA, DH

extension CTTargets {
    static func fixedDSAParameters() throws -> DSAParameters {
        let k = FixedKeys.DSA2048.self
        return try DSAParameters(p: BigNum(hex: k.p), q: BigNum(hex: k.q), g: BigNum(hex: k.g))
    }

    /// dudect's DSA keys: the fixed key, then `poolSize − 1` generated on first use.
    static let dsaPool: [DSAPrivateKey] = {
        guard let parameters = try? fixedDSAParameters(),
            let fixed = try? DSAPrivateKey(parameters: parameters, x: BigNum(hex: FixedKeys.DSA2048.x))
        else { return [] }
        var keys = [fixed]
        while keys.count < poolSize {
            guard let k = try? DSAPrivateKey.generate(parameters: parameters) else { break }
            keys.append(k)
        }
        return keys
    }()

    /// DSA-2048/256 signing of a SHA-256 digest with a secret key, nonce k and blinding value.
    /// Input: a pool index, then the 32 bytes of k's draw and the 32 bytes of the blinding
    /// value's draw, which the signer takes from its random source in that order (class 1's are
    /// chosen so that neither draw is rejected: k in [1, q), the blinding value in [1, 2^255)).
    static func dsaSign() throws -> CTTarget {
        let parameters = try fixedDSAParameters()
        let q = parameters.q
        let key = try DSAPrivateKey(parameters: parameters, x: BigNum(hex: FixedKeys.DSA2048.x))
        @Sendable func op(_ key: DSAPrivateKey, _ draws: [UInt8]) -> [UInt8] {
            let feed = FeedGenerator(draws)
            guard let sig = try? key.signature(forDigest: signedDigest, using: { try feed.next($0) }) else { return [] }
            return limbBytes(sig.r) + limbBytes(sig.s)
        }
        let fixedDraws = pattern(32, start: 0x31, step: 5) + pattern(32, start: 0x52, step: 9)
        return CTTarget(
            name: "dsa-2048-sign",
            summary: "DSA-2048/256 sign, SHA-256 digest (private key, nonce k and blinding value secret)",
            fixedInput: [0] + fixedDraws,
            randomInput: { rng in
                var k: [UInt8]
                repeat { k = rng.bytes(32) } while !((try? BigNum(bytes: k)).map { !$0.isZero && $0 < q } ?? false)
                var blind = rng.bytes(32)
                blind[0] &= 0x7F
                blind[31] |= 1
                return [otherKey(&rng, dsaPool.count)] + k + blind
            },
            measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                marker.secret(key.x)
                // The draws reach the signer as secret bytes, as the DRBG's output is.
                let draws = fixedDraws
                marker.secret(draws)
                return [op(key, draws)]
            },
            run: { input in
                let pool = dsaPool
                return op(pool[Int(input[0]) % pool.count], Array(input[1...]))
            })
    }

    /// DH with RFC 5114's 2048-bit group with a 224-bit subgroup (`dh_2048_224`: the peer check
    /// y^q is a 224-bit power, where ffdhe2048's would be a 2047-bit one in every call): the key
    /// is made from a secret x (y = g^x), then the shared secret with a fixed peer, leading
    /// zero bytes stripped (OpenSSL's default; the length is declassified as designed).
    static func dhDerive() throws -> CTTarget {
        let parameters = try DHParameters.named("dh_2048_224")
        let peer = try DHPrivateKey(
            parameters: parameters, x: BigNum(hex: "1F2E3D4C5B6A79889786A5B4C3D2E1F00F1E2D3C4B5A6978")
        )
        .publicKey
        // x: 28 bytes (224 bits), top bit set so that its length is fixed.
        @Sendable func op(_ x: BigNum) -> [UInt8] {
            guard let key = try? DHPrivateKey(parameters: parameters, x: x),
                let z = try? key.deriveSharedSecret(with: peer)
            else { return [] }
            return z
        }
        let fixed = pattern(28, start: 0x6B, step: 23)
        return CTTarget(
            name: "dh-2048-224-derive",
            summary: "DH dh_2048_224: key from a secret x (g^x), then derive y^x with a fixed peer",
            fixedInput: fixed, measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                let x = fixedWidthNumber(fixed)
                marker.secret(x)
                return [op(x)]
            },
            run: { input in op(fixedWidthNumber(input)) })
    }
}
