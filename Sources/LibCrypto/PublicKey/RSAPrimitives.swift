// The RSA primitives (RFC 8017 §5.1, §5.2: RSAEP/RSAVP1 and RSADP/RSASP1) on fixed-length limbs.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
//
// Timing.
//   - RSAPublicKey.rawPublicOperation: VARIABLE TIME (square-and-multiply on public e and a
//     public input: a ciphertext to send, a signature to verify).
//   - RSAPrivateKey.rawPrivateOperation: CONSTANT TIME in the input, the key's secret values
//     and the blinding factor. Every step runs on arrays whose lengths are the key's limb counts:
//     reductions by a secret prime are Montgomery products (`MontgomeryContext.toMontgomeryWide`,
//     `.reduceWide`; the one-time R² mod p at key set-up is bit-serial, `RSALimbs.reduce`), the
//     secret exponentiations are `MontgomeryContext.constantTimePower` (fixed window, masked
//     table scan) — for two 1024-bit primes on an AVX-512 IFMA CPU, the pair at once in
//     `MontgomeryContext.ifmaPowerPair` (LibCryptoASM/rsaz_ifma.c, same fixed window and masked
//     scan) —, products and sums are schoolbook loops without early exit. Powers by the
//     public e (r^e, the fault check y^e) are `publicExponentPower`: constant time in the secret
//     base, branching only on e's bits. The input is blinded (x·r^e, OpenSSL's BN_BLINDING, kept per key and squared
//     after each use, a new r every 32 uses: `RSABlinding`); r⁻¹ is computed as
//     (r·u)⁻¹·u for a second random u, so the variable-time Euclid sees only r·u, which is
//     independent of r. The fault check (y^e = x, RFC 8017 §5.2 note, OpenSSL's `vrfy` in
//     rsa_ossl_mod_exp) compares in constant time and declassifies one bit: whether a fault
//     happened; then the operation is redone without CRT, and a second mismatch throws.
//     Public: the limb counts, whether the key has primes, the number of blinding retries
//     (a retry happens with probability about 2^-(bits/2)).

/// Fixed-length limb arithmetic for the private operation: lengths are public, values secret;
/// no branch, loop bound or index depends on a value.
enum RSALimbs {
    /// `a` as exactly `count` limbs (`a` must fit).
    static func padded(_ a: [UInt64], _ count: Int) -> [UInt64] {
        if a.count >= count { return Array(a[0..<count]) }
        return a + [UInt64](repeating: 0, count: count - a.count)
    }

    /// `a mod m` as `m.count` limbs, bit by bit with a masked subtraction: time depends only on
    /// `a.count` and `m.count`. `m` must be positive.
    static func reduce(_ a: [UInt64], _ m: [UInt64]) -> [UInt64] {
        let k = m.count
        var r = [UInt64](repeating: 0, count: k + 1)
        var t = [UInt64](repeating: 0, count: k + 1)
        var bit = a.count * 64 - 1
        while bit >= 0 {
            var carry = (a[bit >> 6] >> UInt64(bit & 63)) & 1
            for j in 0...k {
                let next = r[j] >> 63
                r[j] = (r[j] << 1) | carry
                carry = next
            }
            var borrow: UInt64 = 0
            for j in 0...k {
                (t[j], borrow) = CTLimb.subtract(r[j], j < k ? m[j] : 0, borrow)
            }
            let keep = CTLimb.mask(borrow ^ 1)  // all ones when r ≥ m
            for j in 0...k { r[j] = CTLimb.select(keep, t[j], r[j]) }
            bit -= 1
        }
        return Array(r[0..<k])
    }

    /// `a·b`, `a.count + b.count` limbs.
    static func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            for j in 0..<b.count {
                (out[i + j], carry) = CTLimb.multiplyAdd(a[i], b[j], out[i + j], carry)
            }
            out[i + b.count] = carry
        }
        return out
    }

    /// `a + b`, `max(a.count, b.count) + 1` limbs.
    static func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let count = max(a.count, b.count)
        var out = [UInt64](repeating: 0, count: count + 1)
        var carry: UInt64 = 0
        for i in 0..<count {
            (out[i], carry) = CTLimb.add(i < a.count ? a[i] : 0, i < b.count ? b[i] : 0, carry)
        }
        out[count] = carry
        return out
    }

    /// `(a − b) mod m` for `a, b < m`, all `m.count` limbs: subtract, then add `m` back under a mask.
    static func subtractMod(_ a: [UInt64], _ b: [UInt64], _ m: [UInt64]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: m.count)
        var borrow: UInt64 = 0
        for i in 0..<m.count { (out[i], borrow) = CTLimb.subtract(a[i], b[i], borrow) }
        let mask = CTLimb.mask(borrow)
        var carry: UInt64 = 0
        for i in 0..<m.count { (out[i], carry) = CTLimb.add(out[i], m[i] & mask, carry) }
        return out
    }

    /// Whether `a` and `b` (same length) are equal, as an all-ones or zero mask.
    static func equalMask(_ a: [UInt64], _ b: [UInt64]) -> UInt64 {
        var diff: UInt64 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return ((diff | (0 &- diff)) >> 63) &- 1
    }

    /// Big-endian bytes of the limbs, exactly `length` bytes (the value must fit).
    static func bytes(_ a: [UInt64], length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        for i in 0..<min(length, a.count * 8) {
            out[length - 1 - i] = UInt8(truncatingIfNeeded: a[i >> 3] >> UInt64((i & 7) * 8))
        }
        return out
    }

    /// Overwrites the limbs with zeros.
    static func wipe(_ a: inout [UInt64]) { a.withUnsafeMutableBytes { SecretWipe.wipe($0) } }
}

extension MontgomeryContext {
    /// A context for a secret odd modulus (a prime of a private key), set up without division:
    /// `R² mod m` by the bit-serial constant-time reduction, `−m⁻¹ mod 2^64` by Newton's
    /// iteration (branch-free).
    /// - Parameter secretModulus: an odd number above 1.
    /// - Throws: `invalidParameter` for an even, negative or unit modulus.
    init(secretModulus mod: BigNum) throws {
        guard !mod.isNegative, mod.isOdd, !mod.isOne else {
            throw CryptoError(
                .invalidParameter, "Montgomery arithmetic needs an odd modulus", openSSL: .bnCalledWithEvenModulus)
        }
        modulus = mod
        n = mod.limbs.count
        m = mod.limbs
        var inv: UInt64 = m[0]
        for _ in 0..<6 { inv = inv &* (2 &- m[0] &* inv) }
        m0inv = 0 &- inv
        var r2 = [UInt64](repeating: 0, count: 2 * n + 1)
        r2[2 * n] = 1
        rr = RSALimbs.reduce(r2, m)
    }

    /// `a·b mod m` for reduced `n`-limb `a`, `b` (two Montgomery products), constant time.
    func multiplyReduced(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] { montMul(montMul(a, rr), b) }
}

/// OpenSSL's `BN_BLINDING` for one key: a pair `(A, Ai) = (r^e mod n, r⁻¹ mod n)` serves one
/// private operation and is then squared (the pair for `r²`: `A²`, `Ai²`); after 32 uses
/// (`BN_BLINDING_COUNTER`) a fresh `r` is drawn, so the variable-time inversion runs once per 32
/// operations. Shared by every copy of the key, behind a mutex; wiped when the key goes.
final class RSABlinding: @unchecked Sendable {
    /// Operations per random `r` (OpenSSL's `BN_BLINDING_COUNTER`).
    static let uses = 32
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var a: [UInt64] = []
    private var ai: [UInt64] = []
    private var remaining = 0

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
    }

    deinit {
        RSALimbs.wipe(&a)
        RSALimbs.wipe(&ai)
        pthread_mutex_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    /// The pair for one operation (`fresh()` when the current `r` is used up), after which the
    /// stored pair is squared modulo `ctx`'s modulus (constant-time products).
    func next(_ ctx: MontgomeryContext, fresh: () throws -> ([UInt64], [UInt64])) throws -> ([UInt64], [UInt64]) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if remaining == 0 {
            RSALimbs.wipe(&a)
            RSALimbs.wipe(&ai)
            (a, ai) = try fresh()
            remaining = Self.uses
        }
        let out = (a, ai)
        a = ctx.multiplyReduced(a, a)
        ai = ctx.multiplyReduced(ai, ai)
        remaining -= 1
        return out
    }
}

/// What a private key precomputes for its private operation (OpenSSL caches the same in its
/// `RSA` object: `_method_mod_n`, `_method_mod_p`, `_method_mod_q`).
struct RSAPrecomputed: Sendable {
    struct Prime: Sendable {
        let context: MontgomeryContext
        /// The CRT exponent, padded to the prime's limbs.
        let exponent: [UInt64]
        /// The CRT coefficient reduced modulo the prime it is used with: the first prime for the
        /// second prime's `q⁻¹ mod p`, the prime itself for later ones (empty for the first prime).
        let coefficient: [UInt64]
    }
    /// Montgomery context of `n` (public).
    let context: MontgomeryContext
    /// The public exponent's limbs.
    let e: [UInt64]
    /// The private exponent, padded to `n`'s limbs.
    let d: [UInt64]
    let primes: [Prime]
    /// The key's blinding pair, shared by its copies.
    let blinding = RSABlinding()

    init(publicKey: RSAPublicKey, privateExponent: BigNum, primes: [RSAPrimeInfo]) throws {
        context = try MontgomeryContext(modulus: publicKey.modulus)
        e = publicKey.publicExponent.limbs
        guard privateExponent.limbs.count <= context.n else {
            throw CryptoError(
                .invalidParameter, "RSA private exponent longer than the modulus", openSSL: .rsaValueMissing)
        }
        d = RSALimbs.padded(privateExponent.limbs, context.n)
        let contexts = try primes.map { try MontgomeryContext(secretModulus: $0.prime) }
        self.primes = primes.indices.map { i in
            let info = primes[i]
            let ctx = contexts[i]
            // The coefficient is used modulo the prime it belongs to, except the second prime's
            // (q⁻¹ mod p), which the recombination uses modulo the first prime: reducing it
            // modulo q corrupted it whenever q⁻¹ mod p ≥ q, and every operation then failed
            // its fault check and fell back to the slow path without CRT.
            let target = i == 1 ? contexts[0].m : ctx.m
            let coefficient = info.coefficient.map { RSALimbs.reduce($0.limbs.isEmpty ? [0] : $0.limbs, target) } ?? []
            return Prime(
                context: ctx, exponent: RSALimbs.padded(info.exponent.limbs, max(ctx.n, info.exponent.limbs.count)),
                coefficient: coefficient)
        }
    }
}

extension RSAPublicKey {
    /// Parses `input` as a number below the modulus (the checks of `rsa_ossl_public_decrypt`).
    func integer(from input: [UInt8]) throws -> BigNum {
        guard input.count <= byteCount else {
            throw CryptoError(
                .invalidLength, "\(input.count) bytes for a \(byteCount)-byte modulus",
                openSSL: .rsaDataGreaterThanModLen)
        }
        let x = try BigNum(bytes: input)
        guard x < modulus else {
            throw CryptoError(.invalidParameter, "input is not below the modulus", openSSL: .rsaDataTooLargeForModulus)
        }
        return x
    }

    /// RSAEP / RSAVP1: `input^e mod n` as ``byteCount`` bytes. VARIABLE TIME (public data).
    /// - Parameter input: at most ``byteCount`` big-endian bytes, a number below `n`.
    /// - Throws: `invalidLength` (`DATA_GREATER_THAN_MOD_LEN`) for a longer input,
    ///   `invalidParameter` (`DATA_TOO_LARGE_FOR_MODULUS`) for a number not below `n`.
    public func rawPublicOperation(_ input: [UInt8]) throws -> [UInt8] {
        let x = try integer(from: input)
        return try x.modExp(publicExponent, modulus: modulus).bytes(paddedTo: byteCount)
    }
}

extension RSAPrivateKey {
    /// RSADP / RSASP1: `input^d mod n` as ``RSAPublicKey/byteCount`` bytes, with CRT when the key
    /// has primes, base blinding and a fault check. CONSTANT TIME in the input and the key's
    /// secrets (see the note at the top of RSAPrimitives.swift).
    /// - Parameter input: at most `byteCount` big-endian bytes, a number below `n`.
    /// - Throws: `invalidLength` (`DATA_GREATER_THAN_MOD_LEN`) for a longer input,
    ///   `invalidParameter` (`DATA_TOO_LARGE_FOR_MODULUS`) for a number not below `n`;
    ///   `invalidParameter` if the result fails its check twice (an inconsistent key); whatever
    ///   the random source throws.
    public func rawPrivateOperation(_ input: [UInt8]) throws -> [UInt8] {
        let x = try publicKey.integer(from: input)
        return try privateOperation(x)
    }

    func privateOperation(_ x: BigNum) throws -> [UInt8] {
        let pre = precomputed
        let ctx = pre.context
        let k = ctx.n
        var xs = RSALimbs.padded(x.limbs, k)
        defer { RSALimbs.wipe(&xs) }
        var (re, rInverse) = try pre.blinding.next(ctx) {
            var (r, rInverse) = try blindingPair(using: { try Random.bytes(count: $0) })
            defer { RSALimbs.wipe(&r) }
            return (ctx.publicExponentPower(r, pre.e), rInverse)
        }
        defer {
            RSALimbs.wipe(&re)
            RSALimbs.wipe(&rInverse)
        }
        var blinded = ctx.multiplyReduced(xs, re)
        defer { RSALimbs.wipe(&blinded) }
        var y = pre.primes.isEmpty ? ctx.constantTimePower(blinded, pre.d) : crt(blinded)
        defer { RSALimbs.wipe(&y) }
        if !ConstantTime.declassify(RSALimbs.equalMask(ctx.publicExponentPower(y, pre.e), blinded) != 0) {
            y = ctx.constantTimePower(blinded, pre.d)
            guard ConstantTime.declassify(RSALimbs.equalMask(ctx.publicExponentPower(y, pre.e), blinded) != 0) else {
                throw CryptoError(.invalidParameter, "RSA private operation failed its consistency check")
            }
        }
        var out = ctx.multiplyReduced(y, rInverse)
        defer { RSALimbs.wipe(&out) }
        return RSALimbs.bytes(out, length: publicKey.byteCount)
    }

    /// A random blinding factor `r` in `[1, n)` and `r⁻¹ mod n`, both `n`-limb arrays.
    func blindingPair(using generator: BigNum.RandomBytes) throws -> ([UInt64], [UInt64]) {
        let ctx = precomputed.context
        for _ in 0..<32 {
            let r = try BigNum.random(below: modulus, using: generator)
            let u = try BigNum.random(below: modulus, using: generator)
            guard !r.isZero, !u.isZero else { continue }
            let rs = RSALimbs.padded(r.limbs, ctx.n)
            let us = RSALimbs.padded(u.limbs, ctx.n)
            let t = ctx.multiplyReduced(rs, us)
            guard let tInverse = try? BigNum(limbs: t).inverse(modulo: modulus) else { continue }
            return (rs, ctx.multiplyReduced(RSALimbs.padded(tInverse.limbs, ctx.n), us))
        }
        throw CryptoError(.invalidParameter, "no RSA blinding factor found")
    }

    /// `c^(d mod (prime − 1)) mod prime` for the CRT: the constant-time exponentiation of the
    /// prime's context (MULX or generic kernel).
    static func residue(_ c: [UInt64], _ prime: RSAPrecomputed.Prime) -> [UInt64] {
        prime.context.constantTimePower(prime.context.toMontgomeryWide(c), prime.exponent, montgomeryBase: true)
    }

    /// `c^d mod n` by the CRT (Garner's recombination, RFC 8017 §5.1.2 step 2b) for `c < n`.
    /// Two primes of 16 limbs (RSA-2048) use the IFMA kernel when the `ifma` path is selected
    /// (`MontgomeryContext.ifmaPowerPair`); everything else the Montgomery kernel.
    func crt(_ c: [UInt64]) -> [UInt64] {
        let primes = precomputed.primes
        let k = precomputed.context.n
        let p = primes[0]
        let q = primes[1]
        var residues: [[UInt64]]
        if primes.count == 2 && MontgomeryContext.ifmaSelected && p.context.n == MontgomeryContext.ifmaLimbs
            && q.context.n == MontgomeryContext.ifmaLimbs
        {
            // RSA-2048 (two 1024-bit primes): both exponentiations at once on AVX-512 IFMA.
            var cp = p.context.reduceWide(c)
            var cq = q.context.reduceWide(c)
            defer {
                RSALimbs.wipe(&cp)
                RSALimbs.wipe(&cq)
            }
            if let pair = MontgomeryContext.ifmaPowerPair(p.context, cp, p.exponent, q.context, cq, q.exponent) {
                residues = [pair.0, pair.1]
            } else {
                residues = primes.map { Self.residue(c, $0) }
            }
        } else {
            residues = primes.map { Self.residue(c, $0) }
        }
        defer { for i in residues.indices { RSALimbs.wipe(&residues[i]) } }
        // h = qInv·(m_p − m_q) mod p; m = m_q + q·h.
        let mq = p.context.reduceWide(residues[1])
        var h = p.context.multiplyReduced(RSALimbs.subtractMod(residues[0], mq, p.context.m), q.coefficient)
        var m = RSALimbs.add(residues[1], RSALimbs.multiply(h, q.context.m))
        var product = RSALimbs.multiply(p.context.m, q.context.m)
        for i in 2..<primes.count {
            let ctx = primes[i].context
            let mr = ctx.reduceWide(m)
            h = ctx.multiplyReduced(RSALimbs.subtractMod(residues[i], mr, ctx.m), primes[i].coefficient)
            m = RSALimbs.add(m, RSALimbs.multiply(h, product))
            product = RSALimbs.multiply(product, ctx.m)
        }
        RSALimbs.wipe(&h)
        return RSALimbs.padded(m, k)
    }
}

extension RSAPrivateKey {
    /// Calls `body` with every buffer that holds this key's secrets: `d`, each prime with its CRT
    /// exponent and coefficient, and their precomputed forms (padded `d`, the primes' Montgomery
    /// moduli and `R² mod p`, the padded exponents, the reduced coefficients). For the Valgrind
    /// constant-time run (`Sources/CTTargets`), which marks them undefined; package-only.
    package func visitSecretBuffers(_ body: (UnsafeRawBufferPointer) -> Void) {
        func visit(_ limbs: [UInt64]) { if !limbs.isEmpty { limbs.withUnsafeBytes(body) } }
        visit(privateExponent.limbs)
        for info in primes {
            visit(info.prime.limbs)
            visit(info.exponent.limbs)
            if let c = info.coefficient { visit(c.limbs) }
        }
        let pre = precomputed
        visit(pre.d)
        for prime in pre.primes {
            visit(prime.context.m)
            visit(prime.context.modulus.limbs)
            visit(prime.context.rr)
            visit(prime.exponent)
            visit(prime.coefficient)
        }
    }
}
