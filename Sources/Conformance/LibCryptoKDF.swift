import LibCrypto
import Vectors

/// Reads OpenSSL-style KDF parameters (`digest`, `pass`, `salt`, `iter`, `key`, `info`, `mode`,
/// `n`, `r`, `p`, `maxmem_bytes`, `secret`, `id`, `seed`, `prefix`, `label`, `data`, `xcghash`,
/// `session_id`, `type`, `mac`, `cipher`, `cekalg`, `constant`, …) and calls LibCrypto's typed KDFs, the way
/// `EVP_KDF_CTX_set_params` feeds OpenSSL's. An unknown or repeated-but-single parameter is an
/// error, never ignored.
struct LibCryptoKDF {
    let input: KDFInput
    init(_ input: KDFInput) { self.input = input }

    private func values(_ name: String) -> [KDFParameter] {
        input.parameters.filter { $0.name.lowercased() == name }
    }

    private func bytes(_ name: String, default value: [UInt8]? = nil) throws -> [UInt8] {
        guard let p = values(name).last else {
            if let value { return value }
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter \(name)")
        }
        return p.bytes
    }

    private func integer(_ name: String, default value: Int? = nil) throws -> Int {
        guard let p = values(name).last else {
            if let value { return value }
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter \(name)")
        }
        guard let n = Int(p.text) else {
            throw ctrl("\(input.kdf): \(name) is not an integer: \(p.text)")
        }
        return n
    }

    private func digest() throws -> any HashFunction.Type {
        guard let p = values("digest").last else {
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter digest")
        }
        return try StepFailure.at("KDF_CTRL_ERROR") { try Registry.digest(named: p.text).hashType }
    }

    /// A parameter OpenSSL keeps only when it is non-empty (`sskdf_set_buffer` and friends).
    private func nonEmpty(_ name: String) -> [UInt8]? {
        guard let b = values(name).last?.bytes, !b.isEmpty else { return nil }
        return b
    }

    private func flag(_ name: String, default value: Bool) throws -> Bool {
        guard values(name).last != nil else { return value }
        return try integer(name) != 0
    }

    private func cipher() throws -> CipherAlgorithm {
        guard let p = values("cipher").last else {
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter cipher")
        }
        return try StepFailure.at("KDF_CTRL_ERROR") { try Registry.cipher(named: p.text) }
    }

    /// The `mac` parameter: HMAC or CMAC; KMAC (OpenSSL's SSKDF option) is not in LibCrypto yet.
    private func macName() throws -> String? {
        guard let m = values("mac").last?.text.uppercased() else { return nil }
        if m.hasPrefix("KMAC") { throw CryptoError(.unsupportedOperation, "\(input.kdf): KMAC not available") }
        guard m == "HMAC" || m == "CMAC" else {
            throw ctrl("\(input.kdf): unsupported MAC \(m)")
        }
        return m
    }

    /// A parameter OpenSSL refuses when it is set (`EVP_KDF_CTX_set_params`), before any
    /// derivation: evp_test's `KDF_CTRL_ERROR`. Every other failure is a derive failure.
    private func ctrl(_ message: String) -> StepFailure {
        StepFailure(step: "KDF_CTRL_ERROR", underlying: CryptoError(.invalidParameter, message))
    }

    private func checkNames(_ allowed: Set<String>) throws {
        for p in input.parameters where !allowed.contains(p.name.lowercased()) {
            throw ctrl("\(input.kdf): unknown parameter \(p.name)")
        }
    }

    func derive() throws -> [UInt8] {
        let length = input.outputLength
        switch input.kdf.uppercased() {
        case "PBKDF2":
            try checkNames(["digest", "pass", "salt", "iter", "pkcs5"])
            return try PBKDF2.derive(
                try digest(), password: try bytes("pass"), salt: try bytes("salt"),
                iterations: try integer("iter", default: 2048), length: length)
        case "PBKDF1":
            try checkNames(["digest", "pass", "salt", "iter"])
            return try PBKDF1.derive(
                try digest(), password: try bytes("pass"), salt: try bytes("salt"),
                iterations: try integer("iter", default: 1), length: length)
        case "HKDF":
            try checkNames(["digest", "key", "salt", "info", "mode"])
            var mode = HKDF.Mode.extractAndExpand
            if let m = values("mode").last {
                switch m.text.uppercased() {
                case "EXTRACT_AND_EXPAND", "0": mode = .extractAndExpand
                case "EXTRACT_ONLY", "1": mode = .extractOnly
                case "EXPAND_ONLY", "2": mode = .expandOnly
                default: throw ctrl("HKDF: unknown mode \(m.text)")
                }
            }
            let info = values("info").flatMap(\.bytes)
            return try HKDF.derive(
                try digest(), mode: mode, key: try bytes("key"), salt: try bytes("salt", default: []),
                info: info, length: length)
        case "SCRYPT", "ID-SCRYPT":
            #if SCRYPT
            try checkNames(["pass", "salt", "n", "r", "p", "maxmem_bytes"])
            return try Scrypt.derive(
                password: try bytes("pass"), salt: try bytes("salt"), n: try integer("n", default: 1 << 20),
                r: try integer("r", default: 8), p: try integer("p", default: 1), length: length,
                maxMemory: try integer("maxmem_bytes", default: Scrypt.defaultMaxMemory))
            #else
            throw CryptoError.unknownAlgorithm(input.kdf)
            #endif
        case "X963KDF", "X942KDF-CONCAT":
            try checkNames(["digest", "key", "secret", "info"])
            let secret = try values("secret").last?.bytes ?? bytes("key")
            return try X963KDF.derive(
                try digest(), sharedSecret: secret, sharedInfo: values("info").flatMap(\.bytes), length: length)
        case "PKCS12KDF":
            try checkNames(["digest", "pass", "salt", "iter", "id"])
            let id = try integer("id")
            guard (1...3).contains(id) else {
                throw CryptoError(.invalidParameter, "PKCS12KDF: id must be 1, 2 or 3, not \(id)")
            }
            return try PKCS12KDF.derive(
                try digest(), password: try bytes("pass"), salt: try bytes("salt"), id: UInt8(id),
                iterations: try integer("iter", default: 2048), length: length)
        case "TLS1-PRF":
            try checkNames(["digest", "secret", "seed"])
            return try TLS1PRF.derive(
                try digest(), secret: try bytes("secret"), seed: values("seed").flatMap(\.bytes), length: length)
        case "TLS13-KDF":
            try checkNames(["digest", "mode", "key", "salt", "prefix", "label", "data"])
            let mode: TLS13KDF.Mode
            switch values("mode").last?.text.uppercased() {
            case "EXTRACT_ONLY", "1": mode = .extractOnly
            case "EXPAND_ONLY", "2": mode = .expandOnly
            case nil: throw CryptoError(.invalidParameter, "TLS13-KDF: no mode (EXTRACT_ONLY or EXPAND_ONLY)")
            case let m?: throw ctrl("TLS13-KDF: invalid mode \(m)")
            }
            return try TLS13KDF.derive(
                try digest(), mode: mode, key: values("key").last?.bytes, salt: values("salt").last?.bytes,
                prefix: try bytes("prefix", default: []), label: try bytes("label", default: []),
                data: try bytes("data", default: []), length: length)
        case "SSHKDF":
            try checkNames(["digest", "key", "xcghash", "session_id", "type"])
            let type = Array(try values("type").last.map(\.text).unwrapped("SSHKDF: missing parameter type").utf8)
            guard type.count == 1, (0x41...0x46).contains(type[0]) else {
                throw ctrl("SSHKDF: type must be one letter A...F")
            }
            return try SSHKDF.derive(
                try digest(), key: try bytes("key"), exchangeHash: try bytes("xcghash"),
                sessionID: try bytes("session_id"), type: type[0], length: length)
        case "SSKDF":
            try checkNames(["digest", "secret", "key", "info", "salt", "mac", "maxlen"])
            let secret = try (nonEmpty("secret") ?? nonEmpty("key")).unwrapped("SSKDF: missing secret")
            let info = values("info").flatMap(\.bytes)
            switch try macName() {
            case nil:
                return try SSKDF.derive(try digest(), secret: secret, info: info, length: length)
            case "HMAC":
                return try SSKDF.deriveHMAC(
                    try digest(), secret: secret, salt: nonEmpty("salt"), info: info, length: length)
            default:
                throw CryptoError(.invalidParameter, "SSKDF: unsupported MAC type (HMAC or KMAC)")
            }
        case "X942KDF-ASN1", "X942KDF":
            try checkNames([
                "digest", "secret", "key", "cekalg", "acvp-info", "partyu-info", "ukm", "partyv-info",
                "supp-pubinfo", "supp-privinfo", "use-keybits",
            ])
            let secret = try (nonEmpty("secret") ?? nonEmpty("key")).unwrapped("X942KDF: missing secret")
            let cek = try values("cekalg").last.map(\.text).unwrapped("X942KDF: missing cekalg")
            guard let algorithm = X942KDF.KeyWrapAlgorithm(openSSLName: cek) else {
                throw ctrl("X942KDF: unsupported cekalg \(cek)")
            }
            var other = X942KDF.OtherInfo()
            other.acvpInfo = nonEmpty("acvp-info") ?? []
            other.partyUInfo = nonEmpty("partyu-info") ?? nonEmpty("ukm") ?? []
            other.partyVInfo = nonEmpty("partyv-info") ?? []
            other.suppPrivInfo = nonEmpty("supp-privinfo") ?? []
            other.useKeyBits = try flag("use-keybits", default: true)
            if !values("supp-pubinfo").isEmpty {
                other.suppPubInfo = nonEmpty("supp-pubinfo") ?? []
                other.useKeyBits = false
            }
            return try X942KDF.derive(
                try digest(), secret: secret, algorithm: algorithm, otherInfo: other, length: length)
        case "KBKDF":
            try checkNames([
                "mac", "digest", "cipher", "mode", "key", "salt", "info", "seed", "use-l", "use-separator", "r",
            ])
            let prf: KBKDF.PRF
            switch try macName() {
            case "HMAC": prf = .hmac(try digest())
            case "CMAC": prf = .cmac(try cipher())
            default: throw CryptoError(.invalidParameter, "KBKDF: missing parameter mac")
            }
            var mode = KBKDF.Mode.counter
            if let m = values("mode").last {
                guard let parsed = KBKDF.Mode(rawValue: m.text.uppercased()) else {
                    throw ctrl("KBKDF: invalid mode \(m.text)")
                }
                mode = parsed
            }
            return try KBKDF.derive(
                prf: prf, mode: mode, key: nonEmpty("key") ?? [], label: nonEmpty("salt") ?? [],
                context: nonEmpty("info") ?? [], iv: nonEmpty("seed") ?? [], useL: try flag("use-l", default: true),
                useSeparator: try flag("use-separator", default: true), counterBits: try integer("r", default: 32),
                length: length)
        case "KRB5KDF":
            try checkNames(["cipher", "key", "constant"])
            return try KRB5KDF.derive(
                cipher: try cipher(), key: try bytes("key"), constant: try bytes("constant"), length: length)
        default:
            throw CryptoError.unknownAlgorithm(input.kdf)
        }
    }
}

extension Optional {
    /// The value, or an `invalidParameter` error with `message` when nil.
    fileprivate func unwrapped(_ message: String) throws -> Wrapped {
        guard let v = self else { throw CryptoError(.invalidParameter, message) }
        return v
    }
}
