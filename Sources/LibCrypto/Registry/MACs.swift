/// A MAC parameter as OpenSSL's `EVP_MAC` names it (`size`, `xof`, `custom`, `salt`, `c-rounds`,
/// `d-rounds`). A value given as text is read the way `OSSL_PARAM_allocate_from_text` reads it
/// for the parameter's type: a number for an integer parameter, its UTF-8 bytes for an octet
/// string.
public struct MACParameter: Sendable, Hashable {
    /// A parameter value.
    public enum Value: Sendable, Hashable {
        /// Text, converted to the parameter's type.
        case text(String)
        /// Raw bytes (octet-string parameters).
        case bytes([UInt8])
        /// A number (integer parameters).
        case integer(Int)
    }

    /// OpenSSL's parameter name.
    public var name: String
    /// The value.
    public var value: Value

    /// A parameter named `name` with `value`.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// A keyed MAC computation that reports its output and block sizes, as `EVP_MAC_CTX_get_mac_size`
/// and `EVP_MAC_CTX_get_block_size` do.
public protocol SizedMACContext: MACContext {
    /// The tag length in bytes, parameters applied.
    var macSize: Int { get }
    /// The block size in bytes OpenSSL reports for this MAC (0 where it reports none).
    var blockSize: Int { get }
}

/// The parameters of one MAC initialisation, checked against the names the MAC takes.
struct MACParameterReader {
    let mac: String
    private var values: [String: MACParameter.Value] = [:]

    init(mac: String, _ parameters: [MACParameter], allowed: Set<String>) throws {
        self.mac = mac
        for p in parameters {
            let name = p.name.lowercased()
            guard allowed.contains(name) else {
                throw CryptoError(.invalidParameter, "\(mac) has no parameter '\(p.name)'")
            }
            values[name] = p.value
        }
    }

    /// A non-negative integer parameter (`size_t`, `unsigned int`), or nil if not given.
    func integer(_ name: String) throws -> Int? {
        guard let v = values[name] else { return nil }
        let n: Int?
        switch v {
        case .integer(let i): n = i
        case .text(let t):
            let s = t.trimmingPrefixWhitespace()
            if s.hasPrefix("0x") || s.hasPrefix("0X") { n = Int(s.dropFirst(2), radix: 16) } else { n = Int(s) }
        case .bytes: n = nil
        }
        guard let n, n >= 0 else {
            throw CryptoError(.invalidParameter, "\(mac): \(name) must be a non-negative integer")
        }
        return n
    }

    /// An octet-string parameter, or nil if not given.
    func bytes(_ name: String) -> [UInt8]? {
        guard let v = values[name] else { return nil }
        switch v {
        case .bytes(let b): return b
        case .text(let t): return Array(t.utf8)
        case .integer(let i): return Array(String(i).utf8)
        }
    }
}

extension String {
    fileprivate func trimmingPrefixWhitespace() -> Substring {
        self.drop { $0 == " " || $0 == "\t" }
    }
}

/// A MAC taking its settings as parameters, as the registry knows it (like `EVP_MAC_fetch`).
public struct MACAlgorithm: Sendable {
    /// The catalog's descriptor: names, aliases, trait.
    public let info: AlgorithmDescriptor
    /// The parameter names it takes, as OpenSSL's `EVP_MAC_settable_ctx_params` lists them
    /// (the key apart).
    public let parameterNames: Set<String>
    private let factory: @Sendable ([UInt8], MACParameterReader) throws -> any SizedMACContext

    init(
        _ name: String, parameters: Set<String>,
        _ factory: @escaping @Sendable ([UInt8], MACParameterReader) throws -> any SizedMACContext
    ) {
        info = Descriptors.named(name)
        assert(info.family == .mac, "\(name): the catalog's family is not MAC")
        parameterNames = parameters
        self.factory = factory
    }

    /// A context keyed with `key`, configured with `parameters` (OpenSSL's names).
    /// - Throws: what `EVP_MAC_init` refuses: a bad key length, an unknown parameter or a value
    ///   out of range.
    public func makeContext(key: [UInt8], parameters: [MACParameter] = []) throws -> any SizedMACContext {
        try factory(key, try MACParameterReader(mac: info.name, parameters, allowed: parameterNames))
    }

    /// One-shot tag of `message`.
    public func authenticate(key: [UInt8], message: [UInt8], parameters: [MACParameter] = []) throws -> [UInt8] {
        let ctx = try makeContext(key: key, parameters: parameters)
        ctx.update(message)
        return ctx.finalize()
    }
}

final class KMACContext: SizedMACContext {
    var state: KMAC
    let blockSize: Int
    init(_ state: KMAC, blockSize: Int) {
        self.state = state
        self.blockSize = blockSize
    }
    deinit { SecretWipe.wipe(value: &state) }
    var macSize: Int { state.outputLength }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}

#if BLAKE2
final class BLAKE2bMACContext: SizedMACContext {
    var state: BLAKE2bMAC
    init(_ state: BLAKE2bMAC) { self.state = state }
    deinit { SecretWipe.wipe(value: &state) }
    var macSize: Int { state.outputLength }
    var blockSize: Int { BLAKE2bMAC.blockSize }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}

final class BLAKE2sMACContext: SizedMACContext {
    var state: BLAKE2sMAC
    init(_ state: BLAKE2sMAC) { self.state = state }
    deinit { SecretWipe.wipe(value: &state) }
    var macSize: Int { state.outputLength }
    var blockSize: Int { BLAKE2sMAC.blockSize }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}
#endif

#if SIPHASH
final class SipHashContext: SizedMACContext {
    var state: SipHash
    init(_ state: SipHash) { self.state = state }
    deinit { SecretWipe.wipe(value: &state) }
    var macSize: Int { state.outputLength }
    /// OpenSSL's SipHash lists no block size, so `EVP_MAC_CTX_get_block_size` gives 0.
    var blockSize: Int { 0 }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}
#endif

extension Registry {
    /// The MACs configured by parameters (KMAC, SipHash, keyed BLAKE2), reached with
    /// ``mac(named:)``; a MAC whose trait is off is not here. HMAC, CMAC and GMAC have their
    /// own entry points (``DigestAlgorithm/makeHMAC(key:)``, ``CipherAlgorithm/makeCMAC(key:)``).
    public static let parameterizedMACs: [MACAlgorithm] = {
        func kmac(_ name: String, _ strength: KeccakStrength) -> MACAlgorithm {
            MACAlgorithm(name, parameters: ["size", "xof", "custom"]) { key, p in
                let k = try KMAC(
                    strength: strength, key: key, customization: p.bytes("custom") ?? [],
                    outputLength: try p.integer("size"), xof: (try p.integer("xof") ?? 0) != 0)
                return KMACContext(k, blockSize: strength.rate)
            }
        }
        var list: [MACAlgorithm] = []
        list += [kmac("KMAC128", .bits128), kmac("KMAC256", .bits256)]
        #if BLAKE2
        list += [
            MACAlgorithm("BLAKE2BMAC", parameters: ["size", "custom", "salt"]) { key, p in
                BLAKE2bMACContext(
                    try BLAKE2bMAC(
                        key: key, outputLength: try p.integer("size") ?? 64, salt: p.bytes("salt") ?? [],
                        personalization: p.bytes("custom") ?? []))
            },
            MACAlgorithm("BLAKE2SMAC", parameters: ["size", "custom", "salt"]) { key, p in
                BLAKE2sMACContext(
                    try BLAKE2sMAC(
                        key: key, outputLength: try p.integer("size") ?? 32, salt: p.bytes("salt") ?? [],
                        personalization: p.bytes("custom") ?? []))
            },
        ]
        #endif
        #if SIPHASH
        list.append(
            MACAlgorithm("SIPHASH", parameters: ["size", "c-rounds", "d-rounds"]) { key, p in
                func rounds(_ name: String, _ n: Int?) throws -> Int {
                    guard let n else { return 0 }
                    guard n <= SipHash.maxRounds else {
                        throw CryptoError(.invalidParameter, "SIPHASH: \(name) is limited to \(SipHash.maxRounds)")
                    }
                    return n
                }
                return SipHashContext(
                    try SipHash(
                        key: key, outputLength: try p.integer("size") ?? 16,
                        compressionRounds: try rounds("c-rounds", try p.integer("c-rounds")),
                        finalizationRounds: try rounds("d-rounds", try p.integer("d-rounds"))))
            })
        #endif
        return list
    }()

    /// Looks a parameter-configured MAC (`KMAC128`, `SIPHASH`, `BLAKE2BMAC`, …) up by any of its
    /// names, case-insensitively.
    /// - Throws: `unknownAlgorithm` for a name that is not one of them in this build.
    public static func mac(named name: String) throws -> MACAlgorithm {
        let n = name.lowercased()
        guard let m = parameterizedMACs.first(where: { $0.info.allNames.contains { $0.lowercased() == n } }) else {
            throw CryptoError.unknownAlgorithm(name)
        }
        return m
    }
}
