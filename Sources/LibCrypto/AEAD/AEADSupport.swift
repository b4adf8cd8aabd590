/// Plumbing shared by GCM, CCM, OCB and XTS: block-size checks, word-wise XOR, batched ECB
/// through `MultiBlockCipher` when the cipher has it, and wiping.
///
/// The hot loops of the modes live in non-generic code (these helpers and `GHASH`), so a
/// mode instantiated from another module runs at full speed even when the compiler cannot
/// specialize the generic class; the only dynamic call is one per batch of blocks.
enum AEADSupport {
    /// Throws `invalidParameter` unless `C` has 128-bit blocks (the modes here are defined only
    /// for those).
    static func require128<C: BlockCipher>(_: C.Type, _ mode: String, file: String = #fileID, line: Int = #line) throws
    {
        guard C.blockSize == 16 else {
            throw CryptoError(
                .invalidParameter, "\(mode) needs a 128-bit block cipher, \(C.self) has \(C.blockSize * 8)-bit blocks",
                file: file, line: line)
        }
    }

    /// One 16-byte XOR as two words.
    @inline(__always)
    static func xor16(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, into out: UnsafeMutableRawPointer) {
        let x0 = a.loadUnaligned(as: UInt64.self) ^ b.loadUnaligned(as: UInt64.self)
        let x1 =
            a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ b.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        out.storeBytes(of: x0, as: UInt64.self)
        out.storeBytes(of: x1, toByteOffset: 8, as: UInt64.self)
    }

    @inline(__always)
    static func loadBE64(_ p: UnsafeRawPointer, _ offset: Int = 0) -> UInt64 {
        UInt64(bigEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    static func storeBE64(_ v: UInt64, _ p: UnsafeMutableRawPointer, _ offset: Int = 0) {
        p.storeBytes(of: v.bigEndian, toByteOffset: offset, as: UInt64.self)
    }

    /// Zeroes an array's bytes in place (best effort: the storage Swift owns).
    static func wipe(_ bytes: inout [UInt8]) {
        SecretWipe.wipe(&bytes)
    }

    /// An uninitialized byte array of `count` bytes filled by `body` (which must write them all).
    @inline(__always)
    static func makeBytes(_ count: Int, _ body: (UnsafeMutableRawPointer) throws -> Void) rethrows -> [UInt8] {
        guard count > 0 else { return [] }
        return try [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            try body(UnsafeMutableRawPointer(buf.baseAddress!))
            n = count
        }
    }
}

/// Batched ECB over a cipher: `MultiBlockCipher.encrypt(blocks:)` when the cipher has it (AES
/// does four blocks for the price of one), one block at a time otherwise.
struct BlockBatch<C: BlockCipher> {
    let cipher: C
    private let multi: (any MultiBlockCipher)?

    init(_ cipher: C) {
        self.cipher = cipher
        multi = cipher as? any MultiBlockCipher
    }

    /// Encrypts `count` consecutive blocks; in-place allowed.
    @inline(__always)
    func encrypt(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        if let m = multi {
            m.encrypt(blocks: input, into: output, count: count)
            return
        }
        let bs = C.blockSize
        for i in 0..<count { cipher.encrypt(block: input + i * bs, into: output + i * bs) }
    }

    /// Decrypts `count` consecutive blocks; in-place allowed.
    @inline(__always)
    func decrypt(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        if let m = multi {
            m.decrypt(blocks: input, into: output, count: count)
            return
        }
        let bs = C.blockSize
        for i in 0..<count { cipher.decrypt(block: input + i * bs, into: output + i * bs) }
    }
}
