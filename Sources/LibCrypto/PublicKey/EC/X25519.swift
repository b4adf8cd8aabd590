// X25519 (RFC 7748 §5): Diffie-Hellman on Curve25519 with the Montgomery ladder, as OpenSSL
// 3.0's ossl_x25519 / ossl_x25519_public_from_private compute it (crypto/ec/curve25519.c): the
// scalar is clamped, bit 255 of u is ignored, u ≥ p is taken modulo p, and an all-zero shared
// secret (a peer point of small order) is an error, as EVP_PKEY_derive reports it
// (PROV_R_FAILED_DURING_DERIVATION, providers/implementations/exchange/ecx_exch.c).
//
// Timing.
//   - CONSTANT TIME: `X25519.ladder` (255 fixed steps, a masked swap per step chosen by the
//     scalar bit, no branch or index on it; the final inversion is a fixed addition chain),
//     hence `publicKey(privateKey:)` and `sharedSecret(privateKey:peerPublicKey:)`. The all-zero
//     check ORs every byte and declassifies only the outcome, which the caller learns anyway.
//   - VARIABLE TIME (public data): the length checks.

#if EC
extension OpenSSLReason {
    /// `EC_R_INVALID_ENCODING` (102, "invalid encoding"): a raw X25519/Ed25519 key of the wrong
    /// length (crypto/ec/ecx_backend.c, include/openssl/ecerr.h).
    static let curve25519InvalidEncoding = OpenSSLReason(
        library: "EC", name: "INVALID_ENCODING", code: 102, text: "invalid encoding")
    /// `PROV_R_FAILED_DURING_DERIVATION` (164, "failed during derivation"): X25519 produced the
    /// all-zero secret (providers/implementations/exchange/ecx_exch.c, include/openssl/proverr.h).
    static let curve25519FailedDuringDerivation = OpenSSLReason(
        library: "PROV", name: "FAILED_DURING_DERIVATION", code: 164, text: "failed during derivation")
}

/// X25519 key agreement (RFC 7748): 32-byte private keys (scalars, clamped on use) and 32-byte
/// public keys (u-coordinates), as OpenSSL's `X25519` EVP_PKEY.
///
/// Both operations run in constant time with respect to the private key.
public enum X25519 {
    /// The length of private keys, public keys and shared secrets, in bytes.
    public static let keyLength = 32

    /// RFC 7748 X25519(k, 9): the public key of a private key. The scalar is clamped (bits 0–2 and
    /// 255 cleared, bit 254 set) as RFC 7748 §5 says.
    /// - Parameter privateKey: the 32-byte private key.
    /// - Returns: the 32-byte public key.
    /// - Throws: `invalidParameter` (OpenSSL's `EC_R_INVALID_ENCODING`) unless `privateKey` has
    ///   32 bytes.
    public static func publicKey(privateKey: [UInt8]) throws -> [UInt8] {
        guard privateKey.count == keyLength else { throw lengthError("private key", privateKey.count) }
        var base = [UInt8](repeating: 0, count: 32)
        base[0] = 9
        return ladder(scalar: privateKey, u: base)
    }

    /// RFC 7748 X25519(k, u): the shared secret of a private key and a peer's public key. The
    /// scalar is clamped; bit 255 of `u` is ignored and a `u` at or above p is taken modulo p, as
    /// RFC 7748 §5 says and OpenSSL does.
    /// - Parameters:
    ///   - privateKey: our 32-byte private key.
    ///   - peerPublicKey: the peer's 32-byte public key.
    /// - Returns: the 32-byte shared secret.
    /// - Throws: `invalidParameter` (`EC_R_INVALID_ENCODING`) for a key that is not 32 bytes;
    ///   `invalidParameter` (`PROV_R_FAILED_DURING_DERIVATION`) when the result is all zero (the
    ///   peer's point has small order), where OpenSSL's `EVP_PKEY_derive` fails too.
    public static func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) throws -> [UInt8] {
        guard privateKey.count == keyLength else { throw lengthError("private key", privateKey.count) }
        guard peerPublicKey.count == keyLength else { throw lengthError("peer public key", peerPublicKey.count) }
        var secret = ladder(scalar: privateKey, u: peerPublicKey)
        var acc: UInt8 = 0
        for b in secret { acc |= b }
        if ConstantTime.declassify(acc == 0) {
            SecretWipe.wipe(&secret)
            throw CryptoError(
                .invalidParameter, "X25519 shared secret is all zero (peer point of small order)",
                openSSL: .curve25519FailedDuringDerivation)
        }
        return secret
    }

    /// A new private key: 32 bytes from the process DRBG (``Random``), as OpenSSL's key
    /// generation draws them (clamping happens on use).
    /// - Returns: the 32-byte private key.
    /// - Throws: what the random source throws.
    public static func generatePrivateKey() throws -> [UInt8] {
        try Random.bytes(count: keyLength)
    }

    static func lengthError(_ what: String, _ count: Int) -> CryptoError {
        CryptoError(
            .invalidParameter, "X25519 \(what) of \(count) bytes, not 32", openSSL: .curve25519InvalidEncoding)
    }

    /// The Montgomery ladder of RFC 7748 §5 on a 32-byte scalar (clamped here) and a 32-byte u
    /// (bit 255 ignored). Constant time in the scalar.
    static func ladder(scalar: [UInt8], u: [UInt8]) -> [UInt8] {
        var k = scalar
        defer { SecretWipe.wipe(&k) }
        k[0] &= 248
        k[31] &= 127
        k[31] |= 64
        let x1 = FieldElement25519(bytes: u)
        var x2 = FieldElement25519.one
        var z2 = FieldElement25519.zero
        var x3 = x1
        var z3 = FieldElement25519.one
        var swap: UInt64 = 0
        // The sums and differences skip their carries (`lazyAdd`, `lazySubtract`): each feeds a
        // product or square straight away, which takes limbs below 2^53 (Curve25519Field.swift).
        // z2 = E·(AA + a24·E) with a24 = 121665 is computed as E·(BB + 121666·E), the same value
        // (AA = BB + E), as OpenSSL's fe51_mul121666 ladder does.
        typealias FE = FieldElement25519
        var t = 254
        while t >= 0 {
            let bit = UInt64((k[t >> 3] >> UInt8(t & 7)) & 1)
            swap ^= bit
            let mask = CTLimb.mask(swap)
            FE.conditionalSwap(mask, &x2, &x3)
            FE.conditionalSwap(mask, &z2, &z3)
            swap = bit
            let a = FE.lazyAdd(x2, z2)
            let b = FE.lazySubtract(x2, z2)
            let c = FE.lazyAdd(x3, z3)
            let d = FE.lazySubtract(x3, z3)
            let da = d * a
            let cb = c * b
            let aa = a.squared()
            let bb = b.squared()
            x3 = FE.lazyAdd(da, cb).squared()
            z3 = x1 * FE.lazySubtract(da, cb).squared()
            x2 = aa * bb
            let e = FE.lazySubtract(aa, bb)
            z2 = e * FE.lazyAdd(bb, e.times(small: 121666))
            t -= 1
        }
        let mask = CTLimb.mask(swap)
        FieldElement25519.conditionalSwap(mask, &x2, &x3)
        FieldElement25519.conditionalSwap(mask, &z2, &z3)
        let result = (x2 * z2.inverse()).encoded()
        x2.wipe()
        z2.wipe()
        x3.wipe()
        z3.wipe()
        return result
    }
}
#endif
