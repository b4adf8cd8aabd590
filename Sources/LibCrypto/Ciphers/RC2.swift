#if RC2
/// RC2 (R. Rivest; RFC 2268): 16 "mixing" rounds and 2 "mashing" rounds over four 16-bit
/// little-endian words, keyed by 64 16-bit subkeys.
///
/// Keys are 1...128 bytes. The effective key length in bits (RFC 2268's T1, 1...1024) is a
/// separate parameter: `init(key:effectiveBits:)`. `init(key:)` uses `8 * key.count`, which
/// is RFC 2268's unreduced choice, BSAFE's convention and what OpenSSL's EVP `rc2` ciphers use
/// for their default 16-byte key. (OpenSSL's EVP layer actually fixes the effective bits from
/// the cipher name, 128 for `rc2-*`, 64 for `rc2-64-cbc`, 40 for `rc2-40-cbc`, whatever key
/// length is later set; callers emulating it with other key lengths pass `effectiveBits`.)
///
/// Side channels: the key expansion indexes PITABLE with secret key bytes, and each mashing
/// round adds K[R & 63], a subkey chosen by six bits of the secret state. Both are inherent to
/// RC2 and accepted here only because it is a legacy algorithm kept for interoperability.
public struct RC2: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes: KeySizes = .range(1, 128)
    /// The effective key lengths in bits `init(key:effectiveBits:)` accepts.
    public static let effectiveBitsRange = 1...1024

    /// K[0...63].
    private let schedule: Schedule

    /// Keys RC2 with effective key length `8 * key.count` bits.
    public init(key: [UInt8]) throws {
        try self.init(key: key, effectiveBits: key.count * 8)
    }

    /// Keys RC2 with the given effective key length in bits (RFC 2268's T1).
    public init(key: [UInt8], effectiveBits: Int) throws {
        try Self.keySizes.check(key.count, for: "RC2")
        guard Self.effectiveBitsRange.contains(effectiveBits) else {
            throw CryptoError(.invalidParameter, "RC2 takes 1...1024 effective key bits, got \(effectiveBits)")
        }
        schedule = Schedule(key: key, effectiveBits: effectiveBits)
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        let k = UnsafePointer(schedule.words)
        var r0 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt16.self))
        var r1 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
        var r2 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt16.self))
        var r3 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 6, as: UInt16.self))
        Self.mix(&r0, &r1, &r2, &r3, k)
        Self.mix(&r0, &r1, &r2, &r3, k + 4)
        Self.mix(&r0, &r1, &r2, &r3, k + 8)
        Self.mix(&r0, &r1, &r2, &r3, k + 12)
        Self.mix(&r0, &r1, &r2, &r3, k + 16)
        Self.mash(&r0, &r1, &r2, &r3, k)
        Self.mix(&r0, &r1, &r2, &r3, k + 20)
        Self.mix(&r0, &r1, &r2, &r3, k + 24)
        Self.mix(&r0, &r1, &r2, &r3, k + 28)
        Self.mix(&r0, &r1, &r2, &r3, k + 32)
        Self.mix(&r0, &r1, &r2, &r3, k + 36)
        Self.mix(&r0, &r1, &r2, &r3, k + 40)
        Self.mash(&r0, &r1, &r2, &r3, k)
        Self.mix(&r0, &r1, &r2, &r3, k + 44)
        Self.mix(&r0, &r1, &r2, &r3, k + 48)
        Self.mix(&r0, &r1, &r2, &r3, k + 52)
        Self.mix(&r0, &r1, &r2, &r3, k + 56)
        Self.mix(&r0, &r1, &r2, &r3, k + 60)
        output.storeBytes(of: r0.littleEndian, toByteOffset: 0, as: UInt16.self)
        output.storeBytes(of: r1.littleEndian, toByteOffset: 2, as: UInt16.self)
        output.storeBytes(of: r2.littleEndian, toByteOffset: 4, as: UInt16.self)
        output.storeBytes(of: r3.littleEndian, toByteOffset: 6, as: UInt16.self)
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        let k = UnsafePointer(schedule.words)
        var r0 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt16.self))
        var r1 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
        var r2 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt16.self))
        var r3 = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 6, as: UInt16.self))
        Self.unmix(&r0, &r1, &r2, &r3, k + 60)
        Self.unmix(&r0, &r1, &r2, &r3, k + 56)
        Self.unmix(&r0, &r1, &r2, &r3, k + 52)
        Self.unmix(&r0, &r1, &r2, &r3, k + 48)
        Self.unmix(&r0, &r1, &r2, &r3, k + 44)
        Self.unmash(&r0, &r1, &r2, &r3, k)
        Self.unmix(&r0, &r1, &r2, &r3, k + 40)
        Self.unmix(&r0, &r1, &r2, &r3, k + 36)
        Self.unmix(&r0, &r1, &r2, &r3, k + 32)
        Self.unmix(&r0, &r1, &r2, &r3, k + 28)
        Self.unmix(&r0, &r1, &r2, &r3, k + 24)
        Self.unmix(&r0, &r1, &r2, &r3, k + 20)
        Self.unmash(&r0, &r1, &r2, &r3, k)
        Self.unmix(&r0, &r1, &r2, &r3, k + 16)
        Self.unmix(&r0, &r1, &r2, &r3, k + 12)
        Self.unmix(&r0, &r1, &r2, &r3, k + 8)
        Self.unmix(&r0, &r1, &r2, &r3, k + 4)
        Self.unmix(&r0, &r1, &r2, &r3, k)
        output.storeBytes(of: r0.littleEndian, toByteOffset: 0, as: UInt16.self)
        output.storeBytes(of: r1.littleEndian, toByteOffset: 2, as: UInt16.self)
        output.storeBytes(of: r2.littleEndian, toByteOffset: 4, as: UInt16.self)
        output.storeBytes(of: r3.littleEndian, toByteOffset: 6, as: UInt16.self)
    }
}

extension RC2 {
    /// The 64 expanded-key words, allocated once per key and never mutated after `init`.
    final class Schedule: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt16>

        init(key: [UInt8], effectiveBits t1: Int) {
            words = .allocate(capacity: 64)
            words.initialize(repeating: 0, count: 64)
            let t = key.count
            let t8 = (t1 + 7) / 8
            let tm = UInt8(truncatingIfNeeded: 0xff &>> (8 * t8 - t1))
            let out = words
            // RFC 2268 section 2, on the 128-byte buffer L. PITABLE is indexed by key bytes:
            // see the type's documentation.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { l in
                l.initialize(repeating: 0)
                RC2.piTable.withUnsafeBufferPointer { pi in
                    for i in 0..<t { l[i] = key[i] }
                    for i in t..<128 {
                        l[i] = pi[Int(l[i - 1] &+ l[i - t])]
                    }
                    l[128 - t8] = pi[Int(l[128 - t8] & tm)]
                    var i = 127 - t8
                    while i >= 0 {
                        l[i] = pi[Int(l[i + 1] ^ l[i + t8])]
                        i -= 1
                    }
                }
                for i in 0..<64 {
                    out[i] = UInt16(l[2 * i]) | (UInt16(l[2 * i + 1]) &<< 8)
                }
                SecretWipe.wipe(UnsafeMutableRawBufferPointer(l))
            }
        }

        deinit {
            SecretWipe.wipe(words, count: 64 * MemoryLayout<UInt16>.stride)
            words.deallocate()
        }
    }

    @inline(__always)
    private static func rotl(_ x: UInt16, _ n: UInt16) -> UInt16 {
        (x &<< n) | (x &>> (16 &- n))
    }

    /// One mixing round (RFC 2268 section 3.2) with key words k[0...3].
    @inline(__always)
    private static func mix(
        _ r0: inout UInt16, _ r1: inout UInt16, _ r2: inout UInt16, _ r3: inout UInt16,
        _ k: UnsafePointer<UInt16>
    ) {
        r0 = rotl(r0 &+ k[0] &+ (r3 & r2) &+ (~r3 & r1), 1)
        r1 = rotl(r1 &+ k[1] &+ (r0 & r3) &+ (~r0 & r2), 2)
        r2 = rotl(r2 &+ k[2] &+ (r1 & r0) &+ (~r1 & r3), 3)
        r3 = rotl(r3 &+ k[3] &+ (r2 & r1) &+ (~r2 & r0), 5)
    }

    /// One mashing round (RFC 2268 section 3.4): secret-indexed K lookups.
    @inline(__always)
    private static func mash(
        _ r0: inout UInt16, _ r1: inout UInt16, _ r2: inout UInt16, _ r3: inout UInt16,
        _ k: UnsafePointer<UInt16>
    ) {
        r0 &+= k[Int(r3 & 63)]
        r1 &+= k[Int(r0 & 63)]
        r2 &+= k[Int(r1 & 63)]
        r3 &+= k[Int(r2 & 63)]
    }

    /// The inverse of `mix` with the same key words (RFC 2268 section 4.2).
    @inline(__always)
    private static func unmix(
        _ r0: inout UInt16, _ r1: inout UInt16, _ r2: inout UInt16, _ r3: inout UInt16,
        _ k: UnsafePointer<UInt16>
    ) {
        r3 = rotl(r3, 11) &- k[3] &- (r2 & r1) &- (~r2 & r0)
        r2 = rotl(r2, 13) &- k[2] &- (r1 & r0) &- (~r1 & r3)
        r1 = rotl(r1, 14) &- k[1] &- (r0 & r3) &- (~r0 & r2)
        r0 = rotl(r0, 15) &- k[0] &- (r3 & r2) &- (~r3 & r1)
    }

    /// The inverse of `mash` (RFC 2268 section 4.4).
    @inline(__always)
    private static func unmash(
        _ r0: inout UInt16, _ r1: inout UInt16, _ r2: inout UInt16, _ r3: inout UInt16,
        _ k: UnsafePointer<UInt16>
    ) {
        r3 &-= k[Int(r2 & 63)]
        r2 &-= k[Int(r1 & 63)]
        r1 &-= k[Int(r0 & 63)]
        r0 &-= k[Int(r3 & 63)]
    }

    /// PITABLE of RFC 2268 section 2: a permutation of 0...255 based on the digits of pi.
    static let piTable: [UInt8] = [
        0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
        0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
        0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
        0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
        0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
        0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
        0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
        0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
        0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
        0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
        0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
        0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
        0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
        0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
        0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
        0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
    ]
}
#endif
