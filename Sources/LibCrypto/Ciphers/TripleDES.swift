#if DES

/// Triple-DES with three keys, EDE (NIST SP 800-67 TDEA keying option 1; OpenSSL's `des-ede3`):
/// C = E_K3(D_K2(E_K1(P))) with the 24-byte key K1‖K2‖K3.
///
/// Legacy: a 64-bit block and about 112 bits of security. Parity bits are ignored and the
/// keys are not checked for being distinct or weak, as in OpenSSL's default provider.
/// The SP-box lookups are secret-indexed; see `DES`.
public struct DESEDE3: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.fixed(24)

    let k1: DESKeySchedule
    let k2: DESKeySchedule
    let k3: DESKeySchedule

    /// Expands `key` into the key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "DES-EDE3")
        k1 = DESKeySchedule(key: DESCore.loadKey(key, at: 0))
        k2 = DESKeySchedule(key: DESCore.loadKey(key, at: 8))
        k3 = DESKeySchedule(key: DESCore.loadKey(key, at: 16))
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        TripleDESCore.encrypt(block, output, k1, k2, k3)
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        TripleDESCore.decrypt(block, output, k1, k2, k3)
    }
}

/// Two-key Triple-DES, EDE (TDEA keying option 2; OpenSSL's `des-ede`): the 16-byte key
/// K1‖K2 used as `DESEDE3` with K3 = K1.
public struct DESEDE: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.fixed(16)

    let k1: DESKeySchedule
    let k2: DESKeySchedule

    /// Expands `key` into the key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "DES-EDE")
        k1 = DESKeySchedule(key: DESCore.loadKey(key, at: 0))
        k2 = DESKeySchedule(key: DESCore.loadKey(key, at: 8))
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        TripleDESCore.encrypt(block, output, k1, k2, k1)
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        TripleDESCore.decrypt(block, output, k1, k2, k1)
    }
}

/// The EDE composition. FP of one pass followed by IP of the next is the identity, so IP
/// and FP are applied once each; between passes only the halves trade places (a pass ends
/// with L16 in `l` and R16 in `r`, and the next pass starts from L0 = R16, R0 = L16).
enum TripleDESCore {
    @inline(__always)
    static func encrypt(
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer,
        _ k1: DESKeySchedule, _ k2: DESKeySchedule, _ k3: DESKeySchedule
    ) {
        var (l, r) = DESCore.initialPermutation(input)
        DESTables.sp.withUnsafeBufferPointer { table in
            let sp = table.baseAddress!
            k1.encryptRounds(&l, &r, sp)
            k2.decryptRounds(&r, &l, sp)
            k3.encryptRounds(&l, &r, sp)
        }
        DESCore.finalPermutation(r, l, into: output)
    }

    @inline(__always)
    static func decrypt(
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer,
        _ k1: DESKeySchedule, _ k2: DESKeySchedule, _ k3: DESKeySchedule
    ) {
        var (l, r) = DESCore.initialPermutation(input)
        DESTables.sp.withUnsafeBufferPointer { table in
            let sp = table.baseAddress!
            k3.decryptRounds(&l, &r, sp)
            k2.encryptRounds(&r, &l, sp)
            k1.decryptRounds(&l, &r, sp)
        }
        DESCore.finalPermutation(r, l, into: output)
    }
}

#endif
