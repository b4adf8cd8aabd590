#if SM4
/// SM4 (GB/T 32907-2016; draft-ribose-cfrg-sm4), a 128-bit block cipher with a 128-bit key: 32
/// rounds of an unbalanced Feistel network on four 32-bit words.
///
/// Not constant time. The round function T = L∘τ is four lookups per round in one 256-entry
/// 32-bit table (the S-box with the linear transform L folded in, 1 KiB, built once from the
/// S-box's algebraic definition), indexed by bytes of secret data; the key schedule looks the
/// S-box up directly, four times per round key. OpenSSL's C code (`crypto/sm4/sm4.c`) is
/// table-based in the same way, and those lookups can leak through the cache.
public struct SM4: BlockCipher {
    /// The block length in bytes (16).
    public static let blockSize = 16
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.fixed(16)

    /// rk0...rk31.
    let roundKeys: InlineArray<32, UInt32>

    /// Expands `key` into the 32 round keys.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "SM4")
        func be32(_ i: Int) -> UInt32 {
            UInt32(key[i]) << 24 | UInt32(key[i + 1]) << 16 | UInt32(key[i + 2]) << 8 | UInt32(key[i + 3])
        }
        let fk: [UInt32] = [0xa3b1_bac6, 0x56aa_3350, 0x677d_9197, 0xb270_22dc]
        var k0 = be32(0) ^ fk[0]
        var k1 = be32(4) ^ fk[1]
        var k2 = be32(8) ^ fk[2]
        var k3 = be32(12) ^ fk[3]
        var rk = InlineArray<32, UInt32>(repeating: 0)
        let s = Self.sbox
        for i in 0..<32 {
            // CK(i): byte j is (4i + j) * 7 mod 256.
            var ck: UInt32 = 0
            for j in 0..<4 { ck = ck << 8 | UInt32(UInt8(truncatingIfNeeded: (4 * i + j) * 7)) }
            let a = k1 ^ k2 ^ k3 ^ ck
            let b =
                UInt32(s[Int(a >> 24)]) << 24 | UInt32(s[Int((a >> 16) & 0xff)]) << 16
                | UInt32(s[Int((a >> 8) & 0xff)]) << 8 | UInt32(s[Int(a & 0xff)])
            let next = k0 ^ b ^ Self.rotl(b, 13) ^ Self.rotl(b, 23)
            rk[i] = next
            (k0, k1, k2, k3) = (k1, k2, k3, next)
        }
        roundKeys = rk
    }

    /// Encrypts the 16-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        crypt(block, output, decrypting: false)
    }

    /// Decrypts the 16-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        crypt(block, output, decrypting: true)
    }

    @inline(__always)
    private func crypt(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, decrypting: Bool) {
        Self.table.withUnsafeBufferPointer { tp in
            roundKeys.span.withUnsafeBufferPointer { kp in
                let t = tp.baseAddress!
                let k = kp.baseAddress!
                var x0 = UInt32(bigEndian: input.loadUnaligned(as: UInt32.self))
                var x1 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                var x2 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
                var x3 = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
                var i = 0
                while i < 32 {
                    let r = decrypting ? 31 - i : i
                    let d = decrypting ? -1 : 1
                    x0 ^= Self.t(x1 ^ x2 ^ x3 ^ k[r], t)
                    x1 ^= Self.t(x2 ^ x3 ^ x0 ^ k[r + d], t)
                    x2 ^= Self.t(x3 ^ x0 ^ x1 ^ k[r + 2 * d], t)
                    x3 ^= Self.t(x0 ^ x1 ^ x2 ^ k[r + 3 * d], t)
                    i += 4
                }
                output.storeBytes(of: x3.bigEndian, as: UInt32.self)
                output.storeBytes(of: x2.bigEndian, toByteOffset: 4, as: UInt32.self)
                output.storeBytes(of: x1.bigEndian, toByteOffset: 8, as: UInt32.self)
                output.storeBytes(of: x0.bigEndian, toByteOffset: 12, as: UInt32.self)
            }
        }
    }

    @inline(__always)
    static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &<< n) | (x &>> (32 - n)) }

    /// T(x) = L(τ(x)): L is linear and commutes with rotations, so each byte's S-box output
    /// passed through L is the table entry for the top byte, rotated into place.
    @inline(__always)
    static func t(_ x: UInt32, _ t: UnsafePointer<UInt32>) -> UInt32 {
        let a = t[Int(x &>> 24)]
        let b = t[Int((x &>> 16) & 0xff)]
        let c = t[Int((x &>> 8) & 0xff)]
        let d = t[Int(x & 0xff)]
        return a ^ ((b &>> 8) | (b &<< 24)) ^ ((c &>> 16) | (c &<< 16)) ^ ((d &>> 24) | (d &<< 8))
    }

    /// L(S(x) << 24) for every byte x: L(B) = B ⊕ (B <<< 2) ⊕ (B <<< 10) ⊕ (B <<< 18) ⊕ (B <<< 24).
    static let table: [UInt32] = sbox.map { v in
        let b = UInt32(v) << 24
        return b ^ rotl(b, 2) ^ rotl(b, 10) ^ rotl(b, 18) ^ rotl(b, 24)
    }

    /// The S-box: S(x) = A·(A·x ⊕ 0xD3)⁻¹ ⊕ 0xD3, the inverse taken in GF(2^8) modulo
    /// x^8 + x^7 + x^6 + x^5 + x^4 + x^2 + 1 (0 maps to 0), with A the circulant matrix whose
    /// row i (most significant output bit first) is 0xA7 rotated right by i + 1 bits.
    static let sbox: [UInt8] = {
        func mul(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var a = a
            var b = b
            var r: UInt8 = 0
            while b != 0 {
                if b & 1 != 0 { r ^= a }
                a = (a << 1) ^ (a & 0x80 != 0 ? 0xf5 : 0)
                b >>= 1
            }
            return r
        }
        func affine(_ x: UInt8) -> UInt8 {
            var r: UInt8 = 0
            for i in 0..<8 {
                let row = (UInt8(0xa7) >> UInt8(i + 1)) | (UInt8(0xa7) << UInt8(7 - i))
                r |= UInt8((row & x).nonzeroBitCount & 1) << UInt8(7 - i)
            }
            return r ^ 0xd3
        }
        return (0..<256).map { v in
            let y = affine(UInt8(v))
            var inv: UInt8 = 1
            if y == 0 {
                inv = 0
            } else {
                for _ in 0..<254 { inv = mul(inv, y) }
            }
            return affine(inv)
        }
    }()
}
#endif
