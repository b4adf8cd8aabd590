#if IDEA
/// IDEA, the International Data Encryption Algorithm (X. Lai and J. Massey, 1991): eight
/// rounds plus an output transformation over four 16-bit big-endian words, mixing XOR,
/// addition mod 2^16 and multiplication mod 2^16 + 1 (where the word 0 stands for 2^16).
///
/// The key is 16 bytes. The 52 encryption subkeys and the 52 decryption subkeys (inverses and
/// negations of the encryption ones, in reverse round order) are both computed in `init`.
/// IDEA uses no tables, and the multiplication and inversion here are branch-free.
public struct IDEA: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes: KeySizes = .fixed(16)

    /// Encryption subkeys at 0..<52, decryption subkeys at 52..<104.
    private let schedule: Schedule

    /// Expands `key` into the key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "IDEA")
        schedule = Schedule(key: key)
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        Self.crypt(block, output, UnsafePointer(schedule.words))
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        Self.crypt(block, output, UnsafePointer(schedule.words + 52))
    }
}

extension IDEA {
    /// The 104 subkeys (each in 0...0xFFFF), allocated once per key and never mutated after
    /// `init`.
    final class Schedule: @unchecked Sendable {
        let words: UnsafeMutablePointer<Int>

        init(key: [UInt8]) {
            words = .allocate(capacity: 104)
            words.initialize(repeating: 0, count: 104)
            // The 128-bit key as two big-endian halves; each group of eight subkeys is the
            // key's eight 16-bit words, and the key rotates left 25 bits between groups.
            var hi: UInt64 = 0
            var lo: UInt64 = 0
            for i in 0..<8 {
                hi = (hi &<< 8) | UInt64(key[i])
                lo = (lo &<< 8) | UInt64(key[i + 8])
            }
            for i in 0..<52 {
                let j = i & 7
                let half = j < 4 ? hi : lo
                words[i] = Int((half &>> UInt64(48 - 16 * (j & 3))) & 0xffff)
                if j == 7 {
                    (hi, lo) = ((hi &<< 25) | (lo &>> 39), (lo &<< 25) | (hi &>> 39))
                }
            }
            hi = 0
            lo = 0
            // Decryption round r undoes encryption round 8 - r (the output transformation is
            // "round 8"): inverted multiplicative keys, negated additive keys (swapped for the
            // eight full rounds, whose middle words cross over), and the MA-structure keys of
            // the preceding encryption round unchanged.
            let e = words
            let d = words + 52
            for r in 0...8 {
                let src = 6 * (8 - r)
                let dst = 6 * r
                let inner = r != 0 && r != 8
                d[dst] = IDEA.inverse(e[src])
                d[dst + 1] = IDEA.negate(e[src + (inner ? 2 : 1)])
                d[dst + 2] = IDEA.negate(e[src + (inner ? 1 : 2)])
                d[dst + 3] = IDEA.inverse(e[src + 3])
                if r < 8 {
                    d[dst + 4] = e[src - 2]
                    d[dst + 5] = e[src - 1]
                }
            }
        }

        deinit {
            SecretWipe.wipe(words, count: 104 * MemoryLayout<Int>.stride)
            words.deallocate()
        }
    }

    /// a * b mod 2^16 + 1 on 16-bit words, with 0 standing for 2^16, without branches.
    @inline(__always)
    static func mul(_ a: Int, _ b: Int) -> Int {
        // 0 -> 0x10000 (a - 1 is negative only for a == 0).
        let a = a | (((a &- 1) &>> 16) & 0x10000)
        let b = b | (((b &- 1) &>> 16) & 0x10000)
        // p = hi * 2^16 + lo == lo - hi (mod 2^16 + 1); p <= 2^32, so no overflow in Int.
        let p = a &* b
        let t = (p & 0xffff) &- (p &>> 16)
        // t is in -2^16...2^16 - 1: add the modulus if negative; 2^16 then maps to 0.
        return (t &+ ((t &>> 63) & 0x10001)) & 0xffff
    }

    /// The multiplicative inverse mod 2^16 + 1 (a prime), as a^(2^16 - 1) by square-and-multiply
    /// over a fixed exponent, so the time does not depend on `a`. 0 (that is, 2^16 = -1) is its
    /// own inverse.
    static func inverse(_ a: Int) -> Int {
        // 2^16 - 1 = 0b1111_1111_1111_1111: result = a^(2^16 - 1).
        var result = a
        for _ in 0..<15 {
            result = mul(mul(result, result), a)
        }
        return result
    }

    /// The additive inverse mod 2^16.
    @inline(__always)
    static func negate(_ a: Int) -> Int {
        (0x10000 &- a) & 0xffff
    }

    /// The IDEA data path with the 52 subkeys at `k` (encryption or decryption keys).
    @inline(__always)
    static func crypt(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ k: UnsafePointer<Int>) {
        var x1 = Int(UInt16(bigEndian: input.loadUnaligned(fromByteOffset: 0, as: UInt16.self)))
        var x2 = Int(UInt16(bigEndian: input.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
        var x3 = Int(UInt16(bigEndian: input.loadUnaligned(fromByteOffset: 4, as: UInt16.self)))
        var x4 = Int(UInt16(bigEndian: input.loadUnaligned(fromByteOffset: 6, as: UInt16.self)))
        round(&x1, &x2, &x3, &x4, k)
        round(&x1, &x2, &x3, &x4, k + 6)
        round(&x1, &x2, &x3, &x4, k + 12)
        round(&x1, &x2, &x3, &x4, k + 18)
        round(&x1, &x2, &x3, &x4, k + 24)
        round(&x1, &x2, &x3, &x4, k + 30)
        round(&x1, &x2, &x3, &x4, k + 36)
        round(&x1, &x2, &x3, &x4, k + 42)
        // Output transformation (the last round's swap of the middle words is undone).
        let y1 = mul(x1, k[48])
        let y2 = (x3 &+ k[49]) & 0xffff
        let y3 = (x2 &+ k[50]) & 0xffff
        let y4 = mul(x4, k[51])
        output.storeBytes(of: UInt16(truncatingIfNeeded: y1).bigEndian, toByteOffset: 0, as: UInt16.self)
        output.storeBytes(of: UInt16(truncatingIfNeeded: y2).bigEndian, toByteOffset: 2, as: UInt16.self)
        output.storeBytes(of: UInt16(truncatingIfNeeded: y3).bigEndian, toByteOffset: 4, as: UInt16.self)
        output.storeBytes(of: UInt16(truncatingIfNeeded: y4).bigEndian, toByteOffset: 6, as: UInt16.self)
    }

    /// One full round with subkeys k[0...5]; leaves the middle words swapped.
    @inline(__always)
    private static func round(
        _ x1: inout Int, _ x2: inout Int, _ x3: inout Int, _ x4: inout Int,
        _ k: UnsafePointer<Int>
    ) {
        let a = mul(x1, k[0])
        let b = (x2 &+ k[1]) & 0xffff
        let c = (x3 &+ k[2]) & 0xffff
        let d = mul(x4, k[3])
        // The multiplication-addition structure.
        let t0 = mul(a ^ c, k[4])
        let t1 = mul((t0 &+ (b ^ d)) & 0xffff, k[5])
        let t2 = (t0 &+ t1) & 0xffff
        x1 = a ^ t1
        x4 = d ^ t2
        x2 = c ^ t1
        x3 = b ^ t2
    }
}
#endif
