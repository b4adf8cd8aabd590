/// What kind of operation an algorithm provides.
public enum AlgorithmFamily: String, Sendable, CaseIterable {
    case digest, xof, mac, cipher, kdf
}

/// Where OpenSSL 3 ships an algorithm: its `default` provider or the opt-in `legacy` one.
public enum Lifecycle: String, Sendable {
    case `default`, legacy
}

/// A registry entry: an algorithm's OpenSSL name, its aliases and how it is built.
public struct AlgorithmInfo: Sendable, Hashable {
    /// OpenSSL's canonical name (`SHA2-256`, `RIPEMD-160`, `HMAC`).
    public let name: String
    /// Other names OpenSSL accepts for it (`SHA256`, `sha-256`, `rmd160`).
    public let aliases: [String]
    public let family: AlgorithmFamily
    /// The package trait that builds it, or nil if it is always present.
    public let trait: String?
    public let lifecycle: Lifecycle

    public init(name: String, aliases: [String] = [], family: AlgorithmFamily, trait: String? = nil, lifecycle: Lifecycle = .default) {
        self.name = name
        self.aliases = aliases
        self.family = family
        self.trait = trait
        self.lifecycle = lifecycle
    }

    /// Every name this entry answers to.
    public var allNames: [String] { [name] + aliases }
}

/// A type-erased, streaming digest computation.
public protocol DigestContext: AnyObject {
    func update(_ data: UnsafeRawBufferPointer)
    /// Finishes and returns the output. `outputLength` is required to match the digest size
    /// unless the algorithm is an XOF; nil means the default size.
    func finalize(outputLength: Int?) throws -> [UInt8]
    /// An independent copy of the current state.
    func copy() -> any DigestContext
}

/// A type-erased, streaming MAC computation.
public protocol MACContext: AnyObject {
    func update(_ data: UnsafeRawBufferPointer)
    func finalize() -> [UInt8]
}

extension DigestContext {
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }
}

extension MACContext {
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }
}

final class TypedDigestContext<H: HashFunction>: DigestContext {
    var state: H
    init(_ state: H = H()) { self.state = state }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize(outputLength: Int?) throws -> [UInt8] {
        if let n = outputLength, n != H.digestSize {
            if var xof = state as? any ExtendableOutputFunction {
                guard n >= 0 else { throw CryptoError(.invalidParameter, "negative output length \(n)") }
                return xof.finalize(outputLength: n)
            }
            throw CryptoError(.invalidParameter, "\(H.self) has a fixed output of \(H.digestSize) bytes, \(n) were asked")
        }
        return state.finalize()
    }
    func copy() -> any DigestContext { TypedDigestContext(state) }
}

final class TypedHMACContext<H: HashFunction>: MACContext {
    var state: HMAC<H>
    init(key: [UInt8]) throws { state = try HMAC<H>(key: key) }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}

/// A digest as the registry knows it: sizes plus factories for streaming contexts.
public struct DigestAlgorithm: Sendable {
    public let info: AlgorithmInfo
    public let digestSize: Int
    public let blockSize: Int
    public let isXOF: Bool
    /// The Swift type behind the name, for generic code (KDFs over `H: HashFunction`).
    public let hashType: any HashFunction.Type
    private let makeContextBody: @Sendable () -> any DigestContext
    private let makeHMACBody: @Sendable ([UInt8]) throws -> any MACContext
    /// Digests with a padding choice (MDC2's `pad-type`): a factory taking it.
    private var makePaddedBody: (@Sendable (Int) throws -> any DigestContext)? = nil

    init<H: HashFunction>(_ type: H.Type, name: String, aliases: [String] = [], trait: String? = nil, lifecycle: Lifecycle = .default) {
        let xof = type is any ExtendableOutputFunction.Type
        info = AlgorithmInfo(name: name, aliases: aliases, family: xof ? .xof : .digest, trait: trait, lifecycle: lifecycle)
        digestSize = H.digestSize
        blockSize = H.blockSize
        isXOF = xof
        hashType = type
        makeContextBody = { TypedDigestContext<H>() }
        makeHMACBody = { key in try TypedHMACContext<H>(key: key) }
    }

    /// A fresh streaming context.
    public func makeContext() -> any DigestContext { makeContextBody() }

    /// A fresh context with OpenSSL's `pad-type` parameter; nil means the default padding.
    /// - Throws: `unsupportedOperation` if the digest has no padding choice.
    public func makeContext(padType: Int?) throws -> any DigestContext {
        guard let p = padType else { return makeContextBody() }
        guard let make = makePaddedBody else {
            throw CryptoError(.unsupportedOperation, "\(info.name) has no pad-type parameter")
        }
        return try make(p)
    }

    func withPadding(_ make: @escaping @Sendable (Int) throws -> any DigestContext) -> DigestAlgorithm {
        var d = self
        d.makePaddedBody = make
        return d
    }

    /// A keyed HMAC over this digest; throws `unsupportedOperation` for an XOF, as OpenSSL refuses it.
    public func makeHMAC(key: [UInt8]) throws -> any MACContext { try makeHMACBody(key) }

    /// One-shot digest (or XOF output of `outputLength` bytes).
    public func hash(_ bytes: [UInt8], outputLength: Int? = nil) throws -> [UInt8] {
        let ctx = makeContext()
        ctx.update(bytes)
        return try ctx.finalize(outputLength: outputLength)
    }
}

/// The algorithms of this build, by OpenSSL name and alias (like `EVP_get_digestbyname`).
/// Names are matched case-insensitively. An algorithm whose trait is off is not here at all.
public enum Registry {
    public static let digests: [DigestAlgorithm] = {
        var list: [DigestAlgorithm] = []
        #if MD2
        list.append(DigestAlgorithm(MD2.self, name: "MD2", trait: "MD2", lifecycle: .legacy))
        #endif
        #if MD4
        list.append(DigestAlgorithm(MD4.self, name: "MD4", aliases: ["RSA-MD4", "md4WithRSAEncryption"], trait: "MD4", lifecycle: .legacy))
        #endif
        list += [
            DigestAlgorithm(MD5.self, name: "MD5", aliases: ["SSL3-MD5", "RSA-MD5", "md5WithRSAEncryption"]),
            DigestAlgorithm(MD5SHA1.self, name: "MD5-SHA1"),
            DigestAlgorithm(SHA1.self, name: "SHA1", aliases: ["SHA-1", "SSL3-SHA1", "RSA-SHA1", "sha1WithRSAEncryption"]),
            DigestAlgorithm(SHA224.self, name: "SHA2-224", aliases: ["SHA-224", "SHA224", "RSA-SHA224", "sha224WithRSAEncryption"]),
            DigestAlgorithm(SHA256.self, name: "SHA2-256", aliases: ["SHA-256", "SHA256", "RSA-SHA256", "sha256WithRSAEncryption"]),
            DigestAlgorithm(SHA384.self, name: "SHA2-384", aliases: ["SHA-384", "SHA384", "RSA-SHA384", "sha384WithRSAEncryption"]),
            DigestAlgorithm(SHA512.self, name: "SHA2-512", aliases: ["SHA-512", "SHA512", "RSA-SHA512", "sha512WithRSAEncryption"]),
            DigestAlgorithm(SHA512_224.self, name: "SHA2-512/224", aliases: ["SHA-512/224", "SHA512-224", "RSA-SHA512/224"]),
            DigestAlgorithm(SHA512_256.self, name: "SHA2-512/256", aliases: ["SHA-512/256", "SHA512-256", "RSA-SHA512/256"]),
            DigestAlgorithm(SHA3_224.self, name: "SHA3-224", aliases: ["RSA-SHA3-224"]),
            DigestAlgorithm(SHA3_256.self, name: "SHA3-256", aliases: ["RSA-SHA3-256"]),
            DigestAlgorithm(SHA3_384.self, name: "SHA3-384", aliases: ["RSA-SHA3-384"]),
            DigestAlgorithm(SHA3_512.self, name: "SHA3-512", aliases: ["RSA-SHA3-512"]),
            DigestAlgorithm(SHAKE128.self, name: "SHAKE-128", aliases: ["SHAKE128"]),
            DigestAlgorithm(SHAKE256.self, name: "SHAKE-256", aliases: ["SHAKE256"]),
            DigestAlgorithm(BLAKE2b512.self, name: "BLAKE2B-512", aliases: ["BLAKE2b512"]),
            DigestAlgorithm(BLAKE2s256.self, name: "BLAKE2S-256", aliases: ["BLAKE2s256"]),
            DigestAlgorithm(SM3.self, name: "SM3", aliases: ["RSA-SM3"]),
        ]
        #if MDC2
        list.append(DigestAlgorithm(MDC2.self, name: "MDC2", aliases: ["RSA-MDC2", "mdc2WithRSA"], trait: "MDC2", lifecycle: .legacy)
            .withPadding { padType in
                switch padType {
                case 1: return TypedDigestContext(MDC2(padding: .zeros))
                case 2: return TypedDigestContext(MDC2(padding: .bit))
                default: throw CryptoError(.invalidParameter, "MDC2 pad-type must be 1 or 2, not \(padType)")
                }
            })
        #endif
        #if RMD160
        list.append(DigestAlgorithm(RIPEMD160.self, name: "RIPEMD-160", aliases: ["RIPEMD160", "RIPEMD", "RMD160", "RSA-RIPEMD160", "ripemd160WithRSA"], trait: "RMD160"))
        #endif
        return list
    }()

    public static let macs: [AlgorithmInfo] = [
        AlgorithmInfo(name: "HMAC", family: .mac),
        AlgorithmInfo(name: "CMAC", family: .mac),
        AlgorithmInfo(name: "GMAC", family: .mac),
        AlgorithmInfo(name: "POLY1305", family: .mac),
    ]

    /// The KDFs of this build, by OpenSSL name (their typed entry points are `PBKDF2`, `HKDF`, ...).
    public static let kdfs: [AlgorithmInfo] = [
        AlgorithmInfo(name: "PBKDF1", family: .kdf, lifecycle: .legacy),
        AlgorithmInfo(name: "PBKDF2", family: .kdf),
        AlgorithmInfo(name: "HKDF", family: .kdf),
        AlgorithmInfo(name: "SCRYPT", aliases: ["id-scrypt"], family: .kdf),
        AlgorithmInfo(name: "PKCS12KDF", family: .kdf),
        AlgorithmInfo(name: "X963KDF", aliases: ["X942KDF-CONCAT"], family: .kdf),
    ]

    /// Every algorithm of this build, in a stable order.
    public static var all: [AlgorithmInfo] { digests.map(\.info) + macs + ciphers.map(\.info) + aeads.map(\.info) + kdfs }

    private static let digestIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, d) in digests.enumerated() {
            for n in d.info.allNames { index[n.lowercased()] = i }
        }
        return index
    }()

    /// Looks a digest up by any of its names, case-insensitively.
    public static func digest(named name: String) throws -> DigestAlgorithm {
        guard let i = digestIndex[name.lowercased()] else { throw CryptoError.unknownAlgorithm(name) }
        return digests[i]
    }

    /// Looks any algorithm up by any of its names, case-insensitively.
    public static func algorithm(named name: String) throws -> AlgorithmInfo {
        if let i = digestIndex[name.lowercased()] { return digests[i].info }
        if let m = macs.first(where: { $0.allNames.contains { $0.lowercased() == name.lowercased() } }) { return m }
        if let c = try? cipher(named: name) { return c.info }
        if let a = try? aead(named: name) { return a.info }
        if let k = kdfs.first(where: { $0.allNames.contains { $0.lowercased() == name.lowercased() } }) { return k }
        throw CryptoError.unknownAlgorithm(name)
    }

    /// An HMAC context keyed with `key` over the digest `digestName`.
    public static func hmac(digest digestName: String, key: [UInt8]) throws -> any MACContext {
        try digest(named: digestName).makeHMAC(key: key)
    }
}

/// The optional parts compiled into this build (package traits), for reports and absence proofs.
public enum BuildConfiguration {
    public static let enabledTraits: [String] = {
        var t: [String] = []
        #if ASM
        t.append("ASM")
        #endif
        #if IDEA
        t.append("IDEA")
        #endif
        #if RC5
        t.append("RC5")
        #endif
        #if RC2
        t.append("RC2")
        #endif
        #if RC4
        t.append("RC4")
        #endif
        #if DES
        t.append("DES")
        #endif
        #if BF
        t.append("BF")
        #endif
        #if CAST
        t.append("CAST")
        #endif
        #if MD2
        t.append("MD2")
        #endif
        #if MD4
        t.append("MD4")
        #endif
        #if MDC2
        t.append("MDC2")
        #endif
        #if RMD160
        t.append("RMD160")
        #endif
        #if SEED
        t.append("SEED")
        #endif
        #if CAMELLIA
        t.append("CAMELLIA")
        #endif
        return t
    }()
}
