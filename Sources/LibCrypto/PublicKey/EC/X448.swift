// X448 (RFC 7748 §5): Diffie–Hellman on Curve448's Montgomery form, as OpenSSL 3.0's
// `ossl_x448` computes it (crypto/ec/curve448/curve448.c), including its refusal of an all-zero
// shared secret (the peer's u-coordinate was of small order) and its clamping of generated keys.
//
// Timing.
//   - CONSTANT TIME: publicKey(privateKey:), sharedSecret(privateKey:peerPublicKey:) and the
//     ladder under them: 448 fixed steps of the Montgomery ladder, each with a conditional swap
//     by mask on the scalar bit (the bit index is the loop counter, never the secret), field
//     arithmetic of Curve448Field.swift, inversion by a fixed exponent chain. Only whether the
//     shared secret is zero is made public (ConstantTime.declassify), as OpenSSL reports it.
//   - generatePrivateKey(): 56 bytes from the process DRBG, clamped by masks.
//   - VARIABLE TIME: only the length checks (public).

#if EC
/// X448 key agreement (RFC 7748): keys and shared secrets are 56-byte little-endian strings.
///
/// Private keys are taken as given and clamped inside the scalar multiplication (RFC 7748
/// §5's decodeScalar448); non-canonical peer u-coordinates (≥ p) are reduced modulo p, as the
/// RFC and OpenSSL do.
public enum X448 {
    /// The length in bytes of a private key, a public key and a shared secret: 56.
    public static let keyLength = 56

    /// RFC 7748's a24 = (156326 − 2)/4 for Curve448.
    private static let a24: UInt64 = 39081

    /// OpenSSL's reason for an all-zero shared secret (`PROV_R_FAILED_DURING_DERIVATION`, 164,
    /// include/openssl/proverr.h; ecx_exch.c raises it when `ossl_x448` fails).
    static let failedDuringDerivation = OpenSSLReason(
        library: "PROV", name: "FAILED_DURING_DERIVATION", code: 164, text: "failed during derivation")

    /// The public key (u-coordinate of [k]·5) of `privateKey`.
    /// - Parameter privateKey: 56 bytes; clamped as RFC 7748 decodeScalar448 says.
    /// - Returns: the 56-byte public key.
    /// - Throws: `invalidParameter` (`PROV_R_INVALID_KEY_LENGTH`) if `privateKey` is not 56 bytes.
    public static func publicKey(privateKey: [UInt8]) throws -> [UInt8] {
        guard privateKey.count == keyLength else {
            throw CryptoError(
                .invalidParameter, "X448 private key of \(privateKey.count) bytes, not 56", openSSL: .invalidKeyLength)
        }
        return scalarMult(privateKey, GF448(small: 5))
    }

    /// The shared secret X448(privateKey, peerPublicKey).
    ///
    /// Throws CryptoError when the result is all zero (OpenSSL rejects it) or lengths are wrong.
    /// - Parameters:
    ///   - privateKey: our 56-byte private key.
    ///   - peerPublicKey: the peer's 56-byte public key (a u-coordinate; values ≥ p are reduced).
    /// - Returns: the 56-byte shared secret.
    /// - Throws: `invalidParameter` (`PROV_R_INVALID_KEY_LENGTH`) for a key that is not 56 bytes;
    ///   `invalidParameter` (`PROV_R_FAILED_DURING_DERIVATION`) when the secret is all zero
    ///   (the peer's point has small order).
    public static func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) throws -> [UInt8] {
        guard privateKey.count == keyLength else {
            throw CryptoError(
                .invalidParameter, "X448 private key of \(privateKey.count) bytes, not 56", openSSL: .invalidKeyLength)
        }
        guard peerPublicKey.count == keyLength else {
            throw CryptoError(
                .invalidParameter, "X448 peer key of \(peerPublicKey.count) bytes, not 56", openSSL: .invalidKeyLength)
        }
        var secret = scalarMult(privateKey, GF448(bytes: peerPublicKey))
        var any: UInt8 = 0
        for b in secret { any |= b }
        if ConstantTime.declassify(any == 0) {
            SecretWipe.wipe(&secret)
            throw CryptoError(
                .invalidParameter, "X448 shared secret is all zero (small-order peer key)",
                openSSL: failedDuringDerivation)
        }
        return secret
    }

    /// A new private key: 56 bytes from the process DRBG, clamped as OpenSSL's key generation
    /// does (`privkey[0] &= 252; privkey[55] |= 128`, crypto/ec/ecx_backend.c).
    /// - Returns: the 56-byte private key.
    /// - Throws: whatever the random source throws.
    public static func generatePrivateKey() throws -> [UInt8] {
        var key = try Random.bytes(count: keyLength)
        guard key.count == keyLength else {
            SecretWipe.wipe(&key)
            throw CryptoError(.invalidParameter, "random source gave \(key.count) bytes, not 56")
        }
        key[0] &= 252
        key[55] |= 128
        return key
    }

    /// RFC 7748 §5's X448(k, u): the Montgomery ladder over the clamped scalar, 448 steps.
    static func scalarMult(_ scalar: [UInt8], _ u: GF448) -> [UInt8] {
        var k = scalar
        defer { SecretWipe.wipe(&k) }
        k[0] &= 252
        k[55] |= 128
        let x1 = u
        var x2 = GF448.one
        var z2 = GF448.zero
        var x3 = u
        var z3 = GF448.one
        var swap: UInt64 = 0
        for t in stride(from: 447, through: 0, by: -1) {
            let bit = UInt64((k[t >> 3] >> UInt8(t & 7)) & 1)
            let mask = CTLimb.mask(swap ^ bit)
            GF448.conditionalSwap(&x2, &x3, mask)
            GF448.conditionalSwap(&z2, &z3, mask)
            swap = bit
            let a = x2 + z2
            let aa = a.squared()
            let b = x2 - z2
            let bb = b.squared()
            let e = aa - bb
            let c = x3 + z3
            let d = x3 - z3
            let da = d * a
            let cb = c * b
            x3 = (da + cb).squared()
            z3 = x1 * (da - cb).squared()
            x2 = aa * bb
            z2 = e * (aa + e.times(a24))
        }
        let mask = CTLimb.mask(swap)
        GF448.conditionalSwap(&x2, &x3, mask)
        GF448.conditionalSwap(&z2, &z3, mask)
        var result = x2 * z2.inverse()
        let out = result.bytes
        SecretWipe.wipe(value: &x2)
        SecretWipe.wipe(value: &z2)
        SecretWipe.wipe(value: &x3)
        SecretWipe.wipe(value: &z3)
        SecretWipe.wipe(value: &result)
        swap = 0
        return out
    }
}
#endif
