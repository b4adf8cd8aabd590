#if DES

/// DESX (Rivest): DES with key whitening, C = K3 ⊕ DES_K1(P ⊕ K2), in OpenSSL's `desx-cbc`
/// key layout: 24 bytes = DES key K1 (8) ‖ input whitening K2 (8) ‖ output whitening K3 (8).
///
/// This matches OpenSSL's `DES_xcbc_encrypt`, whose provider (`cipher_desx_hw.c`) passes
/// key bytes 8...15 as `inw`, XORed into the block before DES, and bytes 16...23 as `outw`,
/// XORed into the DES output. Legacy; the SP-box lookups are secret-indexed (see `DES`).
public struct DESX: BlockCipher {
    /// The block length in bytes (8).
    public static let blockSize = 8
    /// The key lengths `init(key:)` accepts, in bytes.
    public static let keySizes = KeySizes.fixed(24)

    let schedule: DESKeySchedule
    let inputWhitening: UInt64
    let outputWhitening: UInt64

    /// Expands `key` into the key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "DESX")
        schedule = DESKeySchedule(key: DESCore.loadKey(key, at: 0))
        inputWhitening = DESCore.loadKey(key, at: 8)
        outputWhitening = DESCore.loadKey(key, at: 16)
    }

    /// Encrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        let x = UInt64(bigEndian: block.loadUnaligned(as: UInt64.self)) ^ inputWhitening
        let y = DESTables.sp.withUnsafeBufferPointer { sp in
            DESCore.encrypt(x, schedule, sp.baseAddress!)
        }
        output.storeBytes(of: (y ^ outputWhitening).bigEndian, as: UInt64.self)
    }

    /// Decrypts the 8-byte block at `block` into `output` (the same address is allowed).
    public func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        let y = UInt64(bigEndian: block.loadUnaligned(as: UInt64.self)) ^ outputWhitening
        let x = DESTables.sp.withUnsafeBufferPointer { sp in
            DESCore.decrypt(y, schedule, sp.baseAddress!)
        }
        output.storeBytes(of: (x ^ inputWhitening).bigEndian, as: UInt64.self)
    }
}

#endif
