#if DES

/// DES, the Data Encryption Standard (FIPS 46-3): a 64-bit block under a 56-bit key.
///
/// Broken by exhaustive search; provided for legacy formats and as the building block of
/// Triple-DES (`DESEDE3`, `DESEDE`), DESX and MDC-2. The key is 8 bytes; as in OpenSSL
/// (`DES_set_key_unchecked`) the low bit of each byte, the parity bit, is ignored and
/// neither parity nor weak keys are checked.
///
/// The round function uses the combined S-box/P tables ("SP-boxes") of Outerbridge's
/// and Young's implementations, indexed by key- and data-dependent values. Secret-indexed
/// lookups can leak through the cache; DES's design (eight 6-to-4-bit S-boxes) leaves no
/// practical table-free form, and the cipher is legacy only, so this is accepted here.
public struct DES: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.fixed(8)

    let schedule: DESKeySchedule

    /// Expands `key` into the key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "DES")
        schedule = DESKeySchedule(key: DESCore.loadKey(key, at: 0))
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        var (l, r) = DESCore.initialPermutation(block)
        DESTables.sp.withUnsafeBufferPointer { sp in
            schedule.encryptRounds(&l, &r, sp.baseAddress!)
        }
        DESCore.finalPermutation(r, l, into: output)
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        var (l, r) = DESCore.initialPermutation(block)
        DESTables.sp.withUnsafeBufferPointer { sp in
            schedule.decryptRounds(&l, &r, sp.baseAddress!)
        }
        DESCore.finalPermutation(r, l, into: output)
    }
}

// MARK: - Internal representation
//
// Block halves are kept as in Outerbridge's d3des: after the initial permutation each
// 32-bit half is rotated left by one bit, which puts every 6-bit group of the expansion E
// on a byte-aligned boundary of either `r` or `r` rotated right by 4 (E's groups 2, 4, 6, 8
// at bits 29...24, 21...16, 13...8, 5...0 of `r`; groups 1, 3, 5, 7 at the same places in
// `rotr(r, 4)`). Each round subkey is stored "cooked" to match: one UInt64 whose high word
// holds the 6-bit subkey groups 1, 3, 5, 7 and whose low word holds 2, 4, 6, 8, one per byte.
// The SP-box entry for S-box j and input x is P(S_j(x)) rotated left by one bit, so the
// round output XORs straight into the other (rotated) half.

/// The 16 cooked round subkeys of one DES key.
struct DESKeySchedule: Sendable {
    var k:
        (
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
        )

    /// `key` is the 8 key bytes read big-endian (byte 0 in the top bits).
    init(key: UInt64) {
        k = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        DESTables.pc1.withUnsafeBufferPointer { pc1 in
            DESTables.pc2.withUnsafeBufferPointer { pc2 in
                withUnsafeMutableBytes(of: &k) { raw in
                    Self.expand(
                        key, pc1.baseAddress!, pc2.baseAddress!,
                        raw.baseAddress!.assumingMemoryBound(to: UInt64.self))
                }
            }
        }
    }

    /// Builds a schedule with table pointers already in hand (MDC-2 rekeys every block).
    @inline(__always)
    init(key: UInt64, pc1: UnsafePointer<UInt64>, pc2: UnsafePointer<UInt64>) {
        k = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &k) { raw in
            Self.expand(key, pc1, pc2, raw.baseAddress!.assumingMemoryBound(to: UInt64.self))
        }
    }

    /// PC-1 (one table per key nibble) into C and D, then for each round the left
    /// rotations and PC-2 (one table per nibble of C and of D), which also cooks the subkey.
    @inline(__always)
    private static func expand(
        _ key: UInt64, _ pc1: UnsafePointer<UInt64>,
        _ pc2: UnsafePointer<UInt64>, _ out: UnsafeMutablePointer<UInt64>
    ) {
        var cd: UInt64 = 0
        for n in 0..<16 {
            cd |= pc1[n &* 16 &+ Int(truncatingIfNeeded: (key &>> UInt64(60 &- 4 &* n)) & 15)]
        }
        var c = UInt32(truncatingIfNeeded: cd &>> 28)
        var d = UInt32(truncatingIfNeeded: cd) & 0x0fff_ffff
        for i in 0..<16 {
            // FIPS 46-3 left shifts: 1 in rounds 1, 2, 9 and 16, else 2 (bit set in 0x7efc).
            let s = UInt32(truncatingIfNeeded: 1 &+ ((0x7efc &>> i) & 1))
            c = ((c &<< s) | (c &>> (28 &- s))) & 0x0fff_ffff
            d = ((d &<< s) | (d &>> (28 &- s))) & 0x0fff_ffff
            var sub: UInt64 = 0
            for n in 0..<7 {
                let shift = UInt32(truncatingIfNeeded: 24 &- 4 &* n)
                sub |= pc2[n &* 16 &+ Int(truncatingIfNeeded: (c &>> shift) & 15)]
                sub |= pc2[(n &+ 7) &* 16 &+ Int(truncatingIfNeeded: (d &>> shift) & 15)]
            }
            out[i] = sub
        }
    }

    /// The DES round function f(R, K) on a rotated half, returning P(S(E(R) ⊕ K)) rotated.
    @inline(__always)
    static func f(_ r: UInt32, _ k: UInt64, _ sp: UnsafePointer<UInt32>) -> UInt32 {
        let a = ((r &>> 4) | (r &<< 28)) ^ UInt32(truncatingIfNeeded: k &>> 32)
        let b = r ^ UInt32(truncatingIfNeeded: k)
        return sp[Int(truncatingIfNeeded: (a &>> 24) & 0x3f)]
            ^ sp[64 &+ Int(truncatingIfNeeded: (b &>> 24) & 0x3f)]
            ^ sp[128 &+ Int(truncatingIfNeeded: (a &>> 16) & 0x3f)]
            ^ sp[192 &+ Int(truncatingIfNeeded: (b &>> 16) & 0x3f)]
            ^ sp[256 &+ Int(truncatingIfNeeded: (a &>> 8) & 0x3f)]
            ^ sp[320 &+ Int(truncatingIfNeeded: (b &>> 8) & 0x3f)]
            ^ sp[384 &+ Int(truncatingIfNeeded: a & 0x3f)]
            ^ sp[448 &+ Int(truncatingIfNeeded: b & 0x3f)]
    }

    /// The 16 rounds with subkeys K1...K16. On entry `l`, `r` are L0, R0 (rotated); on
    /// exit `l` holds L16 and `r` holds R16, so the pre-output block is `(r, l)`.
    @inline(__always)
    func encryptRounds(_ l: inout UInt32, _ r: inout UInt32, _ sp: UnsafePointer<UInt32>) {
        l ^= Self.f(r, k.0, sp)
        r ^= Self.f(l, k.1, sp)
        l ^= Self.f(r, k.2, sp)
        r ^= Self.f(l, k.3, sp)
        l ^= Self.f(r, k.4, sp)
        r ^= Self.f(l, k.5, sp)
        l ^= Self.f(r, k.6, sp)
        r ^= Self.f(l, k.7, sp)
        l ^= Self.f(r, k.8, sp)
        r ^= Self.f(l, k.9, sp)
        l ^= Self.f(r, k.10, sp)
        r ^= Self.f(l, k.11, sp)
        l ^= Self.f(r, k.12, sp)
        r ^= Self.f(l, k.13, sp)
        l ^= Self.f(r, k.14, sp)
        r ^= Self.f(l, k.15, sp)
    }

    /// The 16 rounds with the subkeys in reverse order (decryption).
    @inline(__always)
    func decryptRounds(_ l: inout UInt32, _ r: inout UInt32, _ sp: UnsafePointer<UInt32>) {
        l ^= Self.f(r, k.15, sp)
        r ^= Self.f(l, k.14, sp)
        l ^= Self.f(r, k.13, sp)
        r ^= Self.f(l, k.12, sp)
        l ^= Self.f(r, k.11, sp)
        r ^= Self.f(l, k.10, sp)
        l ^= Self.f(r, k.9, sp)
        r ^= Self.f(l, k.8, sp)
        l ^= Self.f(r, k.7, sp)
        r ^= Self.f(l, k.6, sp)
        l ^= Self.f(r, k.5, sp)
        r ^= Self.f(l, k.4, sp)
        l ^= Self.f(r, k.3, sp)
        r ^= Self.f(l, k.2, sp)
        l ^= Self.f(r, k.1, sp)
        r ^= Self.f(l, k.0, sp)
    }
}

/// Block loading and the initial/final permutations, shared by DES, Triple-DES, DESX and MDC-2.
enum DESCore {
    /// Key bytes `key[offset..<offset+8]` as a big-endian UInt64 (the caller checked the length).
    @inline(__always)
    static func loadKey(_ key: [UInt8], at offset: Int) -> UInt64 {
        var v: UInt64 = 0
        for i in offset..<(offset + 8) { v = (v &<< 8) | UInt64(key[i]) }
        return v
    }

    /// One exchange of the bits of `a` selected by `mask << shift` with the bits of `b`
    /// selected by `mask` (the "PERM_OP" step of the usual IP/FP decomposition).
    @inline(__always)
    private static func swapBits(_ a: inout UInt32, _ b: inout UInt32, _ shift: UInt32, _ mask: UInt32) {
        let t = ((a &>> shift) ^ b) & mask
        b ^= t
        a ^= t &<< shift
    }

    /// IP on the 64-bit block `hi‖lo`, returning L0, R0 each rotated left by one bit.
    @inline(__always)
    static func initialPermutation(_ hi: UInt32, _ lo: UInt32) -> (UInt32, UInt32) {
        var l = hi
        var r = lo
        swapBits(&l, &r, 4, 0x0f0f_0f0f)
        swapBits(&l, &r, 16, 0x0000_ffff)
        swapBits(&r, &l, 2, 0x3333_3333)
        swapBits(&r, &l, 8, 0x00ff_00ff)
        r = (r &<< 1) | (r &>> 31)
        let t = (l ^ r) & 0xaaaa_aaaa
        l ^= t
        r ^= t
        l = (l &<< 1) | (l &>> 31)
        return (l, r)
    }

    /// IP of the 8 bytes at `p`.
    @inline(__always)
    static func initialPermutation(_ p: UnsafeRawPointer) -> (UInt32, UInt32) {
        initialPermutation(
            UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt32.self)),
            UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
    }

    /// IP⁻¹ (FP) of the pre-output block `hi‖lo` given in rotated form; the inverse of
    /// `initialPermutation`, step by step in reverse.
    @inline(__always)
    static func finalPermutation(_ hi: UInt32, _ lo: UInt32) -> (UInt32, UInt32) {
        var l = (hi &>> 1) | (hi &<< 31)
        var r = lo
        let t = (l ^ r) & 0xaaaa_aaaa
        l ^= t
        r ^= t
        r = (r &>> 1) | (r &<< 31)
        swapBits(&r, &l, 8, 0x00ff_00ff)
        swapBits(&r, &l, 2, 0x3333_3333)
        swapBits(&l, &r, 16, 0x0000_ffff)
        swapBits(&l, &r, 4, 0x0f0f_0f0f)
        return (l, r)
    }

    /// FP of `hi‖lo`, stored as 8 bytes at `p`.
    @inline(__always)
    static func finalPermutation(_ hi: UInt32, _ lo: UInt32, into p: UnsafeMutableRawPointer) {
        let (a, b) = finalPermutation(hi, lo)
        p.storeBytes(of: a.bigEndian, toByteOffset: 0, as: UInt32.self)
        p.storeBytes(of: b.bigEndian, toByteOffset: 4, as: UInt32.self)
    }

    /// DES encryption of a block held as a big-endian UInt64 (DESX and MDC-2).
    @inline(__always)
    static func encrypt(_ x: UInt64, _ ks: DESKeySchedule, _ sp: UnsafePointer<UInt32>) -> UInt64 {
        var (l, r) = initialPermutation(UInt32(truncatingIfNeeded: x &>> 32), UInt32(truncatingIfNeeded: x))
        ks.encryptRounds(&l, &r, sp)
        let (a, b) = finalPermutation(r, l)
        return UInt64(a) &<< 32 | UInt64(b)
    }

    /// DES decryption of a block held as a big-endian UInt64.
    @inline(__always)
    static func decrypt(_ x: UInt64, _ ks: DESKeySchedule, _ sp: UnsafePointer<UInt32>) -> UInt64 {
        var (l, r) = initialPermutation(UInt32(truncatingIfNeeded: x &>> 32), UInt32(truncatingIfNeeded: x))
        ks.decryptRounds(&l, &r, sp)
        let (a, b) = finalPermutation(r, l)
        return UInt64(a) &<< 32 | UInt64(b)
    }
}

// MARK: - Tables
//
// The standard's tables are written out below exactly as printed in FIPS 46-3 (1-based bit
// numbers, bit 1 the most significant). The SP-boxes derived from them are written out too
// (static data on the per-block path); the key-schedule tables are derived on first use.

enum DESTables {
    /// The eight S-boxes, each 4 rows of 16 (row = outer bits b1 b6, column = b2...b5).
    static let sBoxes: [[UInt8]] = [
        [
            14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
            0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
            4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
            15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
        ],
        [
            15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
            3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
            0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
            13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
        ],
        [
            10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
            13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
            13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
            1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
        ],
        [
            7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
            13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
            10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
            3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
        ],
        [
            2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
            14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
            4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
            11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
        ],
        [
            12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
            10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
            9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
            4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
        ],
        [
            4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
            13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
            1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
            6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
        ],
        [
            13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
            1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
            7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
            2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
        ],
    ]

    /// The permutation P applied to the S-box outputs.
    static let p: [UInt8] = [
        16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
        2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
    ]

    /// Permuted choice 1: the 56 key bits forming C (first 28) and D (last 28).
    static let permutedChoice1: [UInt8] = [
        57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
        10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
        63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
        14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
    ]

    /// Permuted choice 2: the 48 bits of C‖D forming a round subkey.
    static let permutedChoice2: [UInt8] = [
        14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
        23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
        41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
        44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
    ]

    /// Applies a FIPS-style selection table to the low `width` bits of `x`: output bit i
    /// (counting from 1 at the most significant of `table.count` bits) is input bit `table[i]`.
    static func select(_ x: UInt64, width: Int, _ table: [UInt8]) -> UInt64 {
        var out: UInt64 = 0
        for (i, bit) in table.enumerated() where (x >> UInt64(width - Int(bit))) & 1 != 0 {
            out |= 1 << UInt64(table.count - 1 - i)
        }
        return out
    }

    /// SP-boxes, 8 × 64: entry `64 j + x` is P applied to S-box j+1's output for the 6-bit
    /// input x (placed in S-box j+1's nibble), rotated left by one bit. Written out so the
    /// table is static data (no lazy initialisation on the per-block path); `deriveSP()`
    /// recomputes it from `sBoxes` and `p`, and the tests check the two agree.
    static let sp: [UInt32] = [
        // S1
        0x01010400, 0x00000000, 0x00010000, 0x01010404, 0x01010004, 0x00010404, 0x00000004, 0x00010000,
        0x00000400, 0x01010400, 0x01010404, 0x00000400, 0x01000404, 0x01010004, 0x01000000, 0x00000004,
        0x00000404, 0x01000400, 0x01000400, 0x00010400, 0x00010400, 0x01010000, 0x01010000, 0x01000404,
        0x00010004, 0x01000004, 0x01000004, 0x00010004, 0x00000000, 0x00000404, 0x00010404, 0x01000000,
        0x00010000, 0x01010404, 0x00000004, 0x01010000, 0x01010400, 0x01000000, 0x01000000, 0x00000400,
        0x01010004, 0x00010000, 0x00010400, 0x01000004, 0x00000400, 0x00000004, 0x01000404, 0x00010404,
        0x01010404, 0x00010004, 0x01010000, 0x01000404, 0x01000004, 0x00000404, 0x00010404, 0x01010400,
        0x00000404, 0x01000400, 0x01000400, 0x00000000, 0x00010004, 0x00010400, 0x00000000, 0x01010004,
        // S2
        0x80108020, 0x80008000, 0x00008000, 0x00108020, 0x00100000, 0x00000020, 0x80100020, 0x80008020,
        0x80000020, 0x80108020, 0x80108000, 0x80000000, 0x80008000, 0x00100000, 0x00000020, 0x80100020,
        0x00108000, 0x00100020, 0x80008020, 0x00000000, 0x80000000, 0x00008000, 0x00108020, 0x80100000,
        0x00100020, 0x80000020, 0x00000000, 0x00108000, 0x00008020, 0x80108000, 0x80100000, 0x00008020,
        0x00000000, 0x00108020, 0x80100020, 0x00100000, 0x80008020, 0x80100000, 0x80108000, 0x00008000,
        0x80100000, 0x80008000, 0x00000020, 0x80108020, 0x00108020, 0x00000020, 0x00008000, 0x80000000,
        0x00008020, 0x80108000, 0x00100000, 0x80000020, 0x00100020, 0x80008020, 0x80000020, 0x00100020,
        0x00108000, 0x00000000, 0x80008000, 0x00008020, 0x80000000, 0x80100020, 0x80108020, 0x00108000,
        // S3
        0x00000208, 0x08020200, 0x00000000, 0x08020008, 0x08000200, 0x00000000, 0x00020208, 0x08000200,
        0x00020008, 0x08000008, 0x08000008, 0x00020000, 0x08020208, 0x00020008, 0x08020000, 0x00000208,
        0x08000000, 0x00000008, 0x08020200, 0x00000200, 0x00020200, 0x08020000, 0x08020008, 0x00020208,
        0x08000208, 0x00020200, 0x00020000, 0x08000208, 0x00000008, 0x08020208, 0x00000200, 0x08000000,
        0x08020200, 0x08000000, 0x00020008, 0x00000208, 0x00020000, 0x08020200, 0x08000200, 0x00000000,
        0x00000200, 0x00020008, 0x08020208, 0x08000200, 0x08000008, 0x00000200, 0x00000000, 0x08020008,
        0x08000208, 0x00020000, 0x08000000, 0x08020208, 0x00000008, 0x00020208, 0x00020200, 0x08000008,
        0x08020000, 0x08000208, 0x00000208, 0x08020000, 0x00020208, 0x00000008, 0x08020008, 0x00020200,
        // S4
        0x00802001, 0x00002081, 0x00002081, 0x00000080, 0x00802080, 0x00800081, 0x00800001, 0x00002001,
        0x00000000, 0x00802000, 0x00802000, 0x00802081, 0x00000081, 0x00000000, 0x00800080, 0x00800001,
        0x00000001, 0x00002000, 0x00800000, 0x00802001, 0x00000080, 0x00800000, 0x00002001, 0x00002080,
        0x00800081, 0x00000001, 0x00002080, 0x00800080, 0x00002000, 0x00802080, 0x00802081, 0x00000081,
        0x00800080, 0x00800001, 0x00802000, 0x00802081, 0x00000081, 0x00000000, 0x00000000, 0x00802000,
        0x00002080, 0x00800080, 0x00800081, 0x00000001, 0x00802001, 0x00002081, 0x00002081, 0x00000080,
        0x00802081, 0x00000081, 0x00000001, 0x00002000, 0x00800001, 0x00002001, 0x00802080, 0x00800081,
        0x00002001, 0x00002080, 0x00800000, 0x00802001, 0x00000080, 0x00800000, 0x00002000, 0x00802080,
        // S5
        0x00000100, 0x02080100, 0x02080000, 0x42000100, 0x00080000, 0x00000100, 0x40000000, 0x02080000,
        0x40080100, 0x00080000, 0x02000100, 0x40080100, 0x42000100, 0x42080000, 0x00080100, 0x40000000,
        0x02000000, 0x40080000, 0x40080000, 0x00000000, 0x40000100, 0x42080100, 0x42080100, 0x02000100,
        0x42080000, 0x40000100, 0x00000000, 0x42000000, 0x02080100, 0x02000000, 0x42000000, 0x00080100,
        0x00080000, 0x42000100, 0x00000100, 0x02000000, 0x40000000, 0x02080000, 0x42000100, 0x40080100,
        0x02000100, 0x40000000, 0x42080000, 0x02080100, 0x40080100, 0x00000100, 0x02000000, 0x42080000,
        0x42080100, 0x00080100, 0x42000000, 0x42080100, 0x02080000, 0x00000000, 0x40080000, 0x42000000,
        0x00080100, 0x02000100, 0x40000100, 0x00080000, 0x00000000, 0x40080000, 0x02080100, 0x40000100,
        // S6
        0x20000010, 0x20400000, 0x00004000, 0x20404010, 0x20400000, 0x00000010, 0x20404010, 0x00400000,
        0x20004000, 0x00404010, 0x00400000, 0x20000010, 0x00400010, 0x20004000, 0x20000000, 0x00004010,
        0x00000000, 0x00400010, 0x20004010, 0x00004000, 0x00404000, 0x20004010, 0x00000010, 0x20400010,
        0x20400010, 0x00000000, 0x00404010, 0x20404000, 0x00004010, 0x00404000, 0x20404000, 0x20000000,
        0x20004000, 0x00000010, 0x20400010, 0x00404000, 0x20404010, 0x00400000, 0x00004010, 0x20000010,
        0x00400000, 0x20004000, 0x20000000, 0x00004010, 0x20000010, 0x20404010, 0x00404000, 0x20400000,
        0x00404010, 0x20404000, 0x00000000, 0x20400010, 0x00000010, 0x00004000, 0x20400000, 0x00404010,
        0x00004000, 0x00400010, 0x20004010, 0x00000000, 0x20404000, 0x20000000, 0x00400010, 0x20004010,
        // S7
        0x00200000, 0x04200002, 0x04000802, 0x00000000, 0x00000800, 0x04000802, 0x00200802, 0x04200800,
        0x04200802, 0x00200000, 0x00000000, 0x04000002, 0x00000002, 0x04000000, 0x04200002, 0x00000802,
        0x04000800, 0x00200802, 0x00200002, 0x04000800, 0x04000002, 0x04200000, 0x04200800, 0x00200002,
        0x04200000, 0x00000800, 0x00000802, 0x04200802, 0x00200800, 0x00000002, 0x04000000, 0x00200800,
        0x04000000, 0x00200800, 0x00200000, 0x04000802, 0x04000802, 0x04200002, 0x04200002, 0x00000002,
        0x00200002, 0x04000000, 0x04000800, 0x00200000, 0x04200800, 0x00000802, 0x00200802, 0x04200800,
        0x00000802, 0x04000002, 0x04200802, 0x04200000, 0x00200800, 0x00000000, 0x00000002, 0x04200802,
        0x00000000, 0x00200802, 0x04200000, 0x00000800, 0x04000002, 0x04000800, 0x00000800, 0x00200002,
        // S8
        0x10001040, 0x00001000, 0x00040000, 0x10041040, 0x10000000, 0x10001040, 0x00000040, 0x10000000,
        0x00040040, 0x10040000, 0x10041040, 0x00041000, 0x10041000, 0x00041040, 0x00001000, 0x00000040,
        0x10040000, 0x10000040, 0x10001000, 0x00001040, 0x00041000, 0x00040040, 0x10040040, 0x10041000,
        0x00001040, 0x00000000, 0x00000000, 0x10040040, 0x10000040, 0x10001000, 0x00041040, 0x00040000,
        0x00041040, 0x00040000, 0x10041000, 0x00001000, 0x00000040, 0x10040040, 0x00001000, 0x00041040,
        0x10001000, 0x00000040, 0x10000040, 0x10040000, 0x10040040, 0x10000000, 0x00040000, 0x10001040,
        0x00000000, 0x10041040, 0x00040040, 0x10000040, 0x10040000, 0x10001000, 0x10001040, 0x00000000,
        0x10041040, 0x00041000, 0x00041000, 0x00001040, 0x00001040, 0x00040040, 0x10000000, 0x10041000,
    ]

    /// The SP-boxes computed from the FIPS 46-3 S-boxes and P (how `sp` was produced).
    static func deriveSP() -> [UInt32] {
        var t = [UInt32](repeating: 0, count: 512)
        for j in 0..<8 {
            for x in 0..<64 {
                let row = ((x >> 4) & 2) | (x & 1)
                let column = (x >> 1) & 15
                let s = UInt64(sBoxes[j][row * 16 + column]) << UInt64(28 - 4 * j)
                let v = UInt32(select(s, width: 32, p))
                t[j * 64 + x] = (v << 1) | (v >> 31)
            }
        }
        return t
    }

    /// PC-1 by nibbles, 16 × 16: entry `16 n + v` is PC-1 of the key whose nibble n (from the
    /// most significant) is v and all other bits zero, as C‖D (C in bits 55...28).
    static let pc1: [UInt64] = {
        var t = [UInt64](repeating: 0, count: 256)
        for n in 0..<16 {
            for v in 0..<16 {
                t[n * 16 + v] = select(UInt64(v) << UInt64(60 - 4 * n), width: 64, permutedChoice1)
            }
        }
        return t
    }()

    /// PC-2 by nibbles, cooked, 14 × 16: entries `16 n + v` for n < 7 take nibble n of C,
    /// for n ≥ 7 nibble n − 7 of D (nibbles counted from the most significant of 28 bits).
    static let pc2: [UInt64] = {
        var t = [UInt64](repeating: 0, count: 224)
        for n in 0..<7 {
            for v in 0..<16 {
                let bits = UInt64(v) << UInt64(24 - 4 * n)
                t[n * 16 + v] = cook(select(bits << 28, width: 56, permutedChoice2))
                t[(n + 7) * 16 + v] = cook(select(bits, width: 56, permutedChoice2))
            }
        }
        return t
    }()

    /// Rearranges a 48-bit subkey (8 groups of 6 bits) into the round function's layout:
    /// groups 1, 3, 5, 7 in the bytes of the high word, 2, 4, 6, 8 in the low word.
    static func cook(_ k48: UInt64) -> UInt64 {
        func group(_ j: Int) -> UInt64 { (k48 >> UInt64(42 - 6 * j)) & 0x3f }
        let hi = group(0) << 24 | group(2) << 16 | group(4) << 8 | group(6)
        let lo = group(1) << 24 | group(3) << 16 | group(5) << 8 | group(7)
        return hi << 32 | lo
    }
}

#endif
