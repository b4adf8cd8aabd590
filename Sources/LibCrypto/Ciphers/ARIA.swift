#if ARIA
/// ARIA (RFC 5794; KS X 1213), a 128-bit block cipher with 128-, 192- and 256-bit keys: 12, 14
/// or 16 rounds of a substitution-permutation network.
///
/// Not constant time. Each round's substitution layer is sixteen lookups in the byte S-boxes
/// SB1...SB4 (1 KiB, built once from their algebraic definitions in RFC 5794 section 2.4.2),
/// indexed by bytes of `state ^ round key`; the key schedule's FO/FE make the same lookups on
/// key material. OpenSSL's C code (`crypto/aria/aria.c`) is table-based in the same way, and
/// those secret-indexed lookups can leak through the cache. The diffusion layer A and the
/// round-key XORs use no tables.
public struct ARIA: BlockCipher {
    /// The block length in bytes (16).
    public static let blockSize = 16
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.oneOf([16, 24, 32])

    /// 12, 14 or 16.
    let rounds: Int
    /// ek1...ek(n+1), 16 bytes each, in the order encryption uses them.
    let encryptionKeys: InlineArray<272, UInt8>
    /// dk1...dk(n+1): ek(n+1), A(ek(n)), ..., A(ek2), ek1.
    let decryptionKeys: InlineArray<272, UInt8>

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
        let c: [W128] = [
            W128(0x517c_c1b7_2722_0a94, 0xfe13_abe8_fa9a_6ee0),
            W128(0x6db1_4acc_9e21_c820, 0xff28_b1d5_ef5d_e2b0),
            W128(0xdb92_371d_2126_e970, 0x0324_9775_04e8_c90e),
        ]
        let first = (key.count - 16) / 8  // CK1 = C1, C2 or C3 for 128-, 192-, 256-bit keys
        let ck = [c[first], c[(first + 1) % 3], c[(first + 2) % 3]]
        rounds = 12 + 2 * first

        let w0 = kl
        let w1 = Self.roundFunction(w0, ck[0], odd: true) ^ kr
        let w2 = Self.roundFunction(w1, ck[1], odd: false) ^ w0
        let w3 = Self.roundFunction(w2, ck[2], odd: true) ^ w1
        let w = [w0, w1, w2, w3]
        var ek: [W128] = []
        for r in [19, 31, 128 - 61, 128 - 31] {
            for i in 0..<4 { ek.append(w[i] ^ w[(i + 1) % 4].rotr(r)) }
        }
        ek.append(w0 ^ w1.rotr(128 - 19))

        var e = InlineArray<272, UInt8>(repeating: 0)
        var d = InlineArray<272, UInt8>(repeating: 0)
        for i in 0...rounds {
            let enc = ek[i].bytes
            let dec = i == 0 || i == rounds ? ek[rounds - i].bytes : Self.diffuse(ek[rounds - i].bytes)
            for j in 0..<16 {
                e[16 * i + j] = enc[j]
                d[16 * i + j] = dec[j]
            }
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

    /// RFC 5794 section 2.3: rounds - 1 of FO/FE (odd rounds SL1, even rounds SL2), then the
    /// last round SL2 without diffusion and the final key.
    @inline(__always)
    static func crypt(
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ k: UnsafePointer<UInt8>, _ rounds: Int
    ) {
        sboxes.withUnsafeBufferPointer { sp in
            let s = sp.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { tmp in
                let x = tmp.baseAddress!
                let y = x + 16
                for i in 0..<16 { x[i] = input.load(fromByteOffset: i, as: UInt8.self) }
                var key = k
                for r in 0..<(rounds - 1) {
                    substitute(x, key, s, odd: r & 1 == 0)
                    diffuse(x, y)
                    for i in 0..<16 { x[i] = y[i] }
                    key += 16
                }
                substitute(x, key, s, odd: false)
                key += 16
                for i in 0..<16 { output.storeBytes(of: x[i] ^ key[i], toByteOffset: i, as: UInt8.self) }
                tmp.initialize(repeating: 0)
            }
        }
    }

    /// x = SL(x ^ key): SL1 (SB1 SB2 SB3 SB4 repeated) in odd rounds, SL2 (SB3 SB4 SB1 SB2)
    /// in even ones. `s` holds SB1, SB2, SB3, SB4 at offsets 0, 256, 512, 768.
    @inline(__always)
    static func substitute(
        _ x: UnsafeMutablePointer<UInt8>, _ key: UnsafePointer<UInt8>, _ s: UnsafePointer<UInt8>, odd: Bool
    ) {
        let (a, b, c, d) = odd ? (0, 256, 512, 768) : (512, 768, 0, 256)
        var i = 0
        while i < 16 {
            x[i] = s[a + Int(x[i] ^ key[i])]
            x[i + 1] = s[b + Int(x[i + 1] ^ key[i + 1])]
            x[i + 2] = s[c + Int(x[i + 2] ^ key[i + 2])]
            x[i + 3] = s[d + Int(x[i + 3] ^ key[i + 3])]
            i += 4
        }
    }

    /// The diffusion layer A (RFC 5794 section 2.4.3), an involution: y = A(x).
    @inline(__always)
    static func diffuse(_ x: UnsafePointer<UInt8>, _ y: UnsafeMutablePointer<UInt8>) {
        let x0 = x[0]
        let x1 = x[1]
        let x2 = x[2]
        let x3 = x[3]
        let x4 = x[4]
        let x5 = x[5]
        let x6 = x[6]
        let x7 = x[7]
        let x8 = x[8]
        let x9 = x[9]
        let x10 = x[10]
        let x11 = x[11]
        let x12 = x[12]
        let x13 = x[13]
        let x14 = x[14]
        let x15 = x[15]
        y[0] = x3 ^ x4 ^ x6 ^ x8 ^ x9 ^ x13 ^ x14
        y[1] = x2 ^ x5 ^ x7 ^ x8 ^ x9 ^ x12 ^ x15
        y[2] = x1 ^ x4 ^ x6 ^ x10 ^ x11 ^ x12 ^ x15
        y[3] = x0 ^ x5 ^ x7 ^ x10 ^ x11 ^ x13 ^ x14
        y[4] = x0 ^ x2 ^ x5 ^ x8 ^ x11 ^ x14 ^ x15
        y[5] = x1 ^ x3 ^ x4 ^ x9 ^ x10 ^ x14 ^ x15
        y[6] = x0 ^ x2 ^ x7 ^ x9 ^ x10 ^ x12 ^ x13
        y[7] = x1 ^ x3 ^ x6 ^ x8 ^ x11 ^ x12 ^ x13
        y[8] = x0 ^ x1 ^ x4 ^ x7 ^ x10 ^ x13 ^ x15
        y[9] = x0 ^ x1 ^ x5 ^ x6 ^ x11 ^ x12 ^ x14
        y[10] = x2 ^ x3 ^ x5 ^ x6 ^ x8 ^ x13 ^ x15
        y[11] = x2 ^ x3 ^ x4 ^ x7 ^ x9 ^ x12 ^ x14
        y[12] = x1 ^ x2 ^ x6 ^ x7 ^ x9 ^ x11 ^ x12
        y[13] = x0 ^ x3 ^ x6 ^ x7 ^ x8 ^ x10 ^ x13
        y[14] = x0 ^ x3 ^ x4 ^ x5 ^ x9 ^ x11 ^ x14
        y[15] = x1 ^ x2 ^ x4 ^ x5 ^ x8 ^ x10 ^ x15
    }

    /// A over a 16-byte array (key schedule only).
    static func diffuse(_ x: [UInt8]) -> [UInt8] {
        var y = [UInt8](repeating: 0, count: 16)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in diffuse(xp.baseAddress!, yp.baseAddress!) }
        }
        return y
    }

    /// FO (odd) or FE (even) of RFC 5794 section 2.4.1: A(SL(d ^ rk)), for the key schedule.
    static func roundFunction(_ d: W128, _ rk: W128, odd: Bool) -> W128 {
        var x = d.bytes
        let k = rk.bytes
        sboxes.withUnsafeBufferPointer { sp in
            x.withUnsafeMutableBufferPointer { xp in
                k.withUnsafeBufferPointer { kp in
                    substitute(xp.baseAddress!, kp.baseAddress!, sp.baseAddress!, odd: odd)
                }
            }
        }
        return W128(bytes: diffuse(x))
    }

    /// A 128-bit value as two big-endian 64-bit halves, for the key schedule.
    struct W128 {
        var hi: UInt64, lo: UInt64
        init(_ hi: UInt64, _ lo: UInt64) {
            self.hi = hi
            self.lo = lo
        }

        init(bytes b: [UInt8]) {
            var h: UInt64 = 0
            var l: UInt64 = 0
            for i in 0..<8 {
                h = h << 8 | UInt64(b[i])
                l = l << 8 | UInt64(b[8 + i])
            }
            self.init(h, l)
        }

        var bytes: [UInt8] {
            (0..<16).map { i in UInt8(truncatingIfNeeded: (i < 8 ? hi : lo) >> (56 - 8 * UInt64(i % 8))) }
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

    /// SB1, SB2, SB3 = SB1⁻¹, SB4 = SB2⁻¹ (RFC 5794 section 2.4.2), 256 bytes each.
    ///
    /// Both S-boxes are affine maps of a power in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1:
    /// SB1(x) = A·x^-1 ⊕ 0x63 (the AES S-box) and SB2(x) = B·x^247 ⊕ 0xE2 (0 maps through
    /// the affine part alone).
    static let sboxes: [UInt8] = {
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
        var t = [UInt8](repeating: 0, count: 1024)
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
            t[v] = s1
            t[256 + v] = s2
            t[512 + Int(s1)] = x
            t[768 + Int(s2)] = x
        }
        return t
    }()
}
#endif
