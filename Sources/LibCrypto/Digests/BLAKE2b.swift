#if BLAKE2
private let blake2bIV: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
    0x6A09E667F3BCC908, 0xBB67AE8584CAA73B, 0x3C6EF372FE94F82B, 0xA54FF53A5F1D36F1,
    0x510E527FADE682D1, 0x9B05688C2B3E6C1F, 0x1F83D9ABFB41BD6B, 0x5BE0CD19137E2179
)

@inline(__always)
private func blake2bRotr(_ x: UInt64, _ n: UInt64) -> UInt64 {
    (x &>> n) | (x &<< (64 &- n))
}

@inline(__always)
private func blake2bLoad(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
    UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
}

/// The mixing function G of RFC 7693 section 3.1.
@inline(__always)
private func blake2bG(
    _ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64, _ x: UInt64, _ y: UInt64
) {
    a = a &+ b &+ x
    d = blake2bRotr(d ^ a, 32)
    c = c &+ d
    b = blake2bRotr(b ^ c, 24)
    a = a &+ b &+ y
    d = blake2bRotr(d ^ a, 16)
    c = c &+ d
    b = blake2bRotr(b ^ c, 63)
}

/// BLAKE2b-512, the BLAKE2b hash of RFC 7693 with a 64-byte digest and no key
/// (OpenSSL's `BLAKE2B-512`).
///
/// Blocks are 128 bytes and the compression runs 12 rounds. Because the final block is
/// compressed with the last-block flag set, a block is only compressed once more input
/// follows it: `update` always keeps the last 1...128 bytes buffered for `finalize`.
public struct BLAKE2b512: HashFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 128 }
    /// The output length in bytes.
    public static var digestSize: Int { 64 }

    private var h: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = blake2bIV
    /// The byte counter t, a 128-bit number in two words.
    private var t0: UInt64 = 0
    private var t1: UInt64 = 0
    private var buffer:
        (
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
        ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0

    /// A fresh state, ready for the first `update`.
    public init() {
        // Parameter block word 0: digest length 64, key length 0, fanout 1, depth 1.
        h.0 ^= 0x0101_0000 ^ 64
    }

    /// A state with RFC 7693's parameter block for keyed BLAKE2b (BLAKE2BMAC): digest length
    /// 1...64, key length 0...64, salt and personalisation of up to 16 bytes each (zero-padded).
    /// The caller feeds the key, zero-padded to a block, as the first block and cuts the output
    /// of `finalize()` to `digestLength`.
    init(digestLength: Int, keyLength: Int, salt: [UInt8], personal: [UInt8]) {
        precondition((1...64).contains(digestLength) && (0...64).contains(keyLength))
        precondition(salt.count <= 16 && personal.count <= 16)
        h.0 ^= 0x0101_0000 ^ UInt64(keyLength) << 8 ^ UInt64(digestLength)
        func word(_ b: [UInt8], _ at: Int) -> UInt64 {
            var w: UInt64 = 0
            for i in 0..<8 where at + i < b.count { w |= UInt64(b[at + i]) << UInt64(8 * i) }
            return w
        }
        h.4 ^= word(salt, 0)
        h.5 ^= word(salt, 8)
        h.6 ^= word(personal, 0)
        h.7 ^= word(personal, 8)
    }

    @inline(__always)
    private mutating func addToCounter(_ n: Int) {
        t0 &+= UInt64(n)
        if t0 < UInt64(n) { t1 &+= 1 }
    }

    /// The compression function F of RFC 7693 section 3.2, on the block at `p`.
    private mutating func compress(_ p: UnsafeRawPointer, last: Bool) {
        let m0 = blake2bLoad(p, 0)
        let m1 = blake2bLoad(p, 8)
        let m2 = blake2bLoad(p, 16)
        let m3 = blake2bLoad(p, 24)
        let m4 = blake2bLoad(p, 32)
        let m5 = blake2bLoad(p, 40)
        let m6 = blake2bLoad(p, 48)
        let m7 = blake2bLoad(p, 56)
        let m8 = blake2bLoad(p, 64)
        let m9 = blake2bLoad(p, 72)
        let m10 = blake2bLoad(p, 80)
        let m11 = blake2bLoad(p, 88)
        let m12 = blake2bLoad(p, 96)
        let m13 = blake2bLoad(p, 104)
        let m14 = blake2bLoad(p, 112)
        let m15 = blake2bLoad(p, 120)
        var v0 = h.0
        var v1 = h.1
        var v2 = h.2
        var v3 = h.3
        var v4 = h.4
        var v5 = h.5
        var v6 = h.6
        var v7 = h.7
        var v8 = blake2bIV.0
        var v9 = blake2bIV.1
        var v10 = blake2bIV.2
        var v11 = blake2bIV.3
        var v12 = blake2bIV.4 ^ t0
        var v13 = blake2bIV.5 ^ t1
        var v14 = last ? ~blake2bIV.6 : blake2bIV.6
        var v15 = blake2bIV.7
        blake2bG(&v0, &v4, &v8, &v12, m0, m1)
        blake2bG(&v1, &v5, &v9, &v13, m2, m3)
        blake2bG(&v2, &v6, &v10, &v14, m4, m5)
        blake2bG(&v3, &v7, &v11, &v15, m6, m7)
        blake2bG(&v0, &v5, &v10, &v15, m8, m9)
        blake2bG(&v1, &v6, &v11, &v12, m10, m11)
        blake2bG(&v2, &v7, &v8, &v13, m12, m13)
        blake2bG(&v3, &v4, &v9, &v14, m14, m15)

        blake2bG(&v0, &v4, &v8, &v12, m14, m10)
        blake2bG(&v1, &v5, &v9, &v13, m4, m8)
        blake2bG(&v2, &v6, &v10, &v14, m9, m15)
        blake2bG(&v3, &v7, &v11, &v15, m13, m6)
        blake2bG(&v0, &v5, &v10, &v15, m1, m12)
        blake2bG(&v1, &v6, &v11, &v12, m0, m2)
        blake2bG(&v2, &v7, &v8, &v13, m11, m7)
        blake2bG(&v3, &v4, &v9, &v14, m5, m3)

        blake2bG(&v0, &v4, &v8, &v12, m11, m8)
        blake2bG(&v1, &v5, &v9, &v13, m12, m0)
        blake2bG(&v2, &v6, &v10, &v14, m5, m2)
        blake2bG(&v3, &v7, &v11, &v15, m15, m13)
        blake2bG(&v0, &v5, &v10, &v15, m10, m14)
        blake2bG(&v1, &v6, &v11, &v12, m3, m6)
        blake2bG(&v2, &v7, &v8, &v13, m7, m1)
        blake2bG(&v3, &v4, &v9, &v14, m9, m4)

        blake2bG(&v0, &v4, &v8, &v12, m7, m9)
        blake2bG(&v1, &v5, &v9, &v13, m3, m1)
        blake2bG(&v2, &v6, &v10, &v14, m13, m12)
        blake2bG(&v3, &v7, &v11, &v15, m11, m14)
        blake2bG(&v0, &v5, &v10, &v15, m2, m6)
        blake2bG(&v1, &v6, &v11, &v12, m5, m10)
        blake2bG(&v2, &v7, &v8, &v13, m4, m0)
        blake2bG(&v3, &v4, &v9, &v14, m15, m8)

        blake2bG(&v0, &v4, &v8, &v12, m9, m0)
        blake2bG(&v1, &v5, &v9, &v13, m5, m7)
        blake2bG(&v2, &v6, &v10, &v14, m2, m4)
        blake2bG(&v3, &v7, &v11, &v15, m10, m15)
        blake2bG(&v0, &v5, &v10, &v15, m14, m1)
        blake2bG(&v1, &v6, &v11, &v12, m11, m12)
        blake2bG(&v2, &v7, &v8, &v13, m6, m8)
        blake2bG(&v3, &v4, &v9, &v14, m3, m13)

        blake2bG(&v0, &v4, &v8, &v12, m2, m12)
        blake2bG(&v1, &v5, &v9, &v13, m6, m10)
        blake2bG(&v2, &v6, &v10, &v14, m0, m11)
        blake2bG(&v3, &v7, &v11, &v15, m8, m3)
        blake2bG(&v0, &v5, &v10, &v15, m4, m13)
        blake2bG(&v1, &v6, &v11, &v12, m7, m5)
        blake2bG(&v2, &v7, &v8, &v13, m15, m14)
        blake2bG(&v3, &v4, &v9, &v14, m1, m9)

        blake2bG(&v0, &v4, &v8, &v12, m12, m5)
        blake2bG(&v1, &v5, &v9, &v13, m1, m15)
        blake2bG(&v2, &v6, &v10, &v14, m14, m13)
        blake2bG(&v3, &v7, &v11, &v15, m4, m10)
        blake2bG(&v0, &v5, &v10, &v15, m0, m7)
        blake2bG(&v1, &v6, &v11, &v12, m6, m3)
        blake2bG(&v2, &v7, &v8, &v13, m9, m2)
        blake2bG(&v3, &v4, &v9, &v14, m8, m11)

        blake2bG(&v0, &v4, &v8, &v12, m13, m11)
        blake2bG(&v1, &v5, &v9, &v13, m7, m14)
        blake2bG(&v2, &v6, &v10, &v14, m12, m1)
        blake2bG(&v3, &v7, &v11, &v15, m3, m9)
        blake2bG(&v0, &v5, &v10, &v15, m5, m0)
        blake2bG(&v1, &v6, &v11, &v12, m15, m4)
        blake2bG(&v2, &v7, &v8, &v13, m8, m6)
        blake2bG(&v3, &v4, &v9, &v14, m2, m10)

        blake2bG(&v0, &v4, &v8, &v12, m6, m15)
        blake2bG(&v1, &v5, &v9, &v13, m14, m9)
        blake2bG(&v2, &v6, &v10, &v14, m11, m3)
        blake2bG(&v3, &v7, &v11, &v15, m0, m8)
        blake2bG(&v0, &v5, &v10, &v15, m12, m2)
        blake2bG(&v1, &v6, &v11, &v12, m13, m7)
        blake2bG(&v2, &v7, &v8, &v13, m1, m4)
        blake2bG(&v3, &v4, &v9, &v14, m10, m5)

        blake2bG(&v0, &v4, &v8, &v12, m10, m2)
        blake2bG(&v1, &v5, &v9, &v13, m8, m4)
        blake2bG(&v2, &v6, &v10, &v14, m7, m6)
        blake2bG(&v3, &v7, &v11, &v15, m1, m5)
        blake2bG(&v0, &v5, &v10, &v15, m15, m11)
        blake2bG(&v1, &v6, &v11, &v12, m9, m14)
        blake2bG(&v2, &v7, &v8, &v13, m3, m12)
        blake2bG(&v3, &v4, &v9, &v14, m13, m0)

        blake2bG(&v0, &v4, &v8, &v12, m0, m1)
        blake2bG(&v1, &v5, &v9, &v13, m2, m3)
        blake2bG(&v2, &v6, &v10, &v14, m4, m5)
        blake2bG(&v3, &v7, &v11, &v15, m6, m7)
        blake2bG(&v0, &v5, &v10, &v15, m8, m9)
        blake2bG(&v1, &v6, &v11, &v12, m10, m11)
        blake2bG(&v2, &v7, &v8, &v13, m12, m13)
        blake2bG(&v3, &v4, &v9, &v14, m14, m15)

        blake2bG(&v0, &v4, &v8, &v12, m14, m10)
        blake2bG(&v1, &v5, &v9, &v13, m4, m8)
        blake2bG(&v2, &v6, &v10, &v14, m9, m15)
        blake2bG(&v3, &v7, &v11, &v15, m13, m6)
        blake2bG(&v0, &v5, &v10, &v15, m1, m12)
        blake2bG(&v1, &v6, &v11, &v12, m0, m2)
        blake2bG(&v2, &v7, &v8, &v13, m11, m7)
        blake2bG(&v3, &v4, &v9, &v14, m5, m3)
        h.0 ^= v0 ^ v8
        h.1 ^= v1 ^ v9
        h.2 ^= v2 ^ v10
        h.3 ^= v3 ^ v11
        h.4 ^= v4 ^ v12
        h.5 ^= v5 ^ v13
        h.6 ^= v6 ^ v14
        h.7 ^= v7 ^ v15
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        var n = data.count
        let free = 128 &- buffered
        if n > free {
            let at = buffered
            withUnsafeMutableBytes(of: &buffer) {
                $0.baseAddress!.advanced(by: at).copyMemory(from: p, byteCount: free)
            }
            p += free
            n &-= free
            addToCounter(128)
            var block = buffer
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, last: false) }
            buffered = 0
            while n > 128 {
                addToCounter(128)
                compress(p, last: false)
                p += 128
                n &-= 128
            }
        }
        let at = buffered
        withUnsafeMutableBytes(of: &buffer) {
            $0.baseAddress!.advanced(by: at).copyMemory(from: p, byteCount: n)
        }
        buffered &+= n
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        addToCounter(buffered)
        var block = buffer
        let at = buffered
        withUnsafeMutableBytes(of: &block) { b in
            for i in at..<128 { b[i] = 0 }
        }
        withUnsafeBytes(of: &block) { compress($0.baseAddress!, last: true) }
        buffered = 0
        var out = h
        withUnsafeMutableBytes(of: &out) { b in
            for i in 0..<8 {
                let w = b.load(fromByteOffset: i &* 8, as: UInt64.self)
                b.storeBytes(of: w.littleEndian, toByteOffset: i &* 8, as: UInt64.self)
            }
        }
        return withUnsafeBytes(of: &out) { Array($0.prefix(64)) }
    }
}
#endif
