#if ASM && canImport(LibCryptoASM)
import LibCryptoASM

/// AES on AES-NI (`LibCryptoASM`, eight blocks in flight for ECB, CBC decryption and CTR), the
/// x86-64 hardware variant (as BearSSL's `aes_x86ni`). ``AES`` picks it when a key is set and
/// ``HardwareSupport`` selects `aesni`; the CPU does the S-box, so nothing here is table-driven.
///
/// A value is a view of a key schedule owned by an ``AES`` value: the byte schedule of
/// `lc_aesni_expand_key` (encryption keys, then decryption keys at byte 240), valid while
/// that storage is borrowed. Only built with the `ASM` trait.
struct AESNI {
    let schedule: UnsafePointer<UInt8>
    let rounds: Int32

    @inline(__always)
    init(schedule: UnsafePointer<UInt8>, rounds: Int) {
        self.schedule = schedule
        self.rounds = Int32(rounds)
    }

    /// Expands `key` (16, 24 or 32 bytes, already checked) into the first 480 bytes of `rk`;
    /// returns Nr.
    static func expandKey(_ key: [UInt8], into rk: inout InlineArray<120, UInt64>) -> Int {
        let nr = withUnsafeMutableBytes(of: &rk) { s in
            key.withUnsafeBytes { k in
                lc_aesni_expand_key(
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self), key.count,
                    s.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        return Int(nr)
    }

    @inline(__always)
    func encrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        lc_aesni_encrypt_blocks(
            schedule, rounds, input.assumingMemoryBound(to: UInt8.self),
            output.assumingMemoryBound(to: UInt8.self), count)
    }

    @inline(__always)
    func decrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        lc_aesni_decrypt_blocks(
            schedule, rounds, input.assumingMemoryBound(to: UInt8.self),
            output.assumingMemoryBound(to: UInt8.self), count)
    }

    @inline(__always)
    func cbcEncrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        lc_aesni_cbc_encrypt(
            schedule, rounds, input.assumingMemoryBound(to: UInt8.self),
            output.assumingMemoryBound(to: UInt8.self), count, iv.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    func cbcDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        lc_aesni_cbc_decrypt(
            schedule, rounds, input.assumingMemoryBound(to: UInt8.self),
            output.assumingMemoryBound(to: UInt8.self), count, iv.assumingMemoryBound(to: UInt8.self))
    }

    /// CTR with the whole block (`counterWidth` 16) or its last four bytes (4, GCM's inc32)
    /// as the counter; returns false for other widths, which the caller must do otherwise.
    @inline(__always)
    func ctr(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        counter: UnsafeMutableRawPointer, counterWidth: Int
    ) -> Bool {
        let i = input.assumingMemoryBound(to: UInt8.self)
        let o = output.assumingMemoryBound(to: UInt8.self)
        let c = counter.assumingMemoryBound(to: UInt8.self)
        switch counterWidth {
        case 16: lc_aesni_ctr128(schedule, rounds, i, o, count, c)
        case 4: lc_aesni_ctr32(schedule, rounds, i, o, count, c)
        default: return false
        }
        return true
    }
}
#else
/// A build without `ASM` has no AES-NI: an uninhabited type, so ``AES``'s dispatch type-checks
/// and its hardware branch is statically dead (no value can exist to reach these methods).
enum AESNI {
    func encrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {}
    func decrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {}
    func cbcEncrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {}
    func cbcDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {}
    func ctr(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        counter: UnsafeMutableRawPointer, counterWidth: Int
    ) -> Bool { switch self {} }
}
#endif
