/// XTS (IEEE Std 1619, NIST SP 800-38E) with ciphertext stealing, over any 128-bit block
/// cipher, with OpenSSL's EVP behaviour: `aes-128-xts` (32-byte key), `aes-256-xts` (64-byte
/// key).
///
/// The key is Key1 || Key2 (data key, then tweak key), each half a key of `C`. The tweak is
/// the 16-byte IV, the data unit's sequence number as IEEE 1619 encodes it (little-endian).
/// As in OpenSSL, every `process` call is one whole data unit under the same tweak; the tweak
/// is not advanced between calls.
///
/// OpenSSL conventions kept:
/// - Equal key halves are refused when encrypting (`aes_xts_check_keys_differ`; FIPS 140-2
///   IG A.9). OpenSSL 3.0's default provider still lets such a key decrypt (only its FIPS
///   provider refuses both directions); `rejectEqualKeysForDecryption: true` gives the FIPS
///   behaviour.
/// - A data unit shorter than one block is refused, and so is one longer than 2^20 blocks
///   (`XTS_MAX_BLOCKS_PER_DATA_UNIT`, IEEE Std 1619-2018 and SP 800-38E).
public final class XTS<C: BlockCipher> {
    /// True for an encrypting context, false for a decrypting one.
    public let encrypting: Bool
    /// Largest data unit, in bytes: 2^20 blocks.
    public static var maxDataUnitLength: Int { (1 << 20) * 16 }

    @exclusivity(unchecked) private var dataCipher: C
    private let batch: BlockBatch<C>
    /// T_0 = E(Key2, tweak), as two little-endian words.
    private var t0: (UInt64, UInt64)
    private static var batchBlocks: Int { 16 }

    deinit {
        SecretWipe.wipe(value: &dataCipher)
        SecretWipe.wipe(value: &t0)
    }

    /// - Throws: `invalidParameter` for a cipher without 128-bit blocks, a key that is not 32
    ///   or 64 bytes (two halves `C` accepts), equal halves (encrypting, or decrypting with
    ///   `rejectEqualKeysForDecryption`), or a tweak that is not 16 bytes.
    public init(key: [UInt8], tweak: [UInt8], encrypting: Bool, rejectEqualKeysForDecryption: Bool = false) throws {
        try AEADSupport.require128(C.self, "XTS")
        guard key.count == 32 || key.count == 64, C.keySizes.contains(key.count / 2) else {
            throw CryptoError(
                .invalidParameter, "XTS takes two concatenated keys of 32 or 64 bytes in all, got \(key.count)")
        }
        guard tweak.count == 16 else {
            throw CryptoError(
                .invalidParameter, "XTS needs a 16-byte tweak (IV), got \(tweak.count)", openSSL: .invalidIVLength)
        }
        let half = key.count / 2
        if encrypting || rejectEqualKeysForDecryption {
            guard !ConstantTime.equals(key[0..<half], key[half...]) else {
                throw CryptoError(
                    .invalidParameter, "XTS key halves are equal (duplicated keys)", openSSL: .xtsDuplicatedKeys)
            }
        }
        self.encrypting = encrypting
        dataCipher = try C(key: Array(key[0..<half]))
        let tweakCipher = try C(key: Array(key[half...]))
        batch = BlockBatch(dataCipher)
        var t = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &t) { b in
            tweak.withUnsafeBytes { b.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 16) }
            tweakCipher.encrypt(block: UnsafeRawPointer(b.baseAddress!), into: b.baseAddress!)
        }
        t0 = (UInt64(littleEndian: t.0), UInt64(littleEndian: t.1))
    }

    /// Encrypts or decrypts one whole data unit (16 bytes to 2^20 blocks), stealing ciphertext
    /// for a final partial block.
    /// - Throws: `invalidLength` if `data` is shorter than 16 bytes or longer than 2^20 blocks.
    public func process(_ data: [UInt8]) throws -> [UInt8] {
        let n = data.count
        guard n >= 16 else {
            throw CryptoError(
                .invalidLength, "XTS data unit must be at least 16 bytes, got \(n)", openSSL: .invalidInputLength)
        }
        guard n <= Self.maxDataUnitLength else {
            throw CryptoError(.invalidLength, "XTS data unit longer than 2^20 blocks (\(n) bytes)")
        }
        return data.withUnsafeBytes { input in
            AEADSupport.makeBytes(n) { out in unit(input.baseAddress!, out, n) }
        }
    }

    // MARK: Internals

    /// T * alpha in GF(2^128), little-endian as IEEE 1619 defines it (constant time).
    @inline(__always)
    private static func next(_ t: (UInt64, UInt64)) -> (UInt64, UInt64) {
        let carry = 0 &- (t.1 &>> 63)
        return ((t.0 &<< 1) ^ (carry & 0x87), (t.1 &<< 1) | (t.0 &>> 63))
    }

    private func unit(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ n: Int) {
        let tail = n % 16
        let full = n / 16
        // With stealing, the last full block is handled with the partial one.
        let bulk = tail == 0 ? full : full - 1
        let t = blocks(src, dst, bulk, t0)
        guard tail > 0 else { return }
        let s = src + 16 * bulk
        let d = dst + 16 * bulk
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &buffer) { b in
            let pp = b.baseAddress!
            let tNext = Self.next(t)
            // Encrypting: CC = E_T(P_{m-1}); C_m = CC[0..<tail]; C_{m-1} = E_T'(P_m || CC[tail...]).
            // Decrypting: PP = D_T'(C_{m-1}); P_m = PP[0..<tail]; P_{m-1} = D_T(C_m || PP[tail...]).
            let (first, second) = encrypting ? (t, tNext) : (tNext, t)
            pp.copyMemory(from: s, byteCount: 16)
            single(pp, first)
            // Steal: the partial output comes from the head of this block.
            (pp + 16).copyMemory(from: UnsafeRawPointer(pp), byteCount: tail)
            pp.copyMemory(from: s + 16, byteCount: tail)
            single(pp, second)
            d.copyMemory(from: UnsafeRawPointer(pp), byteCount: 16)
            (d + 16).copyMemory(from: UnsafeRawPointer(pp + 16), byteCount: tail)
            pp.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
        }
    }

    /// One block in place with tweak `t`: x = T ^ E(x ^ T) (or D).
    private func single(_ p: UnsafeMutableRawPointer, _ t: (UInt64, UInt64)) {
        let a = t.0.littleEndian
        let b = t.1.littleEndian
        p.storeBytes(of: p.load(as: UInt64.self) ^ a, as: UInt64.self)
        p.storeBytes(of: p.load(fromByteOffset: 8, as: UInt64.self) ^ b, toByteOffset: 8, as: UInt64.self)
        if encrypting {
            dataCipher.encrypt(block: UnsafeRawPointer(p), into: p)
        } else {
            dataCipher.decrypt(block: UnsafeRawPointer(p), into: p)
        }
        p.storeBytes(of: p.load(as: UInt64.self) ^ a, as: UInt64.self)
        p.storeBytes(of: p.load(fromByteOffset: 8, as: UInt64.self) ^ b, toByteOffset: 8, as: UInt64.self)
    }

    /// `count` whole blocks from tweak `t` on, in batches; returns the tweak of the next block.
    private func blocks(
        _ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ count: Int,
        _ start: (UInt64, UInt64)
    ) -> (UInt64, UInt64) {
        var t = start
        guard count > 0 else { return t }
        let bb = Self.batchBlocks
        let tweaks = UnsafeMutableRawPointer.allocate(byteCount: 16 * bb, alignment: 16)
        defer {
            tweaks.initializeMemory(as: UInt8.self, repeating: 0, count: 16 * bb)
            tweaks.deallocate()
        }
        var done = 0
        while done < count {
            let b = min(bb, count - done)
            for k in 0..<b {
                tweaks.storeBytes(of: t.0.littleEndian, toByteOffset: 16 * k, as: UInt64.self)
                tweaks.storeBytes(of: t.1.littleEndian, toByteOffset: 16 * k + 8, as: UInt64.self)
                t = Self.next(t)
            }
            let s = src + 16 * done
            let d = dst + 16 * done
            BlockXOR.xor(s, UnsafeRawPointer(tweaks), into: d, count: 16 * b)
            if encrypting {
                batch.encrypt(UnsafeRawPointer(d), d, count: b)
            } else {
                batch.decrypt(UnsafeRawPointer(d), d, count: b)
            }
            BlockXOR.xor(UnsafeRawPointer(d), UnsafeRawPointer(tweaks), into: d, count: 16 * b)
            done += b
        }
        return t
    }
}
