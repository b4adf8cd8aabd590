#if RMD160
@inline(__always)
private func rmdRotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &<< n) | (x &>> (32 &- n))
}

@inline(__always)
private func rmdLoad(_ p: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
}

@inline(__always) private func rmdF1(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { x ^ y ^ z }
@inline(__always) private func rmdF2(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { z ^ (x & (y ^ z)) }
@inline(__always) private func rmdF3(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { (x | ~y) ^ z }
@inline(__always) private func rmdF4(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { y ^ (z & (x ^ y)) }
@inline(__always) private func rmdF5(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 { x ^ (y | ~z) }

/// RIPEMD-160, the 160-bit hash of Dobbertin, Bosselaers and Preneel (ISO/IEC 10118-3),
/// OpenSSL's `RIPEMD160`.
///
/// 64-byte blocks, little-endian words and length, two parallel lines of 80 steps each.
/// Present only with the `RMD160` trait (OpenSSL's `no-rmd160` removes it).
///
/// Buffering and padding are the shared `MerkleDamgard`; this file has the compression
/// function. No tables: nothing is indexed by secret data.
public struct RIPEMD160: HashFunction, MerkleDamgard {
    static var lengthSize: Int { 8 }
    static var bigEndianLength: Bool { false }

    /// The block length in bytes.
    public static var blockSize: Int { 64 }
    /// The output length in bytes.
    public static var digestSize: Int { 20 }

    /// The chaining value h0...h4, the partial block and the length.
    var buffer = BlockBuffer<(UInt32, UInt32, UInt32, UInt32, UInt32), Block64>(
        (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0))

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Compresses `blocks` whole 64-byte blocks at `p` into `h` (`BlockBuffered`).
    static func compress(_ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32), _ p: UnsafeRawPointer, blocks: Int) {
        var p = p
        for _ in 0..<blocks {
            let x0 = rmdLoad(p, 0)
            let x1 = rmdLoad(p, 4)
            let x2 = rmdLoad(p, 8)
            let x3 = rmdLoad(p, 12)
            let x4 = rmdLoad(p, 16)
            let x5 = rmdLoad(p, 20)
            let x6 = rmdLoad(p, 24)
            let x7 = rmdLoad(p, 28)
            let x8 = rmdLoad(p, 32)
            let x9 = rmdLoad(p, 36)
            let x10 = rmdLoad(p, 40)
            let x11 = rmdLoad(p, 44)
            let x12 = rmdLoad(p, 48)
            let x13 = rmdLoad(p, 52)
            let x14 = rmdLoad(p, 56)
            let x15 = rmdLoad(p, 60)
            var la = h.0
            var lb = h.1
            var lc = h.2
            var ld = h.3
            var le = h.4
            var ra = la
            var rb = lb
            var rc = lc
            var rd = ld
            var re = le
            la = rmdRotl(la &+ rmdF1(lb, lc, ld) &+ x0, 11) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF5(rb, rc, rd) &+ x5 &+ 0x50A2_8BE6, 8) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF1(la, lb, lc) &+ x1, 14) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF5(ra, rb, rc) &+ x14 &+ 0x50A2_8BE6, 9) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF1(le, la, lb) &+ x2, 15) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF5(re, ra, rb) &+ x7 &+ 0x50A2_8BE6, 9) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF1(ld, le, la) &+ x3, 12) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF5(rd, re, ra) &+ x0 &+ 0x50A2_8BE6, 11) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF1(lc, ld, le) &+ x4, 5) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF5(rc, rd, re) &+ x9 &+ 0x50A2_8BE6, 13) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF1(lb, lc, ld) &+ x5, 8) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF5(rb, rc, rd) &+ x2 &+ 0x50A2_8BE6, 15) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF1(la, lb, lc) &+ x6, 7) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF5(ra, rb, rc) &+ x11 &+ 0x50A2_8BE6, 15) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF1(le, la, lb) &+ x7, 9) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF5(re, ra, rb) &+ x4 &+ 0x50A2_8BE6, 5) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF1(ld, le, la) &+ x8, 11) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF5(rd, re, ra) &+ x13 &+ 0x50A2_8BE6, 7) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF1(lc, ld, le) &+ x9, 13) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF5(rc, rd, re) &+ x6 &+ 0x50A2_8BE6, 7) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF1(lb, lc, ld) &+ x10, 14) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF5(rb, rc, rd) &+ x15 &+ 0x50A2_8BE6, 8) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF1(la, lb, lc) &+ x11, 15) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF5(ra, rb, rc) &+ x8 &+ 0x50A2_8BE6, 11) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF1(le, la, lb) &+ x12, 6) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF5(re, ra, rb) &+ x1 &+ 0x50A2_8BE6, 14) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF1(ld, le, la) &+ x13, 7) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF5(rd, re, ra) &+ x10 &+ 0x50A2_8BE6, 14) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF1(lc, ld, le) &+ x14, 9) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF5(rc, rd, re) &+ x3 &+ 0x50A2_8BE6, 12) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF1(lb, lc, ld) &+ x15, 8) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF5(rb, rc, rd) &+ x12 &+ 0x50A2_8BE6, 6) &+ re
            rc = rmdRotl(rc, 10)

            le = rmdRotl(le &+ rmdF2(la, lb, lc) &+ x7 &+ 0x5A82_7999, 7) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF4(ra, rb, rc) &+ x6 &+ 0x5C4D_D124, 9) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF2(le, la, lb) &+ x4 &+ 0x5A82_7999, 6) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF4(re, ra, rb) &+ x11 &+ 0x5C4D_D124, 13) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF2(ld, le, la) &+ x13 &+ 0x5A82_7999, 8) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF4(rd, re, ra) &+ x3 &+ 0x5C4D_D124, 15) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF2(lc, ld, le) &+ x1 &+ 0x5A82_7999, 13) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF4(rc, rd, re) &+ x7 &+ 0x5C4D_D124, 7) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF2(lb, lc, ld) &+ x10 &+ 0x5A82_7999, 11) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF4(rb, rc, rd) &+ x0 &+ 0x5C4D_D124, 12) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF2(la, lb, lc) &+ x6 &+ 0x5A82_7999, 9) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF4(ra, rb, rc) &+ x13 &+ 0x5C4D_D124, 8) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF2(le, la, lb) &+ x15 &+ 0x5A82_7999, 7) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF4(re, ra, rb) &+ x5 &+ 0x5C4D_D124, 9) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF2(ld, le, la) &+ x3 &+ 0x5A82_7999, 15) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF4(rd, re, ra) &+ x10 &+ 0x5C4D_D124, 11) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF2(lc, ld, le) &+ x12 &+ 0x5A82_7999, 7) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF4(rc, rd, re) &+ x14 &+ 0x5C4D_D124, 7) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF2(lb, lc, ld) &+ x0 &+ 0x5A82_7999, 12) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF4(rb, rc, rd) &+ x15 &+ 0x5C4D_D124, 7) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF2(la, lb, lc) &+ x9 &+ 0x5A82_7999, 15) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF4(ra, rb, rc) &+ x8 &+ 0x5C4D_D124, 12) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF2(le, la, lb) &+ x5 &+ 0x5A82_7999, 9) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF4(re, ra, rb) &+ x12 &+ 0x5C4D_D124, 7) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF2(ld, le, la) &+ x2 &+ 0x5A82_7999, 11) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF4(rd, re, ra) &+ x4 &+ 0x5C4D_D124, 6) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF2(lc, ld, le) &+ x14 &+ 0x5A82_7999, 7) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF4(rc, rd, re) &+ x9 &+ 0x5C4D_D124, 15) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF2(lb, lc, ld) &+ x11 &+ 0x5A82_7999, 13) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF4(rb, rc, rd) &+ x1 &+ 0x5C4D_D124, 13) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF2(la, lb, lc) &+ x8 &+ 0x5A82_7999, 12) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF4(ra, rb, rc) &+ x2 &+ 0x5C4D_D124, 11) &+ rd
            rb = rmdRotl(rb, 10)

            ld = rmdRotl(ld &+ rmdF3(le, la, lb) &+ x3 &+ 0x6ED9_EBA1, 11) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF3(re, ra, rb) &+ x15 &+ 0x6D70_3EF3, 9) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF3(ld, le, la) &+ x10 &+ 0x6ED9_EBA1, 13) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF3(rd, re, ra) &+ x5 &+ 0x6D70_3EF3, 7) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF3(lc, ld, le) &+ x14 &+ 0x6ED9_EBA1, 6) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF3(rc, rd, re) &+ x1 &+ 0x6D70_3EF3, 15) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF3(lb, lc, ld) &+ x4 &+ 0x6ED9_EBA1, 7) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF3(rb, rc, rd) &+ x3 &+ 0x6D70_3EF3, 11) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF3(la, lb, lc) &+ x9 &+ 0x6ED9_EBA1, 14) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF3(ra, rb, rc) &+ x7 &+ 0x6D70_3EF3, 8) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF3(le, la, lb) &+ x15 &+ 0x6ED9_EBA1, 9) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF3(re, ra, rb) &+ x14 &+ 0x6D70_3EF3, 6) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF3(ld, le, la) &+ x8 &+ 0x6ED9_EBA1, 13) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF3(rd, re, ra) &+ x6 &+ 0x6D70_3EF3, 6) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF3(lc, ld, le) &+ x1 &+ 0x6ED9_EBA1, 15) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF3(rc, rd, re) &+ x9 &+ 0x6D70_3EF3, 14) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF3(lb, lc, ld) &+ x2 &+ 0x6ED9_EBA1, 14) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF3(rb, rc, rd) &+ x11 &+ 0x6D70_3EF3, 12) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF3(la, lb, lc) &+ x7 &+ 0x6ED9_EBA1, 8) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF3(ra, rb, rc) &+ x8 &+ 0x6D70_3EF3, 13) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF3(le, la, lb) &+ x0 &+ 0x6ED9_EBA1, 13) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF3(re, ra, rb) &+ x12 &+ 0x6D70_3EF3, 5) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF3(ld, le, la) &+ x6 &+ 0x6ED9_EBA1, 6) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF3(rd, re, ra) &+ x2 &+ 0x6D70_3EF3, 14) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF3(lc, ld, le) &+ x13 &+ 0x6ED9_EBA1, 5) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF3(rc, rd, re) &+ x10 &+ 0x6D70_3EF3, 13) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF3(lb, lc, ld) &+ x11 &+ 0x6ED9_EBA1, 12) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF3(rb, rc, rd) &+ x0 &+ 0x6D70_3EF3, 13) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF3(la, lb, lc) &+ x5 &+ 0x6ED9_EBA1, 7) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF3(ra, rb, rc) &+ x4 &+ 0x6D70_3EF3, 7) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF3(le, la, lb) &+ x12 &+ 0x6ED9_EBA1, 5) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF3(re, ra, rb) &+ x13 &+ 0x6D70_3EF3, 5) &+ rc
            ra = rmdRotl(ra, 10)

            lc = rmdRotl(lc &+ rmdF4(ld, le, la) &+ x1 &+ 0x8F1B_BCDC, 11) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF2(rd, re, ra) &+ x8 &+ 0x7A6D_76E9, 15) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF4(lc, ld, le) &+ x9 &+ 0x8F1B_BCDC, 12) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF2(rc, rd, re) &+ x6 &+ 0x7A6D_76E9, 5) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF4(lb, lc, ld) &+ x11 &+ 0x8F1B_BCDC, 14) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF2(rb, rc, rd) &+ x4 &+ 0x7A6D_76E9, 8) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF4(la, lb, lc) &+ x10 &+ 0x8F1B_BCDC, 15) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF2(ra, rb, rc) &+ x1 &+ 0x7A6D_76E9, 11) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF4(le, la, lb) &+ x0 &+ 0x8F1B_BCDC, 14) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF2(re, ra, rb) &+ x3 &+ 0x7A6D_76E9, 14) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF4(ld, le, la) &+ x8 &+ 0x8F1B_BCDC, 15) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF2(rd, re, ra) &+ x11 &+ 0x7A6D_76E9, 14) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF4(lc, ld, le) &+ x12 &+ 0x8F1B_BCDC, 9) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF2(rc, rd, re) &+ x15 &+ 0x7A6D_76E9, 6) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF4(lb, lc, ld) &+ x4 &+ 0x8F1B_BCDC, 8) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF2(rb, rc, rd) &+ x0 &+ 0x7A6D_76E9, 14) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF4(la, lb, lc) &+ x13 &+ 0x8F1B_BCDC, 9) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF2(ra, rb, rc) &+ x5 &+ 0x7A6D_76E9, 6) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF4(le, la, lb) &+ x3 &+ 0x8F1B_BCDC, 14) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF2(re, ra, rb) &+ x12 &+ 0x7A6D_76E9, 9) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF4(ld, le, la) &+ x7 &+ 0x8F1B_BCDC, 5) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF2(rd, re, ra) &+ x2 &+ 0x7A6D_76E9, 12) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF4(lc, ld, le) &+ x15 &+ 0x8F1B_BCDC, 6) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF2(rc, rd, re) &+ x13 &+ 0x7A6D_76E9, 9) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF4(lb, lc, ld) &+ x14 &+ 0x8F1B_BCDC, 8) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF2(rb, rc, rd) &+ x9 &+ 0x7A6D_76E9, 12) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF4(la, lb, lc) &+ x5 &+ 0x8F1B_BCDC, 6) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF2(ra, rb, rc) &+ x7 &+ 0x7A6D_76E9, 5) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF4(le, la, lb) &+ x6 &+ 0x8F1B_BCDC, 5) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF2(re, ra, rb) &+ x10 &+ 0x7A6D_76E9, 15) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF4(ld, le, la) &+ x2 &+ 0x8F1B_BCDC, 12) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF2(rd, re, ra) &+ x14 &+ 0x7A6D_76E9, 8) &+ rb
            re = rmdRotl(re, 10)

            lb = rmdRotl(lb &+ rmdF5(lc, ld, le) &+ x4 &+ 0xA953_FD4E, 9) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF1(rc, rd, re) &+ x12, 8) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF5(lb, lc, ld) &+ x0 &+ 0xA953_FD4E, 15) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF1(rb, rc, rd) &+ x15, 5) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF5(la, lb, lc) &+ x5 &+ 0xA953_FD4E, 5) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF1(ra, rb, rc) &+ x10, 12) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF5(le, la, lb) &+ x9 &+ 0xA953_FD4E, 11) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF1(re, ra, rb) &+ x4, 9) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF5(ld, le, la) &+ x7 &+ 0xA953_FD4E, 6) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF1(rd, re, ra) &+ x1, 12) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF5(lc, ld, le) &+ x12 &+ 0xA953_FD4E, 8) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF1(rc, rd, re) &+ x5, 5) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF5(lb, lc, ld) &+ x2 &+ 0xA953_FD4E, 13) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF1(rb, rc, rd) &+ x8, 14) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF5(la, lb, lc) &+ x10 &+ 0xA953_FD4E, 12) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF1(ra, rb, rc) &+ x7, 6) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF5(le, la, lb) &+ x14 &+ 0xA953_FD4E, 5) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF1(re, ra, rb) &+ x6, 8) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF5(ld, le, la) &+ x1 &+ 0xA953_FD4E, 12) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF1(rd, re, ra) &+ x2, 13) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF5(lc, ld, le) &+ x3 &+ 0xA953_FD4E, 13) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF1(rc, rd, re) &+ x13, 6) &+ ra
            rd = rmdRotl(rd, 10)
            la = rmdRotl(la &+ rmdF5(lb, lc, ld) &+ x8 &+ 0xA953_FD4E, 14) &+ le
            lc = rmdRotl(lc, 10)
            ra = rmdRotl(ra &+ rmdF1(rb, rc, rd) &+ x14, 5) &+ re
            rc = rmdRotl(rc, 10)
            le = rmdRotl(le &+ rmdF5(la, lb, lc) &+ x11 &+ 0xA953_FD4E, 11) &+ ld
            lb = rmdRotl(lb, 10)
            re = rmdRotl(re &+ rmdF1(ra, rb, rc) &+ x0, 15) &+ rd
            rb = rmdRotl(rb, 10)
            ld = rmdRotl(ld &+ rmdF5(le, la, lb) &+ x6 &+ 0xA953_FD4E, 8) &+ lc
            la = rmdRotl(la, 10)
            rd = rmdRotl(rd &+ rmdF1(re, ra, rb) &+ x3, 13) &+ rc
            ra = rmdRotl(ra, 10)
            lc = rmdRotl(lc &+ rmdF5(ld, le, la) &+ x15 &+ 0xA953_FD4E, 5) &+ lb
            le = rmdRotl(le, 10)
            rc = rmdRotl(rc &+ rmdF1(rd, re, ra) &+ x9, 11) &+ rb
            re = rmdRotl(re, 10)
            lb = rmdRotl(lb &+ rmdF5(lc, ld, le) &+ x13 &+ 0xA953_FD4E, 6) &+ la
            ld = rmdRotl(ld, 10)
            rb = rmdRotl(rb &+ rmdF1(rc, rd, re) &+ x11, 11) &+ ra
            rd = rmdRotl(rd, 10)

            let t = h.1 &+ lc &+ rd
            h.1 = h.2 &+ ld &+ re
            h.2 = h.3 &+ le &+ ra
            h.3 = h.4 &+ la &+ rb
            h.4 = h.0 &+ lb &+ rc
            h.0 = t
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
            for i in 0..<5 {
                let w = b.load(fromByteOffset: i &* 4, as: UInt32.self)
                b.storeBytes(of: w.littleEndian, toByteOffset: i &* 4, as: UInt32.self)
            }
        }
        return withUnsafeBytes(of: &out) { Array($0) }
    }
}
#endif
