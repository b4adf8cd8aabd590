#if CHACHA && POLY1305
/// ChaCha20-Poly1305 (RFC 8439 section 2.8), OpenSSL's `chacha20-poly1305` cipher.
///
/// A 32-byte key and a 12-byte nonce. The Poly1305 one-time key is the first half of ChaCha20
/// block 0; the data is encrypted from block 1; the tag covers
/// `AAD || pad16 || ciphertext || pad16 || le64(len(AAD)) || le64(len(ciphertext))`.
///
/// OpenSSL 3.0 conventions kept here:
/// - the nonce must be exactly 12 bytes (3.0 no longer zero-pads a shorter IV:
///   `evpciph_chacha.txt`, "a truncated IV is no longer allowed");
/// - the tag length may be 1...16 bytes (`OSSL_CIPHER_PARAM_AEAD_TAG` accepts that range):
///   encryption returns the leading `tagLength` bytes of the tag and decryption compares that
///   many, in constant time. 16 is the default and the only length RFC 8439 defines.
///
/// Decryption authenticates before it decrypts: ciphertext is buffered by `update`, and only
/// after `finalizeDecryption(tag:)` has verified the tag is it decrypted and returned. A wrong
/// tag (or one of the wrong length) throws `authenticationFailure`.
///
/// Misuse — AAD after data, any call after finalizing, the finalize of the other direction —
/// throws `invalidParameter`; `AEADParameters.messageLength` is ignored.
public final class ChaCha20Poly1305: AEADContext {
    /// The key length in bytes.
    public static let keySize = 32
    /// The nonce length in bytes; OpenSSL 3.0 accepts no other.
    public static let nonceSize = 12
    /// The full (and default) tag length in bytes.
    public static let tagSize = 16
    /// RFC 8439: at most 2^32 - 1 blocks of 64 bytes after the Poly1305 key block.
    public static let maxMessageLength: UInt64 = (1 << 38) - 64

    private var cipher: ChaCha20
    private var mac: Poly1305
    private let encrypting: Bool
    private let tagLength: Int
    private var aadLength: UInt64 = 0
    private var textLength: UInt64 = 0
    private var inData = false
    private var finished = false
    /// Decryption only: the ciphertext, held until the tag verifies.
    private var pending: [UInt8] = []

    deinit {
        SecretWipe.wipe(value: &cipher)
        SecretWipe.wipe(value: &mac)
        SecretWipe.wipe(&pending)
    }

    /// - Throws: `invalidParameter` for a key other than 32 bytes, a nonce other than 12
    ///   bytes, or a tag length outside 1...16.
    public init(key: [UInt8], parameters: AEADParameters, encrypting: Bool) throws {
        guard key.count == Self.keySize else {
            throw CryptoError(
                .invalidParameter, "ChaCha20-Poly1305 takes a key of 32 bytes, got \(key.count)",
                openSSL: .invalidKeyLength)
        }
        guard parameters.nonce.count == Self.nonceSize else {
            throw CryptoError(
                .invalidParameter, "ChaCha20-Poly1305 takes a nonce of 12 bytes, got \(parameters.nonce.count)",
                openSSL: .invalidIVLength)
        }
        guard (1...Self.tagSize).contains(parameters.tagLength) else {
            throw CryptoError(
                .invalidParameter, "ChaCha20-Poly1305 tag length must be 1...16, got \(parameters.tagLength)")
        }
        var block0 = try ChaCha20.block(key: key, counter: 0, nonce: parameters.nonce)
        mac = try Poly1305(key: Array(block0[0..<32]))
        for i in block0.indices { block0[i] = 0 }
        cipher = try ChaCha20(key: key, nonce: parameters.nonce, counter: 1)
        self.encrypting = encrypting
        tagLength = parameters.tagLength
    }

    /// Adds associated data to the tag; allowed only before the first `update`.
    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        try checkOpen()
        guard !inData else {
            throw CryptoError(.invalidParameter, "ChaCha20-Poly1305 AAD must come before the data")
        }
        aadLength &+= UInt64(aad.count)
        mac.update(aad)
    }

    /// Encrypting: returns the ciphertext of `input` at once. Decrypting: buffers `input` and
    /// returns nothing until the tag has been checked.
    public func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        try checkOpen()
        if !inData {
            mac.padToBlock()
            inData = true
        }
        guard input.count > 0 else { return [] }
        guard UInt64(input.count) <= Self.maxMessageLength - textLength else {
            throw CryptoError(.invalidLength, "ChaCha20-Poly1305 messages are limited to 2^38 - 64 bytes")
        }
        textLength += UInt64(input.count)
        if encrypting {
            let n = input.count
            return [UInt8](unsafeUninitializedCapacity: n) { out, count in
                let o = UnsafeMutableRawPointer(out.baseAddress!)
                cipher.apply(input.baseAddress!, into: o, count: n)
                mac.update(UnsafeRawBufferPointer(start: o, count: n))
                count = n
            }
        }
        mac.update(input)
        pending.append(contentsOf: input)
        return []
    }

    /// Returns the tag, cut to the requested tag length (all ciphertext was already returned).
    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else {
            throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting ChaCha20-Poly1305 context")
        }
        try checkOpen()
        let tag = computeTag()
        return ([], Array(tag[0..<tagLength]))
    }

    /// Checks `tag` in constant time and returns the whole plaintext; a wrong tag throws
    /// `authenticationFailure` and wipes the buffered data.
    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else {
            throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting ChaCha20-Poly1305 context")
        }
        try checkOpen()
        let expected = computeTag()
        guard tag.count == tagLength, ConstantTime.declassify(ConstantTime.equals(tag, expected[0..<tagLength])) else {
            for i in pending.indices { pending[i] = 0 }
            pending = []
            throw CryptoError(.authenticationFailure, "ChaCha20-Poly1305 tag mismatch")
        }
        var plaintext = pending
        pending = []
        let n = plaintext.count
        if n > 0 {
            plaintext.withUnsafeMutableBytes { p in
                cipher.apply(UnsafeRawPointer(p.baseAddress!), into: p.baseAddress!, count: n)
            }
        }
        return plaintext
    }

    /// One-shot encryption: returns the ciphertext and the 16-byte tag.
    public static func seal(key: [UInt8], nonce: [UInt8], aad: [UInt8] = [], plaintext: [UInt8]) throws -> (
        ciphertext: [UInt8], tag: [UInt8]
    ) {
        let ctx = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: nonce), encrypting: true)
        try ctx.updateAAD(aad)
        let body = try ctx.update(plaintext)
        let (rest, tag) = try ctx.finalizeEncryption()
        return (rest.isEmpty ? body : body + rest, tag)
    }

    /// One-shot decryption with a full 16-byte tag: returns the plaintext, or throws
    /// `authenticationFailure` (also for a tag of any other length).
    public static func open(key: [UInt8], nonce: [UInt8], aad: [UInt8] = [], ciphertext: [UInt8], tag: [UInt8]) throws
        -> [UInt8]
    {
        let ctx = try ChaCha20Poly1305(key: key, parameters: AEADParameters(nonce: nonce), encrypting: false)
        try ctx.updateAAD(aad)
        _ = try ctx.update(ciphertext)
        return try ctx.finalizeDecryption(tag: tag)
    }

    private func checkOpen() throws {
        guard !finished else {
            throw CryptoError(.invalidParameter, "ChaCha20-Poly1305 context already finalized")
        }
    }

    private func computeTag() -> [UInt8] {
        finished = true
        mac.padToBlock()
        var lengths: (UInt64, UInt64) = (aadLength.littleEndian, textLength.littleEndian)
        withUnsafeBytes(of: &lengths) { mac.update($0) }
        return mac.finalize()
    }
}
#endif
