/// A streaming authenticated cipher (GCM, CCM, OCB, ChaCha20-Poly1305), in the shape of
/// OpenSSL's EVP AEAD use: key and nonce at creation, then AAD, then data, then the tag.
///
/// Decryption never releases plaintext before the tag has been checked: `update` on a
/// decrypting context returns nothing and `finalize(tag:)` returns the whole plaintext only if
/// the tag verifies (compared in constant time); otherwise it throws
/// `CryptoError(.authenticationFailure)`.
public protocol AEADContext: AnyObject {
    /// Adds associated data; allowed any number of times, before the first `update`.
    func updateAAD(_ aad: UnsafeRawBufferPointer) throws
    /// Encrypting: returns ciphertext for `input` (possibly delayed by buffering).
    /// Decrypting: buffers `input` and returns an empty array.
    func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8]
    /// Encrypting: returns the rest of the ciphertext and the tag (`tagLength` bytes).
    func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8])
    /// Decrypting: checks `tag` and returns the whole plaintext, or throws
    /// `authenticationFailure` and returns nothing.
    func finalizeDecryption(tag: [UInt8]) throws -> [UInt8]
}

extension AEADContext {
    /// Adds the associated data in `bytes` (see `updateAAD(_:)` for raw buffers).
    public func updateAAD(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try updateAAD($0) } }
    /// Processes the data in `bytes` (see `update(_:)` for raw buffers).
    public func update(_ bytes: [UInt8]) throws -> [UInt8] { try bytes.withUnsafeBytes { try update($0) } }
}

/// Parameters an AEAD needs besides the key.
public struct AEADParameters: Sendable, Hashable {
    /// The nonce (IV); each AEAD states which lengths it accepts.
    public var nonce: [UInt8]
    /// Tag length in bytes (GCM 4...16, CCM 4...16 even, OCB 1...16, ChaCha20-Poly1305 16).
    public var tagLength: Int
    /// CCM only: the total plaintext length must be known before the data (as OpenSSL's
    /// `EVP_CipherUpdate(ctx, NULL, &len, NULL, total)` announces it). Nil for other modes.
    public var messageLength: Int?

    /// Parameters with a 16-byte tag and no announced message length unless given.
    public init(nonce: [UInt8], tagLength: Int = 16, messageLength: Int? = nil) {
        self.nonce = nonce
        self.tagLength = tagLength
        self.messageLength = messageLength
    }
}
