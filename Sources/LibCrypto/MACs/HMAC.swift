/// HMAC (RFC 2104) over any ``HashFunction``.
///
/// The key is reduced or padded to the digest's block size once, at `init`; the inner and
/// outer contexts are kept as values, so copying an `HMAC` copies a ready-keyed state.
public struct HMAC<H: HashFunction>: Sendable {
    private var inner: H
    private var outer: H

    /// Keys an HMAC. A key longer than the digest's block size is hashed first, as RFC 2104 says.
    public init(key: some Sequence<UInt8>) throws {
        if H.self is any ExtendableOutputFunction.Type {
            throw CryptoError(.unsupportedOperation, "HMAC is not defined over an extendable-output function")
        }
        var block = [UInt8](repeating: 0, count: H.blockSize)
        let keyBytes = Array(key)
        if keyBytes.count > H.blockSize {
            // A digest longer than its own block (MDC2: 16 bytes, block 8) is cut to the block,
            // as OpenSSL's HMAC_Init_ex uses only block-size bytes of the padded key.
            let reduced = H.hash(keyBytes).prefix(H.blockSize)
            block.replaceSubrange(0..<reduced.count, with: reduced)
        } else {
            block.replaceSubrange(0..<keyBytes.count, with: keyBytes)
        }
        for i in block.indices { block[i] ^= 0x36 }
        inner = H()
        inner.update(block)
        for i in block.indices { block[i] ^= 0x36 ^ 0x5c }
        outer = H()
        outer.update(block)
        for i in block.indices { block[i] = 0 }
    }

    /// The tag length in bytes.
    public static var macSize: Int { H.digestSize }

    /// Adds the bytes of `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        inner.update(data)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Returns the tag. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        let innerDigest = inner.finalize()
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// One-shot tag of `message` under `key`.
    public static func authenticate(key: some Sequence<UInt8>, message: some Sequence<UInt8>) throws -> [UInt8] {
        var mac = try HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// Checks `tag` against the tag of `message` in constant time (in the tag's bytes).
    /// A shorter `tag` is compared with the leading bytes of the full tag (truncated HMAC); an empty one never matches.
    public static func verify(tag: [UInt8], key: some Sequence<UInt8>, message: some Sequence<UInt8>) throws -> Bool {
        let full = try authenticate(key: key, message: message)
        guard !tag.isEmpty, tag.count <= full.count else { return false }
        return ConstantTime.equals(tag, full[0..<tag.count])
    }
}
