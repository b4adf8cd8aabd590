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
// Sizes. RSA-1024, DSA-1024/160, RFC 5114's dh_1024_160 and a 512-bit BigNum modulus, so that
// dudect's 24,000+ calls a target fit CI (a call of RSA-2048 signing takes about 5.5 ms here,
// RSA-1024 about 1 ms); the constant-time code is the same for every size (loops over public
// limb counts), and the 2048-bit runs are in docs/constant-time.md.
//
// Keys. The RSA-1024 key, the DSA-1024/160 parameters and key and the 512-bit prime were
// generated for this file with OpenSSL 3.0.19: `openssl genrsa -out rsa.pem 1024`;
// `openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:1024 -pkeyopt
// dsa_paramgen_q_bits:160 -out dsap.pem` and `openssl genpkey -paramfile dsap.pem -out dsa.pem`;
// `openssl prime -generate -bits 512 -hex`. The numbers below are those of `openssl rsa -noout
// -text` and `openssl pkey -noout -text`, as hex. They are test keys only.

/// Fixed keys of the public-key targets (see the note at the top of the file).
enum FixedKeys {
    /// RSA-1024, e = 65537 (`openssl genrsa 1024`).
    enum RSA1024 {
        static let modulus =
            "BDE81ACC7463D8525E13998AB8DF462569076C29BD5488F9360D3E93086AB63346D74B7A05AE343F0C3CDBE66B6F3D65"
            + "B808D1D191B6D0A51111E77B3E2E61DF7658133D6FFC6F6C8A7B0E1F0BC7BE8436F431C2D66A0103048BEEE85737A7CE"
            + "DBCF4A3A907AA05F491FB4DB9E40DAE1A588DF1C8D2AAD0C76B28C98B589FCB1"
        static let privateExponent =
            "B85C46FFEB922EA4AFEDE92672195798E3E0AFD1C99AF2AAB51DA07CCF340193C0172C8FD649EB30B5E9B3357B60EFC2"
            + "FB299CC00DECE39B0BFA4CB629848FBFD8546BBCF97FC8CB52996773BD6F189F2449EC3FE303BEC7618BD3394A1B6BE6"
            + "F95F4C64B632952B559250550BB5068CB3A3E1B12A209FB3E994A4365FD205C1"
        static let prime1 =
            "F99DA56C6AAB20C0E01EBD619CBDB782362A158FEC96F310047FCC88ECDF69B8442ECD19B1A5CAA6DE047BB6BF2DDC82"
            + "2ED6281ADBE70F8E45D6CD49A77F79F9"
        static let prime2 =
            "C2C383A3B36B8E87C2A92D0A8639724C83AD1E019C21DB02366613B6C2B6E35501C1465C9BA36E2BB5E783D7B56CB060"
            + "E953B6C3D73FAC3390EE1AB0E8398679"
        static let exponent1 =
            "A0D83A9E2FE5F1871763F7788CBD9B2026B2DB8E104FFC73D7D25A03E94ED51ACDA4B2B8D9C6115D9136A6594DBBC999"
            + "8180B1FB0CB4494BCE28E9C38A511451"
        static let exponent2 =
            "B8023C770766D10C96EF7B2C7C4FFE1B2835012A8836BC5244CF00452585E11649482F900343CF2CE0F9D0E895F2105A"
            + "1F58064ED528C52B1AFCBA9EF5689411"
        static let coefficient =
            "13CA2A7379EF5EF1CA17F89A53C504E32BF57444A052EBE379CDBF56D151C801B0FCB23F9C02D34DEE0338424EC5A1A1"
            + "B2B7DE97A64FD3BE6CE00A2BC4C2C4F7"
    }

    /// DSA-1024/160 parameters and a key (`openssl genpkey`).
    enum DSA1024 {
        static let p =
            "CC583C48D2F004D3436940F18AABDC5192896FFCE767477856A5CE10E26A351D5877894CC5F39F2C9CAF9427C4F8793C"
            + "E7DD2BC647DE91A7527CA88C7F1F192AF9C3BCE59950EFF8EF2FFB864CFB95682C56B86590D8A662437D1DF4B3C1CFB4"
            + "F0287EE319015CE2EA36740BD5625568D003F6C1FE5A23D5DECDD7A547AADF5B"
        static let q =
            "84748D05F45E5B9040CCB8443D605907395E73C5"
        static let g =
            "95B1C202EE948B9B99EFE242621394624050871C89D1B94C8681EC2E803F1687E4F8E7BB60D3A2E5B12967B923221878"
            + "8FBEDE9F5FD68BEDE444B34EA72972AEB0CE905A02EA7FE2597C6DC33A7CE19C8CDC6279AC168E653FF6816DCC29DE6E"
            + "B38E0F19F6E6A360647B7DB1C448AF2223A7F700D6EFDA953BD97994861BC1D5"
        static let x =
            "7B357AA27F3147536F300409D50A1782E3DB41D4"
    }

    /// A 512-bit prime, the BigNum targets' modulus (`openssl prime -generate -bits 512 -hex`).
    static let prime512 =
        "F01B806D04379F6FEBE5CB8712D735D02CB7F03906788C4655B6524945DEE6B1E08236FBD640B18AAEEC429B4D7DBE6E"
        + "3D3F85D8080CD7D41FF4BCA4DDF24C59"
}

extension CTTargets {
    /// dudect's call-count divisor for the BigNum targets (about 0.1 to 1 ms a call).
    static let bigNumDivisor = 4
    /// dudect's call-count divisor for the RSA, DSA and DH targets (milliseconds a call).
    static let publicKeyDivisor = 8
    /// Class 1's keys in the RSA-1024 dudect sets (RSA-2048: a quarter), the ciphertexts of each
    /// decryption pool, and the key objects of each class of the kept-objects MULX control. A
    /// debug build (the tests; its timings mean nothing) makes 4, as key generation is slow there.
    #if DEBUG
    static let keysPerClass = 4
    #else
    static let keysPerClass = 64
    #endif

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

    /// The 512-bit prime modulus of the BigNum targets (public here).
    static var bigNumModulus: BigNum { (try? BigNum(hex: FixedKeys.prime512)) ?? .one }

    /// `modExpConstantTime` with a secret 1,024-bit exponent (public base) or a secret base below
    /// the modulus (public 1,024-bit exponent).
    static func bnModExp(secretExponent: Bool) throws -> CTTarget {
        let m = bigNumModulus
        guard m.bitWidth == 512 else { throw CryptoError(.invalidParameter, "BigNum target modulus") }
        // Exponent: 64 bytes, top bit set. Base: 63 bytes (below m), low bit of the top byte set.
        let publicBase = fixedWidthNumber(pattern(63, start: 0x35, step: 7), topBit: false)
        let publicExponent = fixedWidthNumber(pattern(64, start: 0x63, step: 13))
        let length = secretExponent ? 64 : 63
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
                ? "BigNum.modExpConstantTime, 512-bit modulus, secret 512-bit exponent"
                : "BigNum.modExpConstantTime, 512-bit modulus, secret base (512-bit exponent)",
            fixedInput: fixed, measurementDivisor: bigNumDivisor,
            valgrindRun: { marker in
                let secret = fixedWidthNumber(fixed, topBit: secretExponent)
                marker.secret(secret)
                return [op(secret)]
            },
            run: { input in op(fixedWidthNumber(input, topBit: secretExponent)) })
    }

    /// `inverseModPrimeConstantTime` of a secret below the 512-bit prime.
    static func bnInverse() -> CTTarget {
        let p = bigNumModulus
        @Sendable func op(_ a: BigNum) -> [UInt8] {
            (try? a.inverseModPrimeConstantTime(p)).map(limbBytes) ?? []
        }
        let fixed = pattern(63, start: 0x5C, step: 17)
        return CTTarget(
            name: "bn-inverse-mod-prime",
            summary: "BigNum.inverseModPrimeConstantTime (Fermat), 512-bit prime, secret operand",
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
        let fixed = pattern(126, start: 0x21, step: 11)
        return CTTarget(
            name: "bn-montgomery-mul",
            summary: "MontgomeryContext toMontgomery, multiply, square, fromMontgomery: 512-bit, secret operands",
            fixedInput: fixed,  // about 15 µs a call: the full count
            valgrindRun: { marker in
                let a = fixedWidthNumber(fixed[0..<63], topBit: false)
                let b = fixedWidthNumber(fixed[63...], topBit: false)
                marker.secret(a)
                marker.secret(b)
                return [op(a, b)]
            },
            run: { input in
                op(fixedWidthNumber(input[0..<63], topBit: false), fixedWidthNumber(input[63...], topBit: false))
            })
    }
}

// MARK: RSA

extension CTTargets {
    /// The RSA-1024 key of `FixedKeys`.
    static func fixedRSAKey() throws -> RSAPrivateKey {
        let k = FixedKeys.RSA1024.self
        return try RSAPrivateKey(
            modulus: BigNum(hex: k.modulus), publicExponent: BigNum(65537),
            privateExponent: BigNum(hex: k.privateExponent), prime1: BigNum(hex: k.prime1),
            prime2: BigNum(hex: k.prime2), exponent1: BigNum(hex: k.exponent1), exponent2: BigNum(hex: k.exponent2),
            coefficient: BigNum(hex: k.coefficient))
    }

    /// `count` copies of `key`: separate objects with the same numbers, each with its own
    /// memory — Montgomery contexts, padded limbs, blinding state and the limb arrays
    /// themselves: every number is rebuilt from its bytes, because a `BigNum`'s limbs are a
    /// copy-on-write array that a key made from the same `BigNum` shares. (Copies that shared
    /// them made class 0 touch one modulus array where class 1 touched seven: class 0 ran
    /// faster, |t| 10 to 16 at 10^6 calls, while OpenSSL with keys loaded from DER passed.)
    static func copies(of key: RSAPrivateKey, _ count: Int) -> [RSAPrivateKey] {
        guard key.primes.count == 2, let c = key.primes[1].coefficient else { return [] }
        func fresh(_ x: BigNum) -> BigNum { (try? BigNum(bytes: x.bytes())) ?? x }
        return (0..<count).compactMap { _ in
            try? RSAPrivateKey(
                modulus: fresh(key.modulus), publicExponent: fresh(key.publicExponent),
                privateExponent: fresh(key.privateExponent), prime1: fresh(key.primes[0].prime),
                prime2: fresh(key.primes[1].prime), exponent1: fresh(key.primes[0].exponent),
                exponent2: fresh(key.primes[1].exponent), coefficient: fresh(c))
        }
    }

    /// dudect's RSA keys of one size: class 0's is the fixed key, class 1's `count` other keys
    /// (the A/A control's: the fixed key again). They are only the numbers' source: every call
    /// of either class signs with a new object made from the chosen key's numbers
    /// (``fresh(_:_:)``, in the target's `prepare`), so that both classes sign with objects from
    /// the same allocations. Key objects kept per class for the whole run (64 a class, until
    /// session 14) lay at addresses that differ by class, and that placement decided the
    /// verdict: the MULX path's A/A control failed at |t| 8 to 11 (docs/constant-time.md,
    /// "RSA signing under dudect" and session 14).
    struct RSAKeySets: Sendable {
        let fixed: [RSAPrivateKey]
        let others: [RSAPrivateKey]

        /// - Parameters:
        ///   - key: class 0's key.
        ///   - count: keys of class 1.
        ///   - control: class 1's key is `key` too (an A/A control: the classes differ in
        ///     nothing, so a failure is the method's, not the code's).
        init(fixed key: RSAPrivateKey, count: Int, control: Bool = false) {
            fixed = [key]
            others =
                control
                ? [key] : (0..<count).compactMap { _ in try? RSAPrivateKey.generate(bits: key.publicKey.bitCount) }
        }

        /// The source key for a dudect input whose byte is 0 (class 0: the fixed key) or 1
        /// (class 1: another key); which key of class 1 is the public stream's choice, and the
        /// stream is drawn from in both classes.
        func source(_ selector: UInt8, _ stream: PublicStream) -> RSAPrivateKey? {
            let set = selector == 0 ? fixed : others
            guard !set.isEmpty else { return nil }
            return set[stream.index(set.count)]
        }

        /// A new key object with the numbers of ``source(_:_:)``'s key.
        func fresh(_ selector: UInt8, _ stream: PublicStream) -> RSAPrivateKey? {
            source(selector, stream).flatMap { copies(of: $0, 1).first }
        }
    }

    /// The public data RSA signing gets under dudect (xorshift64*: a few nanoseconds, the same
    /// work for both classes): a fresh digest and key object on every call of either class. A fixed digest for
    /// class 0 made its signature fixed too, and the variable-time public steps (the fault
    /// check's `s^e mod n`, the signature's bytes) then ran on one repeated public value in
    /// class 0 and on random ones in class 1: an A/A run, both classes with copies of the
    /// fixed key, failed at 10^6 calls (|t| 9.10, docs/constant-time.md).
    final class PublicStream: @unchecked Sendable {
        private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        private func word() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        /// A 32-byte digest.
        func digest() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: 32)
            for k in 0..<4 {
                let w = word()
                for j in 0..<8 { out[8 * k + j] = UInt8(truncatingIfNeeded: w >> UInt64(8 * j)) }
            }
            return out
        }
        /// An index below `count`.
        func index(_ count: Int) -> Int { Int(word() >> 33) % count }
    }

    /// The RSA-1024 key sets, made on first use (the DRBG's keys; a few seconds, once per process).
    static let rsa1024Keys: RSAKeySets? = (try? fixedRSAKey()).map { RSAKeySets(fixed: $0, count: keysPerClass) }

    /// The A/A control's RSA-1024 sets: copies of the fixed key in both.
    static let rsa1024ControlKeys: RSAKeySets? = (try? fixedRSAKey()).map {
        RSAKeySets(fixed: $0, count: keysPerClass, control: true)
    }

    /// The RSA-2048 key sets: the fixed key is generated too (on first use).
    static let rsa2048Keys: RSAKeySets? = (try? RSAPrivateKey.generate(bits: 2048)).map {
        RSAKeySets(fixed: $0, count: keysPerClass / 4)
    }

    static let signedDigest = pattern(32, start: 0x0D, step: 0x1B)

    /// RSA-1024 signing of a SHA-256 digest: the private operation (CRT, blinding, fault check).
    /// dudect input: the key selector of ``RSAKeySets/fresh(_:_:)`` (class 0: the fixed key,
    /// class 1: another key), whose new key object signs in the call (``freshSigner``); the
    /// digest is public and fresh on every call of either class (``PublicStream``).
    /// - Parameters:
    ///   - pss: PSS (salt length: the digest's) instead of PKCS#1 v1.5.
    ///   - control: the A/A control (`rsa-1024-sign-pkcs1-control`): class 1 signs with the
    ///     fixed key too, so the classes differ only in the byte that names them.
    static func rsaSign(pss: Bool, control: Bool = false) throws -> CTTarget {
        let sha256 = try Registry.digest(named: "SHA256")
        let stream = PublicStream()
        let padding: RSASignaturePadding = pss ? .pss(saltLength: .digest) : .pkcs1
        let key = try fixedRSAKey()
        @Sendable func op(_ key: RSAPrivateKey, _ digest: [UInt8]) -> [UInt8] {
            (try? key.sign(digest: digest, algorithm: sha256, padding: padding)) ?? []
        }
        let name = (pss ? "rsa-1024-sign-pss" : "rsa-1024-sign-pkcs1") + (control ? "-control" : "")
        return CTTarget(
            name: name,
            summary: "RSA-1024 sign, \(pss ? "PSS" : "PKCS#1 v1.5"), SHA-256 (private key secret)"
                + (control ? "; A/A control: both classes sign with the fixed key" : ""),
            fixedInput: [0],
            randomInput: { _ in [1] },
            measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                key.visitSecretBuffers { marker.secret($0) }
                return [op(key, signedDigest)]
            },
            prepare: { input in
                freshSigner(input[0], control ? rsa1024ControlKeys : rsa1024Keys, stream) { op($0, $1) }
            },
            run: { input in
                freshSigner(input[0], control ? rsa1024ControlKeys : rsa1024Keys, stream) { op($0, $1) }()
            })
    }

    /// dudect's preparation of one RSA signing call: a new key object from the numbers of the
    /// class's key (``RSAKeySets/fresh(_:_:)``), which signs one digest untimed (its blinding
    /// pair, drawn on a key's first use with a variable-time inversion, is then ready), and the
    /// call to time: the same key signing the next digest of the public stream. Both classes do
    /// the same work here.
    static func freshSigner(
        _ selector: UInt8, _ sets: RSAKeySets?, _ stream: PublicStream,
        _ sign: @escaping (RSAPrivateKey, [UInt8]) -> [UInt8]
    ) -> () -> [UInt8] {
        guard let key = sets?.fresh(selector, stream) else { return { [] } }
        _ = sign(key, stream.digest())
        let digest = stream.digest()
        return { sign(key, digest) }
    }

    /// RSA signing by another library (the reference, e.g. OpenSSL through confrun) with
    /// the same keys, classes and public stream as ``rsaSign(pss:control:)``: whatever this
    /// design measures that is not LibCrypto's code shows in the reference too. On request only.
    /// - Parameters:
    ///   - name: the target's name.
    ///   - summary: what runs.
    ///   - bits: 1024 (the keys of `rsa-1024-sign-*`) or 2048 (those of `rsa-2048-sign-pkcs1-ifma`).
    ///   - signer: makes one signing function (digest in, signature out, empty on failure) for a
    ///     key object; called for every call's new key object, untimed (`prepare`).
    /// - Throws: when the keys cannot be made or `signer` throws.
    public static func rsaSignReference(
        name: String, summary: String, bits: Int = 1024,
        signer: @escaping @Sendable (RSAPrivateKey) throws -> @Sendable ([UInt8]) -> [UInt8]
    ) throws -> CTTarget {
        guard let sets = bits == 2048 ? rsa2048Keys : rsa1024Keys, !sets.fixed.isEmpty, !sets.others.isEmpty else {
            throw CryptoError(.invalidParameter, "RSA-1024 key sets")
        }
        // Once here, so that a signer that cannot be made fails the target's creation.
        _ = try signer(sets.fixed[0])
        let stream = PublicStream()
        @Sendable func prepared(_ input: UnsafeRawBufferPointer) -> () -> [UInt8] {
            guard let key = sets.fresh(input[0], stream), let sign = try? signer(key) else { return { [] } }
            _ = sign(stream.digest())
            let digest = stream.digest()
            return { sign(digest) }
        }
        return CTTarget(
            name: name, summary: summary, variant: "generic", fixedInput: [0], randomInput: { _ in [1] },
            measurementDivisor: publicKeyDivisor, prepare: prepared, run: { prepared($0)() })
    }

    /// RSA PKCS#1 v1.5 signing of a SHA-256 digest on one hardware Montgomery path (`mulx`,
    /// `ifma`), dudect input as ``rsaSign(pss:)``'s. Absent when the CPU (or Valgrind's CPUID)
    /// does not offer the path; no `valgrindRun` (Valgrind never reaches these paths).
    /// - Parameters:
    ///   - path: the hardware path.
    ///   - bits: 1024 or 2048.
    ///   - control: the A/A control on that path (`-control`): class 1 signs with copies of the
    ///     fixed key too.
    static func rsaSignOnPath(_ path: String, bits: Int, control: Bool = false) throws -> CTTarget {
        guard HardwareSupport.paths.contains(path) else {
            throw CryptoError(.unsupportedOperation, "the \(path) path is not available on this CPU")
        }
        let sha256 = try Registry.digest(named: "SHA256")
        let stream = PublicStream()
        let sets = bits == 2048 ? rsa2048Keys : control ? rsa1024ControlKeys : rsa1024Keys
        @Sendable func sign(_ key: RSAPrivateKey, _ digest: [UInt8]) -> [UInt8] {
            (try? key.sign(digest: digest, algorithm: sha256, padding: .pkcs1)) ?? []
        }
        return CTTarget(
            name: "rsa-\(bits)-sign-pkcs1-\(path)" + (control ? "-control" : ""),
            summary: "RSA-\(bits) sign, PKCS#1 v1.5, SHA-256, Montgomery path \(path) (private key secret)"
                + (control ? "; A/A control: both classes sign with the fixed key" : ""),
            variant: path,
            fixedInput: [0],
            randomInput: { _ in [1] },
            measurementDivisor: publicKeyDivisor,
            prepare: { input in freshSigner(input[0], sets, stream, sign) },
            run: { input in freshSigner(input[0], sets, stream, sign)() })
    }

    /// The MULX A/A control as it was until session 14 (`rsa-1024-sign-pkcs1-mulx-control-kept`):
    /// each class signs with its own 64 copies of the fixed key, kept for the whole run and
    /// picked by the public stream, instead of a new object for every call. Kept to show what
    /// that design measured (docs/constant-time.md, session 14); on request only.
    static func rsaSignMULXKeptControl() throws -> CTTarget {
        guard HardwareSupport.paths.contains("mulx") else {
            throw CryptoError(.unsupportedOperation, "the mulx path is not available on this CPU")
        }
        let sha256 = try Registry.digest(named: "SHA256")
        let stream = PublicStream()
        let key = try fixedRSAKey()
        // Made in turns, the way the two sets were.
        var fixed: [RSAPrivateKey] = []
        var others: [RSAPrivateKey] = []
        for _ in 0..<keysPerClass {
            fixed += copies(of: key, 1)
            others += copies(of: key, 1)
        }
        let sets = (fixed, others)
        return CTTarget(
            name: "rsa-1024-sign-pkcs1-mulx-control-kept",
            summary:
                "RSA-1024 sign, PKCS#1 v1.5, MULX path; A/A control with 64 key objects kept per class (the old design)",
            variant: "mulx", fixedInput: [0], randomInput: { _ in [1] }, measurementDivisor: publicKeyDivisor,
            run: { input in
                let set = input[0] == 0 ? sets.0 : sets.1
                let key = set[stream.index(set.count)]
                return (try? key.sign(digest: stream.digest(), algorithm: sha256, padding: .pkcs1)) ?? []
            })
    }

    static let rsaMessage = pattern(24, start: 0x4D, step: 3)

    /// RSA-1024 decryption with its padding check. Valgrind: a valid ciphertext, then one whose
    /// block has bad padding. dudect: both classes are ciphertexts that FAIL the check, so both
    /// have the same public outcome (the one error); the secret is where the check fails.
    /// Class 0's fail late — PKCS#1 v1.5: `00 02`, eight or more nonzero bytes and no zero
    /// separator; OAEP: Y = 0, made under another label, so only the label hash differs — class
    /// 1's are random below n (for PKCS#1 v1.5 almost all fail at the first two bytes; for OAEP
    /// at Y or the hash). Each call takes a ciphertext from its class's pool of 64 with a public
    /// stream, as the signing targets do (a single fixed ciphertext in class 0 made its public
    /// steps repeat one value: docs/constant-time.md, "RSA decryption under dudect").
    static func rsaDecrypt(oaep: Bool) throws -> CTTarget {
        let key = try fixedRSAKey()
        let sha256 = try Registry.digest(named: "SHA256")
        let padding: RSAEncryptionPadding = oaep ? .oaep(digest: sha256) : .pkcs1
        let valid = try key.publicKey.encrypt(rsaMessage, padding: padding)
        let k = valid.count
        @Sendable func op(_ ciphertext: [UInt8]) -> [UInt8] {
            guard let m = try? key.decrypt(ciphertext, padding: padding) else { return [0] }
            return [1] + m
        }
        let n = key.publicKey.modulus
        var rng = CTRandom(seed: 0x5EC2E7)
        func randomBelowN() -> [UInt8] {
            while true {
                let c = rng.bytes(k)
                if let v = try? BigNum(bytes: c), v < n { return c }
            }
        }
        func lateFailure() throws -> [UInt8] {
            if oaep {
                return try key.publicKey.encrypt(rng.bytes(24), padding: .oaep(digest: sha256, label: [0x4C]))
            }
            var block: [UInt8] = [0x00, 0x02]
            for _ in 0..<(k - 2) { block.append(UInt8(1 + rng.next() % 255)) }
            return try key.publicKey.rawPublicOperation(block)
        }
        let late = try (0..<keysPerClass).map { _ in try lateFailure() }
        let random = (0..<keysPerClass).map { _ in randomBelowN() }
        let stream = PublicStream()
        let name = oaep ? "rsa-1024-decrypt-oaep" : "rsa-1024-decrypt-pkcs1"
        return CTTarget(
            name: name,
            summary: "RSA-1024 decrypt, \(oaep ? "OAEP (SHA-256)" : "PKCS#1 v1.5") padding check (private key secret)",
            fixedInput: [0], randomInput: { _ in [1] },
            measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                key.visitSecretBuffers { marker.secret($0) }
                // A valid ciphertext, then one that decrypts to a block with bad padding.
                let invalid = (try? key.publicKey.rawPublicOperation(pattern(k, start: 0x00, step: 0x3B))) ?? []
                return [op(valid), op(invalid)]
            },
            // A new copy of the chosen ciphertext for every call of either class (untimed), so
            // that both classes read it from the same allocations, as the signing targets' keys.
            prepare: { input in
                let pool = input[0] == 0 ? late : random
                let ciphertext = pool[stream.index(pool.count)].map { $0 }
                return { op(ciphertext) }
            },
            run: { input in
                let pool = input[0] == 0 ? late : random
                return op(pool[stream.index(pool.count)])
            })
    }
}

// MARK: DSA, DH

extension CTTargets {
    #if DSA
    static func fixedDSAParameters() throws -> DSAParameters {
        let k = FixedKeys.DSA1024.self
        return try DSAParameters(p: BigNum(hex: k.p), q: BigNum(hex: k.q), g: BigNum(hex: k.g))
    }

    /// DSA-1024/160 signing of a SHA-256 digest (truncated to 160 bits) with a secret key, nonce k
    /// and blinding value. dudect input: 20 bytes of x, then the 20 bytes of k's draw and the 20
    /// bytes of the blinding value's draw, which the signer takes from its random source in that
    /// order (class 1's are chosen so that neither draw is rejected: k in [1, q), the blinding
    /// value in [1, 2^159)). The key is made from x in every call, for both classes: a pool of
    /// keys (as the RSA targets use) gave each key its own Montgomery contexts of the same public
    /// p and q, and the fixed class, always the same memory, ran faster on a busy machine (|t|
    /// about 17 at 124,000 calls) for a reason that is not the secret's value.
    /// x: its first byte is (b & 0x7F) | 1, so x is in [2^152, 2^159), below q (0x8474…) and
    /// of a fixed limb count; class 0's is the fixed key's x (0x7B35…, unchanged by that).
    static func dsaSign() throws -> CTTarget {
        let parameters = try fixedDSAParameters()
        let q = parameters.q
        let key = try DSAPrivateKey(parameters: parameters, x: BigNum(hex: FixedKeys.DSA1024.x))
        @Sendable func op(_ key: DSAPrivateKey, _ draws: [UInt8]) -> [UInt8] {
            let feed = FeedGenerator(draws)
            guard let sig = try? key.signature(forDigest: signedDigest, using: { try feed.next($0) }) else { return [] }
            return limbBytes(sig.r) + limbBytes(sig.s)
        }
        @Sendable func privateValue(_ bytes: [UInt8]) -> BigNum {
            var b = Array(bytes)
            b[0] = (b[0] & 0x7F) | 0x01
            return (try? BigNum(bytes: b)) ?? .zero
        }
        let fixedDraws = pattern(20, start: 0x31, step: 5) + pattern(20, start: 0x52, step: 9)
        return CTTarget(
            name: "dsa-1024-sign",
            summary: "DSA-1024/160 key from x, then sign a SHA-256 digest (x, nonce k and blinding value secret)",
            fixedInput: ((try? key.x.bytes(paddedTo: 20)) ?? []) + fixedDraws,
            randomInput: { rng in
                var k: [UInt8]
                repeat { k = rng.bytes(20) } while !((try? BigNum(bytes: k)).map { !$0.isZero && $0 < q } ?? false)
                var blind = rng.bytes(20)
                blind[0] &= 0x7F
                blind[19] |= 1
                return rng.bytes(20) + k + blind
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
                guard let key = try? DSAPrivateKey(parameters: parameters, x: privateValue(Array(input[0..<20]))) else {
                    return []
                }
                return op(key, Array(input[20...]))
            })
    }

    #endif

    #if DH
    /// DH with RFC 5114's 1024-bit group with a 160-bit subgroup (`dh_1024_160`: the peer check
    /// y^q is a 160-bit power, where an ffdhe group's is a full-length one in every call): the key
    /// is made from a secret x (y = g^x), then the shared secret with a fixed peer, leading
    /// zero bytes stripped (OpenSSL's default; the length is declassified as designed).
    static func dhDerive() throws -> CTTarget {
        let parameters = try DHParameters.named("dh_1024_160")
        let peer = try DHPrivateKey(
            parameters: parameters, x: BigNum(hex: "1F2E3D4C5B6A79889786A5B4C3D2E1F00F1E2D3C")
        )
        .publicKey
        // x: 20 bytes (160 bits), top bit set so that its length is fixed.
        @Sendable func op(_ x: BigNum) -> [UInt8] {
            guard let key = try? DHPrivateKey(parameters: parameters, x: x),
                let z = try? key.deriveSharedSecret(with: peer)
            else { return [] }
            return z
        }
        let fixed = pattern(20, start: 0x6B, step: 23)
        return CTTarget(
            name: "dh-1024-160-derive",
            summary: "DH dh_1024_160: key from a secret x (g^x), then derive y^x with a fixed peer",
            fixedInput: fixed, measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                let x = fixedWidthNumber(fixed)
                marker.secret(x)
                return [op(x)]
            },
            run: { input in op(fixedWidthNumber(input)) })
    }
    #endif
}
