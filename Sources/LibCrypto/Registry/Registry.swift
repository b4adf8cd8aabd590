/// A type-erased, streaming digest computation.
public protocol DigestContext: AnyObject {
    /// Adds `data` to the message.
    func update(_ data: UnsafeRawBufferPointer)
    /// Finishes and returns the output. `outputLength` is required to match the digest size
    /// unless the algorithm is an XOF; nil means the default size.
    func finalize(outputLength: Int?) throws -> [UInt8]
    /// An independent copy of the current state.
    func copy() -> any DigestContext
}

/// A type-erased, streaming MAC computation.
public protocol MACContext: AnyObject {
    /// Adds `data` to the message.
    func update(_ data: UnsafeRawBufferPointer)
    /// Finishes and returns the tag.
    func finalize() -> [UInt8]
}

extension DigestContext {
    /// Adds `bytes` to the message.
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }
}

extension MACContext {
    /// Adds `bytes` to the message.
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }
}

final class TypedDigestContext<H: HashFunction>: DigestContext {
    var state: H
    init(_ state: H = H()) { self.state = state }
    deinit { SecretWipe.wipe(value: &state) }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize(outputLength: Int?) throws -> [UInt8] {
        if let n = outputLength, n != H.digestSize {
            if var xof = state as? any ExtendableOutputFunction {
                return try xof.finalize(outputLength: n)
            }
            throw CryptoError(
                .invalidParameter, "\(H.self) has a fixed output of \(H.digestSize) bytes, \(n) were asked")
        }
        return state.finalize()
    }
    func copy() -> any DigestContext { TypedDigestContext(state) }
}

final class TypedHMACContext<H: HashFunction>: MACContext {
    var state: HMAC<H>
    init(key: [UInt8]) throws { state = try HMAC<H>(key: key) }
    deinit { SecretWipe.wipe(value: &state) }
    func update(_ data: UnsafeRawBufferPointer) { state.update(data) }
    func finalize() -> [UInt8] { state.finalize() }
}

/// A digest as the registry knows it: sizes plus factories for streaming contexts.
public struct DigestAlgorithm: Sendable {
    /// The catalog's descriptor: names, aliases, trait, hardware paths.
    public let info: AlgorithmDescriptor
    /// The output length in bytes (an XOF's default length).
    public let digestSize: Int
    /// The block length in bytes (HMAC's key block).
    public let blockSize: Int
    /// True for an extendable-output function (SHAKE).
    public let isXOF: Bool
    /// The Swift type behind the name, for generic code (KDFs over `H: HashFunction`).
    public let hashType: any HashFunction.Type
    private let makeContextBody: @Sendable () -> any DigestContext
    private let makeHMACBody: @Sendable ([UInt8]) throws -> any MACContext
    /// Digests with a padding choice (MDC2's `pad-type`): a factory taking it.
    private var makePaddedBody: (@Sendable (Int) throws -> any DigestContext)? = nil

    init<H: HashFunction>(_ type: H.Type, name: String) {
        let xof = type is any ExtendableOutputFunction.Type
        info = Descriptors.named(name)
        assert(info.family == (xof ? .xof : .digest), "\(name): the catalog's family disagrees with the type")
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
    /// The digests of this build; a digest whose trait is off is not here.
    public static let digests: [DigestAlgorithm] = {
        var list: [DigestAlgorithm] = []
        #if MD2
        list.append(DigestAlgorithm(MD2.self, name: "MD2"))
        #endif
        #if MD4
        list.append(DigestAlgorithm(MD4.self, name: "MD4"))
        #endif
        list += [
            DigestAlgorithm(MD5.self, name: "MD5"),
            DigestAlgorithm(MD5SHA1.self, name: "MD5-SHA1"),
            DigestAlgorithm(SHA1.self, name: "SHA1"),
            DigestAlgorithm(SHA224.self, name: "SHA2-224"),
            DigestAlgorithm(SHA256.self, name: "SHA2-256"),
            DigestAlgorithm(SHA384.self, name: "SHA2-384"),
            DigestAlgorithm(SHA512.self, name: "SHA2-512"),
            DigestAlgorithm(SHA512_224.self, name: "SHA2-512/224"),
            DigestAlgorithm(SHA512_256.self, name: "SHA2-512/256"),
            DigestAlgorithm(SHA3_224.self, name: "SHA3-224"),
            DigestAlgorithm(SHA3_256.self, name: "SHA3-256"),
            DigestAlgorithm(SHA3_384.self, name: "SHA3-384"),
            DigestAlgorithm(SHA3_512.self, name: "SHA3-512"),
            DigestAlgorithm(SHAKE128.self, name: "SHAKE-128"),
            DigestAlgorithm(SHAKE256.self, name: "SHAKE-256"),
            DigestAlgorithm(KeccakKMAC128.self, name: "KECCAK-KMAC-128"),
            DigestAlgorithm(KeccakKMAC256.self, name: "KECCAK-KMAC-256"),
        ]
        #if BLAKE2
        list.append(DigestAlgorithm(BLAKE2b512.self, name: "BLAKE2B-512"))
        list.append(DigestAlgorithm(BLAKE2s256.self, name: "BLAKE2S-256"))
        #endif
        #if SM3
        list.append(DigestAlgorithm(SM3.self, name: "SM3"))
        #endif
        #if MDC2
        list.append(
            DigestAlgorithm(MDC2.self, name: "MDC2")
                .withPadding { padType in
                    switch padType {
                    case 1: return TypedDigestContext(MDC2(padding: .zeros))
                    case 2: return TypedDigestContext(MDC2(padding: .bit))
                    default: throw CryptoError(.invalidParameter, "MDC2 pad-type must be 1 or 2, not \(padType)")
                    }
                })
        #endif
        #if RMD160
        list.append(DigestAlgorithm(RIPEMD160.self, name: "RIPEMD-160"))
        #endif
        #if WHIRLPOOL
        list.append(DigestAlgorithm(Whirlpool.self, name: "WHIRLPOOL"))
        #endif
        return list
    }()

    /// The MACs of this build (the keyed contexts of HMAC and CMAC come from the digest or cipher:
    /// ``DigestAlgorithm/makeHMAC(key:)``, ``CipherAlgorithm/makeCMAC(key:)``; the others from
    /// ``mac(named:)``).
    public static let macs: [AlgorithmDescriptor] = {
        var names = ["HMAC", "GMAC"]
        #if CMAC
        names.append("CMAC")
        #endif
        #if POLY1305
        names.append("POLY1305")
        #endif
        return names.map(Descriptors.named) + parameterizedMACs.map(\.info)
    }()

    /// The KDFs of this build, by OpenSSL name (their typed entry points are `PBKDF2`, `HKDF`, ...).
    public static let kdfs: [AlgorithmDescriptor] = {
        var names = [
            "PBKDF1", "PBKDF2", "HKDF", "PKCS12KDF", "X963KDF", "TLS1-PRF", "TLS13-KDF", "SSHKDF", "SSKDF",
            "X942KDF-ASN1", "KBKDF", "KRB5KDF",
        ]
        #if SCRYPT
        names.insert("SCRYPT", at: 3)
        #endif
        return names.map(Descriptors.named)
    }()

    /// The DRBGs of this build, by OpenSSL name (their typed entry point is ``DRBG``).
    public static let rands: [AlgorithmDescriptor] = ["CTR-DRBG", "HASH-DRBG", "HMAC-DRBG"].map(Descriptors.named)

    /// Every algorithm of this build, in a stable order.
    public static var all: [AlgorithmDescriptor] {
        digests.map(\.info) + macs + ciphers.map(\.info) + aeads.map(\.info) + kdfs + rands + publicKeys.map(\.info)
    }

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
    public static func algorithm(named name: String) throws -> AlgorithmDescriptor {
        if let i = digestIndex[name.lowercased()] { return digests[i].info }
        if let m = macs.first(where: { $0.allNames.contains { $0.lowercased() == name.lowercased() } }) { return m }
        if let c = try? cipher(named: name) { return c.info }
        if let a = try? aead(named: name) { return a.info }
        if let k = kdfs.first(where: { $0.allNames.contains { $0.lowercased() == name.lowercased() } }) { return k }
        if let r = rands.first(where: { $0.allNames.contains { $0.lowercased() == name.lowercased() } }) { return r }
        if let p = try? publicKey(named: name) { return p.info }
        throw CryptoError.unknownAlgorithm(name)
    }

    /// An HMAC context keyed with `key` over the digest `digestName`.
    public static func hmac(digest digestName: String, key: [UInt8]) throws -> any MACContext {
        try digest(named: digestName).makeHMAC(key: key)
    }
}
