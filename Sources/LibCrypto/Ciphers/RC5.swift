#if RC5
/// RC5-32/r/b (R. Rivest, "The RC5 Encryption Algorithm", FSE 1994; RFC 2040): a 64-bit
/// block as two 32-bit little-endian words, data-dependent rotations, r rounds, a b-byte key.
///
/// Keys are 0...255 bytes and the rounds 8, 12 or 16, the values OpenSSL accepts; `init(key:)`
/// uses 12 rounds, OpenSSL's default for its EVP `rc5-*` ciphers. RC5 uses no tables.
public struct RC5: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes: KeySizes = .range(0, 255)
    /// The round counts `init(key:rounds:)` accepts.
    public static let supportedRounds = [8, 12, 16]

    /// S[0...2r+1].
    private let schedule: Schedule
    private let rounds: Int

    /// RC5-32/12/b.
    public init(key: [UInt8]) throws {
        try self.init(key: key, rounds: 12)
    }

    /// RC5-32/r/b with r = `rounds` (8, 12 or 16).
    public init(key: [UInt8], rounds: Int) throws {
        try Self.keySizes.check(key.count, for: "RC5")
        guard Self.supportedRounds.contains(rounds) else {
            throw CryptoError(
                .invalidParameter, "RC5 takes 8, 12 or 16 rounds, got \(rounds)", openSSL: .unsupportedNumberOfRounds)
        }
        self.rounds = rounds
        schedule = Schedule(key: key, rounds: rounds)
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        let s = UnsafePointer(schedule.words)
        var a = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) &+ s[0]
        var b = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) &+ s[1]
        // Four rounds per pass (every supported round count is a multiple of four).
        var k = s + 2
        for _ in 0..<(rounds >> 2) {
            a = Self.rotl(a ^ b, b) &+ k[0]
            b = Self.rotl(b ^ a, a) &+ k[1]
            a = Self.rotl(a ^ b, b) &+ k[2]
            b = Self.rotl(b ^ a, a) &+ k[3]
            a = Self.rotl(a ^ b, b) &+ k[4]
            b = Self.rotl(b ^ a, a) &+ k[5]
            a = Self.rotl(a ^ b, b) &+ k[6]
            b = Self.rotl(b ^ a, a) &+ k[7]
            k += 8
        }
        output.storeBytes(of: a.littleEndian, toByteOffset: 0, as: UInt32.self)
        output.storeBytes(of: b.littleEndian, toByteOffset: 4, as: UInt32.self)
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        let s = UnsafePointer(schedule.words)
        var a = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        var b = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        var k = s + 2 * rounds + 2
        for _ in 0..<(rounds >> 2) {
            k -= 8
            b = Self.rotr(b &- k[7], a) ^ a
            a = Self.rotr(a &- k[6], b) ^ b
            b = Self.rotr(b &- k[5], a) ^ a
            a = Self.rotr(a &- k[4], b) ^ b
            b = Self.rotr(b &- k[3], a) ^ a
            a = Self.rotr(a &- k[2], b) ^ b
            b = Self.rotr(b &- k[1], a) ^ a
            a = Self.rotr(a &- k[0], b) ^ b
        }
        output.storeBytes(of: (a &- s[0]).littleEndian, toByteOffset: 0, as: UInt32.self)
        output.storeBytes(of: (b &- s[1]).littleEndian, toByteOffset: 4, as: UInt32.self)
    }
}

extension RC5 {
    /// P32 = Odd((e - 2) * 2^32) and Q32 = Odd((phi - 1) * 2^32), the magic constants.
    static let p32: UInt32 = 0xb7e1_5163
    static let q32: UInt32 = 0x9e37_79b9

    /// The expanded key table S (2r + 2 words), allocated once per key and never mutated after
    /// `init`.
    final class Schedule: @unchecked Sendable {
        let words: UnsafeMutablePointer<UInt32>
        let count: Int

        init(key: [UInt8], rounds: Int) {
            let t = 2 * rounds + 2
            count = t
            words = .allocate(capacity: t)
            let s = words
            s[0] = RC5.p32
            for i in 1..<t { s[i] = s[i - 1] &+ RC5.q32 }
            // L: the key as c = max(1, ceil(b / 4)) little-endian words.
            let c = max(1, (key.count + 3) / 4)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: c) { l in
                l.initialize(repeating: 0)
                for (i, byte) in key.enumerated() {
                    l[i >> 2] |= UInt32(byte) &<< UInt32(8 * (i & 3))
                }
                var a: UInt32 = 0
                var b: UInt32 = 0
                var i = 0
                var j = 0
                for _ in 0..<(3 * max(t, c)) {
                    a = RC5.rotl(s[i] &+ a &+ b, 3)
                    s[i] = a
                    b = RC5.rotl(l[j] &+ a &+ b, a &+ b)
                    l[j] = b
                    i += 1
                    if i == t { i = 0 }
                    j += 1
                    if j == c { j = 0 }
                }
                SecretWipe.wipe(UnsafeMutableRawBufferPointer(l))
            }
        }

        deinit {
            SecretWipe.wipe(words, count: count * MemoryLayout<UInt32>.stride)
            words.deallocate()
        }
    }

    /// Rotation by the low five bits of `n` (`&<<`/`&>>` mask the shift count).
    @inline(__always)
    static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }

    @inline(__always)
    static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }
}
#endif
