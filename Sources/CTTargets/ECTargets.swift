import LibCrypto

// The elliptic-curve targets (issue #15): the prime curves' constant-time scalar multiplication
// (one curve per field size family, brainpoolP256r1 for a generic `a`), ECDSA signing and ECDH
// with P-256, X25519, X448, Ed25519 and Ed448; docs/constant-time.md, "Elliptic-curve targets".
//
// Secrets. Scalar multiplication: the scalar k of `ECPoint.multiplied(by:)` on the curve's
// generator, a BigNum built from public bytes whose limbs the Valgrind body marks (as
// `dh-1024-160-derive` does: BigNum's own normalisation of bytes is not the operation). ECDH and
// ECDSA: the private scalar d, and ECDSA's nonce k, reach LibCrypto through its random source
// (`ECPrivateKey.generate(curve:using:)`, `signature(forDigest:using:)`, as `dsa-1024-sign`
// feeds DSA's draws), so the input bytes are the secret, marked by the runner, and the key is
// made from them in every call of both classes. X25519, X448, Ed25519, Ed448: the private key
// bytes (scalar or seed) are the input.
//
// Inputs of the prime-curve targets: each 32-byte (48 for P-384) draw has its first byte
// (b & 0x3F) | 0x40, so the number is in [2^(8m−2), 2^(8m−1)): below the order of P-256, P-384,
// secp256k1 and brainpoolP256r1 (0xA9FB…), so the rejection loop takes the first draw, and of a
// fixed limb count. Class 0 is a fixed pattern (with that first byte), class 1 random.
//
// Published by design and declassified in LibCrypto: the public point (ECPoint.multiplied,
// ECPrivateKey's Q, Ed25519's A), r and s of ECDSA, "is the X25519/X448 result zero", "is the
// draw accepted".

#if EC
extension CTTargets {
    /// A draw of `n` bytes in [2^(8n−2), 2^(8n−1)) (see the note at the top of the file).
    static func ecScalarBytes(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        b[0] = (b[0] & 0x3F) | 0x40
        return b
    }

    /// `k·G` on `curveName`, CONSTANT TIME in k (`ECPoint.multiplied(by:)`): k has the order's
    /// byte length, made a number of fixed limb count.
    static func ecScalarMul(_ name: String, curve curveName: String) throws -> CTTarget {
        let curve = try ECCurve.named(curveName)
        let g = curve.generator
        let n = curve.orderByteCount
        @Sendable func op(_ k: BigNum) -> [UInt8] { (try? g.multiplied(by: k).encoded()) ?? [] }
        let fixed = ecScalarBytes(pattern(n, start: 0x5A, step: 0x1D))
        return CTTarget(
            name: name, summary: "\(curveName): k·G, fixed-window scalar multiplication (k secret)",
            fixedInput: fixed, randomInput: { ecScalarBytes($0.bytes(n)) },
            measurementDivisor: publicKeyDivisor,
            valgrindRun: { marker in
                let k = fixedWidthNumber(fixed)
                marker.secret(k)
                return [op(k)]
            },
            run: { input in op(fixedWidthNumber(ecScalarBytes(Array(input)))) })
    }

    /// ECDSA P-256 signing of a SHA-256 digest: the key made from a secret d (Q = d·G), then a
    /// signature with a secret nonce k. dudect input: d's draw, then k's draw (fed to the random
    /// source in that order; see the note at the top of the file).
    static func ecdsaSign() throws -> CTTarget {
        let curve = try ECCurve.named("prime256v1")
        let n = curve.orderByteCount
        @Sendable func op(_ draws: [UInt8]) -> [UInt8] {
            let feed = FeedGenerator(draws)
            guard let key = try? ECPrivateKey.generate(curve: curve, using: { try feed.next($0) }),
                let sig = try? key.signature(forDigest: signedDigest, using: { try feed.next($0) })
            else { return [] }
            return limbBytes(sig.r) + limbBytes(sig.s)
        }
        let fixed = ecScalarBytes(pattern(n, start: 0x3C, step: 0x0B)) + ecScalarBytes(pattern(n, start: 0x71, step: 7))
        return CTTarget(
            name: "ecdsa-p256-sign",
            summary: "ECDSA P-256: key from d (d·G), then sign a SHA-256 digest (d and nonce k secret)",
            fixedInput: fixed, randomInput: { ecScalarBytes($0.bytes(n)) + ecScalarBytes($0.bytes(n)) },
            measurementDivisor: publicKeyDivisor,
            run: { input in op(Array(input)) })
    }

    /// ECDH P-256: the key made from a secret d (Q = d·G), then the shared secret x(d·P) with a
    /// fixed public peer P.
    static func ecdhDerive() throws -> CTTarget {
        let curve = try ECCurve.named("prime256v1")
        let n = curve.orderByteCount
        let peer = try ECPrivateKey(curve: curve, rawRepresentation: pattern(n, start: 0x2D, step: 0x35)).publicKey
        @Sendable func op(_ draw: [UInt8]) -> [UInt8] {
            let feed = FeedGenerator(draw)
            guard let key = try? ECPrivateKey.generate(curve: curve, using: { try feed.next($0) }),
                let z = try? key.sharedSecret(with: peer)
            else { return [] }
            return z
        }
        return CTTarget(
            name: "ecdh-p256-derive",
            summary: "ECDH P-256: key from d (d·G), then x(d·P) with a fixed peer P (d secret)",
            fixedInput: ecScalarBytes(pattern(n, start: 0x19, step: 0x2F)),
            randomInput: { ecScalarBytes($0.bytes(n)) },
            measurementDivisor: publicKeyDivisor,
            run: { input in op(Array(input)) })
    }

    /// X25519 (`x25519-derive`) or X448 (`x448-derive`): the shared secret of a secret private
    /// key (any bytes: RFC 7748 clamps them) with a fixed peer public key.
    static func xDerive(x448: Bool) throws -> CTTarget {
        let length = x448 ? X448.keyLength : X25519.keyLength
        let peerPrivate = pattern(length, start: 0x77, step: 0x13)
        let peer = x448 ? try X448.publicKey(privateKey: peerPrivate) : try X25519.publicKey(privateKey: peerPrivate)
        let name = x448 ? "X448" : "X25519"
        return CTTarget(
            name: x448 ? "x448-derive" : "x25519-derive",
            summary: "\(name) shared secret with a fixed peer (private key secret)",
            fixedInput: pattern(length, start: 0x0F, step: 0x25),
            measurementDivisor: publicKeyDivisor,
            run: { input in
                let k = Array(input)
                let z =
                    x448
                    ? try? X448.sharedSecret(privateKey: k, peerPublicKey: peer)
                    : try? X25519.sharedSecret(privateKey: k, peerPublicKey: peer)
                return z ?? []
            })
    }

    /// Ed25519 (`ed25519-sign`) or Ed448 (`ed448-sign`): the key from a secret seed (its public
    /// key [s]B), then the signature of a public 32-byte message that is fresh on every call of
    /// either class (``PublicStream``; the first call of a new target signs the stream's first
    /// message). With one fixed message, class 0's signature was fixed too, and the public steps
    /// after signing ran on one repeated value against random ones: |t| 9.79 and 76.37 in
    /// session 12 (docs/constant-time.md, "Elliptic curves").
    /// - Parameters:
    ///   - ed448: Ed448 instead of Ed25519.
    ///   - control: the A/A control (`ed25519-sign-control`, `ed448-sign-control`): class 1's
    ///     seed is the fixed seed too, so the classes differ only in which class a call is.
    static func edSign(ed448: Bool, control: Bool = false) -> CTTarget {
        let length = ed448 ? 57 : 32
        let stream = PublicStream()
        let fixed = pattern(length, start: 0x9D, step: 0x31)
        let curve = ed448 ? "Ed448" : "Ed25519"
        let sameSeed: @Sendable (inout CTRandom) -> [UInt8] = { _ in fixed }
        let name = (ed448 ? "ed448-sign" : "ed25519-sign") + (control ? "-control" : "")
        let summary =
            "\(curve): key from a seed, then sign a fresh public 32-byte message (seed secret)"
            + (control ? "; A/A control: both classes use the fixed seed" : "")
        return CTTarget(
            name: name, summary: summary, fixedInput: fixed, randomInput: control ? sameSeed : nil,
            measurementDivisor: publicKeyDivisor,
            run: { input in
                let seed = Array(input)
                let message = stream.digest()
                if ed448 {
                    return (try? Ed448PrivateKey(rawRepresentation: seed).signature(for: message)) ?? []
                }
                return (try? Ed25519PrivateKey(rawRepresentation: seed).signature(for: message)) ?? []
            })
    }

    /// `ed25519-keygen`: the first step of `ed25519-sign` alone, the key from a secret seed
    /// (SHA-512 of the seed, the clamped scalar s, [s]B and its encoding A); returns A.
    static func ed25519Keygen() -> CTTarget {
        CTTarget(
            name: "ed25519-keygen",
            summary: "Ed25519: key from a seed (SHA-512, [s]B, encoding of A) alone (seed secret)",
            fixedInput: pattern(32, start: 0x9D, step: 0x31),
            measurementDivisor: publicKeyDivisor,
            run: { input in (try? Ed25519PrivateKey(rawRepresentation: Array(input)).publicKey.rawRepresentation) ?? []
            })
    }

    /// `ed25519-public-decode`: `Ed25519PublicKey(rawRepresentation:)`, the decoding of a
    /// public key A (OpenSSL's `ge_frombytes_vartime`: a square root, then branches on whether
    /// it needs √−1 and on the sign of x). VARIABLE TIME by design: A is public. Class 0 is the
    /// public key of `ed25519-sign`'s fixed seed, class 1 those of random seeds (made untimed):
    /// what `ed25519-keygen` timed until session 14, when the private key decoded its own A
    /// (docs/constant-time.md, session 14). Shown, never failed.
    static func ed25519PublicDecode() -> CTTarget {
        let seed = pattern(32, start: 0x9D, step: 0x31)
        let fixed = (try? Ed25519PrivateKey(rawRepresentation: seed).publicKey.rawRepresentation) ?? seed
        return CTTarget(
            name: "ed25519-public-decode",
            summary:
                "Ed25519: decode a public key A (variable time on public data by design; fixed seed's A vs others)",
            kind: .known(reason: "public-key decoding is variable time in A by design (A is public)"),
            fixedInput: fixed,
            randomInput: { rng in
                (try? Ed25519PrivateKey(rawRepresentation: rng.bytes(32)).publicKey.rawRepresentation) ?? fixed
            },
            measurementDivisor: publicKeyDivisor,
            run: { input in
                (try? Ed25519PublicKey(rawRepresentation: Array(input)).rawRepresentation) ?? []
            })
    }

    /// `ed25519-sign-nonce`: the second step of `ed25519-sign` alone, signing with one key
    /// made once from the fixed seed; the input is the 32-byte message, so the secret that
    /// varies between the classes is the nonce r = SHA-512(prefix ‖ M) mod L (then [r]B, R and
    /// S = r + k·s). The message is public in Ed25519; here it stands for the nonce, the only
    /// way the API lets a caller choose r. Class 0's R and S repeat, as any fixed secret's
    /// public results do.
    static func ed25519SignNonce() throws -> CTTarget {
        let key = try Ed25519PrivateKey(rawRepresentation: pattern(32, start: 0x9D, step: 0x31))
        return CTTarget(
            name: "ed25519-sign-nonce",
            summary: "Ed25519: sign with a fixed key; the message, hence the nonce r, is the class's (nonce secret)",
            fixedInput: pattern(32, start: 0x3E, step: 0x17),
            measurementDivisor: publicKeyDivisor,
            run: { input in (try? key.signature(for: Array(input))) ?? [] })
    }
}
#endif

#if SM2
extension CTTargets {
    /// SM2 signing (GM/T 0003, `sm2-sign`) on the SM2 curve: the key made from a secret d
    /// (Q = d·G), then a signature on a fixed 32-byte e with a secret nonce k: k·G, the Fermat
    /// inverse of 1 + d, r·d and k − r·d mod n. dudect input: d's draw, then k's draw (fed to
    /// the random source in that order, as `ecdsa-p256-sign`); the draws are below n
    /// (0xFFFFFFFE…) by the first byte's 0x40..0x7F.
    static func sm2Sign() throws -> CTTarget {
        let curve = try ECCurve.named("SM2")
        let n = curve.orderByteCount
        @Sendable func op(_ draws: [UInt8]) -> [UInt8] {
            let feed = FeedGenerator(draws)
            guard let key = try? ECPrivateKey.generate(curve: curve, using: { try feed.next($0) }),
                let sig = try? SM2.signature(forDigest: signedDigest, privateKey: key, using: { try feed.next($0) })
            else { return [] }
            return limbBytes(sig.r) + limbBytes(sig.s)
        }
        let fixed = ecScalarBytes(pattern(n, start: 0x4E, step: 0x13)) + ecScalarBytes(pattern(n, start: 0x27, step: 5))
        return CTTarget(
            name: "sm2-sign",
            summary: "SM2: key from d (d·G), then sign a fixed 32-byte e (d and nonce k secret)",
            fixedInput: fixed, randomInput: { ecScalarBytes($0.bytes(n)) + ecScalarBytes($0.bytes(n)) },
            measurementDivisor: publicKeyDivisor,
            run: { input in op(Array(input)) })
    }
}
#endif
