// SM2 (GM/T 0003-2012, GB/T 32918-2016) as OpenSSL 3.0's crypto/sm2/ computes it: the user
// digest Z_A = H(ENTL‖ID‖a‖b‖xG‖yG‖xA‖yA) (sm2_sign.c, `ossl_sm2_compute_z_digest`), signatures
// on e = H(Z_A‖M) with r = (e + x1) mod n and s = (1 + d)⁻¹·(k − r·d) mod n as the DER
// `ECDSA-Sig-Value`, and public-key encryption (sm2_crypt.c) with the X9.63 KDF (no shared info,
// the same digest) and the GM/T 0009 ASN.1 form SEQUENCE { C1x INTEGER, C1y INTEGER,
// C3 OCTET STRING, C2 OCTET STRING }.
//
// Facts transcribed from OpenSSL 3.0.22 (crypto/sm2/sm2_sign.c, sm2_crypt.c, sm2_err.c,
// providers/implementations/signature/sm2_sig.c): the ID length limit (`id_len < UINT16_MAX/8`),
// the retry conditions, the reason codes. OpenSSL 3.0's default distinguishing identifier is
// EMPTY: the provider's context starts with no id (sm2_sig.c), and SM2_DEFAULT_USERID
// ("1234567812345678", include/crypto/sm2.h) is used only by test/sm2_internal_test.c; a caller
// that wants GM/T 0009's default ID passes it (`distid:1234567812345678`).
//
// Timing.
//   - CONSTANT TIME: signing (k drawn by rejection into fixed limbs, k·G by the fixed-window
//     multiplication of ECField.swift, x1 reduced mod n by the bit-serial masked reduction,
//     (1 + d)⁻¹ by Fermat's power over n's limbs, r·d and the product by Montgomery
//     multiplication, k − r·d by a masked subtraction). r and s are published (declassified
//     where they leave); the retry conditions r = 0, r + k = n, s = 0 are public outcomes.
//     Encryption (k·G is published; k·P, the KDF and C3 are secret) and decryption (d·C1, the
//     KDF, the constant-time C3 comparison; only "C3 matches" is public).
//   - VARIABLE TIME (public data): Z_A (public key and curve), verification, the codecs.

#if SM2
/// SM2 signatures and public-key encryption (OpenSSL's `EVP_PKEY_SM2`) with the keys of
/// ``ECPrivateKey`` and ``ECPublicKey`` (on the `SM2` curve for OpenSSL's SM2 keys; the
/// arithmetic takes any curve of the catalog, as OpenSSL's `ossl_sm2_*` functions do).
public enum SM2 {
    /// The digest SM2 uses when none is named: SM3.
    public static let defaultDigest = "SM3"

    /// The largest distinguishing identifier, in bytes: OpenSSL refuses `id_len ≥ UINT16_MAX / 8`
    /// (ENTL is the ID's length in bits, in two bytes).
    public static let maxIDLength = 8190

    // MARK: Z_A and e

    /// The user digest `Z_A = H(ENTL‖ID‖a‖b‖xG‖yG‖xA‖yA)` (`ossl_sm2_compute_z_digest`):
    /// ENTL the ID's bit length as two big-endian bytes, the field elements as
    /// ``ECCurve/fieldByteCount`` big-endian bytes. VARIABLE TIME (public data).
    /// - Parameters:
    ///   - publicKey: the signer's public key `P_A = (xA, yA)`.
    ///   - id: the distinguishing identifier (OpenSSL 3.0's default is empty).
    ///   - digestName: the digest (SM3 by default).
    /// - Returns: `Z_A`, the digest's length.
    /// - Throws: `invalidParameter` (`ID_TOO_LARGE`) for an ID over ``maxIDLength`` bytes;
    ///   `unknownAlgorithm` for a digest not in this build, `unsupportedOperation` for an XOF.
    public static func zDigest(publicKey: ECPublicKey, id: [UInt8], digestName: String = defaultDigest) throws
        -> [UInt8]
    {
        let md = try digest(digestName)
        guard id.count <= maxIDLength else {
            throw CryptoError(
                .invalidParameter, "SM2 ID of \(id.count) bytes, over \(maxIDLength)", openSSL: .sm2IDTooLarge)
        }
        let curve = publicKey.curve
        let length = curve.fieldByteCount
        let entl = 8 * id.count
        let ctx = md.makeContext()
        ctx.update([UInt8(entl >> 8), UInt8(entl & 0xFF)])
        ctx.update(id)
        for v in [curve.a, curve.b, curve.gx, curve.gy, publicKey.point.x, publicKey.point.y] {
            ctx.update(try v.bytes(paddedTo: length))
        }
        return try ctx.finalize(outputLength: nil)
    }

    /// `e = H(Z_A‖M)`, the digest SM2 signs (`sm2_compute_msg_hash`; what `EVP_DigestSign`
    /// hands to `EVP_PKEY_sign`).
    /// - Parameters:
    ///   - message: the message `M`.
    ///   - publicKey: the signer's public key.
    ///   - id: the distinguishing identifier.
    ///   - digestName: the digest (SM3 by default).
    /// - Returns: `e` as the digest's bytes.
    /// - Throws: the errors of ``zDigest(publicKey:id:digestName:)``.
    public static func messageDigest(
        _ message: [UInt8], publicKey: ECPublicKey, id: [UInt8], digestName: String = defaultDigest
    ) throws -> [UInt8] {
        let md = try digest(digestName)
        let ctx = md.makeContext()
        ctx.update(try zDigest(publicKey: publicKey, id: id, digestName: digestName))
        ctx.update(message)
        return try ctx.finalize(outputLength: nil)
    }

    // MARK: Signatures

    /// Signs the digest `e` (`EVP_PKEY_sign` with an SM2 key, `ossl_sm2_internal_sign`) with a
    /// random nonce from the process DRBG. CONSTANT TIME in the key and the nonce.
    /// - Parameters:
    ///   - digest: `e = H(Z_A‖M)` (any length; taken as a big-endian integer).
    ///   - privateKey: the signer's key.
    /// - Returns: `(r, s)`.
    /// - Throws: `invalidParameter` (`INVALID_PRIVATE_KEY`) for `d = n − 1` (1 + d has no
    ///   inverse); `TOO_MANY_RETRIES` if the nonces keep failing the checks.
    public static func signature(forDigest digest: [UInt8], privateKey: ECPrivateKey) throws -> ECDSASignature {
        let engine = privateKey.curve.engine
        return try signature(forDigest: digest, privateKey: privateKey) {
            try engine.randomScalar(using: { try Random.bytes(count: $0) })
        }
    }

    /// Signing with a given random source (for tests and the constant-time targets): k drawn
    /// by rejection from `generator` as key generation draws d.
    package static func signature(
        forDigest digest: [UInt8], privateKey: ECPrivateKey, using generator: BigNum.RandomBytes
    ) throws -> ECDSASignature {
        let engine = privateKey.curve.engine
        return try signature(forDigest: digest, privateKey: privateKey) { try engine.randomScalar(using: generator) }
    }

    /// Signing with given nonces, for the standard's examples (a fixed k) and tests: `nonce`
    /// gives each k in `[1, n − 1]` as big-endian bytes.
    package static func signature(
        forDigest digest: [UInt8], privateKey: ECPrivateKey, nonce: () throws -> [UInt8]
    ) throws -> ECDSASignature {
        let count = privateKey.curve.engine.orderLimbs.count
        return try signature(forDigest: digest, privateKey: privateKey) { () throws -> [UInt64] in
            let k = try BigNum(bytes: try nonce())
            guard !k.isZero, k < privateKey.curve.order else {
                throw CryptoError(.invalidParameter, "SM2 nonce not in [1, n − 1]")
            }
            return MontgomeryContext.padded(k.limbs, count)
        }
    }

    /// The signing core (sm2_sig_gen, steps A3–A6): `nonce` gives k as the order's limb count.
    static func signature(forDigest digest: [UInt8], privateKey: ECPrivateKey, nonce: () throws -> [UInt64])
        throws -> ECDSASignature
    {
        let curve = privateKey.curve
        let engine = curve.engine
        let octx = try engine.orderContext(for: "SM2")
        let n = octx.m
        let count = octx.n
        // e is public (a digest); reduced here so that r = (e + x1) mod n is one masked addition.
        let e = MontgomeryContext.padded(
            try BigNum(bytes: digest).nonNegativeRemainder(modulo: curve.order).limbs, count)
        var one = [UInt64](repeating: 0, count: count)
        one[0] = 1
        var dPlusOne = ECPrivateKey.addMod(privateKey.scalar, one, n)
        defer { RSALimbs.wipe(&dPlusOne) }
        // d = n − 1 is a key SM2 cannot sign with (OpenSSL's SM2 key check refuses it): public.
        if ConstantTime.declassify(isZero(dPlusOne)) {
            throw CryptoError(
                .invalidParameter, "SM2 private key d = n − 1: 1 + d has no inverse", openSSL: .sm2InvalidPrivateKey)
        }
        var inverse = engine.orderInverse(dPlusOne)
        defer { RSALimbs.wipe(&inverse) }
        let g = curve.generator.limbTerm(scalar: [])
        for _ in 0..<8 {
            var k = try nonce()
            defer { RSALimbs.wipe(&k) }
            var kg = engine.multiplyGenerator(gx: g.x, gy: g.y, scalar: k)
            defer { kg.wipe() }
            var x1 = engine.reduceToOrder(kg.x)
            defer { RSALimbs.wipe(&x1) }
            // r = (e + x1) mod n is published: declassified here, where it leaves.
            let r = ConstantTime.declassify(ECPrivateKey.addMod(e, x1, n))
            if r.allSatisfy({ $0 == 0 }) { continue }
            var rk = ECPrivateKey.addMod(r, k, n)
            defer { RSALimbs.wipe(&rk) }
            if ConstantTime.declassify(isZero(rk)) { continue }  // r + k = n
            var rd = octx.multiplyReduced(r, privateKey.scalar)
            defer { RSALimbs.wipe(&rd) }
            var difference = subtractMod(k, rd, n)
            defer { RSALimbs.wipe(&difference) }
            let s = ConstantTime.declassify(octx.multiplyReduced(inverse, difference))
            if s.allSatisfy({ $0 == 0 }) { continue }
            return ECDSASignature(r: BigNum(limbs: r), s: BigNum(limbs: s))
        }
        throw CryptoError(.invalidParameter, "SM2 signing kept failing its checks", openSSL: .ecTooManyRetries)
    }

    /// Signs the digest `e`, returning the DER `ECDSA-Sig-Value` (`EVP_PKEY_sign`).
    /// - Parameters:
    ///   - digest: `e = H(Z_A‖M)`.
    ///   - privateKey: the signer's key.
    /// - Returns: the DER signature.
    /// - Throws: the errors of ``signature(forDigest:privateKey:)``.
    public static func sign(digest: [UInt8], privateKey: ECPrivateKey) throws -> [UInt8] {
        try signature(forDigest: digest, privateKey: privateKey).derEncoded()
    }

    /// Signs a message (`EVP_DigestSign` with an SM2 key and the `distid` parameter): the DER
    /// signature on `e = H(Z_A‖M)`.
    /// - Parameters:
    ///   - message: the message.
    ///   - privateKey: the signer's key.
    ///   - id: the distinguishing identifier (OpenSSL 3.0's default: empty).
    ///   - digestName: the digest (SM3 by default).
    /// - Returns: the DER signature.
    /// - Throws: the errors of ``messageDigest(_:publicKey:id:digestName:)`` and
    ///   ``signature(forDigest:privateKey:)``.
    public static func sign(
        message: [UInt8], privateKey: ECPrivateKey, id: [UInt8] = [], digestName: String = defaultDigest
    ) throws -> [UInt8] {
        let e = try messageDigest(message, publicKey: privateKey.publicKey, id: id, digestName: digestName)
        return try sign(digest: e, privateKey: privateKey)
    }

    /// Verifies `(r, s)` on the digest `e` (sm2_sig_verify, steps B1–B7). VARIABLE TIME (public
    /// data).
    /// - Parameters:
    ///   - signature: `(r, s)`.
    ///   - digest: `e = H(Z_A‖M)`.
    ///   - publicKey: the signer's public key.
    /// - Throws: `invalidParameter` (`BAD_SIGNATURE`) if r or s is outside `[1, n − 1]`,
    ///   `(r + s) mod n = 0`, or the signature does not verify.
    public static func verify(signature: ECDSASignature, digest: [UInt8], publicKey: ECPublicKey) throws {
        let curve = publicKey.curve
        let n = curve.order
        let bad = CryptoError(.invalidParameter, "bad SM2 signature", openSSL: .sm2BadSignature)
        let r = signature.r
        let s = signature.s
        guard !r.isNegative, !r.isZero, r < n, !s.isNegative, !s.isZero, s < n else { throw bad }
        let t = try (r + s).nonNegativeRemainder(modulo: n)
        guard !t.isZero else { throw bad }
        let point = curve.engine.linearCombination([
            curve.generator.limbTerm(scalar: s.limbs), publicKey.point.limbTerm(scalar: t.limbs),
        ])
        guard !point.isInfinity else { throw bad }
        let e = try BigNum(bytes: digest)
        let v = try (e + BigNum(limbs: point.x)).nonNegativeRemainder(modulo: n)
        guard v == r else { throw bad }
    }

    /// Verifies a DER signature on the digest `e` (`EVP_PKEY_verify`, `ossl_sm2_internal_verify`):
    /// the signature must be DER that re-encodes to the same bytes.
    /// - Parameters:
    ///   - signature: the DER `ECDSA-Sig-Value`.
    ///   - digest: `e = H(Z_A‖M)`.
    ///   - publicKey: the signer's public key.
    /// - Throws: `invalidParameter` with `INVALID_ENCODING` for anything but strict DER, then the
    ///   errors of ``verify(signature:digest:publicKey:)-(ECDSASignature,_,_)`` for an
    ///   ``ECDSASignature``.
    public static func verify(signature: [UInt8], digest: [UInt8], publicKey: ECPublicKey) throws {
        let decoded: (BigNum, BigNum)
        do {
            var reader = DERReader(signature)
            decoded = try reader.readSequence { seq in (try seq.readInteger(), try seq.readInteger()) }
            try reader.finish()
        } catch {
            throw CryptoError(.invalidParameter, "SM2 signature is not DER: \(error)", openSSL: .sm2InvalidEncoding)
        }
        try verify(signature: ECDSASignature(r: decoded.0, s: decoded.1), digest: digest, publicKey: publicKey)
    }

    /// Verifies a DER signature on a message (`EVP_DigestVerify` with an SM2 key).
    /// - Parameters:
    ///   - signature: the DER signature.
    ///   - message: the message.
    ///   - publicKey: the signer's public key.
    ///   - id: the distinguishing identifier the signer used.
    ///   - digestName: the digest (SM3 by default).
    /// - Throws: the errors of ``messageDigest(_:publicKey:id:digestName:)`` and
    ///   ``verify(signature:digest:publicKey:)-([UInt8],_,_)`` for DER bytes.
    public static func verify(
        signature: [UInt8], message: [UInt8], publicKey: ECPublicKey, id: [UInt8] = [],
        digestName: String = defaultDigest
    ) throws {
        let e = try messageDigest(message, publicKey: publicKey, id: id, digestName: digestName)
        try verify(signature: signature, digest: e, publicKey: publicKey)
    }

    // MARK: Encryption

    /// Encrypts `plaintext` to `publicKey` (`EVP_PKEY_encrypt` with an SM2 key,
    /// `ossl_sm2_encrypt`) with a random k from the process DRBG: C1 = k·G, (x2, y2) = k·P,
    /// t = KDF(x2‖y2, |M|), C2 = M ⊕ t, C3 = H(x2‖M‖y2), as the DER SEQUENCE
    /// { C1x, C1y, C3, C2 }.
    /// - Parameters:
    ///   - plaintext: the message (1 to 2^30 bytes).
    ///   - publicKey: the recipient's key.
    ///   - digestName: the digest of the KDF and of C3 (SM3 by default).
    /// - Returns: the DER ciphertext.
    /// - Throws: `invalidLength` for an empty or over-long message; `unknownAlgorithm` /
    ///   `unsupportedOperation` for the digest; `TOO_MANY_RETRIES` if the KDF keeps giving zeros.
    public static func encrypt(_ plaintext: [UInt8], publicKey: ECPublicKey, digestName: String = defaultDigest)
        throws -> [UInt8]
    {
        let engine = publicKey.curve.engine
        return try encrypt(plaintext, publicKey: publicKey, digestName: digestName) {
            try engine.randomScalar(using: { try Random.bytes(count: $0) })
        }
    }

    /// Encryption with given nonces, for the standard's example (a fixed k) and tests: `nonce`
    /// gives each k in `[1, n − 1]` as big-endian bytes.
    package static func encrypt(
        _ plaintext: [UInt8], publicKey: ECPublicKey, digestName: String, nonce: () throws -> [UInt8]
    ) throws -> [UInt8] {
        let count = publicKey.curve.engine.orderLimbs.count
        return try encrypt(plaintext, publicKey: publicKey, digestName: digestName) { () throws -> [UInt64] in
            let k = try BigNum(bytes: try nonce())
            guard !k.isZero, k < publicKey.curve.order else {
                throw CryptoError(.invalidParameter, "SM2 nonce not in [1, n − 1]")
            }
            return MontgomeryContext.padded(k.limbs, count)
        }
    }

    static func encrypt(
        _ plaintext: [UInt8], publicKey: ECPublicKey, digestName: String, nonce: () throws -> [UInt64]
    ) throws -> [UInt8] {
        let md = try digest(digestName)
        guard !plaintext.isEmpty, plaintext.count <= X963KDF.maxInputLength else {
            throw CryptoError(.invalidLength, "SM2 encrypts 1 to 2^30 bytes, not \(plaintext.count)")
        }
        let curve = publicKey.curve
        let engine = curve.engine
        let g = curve.generator.limbTerm(scalar: [])
        let p = publicKey.point.limbTerm(scalar: [])
        for _ in 0..<8 {
            var k = try nonce()
            defer { RSALimbs.wipe(&k) }
            var c1 = engine.multiplyGenerator(gx: g.x, gy: g.y, scalar: k)
            defer { c1.wipe() }
            var shared = engine.multiply(x: p.x, y: p.y, scalar: k, bits: engine.orderBits)
            defer { shared.wipe() }
            // k in [1, n − 1] and P of order n: neither product is the point at infinity.
            guard !c1.isInfinity, !shared.isInfinity else {
                throw CryptoError(
                    .invalidParameter, "SM2 k·G or k·P is the point at infinity", openSSL: .ecPointAtInfinity)
            }
            var (mask, x2, y2) = try keystream(shared, md: md, length: plaintext.count, engine: engine)
            defer {
                SecretWipe.wipe(&mask)
                SecretWipe.wipe(&x2)
                SecretWipe.wipe(&y2)
            }
            // A mask of zeros (t = 0 in A5) is a retry; only that outcome is public.
            if ConstantTime.declassify(isAllZero(mask)) { continue }
            var c2 = [UInt8](repeating: 0, count: plaintext.count)
            for i in 0..<plaintext.count { c2[i] = plaintext[i] ^ mask[i] }
            let hash = md.makeContext()
            hash.update(x2)
            hash.update(plaintext)
            hash.update(y2)
            let c3 = try hash.finalize(outputLength: nil)
            // C1 is the ciphertext's first part: published.
            let c1x = BigNum(limbs: ConstantTime.declassify(c1.x))
            let c1y = BigNum(limbs: ConstantTime.declassify(c1.y))
            var w = DERWriter()
            w.writeSequence { seq in
                seq.writeInteger(c1x)
                seq.writeInteger(c1y)
                seq.writeOctetString(c3)
                seq.writeOctetString(c2)
            }
            return w.bytes
        }
        throw CryptoError(.invalidParameter, "SM2 encryption kept drawing a zero mask", openSSL: .ecTooManyRetries)
    }

    /// Decrypts an SM2 ciphertext (`EVP_PKEY_decrypt`, `ossl_sm2_decrypt`). Every failure is
    /// one error code, ``CryptoError/Code/badDecrypt``, with OpenSSL's reason for the step
    /// (`ASN1_ERROR`, `INVALID_ENCODING`, `POINT_IS_NOT_ON_CURVE`, `INVALID_DIGEST`); no
    /// plaintext is released unless C3 matches.
    /// - Parameters:
    ///   - ciphertext: the DER SEQUENCE { C1x, C1y, C3, C2 } (read as OpenSSL's d2i reads it).
    ///   - privateKey: the recipient's key.
    ///   - digestName: the digest of the KDF and of C3 (SM3 by default).
    /// - Returns: the plaintext.
    /// - Throws: `unknownAlgorithm` / `unsupportedOperation` for the digest; `badDecrypt` for a
    ///   ciphertext that does not decrypt.
    public static func decrypt(_ ciphertext: [UInt8], privateKey: ECPrivateKey, digestName: String = defaultDigest)
        throws -> [UInt8]
    {
        let md = try digest(digestName)
        let curve = privateKey.curve
        let engine = curve.engine
        let parts: (x: BigNum, y: BigNum, c3: [UInt8], c2: [UInt8])
        do {
            var reader = DERReader(ciphertext, rules: .openSSL)
            parts = try reader.readSequence { seq in
                (try seq.readInteger(), try seq.readInteger(), try seq.readOctetString(), try seq.readOctetString())
            }
            try reader.finish()
        } catch {
            throw CryptoError(.badDecrypt, "SM2 ciphertext is not the ASN.1 form: \(error)", openSSL: .sm2ASN1Error)
        }
        guard parts.c3.count == md.digestSize else {
            throw CryptoError(
                .badDecrypt, "SM2 C3 of \(parts.c3.count) bytes, not \(md.digestSize)", openSSL: .sm2InvalidEncoding)
        }
        guard !parts.c2.isEmpty, parts.c2.count <= X963KDF.maxInputLength else {
            throw CryptoError(.badDecrypt, "SM2 C2 of \(parts.c2.count) bytes", openSSL: .sm2InvalidEncoding)
        }
        // C1 is public: its validation is variable time.
        let c1: ECPoint
        do {
            guard !parts.x.isNegative, !parts.y.isNegative else {
                throw CryptoError(.invalidParameter, "negative C1 coordinate", openSSL: .ecCoordinatesOutOfRange)
            }
            c1 = try ECPoint(x: parts.x, y: parts.y, curve: curve)
        } catch let error as CryptoError {
            throw CryptoError(.badDecrypt, "SM2 C1: \(error.reason)", openSSL: error.openSSL)
        }
        let q = c1.limbTerm(scalar: [])
        var shared = engine.multiply(x: q.x, y: q.y, scalar: privateKey.scalar, bits: engine.orderBits)
        defer { shared.wipe() }
        guard !shared.isInfinity else {
            throw CryptoError(.badDecrypt, "SM2 d·C1 is the point at infinity", openSSL: .ecPointAtInfinity)
        }
        var (mask, x2, y2) = try keystream(shared, md: md, length: parts.c2.count, engine: engine)
        defer {
            SecretWipe.wipe(&mask)
            SecretWipe.wipe(&x2)
            SecretWipe.wipe(&y2)
        }
        if ConstantTime.declassify(isAllZero(mask)) {
            throw CryptoError(.badDecrypt, "SM2 KDF output is all zeros", openSSL: .sm2InvalidEncoding)
        }
        var plaintext = [UInt8](repeating: 0, count: parts.c2.count)
        for i in 0..<plaintext.count { plaintext[i] = parts.c2[i] ^ mask[i] }
        let hash = md.makeContext()
        hash.update(x2)
        hash.update(plaintext)
        hash.update(y2)
        let c3 = try hash.finalize(outputLength: nil)
        guard ConstantTime.declassify(ConstantTime.equals(c3, parts.c3)) else {
            SecretWipe.wipe(&plaintext)
            throw CryptoError(.badDecrypt, "SM2 C3 does not match", openSSL: .sm2InvalidDigest)
        }
        return plaintext
    }

    // MARK: Helpers

    /// A digest of the registry that SM2 can use (not an XOF).
    static func digest(_ name: String) throws -> DigestAlgorithm {
        let md = try Registry.digest(named: name)
        guard !md.isXOF else {
            throw CryptoError(
                .unsupportedOperation, "SM2 needs a fixed-length digest, not \(name)", openSSL: .sm2InvalidDigest)
        }
        return md
    }

    /// `t = KDF(x2‖y2, length)` (X9.63, no shared info) with the coordinates' bytes.
    static func keystream(_ shared: ECAffineLimbs, md: DigestAlgorithm, length: Int, engine: ECEngine) throws
        -> (mask: [UInt8], x2: [UInt8], y2: [UInt8])
    {
        let x2 = RSALimbs.bytes(shared.x, length: engine.fieldBytes)
        let y2 = RSALimbs.bytes(shared.y, length: engine.fieldBytes)
        var z = x2 + y2
        defer { SecretWipe.wipe(&z) }
        let mask = try X963KDF.derive(md.hashType, sharedSecret: z, length: length)
        return (mask, x2, y2)
    }

    /// Whether limbs are all zero, without a branch on them.
    static func isZero(_ v: [UInt64]) -> Bool {
        var any: UInt64 = 0
        for x in v { any |= x }
        return (any | (0 &- any)) >> 63 == 0
    }

    /// Whether bytes are all zero, without a branch on them.
    static func isAllZero(_ v: [UInt8]) -> Bool {
        var any: UInt8 = 0
        for x in v { any |= x }
        return (UInt64(any) &- 1) >> 63 == 1
    }

    /// `(a − b) mod m` for reduced `a`, `b` of m's limb count: subtract, then add m under the
    /// borrow's mask.
    static func subtractMod(_ a: [UInt64], _ b: [UInt64], _ m: [UInt64]) -> [UInt64] {
        let count = m.count
        var out = [UInt64](repeating: 0, count: count)
        var borrow: UInt64 = 0
        for i in 0..<count { (out[i], borrow) = CTLimb.subtract(a[i], b[i], borrow) }
        let mask = CTLimb.mask(borrow)
        var carry: UInt64 = 0
        for i in 0..<count { (out[i], carry) = CTLimb.add(out[i], m[i] & mask, carry) }
        return out
    }
}

/// OpenSSL 3.0's SM2 library reasons (`ERR_LIB_SM2`): codes from include/crypto/sm2err.h, texts
/// from crypto/sm2/sm2_err.c (transcribed).
extension OpenSSLReason {
    private static func sm2(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "SM2", name: name, code: code, text: text)
    }

    /// `SM2_R_ASN1_ERROR` (100, "asn1 error").
    public static let sm2ASN1Error = sm2("ASN1_ERROR", 100, "asn1 error")
    /// `SM2_R_BAD_SIGNATURE` (101, "bad signature").
    public static let sm2BadSignature = sm2("BAD_SIGNATURE", 101, "bad signature")
    /// `SM2_R_INVALID_DIGEST` (102, "invalid digest").
    public static let sm2InvalidDigest = sm2("INVALID_DIGEST", 102, "invalid digest")
    /// `SM2_R_INVALID_ENCODING` (104, "invalid encoding").
    public static let sm2InvalidEncoding = sm2("INVALID_ENCODING", 104, "invalid encoding")
    /// `SM2_R_ID_TOO_LARGE` (111, "id too large").
    public static let sm2IDTooLarge = sm2("ID_TOO_LARGE", 111, "id too large")
    /// `SM2_R_INVALID_PRIVATE_KEY` (113, "invalid private key").
    public static let sm2InvalidPrivateKey = sm2("INVALID_PRIVATE_KEY", 113, "invalid private key")
}
#endif
