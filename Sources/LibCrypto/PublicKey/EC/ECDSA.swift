// ECDSA (X9.62, SEC 1 4.1, FIPS 186-4 6) over the named prime curves, as OpenSSL 3.0's
// crypto/ec/ecdsa_ossl.c signs and verifies: the digest truncated to the order's bit length,
// random nonces from the process DRBG or RFC 6979 deterministic nonces (HMAC over any digest of
// the registry), signatures as the DER `ECDSA-Sig-Value` SEQUENCE { r, s } or IEEE P1363 r‖s.
//
// Timing.
//   - CONSTANT TIME: signing. k is drawn by rejection into fixed limbs (or derived by RFC 6979's
//     HMAC loop, whose candidate check declassifies only "accepted"); k·G is the fixed-window
//     multiplication of ECField.swift; r = x(kG) mod n by the bit-serial masked reduction; k⁻¹ is
//     Fermat's k^(n−2) (a fixed-window power over n's limbs); r·d + e and the product by k⁻¹ are
//     Montgomery products and a masked addition on n's limb count. r and s are published
//     (declassified where they leave); whether either is zero (a retry) is public.
//   - VARIABLE TIME (public data): the digest's truncation, verification, the signature codecs.

#if EC
/// An ECDSA signature `(r, s)`.
public struct ECDSASignature: Sendable, Hashable {
    /// `r = x(k·G) mod n`.
    public let r: BigNum
    /// `s = k⁻¹·(e + r·d) mod n`.
    public let s: BigNum

    /// A signature from its numbers (not range-checked: verification rejects values outside
    /// `[1, n − 1]`).
    /// - Parameters:
    ///   - r: r.
    ///   - s: s.
    public init(r: BigNum, s: BigNum) {
        self.r = r
        self.s = s
    }

    /// Decodes the DER `ECDSA-Sig-Value` (SEQUENCE { r INTEGER, s INTEGER }) strictly, as
    /// OpenSSL 3.0's `ossl_ecdsa_verify` accepts only input that re-encodes to the same bytes:
    /// definite minimal lengths, minimal INTEGERs, nothing after the SEQUENCE.
    /// - Parameter der: the encoding.
    /// - Throws: `invalidParameter` with an ASN1 reason for malformed DER or trailing bytes,
    ///   and (`BAD_SIGNATURE`) for a negative r or s.
    public init(derEncoded der: [UInt8]) throws {
        var reader = DERReader(der)
        let (r, s) = try reader.readSequence { seq in (try seq.readInteger(), try seq.readInteger()) }
        try reader.finish()
        guard !r.isNegative, !s.isNegative else {
            throw CryptoError(.invalidParameter, "negative ECDSA signature value", openSSL: .ecBadSignature)
        }
        self.init(r: r, s: s)
    }

    /// The DER `ECDSA-Sig-Value` (what `ECDSA_sign` and `EVP_PKEY_sign` return).
    /// - Throws: `invalidParameter` for a negative `r` or `s`.
    public func derEncoded() throws -> [UInt8] {
        guard !r.isNegative, !s.isNegative else {
            throw CryptoError(.invalidParameter, "negative ECDSA signature value", openSSL: .ecBadSignature)
        }
        var w = DERWriter()
        w.writeSequence { seq in
            seq.writeInteger(r)
            seq.writeInteger(s)
        }
        return w.bytes
    }

    /// Decodes the IEEE P1363 form `r‖s`, each ``ECCurve/orderByteCount`` big-endian bytes.
    /// - Parameters:
    ///   - rawRepresentation: the concatenation.
    ///   - curve: the curve, which fixes the length.
    /// - Throws: `invalidParameter` (`INVALID_ENCODING`) for a length other than twice the
    ///   order's byte length.
    public init(rawRepresentation: [UInt8], curve: ECCurve) throws {
        let length = curve.orderByteCount
        guard rawRepresentation.count == 2 * length else {
            throw CryptoError(
                .invalidParameter, "P1363 signature of \(rawRepresentation.count) bytes, not \(2 * length)",
                openSSL: .ecInvalidEncoding)
        }
        self.init(
            r: try BigNum(bytes: rawRepresentation[0..<length]),
            s: try BigNum(bytes: rawRepresentation[length...]))
    }

    /// The IEEE P1363 form `r‖s`, each ``ECCurve/orderByteCount`` big-endian bytes.
    /// - Parameter curve: the curve, which fixes the length.
    /// - Returns: the concatenation.
    /// - Throws: `invalidParameter` for a negative r or s or one longer than the order.
    public func rawRepresentation(curve: ECCurve) throws -> [UInt8] {
        guard !r.isNegative, !s.isNegative else {
            throw CryptoError(.invalidParameter, "negative ECDSA signature value", openSSL: .ecBadSignature)
        }
        let length = curve.orderByteCount
        return try r.bytes(paddedTo: length) + s.bytes(paddedTo: length)
    }
}

extension ECCurve {
    /// The digest as an integer of at most the order's bit length (X9.62 / SEC 1 4.1.3 step 5,
    /// OpenSSL's `ecdsa_simple_sign_sig`; RFC 6979's bits2int): its leftmost `min(8·len, |n|)`
    /// bits.
    func truncatedDigest(_ digest: [UInt8]) throws -> BigNum {
        let bits = order.bitWidth
        var bytes = digest[...]
        if 8 * bytes.count > bits { bytes = bytes.prefix((bits + 7) / 8) }
        var m = try BigNum(bytes: bytes)
        if 8 * bytes.count > bits { m = try m.shiftedRight(by: 8 * bytes.count - bits) }
        return m
    }
}

extension ECPrivateKey {
    /// Signs a digest (`ECDSA_do_sign`) with a random nonce from the process DRBG.
    /// CONSTANT TIME in the key and the nonce (see the note at the top of ECDSA.swift).
    /// - Parameter digest: the message's hash (any length; its leftmost |n| bits are used).
    /// - Returns: the signature.
    /// - Throws: whatever the random source throws; `TOO_MANY_RETRIES` if r or s keeps coming
    ///   out 0.
    public func signature(forDigest digest: [UInt8]) throws -> ECDSASignature {
        try signature(forDigest: digest, using: { try Random.bytes(count: $0) })
    }

    /// Signing with a given random source (for tests).
    package func signature(forDigest digest: [UInt8], using generator: BigNum.RandomBytes) throws
        -> ECDSASignature
    {
        let e = curve.engine
        return try signature(forDigest: digest) { try e.randomScalar(using: generator) }
    }

    /// Signs a digest with the deterministic nonce of RFC 6979 (section 3.2), HMAC over the
    /// digest named `digestName` (the hash that made `digest`, as OpenSSL's `nonce-type`
    /// parameter 1 with its `digest`). The same key and digest give the same signature.
    /// - Parameters:
    ///   - digest: the message's hash.
    ///   - digestName: an OpenSSL digest name (`SHA256`, `SHA384`, …) for the HMAC.
    /// - Returns: the signature.
    /// - Throws: `unknownAlgorithm` for a digest not in this build, `unsupportedOperation` for an
    ///   XOF; `TOO_MANY_RETRIES` if r or s keeps coming out 0.
    public func deterministicSignature(forDigest digest: [UInt8], digestName: String) throws -> ECDSASignature {
        var nonces = try RFC6979Nonces(key: self, digest: digest, digestName: digestName)
        return try signature(forDigest: digest) { try nonces.next() }
    }

    /// Signs a digest (`ECDSA_sign`, `EVP_PKEY_sign`), returning the DER `ECDSA-Sig-Value`.
    /// - Parameters:
    ///   - digest: the message's hash.
    ///   - deterministic: RFC 6979 nonces over `digestName` instead of random ones.
    ///   - digestName: the digest for RFC 6979's HMAC (ignored for random nonces).
    /// - Returns: the DER signature.
    /// - Throws: the errors of ``signature(forDigest:)`` or
    ///   ``deterministicSignature(forDigest:digestName:)``.
    public func sign(digest: [UInt8], deterministic: Bool = false, digestName: String = "SHA256") throws -> [UInt8] {
        let sig =
            deterministic
            ? try deterministicSignature(forDigest: digest, digestName: digestName)
            : try signature(forDigest: digest)
        return try sig.derEncoded()
    }

    /// Signs `message` hashed with `digestName` (`EVP_DigestSign`), returning the DER signature.
    /// - Parameters:
    ///   - message: the message.
    ///   - digestName: an OpenSSL digest name (`SHA256`, `SHA1`, …).
    ///   - deterministic: RFC 6979 nonces (HMAC over the same digest) instead of random ones.
    /// - Returns: the DER signature.
    /// - Throws: `unknownAlgorithm` for a digest not in this build, then the errors of
    ///   ``sign(digest:deterministic:digestName:)``.
    public func sign(message: [UInt8], digestName: String, deterministic: Bool = false) throws -> [UInt8] {
        let md = try Registry.digest(named: digestName)
        return try sign(digest: md.hash(message), deterministic: deterministic, digestName: digestName)
    }

    /// The signing core: `nonce` gives each k in `[1, n − 1]` as the order's limb count.
    func signature(forDigest digest: [UInt8], nonce: () throws -> [UInt64]) throws -> ECDSASignature {
        let e = curve.engine
        let octx = try e.orderContext(for: "ECDSA signing")
        let n = octx.m
        let m = MontgomeryContext.padded(
            try curve.truncatedDigest(digest).nonNegativeRemainder(modulo: curve.order).limbs, octx.n)
        let g = curve.generator.limbTerm(scalar: [])
        for _ in 0..<8 {
            var k = try nonce()
            defer { RSALimbs.wipe(&k) }
            var kg = e.multiplyGenerator(gx: g.x, gy: g.y, scalar: k)
            defer { kg.wipe() }
            // r = x(kG) mod n is published: declassified here, where it leaves.
            let r = ConstantTime.declassify(e.reduceToOrder(kg.x))
            if r.allSatisfy({ $0 == 0 }) { continue }
            var kinv = e.orderInverse(k)
            defer { RSALimbs.wipe(&kinv) }
            var rd = octx.multiplyReduced(r, scalar)
            defer { RSALimbs.wipe(&rd) }
            var sum = Self.addMod(rd, m, n)
            defer { RSALimbs.wipe(&sum) }
            let s = ConstantTime.declassify(octx.multiplyReduced(sum, kinv))
            if s.allSatisfy({ $0 == 0 }) { continue }
            return ECDSASignature(r: BigNum(limbs: r), s: BigNum(limbs: s))
        }
        throw CryptoError(.invalidParameter, "ECDSA signing kept giving r or s = 0", openSSL: .ecTooManyRetries)
    }

    /// `(a + b) mod m` for reduced `a`, `b` of m's limb count: add, then subtract m under a mask.
    static func addMod(_ a: [UInt64], _ b: [UInt64], _ m: [UInt64]) -> [UInt64] {
        let count = m.count
        let sum = RSALimbs.add(a, b)
        var out = [UInt64](repeating: 0, count: count)
        var borrow: UInt64 = 0
        for i in 0..<count { (out[i], borrow) = CTLimb.subtract(sum[i], m[i], borrow) }
        let keepSum = CTLimb.mask(borrow & ~sum[count] & 1)
        for i in 0..<count { out[i] = CTLimb.select(keepSum, sum[i], out[i]) }
        return out
    }
}

/// RFC 6979 section 3.2's nonce generator (steps b–h), one candidate per ``next()``; a retry
/// (r or s = 0, or a candidate not in [1, n − 1]) continues the loop as step h.3 says.
struct RFC6979Nonces {
    let md: DigestAlgorithm
    let orderBits: Int
    let bound: [UInt64]
    var k: [UInt8]
    var v: [UInt8]
    var started = false

    init(key: ECPrivateKey, digest: [UInt8], digestName: String) throws {
        md = try Registry.digest(named: digestName)
        guard !md.isXOF else {
            throw CryptoError(
                .unsupportedOperation, "RFC 6979 needs HMAC over a fixed-length digest, not \(digestName)")
        }
        let curve = key.curve
        orderBits = curve.order.bitWidth
        bound = curve.engine.orderLimbs
        let rlen = curve.orderByteCount
        // bits2octets(h1) = int2octets(bits2int(h1) mod q): public (from the digest).
        let h = try curve.truncatedDigest(digest).nonNegativeRemainder(modulo: curve.order).bytes(paddedTo: rlen)
        var x = key.rawRepresentation
        defer { SecretWipe.wipe(&x) }
        v = [UInt8](repeating: 1, count: md.digestSize)
        k = [UInt8](repeating: 0, count: md.digestSize)
        k = try Self.hmac(md, k, v, [0], x, h)
        v = try Self.hmac(md, k, v)
        k = try Self.hmac(md, k, v, [1], x, h)
        v = try Self.hmac(md, k, v)
    }

    static func hmac(_ md: DigestAlgorithm, _ key: [UInt8], _ parts: [UInt8]...) throws -> [UInt8] {
        let ctx = try md.makeHMAC(key: key)
        for p in parts { ctx.update(p) }
        return ctx.finalize()
    }

    /// The next candidate accepted by step h.3 (`1 ≤ k < n`), as the order's limb count.
    mutating func next() throws -> [UInt64] {
        for _ in 0..<100 {
            if started {
                k = try Self.hmac(md, k, v, [0])
                v = try Self.hmac(md, k, v)
            }
            started = true
            var t: [UInt8] = []
            defer { SecretWipe.wipe(&t) }
            while t.count * 8 < orderBits {
                v = try Self.hmac(md, k, v)
                t += v
            }
            // bits2int(T): the leftmost orderBits bits, into fixed limbs.
            let byteCount = (orderBits + 7) / 8
            let count = bound.count
            var candidate = [UInt64](repeating: 0, count: count)
            for i in 0..<byteCount {
                candidate[i / 8] |= UInt64(t[byteCount - 1 - i]) << UInt64((i % 8) * 8)
            }
            let shift = UInt64(8 * byteCount - orderBits)
            if shift != 0 {
                for j in 0..<count {
                    let high = j + 1 < count ? candidate[j + 1] << (64 - shift) : 0
                    candidate[j] = (candidate[j] >> shift) | high
                }
            }
            if ConstantTime.declassify(ECEngine.isNonZeroBelow(candidate, bound)) { return candidate }
            RSALimbs.wipe(&candidate)
        }
        throw CryptoError(.invalidParameter, "RFC 6979 found no nonce", openSSL: .ecTooManyRetries)
    }
}

extension ECPublicKey {
    /// Verifies a signature on a digest (`ECDSA_do_verify`). VARIABLE TIME (public data).
    /// - Parameters:
    ///   - signature: `(r, s)`.
    ///   - digest: the message's hash (its leftmost |n| bits are used).
    /// - Throws: `invalidParameter` (`BAD_SIGNATURE`) if r or s is outside `[1, n − 1]` or the
    ///   signature does not verify.
    public func verify(signature: ECDSASignature, digest: [UInt8]) throws {
        let curve = self.curve
        let n = curve.order
        let bad = CryptoError(.invalidParameter, "bad ECDSA signature", openSSL: .ecBadSignature)
        let r = signature.r
        let s = signature.s
        _ = try curve.engine.orderContext(for: "ECDSA verification")
        guard !r.isNegative, !r.isZero, r < n, !s.isNegative, !s.isZero, s < n else { throw bad }
        let m = try curve.truncatedDigest(digest).nonNegativeRemainder(modulo: n)
        let w = try s.inverse(modulo: n)
        let u1 = try m.modMul(w, modulus: n)
        let u2 = try r.modMul(w, modulus: n)
        let x = curve.engine.linearCombination([
            curve.generator.limbTerm(scalar: u1.limbs), point.limbTerm(scalar: u2.limbs),
        ])
        guard !x.isInfinity else { throw bad }
        let v = try BigNum(limbs: x.x).nonNegativeRemainder(modulo: n)
        guard v == r else { throw bad }
    }

    /// Verifies a DER `ECDSA-Sig-Value` on a digest (`ECDSA_verify`).
    /// - Parameters:
    ///   - signature: the DER signature.
    ///   - digest: the message's hash.
    /// - Throws: the errors of ``ECDSASignature/init(derEncoded:)`` and
    ///   `verify(signature:digest:)` for an ``ECDSASignature``.
    public func verify(signature: [UInt8], digest: [UInt8]) throws {
        try verify(signature: ECDSASignature(derEncoded: signature), digest: digest)
    }

    /// Verifies a DER signature on `message` hashed with `digestName` (`EVP_DigestVerify`).
    /// - Parameters:
    ///   - signature: the DER signature.
    ///   - message: the message.
    ///   - digestName: an OpenSSL digest name.
    /// - Throws: `unknownAlgorithm` for a digest not in this build, then the errors of
    ///   `verify(signature:digest:)` for DER bytes.
    public func verify(signature: [UInt8], message: [UInt8], digestName: String) throws {
        let md = try Registry.digest(named: digestName)
        try verify(signature: signature, digest: md.hash(message))
    }
}
#endif
