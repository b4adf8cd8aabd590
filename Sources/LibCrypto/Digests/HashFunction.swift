/// A streaming message digest, in the manner of Go's `hash.Hash`.
///
/// Conforming types are value types: copying one copies its whole state, which is how
/// HMAC keeps its precomputed inner and outer contexts. After `finalize()` the value is
/// spent; start a new one with `init()`.
public protocol HashFunction: Sendable {
    /// The compression function's input block, in bytes (HMAC pads keys to this).
    static var blockSize: Int { get }
    /// The default output length, in bytes.
    static var digestSize: Int { get }
    /// A fresh state, ready for the first `update`.
    init()
    /// Absorbs `data`. May be called any number of times with any split of the message.
    mutating func update(_ data: UnsafeRawBufferPointer)
    /// Finishes the computation and returns `digestSize` bytes.
    mutating func finalize() -> [UInt8]
}

/// A digest with an output of any length (SHAKE128/256).
public protocol ExtendableOutputFunction: HashFunction {
    /// Finishes absorbing and returns `outputLength` bytes of output.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    mutating func finalize(outputLength: Int) throws -> [UInt8]
}

extension HashFunction {
    /// Absorbs the bytes of an array or slice.
    @inlinable
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            self.update(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { self.update($0) }
        }
    }

    /// One-shot digest of `bytes`.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var h = Self()
        h.update(bytes)
        return h.finalize()
    }
}

extension ExtendableOutputFunction {
    /// One-shot XOF output of `outputLength` bytes.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>, outputLength: Int) throws -> [UInt8] {
        var h = Self()
        h.update(bytes)
        return try h.finalize(outputLength: outputLength)
    }
}
