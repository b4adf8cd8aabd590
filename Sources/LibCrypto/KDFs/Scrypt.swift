#if SCRYPT
/// scrypt (RFC 7914), OpenSSL's `SCRYPT` KDF (`id-scrypt`): PBKDF2-HMAC-SHA256 around `p`
/// independent ROMix passes of the Salsa20/8-based BlockMix.
///
/// Parameter checks follow OpenSSL 3.0 (`providers/implementations/kdfs/scrypt.c`), all made
/// before anything is allocated:
/// - N > 1 and a power of two, r ≥ 1, p ≥ 1;
/// - p·r ≤ 2^30 − 1 (`SCRYPT_PR_MAX`), N < 2^(16·r), 128·r·p ≤ `INT_MAX`;
/// - memory Blen + Vlen = 128·r·p + 128·r·(N + 2) = 128·r·(N + p + 2) bytes must not exceed
///   `maxMemory`, by default 1025 MiB (OpenSSL's `maxmem_bytes` default, `1025 * 1024 * 1024`).
/// Any failed check throws `invalidParameter` (OpenSSL: `EVP_R_MEMORY_LIMIT_EXCEEDED`).
///
/// scrypt is memory-hard by design: ROMix reads V at addresses that depend on the password.
public enum Scrypt {
    /// OpenSSL's default `maxmem_bytes`.
    public static let defaultMaxMemory = 1025 * 1024 * 1024

    /// Bytes OpenSSL (and this implementation) allocates for the parameters:
    /// 128·r·(N + p + 2), or nil if that does not fit in 64 bits.
    public static func memoryRequired(n: Int, r: Int, p: Int) -> Int? {
        guard n >= 0, r >= 0, p >= 0 else { return nil }
        let (np, o1) = n.addingReportingOverflow(p)
        let (np2, o2) = np.addingReportingOverflow(2)
        let (rr, o3) = r.multipliedReportingOverflow(by: 128)
        let (total, o4) = rr.multipliedReportingOverflow(by: np2)
        return o1 || o2 || o3 || o4 ? nil : total
    }

    /// Derives `length` bytes.
    /// - Throws: `invalidParameter` if a parameter is out of range or the memory needed
    ///   exceeds `maxMemory` (checked before allocating).
    public static func derive(
        password: [UInt8], salt: [UInt8], n: Int, r: Int, p: Int, length: Int,
        maxMemory: Int = defaultMaxMemory
    ) throws -> [UInt8] {
        guard n > 1, n & (n - 1) == 0 else {
            throw CryptoError(.invalidParameter, "scrypt N must be a power of 2 greater than 1, got \(n)")
        }
        guard r >= 1, p >= 1 else {
            throw CryptoError(.invalidParameter, "scrypt r and p must be at least 1, got r=\(r) p=\(p)")
        }
        guard length >= 1 else {
            throw CryptoError(.invalidParameter, "scrypt output length must be at least 1, got \(length)")
        }
        guard maxMemory >= 1 else {
            throw CryptoError(.invalidParameter, "scrypt maxmem must be at least 1, got \(maxMemory)")
        }
        let prMax = (1 << 30) - 1
        guard p <= prMax / r else {
            throw CryptoError(.invalidParameter, "scrypt p·r must be below 2^30 (memory limit exceeded)")
        }
        if 16 * r <= 63, UInt64(n) >= (UInt64(1) << UInt64(16 * r)) {
            throw CryptoError(.invalidParameter, "scrypt N must be below 2^(16·r) (memory limit exceeded)")
        }
        let bLen = p * 128 * r
        guard bLen <= Int(Int32.max) else {
            throw CryptoError(.invalidParameter, "scrypt 128·r·p exceeds INT_MAX (memory limit exceeded)")
        }
        guard let total = memoryRequired(n: n, r: r, p: p), total <= maxMemory else {
            throw CryptoError(
                .invalidParameter,
                "scrypt needs 128·r·(N + p + 2) bytes, more than maxmem \(maxMemory) (memory limit exceeded)")
        }

        var b = try PBKDF2.derive(SHA256.self, password: password, salt: salt, iterations: 1, length: bLen)
        let words = 32 * r
        // X, T (BlockMix output) and V, as one allocation of 32·r·(N + 2) words.
        let work = UnsafeMutablePointer<UInt32>.allocate(capacity: words * (n + 2))
        defer {
            SecretWipe.wipe(work, count: words * (n + 2) * MemoryLayout<UInt32>.stride)
            work.deallocate()
        }
        b.withUnsafeMutableBytes { bp in
            for i in 0..<p {
                let chunk = bp.baseAddress! + 128 * r * i
                for w in 0..<words {
                    work[w] = UInt32(littleEndian: chunk.loadUnaligned(fromByteOffset: 4 * w, as: UInt32.self))
                }
                roMix(work, r: r, n: n)
                for w in 0..<words {
                    chunk.storeBytes(of: work[w].littleEndian, toByteOffset: 4 * w, as: UInt32.self)
                }
            }
        }
        let out = try PBKDF2.derive(SHA256.self, password: password, salt: b, iterations: 1, length: length)
        for i in b.indices { b[i] = 0 }
        return out
    }

    /// BlockMix (RFC 7914 section 4) on 128·r little-endian bytes, for the section 9 vector.
    static func blockMix(bytes: [UInt8], r: Int) -> [UInt8] {
        let words = 32 * r
        let work = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * words)
        defer { work.deallocate() }
        load(bytes, into: work, words: words)
        blockMix(work, into: work + words, r: r)
        return store(work + words, words: words)
    }

    /// ROMix (RFC 7914 section 5) on 128·r little-endian bytes, for the section 10 vector.
    static func roMix(bytes: [UInt8], n: Int, r: Int) -> [UInt8] {
        let words = 32 * r
        let work = UnsafeMutablePointer<UInt32>.allocate(capacity: words * (n + 2))
        defer { work.deallocate() }
        load(bytes, into: work, words: words)
        roMix(work, r: r, n: n)
        return store(work, words: words)
    }

    private static func load(_ bytes: [UInt8], into p: UnsafeMutablePointer<UInt32>, words: Int) {
        for w in 0..<words {
            p[w] =
                UInt32(bytes[4 * w]) | UInt32(bytes[4 * w + 1]) << 8 | UInt32(bytes[4 * w + 2]) << 16 | UInt32(
                    bytes[4 * w + 3]) << 24
        }
    }

    private static func store(_ p: UnsafeMutablePointer<UInt32>, words: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4 * words)
        for w in 0..<words {
            for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: p[w] >> (8 * UInt32(k)))) }
        }
        return out
    }

    /// RFC 7914 section 5 on X = work[0..<32r], with T = work[32r..<64r] and V after it.
    private static func roMix(_ work: UnsafeMutablePointer<UInt32>, r: Int, n: Int) {
        let words = 32 * r
        var x = work
        var t = work + words
        let v = work + 2 * words
        for i in 0..<n {
            (v + i * words).update(from: x, count: words)
            blockMix(x, into: t, r: r)
            swap(&x, &t)
        }
        let mask = UInt64(n - 1)
        let last = 16 * (2 * r - 1)
        for _ in 0..<n {
            let j = Int((UInt64(x[last]) | UInt64(x[last + 1]) << 32) & mask)
            let vj = v + j * words
            for w in 0..<words { x[w] ^= vj[w] }
            blockMix(x, into: t, r: r)
            swap(&x, &t)
        }
        if x != work { work.update(from: x, count: words) }
    }

    /// RFC 7914 section 4: Y_i = Salsa20/8(Y_{i−1} ⊕ B_i), written out as the even Y then the odd.
    @inline(__always)
    private static func blockMix(
        _ input: UnsafeMutablePointer<UInt32>, into output: UnsafeMutablePointer<UInt32>, r: Int
    ) {
        let l = input + 16 * (2 * r - 1)
        var x0 = l[0]
        var x1 = l[1]
        var x2 = l[2]
        var x3 = l[3]
        var x4 = l[4]
        var x5 = l[5]
        var x6 = l[6]
        var x7 = l[7]
        var x8 = l[8]
        var x9 = l[9]
        var x10 = l[10]
        var x11 = l[11]
        var x12 = l[12]
        var x13 = l[13]
        var x14 = l[14]
        var x15 = l[15]
        for i in 0..<(2 * r) {
            let bi = input + 16 * i
            x0 ^= bi[0]
            x1 ^= bi[1]
            x2 ^= bi[2]
            x3 ^= bi[3]
            x4 ^= bi[4]
            x5 ^= bi[5]
            x6 ^= bi[6]
            x7 ^= bi[7]
            x8 ^= bi[8]
            x9 ^= bi[9]
            x10 ^= bi[10]
            x11 ^= bi[11]
            x12 ^= bi[12]
            x13 ^= bi[13]
            x14 ^= bi[14]
            x15 ^= bi[15]
            let s0 = x0
            let s1 = x1
            let s2 = x2
            let s3 = x3
            let s4 = x4
            let s5 = x5
            let s6 = x6
            let s7 = x7
            let s8 = x8
            let s9 = x9
            let s10 = x10
            let s11 = x11
            let s12 = x12
            let s13 = x13
            let s14 = x14
            let s15 = x15
            for _ in 0..<4 {
                // Columns.
                x4 ^= rotl(x0 &+ x12, 7)
                x8 ^= rotl(x4 &+ x0, 9)
                x12 ^= rotl(x8 &+ x4, 13)
                x0 ^= rotl(x12 &+ x8, 18)
                x9 ^= rotl(x5 &+ x1, 7)
                x13 ^= rotl(x9 &+ x5, 9)
                x1 ^= rotl(x13 &+ x9, 13)
                x5 ^= rotl(x1 &+ x13, 18)
                x14 ^= rotl(x10 &+ x6, 7)
                x2 ^= rotl(x14 &+ x10, 9)
                x6 ^= rotl(x2 &+ x14, 13)
                x10 ^= rotl(x6 &+ x2, 18)
                x3 ^= rotl(x15 &+ x11, 7)
                x7 ^= rotl(x3 &+ x15, 9)
                x11 ^= rotl(x7 &+ x3, 13)
                x15 ^= rotl(x11 &+ x7, 18)
                // Rows.
                x1 ^= rotl(x0 &+ x3, 7)
                x2 ^= rotl(x1 &+ x0, 9)
                x3 ^= rotl(x2 &+ x1, 13)
                x0 ^= rotl(x3 &+ x2, 18)
                x6 ^= rotl(x5 &+ x4, 7)
                x7 ^= rotl(x6 &+ x5, 9)
                x4 ^= rotl(x7 &+ x6, 13)
                x5 ^= rotl(x4 &+ x7, 18)
                x11 ^= rotl(x10 &+ x9, 7)
                x8 ^= rotl(x11 &+ x10, 9)
                x9 ^= rotl(x8 &+ x11, 13)
                x10 ^= rotl(x9 &+ x8, 18)
                x12 ^= rotl(x15 &+ x14, 7)
                x13 ^= rotl(x12 &+ x15, 9)
                x14 ^= rotl(x13 &+ x12, 13)
                x15 ^= rotl(x14 &+ x13, 18)
            }
            x0 &+= s0
            x1 &+= s1
            x2 &+= s2
            x3 &+= s3
            x4 &+= s4
            x5 &+= s5
            x6 &+= s6
            x7 &+= s7
            x8 &+= s8
            x9 &+= s9
            x10 &+= s10
            x11 &+= s11
            x12 &+= s12
            x13 &+= s13
            x14 &+= s14
            x15 &+= s15
            let y = output + 16 * ((i & 1) * r + (i >> 1))
            y[0] = x0
            y[1] = x1
            y[2] = x2
            y[3] = x3
            y[4] = x4
            y[5] = x5
            y[6] = x6
            y[7] = x7
            y[8] = x8
            y[9] = x9
            y[10] = x10
            y[11] = x11
            y[12] = x12
            y[13] = x13
            y[14] = x14
            y[15] = x15
        }
    }

    @inline(__always)
    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }
}
#endif
