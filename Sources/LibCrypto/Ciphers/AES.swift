/// AES, the Advanced Encryption Standard (FIPS 197), with 128-, 192- and 256-bit keys.
///
/// Two variants, chosen when the key is set (see ``HardwareSupport``) and kept by the value:
/// - `AESGeneric` (`AESGeneric.swift`): constant-time bitsliced Swift, no tables, four
///   blocks per pass; every build has it.
/// - `AESNI` (`AESNI.swift`): AES-NI in `LibCryptoASM`, eight blocks in flight for ECB,
///   CBC decryption and CTR; only with the `ASM` trait.
///
/// This file holds the key storage and the one dispatch point (`variant(_:_:)`); the
/// algorithms live in the variant files. No secret-indexed tables in either variant.
///
/// One block costs as much as four in the generic variant, so modes that can work on several
/// blocks at a time (ECB, CTR, CBC decryption, GCM) should use the ``MultiBlockCipher`` methods.
public struct AES: MultiBlockCipher {
    /// The block length in bytes.
    public static let blockSize = 16
    /// The key lengths the cipher accepts.
    public static let keySizes = KeySizes.oneOf([16, 24, 32])
    /// Blocks one pass of the bitsliced core processes (one block costs as much as four).
    public static let parallelBlocks = 4

    /// Nr: 10, 12 or 14.
    public let rounds: Int
    /// The key schedule of the variant in use: `AESGeneric` (round key `i` as eight slices at
    /// `8i ..< 8i + 8`) or `AESNI` (its byte schedule in the first 480 bytes).
    let roundKeys: InlineArray<120, UInt64>
    /// True when `roundKeys` is an AES-NI schedule.
    let hardware: Bool

    /// True if this key schedule runs on AES-NI.
    public var usesHardware: Bool { hardware }

    /// Expands `key`; throws `invalidParameter` for a length the algorithm does not take.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "AES")
        var rk = InlineArray<120, UInt64>(repeating: 0)
        let (nr, hw) = Self.expandKey(key, into: &rk)
        rounds = nr
        hardware = hw
        roundKeys = rk
    }

    /// Encrypts one block from `block` into `output`.
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        variant(
            { $0.encrypt(block: block, into: output) },
            { $0.encrypt(blocks: block, into: output, count: 1) })
    }

    /// Decrypts one block from `block` into `output`.
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        variant(
            { $0.decrypt(block: block, into: output) },
            { $0.decrypt(blocks: block, into: output, count: 1) })
    }

    /// Encrypts `count` consecutive blocks (ECB), four (AES-NI: eight) at a time. `input` and
    /// `output` may be the same address; otherwise they must not overlap.
    public func encrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        variant(
            { $0.encrypt(blocks: input, into: output, count: count) },
            { $0.encrypt(blocks: input, into: output, count: count) })
    }

    /// Decrypts `count` consecutive blocks (ECB), four (AES-NI: eight) at a time; in-place allowed.
    public func decrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        variant(
            { $0.decrypt(blocks: input, into: output, count: count) },
            { $0.decrypt(blocks: input, into: output, count: count) })
    }

    /// CBC-encrypts `count` blocks, chaining from `iv` (updated in place).
    public func cbcEncrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        guard count > 0 else { return }
        variant(
            { $0.cbcEncrypt(blocks: input, into: output, count: count, iv: iv) },
            { $0.cbcEncrypt(blocks: input, into: output, count: count, iv: iv) })
    }

    /// CBC-decrypts `count` blocks, chaining from `iv` (updated in place).
    public func cbcDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        guard count > 0 else { return }
        variant(
            { $0.cbcDecrypt(blocks: input, into: output, count: count, iv: iv) },
            { $0.cbcDecrypt(blocks: input, into: output, count: count, iv: iv) })
    }

    /// Counter-mode keystream for `count` blocks, XORed into `output`; advances the counter.
    public func ctr(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        counter: UnsafeMutableRawPointer, counterWidth: Int
    ) {
        guard count > 0 else { return }
        // The generic variant (and AES-NI for a counter width it has no routine for) runs the
        // shared counter-block batching over `encrypt(blocks:)`.
        let done = variant(
            { _ in false },
            {
                $0.ctr(blocks: input, into: output, count: count, counter: counter, counterWidth: counterWidth)
            })
        if !done { batchedCTR(blocks: input, into: output, count: count, counter: counter, counterWidth: counterWidth) }
    }

    /// The key schedule's SubWord (exposed for the S-box circuit test).
    static func subWord(_ x: UInt32) -> UInt32 { AESGeneric.subWord(x) }
    /// The bitsliced state (exposed for the S-box circuit test).
    typealias Slices = AESGeneric.Slices
}

// MARK: The one dispatch point

#if ASM && canImport(LibCryptoASM)
extension AES {
    /// Expands `key` for the variant ``HardwareSupport`` selects now; returns (Nr, AES-NI?).
    private static func expandKey(_ key: [UInt8], into rk: inout InlineArray<120, UInt64>) -> (Int, Bool) {
        if HardwareSupport.selected.contains(.aesni) { return (AESNI.expandKey(key, into: &rk), true) }
        return (AESGeneric.expandKey(key, into: &rk), false)
    }

    /// Runs `generic` or `aesni` on a view of this value's key schedule, as it was keyed.
    @inline(__always)
    private func variant<R>(_ generic: (AESGeneric) -> R, _ aesni: (AESNI) -> R) -> R {
        roundKeys.span.withUnsafeBufferPointer { k in
            let keys = k.baseAddress!
            return hardware
                ? aesni(AESNI(schedule: UnsafeRawPointer(keys).assumingMemoryBound(to: UInt8.self), rounds: rounds))
                : generic(AESGeneric(roundKeys: keys, rounds: rounds))
        }
    }
}
#else
extension AES {
    /// Expands `key` for the only variant of a build without `ASM`; returns (Nr, false).
    private static func expandKey(_ key: [UInt8], into rk: inout InlineArray<120, UInt64>) -> (Int, Bool) {
        (AESGeneric.expandKey(key, into: &rk), false)
    }

    /// Runs `generic` on a view of this value's key schedule (`AESNI` has no values here).
    @inline(__always)
    private func variant<R>(_ generic: (AESGeneric) -> R, _ aesni: (AESNI) -> R) -> R {
        roundKeys.span.withUnsafeBufferPointer { generic(AESGeneric(roundKeys: $0.baseAddress!, rounds: rounds)) }
    }
}
#endif
