#if SM3
@inline(__always)
private func sm3Rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &<< n) | (x &>> (32 &- n))
}

@inline(__always)
private func sm3Load(_ p: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(bigEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
}

@inline(__always) private func sm3FF0(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { x ^ y ^ z }
@inline(__always) private func sm3FF1(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { (x & y) | (z & (x | y)) }
@inline(__always) private func sm3GG0(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { x ^ y ^ z }
@inline(__always) private func sm3GG1(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { z ^ (x & (y ^ z)) }
@inline(__always) private func sm3P0(_ x: UInt32) -> UInt32 { x ^ sm3Rotl(x, 9) ^ sm3Rotl(x, 17) }
@inline(__always) private func sm3P1(_ x: UInt32) -> UInt32 { x ^ sm3Rotl(x, 15) ^ sm3Rotl(x, 23) }

/// SM3, the Chinese national 256-bit hash (GB/T 32905-2016, draft-sca-cfrg-sm3),
/// OpenSSL's `SM3`.
///
/// 64-byte blocks, big-endian words and length, 64 rounds per block.
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function. No tables: nothing is indexed by secret data.
public struct SM3: HashFunction, MerkleDamgard {
    static var lengthSize: Int { 8 }
    static var bigEndianLength: Bool { true }

    /// The block length in bytes.
    public static var blockSize: Int { 64 }
    /// The output length in bytes.
    public static var digestSize: Int { 32 }

    /// The chaining value V, the partial block and the length.
    var buffer = BlockBuffer<(UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), Block64>(
        (
            0x7380_166F, 0x4914_B2B9, 0x1724_42D7, 0xDA8A_0600,
            0xA96F_30BC, 0x1631_38AA, 0xE38D_EE4D, 0xB0FB_0E4E
        ))

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// The compression function CF, with the message expansion done sixteen words at a
    /// time in a rolling window (W[j+4] is formed just before round j needs W'[j]).
    static func compress(
        _ v: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), _ p: UnsafeRawPointer,
        blocks: Int
    ) {
        var p = p
        for _ in 0..<blocks {
            var w0 = sm3Load(p, 0)
            var w1 = sm3Load(p, 4)
            var w2 = sm3Load(p, 8)
            var w3 = sm3Load(p, 12)
            var w4 = sm3Load(p, 16)
            var w5 = sm3Load(p, 20)
            var w6 = sm3Load(p, 24)
            var w7 = sm3Load(p, 28)
            var w8 = sm3Load(p, 32)
            var w9 = sm3Load(p, 36)
            var w10 = sm3Load(p, 40)
            var w11 = sm3Load(p, 44)
            var w12 = sm3Load(p, 48)
            var w13 = sm3Load(p, 52)
            var w14 = sm3Load(p, 56)
            var w15 = sm3Load(p, 60)
            var a = v.0
            var b = v.1
            var c = v.2
            var d = v.3
            var e = v.4
            var f = v.5
            var g = v.6
            var h = v.7
            var a12: UInt32
            var ss1: UInt32
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x79CC_4519, 7)
            d = sm3FF0(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w0 ^ w4)
            h = sm3P0(sm3GG0(e, f, g) &+ h &+ ss1 &+ w0)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0xF398_8A32, 7)
            c = sm3FF0(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w1 ^ w5)
            g = sm3P0(sm3GG0(h, e, f) &+ g &+ ss1 &+ w1)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0xE731_1465, 7)
            b = sm3FF0(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w2 ^ w6)
            f = sm3P0(sm3GG0(g, h, e) &+ f &+ ss1 &+ w2)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xCE62_28CB, 7)
            a = sm3FF0(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w3 ^ w7)
            e = sm3P0(sm3GG0(f, g, h) &+ e &+ ss1 &+ w3)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x9CC4_5197, 7)
            d = sm3FF0(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w4 ^ w8)
            h = sm3P0(sm3GG0(e, f, g) &+ h &+ ss1 &+ w4)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x3988_A32F, 7)
            c = sm3FF0(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w5 ^ w9)
            g = sm3P0(sm3GG0(h, e, f) &+ g &+ ss1 &+ w5)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x7311_465E, 7)
            b = sm3FF0(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w6 ^ w10)
            f = sm3P0(sm3GG0(g, h, e) &+ f &+ ss1 &+ w6)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xE622_8CBC, 7)
            a = sm3FF0(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w7 ^ w11)
            e = sm3P0(sm3GG0(f, g, h) &+ e &+ ss1 &+ w7)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xCC45_1979, 7)
            d = sm3FF0(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w8 ^ w12)
            h = sm3P0(sm3GG0(e, f, g) &+ h &+ ss1 &+ w8)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x988A_32F3, 7)
            c = sm3FF0(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w9 ^ w13)
            g = sm3P0(sm3GG0(h, e, f) &+ g &+ ss1 &+ w9)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x3114_65E7, 7)
            b = sm3FF0(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w10 ^ w14)
            f = sm3P0(sm3GG0(g, h, e) &+ f &+ ss1 &+ w10)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x6228_CBCE, 7)
            a = sm3FF0(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w11 ^ w15)
            e = sm3P0(sm3GG0(f, g, h) &+ e &+ ss1 &+ w11)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w0 = sm3P1(w0 ^ w7 ^ sm3Rotl(w13, 15)) ^ sm3Rotl(w3, 7) ^ w10
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xC451_979C, 7)
            d = sm3FF0(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w12 ^ w0)
            h = sm3P0(sm3GG0(e, f, g) &+ h &+ ss1 &+ w12)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w1 = sm3P1(w1 ^ w8 ^ sm3Rotl(w14, 15)) ^ sm3Rotl(w4, 7) ^ w11
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x88A3_2F39, 7)
            c = sm3FF0(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w13 ^ w1)
            g = sm3P0(sm3GG0(h, e, f) &+ g &+ ss1 &+ w13)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w2 = sm3P1(w2 ^ w9 ^ sm3Rotl(w15, 15)) ^ sm3Rotl(w5, 7) ^ w12
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x1146_5E73, 7)
            b = sm3FF0(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w14 ^ w2)
            f = sm3P0(sm3GG0(g, h, e) &+ f &+ ss1 &+ w14)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w3 = sm3P1(w3 ^ w10 ^ sm3Rotl(w0, 15)) ^ sm3Rotl(w6, 7) ^ w13
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x228C_BCE6, 7)
            a = sm3FF0(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w15 ^ w3)
            e = sm3P0(sm3GG0(f, g, h) &+ e &+ ss1 &+ w15)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)

            w4 = sm3P1(w4 ^ w11 ^ sm3Rotl(w1, 15)) ^ sm3Rotl(w7, 7) ^ w14
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x9D8A_7A87, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w0 ^ w4)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w0)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w5 = sm3P1(w5 ^ w12 ^ sm3Rotl(w2, 15)) ^ sm3Rotl(w8, 7) ^ w15
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x3B14_F50F, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w1 ^ w5)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w1)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w6 = sm3P1(w6 ^ w13 ^ sm3Rotl(w3, 15)) ^ sm3Rotl(w9, 7) ^ w0
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x7629_EA1E, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w2 ^ w6)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w2)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w7 = sm3P1(w7 ^ w14 ^ sm3Rotl(w4, 15)) ^ sm3Rotl(w10, 7) ^ w1
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xEC53_D43C, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w3 ^ w7)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w3)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w8 = sm3P1(w8 ^ w15 ^ sm3Rotl(w5, 15)) ^ sm3Rotl(w11, 7) ^ w2
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xD8A7_A879, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w4 ^ w8)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w4)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w9 = sm3P1(w9 ^ w0 ^ sm3Rotl(w6, 15)) ^ sm3Rotl(w12, 7) ^ w3
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0xB14F_50F3, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w5 ^ w9)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w5)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w10 = sm3P1(w10 ^ w1 ^ sm3Rotl(w7, 15)) ^ sm3Rotl(w13, 7) ^ w4
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x629E_A1E7, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w6 ^ w10)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w6)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w11 = sm3P1(w11 ^ w2 ^ sm3Rotl(w8, 15)) ^ sm3Rotl(w14, 7) ^ w5
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xC53D_43CE, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w7 ^ w11)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w7)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w12 = sm3P1(w12 ^ w3 ^ sm3Rotl(w9, 15)) ^ sm3Rotl(w15, 7) ^ w6
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x8A7A_879D, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w8 ^ w12)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w8)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w13 = sm3P1(w13 ^ w4 ^ sm3Rotl(w10, 15)) ^ sm3Rotl(w0, 7) ^ w7
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x14F5_0F3B, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w9 ^ w13)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w9)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w14 = sm3P1(w14 ^ w5 ^ sm3Rotl(w11, 15)) ^ sm3Rotl(w1, 7) ^ w8
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x29EA_1E76, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w10 ^ w14)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w10)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w15 = sm3P1(w15 ^ w6 ^ sm3Rotl(w12, 15)) ^ sm3Rotl(w2, 7) ^ w9
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x53D4_3CEC, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w11 ^ w15)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w11)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w0 = sm3P1(w0 ^ w7 ^ sm3Rotl(w13, 15)) ^ sm3Rotl(w3, 7) ^ w10
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xA7A8_79D8, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w12 ^ w0)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w12)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w1 = sm3P1(w1 ^ w8 ^ sm3Rotl(w14, 15)) ^ sm3Rotl(w4, 7) ^ w11
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x4F50_F3B1, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w13 ^ w1)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w13)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w2 = sm3P1(w2 ^ w9 ^ sm3Rotl(w15, 15)) ^ sm3Rotl(w5, 7) ^ w12
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x9EA1_E762, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w14 ^ w2)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w14)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w3 = sm3P1(w3 ^ w10 ^ sm3Rotl(w0, 15)) ^ sm3Rotl(w6, 7) ^ w13
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x3D43_CEC5, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w15 ^ w3)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w15)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)

            w4 = sm3P1(w4 ^ w11 ^ sm3Rotl(w1, 15)) ^ sm3Rotl(w7, 7) ^ w14
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x7A87_9D8A, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w0 ^ w4)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w0)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w5 = sm3P1(w5 ^ w12 ^ sm3Rotl(w2, 15)) ^ sm3Rotl(w8, 7) ^ w15
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0xF50F_3B14, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w1 ^ w5)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w1)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w6 = sm3P1(w6 ^ w13 ^ sm3Rotl(w3, 15)) ^ sm3Rotl(w9, 7) ^ w0
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0xEA1E_7629, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w2 ^ w6)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w2)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w7 = sm3P1(w7 ^ w14 ^ sm3Rotl(w4, 15)) ^ sm3Rotl(w10, 7) ^ w1
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xD43C_EC53, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w3 ^ w7)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w3)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w8 = sm3P1(w8 ^ w15 ^ sm3Rotl(w5, 15)) ^ sm3Rotl(w11, 7) ^ w2
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xA879_D8A7, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w4 ^ w8)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w4)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w9 = sm3P1(w9 ^ w0 ^ sm3Rotl(w6, 15)) ^ sm3Rotl(w12, 7) ^ w3
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x50F3_B14F, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w5 ^ w9)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w5)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w10 = sm3P1(w10 ^ w1 ^ sm3Rotl(w7, 15)) ^ sm3Rotl(w13, 7) ^ w4
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0xA1E7_629E, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w6 ^ w10)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w6)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w11 = sm3P1(w11 ^ w2 ^ sm3Rotl(w8, 15)) ^ sm3Rotl(w14, 7) ^ w5
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x43CE_C53D, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w7 ^ w11)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w7)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w12 = sm3P1(w12 ^ w3 ^ sm3Rotl(w9, 15)) ^ sm3Rotl(w15, 7) ^ w6
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x879D_8A7A, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w8 ^ w12)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w8)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w13 = sm3P1(w13 ^ w4 ^ sm3Rotl(w10, 15)) ^ sm3Rotl(w0, 7) ^ w7
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x0F3B_14F5, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w9 ^ w13)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w9)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w14 = sm3P1(w14 ^ w5 ^ sm3Rotl(w11, 15)) ^ sm3Rotl(w1, 7) ^ w8
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x1E76_29EA, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w10 ^ w14)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w10)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w15 = sm3P1(w15 ^ w6 ^ sm3Rotl(w12, 15)) ^ sm3Rotl(w2, 7) ^ w9
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x3CEC_53D4, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w11 ^ w15)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w11)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w0 = sm3P1(w0 ^ w7 ^ sm3Rotl(w13, 15)) ^ sm3Rotl(w3, 7) ^ w10
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x79D8_A7A8, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w12 ^ w0)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w12)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w1 = sm3P1(w1 ^ w8 ^ sm3Rotl(w14, 15)) ^ sm3Rotl(w4, 7) ^ w11
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0xF3B1_4F50, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w13 ^ w1)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w13)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w2 = sm3P1(w2 ^ w9 ^ sm3Rotl(w15, 15)) ^ sm3Rotl(w5, 7) ^ w12
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0xE762_9EA1, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w14 ^ w2)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w14)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w3 = sm3P1(w3 ^ w10 ^ sm3Rotl(w0, 15)) ^ sm3Rotl(w6, 7) ^ w13
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xCEC5_3D43, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w15 ^ w3)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w15)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)

            w4 = sm3P1(w4 ^ w11 ^ sm3Rotl(w1, 15)) ^ sm3Rotl(w7, 7) ^ w14
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x9D8A_7A87, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w0 ^ w4)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w0)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w5 = sm3P1(w5 ^ w12 ^ sm3Rotl(w2, 15)) ^ sm3Rotl(w8, 7) ^ w15
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x3B14_F50F, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w1 ^ w5)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w1)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w6 = sm3P1(w6 ^ w13 ^ sm3Rotl(w3, 15)) ^ sm3Rotl(w9, 7) ^ w0
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x7629_EA1E, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w2 ^ w6)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w2)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w7 = sm3P1(w7 ^ w14 ^ sm3Rotl(w4, 15)) ^ sm3Rotl(w10, 7) ^ w1
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xEC53_D43C, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w3 ^ w7)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w3)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w8 = sm3P1(w8 ^ w15 ^ sm3Rotl(w5, 15)) ^ sm3Rotl(w11, 7) ^ w2
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xD8A7_A879, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w4 ^ w8)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w4)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w9 = sm3P1(w9 ^ w0 ^ sm3Rotl(w6, 15)) ^ sm3Rotl(w12, 7) ^ w3
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0xB14F_50F3, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w5 ^ w9)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w5)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w10 = sm3P1(w10 ^ w1 ^ sm3Rotl(w7, 15)) ^ sm3Rotl(w13, 7) ^ w4
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x629E_A1E7, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w6 ^ w10)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w6)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w11 = sm3P1(w11 ^ w2 ^ sm3Rotl(w8, 15)) ^ sm3Rotl(w14, 7) ^ w5
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0xC53D_43CE, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w7 ^ w11)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w7)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w12 = sm3P1(w12 ^ w3 ^ sm3Rotl(w9, 15)) ^ sm3Rotl(w15, 7) ^ w6
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0x8A7A_879D, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w8 ^ w12)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w8)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w13 = sm3P1(w13 ^ w4 ^ sm3Rotl(w10, 15)) ^ sm3Rotl(w0, 7) ^ w7
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x14F5_0F3B, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w9 ^ w13)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w9)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w14 = sm3P1(w14 ^ w5 ^ sm3Rotl(w11, 15)) ^ sm3Rotl(w1, 7) ^ w8
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x29EA_1E76, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w10 ^ w14)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w10)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w15 = sm3P1(w15 ^ w6 ^ sm3Rotl(w12, 15)) ^ sm3Rotl(w2, 7) ^ w9
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x53D4_3CEC, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w11 ^ w15)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w11)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)
            w0 = sm3P1(w0 ^ w7 ^ sm3Rotl(w13, 15)) ^ sm3Rotl(w3, 7) ^ w10
            a12 = sm3Rotl(a, 12)
            ss1 = sm3Rotl(a12 &+ e &+ 0xA7A8_79D8, 7)
            d = sm3FF1(a, b, c) &+ d &+ (ss1 ^ a12) &+ (w12 ^ w0)
            h = sm3P0(sm3GG1(e, f, g) &+ h &+ ss1 &+ w12)
            b = sm3Rotl(b, 9)
            f = sm3Rotl(f, 19)
            w1 = sm3P1(w1 ^ w8 ^ sm3Rotl(w14, 15)) ^ sm3Rotl(w4, 7) ^ w11
            a12 = sm3Rotl(d, 12)
            ss1 = sm3Rotl(a12 &+ h &+ 0x4F50_F3B1, 7)
            c = sm3FF1(d, a, b) &+ c &+ (ss1 ^ a12) &+ (w13 ^ w1)
            g = sm3P0(sm3GG1(h, e, f) &+ g &+ ss1 &+ w13)
            a = sm3Rotl(a, 9)
            e = sm3Rotl(e, 19)
            w2 = sm3P1(w2 ^ w9 ^ sm3Rotl(w15, 15)) ^ sm3Rotl(w5, 7) ^ w12
            a12 = sm3Rotl(c, 12)
            ss1 = sm3Rotl(a12 &+ g &+ 0x9EA1_E762, 7)
            b = sm3FF1(c, d, a) &+ b &+ (ss1 ^ a12) &+ (w14 ^ w2)
            f = sm3P0(sm3GG1(g, h, e) &+ f &+ ss1 &+ w14)
            d = sm3Rotl(d, 9)
            h = sm3Rotl(h, 19)
            w3 = sm3P1(w3 ^ w10 ^ sm3Rotl(w0, 15)) ^ sm3Rotl(w6, 7) ^ w13
            a12 = sm3Rotl(b, 12)
            ss1 = sm3Rotl(a12 &+ f &+ 0x3D43_CEC5, 7)
            a = sm3FF1(b, c, d) &+ a &+ (ss1 ^ a12) &+ (w15 ^ w3)
            e = sm3P0(sm3GG1(f, g, h) &+ e &+ ss1 &+ w15)
            c = sm3Rotl(c, 9)
            g = sm3Rotl(g, 19)

            v.0 ^= a
            v.1 ^= b
            v.2 ^= c
            v.3 ^= d
            v.4 ^= e
            v.5 ^= f
            v.6 ^= g
            v.7 ^= h
            p += 64
        }
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        padAndCompress()
        var out = buffer.chain
        withUnsafeMutableBytes(of: &out) { b in
            for i in 0..<8 {
                let w = b.load(fromByteOffset: i &* 4, as: UInt32.self)
                b.storeBytes(of: w.bigEndian, toByteOffset: i &* 4, as: UInt32.self)
            }
        }
        return withUnsafeBytes(of: &out) { Array($0) }
    }
}
#endif
