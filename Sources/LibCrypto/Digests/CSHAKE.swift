/// The encodings of NIST SP 800-185 section 2.3, shared by cSHAKE and KMAC.
enum SP800185 {
    /// `left_encode(x)`: the byte count n of x (at least 1), then x in n big-endian bytes.
    static func leftEncode(_ x: UInt64) -> [UInt8] {
        let body = bigEndianBytes(x)
        return [UInt8(body.count)] + body
    }

    /// `right_encode(x)`: x in n big-endian bytes, then n.
    static func rightEncode(_ x: UInt64) -> [UInt8] {
        let body = bigEndianBytes(x)
        return body + [UInt8(body.count)]
    }

    /// `encode_string(S)`: `left_encode` of the bit length of S, then S. Callers cap S far
    /// below 2^61 bytes, so the bit length fits in 64 bits.
    static func encodeString(_ s: [UInt8]) -> [UInt8] {
        leftEncode(UInt64(s.count) &* 8) + s
    }

    /// `bytepad(X, w)`: `left_encode(w)`, X, then zeros up to a multiple of w bytes.
    static func bytepad(_ x: [UInt8], _ w: Int) -> [UInt8] {
        var out = leftEncode(UInt64(w)) + x
        let rem = out.count % w
        if rem != 0 { out += [UInt8](repeating: 0, count: w - rem) }
        return out
    }

    private static func bigEndianBytes(_ x: UInt64) -> [UInt8] {
        var n = 1
        while n < 8 && (x >> UInt64(8 * n)) != 0 { n += 1 }
        return (0..<n).map { UInt8(truncatingIfNeeded: x >> UInt64(8 * (n - 1 - $0))) }
    }
}

/// The two security strengths of the SP 800-185 functions: 128 bits (rate 168 bytes, over
/// Keccak[256]) and 256 bits (rate 136 bytes, over Keccak[512]).
public enum KeccakStrength: Sendable, Hashable {
    /// cSHAKE128, KMAC128: Keccak[256], rate 168 bytes.
    case bits128
    /// cSHAKE256, KMAC256: Keccak[512], rate 136 bytes.
    case bits256

    /// The sponge rate in bytes (the block size OpenSSL reports).
    public var rate: Int { self == .bits128 ? 168 : 136 }
}

/// cSHAKE (NIST SP 800-185 section 3): SHAKE with a function-name string N and a
/// customisation string S, `KECCAK[c](bytepad(encode_string(N) ‖ encode_string(S), rate) ‖ X ‖ 00, L)`.
/// With N and S both empty it is SHAKE128 or SHAKE256, as the standard defines.
///
/// OpenSSL 3.0 has no cSHAKE digest of its own (its `KECCAK-KMAC-128/256` are cSHAKE with
/// N = "KMAC"); this is LibCrypto's typed entry point, not a registry name.
public struct CSHAKE: Sendable {
    private var sponge: KeccakSponge
    /// The security strength chosen at `init`.
    public let strength: KeccakStrength

    /// Function-name and customisation strings longer than this are refused (an `encode_string`
    /// of them would not be needed by any SP 800-185 function; it bounds the prefix built here).
    public static let maxStringLength = 1 << 20

    /// A cSHAKE state with function name `functionName` (N) and customisation `customization` (S).
    /// - Throws: `invalidParameter` if either string is longer than ``maxStringLength``.
    public init(strength: KeccakStrength, functionName: [UInt8] = [], customization: [UInt8] = []) throws {
        guard functionName.count <= Self.maxStringLength, customization.count <= Self.maxStringLength else {
            throw CryptoError(.invalidParameter, "cSHAKE strings are limited to \(Self.maxStringLength) bytes")
        }
        self.strength = strength
        if functionName.isEmpty && customization.isEmpty {
            sponge = KeccakSponge(rate: strength.rate, padByte: 0x1F)
            return
        }
        sponge = KeccakSponge(rate: strength.rate, padByte: 0x04)
        let prefix = SP800185.bytepad(
            SP800185.encodeString(functionName) + SP800185.encodeString(customization), strength.rate)
        prefix.withUnsafeBytes { sponge.absorb($0) }
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { sponge.absorb($0) }
    }

    /// Finishes and returns `outputLength` bytes. The value is spent afterwards.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    public mutating func finalize(outputLength: Int) throws -> [UInt8] {
        try sponge.squeezeXOF(outputLength: outputLength)
    }

    /// One-shot cSHAKE of `message`.
    public static func hash(
        _ message: [UInt8], strength: KeccakStrength, outputLength: Int, functionName: [UInt8] = [],
        customization: [UInt8] = []
    ) throws -> [UInt8] {
        var c = try CSHAKE(strength: strength, functionName: functionName, customization: customization)
        c.update(message)
        return try c.finalize(outputLength: outputLength)
    }
}

/// OpenSSL's `KECCAK-KMAC-128`: the Keccak[256] sponge with cSHAKE's `00` domain bits (pad
/// byte 0x04) and nothing absorbed in advance, the core KMAC128 is built on. An XOF whose
/// default output is 32 bytes, as OpenSSL's.
public struct KeccakKMAC128: ExtendableOutputFunction {
    /// The block length in bytes (the sponge rate).
    public static var blockSize: Int { 168 }
    /// The default output length in bytes.
    public static var digestSize: Int { 32 }

    private var sponge = KeccakSponge(rate: 168, padByte: 0x04)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the default 32 bytes.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 32)
    }

    /// Finishes and returns `outputLength` bytes of output.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    public mutating func finalize(outputLength: Int) throws -> [UInt8] {
        try sponge.squeezeXOF(outputLength: outputLength)
    }
}

/// OpenSSL's `KECCAK-KMAC-256`: the Keccak[512] sponge with cSHAKE's `00` domain bits (pad
/// byte 0x04), the core KMAC256 is built on. An XOF whose default output is 64 bytes.
public struct KeccakKMAC256: ExtendableOutputFunction {
    /// The block length in bytes (the sponge rate).
    public static var blockSize: Int { 136 }
    /// The default output length in bytes.
    public static var digestSize: Int { 64 }

    private var sponge = KeccakSponge(rate: 136, padByte: 0x04)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the default 64 bytes.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 64)
    }

    /// Finishes and returns `outputLength` bytes of output.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    public mutating func finalize(outputLength: Int) throws -> [UInt8] {
        try sponge.squeezeXOF(outputLength: outputLength)
    }
}
