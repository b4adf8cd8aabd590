#if CAMELLIA
/// Camellia (RFC 3713), a 128-bit block cipher with 128-, 192- and 256-bit keys: 18 rounds for
/// 128-bit keys, 24 otherwise.
///
/// Not constant time. The F-function is evaluated with four 256-entry 32-bit tables that fold
/// the S-boxes s1...s4 into the P-function (4 KiB, built once from SBOX1), indexed by bytes of
/// `data ^ subkey`, as Camellia's byte-oriented S-box design calls for (OpenSSL's C code does
/// the same). Those lookups (8 per round, and 8 per F in the key schedule's KA/KB derivation)
/// are secret-indexed and can leak through the cache. FL/FL⁻¹, the whitening and the subkey
/// rotations use no tables.
public struct Camellia: BlockCipher {
    /// The block length in bytes (16).
    public static let blockSize = 16
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.oneOf([16, 24, 32])

    /// 3 for 128-bit keys (18 rounds), 4 otherwise (24 rounds): six-round groups.
    let groups: Int
    /// Subkeys as 32-bit halves in the order encryption uses them: kw1 kw2, then per six-round
    /// group k(6g+1)...k(6g+6) followed (between groups) by ke(2g+1) ke(2g+2), then kw3 kw4.
    let encryptionKeys: InlineArray<68, UInt32>
    /// The same layout filled for decryption (kw3 kw4 first, k in reverse, ke pairs swapped).
    let decryptionKeys: InlineArray<68, UInt32>

    /// Expands `key` into the key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "Camellia")
        func be64(_ i: Int) -> UInt64 {
            var v: UInt64 = 0
            for j in 0..<8 { v = v << 8 | UInt64(key[i + j]) }
            return v
        }
        let kl = U128(be64(0), be64(8))
        let kr: U128
        switch key.count {
        case 16: kr = U128(0, 0)
        case 24: kr = U128(be64(16), ~be64(16))
        default: kr = U128(be64(16), be64(24))
        }

        // RFC 3713 section 2.2: KA and KB.
        let sigma: [UInt64] = [
            0xa09e_667f_3bcc_908b, 0xb67a_e858_4caa_73b2, 0xc6ef_372f_e94f_82be,
            0x54ff_53a5_f1d3_6f1c, 0x10e5_27fa_de68_2d1d, 0xb056_88c2_b3e6_c1fd,
        ]
        let tables = Self.tables
        func f(_ x: UInt64, _ k: UInt64) -> UInt64 {
            tables.withUnsafeBufferPointer { t in
                let v = x ^ k
                let (l, r) = Self.f(UInt32(truncatingIfNeeded: v >> 32), UInt32(truncatingIfNeeded: v), t.baseAddress!)
                return UInt64(l) << 32 | UInt64(r)
            }
        }
        var d1 = kl.hi ^ kr.hi
        var d2 = kl.lo ^ kr.lo
        d2 ^= f(d1, sigma[0])
        d1 ^= f(d2, sigma[1])
        d1 ^= kl.hi
        d2 ^= kl.lo
        d2 ^= f(d1, sigma[2])
        d1 ^= f(d2, sigma[3])
        let ka = U128(d1, d2)
        d1 = ka.hi ^ kr.hi
        d2 = ka.lo ^ kr.lo
        d2 ^= f(d1, sigma[4])
        d1 ^= f(d2, sigma[5])
        let kb = U128(d1, d2)

        // Subkeys as 64-bit values in encryption order (kw1, kw2, k..., ke..., kw3, kw4).
        var sk: [UInt64] = []
        func halves(_ x: U128, _ n: Int) {
            let y = x.rotl(n)
            sk.append(y.hi)
            sk.append(y.lo)
        }
        if key.count == 16 {
            groups = 3
            halves(kl, 0)  // kw1 kw2
            halves(ka, 0)
            halves(kl, 15)
            halves(ka, 15)  // k1...k6
            halves(ka, 30)  // ke1 ke2
            halves(kl, 45)
            sk.append(ka.rotl(45).hi)
            sk.append(kl.rotl(60).lo)
            halves(ka, 60)  // k7...k12
            halves(kl, 77)  // ke3 ke4
            halves(kl, 94)
            halves(ka, 94)
            halves(kl, 111)  // k13...k18
            halves(ka, 111)  // kw3 kw4
        } else {
            groups = 4
            halves(kl, 0)  // kw1 kw2
            halves(kb, 0)
            halves(kr, 15)
            halves(ka, 15)  // k1...k6
            halves(kr, 30)  // ke1 ke2
            halves(kb, 30)
            halves(kl, 45)
            halves(ka, 45)  // k7...k12
            halves(kl, 60)  // ke3 ke4
            halves(kr, 60)
            halves(kb, 60)
            halves(kl, 77)  // k13...k18
            halves(ka, 77)  // ke5 ke6
            halves(kr, 94)
            halves(ka, 94)
            halves(kl, 111)  // k19...k24
            halves(kb, 111)  // kw3 kw4
        }

        // Decryption order: kw3 kw4, k in reverse, ke(2g+2) ke(2g+1) in reverse group order, kw1 kw2.
        var dk: [UInt64] = [sk[sk.count - 2], sk[sk.count - 1]]
        var g = groups - 1
        while g >= 0 {
            let base = 2 + 8 * g  // first of k(6g+1)...k(6g+6)
            for j in (0..<6).reversed() { dk.append(sk[base + j]) }
            if g > 0 {
                dk.append(sk[base - 1])
                dk.append(sk[base - 2])
            }
            g -= 1
        }
        dk.append(sk[0])
        dk.append(sk[1])

        var e = InlineArray<68, UInt32>(repeating: 0)
        var d = InlineArray<68, UInt32>(repeating: 0)
        for (n, (x, y)) in zip(sk, dk).enumerated() {
            e[2 * n] = UInt32(truncatingIfNeeded: x >> 32)
            e[2 * n + 1] = UInt32(truncatingIfNeeded: x)
            d[2 * n] = UInt32(truncatingIfNeeded: y >> 32)
            d[2 * n + 1] = UInt32(truncatingIfNeeded: y)
        }
        encryptionKeys = e
        decryptionKeys = d
    }

    /// Encrypts the 16-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        encryptionKeys.span.withUnsafeBufferPointer { Self.crypt(block, output, $0.baseAddress!, groups) }
    }

    /// Decrypts the 16-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        decryptionKeys.span.withUnsafeBufferPointer { Self.crypt(block, output, $0.baseAddress!, groups) }
    }

    /// The data randomizing part (RFC 3713 section 2.3) over a subkey list in use order.
    @inline(__always)
    static func crypt(
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer,
        _ k: UnsafePointer<UInt32>, _ groups: Int
    ) {
        tables.withUnsafeBufferPointer { tp in
            let t = tp.baseAddress!
            var s0 = UInt32(bigEndian: input.loadUnaligned(as: UInt32.self)) ^ k[0]
            var s1 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) ^ k[1]
            var s2 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) ^ k[2]
            var s3 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) ^ k[3]
            var k = k + 4
            for g in 0..<groups {
                if g > 0 {
                    // FL on the left half, FL⁻¹ on the right.
                    s1 ^= rotl1(s0 & k[0])
                    s0 ^= s1 | k[1]
                    s2 ^= s3 | k[3]
                    s3 ^= rotl1(s2 & k[2])
                    k += 4
                }
                var (a, b) = f(s0 ^ k[0], s1 ^ k[1], t)
                s2 ^= a
                s3 ^= b
                (a, b) = f(s2 ^ k[2], s3 ^ k[3], t)
                s0 ^= a
                s1 ^= b
                (a, b) = f(s0 ^ k[4], s1 ^ k[5], t)
                s2 ^= a
                s3 ^= b
                (a, b) = f(s2 ^ k[6], s3 ^ k[7], t)
                s0 ^= a
                s1 ^= b
                (a, b) = f(s0 ^ k[8], s1 ^ k[9], t)
                s2 ^= a
                s3 ^= b
                (a, b) = f(s2 ^ k[10], s3 ^ k[11], t)
                s0 ^= a
                s1 ^= b
                k += 12
            }
            s2 ^= k[0]
            s3 ^= k[1]
            s0 ^= k[2]
            s1 ^= k[3]
            output.storeBytes(of: s2.bigEndian, as: UInt32.self)
            output.storeBytes(of: s3.bigEndian, toByteOffset: 4, as: UInt32.self)
            output.storeBytes(of: s0.bigEndian, toByteOffset: 8, as: UInt32.self)
            output.storeBytes(of: s1.bigEndian, toByteOffset: 12, as: UInt32.self)
        }
    }

    @inline(__always)
    static func rotl1(_ x: UInt32) -> UInt32 { (x &<< 1) | (x &>> 31) }

    /// F(x) = P(S(x)) for x = l || r (the subkey already XORed in), RFC 3713 section 2.4.1.
    ///
    /// With bytes t1...t8 of x (t1 most significant), the left output word is
    /// D ^ U where D collects the P-function contributions of t1...t4 and U those of t5...t8;
    /// the right output word is D ^ U ^ (D >>> 8).
    @inline(__always)
    static func f(_ l: UInt32, _ r: UInt32, _ t: UnsafePointer<UInt32>) -> (UInt32, UInt32) {
        let d =
            t[Int(l &>> 24)] ^ t[256 + Int((l &>> 16) & 0xff)]
            ^ t[512 + Int((l &>> 8) & 0xff)] ^ t[768 + Int(l & 0xff)]
        let u =
            t[Int(r & 0xff)] ^ t[256 + Int(r &>> 24)]
            ^ t[512 + Int((r &>> 16) & 0xff)] ^ t[768 + Int((r &>> 8) & 0xff)]
        let y = d ^ u
        return (y, y ^ ((d &>> 8) | (d &<< 24)))
    }

    /// A 128-bit value as two 64-bit halves, for the key schedule's rotations.
    struct U128 {
        var hi: UInt64, lo: UInt64
        init(_ hi: UInt64, _ lo: UInt64) {
            self.hi = hi
            self.lo = lo
        }

        func rotl(_ n: Int) -> U128 {
            let (h, l) = n >= 64 ? (lo, hi) : (hi, lo)
            let m = UInt64(n & 63)
            guard m != 0 else { return U128(h, l) }
            return U128(h << m | l >> (64 - m), l << m | h >> (64 - m))
        }
    }

    /// SP1110, SP0222, SP3033, SP4404 (1024 words): s_i(x) placed in the output bytes the
    /// P-function sends it to. s2(x) = s1(x) <<< 1, s3(x) = s1(x) <<< 7, s4(x) = s1(x <<< 1).
    static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 1024)
        for x in 0..<256 {
            let s1 = UInt32(sbox1[x])
            let s2 = ((s1 << 1) | (s1 >> 7)) & 0xff
            let s3 = ((s1 << 7) | (s1 >> 1)) & 0xff
            let s4 = UInt32(sbox1[((x << 1) | (x >> 7)) & 0xff])
            t[x] = s1 << 24 | s1 << 16 | s1 << 8
            t[256 + x] = s2 << 16 | s2 << 8 | s2
            t[512 + x] = s3 << 24 | s3 << 8 | s3
            t[768 + x] = s4 << 24 | s4 << 16 | s4
        }
        return t
    }()

    /// SBOX1, RFC 3713 section 2.4.4.
    static let sbox1: [UInt8] = [
        112, 130, 44, 236, 179, 39, 192, 229, 228, 133, 87, 53, 234, 12, 174, 65,
        35, 239, 107, 147, 69, 25, 165, 33, 237, 14, 79, 78, 29, 101, 146, 189,
        134, 184, 175, 143, 124, 235, 31, 206, 62, 48, 220, 95, 94, 197, 11, 26,
        166, 225, 57, 202, 213, 71, 93, 61, 217, 1, 90, 214, 81, 86, 108, 77,
        139, 13, 154, 102, 251, 204, 176, 45, 116, 18, 43, 32, 240, 177, 132, 153,
        223, 76, 203, 194, 52, 126, 118, 5, 109, 183, 169, 49, 209, 23, 4, 215,
        20, 88, 58, 97, 222, 27, 17, 28, 50, 15, 156, 22, 83, 24, 242, 34,
        254, 68, 207, 178, 195, 181, 122, 145, 36, 8, 232, 168, 96, 252, 105, 80,
        170, 208, 160, 125, 161, 137, 98, 151, 84, 91, 30, 149, 224, 255, 100, 210,
        16, 196, 0, 72, 163, 247, 117, 219, 138, 3, 230, 218, 9, 63, 221, 148,
        135, 92, 131, 2, 205, 74, 144, 51, 115, 103, 246, 243, 157, 127, 191, 226,
        82, 155, 216, 38, 200, 55, 198, 59, 129, 150, 111, 75, 19, 190, 99, 46,
        233, 121, 167, 140, 159, 110, 188, 142, 41, 245, 249, 182, 47, 253, 180, 89,
        120, 152, 6, 106, 231, 70, 113, 186, 212, 37, 171, 66, 136, 162, 141, 250,
        114, 7, 185, 85, 248, 238, 172, 10, 54, 73, 42, 104, 60, 56, 241, 164,
        64, 40, 211, 123, 187, 201, 67, 193, 21, 227, 173, 244, 119, 199, 128, 158,
    ]
}
#endif
