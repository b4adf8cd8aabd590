/// A block cipher keyed once, in the manner of Go's `cipher.Block`. Modes (`CBC`, `CTR`, ...)
/// are written once against this protocol.
///
/// `encrypt`/`decrypt` read exactly `blockSize` bytes at `block` and write `blockSize` bytes at
/// `output`; the two may be the same address (in-place). They never allocate.
public protocol BlockCipher: Sendable {
    /// Block length in bytes (8 or 16).
    static var blockSize: Int { get }
    /// Key lengths in bytes this cipher accepts with `init(key:)`.
    static var keySizes: KeySizes { get }
    /// Keys the cipher; a key length outside `keySizes` throws `CryptoError(.invalidParameter)`.
    init(key: [UInt8]) throws
    /// Encrypts the `blockSize` bytes at `block` into `output`.
    func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer)
    /// Decrypts the `blockSize` bytes at `block` into `output`.
    func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer)
}

/// The key lengths a cipher accepts, in bytes.
public enum KeySizes: Sendable, Equatable {
    /// Exactly this many bytes.
    case fixed(Int)
    /// One of these lengths.
    case oneOf([Int])
    /// Any length in `min...max`.
    case range(Int, Int)

    /// True if a key of `n` bytes is accepted.
    public func contains(_ n: Int) -> Bool {
        switch self {
        case .fixed(let k): return n == k
        case .oneOf(let ks): return ks.contains(n)
        case .range(let lo, let hi): return n >= lo && n <= hi
        }
    }

    /// Throws `invalidParameter` naming the cipher and the lengths it takes.
    public func check(_ n: Int, for name: String, file: String = #fileID, line: Int = #line) throws {
        guard contains(n) else {
            throw CryptoError(
                .invalidParameter, "\(name) takes a key of \(self) bytes, got \(n)", file: file, line: line)
        }
    }
}

extension KeySizes: CustomStringConvertible {
    /// The lengths as error messages print them: `16`, `16, 24, 32` or `1...72`.
    public var description: String {
        switch self {
        case .fixed(let k): return "\(k)"
        case .oneOf(let ks): return ks.map(String.init).joined(separator: ", ")
        case .range(let lo, let hi): return "\(lo)...\(hi)"
        }
    }
}

/// A keystream generator (RC4, ChaCha20): XORs its keystream into the data, any length per call.
public protocol StreamCipher: Sendable {
    /// Applies the keystream to `count` bytes from `input` into `output` (may be the same address).
    mutating func apply(_ input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int)
}

extension StreamCipher {
    /// Applies the keystream to `bytes` and returns the result.
    public mutating func apply(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: bytes.count)
        guard !bytes.isEmpty else { return out }
        bytes.withUnsafeBytes { i in
            out.withUnsafeMutableBytes { o in apply(i.baseAddress!, into: o.baseAddress!, count: bytes.count) }
        }
        return out
    }
}

extension BlockCipher {
    /// Encrypts one block given as an array (tests and one-offs; modes use the pointer form).
    /// - Throws: `invalidLength` if `block` is not exactly `blockSize` bytes long.
    public func encrypt(_ block: [UInt8]) throws -> [UInt8] {
        try Self.checkOneBlock(block)
        var out = [UInt8](repeating: 0, count: Self.blockSize)
        block.withUnsafeBytes { i in
            out.withUnsafeMutableBytes { o in encrypt(block: i.baseAddress!, into: o.baseAddress!) }
        }
        return out
    }

    /// Decrypts one block given as an array.
    /// - Throws: `invalidLength` if `block` is not exactly `blockSize` bytes long.
    public func decrypt(_ block: [UInt8]) throws -> [UInt8] {
        try Self.checkOneBlock(block)
        var out = [UInt8](repeating: 0, count: Self.blockSize)
        block.withUnsafeBytes { i in
            out.withUnsafeMutableBytes { o in decrypt(block: i.baseAddress!, into: o.baseAddress!) }
        }
        return out
    }

    private static func checkOneBlock(_ block: [UInt8], file: String = #fileID, line: Int = #line) throws {
        guard block.count == blockSize else {
            throw CryptoError(
                .invalidLength, "\(Self.self) takes one block of \(blockSize) bytes, got \(block.count)",
                file: file, line: line)
        }
    }
}

/// A block cipher with fast paths for runs of blocks, for the modes that can use them: ECB,
/// CBC (decryption runs blocks in parallel; encryption at least stays in one call), CTR
/// (keystream), and the AEAD modes built on ECB and CTR. Use it with
/// `if let fast = cipher as? any MultiBlockCipher`; results equal the single-block methods.
///
/// In every method `input` and `output` may be the same address (in-place); otherwise they
/// must not overlap. Only `parallelBlocks`, `encrypt(blocks:into:count:)` and
/// `decrypt(blocks:into:count:)` must be written; the mode methods have default
/// implementations on top of them that a cipher may replace with faster ones (AES does, for
/// AES-NI).
public protocol MultiBlockCipher: BlockCipher {
    /// Blocks the core processes per pass; batches of a multiple of this are fastest.
    static var parallelBlocks: Int { get }
    /// Encrypts `count` consecutive blocks (ECB).
    func encrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int)
    /// Decrypts `count` consecutive blocks (ECB).
    func decrypt(blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int)
    /// CBC-encrypts `count` blocks; `iv` (one block) is the chaining value and is left
    /// holding the last ciphertext block.
    func cbcEncrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer)
    /// CBC-decrypts `count` blocks; `iv` as for `cbcEncrypt` (left holding the last
    /// ciphertext block read).
    func cbcDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer)
    /// Counter mode over `count` whole blocks: output = input XOR E(counter), the counter
    /// block (at `counter`, one block) incremented after each block as a big-endian integer
    /// in its last `counterWidth` bytes, modulo 2^(8·counterWidth): `blockSize` for
    /// OpenSSL's CTR mode, 4 for GCM's inc32. The counter is left at the next unused value.
    func ctr(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        counter: UnsafeMutableRawPointer, counterWidth: Int)
}

extension MultiBlockCipher {
    /// The default: one block at a time through `encrypt(block:into:)` (CBC encryption is
    /// sequential).
    public func cbcEncrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        let bs = Self.blockSize
        var i = input
        var o = output
        for _ in 0..<count {
            BlockXOR.xor(iv, i, into: iv, count: bs)
            encrypt(block: UnsafeRawPointer(iv), into: iv)
            o.copyMemory(from: iv, byteCount: bs)
            i += bs
            o += bs
        }
    }

    /// The default: blocks decrypted in batches of up to 256 bytes through
    /// `decrypt(blocks:into:count:)`, then XORed with the previous ciphertext blocks.
    public func cbcDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        batchedCBCDecrypt(blocks: input, into: output, count: count, iv: iv)
    }

    /// The default: counter blocks built in batches of up to 256 bytes and encrypted with one
    /// `encrypt(blocks:into:count:)` call per batch.
    public func ctr(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        counter: UnsafeMutableRawPointer, counterWidth: Int
    ) {
        batchedCTR(blocks: input, into: output, count: count, counter: counter, counterWidth: counterWidth)
    }

    /// CBC decryption through `decrypt(blocks:)`, up to 256 bytes per batch.
    func batchedCBCDecrypt(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        iv: UnsafeMutableRawPointer
    ) {
        let bs = Self.blockSize
        let batch = max(1, 256 / bs)
        precondition(bs <= 32, "block size over 256 bits")
        var scratch = InlineArray<36, UInt64>(repeating: 0)
        withUnsafeMutableBytes(of: &scratch) { tmp in
            let plain = tmp.baseAddress!
            let last = plain + batch * bs
            var i = input
            var o = output
            var n = count
            while n > 0 {
                let k = min(n, batch)
                decrypt(blocks: i, into: plain, count: k)
                last.copyMemory(from: i + (k - 1) * bs, byteCount: bs)
                // Back to front, so that in-place output never overwrites a ciphertext block
                // still needed as the previous block of another.
                var j = k - 1
                while j > 0 {
                    BlockXOR.xor(plain + j * bs, i + (j - 1) * bs, into: o + j * bs, count: bs)
                    j -= 1
                }
                BlockXOR.xor(plain, iv, into: o, count: bs)
                iv.copyMemory(from: last, byteCount: bs)
                i += k * bs
                o += k * bs
                n -= k
            }
            tmp.initializeMemory(as: UInt8.self, repeating: 0)
        }
    }

    /// Counter mode through `encrypt(blocks:)`: up to 256 bytes of counter blocks per batch.
    func batchedCTR(
        blocks input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int,
        counter: UnsafeMutableRawPointer, counterWidth: Int
    ) {
        let bs = Self.blockSize
        let width = min(max(counterWidth, 1), bs)
        let batch = max(1, 256 / bs)
        precondition(bs <= 256, "block size over 2048 bits")
        var scratch = InlineArray<32, UInt64>(repeating: 0)
        withUnsafeMutableBytes(of: &scratch) { tmp in
            let ks = tmp.baseAddress!
            var i = input
            var o = output
            var n = count
            while n > 0 {
                let k = min(n, batch)
                for j in 0..<k {
                    (ks + j * bs).copyMemory(from: counter, byteCount: bs)
                    CTRStream.increment(counter, blockSize: bs, width: width)
                }
                encrypt(blocks: UnsafeRawPointer(ks), into: ks, count: k)
                BlockXOR.xor(i, UnsafeRawPointer(ks), into: o, count: k * bs)
                i += k * bs
                o += k * bs
                n -= k
            }
            tmp.initializeMemory(as: UInt8.self, repeating: 0)
        }
    }
}

/// Word-wise XOR for the modes.
enum BlockXOR {
    /// `out[i] = a[i] ^ b[i]` for `count` bytes, eight at a time. `out` may equal `a` or `b`.
    @inline(__always)
    static func xor(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, into out: UnsafeMutableRawPointer, count: Int) {
        var i = 0
        while i + 8 <= count {
            let x =
                a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            out.storeBytes(of: x, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < count {
            let x = a.load(fromByteOffset: i, as: UInt8.self) ^ b.load(fromByteOffset: i, as: UInt8.self)
            out.storeBytes(of: x, toByteOffset: i, as: UInt8.self)
            i += 1
        }
    }
}
