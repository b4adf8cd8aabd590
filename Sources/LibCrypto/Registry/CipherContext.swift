/// Per-algorithm settings some legacy ciphers take besides key and IV (OpenSSL sets them
/// with `EVP_CIPHER_CTX_ctrl`/params).
public struct CipherParameters: Sendable, Hashable {
    /// PKCS#7 padding for ECB/CBC (`EVP_CIPHER_CTX_set_padding`); on by default.
    public var padding: Bool
    /// RC2's effective key bits (`KeyBits` in evp_test); nil takes the cipher's default.
    public var rc2EffectiveBits: Int?
    /// RC5's rounds (8, 12 or 16); nil takes 12.
    public var rc5Rounds: Int?
    /// The ciphertext-stealing variant of the CBC-CTS ciphers (OpenSSL's `cts_mode`); CS1 by default.
    public var ctsMode: CTSMode
    /// The stitched TLS ciphers' HMAC key (`EVP_CTRL_AEAD_SET_MAC_KEY`); nil leaves none.
    public var macKey: [UInt8]? = nil
    /// The stitched TLS ciphers' 13-byte record header (`OSSL_CIPHER_PARAM_AEAD_TLS1_AAD`), which
    /// puts the first non-empty update in TLS mode; nil for plain CBC (or RC4).
    public var tlsAAD: [UInt8]? = nil
    /// The stitched TLS ciphers' protocol version (`OSSL_CIPHER_PARAM_TLS_VERSION`, e.g. 0x0301),
    /// which decides what TLS-mode decryption strips from its output; nil strips nothing.
    public var tlsVersion: Int? = nil

    /// Parameters with OpenSSL's defaults: padding on, the cipher's own RC2 key bits and RC5
    /// rounds, CTS variant CS1.
    public init(padding: Bool = true, rc2EffectiveBits: Int? = nil, rc5Rounds: Int? = nil, ctsMode: CTSMode = .cs1) {
        self.padding = padding
        self.rc2EffectiveBits = rc2EffectiveBits
        self.rc5Rounds = rc5Rounds
        self.ctsMode = ctsMode
    }
}

/// A type-erased, streaming encryption or decryption (the `EVP_CIPHER_CTX` of this library).
public protocol CipherContext: AnyObject {
    /// Processes `input`; `output` must have room for `input.count + 32` bytes (one block
    /// more than the input). Returns the bytes written. `output` may equal `input`'s start.
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int
    /// Finishes (padding); `output` needs room for one block. Returns the bytes written.
    func finalize(into output: UnsafeMutableRawPointer) throws -> Int
    /// The IV as the operation has left it (CBC: last ciphertext block; CTR: the counter).
    var updatedIV: [UInt8] { get }
    /// CFB1 only: processes `bitCount` bits, most significant first.
    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8]
}

extension CipherContext {
    /// Processes a whole array (convenience; streams call the pointer form).
    public func update(_ bytes: [UInt8]) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: bytes.count + 32)
        let n = try bytes.withUnsafeBytes { i in
            try out.withUnsafeMutableBytes { o in try update(i, into: o.baseAddress!) }
        }
        out.removeSubrange(n...)
        return out
    }

    /// Finishes (padding, the held-back block) and returns the last bytes.
    public func finalize() throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let n = try out.withUnsafeMutableBytes { try finalize(into: $0.baseAddress!) }
        out.removeSubrange(n...)
        return out
    }

    /// One-shot: update with all of `bytes`, then finalize.
    public func process(_ bytes: [UInt8]) throws -> [UInt8] {
        try update(bytes) + finalize()
    }
}

final class BlockModeContext<C: BlockCipher>: CipherContext {
    let mode: BlockModeCipher<C>
    init(_ mode: BlockModeCipher<C>) { self.mode = mode }
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        mode.update(input, into: output)
    }
    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { try mode.finalize(into: output) }
    var updatedIV: [UInt8] { mode.mode == .ecb ? [] : mode.updatedIV }
    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] { try mode.updateBits(bits, bitCount: bitCount) }
}

final class StreamContext<S: StreamCipher>: CipherContext {
    var stream: S
    init(_ stream: S) { self.stream = stream }
    deinit { SecretWipe.wipe(value: &stream) }
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        guard input.count > 0, let p = input.baseAddress else { return 0 }
        stream.apply(p, into: output, count: input.count)
        return input.count
    }
    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { 0 }
    var updatedIV: [UInt8] { [] }
    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
    }
}

/// A cipher as the registry knows it: OpenSSL's name and sizes, plus a factory.
public struct CipherAlgorithm: Sendable {
    /// The catalog's descriptor: names, aliases, trait, mode, hardware paths.
    public let info: AlgorithmDescriptor
    /// The default key length in bytes (`EVP_CIPHER_get_key_length`).
    public let keyLength: Int
    /// Key lengths accepted when a caller sets another (`EVP_CIPHER_CTX_set_key_length`);
    /// nil when only `keyLength` is accepted.
    public let variableKeyLengths: KeySizes?
    /// IV length in bytes; 0 for ECB and RC4.
    public let ivLength: Int
    /// The IV may be left out (key wrap falls back to the standard's default IV).
    public let ivOptional: Bool
    /// 1 for stream ciphers and stream modes, as `EVP_CIPHER_get_block_size` reports.
    public let blockSize: Int
    /// The mode (`.cbc`, `.cfb1`, ..., `.stream`), as the catalog has it.
    public var mode: CipherMode { info.mode! }
    let factory: @Sendable ([UInt8], [UInt8], Bool, CipherParameters) throws -> any CipherContext
    /// CMAC over this entry's block cipher (set for the block-cipher families).
    var cmacFactory: (@Sendable ([UInt8]) throws -> any MACContext)? = nil

    init(
        name: String, keyLength: Int, variableKeyLengths: KeySizes? = nil, ivLength: Int, ivOptional: Bool = false,
        blockSize: Int,
        factory: @escaping @Sendable ([UInt8], [UInt8], Bool, CipherParameters) throws -> any CipherContext
    ) {
        info = Descriptors.named(name)
        self.keyLength = keyLength
        self.variableKeyLengths = variableKeyLengths
        self.ivLength = ivLength
        self.ivOptional = ivOptional
        self.blockSize = blockSize
        self.factory = factory
    }

    /// A context ready to encrypt or decrypt.
    /// - Throws: `invalidParameter` for a key or IV of the wrong length (or bad parameters).
    public func makeContext(
        key: [UInt8], iv: [UInt8] = [], encrypting: Bool,
        parameters: CipherParameters = CipherParameters()
    ) throws -> any CipherContext {
        try checkKeyLength(key)
        guard iv.count == ivLength || (ivOptional && iv.isEmpty) else {
            throw CryptoError(
                .invalidParameter, "\(info.name) takes a \(ivLength)-byte IV, got \(iv.count)",
                openSSL: .invalidIVLength)
        }
        return try factory(key, iv, encrypting, parameters)
    }

    /// A CMAC keyed with `key` over this cipher's block function (OpenSSL's `CMAC` with
    /// `cipher = <this name>`); only the CBC entries of block ciphers offer it.
    /// - Throws: `unknownAlgorithm` (`CMAC` is disabled in this build) in a build without trait
    ///   `CMAC`; `unsupportedOperation` for a cipher that is not a CBC block cipher;
    ///   `invalidParameter` for a key length the cipher does not take.
    public func makeCMAC(key: [UInt8]) throws -> any MACContext {
        #if !CMAC
        // As OpenSSL built with no-cmac: no CMAC to fetch.
        throw CryptoError.unknownAlgorithm("CMAC")
        #else
        guard let make = cmacFactory else {
            throw CryptoError(.unsupportedOperation, "CMAC needs a CBC block cipher, not \(info.name)")
        }
        // The key lengths of the cipher named, as OpenSSL's CMAC_Init sets the key length on
        // the cipher context: a 32-byte key under AES-128-CBC is refused, not taken as AES-256.
        try checkKeyLength(key)
        return try make(key)
        #endif
    }

    /// Throws `invalidParameter` unless `key` has the default or an accepted variable length.
    private func checkKeyLength(_ key: [UInt8]) throws {
        if key.count != keyLength {
            guard let v = variableKeyLengths, v.contains(key.count) else {
                let allowed = variableKeyLengths.map { "\($0)" } ?? "\(keyLength)"
                throw CryptoError(
                    .invalidParameter, "\(info.name) takes a key of \(allowed) bytes, got \(key.count)",
                    openSSL: .invalidKeyLength)
            }
        }
    }

    /// One-shot encryption.
    public func encrypt(
        _ plaintext: [UInt8], key: [UInt8], iv: [UInt8] = [], parameters: CipherParameters = CipherParameters()
    ) throws -> [UInt8] {
        try makeContext(key: key, iv: iv, encrypting: true, parameters: parameters).process(plaintext)
    }

    /// One-shot decryption.
    public func decrypt(
        _ ciphertext: [UInt8], key: [UInt8], iv: [UInt8] = [], parameters: CipherParameters = CipherParameters()
    ) throws -> [UInt8] {
        try makeContext(key: key, iv: iv, encrypting: false, parameters: parameters).process(ciphertext)
    }
}

extension CipherAlgorithm {
    /// The entries for one block cipher in each classic mode its catalog family (`primitive`
    /// `base`) lists, named and aliased as the catalog says.
    static func family<C: BlockCipher>(
        _ type: C.Type, base: String, keyLength: Int, variableKeyLengths: KeySizes? = nil,
        make: @escaping @Sendable ([UInt8], CipherParameters) throws -> C
    ) -> [CipherAlgorithm] {
        let members = Descriptors.all.filter { $0.primitive == base && $0.status == .implemented }
        return members.compactMap { d -> CipherAlgorithm? in
            if d.mode == .cbcCTS {
                return CipherAlgorithm(
                    name: d.name, keyLength: keyLength, variableKeyLengths: variableKeyLengths, ivLength: C.blockSize,
                    blockSize: C.blockSize
                ) { key, iv, encrypting, params in
                    try CBCCTSContext(
                        cipher: try make(key, params), iv: iv, encrypting: encrypting, variant: params.ctsMode)
                }
            }
            guard let m = d.mode, let mode = BlockCipherMode(rawValue: m.rawValue) else { return nil }
            var entry = CipherAlgorithm(
                name: d.name, keyLength: keyLength, variableKeyLengths: variableKeyLengths,
                ivLength: mode == .ecb ? 0 : C.blockSize, blockSize: mode.isBlockMode ? C.blockSize : 1
            ) { key, iv, encrypting, params in
                let cipher = try make(key, params)
                return BlockModeContext(
                    try BlockModeCipher(
                        cipher: cipher, mode: mode, iv: iv, encrypting: encrypting,
                        padding: params.padding))
            }
            #if CMAC
            if mode == .cbc {
                entry.cmacFactory = { key in CMACContext(try CMAC(cipher: try make(key, CipherParameters()))) }
            }
            #endif
            return entry
        }
    }
}

#if CMAC
final class CMACContext<C: BlockCipher>: MACContext {
    var state: CMAC<C>
    init(_ state: CMAC<C>) { self.state = state }
    deinit { SecretWipe.wipe(value: &state) }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}
#endif
