/// The generic AES core: constant-time bitsliced Swift, the variant every build has (as
/// BearSSL's `aes_ct64`). ``AES`` picks it, or `AESNI`, when a key is set.
///
/// No secret-indexed tables: there are no tables and no branches or memory addresses that
/// depend on the key or the data. The state is bitsliced: four blocks are held in eight 64-bit
/// words ("slices"), slice `j` holding bit `j` of all 64 state bytes, and SubBytes is
/// evaluated as a Boolean circuit (Boyar and Peralta's 113-gate S-box) on the whole slice set
/// at once. The key schedule runs its SubWord through the same circuit.
///
/// Inside a slice, the byte in row `r`, column `c` of block `b` is bit `16r + 4c + b`.
/// The rounds are "fixsliced" (Adomnicai and Peyrin, 2020): ShiftRows is never applied to
/// the state. After `i` rounds the bytes of logical column `c` sit at physical column
/// `c + i·r (mod 4)` of row `r`, so MixColumns of round `i` takes the byte one row down
/// `i mod 4` columns to the right. Round key `i` is stored already permuted into that
/// representation, and the one fix-up (ShiftRows², a byte swap in rows 1 and 3) happens
/// after the last round of AES-128/256 (before the first one when decrypting).
///
/// One block costs as much as four, so callers should hand over runs of blocks.
///
/// A value is a view of a key schedule owned by an ``AES`` value (round key `i` as eight
/// slices at `8i ..< 8i + 8`), valid while that storage is borrowed.
struct AESGeneric {
    let roundKeys: UnsafePointer<UInt64>
    let rounds: Int

    @inline(__always)
    init(roundKeys: UnsafePointer<UInt64>, rounds: Int) {
        self.roundKeys = roundKeys
        self.rounds = rounds
    }

    /// Expands `key` (16, 24 or 32 bytes, already checked) into `rk`; returns Nr.
    static func expandKey(_ key: [UInt8], into rk: inout InlineArray<120, UInt64>) -> Int {
        let nk = key.count / 4
        let rounds = nk + 6

        // FIPS 197 section 5.2; word i holds its four bytes little-endian (byte 0 lowest).
        var w = InlineArray<60, UInt32>(repeating: 0)
        for i in 0..<nk {
            w[i] =
                UInt32(key[4 * i]) | UInt32(key[4 * i + 1]) << 8
                | UInt32(key[4 * i + 2]) << 16 | UInt32(key[4 * i + 3]) << 24
        }
        var rcon: UInt32 = 1
        for i in nk..<(4 * (rounds + 1)) {
            var t = w[i - 1]
            if i % nk == 0 {
                t = Self.subWord((t &>> 8) | (t &<< 24)) ^ rcon
                rcon = (rcon &<< 1) ^ (0x11b & (0 &- (rcon &>> 7)))
            } else if nk > 6 && i % nk == 4 {
                t = Self.subWord(t)
            }
            w[i] = w[i - nk] ^ t
        }

        rk = InlineArray<120, UInt64>(repeating: 0)
        for i in 0...rounds {
            let k = i & 3
            for r in 0..<4 {
                for c in 0..<4 {
                    // Physical column c of row r holds logical column c - k·r.
                    let logical = (c &- k &* r) & 3
                    let byte = UInt64((w[4 * i + logical] &>> UInt32(8 * r)) & 0xff)
                    let position = UInt64(16 * r + 4 * c)
                    for j in 0..<8 {
                        rk[8 * i + j] |= (((byte &>> UInt64(j)) & 1) &* 0xf) &<< position
                    }
                }
            }
        }
        for i in 0..<60 { w[i] = 0 }
        return rounds
    }

    func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        var s = Slices(loadingOne: block)
        encryptCore(&s, roundKeys)
        s.storeOne(output)
    }

    func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        var s = Slices(loadingOne: block)
        decryptCore(&s, roundKeys)
        s.storeOne(output)
    }

    /// ECB over `count` blocks, four at a time; in-place allowed.
    func encrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        let rk = roundKeys
        var i = input
        var o = output
        var n = count
        while n >= 4 {
            var s = Slices(loadingFour: i)
            encryptCore(&s, rk)
            s.storeFour(o)
            i += 64
            o += 64
            n -= 4
        }
        if n > 0 { Self.tail(i, o, n) { encryptCore(&$0, rk) } }
    }

    /// ECB decryption over `count` blocks, four at a time; in-place allowed.
    func decrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        let rk = roundKeys
        var i = input
        var o = output
        var n = count
        while n >= 4 {
            var s = Slices(loadingFour: i)
            decryptCore(&s, rk)
            s.storeFour(o)
            i += 64
            o += 64
            n -= 4
        }
        if n > 0 { Self.tail(i, o, n) { decryptCore(&$0, rk) } }
    }

    /// CBC encryption; `iv` is left holding the last ciphertext block.
    func cbcEncrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        let rk = roundKeys
        var c0 = iv.loadUnaligned(as: UInt64.self)
        var c1 = iv.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        var i = input
        var o = output
        for _ in 0..<count {
            c0 ^= i.loadUnaligned(as: UInt64.self)
            c1 ^= i.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            var s = Slices(words: c0, c1)
            encryptCore(&s, rk)
            (c0, c1) = s.wordsOfFirst()
            o.storeBytes(of: c0, as: UInt64.self)
            o.storeBytes(of: c1, toByteOffset: 8, as: UInt64.self)
            i += 16
            o += 16
        }
        iv.storeBytes(of: c0, as: UInt64.self)
        iv.storeBytes(of: c1, toByteOffset: 8, as: UInt64.self)
    }

    /// CBC decryption, four blocks at a time; `iv` is left holding the last ciphertext block.
    func cbcDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        let rk = roundKeys
        var p0 = iv.loadUnaligned(as: UInt64.self)
        var p1 = iv.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        var i = input
        var o = output
        var n = count
        while n > 0 {
            // Up to four ciphertext blocks kept in registers, so in-place works.
            let k = min(n, 4)
            var c = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &c) { $0.baseAddress!.copyMemory(from: i, byteCount: 16 * k) }
            var s = withUnsafeBytes(of: &c) { Slices(loadingFour: $0.baseAddress!) }
            decryptCore(&s, rk)
            var plain = c
            withUnsafeMutableBytes(of: &plain) { s.storeFour($0.baseAddress!) }
            plain.0 ^= p0
            plain.1 ^= p1
            plain.2 ^= c.0
            plain.3 ^= c.1
            plain.4 ^= c.2
            plain.5 ^= c.3
            plain.6 ^= c.4
            plain.7 ^= c.5
            withUnsafeBytes(of: &plain) { o.copyMemory(from: $0.baseAddress!, byteCount: 16 * k) }
            withUnsafeBytes(of: &c) { b in
                p0 = b.load(fromByteOffset: 16 * (k - 1), as: UInt64.self)
                p1 = b.load(fromByteOffset: 16 * (k - 1) + 8, as: UInt64.self)
            }
            i += 16 * k
            o += 16 * k
            n -= k
        }
        iv.storeBytes(of: p0, as: UInt64.self)
        iv.storeBytes(of: p1, toByteOffset: 8, as: UInt64.self)
    }

    /// One to three trailing blocks, through a zero-padded four-block buffer.
    @inline(__always)
    private static func tail(
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ n: Int,
        _ core: (inout Slices) -> Void
    ) {
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { b in
            b.baseAddress!.copyMemory(from: input, byteCount: 16 * n)
            var s = Slices(loadingFour: UnsafeRawPointer(b.baseAddress!))
            core(&s)
            s.storeFour(b.baseAddress!)
            output.copyMemory(from: UnsafeRawPointer(b.baseAddress!), byteCount: 16 * n)
        }
    }

    @inline(__always)
    func encryptCore(_ s: inout Slices, _ rk: UnsafePointer<UInt64>) {
        s.addRoundKey(rk)
        var i = 1
        while i + 3 < rounds {
            s.subBytes()
            s.mixColumns1()
            s.addRoundKey(rk + 8 * i)
            s.subBytes()
            s.mixColumns2()
            s.addRoundKey(rk + 8 * (i + 1))
            s.subBytes()
            s.mixColumns3()
            s.addRoundKey(rk + 8 * (i + 2))
            s.subBytes()
            s.mixColumns0()
            s.addRoundKey(rk + 8 * (i + 3))
            i += 4
        }
        s.subBytes()
        s.mixColumns1()
        s.addRoundKey(rk + 8 * i)
        if rounds == 12 {
            s.subBytes()
            s.mixColumns2()
            s.addRoundKey(rk + 8 * 10)
            s.subBytes()
            s.mixColumns3()
            s.addRoundKey(rk + 8 * 11)
        }
        s.subBytes()
        s.addRoundKey(rk + 8 * rounds)
        if rounds != 12 { s.shiftRows2() }
    }

    @inline(__always)
    func decryptCore(_ s: inout Slices, _ rk: UnsafePointer<UInt64>) {
        if rounds != 12 { s.shiftRows2() }
        s.addRoundKey(rk + 8 * rounds)
        var i = rounds - 1
        if rounds == 12 {
            s.invSubBytes()
            s.addRoundKey(rk + 8 * 11)
            s.invMixColumns3()
            s.invSubBytes()
            s.addRoundKey(rk + 8 * 10)
            s.invMixColumns2()
            i = 9
        }
        s.invSubBytes()
        s.addRoundKey(rk + 8 * i)
        s.invMixColumns1()
        i -= 1
        while i > 0 {
            s.invSubBytes()
            s.addRoundKey(rk + 8 * i)
            s.invMixColumns0()
            s.invSubBytes()
            s.addRoundKey(rk + 8 * (i - 1))
            s.invMixColumns3()
            s.invSubBytes()
            s.addRoundKey(rk + 8 * (i - 2))
            s.invMixColumns2()
            s.invSubBytes()
            s.addRoundKey(rk + 8 * (i - 3))
            s.invMixColumns1()
            i -= 4
        }
        s.invSubBytes()
        s.addRoundKey(rk)
    }

    /// SubWord through the S-box circuit (constant time), for the key schedule.
    static func subWord(_ x: UInt32) -> UInt32 {
        var s = Slices(0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &s) { p in
            for j in 0..<8 {
                var plane: UInt64 = 0
                for n in 0..<4 { plane |= UInt64((x &>> UInt32(8 * n + j)) & 1) &<< UInt64(n) }
                p.storeBytes(of: plane, toByteOffset: 8 * j, as: UInt64.self)
            }
        }
        s.subBytes()
        var out: UInt32 = 0
        withUnsafeBytes(of: &s) { p in
            for j in 0..<8 {
                let plane = p.load(fromByteOffset: 8 * j, as: UInt64.self)
                for n in 0..<4 { out |= UInt32(truncatingIfNeeded: (plane &>> UInt64(n)) & 1) &<< UInt32(8 * n + j) }
            }
        }
        return out
    }
}

extension AESGeneric {
    /// Eight bit-planes of four AES states: `q0` holds the least significant bit of every byte.
    struct Slices {
        var q0, q1, q2, q3, q4, q5, q6, q7: UInt64

        @inline(__always)
        init(
            _ q0: UInt64, _ q1: UInt64, _ q2: UInt64, _ q3: UInt64,
            _ q4: UInt64, _ q5: UInt64, _ q6: UInt64, _ q7: UInt64
        ) {
            (self.q0, self.q1, self.q2, self.q3) = (q0, q1, q2, q3)
            (self.q4, self.q5, self.q6, self.q7) = (q4, q5, q6, q7)
        }

        // MARK: Bitslicing

        /// Exchanges the bits of `b` selected by `mask` with the bits of `a` selected by `mask << n`.
        @inline(__always)
        static func swapMove(_ a: inout UInt64, _ b: inout UInt64, _ mask: UInt64, _ n: UInt64) {
            let t = ((a &>> n) ^ b) & mask
            b ^= t
            a ^= t &<< n
        }

        /// Byte slots (0 1 2 3 4 5 6 7) -> (0 4 1 5 2 6 3 7): columns c and c + 2 interleaved by row.
        @inline(__always)
        static func interleave(_ x: UInt64) -> UInt64 {
            var x = x
            var t = ((x &>> 16) ^ x) & 0x0000_0000_ffff_0000
            x ^= t ^ (t &<< 16)
            t = ((x &>> 8) ^ x) & 0x0000_ff00_0000_ff00
            x ^= t ^ (t &<< 8)
            return x
        }

        @inline(__always)
        static func deinterleave(_ x: UInt64) -> UInt64 {
            var x = x
            var t = ((x &>> 8) ^ x) & 0x0000_ff00_0000_ff00
            x ^= t ^ (t &<< 8)
            t = ((x &>> 16) ^ x) & 0x0000_0000_ffff_0000
            x ^= t ^ (t &<< 16)
            return x
        }

        /// Transposes each byte-slot's 8x8 bit matrix: afterwards word j's bit 8k + i is the
        /// former word i's bit 8k + j. Its own inverse.
        @inline(__always)
        mutating func transpose() {
            Self.swapMove(&q0, &q1, 0x5555_5555_5555_5555, 1)
            Self.swapMove(&q2, &q3, 0x5555_5555_5555_5555, 1)
            Self.swapMove(&q4, &q5, 0x5555_5555_5555_5555, 1)
            Self.swapMove(&q6, &q7, 0x5555_5555_5555_5555, 1)
            Self.swapMove(&q0, &q2, 0x3333_3333_3333_3333, 2)
            Self.swapMove(&q1, &q3, 0x3333_3333_3333_3333, 2)
            Self.swapMove(&q4, &q6, 0x3333_3333_3333_3333, 2)
            Self.swapMove(&q5, &q7, 0x3333_3333_3333_3333, 2)
            Self.swapMove(&q0, &q4, 0x0f0f_0f0f_0f0f_0f0f, 4)
            Self.swapMove(&q1, &q5, 0x0f0f_0f0f_0f0f_0f0f, 4)
            Self.swapMove(&q2, &q6, 0x0f0f_0f0f_0f0f_0f0f, 4)
            Self.swapMove(&q3, &q7, 0x0f0f_0f0f_0f0f_0f0f, 4)
        }

        /// One block's even columns (0, 2) and odd columns (1, 3), each interleaved by row.
        @inline(__always)
        static func split(_ p: UnsafeRawPointer) -> (even: UInt64, odd: UInt64) {
            let lo = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
            let hi = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            let even = (lo & 0xffff_ffff) | (hi &<< 32)
            let odd = (lo &>> 32) | (hi & 0xffff_ffff_0000_0000)
            return (interleave(even), interleave(odd))
        }

        @inline(__always)
        static func join(_ even: UInt64, _ odd: UInt64, _ p: UnsafeMutableRawPointer) {
            let e = deinterleave(even)
            let o = deinterleave(odd)
            let lo = (e & 0xffff_ffff) | (o &<< 32)
            let hi = (e &>> 32) | (o & 0xffff_ffff_0000_0000)
            p.storeBytes(of: lo.littleEndian, as: UInt64.self)
            p.storeBytes(of: hi.littleEndian, toByteOffset: 8, as: UInt64.self)
        }

        /// Four blocks (64 bytes) into slices: block b's byte (r, c) goes to bit 16r + 4c + b.
        @inline(__always)
        init(loadingFour p: UnsafeRawPointer) {
            let b0 = Self.split(p)
            let b1 = Self.split(p + 16)
            let b2 = Self.split(p + 32)
            let b3 = Self.split(p + 48)
            self.init(b0.even, b1.even, b2.even, b3.even, b0.odd, b1.odd, b2.odd, b3.odd)
            transpose()
        }

        @inline(__always)
        init(loadingOne p: UnsafeRawPointer) {
            let b0 = Self.split(p)
            self.init(b0.even, 0, 0, 0, b0.odd, 0, 0, 0)
            transpose()
        }

        /// One block given as its two 8-byte halves, as loaded from memory.
        @inline(__always)
        init(words w0: UInt64, _ w1: UInt64) {
            let lo = UInt64(littleEndian: w0)
            let hi = UInt64(littleEndian: w1)
            let even = Self.interleave((lo & 0xffff_ffff) | (hi &<< 32))
            let odd = Self.interleave((lo &>> 32) | (hi & 0xffff_ffff_0000_0000))
            self.init(even, 0, 0, 0, odd, 0, 0, 0)
            transpose()
        }

        /// The first block's two 8-byte halves, ready to store to memory.
        @inline(__always)
        func wordsOfFirst() -> (UInt64, UInt64) {
            var s = self
            s.transpose()
            let e = Self.deinterleave(s.q0)
            let o = Self.deinterleave(s.q4)
            let lo = (e & 0xffff_ffff) | (o &<< 32)
            let hi = (e &>> 32) | (o & 0xffff_ffff_0000_0000)
            return (lo.littleEndian, hi.littleEndian)
        }

        @inline(__always)
        func storeFour(_ p: UnsafeMutableRawPointer) {
            var s = self
            s.transpose()
            Self.join(s.q0, s.q4, p)
            Self.join(s.q1, s.q5, p + 16)
            Self.join(s.q2, s.q6, p + 32)
            Self.join(s.q3, s.q7, p + 48)
        }

        @inline(__always)
        func storeOne(_ p: UnsafeMutableRawPointer) {
            var s = self
            s.transpose()
            Self.join(s.q0, s.q4, p)
        }

        // MARK: Round functions

        @inline(__always)
        mutating func addRoundKey(_ k: UnsafePointer<UInt64>) {
            q0 ^= k[0]
            q1 ^= k[1]
            q2 ^= k[2]
            q3 ^= k[3]
            q4 ^= k[4]
            q5 ^= k[5]
            q6 ^= k[6]
            q7 ^= k[7]
        }

        /// ShiftRows applied twice: rows 1 and 3 swap their two column pairs. Its own inverse;
        /// moves between fixslice representations 0 and 2.
        @inline(__always)
        mutating func shiftRows2() {
            @inline(__always) func sr2(_ x: UInt64) -> UInt64 {
                (x & 0x0000_ffff_0000_ffff) | ((x & 0x00ff_0000_00ff_0000) &<< 8) | ((x &>> 8) & 0x00ff_0000_00ff_0000)
            }
            q0 = sr2(q0)
            q1 = sr2(q1)
            q2 = sr2(q2)
            q3 = sr2(q3)
            q4 = sr2(q4)
            q5 = sr2(q5)
            q6 = sr2(q6)
            q7 = sr2(q7)
        }

        @inline(__always)
        static func ror(_ x: UInt64, _ n: UInt64) -> UInt64 {
            (x &>> n) | (x &<< (64 &- n))
        }

        /// Each byte (r, c) replaced by the byte at (r + dr, c + dc), indices mod 4.
        @inline(__always)
        static func shift(_ x: UInt64, rows dr: UInt64, columns dc: UInt64) -> UInt64 {
            let high: UInt64  // source columns >= dc, which do not wrap
            switch dc {
            case 0: return ror(x, 16 &* dr)
            case 1: high = 0xfff0_fff0_fff0_fff0
            case 2: high = 0xff00_ff00_ff00_ff00
            default: high = 0xf000_f000_f000_f000
            }
            return ror(x & high, 16 &* dr &+ 4 &* dc) | ror(x & ~high, 16 &* dr &+ 4 &* dc &- 16)
        }

        /// MixColumns in fixslice representation k: a logical column's next row is one row
        /// down and k columns right.
        @inline(__always)
        mutating func mixColumns(_ k: UInt64) {
            let k2 = (2 &* k) & 3
            let r0 = Self.shift(q0, rows: 1, columns: k)
            let r1 = Self.shift(q1, rows: 1, columns: k)
            let r2 = Self.shift(q2, rows: 1, columns: k)
            let r3 = Self.shift(q3, rows: 1, columns: k)
            let r4 = Self.shift(q4, rows: 1, columns: k)
            let r5 = Self.shift(q5, rows: 1, columns: k)
            let r6 = Self.shift(q6, rows: 1, columns: k)
            let r7 = Self.shift(q7, rows: 1, columns: k)
            // s = a(r) ^ a(r+1); out = 2·s ^ a(r+1) ^ (a(r+2) ^ a(r+3)).
            let s0 = q0 ^ r0
            let s1 = q1 ^ r1
            let s2 = q2 ^ r2
            let s3 = q3 ^ r3
            let s4 = q4 ^ r4
            let s5 = q5 ^ r5
            let s6 = q6 ^ r6
            let s7 = q7 ^ r7
            q0 = s7 ^ r0 ^ Self.shift(s0, rows: 2, columns: k2)
            q1 = s0 ^ s7 ^ r1 ^ Self.shift(s1, rows: 2, columns: k2)
            q2 = s1 ^ r2 ^ Self.shift(s2, rows: 2, columns: k2)
            q3 = s2 ^ s7 ^ r3 ^ Self.shift(s3, rows: 2, columns: k2)
            q4 = s3 ^ s7 ^ r4 ^ Self.shift(s4, rows: 2, columns: k2)
            q5 = s4 ^ r5 ^ Self.shift(s5, rows: 2, columns: k2)
            q6 = s5 ^ r6 ^ Self.shift(s6, rows: 2, columns: k2)
            q7 = s6 ^ r7 ^ Self.shift(s7, rows: 2, columns: k2)
        }

        /// InvMixColumns = MixColumns · ({04}x² + {05}): first a(r) ^= 4·(a(r) ^ a(r+2)).
        @inline(__always)
        mutating func invMixColumns(_ k: UInt64) {
            let k2 = (2 &* k) & 3
            let u0 = q0 ^ Self.shift(q0, rows: 2, columns: k2)
            let u1 = q1 ^ Self.shift(q1, rows: 2, columns: k2)
            let u2 = q2 ^ Self.shift(q2, rows: 2, columns: k2)
            let u3 = q3 ^ Self.shift(q3, rows: 2, columns: k2)
            let u4 = q4 ^ Self.shift(q4, rows: 2, columns: k2)
            let u5 = q5 ^ Self.shift(q5, rows: 2, columns: k2)
            let u6 = q6 ^ Self.shift(q6, rows: 2, columns: k2)
            let u7 = q7 ^ Self.shift(q7, rows: 2, columns: k2)
            q0 ^= u6
            q1 ^= u6 ^ u7
            q2 ^= u0 ^ u7
            q3 ^= u1 ^ u6
            q4 ^= u2 ^ u6 ^ u7
            q5 ^= u3 ^ u7
            q6 ^= u4
            q7 ^= u5
            mixColumns(k)
        }

        @inline(__always) mutating func mixColumns0() { mixColumns(0) }
        @inline(__always) mutating func mixColumns1() { mixColumns(1) }
        @inline(__always) mutating func mixColumns2() { mixColumns(2) }
        @inline(__always) mutating func mixColumns3() { mixColumns(3) }
        @inline(__always) mutating func invMixColumns0() { invMixColumns(0) }
        @inline(__always) mutating func invMixColumns1() { invMixColumns(1) }
        @inline(__always) mutating func invMixColumns2() { invMixColumns(2) }
        @inline(__always) mutating func invMixColumns3() { invMixColumns(3) }

        /// SubBytes on every byte: Boyar and Peralta's circuit (32 AND, 83 XOR/XNOR).
        @inline(__always)
        mutating func subBytes() {
            let x0 = q7
            let x1 = q6
            let x2 = q5
            let x3 = q4
            let x4 = q3
            let x5 = q2
            let x6 = q1
            let x7 = q0

            // Top linear layer.
            let y14 = x3 ^ x5
            let y13 = x0 ^ x6
            let y9 = x0 ^ x3
            let y8 = x0 ^ x5
            let t0 = x1 ^ x2
            let y1 = t0 ^ x7
            let y4 = y1 ^ x3
            let y12 = y13 ^ y14
            let y2 = y1 ^ x0
            let y5 = y1 ^ x6
            let y3 = y5 ^ y8
            let t1 = x4 ^ y12
            let y15 = t1 ^ x5
            let y20 = t1 ^ x1
            let y6 = y15 ^ x7
            let y10 = y15 ^ t0
            let y11 = y20 ^ y9
            let y7 = x7 ^ y11
            let y17 = y10 ^ y11
            let y19 = y10 ^ y8
            let y16 = t0 ^ y11
            let y21 = y13 ^ y16
            let y18 = x0 ^ y16

            // Shared non-linear middle (inversion in GF(2^4)^2).
            let t2 = y12 & y15
            let t3 = y3 & y6
            let t4 = t3 ^ t2
            let t5 = y4 & x7
            let t6 = t5 ^ t2
            let t7 = y13 & y16
            let t8 = y5 & y1
            let t9 = t8 ^ t7
            let t10 = y2 & y7
            let t11 = t10 ^ t7
            let t12 = y9 & y11
            let t13 = y14 & y17
            let t14 = t13 ^ t12
            let t15 = y8 & y10
            let t16 = t15 ^ t12
            let t17 = t4 ^ t14
            let t18 = t6 ^ t16
            let t19 = t9 ^ t14
            let t20 = t11 ^ t16
            let t21 = t17 ^ y20
            let t22 = t18 ^ y19
            let t23 = t19 ^ y21
            let t24 = t20 ^ y18

            let t25 = t21 ^ t22
            let t26 = t21 & t23
            let t27 = t24 ^ t26
            let t28 = t25 & t27
            let t29 = t28 ^ t22
            let t30 = t23 ^ t24
            let t31 = t22 ^ t26
            let t32 = t31 & t30
            let t33 = t32 ^ t24
            let t34 = t23 ^ t33
            let t35 = t27 ^ t33
            let t36 = t24 & t35
            let t37 = t36 ^ t34
            let t38 = t27 ^ t36
            let t39 = t29 & t38
            let t40 = t25 ^ t39

            let t41 = t40 ^ t37
            let t42 = t29 ^ t33
            let t43 = t29 ^ t40
            let t44 = t33 ^ t37
            let t45 = t42 ^ t41
            let z0 = t44 & y15
            let z1 = t37 & y6
            let z2 = t33 & x7
            let z3 = t43 & y16
            let z4 = t40 & y1
            let z5 = t29 & y7
            let z6 = t42 & y11
            let z7 = t45 & y17
            let z8 = t41 & y10
            let z9 = t44 & y12
            let z10 = t37 & y3
            let z11 = t33 & y4
            let z12 = t43 & y13
            let z13 = t40 & y5
            let z14 = t29 & y2
            let z15 = t42 & y9
            let z16 = t45 & y14
            let z17 = t41 & y8

            // Bottom linear layer.
            let t46 = z15 ^ z16
            let t47 = z10 ^ z11
            let t48 = z5 ^ z13
            let t49 = z9 ^ z10
            let t50 = z2 ^ z12
            let t51 = z2 ^ z5
            let t52 = z7 ^ z8
            let t53 = z0 ^ z3
            let t54 = z6 ^ z7
            let t55 = z16 ^ z17
            let t56 = z12 ^ t48
            let t57 = t50 ^ t53
            let t58 = z4 ^ t46
            let t59 = z3 ^ t54
            let t60 = t46 ^ t57
            let t61 = z14 ^ t57
            let t62 = t52 ^ t58
            let t63 = t49 ^ t58
            let t64 = z4 ^ t59
            let t65 = t61 ^ t62
            let t66 = z1 ^ t63
            let s0 = t59 ^ t63
            let s6 = t56 ^ ~t62
            let s7 = t48 ^ ~t60
            let t67 = t64 ^ t65
            let s3 = t53 ^ t66
            let s4 = t51 ^ t66
            let s5 = t47 ^ t65
            let s1 = t64 ^ ~s3
            let s2 = t55 ^ ~t67

            q7 = s0
            q6 = s1
            q5 = s2
            q4 = s3
            q3 = s4
            q2 = s5
            q1 = s6
            q0 = s7
        }

        /// The inverse affine map of FIPS 197 section 5.3.2: b(i) = a(i+2) ^ a(i+5) ^ a(i+7) ^ {05}(i).
        /// As {05} = A⁻¹({63}), it equals A⁻¹(a ^ {63}), so InvSubBytes = L · SubBytes · L.
        @inline(__always)
        mutating func inverseAffine() {
            let a0 = ~q0
            let a1 = ~q1
            let a2 = q2
            let a3 = q3
            let a4 = q4
            let a5 = ~q5
            let a6 = ~q6
            let a7 = q7
            q0 = a2 ^ a5 ^ a7
            q1 = a3 ^ a6 ^ a0
            q2 = a4 ^ a7 ^ a1
            q3 = a5 ^ a0 ^ a2
            q4 = a6 ^ a1 ^ a3
            q5 = a7 ^ a2 ^ a4
            q6 = a0 ^ a3 ^ a5
            q7 = a1 ^ a4 ^ a6
        }

        @inline(__always)
        mutating func invSubBytes() {
            inverseAffine()
            subBytes()
            inverseAffine()
        }
    }
}
