/// OpenSSL's "MD5-SHA1" digest: the concatenation MD5(m) || SHA-1(m), 36 bytes, as
/// used by the TLS 1.0/1.1 handshake and SSLv3 RSA signatures.
public struct MD5SHA1: HashFunction {
    /// The block length in bytes.
    public static let blockSize = 64
    /// The output length in bytes.
    public static let digestSize = 36

    var md5 = MD5()
    var sha1 = SHA1()

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        md5.update(data)
        sha1.update(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        md5.finalize() + sha1.finalize()
    }
}
