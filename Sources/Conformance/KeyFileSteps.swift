import Foundation
import LibCrypto
import Vectors

extension Result where Failure == Error {
    /// The error's text, or nil on success.
    var failureDescription: String? {
        if case .failure(let e) = self { return "\(e)" }
        return nil
    }
}

/// LibCrypto and OpenSSL disagree on a key file.
struct KeyFileMismatch: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs one key file (`key-file` corpus) on LibCrypto and on OpenSSL, the oracle: both must
/// accept it as the same kind of thing (a private key, a public key, domain parameters) or both
/// reject it; when both accept, LibCrypto's DER of it must be OpenSSL's byte for byte
/// (`i2d_PrivateKey` and `i2d_PUBKEY` of a private key, `i2d_PUBKEY` of a public key,
/// `i2d_KeyParams` of parameters). An encrypted file (PKCS#8 `EncryptedPrivateKeyInfo` in PEM
/// or DER, traditional PEM with `Proc-Type`/`DEK-Info`) is decrypted with the manifest's
/// password on both sides (LibCrypto's ``EncryptedPrivateKeyInfo`` and
/// `PEMBlock.decrypted(password:)`; OpenSSL's PEM password callback, `PKCS8_decrypt_ex` for DER)
/// and the key inside compared as above. EC keys (SEC 1, PKCS#8, SPKI, `EC PARAMETERS`) and
/// X25519/X448/Ed25519/Ed448 keys are read by `KeyFileEC.swift`; a key on a curve LibCrypto has no
/// arithmetic for (binary curves; explicit prime parameters make their own curve) is a skip that says
/// so when OpenSSL reads the file, and a file whose cipher this build leaves out is a skip too;
/// a DSA or DH file in a build without that
/// family (`no-dsa`, `no-dh`) throws ``FamilyDisabled``, found by its label or algorithm
/// identifier, or else by what OpenSSL reads it as.
struct KeyFileSteps {
    let check: KeyFileCheck

    /// What one library made of the file.
    struct Reading: Equatable {
        enum Kind: String {
            case privateKey = "a private key"
            case publicKey = "a public key"
            case parameters = "parameters"
        }
        var kind: Kind
        var type: String
        /// DER forms by name (`i2d_PrivateKey`, `i2d_PUBKEY`, `i2d_KeyParams`).
        var der: [String: [UInt8]]
        /// The library's own validity check of what it read (OpenSSL: `EVP_PKEY_public_check`
        /// or `EVP_PKEY_param_check`; LibCrypto: `DH_check`-style parameter and public-value checks).
        var validate: (() throws -> Void)? = nil

        static func == (a: Reading, b: Reading) -> Bool { a.kind == b.kind && a.type == b.type && a.der == b.der }
    }

    /// The reference library, loaded once (the one `confrun all` loaded, else the system's).
    nonisolated(unsafe) static var referenceCache: Result<OpenSSLImplementation, Error>? = nil
    static let lock = NSLock()

    static func reference() throws -> OpenSSLImplementation {
        try lock.withLock {
            if let r = referenceCache { return try r.get() }
            let r = Result { try OpenSSLImplementation() }
            referenceCache = r
            return try r.get()
        }
    }

    /// Runs both sides; returns a note for the report (what both read), throws on a difference.
    func run() throws -> String {
        if let valid = check.ecparamValid {
            #if EC
            return try ecparamRun(valid: valid)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        }
        let ours: Result<Reading, Error> = Result { try libCrypto() }
        if case .failure(let e) = ours, e is PKeyUnsupported || e is FamilyDisabled {
            #if EC
            // An EC key on a curve LibCrypto has no arithmetic for (a binary curve, explicit
            // parameters of a curve it does not have) is a skip only when OpenSSL reads it.
            if Self.isCurveGap(e), let ref = try? Self.reference(),
                case .failure(let b) = Result(catching: { try openSSL(ref) })
            {
                return "both reject: OpenSSL \(b); LibCrypto has no arithmetic for the curve (\(e))"
            }
            #endif
            throw e
        }
        let ref: OpenSSLImplementation
        do { ref = try Self.reference() } catch {
            throw PKeyUnsupported(description: "no reference libcrypto to compare with (\(error))")
        }
        let theirs: Result<Reading, Error> = Result { try openSSL(ref) }
        // A key type this build leaves out that nothing above named (a DER form that is not
        // PKCS#8 or SubjectPublicKeyInfo): OpenSSL says what the file is.
        if case .success(let b) = theirs, let d = Catalog.descriptor(named: b.type), d.family == .publicKey,
            !d.isCompiledIn
        {
            throw FamilyDisabled(keyType: d.name)
        }
        switch (ours, theirs) {
        case (.failure(let a), .failure(let b)):
            return "both reject: LibCrypto \(a); OpenSSL \(b)"
        case (.success(let a), .failure(let b)):
            // LibCrypto loads what OpenSSL's loader refuses: agreement only if LibCrypto's own
            // validity check refuses it too.
            if let check = a.validate, let why = Result(catching: check).failureDescription {
                return "OpenSSL rejects the file (\(b)); LibCrypto loads it but its validity check refuses it: \(why)"
            }
            throw KeyFileMismatch("LibCrypto reads \(a.kind.rawValue) (\(a.type)), OpenSSL rejects the file: \(b)")
        case (.failure(let a), .success(let b)):
            // OpenSSL loads without checking; LibCrypto's key types check when they are made. Both
            // agree the file is no usable key when OpenSSL's own check refuses it.
            if let check = b.validate, let why = Result(catching: check).failureDescription {
                return "LibCrypto refuses the file (\(a)); OpenSSL loads it but its own check refuses it: \(why)"
            }
            throw KeyFileMismatch("OpenSSL reads \(b.kind.rawValue) (\(b.type)), LibCrypto rejects the file: \(a)")
        case (.success(let a), .success(let b)):
            guard a.kind == b.kind else {
                throw KeyFileMismatch("LibCrypto reads \(a.kind.rawValue), OpenSSL \(b.kind.rawValue)")
            }
            guard a.type == b.type else {
                throw KeyFileMismatch("LibCrypto reads a \(a.type) key, OpenSSL a \(b.type) key")
            }
            for name in b.der.keys.sorted() {
                guard let mine = a.der[name], let want = b.der[name] else {
                    throw KeyFileMismatch("\(name): LibCrypto writes no DER")
                }
                if mine != want {
                    throw KeyFileMismatch(DERDifference(what: name, ours: mine, theirs: want).description)
                }
            }
            return "both read \(a.kind.rawValue) (\(a.type)); \(b.der.keys.sorted().joined(separator: ", ")) identical"
        }
    }

    // MARK: OpenSSL

    func openSSL(_ ref: OpenSSLImplementation) throws -> Reading {
        var problems: [String] = []
        if check.isPEM {
            for kind in [OpenSSLPKey.PEMKind.privateKey, .publicKey, .parameters] {
                do {
                    return try reading(
                        try OpenSSLPKey.pem(check.contents, kind, password: check.password, in: ref), kind)
                } catch {
                    problems.append("\(error)")
                }
            }
        } else {
            let encrypted: [(OpenSSLPKey.PEMKind, () throws -> OpenSSLPKey)] =
                check.password.map { pw in
                    [(.privateKey, { try OpenSSLPKey.encryptedPrivateKey(der: check.contents, password: pw, in: ref) })]
                } ?? []
            let attempts: [(OpenSSLPKey.PEMKind, () throws -> OpenSSLPKey)] =
                encrypted + [
                    (.privateKey, { try OpenSSLPKey.privateKey(der: check.contents, in: ref) }),
                    (.publicKey, { try OpenSSLPKey.publicKey(der: check.contents, in: ref) }),
                ]
                + Self.parameterTypes(check).map { type in
                    (.parameters, { try OpenSSLPKey.parameters(der: check.contents, type: type, in: ref) })
                }
            for (kind, read) in attempts {
                do { return try reading(try read(), kind) } catch { problems.append("\(error)") }
            }
        }
        throw CryptoError(.invalidParameter, problems.joined(separator: "; "))
    }

    func reading(_ key: OpenSSLPKey, _ kind: OpenSSLPKey.PEMKind) throws -> Reading {
        var r = try readingDER(key, kind)
        // A legacy key (d2i_KeyParams) names X9.42 DH by its long name.
        if r.type == "X9.42 DH" { r.type = "DHX" }
        r.validate = { try key.validityCheck(parametersOnly: kind == .parameters) }
        return r
    }

    func readingDER(_ key: OpenSSLPKey, _ kind: OpenSSLPKey.PEMKind) throws -> Reading {
        switch kind {
        case .privateKey:
            return Reading(
                kind: .privateKey, type: key.typeName,
                der: ["i2d_PrivateKey": try key.privateDER(), "i2d_PUBKEY": try key.publicDER()])
        case .publicKey:
            return Reading(kind: .publicKey, type: key.typeName, der: ["i2d_PUBKEY": try key.publicDER()])
        case .parameters:
            return Reading(kind: .parameters, type: key.typeName, der: ["i2d_KeyParams": try key.parametersDER()])
        }
    }

    // MARK: LibCrypto

    /// The key type a file announces without being decoded (so in any build): its PEM label or,
    /// for PKCS#8 and SubjectPublicKeyInfo, its algorithm identifier; nil if it says none.
    static func keyType(of check: KeyFileCheck) -> String? {
        if check.isPEM {
            guard let block = (try? PEM.parseAll(check.contents))?.first else { return nil }
            return PKeyKeys.keyType(pemLabel: block.label, body: block.data)
        }
        return PKeyKeys.keyType(der: check.contents)
    }

    /// The types DER parameters are tried as: the manifest's, else each in turn.
    static func parameterTypes(_ check: KeyFileCheck) -> [String] {
        check.parametersType.map { $0 == "DH" ? ["DH", "DHX"] : [$0] } ?? ["DSA", "DH", "DHX"]
    }

    /// A decryption that needs a cipher, digest or KDF this build leaves out is a skip that says
    /// so (OpenSSL has them), not a disagreement.
    static func decrypting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CryptoError where e.code == .unknownAlgorithm {
            if let d = Catalog.descriptor(named: e.reason), !d.isCompiledIn {
                throw PKeyUnsupported(description: "\(d.name) is not in this build: \(e)")
            }
            throw e
        }
    }

    /// The block's `DEK-Info` encryption; a cipher this build leaves out (but OpenSSL has) is a
    /// skip that says so rather than a refusal.
    static func encryption(of block: PEMBlock) throws -> PEMEncryption? {
        do { return try block.encryption() } catch let e as CryptoError where e.openSSL == .pemUnsupportedEncryption {
            // The name as PEM_get_EVP_CIPHER_INFO reads it: after `DEK-Info:` and blanks, up to
            // a blank or ',' (a line break is part of it, so a malformed header stays a refusal).
            let after = block.headerText.range(of: "DEK-Info:").map { block.headerText[$0.upperBound...] } ?? ""
            let name = String(after.drop { $0 == " " || $0 == "\t" }.prefix { $0 != "," && $0 != " " && $0 != "\t" })
            if let d = Catalog.descriptor(named: name), !d.isCompiledIn {
                throw PKeyUnsupported(description: "\(d.name) is not in this build: \(e)")
            }
            throw e
        }
    }

    /// An encrypted key and no password: refused (OpenSSL's callback gives none either).
    static let noPassword = CryptoError(.invalidParameter, "encrypted key and no password in the manifest")

    /// The PKCS#8 `PrivateKeyInfo` inside a DER or PEM `EncryptedPrivateKeyInfo`.
    func decryptPKCS8(_ der: [UInt8]) throws -> PKCS8PrivateKeyInfo {
        let e = try EncryptedPrivateKeyInfo.parse(der: der, rules: .openSSL)
        guard let pw = check.password else { throw Self.noPassword }
        let inner = try Self.decrypting { try e.decrypt(password: pw) }
        return try PKCS8PrivateKeyInfo.parse(der: inner, rules: .openSSL)
    }

    func libCrypto() throws -> Reading {
        if !check.isPEM {
            // With a password, an EncryptedPrivateKeyInfo first (as d2i_X509_SIG + PKCS8_decrypt).
            if check.password != nil, (try? EncryptedPrivateKeyInfo.parse(der: check.contents, rules: .openSSL)) != nil
            {
                return try pkcs8(try decryptPKCS8(check.contents))
            }
            return try der(check.contents)
        }
        let blocks = try PEM.parseAll(check.contents)
        guard var block = blocks.first else { throw CryptoError(.invalidParameter, "no PEM block") }
        if try Self.encryption(of: block) != nil {
            guard let pw = check.password else { throw Self.noPassword }
            block = try Self.decrypting { try block.decrypted(password: pw) }
        }
        switch block.label {
        case "PRIVATE KEY":
            return try pkcs8(try PKCS8PrivateKeyInfo.parse(der: block.data, rules: .openSSL))
        case "ENCRYPTED PRIVATE KEY":
            return try pkcs8(try decryptPKCS8(block.data))
        case "RSA PRIVATE KEY", "DSA PRIVATE KEY":
            // OpenSSL 3.0's decoders read the block by its content: a PKCS#8 body under a
            // type-specific label is read too.
            do {
                if block.label.hasPrefix("RSA") {
                    return try privateReading(
                        AlgorithmIdentifier(algorithm: .rsaEncryption, parameters: PKeyDER.null), block.data)
                }
                #if DSA
                return try dsaTraditional(block.data)
                #else
                if let info = try? PKCS8PrivateKeyInfo.parse(der: block.data, rules: .openSSL) {
                    return try pkcs8(info)
                }
                throw FamilyDisabled(keyType: "DSA")
                #endif
            } catch let e as PKeyUnsupported { throw e } catch let e as FamilyDisabled { throw e } catch {
                guard let info = try? PKCS8PrivateKeyInfo.parse(der: block.data, rules: .openSSL) else { throw error }
                return try pkcs8(info)
            }
        case "EC PRIVATE KEY":
            #if EC
            // As above: a PKCS#8 body under this label is read too.
            if let info = try? PKCS8PrivateKeyInfo.parse(der: block.data, rules: .openSSL) { return try pkcs8(info) }
            return try ecPrivate(block.data, outer: nil)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        case "EC PARAMETERS":
            #if EC
            return try ecParameters(block.data)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        case "PUBLIC KEY":
            return try publicReading(try SubjectPublicKeyInfo.parse(der: block.data, rules: .openSSL))
        case "RSA PUBLIC KEY":
            // As above: a SubjectPublicKeyInfo under this label is read as one, of an RSA key only
            // (the label restricts the decoders to RSA's).
            if let spki = try? SubjectPublicKeyInfo.parse(der: block.data, rules: .openSSL) {
                guard [.rsaEncryption, .rsassaPSS].contains(spki.algorithm.algorithm) else {
                    throw CryptoError(
                        .invalidParameter, "a \(PKeyKeys.name(of: spki.algorithm.algorithm)) key under 'RSA PUBLIC KEY'"
                    )
                }
                return try publicReading(spki)
            }
            let k = try PKCS1RSAPublicKey.parse(der: block.data, rules: .openSSL)
            let key = try RSAPublicKey(modulus: k.modulus, publicExponent: k.publicExponent)
            return Reading(kind: .publicKey, type: "RSA", der: ["i2d_PUBKEY": PKeyDER.rsaPublic(key)])
        case "DSA PARAMETERS":
            #if DSA
            return try dsaParameters(block.data)
            #else
            throw FamilyDisabled(keyType: "DSA")
            #endif
        case "DH PARAMETERS", "X9.42 DH PARAMETERS":
            #if DH
            return try dhParameters(block.data, x942: block.label.hasPrefix("X9.42"))
            #else
            throw FamilyDisabled(keyType: block.label.hasPrefix("X9.42") ? "DHX" : "DH")
            #endif
        default:
            throw CryptoError(.invalidParameter, "PEM '\(block.label.prefix(40))' is not a key or parameters")
        }
    }

    /// DER, tried as OpenSSL's readers try it: a private key (PKCS#8, PKCS#1, the traditional
    /// DSA form), a public key (SubjectPublicKeyInfo), then parameters. The forms of a family
    /// this build leaves out are not tried.
    func der(_ bytes: [UInt8]) throws -> Reading {
        var problems: [String] = []
        var attempts: [() throws -> Reading] = [
            { try pkcs8(try PKCS8PrivateKeyInfo.parse(der: bytes, rules: .openSSL)) },
            {
                try privateReading(AlgorithmIdentifier(algorithm: .rsaEncryption, parameters: PKeyDER.null), bytes)
            },
        ]
        #if DSA
        attempts.append({ try dsaTraditional(bytes) })
        #endif
        attempts.append({ try publicReading(try SubjectPublicKeyInfo.parse(der: bytes, rules: .openSSL)) })
        if Self.isECPrivateKey(bytes) {
            #if EC
            attempts.insert({ try ecPrivate(bytes, outer: nil) }, at: 1)
            #else
            throw FamilyDisabled(keyType: "EC")
            #endif
        }
        for type in Self.parameterTypes(check) {
            switch type {
            #if DSA
            case "DSA": attempts.append({ try dsaParameters(bytes) })
            #endif
            #if DH
            case "DH": attempts.append({ try dhParameters(bytes, x942: false) })
            case "DHX": attempts.append({ try dhParameters(bytes, x942: true) })
            #endif
            default: break
            }
        }
        for attempt in attempts {
            do { return try attempt() } catch let e as PKeyUnsupported { throw e } catch let e as FamilyDisabled {
                throw e
            } catch { problems.append("\(error)") }
        }
        throw CryptoError(.invalidParameter, problems.joined(separator: "; "))
    }

    /// RFC 5915 `ECPrivateKey` (SEQUENCE { INTEGER version, OCTET STRING, ... }), the traditional EC form.
    static func isECPrivateKey(_ der: [UInt8]) -> Bool {
        guard der.count > 8, der[0] == 0x30 else { return false }
        var i = 1
        if der[1] & 0x80 != 0 { i += 1 + Int(der[1] & 0x7F) } else { i += 1 }
        guard i + 4 < der.count else { return false }
        // Any one-byte version (OpenSSL 3.0 reads and keeps another than 1).
        return der[i] == 0x02 && der[i + 1] == 0x01 && der[i + 3] == 0x04
    }

    func pkcs8(_ info: PKCS8PrivateKeyInfo) throws -> Reading {
        #if EC
        if info.algorithm.algorithm == .ecPublicKey {
            let outer = try info.algorithm.parameters.map { try ECDomainParameters.parse(der: $0, rules: .openSSL) }
            return try ecPrivate(info.privateKey, outer: outer)
        }
        #endif
        return try privateReading(info.algorithm, info.privateKey)
    }

    func unsupported(_ algorithm: AlgorithmIdentifier) -> Error {
        let name = PKeyKeys.name(of: algorithm.algorithm)
        if name == "EC" || name == "SM2" {
            #if EC
            return PKeyUnsupported(description: "\(name) keys under this algorithm identifier are not read yet")
            #else
            return FamilyDisabled(keyType: "EC")
            #endif
        }
        if name.first?.isNumber == true {
            // An algorithm no one names: refused, as OpenSSL refuses it (no decoder).
            return CryptoError(.unknownAlgorithm, "unknown key algorithm \(name)")
        }
        return PKeyUnsupported(description: "\(name) keys are not implemented yet")
    }

    func privateReading(_ algorithm: AlgorithmIdentifier, _ der: [UInt8]) throws -> Reading {
        let material = try PKeyKeys.privateKey(algorithm, der)
        switch material {
        case .rsa(let k?, let pub, let pss):
            // The version as read (OpenSSL keeps it); an RSA-PSS key has no type-specific form,
            // so i2d_PrivateKey writes PKCS#8 with the algorithm (and parameters) as read.
            var s = try PKCS1RSAPrivateKey.parse(der: try PKeyDER.rsaPrivate(k))
            s.version = try PKCS1RSAPrivateKey.parse(der: der, rules: .openSSL).version
            let pkcs1 = s.derEncoded()
            let priv =
                pss == nil ? pkcs1 : PKCS8PrivateKeyInfo(algorithm: algorithm, privateKey: pkcs1).derEncoded()
            return Reading(
                kind: .privateKey, type: pss == nil ? "RSA" : "RSA-PSS",
                der: ["i2d_PrivateKey": priv, "i2d_PUBKEY": rsaPublic(pub, algorithm)])
        #if DSA
        case .dsa(let k?, let pub):
            return Reading(
                kind: .privateKey, type: "DSA",
                der: ["i2d_PrivateKey": PKeyDER.dsaPrivate(k), "i2d_PUBKEY": PKeyDER.dsaPublic(pub)],
                validate: { try k.parameters.check() })
        #endif
        #if DH
        case .dh(let k?, let pub):
            let a = dhAlgorithm(k.parameters, algorithm)
            return Reading(
                kind: .privateKey, type: a.algorithm == .dhPublicNumber ? "DHX" : "DH",
                der: [
                    "i2d_PrivateKey": PKCS8PrivateKeyInfo(algorithm: a, privateKey: PKeyDER.integer(k.x)).derEncoded(),
                    "i2d_PUBKEY": PKeyDER.spki(a, PKeyDER.integer(pub.y)),
                ],
                validate: {
                    try k.parameters.check()
                    try pub.check()
                })
        #endif
        #if EC
        case .ecx(let k):
            return try ecxReading(k)
        #endif
        default:
            throw unsupported(algorithm)
        }
    }

    func publicReading(_ spki: SubjectPublicKeyInfo) throws -> Reading {
        #if EC
        if spki.algorithm.algorithm == .ecPublicKey { return try ecPublic(spki) }
        #endif
        let material = try PKeyKeys.publicKey(spki.algorithm, spki.subjectPublicKey)
        switch material {
        case .rsa(_, let pub, let pss):
            return Reading(
                kind: .publicKey, type: pss == nil ? "RSA" : "RSA-PSS",
                der: ["i2d_PUBKEY": rsaPublic(pub, spki.algorithm)])
        #if DSA
        case .dsa(_, let pub):
            return Reading(
                kind: .publicKey, type: "DSA", der: ["i2d_PUBKEY": PKeyDER.dsaPublic(pub)],
                validate: { try pub.parameters.check() })
        #endif
        #if DH
        case .dh(_, let pub):
            let a = dhAlgorithm(pub.parameters, spki.algorithm)
            return Reading(
                kind: .publicKey, type: a.algorithm == .dhPublicNumber ? "DHX" : "DH",
                der: ["i2d_PUBKEY": PKeyDER.spki(a, PKeyDER.integer(pub.y))],
                validate: {
                    try pub.parameters.check()
                    try pub.check()
                })
        #endif
        #if EC
        case .ecx(let k):
            return try ecxReading(k)
        #endif
        default:
            throw unsupported(spki.algorithm)
        }
    }

    /// An RSA-PSS key keeps its algorithm (and `RSASSA-PSS-params`) as read.
    func rsaPublic(_ key: RSAPublicKey, _ algorithm: AlgorithmIdentifier) -> [UInt8] {
        guard algorithm.algorithm == .rsassaPSS else { return PKeyDER.rsaPublic(key) }
        return PKeyDER.spki(
            algorithm, PKCS1RSAPublicKey(modulus: key.modulus, publicExponent: key.publicExponent).derEncoded())
    }

    #if DH
    /// PKCS#3 parameters under `dhKeyAgreement`, X9.42 under `dhpublicnumber`, as the key was read.
    func dhAlgorithm(_ p: DHParameters, _ read: AlgorithmIdentifier) -> AlgorithmIdentifier {
        if read.algorithm == .dhPublicNumber, let q = p.q {
            return AlgorithmIdentifier(
                algorithm: .dhPublicNumber, parameters: X942DHParameters(p: p.p, g: p.g, q: q).derEncoded())
        }
        return AlgorithmIdentifier(
            algorithm: .dhKeyAgreement, parameters: PKCS3DHParameters(p: p.p, g: p.g).derEncoded())
    }
    #endif

    #if DSA
    func dsaTraditional(_ der: [UInt8]) throws -> Reading {
        let s = try DSATraditionalPrivateKey.parse(der: der, rules: .openSSL)
        let parameters = try DSAParameters(p: s.parameters.p, q: s.parameters.q, g: s.parameters.g)
        let key = try DSAPrivateKey(parameters: parameters, x: s.privateKey)
        // The version as read (OpenSSL keeps it and writes it back).
        let priv = DSATraditionalPrivateKey(
            version: s.version, parameters: s.parameters,
            publicKey: key.publicKey.y, privateKey: key.x
        ).derEncoded()
        return Reading(
            kind: .privateKey, type: "DSA",
            der: ["i2d_PrivateKey": priv, "i2d_PUBKEY": PKeyDER.dsaPublic(key.publicKey)],
            validate: { try parameters.check() })
    }

    func dsaParameters(_ der: [UInt8]) throws -> Reading {
        let d = try DSSParameters.parse(der: der, rules: .openSSL)
        let p = try DSAParameters(p: d.p, q: d.q, g: d.g)
        return Reading(
            kind: .parameters, type: "DSA", der: ["i2d_KeyParams": PKeyDER.dss(p)], validate: { try p.check() })
    }
    #endif

    #if DH
    func dhParameters(_ der: [UInt8], x942: Bool) throws -> Reading {
        if x942 {
            let d = try X942DHParameters.parse(der: der, rules: .openSSL)
            let p = try DHParameters(p: d.p, g: d.g, q: d.q)
            return Reading(
                kind: .parameters, type: "DHX",
                der: ["i2d_KeyParams": X942DHParameters(p: p.p, g: p.g, q: p.q ?? d.q).derEncoded()],
                validate: { try p.check() })
        }
        let d = try PKCS3DHParameters.parse(der: der, rules: .openSSL)
        let p = try DHParameters(p: d.p, g: d.g)
        // privateValueLength as read: OpenSSL keeps it (DH_get_length) and writes it back.
        return Reading(
            kind: .parameters, type: "DH",
            der: [
                "i2d_KeyParams": PKCS3DHParameters(p: p.p, g: p.g, privateValueLength: d.privateValueLength)
                    .derEncoded()
            ],
            validate: { try p.check() })
    }
    #endif
}

/// LibCrypto's side of a `key-file` case alone (no OpenSSL), for the `keyfile` fuzz target: the
/// file read as `KeyFileSteps` reads it on the LibCrypto side (PEM or DER to an RSA, DSA, DH,
/// EC or ECX key or parameters) and written back as the DER forms it is compared in.
public enum KeyFileLibCrypto {
    /// What LibCrypto made of a key file.
    public struct Reading: Sendable {
        /// `a private key`, `a public key` or `parameters`.
        public var kind: String
        /// The key type (`RSA`, `RSA-PSS`, `DSA`, `DH`, `DHX`, `EC`, `X25519`, `ED25519` ...).
        public var type: String
        /// The DER forms by OpenSSL's function name (`i2d_PrivateKey`, `i2d_PUBKEY`, `i2d_KeyParams`).
        public var der: [String: [UInt8]]
        /// LibCrypto's validity check of what it read (parameter and public-value checks).
        public var validate: (@Sendable () throws -> Void)?
    }

    /// Reads `check` with LibCrypto; a file it refuses (or cannot read yet) is a thrown error.
    public static func read(_ check: KeyFileCheck) throws -> Reading {
        let r = try KeyFileSteps(check: check).libCrypto()
        let validate: (@Sendable () throws -> Void)? = r.validate.map { f in
            nonisolated(unsafe) let f = f
            return { @Sendable in try f() }
        }
        return Reading(kind: r.kind.rawValue, type: r.type, der: r.der, validate: validate)
    }
}
