#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The deterministic random bit generators of NIST SP 800-90A Rev. 1 (CTR_DRBG, Hash_DRBG,
// HMAC_DRBG), with the life cycle OpenSSL 3.0's providers give them (providers/implementations/
// rands/drbg.c): instantiate from an entropy source (a "parent"), reseed, generate with
// prediction resistance and additional input, uninstantiate. The mechanisms live in
// CTRDRBG.swift, HashDRBG.swift and HMACDRBG.swift; this file holds the shared state machine.

/// Where a ``DRBG`` gets its entropy and nonce: the operating system (``SystemEntropySource``),
/// another DRBG, or fixed bytes for known-answer tests (``TestEntropySource``, OpenSSL's
/// `TEST-RAND`).
public protocol DRBGEntropySource: AnyObject {
    /// The security strength of the source in bits; a DRBG refuses a weaker parent.
    var strength: Int { get }
    /// Entropy input of `minLength...maxLength` bytes carrying at least `bits` bits of entropy.
    /// - Throws: a ``CryptoError`` if the source cannot supply it (never traps).
    func entropy(bits: Int, minLength: Int, maxLength: Int, predictionResistance: Bool) throws -> [UInt8]
    /// A nonce of `minLength...maxLength` bytes, or nil if the source has no nonce of its own (the
    /// DRBG then asks for more entropy instead, as SP 800-90A section 8.6.7 allows).
    /// - Throws: a ``CryptoError`` if the source has a nonce function that fails.
    func nonce(minLength: Int, maxLength: Int) throws -> [UInt8]?
}

/// Fixed entropy and nonce, as OpenSSL's `TEST-RAND` gives them to a DRBG under test: every
/// request for entropy returns the whole of ``entropyInput`` (cut to the most the DRBG takes), every
/// nonce request the whole of ``nonceInput``. Only for known-answer tests.
public final class TestEntropySource: DRBGEntropySource {
    /// The security strength it claims, in bits (OpenSSL's evp_test sets 256).
    public var strength: Int
    /// The bytes handed out as entropy input.
    public var entropyInput: [UInt8]
    /// The bytes handed out as the nonce; nil means none (a DRBG needing one fails, as
    /// OpenSSL's does with `ERROR_RETRIEVING_NONCE`).
    public var nonceInput: [UInt8]?

    /// A source with the given bytes.
    public init(entropy: [UInt8] = [], nonce: [UInt8]? = nil, strength: Int = 256) {
        self.entropyInput = entropy
        self.nonceInput = nonce
        self.strength = strength
    }

    deinit {
        SecretWipe.wipe(&entropyInput)
    }

    /// The whole entropy input, cut to `maxLength`.
    public func entropy(bits: Int, minLength: Int, maxLength: Int, predictionResistance: Bool) throws -> [UInt8] {
        Array(entropyInput.prefix(maxLength))
    }

    /// The whole nonce, cut to `maxLength`.
    /// - Throws: `invalidParameter` if no nonce (or an empty one) was set.
    public func nonce(minLength: Int, maxLength: Int) throws -> [UInt8]? {
        guard let n = nonceInput, !n.isEmpty else {
            throw CryptoError(.invalidParameter, "error retrieving nonce: the test source has none")
        }
        return Array(n.prefix(maxLength))
    }
}

/// One SP 800-90A mechanism: the algorithm-specific instantiate, reseed and generate functions.
/// The sizes are OpenSSL's (`min_entropylen`, `max_noncelen`, ...).
protocol DRBGMechanism: AnyObject {
    var strength: Int { get }
    var minEntropyLength: Int { get }
    var maxEntropyLength: Int { get }
    var minNonceLength: Int { get }
    var maxNonceLength: Int { get }
    var maxPersonalizationLength: Int { get }
    var maxAdditionalInputLength: Int { get }
    func instantiate(entropy: [UInt8], nonce: [UInt8], personalization: [UInt8]) throws
    func reseed(entropy: [UInt8], additionalInput: [UInt8]) throws
    func generate(count: Int, additionalInput: [UInt8]) throws -> [UInt8]
    /// Overwrites the working state (Key, V, C).
    func wipe()
}

/// SP 800-90A's "practically unlimited" length, as OpenSSL's `DRBG_MAX_LENGTH` (2^31 - 1).
let drbgMaxLength = Int(Int32.max)

/// A deterministic random bit generator (NIST SP 800-90A Rev. 1): CTR_DRBG over AES with or
/// without its derivation function, Hash_DRBG or HMAC_DRBG over SHA-1 or a SHA-2 (or, as
/// OpenSSL 3.0 outside FIPS allows, any other digest that is not an XOF), as OpenSSL's
/// `CTR-DRBG`, `HASH-DRBG` and `HMAC-DRBG` `EVP_RAND`s.
///
/// Its entropy and nonce come from a ``DRBGEntropySource``. Calls are serialised by a lock, so
/// one instance may be shared between threads. Failures throw a ``CryptoError`` and leave the
/// generator in its error state (``State/error``) where OpenSSL's does.
public final class DRBG: @unchecked Sendable {
    /// The mechanism and its parameters.
    public enum Kind: Sendable, Hashable {
        /// CTR_DRBG over AES with a 16-, 24- or 32-byte key, with or without the derivation function.
        case ctr(keyLength: Int, derivationFunction: Bool)
        /// Hash_DRBG over a digest, by OpenSSL name (`SHA256`, `SHA-512/256`).
        case hash(digest: String)
        /// HMAC_DRBG over a digest, by OpenSSL name.
        case hmac(digest: String)
    }

    /// OpenSSL's `EVP_RAND_STATE_*`.
    public enum State: Sendable, Hashable {
        /// Not instantiated (new, or after ``DRBG/uninstantiate()``).
        case uninitialised
        /// Instantiated and able to generate.
        case ready
        /// A failure left the state unusable; the next call re-instantiates, as OpenSSL's does.
        case error
    }

    /// The mechanism.
    public let kind: Kind
    /// The entropy source (OpenSSL's parent).
    public let source: any DRBGEntropySource
    /// Generate calls between automatic reseeds (OpenSSL's default `reseed_requests`, 256); 0
    /// turns the count off.
    public var reseedInterval = 1 << 8
    /// The most bytes one generate call returns (OpenSSL's `max_request`, 64 KiB).
    public static let maxRequest = 1 << 16

    let mechanism: any DRBGMechanism
    private var mutex = pthread_mutex_t()
    private var currentState = State.uninitialised
    private var generateCounter = 0

    /// A generator of `kind` over `source`, not yet instantiated.
    /// - Throws: `invalidParameter` for a bad key length; `unknownAlgorithm` for a digest this
    ///   build lacks or an XOF.
    public init(_ kind: Kind, source: any DRBGEntropySource) throws {
        self.kind = kind
        self.source = source
        switch kind {
        case .ctr(let keyLength, let df):
            mechanism = try CTRDRBG(keyLength: keyLength, derivationFunction: df)
        case .hash(let digest):
            mechanism = Self.makeHash(try Self.hashType(digest))
        case .hmac(let digest):
            mechanism = Self.makeHMAC(try Self.hashType(digest))
        }
        pthread_mutex_init(&mutex, nil)
    }

    /// A generator named as OpenSSL's `EVP_RAND_fetch` names it (`CTR-DRBG`, `HASH-DRBG`,
    /// `HMAC-DRBG`), with OpenSSL's `cipher` (`AES-256-CTR`) or `digest` parameter and `use_df`.
    /// - Throws: `unknownAlgorithm` for another name, cipher or digest; `invalidParameter` if the
    ///   needed cipher or digest is missing.
    public convenience init(
        name: String, cipher: String? = nil, digest: String? = nil, derivationFunction: Bool = true,
        source: any DRBGEntropySource
    ) throws {
        switch name.uppercased() {
        case "CTR-DRBG":
            guard let cipher else { throw CryptoError(.invalidParameter, "CTR-DRBG needs a cipher") }
            let keyLength: Int
            switch cipher.uppercased() {
            case "AES-128-CTR": keyLength = 16
            case "AES-192-CTR": keyLength = 24
            case "AES-256-CTR": keyLength = 32
            default: throw CryptoError.unknownAlgorithm(cipher)
            }
            try self.init(.ctr(keyLength: keyLength, derivationFunction: derivationFunction), source: source)
        case "HASH-DRBG", "HMAC-DRBG":
            guard let digest else { throw CryptoError(.invalidParameter, "\(name) needs a digest") }
            try self.init(
                name.uppercased() == "HASH-DRBG" ? .hash(digest: digest) : .hmac(digest: digest), source: source)
        default:
            throw CryptoError.unknownAlgorithm(name)
        }
    }

    deinit {
        mechanism.wipe()
        pthread_mutex_destroy(&mutex)
    }

    private static func hashType(_ name: String) throws -> any HashFunction.Type {
        let d = try Registry.digest(named: name)
        guard !d.isXOF else { throw CryptoError(.unsupportedOperation, "a DRBG cannot use the XOF \(name)") }
        // SP 800-90A approves only SHA-1 and the SHA-2 family, but OpenSSL 3.0's HASH-DRBG and
        // HMAC-DRBG outside the FIPS provider take any digest that is not an XOF (drbg_hash.c,
        // drbg_hmac.c: "We allow all digests that are not XOF"), sized by its output as here.
        return d.hashType
    }

    private static func makeHash<H: HashFunction>(_ type: H.Type) -> any DRBGMechanism { HashDRBG<H>() }
    private static func makeHMAC<H: HashFunction>(_ type: H.Type) -> any DRBGMechanism { HMACDRBG<H>() }

    private func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// The security strength in bits (AES key bits; 8 × the digest size up to 256).
    public var strength: Int { mechanism.strength }
    /// The state: uninitialised, ready or in error.
    public var state: State { locked { currentState } }

    /// Instantiates from the source's entropy and nonce and `personalization`.
    /// - Throws: `invalidParameter` if `strength` exceeds the DRBG's, the personalisation string
    ///   is too long, it is already instantiated, or the source fails.
    public func instantiate(strength: Int? = nil, predictionResistance: Bool = false, personalization: [UInt8] = [])
        throws
    {
        try locked { try instantiateLocked(strength, predictionResistance, personalization) }
    }

    private func instantiateLocked(_ strength: Int?, _ predictionResistance: Bool, _ pers: [UInt8]) throws {
        let m = mechanism
        if let s = strength, s > m.strength {
            throw CryptoError(.invalidParameter, "insufficient DRBG strength: \(s) bits asked, \(m.strength) available")
        }
        guard pers.count <= m.maxPersonalizationLength else {
            throw CryptoError(.invalidParameter, "personalisation string too long")
        }
        switch currentState {
        case .uninitialised: break
        case .ready: throw CryptoError(.invalidParameter, "DRBG already instantiated")
        case .error: throw CryptoError(.invalidParameter, "DRBG in error state")
        }
        currentState = .error
        guard m.strength <= source.strength else {
            throw CryptoError(.invalidParameter, "parent strength too weak (\(source.strength) < \(m.strength))")
        }
        var minEntropy = m.strength
        var minLength = m.minEntropyLength
        var maxLength = m.maxEntropyLength
        var nonce: [UInt8] = []
        if m.minNonceLength > 0 {
            if let n = try source.nonce(minLength: m.minNonceLength, maxLength: m.maxNonceLength) {
                guard !n.isEmpty, n.count <= m.maxNonceLength else {
                    throw CryptoError(.invalidParameter, "error retrieving nonce")
                }
                nonce = n
            } else {
                // SP 800-90A 8.6.7: entropy and nonce in one request, 50 % more entropy.
                minEntropy += m.strength / 2
                minLength += m.minNonceLength
                maxLength = maxLength > drbgMaxLength - m.maxNonceLength ? drbgMaxLength : maxLength + m.maxNonceLength
            }
        }
        var entropy = try source.entropy(
            bits: minEntropy, minLength: minLength, maxLength: maxLength, predictionResistance: predictionResistance)
        defer { SecretWipe.wipe(&entropy) }
        guard entropy.count >= minLength, entropy.count <= maxLength else {
            throw CryptoError(
                .invalidParameter,
                "error retrieving entropy: \(entropy.count) bytes, \(minLength)...\(maxLength) needed")
        }
        try m.instantiate(entropy: entropy, nonce: nonce, personalization: pers)
        currentState = .ready
        generateCounter = 1
    }

    /// Reseeds from the source, mixing in `additionalInput`.
    /// - Throws: `invalidParameter` if not instantiated, the additional input is too long, or the
    ///   source fails (the DRBG is then in error).
    public func reseed(predictionResistance: Bool = false, additionalInput: [UInt8] = []) throws {
        try locked { try reseedLocked(predictionResistance, additionalInput) }
    }

    private func restartIfNeeded() throws {
        if currentState == .ready { return }
        // As OpenSSL's rand_drbg_restart: an error state is cleared, then re-instantiated.
        if currentState == .error {
            mechanism.wipe()
            currentState = .uninitialised
        }
        try? instantiateLocked(nil, false, [])
        switch currentState {
        case .ready: return
        case .error: throw CryptoError(.invalidParameter, "DRBG in error state")
        case .uninitialised: throw CryptoError(.invalidParameter, "DRBG not instantiated")
        }
    }

    private func reseedLocked(_ predictionResistance: Bool, _ adin: [UInt8]) throws {
        try restartIfNeeded()
        let m = mechanism
        guard adin.count <= m.maxAdditionalInputLength else {
            throw CryptoError(.invalidParameter, "additional input too long")
        }
        currentState = .error
        var entropy = try source.entropy(
            bits: m.strength, minLength: m.minEntropyLength, maxLength: m.maxEntropyLength,
            predictionResistance: predictionResistance)
        defer { SecretWipe.wipe(&entropy) }
        guard entropy.count >= m.minEntropyLength, entropy.count <= m.maxEntropyLength else {
            throw CryptoError(
                .invalidParameter,
                "error retrieving entropy: \(entropy.count) bytes, \(m.minEntropyLength)...\(m.maxEntropyLength) needed"
            )
        }
        try m.reseed(entropy: entropy, additionalInput: adin)
        currentState = .ready
        generateCounter = 1
    }

    /// `count` pseudorandom bytes; with `predictionResistance` a reseed from the source comes
    /// first (and takes `additionalInput`), as OpenSSL's `EVP_RAND_generate` does.
    /// - Throws: `invalidParameter` if `count` exceeds ``maxRequest``, the additional input is
    ///   too long, `strength` exceeds the DRBG's, or a needed (re)seed fails.
    public func generate(
        count: Int, strength: Int? = nil, predictionResistance: Bool = false, additionalInput: [UInt8] = []
    ) throws -> [UInt8] {
        try locked {
            try restartIfNeeded()
            let m = mechanism
            if let s = strength, s > m.strength {
                throw CryptoError(.invalidParameter, "insufficient DRBG strength: \(s) bits asked")
            }
            guard count >= 0, count <= Self.maxRequest else {
                throw CryptoError(.invalidParameter, "request of \(count) bytes too large for a DRBG")
            }
            guard additionalInput.count <= m.maxAdditionalInputLength else {
                throw CryptoError(.invalidParameter, "additional input too long")
            }
            var adin = additionalInput
            if predictionResistance || (reseedInterval > 0 && generateCounter >= reseedInterval) {
                try reseedLocked(predictionResistance, adin)
                adin = []
            }
            do {
                let out = try m.generate(count: count, additionalInput: adin)
                generateCounter += 1
                return out
            } catch {
                currentState = .error
                throw error
            }
        }
    }

    /// Wipes the working state; the generator must be instantiated again before use.
    public func uninstantiate() {
        locked {
            mechanism.wipe()
            currentState = .uninitialised
        }
    }
}
