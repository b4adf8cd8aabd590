/// What kind of operation an algorithm provides.
public enum AlgorithmFamily: String, Sendable, CaseIterable, Codable {
    /// A digest, an extendable-output function, a MAC, a cipher (AEADs included) or a KDF.
    case digest, xof, mac, cipher, kdf
    /// A deterministic random bit generator (OpenSSL's `EVP_RAND`: `CTR-DRBG`, `HASH-DRBG`, `HMAC-DRBG`).
    case rand
    /// A public-key algorithm: an `EVP_PKEY` key type (`RSA`, `RSA-PSS`, `DSA`, `DH`, `DHX`), as
    /// `EVP_PKEY_CTX_new_from_name` and `EVP_KEYMGMT_fetch` name it. Signature names that pair
    /// a key type with a digest (`sha256WithRSAEncryption`) are ``SignatureName``s.
    case publicKey = "pkey"
}

/// Where OpenSSL 3 ships an algorithm: its `default` provider or the opt-in `legacy` one.
public enum Lifecycle: String, Sendable, Codable {
    /// OpenSSL's `default` provider, or the `legacy` one.
    case `default`, legacy
}

/// How a cipher processes data, as OpenSSL's `EVP_CIPHER_get_mode` tells the modes apart.
public enum CipherMode: String, Sendable, CaseIterable, Codable {
    /// Electronic codebook and cipher block chaining: whole blocks, padded.
    case ecb, cbc
    /// CFB with 1-bit feedback.
    case cfb1
    /// CFB with 8-bit feedback.
    case cfb8
    /// CFB with full-block feedback.
    case cfb
    /// Output feedback and counter mode (the whole IV is a big-endian counter).
    case ofb, ctr
    /// A stream cipher (RC4, ChaCha20): no block structure.
    case stream
    /// XTS: one data unit per update.
    case xts
    /// Key wrap (RFC 3394/5649): the whole message in one update.
    case wrap
    /// The AEAD modes of a block cipher (SP 800-38D, RFC 3610, RFC 7253).
    case gcm, ccm, ocb
    /// ChaCha20-Poly1305 (RFC 8439).
    case poly1305
    /// Ciphertext stealing over CBC (OpenSSL's CS1, CS2, CS3).
    case cbcCTS = "cbc-cts"
    /// SIV (RFC 5297).
    case siv
    /// AES-GCM-SIV (RFC 8452).
    case gcmSIV = "gcm-siv"
    /// The stitched TLS ciphers (`AES-128-CBC-HMAC-SHA1`, `RC4-HMAC-MD5`).
    case stitched

    /// The mode as OpenSSL spells it in a cipher name (`CBC`, `CFB1`).
    public var nameSuffix: String { rawValue.uppercased() }
}

/// The hardware paths LibCrypto has, as `LIBCRYPTO_HWCAP` and ``HardwareSupport/paths`` name them.
public struct HardwarePaths: OptionSet, Sendable, Hashable {
    /// The bits of the set.
    public let rawValue: UInt8
    /// A set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// AES-NI: every AES key schedule and block function.
    public static let aesni = HardwarePaths(rawValue: 1)
    /// Carry-less multiplication for GHASH (GCM, GMAC).
    public static let pclmulqdq = HardwarePaths(rawValue: 2)
    /// The SHA extensions for SHA-1 and SHA-224/SHA-256.
    public static let shani = HardwarePaths(rawValue: 4)
    /// MULX with the ADCX/ADOX carry chains (BMI2 and ADX) for Montgomery multiplication
    /// (RSA, DSA, DH and the constant-time BigNum exponentiation).
    public static let mulx = HardwarePaths(rawValue: 8)
    /// AVX-512 IFMA (52-bit multiply-add on vector lanes) for the two 1024-bit exponentiations of
    /// an RSA-2048 private operation by the CRT.
    public static let ifma = HardwarePaths(rawValue: 16)
    /// Every path.
    public static let all: HardwarePaths = [.aesni, .pclmulqdq, .shani, .mulx, .ifma]
    /// Each path with its name.
    public static let named: [(name: String, path: HardwarePaths)] = [
        ("aesni", .aesni), ("pclmulqdq", .pclmulqdq), ("shani", .shani), ("mulx", .mulx), ("ifma", .ifma),
    ]
    /// The names of the paths in this set, in a fixed order.
    public var names: [String] { Self.named.filter { contains($0.path) }.map(\.name) }
}

/// An optional part of LibCrypto: a package trait, named after OpenSSL's `no-X` configure
/// option that removes the same algorithms. Every trait is on by default; `no-X` is "defaults
/// minus X" (`swift build --disable-default-traits --traits …`).
public struct Feature: Sendable, Hashable, CustomStringConvertible {
    /// The package trait (`IDEA`, `ASM`).
    public let trait: String
    /// OpenSSL's configure option that turns the same part off (`no-idea`, `no-asm`).
    public let option: String
    /// Traits this one needs (MDC2 is built on DES): turning one of them off turns this off.
    public let needs: [String]
    /// One line for `Package.swift`'s trait description and for reports.
    public let summary: String
    /// A regular expression matching demangled symbols of LibCrypto's code for this feature,
    /// so that a build without it can be proven to contain none (`nm -C`).
    public let symbolPattern: String

    /// True if this feature is compiled into this build.
    public var isEnabled: Bool { Catalog.enabledTraits.contains(trait) }
    /// Features that need this one and so are off whenever it is.
    public var dependents: [Feature] { Catalog.features.filter { $0.needs.contains(trait) } }
    /// `IDEA (no-idea)`.
    public var description: String { "\(trait) (\(option))" }
}

/// One algorithm as OpenSSL names it, present in every configuration (names only, no code).
/// ``Catalog/descriptors`` lists them all; the ``Registry`` attaches an implementation to
/// those compiled into this build.
public struct AlgorithmDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// Whether LibCrypto has the algorithm.
    public enum Status: Sendable, Hashable {
        /// LibCrypto implements it (in builds where its ``AlgorithmDescriptor/trait`` is on).
        case implemented
        /// OpenSSL 3.0 has it; LibCrypto does not yet. Vectors for it skip as unsupported.
        case notImplemented
        /// A corpus has it, OpenSSL does not (CAST5-CTR): nothing to be conformant with.
        case notInOpenSSL
    }

    /// OpenSSL's canonical name (`SHA2-256`, `AES-128-CBC`, `HMAC`).
    public let name: String
    /// Other names OpenSSL accepts for it (`SHA256`, `aes128`).
    public let aliases: [String]
    /// Digest, XOF, MAC, cipher or KDF.
    public let family: AlgorithmFamily
    /// The package traits that build it, its own first; empty if always built. More than one
    /// where OpenSSL nests it under several `no-X` options: ChaCha20-Poly1305 is `CHACHA` and
    /// `POLY1305`, as `no-chacha` and `no-poly1305` each remove it.
    public let traits: [String]
    /// Its own trait, the one its results report under (the first of ``traits``); nil if always
    /// built.
    public var trait: String? { traits.first }
    /// Whether OpenSSL ships it in its `default` or its `legacy` provider.
    public let lifecycle: Lifecycle
    /// Hardware paths it can run on (any one of them changes what runs).
    public let hardware: HardwarePaths
    /// Ciphers: the mode.
    public let mode: CipherMode?
    /// Ciphers built from a block cipher: the block cipher with its key size (`AES-128`,
    /// `DES-EDE3`, `BF`), the part a `CMAC-` or `GMAC-` composite names.
    public let primitive: String?
    /// Whether LibCrypto implements it.
    public let status: Status
    /// The OpenSSL release that added it, when that is later than 3.0, the release this
    /// project's catalog and reference follow (`"3.2"` for the AES-GCM-SIV ciphers); nil when
    /// OpenSSL 3.0 has it (or, with status `notInOpenSSL`, no OpenSSL has it). Such an entry is
    /// an OpenSSL algorithm, so its ``status`` is `implemented` or `notImplemented` as usual;
    /// what changes is that an OpenSSL 3.0 reference lacking it is expected: `confrun interop`
    /// and `confrun vectors verify` skip it with this reason (counted as skipped), and
    /// `confrun list` shows the version.
    public let addedInOpenSSL: String?
    /// True unless the entry is known to be missing from OpenSSL 3.0 (not an OpenSSL algorithm,
    /// or added in a later release: ``addedInOpenSSL``).
    public var isInOpenSSL30: Bool { status != .notInOpenSSL && addedInOpenSSL == nil }

    /// Every name this entry answers to.
    public var allNames: [String] { [name] + aliases }
    /// The feature of its own trait, if any.
    public var feature: Feature? { trait.flatMap(Catalog.feature(trait:)) }
    /// Every trait it needs: its ``traits`` and the ones each of them needs, in that order
    /// without repeats (`ChaCha20-Poly1305`: `CHACHA`, `POLY1305`; `AES-128-SIV`: `SIV`, `CMAC`).
    public var requiredTraits: [String] {
        var seen: [String] = []
        for t in traits {
            for r in [t] + (Catalog.feature(trait: t)?.needs ?? []) where !seen.contains(r) { seen.append(r) }
        }
        return seen
    }
    /// True if this build has an implementation of it.
    public var isCompiledIn: Bool {
        status == .implemented && requiredTraits.allSatisfy(Catalog.enabledTraits.contains)
    }
    /// The canonical name.
    public var description: String { name }

    /// A descriptor; the catalog's entries are made with it. `trait` is its own trait, `alsoNeeds`
    /// the other traits that must be on for it (together its ``traits``).
    public init(
        name: String, aliases: [String] = [], family: AlgorithmFamily, trait: String? = nil,
        alsoNeeds: [String] = [], lifecycle: Lifecycle = .default, hardware: HardwarePaths = [],
        mode: CipherMode? = nil, primitive: String? = nil, status: Status = .implemented,
        addedInOpenSSL: String? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.family = family
        self.traits = (trait.map { [$0] } ?? []) + alsoNeeds
        self.lifecycle = lifecycle
        self.hardware = hardware
        self.mode = mode
        self.primitive = primitive
        self.status = status
        self.addedInOpenSSL = addedInOpenSSL
    }
}

/// A name resolved against the catalog, composites included: `HMAC-SHA256` is HMAC over
/// SHA2-256, `CMAC-DES-EDE3-CBC` CMAC over DES-EDE3-CBC, `PBKDF2-SHA1` PBKDF2 over SHA1.
public struct ResolvedAlgorithm: Sendable, Hashable {
    /// The descriptors the name involves, outermost first (`[HMAC, SHA2-256]`).
    public let parts: [AlgorithmDescriptor]
    /// The part the name is about: the innermost one (`SHA2-256` for `HMAC-SHA256`), whose
    /// trait a per-algorithm summary reports.
    public var primary: AlgorithmDescriptor { parts.last! }
    /// Every trait the name needs.
    public var requiredTraits: [String] {
        var seen: [String] = []
        for t in parts.flatMap(\.requiredTraits) where !seen.contains(t) { seen.append(t) }
        return seen
    }
    /// Hardware paths any part can run on.
    public var hardware: HardwarePaths { parts.reduce([]) { $0.union($1.hardware) } }
    /// The first status that is not `implemented`, else `implemented`.
    public var status: AlgorithmDescriptor.Status {
        parts.first { $0.status != .implemented }?.status ?? .implemented
    }
    /// The required traits that are off in this build.
    public var disabledTraits: [String] { requiredTraits.filter { !Catalog.enabledTraits.contains($0) } }
}

/// Every algorithm OpenSSL 3.0 names that this project knows, in every configuration — like
/// `EVP_get_cipherbyname`'s table plus Botan's per-module `info.txt`: names and aliases,
/// family, trait and `no-X` option, traits needed, hardware paths, mode. Everything that asks
/// "which algorithms exist, which are on, what do they need" reads it; the ``Registry`` holds
/// the implementations of this build.
public enum Catalog {
    /// Every optional feature, in a fixed order (``Features``).
    public static var features: [Feature] { Features.all }

    /// The feature of a trait, nil if no feature has that trait.
    public static func feature(trait: String) -> Feature? { Features.all.first { $0.trait == trait } }

    /// The feature of an OpenSSL option (`no-idea`), case-insensitively.
    public static func feature(option: String) -> Feature? {
        let o = option.lowercased()
        return Features.all.first { $0.option == o }
    }

    /// The traits compiled into this build, in ``features`` order. Derived from what the
    /// ``Registry`` holds (and from the hardware target for `ASM`), never restated.
    public static let enabledTraits: [String] = {
        var on = Set<String>()
        for d in Registry.all { if let t = d.trait { on.insert(t) } }
        if HardwareSupport.isCompiledIn { on.insert("ASM") }
        #if EC && EC2M
        // EC2M adds curves, not algorithms: present when the binary-curve catalog is.
        if !ECCurve.allBinary.isEmpty { on.insert("EC2M") }
        #endif
        return Features.all.map(\.trait).filter(on.contains)
    }()

    /// True if the trait is compiled into this build.
    public static func isEnabled(trait: String) -> Bool { enabledTraits.contains(trait) }

    /// Every descriptor, in a stable order.
    public static var descriptors: [AlgorithmDescriptor] { Descriptors.all }

    private static let index: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, e) in Descriptors.all.enumerated() {
            for n in e.allNames where d[n.lowercased()] == nil { d[n.lowercased()] = i }
        }
        return d
    }()

    /// The descriptor a name or alias denotes, case-insensitively; nil if OpenSSL has no such
    /// algorithm as far as this catalog knows.
    public static func descriptor(named name: String) -> AlgorithmDescriptor? {
        index[name.lowercased()].map { Descriptors.all[$0] }
    }

    /// Prefixes of composite names and the family of what follows them.
    static let compositePrefixes: [(prefix: String, inner: AlgorithmFamily)] = [
        ("HMAC-", .digest), ("CMAC-", .cipher), ("GMAC-", .cipher), ("PBKDF1-", .digest), ("PBKDF2-", .digest),
        ("HKDF-", .digest), ("X963KDF-", .digest), ("PKCS12KDF-", .digest),
    ]

    /// Resolves a name, composites included (`HMAC-SHA256`, `CMAC-AES-128-CBC`,
    /// `GMAC-AES-128-GCM`, `PBKDF2-SHA1`); nil if some part is unknown.
    public static func resolve(_ name: String) -> ResolvedAlgorithm? {
        if let d = descriptor(named: name) { return ResolvedAlgorithm(parts: [d]) }
        let upper = name.uppercased()
        for c in compositePrefixes where upper.hasPrefix(c.prefix) {
            let outerName = String(c.prefix.dropLast())
            guard let outer = descriptor(named: outerName),
                let inner = resolve(String(name.dropFirst(c.prefix.count)))
            else { continue }
            return ResolvedAlgorithm(parts: [outer] + inner.parts)
        }
        return nil
    }

    /// The catalog's spelling of a name, composites by their parts (`hmac-sha256` is
    /// `HMAC-SHA2-256`, `aes128` is `AES-128-CBC`); nil if some part is unknown. Any build
    /// knows every name, so reports of `no-X` builds join aliases the same way.
    public static func canonicalName(_ name: String) -> String? {
        resolve(name)?.parts.map(\.name).joined(separator: "-")
    }

    /// One key per algorithm for grouping results: ``canonicalName(_:)`` upper-cased, or the
    /// name upper-cased if the catalog does not know it (`sha256` and `SHA2-256` are both
    /// `SHA2-256`). Reports and the matrix grid group by it, so they always agree.
    public static func groupingKey(_ name: String) -> String {
        (canonicalName(name) ?? name).uppercased()
    }

    /// The trait a result's algorithm name (`IDEA-CBC`, `HMAC-MDC2`, `CMAC-DES-EDE3-CBC`)
    /// reports under: the innermost part's that has one (`CMAC-AES-128-CBC` reports under
    /// `CMAC`, `CMAC-DES-EDE3-CBC` under `DES`). Nil: always built, or unknown.
    public static func trait(forResult name: String) -> String? {
        resolve(name)?.parts.reversed().lazy.compactMap(\.trait).first
    }

    /// Up to `limit` catalog names closest to `name` (edit distance), for "did you mean".
    public static func nearestNames(to name: String, limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().prefix(64))
        var scored: [(Int, String)] = []
        for d in Descriptors.all {
            for n in d.allNames {
                scored.append((editDistance(target, Array(n.lowercased().prefix(64))), n))
            }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// A sentence explaining why `name` is not available here: disabled in this build (with the
    /// trait and option), not implemented, not an OpenSSL algorithm, or unknown (with the
    /// nearest names).
    public static func explainAbsence(of name: String) -> String {
        if let r = resolve(name) {
            if let t = r.disabledTraits.first, let f = feature(trait: t) {
                return "\(name) is disabled in this build (built without trait \(f.trait), as OpenSSL's \(f.option))"
            }
            switch r.status {
            case .notImplemented: return "\(name) is an OpenSSL algorithm LibCrypto does not implement yet"
            case .notInOpenSSL: return "\(name) is not an OpenSSL algorithm"
            case .implemented: return "\(name) is not available as this kind of algorithm"
            }
        }
        if let s = signatureName(name) {
            if let t = s.requiredTraits.first(where: { !isEnabled(trait: $0) }), let f = feature(trait: t) {
                return "\(name) is disabled in this build (built without trait \(f.trait), as OpenSSL's \(f.option))"
            }
            return "\(name) is the signature algorithm \(s.keyType) with \(s.digest), not this kind of algorithm"
        }
        let near = nearestNames(to: name)
        return "no algorithm is named '\(name)'"
            + (near.isEmpty ? "" : "; nearest names: \(near.joined(separator: ", "))")
    }
}
