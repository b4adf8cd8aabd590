/// KMAC128 and KMAC256 (NIST SP 800-185 section 4), with KMACXOF as a mode:
/// `cSHAKE(bytepad(encode_string(K), rate) ‖ X ‖ right_encode(L), L, "KMAC", S)`, where
/// `right_encode(0)` replaces `right_encode(L)` in XOF mode.
///
/// Limits are OpenSSL 3.0's (`providers/implementations/macs/kmac_prov.c`): a key of 4 to 512
/// bytes, a customisation string of at most 512 bytes, an output of at most 2,097,151 bytes
/// (0xFFFFFF bits). OpenSSL's defaults: 32 bytes of output for KMAC128, 64 for KMAC256, no XOF.
public struct KMAC: Sendable {
    /// The fewest key bytes OpenSSL accepts.
    public static let minKeyLength = 4
    /// The most key bytes OpenSSL accepts.
    public static let maxKeyLength = 512
    /// The longest customisation string OpenSSL accepts.
    public static let maxCustomizationLength = 512
    /// The longest output OpenSSL allows (`KMAC_MAX_OUTPUT_LEN`).
    public static let maxOutputLength = 0xFF_FFFF / 8

    private var cshake: CSHAKE
    /// The tag length in bytes.
    public let outputLength: Int
    /// True for KMACXOF (the length encoded as 0).
    public let xof: Bool

    /// The default output length of a strength: 32 bytes for KMAC128, 64 for KMAC256.
    public static func defaultOutputLength(_ strength: KeccakStrength) -> Int {
        strength == .bits128 ? 32 : 64
    }

    /// Keys a KMAC.
    /// - Throws: `invalidParameter` (OpenSSL's `EVP_MAC_init` failure) for a key outside 4...512
    ///   bytes, a customisation string over 512 bytes or an output length outside 0...2,097,151.
    public init(
        strength: KeccakStrength, key: [UInt8], customization: [UInt8] = [], outputLength: Int? = nil,
        xof: Bool = false
    ) throws {
        guard key.count >= Self.minKeyLength, key.count <= Self.maxKeyLength else {
            throw CryptoError(
                .invalidParameter,
                "KMAC takes a key of \(Self.minKeyLength) to \(Self.maxKeyLength) bytes, got \(key.count)")
        }
        guard customization.count <= Self.maxCustomizationLength else {
            throw CryptoError(
                .invalidParameter,
                "KMAC customisation is limited to \(Self.maxCustomizationLength) bytes, got \(customization.count)")
        }
        let length = outputLength ?? Self.defaultOutputLength(strength)
        guard length >= 0, length <= Self.maxOutputLength else {
            throw CryptoError(
                .invalidParameter, "KMAC output length must be 0...\(Self.maxOutputLength), got \(length)")
        }
        self.outputLength = length
        self.xof = xof
        cshake = try CSHAKE(strength: strength, functionName: Array("KMAC".utf8), customization: customization)
        var padded = SP800185.bytepad(SP800185.encodeString(key), strength.rate)
        cshake.update(padded)
        SecretWipe.wipe(&padded)
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        cshake.update(data)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        cshake.update(bytes)
    }

    /// Returns the `outputLength`-byte tag. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        cshake.update(SP800185.rightEncode(xof ? 0 : UInt64(outputLength) &* 8))
        // The length was checked at init, so squeezing cannot fail.
        return (try? cshake.finalize(outputLength: outputLength)) ?? []
    }

    /// One-shot KMAC of `message`.
    public static func authenticate(
        strength: KeccakStrength, key: [UInt8], message: [UInt8], customization: [UInt8] = [],
        outputLength: Int? = nil, xof: Bool = false
    ) throws -> [UInt8] {
        var k = try KMAC(
            strength: strength, key: key, customization: customization, outputLength: outputLength, xof: xof)
        k.update(message)
        return k.finalize()
    }
}
