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
    func encrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer)
    func decrypt(block: UnsafeRawPointer, into output: UnsafeMutableRawPointer)
}

/// The key lengths a cipher accepts, in bytes.
public enum KeySizes: Sendable, Equatable {
    case fixed(Int)
    case oneOf([Int])
    /// Any length in `min...max`.
    case range(Int, Int)

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
            throw CryptoError(.invalidParameter, "\(name) takes a key of \(self) bytes, got \(n)", file: file, line: line)
        }
    }
}

extension KeySizes: CustomStringConvertible {
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
    /// Returns an empty array if `block` is not exactly one block long.
    public func encrypt(_ block: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.blockSize)
        guard block.count == Self.blockSize else { return [] }
        block.withUnsafeBytes { i in out.withUnsafeMutableBytes { o in encrypt(block: i.baseAddress!, into: o.baseAddress!) } }
        return out
    }

    /// Decrypts one block given as an array; empty if `block` is not exactly one block long.
    public func decrypt(_ block: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.blockSize)
        guard block.count == Self.blockSize else { return [] }
        block.withUnsafeBytes { i in out.withUnsafeMutableBytes { o in decrypt(block: i.baseAddress!, into: o.baseAddress!) } }
        return out
    }
}
