#if ARIA
/// ARIA (RFC 5794; KS X 1213), a 128-bit block cipher with 128-, 192- and 256-bit keys: 12, 14
/// or 16 rounds of a substitution-permutation network.
///
/// Not constant time. Like OpenSSL's C code (`crypto/aria/aria.c`), each round works on four
/// 32-bit words and makes sixteen lookups in four 1 KiB tables that combine the S-boxes
/// SB1...SB4 with the part of the diffusion layer A that mixes the bytes of one word; the rest
/// of A is word XORs, rotations and byte swaps. The tables are built on first use from the
/// S-boxes' algebraic definitions (RFC 5794 section 2.4.2) and indexed by bytes of
/// `state ^ round key`, as are the key schedule's FO/FE; those secret-indexed lookups can leak
/// through the cache. The round-key XORs use no tables.
public struct ARIA: BlockCipher {
    /// The block length in bytes (16).
    public static let blockSize = 16
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.oneOf([16, 24, 32])

    /// 12, 14 or 16.
    let rounds: Int
    /// ek1...ek(n+1), four big-endian words each, in the order encryption uses them.
    let encryptionKeys: InlineArray<68, UInt32>
    /// dk1...dk(n+1): ek(n+1), A(ek(n)), ..., A(ek2), ek1.
    let decryptionKeys: InlineArray<68, UInt32>

    /// Expands `key` into the key schedule (RFC 5794 section 2.2).
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "ARIA")
        func be64(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for j in 0..<8 { v = v << 8 | UInt64(i + j < key.count ? key[i + j] : 0) }
            return v
        }
        // KL || KR = MK || 0...0 (256 bits).
        let kl = W128(be64(0), be64(8))
        let kr = W128(be64(16), be64(24))
        let c = (
            W128(0x517c_c1b7_2722_0a94, 0xfe13_abe8_fa9a_6ee0),
            W128(0x6db1_4acc_9e21_c820, 0xff28_b1d5_ef5d_e2b0),
            W128(0xdb92_371d_2126_e970, 0x0324_9775_04e8_c90e)
        )
        // CK1, CK2, CK3 = C1, C2, C3 / C2, C3, C1 / C3, C1, C2 for 128-, 192-, 256-bit keys.
        let ck =
            switch key.count {
            case 16: (c.0, c.1, c.2)
            case 24: (c.1, c.2, c.0)
            default: (c.2, c.0, c.1)
            }
        let n = key.count / 4 + 8
        rounds = n

        let w0 = kl
        let w1 = Self.roundFunction(w0, ck.0, odd: true) ^ kr
        let w2 = Self.roundFunction(w1, ck.1, odd: false) ^ w0
        let w3 = Self.roundFunction(w2, ck.2, odd: true) ^ w1
        let w = [w0, w1, w2, w3]
        var e = InlineArray<68, UInt32>(repeating: 0)
        var d = InlineArray<68, UInt32>(repeating: 0)
        // ek1...ek17 = W(i) ^ (W(i+1) >>> r) for r = 19, 31, 128 - 61, 128 - 31, then
        // W0 ^ (W1 <<< 19); only the first n + 1 are used.
        let rotations = [19, 31, 128 - 61, 128 - 31, 128 - 19]
        for i in 0...n {
            let ek = w[i % 4] ^ w[(i + 1) % 4].rotr(rotations[i / 4])
            let dk = i == 0 || i == n ? ek : ek.diffused
            for (j, word) in ek.words.enumerated() { e[4 * i + j] = word }
            for (j, word) in dk.words.enumerated() { d[4 * (n - i) + j] = word }
        }
        encryptionKeys = e
        decryptionKeys = d
    }

    /// Encrypts the 16-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        encryptionKeys.span.withUnsafeBufferPointer { Self.crypt(block, output, $0.baseAddress!, rounds) }
    }

    /// Decrypts the 16-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        decryptionKeys.span.withUnsafeBufferPointer { Self.crypt(block, output, $0.baseAddress!, rounds) }
    }

    /// RFC 5794 section 2.3 over a round-key list in use order: FO in odd rounds, FE in even
    /// ones up to round n - 1, then SL2 without diffusion and the last key.
    @inline(__always)
    static func crypt(
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ k: UnsafePointer<UInt32>, _ rounds: Int
    ) {
        tables.withUnsafeBufferPointer { tp in
            let t = tp.baseAddress!
            var s0 = UInt32(bigEndian: input.loadUnaligned(as: UInt32.self)) ^ k[0]
            var s1 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) ^ k[1]
            var s2 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) ^ k[2]
            var s3 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) ^ k[3]
            oddRound(&s0, &s1, &s2, &s3, t)
            var k = k + 4
            s0 ^= k[0]
            s1 ^= k[1]
            s2 ^= k[2]
            s3 ^= k[3]
            // Rounds 2...n-1 in (FE, FO) pairs.
            for _ in 0..<(rounds - 2) / 2 {
                evenRound(&s0, &s1, &s2, &s3, t)
                s0 ^= k[4]
                s1 ^= k[5]
                s2 ^= k[6]
                s3 ^= k[7]
                oddRound(&s0, &s1, &s2, &s3, t)
                s0 ^= k[8]
                s1 ^= k[9]
                s2 ^= k[10]
                s3 ^= k[11]
                k += 8
            }
            k += 4
            s0 = lastRound(s0, t) ^ k[0]
            s1 = lastRound(s1, t) ^ k[1]
            s2 = lastRound(s2, t) ^ k[2]
            s3 = lastRound(s3, t) ^ k[3]
            output.storeBytes(of: s0.bigEndian, as: UInt32.self)
            output.storeBytes(of: s1.bigEndian, toByteOffset: 4, as: UInt32.self)
            output.storeBytes(of: s2.bigEndian, toByteOffset: 8, as: UInt32.self)
            output.storeBytes(of: s3.bigEndian, toByteOffset: 12, as: UInt32.self)
        }
    }

    /// A(SL1(x)) on the four big-endian words of the state: SB1 SB2 SB3 SB4 on the bytes of
    /// each word through the tables (which also mix the word's bytes), then the word-level
    /// part of A.
    @inline(__always)
    static func oddRound(
        _ s0: inout UInt32, _ s1: inout UInt32, _ s2: inout UInt32, _ s3: inout UInt32, _ t: UnsafePointer<UInt32>
    ) {
        s0 = substitute(s0, t, 0, 256, 512, 768)
        s1 = substitute(s1, t, 0, 256, 512, 768)
        s2 = substitute(s2, t, 0, 256, 512, 768)
        s3 = substitute(s3, t, 0, 256, 512, 768)
        mixWords(&s0, &s1, &s2, &s3)
        s1 = swapBytePairs(s1)
        s2 = s2.rotatedRight16
        s3 = s3.byteSwapped
        mixWords(&s0, &s1, &s2, &s3)
    }

    /// A(SL2(x)): SB3 SB4 SB1 SB2 on the bytes of each word, then the word-level part of A
    /// with the byte moves on the other words.
    @inline(__always)
    static func evenRound(
        _ s0: inout UInt32, _ s1: inout UInt32, _ s2: inout UInt32, _ s3: inout UInt32, _ t: UnsafePointer<UInt32>
    ) {
        s0 = substitute(s0, t, 512, 768, 0, 256)
        s1 = substitute(s1, t, 512, 768, 0, 256)
        s2 = substitute(s2, t, 512, 768, 0, 256)
        s3 = substitute(s3, t, 512, 768, 0, 256)
        mixWords(&s0, &s1, &s2, &s3)
        s3 = swapBytePairs(s3)
        s0 = s0.rotatedRight16
        s1 = s1.byteSwapped
        mixWords(&s0, &s1, &s2, &s3)
    }

    /// SL2 of one word without diffusion: each table entry holds its S-box value in the low
    /// byte (SB4's also in the second byte).
    @inline(__always)
    static func lastRound(_ x: UInt32, _ t: UnsafePointer<UInt32>) -> UInt32 {
        (t[512 + Int(x &>> 24)] & 0xff) &<< 24 | (t[768 + Int((x &>> 16) & 0xff)] & 0xff00) &<< 8
            | (t[Int((x &>> 8) & 0xff)] & 0xff) &<< 8 | t[256 + Int(x & 0xff)] & 0xff
    }

    /// The table lookups for one word: the bytes, most significant first, index the tables at
    /// offsets `a`, `b`, `c`, `d`.
    @inline(__always)
    static func substitute(_ x: UInt32, _ t: UnsafePointer<UInt32>, _ a: Int, _ b: Int, _ c: Int, _ d: Int) -> UInt32 {
        t[a + Int(x &>> 24)] ^ t[b + Int((x &>> 16) & 0xff)] ^ t[c + Int((x &>> 8) & 0xff)] ^ t[d + Int(x & 0xff)]
    }

    /// The word-level XOR network of A.
    @inline(__always)
    static func mixWords(_ s0: inout UInt32, _ s1: inout UInt32, _ s2: inout UInt32, _ s3: inout UInt32) {
        s1 ^= s2
        s2 ^= s3
        s0 ^= s1
        s3 ^= s1
        s2 ^= s0
        s1 ^= s2
    }

    /// Bytes b0 b1 b2 b3 to b1 b0 b3 b2.
    @inline(__always)
    static func swapBytePairs(_ x: UInt32) -> UInt32 { (x &<< 8) & 0xff00_ff00 | (x &>> 8) & 0x00ff_00ff }

    /// FO (odd) or FE (even) of RFC 5794 section 2.4.1: A(SL(d ^ rk)), for the key schedule.
    static func roundFunction(_ d: W128, _ rk: W128, odd: Bool) -> W128 {
        let x = (d ^ rk).words
        var (s0, s1, s2, s3) = (x[0], x[1], x[2], x[3])
        tables.withUnsafeBufferPointer { tp in
            if odd {
                oddRound(&s0, &s1, &s2, &s3, tp.baseAddress!)
            } else {
                evenRound(&s0, &s1, &s2, &s3, tp.baseAddress!)
            }
        }
        return W128(words: s0, s1, s2, s3)
    }

    /// A 128-bit value as two big-endian 64-bit halves, for the key schedule.
    struct W128 {
        var hi: UInt64, lo: UInt64
        init(_ hi: UInt64, _ lo: UInt64) {
            self.hi = hi
            self.lo = lo
        }

        init(words w0: UInt32, _ w1: UInt32, _ w2: UInt32, _ w3: UInt32) {
            self.init(UInt64(w0) << 32 | UInt64(w1), UInt64(w2) << 32 | UInt64(w3))
        }

        /// The four big-endian 32-bit words, most significant first.
        var words: [UInt32] {
            [
                UInt32(truncatingIfNeeded: hi >> 32), UInt32(truncatingIfNeeded: hi),
                UInt32(truncatingIfNeeded: lo >> 32), UInt32(truncatingIfNeeded: lo),
            ]
        }

        /// A(self), the diffusion layer alone (RFC 5794 section 2.4.3), for decryption keys:
        /// each byte becomes the XOR of the other three of its word, then the word-level part
        /// as in an odd round.
        var diffused: W128 {
            let w = words
            var (s0, s1, s2, s3) = (w[0], w[1], w[2], w[3])
            func mixBytes(_ x: UInt32) -> UInt32 { x.rotatedRight(8) ^ x.rotatedRight16 ^ x.rotatedRight(24) }
            s0 = mixBytes(s0)
            s1 = mixBytes(s1)
            s2 = mixBytes(s2)
            s3 = mixBytes(s3)
            mixWords(&s0, &s1, &s2, &s3)
            s1 = swapBytePairs(s1)
            s2 = s2.rotatedRight16
            s3 = s3.byteSwapped
            mixWords(&s0, &s1, &s2, &s3)
            return W128(words: s0, s1, s2, s3)
        }

        /// Rotation right by `n` bits (0 < n < 128).
        func rotr(_ n: Int) -> W128 {
            let (h, l) = n >= 64 ? (lo, hi) : (hi, lo)
            let m = UInt64(n & 63)
            guard m != 0 else { return W128(h, l) }
            return W128(h >> m | l << (64 - m), l >> m | h << (64 - m))
        }

        static func ^ (a: W128, b: W128) -> W128 { W128(a.hi ^ b.hi, a.lo ^ b.lo) }
    }

    /// The four round tables, 256 words each: SB1(x)·0x00010101, SB2(x)·0x01000101,
    /// SB3(x)·0x01010001, SB4(x)·0x01010100 — each S-box output copied into the three other
    /// bytes of its word (the byte-mixing part of A) for the word position it serves in SL1,
    /// and (for SL2's positions) the matching arrangement, since A's word-level part is
    /// applied to other words in even rounds.
    ///
    /// SB1, SB2, SB3 = SB1⁻¹, SB4 = SB2⁻¹ (RFC 5794 section 2.4.2). Both S-boxes are affine
    /// maps of a power in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1: SB1(x) = A·x^-1 ⊕ 0x63 (the
    /// AES S-box) and SB2(x) = B·x^247 ⊕ 0xE2 (0 maps through the affine part alone).
    static let tables: [UInt32] = {
        func mul(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var a = a
            var b = b
            var r: UInt8 = 0
            while b != 0 {
                if b & 1 != 0 { r ^= a }
                a = (a << 1) ^ (a & 0x80 != 0 ? 0x1b : 0)
                b >>= 1
            }
            return r
        }
        func power(_ x: UInt8, _ e: Int) -> UInt8 {
            var r: UInt8 = 1
            for _ in 0..<e { r = mul(r, x) }
            return r
        }
        // Rows of B as bit masks: bit c of row r is B[r][c], bit 0 being the least significant.
        let bRows: [UInt8] = [0x7a, 0xbc, 0xeb, 0xb9, 0x34, 0x81, 0xba, 0xcb]
        var t = [UInt32](repeating: 0, count: 1024)
        for v in 0..<256 {
            let x = UInt8(v)
            let inv = x == 0 ? 0 : power(x, 254)
            var s1: UInt8 = 0x63
            for i in 0..<8 {
                let bit =
                    (inv >> i) ^ (inv >> ((i + 4) & 7)) ^ (inv >> ((i + 5) & 7)) ^ (inv >> ((i + 6) & 7))
                    ^ (inv >> ((i + 7) & 7))
                s1 ^= (bit & 1) << i
            }
            let p = x == 0 ? 0 : power(x, 247)
            var s2: UInt8 = 0xe2
            for r in 0..<8 { s2 ^= UInt8((bRows[r] & p).nonzeroBitCount & 1) << r }
            t[v] = UInt32(s1) &* 0x0001_0101
            t[256 + v] = UInt32(s2) &* 0x0100_0101
            t[512 + Int(s1)] = UInt32(x) &* 0x0101_0001
            t[768 + Int(s2)] = UInt32(x) &* 0x0101_0100
        }
        return t
    }()
}

extension UInt32 {
    /// Rotation right by `n` bits (0 < n < 32).
    @inline(__always)
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { self &>> n | self &<< (32 - n) }

    /// Rotation by 16 bits: b0 b1 b2 b3 to b2 b3 b0 b1.
    @inline(__always)
    fileprivate var rotatedRight16: UInt32 { self &>> 16 | self &<< 16 }
}
#endif
