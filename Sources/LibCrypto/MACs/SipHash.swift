#if SIPHASH

/// SipHash (Aumasson–Bernstein, "SipHash: a fast short-input PRF", 2012) with a 16-byte key,
/// OpenSSL's `SIPHASH`: SipHash-c-d with an 8-byte tag, or the 16-byte-tag variant (the key
/// word v1 XORed with 0xEE, a second output word after v1 ⊕ 0xDD) that OpenSSL uses by default.
///
/// OpenSSL's parameters: `size` 8 or 16 (0 means 16), `c-rounds` and `d-rounds` (0 means the
/// default 2 and 4). Rounds are capped at ``maxRounds`` here so a caller's number cannot make
/// one block cost arbitrarily much (OpenSSL takes any `unsigned int`). Add-rotate-xor only, so
/// constant-time in the key and the message.
/// Present only with the `SIPHASH` trait (OpenSSL's `no-siphash` removes it).
public struct SipHash: Sendable {
    /// The key length in bytes.
    public static let keyLength = 16
    /// The most compression or finalisation rounds accepted.
    public static let maxRounds = 1 << 16

    private var v0: UInt64
    private var v1: UInt64
    private var v2: UInt64
    private var v3: UInt64
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var totalLength: UInt64 = 0
    /// The tag length: 8 or 16 bytes.
    public let outputLength: Int
    /// Compression rounds per message word (c).
    public let compressionRounds: Int
    /// Finalisation rounds (d).
    public let finalizationRounds: Int

    /// Keys a SipHash.
    /// - Parameters:
    ///   - key: the 16-byte key.
    ///   - outputLength: 8 or 16 bytes (OpenSSL's `size`; 0 means 16).
    ///   - compressionRounds: c (OpenSSL's `c-rounds`; 0 means 2).
    ///   - finalizationRounds: d (OpenSSL's `d-rounds`; 0 means 4).
    /// - Throws: `invalidParameter` (OpenSSL's `EVP_MAC_init` failure) for a key that is not 16
    ///   bytes, another output length or a round count outside 0...``maxRounds``.
    public init(key: [UInt8], outputLength: Int = 16, compressionRounds: Int = 2, finalizationRounds: Int = 4) throws {
        guard key.count == Self.keyLength else {
            throw CryptoError(.invalidParameter, "SipHash takes a 16-byte key, got \(key.count)")
        }
        let size = outputLength == 0 ? 16 : outputLength
        guard size == 8 || size == 16 else {
            throw CryptoError(.invalidParameter, "SipHash output must be 8 or 16 bytes, not \(outputLength)")
        }
        guard (0...Self.maxRounds).contains(compressionRounds), (0...Self.maxRounds).contains(finalizationRounds)
        else {
            throw CryptoError(.invalidParameter, "SipHash rounds must be 0...\(Self.maxRounds)")
        }
        self.outputLength = size
        self.compressionRounds = compressionRounds == 0 ? 2 : compressionRounds
        self.finalizationRounds = finalizationRounds == 0 ? 4 : finalizationRounds
        let k0 = key.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)) }
        let k1 = key.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        v0 = 0x736f_6d65_7073_6575 ^ k0
        v1 = 0x646f_7261_6e64_6f6d ^ k1
        v2 = 0x6c79_6765_6e65_7261 ^ k0
        v3 = 0x7465_6462_7974_6573 ^ k1
        if size == 16 { v1 ^= 0xEE }
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &<< n) | (x &>> (64 &- n)) }

    @inline(__always)
    private mutating func rounds(_ n: Int) {
        for _ in 0..<n {
            v0 &+= v1
            v1 = Self.rotl(v1, 13)
            v1 ^= v0
            v0 = Self.rotl(v0, 32)
            v2 &+= v3
            v3 = Self.rotl(v3, 16)
            v3 ^= v2
            v0 &+= v3
            v3 = Self.rotl(v3, 21)
            v3 ^= v0
            v2 &+= v1
            v1 = Self.rotl(v1, 17)
            v1 ^= v2
            v2 = Self.rotl(v2, 32)
        }
    }

    @inline(__always)
    private mutating func absorbWord(_ m: UInt64) {
        v3 ^= m
        rounds(compressionRounds)
        v0 ^= m
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard let base = data.baseAddress, data.count > 0 else { return }
        totalLength &+= UInt64(data.count)
        var i = 0
        let n = data.count
        while pendingCount > 0 && i < n {
            pending |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &<< UInt64(8 &* pendingCount)
            pendingCount &+= 1
            i &+= 1
            if pendingCount == 8 {
                absorbWord(pending)
                pending = 0
                pendingCount = 0
            }
        }
        while n &- i >= 8 {
            absorbWord(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i &+= 8
        }
        while i < n {
            pending |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &<< UInt64(8 &* pendingCount)
            pendingCount &+= 1
            i &+= 1
        }
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Returns the 8- or 16-byte tag. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        absorbWord(pending | (totalLength &<< 56))
        v2 ^= outputLength == 16 ? 0xEE : 0xFF
        rounds(finalizationRounds)
        var out = withUnsafeBytes(of: (v0 ^ v1 ^ v2 ^ v3).littleEndian) { Array($0) }
        if outputLength == 16 {
            v1 ^= 0xDD
            rounds(finalizationRounds)
            out += withUnsafeBytes(of: (v0 ^ v1 ^ v2 ^ v3).littleEndian) { Array($0) }
        }
        (v0, v1, v2, v3, pending) = (0, 0, 0, 0, 0)
        return out
    }

    /// One-shot SipHash of `message`.
    public static func authenticate(
        key: [UInt8], message: [UInt8], outputLength: Int = 16, compressionRounds: Int = 2, finalizationRounds: Int = 4
    ) throws -> [UInt8] {
        var s = try SipHash(
            key: key, outputLength: outputLength, compressionRounds: compressionRounds,
            finalizationRounds: finalizationRounds)
        s.update(message)
        return s.finalize()
    }
}

#endif
