/// SHA3-224, the fixed-length SHA-3 hash of FIPS 202 section 6.1: Keccak[448] with
/// the `01` domain suffix and a 224-bit output.
///
/// `blockSize` is the sponge rate, 144 bytes.
public struct SHA3_224: HashFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 144 }
    /// The output length in bytes.
    public static var digestSize: Int { 28 }

    private var sponge = KeccakSponge(rate: 144, padByte: 0x06)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 28)
    }
}

/// SHA3-256, the fixed-length SHA-3 hash of FIPS 202 section 6.1: Keccak[512] with
/// the `01` domain suffix and a 256-bit output.
///
/// `blockSize` is the sponge rate, 136 bytes.
public struct SHA3_256: HashFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 136 }
    /// The output length in bytes.
    public static var digestSize: Int { 32 }

    private var sponge = KeccakSponge(rate: 136, padByte: 0x06)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 32)
    }
}

/// SHA3-384, the fixed-length SHA-3 hash of FIPS 202 section 6.1: Keccak[768] with
/// the `01` domain suffix and a 384-bit output.
///
/// `blockSize` is the sponge rate, 104 bytes.
public struct SHA3_384: HashFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 104 }
    /// The output length in bytes.
    public static var digestSize: Int { 48 }

    private var sponge = KeccakSponge(rate: 104, padByte: 0x06)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 48)
    }
}

/// SHA3-512, the fixed-length SHA-3 hash of FIPS 202 section 6.1: Keccak[1024] with
/// the `01` domain suffix and a 512-bit output.
///
/// `blockSize` is the sponge rate, 72 bytes.
public struct SHA3_512: HashFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 72 }
    /// The output length in bytes.
    public static var digestSize: Int { 64 }

    private var sponge = KeccakSponge(rate: 72, padByte: 0x06)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 64)
    }
}

/// SHAKE128, the extendable-output function of FIPS 202 section 6.2: Keccak[256] with
/// the `1111` domain suffix, squeezing as many bytes as asked for.
///
/// `blockSize` is the sponge rate, 168 bytes. `finalize()` returns 16 bytes, OpenSSL's
/// default SHAKE128 output length; `finalize(outputLength:)` returns any length.
public struct SHAKE128: ExtendableOutputFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 168 }
    /// The output length in bytes.
    public static var digestSize: Int { 16 }

    private var sponge = KeccakSponge(rate: 168, padByte: 0x1F)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 16)
    }

    /// Finishes and returns `outputLength` bytes of output.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    public mutating func finalize(outputLength: Int) throws -> [UInt8] {
        try sponge.squeezeXOF(outputLength: outputLength)
    }
}

/// SHAKE256, the extendable-output function of FIPS 202 section 6.2: Keccak[512] with
/// the `1111` domain suffix, squeezing as many bytes as asked for.
///
/// `blockSize` is the sponge rate, 136 bytes. `finalize()` returns 32 bytes, OpenSSL's
/// default SHAKE256 output length; `finalize(outputLength:)` returns any length.
public struct SHAKE256: ExtendableOutputFunction {
    /// The block length in bytes.
    public static var blockSize: Int { 136 }
    /// The output length in bytes.
    public static var digestSize: Int { 32 }

    private var sponge = KeccakSponge(rate: 136, padByte: 0x1F)

    /// A fresh state, ready for the first `update`.
    public init() {}

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        sponge.absorb(data)
    }

    /// Finishes and returns the output.
    public mutating func finalize() -> [UInt8] {
        sponge.squeeze(outputLength: 32)
    }

    /// Finishes and returns `outputLength` bytes of output.
    /// - Throws: `invalidParameter` if `outputLength` is negative.
    public mutating func finalize(outputLength: Int) throws -> [UInt8] {
        try sponge.squeezeXOF(outputLength: outputLength)
    }
}
