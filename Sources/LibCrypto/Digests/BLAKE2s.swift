#if BLAKE2
private let blake2sIV: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
    0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19
)

@inline(__always)
private func blake2sRotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}

@inline(__always)
private func blake2sLoad(_ p: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
}

/// The mixing function G of RFC 7693 section 3.1.
@inline(__always)
private func blake2sG(
    _ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32, _ x: UInt32, _ y: UInt32
) {
    a = a &+ b &+ x
    d = blake2sRotr(d ^ a, 16)
    c = c &+ d
    b = blake2sRotr(b ^ c, 12)
    a = a &+ b &+ y
    d = blake2sRotr(d ^ a, 8)
    c = c &+ d
    b = blake2sRotr(b ^ c, 7)
}

/// BLAKE2s-256, the BLAKE2s hash of RFC 7693 with a 32-byte digest and no key
/// (OpenSSL's `BLAKE2S-256`).
///
/// Blocks are 64 bytes and the compression runs 10 rounds. Because the final block is
/// compressed with the last-block flag set, a block is only compressed once more input
/// follows it: `update` always keeps the last 1...64 bytes buffered for `finalize`.
public struct BLAKE2s256: HashFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 64 }
    /// The output length in bytes.
    public static var digestSize: Int { 32 }

    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = blake2sIV
    /// The byte counter t (64 bits, used as two 32-bit words).
    private var t: UInt64 = 0
    private var buffer:
        (
            UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
            UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32
        ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered = 0

    /// A fresh state, ready for the first `update`.
    public init() {
        // Parameter block word 0: digest length 32, key length 0, fanout 1, depth 1.
        h.0 ^= 0x0101_0000 ^ 32
    }

    /// A state with RFC 7693's parameter block for keyed BLAKE2s (BLAKE2SMAC): digest length
    /// 1...32, key length 0...32, salt and personalisation of up to 8 bytes each (zero-padded).
    /// The caller feeds the key, zero-padded to a block, as the first block and cuts the output
    /// of `finalize()` to `digestLength`.
    init(digestLength: Int, keyLength: Int, salt: [UInt8], personal: [UInt8]) {
        precondition((1...32).contains(digestLength) && (0...32).contains(keyLength))
        precondition(salt.count <= 8 && personal.count <= 8)
        h.0 ^= 0x0101_0000 ^ UInt32(keyLength) << 8 ^ UInt32(digestLength)
        func word(_ b: [UInt8], _ at: Int) -> UInt32 {
            var w: UInt32 = 0
            for i in 0..<4 where at + i < b.count { w |= UInt32(b[at + i]) << UInt32(8 * i) }
            return w
        }
        h.4 ^= word(salt, 0)
        h.5 ^= word(salt, 4)
        h.6 ^= word(personal, 0)
        h.7 ^= word(personal, 4)
    }

    @inline(__always)
    private mutating func addToCounter(_ n: Int) {
        t &+= UInt64(n)
    }

    /// The compression function F of RFC 7693 section 3.2, on the block at `p`.
    private mutating func compress(_ p: UnsafeRawPointer, last: Bool) {
        let m0 = blake2sLoad(p, 0)
        let m1 = blake2sLoad(p, 4)
        let m2 = blake2sLoad(p, 8)
        let m3 = blake2sLoad(p, 12)
        let m4 = blake2sLoad(p, 16)
        let m5 = blake2sLoad(p, 20)
        let m6 = blake2sLoad(p, 24)
        let m7 = blake2sLoad(p, 28)
        let m8 = blake2sLoad(p, 32)
        let m9 = blake2sLoad(p, 36)
        let m10 = blake2sLoad(p, 40)
        let m11 = blake2sLoad(p, 44)
        let m12 = blake2sLoad(p, 48)
        let m13 = blake2sLoad(p, 52)
        let m14 = blake2sLoad(p, 56)
        let m15 = blake2sLoad(p, 60)
        var v0 = h.0
        var v1 = h.1
        var v2 = h.2
        var v3 = h.3
        var v4 = h.4
        var v5 = h.5
        var v6 = h.6
        var v7 = h.7
        var v8 = blake2sIV.0
        var v9 = blake2sIV.1
        var v10 = blake2sIV.2
        var v11 = blake2sIV.3
        var v12 = blake2sIV.4 ^ UInt32(truncatingIfNeeded: t)
        var v13 = blake2sIV.5 ^ UInt32(truncatingIfNeeded: t &>> 32)
        var v14 = last ? ~blake2sIV.6 : blake2sIV.6
        var v15 = blake2sIV.7
        blake2sG(&v0, &v4, &v8, &v12, m0, m1)
        blake2sG(&v1, &v5, &v9, &v13, m2, m3)
        blake2sG(&v2, &v6, &v10, &v14, m4, m5)
        blake2sG(&v3, &v7, &v11, &v15, m6, m7)
        blake2sG(&v0, &v5, &v10, &v15, m8, m9)
        blake2sG(&v1, &v6, &v11, &v12, m10, m11)
        blake2sG(&v2, &v7, &v8, &v13, m12, m13)
        blake2sG(&v3, &v4, &v9, &v14, m14, m15)

        blake2sG(&v0, &v4, &v8, &v12, m14, m10)
        blake2sG(&v1, &v5, &v9, &v13, m4, m8)
        blake2sG(&v2, &v6, &v10, &v14, m9, m15)
        blake2sG(&v3, &v7, &v11, &v15, m13, m6)
        blake2sG(&v0, &v5, &v10, &v15, m1, m12)
        blake2sG(&v1, &v6, &v11, &v12, m0, m2)
        blake2sG(&v2, &v7, &v8, &v13, m11, m7)
        blake2sG(&v3, &v4, &v9, &v14, m5, m3)

        blake2sG(&v0, &v4, &v8, &v12, m11, m8)
        blake2sG(&v1, &v5, &v9, &v13, m12, m0)
        blake2sG(&v2, &v6, &v10, &v14, m5, m2)
        blake2sG(&v3, &v7, &v11, &v15, m15, m13)
        blake2sG(&v0, &v5, &v10, &v15, m10, m14)
        blake2sG(&v1, &v6, &v11, &v12, m3, m6)
        blake2sG(&v2, &v7, &v8, &v13, m7, m1)
        blake2sG(&v3, &v4, &v9, &v14, m9, m4)

        blake2sG(&v0, &v4, &v8, &v12, m7, m9)
        blake2sG(&v1, &v5, &v9, &v13, m3, m1)
        blake2sG(&v2, &v6, &v10, &v14, m13, m12)
        blake2sG(&v3, &v7, &v11, &v15, m11, m14)
        blake2sG(&v0, &v5, &v10, &v15, m2, m6)
        blake2sG(&v1, &v6, &v11, &v12, m5, m10)
        blake2sG(&v2, &v7, &v8, &v13, m4, m0)
        blake2sG(&v3, &v4, &v9, &v14, m15, m8)

        blake2sG(&v0, &v4, &v8, &v12, m9, m0)
        blake2sG(&v1, &v5, &v9, &v13, m5, m7)
        blake2sG(&v2, &v6, &v10, &v14, m2, m4)
        blake2sG(&v3, &v7, &v11, &v15, m10, m15)
        blake2sG(&v0, &v5, &v10, &v15, m14, m1)
        blake2sG(&v1, &v6, &v11, &v12, m11, m12)
        blake2sG(&v2, &v7, &v8, &v13, m6, m8)
        blake2sG(&v3, &v4, &v9, &v14, m3, m13)

        blake2sG(&v0, &v4, &v8, &v12, m2, m12)
        blake2sG(&v1, &v5, &v9, &v13, m6, m10)
        blake2sG(&v2, &v6, &v10, &v14, m0, m11)
        blake2sG(&v3, &v7, &v11, &v15, m8, m3)
        blake2sG(&v0, &v5, &v10, &v15, m4, m13)
        blake2sG(&v1, &v6, &v11, &v12, m7, m5)
        blake2sG(&v2, &v7, &v8, &v13, m15, m14)
        blake2sG(&v3, &v4, &v9, &v14, m1, m9)

        blake2sG(&v0, &v4, &v8, &v12, m12, m5)
        blake2sG(&v1, &v5, &v9, &v13, m1, m15)
        blake2sG(&v2, &v6, &v10, &v14, m14, m13)
        blake2sG(&v3, &v7, &v11, &v15, m4, m10)
        blake2sG(&v0, &v5, &v10, &v15, m0, m7)
        blake2sG(&v1, &v6, &v11, &v12, m6, m3)
        blake2sG(&v2, &v7, &v8, &v13, m9, m2)
        blake2sG(&v3, &v4, &v9, &v14, m8, m11)

        blake2sG(&v0, &v4, &v8, &v12, m13, m11)
        blake2sG(&v1, &v5, &v9, &v13, m7, m14)
        blake2sG(&v2, &v6, &v10, &v14, m12, m1)
        blake2sG(&v3, &v7, &v11, &v15, m3, m9)
        blake2sG(&v0, &v5, &v10, &v15, m5, m0)
        blake2sG(&v1, &v6, &v11, &v12, m15, m4)
        blake2sG(&v2, &v7, &v8, &v13, m8, m6)
        blake2sG(&v3, &v4, &v9, &v14, m2, m10)

        blake2sG(&v0, &v4, &v8, &v12, m6, m15)
        blake2sG(&v1, &v5, &v9, &v13, m14, m9)
        blake2sG(&v2, &v6, &v10, &v14, m11, m3)
        blake2sG(&v3, &v7, &v11, &v15, m0, m8)
        blake2sG(&v0, &v5, &v10, &v15, m12, m2)
        blake2sG(&v1, &v6, &v11, &v12, m13, m7)
        blake2sG(&v2, &v7, &v8, &v13, m1, m4)
        blake2sG(&v3, &v4, &v9, &v14, m10, m5)

        blake2sG(&v0, &v4, &v8, &v12, m10, m2)
        blake2sG(&v1, &v5, &v9, &v13, m8, m4)
        blake2sG(&v2, &v6, &v10, &v14, m7, m6)
        blake2sG(&v3, &v7, &v11, &v15, m1, m5)
        blake2sG(&v0, &v5, &v10, &v15, m15, m11)
        blake2sG(&v1, &v6, &v11, &v12, m9, m14)
        blake2sG(&v2, &v7, &v8, &v13, m3, m12)
        blake2sG(&v3, &v4, &v9, &v14, m13, m0)
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
        let free = 64 &- buffered
        if n > free {
            let at = buffered
            withUnsafeMutableBytes(of: &buffer) {
                $0.baseAddress!.advanced(by: at).copyMemory(from: p, byteCount: free)
            }
            p += free
            n &-= free
            addToCounter(64)
            var block = buffer
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, last: false) }
            buffered = 0
            while n > 64 {
                addToCounter(64)
                compress(p, last: false)
                p += 64
                n &-= 64
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
            for i in at..<64 { b[i] = 0 }
        }
        withUnsafeBytes(of: &block) { compress($0.baseAddress!, last: true) }
        buffered = 0
        var out = h
        withUnsafeMutableBytes(of: &out) { b in
            for i in 0..<8 {
                let w = b.load(fromByteOffset: i &* 4, as: UInt32.self)
                b.storeBytes(of: w.littleEndian, toByteOffset: i &* 4, as: UInt32.self)
            }
        }
        return withUnsafeBytes(of: &out) { Array($0.prefix(32)) }
    }
}
#endif
