/// What a public-key algorithm can do in LibCrypto (OpenSSL's `EVP_PKEY_*_init` operations).
public struct PublicKeyOperations: OptionSet, Sendable, Hashable {
    /// The bits of the set.
    public let rawValue: UInt16
    /// A set from its bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// `EVP_PKEY_sign` and `EVP_PKEY_verify`.
    public static let sign = PublicKeyOperations(rawValue: 1)
    /// `EVP_PKEY_verify_recover` (RSA).
    public static let verifyRecover = PublicKeyOperations(rawValue: 2)
    /// `EVP_PKEY_encrypt` and `EVP_PKEY_decrypt` (RSA).
    public static let encrypt = PublicKeyOperations(rawValue: 4)
    /// `EVP_PKEY_derive` (DH).
    public static let derive = PublicKeyOperations(rawValue: 8)
    /// `EVP_PKEY_keygen`.
    public static let keyGeneration = PublicKeyOperations(rawValue: 16)
    /// `EVP_PKEY_paramgen` (DSA).
    public static let parameterGeneration = PublicKeyOperations(rawValue: 32)
    /// `EVP_PKEY_encapsulate` and `EVP_PKEY_decapsulate` (RSA's RSASVE).
    public static let encapsulate = PublicKeyOperations(rawValue: 64)
    /// Each operation with its name, in a fixed order.
    public static let named: [(name: String, operation: PublicKeyOperations)] = [
        ("sign", .sign), ("verify-recover", .verifyRecover), ("encrypt", .encrypt), ("derive", .derive),
        ("keygen", .keyGeneration), ("paramgen", .parameterGeneration), ("encapsulate", .encapsulate),
    ]
    /// The names of the operations in this set.
    public var names: [String] { Self.named.filter { contains($0.operation) }.map(\.name) }
}

/// A public-key algorithm as the registry knows it: the catalog's descriptor and the
/// operations LibCrypto has for it. The typed entry points are ``RSAPrivateKey`` and
/// ``RSAPublicKey`` (RSA and RSA-PSS), ``DSAPrivateKey`` and ``DSAPublicKey``, ``DHPrivateKey``
/// and ``DHPublicKey`` (DH and DHX, told apart by their parameters' encoding).
public struct PublicKeyAlgorithm: Sendable {
    /// The catalog's descriptor: names, aliases, trait.
    public let info: AlgorithmDescriptor
    /// What LibCrypto can do with such a key.
    public let operations: PublicKeyOperations
}

/// A signature algorithm of this build: a signature name resolved to its key type and digest.
public struct SignatureAlgorithm: Sendable {
    /// The names (``SignatureName``).
    public let info: SignatureName
    /// The key type (RSA with PKCS#1 v1.5 padding, or DSA).
    public let keyType: PublicKeyAlgorithm
    /// The digest.
    public let digest: DigestAlgorithm
}

extension Registry {
    /// The public-key algorithms of this build. (Compiled in or not is decided here, as for
    /// the other registries: ``Catalog/enabledTraits`` is derived from this list, so it must not
    /// ask the catalog.)
    public static let publicKeys: [PublicKeyAlgorithm] = {
        func p(_ name: String, _ operations: PublicKeyOperations) -> PublicKeyAlgorithm {
            PublicKeyAlgorithm(info: Descriptors.named(name), operations: operations)
        }
        var list = [
            p("RSA", [.sign, .verifyRecover, .encrypt, .encapsulate, .keyGeneration]),
            p("RSA-PSS", [.sign, .keyGeneration]),
        ]
        #if DSA
        list.append(p("DSA", [.sign, .keyGeneration, .parameterGeneration]))
        #endif
        #if DH
        list += [p("DH", [.derive, .keyGeneration]), p("DHX", [.derive, .keyGeneration])]
        #endif
        #if EC
        list += [
            p("EC", [.sign, .derive, .keyGeneration]), p("X25519", [.derive, .keyGeneration]),
            p("X448", [.derive, .keyGeneration]), p("ED25519", [.sign, .keyGeneration]),
            p("ED448", [.sign, .keyGeneration]),
        ]
        #endif
        #if SM2
        list.append(p("SM2", [.sign, .encrypt, .keyGeneration]))
        #endif
        return list
    }()

    /// Looks a public-key algorithm up by any of its names, case-insensitively (`RSA`,
    /// `rsaEncryption`, `X9.42 DH`).
    /// - Parameter name: a key type name or alias.
    /// - Throws: `unknownAlgorithm` if this build has no such key type.
    public static func publicKey(named name: String) throws -> PublicKeyAlgorithm {
        let n = name.lowercased()
        guard let p = publicKeys.first(where: { $0.info.allNames.contains { $0.lowercased() == n } }) else {
            throw CryptoError.unknownAlgorithm(name)
        }
        return p
    }

    /// The signature algorithms of this build: those whose key type and digest are both in it.
    public static let signatures: [SignatureAlgorithm] = Catalog.signatureNames.compactMap { s in
        guard let k = try? publicKey(named: s.keyType), let d = try? digest(named: s.digest) else { return nil }
        return SignatureAlgorithm(info: s, keyType: k, digest: d)
    }

    /// Looks a signature algorithm up by its long or short name, case-insensitively
    /// (`sha256WithRSAEncryption`, `RSA-SHA256`, `dsa_with_SHA256`).
    /// - Parameter name: a signature name.
    /// - Throws: `unknownAlgorithm` if OpenSSL has no such name, or this build lacks its key
    ///   type or digest (the message says which trait is off).
    public static func signature(named name: String) throws -> SignatureAlgorithm {
        guard let s = Catalog.signatureName(name) else { throw CryptoError.unknownAlgorithm(name) }
        guard let found = signatures.first(where: { $0.info == s }) else { throw CryptoError.unknownAlgorithm(name) }
        return found
    }
}
