#if BLAKE2
/// Keyed BLAKE2b (RFC 7693 section 2.5, with the salt and personalisation of the BLAKE2
/// paper's parameter block), OpenSSL's `BLAKE2BMAC`: a 1- to 64-byte key, a tag of 1 to 64
/// bytes (default 64), a salt and a personalisation (OpenSSL's `custom`) of up to 16 bytes each,
/// zero-padded. The key is processed as a first, zero-padded 128-byte block.
public struct BLAKE2bMAC: Sendable {
    /// The block length in bytes.
    public static let blockSize = 128
    /// The longest key, tag, salt and personalisation.
    public static let maxKeyLength = 64
    /// The longest tag in bytes (also the default).
    public static let maxOutputLength = 64
    /// The longest salt in bytes.
    public static let maxSaltLength = 16
    /// The longest personalisation in bytes.
    public static let maxPersonalLength = 16

    private var state: BLAKE2b512
    /// The tag length in bytes.
    public let outputLength: Int

    /// Keys a BLAKE2b MAC.
    /// - Throws: `invalidParameter` (OpenSSL's `EVP_MAC_init` failure) for a key outside 1...64
    ///   bytes, a tag length outside 1...64 or a salt or personalisation over 16 bytes.
    public init(key: [UInt8], outputLength: Int = 64, salt: [UInt8] = [], personalization: [UInt8] = []) throws {
        guard (1...Self.maxKeyLength).contains(key.count) else {
            throw CryptoError(.invalidParameter, "BLAKE2BMAC takes a key of 1 to 64 bytes, got \(key.count)")
        }
        guard (1...Self.maxOutputLength).contains(outputLength) else {
            throw CryptoError(.invalidParameter, "BLAKE2BMAC output must be 1 to 64 bytes, not \(outputLength)")
        }
        guard salt.count <= Self.maxSaltLength else {
            throw CryptoError(.invalidParameter, "BLAKE2BMAC salt is at most 16 bytes, got \(salt.count)")
        }
        guard personalization.count <= Self.maxPersonalLength else {
            throw CryptoError(.invalidParameter, "BLAKE2BMAC custom is at most 16 bytes, got \(personalization.count)")
        }
        self.outputLength = outputLength
        state = BLAKE2b512(digestLength: outputLength, keyLength: key.count, salt: salt, personal: personalization)
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        block.replaceSubrange(0..<key.count, with: key)
        state.update(block)
        SecretWipe.wipe(&block)
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) { state.update(data) }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) { state.update(bytes) }

    /// Returns the tag. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] { Array(state.finalize().prefix(outputLength)) }

    /// One-shot tag of `message`.
    public static func authenticate(
        key: [UInt8], message: [UInt8], outputLength: Int = 64, salt: [UInt8] = [], personalization: [UInt8] = []
    ) throws -> [UInt8] {
        var m = try BLAKE2bMAC(key: key, outputLength: outputLength, salt: salt, personalization: personalization)
        m.update(message)
        return m.finalize()
    }
}

/// Keyed BLAKE2s, OpenSSL's `BLAKE2SMAC`: a 1- to 32-byte key, a tag of 1 to 32 bytes (default
/// 32), a salt and a personalisation (OpenSSL's `custom`) of up to 8 bytes each, zero-padded.
/// The key is processed as a first, zero-padded 64-byte block.
public struct BLAKE2sMAC: Sendable {
    /// The block length in bytes.
    public static let blockSize = 64
    /// The longest key in bytes.
    public static let maxKeyLength = 32
    /// The longest tag in bytes (also the default).
    public static let maxOutputLength = 32
    /// The longest salt in bytes.
    public static let maxSaltLength = 8
    /// The longest personalisation in bytes.
    public static let maxPersonalLength = 8

    private var state: BLAKE2s256
    /// The tag length in bytes.
    public let outputLength: Int

    /// Keys a BLAKE2s MAC.
    /// - Throws: `invalidParameter` (OpenSSL's `EVP_MAC_init` failure) for a key outside 1...32
    ///   bytes, a tag length outside 1...32 or a salt or personalisation over 8 bytes.
    public init(key: [UInt8], outputLength: Int = 32, salt: [UInt8] = [], personalization: [UInt8] = []) throws {
        guard (1...Self.maxKeyLength).contains(key.count) else {
            throw CryptoError(.invalidParameter, "BLAKE2SMAC takes a key of 1 to 32 bytes, got \(key.count)")
        }
        guard (1...Self.maxOutputLength).contains(outputLength) else {
            throw CryptoError(.invalidParameter, "BLAKE2SMAC output must be 1 to 32 bytes, not \(outputLength)")
        }
        guard salt.count <= Self.maxSaltLength else {
            throw CryptoError(.invalidParameter, "BLAKE2SMAC salt is at most 8 bytes, got \(salt.count)")
        }
        guard personalization.count <= Self.maxPersonalLength else {
            throw CryptoError(.invalidParameter, "BLAKE2SMAC custom is at most 8 bytes, got \(personalization.count)")
        }
        self.outputLength = outputLength
        state = BLAKE2s256(digestLength: outputLength, keyLength: key.count, salt: salt, personal: personalization)
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        block.replaceSubrange(0..<key.count, with: key)
        state.update(block)
        SecretWipe.wipe(&block)
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) { state.update(data) }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) { state.update(bytes) }

    /// Returns the tag. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] { Array(state.finalize().prefix(outputLength)) }

    /// One-shot tag of `message`.
    public static func authenticate(
        key: [UInt8], message: [UInt8], outputLength: Int = 32, salt: [UInt8] = [], personalization: [UInt8] = []
    ) throws -> [UInt8] {
        var m = try BLAKE2sMAC(key: key, outputLength: outputLength, salt: salt, personalization: personalization)
        m.update(message)
        return m.finalize()
    }
}
#endif
