import Foundation
import LibCrypto
import Vectors

/// A key type or operation LibCrypto does not have yet: the stanza is a counted skip with this
/// reason, not a failure.
struct PKeyUnsupported: Error, CustomStringConvertible {
    let description: String
}

/// A key, parameters or record of a public-key family this build leaves out (trait `DSA` or `DH`
/// off, as OpenSSL's `no-dsa` and `no-dh`): the case is a counted skip, `disabled in this build`,
/// as evp_test skips a stanza whose key type is disabled. Only thrown where the trait is off.
struct FamilyDisabled: Error, CustomStringConvertible {
    /// The key type's catalog name (`DSA`, `DH`, `DHX`).
    let keyType: String
    /// The trait that is off (`DSA`, `DH`).
    var trait: String { Catalog.descriptor(named: keyType)?.trait ?? keyType }
    var description: String { Catalog.explainAbsence(of: keyType) }
}

/// Loads the keys evp_test stanzas name: PEM blocks and generated keys. A generated key is made
/// once per definition (file and line) and kept, as evp_test keeps the key a `KeyGen` names.
final class PKeyKeys: @unchecked Sendable {
    static let shared = PKeyKeys()
    private let lock = NSLock()
    private var generated: [String: PKeyMaterial] = [:]

    func load(_ definition: KeyDefinition, file: String) throws -> PKeyMaterial {
        switch definition.source {
        case .pem(let text):
            return try PKeyKeys.parsePEM(text, isPrivate: definition.isPrivate)
        case .raw(let algorithm, let bytes):
            #if EC
            return try PKeyKeys.ecxRaw(algorithm, bytes, isPrivate: definition.isPrivate)
            #else
            _ = bytes
            if ["X25519", "X448", "ED25519", "ED448"].contains(algorithm.uppercased()) {
                throw FamilyDisabled(keyType: algorithm.uppercased())
            }
            throw PKeyUnsupported(description: "\(algorithm) raw keys are not implemented")
            #endif
        case .rsaNumbers(let n, let e, let d, let crt):
            return try PKeyKeys.rsaFromNumbers(n, e, d, crt)
        case .ecNumbers(let curve, let point, let scalar):
            #if EC
            return try PKeyKeys.ecFromNumbers(curve, point: point, scalar: scalar)
            #else
            _ = (curve, point, scalar)
            throw FamilyDisabled(keyType: "EC")
            #endif
        case .generated(let algorithm, let controls):
            let id = "\(file):\(definition.line)"
            if definition.line > 0, let k = lock.withLock({ generated[id] }) { return k }
            let k = try PKeyKeys.generate(algorithm, controls)
            if definition.line > 0 { lock.withLock { generated[id] = k } }
            return k
        }
    }

    /// An RSA key from its numbers (NIST CAVP and RSA Labs files): public from `n`, `e`;
    /// private from `n`, `e`, `d`, with the CRT values when all five are given.
    static func rsaFromNumbers(_ n: [UInt8], _ e: [UInt8], _ d: [UInt8]?, _ crt: [[UInt8]]) throws -> PKeyMaterial {
        let modulus = try BigNum(bytes: n)
        let exponent = try BigNum(bytes: e)
        guard let d else { return .rsa(nil, try RSAPublicKey(modulus: modulus, publicExponent: exponent), pss: nil) }
        let key: RSAPrivateKey
        if crt.count == 5 {
            let c = try crt.map { try BigNum(bytes: $0) }
            key = try RSAPrivateKey(
                modulus: modulus, publicExponent: exponent, privateExponent: try BigNum(bytes: d), prime1: c[0],
                prime2: c[1], exponent1: c[2], exponent2: c[3], coefficient: c[4])
        } else {
            key = try RSAPrivateKey(modulus: modulus, publicExponent: exponent, privateExponent: try BigNum(bytes: d))
        }
        return .rsa(key, key.publicKey, pss: nil)
    }

    /// `EVP_PKEY_keygen` with the stanza's controls: `KEYGEN_INIT_ERROR` for an algorithm
    /// LibCrypto cannot generate, `PKEY_CTRL_ERROR` for a bad control, `KEYGEN_GENERATE_ERROR`.
    static func generate(_ algorithm: String, _ controls: [KDFParameter]) throws -> PKeyMaterial {
        switch algorithm.uppercased() {
        case "RSA", "RSAENCRYPTION", "RSA-PSS", "RSASSA-PSS":
            let isPSS = algorithm.uppercased().contains("PSS")
            var bits = 2048
            var exponent = BigNum(65537)
            var primes = 2
            var pss = RSAPSSRestrictions()
            for c in controls {
                func bad(_ message: String, _ reason: OpenSSLReason? = nil) -> StepFailure {
                    PKeySteps.fail("PKEY_CTRL_ERROR", message, reason)
                }
                switch c.name {
                case "rsa_keygen_bits":
                    guard let n = Int(c.text) else { throw bad("bits \(c.text)") }
                    guard n >= RSAPrivateKey.minGeneratedBits else {
                        throw bad("RSA key of \(n) bits", .provKeySizeTooSmall)
                    }
                    bits = n
                case "rsa_keygen_pubexp":
                    exponent = try StepFailure.at("PKEY_CTRL_ERROR") { try BigNum(decimal: c.text) }
                case "rsa_keygen_primes":
                    guard let n = Int(c.text), n >= 2 else { throw bad("primes \(c.text)") }
                    primes = n
                case "rsa_pss_keygen_md" where isPSS:
                    pss.digest = try StepFailure.at("PKEY_CTRL_ERROR") { try Registry.digest(named: c.text).info.name }
                case "rsa_pss_keygen_mgf1_md" where isPSS:
                    pss.mgf1Digest = try StepFailure.at("PKEY_CTRL_ERROR") {
                        try Registry.digest(named: c.text).info.name
                    }
                case "rsa_pss_keygen_saltlen" where isPSS:
                    guard let n = Int(c.text), n >= 0 else { throw bad("salt length \(c.text)") }
                    pss.minSaltLength = n
                default:
                    throw StepFailure(
                        step: "PKEY_CTRL_INVALID",
                        underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
                }
            }
            let key = try StepFailure.at("KEYGEN_GENERATE_ERROR") {
                try RSAPrivateKey.generate(bits: bits, publicExponent: exponent, primes: primes)
            }
            return .rsa(key, key.publicKey, pss: isPSS ? pss : nil)
        case "DH", "DHKEYAGREEMENT":
            #if DH
            var parameters: DHParameters? = nil
            for c in controls {
                guard c.name == "dh_param" || c.name == "group" else {
                    throw StepFailure(
                        step: "PKEY_CTRL_INVALID",
                        underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
                }
                parameters = try StepFailure.at("PKEY_CTRL_ERROR") { try DHParameters.named(c.text) }
            }
            guard let parameters else {
                throw StepFailure(
                    step: "KEYGEN_GENERATE_ERROR",
                    underlying: CryptoError(.invalidParameter, "DH key generation needs parameters"))
            }
            let key = try StepFailure.at("KEYGEN_GENERATE_ERROR") { try DHPrivateKey.generate(parameters: parameters) }
            return .dh(key, key.publicKey)
            #else
            throw FamilyDisabled(keyType: "DH")
            #endif
        case "EC":
            #if EC
            return try generateEC(controls)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        case "SM2":
            #if SM2
            return try generateSM2(controls)
            #else
            throw FamilyDisabled(keyType: "SM2")
            #endif
        case "X25519", "X448", "ED25519", "ED448":
            #if EC
            guard controls.isEmpty else {
                throw StepFailure(
                    step: "PKEY_CTRL_INVALID",
                    underlying: CryptoError(.invalidParameter, "unknown control \(controls[0].name)"))
            }
            return .ecx(try StepFailure.at("KEYGEN_GENERATE_ERROR") { try ECXKey.generate(algorithm.uppercased()) })
            #else
            throw FamilyDisabled(keyType: algorithm.uppercased())
            #endif
        default:
            throw PKeyUnsupported(description: "key generation for \(algorithm) is not implemented")
        }
    }

    /// A key from evp_test's PEM text, read as `PEM_read_bio_PrivateKey` (PKCS#8 `PRIVATE KEY`,
    /// the traditional `RSA PRIVATE KEY`) and `PEM_read_bio_PUBKEY` (`PUBLIC KEY`) read it, with
    /// OpenSSL's lenient DER rules.
    static func parsePEM(_ text: String, isPrivate: Bool) throws -> PKeyMaterial {
        let blocks = try PEM.parseAll(text: text)
        guard let block = blocks.first else { throw CryptoError(.invalidParameter, "no PEM block") }
        switch block.label {
        case "PRIVATE KEY" where isPrivate:
            let info = try PKCS8PrivateKeyInfo.parse(der: block.data, rules: .openSSL)
            return try privateKey(info.algorithm, info.privateKey)
        case "RSA PRIVATE KEY" where isPrivate:
            return try privateKey(AlgorithmIdentifier(algorithm: .rsaEncryption, parameters: nil), block.data)
        case "PUBLIC KEY" where !isPrivate:
            let spki = try SubjectPublicKeyInfo.parse(der: block.data, rules: .openSSL)
            return try publicKey(spki.algorithm, spki.subjectPublicKey)
        case "RSA PUBLIC KEY" where !isPrivate:
            let k = try PKCS1RSAPublicKey.parse(der: block.data, rules: .openSSL)
            return .rsa(nil, try RSAPublicKey(modulus: k.modulus, publicExponent: k.publicExponent), pss: nil)
        default:
            throw PKeyUnsupported(description: "PEM '\(block.label)' keys are not read")
        }
    }

    static func privateKey(_ algorithm: AlgorithmIdentifier, _ der: [UInt8]) throws -> PKeyMaterial {
        switch algorithm.algorithm {
        case .rsaEncryption, .rsassaPSS:
            let k = try PKCS1RSAPrivateKey.parse(der: der, rules: .openSSL)
            var primes = [
                RSAPrimeInfo(prime: k.prime1, exponent: k.exponent1, coefficient: nil),
                RSAPrimeInfo(prime: k.prime2, exponent: k.exponent2, coefficient: k.coefficient),
            ]
            primes += k.otherPrimeInfos.map {
                RSAPrimeInfo(prime: $0.prime, exponent: $0.exponent, coefficient: $0.coefficient)
            }
            let key = try RSAPrivateKey(
                modulus: k.modulus, publicExponent: k.publicExponent, privateExponent: k.privateExponent,
                prime1: k.prime1, prime2: k.prime2, exponent1: k.exponent1, exponent2: k.exponent2,
                coefficient: k.coefficient, otherPrimes: Array(primes.dropFirst(2)))
            return .rsa(key, key.publicKey, pss: try pssRestrictions(algorithm, bits: key.publicKey.bitCount))
        case .dsa:
            #if DSA
            let parameters = try dsaParameters(algorithm)
            let x = try DERReader(der, rules: .openSSL).readingOne { try $0.readInteger() }
            let key = try DSAPrivateKey(parameters: parameters, x: x)
            return .dsa(key, key.publicKey)
            #else
            throw FamilyDisabled(keyType: "DSA")
            #endif
        case .dhKeyAgreement, .dhPublicNumber:
            #if DH
            let parameters = try dhParameters(algorithm)
            let x = try DERReader(der, rules: .openSSL).readingOne { try $0.readInteger() }
            let key = try DHPrivateKey(parameters: parameters, x: x)
            return .dh(key, key.publicKey)
            #else
            throw FamilyDisabled(keyType: name(of: algorithm.algorithm))
            #endif
        case .ecPublicKey:
            #if EC
            return try ecPrivateKey(algorithm, der)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        default:
            if let type = ecxType(algorithm.algorithm) {
                #if EC
                return try ecxPrivateKey(type, der)
                #else
                throw FamilyDisabled(keyType: type)
                #endif
            }
            return .other(name(of: algorithm.algorithm))
        }
    }

    /// The ECX type of an RFC 8410 OID (`X25519`, ...), in any build.
    static func ecxType(_ oid: ASN1ObjectIdentifier) -> String? {
        ["1.3.101.110": "X25519", "1.3.101.111": "X448", "1.3.101.112": "ED25519", "1.3.101.113": "ED448"][oid.dotted]
    }

    #if DSA
    static func dsaParameters(_ algorithm: AlgorithmIdentifier) throws -> DSAParameters {
        guard let der = algorithm.parameters else {
            throw CryptoError(.invalidParameter, "a DSA key without parameters")
        }
        let d = try DSSParameters.parse(der: der, rules: .openSSL)
        return try DSAParameters(p: d.p, q: d.q, g: d.g)
    }
    #endif

    #if DH
    /// PKCS#3 parameters for `dhKeyAgreement`, X9.42 ones (with q) for `dhpublicnumber`.
    static func dhParameters(_ algorithm: AlgorithmIdentifier) throws -> DHParameters {
        guard let der = algorithm.parameters else {
            throw CryptoError(.invalidParameter, "a DH key without parameters")
        }
        if algorithm.algorithm == .dhPublicNumber {
            let d = try X942DHParameters.parse(der: der, rules: .openSSL)
            return try DHParameters(p: d.p, g: d.g, q: d.q)
        }
        let d = try PKCS3DHParameters.parse(der: der, rules: .openSSL)
        return try DHParameters(p: d.p, g: d.g)
    }
    #endif

    static func publicKey(_ algorithm: AlgorithmIdentifier, _ der: [UInt8]) throws -> PKeyMaterial {
        switch algorithm.algorithm {
        case .rsaEncryption, .rsassaPSS:
            let k = try PKCS1RSAPublicKey.parse(der: der, rules: .openSSL)
            let key = try RSAPublicKey(modulus: k.modulus, publicExponent: k.publicExponent)
            return .rsa(nil, key, pss: try pssRestrictions(algorithm, bits: key.bitCount))
        case .dsa:
            #if DSA
            let y = try DERReader(der, rules: .openSSL).readingOne { try $0.readInteger() }
            return .dsa(nil, try DSAPublicKey(parameters: try dsaParameters(algorithm), y: y))
            #else
            throw FamilyDisabled(keyType: "DSA")
            #endif
        case .dhKeyAgreement, .dhPublicNumber:
            #if DH
            let y = try DERReader(der, rules: .openSSL).readingOne { try $0.readInteger() }
            return .dh(nil, try DHPublicKey(parameters: try dhParameters(algorithm), y: y))
            #else
            throw FamilyDisabled(keyType: name(of: algorithm.algorithm))
            #endif
        case .ecPublicKey:
            #if EC
            return try ecPublicKey(algorithm, der)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        default:
            if let type = ecxType(algorithm.algorithm) {
                #if EC
                return .ecx(try ECXKey(type: type, publicRaw: der))
                #else
                throw FamilyDisabled(keyType: type)
                #endif
            }
            return .other(name(of: algorithm.algorithm))
        }
    }

    /// The key type a definition holds, from its source's algorithm name, PEM label or algorithm
    /// identifier, without decoding the key (so in any build): `RSA`, `DSA`, `DH`, `DHX`, `EC`,
    /// a key generation's algorithm as the stanza names it (`dhKeyAgreement`); nil if unknown.
    static func keyType(of definition: KeyDefinition) -> String? {
        switch definition.source {
        case .rsaNumbers: return "RSA"
        case .ecNumbers: return "EC"
        case .raw(let algorithm, _), .generated(let algorithm, _): return algorithm
        case .pem(let text):
            guard let block = (try? PEM.parseAll(text: text))?.first else { return nil }
            return keyType(pemLabel: block.label, body: block.data)
        }
    }

    /// The key type of a PEM block, from its label or, for PKCS#8 and SubjectPublicKeyInfo, its
    /// algorithm identifier (nil when neither says).
    static func keyType(pemLabel: String, body: [UInt8]) -> String? {
        switch pemLabel {
        case "PRIVATE KEY": return keyType(der: body)
        case "PUBLIC KEY": return keyType(der: body)
        case "RSA PRIVATE KEY", "RSA PUBLIC KEY": return "RSA"
        case "DSA PRIVATE KEY", "DSA PARAMETERS": return "DSA"
        case "DH PARAMETERS": return "DH"
        case "X9.42 DH PARAMETERS": return "DHX"
        case "EC PRIVATE KEY", "EC PARAMETERS": return "EC"
        default: return nil
        }
    }

    /// The key type of DER that is a PKCS#8 `PrivateKeyInfo` or a `SubjectPublicKeyInfo`
    /// (its algorithm OID), nil for anything else.
    static func keyType(der: [UInt8]) -> String? {
        if let info = try? PKCS8PrivateKeyInfo.parse(der: der, rules: .openSSL) {
            return name(of: info.algorithm.algorithm)
        }
        if let spki = try? SubjectPublicKeyInfo.parse(der: der, rules: .openSSL) {
            return name(of: spki.algorithm.algorithm)
        }
        return nil
    }

    /// The key type's name as OpenSSL calls it, for reports and type comparisons.
    static func name(of oid: ASN1ObjectIdentifier) -> String {
        switch oid.dotted {
        case "1.2.840.113549.1.1.1": return "RSA"
        case "1.2.840.113549.1.1.10": return "RSA-PSS"
        case "1.2.840.10040.4.1": return "DSA"
        case "1.2.840.113549.1.3.1": return "DH"
        case "1.2.840.10046.2.1": return "DHX"
        case "1.2.840.10045.2.1": return "EC"
        case "1.3.101.110": return "X25519"
        case "1.3.101.111": return "X448"
        case "1.3.101.112": return "ED25519"
        case "1.3.101.113": return "ED448"
        case "1.2.156.10197.1.301": return "SM2"
        default: return oid.dotted
        }
    }

    /// Digest OIDs of `RSASSA-PSS-params` (RFC 8017 appendix C and NIST's CSOR registry).
    static let digestOIDs: [String: String] = [
        "1.3.14.3.2.26": "SHA1", "2.16.840.1.101.3.4.2.4": "SHA224", "2.16.840.1.101.3.4.2.1": "SHA256",
        "2.16.840.1.101.3.4.2.2": "SHA384", "2.16.840.1.101.3.4.2.3": "SHA512",
        "2.16.840.1.101.3.4.2.5": "SHA512-224", "2.16.840.1.101.3.4.2.6": "SHA512-256",
        "2.16.840.1.101.3.4.2.7": "SHA3-224", "2.16.840.1.101.3.4.2.8": "SHA3-256",
        "2.16.840.1.101.3.4.2.9": "SHA3-384", "2.16.840.1.101.3.4.2.10": "SHA3-512",
    ]

    /// An RSA-PSS key's restrictions from its `RSASSA-PSS-params` (RFC 4055 §3.1): absent
    /// parameters restrict nothing; present ones fix the digest (default SHA-1), the MGF1 digest
    /// (default: MGF1 with SHA-1) and the smallest salt length (default 20). A negative salt
    /// length or one longer than the key allows makes every operation refuse to start, as
    /// OpenSSL 3.0's `ossl_rsa_pss_get_param_unverified` check does.
    static func pssRestrictions(_ algorithm: AlgorithmIdentifier, bits: Int) throws -> RSAPSSRestrictions? {
        guard algorithm.algorithm == .rsassaPSS else { return nil }
        guard let params = algorithm.parameters else { return RSAPSSRestrictions() }
        var r = RSAPSSRestrictions(digest: "SHA1", mgf1Digest: "SHA1", minSaltLength: 20)
        func digestName(_ reader: inout DERReader) throws -> String {
            try reader.readSequence { s in
                let oid = try s.readObjectIdentifier()
                if !s.isAtEnd { try s.readNull() }
                guard let name = digestOIDs[oid.dotted] else {
                    throw CryptoError(.invalidParameter, "RSASSA-PSS-params: unknown digest \(oid.dotted)")
                }
                return name
            }
        }
        var reader = DERReader(params, rules: .openSSL)
        var salt = 20
        try reader.readSequence { s in
            if let d = try s.readOptionalExplicit(0, { try digestName(&$0) }) {
                r.digest = d
                r.mgf1Digest = d == "SHA1" ? "SHA1" : r.mgf1Digest
            }
            if let m = try s.readOptionalExplicit(
                1,
                { e in
                    try e.readSequence { g -> String in
                        let oid = try g.readObjectIdentifier()
                        guard oid.dotted == "1.2.840.113549.1.1.8" else {
                            throw CryptoError(
                                .invalidParameter, "RSASSA-PSS-params: mask generation \(oid.dotted) is not MGF1")
                        }
                        return try digestName(&g)
                    }
                })
            {
                r.mgf1Digest = m
            }
            if let n = try s.readOptionalExplicit(2, { try $0.readInteger() }) {
                if n.isNegative || n.bitWidth > 31 {
                    salt = -1
                } else {
                    salt = Int(n.word ?? 0)
                }
            }
            _ = try s.readOptionalExplicit(3, { try $0.readInteger() })
        }
        try reader.finish()
        let hLen = try Registry.digest(named: r.digest ?? "SHA1").digestSize
        let emLen = (bits - 1 + 7) / 8
        if salt < 0 || salt > emLen - hLen - 2 {
            r.invalidSaltLength = true
        } else {
            r.minSaltLength = salt
        }
        return r
    }
}

extension DERReader {
    /// Reads one value with `body` and requires nothing after it.
    func readingOne<T>(_ body: (inout DERReader) throws -> T) throws -> T {
        var r = self
        let value = try body(&r)
        try r.finish()
        return value
    }
}
